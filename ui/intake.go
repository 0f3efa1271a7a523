package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// complaintCreator is what the intake form needs from the store.
type complaintCreator interface {
	Create(c data.Complaint) (string, error)
}

// intake is the short form for a complaint that comes in by phone or lies on the desk.
type intake struct {
	store   complaintCreator
	form    *complaintForm
	formal  *widget.Check
	save    *widget.Button
	problem *widget.Label
	// created is told the new reference, so the app can refresh and open the new file.
	created func(ref string)
	fail    func(error)
}

func newIntake(store complaintCreator, today func() data.Date, created func(string), fail func(error)) *intake {
	in := &intake{store: store, form: newComplaintForm(today), created: created, fail: fail}
	in.formal = widget.NewCheck(lang.L("Formal complaints procedure (in writing, or explicitly asked for by phone)"), nil)
	in.save = widget.NewButton(lang.L("Register complaint"), in.onSave)
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
	hint := widget.NewLabel(lang.L("Fields marked * are required."))
	form := widget.NewForm(in.form.items()...)
	form.Append("", in.formal)
	return container.NewBorder(container.NewVBox(title, hint), container.NewVBox(in.problem, in.save), nil, nil,
		container.NewVScroll(form))
}

// reset empties the form for the next complaint; the date received starts at today.
func (in *intake) reset() {
	in.form.fill(data.Complaint{ReceivedOn: in.form.today()})
	in.form.channel.ClearSelected()
	in.form.subject.ClearSelected()
	in.form.language.ClearSelected()
	in.formal.SetChecked(false)
	in.check()
}

// check keeps Save disabled, with the reason beside it, until the complaint can be saved.
func (in *intake) check() {
	if err := in.form.problem(data.Complaint{Formal: in.formal.Checked}); err != nil {
		in.problem.SetText(problemText(err))
		in.save.Disable()
		return
	}
	in.problem.SetText("")
	in.save.Enable()
}

func (in *intake) onSave() {
	c := in.form.read(data.Complaint{Formal: in.formal.Checked})
	ref, err := in.store.Create(c)
	if err != nil {
		in.fail(err)
		return
	}
	in.reset()
	in.created(ref)
}
