package data

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// lastEvents returns the kinds and complaint IDs of the newest n events, oldest first.
func lastEvents(t *testing.T, s *Store, n int) (kinds []string, complaints []int64) {
	t.Helper()
	rows, err := s.r.Query(`SELECT kind, coalesce(complaint_id, 0) FROM (SELECT * FROM events ORDER BY id DESC LIMIT ?) ORDER BY id`, n)
	must(t, err)
	defer rows.Close()
	for rows.Next() {
		var k string
		var id int64
		must(t, rows.Scan(&k, &id))
		kinds, complaints = append(kinds, k), append(complaints, id)
	}
	return kinds, complaints
}

func TestEveryChangeWritesItsEvents(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	other := mustCreate(t, s, complaint("De Vries", "2026-02-10", false))
	third := mustCreate(t, s, complaint("Smit", "2026-02-20", true))
	id := complaintOf(t, s, ref).ID
	var expert, letter int64
	edited := *complaintOf(t, s, ref)
	edited.Summary, edited.Complainant.City = "lange wachttijd", "Utrecht"

	tests := []struct {
		name     string
		do       func() error
		kinds    []string
		register bool // about the register, not a complaint
	}{
		{"create", func() error { _, err := s.Create(complaint("Bakker", "2026-03-01", true)); return err }, []string{"complaint_created"}, false},
		{"edit", func() error { return s.Update(edited) }, []string{"complaint_edited"}, false},
		{"edit without changes", func() error { return s.Update(edited) }, nil, false},
		{"acknowledge", func() error { return s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd.") }, []string{"status_changed"}, false},
		{"letter", func() error {
			l, err := s.SaveLetter(third, LetterAcknowledgement, "nl", []byte("%PDF-1.4 brief"), 0)
			letter = l.ID
			return err
		}, []string{"letter_generated"}, false},
		{"letter sent", func() error { return s.MarkLetterSent(letter, Date{}, DeliveryPost) },
			[]string{"contact_added", "letter_sent", "status_changed"}, false}, // sending the acknowledgement acknowledges
		{"contact", func() error {
			_, err := s.AddContact(ref, Contact{Kind: ContactEmail, InfoRequested: "foto", InfoDueOn: day("2026-03-09")})
			return err
		}, []string{"contact_added"}, false},
		{"information", func() error { return s.InformationReceived(ref, Date{}, "") }, []string{"information_received"}, false},
		{"extend", func() error { return s.Extend(ref, day("2026-03-30"), "advies") }, []string{"status_changed"}, false},
		{"consent", func() error { return s.GiveConsent(ref, Consent{How: "per e-mail", Documents: Documents{All: true}}) }, []string{"consent_given"}, false},
		{"expert", func() (err error) {
			expert, err = s.SaveExpert(Expert{Name: "Dr. Smit", SignedOn: day("2026-03-01")})
			return err
		}, []string{"expert_added"}, true},
		{"expert edit", func() error {
			_, err := s.SaveExpert(Expert{ID: expert, Name: "Dr. A. Smit", SignedOn: day("2026-03-01")})
			return err
		}, []string{"expert_edited"}, true},
		{"attachment", func() error { _, err := s.AddAttachment(ref, "brief.txt", []byte("inhoud")); return err }, []string{"attachment_added"}, false},
		{"statement letter", func() error {
			_, err := s.SaveLetter(ref, LetterConfidentiality, "nl", []byte("%PDF-1.4 verklaring"), expert)
			return err
		}, []string{"letter_generated"}, false},
		{"statement", func() error { return s.RecordStatement(ref, expert, day("2026-03-02")) }, []string{"statement_signed"}, false},
		{"share", func() error {
			_, err := s.ShareDocuments(ref, Share{ExpertID: expert, Attachments: []int64{1}})
			return err
		}, []string{"documents_shared"}, false},
		{"withdraw consent", func() error { return s.WithdrawConsent(ref, Date{}) }, []string{"consent_withdrawn"}, false},
		{"settings", func() error {
			return s.SetSettings(map[string]string{"ack_days": "5", "practice_name": "Praktijk Zon", "language": "nl"})
		}, []string{"setting_changed", "setting_changed"}, true},
		{"settings unchanged", func() error { return s.SetSettings(map[string]string{"ack_days": "5"}) }, nil, true},
		{"resolve", func() error {
			return s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "opgelost", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"})
		}, []string{"status_changed"}, false},
		{"withdraw", func() error { return s.Withdraw(other, Date{}, "") }, []string{"status_changed"}, false},
	}
	for _, tt := range tests {
		before := countRows(t, s, "events")
		if err := tt.do(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		n := countRows(t, s, "events") - before
		if n != len(tt.kinds) {
			t.Fatalf("%s wrote %d events, want %d", tt.name, n, len(tt.kinds))
		}
		if n == 0 {
			continue
		}
		kinds, ids := lastEvents(t, s, n)
		if !reflect.DeepEqual(kinds, tt.kinds) {
			t.Errorf("%s wrote %v, want %v", tt.name, kinds, tt.kinds)
		}
		for _, got := range ids {
			if tt.register && got != 0 || !tt.register && got == 0 {
				t.Errorf("%s: event about complaint %d", tt.name, got)
			}
		}
		if tt.name == "acknowledge" && ids[0] != id {
			t.Errorf("acknowledge event is about complaint %d, want %d", ids[0], id)
		}
	}
	if n, p := countRows(t, s, "events"), countRows(t, s, "event_payloads"); n != p {
		t.Errorf("%d events but %d payloads", n, p)
	}
	v, err := s.Verify()
	must(t, err)
	if !v.OK() || v.Events != countRows(t, s, "events") || v.EventID != 0 {
		t.Errorf("Verify = %+v", v)
	}
}

func TestRefusedChangesWriteNothing(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	bad := *complaintOf(t, s, ref)
	bad.Summary = ""
	l, err := s.SaveLetter(ref, LetterProgress, "nl", []byte("%PDF-1.4 brief"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryEmail))
	unsent, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", []byte("%PDF-1.4 brief"), 0)
	must(t, err)
	refused := map[string]func() error{
		"letter sent twice":  func() error { return s.MarkLetterSent(l.ID, Date{}, DeliveryEmail) },
		"letter sent by fax": func() error { return s.MarkLetterSent(unsent.ID, Date{}, "fax") },
		"letter sent early":  func() error { return s.MarkLetterSent(unsent.ID, day("2026-03-01"), DeliveryPost) },
		"unknown letter":     func() error { return s.MarkLetterSent(99, Date{}, DeliveryPost) },
		"not a PDF": func() error {
			_, err := s.SaveLetter(ref, LetterOutcome, "nl", []byte("<html>"), 0)
			return err
		},
		"letter language": func() error {
			_, err := s.SaveLetter(ref, LetterOutcome, "de", []byte("%PDF-1.4"), 0)
			return err
		},
		"invalid complaint": func() error { _, err := s.Create(complaint("", "2026-03-01", true)); return err },
		"future complaint":  func() error { _, err := s.Create(complaint("X", "2026-03-03", true)); return err },
		"invalid edit":      func() error { return s.Update(bad) },
		"resolve": func() error {
			return s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "x", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"})
		},
		"extend": func() error { return s.Extend(ref, day("2026-04-01"), "x") },
		"close":  func() error { return s.CloseComplaint(ref) },
		"acknowledge later": func() error {
			return s.Acknowledge(ref, day("2026-03-03"), DeliveryEmail, "Ontvangst per e-mail bevestigd.")
		},
		"contact":           func() error { _, err := s.AddContact(ref, Contact{Kind: ContactEmail}); return err },
		"information":       func() error { return s.InformationReceived(ref, Date{}, "") },
		"withdraw consent":  func() error { return s.WithdrawConsent(ref, Date{}) },
		"consent":           func() error { return s.GiveConsent(ref, Consent{How: "mondeling"}) },
		"share":             func() error { _, err := s.ShareDocuments(ref, Share{ExpertID: 1, Documents: "x"}); return err },
		"expert":            func() error { _, err := s.SaveExpert(Expert{Name: "A", Email: "geen adres"}); return err },
		"missing expert":    func() error { _, err := s.SaveExpert(Expert{ID: 42, Name: "A"}); return err },
		"attachment":        func() error { _, err := s.AddAttachment(ref, "leeg.txt", nil); return err },
		"settings":          func() error { return s.SetSettings(map[string]string{"ack_days": "3", "warning_days": "-1"}) },
		"unknown complaint": func() error { return s.Withdraw("K-2026-0099", Date{}, "") },
	}
	for name, do := range refused {
		before := dumpTables(t, s)
		if err := do(); err == nil || !isInputError(err) {
			t.Errorf("%s: error = %v, want an input error", name, err)
		}
		if after := dumpTables(t, s); after != before {
			t.Errorf("%s was refused but changed the register", name)
		}
	}
}

// TestChangeAndEventCommitTogether makes the audit event fail and checks that the change it
// would have recorded is rolled back with it.
func TestChangeAndEventCommitTogether(t *testing.T) {
	path := t.TempDir() + "/register.db"
	s := openAt(t, path, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Close())
	execRaw(t, path, `CREATE TRIGGER no_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'geen events'); END`)

	s = openAt(t, path, "2026-03-02")
	before := dumpTables(t, s)
	if _, err := s.Create(complaint("Bakker", "2026-03-01", true)); err == nil {
		t.Fatal("Create succeeded without its audit event")
	}
	if err := s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."); err == nil {
		t.Fatal("Acknowledge succeeded without its audit event")
	}
	if err := s.SetSettings(map[string]string{"ack_days": "3"}); err == nil {
		t.Fatal("SetSettings succeeded without its audit event")
	}
	if dumpTables(t, s) != before {
		t.Fatal("changes were kept although their audit events failed")
	}
	must(t, s.Close())

	execRaw(t, path, `DROP TRIGGER no_events`)
	s = openAt(t, path, "2026-03-02")
	if next := mustCreate(t, s, complaint("Bakker", "2026-03-01", true)); next != "K-2026-0002" {
		t.Errorf("next reference %s: the failed Create used up a number", next)
	}

	// Marking the acknowledgement sent is one change in four parts: the contact, the letter,
	// its event and the acknowledge step. When the last part fails, none of them stays.
	l, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", []byte("%PDF-1.4 brief"), 0)
	must(t, err)
	must(t, s.Close())
	execRaw(t, path, `CREATE TRIGGER no_steps BEFORE INSERT ON events WHEN NEW.kind = 'status_changed'
		BEGIN SELECT RAISE(ABORT, 'geen statuswijziging'); END`)
	s = openAt(t, path, "2026-03-02")
	before = dumpTables(t, s)
	if err := s.MarkLetterSent(l.ID, Date{}, DeliveryPost); err == nil {
		t.Fatal("MarkLetterSent succeeded although its acknowledge step failed")
	}
	if dumpTables(t, s) != before {
		t.Fatal("part of a failed MarkLetterSent was kept")
	}
}

func TestEventFields(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	evs, err := s.Timeline(ref)
	must(t, err)
	if len(evs) != 2 {
		t.Fatalf("timeline has %d events", len(evs))
	}
	e := evs[1]
	if e.ID != 2 || e.Kind != "status_changed" || e.Actor != "tester" || !e.At.Equal(noon(day("2026-03-02"))) ||
		e.PrevHash != evs[0].Hash || evs[0].PrevHash != strings.Repeat("0", 64) || len(e.Hash) != 64 {
		t.Errorf("event: %+v", e)
	}
	if d := e.Describe().String(); d != "Status van ontvangen naar ontvangst bevestigd: ontvangst bevestigd op 2026-02-05, per e-mail verstuurd zonder brief uit het programma: Ontvangst per e-mail bevestigd." {
		t.Errorf("Describe = %q", d)
	}
	if d := evs[0].Describe().String(); d != "Klacht geregistreerd: wachttijd te lang" {
		t.Errorf("Describe = %q", d)
	}
	_, err = s.Timeline("K-1999-0001")
	wantErr(t, err, ErrNotFound)
	if (Event{Kind: "x"}).Describe().String() != "X (inhoud gewist)" {
		t.Error("an erased payload is not described as such")
	}
}

// TestTimelineNamesTheInformationRequested: a contact that asks for information says what was
// asked and by when; a request sent without a note of its own read "Contactmoment (brief): "
// with nothing after it.
func TestTimelineNamesTheInformationRequested(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-05"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	for _, ct := range []Contact{
		{On: day("2026-03-02"), Kind: ContactLetter, Party: PartyComplainant, InfoRequested: "Kopie van de nota van oktober", InfoDueOn: day("2026-03-16")},
		{On: day("2026-03-02"), Kind: ContactPhone, Party: PartyComplainant, Note: "Nota besproken", InfoRequested: "De offerte", InfoDueOn: day("2026-03-20")},
		{On: day("2026-03-02"), Kind: ContactEmail, Party: PartyComplainant, Note: "Wacht op schriftelijke reactie.", InfoRequested: "De nota", InfoDueOn: day("2026-03-20")},
	} {
		_, err := s.AddContact(ref, ct)
		must(t, err)
	}
	evs, err := s.Timeline(ref)
	must(t, err)
	for i, want := range []string{"Contactmoment (brief): informatie gevraagd: Kopie van de nota van oktober (uiterlijk 2026-03-16)",
		"Contactmoment (telefoon): Nota besproken; informatie gevraagd: De offerte (uiterlijk 2026-03-20)",
		// A note typed as a sentence read "…reactie.; informatie gevraagd".
		"Contactmoment (e-mail): Wacht op schriftelijke reactie. Informatie gevraagd: De nota (uiterlijk 2026-03-20)"} {
		if d := evs[len(evs)-3+i].Describe().String(); d != want {
			t.Errorf("Describe = %q, want %q", d, want)
		}
	}
}

// TestChainHashIsStable pins what an event's hash covers: every register written before holds
// hashes made this way, so verify must make them the same way for good.
func TestChainHashIsStable(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 15, 4, 123456789, time.FixedZone("CET", 3600))
	e := Event{ID: 1204, At: at, Actor: "praktijk", ComplaintID: 17, Kind: "status_changed", PayloadSHA256: "p-sha", PrevHash: "prev-hash"}
	if got, want := chainHash(e), "f155751d52e88abf67dcf2232a47245d5b29b29dc811c78ca2ef4a818519088b"; got != want {
		t.Errorf("hash of an event from before row tracking = %s, want %s", got, want)
	}
	e.RowsSHA256 = "ab12"
	if got, want := chainHash(e), "98602df326c527045f91362f240466312f6cfd4d23bb4a334635e496b6846955"; got != want {
		t.Errorf("hash of an event with its rows = %s, want %s", got, want)
	}
}

// TestRowHashesAreStable pins how a row's values and an event's row changes are hashed: every
// register holds hashes made this way, so the triggers and verify must make them so for good.
func TestRowHashesAreStable(t *testing.T) {
	changes := []rowChange{{Table: "complaints", Key: int64(17), After: []byte{1, 2, 3}},
		{Table: "settings", Key: "practice_name", Before: []byte("x")}}
	if got, want := rowsDigest(changes), "330cd794e87b50f94bdb77915ad215c6da3e9d6d778b1852ae669325ec6fb3e6"; got != want {
		t.Errorf("digest of row changes = %s, want %s", got, want)
	}
	var b []byte
	for _, v := range []any{nil, int64(-5), 2.5, true, "Zoë", []byte{0, 255}, time.Date(2026, 3, 2, 9, 0, 0, 5, time.UTC)} {
		b = appendValue(b, v)
	}
	if got, want := fmt.Sprintf("%x", sha256.Sum256(b)), "74eb76fe2f7f0c5bfbc1c9308c882880e48ef554d9d326de8df0cc8932ce926e"; got != want {
		t.Errorf("hash of values of every type = %s, want %s", got, want)
	}
}
