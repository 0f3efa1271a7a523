package data

import (
	"fmt"
	"testing"
)

// TestShareDocuments walks the rules for sending documents to an expert through the store:
// a statement signed for this complaint after its letter, consent in force that names the
// documents picked, and nothing on a closed or withdrawn complaint.
func TestShareDocuments(t *testing.T) {
	s := openStore(t, "2026-02-20")
	ref := reach(t, s, StatusAcknowledged) // received 2026-02-02
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
	must(t, err)
	other, err := s.AddAttachment(ref, "offerte.pdf", []byte("%PDF-1.4 offerte"))
	must(t, err)
	smit := anExpert(t, s)
	jansen, err := s.SaveExpert(Expert{Name: "Dr. Jansen", SignedOn: day("2026-01-01")}) // signed for another complaint once
	must(t, err)
	letter, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), smit)
	must(t, err)
	setToday(s, "2026-03-02")

	share := func(expert int64, on string, atts ...int64) error {
		_, err := s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day(on), Attachments: atts})
		return err
	}

	// The statement answers this complaint's letter to this expert.
	refusedUnchanged(t, s, "no letter for this expert", ErrConflict, func() error { return s.RecordStatement(ref, jansen, day("2026-02-25")) })
	refusedUnchanged(t, s, "signed before the letter", ErrInvalid, func() error { return s.RecordStatement(ref, smit, day("2026-02-19")) })
	refusedUnchanged(t, s, "signed in the future", ErrInvalid, func() error { return s.RecordStatement(ref, smit, day("2026-03-03")) })
	refusedUnchanged(t, s, "unknown expert", ErrNotFound, func() error { return s.RecordStatement(ref, 99, day("2026-02-25")) })
	refusedUnchanged(t, s, "no consent, no statement", ErrConflict, func() error { return share(smit, "2026-02-25", att) })
	must(t, s.RecordStatement(ref, smit, day("2026-02-22")))

	refusedUnchanged(t, s, "no consent", ErrConflict, func() error { return share(smit, "2026-02-25", att) })
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-24"), How: "schriftelijk (formulier)", Documents: Documents{Attachments: []int64{att}}}))
	refusedUnchanged(t, s, "statement of another complaint only", ErrConflict, func() error { return share(jansen, "2026-02-25", att) })
	refusedUnchanged(t, s, "before the statement", ErrConflict, func() error { return share(smit, "2026-02-21", att) })
	refusedUnchanged(t, s, "before the consent", ErrConflict, func() error { return share(smit, "2026-02-23", att) })
	refusedUnchanged(t, s, "outside the consent", ErrConflict, func() error { return share(smit, "2026-02-25", att, other) })
	refusedUnchanged(t, s, "nothing picked", ErrInvalid, func() error { return share(smit, "2026-02-25") })
	refusedUnchanged(t, s, "not of this complaint", ErrNotFound, func() error { return share(smit, "2026-02-25", 99) })
	refusedUnchanged(t, s, "letter of another complaint", ErrNotFound, func() error {
		_, err := s.ShareDocuments(ref, Share{ExpertID: smit, SharedOn: day("2026-02-25"), Letters: []int64{letter.ID + 100}})
		return err
	})

	id, err := s.ShareDocuments(ref, Share{ExpertID: smit, SharedOn: day("2026-02-25"), Attachments: []int64{att}})
	must(t, err)
	f, err := s.File(ref)
	must(t, err)
	if len(f.Shares) != 1 || f.Shares[0].ID != id || len(f.Shares[0].Attachments) != 1 || f.Shares[0].Attachments[0] != att ||
		f.Shares[0].Documents != "bijlage 1 (klachtbrief.pdf)" {
		t.Errorf("shares in the file: %+v", f.Shares)
	}
	if len(f.Statements) != 1 || f.Statements[0].LetterID != letter.ID || f.Statements[0].SignedOn != day("2026-02-22") {
		t.Errorf("statements in the file: %+v", f.Statements)
	}

	// A refusal after consent ends it; withdrawal ends it from that day; a later consent for
	// every document allows sharing anything of the file again.
	must(t, s.WithdrawConsent(ref, day("2026-02-27")))
	refusedUnchanged(t, s, "consent withdrawn", ErrConflict, func() error { return share(smit, "2026-02-27", att) })
	must(t, share(smit, "2026-02-26", att))
	refusedUnchanged(t, s, "nothing left to withdraw", ErrConflict, func() error { return s.WithdrawConsent(ref, Date{}) })
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-28"), How: "per e-mail", Documents: Documents{All: true}}))
	must(t, share(smit, "2026-02-28", att, other))
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-03-01"), How: "telefonisch", Refused: true}))
	refusedUnchanged(t, s, "consent refused later", ErrConflict, func() error { return share(smit, "2026-03-01", att) })
	refusedUnchanged(t, s, "withdrawing after a refusal", ErrConflict, func() error { return s.WithdrawConsent(ref, Date{}) })

	// Nothing is shared on a withdrawn complaint.
	must(t, s.Withdraw(ref, Date{}, ""))
	refusedUnchanged(t, s, "withdrawn complaint", ErrTransition, func() error { return share(smit, "2026-02-28", att) })
	refusedUnchanged(t, s, "consent on a withdrawn complaint", ErrTransition, func() error { return s.GiveConsent(ref, Consent{How: "x", Documents: Documents{All: true}}) })
}

