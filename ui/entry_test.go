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

// TestADateThatDoesNotExistIsNamed: a date typed in the right form whose day does not exist
// is named as such, rather than asking for the form it already has.
func TestADateThatDoesNotExistIsNamed(t *testing.T) {
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"31-02-2027":  "31-02-2027 bestaat niet; controleer de dag en de maand",
		"2027-02-30":  "2027-02-30 bestaat niet; controleer de dag en de maand",
		"31 februari": "Typ de datum als dd-mm-jjjj, bijvoorbeeld 29-11-2026",
	} {
		if _, err := parseDate(in); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", in, err, want)
		}
	}
	if d, err := parseDate("29-02-2028"); err != nil || d.String() != "2028-02-29" {
		t.Errorf("29-02-2028: %v %v", d, err)
	}
}
