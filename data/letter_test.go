package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// pdf is a stand-in letter: the store keeps bytes, it does not lay them out.
func pdf(s string) []byte { return []byte("%PDF-1.4\n% " + s + "\n") }

func itemKinds(t *testing.T, s *Store, ref string) []ItemKind {
	t.Helper()
	l, err := s.List(Filter{Reference: ref})
	if err != nil || len(l) != 1 {
		t.Fatalf("List(%s): %v", ref, err)
	}
	var kinds []ItemKind
	for _, it := range l[0].Items {
		kinds = append(kinds, it.Kind)
	}
	return kinds
}

func TestLetterVersionsAndReprint(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-20", true))
	first, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("een"), 0)
	must(t, err)
	second, err := s.SaveLetter(ref, LetterAcknowledgement, "en", pdf("twee"), 0)
	must(t, err)
	other, err := s.SaveLetter(ref, LetterConsent, "nl", pdf("drie"), 0)
	must(t, err)
	if first.Version != 1 || second.Version != 2 || other.Version != 1 || first.Reference != ref || first.SHA256 != sha256Hex(pdf("een")) {
		t.Fatalf("versions: %+v %+v %+v", first, second, other)
	}
	list, err := s.Letters(ref)
	must(t, err)
	if len(list) != 3 || list[1].Language != "en" || list[0].Size != int64(len(pdf("een"))) || !list[0].SentOn.IsZero() {
		t.Fatalf("Letters: %+v", list)
	}
	latest, err := s.LatestLetter(ref, LetterAcknowledgement)
	must(t, err)
	if latest.ID != second.ID {
		t.Errorf("latest acknowledgement is %d, want %d", latest.ID, second.ID)
	}
	for _, l := range []Letter{first, second} {
		b, err := s.LetterPDF(l.ID)
		must(t, err)
		if want := map[int64][]byte{first.ID: pdf("een"), second.ID: pdf("twee")}[l.ID]; !bytes.Equal(b, want) {
			t.Errorf("reprint of %d = %q, want %q", l.ID, b, want)
		}
	}

	// A letter altered in the file is refused rather than reprinted.
	execRaw(t, s.Path(), `UPDATE letters SET pdf = '%PDF-1.4 vervalst' WHERE id = 1`)
	_, err = s.LetterPDF(first.ID)
	wantErr(t, err, ErrDatabase)

	_, err = s.LatestLetter(ref, LetterOutcome)
	wantErr(t, err, ErrNotFound)
	for name, save := range map[string]func() error{
		"not a PDF":         func() error { _, err := s.SaveLetter(ref, LetterOutcome, "nl", []byte("<html>"), 0); return err },
		"unknown kind":      func() error { _, err := s.SaveLetter(ref, "apology", "nl", pdf("x"), 0); return err },
		"unknown language":  func() error { _, err := s.SaveLetter(ref, LetterOutcome, "de", pdf("x"), 0); return err },
		"unknown reference": func() error { _, err := s.SaveLetter("K-2026-9999", LetterOutcome, "nl", pdf("x"), 0); return err },
	} {
		if err := save(); err == nil {
			t.Errorf("%s: saved", name)
		}
	}
	if n := countRows(t, s, "letters"); n != 3 {
		t.Errorf("%d letters stored, want 3", n)
	}
}

