package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/assets"
	"klachtenregister/data"
	"klachtenregister/data/demo"
	"klachtenregister/letters"
)

// Run opens the register (the one at path, the default one, or a new demo register), shows
// the main window and runs the app until it is closed. A register that cannot be opened is
// explained in a window, never a crash.
func Run(a fyne.App, path string, demo bool) {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	demos := &demoRegisters{}
	defer demos.remove()
	store, err := open(path, demo, demos)
	if err == nil {
		set, _ := store.Settings()
		err = UseLanguage(set.Language())
	}
	if err != nil {
		_ = UseLanguage("nl")
		showStartError(a, err)
		return
	}
	win := a.NewWindow("Klachtenregister")
	win.SetMaster()
	var start func(s *data.Store)
	var current *Main
	start = func(s *data.Store) {
		if old := current; old != nil {
			for _, f := range old.files {
				f.win.Close()
			}
			old.store.Close()
		}
		current = NewMain(a, win, s, start)
		current.openDemo = demos.open
		current.FirstStart()
	}
	start(store)
	win.Show()
	watchDeadlines(a, func() *Main { return current })
	a.Run()
	current.store.Close()
}

func open(path string, demo bool, demos *demoRegisters) (*data.Store, error) {
	if demo {
		return demos.open()
	}
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return data.Open(path)
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
