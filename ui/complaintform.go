package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// complaintForm holds the fields of a complaint, shared by the intake form and the
// complaint file so both validate and read them the same way.
type complaintForm struct {
	name, address1, address2, postcode, city, country, email, phone *entry
	received, person, handler, summary, description, desired        *entry
	channel, subject                                                *choice
	today                                                           func() data.Date

	// How the letters address and describe: parts of the name proposed from the name typed
	// (and kept once the practitioner corrects them), the description with a live preview of
	// the sentence it makes, and the letters' language.
	person1, rep nameFields
	letterDesc   *entry
	preview      *widget.Label
	language     *choice
	// practice are the practice's settings: its language is the letters' language of a new
	// complaint while none is chosen, its country that of an address without one.
	practice         data.Settings
	org, repOrg      *entry // the organisation the complainant speaks for; the representative's firm
	repName, repLine *entry // the representative (gemachtigde) and their address
	repLine2, repPC  *entry
	repCity, repCtry *entry
	repEmail, repTel *entry
	// descHint says to whom the letters' description of the complaint is written: the
	// complainant ("uw klacht"), or the representative who filed it ("de klacht").
	descHint *widget.Label
	// changed is told of every edit, after the proposal and the preview are brought up to date.
	changed func()
	// typed are the fields typed in since the form was filled; only these say "Verplicht"
	// when empty, so a fresh form does not greet the practitioner with red words.
	typed   map[*entry]bool
	filling bool
}

// nameFields are the parts of a name the letters use: salutation, initials and surname.
type nameFields struct {
	salutation        *choice
	initials, surname *entry
	proposed          data.NameParts // the last proposal, still shown unless corrected
}

func newNameFields(onChange func()) nameFields {
	n := nameFields{salutation: newSelect(labels(data.Salutations, salutationLabel), func(string) { onChange() }),
		initials: newEntry(), surname: newEntry()}
	n.salutation.PlaceHolder = lang.L("neutral")
	n.initials.OnChanged, n.surname.OnChanged = func(string) { onChange() }, func(string) { onChange() }
	return n
}

// propose follows the name typed with a new proposal for the initials and surname, unless
// the practitioner has corrected the last one, and for the salutation ("mw. J. de Vries"),
// unless the practitioner chose another.
func (n *nameFields) propose(name string) {
	p := data.ProposeName(name)
	if name == "" {
		p = data.NameParts{}
	}
	if n.initials.Text == n.proposed.Initials && n.surname.Text == n.proposed.Surname {
		n.initials.SetText(p.Initials)
		n.surname.SetText(p.Surname)
	}
	if neutralIfNone(n.read().Salutation) == neutralIfNone(n.proposed.Salutation) {
		n.salutation.SetSelectedIndex(slices.Index(data.Salutations, p.Salutation)) // none: the placeholder, neutral
	}
	n.proposed = p
}

// neutralIfNone is the salutation a letter uses when none is chosen.
func neutralIfNone(s data.Salutation) data.Salutation {
	if s == "" {
		return data.SalutationNeutral
	}
	return s
}

func (n *nameFields) fill(name string, p data.NameParts) {
	n.proposed = data.ProposeName(name)
	if name == "" {
		n.proposed = data.NameParts{}
	}
	n.initials.SetText(p.Initials)
	n.surname.SetText(p.Surname)
	n.salutation.SetSelectedIndex(slices.Index(data.Salutations, p.Salutation))
}

func (n *nameFields) read() data.NameParts {
	p := data.NameParts{Initials: n.initials.Text, Surname: n.surname.Text}
	if i := n.salutation.SelectedIndex(); i >= 0 {
		p.Salutation = data.Salutations[i]
	}
	return p
}