// TestAcknowledgementSentConfirmsReceipt: marking it sent records the contact and takes the
// acknowledge step, all in one transaction.
func TestAcknowledgementSentConfirmsReceipt(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-20", true))
	l, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemAcknowledge) {
		t.Fatalf("before sending: items %v lack acknowledge", kinds)
	}
	events := countRows(t, s, "events")
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryEmail))
	c := complaintOf(t, s, ref)
	if c.Status != StatusAcknowledged || c.AcknowledgedOn != day("2026-03-02") {
		t.Fatalf("after sending: %s on %s", c.Status, c.AcknowledgedOn)
	}
	if n := countRows(t, s, "events") - events; n != 3 {
		t.Errorf("%d events, want 3 (contact, letter sent, status)", n)
	}
	contacts, err := s.Contacts(ref)
	must(t, err)
	if len(contacts) != 1 || contacts[0].Kind != ContactEmail || contacts[0].Note != "Ontvangstbevestiging (versie 1) per e-mail verstuurd" {
		t.Errorf("contacts: %+v", contacts)
	}
	if kinds := itemKinds(t, s, ref); slices.Contains(kinds, ItemAcknowledge) {
		t.Errorf("after sending: items %v still ask to acknowledge", kinds)
	}

	// A new acknowledgement once receipt is confirmed is refused: it would thank anew and name
	// another date. The one sent can be printed again.
	before := dumpTables(t, s)
	_, err = s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("nog eens"), 0)
	wantErr(t, err, ErrConflict)
	if dumpTables(t, s) != before {
		t.Error("the refused acknowledgement changed the register")
	}

	// Handed over in person, it leaves a letter contact that says so.
	other := mustCreate(t, s, complaint("Bakker", "2026-02-25", true))
	l, err = s.SaveLetter(other, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryHand))
	contacts, _ = s.Contacts(other)
	if len(contacts) != 1 || contacts[0].Kind != ContactLetter || contacts[0].Note != "Ontvangstbevestiging (versie 1) persoonlijk overhandigd" {
		t.Errorf("hand delivery should leave a letter contact that says so: %+v", contacts)
	}
}

// TestConfidentialitySentRecordsNoContact: the confidentiality statement goes to the expert,
// so marking it sent records no contact with the complainant and leaves the progress letter
// due; the consent form goes to the complainant and is recorded as a letter.
func TestConfidentialitySentRecordsNoContact(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusExtended)
	l, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("geheimhouding"), anExpert(t, s))
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryEmail))
	if contacts, _ := s.Contacts(ref); len(contacts) != 0 {
		t.Errorf("the statement for the expert recorded a contact with the complainant: %+v", contacts)
	}
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemProgressLetter) {
		t.Errorf("the statement for the expert cleared the progress letter: items %v", kinds)
	}
	list, err := s.Letters(ref)
	must(t, err)
	var isNull bool
	must(t, s.r.QueryRow(`SELECT contact_id IS NULL FROM letters WHERE id = ?`, l.ID).Scan(&isNull))
	if len(list) != 1 || list[0].SentOn != day("2026-03-02") || list[0].ContactID != 0 || !isNull {
		t.Errorf("letter after marking it sent: %+v (contact_id NULL: %v)", list, isNull)
	}

	consent, err := s.SaveLetter(ref, LetterConsent, "nl", pdf("toestemming"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(consent.ID, Date{}, DeliveryPost))
	if contacts, _ := s.Contacts(ref); len(contacts) != 1 || contacts[0].Note != "Toestemming externe deskundige (versie 1) per post verstuurd" {
		t.Errorf("the consent form should be recorded as a letter to the complainant: %+v", contacts)
	}
}

// TestProgressLetterSatisfiesTheExtension checks the existing rule: a written contact on or
// after the extension, which marking the progress letter sent records.
func TestProgressLetterSatisfiesTheExtension(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusExtended)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemProgressLetter) {
		t.Fatalf("after extending: items %v lack the progress letter", kinds)
	}
	l, err := s.SaveLetter(ref, LetterProgress, "nl", pdf("voortgang"), 0)
	must(t, err)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemProgressLetter) {
		t.Fatalf("a letter made but not sent satisfied the obligation: %v", kinds)
	}
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryHand))
	kinds := itemKinds(t, s, ref)
	if slices.Contains(kinds, ItemProgressLetter) || !slices.Contains(kinds, ItemProgressUpdate) {
		t.Errorf("after sending the progress letter: items %v", kinds)
	}
}

