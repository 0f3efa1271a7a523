package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

func pressEscape(c fyne.Canvas) { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }

// TestTheMenuOfStepsOpensAgainAfterEscape: Escape closes the menu "Andere stappen" through the
// menu's own Hide, so the button opens it again (it did nothing until the app restarted).
func TestTheMenuOfStepsOpensAgainAfterEscape(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), "")
	settle(m)
	c := cf.win.Canvas()
	for round := range 3 {
		test.Tap(cf.others)
		if c.Overlays().Top() == nil || !cf.menu.Visible() {
			t.Fatalf("round %d: the menu of steps did not open", round)
		}
		pressEscape(c)
		if c.Overlays().Top() != nil {
			t.Fatalf("round %d: Escape left the menu open", round)
		}
	}
}

// TestEscapeClosesADialogThroughItsOwnHide: a question answered by Escape gets the answer of
// its Cancel button; a drop-down list closed by Escape opens again; the dialog that shows work
// in progress stays.
func TestEscapeClosesADialogThroughItsOwnHide(t *testing.T) {
	m, _ := newApp(t)
	c := m.win.Canvas()
	answers := []bool{}
	showDialog(dialog.NewConfirm("Vraag", "Doorgaan?", func(yes bool) { answers = append(answers, yes) }, m.win), m.win)
	pressEscape(c)
	if c.Overlays().Top() != nil || len(answers) != 1 || answers[0] {
		t.Fatalf("after Escape: overlay %v, answers %v", c.Overlays().Top(), answers)
	}

	sel := newSelect([]string{"een", "twee"}, nil)
	w := test.NewTempWindow(t, sel)
	closeOnEscape(w)
	for round := range 2 {
		test.Tap(sel)
		if w.Canvas().Overlays().Top() == nil {
			t.Fatalf("round %d: the drop-down list did not open", round)
		}
		pressEscape(w.Canvas())
		if w.Canvas().Overlays().Top() != nil {
			t.Fatalf("round %d: Escape left the drop-down list open", round)
		}
	}

	working := busy(m.win, "Bezig", "Even geduld…")
	pressEscape(c)
	if c.Overlays().Top() == nil {
		t.Fatal("Escape closed the dialog of work that cannot be interrupted")
	}
	working.Hide()
}

// TestEscapeKeepsWhatWasTypedInAStepDialog: Escape cancels a step dialog as its Cancel button
// does, also with the focus outside a text field, so the dialog opens again with what was
// typed (Escape from a drop-down list lost it: only the pop-up was hidden).
func TestEscapeKeepsWhatWasTypedInAStepDialog(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), "")
	settle(m)
	cf.onResolve()
	outcome := "Wij hebben de factuur gecorrigeerd."
	for _, it := range cf.dialogItems {
		if e, ok := it.Widget.(*entry); ok && e.MultiLine {
			e.SetText(outcome)
		}
	}
	verdict := dialogField[*choice](t, cf, "Oordeel")
	cf.win.Canvas().Focus(verdict)
	typeKey(cf.win, fyne.KeyEscape, false)
	if cf.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the dialog open")
	}
	cf.onResolve()
	for _, it := range cf.dialogItems {
		if e, ok := it.Widget.(*entry); ok && e.MultiLine && e.Text == outcome {
			return
		}
	}
	t.Error("the dialog opened again without the outcome typed")
}
