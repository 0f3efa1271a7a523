package ui

import (
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/assets"
	"klachtenregister/data"
	"klachtenregister/data/demo"
	"klachtenregister/letters"
)

// Run opens the register (the one at path, the default one, or a new demo register), shows
// the main window and runs the app until it is closed. A register that cannot be opened is
// explained in a window, never a crash; one that another window of the app has open is
// brought to the front there.
func Run(a fyne.App, path string, demo bool) {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	useTheme(a)
	// Copies of documents opened in another program go a day later: at start, at exit, and
	// every hour between, as the app may stay open for weeks.
	copies := data.DefaultViewCopies()
	copies.Clean(time.Now())
	go func() {
		for range time.Tick(time.Hour) {
			copies.Clean(time.Now())
		}
	}()
	se := &session{app: a, path: path, demos: demoRegisters{size: 40}}
	store, lock, err := open(path, demo, &se.demos)
	if err == nil {
		set, _ := store.Settings()
		err = speak(a, set.Language())
	}
	if err != nil {
		se.end = sync.OnceFunc(func() { copies.Clean(time.Now()); se.demos.remove() })
		endOnSignal(se.end)
		refusedStart(a, path, err, se.quitNow).ShowAndRun()
		se.end()
		return
	}
	se.lock = lock
	se.end = sync.OnceFunc(func() {
		if se.stopWatch != nil {
			se.stopWatch()
		}
		se.current.store.Close()
		data.RemovePartialOutputs() // a backup still running in the background ends with the program
		if se.lock != nil {
			se.lock.Release()
		}
		copies.Clean(time.Now())
		se.demos.remove()
	})
	endOnSignal(se.end)
	se.win = a.NewWindow("Klachtenregister")
	se.win.SetMaster()
	// The screens fill themselves once the window is there (see shown).
	shown = make(chan struct{})
	var asking *firstStart
	a.Lifecycle().SetOnStarted(func() {
		close(shown)
		if asking != nil { // the window has its size only now: the dialog kept the unsized window's room
			asking.fit()
		}
	})
	se.start(store)
	asking = se.current.firstStart
	se.win.SetCloseIntercept(se.quit)
	showFitted(se.win, mainSize)
	watchDeadlines(a, func() *Main { return se.current })
	se.watch()
	a.Run()
	se.end()
}

// exit ends the process; tests replace it.
var exit = os.Exit

// quitTimeout is how long Fyne has to end the app after Quit before the app ends itself.
var quitTimeout = 3 * time.Second

// quitNow ends the app: Fyne's Quit, and should Fyne not have returned from its run loop
// within quitTimeout, the app's own clean-up and the end of the process. Fyne 2.8.1 can
// hang in its shutdown when an input event is still queued (Lifecycle.WaitForEvents waits for
// a function its stopped main loop never runs); a second start then stayed without a window
// after "Naar het geopende venster", and SIGTERM did not end it.
func (se *session) quitNow() {
	if se.quitting { // Quit closes the windows, whose closing quits
		return
	}
	se.quitting = true
	endSoon(se.end)
	se.app.Quit()
}

// endSoon runs end and ends the process after quitTimeout, unless it has ended before.
func endSoon(end func()) {
	time.AfterFunc(quitTimeout, func() {
		end()
		exit(0)
	})
}

// endOnSignal gives SIGINT and SIGTERM the same guard as quitNow: Fyne answers them with its
// Quit, which can hang in the same way.
func endOnSignal(end func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-c
		endSoon(end)
	}()
}

// session is one run of the app: its main window, the register that window shows, the claim
// on the practice's own register, and the demo registers made on the way.
type session struct {
	app       fyne.App
	win       fyne.Window
	path      string        // the practice's own register; "" is the default one
	lock      *data.AppLock // the claim on it, nil while only a demo register was opened
	current   *Main         // the main window's screens for the register shown now
	demos     demoRegisters // removed when the app ends, or on the way back to the own register
	stopWatch func()        // stops watchChanges
	end       func()        // the clean-up when the app ends, run once
	quitting  bool          // quitNow has run
}

