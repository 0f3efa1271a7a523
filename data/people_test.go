package data

import (
	"strings"
	"testing"
)

// TestReportMasksEveryPerson: a measure description stored before descriptions were checked
// (written into the file here) is printed in the annual report with every person the register
// knows masked: staff, handler, person concerned, representative, expert and practitioner.
func TestReportMasksEveryPerson(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(Settings{KeyPractitionerName: "Anne de Linde", KeyStaffNames: "Sébastien d'Hondt\nFatima Bouzid"}))
	ref := mustCreate(t, s, Complaint{Complainant: Complainant{Name: "Thijs Jansen"}, ReceivedOn: day("2026-03-01"),
		Channel: ChannelLetter, Subject: SubjectEmployee, Summary: "x", PersonNamed: "Karin Mulder", Handler: "Gerrit Brinkhuis",
		Representative: Complainant{Name: "Pieter Smit", AddressLine1: "Herengracht 1", City: "Amsterdam"}})
	_, err := s.SaveExpert(Expert{Name: "Hélène Öztürk"})
	must(t, err)
	m, err := s.AddMeasure(Measure{Description: "Begeleiding bij klachten", RootCause: "conduct"}, ref)
	must(t, err)
	legacy := "Medewerker Sébastien d'Hondt extra begeleiden; Bouzid, Mulder, Brinkhuis, Smit, Öztürk en De Linde overleggen"
	if _, err := s.w.Exec(`UPDATE measures SET description = ? WHERE code = ?`, legacy, m.Code); err != nil {
		t.Fatal(err)
	}
	r, err := s.YearReport(2026)
	must(t, err)
	if len(r.Measures) != 1 {
		t.Fatalf("%d measures in the report", len(r.Measures))
	}
	got := r.Measures[0].Description
	for _, name := range []string{"Sébastien", "Hondt", "Bouzid", "Mulder", "Brinkhuis", "Smit", "Öztürk", "Linde"} {
		if strings.Contains(got, name) {
			t.Errorf("the report shows %q: %s", name, got)
		}
	}
	if !strings.Contains(got, "extra begeleiden") {
		t.Errorf("masking took more than the names: %s", got)
	}
}
