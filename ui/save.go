package ui

import (
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// outputGuard is what saving a file needs from the store: the register it must never replace.
type outputGuard interface {
	OutputOptions(force bool) data.OutputOptions
}

// saveFolder is the folder the last file was saved in, offered again for the next one.
var saveFolder string

func defaultSaveFolder() string {
	if saveFolder != "" {
		return saveFolder
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, name := range []string{"Documents", "Documenten"} {
		if info, err := os.Stat(filepath.Join(home, name)); err == nil && info.IsDir() {
			return filepath.Join(home, name)
		}
	}
	return home
}

// saveAs asks for a folder and a file name and saves content there through
// data.WriteOutput. Fyne's own save dialog is not used: it empties the chosen file before
// the program sees the name, which would destroy the register if the practitioner picked it.
// An existing file is replaced only after the practitioner confirms. Notes are shown below
// the folder, for the practitioner: what to check before the file leaves the practice.
func saveAs(win fyne.Window, guard outputGuard, name, ext string, content []byte, notes ...string) *formDialog {
	fileName := newEntry()
	fileName.SetText(name)
	folder := widget.NewLabel(defaultSaveFolder())
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := newButton(lang.L("Other folder…"), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil && dir.Scheme() == "file" {
				folder.SetText(dir.Path())
			}
		}, win)
		showFileDialog(d, lang.L("Choose a folder"), win)
	})
	fileName.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s == "" || strings.ContainsAny(s, `/\`) {
			return errors.New(lang.L("Enter a file name without a folder"))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("File name"), fileName),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, folder)),
	}
	for _, n := range notes {
		l := widget.NewLabel(n)
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.WarningImportance
		items = append(items, widget.NewFormItem("", l))
	}
	return askForm(win, lang.L("Save as…"), lang.L("Save"), items, func() {
		target := strings.TrimSpace(fileName.Text)
		if !strings.HasSuffix(strings.ToLower(target), ext) {
			target += ext
		}
		target = filepath.Join(folder.Text, target)
		write := func(w io.Writer) error { _, err := w.Write(content); return err }
		err := data.WriteOutput(target, guard.OutputOptions(false), write)
		if errors.Is(err, data.ErrExists) {
			showDialog(dialog.NewConfirm(lang.L("Replace file?"),
				lang.L("{{.File}} already exists. Do you want to replace it?", map[string]any{"File": target}),
				func(replace bool) {
					if replace {
						saved(win, target, data.WriteOutput(target, guard.OutputOptions(true), write))
					}
				}, win), win)
			return
		}
		saved(win, target, err)
	})
}

// saved tells where the file went, the name and the folder apart so both can be read in
// full, with a button that opens the folder; or why it did not.
func saved(win fyne.Window, target string, err error) {
	if err != nil {
		showError(err, win)
		return
	}
	saveFolder = filepath.Dir(target)
	// Plain buttons: a confirmation's question mark and the cross on OK read as a question and a
	// cancel, where the file is saved either way.
	text := widget.NewLabel(lang.L("Saved as {{.Name}} in the folder {{.Folder}}.",
		map[string]any{"Name": filepath.Base(target), "Folder": saveFolder}))
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	open := newButton(lang.L("Open folder"), func() {
		d.Hide()
		if err := fyne.CurrentApp().OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(saveFolder)}); err != nil {
			showOpenError(err, win, nil)
		}
	})
	ok := newButton(lang.L("OK"), func() { d.Hide() })
	ok.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(lang.L("Saved"), text, win)
	d.SetButtons([]fyne.CanvasObject{open, ok})
	showMessage(d, win)
}
