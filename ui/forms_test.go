package ui

import (
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
)

// TestSummaryTooLongShowsNoTick: the summary field showed a green tick over a text the store
// refuses as too long; its mark now follows the store's rule, and the line above Save says why.
func TestSummaryTooLongShowsNoTick(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(fyne.NewSize(1180, 720))
	m.ShowIntake()
	in := m.Intake
	c := m.win.Canvas()
	c.Focus(in.form.summary)
	test.Type(in.form.summary, strings.Repeat("a", data.MaxSummaryLength+1))
	if mark := validationMark(in.form.summary); mark == "check" {
		t.Errorf("a summary too long shows a green tick")
	}
	c.Unfocus()
	if mark := validationMark(in.form.summary); mark != "error" {
		t.Errorf("a summary too long shows mark %q, want the error mark", mark)
	}
	if !strings.Contains(in.problem.Text, "te lang") || !in.save.Disabled() {
		t.Errorf("problem %q, save disabled %v", in.problem.Text, in.save.Disabled())
	}
	in.form.summary.SetText(strings.Repeat("a", data.MaxSummaryLength))
	if mark := validationMark(in.form.summary); mark == "error" {
		t.Errorf("a summary of %d characters shows the error mark", data.MaxSummaryLength)
	}
}

// TestPostcodeIsCheckedWhereItIsTyped: "12345" for an address in the Netherlands was taken
// and refused only when a letter was made; the field now says so as it is typed, what to type
// instead, and that an address abroad takes its own postcode once its country is filled in.
func TestPostcodeIsCheckedWhereItIsTyped(t *testing.T) {
	m, s := newApp(t)
	m.win.Resize(fyne.NewSize(1180, 720))
	m.ShowIntake()
	in := m.Intake
	f := in.form
	test.Type(f.name, "Daan Mulder")
	test.Type(f.summary, "Te laat")
	f.channel.SetSelectedIndex(1)
	f.subject.SetSelectedIndex(1)
	m.win.Canvas().Focus(f.postcode)
	test.Type(f.postcode, "12345")
	m.win.Canvas().Unfocus() // the mark shows once the cursor leaves the field
	if mark := validationMark(f.postcode); mark != "error" {
		t.Errorf("postcode 12345 shows mark %q", mark)
	}
	want := `De postcode van de klager, "12345", is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB, of vul het land in als het adres in het buitenland ligt.`
	if in.problem.Text != want || !in.save.Disabled() {
		t.Errorf("problem %q, save disabled %v; want %q", in.problem.Text, in.save.Disabled(), want)
	}
	test.Type(f.country, "Duitsland")
	if mark := validationMark(f.postcode); mark == "error" || in.save.Disabled() {
		t.Errorf("a German postcode: mark %q, save disabled %v (%q)", mark, in.save.Disabled(), in.problem.Text)
	}
	f.country.SetText("")
	test.Type(f.repName, "Pieter Smit")
	test.Type(f.repLine, "Herengracht 1")
	test.Type(f.repCity, "Amsterdam")
	f.postcode.SetText("3511ax")
	m.win.Canvas().Focus(f.repPC)
	test.Type(f.repPC, "1017")
	m.win.Canvas().Unfocus()
	if mark := validationMark(f.repPC); mark != "error" || !strings.HasPrefix(in.problem.Text, `De postcode van de gemachtigde, "1017"`) {
		t.Errorf("representative's postcode 1017: mark %q, problem %q", mark, in.problem.Text)
	}
	test.Type(f.repPC, "AB")
	test.Tap(in.save)
	settle(m)
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != 1 || listed[0].Complainant.Postcode != "3511 AX" || listed[0].Representative.Postcode != "1017 AB" {
		t.Fatalf("stored %+v (%v)", listed, err)
	}
}

