package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"klachtenregister/data"
)

// TestFirstStartAsksEverythingTheLettersNeed: a new register asks for the practice's address,
// postcode, place, a phone number or e-mail address, the signatory, the sector and its
// disputes body, and starts only when the letters have what they need.
func TestFirstStartAsksEverythingTheLettersNeed(t *testing.T) {
	m, s := openApp(t, nil)
	fs := m.FirstStart()
	if fs == nil {
		t.Fatal("no first-start dialog on a new register")
	}
	for _, k := range []string{"practice_name", "practice_address", "practice_postcode", "practice_city", "practice_phone",
		"practice_email", "practitioner_name"} {
		if fs.fields[k] == nil {
			t.Errorf("first start does not ask %s", k)
		}
	}
	if !fs.save.Disabled() || !strings.Contains(fs.problem.Text, "Adres praktijk") {
		t.Fatalf("empty dialog: save disabled %v, problem %q", fs.save.Disabled(), fs.problem.Text)
	}
	for k, v := range map[string]string{"practice_name": "Praktijk De Linde", "practice_address": "Oudegracht 118",
		"practice_postcode": "3511ax", "practice_city": "Utrecht", "practitioner_name": "Anne de Linde"} {
		test.Type(fs.fields[k], v)
	}
	if !fs.save.Disabled() || fs.problem.Text != "Nog in te vullen: Telefoon of e-mail." {
		t.Fatalf("without phone or e-mail: save disabled %v, problem %q", fs.save.Disabled(), fs.problem.Text)
	}
	test.Type(fs.fields["practice_email"], "info@")
	if !fs.save.Disabled() || !strings.Contains(fs.problem.Text, "geen geldig e-mailadres") {
		t.Fatalf("a wrong e-mail address: save disabled %v, problem %q", fs.save.Disabled(), fs.problem.Text)
	}
	test.Type(fs.fields["practice_email"], "praktijkdelinde.example")
	if fs.save.Disabled() {
		t.Fatalf("complete details: save disabled, problem %q", fs.problem.Text)
	}
	fs.profession.SetSelectedIndex(0) // zorg: the disputes body must be named
	if !fs.save.Disabled() || !fs.bodyShown() || !strings.Contains(fs.problem.Text, "Geschilleninstantie") {
		t.Fatalf("care without disputes body: save disabled %v, body shown %v, problem %q", fs.save.Disabled(), fs.bodyShown(), fs.problem.Text)
	}
	test.Type(fs.body, "Geschilleninstantie Zorg")
	test.Tap(fs.save)
	settle(m)
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if err := set.CheckLetterDetails(); err != nil {
		t.Errorf("after first start a letter is still refused: %v", err)
	}
	if set.PracticePostcode() != "3511 AX" || set.PracticeEmail() != "info@praktijkdelinde.example" || set.Profession() != data.ProfessionCare ||
		!strings.Contains(set.DisputesBody(), "Geschilleninstantie Zorg") || set.DisputesBodyPlaceholder() != "" {
		t.Errorf("stored postcode %q, e-mail %q, sector %q, next body %q", set.PracticePostcode(), set.PracticeEmail(), set.Profession(), set.DisputesBody())
	}
	if set.Policy() != data.PolicyWkkgz { // as the settings screen chooses it; the month stayed
		t.Errorf("a care practice starts with the term %q", set.Policy())
	}
	if m.FirstStart() != nil {
		t.Error("first start asks again on a register with practice details")
	}
}

