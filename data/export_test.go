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
		})
	}
}

var dutchDate = regexp.MustCompile(`^\d{2}-\d{2}-\d{4}$`)

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
	if len(rows) != 9 || rows[1][0] != "K-2025-0001" || rows[1][1] != "06-01-2025" {
		t.Fatalf("%d rows, first %v; want the header and the 8 complaints received in 2025", len(rows), rows[1])
	}
	if n := len(rows[0]); anonymised && n != 20 || !anonymised && n != 35 {
		t.Errorf("%d columns", n)
	}
	for _, row := range rows[1:] {
		for i, col := range rows[0] {
			if strings.Contains(col, "vóór") || col == "Ontvangen" || col == "Afgehandeld" || col == "Gesloten" {
				if v := row[i]; v != "" && !dutchDate.MatchString(v) {
					t.Errorf("%s %s = %q, want dd-mm-jjjj", row[0], col, v)
				}
			}
		}
	}
	text := string(b)
	for _, p := range datatest.Private {
		if anonymised && strings.Contains(text, p) {
			t.Errorf("the anonymised export contains %q", p)
		}
	}
	if !anonymised && !strings.Contains(text, "Mehmet Çelik") {
		t.Error("the full export lacks the complainant's name")
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
	if _, err := s.Create(data.Complaint{ReceivedOn: data.NewDate(2026, 3, 1), Channel: data.ChannelEmail,
		Subject: data.SubjectOther, Summary: `=HYPERLINK("http://x.example";"klik")`, Complainant: data.Complainant{Name: "+31 Bakker"}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.ExportCSV(&buf, 2026, false); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); !strings.Contains(out, `;'+31 Bakker;`) || !strings.Contains(out, `"'=HYPERLINK(""http://x.example"";""klik"")"`) {
		t.Errorf("formulas not guarded:\n%s", out)
	}
	if err := s.ExportCSV(&buf, 2027, false); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("export of a future year: %v", err)
	}
}
