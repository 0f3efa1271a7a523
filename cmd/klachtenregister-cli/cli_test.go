package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// today is the fixed day every CLI test runs on.
var today = time.Date(2026, 11, 30, 10, 0, 0, 0, time.Local)

// cli runs one command in-process against db and returns stdout, stderr and the exit code.
func cli(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}, append(args, "--db", db))
	return out.String(), errOut.String(), code
}

// ok runs a command that must succeed and returns its stdout.
func ok(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := cli(t, db, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
	}
	return out
}

// fileHash fingerprints the database file and its WAL, so "unchanged" means byte for byte.
func fileHash(t *testing.T, db string) string {
	t.Helper()
	h := sha256.Sum256(fileBytes(t, db))
	return string(h[:])
}

// fileBytes is the database file followed by its WAL, as one would grep them.
func fileBytes(t *testing.T, db string) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{db, db + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func newDB(t *testing.T) string { return filepath.Join(t.TempDir(), "register.db") }

func TestAddListShowAndProcedure(t *testing.T) {
	db := newDB(t)
	ok(t, db, "settings", "set", "practitioner_name=Anne de Linde", "practice_city=Utrecht", "practice_name=Praktijk De Linde",
		"practice_address=Oudegracht 118", "practice_postcode=3511 AX", "practice_phone=030 231 45 67")
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Mehmet Çelik", "--received", "2026-11-02",
		"--summary", "Factuur te hoog", "--channel", "letter", "--formal", "--subject", "service",
		"--address", "Kerkstraat 7", "--postcode", "3512 JK", "--city", "Utrecht"))
	if ref != "K-2026-0001" {
		t.Fatalf("reference = %q, want K-2026-0001", ref)
	}

	var rows []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "list", "--json", "--search", "celik")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("search celik found %d rows, want 1", len(rows))
	}
	want := map[string]any{"reference": ref, "received_on": "2026-11-02", "status": "received", "formal": true,
		"complainant_name": "Mehmet Çelik", "ack_due_on": "2026-11-09", "due_on": "2026-12-02",
		"warning": "overdue", "verdict": nil, "handler": "Anne de Linde"}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("list --json %s = %v, want %v", k, rows[0][k], v)
		}
	}

	ok(t, db, "acknowledge", ref, "--on", "2026-11-04", "--via", "email", "--note", "Ontvangst per e-mail bevestigd")
	ok(t, db, "contact", ref, "--kind", "phone", "--note", "Besproken", "--request", "Kopie offerte", "--expect", "2026-12-10")
	// The reason as the progress letter prints it, so a reason typed as half a sentence is seen.
	if out := ok(t, db, "extend", ref, "--until", "2026-12-23", "--reason", "Advies van een deskundige gevraagd"); !strings.Contains(out,
		"In het voortgangsbericht: ‘Wij hebben meer tijd nodig dan wij hadden verwacht. Advies van een deskundige gevraagd.’") {
		t.Errorf("extend says:\n%s", out)
	}
	deadlines := ok(t, db, "deadlines")
	if !strings.Contains(deadlines, "Voortgangsbericht over de verlenging sturen") {
		t.Errorf("deadlines lacks the progress letter:\n%s", deadlines)
	}
	ok(t, db, "contact", ref, "--info-received")
	if _, stderr, code := cli(t, db, "resolve", ref, "--verdict", "partly_well_founded", "--outcome", "Factuur aangepast"); code != 2 ||
		!strings.Contains(stderr, "hoor en wederhoor") {
		t.Fatalf("resolve before hearing the complainant: exit %d, %q", code, stderr)
	}
	ok(t, db, "contact", ref, "--kind", "meeting", "--hearing", "--note", "Klager uitgebreid gehoord")
	ok(t, db, "resolve", ref, "--verdict", "partly_well_founded", "--outcome", "Factuur aangepast")
	// Partly well-founded: the file closes once a measure against recurrence is linked, asked
	// first, and the outcome is confirmed in writing.
	if _, stderr, code := cli(t, db, "close", ref); code != 2 || !strings.Contains(stderr, "verbetermaatregel") {
		t.Fatalf("close without a measure: exit %d, %q", code, stderr)
	}
	if code := strings.TrimSpace(ok(t, db, "measure-add", "--description", "Meerwerk vooraf melden", "--cause", "fees",
		"--ref", ref)); code != "M-2026-001" {
		t.Errorf("measure-add printed %q", code)
	}
	_, stderr, code := cli(t, db, "close", ref)
	if code != 2 || !strings.Contains(stderr, "schriftelijk") {
		t.Fatalf("close before written outcome: exit %d, %q", code, stderr)
	}
	ok(t, db, "letter", ref, "outcome", "-o", filepath.Join(t.TempDir(), "uitkomst.pdf"))
	ok(t, db, "letter-sent", ref, "outcome", "--via", "post")
	ok(t, db, "letter", ref, "outcome", "-o", filepath.Join(t.TempDir(), "uitkomst-2.pdf"))
	// Closing names the newer version never marked sent, as the app's confirmation does.
	if out := ok(t, db, "close", ref); !strings.Contains(out, "niet als verstuurd gemarkeerd: uitkomstbrief (versie 2)") {
		t.Errorf("close with an unsent outcome letter printed %q", out)
	}
	ok(t, db, "reopen", ref, "--reason", "Postcode verbeterd")
	ok(t, db, "close", ref)

	var file map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "show", ref, "--json")), &file); err != nil {
		t.Fatal(err)
	}
	if file["status"] != "closed" || file["verdict"] != "partly_well_founded" {
		t.Errorf("show: status %v verdict %v", file["status"], file["verdict"])
	}
	if n := len(file["timeline"].([]any)); n != 15 { // the second outcome letter among them
		t.Errorf("timeline has %d events, want 15", n)
	}
	if out := ok(t, db, "verify"); !strings.HasPrefix(out, "In orde") {
		t.Errorf("verify: %q", out)
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "12")
	received, acknowledged := firstWith(t, db, "received"), firstWith(t, db, "acknowledged")
	closed := firstWith(t, db, "closed")
	dir := t.TempDir()
	missing := filepath.Join(dir, "bestaatniet.pdf")
	cases := []struct {
		name string
		args []string
		says string
	}{
		{"unknown reference", []string{"acknowledge", "K-2026-9999", "--via", "post", "--note", "x"}, "bestaat niet"},
		{"receipt not confirmed in writing", []string{"acknowledge", received}, "schriftelijk"},
		{"unknown delivery", []string{"acknowledge", received, "--via", "fax", "--note", "x"}, "fax"},
		{"settled without saying whether justified", []string{"resolve", acknowledged, "--verdict", "settled", "--outcome", "x"}, "--justified"},
		{"justified neither yes nor no", []string{"resolve", acknowledged, "--verdict", "settled", "--outcome", "x", "--justified", "wel"}, "yes of no"},
		{"contact with someone unnamed", []string{"contact", acknowledged, "--kind", "phone", "--party", "other", "--note", "x"}, "naam"},
		{"unknown party", []string{"contact", acknowledged, "--kind", "phone", "--party", "buurman", "--note", "x"}, "buurman"},
		{"malformed date", []string{"add", "--name", "A", "--summary", "B", "--channel", "letter", "--received", "29-11-2026"}, "JJJJ-MM-DD"},
		{"future date", []string{"add", "--name", "A", "--summary", "B", "--channel", "letter", "--received", "2027-01-01"}, "toekomst"},
		{"empty name", []string{"add", "--name", " ", "--summary", "B", "--channel", "letter"}, "naam"},
		{"unknown channel", []string{"add", "--name", "A", "--summary", "B", "--channel", "fax"}, "fax"},
		{"unknown verdict", []string{"resolve", received, "--verdict", "guilty", "--outcome", "x"}, "guilty"},
		{"unknown status", []string{"list", "--status", "open"}, "open"},
		{"refused transition", []string{"resolve", received, "--verdict", "settled", "--outcome", "x"}, "ontvangst bevestigen"},
		{"missing reason", []string{"extend", acknowledged, "--until", "2027-02-01"}, "reden"},
		{"extension not later", []string{"extend", acknowledged, "--until", "2026-12-01", "--reason", "x"}, "na de huidige termijn"},
		{"unknown flag", []string{"list", "--colour"}, "colour"},
		// Go's flag package and the operating system refuse in English; the practitioner reads Dutch.
		{"unknown flag in add", []string{"add", "--name", "A", "--summary", "B", "--channel", "letter", "--bogus", "1"}, "de optie --bogus bestaat niet"},
		{"mistyped flag", []string{"add", "--name", "A", "--summary", "B", "--channel", "letter", "--recieved", "2026-11-02"}, "de optie --recieved bestaat niet bij deze opdracht (bedoelt u --received?)"},
		{"year not a number", []string{"list", "--year", "20x6"}, `"20x6" is geen geldig getal voor --year; schrijf --year JJJJ`},
		{"year out of range", []string{"list", "--year", "99999999999999999999"}, "is te groot voor --year"},
		{"count not a number", []string{"demo", "--count", "abc"}, `"abc" is geen geldig getal voor --count; schrijf --count N`},
		{"switch with a value", []string{"list", "--overdue=misschien"}, "--overdue is een keuze die aan of uit staat"},
		{"bad flag syntax", []string{"list", "---year", "2026"}, "is geen optie"},
		{"own refusal of a value", []string{"share", acknowledged, "--expert", "1", "--letter", "x"}, `--letter: "x" is geen nummer`},
		{"attach a missing file", []string{"attach", acknowledged, missing}, missing + " bestaat niet; controleer de naam en de map"},
		{"import a missing file", []string{"import", missing}, missing + " bestaat niet"},
		{"import a folder", []string{"import", dir}, dir + " is een map en geen bestand"},
		{"restore a missing backup", []string{"restore", missing, "--force"}, missing + " bestaat niet"},
		{"logo is a folder", []string{"settings", "set", "practice_logo=" + dir}, dir + " is een map en geen bestand"},
		{"unknown setting", []string{"settings", "set", "practice_colour=blue"}, "practice_colour"},
		{"bad setting value", []string{"settings", "set", "practice_city=Delft", "ack_days=0"}, "ack_days"},
		{"demo on full register", []string{"demo"}, "bevat al"},
		{"unknown command", []string{"frobnicate"}, "frobnicate"},
		{"contact on a closed file", []string{"contact", closed, "--kind", "phone", "--note", "x"}, "heropen"},
		{"letter on a closed file", []string{"letter", closed, "progress", "-o", filepath.Join(t.TempDir(), "v.pdf")}, "gesloten"},
		{"reopen without reason", []string{"reopen", closed}, "reden"},
		{"reopen an open file", []string{"reopen", acknowledged, "--reason", "x"}, "alleen een gesloten dossier kan worden heropend"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := fileHash(t, db)
			out, stderr, code := cli(t, db, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q, stderr %q)", code, out, stderr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 || !strings.Contains(stderr, tc.says) {
				t.Errorf("stderr %q: want one line mentioning %q", stderr, tc.says)
			}
			for _, e := range english {
				if strings.Contains(strings.ReplaceAll(stderr, dir, ""), e) {
					t.Errorf("stderr %q holds English %q", stderr, e)
				}
			}
			if pathError.MatchString(stderr) {
				t.Errorf("stderr %q holds the system's error", stderr)
			}
			if fileHash(t, db) != before {
				t.Errorf("database changed")
			}
		})
	}
}

