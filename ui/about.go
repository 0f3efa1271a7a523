package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// aboutStore is what Help › Over Klachtenregister shows of the register.
type aboutStore interface {
	Path() string
	BackupStatus() (data.BackupStatus, error)
	ChainHead() (events int, hash string, err error)
}

// menu is the main window's menu: a new complaint, the way back from a demo register, quitting
// (with the backup at close, as the window's close button), the screens with their shortcuts
// (mainKeys), and Help › Sneltoetsen and Help › Over Klachtenregister.
func (m *Main) menu() *fyne.MainMenu {
	file := append(m.menuItems("File"), fyne.NewMenuItemSeparator())
	if m.isDemoRegister() {
		file = append(file, fyne.NewMenuItem(lang.L("To my own register"), func() { m.ownRegister() }), fyne.NewMenuItemSeparator())
	}
	quit := fyne.NewMenuItem(lang.L("Quit"), func() { m.quit() })
	quit.IsQuit = true
	file = append(file, quit)
	return fyne.NewMainMenu(fyne.NewMenu(lang.L("File"), file...), fyne.NewMenu(lang.L("Go to"), m.menuItems("Go to")...),
		fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("Keyboard shortcuts"), func() { m.ShowKeys() }),
			fyne.NewMenuItem(lang.L("About Klachtenregister"), m.ShowAbout)))
}

// ShowAbout shows which version this is and which register it works on: the file, its last
// good backup and the head of its audit trail, to compare with an anchor or a report's footer.
func (m *Main) ShowAbout() { showAbout(m.win, m.store, m.app.Metadata()) }

func showAbout(win fyne.Window, s aboutStore, meta fyne.AppMetadata) dialog.Dialog {
	version := meta.Version
	if version == "" {
		version = lang.L("unknown (built without FyneApp.toml)")
	} else if meta.Build > 0 {
		version = lang.L("{{.Version}} (build {{.Build}})", map[string]any{"Version": meta.Version, "Build": meta.Build})
	}
	register := s.Path()
	if isDemo(register) {
		register += " " + lang.L("(demo register)")
	}
	backup := lang.L("none yet")
	if st, err := s.BackupStatus(); err != nil {
		backup = problemText(err)
	} else if st.Last != nil {
		backup = fmt.Sprintf("%s, %s: %s", longTime(st.Last.Created), st.Last.Created.Local().Format("15:04"),
			filepath.Base(st.Last.File))
	}
	chain := lang.L("no events yet")
	if n, h, err := s.ChainHead(); err != nil {
		chain = problemText(err)
	} else if n > 0 {
		chain = lang.L("{{.Events}}, fingerprint of the last: {{.Head}}", map[string]any{"Events": countEvents(n), "Head": h})
	}
	value := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Wrapping, l.Selectable = fyne.TextWrapWord, true // a path or a hash may be copied; words stay whole where they fit
		return l
	}
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), value(version)),
		widget.NewFormItem(lang.L("Register"), value(register)),
		widget.NewFormItem(lang.L("Last good backup"), value(backup)),
		widget.NewFormItem(lang.L("Audit trail"), value(chain)))
	d := dialog.NewCustom(lang.L("About Klachtenregister"), lang.L("Close"), form, win)
	d.Resize(fyne.NewSize(640, form.MinSize().Height+120))
	showDialog(d, win)
	return d
}
