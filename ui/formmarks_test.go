package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// visibleTexts counts the visible texts t in o, as drawn.
func visibleTexts(o fyne.CanvasObject, t string) int {
	n := 0
	for _, c := range test.LaidOutObjects(o) {
		if tx, ok := c.(*canvas.Text); ok && tx.Visible() && tx.Text == t {
			n++
		}
	}
	return n
}

// validationMark is the mark beside a field as drawn: "check", "error" or "" for none.
func validationMark(e fyne.Widget) string {
	var mark string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if im, ok := o.(*canvas.Image); ok && im.Visible() && im.Resource != nil {
			switch im.Resource.Name() {
			case "foreground_check.svg":
				mark = "check"
			case "error_error.svg":
				mark = "error"
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			r := test.WidgetRenderer(w)
			r.Refresh()
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(e)
	return mark
}

// TestFreshIntakeFormSaysNothingIsMissing: the form for the next complaint, after one was
// registered, shows no red "Verplicht" before the practitioner typed; a field emptied again
// does.
func TestFreshIntakeFormSaysNothingIsMissing(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(fyne.NewSize(1180, 720))
	m.ShowIntake()
	in := m.Intake
	test.Type(in.form.name, "Zoë van 't Hoff")
	test.Type(in.form.summary, "Afspraak zonder bericht verzet")
	in.form.channel.SetSelectedIndex(2)
	in.form.subject.SetSelectedIndex(0)
	m.win.Canvas().Focus(in.form.summary)
	test.Tap(in.save)
	settle(m)
	m.win.Canvas().Unfocus()
	if n := visibleTexts(m.win.Content(), "Verplicht"); n != 0 {
		t.Errorf("the fresh form shows %d times Verplicht", n)
	}
	if mark := validationMark(in.form.name); mark != "" {
		t.Errorf("the empty name field has mark %q", mark)
	}
	if in.problem.Importance == widget.DangerImportance {
		t.Errorf("the fresh form shows %q in red", in.problem.Text)
	}
	test.Type(in.form.name, "A")
	in.form.name.SetText("") // typed and erased: now it is missing
	if err := in.form.name.Validate(); err == nil || in.problem.Importance != widget.DangerImportance {
		t.Errorf("an erased name is not reported (%v), or not in red", err)
	}
}

// TestFutureDateShowsTheErrorMarkNotACheck: a received date typed into the future gets no
// green check while the cursor is in the field, and the error mark once it leaves.
func TestFutureDateShowsTheErrorMarkNotACheck(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(fyne.NewSize(1180, 720))
	m.ShowIntake()
	e := m.Intake.form.received
	c := m.win.Canvas()
	c.Focus(e)
	e.SetText("")
	test.Type(e, "01-12-2026") // tomorrow
	if mark := validationMark(e); mark == "check" {
		t.Errorf("a future date shows a green check while typing")
	}
	c.Unfocus()
	if mark := validationMark(e); mark != "error" {
		t.Errorf("a future date shows mark %q after leaving the field, want the error mark", mark)
	}
	c.Focus(e)
	e.SetText("")
	test.Type(e, "30-11-2026")
	c.Unfocus()
	if mark := validationMark(e); mark != "check" {
		t.Errorf("today shows mark %q", mark)
	}
}
