package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSettingsHintsSitUnderTheirFields: on the settings screen, whose labels stand above their
// fields, each explanation is part of its field's row; a row of its own opened the gap of an
// empty label between the field and its explanation.
func TestSettingsHintsSitUnderTheirFields(t *testing.T) {
	m, _ := newApp(t)
	m.Settings.content()
	forms := 0
	for _, tab := range m.Settings.tabs.Items {
		for _, o := range test.LaidOutObjects(tab.Content) {
			f, ok := o.(*widget.Form)
			if !ok || f.Orientation != widget.Vertical {
				continue
			}
			forms++
			for _, it := range f.Items {
				if l, ok := it.Widget.(*widget.Label); ok && it.Text == "" && l.TextStyle.Italic {
					t.Errorf("%s: the explanation %q has a row of its own", tab.Text, l.Text)
				}
			}
		}
	}
	if forms == 0 {
		t.Fatal("no settings form found")
	}
}