func TestShareRefusal(t *testing.T) {
	open := &Complaint{Reference: "K-2026-0001", Status: StatusAcknowledged}
	given := &Consent{ID: 1, GivenOn: day("2026-02-10"), Documents: Documents{Attachments: []int64{1}, Letters: []int64{4}}, Scope: "bijlage 1"}
	all := &Consent{ID: 2, GivenOn: day("2026-02-10"), Documents: Documents{All: true}}
	withdrawn := &Consent{ID: 3, GivenOn: day("2026-02-10"), WithdrawnOn: day("2026-02-20"), Documents: Documents{All: true}}
	refused := &Consent{ID: 4, GivenOn: day("2026-02-10"), Refused: true}
	sh := func(on string, letters, atts []int64) Share {
		return Share{ExpertName: "Dr. Smit", SharedOn: day(on), Letters: letters, Attachments: atts}
	}
	signed := day("2026-02-12")
	tests := []struct {
		name    string
		c       *Complaint
		sh      Share
		signed  Date
		consent *Consent
		want    error
	}{
		{"named documents", open, sh("2026-02-15", []int64{4}, []int64{1}), signed, given, nil},
		{"all documents", open, sh("2026-02-15", []int64{9}, []int64{7}), signed, all, nil},
		{"outside the consent", open, sh("2026-02-15", nil, []int64{2}), signed, given, ErrConflict},
		{"nothing picked", open, sh("2026-02-15", nil, nil), signed, given, ErrInvalid},
		{"no statement", open, sh("2026-02-15", nil, []int64{1}), Date{}, given, ErrConflict},
		{"statement signed later", open, sh("2026-02-11", nil, []int64{1}), signed, given, ErrConflict},
		{"statement signed that day", open, sh("2026-02-12", nil, []int64{1}), signed, given, nil},
		{"no consent", open, sh("2026-02-15", nil, []int64{1}), signed, nil, ErrConflict},
		{"refused", open, sh("2026-02-15", nil, []int64{1}), signed, refused, ErrConflict},
		{"before withdrawal", open, sh("2026-02-19", nil, []int64{1}), signed, withdrawn, nil},
		{"on the day of withdrawal", open, sh("2026-02-20", nil, []int64{1}), signed, withdrawn, ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := shareRefusal(tt.c, tt.sh, tt.signed, tt.consent, DocumentNames{})
			if tt.want == nil {
				must(t, err)
				return
			}
			wantErr(t, err, tt.want)
		})
	}
}

func TestStatementRefusal(t *testing.T) {
	today := day("2026-03-02")
	tests := []struct {
		name         string
		made, signed Date
		want         error
	}{
		{"after the letter", day("2026-02-20"), day("2026-02-22"), nil},
		{"the day of the letter", day("2026-02-20"), day("2026-02-20"), nil},
		{"before the letter", day("2026-02-20"), day("2026-02-19"), ErrInvalid},
		{"no letter", Date{}, day("2026-02-22"), ErrConflict},
		{"in the future", day("2026-02-20"), day("2026-03-03"), ErrInvalid},
		{"no date", day("2026-02-20"), Date{}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := statementRefusal("K-2026-0001", "Dr. Smit", tt.made, tt.signed, today)
			if tt.want == nil {
				must(t, err)
				return
			}
			wantErr(t, err, tt.want)
		})
	}
}

