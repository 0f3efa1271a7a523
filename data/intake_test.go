package data

import (
	"strings"
	"testing"
)

// TestWhoComplains: a formal phone complaint records the explicit request and who took the
// call; an anonymous complaint is informal only, without name or contact details.
func TestWhoComplains(t *testing.T) {
	phone := func(formal bool, p PhoneIntake) Complaint {
		c := complaint("Çelik", "2026-02-20", formal)
		c.Channel, c.PhoneIntake = ChannelPhone, p
		return c
	}
	anon := func(formal bool, name string) Complaint {
		return Complaint{ReceivedOn: day("2026-02-20"), Channel: ChannelConversation, Subject: SubjectService,
			Summary: "onvriendelijk", Formal: formal, Anonymous: true, Complainant: Complainant{Name: name}}
	}
	call := PhoneIntake{TakenBy: "Sanne Bakker", ExplicitRequest: true}
	tests := []struct {
		name string
		c    Complaint
		want error
	}{
		{"formal phone with request and taker", phone(true, call), nil},
		{"formal phone without taker", phone(true, PhoneIntake{ExplicitRequest: true}), ErrInvalid},
		{"formal phone without explicit request", phone(true, PhoneIntake{TakenBy: "Sanne Bakker"}), ErrInvalid},
		{"informal phone needs neither", phone(false, PhoneIntake{}), nil},
		{"formal letter needs neither", complaint("Çelik", "2026-02-20", true), nil},
		{"anonymous informal", anon(false, ""), nil},
		{"anonymous formal", anon(true, ""), ErrInvalid},
		{"anonymous with a name", anon(false, "Çelik"), ErrInvalid},
		{"no name, not anonymous", complaint("", "2026-02-20", false), ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, "2026-03-02")
			before := dumpTables(t, s)
			ref, err := s.Create(tt.c)
			if tt.want != nil {
				wantErr(t, err, tt.want)
				if dumpTables(t, s) != before {
					t.Error("a refused complaint changed the register")
				}
				return
			}
			must(t, err)
			got, err := s.Complaint(ref)
			must(t, err)
			if got.Anonymous != tt.c.Anonymous || got.Formal && got.Channel == ChannelPhone && got.PhoneIntake != call {
				t.Errorf("stored %+v", got)
			}
			if !got.Formal && got.PhoneIntake != (PhoneIntake{}) {
				t.Errorf("an informal complaint kept phone intake %+v", got.PhoneIntake)
			}
		})
	}
}

func TestEscalateAndWithdraw(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c := complaint("Çelik", "2026-02-20", false)
	c.Channel = ChannelPhone
	ref := mustCreate(t, s, c)
	before := dumpTables(t, s)
	wantErr(t, s.Escalate(ref, Date{}, PhoneIntake{}), ErrInvalid)
	wantErr(t, s.Escalate(ref, Date{}, PhoneIntake{TakenBy: "Sanne"}), ErrInvalid)
	if dumpTables(t, s) != before {
		t.Error("a refused escalation changed the register")
	}
	must(t, s.Escalate(ref, day("2026-02-25"), PhoneIntake{TakenBy: "Sanne", ExplicitRequest: true}))
	got, _ := s.Complaint(ref)
	if !got.Formal || got.TakenBy != "Sanne" || !got.ExplicitRequest || got.FiledOn != day("2026-02-25") {
		t.Errorf("escalated: %+v", got)
	}

	// After a phone call, the complainant may file the formal complaint in writing instead.
	c.Complainant.Name = "Bakker"
	written := mustCreate(t, s, c)
	before = dumpTables(t, s)
	wantErr(t, s.Escalate(written, Date{}, PhoneIntake{InWriting: true, TakenBy: "Sanne"}), ErrInvalid)
	if dumpTables(t, s) != before {
		t.Error("a refused escalation changed the register")
	}
	must(t, s.Escalate(written, day("2026-02-26"), PhoneIntake{InWriting: true}))
	got, _ = s.Complaint(written)
	if !got.Formal || got.PhoneIntake != (PhoneIntake{}) || got.FiledOn != day("2026-02-26") {
		t.Errorf("filed in writing: %+v", got)
	}
	tl, err := s.Timeline(written)
	must(t, err)
	if last := string(tl[len(tl)-1].Payload); !strings.Contains(last, "na het telefoongesprek schriftelijk ingediend") {
		t.Errorf("the timeline says %s", last)
	}

	anon := mustCreate(t, s, Complaint{ReceivedOn: day("2026-02-20"), Channel: ChannelConversation, Subject: SubjectService,
		Summary: "onvriendelijk", Anonymous: true})
	wantErr(t, s.Escalate(anon, Date{}, PhoneIntake{}), ErrInvalid)
	got, _ = s.Complaint(anon)
	got.Complainant.Name = "Jansen" // editing cannot lift anonymity
	wantErr(t, s.Update(*got), ErrInvalid)

	wantErr(t, s.Withdraw(ref, day("2026-02-19"), ""), ErrInvalid) // before receipt
	wantErr(t, s.Withdraw(ref, day("2026-03-03"), ""), ErrInvalid) // in the future
	must(t, s.Withdraw(ref, day("2026-02-27"), "klager ziet ervan af"))
	got, _ = s.Complaint(ref)
	if got.Status != StatusWithdrawn || got.WithdrawnOn != day("2026-02-27") {
		t.Errorf("withdrawn: %s on %s", got.Status, got.WithdrawnOn)
	}
}

