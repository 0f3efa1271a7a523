package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Tests derive keys cheaply; TestEncryptedBackup uses the real costs once.
func init() { kdfParams.time, kdfParams.memory, kdfParams.threads = 1, 8, 1 }

var restoreTime = noon(day("2026-03-03"))

// withoutEvent drops the dump lines of one event, so a restored register compares with its source.
func withoutEvent(dump string, id int) string {
	var out []string
	for _, l := range strings.Split(dump, "\n") {
		if !strings.HasPrefix(l, fmt.Sprintf("events [%d ", id)) && !strings.HasPrefix(l, fmt.Sprintf("event_payloads [%d ", id)) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func backupRoundTrip(t *testing.T, passphrase string) {
	src := fullFixture(t)
	s := openAt(t, src, "2026-03-02")
	backup := filepath.Join(t.TempDir(), "kopie"+backupExt)
	info, err := s.WriteBackup(backup, passphrase, false)
	must(t, err)
	if info.Events != 18 || info.Encrypted != (passphrase != "") {
		t.Fatalf("backup info %+v", info)
	}
	want := dumpTables(t, s)

	dst := filepath.Join(t.TempDir(), "terug", "register.db")
	res, err := Restore(backup, dst, passphrase, false, restoreTime, "tester")
	must(t, err)
	if res.SetAside != "" || res.Events != 19 || res.Backup.Events != 18 {
		t.Fatalf("restore result %+v", res)
	}
	r := openAt(t, dst, "2026-03-03")
	if got := withoutEvent(dumpTables(t, r), 19); got != withoutEvent(want, 19) {
		t.Fatalf("restored register differs:\n%s\nwant\n%s", got, want)
	}
	evs, err := r.Timeline("K-2026-0001")
	must(t, err)
	if len(evs) == 0 {
		t.Fatal("no timeline after restore")
	}
	v, err := r.Verify()
	must(t, err)
	if !v.OK() || v.Events != 19 || v.Anchor == nil || v.Anchor.Events != 19 {
		t.Fatalf("verify after restore = %+v (anchor %+v)", v, v.Anchor)
	}
	var kind string
	must(t, r.r.QueryRow(`SELECT kind FROM events WHERE id = 19`).Scan(&kind))
	if kind != "register_restored" {
		t.Errorf("last event %q, want register_restored", kind)
	}
}

func TestBackupRestoreIdentical(t *testing.T) { backupRoundTrip(t, "") }

func TestEncryptedBackupRestoreIdentical(t *testing.T) {
	backupRoundTrip(t, "correct paard batterij niet")
}

// An encrypted backup holds no name in plain text, and a wrong or missing passphrase is told
// apart from damage.
func TestEncryptedBackup(t *testing.T) {
	saved := kdfParams
	kdfParams.time, kdfParams.memory, kdfParams.threads = 3, 64*1024, 4
	defer func() { kdfParams = saved }()
	s := openAt(t, fullFixture(t), "2026-03-02")
	backup := filepath.Join(t.TempDir(), "kopie"+backupExt)
	_, err := s.WriteBackup(backup, "geheim wachtwoord", false)
	must(t, err)
	b, err := os.ReadFile(backup)
	must(t, err)
	plain := filepath.Join(t.TempDir(), "plain"+backupExt)
	_, err = s.WriteBackup(plain, "", false)
	must(t, err)
	p, err := os.ReadFile(plain)
	must(t, err)
	for _, secret := range []string{"Jansen", "De Vries", "Praktijk Zon", "gesprek gepland", "oorspronkelijke tekst"} {
		if !bytes.Contains(p, []byte(secret)) {
			t.Fatalf("plain backup lacks %q: the check below proves nothing", secret)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("encrypted backup holds %q in plain text", secret)
		}
	}
	dst := filepath.Join(t.TempDir(), "register.db")
	_, err = Restore(backup, dst, "verkeerd", false, restoreTime, "tester")
	if !errors.Is(err, ErrPassphrase) || err.Error() != "het wachtwoord van de reservekopie klopt niet; probeer het opnieuw" {
		t.Errorf("wrong passphrase: %v", err)
	}
	_, err = Restore(backup, dst, "", false, restoreTime, "tester")
	if err != ErrNeedPassphrase {
		t.Errorf("no passphrase: %v", err)
	}
	if fileExists(dst) {
		t.Error("a refused restore left a register behind")
	}
	if entries, _ := os.ReadDir(filepath.Dir(dst)); len(entries) != 0 {
		t.Errorf("a refused restore left files: %v", entries)
	}
}

// A damaged backup is refused with a clear message and leaves nothing behind.
func TestDamagedBackupIsRefused(t *testing.T) {
	s := openAt(t, fullFixture(t), "2026-03-02")
	dir := t.TempDir()
	for _, pass := range []string{"", "geheim"} {
		backup := filepath.Join(dir, "kopie"+pass+backupExt)
		_, err := s.WriteBackup(backup, pass, false)
		must(t, err)
		good, err := os.ReadFile(backup)
		must(t, err)
		for name, bad := range map[string][]byte{
			"byte flipped": func() []byte { b := bytes.Clone(good); b[len(b)-100] ^= 1; return b }(),
			"cut off":      good[:len(good)-200],
			"appended":     append(bytes.Clone(good), 0),
			"header":       bytes.Replace(good, []byte(`"events":18`), []byte(`"events":19`), 1),
		} {
			must(t, os.WriteFile(backup, bad, 0o600))
			dst := filepath.Join(t.TempDir(), "register.db")
			_, err := Restore(backup, dst, pass, false, restoreTime, "tester")
			if err == nil || !strings.Contains(err.Error(), "beschadigd") && !(pass != "" && errors.Is(err, ErrPassphrase)) {
				t.Errorf("%s (passphrase %q): %v", name, pass, err)
			}
			if fileExists(dst) {
				t.Errorf("%s: a refused restore left a register", name)
			}
		}
	}
	notBackup := filepath.Join(dir, "notities.txt")
	must(t, os.WriteFile(notBackup, []byte("boodschappen"), 0o600))
	if _, err := Restore(notBackup, filepath.Join(dir, "x.db"), "", false, restoreTime, "t"); !errors.Is(err, ErrNotBackup) ||
		!strings.Contains(err.Error(), "kies een reservekopie die het programma heeft gemaakt") { // what to do instead
		t.Errorf("not a backup: %v", err)
	}
}

// Restoring over a register needs force, and then sets the register aside instead of removing it.
func TestRestoreSetsTheRegisterAside(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	backup := filepath.Join(t.TempDir(), "kopie"+backupExt)
	_, err := s.WriteBackup(backup, "", false)
	must(t, err)
	mustCreate(t, s, complaint("Later", "2026-03-02", false))
	must(t, s.Close())
	before := fileSum(t, path)

	_, err = Restore(backup, path, "", false, restoreTime, "tester")
	wantErr(t, err, ErrConflict)
	if fileSum(t, path) != before {
		t.Fatal("a refused restore changed the register")
	}
	res, err := Restore(backup, path, "", true, restoreTime, "tester")
	must(t, err)
	if res.SetAside == "" || fileSum(t, res.SetAside) != before {
		t.Fatalf("set aside %q does not hold the register that was there", res.SetAside)
	}
	r := openAt(t, path, "2026-03-03")
	if _, err := r.Complaint("K-2026-0003"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the complaint made after the backup is still there: %v", err)
	}
	if v, err := r.Verify(); err != nil || !v.OK() {
		t.Fatalf("verify after restore = %+v, %v", v, err)
	}
}

// Automatic backups: at most one a day at start, none at close when nothing changed, and the
// rotation leaves 7 daily, 4 weekly and 12 monthly ones.
func TestAutoBackup(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	info, made, err := s.AutoBackup(true)
	must(t, err)
	if !made || filepath.Dir(info.File) != DefaultBackupDir(path) {
		t.Fatalf("first backup %+v made=%v", info, made)
	}
	if _, made, _ := s.AutoBackup(true); made {
		t.Error("a second daily backup on the same day")
	}
	if _, made, _ := s.AutoBackup(false); made {
		t.Error("a backup at close without any change")
	}
	mustCreate(t, s, complaint("Later", "2026-03-02", false))
	if _, made, _ := s.AutoBackup(false); !made {
		t.Error("no backup at close after a change")
	}
	st, err := s.BackupStatus()
	must(t, err)
	if st.Last == nil || st.Stale || !st.DefaultDir {
		t.Errorf("status %+v", st)
	}
	setToday(s, "2026-03-20")
	if st, _ = s.BackupStatus(); !st.Stale {
		t.Errorf("stale status %+v", st)
	}
}

// rotated is what rotate keeps of backups at now, newest first.
func rotated(backups []BackupInfo, now time.Time) []string {
	remove := map[string]bool{}
	for _, f := range rotate(backups, now) {
		remove[f] = true
	}
	var kept []string
	for _, b := range backups {
		if !remove[b.File] {
			kept = append(kept, b.File)
		}
	}
	return kept
}

func TestRotate(t *testing.T) {
	var backups []BackupInfo
	start := time.Date(2026, 12, 2, 12, 0, 0, 0, time.Local)
	for d := 0; d < 500; d++ { // two a day for 500 days, newest first
		for h := 0; h < 2; h++ {
			at := start.AddDate(0, 0, -d).Add(time.Duration(-h) * time.Hour)
			backups = append(backups, BackupInfo{File: at.Format("2006-01-02T15"), Created: at})
		}
	}
	kept := rotated(backups, start)
	want := []string{
		"2026-12-02T12", "2026-12-02T11", "2026-12-01T12", "2026-11-30T12", "2026-11-29T12", "2026-11-28T12", "2026-11-27T12", "2026-11-26T12", // 7 days
		"2026-11-22T12", "2026-11-15T12", // weeks (the week of 30 Nov is kept by its days); today's all

		"2026-10-31T12", "2026-09-30T12", "2026-08-31T12", "2026-07-31T12", "2026-06-30T12", "2026-05-31T12",
		"2026-04-30T12", "2026-03-31T12", "2026-02-28T12", "2026-01-31T12", // 12 months with December and November
	}
	if strings.Join(kept, " ") != strings.Join(want, " ") {
		t.Errorf("kept\n%v\nwant\n%v", kept, want)
	}
}

// TestRotateKeepsNothingOlderThanTwelveMonths: a practice that used the app only every few
// months still has no backup older than 12 months (an anonymised complaint must be gone from
// the backups by then), except the newest one.
func TestRotateKeepsNothingOlderThanTwelveMonths(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.Local)
	var backups []BackupInfo
	for m := 0; m < 36; m += 3 { // one backup a quarter for three years, newest first
		at := now.AddDate(0, -m, 0)
		backups = append(backups, BackupInfo{File: at.Format("2006-01-02"), Created: at})
	}
	kept := rotated(backups, now)
	if want := "2026-12-02 2026-09-02 2026-06-02 2026-03-02"; strings.Join(kept, " ") != want {
		t.Errorf("kept %v, want %v", kept, want)
	}
	old := backups[len(backups)-1:]
	if remove := rotate(old, now); len(remove) != 0 {
		t.Errorf("the only backup, made %v, is removed: %v", old[0].Created, remove)
	}
}

// A backup made while another connection writes is a consistent snapshot that verifies.
func TestBackupWhileWriting(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	other := openAt(t, path, "2026-03-02")
	done := make(chan error)
	go func() {
		for i := 0; i < 20; i++ {
			if _, err := other.Create(complaint(fmt.Sprint("Klager ", i), "2026-03-01", true)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 3; i++ {
		_, err := s.WriteBackup(filepath.Join(t.TempDir(), "kopie"+backupExt), "", false)
		must(t, err)
	}
	must(t, <-done)
}

// FuzzOpenBackup feeds the backup reader arbitrary files: it must refuse them with an error,
// never panic or read without bound. The seed corpus in testdata/fuzz holds a plain and an
// encrypted backup (passphrase "geheim") of a small register.
func FuzzOpenBackup(f *testing.F) {
	f.Add([]byte(backupMagic + "{}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, body, err := openBackup(bytes.NewReader(b), "geheim")
		if err != nil {
			return
		}
		io.Copy(io.Discard, body)
	})
}

// TestWriteFuzzSeeds writes the committed seed corpus again when KLACHTENREGISTER_FUZZSEEDS is
// set: a plain and an encrypted backup of a small stand-in for a register, kept small so the
// fuzzer mutates the format rather than page after page of a database.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("KLACHTENREGISTER_FUZZSEEDS") == "" {
		t.Skip("set KLACHTENREGISTER_FUZZSEEDS=1 to rewrite testdata/fuzz/FuzzOpenBackup")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzOpenBackup")
	must(t, os.MkdirAll(dir, 0o755))
	body := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte("Jansen "), 40)...)
	h := BackupHeader{Register: "klachtenregister.db", Created: restoreTime.UTC(), Events: 3, Head: strings.Repeat("ab", 32),
		Size: int64(len(body)), SHA256: sha256Hex(body)}
	for name, pass := range map[string]string{"plain": "", "encrypted": "geheim"} {
		var b bytes.Buffer
		must(t, writeBackup(&b, h, bytes.NewReader(body), pass))
		if _, r, err := openBackup(bytes.NewReader(b.Bytes()), "geheim"); err != nil {
			t.Fatal(err)
		} else if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, body) {
			t.Fatalf("%s seed reads back as %q, %v", name, got, err)
		}
		must(t, os.WriteFile(filepath.Join(dir, name), fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", b.Bytes()), 0o644))
	}
	must(t, os.WriteFile(filepath.Join(dir, "sqlite"), fmt.Appendf(nil, "go test fuzz v1\n[]byte(%q)\n", body), 0o644))
}

// TestBackupWithoutWriteAccessSaysWhatToDo: a backup folder the program may not write in (a
// read-only stick, another user's folder) or a full disk is said in the practitioner's words
// with what to do, not the system's "permission denied"; nothing is left behind.
func TestBackupWithoutWriteAccessSaysWhatToDo(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	target := filepath.Join(t.TempDir(), "klachtenregister.reservekopie")
	for cause, want := range map[error]string{
		fs.ErrPermission: "dit programma mag in die map niet schrijven (alleen lezen of geen toegang). Kies een andere map voor de reservekopieën",
		syscall.EROFS:    "dit programma mag in die map niet schrijven",
		syscall.ENOSPC:   "de schijf is vol. Maak ruimte vrij of kies een andere map voor de reservekopieën",
	} {
		_, err := s.writeBackup(target, "", func(func(io.Writer) error) error {
			return &fs.PathError{Op: "open", Path: target + ".tmp", Err: cause}
		})
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), cause.Error()) {
			t.Errorf("%v: %v, want %q without the system's words", cause, err, want)
		}
		if Cause(err) == CauseReadOnly || Cause(err) == CauseFull {
			t.Errorf("%v: blamed on the register (%s)", cause, Cause(err))
		}
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("backup file left: %v", err)
	}
}

