package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"klachtenregister/data"
)

// demoPastRetention is a demo register whose files closed more than a year ago are past a
// retention period of one year.
func demoPastRetention(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	ok(t, db, "demo", "--count", "40")
	ok(t, db, "settings", "set", "retention_years=1")
	return db
}

// TestAnonymiseDryRunThenForReal: --dry-run lists the files and leaves the file byte for
// byte; the real run anonymises them, verify stays green, and nothing is due afterwards.
func TestAnonymiseDryRunThenForReal(t *testing.T) {
	db := demoPastRetention(t)
	if !strings.Contains(ok(t, db, "deadlines"), "dossiers over de bewaartermijn") {
		t.Error("deadlines does not show the files past retention")
	}
	before := fileHash(t, db)
	type result struct { // anonymiseResult as JSON reads back
		DryRun                     bool `json:"dry_run"`
		Due                        []struct{ Reference string }
		Anonymised, Removes, Keeps []string
	}
	var dry result
	if err := json.Unmarshal([]byte(ok(t, db, "anonymise", "--dry-run", "--json")), &dry); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, db) != before {
		t.Fatal("anonymise --dry-run changed the register")
	}
	if !dry.DryRun || len(dry.Due) < 5 || len(dry.Anonymised) != 0 || len(dry.Removes) == 0 || len(dry.Keeps) == 0 {
		t.Fatalf("dry run: %+v", dry)
	}
	text := ok(t, db, "anonymise", "--dry-run")
	if !strings.Contains(text, dry.Due[0].Reference) || !strings.Contains(text, "Er is niets gewijzigd") {
		t.Errorf("dry run text:\n%s", text)
	}
	if fileHash(t, db) != before {
		t.Fatal("anonymise --dry-run changed the register")
	}

	var done result
	if err := json.Unmarshal([]byte(ok(t, db, "anonymise", "--json")), &done); err != nil {
		t.Fatal(err)
	}
	if len(done.Anonymised) != len(dry.Due) || done.DryRun {
		t.Fatalf("anonymised %v, want the %d of the dry run", done.Anonymised, len(dry.Due))
	}
	ok(t, db, "verify")
	var shown map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "show", done.Anonymised[0], "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	c := shown["complaint"].(map[string]any)
	if c["anonymised_on"] != "2026-11-30" || c["complainant"].(map[string]any)["name"] != "" || c["held"] != false {
		t.Errorf("show --json of an anonymised complaint: %v", c)
	}
	if out := ok(t, db, "anonymise"); !strings.Contains(out, "geen dossiers") {
		t.Errorf("second run: %q", out)
	}
	if strings.Contains(ok(t, db, "deadlines"), "bewaartermijn") {
		t.Error("deadlines still shows files past retention")
	}
	if _, stderr, code := cli(t, db, "anonymise", "--closed-before", "30-11-2026"); code != 2 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("bad date: exit %d, %q", code, stderr)
	}
}

// TestEraseAndHold: erasing an open complaint needs --withdraw, a hold keeps a complaint
// from being erased, and every refusal leaves the file as it was.
func TestEraseAndHold(t *testing.T) {
	db := newDB(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Wilhelmina Zwaanswijk", "--received", "2026-11-02",
		"--summary", "Factuur te hoog", "--channel", "letter", "--formal", "--subject", "service", "--email", "w.zwaanswijk@voorbeeld.example"))
	before := fileHash(t, db)
	for _, args := range [][]string{
		{"erase", ref, "--reason", "verzoek van de klager"},
		{"erase", ref},
		{"erase", "--reason", "x"},
		{"hold", ref},
		{"hold", ref, "--reason", "tuchtzaak", "--release"},
		{"hold", ref, "--release"},
		{"export-person", ref},
		{"export-person", ref, "-o", db},
	} {
		_, stderr, code := cli(t, db, args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, stderr)
		}
		if fileHash(t, db) != before {
			t.Fatalf("%v changed the register", args)
		}
	}
	if _, stderr, _ := cli(t, db, "erase", ref, "--reason", "verzoek van de klager"); !strings.Contains(stderr, "--withdraw") {
		t.Errorf("the refusal does not say how: %q", stderr)
	}
	ok(t, db, "hold", ref, "--reason", "tuchtzaak loopt")
	if out := ok(t, db, "show", ref); !strings.Contains(out, "Juridische bewaarplicht:") {
		t.Errorf("show does not name the hold:\n%s", out)
	}
	held := fileHash(t, db)
	if _, stderr, code := cli(t, db, "erase", ref, "--reason", "verzoek", "--withdraw"); code != 2 || !strings.Contains(stderr, "bewaarplicht") {
		t.Errorf("erase under hold: exit %d, %q", code, stderr)
	}
	if fileHash(t, db) != held {
		t.Fatal("a refused erasure changed the register")
	}
	ok(t, db, "hold", ref, "--release")
	ok(t, db, "erase", ref, "--reason", "verzoek van de klager van 28 november", "--withdraw")
	ok(t, db, "verify")
	out := ok(t, db, "show", ref)
	if !strings.Contains(out, "Ingetrokken:") || !strings.Contains(out, "Geanonimiseerd:") || strings.Contains(out, "Zwaanswijk") {
		t.Errorf("show after erase:\n%s", out)
	}
}

