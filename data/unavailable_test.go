package data

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// TestOpenExistingCreatesNothing: a command that reads, or changes a complaint that must be
// there, says there is no register and leaves no new file behind.
func TestOpenExistingCreatesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "typo.db")
	_, err := OpenExisting(path)
	if Cause(err) != CauseMissing || !strings.Contains(err.Error(), "geen register") || strings.Contains(err.Error(), "reservekopie") {
		t.Fatalf("OpenExisting on a missing file: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("OpenExisting left %s behind", path)
	}
}

// TestOpenRefusesPathsThatAreNoFile: SQLite would take these as a register that vanishes on
// close, or as options.
func TestOpenRefusesPathsThatAreNoFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"", "  ", ":memory:", "file:register.db", "File:register.db?mode=memory", "a?b.db", dir, os.DevNull} {
		if s, err := Open(p); err == nil || !isInputError(err) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open(%q) = %v, want a refusal", p, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused paths left %v", entries)
	}
}

// TestOpenWaitsForAnotherWriter: a register locked by another program for a moment is
// waited for, at open and at a change, rather than refused or called unreadable.
func TestOpenWaitsForAnotherWriter(t *testing.T) {
	s := openStore(t, "2026-11-30")
	path := s.Path()
	s.Close()
	other := rawDB(t, path)
	tx, err := other.Begin()
	must(t, err)
	_, err = tx.Exec(`CREATE TABLE lock_holder (x); INSERT INTO lock_holder VALUES (1)`)
	must(t, err)
	go func() { time.Sleep(300 * time.Millisecond); tx.Rollback() }()
	s2 := openAt(t, path, "2026-11-30")
	mustCreate(t, s2, complaint("Mehmet Çelik", "2026-11-02", true))
}

// TestCreatingARegisterWaitsForAnotherProgram: SQLite switches a new file to its write-ahead
// log without waiting for its busy timeout when another connection is about to write it. Two
// programs creating one register at once (the eight CLI processes of
// TestEightWritersAndAReaderShareARegister, now and then in CI) had one refused as busy.
func TestCreatingARegisterWaitsForAnotherProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	other := rawDB(t, path)
	tx, err := other.Begin()
	must(t, err)
	_, err = tx.Exec(`CREATE TABLE lock_holder (x)`) // it is about to write, as a program creating its register
	must(t, err)
	go func() { time.Sleep(300 * time.Millisecond); tx.Rollback() }()
	s := openAt(t, path, "2026-11-30")
	mustCreate(t, s, complaint("Mehmet Çelik", "2026-11-02", true))
	var mode string
	must(t, s.r.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	if mode != "wal" {
		t.Fatalf("journal mode %q, want wal", mode)
	}
}

// TestErrorsAreWordedByCause: each cause has its own advice, and only a damaged file points
// to a backup.
func TestErrorsAreWordedByCause(t *testing.T) {
	s := openStore(t, "2026-11-30")
	path := s.Path()

	holder := rawDB(t, path)
	tx, err := holder.Begin()
	must(t, err)
	_, err = tx.Exec(`CREATE TABLE lock_holder (x)`)
	must(t, err)
	impatient, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	must(t, err)
	defer impatient.Close()
	_, busyErr := impatient.Begin()
	tx.Rollback()

	damaged := filepath.Join(t.TempDir(), "beschadigd.db")
	b, err := os.ReadFile(path)
	must(t, err)
	for i := 100; i < len(b); i++ {
		b[i] = 0xA5
	}
	must(t, os.WriteFile(damaged, b, 0o600))
	_, damagedErr := Open(damaged)

	for _, tc := range []struct {
		err          error
		cause, says  string
		pointsBackup bool
	}{
		{Classify(path, busyErr), CauseBusy, "in gebruik door een ander programma; probeer het zo opnieuw", false},
		{Classify(path, fmt.Errorf("schrijven: %w", syscall.ENOSPC)), CauseFull, "schijf", false},
		// Opening a register on a full disk that no other program has open: SQLite cannot
		// make the shared-memory file beside it grow (it read "beschadigd … zet de reservekopie terug").
		{Classify(path, sqliteCode{sqlite3.SQLITE_IOERR_SHMSIZE}), CauseFull, "schijf", false},
		{Classify(path, sqliteCode{sqlite3.SQLITE_CORRUPT}), CauseDamaged, "beschadigd", true},
		{Classify(path, fmt.Errorf("openen: %w", syscall.EROFS)), CauseReadOnly, "niet mag schrijven", false},
		{Classify(path, fmt.Errorf("openen: %w", os.ErrPermission)), CauseReadOnly, "niet mag schrijven", false},
		{damagedErr, CauseDamaged, "beschadigd", true},
	} {
		if Cause(tc.err) != tc.cause || !strings.Contains(tc.err.Error(), tc.says) ||
			strings.Contains(tc.err.Error(), "reservekopie") != tc.pointsBackup {
			t.Errorf("%s: %v", tc.cause, tc.err)
		}
	}
}

// TestRegisterWithDamagedFirstBytesIsDamaged: a register whose first bytes were overwritten
// (no longer "SQLite format 3") is damaged, as its anchor beside it shows, and the advice is
// the newest backup, not "choose another file"; a file that never was a register is still
// refused as not ours. Neither is changed.
func TestRegisterWithDamagedFirstBytesIsDamaged(t *testing.T) {
	s := openStore(t, "2026-11-30")
	mustCreate(t, s, complaint("Mehmet Çelik", "2026-11-02", true))
	path := s.Path()
	must(t, s.Close()) // writes the anchor beside it
	if !fileExists(path + anchorSuffix) {
		t.Fatal("no anchor beside the register")
	}
	b, err := os.ReadFile(path)
	must(t, err)
	copy(b, "GARBAGEGARBAGE")
	must(t, os.WriteFile(path, b, 0o600))
	_, err = Open(path)
	if Cause(err) != CauseDamaged || !strings.Contains(fmt.Sprint(err), "Zet de nieuwste reservekopie terug") {
		t.Errorf("damaged register: %v (cause %q)", err, Cause(err))
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
		t.Error("the damaged register was changed")
	}

	other := filepath.Join(t.TempDir(), "notities.db")
	must(t, os.WriteFile(other, []byte("boodschappenlijst"), 0o600))
	if _, err := Open(other); Cause(err) != "" || !strings.Contains(fmt.Sprint(err), "geen database van Klachtenregister") {
		t.Errorf("a file that never was a register: %v", err)
	}
}

// sqliteCode is an SQLite error by its result code, as the driver's *sqlite.Error gives it.
type sqliteCode struct{ code int }

func (e sqliteCode) Error() string { return fmt.Sprintf("sqlite (%d)", e.code) }
func (e sqliteCode) Code() int     { return e.code }

// TestNoApplicationDataFolderIsUnavailable: a scheduled task without HOME (cron, systemd) finds
// no folder for the register: the register is unavailable (the CLI's exit code 3), not a
// problem verify found (1, as it was).
func TestNoApplicationDataFolderIsUnavailable(t *testing.T) {
	t.Setenv("KLACHTENREGISTER_DB", "")
	t.Setenv("LOCALAPPDATA", "") // Windows
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	_, err := DefaultPath()
	wantErr(t, err, ErrUnavailable)
	if err == nil || !strings.Contains(err.Error(), "--db") {
		t.Errorf("without HOME: %v", err)
	}
}
