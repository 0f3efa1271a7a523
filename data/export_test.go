package data_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExportCSV compares the 2025 export of the annual register, full and anonymised, with
// golden files, and checks what makes Dutch Excel open it as it is.
func TestExportCSV(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	for _, anonymised := range []bool{false, true} {
		name := map[bool]string{false: "register_2025.csv", true: "register_2025_anonymised.csv"}[anonymised]
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := s.ExportCSV(&buf, 2025, anonymised); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("export differs from %s (run with -update to accept):\n%s", golden, got)
			}
			checkExcelCSV(t, got, anonymised)
			// The report and the export made together read the same register.
			var together bytes.Buffer
			r, err := s.YearReportAndCSV(2025, &together, anonymised)
			if err != nil || !bytes.Equal(together.Bytes(), got) || r.Current.Received != 8 {
				t.Errorf("YearReportAndCSV: %v, %d received, same CSV %v", err, r.Current.Received, bytes.Equal(together.Bytes(), got))
			}
		})
	}
}

// dateColumns are the export's columns that hold a date.
var dateColumns = map[string]bool{"Ontvangen": true, "Formeel sinds": true, "Ontvangstbevestiging uiterlijk": true,
	"Ontvangst bevestigd": true, "Oorspronkelijke streefdatum": true, "Streefdatum": true, "Afgehandeld": true,
	"Gesloten": true, "Ingetrokken": true}

var dutchDate = regexp.MustCompile(`^\d{2}-\d{2}-\d{4}$`)

// anyDate finds a date in any form, so a date column missing from dateColumns shows up.
var anyDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4}`)

func checkExcelCSV(t *testing.T, b []byte, anonymised bool) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatal("no UTF-8 byte-order mark: Excel would read the file in a legacy code page")
	}
	if bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) {
		t.Error("lines do not all end in CRLF")
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll() // also checks that every row has as many fields as the header
	if err != nil {
		t.Fatal(err)
	}
	first := map[bool]string{false: "K-2025-0001", true: "1"}[anonymised]
	if len(rows) != 9 || rows[1][0] != first || rows[1][1] != "06-01-2025" {
		t.Fatalf("%d rows, first %v; want the header and the 8 complaints received in 2025", len(rows), rows[1])
	}
	if n := len(rows[0]); anonymised && n != 20 || !anonymised && n != 36 {
		t.Errorf("%d columns", n)
	}
	filled := map[string]bool{}
	for _, row := range rows[1:] {
		for i, col := range rows[0] {
			v := row[i]
			switch {
			case dateColumns[col] && v != "" && !dutchDate.MatchString(v):
				t.Errorf("%s %s = %q, want dd-mm-jjjj", row[0], col, v)
			case !dateColumns[col] && anyDate.MatchString(v):
				t.Errorf("%s %s = %q holds a date; add the column to dateColumns", row[0], col, v)
			}
			filled[col] = filled[col] || v != ""
		}
	}
	for col := range dateColumns {
		if !filled[col] {
			t.Errorf("no complaint has a date in %s: the check above tried nothing", col)
		}
	}
	text := string(b)
	if anonymised {
		if rows[0][0] != "Nr." || strings.Contains(text, "K-2025-") {
			t.Errorf("the anonymised export has the references, which are on every letter to the complainant: %v", rows[0])
		}
		for _, p := range datatest.Private {
			if strings.Contains(text, p) {
				t.Errorf("the anonymised export contains %q", p)
			}
		}
		return
	}
	if !strings.Contains(text, "Mehmet Çelik") {
		t.Error("the full export lacks the complainant's name")
	}
	field := map[string]map[string]string{}
	for _, row := range rows[1:] {
		field[row[0]] = map[string]string{}
		for i, col := range rows[0] {
			field[row[0]][col] = row[i]
		}
	}
	// A description of two lines stays in one field, and phone numbers stay text in Excel.
	if d := field["K-2025-0002"]["Omschrijving"]; d != "Ik werd onderbroken\nen kortaf te woord gestaan." {
		t.Errorf("description of two lines read back as %q", d)
	}
	if p, q := field["K-2025-0005"]["Telefoon"], field["K-2025-0003"]["Telefoon"]; p != `="06-12345678"` || q != `="+31 30 234 5678"` {
		t.Errorf("phone numbers %q and %q, want them as text formulas", p, q)
	}
}

// TestDutchDate writes the short date of lists and spreadsheets.
func TestDutchDate(t *testing.T) {
	if got := data.NewDate(2026, 3, 9).Dutch(); got != "09-03-2026" {
		t.Errorf("Dutch() = %q", got)
	}
	if got := (data.Date{}).Dutch(); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

// TestExportGuardsFormulas shows a text that Excel would run as a formula as text instead.
func TestExportGuardsFormulas(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), "register.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return time.Date(2026, 3, 2, 12, 0, 0, 0, time.Local) }
	for _, c := range []data.Complaint{
		{Summary: `=HYPERLINK("http://x.example";"klik")`, Complainant: data.Complainant{Name: "+31 Bakker", Phone: "0612345678"}},
		{Summary: "x", Complainant: data.Complainant{Name: "Smit", Phone: `=1+1"&cmd`}},
		{Summary: "y", Complainant: data.Complainant{Name: "Jong", Phone: "+"}},
	} {
		c.ReceivedOn, c.Channel, c.Subject = data.NewDate(2026, 3, 1), data.ChannelEmail, data.SubjectOther
		if _, err := s.Create(c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, 2026, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`;'+31 Bakker;`, `"'=HYPERLINK(""http://x.example"";""klik"")"`,
		`;"=""0612345678""";`, `;"'=1+1""&cmd";`, `;'+;`} {
		if !strings.Contains(out, want) {
			t.Errorf("the export lacks %s:\n%s", want, out)
		}
	}
	if err := s.ExportCSV(&buf, 2027, false); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("export of a future year: %v", err)
	}
}
