package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestOnlyOneAppOpensARegister: a second claim is refused as open elsewhere, may ask the
// first to come to the front, and succeeds once the first is released.
func TestOnlyOneAppOpensARegister(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "register.db")
	first, err := LockForApp(reg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockForApp(reg)
	if Cause(err) != CauseOpenElsewhere || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("second claim: %v, want open elsewhere", err)
	}
	if first.FrontRequested() {
		t.Fatal("front requested before anyone asked")
	}
	must(t, RequestFront(reg))
	if !first.FrontRequested() || first.FrontRequested() {
		t.Fatal("a request to come to the front is seen exactly once")
	}
	first.Release()
	again, err := LockForApp(reg)
	if err != nil {
		t.Fatalf("claim after release: %v", err)
	}
	again.Release()
}

// TestFirstStartClaimsARegisterInAFolderNotMadeYet: on a new machine the app claims the
// default register before its folder exists; the claim makes the folder (regression: the
// first start showed "open ...klachtenregister.db.lock: no such file or directory").
func TestFirstStartClaimsARegisterInAFolderNotMadeYet(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "Klachtenregister", "klachtenregister.db")
	lock, err := LockForApp(reg)
	if err != nil {
		t.Fatalf("claim in a folder not made yet: %v", err)
	}
	defer lock.Release()
	info, err := os.Stat(filepath.Dir(reg))
	if err != nil || !info.IsDir() || runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		t.Fatalf("register folder: %v (%v)", info, err)
	}
}

// TestChangedSeesAnotherConnection: Changed reports a change made through another Store on
// the same file, once, and not the store's own changes, which the app shows already.
func TestChangedSeesAnotherConnection(t *testing.T) {
	s := openStore(t, "2026-11-30")
	if changed, err := s.Changed(); err != nil || changed {
		t.Fatalf("first call: %v %v", changed, err)
	}
	other := openAt(t, s.Path(), "2026-11-30")
	mustCreate(t, other, complaint("Mehmet Çelik", "2026-11-02", true))
	if changed, err := s.Changed(); err != nil || !changed {
		t.Fatalf("after another store's change: %v %v", changed, err)
	}
	if changed, _ := s.Changed(); changed {
		t.Fatal("the same change reported twice")
	}
	mustCreate(t, s, complaint("Zoë van 't Hoff", "2026-11-03", true))
	if changed, _ := s.Changed(); changed {
		t.Fatal("the store's own change reported as another program's")
	}
}