func newComplaintForm(today func() data.Date) *complaintForm {
	f := &complaintForm{today: today, typed: map[*entry]bool{}}
	for _, e := range []**entry{&f.name, &f.address1, &f.address2, &f.postcode, &f.city, &f.country,
		&f.email, &f.phone, &f.received, &f.person, &f.handler, &f.summary} {
		*e = newEntry()
	}
	f.description, f.desired = newMultiLineEntry(), newMultiLineEntry()
	f.description.Wrapping, f.desired.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.description.SetMinRowsVisible(3)
	f.name.Validator = f.required(f.name)
	checkAsTyped(&f.received.Entry, dateValidator(false, true, today))
	f.received.SetPlaceHolder(lang.L("dd-mm-yyyy"))
	f.channel = newSelect(labels(data.Channels, channelLabel), nil)
	f.subject = newSelect(labels(data.Subjects, subjectLabel), nil)
	update := func() { f.update() }
	f.person1, f.rep = newNameFields(update), newNameFields(update)
	f.letterDesc = newEntry()
	f.preview = hintLabel("")
	f.language = newSelect([]string{languageName("nl"), languageName("en")}, func(string) { f.update() })
	f.language.PlaceHolder = lang.L("(the practice's language)")
	for _, e := range []**entry{&f.repName, &f.repLine, &f.repLine2, &f.repPC, &f.repCity, &f.repCtry, &f.repEmail, &f.repTel,
		&f.org, &f.repOrg} {
		*e = newEntry()
	}
	f.descHint = hintLabel("")
	f.checks()
	for _, e := range []*entry{f.name, f.address1, f.address2, f.postcode, f.city, f.country, f.email, f.phone,
		f.received, f.person, f.handler, f.summary, f.description, f.desired, f.letterDesc, f.repName, f.repLine,
		f.repLine2, f.repPC, f.repCity, f.repCtry, f.repEmail, f.repTel, f.org, f.repOrg} {
		e.OnChanged = func(string) { f.edited(e) }
	}
	f.name.OnChanged = func(s string) { f.person1.propose(s); f.edited(f.name) }
	f.repName.OnChanged = func(s string) { f.rep.propose(s); f.edited(f.repName) }
	f.channel.OnChanged, f.subject.OnChanged = func(string) { f.update() }, func(string) { f.update() }
	f.update()
	return f
}

// checks give the fields the store's own rules (data.CheckSummary, data.CheckPostcode,
// data.CheckEmail), so the mark beside a field agrees with what Save will say: a summary
// too long once showed a green tick. A postcode is checked against the country beside it.
func (f *complaintForm) checks() {
	checkAsTyped(&f.summary.Entry, func(s string) error {
		if err := data.CheckSummary(s); err != nil {
			return errorf(problemText(err))
		}
		return f.required(f.summary)(s)
	})
	practice := func() data.Settings { return f.practice }
	checkPostcodeAsTyped(f.postcode, f.country, "", practice)
	checkPostcodeAsTyped(f.repPC, f.repCtry, "rep_", practice)
	checkEmailAsTyped(f.email, "")
	checkEmailAsTyped(f.repEmail, "rep_")
}

// required is the check of a field that may not stay empty, once it was typed in.
func (f *complaintForm) required(e *entry) func(string) error {
	return func(s string) error {
		if !f.typed[e] {
			return nil
		}
		return required(s)
	}
}

// edited notes a field the practitioner typed in, and updates the form. A country typed
// decides anew whether the postcode beside it is right.
func (f *complaintForm) edited(e *entry) {
	if !f.filling {
		f.typed[e] = true
	}
	switch e {
	case f.country:
		f.postcode.Validate()
	case f.repCtry:
		f.repPC.Validate()
	}
	f.update()
}

// update shows the sentence the letters will make of the description, in the letters'
// language, and tells changed.
func (f *complaintForm) update() {
	c := f.read(data.Complaint{})
	language := c.Language
	if language == "" {
		language = f.practice.Language() // as the register will store it (data.Store.Create)
	}
	f.preview.SetText(lang.L("In the letters: {{.Sentence}}", map[string]any{"Sentence": letters.DescriptionPreview(&c, language)}))
	f.showDescHint(c.Representative.Name, c.ReceivedOn)
	if f.changed != nil {
		f.changed()
	}
}

// showDescHint says to whom the description is written, as the representative's name
// decides, with an example on the day of receipt. update calls it on every keystroke in the
// form, so it redraws only on a change.
func (f *complaintForm) showDescHint(repName string, received data.Date) {
	if received.IsZero() {
		received = f.today()
	}
	on := map[string]any{"Date": longDate(received)}
	hint, example := lang.L("Written to the complainant (‘your complaint …’); left empty, the letters use the description shown above."),
		lang.L("e.g. your complaint of {{.Date}} about our services", on)
	if strings.TrimSpace(repName) != "" {
		hint, example = lang.L("Written to the representative, who filed the complaint for the complainant (‘the complaint …’); left empty, the letters use the description shown above."),
			lang.L("e.g. the complaint of {{.Date}} about our services", on)
	}
	if f.descHint.Text != hint {
		f.descHint.SetText(hint)
	}
	if f.letterDesc.PlaceHolder != example {
		f.letterDesc.SetPlaceHolder(example)
	}
}

