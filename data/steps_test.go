package data

import (
	"errors"
	"strings"
	"testing"
)

// TestAllowedSteps: the one table of what a complaint file offers in each state, which the
// store's refusals and the file's buttons both follow.
func TestAllowedSteps(t *testing.T) {
	resolved := Facts{Complaint: Complaint{Reference: "K-2026-0001", Status: StatusResolved, Formal: true, Verdict: VerdictUnfounded}}
	sent := resolved
	sent.OutcomeSentOn = day("2026-05-01")
	founded := sent
	founded.Verdict = VerdictWellFounded
	measured := founded
	measured.MeasureCount = 1
	asked := Facts{Complaint: Complaint{Status: StatusAcknowledged, Formal: true}, InfoExpected: []Date{day("2026-05-01")}}
	tests := []struct {
		name    string
		f       Facts
		allowed []Action
	}{
		{"informal", Facts{Complaint: Complaint{Status: StatusInformal}}, []Action{ActionEscalate, ActionResolve, ActionWithdraw,
			ActionContact, ActionRequestInformation, ActionConsultExpert, ActionEdit}},
		{"received", Facts{Complaint: Complaint{Status: StatusReceived, Formal: true}}, []Action{ActionAcknowledge,
			ActionWithdraw, ActionContact, ActionRequestInformation, ActionConsultExpert, ActionEdit}},
		{"information asked", asked, []Action{ActionExtend, ActionResolve, ActionWithdraw, ActionContact,
			ActionRequestInformation, ActionInformationReceived, ActionConsultExpert, ActionEdit}},
		{"resolved, outcome letter not sent", resolved, []Action{ActionContact, ActionConsultExpert, ActionEdit}},
		{"resolved, outcome letter sent", sent, []Action{ActionClose, ActionContact, ActionConsultExpert, ActionEdit}},
		{"well-founded without measure", founded, []Action{ActionContact, ActionConsultExpert, ActionEdit}},
		{"well-founded with measure", measured, []Action{ActionClose, ActionContact, ActionConsultExpert, ActionEdit}},
		{"closed: only reopening", Facts{Complaint: Complaint{Status: StatusClosed}}, []Action{ActionReopen}},
		{"withdrawn: nothing", Facts{Complaint: Complaint{Status: StatusWithdrawn}}, nil},
		{"anonymised: nothing, not even reopening", Facts{Complaint: Complaint{Status: StatusClosed, AnonymisedOn: day("2026-11-30")}}, nil},
		{"anonymous", Facts{Complaint: Complaint{Status: StatusInformal, Anonymous: true}}, []Action{ActionResolve, ActionWithdraw,
			ActionContact, ActionRequestInformation, ActionEdit}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AllowedSteps(tt.f)
			if len(got) != len(FileSteps) {
				t.Fatalf("%d steps judged, want all %d", len(got), len(FileSteps))
			}
			want := map[Action]bool{}
			for _, a := range tt.allowed {
				want[a] = true
			}
			for _, a := range FileSteps {
				refusal := got[a]
				if want[a] != (refusal == nil) {
					t.Errorf("%s: refusal %v, want allowed=%v", a, refusal, want[a])
				}
				var e *Error
				if refusal != nil && (!errors.As(refusal, &e) || e.Error() == "") {
					t.Errorf("%s: refusal %v does not say why", a, refusal)
				}
			}
		})
	}
}

// TestCloseGuardSaysWhy: the reason the close button shows is the store's refusal.
func TestCloseGuardSaysWhy(t *testing.T) {
	s := openAt(t, t.TempDir()+"/r.db", "2026-03-02")
	ref := mustCreate(t, s, Complaint{ReceivedOn: day("2026-03-02"), Channel: ChannelLetter, Formal: true,
		Subject: SubjectService, Summary: "Te late aangifte", Complainant: Complainant{Name: "A. de Vries"}})
	must(t, s.Acknowledge(ref, day("2026-03-02"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "Aangifte was op tijd.", On: day("2026-03-02"), NoHearingReason: "niet van toepassing in deze test"}))
	f, err := s.File(ref)
	must(t, err)
	refusal := AllowedSteps(f.Facts)[ActionClose]
	err = s.CloseComplaint(ref)
	if refusal == nil || err == nil || refusal.Error() != err.Error() {
		t.Errorf("button says %v, store says %v; want the same refusal", refusal, err)
	}
}

