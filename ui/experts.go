package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	RecordStatement(ref string, expertID int64, signed data.Date) error
	ShareDocuments(ref string, sh data.Share) (int64, error)
	CopiesOut(ref string) ([]data.CopiesOut, error)
	RecordCopiesReturned(ref string, r data.CopiesReturned) error
}

// consentLabel is the consent state in the practitioner's words, with its date.
func consentLabel(f *data.File) string {
	state, on := f.ConsentState()
	label := map[data.ConsentState]string{data.ConsentNotAsked: lang.L("not asked"), data.ConsentAsked: lang.L("asked"),
		data.ConsentGiven: lang.L("given"), data.ConsentRefused: lang.L("refused"), data.ConsentWithdrawn: lang.L("withdrawn")}[state]
	if on.IsZero() {
		return lang.L("Consent for an external expert: {{.State}}", map[string]any{"State": label})
	}
	return lang.L("Consent for an external expert: {{.State}} ({{.On}})", map[string]any{"State": label, "On": shortDate(on)})
}

// documentChoices lists the documents of the file to tick as the consent form offers them
// (the letters the complainant received, with the day each was sent, and the attachments),
// and reads back the ticked ones.
func (cf *complaintFile) documentChoices() (*widget.CheckGroup, func() data.Documents) {
	var options []string
	picked := map[string]data.Documents{}
	for _, l := range cf.file.Letters {
		if !l.Offered() { // not the expert's own statement, nor a letter never sent: the form offers neither
			continue
		}
		// With the day it was sent, as the consent form names it to the complainant.
		o := lang.L("letter {{.ID}} ({{.Kind}}, version {{.Version}}, sent on {{.Sent}})",
			map[string]any{"ID": l.ID, "Kind": letterLabel(l.Kind), "Version": l.Version, "Sent": shortDate(l.SentOn)})
		options, picked[o] = append(options, o), data.Documents{Letters: []int64{l.ID}}
	}
	for _, a := range cf.file.Attachments {
		o := lang.L("attachment {{.ID}} ({{.Name}})", map[string]any{"ID": a.ID, "Name": a.Name})
		options, picked[o] = append(options, o), data.Documents{Attachments: []int64{a.ID}}
	}
	group := widget.NewCheckGroup(options, nil)
	return group, func() data.Documents {
		var d data.Documents
		for _, o := range group.Selected {
			d.Letters = append(d.Letters, picked[o].Letters...)
			d.Attachments = append(d.Attachments, picked[o].Attachments...)
		}
		return d
	}
}

// onConsent records the complainant's answer on the consent form: given, for every document
// or the ones ticked, or refused.
func (cf *complaintFile) onConsent() {
	answers := []string{lang.L("Consent given"), lang.L("Consent refused")}
	answer := widget.NewRadioGroup(answers, nil)
	answer.SetSelected(answers[0])
	on, how := cf.stepDate(data.ActionConsultExpert), newEntry()
	how.SetText(lang.L("in writing, on a signed form"))
	how.Validator = required
	all := newCheck(lang.L("All documents in the file, including those added later"), nil)
	docs, read := cf.documentChoices()
	answer.OnChanged = func(s string) {
		given := s == answers[0]
		setEnabled(all, given)
		setEnabled(docs, given && !all.Checked)
	}
	all.OnChanged = func(bool) { answer.OnChanged(answer.Selected) }
	cf.ask(lang.L("Record consent"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Answer"), answer),
		widget.NewFormItem(lang.L("Answered on"), on), widget.NewFormItem(lang.L("How"), how),
		widget.NewFormItem(lang.L("For which documents"), all),
		{Text: "", Widget: docs, HintText: lang.L("Tick what the complainant ticked on the form.")}},
		func() error {
			c := data.Consent{GivenOn: dateOf(on), How: how.Text, Refused: answer.Selected == answers[1]}
			if !c.Refused {
				c.Documents = read()
				c.All = all.Checked
				if c.All {
					c.Letters, c.Attachments = nil, nil
				}
			}
			return cf.experts.GiveConsent(cf.ref, c)
		})
}