// start shows store in the main window, in place of the register shown so far (closed, after
// its backup, together with the complaint files, the retention review and the import wizards
// on it).
func (se *session) start(s *data.Store) {
	if old := se.current; old != nil {
		for _, f := range old.files {
			f.win.Close()
		}
		if r := old.retention; r != nil { // the other windows on the old register go too
			r.win.Close()
		}
		for w := range old.imports {
			w.win.Close()
		}
		if !old.closed {
			closeStore(old.store, se.win)
		}
	}
	if set, err := s.Settings(); err == nil { // each register speaks its own language
		_ = speak(se.app, set.Language())
	}
	se.current = NewMain(se.app, se.win, s, se.start)
	se.current.openDemo, se.current.ownRegister, se.current.quit = se.demos.open, se.ownRegister, se.quit
	se.current.firstStart = se.current.FirstStart()
	se.current.backupAtStart()
}

// quit ends the program, from the window's close button or the menu. Settings changed and not
// saved are asked about first: closing dropped them without a word. The backup at close is
// made while the window is still there, so a failure can be told.
func (se *session) quit() {
	se.current.askBeforeQuitting(func() {
		if st := se.current.Settings; st != nil && st.changed() {
			st.askBeforeClosing(se.closeAfterBackup)
			return
		}
		se.closeAfterBackup()
	})
}

func (se *session) closeAfterBackup() {
	if err := backupAtClose(se.current.store); err != nil {
		showDialog(dialog.NewConfirm(lang.L("Backup"), backupFailedText(err)+"\n\n"+lang.L("Close the program anyway?"), func(yes bool) {
			if yes {
				se.quitNow()
			}
		}, se.win), se.win)
		return
	}
	se.quitNow()
}

// watch looks for changes by other programs and for a second start, on the claim held now.
func (se *session) watch() {
	se.stopWatch = watchChanges(func() *Main { return se.current }, se.lock, changeInterval)
}

// ownRegister leaves a demo register for the practice's own register without a restart: the
// demo is closed and its files removed, and the main window shows the own register as after
// a start, in its own language. The own register is claimed first if the app started on a demo.
func (se *session) ownRegister() {
	path, err := registerPath(se.path)
	if err != nil {
		showError(err, se.win)
		return
	}
	if se.lock == nil {
		lock, err := data.LockForApp(path)
		if err != nil {
			showError(err, se.win)
			return
		}
		se.lock = lock
		if se.stopWatch != nil { // the watcher answers a second start on the claim it was given
			se.stopWatch()
			se.watch()
		}
	}
	s, err := data.Open(path)
	if err != nil {
		showError(err, se.win)
		return
	}
	se.start(s)
	se.demos.remove()
}

// open opens the register and claims it for this app; a demo register needs no claim.
func open(path string, demo bool, demos *demoRegisters) (*data.Store, *data.AppLock, error) {
	if demo {
		s, err := demos.open()
		return s, nil, err
	}
	path, err := registerPath(path)
	if err != nil {
		return nil, nil, err
	}
	lock, err := data.LockForApp(path)
	if err != nil {
		return nil, nil, err
	}
	s, err := data.Open(path)
	if err != nil {
		lock.Release()
		return nil, nil, err
	}
	return s, lock, nil
}

// registerOrDefault is path, or the default register when it is empty and can be found.
func registerOrDefault(path string) string {
	if p, err := registerPath(path); err == nil {
		return p
	}
	return path
}

// registerPath is path, or the default register when it is empty.
func registerPath(path string) (string, error) {
	if path == "" {
		return data.DefaultPath()
	}
	return path, nil
}

// changeInterval is how often the app looks whether another program changed the register.
const changeInterval = 2 * time.Second

// watchChanges looks every interval whether another program (the CLI in a scheduled task)
// changed the register, and then refreshes what the windows show; and whether a second start
// of the app asked this one to come to the front. It returns the function that stops it.
func watchChanges(current func() *Main, lock *data.AppLock, every time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			m := currentMain(current)
			if m == nil {
				return // the app is quitting
			}
			if changed, err := m.store.Changed(); err == nil && changed {
				deliver(func() {
					if current() == m {
						m.refresh()
					}
				})
			}
			if lock != nil && lock.FrontRequested() {
				deliver(func() { m.win.Show(); m.win.RequestFocus() })
			}
		}
	}()
	return func() { close(done) }
}

// onMain runs f on the UI goroutine and waits for it. While the app quits, Fyne returns
// without running f; tests replace it to do the same.
var onMain = fyne.DoAndWait