func TestConsentRefusal(t *testing.T) {
	tests := []struct {
		name string
		c    Consent
		want error
	}{
		{"all documents", Consent{How: "schriftelijk", Documents: Documents{All: true}}, nil},
		{"named documents", Consent{How: "schriftelijk", Documents: Documents{Letters: []int64{1}}}, nil},
		{"refused", Consent{How: "telefonisch", Refused: true}, nil},
		{"no documents", Consent{How: "schriftelijk"}, ErrInvalid},
		{"refusal naming documents", Consent{How: "schriftelijk", Refused: true, Documents: Documents{All: true}}, ErrInvalid},
		{"how missing", Consent{Documents: Documents{All: true}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := consentRefusal("K-2026-0001", tt.c)
			if tt.want == nil {
				must(t, err)
				return
			}
			wantErr(t, err, tt.want)
		})
	}
}

// TestConsentState: the file shows consent as not asked, asked (a letter asking it was sent),
// given, refused or withdrawn; the latest answer counts.
func TestConsentState(t *testing.T) {
	sentAsk := Letter{Kind: LetterAcknowledgement, AsksConsent: true, SentOn: day("2026-02-05")}
	tests := []struct {
		name string
		f    File
		want ConsentState
		on   Date
	}{
		{"nothing", File{}, ConsentNotAsked, Date{}},
		{"acknowledgement without form", File{Letters: []Letter{{Kind: LetterAcknowledgement, SentOn: day("2026-02-05")}}}, ConsentNotAsked, Date{}},
		{"form made, not sent", File{Letters: []Letter{{Kind: LetterAcknowledgement, AsksConsent: true}}}, ConsentNotAsked, Date{}},
		{"asked", File{Letters: []Letter{sentAsk}}, ConsentAsked, day("2026-02-05")},
		{"given", File{Letters: []Letter{sentAsk}, Consents: []Consent{{GivenOn: day("2026-02-10"), Documents: Documents{All: true}}}}, ConsentGiven, day("2026-02-10")},
		{"refused", File{Consents: []Consent{{GivenOn: day("2026-02-10"), Refused: true}}}, ConsentRefused, day("2026-02-10")},
		{"withdrawn", File{Consents: []Consent{{GivenOn: day("2026-02-10"), WithdrawnOn: day("2026-02-12")}}}, ConsentWithdrawn, day("2026-02-12")},
		{"given again", File{Consents: []Consent{{GivenOn: day("2026-02-10"), WithdrawnOn: day("2026-02-12")}, {GivenOn: day("2026-02-14")}}}, ConsentGiven, day("2026-02-14")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, on := tt.f.ConsentState()
			if got != tt.want || on != tt.on {
				t.Errorf("ConsentState = %q %s, want %q %s", got, on, tt.want, tt.on)
			}
		})
	}
}

func TestAsksConsent(t *testing.T) {
	on, off := DefaultSettings(), DefaultSettings()
	off[KeyAskConsentOnAck] = "false"
	formal, informal := &Complaint{Formal: true}, &Complaint{}
	tests := []struct {
		kind     LetterKind
		c        *Complaint
		set      Settings
		answered bool
		want     bool
	}{
		{LetterAcknowledgement, formal, on, false, true},
		{LetterAcknowledgement, formal, on, true, false}, // given or refused before the acknowledgement: not asked again
		{LetterAcknowledgement, formal, off, false, false},
		{LetterAcknowledgement, informal, on, false, false},
		{LetterConsent, formal, off, false, true},
		{LetterConsent, formal, on, true, true}, // the consent letter is made on purpose, to ask again
		{LetterOutcome, formal, on, false, false},
	}
	for _, tt := range tests {
		if got := AsksConsent(tt.kind, tt.c, tt.set, tt.answered); got != tt.want {
			t.Errorf("AsksConsent(%s, formal %v, ask %s, answered %v) = %v", tt.kind, tt.c.Formal, tt.set[KeyAskConsentOnAck], tt.answered, got)
		}
	}
}

