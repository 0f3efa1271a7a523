//go:build unix

package data

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// unwritableFolder is a folder that exists and that this process may not write in: one
// without write permission, or for root (whom permissions do not stop) /sys on Linux.
func unwritableFolder(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := filepath.Join(t.TempDir(), "alleen-lezen")
		must(t, os.Mkdir(dir, 0o500))
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return dir
	}
	if runtime.GOOS != "linux" {
		t.Skip("no folder root may not write in")
	}
	return "/sys"
}

// TestBackupFolderSettingMustBeWritable: a backup folder the program cannot write in, or
// cannot make, was accepted by the settings and failed only at the next backup. Saving it is
// refused now (input refused: exit 2 on the CLI), in the words a backup uses, and nothing is
// saved; a folder that can be made is made, and no test file is left in it.
func TestBackupFolderSettingMustBeWritable(t *testing.T) {
	s := openStore(t, "2026-03-02")
	locked := unwritableFolder(t)
	for dir, want := range map[string]string{
		locked:                                  "dit programma mag in de map voor reservekopieën " + locked + " niet schrijven (alleen lezen of geen toegang). Kies een andere map voor de reservekopieën",
		filepath.Join(locked, "Reservekopieën"): "de map voor reservekopieën " + filepath.Join(locked, "Reservekopieën") + " bestaat niet en kan niet worden gemaakt",
	} {
		err := s.SetSettings(Settings{KeyBackupDir: dir})
		refusedIn(t, dir, err, KeyBackupDir, want)
		if err != nil && strings.Contains(err.Error(), "permission denied") {
			t.Errorf("%s: the system's words: %v", dir, err)
		}
		if set, _ := s.Settings(); set.BackupDir() != "" {
			t.Errorf("%s: saved as %q", dir, set.BackupDir())
		}
		if _, _, err := s.AutoBackup(false); err != nil {
			t.Errorf("the backups in the default folder stopped: %v", err)
		}
	}
	stick := filepath.Join(t.TempDir(), "stick", "Reservekopieën")
	must(t, s.SetSettings(Settings{KeyBackupDir: stick}))
	if entries, err := os.ReadDir(stick); err != nil || len(entries) != 0 {
		t.Errorf("backup folder %s: %v, %v", stick, entries, err)
	}
	// The backup itself refuses the folder in the same words, before it makes a snapshot.
	if _, err := s.w.Exec(`UPDATE settings SET value = ? WHERE key = ?`, locked, KeyBackupDir); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AutoBackup(false); err == nil || !strings.Contains(err.Error(), "mag in de map voor reservekopieën "+locked+" niet schrijven") {
		t.Errorf("backup into %s: %v", locked, err)
	}
}