// onWithdrawConsent records the withdrawal, and then names the experts who hold copies shared
// under the consent: they are to be asked to return or destroy them (an action item each, until
// onCopiesReturned records it).
func (cf *complaintFile) onWithdrawConsent() {
	on := dateEntry(cf.today)
	cf.ask(lang.L("Consent withdrawn"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Withdrawn on"), on)},
		func() error {
			if err := cf.experts.WithdrawConsent(cf.ref, dateOf(on)); err != nil {
				return err
			}
			if out, err := cf.experts.CopiesOut(cf.ref); err == nil && len(out) > 0 {
				inform(lang.L("Consent withdrawn"), copiesOutText(out), cf.win)
			}
			return nil
		})
}

// holders are the experts who hold copies, by name.
func holders(out []data.CopiesOut) []string {
	names := make([]string, len(out))
	for i, o := range out {
		names[i] = o.Expert
	}
	return names
}

// copiesOutText says who holds copies without consent now, and what the practitioner does.
func copiesOutText(out []data.CopiesOut) string {
	return lang.L("Copies of documents of this complaint were shared with: {{.Experts}}. Without consent they may not keep them: ask them to return the copies or to destroy them. Today lists this as a to-do until you record it with ‘Copies returned or destroyed…’ on the Experts tab.",
		map[string]any{"Experts": strings.Join(holders(out), ", ")})
}

// onCopiesReturned records that an expert returned the copies shared under a consent that was
// withdrawn, or confirmed that they destroyed them.
func (cf *complaintFile) onCopiesReturned() {
	out := cf.file.CopiesOut
	if len(out) == 0 {
		return
	}
	who := newSelect(holders(out), nil)
	who.SetSelectedIndex(0)
	answers := []string{lang.L("Returned"), lang.L("Destroyed")}
	how := widget.NewRadioGroup(answers, nil)
	how.SetSelected(answers[0])
	on := dateEntry(cf.today)
	cf.ask(lang.L("Copies returned or destroyed"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Expert"), who),
		{Text: lang.L("The copies were"), Widget: how, HintText: lang.L("Destroyed: the expert confirmed that the copies, paper and digital, were destroyed.")},
		widget.NewFormItem(lang.L("Date"), on)},
		func() error {
			return cf.experts.RecordCopiesReturned(cf.ref, data.CopiesReturned{ExpertID: out[max(0, who.SelectedIndex())].ExpertID,
				On: dateOf(on), Destroyed: how.Selected == answers[1]})
		})
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
	// The titles typed with the name ("drs. P. Bakker") are proposed for the title fields and
	// left out of the initials, as the register stores them (data.SplitTitles).
	var proposedTitle, proposedAfter string
	filling := false
	name.OnChanged = func(typed string) {
		if filling {
			return
		}
		before, rest, after := data.SplitTitles(typed)
		parts.propose(rest)
		if title.Text == proposedTitle && titleAfter.Text == proposedAfter {
			title.SetText(before)
			titleAfter.SetText(after)
		}
		proposedTitle, proposedAfter = before, after
	}
	title.SetPlaceHolder(lang.L("e.g. prof. dr."))
	titleAfter.SetPlaceHolder(lang.L("e.g. RA"))
	signed.SetPlaceHolder(lang.L("dd-mm-yyyy"))
	checkAsTyped(&signed.Entry, dateValidator(true, true, cf.today))
	checkPostcodeAsTyped(pc, country, "expert_", func() data.Settings { return cf.file.Settings })
	checkEmailAsTyped(email, "expert_")
	country.OnChanged = func(string) { pc.Validate() }
	options := []string{lang.L("New expert")}
	for _, e := range experts {
		options = append(options, e.Name)
	}
	var id int64
	which := newSelect(options, nil)
	which.OnChanged = func(string) {
		e := data.Expert{}
		if i := which.SelectedIndex(); i > 0 {
			e = experts[i-1]
		}
		id = e.ID
		filling = true
		defer func() { filling = false }()
		for w, v := range map[*entry]string{name: e.Name, org: e.Organisation, email: e.Email, signed: shortDate(e.SignedOn),
			title: e.Title, titleAfter: e.TitleAfter, line1: e.AddressLine1, line2: e.AddressLine2, pc: e.Postcode,
			city: e.City, country: e.Country} {
			w.SetText(v)
		}
		var rest string
		proposedTitle, rest, proposedAfter = data.SplitTitles(e.Name)
		parts.fill(rest, e.NameParts)
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
		{Text: lang.L("General confidentiality statement signed on"), Widget: signed, HintText: lang.L("For your own records. Documents of a complaint are shared only once the expert has signed the statement for that complaint: in its file, tab Experts › Statement signed…")}},
		func() error {
			if _, err := cf.experts.SaveExpert(data.Expert{ID: id, Name: name.Text, NameParts: parts.read(), Title: title.Text,
				TitleAfter: titleAfter.Text, Organisation: org.Text, AddressLine1: line1.Text, AddressLine2: line2.Text,
				Postcode: pc.Text, City: city.Text, Country: country.Text, Email: email.Text, SignedOn: dateOf(signed)}); err != nil {
				return err
			}
			if id == 0 && slices.Contains(makeable(cf.file, cf.today()), data.LetterConfidentiality) {
				// A new expert shows in this file only once signed for it: say what comes next.
				saved := name.Text
				cf.afterStep = func() {
					inform(lang.L("External expert"), lang.L("{{.Name}} is saved. Next, make the confidentiality statement for this complaint under Letters; once it is back signed, record that with ‘Statement signed…’.",
						map[string]any{"Name": saved}), cf.win)
				}
			}
			return nil
		})
}

