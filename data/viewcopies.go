package data

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ViewCopies is where the app puts the documents the practitioner opens in another program
// (a letter in the PDF viewer, an attachment in its own program): such a program can only read a
// file. All copies go to one private folder, a subfolder per complaint, and are removed a day
// later: long enough for any viewer to have read them, short enough that no copy of personal data
// stays behind for good.
//
// The folder is Klachtenregister/Geopend under the user's own cache folder (os.UserCacheDir:
// %LocalAppData% on Windows, never the roaming profile; ~/Library/Caches on macOS; ~/.cache
// elsewhere), not the shared temporary folder: there another account could create the folder's
// name first, or put a symbolic link in its place. The folder is made 0700 and is used only when
// it is a real folder, not a link, owned by this user and closed to others.
type ViewCopies struct {
	// Dir is the private folder.
	Dir string
	// Legacy is the shared temporary folder, where versions before 2026-12 left a
	// klachtenregister-NNN folder for every document opened; Clean empties those too.
	Legacy string
}

// ViewCopyAge is how long a copy stays in the private folder.
const ViewCopyAge = 24 * time.Hour

// DefaultViewCopies is the private folder of this user. Without a cache folder (no home
// folder) it is a folder named after the user's number in the shared temporary folder, checked
// as strictly.
func DefaultViewCopies() ViewCopies {
	v := ViewCopies{Legacy: os.TempDir()}
	if cache, err := os.UserCacheDir(); err == nil {
		v.Dir = filepath.Join(cache, "Klachtenregister", "Geopend")
	} else {
		v.Dir = filepath.Join(os.TempDir(), fmt.Sprintf("klachtenregister-geopend-%d", os.Getuid()))
	}
	return v
}

// Write puts content in the complaint's subfolder as name (in the folder itself for a
// document of no complaint: ref empty), through WriteOutput, and returns
// its path. A copy of the same name with the same bytes is used again; one with other bytes is
// never replaced, as a viewer may still have it open: the new one gets a number, as in
// "K-2026-0007-uitkomst-v1 (2).pdf".
func (v ViewCopies) Write(ref, name string, opt OutputOptions, content []byte) (string, error) {
	if err := private(v.Dir, true); err != nil {
		return "", err
	}
	dir := v.Dir
	if ref != "" {
		dir = filepath.Join(v.Dir, safeFileName(ref))
		if err := private(dir, true); err != nil {
			return "", err
		}
	}
	name = safeFileName(filepath.Base(name))
	ext := filepath.Ext(name)
	for n := 1; n <= 100; n++ {
		path := filepath.Join(dir, name)
		if n > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(name, ext), n, ext))
		}
		info, err := os.Lstat(path)
		if os.IsNotExist(err) {
			opt.Force = false
			return path, WriteOutput(path, opt, func(w io.Writer) error { _, err := w.Write(content); return err })
		}
		if err != nil {
			return "", viewCopiesFailed(dir, err)
		}
		if info.Mode().IsRegular() && info.Size() == int64(len(content)) {
			if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, content) {
				now := time.Now()
				return path, os.Chtimes(path, now, now) // a fresh day for the copy opened again
			}
		}
	}
	return "", viewCopiesFailed(dir, fmt.Errorf("100 copies of %s", name))
}

// Clean removes the copies older than ViewCopyAge and the complaint folders left empty, and
// the same in what earlier versions left in the shared temporary folder. The app calls it at
// start and at exit; copies just opened stay, as a viewer may still be reading them.
func (v ViewCopies) Clean(now time.Time) error {
	if err := private(v.Dir, false); err != nil {
		if os.IsNotExist(err) {
			err = nil
		}
		return err
	}
	v.cleanFolder(v.Dir, now)
	if v.Legacy != "" {
		old, _ := filepath.Glob(filepath.Join(v.Legacy, "klachtenregister-[0-9]*"))
		for _, dir := range old {
			if strings.Trim(filepath.Base(dir)[len("klachtenregister-"):], "0123456789") == "" && private(dir, false) == nil {
				cleanFiles(dir, now)
				os.Remove(dir) // only when empty
			}
		}
	}
	return nil
}

// Remove removes every copy of one complaint now, whatever its age: after it is anonymised or
// erased no copy of what it held may stay.
func (v ViewCopies) Remove(ref string) error {
	if err := private(v.Dir, false); err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	dir := filepath.Join(v.Dir, safeFileName(ref))
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return nil // no copies; a link there was not made by the app and is left to Clean
	}
	return os.RemoveAll(dir) // removes links, never what they point to
}

// cleanFolder cleans the private folder and each complaint folder in it.
func (v ViewCopies) cleanFolder(dir string, now time.Time) {
	cleanFiles(dir, now)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		sub := filepath.Join(dir, e.Name())
		if e.IsDir() && e.Type()&os.ModeSymlink == 0 {
			cleanFiles(sub, now)
			os.Remove(sub) // only when empty
		}
	}
}

// cleanFiles removes what is not a folder in dir and was last written before now minus
// ViewCopyAge. Symbolic links are removed themselves, never followed.
func cleanFiles(dir string, now time.Time) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if info, err := os.Lstat(p); err == nil && !info.IsDir() && now.Sub(info.ModTime()) > ViewCopyAge {
			os.Remove(p)
		}
	}
}

// private makes dir when create is set and it does not exist (0700, its parents too), and
// checks that it is a real folder, not a symbolic link, and this user's alone; a folder of this
// user's that others could enter is closed first.
func private(dir string, create bool) error {
	if create {
		if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
			return viewCopiesFailed(dir, err)
		}
		if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
			return viewCopiesFailed(dir, err)
		}
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if info.Mode()&os.ModeSymlink != 0 || !info.IsDir() || !ownedByUser(info) {
		return NewError(CodeUnavailable, "output",
			"de map voor geopende documenten (%s) is geen gewone map van uzelf, maar bijvoorbeeld een snelkoppeling of de map van een ander; het document is niet geopend. Verwijder die map en probeer het opnieuw", dir)
	}
	if !closedToOthers(info) {
		if err := os.Chmod(dir, 0o700); err != nil {
			return viewCopiesFailed(dir, err)
		}
	}
	return nil
}

func viewCopiesFailed(dir string, err error) error {
	return NewError(CodeUnavailable, "output",
		"de map voor geopende documenten (%s) kan niet worden gemaakt (%v); het document is niet geopend", dir, err)
}

// safeFileName keeps a name to letters, digits, spaces and . - _ ( ), so it can be neither a
// path nor a name that a file system refuses.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r == '_' || r == ' ' || r == '(' || r == ')' || r >= '0' && r <= '9' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, name)
	if strings.Trim(name, ".") == "" {
		return "_"
	}
	return name
}
