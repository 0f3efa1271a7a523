package ui

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// TestDamagedRegisterAtStartOffersARestore: a start refused for a damaged register says so
// and offers to restore a backup right there (the advice was a CLI command); the restore puts
// the backup in place, keeps the damaged file beside it and says to start again.
func TestDamagedRegisterAtStartOffersARestore(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "klachtenregister.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ref := addComplaint(t, s, "Mehmet Çelik")
	info, _, err := s.AutoBackup(true)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < len(b); i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = data.Open(path)
	if data.Cause(err) != data.CauseDamaged {
		t.Fatalf("opening the damaged register: %v", err)
	}
	w := refusedStart(a, path, err, func() {})
	if got := texts(w.Content()); !strings.Contains(got, "beschadigd") || !strings.Contains(got, "Reservekopie terugzetten…") {
		t.Fatalf("the start says:\n%s", got)
	}
	if size := w.Canvas().Size(); size.Width < 600 || size.Height < 400 {
		t.Errorf("the window is %v: too small for the file dialog and the confirmation", size)
	}

	msg := widget.NewLabel(explain(err))
	buttons := container.NewGridWithRows(1)
	button, p := restoreAtStart(w, path, msg, buttons)
	buttons.Add(button)
	if p.dir != filepath.Join(filepath.Dir(path), "Reservekopieën") {
		t.Errorf("the file dialog starts in %s", p.dir)
	}
	f, err := os.Open(info.File)
	if err != nil {
		t.Fatal(err)
	}
	h, err := data.ReadBackupHeader(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	p.askRestore(info.File, h)
	tapInTop(t, w, "Ja")
	if !strings.Contains(msg.Text, "De reservekopie is teruggezet. Het beschadigde register is bewaard als") || len(buttons.Objects) != 0 {
		t.Errorf("after the restore the window says %q (buttons %d)", msg.Text, len(buttons.Objects))
	}
	restored, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if _, err := restored.Complaint(ref); err != nil {
		t.Errorf("the restored register lacks %s: %v", ref, err)
	}
	if r, err := restored.Verify(); err != nil || !r.OK() {
		t.Errorf("verify after the restore: %+v %v", r, err)
	}
	aside, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "klachtenregister-voor-terugzetten-*.db"))
	if len(aside) != 1 {
		t.Errorf("the damaged register set aside: %v", aside)
	} else if kept, _ := os.ReadFile(aside[0]); !bytes.Equal(kept, b) {
		t.Error("the damaged register was changed")
	}
}

// TestMain lets this test binary act as a second program that holds a register's claim:
// with KLACHTENREGISTER_TEST_HOLD it takes the app's claim on that register, says "held" and
// keeps it until its input closes, as another window of the app would.
func TestMain(m *testing.M) {
	if reg := os.Getenv("KLACHTENREGISTER_TEST_HOLD"); reg != "" {
		lock, err := data.LockForApp(reg)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("held")
		io.Copy(io.Discard, os.Stdin)
		lock.Release()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// holdClaim starts a second process that holds the app's claim on register until release.
func holdClaim(t *testing.T, register string) (release func()) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "KLACHTENREGISTER_TEST_HOLD="+register)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "held\n" {
		t.Fatalf("the second process says %q", line)
	}
	release = sync.OnceFunc(func() { in.Close(); cmd.Wait() })
	t.Cleanup(release)
	return release
}

// TestRestoreAtStartTakesTheClaim: the restore offered at a start refused for a damaged
// register takes the claim the app takes. While another process holds it (another window of
// the app that got as far, or a restore by the CLI), the restore is refused, says why, and
// the damaged file stays where it is, untouched (regression: the restore ran without a claim).
// Once the other process lets go, the restore goes ahead.
func TestRestoreAtStartTakesTheClaim(t *testing.T) {
	a := test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "klachtenregister.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addComplaint(t, s, "Mehmet Çelik")
	info, _, err := s.AutoBackup(true)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damaged := []byte("geen database meer")
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("Klachtenregister")
	w.Resize(fyne.NewSize(640, 420))
	msg := widget.NewLabel("")
	buttons := container.NewGridWithRows(1)
	button, p := restoreAtStart(w, path, msg, buttons)
	buttons.Add(button)

	release := holdClaim(t, path)
	p.restore(info.File, "")
	if text := overlayText(w); !strings.Contains(text, "is geopend in een venster van Klachtenregister of wordt al teruggezet") {
		t.Errorf("with the claim held elsewhere the window says %q", text)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, damaged) || len(buttons.Objects) != 1 {
		t.Fatalf("with the claim held elsewhere the register was replaced (buttons %d)", len(buttons.Objects))
	}
	if aside, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*-voor-terugzetten-*")); len(aside) != 0 {
		t.Fatalf("with the claim held elsewhere the register was set aside: %v", aside)
	}

	release()
	p.restore(info.File, "")
	if !strings.Contains(msg.Text, "De reservekopie is teruggezet.") {
		t.Fatalf("after the other process let go the window says %q", msg.Text)
	}
	if lock, err := data.LockForApp(path); err != nil {
		t.Errorf("the restore kept its claim: %v", err)
	} else {
		lock.Release()
	}
}
