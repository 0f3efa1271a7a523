package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/data/demo"
	"klachtenregister/data/importer"
)

// inLanguage switches the screens to code for the rest of the test, and back to Dutch after.
func inLanguage(t *testing.T, code string) {
	t.Helper()
	if err := UseLanguage(code); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = UseLanguage("nl") })
}

// texts is every text shown in o: labels, buttons, tabs, rich text and list rows.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch w := x.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *container.AppTabs:
			for _, it := range w.Items {
				b.WriteString(it.Text + "\n")
			}
		case *container.DocTabs:
			for _, it := range w.Items {
				b.WriteString(it.Text + "\n")
			}
		}
	}
	return b.String()
}

func TestDataErrorAppearsInTheEnglishUI(t *testing.T) {
	m, s := newApp(t)
	inLanguage(t, "en")
	m.useLanguage("en")
	settle(m)
	in := m.Intake
	in.form.channel.SetSelectedIndex(1)
	in.form.subject.SetSelectedIndex(1)
	test.Type(in.form.summary, "Too late")
	in.form.name.SetText("")
	if !in.save.Disabled() || in.problem.Text != "Fill in the complainant's name." {
		t.Errorf("English intake without a name: save disabled %v, problem %q", in.save.Disabled(), in.problem.Text)
	}
	// A refusal with arguments: the date as the screens write it, the status in English.
	err := s.Update(data.Complaint{Reference: addComplaint(t, s, "Daan Mulder"), ReceivedOn: data.NewDate(2026, 12, 31),
		Complainant: data.Complainant{Name: "Daan Mulder"}, Channel: data.ChannelLetter, Subject: data.SubjectService, Summary: "x"})
	if got := explain(err); got != "The date of receipt (31-12-2026) lies in the future; fill in the day the complaint came in." {
		t.Errorf("explain = %q", got)
	}
	// A setting's refusal names the setting in English, around the check's own English words.
	if _, err := data.CheckSetting(data.KeyCustomDays, "abc"); !strings.HasPrefix(problemText(err), "Custom deadline (days): fill in a whole number from ") {
		t.Errorf("setting refusal: %q", problemText(err))
	}
	if got := err.Error(); !strings.Contains(got, "ligt in de toekomst") {
		t.Errorf("the CLI's text is no longer Dutch: %q", got)
	}
}

func TestLanguageSwitchesWithoutRestart(t *testing.T) {
	m, s := newApp(t)
	t.Cleanup(func() { _ = UseLanguage("nl") })
	ref := addComplaint(t, s, "Mehmet Çelik")
	m.OpenComplaint(ref, "")
	settle(m)
	m.files[ref].tabs.Select(m.files[ref].tab("timeline"))
	if got := texts(m.win.Content()); !strings.Contains(got, "Vandaag") || strings.Contains(got, "Today") {
		t.Fatalf("the Dutch main window shows:\n%s", got)
	}
	m.tabs.SelectIndex(len(m.tabs.Items) - 1)                // Settings
	m.Settings.selects[data.KeyLanguage].SetSelectedIndex(1) // English, on the General tab
	test.Tap(m.Settings.save)
	settle(m)
	main := texts(m.win.Content())
	for _, want := range []string{"Today", "Register", "New complaint", "Settings", "General", "Save settings"} {
		if !strings.Contains(main, want) {
			t.Errorf("after switching to English the main window lacks %q:\n%s", want, main)
		}
	}
	if strings.Contains(main, "Vandaag") || strings.Contains(main, "Instellingen") {
		t.Errorf("Dutch left in the main window after switching:\n%s", main)
	}
	if m.tabs.Selected().Text != "Settings" {
		t.Errorf("after switching the window shows %q, want the settings still", m.tabs.Selected().Text)
	}
	if got := m.files[ref].tabs.Selected().Text; got != "Timeline" {
		t.Errorf("after switching the complaint file shows %q, want the timeline still", got)
	}
	file := texts(m.files[ref].win.Content())
	if !strings.Contains(file, "Timeline") || strings.Contains(file, "Tijdlijn") {
		t.Errorf("the open complaint file is not in English:\n%s", file)
	}
	if set, _ := s.Settings(); set.Language() != "en" {
		t.Errorf("language setting = %q", set.Language())
	}
	// and back, without English left behind in the names data gives
	m.Settings.selects[data.KeyLanguage].SetSelectedIndex(0)
	test.Tap(m.Settings.save)
	settle(m)
	if got := texts(m.win.Content()); !strings.Contains(got, "Vandaag") || strings.Contains(got, "Today") {
		t.Errorf("after switching back the main window shows:\n%s", got)
	}
	if statusLabel(data.StatusReceived) != data.StatusReceived.Label() {
		t.Errorf("status after switching back: %q", statusLabel(data.StatusReceived))
	}
}

