package data_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
)

// counted is a distribution as a test spells it out: key and count, zeros left out.
func counted(cs []data.Count) map[string]int {
	out := map[string]int{}
	for _, c := range cs {
		if c.N > 0 {
			out[c.Key] = c.N
		}
	}
	return out
}

// TestYearReport checks the 2025 report of the annual register against figures worked out by
// hand from the steps in datatest.AnnualRegister.
func TestYearReport(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	r, err := s.YearReport(2025)
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2025 || r.MadeOn != datatest.Today || !r.Complete {
		t.Errorf("header: year %d made on %s complete %v", r.Year, r.MadeOn, r.Complete)
	}
	want := data.YearFigures{Year: 2025,
		Received: 8, Formal: 7, Informal: 1, // A B C D E F G I; only D stayed informal
		Resolved: 6, WellFounded: 3, Withdrawn: 1, // A B C D F and H (received 2024); A B F (partly) well-founded; E
		OpenAtYearEnd: 2, // G (resolved 2026) and I
		// Receipt to resolution: D 2, A 21, H 21, F 30, B 45, C 63 days.
		HandlingDays: data.Days{N: 6, Median: 25.5, P90: 63},
		// Formal, filed 2025: A C E F G on time, B late, I never confirmed and past due.
		AckOnTime: data.Ratio{N: 5, Of: 7},
		// Formal, resolved 2025: A F H by the original date, B only by the extended one, C by neither.
		WithinTerm: data.Ratio{N: 3, Of: 5}, WithinExtended: data.Ratio{N: 4, Of: 5},
		Extensions: 2, Extended: 2, LateNotices: 2, MeasuresAdded: 3, MeasuresDone: 2} // neither extension got its progress letter
	if r.Current != want {
		t.Errorf("2025 figures\n got %+v\nwant %+v", r.Current, want)
	}
	prev := data.YearFigures{Year: 2024, Received: 2, Formal: 2, Resolved: 1, WellFounded: 1, OpenAtYearEnd: 1,
		HandlingDays: data.Days{N: 1, Median: 21, P90: 21}, AckOnTime: data.Ratio{N: 2, Of: 2},
		WithinTerm: data.Ratio{N: 1, Of: 1}, WithinExtended: data.Ratio{N: 1, Of: 1}, MeasuresAdded: 1, MeasuresDone: 1}
	if r.Previous != prev {
		t.Errorf("2024 figures\n got %+v\nwant %+v", r.Previous, prev)
	}
	for name, tc := range map[string]struct {
		got  []data.Count
		want map[string]int
	}{
		"channel":   {r.ByChannel, map[string]int{"conversation": 2, "phone": 2, "letter": 2, "email": 1, "other": 1}},
		"subject":   {r.BySubject, map[string]int{"employee": 2, "service": 3, "organisation": 2, "other": 1}},
		"procedure": {r.ByProcedure, map[string]int{"informal": 1, "formal": 7}},
		"outcome": {r.ByOutcome, map[string]int{"well_founded": 2, "partly_well_founded": 1, "unfounded": 1, "settled": 2,
			"withdrawn": 1}},
		"root cause": {r.ByRootCause, map[string]int{"fees": 1, "communication": 1, data.CauseNoMeasureNeeded: 1}},
		"extension":  {r.ByExtensionReason, map[string]int{"expert": 1, "absence": 1}},
		"measures":   {r.ByMeasureState, map[string]int{"overdue": 1, "effective": 1, "not_effective": 1}},
	} {
		if got := counted(tc.got); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("by %s: got %v, want %v", name, got, tc.want)
		}
	}
	if n := len(r.ByRootCause); n != 9 || r.ByRootCause[0].Label != "communicatie" {
		t.Errorf("root causes: %d rows, first %+v; want the 7 categories and the 2 without a measure", n, r.ByRootCause[0])
	}
	months := [12]data.MonthCount{{1, 2}, {1, 0}, {1, 1}, {1, 1}, {0, 1}, {1, 0}, {1, 1}, {}, {}, {}, {1, 0}, {1, 0}}
	if r.Months != months {
		t.Errorf("months\n got %v\nwant %v", r.Months, months)
	}
	var got []string
	for _, m := range r.Measures {
		got = append(got, m.Code+" "+string(m.State))
	}
	// M-2024-001 was done before 2025 and is left out; the others come in the order they were recorded.
	if want := []string{"M-2025-001 not_effective", "M-2025-002 effective", "M-2025-003 overdue"}; !reflect.DeepEqual(got, want) {
		t.Errorf("measures %v, want %v", got, want)
	}
	// M-2025-003 answers no complaint, yet names two complainants the year's figures count.
	if d, want := r.Measures[2].Description, "Vaste telefoondienst 's ochtends, na N.N. klacht en die van de N.N. "+
		"([e-mail], [telefoon], [postcode] Utrecht)."; d != want {
		t.Errorf("M-2025-003 is not anonymised:\n got %q\nwant %q", d, want)
	}
	body, _ := json.Marshal(r)
	datatest.CheckAnonymous(t, string(body))
}

// TestYearReportOfAYearUnderWay counts "year end" as today while the year is not over.
func TestYearReportOfAYearUnderWay(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	r, err := s.YearReport(2026)
	if err != nil {
		t.Fatal(err)
	}
	c := r.Current
	if r.Complete || c.Received != 0 || c.Resolved != 1 || c.OpenAtYearEnd != 1 || c.HandlingDays != (data.Days{N: 1, Median: 28, P90: 28}) {
		t.Errorf("2026 so far: complete %v, %+v", r.Complete, c)
	}
	if r.Previous.Received != 8 {
		t.Errorf("previous year: %+v", r.Previous)
	}
	for _, year := range []int{2027, 1899} {
		if _, err := s.YearReport(year); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("YearReport(%d): %v, want invalid", year, err)
		}
	}
}
