package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data"
)

// TestOutputsNeverReplaceTheRegister: every -o and --csv that would land on the register,
// its -wal, the backup folder, a device, a pipe or a folder is refused with exit 2 before
// anything is made, and the register stays byte for byte as it was (`letter calibration -o
// <register>` once destroyed it). An existing file is replaced only with --force.
func TestOutputsNeverReplaceTheRegister(t *testing.T) {
	db := newDB(t)
	ok(t, db, "settings", "set", "practitioner_name=Anne de Linde", "practice_city=Utrecht", "practice_name=Praktijk De Linde",
		"practice_address=Oudegracht 118", "practice_postcode=3511 AX", "practice_phone=030 231 45 67")
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Mehmet Çelik", "--received", "2026-11-02",
		"--summary", "Factuur te hoog", "--channel", "letter", "--formal"))
	dir := filepath.Dir(db)
	backups := data.DefaultBackupDir(db)
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{"the register": db, "its -wal": db + "-wal", "its -shm": db + "-shm",
		"the backup folder": filepath.Join(backups, "jaarverslag.pdf"), "a folder": dir}
	for what, target := range devicesAndPipes(t, dir) {
		targets[what] = target
	}
	before := fileHash(t, db)
	for what, target := range targets {
		for _, args := range [][]string{
			{"letter", "calibration", "-o", target, "--force"},
			{"letter", ref, "acknowledgement", "-o", target, "--force"},
			{"letter-copy", ref, "acknowledgement", "-o", target, "--force"},
			{"report", "--year", "2026", "-o", target, "--force"},
			{"report", "--year", "2026", "--csv", target, "--force"},
		} {
			_, stderr, code := cli(t, db, args...)
			if code != 2 || stderr == "" {
				t.Errorf("%s (%s): exit %d, %q", strings.Join(args[:2], " "), what, code, stderr)
			}
		}
		if fileHash(t, db) != before {
			t.Fatalf("an output onto %s changed the register", what)
		}
	}
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Fatal(err)
	}

	existing := filepath.Join(dir, "proefvel.pdf")
	if err := os.WriteFile(existing, []byte("eerder proefvel"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := cli(t, db, "letter", "calibration", "-o", existing); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("over an existing file without --force: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(existing); string(b) != "eerder proefvel" {
		t.Fatal("the existing file was replaced without --force")
	}
	ok(t, db, "letter", "calibration", "-o", existing, "--force")
	if b, _ := os.ReadFile(existing); !strings.HasPrefix(string(b), "%PDF") {
		t.Error("--force did not replace the file")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestRefusedOutputsSuggestWhatFits: a folder given for a file is answered with a file name
// of the kind asked for, and a file given for a folder is not called a folder that does not
// exist.
func TestRefusedOutputsSuggestWhatFits(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "6")
	ref := firstWith(t, db, "acknowledged")
	dir := t.TempDir()
	file := filepath.Join(dir, "bestaat.pdf")
	if err := os.WriteFile(file, []byte("%PDF-"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"report", "--year", "2026", "--csv", dir}, "zoals " + filepath.Join(dir, "register-2026.csv")},
		{[]string{"report", "--year", "2026", "-o", dir}, "zoals " + filepath.Join(dir, "jaarverslag-2026.pdf")},
		{[]string{"backup", "-o", dir}, "zoals " + filepath.Join(dir, "klachtenregister.reservekopie")},
		{[]string{"export-person", ref, "-o", dir}, "zoals " + filepath.Join(dir, "inzage.zip")},
		{[]string{"letter", ref, "progress", "-o", dir}, "zoals " + filepath.Join(dir, "brief.pdf")},
		{[]string{"letter", "samples", "-o", file}, file + " is een bestand en geen map; geef met -o de map op"},
		{[]string{"letter", "samples", "-o", filepath.Join(dir, "nieuw")}, "de map " + filepath.Join(dir, "nieuw") + " bestaat niet"},
	} {
		t.Run(strings.Join(tc.args[:2], " "), func(t *testing.T) {
			before := fileHash(t, db)
			_, stderr, code := cli(t, db, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.says) {
				t.Errorf("exit %d, %q; want 2 and %q", code, stderr, tc.says)
			}
			if fileHash(t, db) != before {
				t.Error("database changed")
			}
		})
	}
}

// TestNoEmptyLeftovers: what an anonymous or erased complaint lacks leaves no empty
// parentheses in deadlines and no colon without a text in show.
func TestNoEmptyLeftovers(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "12")
	anonymous := strings.TrimSpace(ok(t, db, "add", "--summary", "Anonieme melding", "--channel", "phone", "--anonymous"))
	for _, line := range strings.Split(ok(t, db, "deadlines"), "\n") {
		if strings.HasPrefix(line, anonymous) && (strings.Contains(line, "()") || !strings.HasSuffix(line, "nog 7 dagen")) {
			t.Errorf("deadlines of an anonymous complaint: %q", line)
		}
	}
	closed := firstWith(t, db, "closed")
	ok(t, db, "erase", closed, "--reason", "verzoek van de klager")
	out := ok(t, db, "show", closed)
	if !strings.Contains(out, "Contactmomenten:") {
		t.Fatalf("show lists no contacts:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(strings.TrimRight(line, " "), ":") && strings.HasPrefix(line, "  ") {
			t.Errorf("show after erase: %q ends in a colon", line)
		}
	}
}

// TestDeadlinesNameTheOrganisation: deadlines names a complaint from an organisation as list
// does, by its contact person and the organisation; it named the contact person alone.
func TestDeadlinesNameTheOrganisation(t *testing.T) {
	db := newDB(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Wim Jansen", "--organisation", "Bakkerij Jansen B.V.",
		"--summary", "Factuur", "--channel", "letter", "--formal", "--email", "w.jansen@example.nl"))
	for _, line := range strings.Split(ok(t, db, "deadlines"), "\n") {
		if strings.HasPrefix(line, ref) && !strings.HasSuffix(line, "(Wim Jansen, Bakkerij Jansen B.V.)") {
			t.Errorf("deadlines: %q, want the contact person and the organisation", line)
		}
	}
}
