package data

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func search(t *testing.T, s *Store, q string) []string {
	t.Helper()
	listed, err := s.List(Filter{Search: q})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	out := []string{}
	for _, l := range listed {
		out = append(out, l.Reference)
	}
	return out
}

func TestSearch(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c1 := complaint("Ayşe Çelik", "2026-02-02", true)
	c1.Description = "Ik wachtte drie uur op de behandeling."
	celik := mustCreate(t, s, c1)
	c2 := complaint("Jan de Vries", "2026-02-03", false)
	c2.Summary = "Factuur klopt niet"
	vries := mustCreate(t, s, c2)
	c3 := complaint("Émile Dubois", "2026-02-04", true)
	c3.Summary, c3.PersonNamed = "onbeleefde receptioniste", "mevrouw Bakker"
	dubois := mustCreate(t, s, c3)

	if got := search(t, s, "terugbetaling"); len(got) != 0 {
		t.Fatalf("found %v before the contact note existed", got)
	}
	_, err := s.AddContact(vries, Contact{Kind: ContactPhone, Note: "Gesproken over de terugbetaling",
		InfoRequested: "bankafschrift", InfoDueOn: day("2026-03-10")})
	must(t, err)

	none := []string{}
	tests := []struct {
		query string
		want  []string
	}{
		{"celik", []string{celik}},
		{"ÇELIK", []string{celik}},
		{"CeLiK", []string{celik}},
		{"çelik", []string{celik}},
		{"cel", []string{celik}}, // prefix
		{"elik", none},           // not the start of a word
		{"ayse celik", []string{celik}},
		{"celik factuur", none}, // every word must match
		{"behandel", []string{celik}},
		{"factuur", []string{vries}},
		{"terugbetaling", []string{vries}}, // contact note
		{"terug", []string{vries}},
		{"bankafschrift", []string{vries}}, // information requested
		{"emile", []string{dubois}},
		{"bakker", []string{dubois}}, // person named
		{"K-2026-0002", []string{vries}},
		{"2026", []string{dubois, vries, celik}},
		{"-celik", []string{celik}},
		{"celik*", []string{celik}},
		{`"celik`, []string{celik}},
		{"celik OR factuur", none}, // OR is a word, not an operator
		{"NEAR(celik", none},
		{"!!!", none},
		{`"*()-:^`, none},
		{"   ", []string{dubois, vries, celik}}, // blank is no filter
		{"", []string{dubois, vries, celik}},
	}
	for _, tt := range tests {
		if got := search(t, s, tt.query); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("search %q = %v, want %v", tt.query, got, tt.want)
		}
	}

	// An edit re-indexes the complaint.
	c := *complaintOf(t, s, vries)
	c.Complainant.Name = "Jan Smit"
	must(t, s.Update(c))
	if got := search(t, s, "vries"); len(got) != 0 {
		t.Errorf("old name still found: %v", got)
	}
	if got := search(t, s, "smit terugbetaling"); !reflect.DeepEqual(got, []string{vries}) {
		t.Errorf("new name not found: %v", got)
	}
}

func TestReferencesPerYearOfReceipt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	tests := []struct {
		received string
		formal   bool
		want     string
	}{
		{"2025-12-30", true, "K-2025-0001"},
		{"2026-01-02", false, "K-2026-0001"},
		{"2026-02-01", true, "K-2026-0002"},
		{"2025-11-01", false, "K-2025-0002"}, // registered late: counted in the year it came in
		{"2026-03-02", true, "K-2026-0003"},
	}
	for _, tt := range tests {
		if got := mustCreate(t, s, complaint("Jansen", tt.received, tt.formal)); got != tt.want {
			t.Errorf("complaint received %s got %s, want %s", tt.received, got, tt.want)
		}
	}

	// Correcting the date of receipt keeps the reference.
	c := *complaintOf(t, s, "K-2026-0001")
	c.ReceivedOn = day("2025-12-31")
	must(t, s.Update(c))
	if got := complaintOf(t, s, "K-2026-0001"); got.ReceivedOn != day("2025-12-31") {
		t.Fatalf("date of receipt not corrected: %s", got.ReceivedOn)
	}

	// A number is never handed out twice, even when a complaint is removed behind the program's back.
	must(t, s.Close())
	execRaw(t, path, `DELETE FROM complaint_search WHERE rowid = (SELECT id FROM complaints WHERE reference = 'K-2026-0003')`,
		`DELETE FROM complaints WHERE reference = 'K-2026-0003'`)
	s = openAt(t, path, "2026-03-02")
	if got := mustCreate(t, s, complaint("Bakker", "2026-03-01", true)); got != "K-2026-0004" {
		t.Errorf("after deletion got %s, want K-2026-0004", got)
	}
	if got := mustCreate(t, s, complaint("Bakker", "2025-06-01", true)); got != "K-2025-0003" {
		t.Errorf("got %s, want K-2025-0003", got)
	}
}

// TestOrganisationIsFoundAndKept: a complaint of an organisation is found by the
// organisation's name and its representative's firm; the contact person is required, and an
// edit of the organisation is recorded field by field, as every edit.
func TestOrganisationIsFoundAndKept(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c := complaint("Wim Jansen", "2026-02-02", true)
	c.Complainant.Organisation = "Bakkerij Jansen B.V."
	c.Representative = Complainant{Name: "Jeroen de Wit", NameParts: NameParts{Salutation: SalutationMr, Initials: "J.", Surname: "de Wit"},
		Organisation: "De Wit Advocaten", AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
	ref := mustCreate(t, s, c)
	mustCreate(t, s, complaint("Els Bakker", "2026-02-03", true))
	for _, q := range []string{"bakkerij", "Advocaten"} {
		if got := search(t, s, q); !reflect.DeepEqual(got, []string{ref}) {
			t.Errorf("search %q = %v, want [%s]", q, got, ref)
		}
	}
	got, err := s.Complaint(ref)
	must(t, err)
	if got.Complainant.Organisation != "Bakkerij Jansen B.V." || got.Representative.Organisation != "De Wit Advocaten" {
		t.Fatalf("stored %+v / %+v", got.Complainant, got.Representative)
	}
	listed, err := s.List(Filter{})
	must(t, err)
	if listed[len(listed)-1].Complainant.Organisation != "Bakkerij Jansen B.V." {
		t.Errorf("the register does not read the organisation: %+v", listed[len(listed)-1].Complainant)
	}

	got.Complainant.Organisation = "Bakkerij Jansen en Zn. B.V."
	must(t, s.Update(*got))
	f, err := s.File(ref)
	must(t, err)
	last := f.Events[len(f.Events)-1]
	if last.Kind != "complaint_edited" || !strings.Contains(string(last.Payload), `"organisation":{"old":"Bakkerij Jansen B.V.","new":"Bakkerij Jansen en Zn. B.V."}`) {
		t.Errorf("edit recorded as %s %s", last.Kind, last.Payload)
	}

	nobody := complaint("", "2026-02-04", true)
	nobody.Complainant.Organisation = "Stichting Zonder Naam"
	_, err = s.Create(nobody)
	if err == nil || !strings.Contains(err.Error(), "contactpersoon van Stichting Zonder Naam") {
		t.Errorf("an organisation without a contact person: %v", err)
	}
}
