package ui

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// askUnsaved asks what to do with what was typed and not saved before a window or the program
// closes: stay, close without saving, or (when save is given) save and close. A save that is
// refused keeps everything open, as typed, and says why.
func askUnsaved(win fyne.Window, title, text string, save func() error, closeIt func()) {
	var d *dialog.CustomDialog
	stay := newButton(lang.L("Cancel"), func() { d.Hide() })
	discard := newButton(lang.L("Close without saving"), func() { d.Hide(); closeIt() })
	buttons := []fyne.CanvasObject{stay, discard}
	if save != nil {
		saveAndClose := newButton(lang.L("Save and close"), func() {
			d.Hide()
			if err := save(); err != nil {
				showError(err, win)
				return
			}
			closeIt()
		})
		saveAndClose.Importance = widget.HighImportance
		buttons = append(buttons, saveAndClose)
	} else {
		stay.Importance = widget.HighImportance
	}
	d = dialog.NewCustomWithoutButtons(title, wrapped(text), win)
	d.SetButtons(buttons)
	showDialog(d, win)
}

// unsaved names what was typed in the main window's new-complaint form, in the details of
// open complaint files and in form dialogs still open (an outcome, a note, a measure), and not
// saved, which quitting would throw away.
func (m *Main) unsaved() []string {
	var out []string
	if m.Intake != nil && m.Intake.started() {
		out = append(out, lang.L("the new complaint"))
	}
	for _, title := range openDialogs(m.win) { // a measure, an expert …
		out = append(out, lang.L("what you entered in ‘{{.Title}}’", map[string]any{"Title": title}))
	}
	for _, ref := range slices.Sorted(maps.Keys(m.files)) {
		cf := m.files[ref]
		if cf.unsaved() {
			out = append(out, lang.L("the details of {{.Reference}}", map[string]any{"Reference": ref}))
		}
		for _, title := range openDialogs(cf.win) {
			out = append(out, lang.L("what you entered in ‘{{.Title}}’ for {{.Reference}}", map[string]any{"Title": title, "Reference": ref}))
		}
	}
	return out
}

// askBeforeQuitting asks before the program closes while anything typed is not saved (see
// unsaved): stay, or close and lose it. Each form has its own Save, which may refuse, so the
// question offers no saving of its own.
func (m *Main) askBeforeQuitting(quit func()) {
	open := m.unsaved()
	if len(open) == 0 {
		quit()
		return
	}
	askUnsaved(m.win, lang.L("Not saved"), lang.L("You have not saved {{.What}}. If you close the program now, what you typed there is lost.",
		map[string]any{"What": data.JoinAnd(open, lang.L("and"))}), nil, quit)
}
