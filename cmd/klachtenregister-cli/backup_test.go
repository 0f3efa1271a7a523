package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"klachtenregister/data"
)

func TestBackupAndRestore(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "6")
	list := ok(t, db, "list", "--json")
	backup := filepath.Join(t.TempDir(), "kopie.reservekopie")
	if out := ok(t, db, "backup", "-o", backup); !strings.Contains(out, "Reservekopie gemaakt en gecontroleerd") {
		t.Fatalf("backup: %q", out)
	}
	if _, stderr, code := cli(t, db, "backup", "-o", backup); code != 2 || !strings.Contains(stderr, "--force") {
		t.Fatalf("backup over an existing file: exit %d, %q", code, stderr)
	}
	ok(t, db, "backup", "-o", backup, "--force")
	if _, stderr, code := cli(t, db, "backup", "-o", db, "--force"); code != 2 || !strings.Contains(stderr, "het register zelf") {
		t.Fatalf("backup over the register: exit %d, %q", code, stderr)
	}
	inBackups := filepath.Join(filepath.Dir(db), "Reservekopieën", "x.reservekopie")
	if _, stderr, code := cli(t, db, "backup", "-o", inBackups); code != 2 {
		t.Fatalf("backup into the backup folder: exit %d, %q", code, stderr)
	}

	other := newDB(t)
	if out := ok(t, other, "restore", backup); !strings.Contains(out, "teruggezet") {
		t.Fatalf("restore: %q", out)
	}
	if got := ok(t, other, "list", "--json"); got != list {
		t.Errorf("restored list differs:\n%s\nwant\n%s", got, list)
	}
	if out := ok(t, other, "verify"); !strings.HasPrefix(out, "In orde") || !strings.Contains(out, "Vergeleken met") {
		t.Errorf("verify after restore: %q", out)
	}

	// Over an existing register only with --force, which sets it aside.
	before := fileHash(t, db)
	if _, stderr, code := cli(t, db, "restore", backup); code != 2 || !strings.Contains(stderr, "--force") {
		t.Fatalf("restore over a register: exit %d, %q", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Fatal("a refused restore changed the register")
	}
	out := ok(t, db, "restore", backup, "--force")
	if !strings.Contains(out, "is bewaard als") {
		t.Fatalf("restore --force: %q", out)
	}
	aside, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "register-voor-terugzetten-*.db"))
	if len(aside) != 1 {
		t.Fatalf("set-aside register: %v", aside)
	}
}

func TestEncryptedBackupCLI(t *testing.T) {
	db := newDB(t)
	ok(t, db, "add", "--name", "Mehmet Çelik", "--received", "2026-11-02", "--summary", "Factuur te hoog", "--channel", "letter", "--subject", "service")
	backup := filepath.Join(t.TempDir(), "kopie.reservekopie")
	t.Setenv("KLACHTENREGISTER_PASSPHRASE", "lang genoeg wachtwoord")
	ok(t, db, "backup", "-o", backup, "--encrypt")
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("Çelik")) || bytes.Contains(b, []byte("Factuur")) {
		t.Fatal("the encrypted backup holds plain text")
	}
	other := newDB(t)
	t.Setenv("KLACHTENREGISTER_PASSPHRASE", "verkeerd")
	if _, stderr, code := cli(t, other, "restore", backup); code != 2 || !strings.Contains(stderr, "wachtwoord van de reservekopie klopt niet") {
		t.Fatalf("wrong passphrase: exit %d, %q", code, stderr)
	}
	t.Setenv("KLACHTENREGISTER_PASSPHRASE", "lang genoeg wachtwoord")
	ok(t, other, "restore", backup)
	if out := ok(t, other, "list"); !strings.Contains(out, "Mehmet Çelik") {
		t.Errorf("restored list: %q", out)
	}
}