func TestExtensionRange(t *testing.T) {
	wkkgz := settingsWith(KeyDeadlinePolicy, PolicyWkkgz)
	c := &Complaint{DueOn: day("2026-04-13"), FiledOn: day("2026-03-02"), DeadlinePolicy: PolicyWkkgz}
	r, err := extensionRange(c, 0, day("2026-04-01"), wkkgz)
	must(t, err)
	if r.Latest != day("2026-05-11") || r.Proposed != r.Latest || r.After != c.DueOn {
		t.Errorf("wkkgz range %+v, want latest and proposed 2026-05-11 after 2026-04-13", r)
	}
	if _, err := extensionRange(c, 1, day("2026-04-01"), wkkgz); !errors.Is(err, ErrConflict) {
		t.Errorf("a second wkkgz extension: %v, want a conflict", err)
	}
	c.DeadlinePolicy = PolicyMonth
	r, err = extensionRange(c, 2, day("2026-04-20"), DefaultSettings())
	must(t, err)
	if !r.Latest.IsZero() || r.After != day("2026-04-20") || !r.Proposed.After(r.After) {
		t.Errorf("month range %+v, want no limit, after today and a later proposal", r)
	}
}

// TestClosedAndWithdrawnFilesAreReadOnly: every change to a closed or withdrawn complaint's
// file is refused and leaves the register byte for byte as it was; reopening a closed one,
// with a reason, makes it changeable again.
func TestClosedAndWithdrawnFilesAreReadOnly(t *testing.T) {
	for _, st := range []Status{StatusClosed, StatusWithdrawn} {
		t.Run(string(st), func(t *testing.T) {
			s := openAt(t, t.TempDir()+"/r.db", "2026-03-02")
			ref := reach(t, s, st)
			m, err := s.AddMeasure(Measure{Description: "Termijnen in de agenda zetten", RootCause: "communication"})
			must(t, err)
			c := *complaintOf(t, s, ref)
			c.Complainant.AddressLine1 = "Nieuwe straat 1"
			changes := map[string]func() error{
				"edit details": func() error { return s.Update(c) },
				"contact":      func() error { _, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: "gebeld"}); return err },
				"consent":      func() error { return s.GiveConsent(ref, Consent{How: "schriftelijk", Documents: Documents{All: true}}) },
				"attachment":   func() error { _, err := s.AddAttachment(ref, "brief.txt", []byte("tekst")); return err },
				"letter":       func() error { _, err := s.SaveLetter(ref, LetterProgress, "nl", pdf("x"), 0); return err },
				"link measure": func() error { return s.LinkMeasure(m.Code, ref) },
				"no measure":   func() error { return s.RecordNoMeasure(ref, "eenmalig") },
				"share": func() error {
					_, err := s.ShareDocuments(ref, Share{ExpertID: 1, Attachments: []int64{1}})
					return err
				},
				"info received": func() error { return s.InformationReceived(ref, Date{}, "") },
			}
			before := dumpTables(t, s)
			for name, change := range changes {
				if err := change(); !errors.Is(err, ErrTransition) {
					t.Errorf("%s on a %s complaint: %v, want a refusal", name, st, err)
				}
			}
			if dumpTables(t, s) != before {
				t.Fatalf("refused changes altered the register")
			}
			if st == StatusWithdrawn {
				wantErr(t, s.Reopen(ref, "toch"), ErrTransition)
				return
			}
			wantErr(t, s.Reopen(ref, "  "), ErrInvalid)
			must(t, s.Reopen(ref, "Adres was verkeerd gespeld"))
			if got := complaintOf(t, s, ref); got.Status != StatusResolved || !got.ClosedOn.IsZero() {
				t.Fatalf("after reopening: status %s, closed on %s", got.Status, got.ClosedOn)
			}
			must(t, s.Update(c))
			must(t, s.CloseComplaint(ref))
			tl, err := s.Timeline(ref)
			must(t, err)
			found := false
			for _, e := range tl {
				found = found || strings.Contains(e.Describe().String(), "Adres was verkeerd gespeld")
			}
			if !found {
				t.Error("the timeline does not show the reason for reopening")
			}
			r, err := s.YearReport(2026)
			must(t, err)
			if r.Current.Reopened != 1 {
				t.Errorf("the annual report counts %d reopened files, want 1", r.Current.Reopened)
			}
		})
	}
}

