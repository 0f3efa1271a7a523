package main

import (
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data"
)

// TestRestoreOverARegisterInUse: a register another program still has open is unavailable
// now (exit 3, as README's exit codes say for "in use by another program"), not bad input;
// the register stays as it was.
func TestRestoreOverARegisterInUse(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "4")
	backup := filepath.Join(t.TempDir(), "kopie.reservekopie")
	ok(t, db, "backup", "-o", backup)
	app, err := data.OpenExisting(db) // the desktop app, still open
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if _, err := app.List(data.Filter{}); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, db)
	_, stderr, code := cli(t, db, "restore", backup, "--force")
	if code != 3 || !strings.Contains(stderr, "nog geopend in een ander programma") {
		t.Errorf("restore over a register in use: exit %d, %q; want 3", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Error("the refused restore changed the register")
	}
	if aside, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "*voor-terugzetten*")); len(aside) != 0 {
		t.Errorf("the refused restore set files aside: %v", aside)
	}
}

// TestRestoreWhileTheAppHoldsTheClaim: restore takes the claim the desktop app takes, so it is
// refused (exit 3, nothing changed) while the app holds it, also when the app has no
// connection open at that moment (its window on a damaged register offers a restore of its
// own); regression: the restore went ahead and replaced the file under the app.
func TestRestoreWhileTheAppHoldsTheClaim(t *testing.T) {
	db := newDB(t)
	ok(t, db, "demo", "--count", "4")
	backup := filepath.Join(t.TempDir(), "kopie.reservekopie")
	ok(t, db, "backup", "-o", backup)
	app, err := data.LockForApp(db)
	if err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, db)
	_, stderr, code := cli(t, db, "restore", backup, "--force")
	if code != 3 || !strings.Contains(stderr, "is geopend in een venster van Klachtenregister of wordt al teruggezet; sluit dat venster") {
		t.Errorf("restore while the app holds the claim: exit %d, %q; want 3", code, stderr)
	}
	if fileHash(t, db) != before {
		t.Error("the refused restore changed the register")
	}
	app.Release()
	ok(t, db, "restore", backup, "--force")
}
