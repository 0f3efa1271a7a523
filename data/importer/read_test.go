package importer_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/importer"
)

// TestFixtures reads a file of each encoding, separator and date style, maps it by its headers
// and checks what a practitioner would check: names with their accents, dates, multi-line
// texts with the line they start on, statuses and verdicts.
func TestFixtures(t *testing.T) {
	type want struct {
		line                   int
		name, summary          string
		received, resolved     string
		status                 data.Status
		verdict                data.Verdict
		formal                 bool
		originalRef, multiline string
	}
	tests := []struct {
		file string
		rows int
		want []want // some rows, by index
	}{
		{"nl_semicolon_bom_crlf.csv", 4, []want{
			{line: 2, name: "Mehmet Çelik", summary: "Factuur hoger dan offerte", received: "2024-01-08", resolved: "2024-01-29",
				status: data.StatusClosed, verdict: data.VerdictWellFounded, formal: true, originalRef: "2024-01",
				multiline: "De factuur was 30% hoger.\nGeen uitleg gekregen."},
			{line: 4, name: "Zoë van 't Hoff", received: "2024-02-15", resolved: "2024-03-04", status: data.StatusClosed,
				verdict: data.VerdictUnfounded, formal: true, originalRef: "2024-02"},
			{line: 5, name: "Ĳsbrand de Vries", received: "2024-04-02", status: data.StatusWithdrawn, formal: true},
			{line: 6, name: "José Gonçalves", received: "2024-04-30", status: data.StatusReceived, formal: true},
		}},
		{"en_comma_cp1252.csv", 3, []want{
			{line: 2, name: "Mehmet Çelik", summary: "Invoice higher than quote", received: "2024-01-08", resolved: "2024-01-29",
				status: data.StatusClosed, verdict: data.VerdictWellFounded, formal: true, originalRef: "A-1"},
			{line: 3, name: "Renée Smit", summary: "Not called back, twice", received: "2024-02-15", resolved: "2024-03-04",
				status: data.StatusClosed, verdict: data.VerdictUnfounded, formal: true},
		}},
		{"tab_iso_lf.csv", 3, []want{
			{line: 2, name: "Thijs Jansen", summary: "Loonstroken naar oud adres", received: "2023-11-20", resolved: "2023-12-01",
				status: data.StatusClosed, verdict: data.VerdictWellFounded, formal: true},
			{line: 3, name: "Sanne de Jong", received: "2024-01-05", resolved: "2024-01-30", status: data.StatusClosed,
				verdict: data.VerdictPartlyWellFounded, formal: true},
		}},
		{"short_years.csv", 3, []want{
			{line: 2, name: "Fatima El Amrani", summary: "Advies sluit niet aan", received: "2024-01-03", resolved: "2024-02-07",
				status: data.StatusClosed, verdict: data.VerdictUnfounded, formal: true},
			{line: 3, name: "Łukasz Wiśniewski", received: "2024-03-14", resolved: "2024-04-02", status: data.StatusClosed,
				verdict: data.VerdictWellFounded, formal: true},
			{line: 4, name: "Renée Smit", received: "2024-06-05", status: data.StatusReceived, formal: true},
		}},
	}
	s := newStore(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			content, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p := preview(t, s, tt.file, content)
			if len(p.Refused) > 0 || len(p.Rows) != tt.rows {
				t.Fatalf("%d rows, refused %v; want %d rows", len(p.Rows), p.Refused, tt.rows)
			}
			for _, w := range tt.want {
				i := slices.IndexFunc(p.Rows, func(r data.ImportRow) bool { return r.Line == w.line })
				if i < 0 {
					t.Fatalf("no row on line %d", w.line)
				}
				c := p.Rows[i].Complaint
				check := func(what string, got, want any) {
					if want != "" && got != want {
						t.Errorf("line %d %s = %q, want %q", w.line, what, got, want)
					}
				}
				check("name", c.Complainant.Name, w.name)
				check("summary", c.Summary, w.summary)
				check("received", c.ReceivedOn.String(), w.received)
				check("resolved", c.ResolvedOn.String(), w.resolved)
				check("status", string(c.Status), string(w.status))
				check("verdict", string(c.Verdict), string(w.verdict))
				check("reference", c.OriginalReference, w.originalRef)
				check("description", c.Description, w.multiline)
				if c.Formal != w.formal {
					t.Errorf("line %d formal = %v", w.line, c.Formal)
				}
			}
		})
	}
}