// TestHearingBothSides: a formal complaint is decided only after hearing the complainant and,
// when it names a person, that person, or with the reason why not; informal ones need neither.
func TestHearingBothSides(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c := complaint("Jansen", "2026-02-02", true)
	c.PersonNamed = "M. de Boer"
	ref := mustCreate(t, s, c)
	must(t, s.Acknowledge(ref, day("2026-02-03"), DeliveryPost, "Ontvangst per brief bevestigd."))
	r := Resolution{Verdict: VerdictUnfounded, Outcome: "De termijn is gehaald."}
	before := dumpTables(t, s)
	err := s.Resolve(ref, r)
	wantErr(t, err, ErrConflict)
	if !strings.Contains(err.Error(), "de klager en M. de Boer") || dumpTables(t, s) != before {
		t.Fatalf("refusal %q, or the register changed", err)
	}
	_, err = s.AddContact(ref, Contact{Kind: ContactMeeting, Hearing: true, Note: "Gesprek met de klager."})
	must(t, err)
	_, err = s.AddContact(ref, Contact{Kind: ContactPhone, Party: PartyOther, Note: "Collega gebeld."})
	wantErr(t, err, ErrInvalid) // someone else must be named
	_, err = s.AddContact(ref, Contact{Kind: ContactPhone, Party: PartyOther, PartyName: "J. Smit", Hearing: true, Note: "Collega gebeld."})
	must(t, err)
	err = s.Resolve(ref, r)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "M. de Boer") || strings.Contains(err.Error(), "de klager") {
		t.Fatalf("after hearing the complainant: %v, want only M. de Boer missing", err)
	}
	_, err = s.AddContact(ref, Contact{Kind: ContactMeeting, Party: PartyConcerned, Hearing: true, Note: "Reactie gehoord."})
	must(t, err)
	must(t, s.Resolve(ref, r))
	cts, err := s.Contacts(ref)
	must(t, err)
	if last := cts[len(cts)-1]; last.PartyName != "M. de Boer" || last.Party != PartyConcerned || !last.Hearing {
		t.Errorf("the concerned person's contact: %+v", last)
	}

	// Without a hearing, only with the reason on record.
	other := mustCreate(t, s, complaint("Smit", "2026-02-02", true))
	must(t, s.Acknowledge(other, day("2026-02-03"), DeliveryEmail, "Bevestigd per e-mail."))
	wantErr(t, s.Resolve(other, r), ErrConflict)
	r.NoHearingReason = "Geen reactie op twee uitnodigingen voor een gesprek."
	must(t, s.Resolve(other, r))
	if got := complaintOf(t, s, other).NoHearingReason; got != r.NoHearingReason {
		t.Errorf("no-hearing reason %q stored", got)
	}
	if rep, err := s.YearReport(2026); err != nil || rep.Current.NotHeard != 1 {
		t.Errorf("the annual report counts %d complaints resolved without hearing (%v), want 1", rep.Current.NotHeard, err)
	}
	informal := mustCreate(t, s, complaint("Bakker", "2026-02-20", false))
	must(t, s.Resolve(informal, Resolution{Verdict: VerdictUnfounded, Outcome: "Uitgelegd in een gesprek."}))

	// A complaint about the practitioner who handles it (a practice of one): hearing the
	// complainant is enough; the practitioner was asked to hear themselves.
	own := complaint("Visser", "2026-02-20", true)
	own.PersonNamed, own.Handler = "anne de  Linde", "Anne de Linde"
	ownRef := mustCreate(t, s, own)
	must(t, s.Acknowledge(ownRef, day("2026-02-21"), DeliveryPost, "Bevestigd."))
	_, err = s.AddContact(ownRef, Contact{Kind: ContactMeeting, Hearing: true, Note: "Gesprek met de klager."})
	must(t, err)
	must(t, s.Resolve(ownRef, Resolution{Verdict: VerdictUnfounded, Outcome: "Besproken."}))
}

