package ui

import (
	"archive/zip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// TestPrivacyTabHoldsExportsAndErases: a legal hold is placed with its reason, shown in the
// file's header and keeps the erase button off until released; the access export is saved as
// one ZIP where the practitioner chose; erasing an open complaint is refused until its
// withdrawal is ticked, and then the file says it is anonymised and its opened copies are gone.
func TestPrivacyTabHoldsExportsAndErases(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	p := cf.privacy
	if !cf.hold.Hidden || p.release.Disabled() == false || p.erase.Disabled() {
		t.Fatalf("a fresh file: hold line shown %v, release enabled %v, erase disabled %v", !cf.hold.Hidden, !p.release.Disabled(), p.erase.Disabled())
	}

	test.Tap(p.hold)
	formEntry(t, cf, 0).SetText("Tuchtzaak aanhangig sinds 1 december 2026")
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); !c.Held || c.HoldReason != "Tuchtzaak aanhangig sinds 1 december 2026" {
		t.Fatalf("after placing the hold: held %v, reason %q", c.Held, c.HoldReason)
	}
	if cf.hold.Hidden || !strings.Contains(cf.hold.Text, "Bewaarplicht wegens een lopende zaak: Tuchtzaak aanhangig sinds 1 december 2026.") {
		t.Errorf("the file's header says %q (hidden %v)", cf.hold.Text, cf.hold.Hidden)
	}
	if !p.erase.Disabled() || !p.hold.Disabled() || p.release.Disabled() {
		t.Errorf("under a hold: erase enabled %v, hold enabled %v, release enabled %v", !p.erase.Disabled(), !p.hold.Disabled(), !p.release.Disabled())
	}
	test.Tap(p.release)
	tapInTop(t, cf.win, "Ja")
	settle(m)
	if c, _ := s.Complaint(ref); c.Held || !cf.hold.Hidden {
		t.Fatalf("after releasing: held %v, header line %q", c.Held, cf.hold.Text)
	}

	saveFolder = t.TempDir()
	t.Cleanup(func() { saveFolder = "" })
	test.Tap(p.export)
	cf.dialog.Submit()
	target := filepath.Join(saveFolder, ref+"-inzageverzoek.zip")
	if text := overlayText(cf.win); !strings.Contains(text, "Opgeslagen als "+target) {
		t.Fatalf("after exporting the window says %q", text)
	}
	z, err := zip.OpenReader(target)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	z.Close()
	if !slices.Contains(names, "klacht.json") || !slices.Contains(names, "LEESMIJ.txt") {
		t.Errorf("the export holds %v", names)
	}

	copied, err := cf.copy(ref+"-ontvangstbevestiging-v1.pdf", []byte("%PDF"))
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(p.erase)
	formEntry(t, cf, 0).SetText("Verzoek van de klager per brief van 1 december 2026")
	cf.dialog.Submit() // still open, withdrawal not ticked: refused
	if c, _ := s.Complaint(ref); !c.AnonymisedOn.IsZero() || c.Complainant.Name != "Mehmet Çelik" {
		t.Fatalf("an open complaint was erased without recording its withdrawal")
	}
	if text := overlayText(cf.win); text == "" {
		t.Error("the refusal is not explained")
	}
	cf.win.Canvas().Overlays().Top().Hide()
	for _, it := range cf.dialogItems {
		if c, ok := it.Widget.(*widget.Check); ok {
			c.SetChecked(true) // record the withdrawal first
		}
	}
	cf.dialog.Submit()
	settle(m)
	c, err := s.Complaint(ref)
	if err != nil || c.AnonymisedOn.IsZero() || c.Status != data.StatusWithdrawn || strings.Contains(c.Complainant.Name, "Çelik") {
		t.Fatalf("after erasing: %+v (%v)", c, err)
	}
	if !strings.Contains(cf.hold.Text, "Geanonimiseerd op 30 november 2026") || !p.erase.Disabled() {
		t.Errorf("the erased file says %q, erase enabled %v", cf.hold.Text, !p.erase.Disabled())
	}
	if cf.win.Title() != ref || !strings.Contains(cf.title.Text, ref+" · (geanonimiseerd) · ingetrokken") {
		t.Errorf("the erased file is titled %q / %q", cf.win.Title(), cf.title.Text)
	}
	for a, b := range cf.buttons {
		if !b.Disabled() {
			t.Errorf("the erased file offers step %s", a)
		}
	}
	if cf.problem.Text != "" {
		t.Errorf("the erased file asks for corrections: %q", cf.problem.Text)
	}
	if _, err := os.Stat(copied); !os.IsNotExist(err) {
		t.Errorf("an opened copy of the erased complaint stays: %v", err)
	}
}
