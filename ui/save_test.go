package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// tapInTop taps the button with the given text in the top dialog of win.
func tapInTop(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(win.Canvas().Overlays().Top()) {
		if b, ok := asButton(o); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog %q", text, overlayText(win))
}

// TestSaveAsNeverReplacesTheRegisterAndAsksBeforeReplacing: choosing the register itself in
// "Opslaan als" is refused and leaves it intact; an existing file is replaced only after the
// practitioner confirms.
func TestSaveAsNeverReplacesTheRegisterAndAsksBeforeReplacing(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	win := m.win
	saveFolder = filepath.Dir(s.Path())
	t.Cleanup(func() { saveFolder = "" })

	saveAs(win, s, filepath.Base(s.Path()), ".db", []byte("%PDF-1.4 jaarverslag")).Submit()
	if text := overlayText(win); !strings.Contains(text, "het register zelf") {
		t.Fatalf("saving over the register shows %q", text)
	}
	if _, err := s.Complaint(ref); err != nil {
		t.Fatalf("the register lost its complaint: %v", err)
	}

	target := filepath.Join(saveFolder, "jaarverslag.pdf")
	if err := os.WriteFile(target, []byte("vorige versie"), 0o600); err != nil {
		t.Fatal(err)
	}
	saveAs(win, s, "jaarverslag", ".pdf", []byte("nieuwe versie")).Submit()
	if text := overlayText(win); !strings.Contains(text, "bestaat al") {
		t.Fatalf("saving over an existing file asks %q", text)
	}
	tapInTop(t, win, "Nee")
	if b, _ := os.ReadFile(target); string(b) != "vorige versie" {
		t.Fatalf("replaced without confirmation: %q", b)
	}
	saveAs(win, s, "jaarverslag", ".pdf", []byte("nieuwe versie")).Submit()
	tapInTop(t, win, "Ja")
	if b, _ := os.ReadFile(target); string(b) != "nieuwe versie" {
		t.Fatalf("after confirming the file holds %q", b)
	}
	if text := overlayText(win); !strings.Contains(text, "Opgeslagen als jaarverslag.pdf in de map "+saveFolder) {
		t.Errorf("after saving the window shows %q", text)
	}
	tapInTop(t, win, "Map openen") // opens the folder in the file manager
}

// TestTheAppShowsWhatAnotherProgramRecorded: a complaint added by another process (here a
// second Store on the same file, as the CLI opens it) appears without any action in the app.
func TestTheAppShowsWhatAnotherProgramRecorded(t *testing.T) {
	m, s := newApp(t)
	stop := watchChanges(func() *Main { return m }, nil, 20*time.Millisecond)
	defer stop()
	time.Sleep(100 * time.Millisecond) // the watcher takes note of the register as it is
	settle(m)

	cli, err := data.OpenExisting(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	addComplaint(t, cli, "Zoë van 't Hoff")
	cli.Close()
	deadline := time.Now().Add(5 * time.Second)
	for m.Register.rows != 1 && time.Now().Before(deadline) {
		select {
		case f := <-delivered:
			f()
			settle(m)
		case <-time.After(50 * time.Millisecond):
		}
	}
	if m.Register.rows != 1 {
		t.Fatalf("the register shows %d rows 5 s after another program added a complaint, want 1", m.Register.rows)
	}
}

// TestWatchersStopWhileTheAppQuits: while the app quits, Fyne hands back a function given to
// the UI goroutine without running it. The watchers of changes and deadlines then stop, where
// they crashed the exit before, which skipped removing the opened copies and writing the anchor.
func TestWatchersStopWhileTheAppQuits(t *testing.T) {
	m, _ := newApp(t)
	onMain = func(func()) {} // as Fyne does once its queue is drained
	t.Cleanup(func() { onMain = fyne.DoAndWait })
	stop := watchChanges(func() *Main { return m }, nil, time.Millisecond)
	defer stop()
	watchDeadlines(fyne.CurrentApp(), func() *Main { return m })
	time.Sleep(50 * time.Millisecond) // a crash in either goroutine ends the test binary
}

// TestADialogFitsItsWrappedNote: a dialog with a note of several lines is as tall as its
// fields once they have their width; the note's height was measured before, at a narrow
// width, and left a gap above the buttons.
func TestADialogFitsItsWrappedNote(t *testing.T) {
	m, s := newApp(t)
	m.win.Resize(fyne.NewSize(1100, 760))
	note := strings.Repeat("Controleer vóór het verzenden de bijlagen op persoonsgegevens van anderen. ", 5)
	d := saveAs(m.win, s, "inzage", ".zip", []byte("x"), note)
	if gap := d.scroll.Size().Height - d.form.MinSize().Height; gap > 1 {
		t.Errorf("the dialog's fields have %.0f px more than they need", gap)
	}
}

// TestNotOpenedOffersToSave: a document that no program could show is offered to be saved
// from the message itself; the calibration page said to use a Save as… it does not have. A
// folder or an e-mail draft that could not be opened gets no such offer.
func TestNotOpenedOffersToSave(t *testing.T) {
	test.NewTempApp(t)
	inLanguage(t, "nl")
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(800, 600))
	saved := false
	showOpenError(os.ErrNotExist, win, func() { saved = true })
	if text := overlayText(win); !strings.Contains(text, "Sla een kopie op") || strings.Contains(text, "“Opslaan als…”") {
		t.Errorf("the message reads %q", text)
	}
	tapInTop(t, win, "Opslaan als…")
	if !saved {
		t.Error("Opslaan als… in the message saved nothing")
	}
	showOpenError(os.ErrNotExist, win, nil)
	if text := overlayText(win); strings.Contains(text, "Sla een kopie op") || strings.Contains(text, "Opslaan als") {
		t.Errorf("a folder not opened is offered a save: %q", text)
	}
}

// TestClosingAsksAboutUnsavedSettings: settings changed and not saved are asked about when the
// program closes (closing dropped them without a word): Annuleren stays, Opslaan en sluiten
// saves them and closes.
func TestClosingAsksAboutUnsavedSettings(t *testing.T) {
	m, s := newApp(t)
	st := m.Settings
	st.entries[data.KeyPracticeName].SetText("Praktijk Het Anker")
	if !st.changed() {
		t.Fatal("a typed practice name does not count as a change")
	}
	closed := false
	st.askBeforeClosing(func() { closed = true })
	tapInTop(t, m.win, "Annuleren")
	if closed {
		t.Error("Annuleren closed the program")
	}
	st.askBeforeClosing(func() { closed = true })
	tapInTop(t, m.win, "Opslaan en sluiten")
	settle(m)
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if !closed || set.PracticeName() != "Praktijk Het Anker" || st.changed() {
		t.Errorf("after Opslaan en sluiten: closed %v, practice name %q, still changed %v", closed, set.PracticeName(), st.changed())
	}
}

// TestSameSectorAgainKeepsTheBody: choosing the sector already chosen (Fyne's list reports
// it too) leaves the practice's filled-in disputes body alone; it went back to the placeholder.
func TestSameSectorAgainKeepsTheBody(t *testing.T) {
	m, s := newApp(t)
	st := m.Settings
	filled := data.DisputesBodyNaming(data.ProfessionCare, "de Geschilleninstantie Zorg")
	if err := s.SetSettings(map[string]string{data.KeyProfession: data.ProfessionCare}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(map[string]string{data.KeyDisputesBody: filled}); err != nil {
		t.Fatal(err)
	}
	st.refresh()
	settle(m)
	st.selects[data.KeyProfession].SetSelectedIndex(slices.Index(data.Professions, data.ProfessionCare))
	if body := st.values()[data.KeyDisputesBody]; body != filled || st.changed() {
		t.Errorf("care chosen again: the body is %q (changed %v)", body, st.changed())
	}
}

// TestCareSectorChoosesTheWkkgzTerm: choosing the care sector chooses the Wkkgz's six weeks
// while the term is the default month (it changed the letter text but left the month), and
// leaving the sector goes back; a stored combination is shown as it is.
func TestCareSectorChoosesTheWkkgzTerm(t *testing.T) {
	m, s := newApp(t)
	st := m.Settings
	sector, policy := st.selects[data.KeyProfession], st.selects[data.KeyDeadlinePolicy]
	term := func() string { return data.Policies[policy.SelectedIndex()] }
	if err := s.SetSettings(map[string]string{data.KeyProfession: data.ProfessionCare, data.KeyDeadlinePolicy: data.PolicyMonth}); err != nil {
		t.Fatal(err)
	}
	st.refresh()
	settle(m)
	if term() != data.PolicyMonth || st.changed() {
		t.Errorf("a stored care practice with a month's term shows %s (changed %v)", term(), st.changed())
	}
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionLegal))
	if term() != data.PolicyMonth {
		t.Errorf("leaving the care sector with a month's term changed it to %s", term())
	}
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionCare))
	if term() != data.PolicyWkkgz {
		t.Errorf("the care sector left the term at %s", term())
	}
	if !strings.Contains(st.problem.Text, "De afhandeltermijn wordt “Wkkgz: 6 weken") || !strings.Contains(st.problem.Text, "was “Eén kalendermaand") {
		t.Errorf("the term that followed the sector is not said: %q", st.problem.Text)
	}
	// Its text names the disputes body by a placeholder: saved all the same, and said.
	if !strings.HasPrefix(st.problem.Text, "Vervang [naam geschilleninstantie] in ‘Vervolgstap na de uitkomst") || st.save.Disabled() ||
		st.problem.Importance != widget.WarningImportance {
		t.Errorf("the care sector's text with its placeholder: %q, save disabled %v, importance %v (want a note's, not a refusal's)",
			st.problem.Text, st.save.Disabled(), st.problem.Importance)
	}
	st.entries[data.KeyRetentionYears].SetText("x") // refused: in a refusal's colour
	if st.problem.Importance != widget.DangerImportance || !st.save.Disabled() {
		t.Errorf("a refused value: %q in importance %v, save disabled %v", st.problem.Text, st.problem.Importance, st.save.Disabled())
	}
	st.entries[data.KeyRetentionYears].SetText(st.current[data.KeyRetentionYears])
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionAccountancy))
	if term() != data.PolicyMonth {
		t.Errorf("leaving the care sector left the term at %s", term())
	}
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionCare))
	policy.SetSelectedIndex(slices.Index(data.Policies, data.Policy8Weeks)) // longer than the Wkkgz allows: said, not refused
	if !strings.Contains(st.problem.Text, "De Wkkgz vraagt een zorgaanbieder binnen zes weken") || st.save.Disabled() {
		t.Errorf("care with eight weeks: %q, save disabled %v", st.problem.Text, st.save.Disabled())
	}
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionAccountancy))
	policy.SetSelectedIndex(slices.Index(data.Policies, data.PolicyWkkgz)) // chosen on purpose
	sector.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionLegal))
	if term() != data.PolicyWkkgz {
		t.Errorf("a move between two other sectors changed the term to %s", term())
	}
}

