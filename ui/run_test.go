package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
)

// TestASecondStartEndsWhateverIsChosen: the window of a second start ends its process after
// "Naar het geopende venster" (which asks the open window to the front), after "Afsluiten" and
// when it is closed, also should Fyne's shutdown hang (it did: the process stayed without a
// window, deaf to SIGTERM).
func TestASecondStartEndsWhateverIsChosen(t *testing.T) {
	a := test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "register.db")
	lock, err := data.LockForApp(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	exited := make(chan int, 1)
	defer func(e func(int), d time.Duration) { exit, quitTimeout = e, d }(exit, quitTimeout)
	exit, quitTimeout = func(code int) { exited <- code }, 10*time.Millisecond
	for _, choice := range []string{"Naar het geopende venster", "Afsluiten", ""} {
		ended := 0
		se := &session{app: quittingApp{a}, end: func() { ended++ }}
		if choice == "" { // the test window's Close is not made to run twice, nested
			se.app = a
		}
		w := alreadyOpen(a, path, se.quitNow)
		w.Show()
		if choice == "" {
			w.Close()
		} else {
			for _, o := range test.LaidOutObjects(w.Content()) {
				if b, ok := asButton(o); ok && b.Text == choice {
					test.Tap(b)
				}
			}
		}
		select {
		case code := <-exited:
			if code != 0 || ended != 1 {
				t.Errorf("%q: exit code %d, clean-up run %d times", choice, code, ended)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%q: the second start did not end", choice)
		}
		if front := lock.FrontRequested(); front != (choice == "Naar het geopende venster") {
			t.Errorf("%q: open window asked to the front: %v", choice, front)
		}
	}
}

// quittingApp closes its windows when it quits, as Fyne's desktop app does: the window's
// closing quits again, within the first Quit.
type quittingApp struct{ fyne.App }

func (a quittingApp) Quit() {
	for _, w := range slices.Clone(a.Driver().AllWindows()) {
		w.Close()
	}
}

// TestASecondStartSpeaksTheLanguageLastUsed: a second start on an English register said in
// Dutch that the register was open already, as it speaks before it can read the register's
// settings. It now speaks the language the app last spoke, here the register's English.
func TestASecondStartSpeaksTheLanguageLastUsed(t *testing.T) {
	a := test.NewTempApp(t)
	t.Cleanup(func() { _ = UseLanguage("nl") })
	path := filepath.Join(t.TempDir(), "register.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SetSettings(map[string]string{data.KeyLanguage: "en"}); err != nil {
		t.Fatal(err)
	}
	lock, err := data.LockForApp(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	se := &session{app: a, win: a.NewWindow("Klachtenregister")}
	se.start(s) // the first start, on the English register
	settle(se.current)
	_, err = data.LockForApp(path)            // the second start's claim
	if err := UseLanguage("nl"); err != nil { // a new process, which has spoken nothing yet
		t.Fatal(err)
	}
	w := refusedStart(a, path, err, func() {})
	if got := texts(w.Content()); !strings.Contains(got, "already has this register open") || !strings.Contains(got, "Go to the open window") {
		t.Errorf("the second start says:\n%s", got)
	}
}