// TestConsentFormIsNoProgressLetter: the consent form goes to the complainant, so sending it
// records a contact, but it does not tell them why the deadline moved.
func TestConsentFormIsNoProgressLetter(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusExtended)
	sendLetter(t, s, ref, LetterConsent, Date{}, DeliveryPost)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemProgressLetter) {
		t.Fatalf("a consent form counted as the progress letter: items %v", kinds)
	}
	contacts, err := s.Contacts(ref)
	must(t, err)
	if n := len(contacts); n == 0 || contacts[n-1].Kind != ContactLetter {
		t.Errorf("sending the consent form recorded no letter contact: %+v", contacts)
	}
	// The notice is the progress letter, which names the reason and the new date; a loose
	// e-mail recorded by hand does not end the obligation.
	_, err = s.AddContact(ref, Contact{Kind: ContactEmail, Note: "Uitgelegd waarom het langer duurt."})
	must(t, err)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemProgressLetter) {
		t.Errorf("an e-mail recorded by hand counted as the progress letter: items %v", kinds)
	}
}

// TestOutcomeLetterGatesClosing: the outcome item stays until an outcome letter is marked
// sent, and closing waits for the same fact.
func TestOutcomeLetterGatesClosing(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "uitleg gegeven", On: Date{}, NoHearingReason: "niet van toepassing in deze test"}))
	_, err := s.AddContact(ref, Contact{Kind: ContactLetter, Note: "brief zonder uitkomstbrief"})
	must(t, err)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemOutcomeLetter) {
		t.Fatalf("items %v lack the outcome letter despite no letter sent", kinds)
	}
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	l, err := s.SaveLetter(ref, LetterOutcome, "nl", pdf("uitkomst"), 0)
	must(t, err)
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryPost))
	if kinds := itemKinds(t, s, ref); slices.Contains(kinds, ItemOutcomeLetter) {
		t.Errorf("items %v still ask for the outcome letter", kinds)
	}
	must(t, s.CloseComplaint(ref))

	// Nothing is made or marked sent on a closed file, not even a letter that records no contact.
	expert := anExpert(t, s)
	before := dumpTables(t, s)
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("te laat"), expert)
	wantErr(t, err, ErrTransition)
	if dumpTables(t, s) != before {
		t.Error("making a letter for a closed complaint changed the register")
	}
	must(t, s.Reopen(ref, "geheimhoudingsverklaring nog nodig"))
	late, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("te laat"), expert)
	must(t, err)
	must(t, s.CloseComplaint(ref))
	before = dumpTables(t, s)
	wantErr(t, s.MarkLetterSent(late.ID, Date{}, DeliveryPost), ErrTransition)
	if dumpTables(t, s) != before {
		t.Error("marking a letter of a closed complaint sent changed the register")
	}
}

func TestMarkLetterSentRefusals(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-20", true))
	setToday(s, "2026-02-25")
	early, err := s.SaveLetter(ref, LetterConsent, "nl", pdf("toestemming"), 0)
	must(t, err)
	setToday(s, "2026-03-02")
	l, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	before := dumpTables(t, s) + letterRows(t, s)
	for name, tc := range map[string]struct {
		err  error
		mark func() error
	}{
		"before it was made": {ErrInvalid, func() error { return s.MarkLetterSent(l.ID, day("2026-03-01"), DeliveryPost) }},
		"in the future":      {ErrInvalid, func() error { return s.MarkLetterSent(early.ID, day("2026-03-03"), DeliveryPost) }},
		"by fax":             {ErrInvalid, func() error { return s.MarkLetterSent(l.ID, Date{}, "fax") }},
		"unknown letter":     {ErrNotFound, func() error { return s.MarkLetterSent(99, Date{}, DeliveryPost) }},
	} {
		wantErr(t, tc.mark(), tc.err)
		if after := dumpTables(t, s) + letterRows(t, s); after != before {
			t.Errorf("%s: refused marking changed the register", name)
		}
	}
	must(t, s.MarkLetterSent(early.ID, day("2026-02-26"), DeliveryPost))
	wantErr(t, s.MarkLetterSent(early.ID, Date{}, DeliveryPost), ErrConflict)
}

