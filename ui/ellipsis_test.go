package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
)

// TestButtonsThatAskEndInAnEllipsis: a button of the complaint file that opens a dialog
// asking for more before it acts ends in "…" ("Afhandelen…"), as Dutch and English software
// writes it; one that acts at once does not. "Afhandelen", "Termijn verlengen", "Formeel
// maken" and others opened their dialogs without it. A mere confirmation ("Dossier sluiten")
// asks nothing more and keeps its plain name, as the conventions have it.
func TestButtonsThatAskEndInAnEllipsis(t *testing.T) {
	m, s := newApp(t)
	formal := addComplaint(t, s, "Mehmet Çelik")
	if err := s.GiveConsent(formal, data.Consent{How: "schriftelijk", Documents: data.Documents{All: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddContact(formal, data.Contact{On: data.NewDate(2026, 11, 24), Kind: data.ContactPhone, Note: "Gebeld",
		InfoRequested: "de factuur", InfoDueOn: data.NewDate(2026, 12, 10)}); err != nil {
		t.Fatal(err)
	}
	informal, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Fleur Kok", Email: "fleur@example.nl"},
		ReceivedOn: data.NewDate(2026, 11, 20), Channel: data.ChannelEmail, Subject: data.SubjectService, Summary: "Wachttijd"})
	if err != nil {
		t.Fatal(err)
	}
	acknowledged := addComplaint(t, s, "Daan Mulder")
	if err := s.Acknowledge(acknowledged, data.NewDate(2026, 11, 23), data.DeliveryPost, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	confirmations := map[string]bool{"Dossier sluiten": true}
	checked := map[string]bool{}
	for _, ref := range []string{formal, informal, acknowledged} {
		cf := m.OpenComplaint(ref, "")
		settle(m)
		buttons := []*button{cf.lists.addContact, cf.lists.askInformation, cf.lists.consentButton, cf.lists.withdrawConsent,
			cf.lists.statement, cf.lists.share}
		for _, b := range cf.buttons {
			buttons = append(buttons, b)
		}
		for _, b := range buttons {
			if b.Disabled() || checked[b.Text] {
				continue
			}
			checked[b.Text] = true
			overlays := cf.win.Canvas().Overlays()
			test.Tap(b)
			asked := overlays.Top() != nil
			if asked && !confirmations[b.Text] != strings.HasSuffix(b.Text, "…") || !asked && strings.HasSuffix(b.Text, "…") {
				t.Errorf("%q opens a dialog: %v", b.Text, asked)
			}
			for overlays.Top() != nil {
				overlays.Top().Hide()
				overlays.Remove(overlays.Top())
			}
		}
	}
	for _, want := range []string{"Afhandelen…", "Termijn verlengen…", "Formeel maken…", "Informatie ontvangen…", "Toestemming ingetrokken…"} {
		if !checked[want] {
			t.Errorf("%q was not tried; tried %v", want, checked)
		}
	}
}

// TestTodaysLongItemEndsInAnEllipsis: on Vandaag, a measure's description too long for the
// row ends in "…"; the row cut it off mid-word without one ("…in elke opdrachtbevestigi").
func TestTodaysLongItemEndsInAnEllipsis(t *testing.T) {
	m, s := newApp(t)
	if _, err := s.AddMeasure(data.Measure{Description: strings.Repeat("De klachtenprocedure vermelden op de website en in elke opdrachtbevestiging. ", 4),
		RootCause: "communicatie", DueOn: data.NewDate(2026, 12, 2)}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	o := m.Overview
	if len(o.items) == 0 {
		t.Fatal("Vandaag lists nothing")
	}
	row := o.newRow()
	o.updateRow(0, row)
	row.Resize(fyne.NewSize(700, row.MinSize().Height))
	var shown []string
	for _, obj := range test.LaidOutObjects(row) {
		if c, ok := obj.(*canvas.Text); ok && c.Text != "" {
			shown = append(shown, c.Text)
		}
	}
	if all := strings.Join(shown, " | "); !strings.Contains(all, "…") || !strings.Contains(all, "Verbetermaatregel") {
		t.Errorf("the narrow row shows %q: the measure without an ellipsis", all)
	}
}
