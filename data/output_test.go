package data

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeText(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// registerWithOutputs is a register with a complaint and its -wal open, and its options.
func registerWithOutputs(t *testing.T) (*Store, OutputOptions) {
	t.Helper()
	s := openStore(t, "2026-11-30")
	mustCreate(t, s, complaint("Mehmet Çelik", "2026-11-02", true))
	return s, s.OutputOptions(true)
}

// TestWriteOutputNeverHitsTheRegister tries every way an output could land on the register
// or its backups, with --force: each is refused with a clear message, and the register and
// its -wal are left as they were.
func TestWriteOutputNeverHitsTheRegister(t *testing.T) {
	s, opt := registerWithOutputs(t)
	reg := s.Path()
	dir := filepath.Dir(reg)
	before := fileSum(t, reg) + fileSum(t, reg+"-wal")
	links := t.TempDir()
	must(t, os.Symlink(reg, filepath.Join(links, "link.pdf")))
	must(t, os.Symlink(dir, filepath.Join(links, "dir")))
	must(t, os.Link(reg, filepath.Join(dir, "hardlink.pdf")))
	backups := DefaultBackupDir(reg)
	must(t, os.MkdirAll(filepath.Join(backups, "2026"), 0o700))
	must(t, os.WriteFile(filepath.Join(backups, "gisteren.klr"), []byte("reservekopie"), 0o600))
	t.Chdir(dir)
	for _, tc := range []struct{ target, says string }{
		{reg, "het register zelf"},
		{"register.db", "het register zelf"},
		{filepath.Join(dir, ".", "sub", "..", "register.db"), "het register zelf"},
		{reg + "-wal", "het register zelf"},
		{reg + "-shm", "het register zelf"},
		{reg + "-journal", "het register zelf"},
		{reg + ".anker", "het register zelf"},                    // its anchor: what verify compares the trail with
		{filepath.Join(dir, "REGISTER.DB"), "het register zelf"}, // the register itself on Windows and macOS
		{filepath.Join(links, "link.pdf"), "het register zelf"},
		{filepath.Join(links, "dir", "register.db"), "het register zelf"},
		{filepath.Join(dir, "hardlink.pdf"), "het register zelf"},
		{filepath.Join(backups, "gisteren.klr"), "reservekopieën"},
		{filepath.Join(backups, "nieuw.pdf"), "reservekopieën"},
		{filepath.Join(backups, "2026", "nieuw.pdf"), "reservekopieën"},
		{dir, "is een map"},
		{filepath.Join(dir, "bestaat-niet", "brief.pdf"), "bestaat niet"},
		{"", "geef de naam"},
	} {
		err := WriteOutput(tc.target, opt, writeText("%PDF-1.4 brief"))
		var de *Error
		if !errors.As(err, &de) || de.Code != CodeInvalid || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("WriteOutput(%q) = %v, want a refusal saying %q", tc.target, err, tc.says)
		}
		if err := CheckOutput(tc.target, opt); err == nil {
			t.Errorf("CheckOutput(%q) passed", tc.target)
		}
	}
	if fileSum(t, reg)+fileSum(t, reg+"-wal") != before {
		t.Fatal("the register changed")
	}
	if got := countRows(t, s, "complaints"); got != 1 {
		t.Fatalf("%d complaints after the refusals, want 1", got)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestWriteOutputReplacesOnlyWithForce: an existing file is kept unless the caller says the
// practitioner agreed; then it is replaced whole, readable by its owner only.
func TestWriteOutputReplacesOnlyWithForce(t *testing.T) {
	s, opt := registerWithOutputs(t)
	target := filepath.Join(t.TempDir(), "jaarverslag.pdf")
	must(t, os.WriteFile(target, []byte("vorige week"), 0o644))
	err := WriteOutput(target, s.OutputOptions(false), writeText("nieuw"))
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "bestaat al") {
		t.Fatalf("without force: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "vorige week" {
		t.Fatalf("the file was changed without force: %q", b)
	}
	must(t, WriteOutput(target, opt, writeText("nieuw")))
	if b, _ := os.ReadFile(target); string(b) != "nieuw" {
		t.Errorf("with force the file holds %q", b)
	}
	if info, err := os.Stat(target); err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Errorf("mode %v (%v), want readable by the owner only", info.Mode(), err)
	}
	// Through a link to an ordinary file, the file itself is replaced and the link stays.
	link := filepath.Join(filepath.Dir(target), "laatste.pdf")
	must(t, os.Symlink(target, link))
	must(t, WriteOutput(link, opt, writeText("via de link")))
	if b, _ := os.ReadFile(target); string(b) != "via de link" {
		t.Errorf("through the link the file holds %q", b)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
}

// TestWriteOutputFailingMidwayLeavesNothing is the full disk: the write fails after part of
// the file. An earlier file stays as it was, a new one is not made (no 0-byte file), and the
// temporary file is gone.
func TestWriteOutputFailingMidwayLeavesNothing(t *testing.T) {
	_, opt := registerWithOutputs(t)
	dir := t.TempDir()
	full := errors.New("no space left on device")
	half := func(w io.Writer) error {
		io.WriteString(w, "%PDF-1.4 half")
		return full
	}
	earlier := filepath.Join(dir, "jaarverslag.pdf")
	must(t, os.WriteFile(earlier, []byte("het verslag van vorige week"), 0o600))
	if err := WriteOutput(earlier, opt, half); !errors.Is(err, full) {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(earlier); string(b) != "het verslag van vorige week" {
		t.Errorf("the earlier file now holds %q", b)
	}
	if err := WriteOutput(filepath.Join(dir, "brief.pdf"), opt, half); !errors.Is(err, full) {
		t.Errorf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the earlier report", len(entries))
	}
}

// TestRemovePartialOutputs is what the CLI does on Ctrl+C: the temporary file of an output
// being written, with personal data in it, is removed.
func TestRemovePartialOutputs(t *testing.T) {
	_, opt := registerWithOutputs(t)
	dir := t.TempDir()
	started, interrupted := make(chan bool), make(chan bool)
	done := make(chan error)
	go func() {
		done <- WriteOutput(filepath.Join(dir, "register.csv"), opt, func(w io.Writer) error {
			io.WriteString(w, "Nr.;Naam\n1;Mehmet Çelik\n")
			started <- true
			<-interrupted
			return errors.New("afgebroken")
		})
	}()
	<-started
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".register.csv.*.tmp")); len(tmp) != 1 {
		t.Fatalf("temporary files while writing: %v", tmp)
	}
	interrupt()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after the interruption the folder holds %v", entries)
	}
	close(interrupted)
	<-done
}

