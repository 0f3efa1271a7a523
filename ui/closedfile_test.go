package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// closedComplaint is a formal complaint handled and closed, with its outcome letter sent.
func closedComplaint(t *testing.T, s *data.Store) string {
	t.Helper()
	ref := outcomeSent(t, s)
	if err := s.CloseComplaint(ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

// outcomeSent is a formal complaint found unfounded, with its outcome letter sent.
func outcomeSent(t *testing.T, s *data.Store) string {
	t.Helper()
	ref := addComplaint(t, s, "Hanna Jansen")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryPost, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "Toegelicht.", NoHearingReason: "Geen reactie."}); err != nil {
		t.Fatal(err)
	}
	sendOutcome(t, s, ref)
	return ref
}

// sendOutcome makes the outcome letter of the resolved complaint ref and marks it sent.
func sendOutcome(t *testing.T, s *data.Store, ref string) {
	t.Helper()
	l, _, err := letters.Generate(s, letters.Request{Reference: ref, Kind: data.LetterOutcome, Date: data.Today(day)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
}

// fileChanges are the buttons of a complaint file's tabs that change the file.
func fileChanges(cf *complaintFile) map[string]*button {
	l := cf.lists
	return map[string]*button{"record contact": l.addContact, "new measure": cf.measures.steps[0],
		"link measure": cf.measures.steps[1], "no measure needed": cf.measures.steps[2], "record consent": l.consentButton,
		"statement signed": l.statement, "share documents": l.share, "add attachment": l.addAttachment, "create a letter": cf.letters.make}
}

// TestClosedFileOffersNoChanges: a closed file's tabs offer none of the changes the store
// would refuse, each tab says why, as the contacts tab does; an earlier letter can still be
// opened and printed. Reopened, the changes are offered again.
func TestClosedFileOffersNoChanges(t *testing.T) {
	m, s := newApp(t)
	ref := closedComplaint(t, s)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	for name, b := range fileChanges(cf) {
		if !b.Disabled() {
			t.Errorf("a closed file offers %s", name)
		}
	}
	if !cf.lists.withdrawConsent.Disabled() {
		t.Error("a closed file offers consent withdrawn")
	}
	for name, why := range map[string]string{"details": cf.editWhy.Text, "contacts": cf.lists.contactsWhy.Text, "experts": cf.lists.expertsWhy.Text,
		"measures": cf.measures.why.Text, "attachments": cf.lists.filesWhy.Text, "letters": cf.letters.refusal.Text} {
		if !strings.Contains(why, "is gesloten en kan niet meer worden gewijzigd") {
			t.Errorf("the %s tab says %q", name, why)
		}
	}
	cf.letters.list.Select(0)
	if open := cf.letters.actions[0]; open.Disabled() || !cf.letters.actions[3].Disabled() {
		t.Errorf("the outcome letter sent: open and print disabled %v, mark as sent disabled %v", open.Disabled(),
			cf.letters.actions[3].Disabled())
	}

	if err := s.Reopen(ref, "Datum van de uitkomst verkeerd."); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	for name, b := range fileChanges(cf) {
		if b.Disabled() {
			t.Errorf("a reopened file does not offer %s", name)
		}
	}
	for _, why := range []string{cf.editWhy.Text, cf.lists.contactsWhy.Text, cf.lists.expertsWhy.Text, cf.measures.why.Text, cf.lists.filesWhy.Text} {
		if why != "" || cf.lists.expertsWhy.Visible() {
			t.Errorf("a reopened file still says %q", why)
		}
	}
}

// TestWithdrawnFileOffersOnlyItsConfirmation: a withdrawn file takes one letter, the
// confirmation of the withdrawal, and nothing else.
func TestWithdrawnFileOffersOnlyItsConfirmation(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Gijs Peters")
	if err := s.Withdraw(ref, data.Date{}, ""); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	for name, b := range fileChanges(cf) {
		if b.Disabled() != (name != "create a letter") {
			t.Errorf("withdrawn: %s disabled %v", name, b.Disabled())
		}
	}
	if !strings.Contains(cf.measures.why.Text, "is ingetrokken") || cf.letters.refusal.Visible() {
		t.Errorf("withdrawn: measures tab says %q, letters tab %q", cf.measures.why.Text, cf.letters.refusal.Text)
	}
	// "Brief maken" offers only the letter the file can still get: its confirmation.
	cf.letters.onMake("")
	var offered []string
	for _, o := range test.LaidOutObjects(cf.win.Canvas().Overlays().Top()) {
		if sel, ok := o.(*choice); ok && len(offered) == 0 {
			offered = sel.Options
		}
	}
	if len(offered) != 1 || !strings.Contains(offered[0], "ntrekking") {
		t.Errorf("withdrawn: the letters offered are %q", offered)
	}
}

// TestConsentWithdrawnOnlyWhileGiven: "Consent withdrawn" is offered only while the latest
// answer is a consent in force.
func TestConsentWithdrawnOnlyWhileGiven(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	b := cf.lists.withdrawConsent
	if !b.Disabled() {
		t.Error("consent withdrawn offered while none was given")
	}
	if err := s.GiveConsent(ref, data.Consent{How: "schriftelijk", Documents: data.Documents{All: true}}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if b.Disabled() {
		t.Fatal("consent given, yet its withdrawal is not offered")
	}
	test.Tap(b)
	cf.dialog.Submit()
	settle(m)
	if state, _ := cf.file.ConsentState(); state != data.ConsentWithdrawn || !b.Disabled() {
		t.Errorf("after the withdrawal: %s, still offered %v", state, !b.Disabled())
	}
}

// TestStepDialogRecordWaitsForEveryField: Record stays disabled while the note is empty, also
// once the date was left valid and when the note is typed and emptied again, each time the
// dialog opens.
func TestStepDialogRecordWaitsForEveryField(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	for i := range 2 {
		test.Tap(cf.lists.addContact)
		date, note, c := formEntry(t, cf, 0), formEntry(t, cf, 1), cf.win.Canvas()
		c.Focus(date)
		c.Focus(note) // the date, left, is valid
		if !cf.dialog.confirm.Disabled() {
			t.Errorf("opening %d: Record enabled with an empty note", i+1)
		}
		test.Type(note, "x")
		if cf.dialog.confirm.Disabled() {
			t.Errorf("opening %d: Record disabled with a note", i+1)
		}
		note.SetText("")
		if !cf.dialog.confirm.Disabled() {
			t.Errorf("opening %d: Record enabled with the note emptied again", i+1)
		}
		cf.dialog.Hide()
	}
}

// TestStatementDialogReadsTheLetterMade: the dialog for a signed statement says what the file
// holds when it opens: the statement still to make, or the day it was made.
func TestStatementDialogReadsTheLetterMade(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	id, err := s.SaveExpert(data.Expert{Name: "Dr. P. Verhoef", AddressLine1: "Lange Voorhout 9", Postcode: "2514 EA", City: "Den Haag"})
	if err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	hint := func() string {
		test.Tap(cf.lists.statement)
		defer cf.dialog.Hide()
		return texts(cf.dialog.form) + "\n" + cf.dialog.why.Text // the form's hint, or what Record waits for
	}
	if got := hint(); !strings.Contains(got, "Maak eerst") {
		t.Errorf("before the statement was made: %q", got)
	}
	if _, _, err := letters.Generate(s, letters.Request{Reference: ref, Kind: data.LetterConfidentiality, ExpertID: id, Date: data.Today(day)}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if got := hint(); strings.Contains(got, "Maak eerst") || !strings.Contains(got, "gedateerd 30-11-2026") {
		t.Errorf("after the statement was made: %q", got)
	}
}

// TestMarkAsSentProposesTheWayItWent: a letter to someone with a postal address is proposed
// as sent by post, also when an e-mail address is known; by e-mail only to someone with just
// an e-mail address. The practitioner may choose otherwise.
func TestMarkAsSentProposesTheWayItWent(t *testing.T) {
	m, s := newApp(t)
	post := data.Complainant{Name: "Sanne Bakker", AddressLine1: "Kerkstraat 7", Postcode: "3512 JK", City: "Utrecht", Email: "sanne@example.nl"}
	mail := data.Complainant{Name: "Thijs Dekker", Email: "thijs@example.nl"}
	for want, who := range map[data.Delivery]data.Complainant{data.DeliveryPost: post, data.DeliveryEmail: mail} {
		ref, err := s.Create(data.Complaint{Complainant: who, ReceivedOn: data.NewDate(2026, 11, 20), Channel: data.ChannelLetter,
			Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := letters.Generate(s, letters.Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: data.Today(day)}); err != nil {
			t.Fatal(err)
		}
		cf := m.OpenComplaint(ref, "")
		settle(m)
		cf.letters.list.Select(0)
		test.Tap(cf.letters.actions[3])
		if got := dialogSelect(t, cf).Selected; got != deliveryLabel(want) {
			t.Errorf("%s: proposed %q, want %q", who.Name, got, deliveryLabel(want))
		}
		dialogSelect(t, cf).SetSelected(deliveryLabel(data.DeliveryHand))
		cf.dialog.Submit()
		settle(m)
		if f, _ := s.File(ref); f.Letters[0].SentVia != data.DeliveryHand {
			t.Errorf("%s: the practitioner's choice was not kept: %q", who.Name, f.Letters[0].SentVia)
		}
	}
}

// TestMenuOffersTheAllowedStepsFirst: the menu of other steps starts with the steps the file
// allows; on a closed file that is reopening, above every step it refuses.
func TestMenuOffersTheAllowedStepsFirst(t *testing.T) {
	m, s := newApp(t)
	ref := closedComplaint(t, s)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	first := cf.menuBox.Objects[0].(*fyne.Container).Objects[0].(*button)
	if first != cf.buttons[data.ActionReopen] || first.Disabled() {
		t.Errorf("the menu of a closed file starts with %q (disabled %v)", first.Text, first.Disabled())
	}
}

// TestStepDialogSaysWhatItWaitsFor: a step dialog whose button is grey says below its fields
// which field it waits for, and why; once every field holds what it needs, it says nothing.
func TestStepDialogSaysWhatItWaitsFor(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(cf.lists.addContact)
	date, note := formEntry(t, cf, 0), formEntry(t, cf, 1)
	why := cf.dialog.why
	if !strings.HasPrefix(why.Text, "Vul het veld ‘") || !strings.HasSuffix(why.Text, "’ in.") || why.Hidden {
		t.Errorf("with an empty note the dialog says %q (shown %v), want which field to fill in", why.Text, !why.Hidden)
	}
	test.Type(note, "Gebeld over de factuur")
	if why.Text != "" || !why.Hidden {
		t.Errorf("with every field filled in the dialog still says %q", why.Text)
	}
	date.SetText("31-02-2026")
	if !strings.Contains(why.Text, ": ") || why.Hidden {
		t.Errorf("with a date that does not exist the dialog says %q, want the field and its problem", why.Text)
	}
	cf.dialog.Hide()
}

// TestClosingNamesTheLettersNotSent: a file whose newest outcome letter (version 2) was made
// but never marked sent closes only after a confirmation that names it, as closing leaves it
// unsent for good; an older version that was sent is not named, nor an unsent one superseded.
func TestClosingNamesTheLettersNotSent(t *testing.T) {
	m, s := newApp(t)
	ref := outcomeSent(t, s)
	if _, _, err := letters.Generate(s, letters.Request{Reference: ref, Kind: data.LetterOutcome, Date: data.Today(day)}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onClose()
	if got := overlayText(cf.win); !strings.Contains(got, "Nog niet als verstuurd gemarkeerd: uitkomstbrief (versie 2). Een gesloten dossier kan pas na heropenen") ||
		strings.Contains(got, "versie 1") || strings.Contains(got, "ontvangstbevestiging") {
		t.Errorf("the close confirmation says %q", got)
	}
}