func letterRows(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	list, err := s.Letters("K-2026-0001")
	must(t, err)
	for _, l := range list {
		b.WriteString(l.SentOn.String() + string(l.SentVia) + "\n")
	}
	return b.String()
}

func TestLetterSettings(t *testing.T) {
	for _, tc := range []struct {
		key, value, want, fails string
	}{
		{"letter_acknowledgement_nl", "Aan {naam}:\n\n{{ letterlijk }} {kenmerk}", "Aan {naam}:\n\n{{ letterlijk }} {kenmerk}", ""},
		{"letter_acknowledgement_nl", "", "", ""},
		{"letter_outcome_en", "To {naam}:\r\n\r\nOutcome: {uitkomst}", "To {naam}:\n\nOutcome: {uitkomst}", ""},
		{"letter_outcome_nl", "Aan {naam}:\n\nUw klacht is {oordeel.", "", "regel 3"},
		{"letter_outcome_nl", "Aan {naam}:\nUw klacht is oordeel}.", "", "regel 2"},
		{"letter_outcome_nl", "Aan {naam}:\n\n{oordel}", "", "regel 3: onbekend invulveld {oordel}"},
		{"letter_acknowledgement_nl", "Uitkomst: {uitkomst}", "", "regel 1: onbekend invulveld {uitkomst}"},
		{"letter_confidentiality_nl", "Aan {naam}", "", "onbekend invulveld {naam}"},
		// the letter prints its own salutation and closing: a text with its own would repeat them
		{"letter_acknowledgement_nl", "Geachte {naam},\n\nUw klacht {kenmerk} is ontvangen.", "", "regel 1: de tekst begint met een aanhef (‘Geachte {naam},’)"},
		{"letter_outcome_en", "\n  Dear Sir or Madam,\nOutcome: {uitkomst}", "", "regel 1: de tekst begint met een aanhef"},
		{"letter_withdrawal_nl", "Beste {naam}\nU trok uw klacht in.", "", "regel 1: de tekst begint met een aanhef"},
		{"letter_progress_nl", "Uw klacht duurt langer.\n\nMet vriendelijke groet,\n", "", "regel 3: de tekst eindigt met een groet (‘Met vriendelijke groet,’)"},
		{"letter_progress_nl", "Geachtte lezer, dit is geen aanhef.", "Geachtte lezer, dit is geen aanhef.", ""},
		{"address_window_left_mm", "20,5", "20.5", ""},
		{"address_window_top_mm", "45", "45", ""},
		{"address_window_width_mm", "85.25", "", "address_window_width_mm"},
		{"address_window_height_mm", "200", "", "address_window_height_mm"},
		{"disputes_body", "U kunt naar de Geschillencommissie.", "U kunt naar de Geschillencommissie.", ""},
		{"practice_logo", "/nonexistent/logo.png", "", "niet te openen"},
	} {
		got, err := CheckSetting(tc.key, tc.value)
		if tc.fails != "" {
			if err == nil || !strings.Contains(err.Error(), tc.fails) {
				t.Errorf("%s=%q: error %v, want one mentioning %q", tc.key, tc.value, err, tc.fails)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s=%q: got %q, %v; want %q", tc.key, tc.value, got, err, tc.want)
		}
	}
	if d := DefaultSettings()["disputes_body"]; !strings.Contains(d, "bevoegde rechter") {
		t.Errorf("default disputes_body %q does not point to the competent court", d)
	}

	dir := t.TempDir()
	png := filepath.Join(dir, "logo.png")
	must(t, os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600))
	txt := filepath.Join(dir, "logo.txt")
	must(t, os.WriteFile(txt, []byte("geen plaatje"), 0o600))
	if got, err := CheckSetting("practice_logo", png); err != nil || got != png {
		t.Errorf("png logo: %q, %v", got, err)
	}
	if _, err := CheckSetting("practice_logo", txt); err == nil || !strings.Contains(err.Error(), "PNG- of JPEG") {
		t.Errorf("text file as logo: %v", err)
	}
}