// pickExpert is a choice of the register's experts, the first for whom likely holds chosen
// (else the first): the expert a step is most likely for, not simply the first of the
// register. It says so and returns nil when there are none yet.
func (cf *complaintFile) pickExpert(title string, likely func(expert int64) bool) (*choice, []data.Expert) {
	experts, err := cf.experts.Experts()
	if err != nil {
		showError(err, cf.win)
		return nil, nil
	}
	if len(experts) == 0 {
		inform(title, lang.L("Add the expert first."), cf.win)
		return nil, nil
	}
	names := make([]string, len(experts))
	for i, e := range experts {
		names[i] = e.Name
		if !cf.statementSigned(e.ID) {
			names[i] += " " + lang.L("(statement not signed for this complaint)")
		}
	}
	who := newSelect(names, nil)
	who.SetSelectedIndex(max(0, slices.IndexFunc(experts, func(e data.Expert) bool { return likely(e.ID) })))
	return who, experts
}

func (cf *complaintFile) statementSigned(expert int64) bool {
	for _, st := range cf.file.Statements {
		if st.ExpertID == expert {
			return true
		}
	}
	return false
}

// statementMade is the date of the latest confidentiality statement for this complaint made
// for the expert, zero when none was: the day from which they can sign it.
func (cf *complaintFile) statementMade(expert int64) data.Date {
	var made data.Date
	for _, l := range cf.file.Letters {
		if l.Kind == data.LetterConfidentiality && l.ExpertID == expert {
			made = l.DatedOn
		}
	}
	return made
}

