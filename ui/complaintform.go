package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// complaintForm holds the fields of a complaint, shared by the intake form and the
// complaint file so both validate and read them the same way.
type complaintForm struct {
	name, address1, address2, postcode, city, country, email, phone *widget.Entry
	received, person, handler, summary, description, desired        *widget.Entry
	channel, subject                                                *widget.Select
	today                                                           func() data.Date
}

func newComplaintForm(today func() data.Date) *complaintForm {
	f := &complaintForm{today: today}
	for _, e := range []**widget.Entry{&f.name, &f.address1, &f.address2, &f.postcode, &f.city, &f.country,
		&f.email, &f.phone, &f.received, &f.person, &f.handler, &f.summary} {
		*e = widget.NewEntry()
	}
	f.description, f.desired = widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	f.description.Wrapping, f.desired.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.description.SetMinRowsVisible(3)
	f.name.Validator, f.summary.Validator = required, required
	f.received.Validator = dateValidator(false, true, today)
	f.received.SetPlaceHolder(lang.L("dd-mm-yyyy"))
	f.email.Validator = func(s string) error {
		if err := data.CheckEmail(s); err != nil {
			return errorf(problemText(err))
		}
		return nil
	}
	f.channel = widget.NewSelect(labels(data.Channels, channelLabel), nil)
	f.subject = widget.NewSelect(labels(data.Subjects, subjectLabel), nil)
	f.channel.PlaceHolder, f.subject.PlaceHolder = lang.L("(choose)"), lang.L("(choose)")
	return f
}

// setEditable makes every field editable or read-only, as for a closed file.
func (f *complaintForm) setEditable(on bool) {
	for _, w := range []fyne.Disableable{f.name, f.address1, f.address2, f.postcode, f.city, f.country, f.email, f.phone,
		f.received, f.person, f.handler, f.summary, f.description, f.desired, f.channel, f.subject} {
		setEnabled(w, on)
	}
}

// items lays the fields out; required ones are marked with an asterisk.
func (f *complaintForm) items() []*widget.FormItem {
	item := func(label string, w fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(lang.L(label), w) }
	return []*widget.FormItem{
		item("Complainant *", f.name), item("Address", f.address1), item("Address (line 2)", f.address2),
		item("Postcode", f.postcode), item("City", f.city), item("Country", f.country), item("E-mail", f.email),
		item("Phone", f.phone), item("Received on *", f.received), item("Received via *", f.channel),
		item("Subject *", f.subject), item("Person concerned", f.person), item("Handler", f.handler),
		item("Summary *", f.summary), item("Description of the complaint", f.description),
		item("Desired outcome", f.desired),
	}
}

// fill shows a complaint in the fields.
func (f *complaintForm) fill(c data.Complaint) {
	p := c.Complainant
	for e, v := range map[*widget.Entry]string{f.name: p.Name, f.address1: p.AddressLine1, f.address2: p.AddressLine2,
		f.postcode: p.Postcode, f.city: p.City, f.country: p.Country, f.email: p.Email, f.phone: p.Phone,
		f.received: shortDate(c.ReceivedOn), f.person: c.PersonNamed, f.handler: c.Handler, f.summary: c.Summary,
		f.description: c.Description, f.desired: c.Desired} {
		e.SetText(v)
	}
	f.channel.SetSelectedIndex(slices.Index(data.Channels, c.Channel))
	f.subject.SetSelectedIndex(slices.Index(data.Subjects, c.Subject))
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
	c.Complainant = data.Complainant{Name: f.name.Text, AddressLine1: f.address1.Text, AddressLine2: f.address2.Text,
		Postcode: f.postcode.Text, City: f.city.Text, Country: f.country.Text, Email: f.email.Text, Phone: f.phone.Text}
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
	err := c.Validate(f.today())
	var e *data.Error
	if errors.As(err, &e) && e.Field == "received_on" && strings.TrimSpace(f.received.Text) != "" {
		if perr := f.received.Validator(f.received.Text); perr != nil {
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