// TestRefusedRows lists every refused row with its line, column and reason, and imports
// nothing while one is refused.
func TestRefusedRows(t *testing.T) {
	s := newStore(t)
	content, err := os.ReadFile(filepath.Join("testdata", "refused.csv"))
	if err != nil {
		t.Fatal(err)
	}
	p := preview(t, s, "refused.csv", content)
	want := []importer.Refusal{
		{Line: 4, Column: "Datum ontvangst", Message: "datum ontvangst 31-02-2025 bestaat niet"},
		{Line: 5, Column: "Afgehandeld op", Message: "afgehandelde klacht zonder datum van afhandeling; vul de datum van afhandeling in, bijvoorbeeld in een kolom ‘Afgehandeld op’"},
	}
	if !slices.EqualFunc(p.Refused, want, func(a, b importer.Refusal) bool {
		return a.Line == b.Line && a.Column == b.Column && a.Message == b.Message
	}) {
		t.Errorf("refused %+v\nwant %+v", p.Refused, want)
	}
	if got := p.Refused[0].String(); got != "regel 4: datum ontvangst 31-02-2025 bestaat niet" {
		t.Errorf("refusal reads %q", got)
	}
	if len(p.Rows) != 2 {
		t.Errorf("%d rows importable, want 2", len(p.Rows))
	}
	if f := p.File(); f.Skipped != 2 {
		t.Errorf("skipped %d", f.Skipped)
	}
}

// TestMappingChanges maps a column by hand as --map and the wizard do, and refuses a mapping
// without the columns every complaint needs.
func TestMappingChanges(t *testing.T) {
	header := []string{"Binnen", "Wie", "Wat", "Opmerking"}
	m := importer.Guess(header)
	if got := m.Missing(); len(got) != 3 {
		t.Fatalf("missing %v", got)
	}
	if _, err := importer.Build(&importer.Sheet{Header: header}, m, nil); err == nil {
		t.Error("a mapping without date, name and complaint was accepted")
	}
	for col, f := range map[string]string{"binnen": "received_on", "WIE": "name", "Wat": "summary"} {
		if err := m.Set(header, col, f); err != nil {
			t.Fatal(err)
		}
	}
	if got := m.Missing(); len(got) != 0 {
		t.Errorf("still missing %v", got)
	}
	if err := m.Set(header, "Opmerking", "summary"); err != nil || m[2] != importer.Ignore || m[3] != importer.Summary {
		t.Errorf("moving summary to another column: %v %v", err, m)
	}
	if err := m.Set(header, "Nergens", "name"); err == nil {
		t.Error("an unknown column was accepted")
	}
	if err := m.Set(header, "Wie", "naam"); err == nil {
		t.Error("an unknown field was accepted")
	}
}

// TestGuessHeaders matches headers case- and accent-insensitively, with variants.
func TestGuessHeaders(t *testing.T) {
	header := []string{"DATUM ONTVANGST", "Klager", "Onderwerp", "Status", "Afgehandeld op", "Oordeel", "Gegrond",
		"Behandelaar", "E-mailadres", "Reférentie", "Opmerking", "Bedrijf"}
	want := importer.Mapping{importer.ReceivedOn, importer.Name, importer.Summary, importer.Status, importer.ResolvedOn,
		importer.Verdict, importer.WellFounded, importer.Handler, importer.Email, importer.Reference, importer.Ignore,
		importer.Organisation}
	if got := importer.Guess(header); !slices.Equal(got, want) {
		t.Errorf("Guess = %v\nwant %v", got, want)
	}
}

// TestBlankLinesAboveACommaHeader: the separator was taken from the first line, so a
// comma- or tab-separated file with a blank line above its header found no columns.
func TestBlankLinesAboveACommaHeader(t *testing.T) {
	for _, sep := range []string{",", "\t", ";"} {
		content := "\r\n \r\n" + strings.Join([]string{"Datum ontvangst", "Klager", "Klacht"}, sep) + "\r\n" +
			strings.Join([]string{"06-01-2025", "Jan Pietersen", "Te laat teruggebeld"}, sep) + "\r\n"
		sh, err := importer.Read("register.csv", []byte(content))
		if err != nil {
			t.Fatalf("separator %q: %v", sep, err)
		}
		if got := sh.Header; !slices.Equal(got, []string{"Datum ontvangst", "Klager", "Klacht"}) {
			t.Errorf("separator %q: header %q", sep, got)
		}
	}
}