// TestSavedLetterAsksConsent: the register remembers which letter asked consent and which
// expert a statement was made for, and refuses letters an anonymous complaint cannot get.
func TestSavedLetterAsksConsent(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Çelik", "2026-02-20", true))
	ack, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	must(t, s.SetSettings(map[string]string{KeyAskConsentOnAck: "false"}))
	plain, err := s.SaveLetter(ref, LetterAcknowledgement, "nl", pdf("ontvangst"), 0)
	must(t, err)
	if !ack.AsksConsent || plain.AsksConsent {
		t.Errorf("asks consent: with setting on %v, off %v", ack.AsksConsent, plain.AsksConsent)
	}
	must(t, s.MarkLetterSent(ack.ID, Date{}, DeliveryPost))
	f, err := s.File(ref)
	must(t, err)
	if st, on := f.ConsentState(); st != ConsentAsked || on != day("2026-03-02") {
		t.Errorf("consent state after the acknowledgement with form was sent: %q %s", st, on)
	}
	// consent refused on the phone before the acknowledgement: it does not ask again
	must(t, s.SetSettings(map[string]string{KeyAskConsentOnAck: "true"}))
	answered := mustCreate(t, s, complaint("De Vries", "2026-02-20", true))
	must(t, s.GiveConsent(answered, Consent{How: "telefonisch", Refused: true}))
	if l, err := s.SaveLetter(answered, LetterAcknowledgement, "nl", pdf("ontvangst"), 0); err != nil || l.AsksConsent {
		t.Errorf("acknowledgement after the answer asks consent: %v %v", l.AsksConsent, err)
	}
	before := dumpTables(t, s)
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), 0)
	wantErr(t, err, ErrInvalid)
	_, err = s.SaveLetter(ref, LetterOutcome, "nl", pdf("uitkomst"), 5)
	wantErr(t, err, ErrInvalid)
	if dumpTables(t, s) != before {
		t.Error("a refused letter changed the register")
	}
	anon := mustCreate(t, s, Complaint{ReceivedOn: day("2026-02-20"), Channel: ChannelConversation, Subject: SubjectService,
		Summary: "onvriendelijk", Anonymous: true})
	before = dumpTables(t, s)
	_, err = s.SaveLetter(anon, LetterConsent, "nl", pdf("toestemming"), 0)
	wantErr(t, err, ErrConflict)
	if dumpTables(t, s) != before {
		t.Error("a refused letter changed the register")
	}
}

func TestExpertAndConsentValidation(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusReceived)
	for _, e := range []Expert{
		{Name: "  "},
		{Name: "A", Email: "geen-adres"},
		{Name: "A", Email: "A <a@example.nl>"},
		{Name: "A", SignedOn: day("2026-03-03")},
	} {
		if _, err := s.SaveExpert(e); err == nil {
			t.Errorf("SaveExpert(%+v) accepted", e)
		} else {
			wantErr(t, err, ErrInvalid)
		}
	}
	_, err := s.SaveExpert(Expert{ID: 5, Name: "A"})
	wantErr(t, err, ErrNotFound)

	id, err := s.SaveExpert(Expert{Name: " Dr. B ", Organisation: " Kliniek ", Email: "b@example.nl"})
	must(t, err)
	experts, err := s.Experts()
	must(t, err)
	if len(experts) != 1 || experts[0] != (Expert{ID: id, Name: "Dr. B", NameParts: NameParts{SalutationNeutral, "", "B"}, Title: "Dr.", Organisation: "Kliniek", Email: "b@example.nl"}) {
		t.Errorf("Experts = %+v", experts)
	}

	all := Documents{All: true}
	for _, c := range []Consent{
		{How: "", Documents: all},
		{How: "mondeling"},
		{How: "mondeling", Documents: all, GivenOn: day("2026-03-03")},
		{How: "mondeling", Documents: all, GivenOn: day("2026-01-01")}, // before the complaint came in
	} {
		if err := s.GiveConsent(ref, c); err == nil {
			t.Errorf("GiveConsent(%+v) accepted", c)
		} else {
			wantErr(t, err, ErrInvalid)
		}
	}
	wantErr(t, s.GiveConsent(ref, Consent{How: "x", Documents: Documents{Letters: []int64{42}}}), ErrNotFound)
	if n := countRows(t, s, "consents"); n != 0 {
		t.Errorf("%d consents stored after refusals", n)
	}
	wantErr(t, s.GiveConsent("K-2026-0099", Consent{How: "x", Documents: all}), ErrNotFound)
}

