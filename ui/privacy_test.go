package ui

import (
	"archive/zip"
	"fmt"
	"klachtenregister/data"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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

// TestNoWindowTitleNamesAPerson: every window the app opens (the register, a complaint's file,
// the retention review, the import wizard) is titled without the complainant's name, as the
// operating system shows titles in its task list; so is the deadline notification.
func TestNoWindowTitleNamesAPerson(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik") // its acknowledgement is overdue: a notification
	old := addWithdrawnIn2024(t, s, "Zoë van 't Hoff")
	m.OpenComplaint(ref, "")
	m.OpenComplaint(old, "")
	m.ShowRetention()
	m.ShowImport()
	settle(m)
	if r := m.retention; len(r.cases) != 1 || !strings.Contains(fmt.Sprint(caseRow(r.cases[0])), "Zoë van 't Hoff") {
		t.Fatalf("the review lists %+v", r.cases)
	}
	var titles []string
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		titles = append(titles, w.Title())
	}
	if len(titles) < 5 {
		t.Fatalf("only the windows %q are open", titles)
	}
	for _, title := range titles {
		for _, name := range []string{"Çelik", "Mehmet", "Hoff", "Zoë"} {
			if strings.Contains(title, name) {
				t.Errorf("window title %q names %s", title, name)
			}
		}
	}
	n := deadlineNotice(s)
	if n == nil || strings.Contains(n.Title+n.Content, "Çelik") || strings.Contains(n.Title+n.Content, ref) {
		t.Errorf("the notification says %+v", n)
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
		if strings.Contains(e.Name(), "Çelik") || !strings.Contains(e.Name(), ref) {
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

// TestPrivacyTabHoldsExportsAndErases: a legal hold is placed with its reason, shown in the
// file's header and keeps the erase button off until released; the access export is saved as
// one ZIP where the practitioner chose; erasing an open complaint is refused until its
// withdrawal is ticked, and then the file says it is anonymised and its opened copies are gone.
// Erasing runs in the background (it rewrites the register) while the window says so.
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
	if cf.hold.Hidden || !strings.Contains(cf.hold.Text, "Juridische bewaarplicht wegens een lopende zaak: Tuchtzaak aanhangig sinds 1 december 2026.") {
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
	// Article 15(4) GDPR: the practitioner, not the complainant, is told to check the copy for others' data.
	if text := overlayText(cf.win); !strings.Contains(text, "persoonsgegevens van anderen") || !strings.Contains(text, "artikel 15, lid 4, AVG") {
		t.Errorf("the export dialog says %q, not to check the copy for other people's personal data", text)
	}
	cf.dialog.Submit()
	target := filepath.Join(saveFolder, ref+"-inzageverzoek.zip")
	if text := overlayText(cf.win); !strings.Contains(text, "Opgeslagen als "+filepath.Base(target)+" in de map "+saveFolder) {
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
	cf.dialog.Submit() // still open, withdrawal not ticked: Erase waits for it and says so
	settle(m)
	if c, _ := s.Complaint(ref); !c.AnonymisedOn.IsZero() || c.Complainant.Name != "Mehmet Çelik" {
		t.Fatalf("an open complaint was erased without recording its withdrawal")
	}
	if text := overlayText(cf.win); !strings.Contains(text, "Vink ‘Eerst de intrekking van de klacht vastleggen’ aan.") ||
		!strings.Contains(text, "ook niet de bevestiging van de intrekking") {
		t.Errorf("the dialog does not say what Erase waits for, or what erasing an open complaint costs: %q", text)
	}
	for _, it := range cf.dialogItems {
		if c, ok := it.Widget.(*check); ok {
			c.SetChecked(true) // record the withdrawal first
		}
	}
	cf.dialog.Submit()
	if text := overlayText(cf.win); !strings.Contains(text, "Bezig met het wissen van de persoonsgegevens") {
		t.Errorf("while erasing runs in the background the window shows %q", text)
	}
	settle(m)
	if text := overlayText(cf.win); strings.Contains(text, "Bezig met") {
		t.Errorf("after erasing the window still says %q", text)
	}
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

// TestEraseSaysWhichLetterIsStillDue: erasing a withdrawn complaint whose withdrawal was not
// yet confirmed in writing takes the address that letter needs; the dialog says so before the
// practitioner confirms, and says nothing of the kind once the letter went out.
func TestEraseSaysWhichLetterIsStillDue(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	if err := s.Withdraw(ref, data.Date{}, ""); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(cf.privacy.erase)
	want := "Nog te doen: Intrekking schriftelijk bevestigen. Na het wissen kan voor deze klacht geen brief meer worden gemaakt: maak en verstuur die brief eerst."
	if text := overlayText(cf.win); !strings.Contains(text, want) {
		t.Errorf("the erase dialog says %q, want %q", text, want)
	}
	cf.win.Canvas().Overlays().Top().Hide()

	// A file with nothing due: no such line.
	other := addWithdrawnIn2024(t, s, "Zoë van 't Hoff")
	cf = m.OpenComplaint(other, "")
	settle(m)
	test.Tap(cf.privacy.erase)
	if text := overlayText(cf.win); strings.Contains(text, "Nog te doen") || !strings.Contains(text, "Dit kan niet ongedaan") {
		t.Errorf("the erase dialog of a file with nothing due says %q", text)
	}
}

// TestPrivacyTabSaysUntilWhen: a withdrawn or closed file's privacy tab names the day its
// retention period ends, counted from the withdrawal, or says that it has ended and where to
// anonymise it; it said only "until the retention period after closing ends".
func TestPrivacyTabSaysUntilWhen(t *testing.T) {
	m, s := newApp(t)
	ref := addWithdrawnIn2024(t, s, "Zoë van 't Hoff") // withdrawn on 10 January 2024
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if want := "De bewaartermijn van deze klacht is op 10 januari 2026 verstreken: anonimiseer het dossier onder Bewaartermijn"; !strings.HasPrefix(cf.privacy.state.Text, want) {
		t.Errorf("past retention the tab says %q, want %q", cf.privacy.state.Text, want)
	}
	if err := s.SetSettings(map[string]string{data.KeyRetentionYears: "5"}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if want := "De persoonsgegevens van deze klacht worden bewaard tot 10 januari 2029, het einde van de bewaartermijn"; !strings.HasPrefix(cf.privacy.state.Text, want) {
		t.Errorf("within retention the tab says %q, want %q", cf.privacy.state.Text, want)
	}
}

// TestErasingAResolvedFileSaysFirstToCloseIt: a resolved file not yet closed cannot be erased
// (the store refuses it); the privacy tab says so beside the button, which it disables, instead
// of refusing after the reason was typed. Closed, the button is offered.
func TestErasingAResolvedFileSaysFirstToCloseIt(t *testing.T) {
	m, s := newApp(t)
	ref := outcomeSent(t, s)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if p := cf.privacy; !p.erase.Disabled() || !p.eraseWhy.Visible() || !strings.Contains(p.eraseWhy.Text, "sluit het eerst") {
		t.Errorf("resolved: erase disabled %v, why %q", p.erase.Disabled(), p.eraseWhy.Text)
	}
	if err := s.CloseComplaint(ref); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if p := cf.privacy; p.erase.Disabled() || p.eraseWhy.Visible() {
		t.Errorf("closed: erase disabled %v, why %q", p.erase.Disabled(), p.eraseWhy.Text)
	}
}