// TestWriteOutputRemovesWhatAKilledRunLeft: a run killed with SIGKILL cannot clean up; the
// next output to the same file removes the old temporary file (with personal data in it).
func TestWriteOutputRemovesWhatAKilledRunLeft(t *testing.T) {
	_, opt := registerWithOutputs(t)
	dir := t.TempDir()
	old := filepath.Join(dir, ".register.csv.123456.tmp")
	recent := filepath.Join(dir, ".register.csv.654321.tmp") // perhaps another run, still writing
	other := filepath.Join(dir, ".ander.csv.123456.tmp")
	for _, p := range []string{old, recent, other} {
		must(t, os.WriteFile(p, []byte("1;Mehmet Çelik"), 0o600))
	}
	anHourAgo := time.Now().Add(-time.Hour)
	must(t, os.Chtimes(old, anHourAgo, anHourAgo))
	must(t, os.Chtimes(other, anHourAgo, anHourAgo))
	must(t, WriteOutput(filepath.Join(dir, "register.csv"), opt, writeText("Nr.;Naam")))
	for p, want := range map[string]bool{old: false, recent: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// interrupt is RemovePartialOutputs as the CLI calls it on Ctrl+C; the test process goes on, so
// it may make outputs again afterwards.
func interrupt() {
	RemovePartialOutputs()
	partials.Lock()
	partials.ended = false
	partials.Unlock()
	steady.Lock()
	steady.ended = false
	steady.Unlock()
}

// TestInterruptWaitsForAFileBeingMade: an interruption while a temporary file is being made
// waits until it is noted, and removes it; once interrupted, no new one is made.
func TestInterruptWaitsForAFileBeingMade(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".klachtenregister-kopie-1.tmp")
	making, interrupting := make(chan struct{}), make(chan struct{})
	go makePartial(func() (string, func(), error) {
		close(making)
		<-interrupting // the signal comes between making the file and noting it
		if err := os.WriteFile(path, []byte("Jansen, Dorpsstraat 1"), 0o600); err != nil {
			return "", nil, err
		}
		return path, func() { os.Remove(path) }, nil
	})
	<-making
	removed := make(chan struct{})
	go func() {
		RemovePartialOutputs()
		close(removed)
	}()
	time.Sleep(20 * time.Millisecond)
	close(interrupting)
	<-removed
	defer interrupt() // allow outputs again for the other tests
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file made during the interruption is still there (%v)", err)
	}
	if _, err := makePartial(func() (string, func(), error) { return path, func() {}, os.WriteFile(path, nil, 0o600) }); err == nil {
		t.Error("a new temporary file was made after the interruption")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("the refused file was made anyway")
	}
}

// TestInterruptWaitsForAStepThatMustNotBeCut: an interruption during a restore's swap of
// files waits until the swap and its record are done (cut in between, the register's anchor
// named the register set aside), and no such step begins after it.
func TestInterruptWaitsForAStepThatMustNotBeCut(t *testing.T) {
	inStep, finish := make(chan struct{}), make(chan struct{})
	stepDone := make(chan struct{})
	go func() {
		uninterrupted(func() error {
			close(inStep)
			<-finish
			return nil
		})
		close(stepDone)
	}()
	<-inStep
	removed := make(chan struct{})
	go func() {
		RemovePartialOutputs()
		close(removed)
	}()
	defer interrupt() // allow outputs and steps again for the other tests
	select {
	case <-removed:
		t.Fatal("the interruption did not wait for the step")
	case <-time.After(30 * time.Millisecond):
	}
	close(finish)
	<-stepDone
	<-removed
	if err := uninterrupted(func() error { return nil }); err == nil {
		t.Error("a step began after the interruption")
	}
}