// english are fragments of the refusals of Go's flag package and the operating system, which
// a practitioner should never read; pathError is how the system names what it tried ("open x: ").
var (
	english   = []string{"flag", "invalid", "parse error", "out of range", "no such file", "directory", "permission", "syntax"}
	pathError = regexp.MustCompile(`(^|[\s(])(open|stat|lstat|read) \S+: `)
)

// firstWith returns the reference of a complaint in the given status.
func firstWith(t *testing.T, db, status string) string {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "list", "--json", "--status", status)), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("no complaint with status %s (%v)", status, err)
	}
	return rows[0]["reference"].(string)
}

// TestCommandsOnAMissingRegisterCreateNone: only add, demo, expert and settings set make a
// new register; every other command says there is none (exit 3) and leaves no file behind.
func TestCommandsOnAMissingRegisterCreateNone(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"list"}, {"acknowledge", "K-2026-0001"}, {"attach", "K-2026-0001", "cli_test.go"},
		{"measure-add", "--description", "x", "--cause", "communicatie"}, {"verify"}} {
		_, stderr, code := cli(t, db, args...)
		if code != 3 || !strings.Contains(stderr, "geen register") {
			t.Errorf("%v on a missing register: exit %d, %q", args, code, stderr)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, db)
		}
	}
}