// TestExportPerson writes the ZIP of an access request through the safe output path.
func TestExportPerson(t *testing.T) {
	db := newDB(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Mehmet Çelik", "--received", "2026-11-02",
		"--summary", "Factuur te hoog", "--channel", "letter", "--formal", "--subject", "service"))
	out := filepath.Join(t.TempDir(), "inzage.zip")
	ok(t, db, "export-person", ref, "-o", out)
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"LEESMIJ.txt", "overzicht.txt", "klacht.json"}) {
		t.Errorf("ZIP holds %v", names)
	}
	if _, stderr, code := cli(t, db, "export-person", ref, "-o", out); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("an existing file: exit %d, %q", code, stderr)
	}
	ok(t, db, "export-person", ref, "-o", out, "--force")
}

// TestAnonymiseBesideTheApp runs anonymise in a second process while the register is open in
// this one, as the app would have it: the run succeeds, and the open store sees the result and
// goes on working.
func TestAnonymiseBesideTheApp(t *testing.T) {
	db := demoPastRetention(t)
	app, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	app.Now = func() time.Time { return today }
	due, err := app.RetentionDue(data.Today(today), data.Date{})
	if err != nil || len(due) == 0 {
		t.Fatalf("RetentionDue = %v, %v", due, err)
	}
	var email string // unique per complaint in the demo, unlike the names
	for _, rc := range due {
		if c, err := app.Complaint(rc.Reference); err == nil && c.Complainant.Email != "" {
			email = c.Complainant.Email
			break
		}
	}
	if email == "" || !strings.Contains(string(fileBytes(t, db)), email) {
		t.Fatalf("no e-mail address %q of a file past retention in the register", email)
	}
	if _, err := app.Changed(); err != nil {
		t.Fatal(err)
	}
	cmd, stderr := startChild(t, 1, "", "anonymise", "--db", db)
	out, err := cmd.Output()
	if err != nil || strings.Contains(stderr.String(), "REFUSED") || !strings.Contains(string(out), fmt.Sprintf("%d dossiers geanonimiseerd (in de tabel hierboven", len(due))) {
		t.Fatalf("anonymise in a second process: %v, %s, %s", err, out, stderr)
	}
	for _, line := range strings.Split(string(out), "\n") { // not every reference again on one line
		if len(line) > 200 {
			t.Errorf("a line of %d characters: %.80s…", len(line), line)
		}
	}
	if changed, err := app.Changed(); err != nil || !changed {
		t.Errorf("the open store did not notice the change (%v)", err)
	}
	c, err := app.Complaint(due[0].Reference)
	if err != nil || c.AnonymisedOn.IsZero() || c.Complainant.Name != "" {
		t.Fatalf("the open store sees %+v, %v", c, err)
	}
	if _, err := app.Create(data.Complaint{ReceivedOn: data.Today(today), Channel: data.ChannelLetter, Subject: data.SubjectService,
		Summary: "nieuw", Complainant: data.Complainant{Name: "Nieuwe Klager"}}); err != nil {
		t.Fatal(err)
	}
	v, err := app.Verify()
	if err != nil || !v.OK() {
		t.Fatalf("verify: %v %v", v.Problems, err)
	}
	if strings.Contains(string(fileBytes(t, db)), email) {
		t.Errorf("%s is still in the register or its log", email)
	}
}

// Counts the CLI prints carry the Dutch thousands separator, as the app shows them.
func TestCountedCarriesTheThousandsSeparator(t *testing.T) {
	for n, want := range map[int]string{1: "1 dossier", 12: "12 dossiers", 1352: "1.352 dossiers", 100000: "100.000 dossiers"} {
		if got := counted(n, "dossier", "dossiers"); got != want {
			t.Errorf("counted(%d) = %q, want %q", n, got, want)
		}
	}
}
