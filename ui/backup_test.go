package ui

import (
	"errors"
	"strings"
	"testing"
)

// The overview warns while there is no backup, and while backups sit beside the register;
// the settings show the last good one, and a failed backup is told on both.
func TestBackupWarnings(t *testing.T) {
	m, s := newApp(t)
	if !strings.Contains(m.Overview.warnings.Text, "Er is nog geen reservekopie") || m.Overview.warnings.Hidden {
		t.Fatalf("overview warnings %q", m.Overview.warnings.Text)
	}
	m.Settings.backups.onBackupNow()
	settle(m)
	w := m.Overview.warnings.Text
	if strings.Contains(w, "nog geen") || !strings.Contains(w, "dezelfde schijf") {
		t.Errorf("overview after a backup: %q", w)
	}
	if st := m.Settings.backups.status.Text; !strings.Contains(st, "Laatste goede reservekopie: 30 november 2026") {
		t.Errorf("settings: %q", st)
	}
	if err := s.SetSettings(map[string]string{"backup_dir": t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	if w := m.Overview.warnings.Text; !strings.Contains(w, "Er is nog geen reservekopie") || strings.Contains(w, "dezelfde schijf") {
		t.Errorf("overview with another folder: %q", w)
	}
	m.backupDone(errors.New("schijf vol"))
	settle(m)
	if !strings.Contains(m.Overview.warnings.Text, "De laatste reservekopie is mislukt") ||
		!strings.Contains(m.Settings.backups.status.Text, "Schijf vol") {
		t.Errorf("failed backup: %q / %q", m.Overview.warnings.Text, m.Settings.backups.status.Text)
	}
}