func TestTimelineNamesFieldsAndVerdictInTheScreensLanguage(t *testing.T) {
	_, s := newApp(t)
	ref := addComplaint(t, s, "Fatima El Amrani")
	c, err := s.Complaint(ref)
	if err != nil {
		t.Fatal(err)
	}
	c.Complainant.AddressLine1 = "Dorpsstraat 1"
	l, err := s.SaveLetter(ref, data.LetterAcknowledgement, "nl", []byte("%PDF-1.4\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{s.Update(*c), s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost),
		s.Resolve(ref, data.Resolution{Verdict: data.VerdictPartlyWellFounded, Outcome: "Excuses.", NoHearingReason: "niet nodig"})} {
		if err != nil {
			t.Fatal(err)
		}
	}
	evs, err := s.Timeline(ref)
	if err != nil {
		t.Fatal(err)
	}
	timeline := func() string {
		var b strings.Builder
		for _, e := range evs {
			b.WriteString(say(e.Describe()) + "\n")
		}
		return b.String()
	}
	nl := timeline()
	for _, want := range []string{"Gegevens gewijzigd: adres\n", "oordeel: deels gegrond; uitkomst: Excuses.", "ontvangst bevestigd op 30-11-2026",
		"Contactmoment (brief): Ontvangstbevestiging (versie 1) per post verstuurd"} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch timeline lacks %q:\n%s", want, nl)
		}
	}
	inLanguage(t, "en")
	en := timeline()
	for _, want := range []string{"Details changed: address\n", "verdict: partly well-founded; outcome: Excuses.",
		"receipt confirmed on 30-11-2026", "Status from received to receipt confirmed",
		"Contact (letter): Acknowledgement of receipt (version 1) sent by post"} {
		if !strings.Contains(en, want) {
			t.Errorf("English timeline lacks %q:\n%s", want, en)
		}
	}
	if iso := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(nl + en); iso != "" {
		t.Errorf("the timeline shows the ISO date %s instead of the screens' date format", iso)
	}
	// The CLI keeps the Dutch, as it was.
	if d := evs[len(evs)-1].Describe().String(); !strings.Contains(d, "oordeel: deels gegrond") {
		t.Errorf("CLI timeline: %q", d)
	}
}

func TestCountsSayOneComplaint(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Daan Mulder")
	m.refresh()
	settle(m)
	if m.Register.total.Text != "1 klacht" {
		t.Errorf("register total = %q, want 1 klacht", m.Register.total.Text)
	}
	inLanguage(t, "en")
	m.useLanguage("en")
	settle(m)
	if m.Register.total.Text != "1 complaint" {
		t.Errorf("register total = %q, want 1 complaint", m.Register.total.Text)
	}
	addComplaint(t, s, "Zoë de Vries")
	m.refresh()
	settle(m)
	if m.Register.total.Text != "2 complaints" {
		t.Errorf("register total = %q, want 2 complaints", m.Register.total.Text)
	}
}

