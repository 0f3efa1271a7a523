package data_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
)

// TestAnonymiseKeepsYearReports anonymises every finished complaint of the annual register,
// then makes the reports of 2024 and 2025 again: the figures are the same, and verify is green.
func TestAnonymiseKeepsYearReports(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	reports := func() []data.Report {
		var out []data.Report
		for _, y := range []int{2024, 2025} {
			r, err := s.YearReport(y)
			if err != nil {
				t.Fatal(err)
			}
			r.Events, r.Head = 0, "" // the audit trail grows by the anonymisations
			out = append(out, r)
		}
		return out
	}
	before := reports()
	due, err := s.RetentionDue(datatest.Today, data.NewDate(2027, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, rc := range due {
		refs = append(refs, rc.Reference)
	}
	if len(refs) < 7 {
		t.Fatalf("only %d finished complaints: %+v", len(refs), due)
	}
	n, err := s.Anonymise(refs, "bewaartermijn verstreken")
	if err != nil || n != len(refs) {
		t.Fatalf("Anonymise = %d, %v", n, err)
	}
	after := reports()
	for i := range before {
		if !reflect.DeepEqual(before[i], after[i]) {
			t.Errorf("report %d changed:\nbefore %+v\nafter  %+v", before[i].Year, before[i], after[i])
		}
	}
	v, err := s.Verify()
	if err != nil || !v.OK() {
		t.Fatalf("Verify: %v %v", v.Problems, err)
	}
	if due, err := s.RetentionDue(datatest.Today, data.NewDate(2027, 1, 1)); err != nil || len(due) != 0 {
		t.Errorf("still due after anonymising: %+v, %v", due, err)
	}
}