// field is the field of a complaint's letters that a refusal names by its stored name
// (data.Error's Field): the language of the letters and their description; nil for another.
func (f *complaintForm) field(name string) fyne.Focusable {
	switch name {
	case "language":
		return f.language
	case "letter_description":
		return f.letterDesc
	}
	return nil
}

// setEditable makes every field editable or read-only, as for a closed file.
func (f *complaintForm) setEditable(on bool) {
	for _, e := range f.entries() {
		setEnabled(e, on)
	}
	for _, c := range []*choice{f.channel, f.subject, f.person1.salutation, f.language, f.rep.salutation} {
		setEnabled(c, on)
	}
}

// entries are the form's text fields.
func (f *complaintForm) entries() []*entry {
	return []*entry{f.name, f.address1, f.address2, f.postcode, f.city, f.country, f.email, f.phone,
		f.received, f.person, f.handler, f.summary, f.description, f.desired, f.person1.initials, f.person1.surname,
		f.letterDesc, f.repName, f.rep.initials, f.rep.surname, f.repLine, f.repLine2, f.repPC, f.repCity, f.repCtry,
		f.repEmail, f.repTel, f.org, f.repOrg}
}

// items lays the fields out; required ones are marked with an asterisk.
func (f *complaintForm) items() []*widget.FormItem {
	item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(lang.L(label), w) }
	hint := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem { // both translated by the caller
		return &widget.FormItem{Text: label, Widget: w, HintText: hint}
	}
	return hintsBelow(widget.Horizontal, []*widget.FormItem{
		item("Complainant *", f.name),
		hint(lang.L("On behalf of (organisation)"), f.org, lang.L("Only when the complaint comes from a company or other organisation: its name. The letters then go to the organisation, for the attention of the complainant above.")),
		item("Salutation in letters", f.person1.salutation),
		hint(lang.L("Initials or first name"), f.person1.initials, lang.L("Proposed from the name; correct it if needed.")),
		hint(lang.L("Surname"), f.person1.surname, lang.L("With its prefix, such as van den Broek.")),
		item("Address", f.address1), item("Address (line 2)", f.address2),
		item("Postcode", f.postcode), item("City", f.city), item("Country", f.country), item("E-mail", f.email),
		item("Phone", f.phone), item("Received on *", f.received), item("Received via *", f.channel),
		item("Subject *", f.subject),
		hint(lang.L("Person concerned"), f.person, lang.L("Who the complaint is about, such as a staff member. Someone other than the handler is heard too before the complaint is decided.")),
		hint(lang.L("Handler"), f.handler, lang.L("Who handles the complaint: by the complaints procedure, the person it concerns. Empty: the practitioner.")),
		hint(lang.L("Summary *"), f.summary, lang.L("For the register only; letters never quote it.")),
		item("Description of the complaint", f.description), item("Desired outcome", f.desired),
		item("Language of the letters", f.language),
		item("Description of the complaint in the letters", container.NewVBox(f.letterDesc, f.preview)),
		widget.NewFormItem("", f.descHint), // as hintsBelow sets a hint, in words that follow the representative
		widget.NewFormItem("", heading(lang.L("Representative (optional): letters then go to them"))),
		item("Representative", f.repName), item("Organisation", f.repOrg), item("Salutation in letters", f.rep.salutation),
		item("Initials or first name", f.rep.initials), item("Surname", f.rep.surname),
		item("Address", f.repLine), item("Address (line 2)", f.repLine2), item("Postcode", f.repPC),
		item("City", f.repCity), item("Country", f.repCtry), item("E-mail", f.repEmail), item("Phone", f.repTel),
	})
}

