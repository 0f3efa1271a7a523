package importer_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
	"klachtenregister/data/importer"
)

// newStore opens an empty register in a temp dir with its clock on datatest.Today.
func newStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "register.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	today := datatest.Today
	s.Now = func() time.Time { return time.Date(today.Year(), today.Month(), today.Day(), 12, 0, 0, 0, time.Local) }
	if err := s.SetSettings(datatest.Practice); err != nil {
		t.Fatal(err)
	}
	return s
}

// preview reads and maps a file as the CLI and the wizard do.
func preview(t *testing.T, s *data.Store, name string, content []byte) *importer.Preview {
	t.Helper()
	sheet, err := importer.Read(name, content)
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Build(sheet, importer.Guess(sheet.Header), s.Prepare)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExportImportsBack imports the app's own CSV export of 2024–2026 into an empty register:
// the 2025 annual figures that come from the complaints are the same. Extensions (with their
// progress letters) and measures are not in the export, only their number and codes, so their
// figures are left out.
func TestExportImportsBack(t *testing.T) {
	src := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "source.db"))
	dst := newStore(t)
	for year := 2024; year <= 2025; year++ {
		var buf bytes.Buffer
		if err := src.ExportCSV(&buf, year, false); err != nil {
			t.Fatal(err)
		}
		p := preview(t, dst, fmt.Sprintf("register_%d.csv", year), buf.Bytes())
		if len(p.Refused) > 0 {
			t.Fatalf("%d: refused %v", year, p.Refused)
		}
		if _, err := dst.Import(p.File(), nil); err != nil {
			t.Fatal(err)
		}
	}
	want, err := src.YearReport(2025)
	if err != nil {
		t.Fatal(err)
	}
	got, err := dst.YearReport(2025)
	if err != nil {
		t.Fatal(err)
	}
	if got.Current.Imported != got.Current.Received || got.Current.Received != 8 {
		t.Errorf("imported %d of %d received, want all 8", got.Current.Imported, got.Current.Received)
	}
	for _, f := range []*data.YearFigures{&want.Current, &want.Previous, &got.Current, &got.Previous} {
		f.Imported, f.MeasuresAdded, f.MeasuresDone = 0, 0, 0
		f.Extensions, f.Extended, f.LateExtensions, f.LateNotices = 0, 0, 0, 0 // the extensions themselves
	}
	if !reflect.DeepEqual(got.Current, want.Current) {
		t.Errorf("2025 figures after the round trip:\n got %+v\nwant %+v", got.Current, want.Current)
	}
	if !reflect.DeepEqual(got.Previous, want.Previous) {
		t.Errorf("2024 figures after the round trip:\n got %+v\nwant %+v", got.Previous, want.Previous)
	}
	for name, pair := range map[string][2][]data.Count{"channel": {got.ByChannel, want.ByChannel},
		"subject": {got.BySubject, want.BySubject}, "procedure": {got.ByProcedure, want.ByProcedure},
		"outcome": {got.ByOutcome, want.ByOutcome}} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("by %s: got %v, want %v", name, pair[0], pair[1])
		}
	}
	if got.Months != want.Months {
		t.Errorf("months: got %v, want %v", got.Months, want.Months)
	}
	// The export of the imported register is the export of the original, but for what the
	// import cannot carry: the number of extensions and the measures.
	var a, b bytes.Buffer
	if err := src.ExportCSV(&a, 2025, true); err != nil {
		t.Fatal(err)
	}
	if err := dst.ExportCSV(&b, 2025, true); err != nil {
		t.Fatal(err)
	}
	if x, y := withoutUncarried(t, a.Bytes()), withoutUncarried(t, b.Bytes()); !reflect.DeepEqual(x, y) {
		t.Errorf("export after the round trip:\n%v\nwant\n%v", y, x)
	}
}

// withoutUncarried reads an export and blanks the columns an import cannot carry.
func withoutUncarried(t *testing.T, b []byte) [][]string {
	rows, _, err := importer.ReadCSV(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for i, h := range rows[0] {
			if h == "Verlengingen" || h == "Verbetermaatregelen" || h == "Oorzaken" {
				r[i] = ""
			}
		}
	}
	return rows
}

// TestOrganisationImportsBack: the organisation a complainant speaks for is exported in the
// last column and imported from it, and from a practice's own "Bedrijf" column.
func TestOrganisationImportsBack(t *testing.T) {
	src := newStore(t)
	c := data.Complaint{Complainant: data.Complainant{Name: "Wim Jansen", Organisation: "Bakkerij Jansen B.V."},
		ReceivedOn: datatest.Today, Channel: data.ChannelLetter, Subject: data.SubjectService, Summary: "Factuur te hoog"}
	if _, err := src.Create(c); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := src.ExportCSV(&buf, datatest.Today.Year(), false); err != nil {
		t.Fatal(err)
	}
	own := "Datum ontvangst;Naam;Bedrijf;Klacht\r\n" + datatest.Today.Dutch() + ";Els Bakker;Kwekerij Bakker;Te laat geleverd\r\n"
	for name, content := range map[string][]byte{"export.csv": buf.Bytes(), "eigen.csv": []byte(own)} {
		dst := newStore(t)
		p := preview(t, dst, name, content)
		if len(p.Refused) > 0 {
			t.Fatalf("%s: refused %v", name, p.Refused)
		}
		if _, err := dst.Import(p.File(), nil); err != nil {
			t.Fatal(err)
		}
		listed, err := dst.List(data.Filter{})
		if err != nil || len(listed) != 1 {
			t.Fatalf("%s: %d complaints (%v)", name, len(listed), err)
		}
		want := map[string]string{"export.csv": "Bakkerij Jansen B.V.", "eigen.csv": "Kwekerij Bakker"}[name]
		if got := listed[0].Complainant.Organisation; got != want {
			t.Errorf("%s: organisation %q, want %q", name, got, want)
		}
	}
}