// TestWithdrawalLetterOnAWithdrawnFile: a withdrawn file is read-only, but its one letter, the
// confirmation of the withdrawal, can still be made and marked sent; any other letter is refused.
func TestWithdrawalLetterOnAWithdrawnFile(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged)
	must(t, s.Withdraw(ref, Date{}, "telefonisch ingetrokken"))
	if _, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0); !errors.Is(err, ErrTransition) {
		t.Errorf("acknowledgement for a withdrawn file: %v", err)
	}
	l, err := s.SaveLetter(ref, LetterWithdrawal, "nl", pdf("intrekking"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryPost))
	if list, _ := s.Letters(ref); len(list) != 1 || list[0].SentOn != day("2026-03-02") {
		t.Errorf("withdrawal letter after marking it sent: %+v", list)
	}
	if err := CheckLetterDate(day("2026-03-16"), day("2026-03-02")); err != nil {
		t.Errorf("a letter dated 14 days ahead: %v", err)
	}
	for _, d := range []string{"2026-03-17", "2026-03-01"} {
		if err := CheckLetterDate(day(d), day("2026-03-02")); !errors.Is(err, ErrInvalid) {
			t.Errorf("a letter dated %s: %v", d, err)
		}
	}
}

// TestNoConfidentialityStatementWithoutConsent: a confidentiality statement announces copies
// of documents to an expert; it is refused once the complainant refused or withdrew consent,
// and for an informal complaint, and the refusal changes nothing.
func TestNoConfidentialityStatementWithoutConsent(t *testing.T) {
	s := openStore(t, "2026-03-02")
	expert := anExpert(t, s)
	ref := reach(t, s, StatusAcknowledged)
	if _, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("geheimhouding"), expert); err != nil {
		t.Fatalf("before any answer about consent: %v", err)
	}
	must(t, s.GiveConsent(ref, Consent{Refused: true, How: "per brief"}))
	before := dumpTables(t, s)
	_, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("geheimhouding"), expert)
	wantErr(t, err, ErrConflict)
	if err == nil || !strings.Contains(err.Error(), "toestemming voor een externe deskundige geweigerd") || dumpTables(t, s) != before {
		t.Errorf("after a refusal: %v (register changed: %v)", err, dumpTables(t, s) != before)
	}
	informal := mustCreate(t, s, complaint("Bakker", "2026-02-25", false))
	_, err = s.SaveLetter(informal, LetterConfidentiality, "nl", pdf("geheimhouding"), expert)
	wantErr(t, err, ErrConflict)
	if c := complaintOf(t, s, ref); ExpertLetterRefusal(c, ConsentWithdrawn) == nil || ExpertLetterRefusal(c, ConsentGiven) != nil {
		t.Error("a withdrawal allows, or a consent given refuses, the statement")
	}
}

