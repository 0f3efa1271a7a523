package data

import (
	"errors"
	"strings"
	"testing"
)

// history is a closed, well-founded complaint of 2013 as an earlier register holds it.
func history(line int) ImportRow {
	return ImportRow{Line: line, Complaint: Complaint{ReceivedOn: day("2013-04-23"), Channel: ChannelLetter,
		Subject: SubjectService, Summary: "Factuur te hoog", Complainant: Complainant{Name: "Mehmet Çelik"},
		Formal: true, ResolvedOn: day("2013-05-20"), Verdict: VerdictWellFounded}}
}

// TestImportRowRules: a row completes to a consistent history, with the deadlines and holidays
// of its time, or is refused with the field at fault.
func TestImportRowRules(t *testing.T) {
	set := DefaultSettings()
	r := history(2)
	r.complete(set)
	c := r.Complaint
	if c.Status != StatusClosed || c.ClosedOn != c.ResolvedOn || c.FiledOn != c.ReceivedOn {
		t.Errorf("completed: %+v", c)
	}
	// Filed on Tuesday 23 April 2013: seven days later is Queen's Day, Tuesday 30 April, so
	// receipt was due on 1 May (the register once said 30 April); a month later is Thursday 23 May.
	if c.AckDueOn != day("2013-05-01") || c.DueOn != day("2013-05-23") {
		t.Errorf("deadlines %s, %s", c.AckDueOn, c.DueOn)
	}
	if err := r.Check(day("2026-11-30"), set); err != nil {
		t.Errorf("a consistent history refused: %v", err)
	}
	tests := []struct {
		field  string
		change func(c *Complaint)
	}{
		{"resolved_on", func(c *Complaint) { c.ResolvedOn = Date{} }},
		{"verdict", func(c *Complaint) { c.Verdict = "" }},
		{"resolved_on", func(c *Complaint) { c.ResolvedOn = day("2013-04-01") }},
		{"closed_on", func(c *Complaint) { c.ClosedOn = day("2013-05-10") }},
		{"resolved_on", func(c *Complaint) { c.ResolvedOn = day("2027-01-01") }},
		{"withdrawn_on", func(c *Complaint) { c.Status, c.Verdict, c.ResolvedOn = StatusWithdrawn, "", Date{} }},
		{"status", func(c *Complaint) { c.Status = StatusReceived }},
		{"name", func(c *Complaint) { c.Complainant.Name = " " }},
		{"postcode", func(c *Complaint) { c.Complainant.Postcode = "12345" }},
		{"email", func(c *Complaint) { c.Complainant.Email = "jansen@kpn" }},
	}
	for _, tt := range tests {
		r := history(3)
		tt.change(&r.Complaint)
		r.complete(set)
		var e *Error
		if err := r.Check(day("2026-11-30"), set); !errors.As(err, &e) || e.Field != tt.field {
			t.Errorf("%s: got %v", tt.field, err)
		}
	}
	// A withdrawn row without a date of its own ended on its date of handling.
	w := history(4)
	w.Complaint.Status, w.Complaint.Verdict = StatusWithdrawn, ""
	w.complete(set)
	if w.Complaint.WithdrawnOn != day("2013-05-20") || !w.Complaint.ResolvedOn.IsZero() || w.Check(day("2026-11-30"), set) != nil {
		t.Errorf("withdrawn: %+v", w.Complaint)
	}
}

// TestImportIsOneTransaction: a file with one inconsistent row is refused as a whole, with
// the line in the message, and the register stays as it was.
func TestImportIsOneTransaction(t *testing.T) {
	s := openStore(t, "2026-11-30")
	bad := history(5)
	bad.Complaint.Verdict = ""
	_, err := s.Import(ImportFile{Name: "register.csv", Rows: []ImportRow{history(4), bad}}, nil)
	if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "regel 5: ") {
		t.Fatalf("got %v", err)
	}
	if n, err := s.Count(Filter{}); err != nil || n != 0 {
		t.Errorf("%d complaints after a refused import", n)
	}
	res, err := s.Import(ImportFile{Name: "register.csv", SHA256: "abc", Rows: []ImportRow{history(4), history(6)}}, nil)
	if err != nil || res.New != 1 || len(res.Duplicates) != 1 || res.Duplicates[0] != 6 || res.References[0] != "K-2013-0001" {
		t.Fatalf("the same row twice in a file: %v %+v", err, res)
	}
	// A complaint of 2013 registered in the app later gets the next reference of 2013.
	ref, err := s.Create(Complaint{ReceivedOn: day("2013-06-01"), Channel: ChannelPhone, Subject: SubjectOther,
		Summary: "Niet teruggebeld", Complainant: Complainant{Name: "Bo Li"}})
	if err != nil || ref != "K-2013-0002" {
		t.Errorf("next reference %q, %v", ref, err)
	}
}

// TestErasedComplaintIsNotImportedAgain: a complaint erased after its import lost the name and
// summary a row is recognised by; importing the same sheet again, also a renamed copy of it,
// still recognises it by its day of receipt, file and line, so the erasure stays. The same row
// from another file is new.
func TestErasedComplaintIsNotImportedAgain(t *testing.T) {
	s := openStore(t, "2026-11-30")
	file := ImportFile{Name: "register.csv", SHA256: "abc", Rows: []ImportRow{history(4)}}
	res, err := s.Import(file, nil)
	if err != nil || res.New != 1 {
		t.Fatalf("first import: %v %+v", err, res)
	}
	must(t, s.Erase(res.References[0], "verzoek van de klager", false))
	plan, err := s.PlanImport(file)
	if err != nil || plan.New != 0 || len(plan.Duplicates) != 1 {
		t.Errorf("the same sheet again after the erasure: %v %+v", err, plan)
	}
	if again, err := s.Import(file, nil); err != nil || again.New != 0 {
		t.Errorf("the same sheet imported again after the erasure: %v %+v", err, again)
	}
	other := ImportFile{Name: "ander-register.csv", SHA256: "def", Rows: []ImportRow{history(4)}}
	if plan, err := s.PlanImport(other); err != nil || plan.New != 1 {
		t.Errorf("another file's row: %v %+v", err, plan)
	}
	// A copy of the same file under another name ("register (1).csv", as Windows names a
	// second download) has the same bytes: the erased row stays out.
	copied := ImportFile{Name: "register (1).csv", SHA256: "abc", Rows: []ImportRow{history(4)}}
	if plan, err := s.PlanImport(copied); err != nil || plan.New != 0 || len(plan.Duplicates) != 1 {
		t.Errorf("a renamed copy of the sheet after the erasure: %v %+v", err, plan)
	}
}