// fill shows a complaint in the fields.
func (f *complaintForm) fill(c data.Complaint) {
	clear(f.typed)
	f.filling = true
	defer func() { f.filling = false }()
	p := c.Complainant
	for e, v := range map[*entry]string{f.name: p.Name, f.org: p.Organisation, f.address1: p.AddressLine1, f.address2: p.AddressLine2,
		f.postcode: p.Postcode, f.city: p.City, f.country: p.Country, f.email: p.Email, f.phone: p.Phone,
		f.received: shortDate(c.ReceivedOn), f.person: c.PersonNamed, f.handler: c.Handler, f.summary: c.Summary,
		f.description: c.Description, f.desired: c.Desired} {
		e.SetText(v)
	}
	f.handler.SetPlaceHolder(f.practice.PractitionerName()) // who handles it when the field is left empty (data.Store.Create)
	f.channel.SetSelectedIndex(slices.Index(data.Channels, c.Channel))
	f.subject.SetSelectedIndex(slices.Index(data.Subjects, c.Subject))
	r := c.Representative
	for e, v := range map[*entry]string{f.letterDesc: c.LetterDescription, f.repName: r.Name, f.repOrg: r.Organisation, f.repLine: r.AddressLine1,
		f.repLine2: r.AddressLine2, f.repPC: r.Postcode, f.repCity: r.City, f.repCtry: r.Country, f.repEmail: r.Email, f.repTel: r.Phone} {
		e.SetText(v)
	}
	f.person1.fill(p.Name, p.NameParts)
	f.rep.fill(r.Name, r.NameParts)
	f.language.SetSelectedIndex(slices.Index(data.Languages, c.Language))
	f.update()
}

// read returns the complaint as typed, over base (which carries the reference and status).
func (f *complaintForm) read(base data.Complaint) data.Complaint {
	c := base
	c.ReceivedOn, _ = parseDate(f.received.Text)
	if i := f.channel.SelectedIndex(); i >= 0 {
		c.Channel = data.Channels[i]
	}
	if i := f.subject.SelectedIndex(); i >= 0 {
		c.Subject = data.Subjects[i]
	}
	c.PersonNamed, c.Handler, c.Summary = f.person.Text, f.handler.Text, f.summary.Text
	c.Description, c.Desired = f.description.Text, f.desired.Text
	c.Complainant = data.Complainant{Name: f.name.Text, NameParts: f.person1.read(), Organisation: f.org.Text, AddressLine1: f.address1.Text,
		AddressLine2: f.address2.Text, Postcode: f.postcode.Text, City: f.city.Text, Country: f.country.Text,
		Email: f.email.Text, Phone: f.phone.Text}
	c.Representative = data.Complainant{Name: f.repName.Text, NameParts: f.rep.read(), Organisation: f.repOrg.Text, AddressLine1: f.repLine.Text,
		AddressLine2: f.repLine2.Text, Postcode: f.repPC.Text, City: f.repCity.Text, Country: f.repCtry.Text,
		Email: f.repEmail.Text, Phone: f.repTel.Text}
	c.LetterDescription = f.letterDesc.Text
	if i := f.language.SelectedIndex(); i >= 0 {
		c.Language = data.Languages[i]
	}
	return c
}

// problem returns the first reason the typed complaint cannot be saved, in the order of the
// form, using the domain's own checks.
func (f *complaintForm) problem(base data.Complaint) error {
	c := f.read(base)
	channel, subject := f.channel.SelectedIndex() >= 0, f.subject.SelectedIndex() >= 0
	if !channel {
		c.Channel = data.ChannelOther // checked below, after the fields above it
	}
	if !subject {
		c.Subject = data.SubjectOther
	}
	err := c.Validate(f.today(), f.practice)
	// A date that is no date reaches Validate as none; the field's own check says what is
	// wrong with it. Any other date (in the future, say) gets the domain's sentence, which
	// also says what to fill in.
	var e *data.Error
	if errors.As(err, &e) && e.Field == "received_on" && strings.TrimSpace(f.received.Text) != "" {
		if _, perr := parseDate(f.received.Text); perr != nil {
			return errorf(lang.L("Received on") + ": " + perr.Error())
		}
	}
	switch {
	case err != nil:
		return err
	case !channel:
		return errorf(lang.L("Choose how the complaint was received"))
	case !subject:
		return errorf(lang.L("Choose what the complaint concerns"))
	}
	return nil
}

// errorf makes an error of a translated sentence.
func errorf(msg string) error { return errors.New(msg) }

func labels[T any](xs []T, label func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = label(x)
	}
	return out
}
