package ui

import (
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// escapeClose holds how Escape closes an overlay that is more than a pop-up: a dialog's own
// Hide, which runs its callback as its Cancel button does, or nil for a dialog Escape leaves
// open. Keyed by the overlay on canvas; used on the UI goroutine only.
var escapeClose = map[fyne.CanvasObject]struct {
	canvas fyne.Canvas
	close  func()
}{}

// showDialog shows d on win; Escape closes it through d.Hide.
func showDialog(d dialog.Dialog, win fyne.Window) {
	d.Show()
	onEscape(win.Canvas(), d.Hide)
}

// showFileDialog shows Fyne's file or folder dialog d on win with a title in the screens'
// words (Fyne's own is two translated words, "Openen Bestand" in Dutch) and the names in a
// list, where Fyne's grid cuts them short: a backup's date and time did not show. Fyne
// remembers the last view in a preference that outweighs SetView, and stores the grid the
// first time a dialog shows, so the preference is set to the list each time.
func showFileDialog(d *dialog.FileDialog, title string, win fyne.Window) {
	d.SetTitleText(title)
	d.SetView(dialog.ListView)
	fyne.CurrentApp().Preferences().SetInt(fileDialogViewKey, int(dialog.ListView))
	showDialog(d, win)
}

// fileDialogViewKey is the preference in which Fyne 2.8.1's file dialog keeps its view.
const fileDialogViewKey = "fyne:fileDialogViewLayout"

// keepOnEscape shows d on win; Escape leaves it open: it has no Cancel (work that cannot be
// interrupted, the first start's questions).
func keepOnEscape(d dialog.Dialog, win fyne.Window) {
	d.Show()
	onEscape(win.Canvas(), nil)
}

// onEscape records what Escape does with the overlay just shown on c, and forgets overlays
// that have been closed since.
func onEscape(c fyne.Canvas, close func()) {
	for o, e := range escapeClose {
		if !slices.Contains(e.canvas.Overlays().List(), o) {
			delete(escapeClose, o)
		}
	}
	if top := c.Overlays().Top(); top != nil {
		escapeClose[top] = struct {
			canvas fyne.Canvas
			close  func()
		}{c, close}
	}
}

// closeOnEscape makes Escape close the overlay on top of win, whether it asks for input or
// only informs. A text field with the focus handles Escape itself (see entry).
func closeOnEscape(win fyne.Window) {
	c := win.Canvas()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			closeTop(c)
		}
	})
}

// closeTop closes the overlay on top of c through its own Hide or Dismiss: Fyne wraps a pop-up
// in an overlay of its own, and removing that overlay left the pop-up believing it was still
// shown, so that it never showed again (the menu "Andere stappen").
func closeTop(c fyne.Canvas) {
	top := c.Overlays().Top()
	if top == nil {
		return
	}
	if e, ok := escapeClose[top]; ok {
		if e.close != nil {
			e.close()
		}
		return
	}
	p := overlayContent(top)
	if m, ok := p.(interface{ Dismiss() }); ok { // a pop-up menu, such as a drop-down list's
		m.Dismiss()
	} else if p != top { // a pop-up
		p.Hide()
	}
	if c.Overlays().Top() == top { // not a pop-up that removes its own overlay
		top.Hide()
		c.Overlays().Remove(top)
	}
}

// overlayContent is the pop-up that overlay o wraps (Fyne's OverlayContainer, an internal type
// with an exported field Content), or o itself when it wraps none.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return o
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || f.Kind() != reflect.Interface || f.IsNil() {
		return o
	}
	if p, ok := f.Interface().(fyne.CanvasObject); ok {
		return p
	}
	return o
}
