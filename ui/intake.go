package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// complaintCreator is what the intake form needs from the store.
type complaintCreator interface {
	Create(c data.Complaint) (string, error)
	Settings() (data.Settings, error) // the practice's language, for the letters' until one is chosen
}

// intake is the short form for a complaint that comes in by phone or lies on the desk.
type intake struct {
	store  complaintCreator
	form   *complaintForm
	formal *check
	// The phone intake (shown when a phone complaint is formal) and anonymity.
	takenBy   *entry
	explicit  *check
	phoneForm *widget.Form
	anonymous *check
	save      *button
	problem   *widget.Label
	scroll    *container.Scroll // the form's
	// created is told the new reference, so the app can refresh and open the new file.
	created func(ref string)
	fail    func(error)
}

func newIntake(store complaintCreator, today func() data.Date, created func(string), fail func(error)) *intake {
	in := &intake{store: store, form: newComplaintForm(today), created: created, fail: fail}
	in.formal = newCheck("", func(bool) { in.check() })
	in.takenBy = newEntry()
	in.takenBy.OnChanged = func(string) { in.check() }
	in.explicit = newCheck("", func(bool) { in.check() })
	in.phoneForm = widget.NewForm(widget.NewFormItem(lang.L("Taken by *"), in.takenBy),
		widget.NewFormItem("", checkText(in.explicit, lang.L("The complainant explicitly asked for the formal complaints procedure"))))
	in.anonymous = newCheck("", func(bool) { in.check() })
	in.save = newButton(lang.L("Register complaint"), in.onSave)
	in.save.Importance = widget.HighImportance
	in.problem = widget.NewLabel("")
	in.problem.Importance = widget.DangerImportance
	in.problem.Wrapping = fyne.TextWrapWord
	f := in.form
	f.changed = in.check
	f.channel.OnChanged = func(string) {
		i := f.channel.SelectedIndex()
		if i >= 0 && slices.Contains([]data.Channel{data.ChannelLetter, data.ChannelEmail}, data.Channels[i]) {
			in.formal.SetChecked(true) // a written complaint is a formal one unless the practitioner says otherwise
		}
		f.update()
	}
	in.reset()
	return in
}

func (in *intake) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("New complaint"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := wrapped(lang.L("Fields marked * are required."))
	// How the complaint came in, and whether it is formal or anonymous, come first: the
	// practitioner decides them before anything else, and they decide which fields matter.
	f := in.form
	form := widget.NewForm(hintsBelow(widget.Horizontal, []*widget.FormItem{widget.NewFormItem(lang.L("Received on *"), f.received),
		widget.NewFormItem(lang.L("Received via *"), f.channel),
		widget.NewFormItem("", container.NewVBox(
			checkText(in.formal, lang.L("Formal complaints procedure (in writing, or explicitly asked for by phone)")), in.phoneForm)),
		widget.NewFormItem("", checkText(in.anonymous, lang.L("Anonymous (no name; informal only, for the evaluation)")))})...)
	for _, it := range withoutFields(f.items(), map[fyne.CanvasObject]bool{f.received: true, f.channel: true}) {
		form.AppendItem(it)
	}
	in.scroll = formScroll(form)
	return container.NewBorder(container.NewVBox(title, hint), container.NewVBox(in.problem, in.save), nil, nil, in.scroll)
}

// reset empties the form for the next complaint; the date received starts at today.
func (in *intake) reset() {
	if set, err := in.store.Settings(); err == nil {
		in.form.practice = set
	}
	in.form.fill(data.Complaint{ReceivedOn: in.form.today()})
	in.form.channel.ClearSelected()
	in.form.subject.ClearSelected()
	in.form.language.ClearSelected()
	in.formal.SetChecked(false)
	in.takenBy.SetText(in.form.practice.PractitionerName()) // in a practice of one, who takes the calls
	in.explicit.SetChecked(false)
	in.anonymous.SetChecked(false)
	in.check()
	if in.scroll != nil { // the next complaint starts at the top, not at the last field typed
		in.scroll.ScrollToTop()
	}
}