// TestInformationLetterFollowsItsRequest: the request for information is made only while a
// request is open (the letter asks what it recorded), and marking it sent adds no second
// contact moment: the request is that contact. The information received is recorded with a
// note of what came in, which the timeline shows; after that, no new letter.
func TestInformationLetterFollowsItsRequest(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged)
	refusedUnchanged(t, s, "no request open", ErrConflict, func() error {
		_, err := s.SaveLetter(ref, LetterInformation, "nl", pdf("verzoek"), 0)
		return err
	})
	_, err := s.AddContact(ref, Contact{Kind: ContactLetter, InfoRequested: "de factuur van maart", InfoDueOn: day("2026-03-16")})
	must(t, err)
	f, err := s.File(ref)
	must(t, err)
	if r := f.InformationRequest(); r == nil || r.InfoRequested != "de factuur van maart" || r.InfoDueOn != day("2026-03-16") {
		t.Fatalf("open request: %+v", r)
	}
	l, err := s.SaveLetter(ref, LetterInformation, "nl", pdf("verzoek"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryPost))
	if contacts, _ := s.Contacts(ref); len(contacts) != 1 {
		t.Errorf("sending the request for information added a contact to its request's: %+v", contacts)
	}
	if events, _ := s.Timeline(ref); events[len(events)-1].Describe().String() != "Brief verstuurd: verzoek om informatie (versie 1) per post op 2026-03-02" {
		t.Errorf("timeline ends with %q", events[len(events)-1].Describe())
	}
	refusedUnchanged(t, s, "a note that is no text", ErrInvalid, func() error { return s.InformationReceived(ref, Date{}, "de factuur\xff") })
	must(t, s.InformationReceived(ref, Date{}, " de factuur per e-mail; het bankafschrift volgt "))
	if events, _ := s.Timeline(ref); events[len(events)-1].Describe().String() != "Gevraagde informatie ontvangen: de factuur per e-mail; het bankafschrift volgt" {
		t.Errorf("timeline ends with %q", events[len(events)-1].Describe())
	}
	refusedUnchanged(t, s, "the information came in", ErrConflict, func() error {
		_, err := s.SaveLetter(ref, LetterInformation, "nl", pdf("verzoek"), 0)
		return err
	})
	if f, _ := s.File(ref); f.InformationRequest() != nil {
		t.Errorf("an answered request is still open")
	}
}

// TestUpgradeRebuildsLettersKeepingTheirLinks: migration 18 rebuilds the letters table to allow
// the request for information. A register made by the build before it keeps every letter with
// its hash (verify stays green), the statement that names a letter still names it, foreign
// keys are on again afterwards, and the new kind can be saved.
func TestUpgradeRebuildsLettersKeepingTheirLinks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	migrationsUpTo = 17
	defer func() { migrationsUpTo = 0 }()
	older := openAt(t, path, "2024-03-01")
	ref := fullFile(t, older)
	setToday(older, "2026-03-02")
	open := reach(t, older, StatusAcknowledged)
	letters, err := older.Letters(ref)
	must(t, err)
	must(t, older.Close())
	migrationsUpTo = 0
	s := openAt(t, path, "2026-03-02")
	mustVerify(t, s)
	var rehashed int // a rebuild that changed a column would rehash every letter, in a schema_upgraded event that explains it
	must(t, s.r.QueryRow(`SELECT count(*) FROM events e JOIN event_payloads p ON p.event_id = e.id
		WHERE e.kind = 'schema_upgraded' AND json_extract(p.payload, '$.migration') = 18`).Scan(&rehashed))
	if rehashed != 0 {
		t.Error("the rebuild changed the letters' rows: their hashes differ from those the audit trail recorded")
	}
	after, err := s.Letters(ref)
	must(t, err)
	if len(letters) < 2 || !reflect.DeepEqual(after, letters) {
		t.Errorf("letters after the upgrade:\n%+v\nwant\n%+v", after, letters)
	}
	var named int
	must(t, s.r.QueryRow(`SELECT count(*) FROM statements st JOIN letters l ON l.id = st.letter_id WHERE l.kind = 'confidentiality'`).Scan(&named))
	if named != 1 {
		t.Errorf("%d statements name their letter after the upgrade, want 1", named)
	}
	if _, err := s.w.Exec(`INSERT INTO statements (complaint_id, expert_id, letter_id, signed_on) VALUES (1, 1, 999, '2024-03-06')`); err == nil {
		t.Error("foreign keys are off after the upgrade: a statement naming no letter was stored")
	}
	_, err = s.AddContact(open, Contact{Kind: ContactEmail, InfoRequested: "de offerte", InfoDueOn: day("2026-03-16")})
	must(t, err)
	_, err = s.SaveLetter(open, LetterInformation, "nl", pdf("verzoek"), 0)
	must(t, err)
	mustVerify(t, s)
}

