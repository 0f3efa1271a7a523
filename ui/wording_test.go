package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
)

// TestTheWordsThePractitionerReads: labels and messages the walkthrough found wanting, as
// the screens show them now.
func TestTheWordsThePractitionerReads(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), "")
	settle(m)
	said := func() string {
		var b strings.Builder
		for _, it := range cf.dialogItems {
			b.WriteString(it.Text + "\n")
			switch w := it.Widget.(type) {
			case *check:
				b.WriteString(w.Text + "\n")
			case *entry:
				b.WriteString(w.Text + "\n")
			}
		}
		cf.dialog.Hide()
		return b.String()
	}
	cf.onResolve()
	if got := said(); !strings.Contains(got, "\nReden waarom iemand niet is gehoord\n") {
		t.Errorf("resolve dialog: %q", got)
	}
	cf.onContact(data.ContactPhone, false)
	if got := said(); !strings.Contains(got, "\nZijn of haar kant van de zaak is gehoord\n") {
		t.Errorf("contact dialog: %q", got)
	}
	cf.onConsent()
	if got := said(); !strings.Contains(got, "\nschriftelijk, op een getekend formulier\n") {
		t.Errorf("consent dialog: %q", got)
	}
	if got := texts(cf.win.Content()); !strings.Contains(got, "Omschrijving van de klacht in de brieven") {
		t.Errorf("the file's details do not name the letters' description: %q", got)
	}

	test.Type(m.Intake.form.name, "Zoë van 't Hoff")
	if got := m.Intake.problem.Text; got != "Vul bij ‘Klacht in het kort’ in waar de klacht over gaat." {
		t.Errorf("intake without a summary: %q", got)
	}
	if got := m.Settings.backups.status.Text; !strings.Contains(got, "Kies hierboven een map op een andere schijf") || strings.Contains(got, "bij Instellingen") {
		t.Errorf("backup settings: %q", got)
	}
}

// TestConsentChoicesNameTheDaySent: the documents to tick when recording the complainant's
// answer, or sharing with an expert, are those the consent form offers: the letters the
// complainant received (not a draft, not the expert's confidentiality statement, which was
// offered to share with the expert herself), each with the day it was sent, as the form names
// it ("Ontvangstbevestiging van mijn klacht, verstuurd op 8 oktober 2026").
func TestConsentChoicesNameTheDaySent(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), "")
	settle(m)
	cf.file.Letters = []data.Letter{{ID: 4, Kind: data.LetterAcknowledgement, Version: 1, SentOn: data.NewDate(2026, 10, 8)},
		{ID: 5, Kind: data.LetterProgress, Version: 1},                                                        // never sent: not on the form
		{ID: 6, Kind: data.LetterConfidentiality, Version: 1, SentOn: data.NewDate(2026, 10, 9), ExpertID: 1}} // the expert's own
	group, _ := cf.documentChoices()
	want := []string{"brief 4 (ontvangstbevestiging, versie 1, verstuurd op 08-10-2026)"}
	if !slices.Equal(group.Options, want) {
		t.Errorf("options %q, want %q", group.Options, want)
	}
}

// TestMeasureHintNamesTheWkkgzOnlyForCare: the measure's description is quoted to the
// complainant only under the Wkkgz, so only a care practice's dialog says so (an accountant
// read "…en onder de Wkkgz ook in de uitkomstbrief").
func TestMeasureHintNamesTheWkkgzOnlyForCare(t *testing.T) {
	m, s := newApp(t)
	for _, tc := range []struct {
		profession string
		wkkgz      bool
	}{{data.ProfessionAccountancy, false}, {data.ProfessionCare, true}} {
		if err := s.SetSettings(map[string]string{data.KeyProfession: tc.profession}); err != nil {
			t.Fatal(err)
		}
		d := editMeasure(m.win, s, m.today, nil, "", func(string) {})
		if text := overlayText(m.win); strings.Contains(text, "Wkkgz") != tc.wkkgz || !strings.Contains(text, "jaarverslag") {
			t.Errorf("%s: the measure dialog says %q", tc.profession, text)
		}
		d.Hide()
	}
}

// TestExpertsTabNamesTheRegistersExperts: the experts tab names the register's experts in its
// first row, so one just saved is seen (the rows list only what happened in this file, and a
// walk took the new expert for not saved).
func TestExpertsTabNamesTheRegistersExperts(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), "")
	settle(m)
	if len(cf.lists.expertRows) != 0 {
		t.Errorf("without experts the tab says %q", cf.lists.expertRows)
	}
	if _, err := s.SaveExpert(data.Expert{Name: "Marieke Smits", Email: "m.smits@advies.example"}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if got := cf.lists.expertRows; len(got) != 1 || got[0] != "Deskundigen in het register: Marieke Smits." {
		t.Errorf("the experts tab says %q", got)
	}
}