func TestBackupsAndVerifyJSON(t *testing.T) {
	db := newDB(t)
	if out := ok(t, db, "demo", "--count", "3"); out == "" {
		t.Fatal("no demo output")
	}
	if out := ok(t, db, "backups"); !strings.Contains(out, "Nog geen reservekopieën") {
		t.Errorf("backups: %q", out)
	}
	// The app's automatic backup, made with the same data/ code.
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return today }
	if _, made, err := s.AutoBackup(true); err != nil || !made {
		t.Fatalf("automatic backup: %v %v", made, err)
	}
	s.Close()
	var backups []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "backups", "--json")), &backups); err != nil || len(backups) != 1 || backups[0]["events"] == nil {
		t.Fatalf("backups --json: %v %v", backups, err)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "verify", "--json")), &v); err != nil {
		t.Fatal(err)
	}
	anchor, _ := v["anchor"].(map[string]any)
	if v["ok"] != true || v["events"] == nil || len(v["head"].(string)) != 64 || anchor == nil || anchor["source"] == nil || anchor["date"] == nil {
		t.Fatalf("verify --json: %v", v)
	}

	// The last event deleted with its payload and rows: the chain is consistent, the anchor tells.
	tamper(t, db, `DROP TRIGGER events_append_only_delete; DROP TRIGGER event_rows_append_only_delete;
		DELETE FROM event_rows WHERE event_id = (SELECT max(id) FROM events);
		DELETE FROM event_payloads WHERE event_id = (SELECT max(id) FROM events);
		DELETE FROM events WHERE id = (SELECT max(id) FROM events)`)
	out, stderr, code := cli(t, db, "verify", "--json")
	if err := json.Unmarshal([]byte(out), &v); err != nil || code != 1 || v["ok"] != false ||
		!strings.Contains(strings.Join(toStrings(v["problems"]), " "), "vastleggingen zijn verwijderd") {
		t.Fatalf("verify --json after tampering: exit %d, %v, %q", code, v, stderr)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// TestBackupsOfTwoProcessesAtOnce: each backup first removes the copies of the register that
// killed backups left beside it; a copy another process is still making (the app's automatic
// backup beside a scheduled CLI backup) is never among them. Two processes make backups of one
// register at the same time, over and over: none fails, and no copy is left.
func TestBackupsOfTwoProcessesAtOnce(t *testing.T) {
	const runs = 15
	db := newDB(t)
	ok(t, db, "demo", "--count", "20")
	mine, theirs := t.TempDir(), t.TempDir()
	cmd, stderr := startChild(t, runs, "", "backup", "-o", filepath.Join(theirs, "b.reservekopie"), "--force", "--db", db)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for range runs {
		ok(t, db, "backup", "-o", filepath.Join(mine, "b.reservekopie"), "--force")
	}
	cmd.Wait()
	if strings.Contains(stderr.String(), "REFUSED") {
		t.Errorf("the other process's backups failed: %s", stderr)
	}
	if left := backupLeftovers(t, filepath.Dir(db), mine, theirs); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// dirNames lists a folder, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// backupLeftovers are the files a backup in progress has in dirs: the copy of the register
// with its journals and lock, and the backup file's temporary file.
func backupLeftovers(t *testing.T, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		for _, name := range dirNames(t, dir) {
			if strings.HasPrefix(name, ".klachtenregister-kopie-") || strings.HasSuffix(name, ".tmp") {
				out = append(out, filepath.Join(dir, name))
			}
		}
	}
	return out
}

// TestRestoreSaysWhatItReplaces: restore sets the backup against the register at --db by the
// audit trail before anything changes. Refused without --force, it says how many changes came
// after an earlier backup, or that a backup of another practice's register is no earlier
// state of this one; with --force its output says the same after naming the file set aside.
// Regression: both only said that a register was there.
func TestRestoreSaysWhatItReplaces(t *testing.T) {
	db := newDB(t)
	ok(t, db, "settings", "set", "practice_name=Praktijk De Linde")
	ok(t, db, "add", "--name", "Mehmet Çelik", "--received", "2026-11-02", "--summary", "Factuur te hoog", "--channel", "letter")
	earlier := filepath.Join(t.TempDir(), "eerder.reservekopie")
	ok(t, db, "backup", "-o", earlier)
	ok(t, db, "add", "--name", "Zoë van 't Hoff", "--received", "2026-11-03", "--summary", "Niet teruggebeld", "--channel", "phone")

	other := newDB(t)
	ok(t, other, "demo", "--count", "4")
	foreign := filepath.Join(t.TempDir(), "ander.reservekopie")
	ok(t, other, "backup", "-o", foreign)

	before := fileHash(t, db)
	_, stderr, code := cli(t, db, "restore", earlier)
	if code != 2 || !strings.Contains(stderr, "Sinds deze reservekopie is in het register van Praktijk De Linde (register.db, ") ||
		!strings.Contains(stderr, "1 wijziging vastgelegd") || !strings.Contains(stderr, "--force") {
		t.Errorf("restore of an earlier backup without --force: exit %d, %q", code, stderr)
	}
	_, stderr, code = cli(t, db, "restore", foreign)
	if code != 2 || !strings.Contains(stderr, "is geen eerdere stand van het register van Praktijk De Linde") {
		t.Errorf("restore of another register's backup without --force: exit %d, %q", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Fatal("a refused restore changed the register")
	}
	out := ok(t, db, "restore", foreign, "--force")
	if !strings.Contains(out, "is bewaard als") || !strings.Contains(out, "is geen eerdere stand van het register van Praktijk De Linde") ||
		!strings.Contains(out, "alleen nog in het opzijgezette register") {
		t.Errorf("restore --force of another register's backup: %q", out)
	}
}

// TestBackupIntoTheBackupFolder: `backup` without -o makes the backup in the backup folder, as
// the app makes its own, for a scheduled task: listed by `backups`, and none again while the
// newest holds the register as it is. It was refused, and a backup with -o into that folder
// is refused still ("daar schrijft alleen de reservekopie"), so a task had no way to make one
// that verify and the app count.
func TestBackupIntoTheBackupFolder(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "6")
	out := ok(t, db, "backup")
	folder := filepath.Join(filepath.Dir(db), "Reservekopieën")
	if !strings.Contains(out, "Reservekopie gemaakt en gecontroleerd: "+folder) {
		t.Fatalf("backup: %q", out)
	}
	var listed []data.BackupInfo
	if err := json.Unmarshal([]byte(ok(t, db, "backups", "--json")), &listed); err != nil || len(listed) != 1 {
		t.Fatalf("backups after it: %d (%v)", len(listed), err)
	}
	if out := ok(t, db, "backup"); !strings.Contains(out, "Geen nieuwe reservekopie nodig") {
		t.Errorf("backup again, nothing changed: %q", out)
	}
	if _, stderr, code := cli(t, db, "backup", "--encrypt"); code != 2 || !strings.Contains(stderr, "-o") {
		t.Errorf("an encrypted backup into the folder: exit %d, %q", code, stderr)
	}
	if _, stderr, code := cli(t, db, "backup", "--force"); code != 2 || !strings.Contains(stderr, "--force hoort bij -o") {
		t.Errorf("--force without -o: exit %d, %q", code, stderr)
	}
	t.Setenv(passphraseEnv, "kort")
	if _, stderr, code := cli(t, db, "backup", "-o", filepath.Join(t.TempDir(), "k.reservekopie"), "--encrypt"); code != 2 || !strings.Contains(stderr, "8 tekens") {
		t.Errorf("a passphrase of four characters from %s: exit %d, %q", passphraseEnv, code, stderr)
	}
}

// TestRefusedRestoreLeavesNothing: a restore of a file that is missing or no backup took the
// register's claim and made the register's folder first, and left a .lock file in a mistyped
// folder; it is refused before it touches anything.
func TestRefusedRestoreLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	notBackup := filepath.Join(dir, "boodschappen.txt")
	if err := os.WriteFile(notBackup, []byte("melk\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "tpyo", "klachtenregister.db")
	for _, backup := range []string{filepath.Join(dir, "weg.reservekopie"), notBackup} {
		if _, errOut, code := cli(t, db, "restore", backup); code != 2 {
			t.Errorf("restore %s: exit %d, want 2: %s", filepath.Base(backup), code, errOut)
		}
		if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
			t.Fatalf("restore %s left %s behind", filepath.Base(backup), filepath.Dir(db))
		}
	}
}