// TestRetentionReviewWaitsForTheSavedPeriod: the review of files past the retention period
// uses the period as saved; with another typed and not saved, it says so instead of showing
// the files for the old one.
func TestRetentionReviewWaitsForTheSavedPeriod(t *testing.T) {
	m, _ := newApp(t)
	st := m.Settings
	st.entries[data.KeyRetentionYears].SetText("1")
	st.onReview()
	if text := overlayText(m.win); !strings.Contains(text, "Sla de instellingen eerst op") || m.retention != nil {
		t.Errorf("with an unsaved period the review says %q (opened %v)", text, m.retention != nil)
	}
}

// TestQuittingAsksAboutUnsavedForms: a new complaint half typed and details changed in an
// open file were thrown away without a word by Bestand › Afsluiten (and the details by the
// file window's close button). Now quitting names them and stays on Annuleren; the file's
// window offers to save them.
func TestQuittingAsksAboutUnsavedForms(t *testing.T) {
	m, s := newApp(t)
	quit := false
	m.askBeforeQuitting(func() { quit = true })
	if !quit || m.win.Canvas().Overlays().Top() != nil {
		t.Fatal("with nothing typed, quitting asked or did not quit")
	}
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Type(m.Intake.form.name, "Jan Pietersen")
	cf.form.name.SetText("Hanna Jansen-de Vries")
	quit = false
	m.askBeforeQuitting(func() { quit = true })
	want := "U hebt de nieuwe klacht en de gegevens van " + ref + " nog niet opgeslagen."
	if text := overlayText(m.win); quit || !strings.Contains(text, want) {
		t.Fatalf("quitting with both unsaved: quit %v, the question reads %q; want %q", quit, text, want)
	}
	tapInTop(t, m.win, "Annuleren")
	if quit || m.Intake.form.name.Text != "Jan Pietersen" {
		t.Fatalf("Annuleren: quit %v, the new complaint's name %q", quit, m.Intake.form.name.Text)
	}
	cf.askBeforeClosing()
	if text := overlayText(cf.win); !strings.Contains(text, "U hebt de gegevens van "+ref+" gewijzigd zonder ze op te slaan") {
		t.Fatalf("closing the file's window asks %q", text)
	}
	tapInTop(t, cf.win, "Opslaan en sluiten")
	settle(m)
	if f, err := s.File(ref); err != nil || f.Complaint.Complainant.Name != "Hanna Jansen-de Vries" {
		t.Fatalf("Opslaan en sluiten stored %q (%v)", f.Complaint.Complainant.Name, err)
	}
	if _, open := m.files[ref]; open {
		t.Error("the file's window stayed open after Opslaan en sluiten")
	}
	m.askBeforeQuitting(func() { quit = true })
	if text := overlayText(m.win); !strings.Contains(text, "U hebt de nieuwe klacht nog niet opgeslagen") {
		t.Fatalf("with only the new complaint left: %q", text)
	}
	// A step dialog open in a file window, with an outcome half written, counts too.
	cf = m.OpenComplaint(ref, "")
	settle(m)
	cf.onContact(data.ContactPhone, false)
	m.Measures.edit(nil) // and a new measure begun on the Maatregelen screen
	m.askBeforeQuitting(func() { quit = true })
	if text := overlayText(m.win); !strings.Contains(text, "U hebt de nieuwe klacht, uw invoer in ‘Nieuwe verbetermaatregel’ en uw invoer in ‘Contactmoment vastleggen’ bij "+ref+" nog niet opgeslagen") {
		t.Fatalf("with a step dialog open: %q", text)
	}
	tapInTop(t, m.win, "Sluiten zonder opslaan")
	if !quit {
		t.Error("Sluiten zonder opslaan did not quit")
	}
}