func TestLetterFileNamesAndSelectsInTheScreensLanguage(t *testing.T) {
	newApp(t)
	l := data.Letter{Reference: "K-2026-0001", Kind: data.LetterAcknowledgement, Version: 1}
	if got := fileName(l); got != "ontvangstbevestiging-K-2026-0001-v1.pdf" {
		t.Errorf("Dutch file name %q", got)
	}
	if got := newSelect(nil, nil).PlaceHolder; got != "(maak een keuze)" {
		t.Errorf("Dutch select placeholder %q", got)
	}
	inLanguage(t, "en")
	if got := fileName(l); got != "acknowledgement-of-receipt-K-2026-0001-v1.pdf" {
		t.Errorf("English file name %q", got)
	}
	// Fyne's own placeholder "(Select one)" has no translation: every select comes from newSelect.
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		if !strings.HasSuffix(f, "_test.go") && f != "entry.go" && strings.Contains(string(src), "widget.NewSelect(") {
			t.Errorf("%s makes a select with widget.NewSelect; use newSelect, whose placeholder is translated", f)
		}
	}
}

// The backup's failures come from the disk, not from the practitioner's input; they are
// said in the screens' language all the same, and in Dutch on the CLI.
func TestBackupFailureInTheEnglishUI(t *testing.T) {
	m, s := newApp(t)
	notAFolder := filepath.Join(t.TempDir(), "bestand")
	if err := s.SetSettings(map[string]string{data.KeyBackupDir: filepath.Join(notAFolder, "kopieën")}); err != nil {
		t.Fatal(err)
	}
	// Saved while it could be made (the settings refuse one that cannot); then its place is taken.
	if err := os.RemoveAll(notAFolder); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notAFolder, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.AutoBackup(false)
	if err == nil || !strings.HasPrefix(err.Error(), "de map voor reservekopieën ") {
		t.Fatalf("CLI text: %v", err)
	}
	inLanguage(t, "en")
	m.useLanguage("en")
	if got := backupFailedText(err); !strings.Contains(got, "The backup folder ") || strings.Contains(got, "reservekopie") {
		t.Errorf("English backup failure: %q", got)
	}
}

// The consent and the documents shared list letters and attachments in the screens'
// language; the register keeps them in Dutch (Consent.Scope) for the CLI and the letters.
func TestConsentDocumentsInTheScreensLanguage(t *testing.T) {
	f := &data.File{
		Letters:     []data.Letter{{ID: 4, Kind: data.LetterAcknowledgement, Version: 1}},
		Attachments: []data.Attachment{{ID: 2, Name: "klachtbrief.pdf"}},
		Consents: []data.Consent{
			{GivenOn: data.NewDate(2026, 11, 2), How: "per brief", Scope: "brief 4 (ontvangstbevestiging, versie 1), bijlage 2 (klachtbrief.pdf)",
				Documents: data.Documents{Letters: []int64{4}, Attachments: []int64{2}}},
			{GivenOn: data.NewDate(2026, 11, 3), How: "per brief", Scope: "alle stukken uit het klachtdossier", Documents: data.Documents{All: true}}},
		Shares: []data.Share{{SharedOn: data.NewDate(2026, 11, 4), ExpertName: "Dr. Smit", Documents: "bijlage 2 (klachtbrief.pdf)", Attachments: []int64{2}}},
	}
	inLanguage(t, "en")
	en := strings.Join(expertRows(f), "\n")
	for _, want := range []string{"for: letter 4 (acknowledgement of receipt, version 1), attachment 2 (klachtbrief.pdf)",
		"for: all documents in the complaint file", "shared with Dr. Smit: attachment 2 (klachtbrief.pdf)"} {
		if !strings.Contains(en, want) {
			t.Errorf("English expert rows lack %q:\n%s", want, en)
		}
	}
	inLanguage(t, "nl")
	nl := strings.Join(expertRows(f), "\n")
	for _, want := range []string{"brief 4 (ontvangstbevestiging, versie 1), bijlage 2 (klachtbrief.pdf)", "alle stukken uit het klachtdossier"} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch expert rows lack %q:\n%s", want, nl)
		}
	}
}

