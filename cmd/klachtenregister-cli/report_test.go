package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data/datatest"
)

// pdfToText is the text of a PDF. A missing pdftotext fails the test: the check is its point.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is not installed; install it with: apt-get install -y poppler-utils")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func TestReportWritesPDFAndCSV(t *testing.T) {
	db := newDB(t)
	datatest.AnnualRegister(t, db).Close()
	dir := t.TempDir()
	pdf, csv := filepath.Join(dir, "jaarverslag.pdf"), filepath.Join(dir, "register.csv")
	before := fileHash(t, db)
	out := ok(t, db, "report", "--year", "2025", "-o", pdf, "--csv", csv, "--anonymised")
	if !strings.Contains(out, "Klachtenjaarverslag 2025 geschreven") || !strings.Contains(out, "geanonimiseerd") {
		t.Errorf("report said %q", out)
	}
	if fileHash(t, db) != before {
		t.Error("making the report changed the register")
	}
	text := pdfToText(t, pdf)
	if !strings.Contains(text, "Klachtenjaarverslag 2025") || !strings.Contains(text, "71% (5 van 7)") {
		t.Errorf("the PDF lacks its title or figures:\n%s", text)
	}
	b, err := os.ReadFile(csv)
	if err != nil || !bytes.HasPrefix(b, []byte("\xEF\xBB\xBFNr.;")) || bytes.Count(b, []byte("\r\n")) != 9 {
		t.Fatalf("CSV: %v\n%s", err, b)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	for _, p := range datatest.Private {
		if strings.Contains(text, p) || bytes.Contains(b, []byte(p)) {
			t.Errorf("the report or the anonymised CSV contains %q", p)
		}
	}
	ok(t, db, "report", "--year", "2025", "--csv", csv, "--force")
	if b, _ := os.ReadFile(csv); bytes.Contains(b, []byte("Mehmet Çelik")) || !bytes.HasPrefix(b, []byte("\ufeffNr.;")) {
		t.Errorf("the CSV without --with-names is not anonymised:\n%s", b)
	}
	ok(t, db, "report", "--year", "2025", "--csv", csv, "--with-names", "--force")
	if b, _ := os.ReadFile(csv); !bytes.Contains(b, []byte("Mehmet Çelik")) || !bytes.Contains(b, []byte(`"=""06-12345678"""`)) {
		t.Errorf("the full CSV lacks the complainant's name or phone number as text:\n%s", b)
	}
	ok(t, db, "report", "--year", "2025", "-o", pdf, "--lang", "en", "--force")
	if text := pdfToText(t, pdf); !strings.Contains(text, "Annual complaints report 2025") {
		t.Errorf("English report:\n%s", text)
	}
}

func TestMeasureCommands(t *testing.T) {
	db := newDB(t)
	ref := resolvedComplaint(t, db, "well_founded")
	if out := ok(t, db, "root-causes", "add", "Privacy en AVG"); !strings.Contains(out, "privacy-en-avg") {
		t.Errorf("root-causes add: %q", out)
	}
	code := strings.TrimSpace(ok(t, db, "measure-add", "--description", "Dossiers afschermen", "--cause", "privacy-en-avg",
		"--owner", "Mark Peters", "--due", "2026-12-10", "--ref", ref))
	ok(t, db, "measure-edit", code, "--due", "2026-12-05")
	if out := ok(t, db, "deadlines"); !strings.Contains(out, code+"   op tijd         2026-12-05  Verbetermaatregel uitvoeren") || // due soon from 3 December
		!strings.Contains(out, "Dossiers afschermen") {
		t.Errorf("deadlines lack the measure:\n%s", out)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "measures", "--json", "--open")), &list); err != nil || len(list) != 1 {
		t.Fatalf("measures --json: %v %v", err, list)
	}
	m := list[0]
	if m["code"] != code || m["root_cause"] != "privacy-en-avg" || m["owner"] != "Mark Peters" || m["state"] != "open" ||
		m["due_on"] != "2026-12-05" || len(m["complaints"].([]any)) != 1 {
		t.Errorf("measure %v", m)
	}
	ok(t, db, "measure-done", code, "--on", "2026-11-30")
	ok(t, db, "measure-evaluate", code, "--effective", "yes", "--note", "Geen lekken meer")
	other := resolvedComplaint(t, db, "partly_well_founded")
	ok(t, db, "measure-link", code, other)
	ok(t, db, "measure-unlink", code, other)
	ok(t, db, "no-measure", other, "--reason", "Eenmalige vergissing")
	ok(t, db, "close", other)
	if out := ok(t, db, "measures", "--done"); !strings.Contains(out, "uitgevoerd, effectief") || !strings.Contains(out, ref) {
		t.Errorf("measures --done:\n%s", out)
	}
	var file struct {
		Complaint struct {
			NoMeasureReason string `json:"no_measure_reason"`
		} `json:"complaint"`
		Measures []map[string]any `json:"measures"`
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", other, "--json")), &file); err != nil ||
		file.Complaint.NoMeasureReason != "Eenmalige vergissing" || len(file.Measures) != 0 {
		t.Errorf("show --json of %s: %+v %v", other, file, err)
	}
	if out := ok(t, db, "show", ref); !strings.Contains(out, "Verbetermaatregelen:\n  "+code+"  Dossiers afschermen") {
		t.Errorf("show lacks the measure:\n%s", out)
	}
}

