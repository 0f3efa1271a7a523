package data

import (
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// snapshotsIn lists the snapshot files (with journals and locks) in dir.
func snapshotsIn(t *testing.T, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, snapshotPrefix+"*"))
	must(t, err)
	return found
}

// TestBackupWritesOnlyTheBackupToItsFolder: the plain copy a backup is made from once lay in
// the backup's folder (a USB stick, a synced folder) while the backup was written, and stayed
// there when the CLI was interrupted. It lies beside the register, goes with an interruption,
// and a backup that fails leaves nothing in either folder.
func TestBackupWritesOnlyTheBackupToItsFolder(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	regDir, out := filepath.Dir(path), t.TempDir()
	before := dirNames(t, regDir)
	for _, pass := range []string{"", "geheim wachtwoord"} {
		_, err := s.WriteBackup(filepath.Join(out, "kopie"+pass+backupExt), pass, false)
		must(t, err)
	}
	if got := dirNames(t, out); !slices.Equal(got, []string{"kopie" + backupExt, "kopiegeheim wachtwoord" + backupExt}) {
		t.Errorf("the backup folder holds %v", got)
	}
	if got := dirNames(t, regDir); !slices.Equal(got, before) {
		t.Errorf("the register's folder held %v and now %v", before, got)
	}

	// Interrupted while the backup is written: the CLI's signal handler calls
	// RemovePartialOutputs.
	out = t.TempDir()
	backup := filepath.Join(out, "onderbroken"+backupExt)
	interrupted := errors.New("onderbroken")
	_, err := s.writeBackup(backup, "geheim wachtwoord", func(write func(io.Writer) error) error {
		return WriteOutput(backup, s.OutputOptions(false), func(w io.Writer) error {
			if err := write(w); err != nil {
				return err
			}
			if got := snapshotsIn(t, out); len(got) != 0 {
				t.Errorf("while the backup is written its folder holds %v", got)
			}
			if got := snapshotsIn(t, regDir); len(got) != 2 { // the copy and its lock
				t.Errorf("while the backup is written the register's folder holds %v, want the copy and its lock", got)
			}
			interrupt()
			if got := snapshotsIn(t, regDir); len(got) != 0 {
				t.Errorf("the interruption left %v", got)
			}
			return interrupted
		})
	})
	if !errors.Is(err, interrupted) {
		t.Errorf("interrupted backup: %v", err)
	}
	if got := dirNames(t, out); len(got) != 0 {
		t.Errorf("after the interruption the backup folder holds %v", got)
	}
	if got := dirNames(t, regDir); !slices.Equal(got, before) {
		t.Errorf("after the interruption the register's folder holds %v", got)
	}

	// The snapshot fails its check: nothing is written anywhere.
	execRaw(t, path, `UPDATE complaints SET complainant_name = 'Janssen'`)
	if _, err := s.WriteBackup(filepath.Join(out, "kopie"+backupExt), "", false); err == nil {
		t.Fatal("a backup of a register that does not verify was made")
	}
	if got := dirNames(t, out); len(got) != 0 {
		t.Errorf("after a failed backup the backup folder holds %v", got)
	}
	if got := dirNames(t, regDir); !slices.Equal(got, before) {
		t.Errorf("after a failed backup the register's folder holds %v", got)
	}
}

// TestStaleSnapshotsAreRemoved: what a killed backup left beside the register, and what
// earlier versions left beside the backup (where they made the copy), goes at the next
// backup, in a folder of any name; a file that only looks alike stays.
func TestStaleSnapshotsAreRemoved(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	regDir, out := filepath.Dir(path), filepath.Join(t.TempDir(), "USB [2025]") // no pattern
	must(t, os.Mkdir(out, 0o700))
	before := dirNames(t, regDir)
	stale := []string{
		filepath.Join(regDir, snapshotPrefix+"11.tmp"), filepath.Join(regDir, snapshotPrefix+"11.tmp-journal"),
		filepath.Join(regDir, snapshotPrefix+"12.tmp.lock"), filepath.Join(regDir, snapshotPrefix+"13.tmp-wal"),
		filepath.Join(regDir, snapshotPrefix+"13.tmp-shm"),
		filepath.Join(out, snapshotPrefix+"14.tmp"), filepath.Join(out, snapshotPrefix+"14.tmp-journal"),
	}
	for _, p := range stale {
		must(t, os.WriteFile(p, []byte("Jansen, Dorpsstraat 1"), 0o600))
	}
	alike := filepath.Join(regDir, snapshotPrefix+"notities.txt")
	must(t, os.WriteFile(alike, []byte("eigen notities"), 0o600))
	// Another process's backup named klachtenregister-kopie-december, being written: its
	// temporary file starts as a snapshot does, and holds no snapshot's lock.
	writing := filepath.Join(regDir, "."+strings.TrimPrefix(snapshotPrefix, ".")+"december"+backupExt+".4711.tmp")
	must(t, os.WriteFile(writing, []byte("half a backup"), 0o600))
	_, err := s.WriteBackup(filepath.Join(out, "kopie"+backupExt), "", false)
	must(t, err)
	if got := dirNames(t, out); !slices.Equal(got, []string{"kopie" + backupExt}) {
		t.Errorf("the backup folder holds %v", got)
	}
	if got, want := dirNames(t, regDir), append(slices.Clone(before), filepath.Base(alike), filepath.Base(writing)); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("the register's folder holds %v, want %v", got, want)
	}

	// The automatic backup clears its folder of what earlier versions left there.
	backups := DefaultBackupDir(path)
	must(t, os.MkdirAll(backups, 0o700))
	old := filepath.Join(backups, snapshotPrefix+"15.tmp")
	must(t, os.WriteFile(old, []byte("Jansen, Dorpsstraat 1"), 0o600))
	_, made, err := s.AutoBackup(true)
	must(t, err)
	if got := snapshotsIn(t, backups); !made || len(got) != 0 {
		t.Errorf("after the automatic backup (made: %v) the backup folder holds %v", made, got)
	}
}