// setRaw changes a stored value behind the program's back, as an earlier version that took it
// left it.
func setRaw(t *testing.T, s *data.Store, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", s.Path()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

// TestOldFileSaysWhichFieldToCorrect: an e-mail address without a dot after the @, which an
// earlier version took, blocked every edit of the file with a message that did not say whose
// address it was: the representative's was not even on the form. The file says now which
// field to correct, shows it, and saves once it is corrected; the rule is not relaxed.
func TestOldFileSaysWhichFieldToCorrect(t *testing.T) {
	m, s := newApp(t)
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Mehmet Çelik", AddressLine1: "Kerkstraat 7",
		Postcode: "3512 JK", City: "Utrecht"}, ReceivedOn: data.NewDate(2026, 11, 20), Channel: data.ChannelLetter,
		Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog",
		Representative: data.Complainant{Name: "Pieter Smit", AddressLine1: "Herengracht 1", Postcode: "1017 AB", City: "Amsterdam"}})
	if err != nil {
		t.Fatal(err)
	}
	setRaw(t, s, `UPDATE complaints SET rep_email = 'smit@advocaten', postcode = '35121' WHERE reference = ?`, ref)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	f := cf.form
	if f.repEmail.Text != "smit@advocaten" {
		t.Fatalf("the representative's e-mail address is not on the form: %q", f.repEmail.Text)
	}
	if want := `De postcode van de klager, "35121", is geen Nederlandse postcode`; !strings.HasPrefix(cf.problem.Text, want) {
		t.Errorf("the old file says %q, want %q", cf.problem.Text, want)
	}
	if validationMark(f.postcode) != "error" || validationMark(f.repEmail) != "error" {
		t.Errorf("marks: postcode %q, representative's e-mail %q", validationMark(f.postcode), validationMark(f.repEmail))
	}
	f.handler.SetText("Anne de Linde")
	f.postcode.SetText("3512 JK")
	want := `Het e-mailadres van de gemachtigde, "smit@advocaten", is niet volledig; vul het hele adres in, zoals info@praktijk.nl.`
	if cf.problem.Text != want || !cf.save.Disabled() {
		t.Errorf("problem %q, save disabled %v; want %q", cf.problem.Text, cf.save.Disabled(), want)
	}
	f.repEmail.SetText("smit@advocaten.nl")
	if cf.save.Disabled() {
		t.Fatalf("corrected, save stays disabled: %q", cf.problem.Text)
	}
	test.Tap(cf.save)
	settle(m)
	c, err := s.Complaint(ref)
	if err != nil || c.Handler != "Anne de Linde" || c.Representative.Email != "smit@advocaten.nl" || c.Complainant.Postcode != "3512 JK" {
		t.Errorf("stored %+v (%v)", c, err)
	}
}

// TestLetterDescriptionHintFollowsTheRepresentative: the hint under the letters' description
// spoke of the complainant ("uw klacht") also where the letters go to a representative, who
// reads "de klacht"; hint, example and preview now follow the representative.
func TestLetterDescriptionHintFollowsTheRepresentative(t *testing.T) {
	m, _ := newApp(t)
	f := m.Intake.form
	if !strings.Contains(f.descHint.Text, "Gericht aan de klager (‘uw klacht") || !strings.Contains(f.letterDesc.PlaceHolder, "uw klacht") {
		t.Errorf("without a representative: hint %q, example %q", f.descHint.Text, f.letterDesc.PlaceHolder)
	}
	test.Type(f.letterDesc, "uw klacht over de factuur")
	test.Type(f.repName, "Pieter Smit")
	if !strings.Contains(f.descHint.Text, "Gericht aan de gemachtigde") || strings.Contains(f.descHint.Text, "uw klacht") ||
		strings.Contains(f.letterDesc.PlaceHolder, "uw klacht") {
		t.Errorf("with a representative: hint %q, example %q", f.descHint.Text, f.letterDesc.PlaceHolder)
	}
	if !strings.Contains(f.preview.Text, "‘Hartelijk dank voor de klacht over de factuur.’") {
		t.Errorf("with a representative the preview says %q", f.preview.Text)
	}
	inLanguage(t, "en")
	f.update()
	if !strings.HasPrefix(f.descHint.Text, "Written to the representative") {
		t.Errorf("English hint %q", f.descHint.Text)
	}
}