// currentMain asks the UI goroutine for the main window in use; nil once the app is quitting,
// when a background watcher must stop rather than crash the exit (and skip its clean-up:
// the opened copies, the anchor, the demo registers).
func currentMain(current func() *Main) *Main {
	var m *Main
	onMain(func() { m = current() })
	return m
}

// demoRegisters are the temporary folders of the demo registers opened in one run of the
// app, removed when it ends or when the practitioner goes back to the own register.
type demoRegisters struct {
	size int // complaints in each
	dirs []string
}

func (d *demoRegisters) remove() {
	for _, dir := range d.dirs {
		os.RemoveAll(dir)
	}
	d.dirs = nil
}

// open creates a demo register of d.size complaints, with real letters, in a new temporary
// file, for looking around without touching the practice's own register.
func (d *demoRegisters) open() (*data.Store, error) {
	dir, err := os.MkdirTemp("", "klachtenregister-demo-")
	if err != nil {
		return nil, err
	}
	d.dirs = append(d.dirs, dir)
	s, err := data.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		return nil, err
	}
	if err := demo.Fill(s, d.size, 1, letters.Renderer()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// refusedStart is the window of a start that cannot open its register, err saying why. Its
// settings cannot be read, so it speaks the language the app last spoke.
func refusedStart(a fyne.App, path string, err error, quit func()) fyne.Window {
	_ = UseLanguage(firstLanguage(a))
	if data.Cause(err) == data.CauseOpenElsewhere {
		return alreadyOpen(a, registerOrDefault(path), quit)
	}
	w := a.NewWindow("Klachtenregister")
	msg := widget.NewLabel(explain(err))
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewGridWithRows(1, newButton(lang.L("Close"), quit))
	if data.Cause(err) == data.CauseDamaged { // the advice is the newest backup: offer it here
		restore, _ := restoreAtStart(w, registerOrDefault(path), msg, buttons)
		buttons.Objects = append([]fyne.CanvasObject{restore}, buttons.Objects...)
	}
	w.SetContent(container.NewBorder(nil, buttons, nil, nil, msg))
	w.SetOnClosed(quit)
	w.Resize(fyne.NewSize(520, 220))
	if len(buttons.Objects) > 1 { // room for the file dialog and the restore's confirmation
		w.Resize(fyne.NewSize(640, 420))
	}
	return w
}

// restoreAtStart is the button of a start refused for a damaged register: it restores a
// backup (chosen from the backup folder beside the register, with its passphrase and the
// confirmation of the settings screen) in place of the damaged file, which is kept beside it,
// and then says to start again.
func restoreAtStart(w fyne.Window, register string, msg *widget.Label, buttons *fyne.Container) (fyne.CanvasObject, *backupPanel) {
	p := &backupPanel{win: w, dir: data.DefaultBackupDir(register), register: register}
	b := newButton(lang.L("Restore a backup…"), p.onRestore)
	p.restore = func(file, passphrase string) {
		// The refused start let go of the register; the restore claims it as the app does, so
		// that no other window of the app (or restore) works on the file while it is replaced.
		lock, err := data.LockForRestore(register)
		if err != nil {
			showError(err, w)
			return
		}
		defer lock.Release()
		res, err := data.Restore(file, register, passphrase, true, time.Now(), "")
		if err != nil {
			showError(err, w)
			return
		}
		msg.SetText(lang.L("The backup is restored. The damaged register is kept as {{.File}}. Start Klachtenregister again to work with the restored register.",
			map[string]any{"File": res.SetAside}))
		buttons.Remove(b)
	}
	return b, p
}

// alreadyOpen is the window of a second start on a register the app already has open: it
// offers to bring the open window to the front, or to quit; either way, and when it is
// closed, quit ends this second app.
func alreadyOpen(a fyne.App, path string, quit func()) fyne.Window {
	w := a.NewWindow("Klachtenregister")
	msg := widget.NewLabel(lang.L("Klachtenregister already has this register open in another window. Only one window at a time can work on a register, so that nothing gets lost.") +
		"\n\n" + lang.L("Register: {{.Path}}", map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	front := newButton(lang.L("Go to the open window"), func() {
		_ = data.RequestFront(path)
		quit()
	})
	front.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), newButton(lang.L("Quit"), quit), front)
	w.SetContent(container.NewBorder(nil, buttons, nil, nil, msg))
	w.SetOnClosed(quit)
	w.Resize(fyne.NewSize(520, 240))
	return w
}