// Every open window follows a language switch: the retention review keeps the files ticked,
// the import wizard stays on its step with its choices.
func TestLanguageSwitchRebuildsEveryWindow(t *testing.T) {
	m, _ := newApp(t)
	t.Cleanup(func() { _ = UseLanguage("nl") })
	r := m.ShowRetention()
	w := m.ShowImport()
	content, err := os.ReadFile(filepath.Join("..", "data", "importer", "testdata", "register.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	w.Load("register.xlsx", content)
	w.Selects[10].SetSelected(importer.Description.Label())
	settle(m)
	r.picked["K-2020-0001"] = true
	m.useLanguage("en")
	if m.retention == nil || m.retention == r || !m.retention.picked["K-2020-0001"] { // before the reload drops the unknown file
		t.Fatalf("retention review after the switch: %+v", m.retention)
	}
	settle(m)
	review := texts(m.retention.win.Content())
	if !strings.Contains(review, "Anonymise the chosen files…") || strings.Contains(review, "anonimiseren") {
		t.Errorf("the retention review is not in English:\n%s", review)
	}
	if got := m.retention.win.Title(); got != "Retention period" {
		t.Errorf("retention window title %q", got)
	}
	wizard := texts(w.win.Content())
	if !strings.Contains(wizard, "Step 2 of 5: match the columns") || strings.Contains(wizard, "Stap") {
		t.Errorf("the import wizard is not in English on its step:\n%s", wizard)
	}
	if got := w.Selects[10].Selected; got != tr("import."+string(importer.Description), importer.Description.Label()) || got == importer.Description.Label() {
		t.Errorf("the wizard's choice after the switch: %q", got)
	}
	if got := w.win.Title(); got != "Import a register" {
		t.Errorf("wizard window title %q", got)
	}
	menu := m.win.MainMenu()
	if last := menu.Items[len(menu.Items)-1]; menu.Items[0].Label != "File" || last.Label != "Help" || last.Items[len(last.Items)-1].Label != "About Klachtenregister" {
		t.Errorf("the menu after the switch: %q, %q", menu.Items[0].Label, last.Items[len(last.Items)-1].Label)
	}
	menuItem(t, m.win, "Help", "About Klachtenregister").Action()
	if about := overlayText(m.win); !strings.Contains(about, "Last good backup") || !strings.Contains(about, "Audit trail") || strings.Contains(about, "Versie") {
		t.Errorf("Help › About after the switch:\n%s", about)
	}
	// A closed wizard is not rebuilt.
	w.win.Close()
	m.useLanguage("nl")
	if len(m.imports) != 0 {
		t.Errorf("%d wizards kept after closing", len(m.imports))
	}
}

// A letter's sentence shown beside a field keeps the letter's language, and what is said
// around it is in the screens' language: "In the letters: ‘Hartelijk dank voor …’".
func TestLetterSentencePreviewSaysWhereInTheScreensLanguage(t *testing.T) {
	m, _ := newApp(t)
	inLanguage(t, "en")
	m.useLanguage("en")
	f := m.Intake.form
	test.Type(f.summary, "Te laat.")
	if got := f.preview.Text; !strings.HasPrefix(got, "In the letters: ‘Hartelijk dank voor uw klacht") {
		t.Errorf("English screens, Dutch letter: preview %q", got)
	}
	// The letter texts are headed with their language in the screens' language.
	if got := texts(m.Settings.letterTexts()); !strings.Contains(got, "Acknowledgement of receipt (Dutch)") || strings.Contains(got, "Nederlands") {
		t.Errorf("letter text headings:\n%s", got)
	}
	inLanguage(t, "nl")
	m.useLanguage("nl")
	test.Type(m.Intake.form.summary, "Te laat.")
	if got := m.Intake.form.preview.Text; !strings.HasPrefix(got, "In de brieven: ‘Hartelijk dank") {
		t.Errorf("Dutch preview %q", got)
	}
}

// On an English register the new-complaint form previews the letters' sentence in English
// while no language is chosen, as the complaint is then stored; a language chosen wins.
func TestIntakePreviewsTheLettersInThePracticesLanguage(t *testing.T) {
	m, s := openApp(t, map[string]string{"language": "en"})
	inLanguage(t, "en")
	m.useLanguage("en")
	f := m.Intake.form
	test.Type(f.summary, "Too late.")
	if got := f.preview.Text; !strings.Contains(got, "‘Thank you for your complaint of") {
		t.Errorf("English register, no language chosen: preview %q", got)
	}
	f.language.SetSelectedIndex(0) // Dutch
	if got := f.preview.Text; !strings.Contains(got, "‘Hartelijk dank voor uw klacht") {
		t.Errorf("Dutch chosen: preview %q", got)
	}
	// Back to Dutch: the form the switch builds anew previews in Dutch again.
	if err := s.SetSettings(map[string]string{"language": "nl"}); err != nil {
		t.Fatal(err)
	}
	inLanguage(t, "nl")
	m.useLanguage("nl")
	test.Type(m.Intake.form.summary, "Te laat.")
	if got := m.Intake.form.preview.Text; !strings.Contains(got, "‘Hartelijk dank voor uw klacht") {
		t.Errorf("Dutch register: preview %q", got)
	}
}

// The timeline names the documents consented to and shared in the screens' language.
func TestTimelineNamesSharedDocumentsInTheScreensLanguage(t *testing.T) {
	_, s := newApp(t)
	ref := sharedWithExpert(t, s)
	timeline := func() string { return timelineText(t, s, ref) }
	inLanguage(t, "en")
	en := timeline()
	for _, want := range []string{"Consent for an external expert recorded: attachment 1 (klachtbrief.pdf)",
		": attachment 1 (klachtbrief.pdf)\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("English timeline lacks %q:\n%s", want, en)
		}
	}
	if strings.Contains(en, "bijlage") {
		t.Errorf("Dutch left in the English timeline:\n%s", en)
	}
	// An event written before the documents were stored as a text names them by id.
	old := data.Event{Kind: "documents_shared", Payload: []byte(`{"expert":"Dr. Smit","documents":"brief 53 (ontvangstbevestiging, versie 1)","letters":[53],"attachments":[2]}`)}
	if got := say(old.Describe()); got != "Documents shared with Dr. Smit: letter 53, attachment 2" {
		t.Errorf("older event in English: %q", got)
	}
	inLanguage(t, "nl")
	if nl := timeline(); !strings.Contains(nl, "Toestemming externe deskundige vastgelegd: bijlage 1 (klachtbrief.pdf)") {
		t.Errorf("Dutch timeline:\n%s", nl)
	}
}

// A step refused by the lifecycle says why in words; the names the CLI's commands use
// ("resolved", "close") stay on the CLI.
func TestRefusedStepShowsNoInternalNames(t *testing.T) {
	_, err := data.Next("K-2026-0016", data.StatusResolved, data.ActionExtend)
	if cli := err.Error(); !strings.Contains(cli, `"afgehandeld" (resolved)`) || !strings.Contains(cli, "dossier sluiten (close)") {
		t.Fatalf("the CLI lost its names: %q", cli)
	}
	for _, code := range []string{"nl", "en"} {
		inLanguage(t, code)
		got := explain(err)
		if strings.Contains(got, "(resolved)") || strings.Contains(got, "(close)") || strings.Contains(got, "()") {
			t.Errorf("%s: %q shows internal names", code, got)
		}
	}
	if got := explain(err); got != `Complaint K-2026-0016 has been resolved already; this step belongs to a complaint still being handled.` {
		t.Errorf("English: %q", got)
	}
}

// An anonymised file's timeline names its erased events and the program's own reason in the
// screens' language, never by their internal names ("contact_added").
func TestAnonymisedTimelineInTheScreensLanguage(t *testing.T) {
	_, s := newApp(t)
	ref := addComplaint(t, s, "Noor Bakker")
	if err := s.Withdraw(ref, data.Date{}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Anonymise([]string{ref}, data.RetentionReason); err != nil {
		t.Fatal(err)
	}
	timeline := func() string { return timelineText(t, s, ref) }
	inLanguage(t, "en")
	en := timeline()
	for _, want := range []string{"Complaint registered (content erased)\n", "Personal data removed (anonymised): retention period passed\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("English timeline lacks %q:\n%s", want, en)
		}
	}
	if internal := regexp.MustCompile(`[a-z]+_[a-z]+`).FindString(en); internal != "" {
		t.Errorf("the timeline shows the internal name %q:\n%s", internal, en)
	}
	inLanguage(t, "nl")
	if nl := timeline(); !strings.Contains(nl, "Klacht geregistreerd (inhoud gewist)\n") || !strings.Contains(nl, ": bewaartermijn verstreken\n") {
		t.Errorf("Dutch timeline:\n%s", nl)
	}
}

// Every timeline of a demo register, in both languages, is free of internal names
// (status_changed, partly_well_founded) and ISO dates, which the screens write as 31-12-2026.
func TestDemoTimelinesShowNoInternalWords(t *testing.T) {
	_, s := newApp(t)
	if err := demo.Fill(s, 40, 1, nil); err != nil {
		t.Fatal(err)
	}
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != 40 {
		t.Fatalf("listed %d complaints: %v", len(listed), err)
	}
	internal := regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|\b\d{4}-\d{2}-\d{2}\b`)
	for _, code := range []string{"nl", "en"} {
		inLanguage(t, code)
		for _, c := range listed {
			evs, err := s.Timeline(c.Reference)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range evs {
				if line := say(e.Describe()); internal.MatchString(line) {
					t.Errorf("%s, %s: %q shows %q", code, c.Reference, line, internal.FindString(line))
				}
			}
		}
	}
}

// An imported complaint's file says where it came from in the screens' language.
func TestImportNoteInTheScreensLanguage(t *testing.T) {
	m, s := newApp(t)
	content, err := os.ReadFile(filepath.Join("..", "data", "importer", "testdata", "register.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := importer.Read("register.xlsx", content)
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Build(sheet, importer.Guess(sheet.Header), s.Prepare)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(p.File(), nil); err != nil {
		t.Fatal(err)
	}
	inLanguage(t, "en")
	m.useLanguage("en")
	cf := m.OpenComplaint("K-2019-0001", "")
	settle(m)
	if got := cf.title.Text; !strings.HasSuffix(got, " · Imported from register.xlsx, line 2 (reference there: 2019/001)") {
		t.Errorf("English header of an imported complaint: %q", got)
	}
}

// Every main screen and every tab of the complaint files of a demo register, in both
// languages, is free of internal names (address_line1, partly_well_founded) and ISO dates.
func TestScreensShowNoInternalWords(t *testing.T) {
	m, s := newApp(t)
	if err := demo.Fill(s, 40, 1, nil); err != nil {
		t.Fatal(err)
	}
	listed, err := s.List(data.Filter{Limit: 12})
	if err != nil {
		t.Fatal(err)
	}
	internal := regexp.MustCompile(`\b[a-z]+_[a-z_]+\b|\b\d{4}-\d{2}-\d{2}\b`)
	check := func(where, shown string) {
		t.Helper()
		if w := internal.FindString(shown); w != "" {
			t.Errorf("%s shows %q:\n%s", where, w, shown)
		}
	}
	for _, code := range []string{"nl", "en"} {
		inLanguage(t, code)
		m.useLanguage(code)
		settle(m)
		for i := range m.tabs.Items {
			m.tabs.SelectIndex(i)
			m.refresh()
			settle(m)
			check(code+" "+m.tabs.Items[i].Text, texts(m.win.Content()))
		}
		for _, c := range listed {
			cf := m.OpenComplaint(c.Reference, "")
			settle(m)
			for i := range cf.tabs.Items {
				cf.tabs.SelectIndex(i)
				check(code+" "+c.Reference+" "+cf.tabs.Items[i].Text, texts(cf.win.Content()))
			}
		}
	}
}

// timelineText is complaint ref's timeline as the screens say it now, a line per event.
func timelineText(t *testing.T, s *data.Store, ref string) string {
	t.Helper()
	evs, err := s.Timeline(ref)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(say(e.Describe()) + "\n")
	}
	return b.String()
}

// A refusal that tells the CLI which flag to use says it without the flag in the screens.
func TestRefusalLeavesTheCLIFlagOut(t *testing.T) {
	_, s := newApp(t)
	ref := addComplaint(t, s, "Sem de Graaf")
	if err := s.Acknowledge(ref, data.Date{}, data.DeliveryPost, "Ontvangst per brief bevestigd."); err != nil {
		t.Fatal(err)
	}
	err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictSettled, Outcome: "Samen opgelost.", NoHearingReason: "niet nodig"})
	if err == nil || !strings.Contains(err.Error(), "(--justified yes of no)") {
		t.Fatalf("the CLI lost its hint: %v", err)
	}
	for _, code := range []string{"nl", "en"} {
		inLanguage(t, code)
		if got := problemText(err); strings.Contains(got, "--") {
			t.Errorf("%s: %q", code, got)
		}
	}
	if got := problemText(err); got != "State whether the complaint settled by agreement was (partly) justified; a justified complaint counts in the evaluation." {
		t.Errorf("English: %q", got)
	}
}

// Counts on screen that can run into the thousands carry the language's separator: 100.000
// klachten, 100,000 complaints.
func TestLargeCountsCarryTheThousandsSeparator(t *testing.T) {
	test.NewTempApp(t)
	for lang, want := range map[string]string{"nl": "1.204 regels", "en": "1,204 rows"} {
		if err := UseLanguage(lang); err != nil {
			t.Fatal(err)
		}
		if got := countRows(1204); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		// A tile of Vandaag.
		tl := newTile("lopend")
		tl.set(2614, "")
		if want := map[string]string{"nl": "2.614", "en": "2,614"}[lang]; tl.number.Text != want {
			t.Errorf("%s: tile %q, want %q", lang, tl.number.Text, want)
		}
	}
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
}

// The refusals on the way to an expert say, on screen, what to do next, and name no CLI
// command: recording a signature before the statement letter was made named the letter
// "soort confidentiality", and sharing without a signed statement or consent only said it
// could not be done; a withdrawal dated before the consent was given did not say which day.
func TestExpertRefusalsSayWhatToDo(t *testing.T) {
	_, s := newApp(t)
	ref := addComplaint(t, s, "Sem de Graaf")
	expert, err := s.SaveExpert(data.Expert{Name: "Hanneke Verhoef"})
	if err != nil {
		t.Fatal(err)
	}
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4"))
	if err != nil {
		t.Fatal(err)
	}
	share := func() error {
		_, err := s.ShareDocuments(ref, data.Share{ExpertID: expert, SharedOn: data.DateOf(day).AddDays(-1), Attachments: []int64{att}})
		return err
	}
	wants := []struct {
		err  error
		want string
	}{
		{s.RecordStatement(ref, expert, data.DateOf(day)), "maak eerst die brief en leg daarna de ondertekening vast."},
		{share(), "; leg eerst de ondertekende verklaring vast."},
	}
	for _, w := range wants {
		if got := problemText(w.err); !strings.HasSuffix(got, w.want) || strings.Contains(got, "confidentiality") {
			t.Errorf("refusal %q, want it to end in %q", got, w.want)
		}
	}
	if err := s.GiveConsent(ref, data.Consent{GivenOn: data.DateOf(day), How: "schriftelijk", Documents: data.Documents{All: true}}); err != nil {
		t.Fatal(err)
	}
	err = s.WithdrawConsent(ref, data.DateOf(day).AddDays(-3))
	if got := problemText(err); !strings.HasSuffix(got, "is gegeven op 30-11-2026; vul als datum van de intrekking die dag of een latere dag in.") {
		t.Errorf("withdrawal before the consent: %q, want it to name the day the consent was given", got)
	}
}
