package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// entry is a text field that a dialog can close with Escape; Fyne's own entry ignores Escape.
type entry struct {
	widget.Entry
	onEscape func()
}

func newEntry() *entry {
	e := &entry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry() *entry {
	e := newEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey closes the dialog on Escape and otherwise types as usual.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// AcceptsTab is false also for a field of several lines: Tab goes on to the next field, as a
// keyboard user expects, where Fyne's own field would type a tab character (which has no
// place in a letter) and hold the cursor there for good.
func (e *entry) AcceptsTab() bool { return false }

// TypedShortcut passes the window's own keys, such as Ctrl+Tab, on to the window (bindKeys):
// Fyne's own text field keeps every shortcut it is given, so the cursor in a field would
// otherwise hold the practitioner on the tab.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if !typeShortcut(fyne.CurrentApp().Driver().CanvasForObject(e), s) {
		e.Entry.TypedShortcut(s)
	}
}

// newSelect is a drop-down list whose empty state speaks the screens' language: Fyne's own
// placeholder "(Select one)" has no translation.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("(choose)")
	return s
}