// TestLetterRefusedForAMissingDetailOpensThatSetting: a letter is refused while the practice's
// address is missing, naming it, and the refusal's button opens that setting.
func TestLetterRefusedForAMissingDetailOpensThatSetting(t *testing.T) {
	m, s := newApp(t)
	if err := s.SetSettings(map[string]string{"practice_address": ""}); err != nil {
		t.Fatal(err)
	}
	ref := addComplaint(t, s, "Ĳsbrand de Vries")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(findButton(t, cf.letters.content(), "Brief maken…"))
	cf.dialog.Submit()
	settle(m)
	if text := overlayText(cf.win); !strings.Contains(text, "Adres praktijk (practice_address)") {
		t.Fatalf("refusal shows %q", text)
	}
	if f, _ := s.File(ref); len(f.Letters) != 0 {
		t.Fatalf("a letter was made without the practice's address: %+v", f.Letters)
	}
	tapInTop(t, cf.win, "Naar de instelling")
	if m.tabs.Selected() != m.settingsTab || m.Settings.tabs.Selected().Text != "Praktijk" ||
		m.win.Canvas().Focused() != m.Settings.entries["practice_address"] {
		t.Fatalf("the button shows tab %q, settings tab %q, focus %v", m.tabs.Selected().Text, m.Settings.tabs.Selected().Text, m.win.Canvas().Focused())
	}
}

// TestLetterRefusedForItsLanguageOpensTheComplaintsLanguage: a letter in another language than
// the complaint's, refused for a text typed in the complaint's language, leads to the
// complaint's own language of the letters on its Details tab, not to the setting language
// (the screens'). The refusal shows the information icon of every refusal, not a question mark.
func TestLetterRefusedForItsLanguageOpensTheComplaintsLanguage(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Ĳsbrand de Vries")
	f, err := s.File(ref)
	if err != nil {
		t.Fatal(err)
	}
	c := f.Complaint
	c.LetterDescription = "uw klacht over de factuur van oktober"
	if err := s.Update(c); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(findButton(t, cf.letters.content(), "Brief maken…"))
	cf.dialogItems[1].Widget.(*choice).SetSelectedIndex(1) // Engels
	cf.dialog.Submit()
	settle(m)
	if text := overlayText(cf.win); !strings.Contains(text, "komt in de brief zoals die is getypt; maak de brief in het Nederlands") {
		t.Fatalf("refusal shows %q", text)
	}
	var icons []fyne.Resource
	for _, o := range test.LaidOutObjects(cf.win.Canvas().Overlays().Top()) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil {
			icons = append(icons, img.Resource)
		}
	}
	if !slices.Contains(icons, theme.InfoIcon()) || slices.Contains(icons, theme.QuestionIcon()) {
		t.Errorf("the refusal's icons: %v, want the information icon", icons)
	}
	tapInTop(t, cf.win, "Naar het veld")
	if cf.tabs.Selected() != cf.tab("details") || cf.win.Canvas().Focused() != cf.form.language || m.tabs.Selected() == m.settingsTab {
		t.Fatalf("the button shows tab %q, focus %v; main window on %q", cf.tabs.Selected().Text, cf.win.Canvas().Focused(), m.tabs.Selected().Text)
	}
}

// TestFirstStartFitsTheWindowOnceShown: at the program's start the dialog is made while the
// window has no size yet; fitted again once the window is on screen, it takes the window's room
// and is centred in it, instead of keeping the one and a half fields the unsized window gave it.
func TestFirstStartFitsTheWindowOnceShown(t *testing.T) {
	m, _ := openApp(t, nil)
	m.win.Resize(fyne.NewSize(600, 320)) // the window as it is before it is shown
	fs := m.FirstStart()
	if fs == nil {
		t.Fatal("no first-start dialog on a new register")
	}
	popUp := overlayContent(m.win.Canvas().Overlays().Top())
	small := popUp.Size().Height
	m.win.Resize(fyne.NewSize(1180, 720))
	fs.fit() // as Run does once the app has started
	settle(m)
	if h := popUp.Size().Height; h < 500 || popUp.Position().Y+h > 720 {
		t.Fatalf("after the window got its size the dialog is %v high at %v (before %v high)", h, popUp.Position(), small)
	}
}

