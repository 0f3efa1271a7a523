package ui

import (
	"os"
	"path/filepath"
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
	demos := &demoRegisters{}
	defer demos.remove()
	store, lock, err := open(path, demo, demos)
	if err == nil {
		set, _ := store.Settings()
		err = UseLanguage(set.Language())
	}
	if err != nil {
		_ = UseLanguage("nl")
		if data.Cause(err) == data.CauseOpenElsewhere {
			showAlreadyOpen(a, registerOrDefault(path))
		} else {
			showStartError(a, err)
		}
		return
	}
	win := a.NewWindow("Klachtenregister")
	win.SetMaster()
	// The screens fill themselves once the window is there (see shown).
	shown = make(chan struct{})
	a.Lifecycle().SetOnStarted(func() { close(shown) })
	var start func(s *data.Store)
	var current *Main
	start = func(s *data.Store) {
		if old := current; old != nil {
			for _, f := range old.files {
				f.win.Close()
			}
			if !old.closed {
				closeStore(old.store, win)
			}
		}
		current = NewMain(a, win, s, start)
		current.openDemo = demos.open
		current.FirstStart()
		current.backupAtStart()
	}
	start(store)
	// The backup at close is made while the window is still there, so a failure can be told.
	win.SetCloseIntercept(func() {
		if err := backupAtClose(current.store); err != nil {
			dialog.ShowConfirm(lang.L("Backup"), backupFailedText(err)+"\n\n"+lang.L("Close the program anyway?"), func(yes bool) {
				if yes {
					a.Quit()
				}
			}, win)
			return
		}
		a.Quit()
	})
	win.Show()
	watchDeadlines(a, func() *Main { return current })
	stop := watchChanges(func() *Main { return current }, lock, changeInterval)
	a.Run()
	stop()
	current.store.Close()
	if lock != nil {
		lock.Release()
	}
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
			var m *Main
			fyne.DoAndWait(func() { m = current() })
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

// demoRegisters are the temporary folders of the demo registers opened in one run of the
// app, removed when it ends.
type demoRegisters struct{ dirs []string }

func (d *demoRegisters) remove() {
	for _, dir := range d.dirs {
		os.RemoveAll(dir)
	}
}

// open creates a demo register of 40 complaints, with real letters, in a new temporary
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
	if err := demo.Fill(s, 40, 1, letters.Renderer(s)); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func showStartError(a fyne.App, err error) {
	w := a.NewWindow("Klachtenregister")
	msg := widget.NewLabel(explain(err))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton(lang.L("Close"), a.Quit), nil, nil, msg))
	w.Resize(fyne.NewSize(520, 220))
	w.ShowAndRun()
}

// showAlreadyOpen is the window of a second start on a register the app already has open:
// it offers to bring the open window to the front, or to quit.
func showAlreadyOpen(a fyne.App, path string) {
	w := a.NewWindow("Klachtenregister")
	msg := widget.NewLabel(lang.L("Klachtenregister already has this register open in another window. Only one window at a time can work on a register, so that nothing gets lost.") +
		"\n\n" + lang.L("Register: {{.Path}}", map[string]any{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	front := widget.NewButton(lang.L("Go to the open window"), func() {
		_ = data.RequestFront(path)
		a.Quit()
	})
	front.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("Quit"), a.Quit), front)
	w.SetContent(container.NewBorder(nil, buttons, nil, nil, msg))
	w.Resize(fyne.NewSize(520, 240))
	w.ShowAndRun()
}
