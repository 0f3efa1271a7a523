//go:build unix

package main

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedBackupLeavesNoCopy: `backup -o DIR/b.enc --encrypt` stopped with SIGTERM (a
// scheduled task ended, Ctrl+C) once left the plain copy of the register it was making, with
// names and complaint texts, in DIR (a USB stick, a synced folder), and nothing removed it. A
// CLI process making backups is stopped while a copy exists, five times, at different
// moments: afterwards DIR holds at most the finished backup, and the register's folder nothing
// of the backup.
func TestInterruptedBackupLeavesNoCopy(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "40")
	regDir, out := filepath.Dir(db), t.TempDir()
	t.Setenv(passphraseEnv, "lang genoeg wachtwoord")
	for i := range 5 {
		stderr := stopWhile(t, i, func() bool { return len(backupLeftovers(t, regDir, out)) > 0 },
			"backup", "-o", filepath.Join(out, "b.enc"), "--encrypt", "--force", "--db", db)
		if !strings.Contains(stderr.String(), "afgebroken") {
			t.Fatalf("run %d: the CLI did not stop on SIGTERM: %s", i, stderr)
		}
		if left := backupLeftovers(t, regDir, out); len(left) != 0 {
			t.Fatalf("run %d: the interrupted backup left %v", i, left)
		}
		if got := dirNames(t, out); len(got) > 1 || len(got) == 1 && got[0] != "b.enc" {
			t.Fatalf("run %d: the backup folder holds %v", i, got)
		}
	}
}

// TestInterruptedRestoreLeavesNoCopy: `restore --force` stopped with SIGTERM while it unpacks
// and checks the backup left that plain copy of the register, hidden, beside the register, and
// nothing removed it. Stopped five times at different moments, the restore leaves no copy, and
// the register at --db is whole: the one it had or the one from the backup.
func TestInterruptedRestoreLeavesNoCopy(t *testing.T) {
	src := newDB(t)
	ok(t, src, "demo", "--count", "40")
	backup := filepath.Join(t.TempDir(), "b.enc")
	t.Setenv(passphraseEnv, "lang genoeg wachtwoord")
	ok(t, src, "backup", "-o", backup, "--encrypt")
	db := newDB(t)
	ok(t, db, "demo", "--count", "4")
	regDir := filepath.Dir(db)
	for i := range 5 {
		stderr := stopWhile(t, i, func() bool { return len(restoreLeftovers(t, regDir)) > 0 }, "restore", backup, "--force", "--db", db)
		if left := restoreLeftovers(t, regDir); len(left) != 0 {
			t.Fatalf("run %d: the interrupted restore left %v (%s)", i, left, stderr)
		}
		if out := ok(t, db, "verify"); !strings.HasPrefix(out, "In orde") {
			t.Fatalf("run %d: after the interrupted restore: %s", i, out)
		}
	}
}

// stopWhile runs the CLI with args in a process of its own and stops it with SIGTERM a few
// milliseconds after busy first holds (within 20 s), as a scheduled task is ended; it returns
// what the process wrote to stderr once it has ended.
func stopWhile(t *testing.T, run int, busy func() bool, args ...string) *strings.Builder {
	t.Helper()
	cmd, stderr := startChild(t, 0, "", args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); !busy(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("run %d: no %s began in 20 s: %s", run, args[0], stderr)
		}
	}
	time.Sleep(time.Duration(rand.IntN(20)) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	return stderr
}

// restoreLeftovers lists the copies a restore unpacks in dir.
func restoreLeftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, name := range dirNames(t, dir) {
		if strings.HasPrefix(name, ".klachtenregister-terugzetten-") {
			out = append(out, name)
		}
	}
	return out
}
