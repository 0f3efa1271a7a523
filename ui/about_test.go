package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// menuItem finds an item of the main window's menu by its label.
func menuItem(t *testing.T, w fyne.Window, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == menu && it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s › %s", menu, label)
	return nil
}

// TestHelpAboutShowsVersionRegisterBackupAndChainHead: Help › Over Klachtenregister names the
// version, the register's file, its last good backup and the head of its audit trail.
func TestHelpAboutShowsVersionRegisterBackupAndChainHead(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Mehmet Çelik")
	info, _, err := s.AutoBackup(false)
	if err != nil {
		t.Fatal(err)
	}
	n, head, err := s.ChainHead()
	if err != nil || n == 0 || head == "" {
		t.Fatalf("chain head %d %q (%v)", n, head, err)
	}
	menuItem(t, m.win, "Help", "Over Klachtenregister").Action()
	text := overlayText(m.win)
	if !strings.Contains(text, "onbekend") {
		t.Errorf("a test app has no version, and the dialog should say so: %q", text)
	}
	for _, want := range []string{s.Path(), filepath.Base(info.File), head, "vastleggingen, controlecode van de laatste"} {
		if !strings.Contains(text, want) {
			t.Errorf("Over Klachtenregister lacks %q:\n%s", want, text)
		}
	}
	m.win.Canvas().Overlays().Top().Hide()
	showAbout(m.win, s, fyne.AppMetadata{Version: "0.1.0", Build: 1})
	if text := overlayText(m.win); !strings.Contains(text, "0.1.0 (build 1)") {
		t.Errorf("the version shows as %q", text)
	}
}
