package data

import (
	"testing"
)

func TestShareDocuments(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusAcknowledged) // received 2026-02-02
	unsigned, err := s.SaveExpert(Expert{Name: "Dr. Zonder", Email: "zonder@example.nl"})
	must(t, err)
	signed, err := s.SaveExpert(Expert{Name: "Dr. Smit", SignedOn: day("2026-02-20")})
	must(t, err)

	share := func(expert int64, on string) error {
		_, err := s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day(on), Documents: "klachtbrief en verslag"})
		return err
	}
	refused := func(why string, err, target error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: sharing was allowed", why)
		}
		wantErr(t, err, target)
	}
	noShares := func() {
		t.Helper()
		if n := countRows(t, s, "shares"); n != 0 {
			t.Fatalf("%d shares recorded after refusals", n)
		}
	}

	refused("no consent, no statement", share(unsigned, "2026-02-25"), ErrConflict)
	refused("no consent", share(signed, "2026-02-25"), ErrConflict)
	noShares()

	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-24"), How: "schriftelijk", Scope: "hele dossier"}))
	refused("no statement", share(unsigned, "2026-02-25"), ErrConflict)
	refused("before the consent", share(signed, "2026-02-23"), ErrConflict)
	refused("before the statement", func() error {
		must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-10"), How: "mondeling", Scope: "verslag"}))
		return share(signed, "2026-02-15")
	}(), ErrConflict)
	refused("unknown expert", share(99, "2026-02-25"), ErrNotFound)
	refused("nothing to share", func() error {
		_, err := s.ShareDocuments(ref, Share{ExpertID: signed, Documents: " "})
		return err
	}(), ErrInvalid)
	refused("in the future", share(signed, "2026-03-03"), ErrInvalid)
	noShares()

	before := countRows(t, s, "events")
	id, err := s.ShareDocuments(ref, Share{ExpertID: signed, SharedOn: day("2026-02-25"), Documents: "klachtbrief"})
	must(t, err)
	var expert, consent int64
	var on Date
	var docs string
	must(t, s.r.QueryRow(`SELECT expert_id, consent_id, shared_on, documents FROM shares WHERE id = ?`, id).Scan(&expert, &consent, &on, &docs))
	if expert != signed || consent != 1 || on != day("2026-02-25") || docs != "klachtbrief" {
		t.Errorf("share row: expert %d consent %d on %s %q; want the consent given last (1, of 24 February)", expert, consent, on, docs)
	}
	if n := countRows(t, s, "events"); n != before+1 {
		t.Errorf("share wrote %d events", n-before)
	}

	// The signed statement comes back: the expert may now receive documents too.
	_, err = s.SaveExpert(Expert{ID: unsigned, Name: "Dr. Zonder", SignedOn: day("2026-02-26")})
	must(t, err)
	must(t, share(unsigned, "2026-02-26"))

	// Withdrawal ends the consent from that day on; a share logged for earlier still counts.
	must(t, s.WithdrawConsent(ref, day("2026-03-01")))
	refused("consent withdrawn", share(signed, "2026-03-01"), ErrConflict)
	refused("consent withdrawn", share(signed, "2026-03-02"), ErrConflict)
	must(t, share(signed, "2026-02-28"))
	wantErr(t, s.WithdrawConsent(ref, Date{}), ErrConflict) // nothing left to withdraw

	// Fresh consent allows sharing again.
	must(t, s.GiveConsent(ref, Consent{How: "per e-mail", Scope: "verslag"}))
	must(t, share(signed, "2026-03-02"))
	if n := countRows(t, s, "shares"); n != 4 {
		t.Errorf("%d shares recorded, want 4", n)
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
	if len(experts) != 1 || experts[0] != (Expert{ID: id, Name: "Dr. B", NameParts: NameParts{SalutationNeutral, "Dr.", "B"}, Organisation: "Kliniek", Email: "b@example.nl"}) {
		t.Errorf("Experts = %+v", experts)
	}

	for _, c := range []Consent{
		{How: "", Scope: "dossier"},
		{How: "mondeling", Scope: " "},
		{How: "mondeling", Scope: "dossier", GivenOn: day("2026-03-03")},
		{How: "mondeling", Scope: "dossier", GivenOn: day("2026-01-01")}, // before the complaint came in
	} {
		if err := s.GiveConsent(ref, c); err == nil {
			t.Errorf("GiveConsent(%+v) accepted", c)
		} else {
			wantErr(t, err, ErrInvalid)
		}
	}
	if n := countRows(t, s, "consents"); n != 0 {
		t.Errorf("%d consents stored after refusals", n)
	}
	wantErr(t, s.GiveConsent("K-2026-0099", Consent{How: "x", Scope: "y"}), ErrNotFound)
}
