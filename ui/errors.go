package ui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// capitalised starts s with a capital letter.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// uncapitalised starts s with a small letter, for a label within a sentence.
func uncapitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// sentence makes a domain message into a sentence: capital first letter, full stop at the end.
func sentence(msg string) string {
	msg = capitalised(strings.TrimSpace(msg))
	if msg == "" {
		return msg
	}
	if !strings.HasSuffix(msg, ".") && !strings.HasSuffix(msg, "?") && !strings.HasSuffix(msg, ")") {
		msg += "."
	}
	return msg
}

// explain turns an error into what a practitioner reads. Domain errors already say what is
// wrong and what to do; anything else is a fault of the machine, and nothing was saved.
func explain(err error) string {
	var de *data.Error
	if errors.As(err, &de) {
		return sentence(say(de.Text))
	}
	var n *data.Fault
	if errors.As(err, &n) {
		return sentence(say(n.Text))
	}
	return lang.L("Something went wrong and nothing was saved. Please try again; if it keeps happening, restart the program.") +
		"\n\n(" + err.Error() + ")"
}

// problemText is a validation problem as shown next to a form.
func problemText(err error) string {
	var de *data.Error
	var n *data.Fault
	switch {
	case errors.As(err, &de):
		return sentence(say(de.Text))
	case errors.As(err, &n):
		return sentence(say(n.Text))
	}
	return sentence(err.Error())
}

// inform shows a message on win with a button that closes it.
func inform(title, message string, win fyne.Window) {
	showDialog(dialog.NewInformation(title, message, win), win)
}

// showError shows err in a dialog on win; the app carries on.
func showError(err error, win fyne.Window) {
	if err == nil {
		return
	}
	inform(lang.L("Not possible"), explain(err), win)
}

// settingOf is the setting a refusal is about, such as a practice detail a letter needs;
// "" when it is about none.
func settingOf(err error) string {
	var de *data.Error
	if !errors.As(err, &de) || de.Field == "" {
		return ""
	}
	for _, d := range data.SettingKeys() {
		if d.Key == de.Field {
			return d.Key
		}
	}
	return ""
}

// showRefusal shows err as showError does; when it is about a setting, a button beside it
// opens that setting, so the practitioner can fill it in and try again.
func showRefusal(err error, win fyne.Window, openSetting func(key string)) {
	key := settingOf(err)
	if key == "" || openSetting == nil {
		showError(err, win)
		return
	}
	showRefusalGoing(err, win, lang.L("Go to the setting"), func() { openSetting(key) })
}

// showRefusalGoing shows err with a button, labelled going, that takes the practitioner to
// where it can be put right. It is the refusal of showError with one more button: the same
// information icon, not the question mark of a dialog that asks something.
func showRefusalGoing(err error, win fyne.Window, going string, goTo func()) {
	msg := explain(err)
	text := widget.NewLabel(msg)
	text.Alignment, text.Wrapping = fyne.TextAlignCenter, fyne.TextWrapWord
	// As wide as Fyne's own message dialogs: the text's width unwrapped, at most 600 and
	// nine tenths of the window; the label wraps within it.
	width := min(widget.NewLabel(msg).MinSize().Width+theme.Padding()*2, 600, win.Canvas().Size().Width*0.9)
	d := dialog.NewCustomWithoutButtons(lang.L("Not possible"), container.New(messageWidth{width}, text), win)
	d.SetIcon(theme.InfoIcon())
	closing := newButtonWithIcon(lang.L("Close"), theme.CancelIcon(), d.Hide)
	open := newButtonWithIcon(going, theme.ConfirmIcon(), func() {
		d.Hide()
		goTo()
	})
	open.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{closing, open})
	showDialog(d, win)
}

// messageWidth lays a wrapping text out at a fixed width, as tall as its lines are then.
type messageWidth struct{ width float32 }

func (l messageWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l messageWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Size().Width != l.width {
			o.Resize(fyne.NewSize(l.width, o.MinSize().Height)) // wraps it at that width
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

// showOpenError says that a document or folder could not be shown, which is not a failed
// change: what was made is kept. With save, the message offers to save a copy to open
// elsewhere (the calibration page and the previews have no Save as… of their own).
func showOpenError(err error, win fyne.Window, save func()) {
	detail := "\n\n" + lang.L("Message of the system: {{.Error}}", map[string]any{"Error": err.Error()})
	if save == nil {
		inform(lang.L("Not opened"), lang.L("It could not be opened: no program to show it was found. Anything made has been kept.")+detail, win)
		return
	}
	text := widget.NewLabel(lang.L("The document could not be opened: no program to show it was found. Anything made has been kept. Save a copy and open it in a program of your choice.") + detail)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	saveButton := newButton(lang.L("Save as…"), func() { d.Hide(); save() })
	saveButton.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Not opened"), text, win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Close"), func() { d.Hide() }), saveButton})
	showMessage(d, win)
}

// showMessage shows a message dialog of a wrapped text at a width that reads well, as tall as
// the text then needs: measured before it had its width, the text left a gap above the buttons.
func showMessage(d *dialog.CustomDialog, win fyne.Window) {
	showDialog(d, win)
	width := min(560, win.Canvas().Size().Width-40)
	for range 2 {
		d.Resize(fyne.NewSize(width, d.MinSize().Height))
	}
}