// TestSnapshotInProgressIsKept: the snapshot of a backup that another process (the app's
// automatic backup beside a CLI backup) is still making is left alone, however old, and goes
// once that backup has let go of it.
func TestSnapshotInProgressIsKept(t *testing.T) {
	path := fullFixture(t)
	s := openAt(t, path, "2026-03-02")
	regDir := filepath.Dir(path)
	other, lock, err := claimSnapshot(regDir) // as the other process holds it
	must(t, err)
	must(t, os.WriteFile(other, []byte("Jansen, Dorpsstraat 1"), 0o600))
	must(t, os.WriteFile(other+"-journal", []byte("journaal"), 0o600))
	must(t, os.Chtimes(other, restoreTime, restoreTime)) // days old
	_, err = s.WriteBackup(filepath.Join(t.TempDir(), "kopie"+backupExt), "", false)
	must(t, err)
	want := []string{other, other + "-journal", other + ".lock"}
	if got := snapshotsIn(t, regDir); !slices.Equal(got, want) {
		t.Fatalf("another backup's snapshot: the register's folder holds %v, want %v", got, want)
	}
	if b, _ := os.ReadFile(other); string(b) != "Jansen, Dorpsstraat 1" {
		t.Errorf("another backup's snapshot now holds %q", b)
	}
	lock.Close() // that process ends without cleaning up
	_, err = s.WriteBackup(filepath.Join(t.TempDir(), "kopie"+backupExt), "", false)
	must(t, err)
	if got := snapshotsIn(t, regDir); len(got) != 0 {
		t.Errorf("the snapshot of a backup that ended is still there: %v", got)
	}
}

// TestInterruptedSnapshotIsNotMadeAgain: an interruption removes the snapshot while SQLite is
// still copying the register into it or checking it; SQLite, given the plain path, then made
// the file again, empty, just before the program ended, and it stayed beside the register (CI:
// TestInterruptedBackupLeavesNoCopy). Both steps now find the file gone and fail, leaving
// nothing. A register in a folder whose name has a space, a % and an ë is copied as before.
func TestInterruptedSnapshotIsNotMadeAgain(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "map 100% van Zoë")
	must(t, os.Mkdir(dir, 0o700))
	path := filepath.Join(dir, "register.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	before := dirNames(t, dir)

	snap, lock, err := claimSnapshot(dir)
	must(t, err)
	if _, err := s.snapshot(snap); err != nil {
		t.Fatalf("snapshot in %q: %v", dir, err)
	}
	removeSnapshot(snap, lock)

	// Gone before the copy began.
	snap, lock, err = claimSnapshot(dir)
	must(t, err)
	removeSnapshot(snap, lock)
	if _, err := s.snapshot(snap); err == nil {
		t.Error("a snapshot into a file that was removed succeeded")
	}
	if got := dirNames(t, dir); !slices.Equal(got, before) {
		t.Errorf("the register's folder held %v and after a snapshot into a removed file %v", before, got)
	}

	// Gone after the copy, before its check: the check must not make it again.
	db, err := sql.Open("sqlite", existingFile(filepath.Join(dir, "weg.db")))
	must(t, err)
	defer db.Close()
	if _, err := verifyDB(db, true); err == nil {
		t.Error("checking a removed snapshot succeeded")
	}
	if got := dirNames(t, dir); !slices.Equal(got, before) {
		t.Errorf("checking a removed snapshot left %v", got)
	}
}

// A backup's or a restore's check of its copy reads with a small page cache: the desktop app
// makes its backups in the background, beside everything it holds.
func TestCopyIsCheckedWithASmallCache(t *testing.T) {
	s := openStore(t, "2026-03-02")
	db, err := openCopy(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var kib int
	if err := db.QueryRow(`PRAGMA cache_size`).Scan(&kib); err != nil {
		t.Fatal(err)
	}
	if kib != -256 {
		t.Errorf("cache_size %d, want -256 (256 KB)", kib)
	}
}