// TestExpertTitlesAreProposedFromTheName: an expert typed as "drs. P. Bakker" got the initials
// "drs. P.", and the letter began "Geachte drs. P. Bakker,"; a title after the name became the
// surname. The titles now go to the title fields, unless those or the parts were given.
func TestExpertTitlesAreProposedFromTheName(t *testing.T) {
	for _, tc := range []struct {
		in   Expert
		want Expert
	}{
		{Expert{Name: "drs. P. Bakker"}, Expert{Name: "drs. P. Bakker", Title: "drs.", NameParts: NameParts{SalutationNeutral, "P.", "Bakker"}}},
		{Expert{Name: "prof.dr. Hélène Öztürk-Vermeulen RA"}, Expert{Name: "prof.dr. Hélène Öztürk-Vermeulen RA", Title: "prof.dr.", TitleAfter: "RA",
			NameParts: NameParts{SalutationNeutral, "Hélène", "Öztürk-Vermeulen"}}},
		{Expert{Name: "Mr. J. van der Berg LL.M."}, Expert{Name: "Mr. J. van der Berg LL.M.", Title: "Mr.", TitleAfter: "LL.M.",
			NameParts: NameParts{SalutationNeutral, "J.", "van der Berg"}}},
		{Expert{Name: "Ma Drost"}, Expert{Name: "Ma Drost", NameParts: NameParts{SalutationNeutral, "Ma", "Drost"}}}, // a first name, not a title
		{Expert{Name: "Dr. Ir"}, Expert{Name: "Dr. Ir", Title: "Dr.", NameParts: NameParts{SalutationNeutral, "", "Ir"}}},
		{Expert{Name: "drs. P. Bakker RA", Title: "drs"}, Expert{Name: "drs. P. Bakker RA", Title: "drs", TitleAfter: "RA", NameParts: NameParts{SalutationNeutral, "P.", "Bakker"}}},
		{Expert{Name: "drs. P. Bakker", NameParts: NameParts{Initials: "Piet", Surname: "Bakker"}},
			Expert{Name: "drs. P. Bakker", NameParts: NameParts{SalutationNeutral, "Piet", "Bakker"}}}, // parts given: as given, titles too
		// Names that look like titles are names.
		{Expert{Name: "M.R. de Vries"}, Expert{Name: "M.R. de Vries", NameParts: NameParts{SalutationNeutral, "M.R.", "de Vries"}}},
		{Expert{Name: "D.R. Jansen"}, Expert{Name: "D.R. Jansen", NameParts: NameParts{SalutationNeutral, "D.R.", "Jansen"}}},
		{Expert{Name: "P. van der Aa"}, Expert{Name: "P. van der Aa", NameParts: NameParts{SalutationNeutral, "P.", "van der Aa"}}},
		{Expert{Name: "J. Ma"}, Expert{Name: "J. Ma", NameParts: NameParts{SalutationNeutral, "J.", "Ma"}}},
		{Expert{Name: "J. MA"}, Expert{Name: "J. MA", NameParts: NameParts{SalutationNeutral, "J.", "MA"}}},
		{Expert{Name: "Amadou Ba"}, Expert{Name: "Amadou Ba", NameParts: NameParts{SalutationNeutral, "Amadou", "Ba"}}},
		{Expert{Name: "Ing Tan"}, Expert{Name: "Ing Tan", NameParts: NameParts{SalutationNeutral, "Ing", "Tan"}}},
	} {
		e := tc.in
		if err := e.Validate(day("2026-03-02"), Settings{}); err != nil || e != tc.want {
			t.Errorf("Validate(%q) = %+v (%v), want %+v", tc.in.Name, e, err, tc.want)
		}
	}
}

// TestConsentNamesOnlyLettersTheComplainantReceived: a consent or a share names the letters the
// complainant received, as the consent form offers them (Letter.Offered); an unsent letter or
// an expert's confidentiality statement is refused, with nothing changed (the CLI took them).
func TestConsentNamesOnlyLettersTheComplainantReceived(t *testing.T) {
	s := openStore(t, "2026-02-20")
	ref := reach(t, s, StatusAcknowledged)
	draft, err := s.SaveLetter(ref, LetterConsent, "nl", pdf("toestemming"), 0)
	must(t, err)
	expert := anExpert(t, s)
	statement, err := s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), expert)
	must(t, err)
	must(t, s.MarkLetterSent(statement.ID, Date{}, DeliveryEmail))
	for _, id := range []int64{draft.ID, statement.ID} {
		refusedUnchanged(t, s, fmt.Sprintf("letter %d", id), ErrInvalid, func() error {
			return s.GiveConsent(ref, Consent{How: "schriftelijk", Documents: Documents{Letters: []int64{id}}})
		})
	}
	must(t, s.MarkLetterSent(draft.ID, Date{}, DeliveryPost))
	must(t, s.GiveConsent(ref, Consent{How: "schriftelijk", Documents: Documents{Letters: []int64{draft.ID}}}))
}
