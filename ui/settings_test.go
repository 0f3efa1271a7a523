package ui

import (
	"strings"
	"testing"

	"klachtenregister/data"
	"klachtenregister/letters"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSettingsHintsSitUnderTheirFields: on the settings screen, whose labels stand above their
// fields, each explanation is part of its field's row, and the buttons and the backups' panel
// stand below the form: a row of their own opened the gap of an empty label above them.
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
				if it.Text == "" {
					t.Errorf("%s: a row without a label stands under the gap of an empty one: %#v", tab.Text, it.Widget)
				}
			}
		}
	}
	if forms == 0 {
		t.Fatal("no settings form found")
	}
}

// TestSettingRefusalNamesNoKey: a refused setting is named in the screen by its label only;
// the key in parentheses ("(retention_years)") is for the CLI, where it is typed.
func TestSettingRefusalNamesNoKey(t *testing.T) {
	newApp(t)
	_, err := data.CheckSetting(data.KeyRetentionYears, "0")
	if err == nil {
		t.Fatal("0 years accepted")
	}
	if got := problemText(err); strings.Contains(got, "retention_years") || !strings.HasPrefix(got, "Bewaartermijn na sluiting (jaren): vul een heel getal") {
		t.Errorf("the screen says %q", got)
	}
	if got := err.Error(); !strings.Contains(got, "Bewaartermijn na sluiting (jaren) (retention_years): ") {
		t.Errorf("the CLI says %q", got)
	}
}

// TestStandardTextAsksBeforeReplacingAnOwnText: "Beginnen met de standaardtekst" fills an
// empty letter text at once, but asks before it replaces a text the practice wrote.
func TestStandardTextAsksBeforeReplacingAnOwnText(t *testing.T) {
	m, _ := newApp(t)
	set := m.Settings
	e := set.entries[data.LetterTextKey(data.LetterAcknowledgement, "nl")]
	standard := findButton(t, set.letterTexts(), "Beginnen met de standaardtekst")
	own := "Beste {naam},\n\nDank voor uw klacht."
	e.SetText(own)
	test.Tap(standard)
	if e.Text != own || m.win.Canvas().Overlays().Top() == nil {
		t.Errorf("an own text was replaced without asking (dialog %v): %q", m.win.Canvas().Overlays().Top() != nil, e.Text)
	}
	m.win.Canvas().Overlays().Top().Hide()
	e.SetText("")
	test.Tap(standard)
	if e.Text != letters.DefaultBody(data.LetterAcknowledgement, "nl") {
		t.Errorf("an empty text did not get the standard text: %q", e.Text)
	}
}
