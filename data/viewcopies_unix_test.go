//go:build unix

package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestViewCopiesArePrivate: the folder, the complaint's folder and the copy are the user's
// alone, even where the user's umask would open them, and a folder others could enter is closed.
func TestViewCopiesArePrivate(t *testing.T) {
	v := ViewCopies{Dir: filepath.Join(t.TempDir(), "cache", "Klachtenregister", "Geopend")}
	path, err := v.Write("K-2026-0007", "K-2026-0007-uitkomst-v1.pdf", OutputOptions{}, []byte("%PDF brief"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(v.Dir, "K-2026-0007", "K-2026-0007-uitkomst-v1.pdf"); path != want {
		t.Errorf("copy at %s, want %s", path, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF brief" {
		t.Errorf("copy holds %q", b)
	}
	for p, want := range map[string]os.FileMode{v.Dir: 0o700, filepath.Dir(path): 0o700, path: 0o600, filepath.Dir(v.Dir): 0o700} {
		if got := mode(t, p); got != want {
			t.Errorf("%s has mode %o, want %o", p, got, want)
		}
	}

	must(t, os.Chmod(v.Dir, 0o755))
	if _, err := v.Write("K-2026-0008", "brief.pdf", OutputOptions{}, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := mode(t, v.Dir); got != 0o700 {
		t.Errorf("a folder others could read is used with mode %o, want it closed to 0700", got)
	}
}

// TestViewCopiesNeverReplaceAnOpenCopy: the same document opened again is the same file;
// another document of the same name gets a number, as the first may still be open.
func TestViewCopiesNeverReplaceAnOpenCopy(t *testing.T) {
	v := ViewCopies{Dir: filepath.Join(t.TempDir(), "Geopend")}
	first, err := v.Write("K-2026-0007", "bijlage.pdf", OutputOptions{}, []byte("een"))
	must(t, err)
	old := time.Now().Add(-2 * time.Hour)
	must(t, os.Chtimes(first, old, old))
	again, err := v.Write("K-2026-0007", "bijlage.pdf", OutputOptions{}, []byte("een"))
	must(t, err)
	if again != first {
		t.Errorf("the same document opened again went to %s, not %s", again, first)
	}
	if info, _ := os.Stat(first); time.Since(info.ModTime()) > time.Minute {
		t.Errorf("a copy opened again keeps its old time %v, so it would be removed too soon", info.ModTime())
	}
	other, err := v.Write("K-2026-0007", "bijlage.pdf", OutputOptions{}, []byte("twee"))
	must(t, err)
	if filepath.Base(other) != "bijlage (2).pdf" {
		t.Errorf("another document of the same name went to %s", other)
	}
	if b, _ := os.ReadFile(first); string(b) != "een" {
		t.Errorf("the first copy was replaced: %q", b)
	}
	if p, err := v.Write("../K-2026-0001", "../../weg.pdf", OutputOptions{}, []byte("x")); err != nil || !strings.HasPrefix(p, v.Dir+string(filepath.Separator)) {
		t.Errorf("a name with a path wrote to %s (%v), outside %s", p, err, v.Dir)
	}
}

// TestViewCopiesCleanRemovesWhatIsADayOld: at start and exit copies older than a day go, and
// the folders left empty; a copy just opened stays while the viewer reads it. The folders that
// earlier versions left in the shared temporary folder go too, demo registers do not.
func TestViewCopiesCleanRemovesWhatIsADayOld(t *testing.T) {
	tmp := t.TempDir()
	v := ViewCopies{Dir: filepath.Join(tmp, "Geopend"), Legacy: tmp}
	oldCopy, err := v.Write("K-2026-0001", "oud.pdf", OutputOptions{}, []byte("oud"))
	must(t, err)
	fresh, err := v.Write("K-2026-0002", "vers.pdf", OutputOptions{}, []byte("vers"))
	must(t, err)
	legacy := filepath.Join(tmp, "klachtenregister-3141592")
	must(t, os.Mkdir(legacy, 0o700))
	must(t, os.WriteFile(filepath.Join(legacy, "K-2025-0003-uitkomst.pdf"), []byte("oud"), 0o600))
	demo := filepath.Join(tmp, "klachtenregister-demo-123")
	must(t, os.Mkdir(demo, 0o700))
	must(t, os.WriteFile(filepath.Join(demo, "demo.db"), []byte("demo"), 0o600))
	twoDays := time.Now().Add(-48 * time.Hour)
	for _, p := range []string{oldCopy, filepath.Join(legacy, "K-2025-0003-uitkomst.pdf"), filepath.Join(demo, "demo.db")} {
		must(t, os.Chtimes(p, twoDays, twoDays))
	}

	must(t, v.Clean(time.Now()))
	for _, gone := range []string{oldCopy, filepath.Dir(oldCopy), legacy} {
		if _, err := os.Lstat(gone); !os.IsNotExist(err) {
			t.Errorf("%s is still there after cleaning (%v)", gone, err)
		}
	}
	for _, kept := range []string{fresh, filepath.Join(demo, "demo.db"), v.Dir} {
		if _, err := os.Lstat(kept); err != nil {
			t.Errorf("%s was removed: %v", kept, err)
		}
	}
	// The next day the fresh copy goes as well.
	must(t, v.Clean(time.Now().Add(25*time.Hour)))
	if _, err := os.Lstat(fresh); !os.IsNotExist(err) {
		t.Errorf("a copy of a day old stays: %v", err)
	}

	must(t, v.Remove("K-2026-0009")) // nothing there: no error
	copy9, err := v.Write("K-2026-0009", "brief.pdf", OutputOptions{}, []byte("x"))
	must(t, err)
	must(t, v.Remove("K-2026-0009"))
	if _, err := os.Lstat(copy9); !os.IsNotExist(err) {
		t.Errorf("Remove left the copy of an erased complaint: %v", err)
	}
}

// TestViewCopiesRefuseALinkOrAnotherUsersFolder: a symbolic link in place of the folder (or
// of a complaint's folder) is never written through or cleaned through: what it points to
// stays as it was.
func TestViewCopiesRefuseALinkOrAnotherUsersFolder(t *testing.T) {
	tmp := t.TempDir()
	elsewhere := filepath.Join(tmp, "elders")
	must(t, os.Mkdir(elsewhere, 0o700))
	victim := filepath.Join(elsewhere, "belangrijk.txt")
	must(t, os.WriteFile(victim, []byte("blijft"), 0o600))
	twoDays := time.Now().Add(-48 * time.Hour)
	must(t, os.Chtimes(victim, twoDays, twoDays))

	v := ViewCopies{Dir: filepath.Join(tmp, "Geopend")}
	must(t, os.Symlink(elsewhere, v.Dir))
	if _, err := v.Write("K-2026-0001", "brief.pdf", OutputOptions{}, []byte("x")); err == nil || !strings.Contains(err.Error(), "geen gewone map van uzelf") {
		t.Errorf("writing through a linked folder: %v", err)
	}
	if err := v.Clean(time.Now()); err == nil {
		t.Error("cleaning through a linked folder is not refused")
	}
	if err := v.Remove("K-2026-0001"); err == nil {
		t.Error("removing through a linked folder is not refused")
	}

	must(t, os.Remove(v.Dir))
	must(t, os.Mkdir(v.Dir, 0o700))
	must(t, os.Symlink(elsewhere, filepath.Join(v.Dir, "K-2026-0001")))
	if _, err := v.Write("K-2026-0001", "brief.pdf", OutputOptions{}, []byte("x")); err == nil {
		t.Error("writing through a linked complaint folder is not refused")
	}
	must(t, v.Clean(time.Now()))
	must(t, v.Remove("K-2026-0001"))
	entries, _ := os.ReadDir(elsewhere)
	if b, err := os.ReadFile(victim); err != nil || string(b) != "blijft" || len(entries) != 1 {
		t.Errorf("the folder a link points to changed: %d files, %q %v", len(entries), b, err)
	}

	if os.Getuid() != 0 {
		t.Skip("making a folder of another user needs root")
	}
	other := ViewCopies{Dir: filepath.Join(tmp, "vanEenAnder")}
	must(t, os.Mkdir(other.Dir, 0o777))
	must(t, os.Chown(other.Dir, 65534, 65534))
	if _, err := other.Write("K-2026-0001", "brief.pdf", OutputOptions{}, []byte("x")); err == nil {
		t.Error("a folder another user made under the name is used")
	}
}