// TestEraseWarningCountsTheLetters: the erase warning spoke of "die brief" also when two
// letters were still owed; it names them and says "die brieven", in Dutch and in English.
func TestEraseWarningCountsTheLetters(t *testing.T) {
	one := []data.ActionItem{{Kind: data.ItemWithdrawalLetter}}
	two := []data.ActionItem{{Kind: data.ItemAcknowledge}, {Kind: data.ItemResolve}, {Kind: data.ItemProgressLetter}}
	for _, tc := range []struct {
		lang  string
		items []data.ActionItem
		want  string
	}{
		{"nl", one, "Nog te doen: Intrekking schriftelijk bevestigen. Na het wissen kan voor deze klacht geen brief meer worden gemaakt: maak en verstuur die brief eerst."},
		{"nl", two, "Nog te doen: Ontvangst bevestigen en voortgangsbericht over de verlenging sturen. Na het wissen kan voor deze klacht geen brief meer worden gemaakt: maak en verstuur die brieven eerst."},
		{"en", one, "Still due: Confirm the withdrawal in writing. After erasing, no letter can be made for this complaint any more: make and send that letter first."},
		{"en", two, "Still due: Confirm receipt and send progress letter about the extension. After erasing, no letter can be made for this complaint any more: make and send those letters first."},
	} {
		inLanguage(t, tc.lang)
		if got := eraseWarning(tc.items, false); !strings.HasPrefix(got, tc.want+"\n\n") {
			t.Errorf("%s, %d items: %q, want %q", tc.lang, len(tc.items), got, tc.want)
		}
	}
}

// TestSettingsCheckThePracticePostcodeAndTheBackupFolder: the practice's postcode was not
// checked at all, and a backup folder that cannot be written was taken and failed at the
// next backup. The postcode is now held to the practice's country as it is typed; the folder
// is refused when the settings are saved, in the words of a failed backup, and nothing is saved.
func TestSettingsCheckThePracticePostcodeAndTheBackupFolder(t *testing.T) {
	m, s := newApp(t)
	set := m.Settings
	postcode, country := set.entries[data.KeyPracticePostcode], set.entries[data.KeyPracticeCountry]
	postcode.SetText("12345")
	if !set.save.Disabled() || !strings.HasPrefix(set.problem.Text, `Postcode praktijk: "12345" is geen Nederlandse postcode`) ||
		postcode.Validate() == nil {
		t.Errorf("practice postcode 12345: save disabled %v, problem %q", set.save.Disabled(), set.problem.Text)
	}
	country.SetText("Duitsland")
	if set.save.Disabled() || postcode.Validate() != nil {
		t.Errorf("a German practice: save disabled %v, problem %q", set.save.Disabled(), set.problem.Text)
	}
	country.SetText("Nederland")
	postcode.SetText("3511 AX")
	file := s.Path() // a file is no folder to write backups in
	set.entries[data.KeyBackupDir].SetText(file + "/Reservekopieën")
	if set.save.Disabled() {
		t.Fatalf("save disabled: %q", set.problem.Text)
	}
	test.Tap(set.save)
	settle(m)
	if text := overlayText(m.win); !strings.Contains(text, "Reservekopieën") {
		t.Errorf("refused backup folder: the dialog says %q", text)
	}
	if got, _ := s.Settings(); got.BackupDir() != "" {
		t.Errorf("the folder was saved: %q", got.BackupDir())
	}
}

// TestAFieldsMessageDoesNotMoveTheFieldsBelow: a date typed wrong gets its message in a line
// kept for it, so the field below stays where the practitioner is about to click (the fields
// below jumped a line down and up again with every key of a date).
func TestAFieldsMessageDoesNotMoveTheFieldsBelow(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Hanna Jansen"), "")
	settle(m)
	cf.onContact(data.ContactPhone, false)
	on, kind := cf.dialogItems[0].Widget.(*entry), cf.dialogItems[1].Widget
	cf.dialog.form.Refresh()
	below := func() float32 { return fyne.CurrentApp().Driver().AbsolutePositionForObject(kind).Y }
	was := below()
	for _, typed := range []string{"3", "31-11-2026", "01-12-2026"} {
		on.SetText(typed)
		on.Validate()
		cf.dialog.form.Refresh()
		if y := below(); y != was {
			t.Errorf("with %q in the date the next field moved from %.0f to %.0f", typed, was, y)
		}
	}
}
