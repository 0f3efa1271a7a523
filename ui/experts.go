package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// expertsStore is what the complaint file's experts tab needs from the store.
type expertsStore interface {
	Experts() ([]data.Expert, error)
	SaveExpert(e data.Expert) (int64, error)
	GiveConsent(ref string, c data.Consent) error
	WithdrawConsent(ref string, on data.Date) error
	ShareDocuments(ref string, sh data.Share) (int64, error)
}

func (cf *complaintFile) onConsent() {
	on, how, scope := dateEntry(cf.today), newEntry(), newEntry()
	how.SetText(lang.L("in writing (signed form)"))
	how.Validator, scope.Validator = required, required
	scope.SetPlaceHolder(lang.L("e.g. complaint letter, quotation and invoice"))
	cf.ask(lang.L("Record consent"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Consent given on"), on), widget.NewFormItem(lang.L("How consent was given"), how),
		widget.NewFormItem(lang.L("For which documents"), scope)},
		func() error {
			return cf.experts.GiveConsent(cf.ref, data.Consent{GivenOn: dateOf(on), How: how.Text, Scope: scope.Text})
		})
}

func (cf *complaintFile) onWithdrawConsent() {
	on := dateEntry(cf.today)
	cf.ask(lang.L("Consent withdrawn"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Withdrawn on"), on)},
		func() error { return cf.experts.WithdrawConsent(cf.ref, dateOf(on)) })
}

// onExpert adds an expert, or records the signed confidentiality statement of one already known.
func (cf *complaintFile) onExpert() {
	experts, err := cf.experts.Experts()
	if err != nil {
		showError(err, cf.win)
		return
	}
	name, org, email, signed := newEntry(), newEntry(), newEntry(), newEntry()
	title, titleAfter, line1, line2, pc, city, country := newEntry(), newEntry(), newEntry(), newEntry(), newEntry(), newEntry(), newEntry()
	parts := newNameFields(func() {})
	name.Validator = required
	name.OnChanged = parts.propose
	title.SetPlaceHolder(lang.L("e.g. prof. dr."))
	titleAfter.SetPlaceHolder(lang.L("e.g. RA"))
	signed.SetPlaceHolder(lang.L("dd-mm-yyyy"))
	signed.Validator = dateValidator(true, true, cf.today)
	options := []string{lang.L("New expert")}
	for _, e := range experts {
		options = append(options, e.Name)
	}
	var id int64
	which := widget.NewSelect(options, nil)
	which.OnChanged = func(string) {
		e := data.Expert{}
		if i := which.SelectedIndex(); i > 0 {
			e = experts[i-1]
		}
		id = e.ID
		for w, v := range map[*entry]string{name: e.Name, org: e.Organisation, email: e.Email, signed: shortDate(e.SignedOn),
			title: e.Title, titleAfter: e.TitleAfter, line1: e.AddressLine1, line2: e.AddressLine2, pc: e.Postcode,
			city: e.City, country: e.Country} {
			w.SetText(v)
		}
		parts.fill(e.Name, e.NameParts)
	}
	which.SetSelectedIndex(0)
	item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(lang.L(label), w) }
	parts.initials.SetPlaceHolder(lang.L("proposed from the name"))
	line1.SetPlaceHolder(lang.L("postal address (window envelope)"))
	// Pairs share a row, so the dialog fits the file's window.
	cf.ask(lang.L("External expert"), lang.L("Save"), []*widget.FormItem{
		item("Expert", which), item("Name", name), item("Salutation in letters", parts.salutation),
		item("Initials or first name", parts.initials), item("Surname", parts.surname),
		{Text: lang.L("Titles before and after the name"), Widget: container.NewGridWithColumns(2, title, titleAfter),
			HintText: lang.L("In the address only; a professor is addressed as such.")},
		item("Organisation", org), item("Address", line1), item("Address (line 2)", line2),
		item("Postcode and city", container.NewGridWithColumns(2, pc, city)), item("Country", country),
		item("E-mail", email),
		{Text: lang.L("Confidentiality statement signed on"), Widget: signed, HintText: lang.L("Leave empty until the signed statement is back.")}},
		func() error {
			_, err := cf.experts.SaveExpert(data.Expert{ID: id, Name: name.Text, NameParts: parts.read(), Title: title.Text,
				TitleAfter: titleAfter.Text, Organisation: org.Text, AddressLine1: line1.Text, AddressLine2: line2.Text,
				Postcode: pc.Text, City: city.Text, Country: country.Text, Email: email.Text, SignedOn: dateOf(signed)})
			return err
		})
}

// onShare logs documents sent to an expert; the store refuses it without consent and a
// signed confidentiality statement, and the dialog says so.
func (cf *complaintFile) onShare() {
	experts, err := cf.experts.Experts()
	if err != nil {
		showError(err, cf.win)
		return
	}
	if len(experts) == 0 {
		dialog.ShowInformation(lang.L("Share documents"), lang.L("Add the expert first, with the date the confidentiality statement was signed."), cf.win)
		return
	}
	names := make([]string, len(experts))
	for i, e := range experts {
		names[i] = e.Name
		if e.SignedOn.IsZero() {
			names[i] += " " + lang.L("(no signed confidentiality statement)")
		}
	}
	who, docs, on := widget.NewSelect(names, nil), newEntry(), dateEntry(cf.today)
	who.SetSelectedIndex(0)
	docs.Validator = required
	cf.ask(lang.L("Share documents"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Expert"), who), widget.NewFormItem(lang.L("Documents"), docs),
		widget.NewFormItem(lang.L("Shared on"), on)},
		func() error {
			_, err := cf.experts.ShareDocuments(cf.ref, data.Share{ExpertID: experts[who.SelectedIndex()].ID, Documents: docs.Text, SharedOn: dateOf(on)})
			return err
		})
}
