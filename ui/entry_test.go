package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTypedSpacesSurviveTheWrap types a text into a field of several lines at widths where
// its spaces fall where a line wraps: the text is kept exactly as typed. Fyne 2.8.1 left the
// cursor before such a space, so "the annual accounts" was saved as "the annualaccounts ".
func TestTypedSpacesSurviveTheWrap(t *testing.T) {
	test.NewTempApp(t)
	want := "We need more time to review the annual accounts. We have heard her account of the meeting and all the rest of it."
	for _, width := range []float32{120, 150, 180, 200, 230, 260, 300} {
		e := newMultiLineEntry()
		w := test.NewTempWindow(t, e)
		w.Resize(fyne.NewSize(width, 300))
		w.Canvas().Focus(e)
		for _, r := range want {
			e.TypedRune(r)
		}
		if e.Text != want {
			t.Errorf("at width %v the field holds %q", width, e.Text)
		}
	}
}