// TestUpgradeOpensARegisterWithABrokenReference: a reference broken before the upgrade (an
// edit outside the program) does not stop the rebuild, which would lock the practice out of
// its register; verify names it. A reference the rebuild itself broke would stop it. The
// edit's row noted by its trigger does not stop a later migration that adds a column to the
// letters (21: it failed on the row noted twice).
func TestUpgradeOpensARegisterWithABrokenReference(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	migrationsUpTo = 17
	defer func() { migrationsUpTo = 0 }()
	older := openAt(t, path, "2024-03-01")
	fullFile(t, older)
	must(t, older.Close())
	execRaw(t, path, `UPDATE letters SET contact_id = 999 WHERE id = (SELECT min(id) FROM letters)`)
	migrationsUpTo = 0
	if v := verifyAt(t, path); v.OK() {
		t.Error("verify passed a letter naming a contact that does not exist")
	}
	var version int
	must(t, rawDB(t, path).QueryRow(`PRAGMA user_version`).Scan(&version))
	if version != len(migrationNames()) {
		t.Errorf("schema version %d after opening, want %d", version, len(migrationNames()))
	}
}

// TestLetterDatedAheadIsSentOnItsDate: a letter keeps the date printed on it, up to two weeks
// ahead, and cannot be marked sent before it: marked sent the day it was made, the next letters
// cited a day before the one the complainant read on it. A letter made before letters kept
// their date counts as dated the day it was made.
func TestLetterDatedAheadIsSentOnItsDate(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-03-02", true))
	refusedUnchanged(t, s, "dated in the past", ErrInvalid, func() error {
		_, err := s.SaveDatedLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0, day("2026-03-01"))
		return err
	})
	l, err := s.SaveDatedLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0, day("2026-03-04"))
	must(t, err)
	if got, _ := s.LatestLetter(ref, LetterAcknowledgement); got.DatedOn != day("2026-03-04") {
		t.Errorf("the letter reads back dated %s, want 2026-03-04", got.DatedOn)
	}
	refusedUnchanged(t, s, "sent before its date", ErrInvalid, func() error { return s.MarkLetterSent(l.ID, Date{}, DeliveryPost) })
	setToday(s, "2026-03-04")
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryPost))
	if got, _ := s.LatestLetter(ref, LetterAcknowledgement); got.SentOn != day("2026-03-04") {
		t.Errorf("sent on %s, want 2026-03-04", got.SentOn)
	}
	today, err := s.SaveLetter(ref, LetterConsent, "nl", pdf("toestemming"), 0)
	must(t, err)
	if today.DatedOn != day("2026-03-04") {
		t.Errorf("a letter without a date is dated %s, want today", today.DatedOn)
	}
	mustVerify(t, s)
}

// TestLetterMadeBeforeDatesCountsAsDatedTheDayItWasMade: a letter made before letters kept
// their date (migration 21) counts as dated the day it was made: after the upgrade it is
// marked sent that day, not the day before.
func TestLetterMadeBeforeDatesCountsAsDatedTheDayItWasMade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	migrationsUpTo = 20
	defer func() { migrationsUpTo = 0 }()
	older := openAt(t, path, "2026-03-02")
	ref := mustCreate(t, older, complaint("Çelik", "2026-02-20", true)) // received before: only the letter's date refuses the 1st
	l, err := older.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	must(t, older.Close())
	migrationsUpTo = 0
	s := openAt(t, path, "2026-03-02")
	if got, _ := s.LatestLetter(ref, LetterAcknowledgement); got.DatedOn != day("2026-03-02") {
		t.Errorf("after the upgrade the letter reads dated %s, want the day it was made", got.DatedOn)
	}
	refusedUnchanged(t, s, "sent before it was made", ErrInvalid, func() error { return s.MarkLetterSent(l.ID, day("2026-03-01"), DeliveryPost) })
	must(t, s.MarkLetterSent(l.ID, day("2026-03-02"), DeliveryPost))
	mustVerify(t, s)
}