// resolvedComplaint adds a formal complaint, acknowledged, resolved with the verdict and its
// outcome letter sent: closing it waits only for what measures ask.
func resolvedComplaint(t *testing.T, db, verdict string) string {
	t.Helper()
	ok(t, db, "settings", "set", "practice_name=Praktijk De Linde", "practice_city=Utrecht", "practitioner_name=Anne de Linde",
		"practice_address=Oudegracht 118", "practice_postcode=3511 AX", "practice_phone=030 231 45 67")
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Renée Smit", "--received", "2026-11-02", "--summary", "Factuur",
		"--channel", "email", "--formal", "--email", "renee.smit@example.nl"))
	ok(t, db, "acknowledge", ref, "--on", "2026-11-03", "--via", "post", "--note", "Ontvangstbevestiging per brief")
	ok(t, db, "contact", ref, "--kind", "meeting", "--hearing", "--note", "Klager gehoord", "--on", "2026-11-10")
	ok(t, db, "resolve", ref, "--verdict", verdict, "--outcome", "Excuses aangeboden", "--on", "2026-11-20")
	ok(t, db, "letter", ref, "outcome", "-o", filepath.Join(t.TempDir(), "uitkomst.pdf"))
	ok(t, db, "letter-sent", ref, "outcome", "--via", "email")
	return ref
}

func TestBadMeasureAndReportInputChangesNothing(t *testing.T) {
	db := newDB(t)
	ref := resolvedComplaint(t, db, "well_founded")
	unfounded := resolvedComplaint(t, db, "unfounded")
	code := strings.TrimSpace(ok(t, db, "measure-add", "--description", "Telefoondienst", "--cause", "accessibility"))
	dir := t.TempDir()
	pdf, csv := filepath.Join(dir, "j.pdf"), filepath.Join(dir, "r.csv")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"report", "-o", pdf}, "--year"},
		{[]string{"report", "--year", "2027", "-o", pdf}, "--year 2027: kies een jaar van 1900 tot en met 2026"},
		{[]string{"report", "--year", "1899", "--csv", pdf}, "--year 1899"},
		{[]string{"report", "--year", "2026"}, "-o"},
		{[]string{"report", "--year", "2026", "-o", pdf, "--with-names"}, "--csv"},
		{[]string{"report", "--year", "2026", "--csv", csv, "--anonymised", "--with-names"}, "--anonymised en --with-names spreken elkaar tegen"},
		{[]string{"report", "--year", "2026", "--csv", csv, "--with-names", "--anonymised=true"}, "spreken elkaar tegen"},
		{[]string{"report", "--year", "2026", "-o", filepath.Join(dir, "geen", "j.pdf")}, "bestaat niet"},
		{[]string{"report", "--year", "2026", "-o", pdf, "--lang", "de"}, "taal"},
		{[]string{"measure-add", "--cause", "fees"}, "--description"},
		{[]string{"measure-add", "--description", "x", "--cause", "weather"}, "weather"},
		{[]string{"measure-add", "--description", "x", "--cause", "fees", "--due", "31-12-2026"}, "JJJJ-MM-DD"},
		{[]string{"measure-add", "--description", "x", "--cause", "fees", "--due", "2026-11-01"}, "vóór"},
		{[]string{"measure-add", "--description", "x", "--cause", "fees", "--ref", "K-2026-9999"}, "K-2026-9999"},
		{[]string{"measure-edit", code}, "--description"},
		{[]string{"measure-done", "M-2026-999"}, "M-2026-999"},
		{[]string{"measure-done", ref}, "M-2026-003"},
		{[]string{"measure-done", code, "--on", "2026-12-01"}, "toekomst"},
		{[]string{"measure-done", code, "--on", "2026-11-29"}, "vastgelegd"},
		{[]string{"measure-add", "--description", "Renée Smit voortaan terugbellen", "--cause", "fees", "--ref", ref}, "noemt \"Renée\""},
		{[]string{"measure-evaluate", code, "--effective", "maybe", "--note", "x"}, "--effective"},
		{[]string{"measure-evaluate", code, "--effective", "yes", "--note", "x"}, "nog niet uitgevoerd"},
		{[]string{"measure-link", code}, "M-2026-003"},
		{[]string{"measure-unlink", code, ref}, "niet gekoppeld"},
		{[]string{"no-measure", ref}, "--reason"},
		{[]string{"no-measure", unfounded, "--reason", "x"}, "gegrond"},
		{[]string{"close", ref}, "verbetermaatregel"},
		{[]string{"root-causes", "add"}, "naam"},
		{[]string{"root-causes", "add", "Communicatie"}, "al in de lijst"},
		{[]string{"measures", "--open", "--done"}, "niet allebei"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			before := fileHash(t, db)
			out, stderr, exit := cli(t, db, tc.args...)
			if exit != 2 {
				t.Errorf("exit %d, want 2 (stdout %q, stderr %q)", exit, out, stderr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 || !strings.Contains(stderr, tc.says) {
				t.Errorf("stderr %q: want one line mentioning %q", stderr, tc.says)
			}
			if fileHash(t, db) != before {
				t.Error("database changed")
			}
		})
	}
	for _, f := range []string{pdf, csv} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("a refused report left %s behind", f)
		}
	}
}
