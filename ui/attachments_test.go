package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestRemoveAWrongAttachment: the attachments tab takes a document put with the wrong
// complaint off the file. The dialog chooses none for the practitioner and waits for a
// reason; the list then holds only the other document and the timeline says why.
func TestRemoveAWrongAttachment(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	kept, err := s.AddAttachment(ref, "scan.pdf", []byte("%PDF-1.4 klacht"))
	if err != nil {
		t.Fatal(err)
	}
	// A second document of the same name: the dialog chose by the name and removed the first.
	if _, err := s.AddAttachment(ref, "scan.pdf", []byte("%PDF-1.4 van een ander")); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if cf.lists.removeAttachment.Disabled() {
		t.Fatal("Remove attachment is not offered")
	}
	test.Tap(cf.lists.removeAttachment)
	which := dialogSelect(t, cf)
	if which.SelectedIndex() >= 0 || !cf.dialog.confirm.Disabled() {
		t.Fatalf("the dialog chose %q for the practitioner, Remove enabled %v", which.Selected, !cf.dialog.confirm.Disabled())
	}
	which.SetSelected(which.Options[1])
	if !cf.dialog.confirm.Disabled() {
		t.Error("Remove enabled without a reason")
	}
	test.Type(formEntry(t, cf, 0), "Hoort bij een ander dossier.")
	if cf.dialog.confirm.Disabled() {
		t.Fatal("Remove disabled with an attachment and a reason")
	}
	cf.dialog.Submit()
	settle(m)
	if list, err := s.Attachments(ref); err != nil || len(list) != 1 || list[0].ID != kept {
		t.Errorf("attachments after removing the second scan.pdf (%s): %+v (%v)", which.Options[1], list, err)
	}
	if len(cf.lists.fileRows) != 1 {
		t.Errorf("the attachments tab after the removal:\n%s", strings.Join(cf.lists.fileRows, "\n"))
	}
	if text := timelineText(t, s, ref); !strings.Contains(text, "Bijlage verwijderd (toegevoegd op ") || !strings.Contains(text, "Hoort bij een ander dossier.") {
		t.Errorf("timeline:\n%s", text)
	}
}

// TestAttachmentIsConfirmed: a file chosen as an attachment goes into the complaint file only
// once the practitioner confirms it, named with its size and folder (a double click in Fyne's
// file dialog attached someone else's file lying under the folder just opened).
func TestAttachmentIsConfirmed(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	answer := func(button string) {
		t.Helper()
		cf.confirmAttachment(storage.NewFileURI("/tmp/elders/ci3.log"), []byte("iemand anders"))
		if text := overlayText(cf.win); !strings.Contains(text, "‘ci3.log’ (1 kB, uit /tmp/elders) als bijlage toevoegen aan klacht "+ref+"?") {
			t.Fatalf("the question: %q", text)
		}
		if list, err := s.Attachments(ref); err != nil || len(list) != 0 {
			t.Fatalf("attached before the answer: %+v (%v)", list, err)
		}
		for _, o := range test.LaidOutObjects(cf.win.Canvas().Overlays().Top()) {
			if b, ok := asButton(o); ok && b.Text == button {
				test.Tap(b)
			}
		}
		settle(m)
	}
	answer("Annuleren")
	if list, err := s.Attachments(ref); err != nil || len(list) != 0 {
		t.Fatalf("attached after Annuleren: %+v (%v)", list, err)
	}
	answer("Toevoegen")
	if list, err := s.Attachments(ref); err != nil || len(list) != 1 || list[0].Name != "ci3.log" {
		t.Fatalf("after Toevoegen: %+v (%v)", list, err)
	}
}
