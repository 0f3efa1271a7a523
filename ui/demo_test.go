package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// windowTexts collects the label texts a window shows.
func windowTexts(w fyne.Window) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestDemoBandAndReturnToOwnRegister: every window of a demo register says so in a band and in
// its title, and "Naar mijn eigen register" closes the demo, removes its files and shows the
// practice's own register in the same window, without a restart.
func TestDemoBandAndReturnToOwnRegister(t *testing.T) {
	se, own, demo := demoSession(t)
	demoDir := filepath.Dir(demo.Path())
	se.start(demo)
	settle(se.current)
	const band = "Demoregister: wordt verwijderd bij afsluiten"
	if se.win.Title() != "Klachtenregister (demoregister)" || !strings.Contains(windowTexts(se.win), band) {
		t.Fatalf("demo main window: title %q, texts %q", se.win.Title(), windowTexts(se.win))
	}
	listed, err := demo.List(data.Filter{Limit: 1})
	if err != nil || len(listed) == 0 {
		t.Fatalf("demo register lists %v (%v)", listed, err)
	}
	cf := se.current.OpenComplaint(listed[0].Reference, "")
	settle(se.current)
	if title := cf.win.Title(); !strings.HasPrefix(title, listed[0].Reference) || !strings.HasSuffix(title, " (demoregister)") ||
		!strings.Contains(windowTexts(cf.win), band) {
		t.Fatalf("demo complaint window: title %q, texts %q", cf.win.Title(), windowTexts(cf.win))
	}

	menuItem(t, se.win, "Bestand", "Naar mijn eigen register") // the menu offers the way back too
	test.Tap(findButton(t, se.win.Content(), "Naar mijn eigen register"))
	settle(se.current)
	t.Cleanup(func() { se.current.store.Close(); se.lock.Release() })
	if se.current.store.Path() != own || se.lock == nil {
		t.Fatalf("after the way back the window shows %s, claimed %v", se.current.store.Path(), se.lock != nil)
	}
	if se.win.Title() != "Klachtenregister" || strings.Contains(windowTexts(se.win), band) {
		t.Errorf("own register: title %q, texts %q", se.win.Title(), windowTexts(se.win))
	}
	for _, it := range se.win.MainMenu().Items[0].Items {
		if it.Label == "Naar mijn eigen register" {
			t.Error("the own register's Bestand menu offers the way back to it")
		}
	}
	if _, err := os.Stat(demoDir); !os.IsNotExist(err) {
		t.Errorf("the demo register's folder is still there: %v", err)
	}
	if _, open := se.current.files[listed[0].Reference]; open {
		t.Error("the demo's complaint window is still open")
	}
	if _, err := demo.Settings(); err == nil {
		t.Error("the demo register is still open")
	}
}

// TestDemoRegisterSwitchesLanguage: on a demo register the language switches at once too, the
// band and the titles included; the way back closes every window the demo had open and shows
// the own register in its own language.
func TestDemoRegisterSwitchesLanguage(t *testing.T) {
	se, own, demo := demoSession(t)
	t.Cleanup(func() { _ = UseLanguage("nl") })
	se.start(demo)
	settle(se.current)
	m := se.current
	listed, err := demo.List(data.Filter{Limit: 1})
	if err != nil || len(listed) == 0 {
		t.Fatalf("demo register lists %v (%v)", listed, err)
	}
	ref := listed[0].Reference
	m.OpenComplaint(ref, "")
	retention := m.ShowRetention()
	settle(m)
	m.tabs.Select(m.settingsTab)
	m.Settings.selects[data.KeyLanguage].SetSelectedIndex(1) // English
	test.Tap(m.Settings.save)
	settle(m)
	const band = "Demo register: removed when the program closes"
	if se.win.Title() != "Klachtenregister (demo register)" || !strings.Contains(windowTexts(se.win), band) {
		t.Errorf("demo main window after the switch: title %q, texts %q", se.win.Title(), windowTexts(se.win))
	}
	cf := m.files[ref]
	if !strings.HasSuffix(cf.win.Title(), " (demo register)") || !strings.Contains(windowTexts(cf.win), band) {
		t.Errorf("demo complaint window after the switch: title %q, texts %q", cf.win.Title(), windowTexts(cf.win))
	}
	if m.retention.win.Title() != "Retention period (demo register)" || !strings.Contains(windowTexts(m.retention.win), band) {
		t.Errorf("retention review after the switch: title %q", m.retention.win.Title())
	}
	test.Tap(findButton(t, se.win.Content(), "To my own register"))
	settle(se.current)
	t.Cleanup(func() { se.current.store.Close(); se.lock.Release() })
	if se.current.store.Path() != own || !strings.Contains(windowTexts(se.win), "Vandaag") {
		t.Errorf("the own register, in its own language: %s\n%s", se.current.store.Path(), windowTexts(se.win))
	}
	for _, w := range se.app.Driver().AllWindows() {
		if w == cf.win || w == retention.win {
			t.Errorf("the demo's window %q is still open", w.Title())
		}
	}
}

// demoSession is an app in Dutch with a fresh demo register, not shown yet, and the path of
// the practice's own register.
func demoSession(t *testing.T) (se *session, own string, demo *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	own = filepath.Join(t.TempDir(), "register.db")
	se = &session{app: a, path: own, win: a.NewWindow("Klachtenregister"), demos: demoRegisters{size: 3}}
	t.Cleanup(se.demos.remove)
	demo, err := se.demos.open()
	if err != nil {
		t.Fatal(err)
	}
	return se, own, demo
}
