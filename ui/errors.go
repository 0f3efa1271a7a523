package ui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

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
	d := dialog.NewConfirm(lang.L("Not possible"), explain(err), func(open bool) {
		if open {
			openSetting(key)
		}
	}, win)
	d.SetConfirmText(lang.L("Go to the setting"))
	d.SetDismissText(lang.L("Close"))
	showDialog(d, win)
}

// showOpenError says that a document could not be shown, which is not a failed change: what
// was made is kept, and the practitioner can save a copy and open it themselves.
func showOpenError(err error, win fyne.Window) {
	msg := lang.L("The document could not be opened: no program to show it was found. Anything made has been kept; use “Save as…” to store a copy and open it yourself.")
	inform(lang.L("Not opened"), msg+"\n\n("+err.Error()+")", win)
}