// TestCSVWithNamesIsNamedAndWarned: the export with names got the anonymised one's name but
// for one word, and no word on what it holds; it is now "…-met-namen.csv" with a note on
// keeping it, and the anonymised one keeps its name without the note.
func TestCSVWithNamesIsNamedAndWarned(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Kees van der Meer")
	m.Report.refresh()
	settle(m)
	m.Report.onCSV()
	if text := overlayText(m.win); !strings.Contains(text, "klachtenregister-2026-geanonimiseerd.csv") || strings.Contains(text, "Bewaar het alleen") {
		t.Errorf("the anonymised export's dialog reads %q", text)
	}
	tapInTop(t, m.win, "Annuleren")
	m.Report.anonymised.SetChecked(false)
	m.Report.onCSV()
	if text := overlayText(m.win); !strings.Contains(text, "klachtenregister-2026-met-namen.csv") ||
		!strings.Contains(text, "bevat de namen, adressen en vrije teksten van de klagers. Bewaar het alleen waar niemand anders het kan lezen") {
		t.Errorf("the export with names' dialog reads %q", text)
	}
}

// TestLanguageSwitchKeepsWhatWasTyped: choosing another language rebuilds the screens; the new
// complaint half typed and the details changed in an open file were lost without a word.
func TestLanguageSwitchKeepsWhatWasTyped(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Type(m.Intake.form.name, "Jan Pietersen")
	m.Intake.formal.SetChecked(true)
	cf.form.name.SetText("Hanna Jansen-de Vries")
	inLanguage(t, "en")
	m.useLanguage("en")
	settle(m)
	in, file := m.Intake, m.files[ref]
	if in.form.name.Text != "Jan Pietersen" || !in.formal.Checked || !in.started() {
		t.Errorf("the new complaint after the switch: name %q, formal %v, started %v", in.form.name.Text, in.formal.Checked, in.started())
	}
	if file.form.name.Text != "Hanna Jansen-de Vries" || !file.unsaved() || file.save.Disabled() {
		t.Errorf("the file's details after the switch: name %q, unsaved %v, save disabled %v", file.form.name.Text, file.unsaved(), file.save.Disabled())
	}
	if got := m.unsaved(); len(got) != 2 {
		t.Errorf("unsaved after the switch: %q", got)
	}
	in.form.name.SetText("")
	in.formal.SetChecked(false)
	if in.started() {
		t.Error("a name typed and emptied again still counts as a complaint begun")
	}
}

// TestClosingAFileWithADialogOpenAsks: a contact note half written in a file window was lost
// when the window closed; closing asks now, and a closed window's dialogs are no longer kept.
func TestClosingAFileWithADialogOpenAsks(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onContact(data.ContactPhone, false)
	cf.askBeforeClosing()
	if text := overlayText(cf.win); !strings.Contains(text, "U hebt uw invoer in ‘Contactmoment vastleggen’ nog niet opgeslagen. Sluit u het venster nu") {
		t.Fatalf("closing with a step dialog open asks %q", text)
	}
	tapInTop(t, cf.win, "Sluiten zonder opslaan")
	settle(m)
	for d := range formDialogs {
		if d.win == cf.win {
			t.Error("the closed window's dialog is still kept")
		}
	}
}