// TestPathsThatAreNoFileAreRefused: an empty --db, :memory: and file: URIs would open a
// register that is not the practice's file.
func TestPathsThatAreNoFileAreRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, db := range []string{"", ":memory:", "file:register.db", "FILE:register.db?mode=memory", "register.db?cache=shared", dir} {
		_, stderr, code := cli(t, db, "add", "--name", "A. Jansen", "--summary", "Factuur", "--channel", "letter")
		if code != 2 || stderr == "" {
			t.Errorf("--db %q: exit %d, %q", db, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the refused paths left %d files behind", len(entries))
	}
}

func TestVerifyFindsTampering(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "8")
	tamper(t, db, `DROP TRIGGER events_append_only_update; UPDATE events SET kind = 'x' WHERE id = 5`)
	_, stderr, code := cli(t, db, "verify")
	if code != 1 || !strings.Contains(stderr, "vastlegging 5") {
		t.Fatalf("verify after tampering: exit %d, %q", code, stderr)
	}
	// It says what to do, and the dropped trigger too.
	if !strings.Contains(stderr, "bewaar een kopie van het bestand") || !strings.Contains(stderr, "trigger events_append_only_update is verwijderd") {
		t.Errorf("verify after tampering says %q", stderr)
	}
}

func TestCommandHelpPrintsItsUsage(t *testing.T) {
	out, _, code := cli(t, newDB(t), "add", "--help")
	if code != 0 || !strings.Contains(out, "--name NAAM") || !strings.Contains(out, "--postcode") {
		t.Fatalf("add --help: exit %d, %q", code, out)
	}
}