// onStatement records that the expert signed the confidentiality statement made for this
// complaint; the store refuses a date before that letter was made.
func (cf *complaintFile) onStatement() {
	who, experts := cf.pickExpert(lang.L("Confidentiality statement signed"), func(id int64) bool { // made for them, not signed yet
		return !cf.statementMade(id).IsZero() && !cf.statementSigned(id)
	})
	if who == nil {
		return
	}
	signed := dateEntry(cf.today)
	// What the file holds for the expert chosen, as it is now: the statement to sign may have
	// been made since the file was opened. Without one, Record waits (the store refuses it).
	made := func() data.Date { return cf.statementMade(experts[max(0, who.SelectedIndex())].ID) }
	hint := hintLabel("")
	who.OnChanged = func(string) {
		on := made()
		if on.IsZero() { // Record waits, and the line above it says why
			showLine(hint, "")
			return
		}
		showLine(hint, lang.L("The confidentiality statement for this complaint is dated {{.On}}; the expert signs it on or after that day.",
			map[string]any{"On": shortDate(on)}))
	}
	who.OnChanged(who.Selected)
	cf.ask(lang.L("Confidentiality statement signed"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Expert"), who), widget.NewFormItem(lang.L("Signed on"), signed), widget.NewFormItem("", hint)},
		func() error {
			return cf.experts.RecordStatement(cf.ref, experts[who.SelectedIndex()].ID, dateOf(signed))
		})
	cf.dialog.waits = func() string {
		if made().IsZero() {
			return lang.L("Make the confidentiality statement for this complaint on the Letters tab first.")
		}
		return ""
	}
	cf.dialog.revalidate()
}

// onShare logs the documents of the file sent to an expert; the store refuses it without a
// statement for this complaint, without consent, or for documents the consent does not name.
func (cf *complaintFile) onShare() {
	who, experts := cf.pickExpert(lang.L("Share documents"), cf.statementSigned)
	if who == nil {
		return
	}
	docs, read := cf.documentChoices()
	on := dateEntry(cf.today)
	cf.ask(lang.L("Share documents"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Expert"), who), widget.NewFormItem(lang.L("Documents"), docs),
		widget.NewFormItem(lang.L("Shared on"), on)},
		func() error {
			d := read()
			_, err := cf.experts.ShareDocuments(cf.ref, data.Share{ExpertID: experts[who.SelectedIndex()].ID, Letters: d.Letters, Attachments: d.Attachments, SharedOn: dateOf(on)})
			return err
		})
}

// expertRows are the experts tab's lines: the answers on consent, the statements signed and
// the documents shared.
func expertRows(f *data.File) []string {
	var rows []string
	names := f.Names() // the documents in the screens' language; the register keeps them in Dutch
	for _, c := range f.Consents {
		v := map[string]any{"On": shortDate(c.GivenOn), "How": c.How, "Scope": say(names.Describe(c.Documents))}
		// How is gone from an anonymised file (it may name people); then no empty brackets.
		if c.State() == data.ConsentRefused {
			row := lang.L("Consent refused {{.On}} ({{.How}})", v)
			if c.How == "" {
				row = lang.L("Consent refused {{.On}}", v)
			}
			rows = append(rows, row)
			continue
		}
		row := lang.L("Consent given {{.On}} ({{.How}}) for: {{.Scope}}", v)
		if c.How == "" {
			row = lang.L("Consent given {{.On}} for: {{.Scope}}", v)
		}
		if !c.WithdrawnOn.IsZero() {
			row += " · " + lang.L("withdrawn {{.On}}", map[string]any{"On": shortDate(c.WithdrawnOn)})
		}
		rows = append(rows, row)
	}
	for _, st := range f.Statements {
		rows = append(rows, lang.L("{{.On}} confidentiality statement signed by {{.Expert}}", map[string]any{"On": shortDate(st.SignedOn), "Expert": st.ExpertName}))
	}
	for _, s := range f.Shares {
		rows = append(rows, lang.L("{{.On}} shared with {{.Expert}}: {{.Documents}}",
			map[string]any{"On": shortDate(s.SharedOn), "Expert": s.ExpertName, "Documents": say(names.Describe(data.Documents{Letters: s.Letters, Attachments: s.Attachments}))}))
	}
	for _, back := range f.CopiesBack() {
		rows = append(rows, say(back))
	}
	for _, o := range f.CopiesOut {
		row := lang.L("{{.Expert}} still holds copies without consent (withdrawn {{.On}}): ask for them back or to destroy them",
			map[string]any{"Expert": o.Expert, "On": shortDate(o.WithdrawnOn)})
		if o.WithdrawnOn.IsZero() { // the file ended: the statement promises them back once the advice is given
			row = lang.L("{{.Expert}} still holds copies, and the file has ended ({{.On}}): ask for them back or to destroy them, as the confidentiality statement promises",
				map[string]any{"Expert": o.Expert, "On": shortDate(o.EndedOn)})
		}
		rows = append(rows, row)
	}
	return rows
}