// TestFirstStartStaysPutWhileTyping: the dialog does not move while what is missing shrinks
// from two lines to one and to none; it moved up under the pointer, and the next click went
// to another field.
func TestFirstStartStaysPutWhileTyping(t *testing.T) {
	m, fs := firstStartIn(t, fyne.NewSize(1180, 720))
	popUp := overlayContent(m.win.Canvas().Overlays().Top())
	at, height := popUp.Position(), popUp.MinSize().Height
	for _, k := range []string{"practice_name", "practice_address", "practice_postcode", "practice_city", "practitioner_name",
		"practice_email"} {
		test.Type(fs.fields[k], map[string]string{"practice_name": "Praktijk De Linde", "practice_address": "Oudegracht 118",
			"practice_postcode": "3511ax", "practice_city": "Utrecht", "practitioner_name": "Anne de Linde",
			"practice_email": "info@delinde.example"}[k])
		settle(m)
		if p, h := popUp.Position(), popUp.MinSize().Height; p != at || h != height {
			t.Fatalf("after %s the dialog went from %v high at %v to %v high at %v (missing: %q)", k, height, at, h, p, fs.problem.Text)
		}
	}
}

// TestFirstStartLinesUpTheDisputesBody: the disputes body is a row of the practice's form, so
// its label lines up with the others (it was a form of its own, out of line), with an example
// for the sector, and no row for a sector without one. A field's message leaves out the
// field's name, which its label shows: under the field it was cut off before the advice.
func TestFirstStartLinesUpTheDisputesBody(t *testing.T) {
	m, _ := openApp(t, nil)
	fs := m.FirstStart()
	if fs.bodyShown() || slices.Contains(fs.form.Items, fs.bodyItem) {
		t.Fatal("a body row for the sector Anders")
	}
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionLegal))
	if !fs.bodyShown() || !strings.Contains(fs.body.PlaceHolder, "Advocatuur") {
		t.Fatalf("legal: body shown %v, example %q", fs.bodyShown(), fs.body.PlaceHolder)
	}
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionCare))
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionOther))
	if fs.bodyShown() || len(fs.form.Items) != len(firstStartKeys)+1 {
		t.Fatalf("back to Anders: %d rows", len(fs.form.Items))
	}
	err := fs.fields[data.KeyPracticeEmail].Validator("info@delinde")
	if err == nil || strings.Contains(err.Error(), "E-mail praktijk") || !strings.Contains(err.Error(), "info@praktijk.nl") {
		t.Errorf("the field's message: %v", err)
	}
}

// TestFirstStartInEnglish: the first start asks in Dutch, and its "English" button asks the
// same again in English with what was typed kept; the register then speaks English.
func TestFirstStartInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = UseLanguage("nl") })
	m, s := openApp(t, nil)
	fs := m.FirstStart()
	m.firstStart = fs
	test.Type(fs.fields[data.KeyPracticeName], "Practice Oak")
	fs.profession.SetSelectedIndex(0) // care
	test.Type(fs.body, "Geschilleninstantie Zorg")
	if fs.language.Text != "English" {
		t.Fatalf("the language button says %q", fs.language.Text)
	}
	test.Tap(fs.language)
	settle(m)
	next := m.firstStart
	if next == fs || next == nil {
		t.Fatal("no first start in English")
	}
	if next.fields[data.KeyPracticeName].Text != "Practice Oak" || next.sector() != data.ProfessionCare ||
		next.body.Text != "Geschilleninstantie Zorg" || next.language.Text != "Nederlands" {
		t.Errorf("in English: name %q, sector %q, body %q, button %q", next.fields[data.KeyPracticeName].Text, next.sector(),
			next.body.Text, next.language.Text)
	}
	if !strings.HasPrefix(next.problem.Text, "Still to fill in: Practice address") {
		t.Errorf("the English dialog says %q", next.problem.Text)
	}
	if set, err := s.Settings(); err != nil || set.Language() != "en" {
		t.Errorf("the register's language: %q (%v)", set.Language(), err)
	}
}