// A long or multi-line setting comes last on its line: it widened every other line to its
// own length, and its further lines began at the left, as if they were settings.
func TestSettingsListKeepsLongValuesLast(t *testing.T) {
	db := newDB(t)
	ok(t, db, "settings", "set", "practice_city=Utrecht", "profession=legal", "staff_names=Jan Jansen\nPiet Pietersen")
	lines := strings.Split(ok(t, db, "settings"), "\n")
	var city, staff int
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "practice_city "):
			city = i
		case strings.HasPrefix(l, "staff_names "):
			staff = i
		}
	}
	if w := len(lines[city]); w > 120 || !strings.HasSuffix(lines[city], "Utrecht") {
		t.Errorf("practice_city's line is %d bytes: %q", w, lines[city])
	}
	next := lines[staff+1]
	if !strings.HasSuffix(lines[staff], "Jan Jansen") || strings.TrimSpace(next) != "Piet Pietersen" ||
		column(next, "Piet") != column(lines[staff], "Jan") {
		t.Errorf("staff_names reads\n%s\n%s", lines[staff], next)
	}
}

// column is where sub starts in line, in characters as a terminal shows them.
func column(line, sub string) int { return len([]rune(line[:strings.Index(line, sub)])) }

// TestNewRegisterIsAnnounced: `add` with a mistyped --db made a new, empty register and printed
// only the reference, so a script's typo went unnoticed. It says so, once.
func TestNewRegisterIsAnnounced(t *testing.T) {
	db := newDB(t)
	add := []string{"add", "--name", "Anouk Bakker", "--received", "2026-11-02", "--summary", "Wachttijd", "--channel", "phone", "--subject", "service"}
	_, stderr, code := cli(t, db, add...)
	if code != 0 || !strings.Contains(stderr, "Nieuw register gemaakt: "+db) {
		t.Errorf("the first add: exit %d, %q", code, stderr)
	}
	if _, stderr, _ := cli(t, db, add...); strings.Contains(stderr, "Nieuw register") {
		t.Errorf("the second add: %q", stderr)
	}
}

// TestJSONOnlyWhereOffered: --json was accepted and ignored by commands that print no JSON
// (add, backup, restore, demo), so a script that parsed their output broke on text. Only the
// commands whose usage offers it take it; the others refuse it as input.
func TestJSONOnlyWhereOffered(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "3")
	for _, args := range [][]string{{"add", "--name", "A", "--summary", "B", "--channel", "letter", "--json"}, {"backup", "--json"}, {"demo", "--json"}} {
		if _, stderr, code := cli(t, db, args...); code != 2 || !strings.Contains(stderr, "json") {
			t.Errorf("%s --json: exit %d, %q", args[0], code, stderr)
		}
	}
	for name, cmd := range commands {
		if strings.Contains(cmd.usage, "--json") {
			continue
		}
		if _, _, code := cli(t, db, name, "--json"); code != 2 {
			t.Errorf("%s --json: exit %d, want 2", name, code)
		}
	}
	if _, _, code := cli(t, db, "deadlines", "--json"); code != 0 {
		t.Errorf("deadlines --json: exit %d", code)
	}
}

// TestDeadlinesLineUp: the due dates of `deadlines` stand in one column; "bijna verlopen" was
// one character wider than the warnings' column and pushed its line's date out of it.
func TestDeadlinesLineUp(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "60", "--seed", "3")
	out := ok(t, db, "deadlines")
	date := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	col, warnings := -1, map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		at := date.FindStringIndex(line)
		if at == nil {
			t.Fatalf("no date in %q", line)
		}
		if col == -1 {
			col = at[0]
		}
		if at[0] != col {
			t.Errorf("date at %d, want %d: %q", at[0], col, line)
		}
		for _, w := range []string{"bijna verlopen", "op tijd", "verlopen"} {
			if strings.Contains(line, "  "+w+" ") {
				warnings[w] = true
			}
		}
	}
	if !warnings["bijna verlopen"] || !warnings["op tijd"] {
		t.Errorf("the demo register's deadlines show the warnings %v; the test needs 'bijna verlopen' beside a shorter one", warnings)
	}
}
