package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestComplaintWindowShowsOnlyTheReferenceInItsTitle: the window title is what the operating
// system shows in its task list and window switcher, so it carries the reference and no name.
func TestComplaintWindowShowsOnlyTheReferenceInItsTitle(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if got := cf.win.Title(); got != ref {
		t.Errorf("the file's window title is %q, want only %q", got, ref)
	}
	if !strings.Contains(cf.title.Text, "Mehmet Çelik") {
		t.Errorf("inside the window the file still names the complainant: %q", cf.title.Text)
	}
}

// TestOpenedDocumentsGoToThePrivateFolder: a letter and an attachment opened in another
// program are copied into the complaint's folder of the private folder, readable by the user
// only, under names that carry the reference and not the complainant's.
func TestOpenedDocumentsGoToThePrivateFolder(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	id, err := s.AddAttachment(ref, "brief van Mehmet Çelik.pdf", []byte("%PDF-1.4 bijlage"))
	if err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(findButton(t, cf.letters.content(), "Brief maken…"))
	cf.dialog.Submit() // makes the acknowledgement and opens it
	settle(m)
	cf.lists.files.Select(0) // opens the attachment
	if text := overlayText(cf.win); text != "" {
		t.Fatalf("opening showed %q", text)
	}

	entries, err := os.ReadDir(filepath.Join(m.copies.Dir, ref))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		info, _ := e.Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %o, want 0600", e.Name(), info.Mode().Perm())
		}
		if strings.Contains(e.Name(), "Çelik") || !strings.HasPrefix(e.Name(), ref+"-") {
			t.Errorf("copy %q is not named after the reference only", e.Name())
		}
	}
	attachment := filepath.Join(m.copies.Dir, ref, fmt.Sprintf("%s-bijlage-%d.pdf", ref, id))
	if b, err := os.ReadFile(attachment); err != nil || string(b) != "%PDF-1.4 bijlage" {
		t.Errorf("the attachment's copy %s: %q %v; the folder holds %v", attachment, b, err, names)
	}
	if len(names) != 2 {
		t.Errorf("the complaint's copies are %v, want the letter and the attachment", names)
	}
}