// TestDisputesBody: the sector picks the default next body; a placeholder in it blocks the
// outcome letter until the practice fills in the name; a practice's own text stays.
func TestDisputesBody(t *testing.T) {
	for _, p := range Professions {
		set := DefaultSettings()
		set[KeyDisputesBody] = DisputesBodyFor(p)
		want := p != ProfessionOther
		if got := set.DisputesBodyPlaceholder() != ""; got != want {
			t.Errorf("%s: placeholder %q, want one: %v", p, set.DisputesBodyPlaceholder(), want)
		}
	}
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionCare}))
	set, _ := s.Settings()
	if set.DisputesBody() != DisputesBodyFor(ProfessionCare) || set.DisputesBodyPlaceholder() != "[naam geschilleninstantie]" {
		t.Errorf("after choosing care: %q", set.DisputesBody())
	}
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionLegal}))
	set, _ = s.Settings()
	if set.DisputesBody() != DisputesBodyNaming(ProfessionLegal, "") { // no body named: the court
		t.Errorf("a built-in text did not follow the sector: %q", set.DisputesBody())
	}
	own := "U kunt terecht bij de Geschillencommissie Zorg Algemeen."
	must(t, s.SetSettings(map[string]string{KeyDisputesBody: own}))
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionCare}))
	set, _ = s.Settings()
	if set.DisputesBody() != own || set.DisputesBodyPlaceholder() != "" {
		t.Errorf("the practice's own text was replaced: %q", set.DisputesBody())
	}
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionOther, KeyDisputesBody: DisputesBodyFor(ProfessionCare)}))
	set, _ = s.Settings()
	if set.DisputesBody() != DisputesBodyFor(ProfessionCare) {
		t.Errorf("a text set in the same save was replaced: %q", set.DisputesBody())
	}
	if _, err := CheckSetting(KeyProfession, "bakker"); err == nil {
		t.Error("an unknown sector was accepted")
	}
}

// TestWithdrawalNoteReadsApartFromTheDate: the timeline says the day of the withdrawal and
// the note as two parts ("…op 2026-03-01; toelichting: …"), also for a withdrawal recorded
// before that label existed, whose stored detail ran the two together.
func TestWithdrawalNoteReadsApartFromTheDate(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Bakker", "2026-02-20", true))
	must(t, s.Withdraw(ref, day("2026-03-01"), "Klager belde: de zaak is opgelost."))
	tl, err := s.Timeline(ref)
	must(t, err)
	last := tl[len(tl)-1]
	want := "klacht ingetrokken op 2026-03-01; toelichting: Klager belde: de zaak is opgelost."
	if got := last.Describe().String(); !strings.HasSuffix(got, want) {
		t.Errorf("timeline: %q, want it to end in %q", got, want)
	}
	old := last
	old.Payload = []byte(strings.Replace(string(last.Payload), `op %s; toelichting: %s`, `op %s %s`, 1))
	if string(old.Payload) == string(last.Payload) {
		t.Fatalf("payload without the detail's key: %s", last.Payload)
	}
	if got := old.Describe().String(); !strings.HasSuffix(got, want) {
		t.Errorf("an earlier withdrawal: %q, want it to end in %q", got, want)
	}
}