// typed is the complaint as the form holds it.
func (in *intake) typed() data.Complaint {
	c := in.form.read(data.Complaint{Formal: in.formal.Checked, Anonymous: in.anonymous.Checked})
	c.PhoneIntake = data.PhoneIntake{TakenBy: in.takenBy.Text, ExplicitRequest: in.explicit.Checked}
	return c
}

// phoneFormal reports whether the form holds a formal complaint taken by phone, which shows
// the fields the procedure asks for then.
func (in *intake) phoneFormal() bool {
	i := in.form.channel.SelectedIndex()
	return in.formal.Checked && i >= 0 && data.Channels[i] == data.ChannelPhone
}

// check keeps Save disabled, with the reason beside it, until the complaint can be saved. An
// anonymous complaint has no name or contact details and cannot be formal; a formal phone
// complaint shows who took the call and the explicit request.
func (in *intake) check() {
	if in.takenBy == nil || in.anonymous == nil {
		return // still being built
	}
	anon := in.anonymous.Checked
	f := in.form
	for _, e := range []*entry{f.name, f.address1, f.address2, f.postcode, f.city, f.country, f.email, f.phone} {
		if anon && e.Text != "" {
			e.SetText("")
		}
		setEnabled(e, !anon)
	}
	f.name.Validator = f.required(f.name)
	if anon {
		f.name.Validator = nil
		in.formal.SetChecked(false)
	}
	setEnabled(in.formal, !anon)
	if show := in.phoneFormal(); show != in.phoneForm.Visible() {
		in.phoneForm.Hidden = !show
		if in.scroll != nil {
			in.scroll.Content.Refresh() // the fields below move down or up
		}
	}
	c := in.typed()
	err := in.form.problem(c)
	if err == nil && c.Formal {
		err = c.FormalRefusal(c.PhoneIntake)
	}
	if err != nil {
		// Until the practitioner starts, the reason is a quiet hint rather than a red error.
		in.problem.Importance = widget.LowImportance
		if len(f.typed) > 0 || f.channel.SelectedIndex() >= 0 || f.subject.SelectedIndex() >= 0 { // also a field typed and emptied: now it is missing
			in.problem.Importance = widget.DangerImportance
		}
		in.problem.SetText(problemText(err))
		in.save.Disable()
		return
	}
	in.problem.SetText("")
	if c.Formal { // registering is fine; the letters would be refused later, so say it now
		if err := letters.AddressRefusal(c, in.form.practice); err != nil {
			in.problem.Importance = widget.WarningImportance
			in.problem.SetText(lang.L("You can register it, but no letter can be sent yet:") + " " + problemText(err))
		}
	}
	in.save.Enable()
}

// takeOver shows what was typed in old, the form this one replaces when the language of the
// screens changes: rebuilt empty, it lost a complaint half typed without a word.
func (in *intake) takeOver(old *intake) {
	if old == nil || !old.started() {
		return
	}
	in.form.fill(old.typed())
	for _, e := range in.form.entries() {
		if e.Text != "" && e != in.form.received {
			in.form.typed[e] = true // typed, as in the old form: quitting asks about it
		}
	}
	in.formal.SetChecked(old.formal.Checked)
	in.anonymous.SetChecked(old.anonymous.Checked)
	in.takenBy.SetText(old.takenBy.Text)
	in.explicit.SetChecked(old.explicit.Checked)
	in.check()
}

// started reports whether the practitioner began a complaint here: typed in a field or chose
// how it came in or what it is about. Quitting then asks first (Main.unsaved).
func (in *intake) started() bool {
	f := in.form
	for e := range f.typed {
		if strings.TrimSpace(e.Text) != "" { // typed and emptied again is not started
			return true
		}
	}
	return f.channel.SelectedIndex() >= 0 || f.subject.SelectedIndex() >= 0
}

func (in *intake) onSave() {
	ref, err := in.store.Create(in.typed())
	if err != nil {
		in.fail(err)
		return
	}
	in.reset()
	in.created(ref)
}
