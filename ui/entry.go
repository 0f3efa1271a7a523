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
	if !escape(e, k) {
		e.Entry.TypedKey(k)
	}
}

// TypedRune types r and keeps the cursor right after it. Fyne 2.8.1 leaves the cursor before
// a space typed where a line wraps (its rows do not hold that space), so the next word went in
// front of the space: "annual accounts" was saved as "annualaccounts "
// (TestTypedSpacesSurviveTheWrap). The column is moved past the space without a refresh, which
// would pull it back to the row's end: the next character then goes after the space, and the
// rows wrap anew.
func (e *entry) TypedRune(r rune) {
	selecting := e.SelectedText() != ""
	want := e.CursorTextOffset() + 1
	e.Entry.TypedRune(r)
	if got := e.CursorTextOffset(); !selecting && got < want {
		e.CursorColumn += want - got // the offset is the row's start plus the column
	}
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
func newSelect(options []string, changed func(string)) *choice {
	s := &choice{Select: widget.Select{Options: options, OnChanged: changed, PlaceHolder: lang.L("(choose)")}}
	s.ExtendBaseWidget(s)
	return s
}

// choice is a drop-down list that the form around it scrolls into view when it gets the
// focus, and that leaves Escape to the dialog it is in.
type choice struct {
	widget.Select
	required bool // a step dialog's OK waits until one is chosen (see waitingFor)
}

// SetSelectedIndex selects the option at index; an index of none (-1, what slices.Index gives
// for an empty value) clears the choice. Fyne's own ignores it and keeps the previous option:
// the emptied intake form kept the last complaint's "mevrouw" and greeted the next
// complainant with it.
func (s *choice) SetSelectedIndex(index int) {
	if index < 0 || index >= len(s.Options) {
		s.ClearSelected()
		return
	}
	s.Select.SetSelectedIndex(index)
}

func (s *choice) TypedKey(k *fyne.KeyEvent) {
	if !escape(s, k) {
		s.Select.TypedKey(k)
	}
}

func (s *choice) FocusGained() {
	s.Select.FocusGained()
	showFocused(s)
}

// check is a check box that the form around it scrolls into view when it gets the focus,
// and that leaves Escape to the dialog it is in.
type check struct {
	widget.Check
	required bool // a step dialog's OK waits until it is ticked (see waitingFor)
}

func newCheck(label string, changed func(bool)) *check {
	c := &check{Check: widget.Check{Text: label, OnChanged: changed}}
	c.ExtendBaseWidget(c)
	return c
}

func (c *check) TypedKey(k *fyne.KeyEvent) {
	if !escape(c, k) {
		c.Check.TypedKey(k)
	}
}

func (c *check) FocusGained() {
	c.Check.FocusGained()
	showFocused(c)
}

// FocusGained brings the field into view in the form around it, also when Tab reached it.
func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	showFocused(e)
}