// TestBackupFolderOnAMissingDrive: a backup folder on a stick that is not attached says so,
// also on Windows, where its drive letter does not exist ("path not found") rather than
// refusing access.
func TestBackupFolderOnAMissingDrive(t *testing.T) {
	for _, cause := range []error{fs.ErrNotExist, fs.ErrPermission, syscall.EROFS} {
		err := backupDirNotMade(`E:\Reservekopieën`, &fs.PathError{Op: "mkdir", Path: `E:\`, Err: cause})
		if err == nil || !strings.Contains(err.Error(), "sluit die dan aan") || strings.Contains(err.Error(), cause.Error()) {
			t.Errorf("%v: %v, want the advice to connect the drive, without the system's words", cause, err)
		}
	}
}

// TestMissingBackupFolderIsNotMadeAgain: the practice's own backup folder on a USB stick that
// is not connected was made again on the register's disk by the next change (its anchor) and
// backup, which then held the backups the practitioner thought on the stick. The backup is
// refused as unavailable, saying what to do, and the folder stays away.
func TestMissingBackupFolderIsNotMadeAgain(t *testing.T) {
	stick := filepath.Join(t.TempDir(), "usb")
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{KeyBackupDir: stick}))
	must(t, os.RemoveAll(stick)) // the stick taken out
	mustCreate(t, s, complaint("Jansen", "2026-03-02", false))
	_, made, err := s.AutoBackup(false)
	wantErr(t, err, ErrUnavailable)
	if made || err == nil || !strings.Contains(err.Error(), "USB-stick") {
		t.Errorf("a backup into the missing folder: made %v, %v", made, err)
	}
	must(t, s.Close()) // writes the anchor beside the register only
	if isFolder(stick) {
		t.Error("the missing backup folder was made again on this disk")
	}
}