// TestStagesAndNextStep: the procedure line of a complaint file in each state, with its dates,
// where it stands, and the step the file offers first.
func TestStagesAndNextStep(t *testing.T) {
	formal := Complaint{Formal: true, ReceivedOn: day("2026-11-02"), AckDueOn: day("2026-11-16"), DueOn: day("2026-12-14")}
	at := func(st Status, edit func(c *Complaint)) Facts {
		c := formal
		c.Status = st
		if edit != nil {
			edit(&c)
		}
		return Facts{Complaint: c}
	}
	ack := func(c *Complaint) { c.AcknowledgedOn = day("2026-11-05") }
	extended := at(StatusExtended, ack)
	extended.Notices = []Notice{{ExtendedOn: day("2026-12-01")}}
	resolved := at(StatusResolved, func(c *Complaint) { ack(c); c.ResolvedOn = day("2026-12-10") })
	closed := at(StatusClosed, func(c *Complaint) { ack(c); c.ResolvedOn = day("2026-12-10"); c.ClosedOn = day("2026-12-20") })
	withdrawn := at(StatusWithdrawn, func(c *Complaint) { ack(c); c.WithdrawnOn = day("2026-11-20") })
	informal := Facts{Complaint: Complaint{Status: StatusInformal, ReceivedOn: day("2026-11-02")}}
	tests := []struct {
		name string
		f    Facts
		want string // per stage: status, date reached or "due" date, * for the current one, ? for optional
		next Action
	}{
		{"received", at(StatusReceived, nil), "received 2026-11-02*|acknowledged due 2026-11-16|extended?|resolved due 2026-12-14|closed", ActionAcknowledge},
		{"acknowledged", at(StatusAcknowledged, ack), "received 2026-11-02|acknowledged 2026-11-05*|extended?|resolved due 2026-12-14|closed", ActionResolve},
		{"extended", extended, "received 2026-11-02|acknowledged 2026-11-05|extended 2026-12-01*|resolved due 2026-12-14|closed", ActionResolve},
		{"resolved", resolved, "received 2026-11-02|acknowledged 2026-11-05|resolved 2026-12-10*|closed", ActionClose},
		{"closed", closed, "received 2026-11-02|acknowledged 2026-11-05|resolved 2026-12-10|closed 2026-12-20*", ""},
		{"withdrawn", withdrawn, "received 2026-11-02|acknowledged 2026-11-05|withdrawn 2026-11-20*", ""},
		{"informal", informal, "informal 2026-11-02*|resolved|closed", ActionResolve},
	}
	for _, tc := range tests {
		var parts []string
		for _, s := range Stages(tc.f) {
			p := string(s.Status)
			switch {
			case !s.On.IsZero():
				p += " " + s.On.String()
			case !s.DueOn.IsZero():
				p += " due " + s.DueOn.String()
			}
			if s.Current {
				p += "*"
			}
			if s.Optional {
				p += "?"
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, "|"); got != tc.want {
			t.Errorf("%s: stages\n got %s\nwant %s", tc.name, got, tc.want)
		}
		if got := NextStep(tc.f); got != tc.next {
			t.Errorf("%s: next step %q, want %q", tc.name, got, tc.next)
		}
	}
}

// TestContactWithConcernedNeedsAName: a contact with the person the complaint is about takes
// that person's name from the complaint; when the complaint names no one it is refused without
// a name, instead of recording a contact with nobody.
func TestContactWithConcernedNeedsAName(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	before := dumpTables(t, s)
	_, err := s.AddContact(ref, Contact{Kind: ContactPhone, Party: PartyConcerned, Note: "Gebeld."})
	wantErr(t, err, ErrInvalid)
	if !strings.Contains(err.Error(), "vul de naam in") || dumpTables(t, s) != before {
		t.Fatalf("refusal %q, or the register changed", err)
	}
	_, err = s.AddContact(ref, Contact{Kind: ContactPhone, Party: PartyConcerned, PartyName: "K. Bakker", Note: "Gebeld."})
	must(t, err)
	cts, err := s.Contacts(ref)
	must(t, err)
	if len(cts) != 1 || cts[0].PartyName != "K. Bakker" {
		t.Errorf("contacts %+v", cts)
	}
}