// TestFirstStartScrollsWithTheWheelOverAField: in a low window the questions scroll, also with
// the mouse over a field (a field's own scroller took the wheel and nothing moved).
func TestFirstStartScrollsWithTheWheelOverAField(t *testing.T) {
	m, fs := firstStartIn(t, fyne.NewSize(900, 420))
	name := fs.fields[data.KeyPracticeName]
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(name)
	test.Scroll(m.win.Canvas(), before.AddXY(20, 10), 0, -60)
	if after := d.AbsolutePositionForObject(name); after.Y >= before.Y {
		t.Errorf("the wheel over a field left the questions at %v (was %v)", after, before)
	}
}

// firstStartIn shows the first-start dialog of a new register in a window of size.
func firstStartIn(t *testing.T, size fyne.Size) (*Main, *firstStart) {
	t.Helper()
	m, _ := openApp(t, nil)
	m.win.Resize(size)
	fs := m.FirstStart()
	fs.fit()
	settle(m)
	return m, fs
}

// TestFirstStartLetsALawFirmOrAccountantBeUnaffiliated: only a care practice must name its
// disputes body (Wkkgz); an accountant who leaves it empty gets the competent court and the
// Accountantskamer in the outcome letter, in Dutch and English, and is not held at the door.
func TestFirstStartLetsALawFirmOrAccountantBeUnaffiliated(t *testing.T) {
	m, s := openApp(t, nil)
	fs := m.FirstStart()
	for k, v := range map[string]string{"practice_name": "Kantoor Bakker", "practice_address": "Oudegracht 118",
		"practice_postcode": "3511 AX", "practice_city": "Utrecht", "practitioner_name": "Jan Bakker",
		"practice_email": "info@kantoorbakker.example"} {
		test.Type(fs.fields[k], v)
	}
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionAccountancy))
	if fs.save.Disabled() || !fs.bodyShown() || !strings.Contains(fs.bodyHint.Text, "Laat dit leeg") ||
		!strings.Contains(fs.body.PlaceHolder, "Zakelijke Dienstverlening") {
		t.Fatalf("accountancy without a disputes body: save disabled %v (%q), hint %q, example %q", fs.save.Disabled(),
			fs.problem.Text, fs.bodyHint.Text, fs.body.PlaceHolder)
	}
	test.Tap(fs.save)
	settle(m)
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	nl, _ := set.DisputesBodyIn("nl")
	en, _ := set.DisputesBodyIn("en")
	if !strings.Contains(nl, "bevoegde rechter") || !strings.Contains(nl, "Accountantskamer") || strings.Contains(nl, "aangesloten") ||
		!strings.Contains(en, "competent court") || !strings.Contains(en, "Accountantskamer") || set.CheckLetterDetails() != nil {
		t.Errorf("next step of an unaffiliated accountant: %q / %q (%v)", nl, en, set.CheckLetterDetails())
	}
	// Care still asks for its body.
	if !data.AffiliationRequired(data.ProfessionCare) || data.AffiliationRequired(data.ProfessionLegal) {
		t.Error("AffiliationRequired: care must name its body, a law firm need not")
	}
}

// TestFirstStartOfACarePracticeNamesTheComplaintsOfficer: the first start of a care practice
// asks its disputes body and says where the complaints officer the Wkkgz asks for is filled in.
func TestFirstStartOfACarePracticeNamesTheComplaintsOfficer(t *testing.T) {
	m, _ := openApp(t, nil)
	fs := m.FirstStart()
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionCare))
	if !fs.bodyShown() || !strings.Contains(fs.bodyHint.Text, "klachtenfunctionaris die u onder de Wkkgz aanbiedt, vult u later in bij Instellingen › Brieven") {
		t.Errorf("care's first start says %q", fs.bodyHint.Text)
	}
	fs.profession.SetSelectedIndex(slices.Index(data.Professions, data.ProfessionLegal))
	if strings.Contains(fs.bodyHint.Text, "klachtenfunctionaris") {
		t.Errorf("a law firm's first start mentions the complaints officer: %q", fs.bodyHint.Text)
	}
}
