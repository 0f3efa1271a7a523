package ui

import (
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"klachtenregister/data"
)

// openAttachment opens the document with the program the operating system chooses for it.
// The copy is named after the complaint, not the document: its name shows in that program's
// window title and the system's task list, and a name the complainant chose may hold theirs.
func (cf *complaintFile) openAttachment(a data.Attachment) {
	content, err := cf.attachments.AttachmentContent(a.ID)
	if err != nil {
		showError(err, cf.win)
		return
	}
	name := fmt.Sprintf("%s-%s-%d%s", cf.ref, lang.L("attachment"), a.ID, filepath.Ext(a.Name))
	if err := cf.openCopy(name, content); err != nil {
		showOpenError(err, cf.win, func() { saveAs(cf.win, cf.output, a.Name, filepath.Ext(a.Name), content) })
	}
}

// copy writes content to the complaint's folder of private copies (data.ViewCopies), where
// it is removed a day later, and returns its path.
func (cf *complaintFile) copy(name string, content []byte) (string, error) {
	return cf.copies.Write(cf.ref, name, cf.output.OutputOptions(false), content)
}

// openCopy opens a private copy of content with the program the operating system chooses.
func (cf *complaintFile) openCopy(name string, content []byte) error {
	path, err := cf.copy(name, content)
	if err != nil {
		return err
	}
	return openFile(path)
}

// openPrivateCopy writes content to the private folder for copies (in the folder of complaint
// ref, or of none) and opens it with the program the operating system chooses.
func openPrivateCopy(copies *data.ViewCopies, guard outputGuard, ref, name string, content []byte) error {
	path, err := copies.Write(ref, name, guard.OutputOptions(false), content)
	if err != nil {
		return err
	}
	return openFile(path)
}

// openFile opens a file with the program the operating system chooses for it.
func openFile(path string) error {
	return fyne.CurrentApp().OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
}
