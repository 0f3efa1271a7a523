package data

import (
	"strings"
	"testing"
)

// TestCopiesComeBackAfterConsentIsWithdrawn: documents shared with an expert under a consent
// that is withdrawn later are held without consent. The withdrawal names the expert (its
// event, CopiesOut), Vandaag and the file ask "Vraag <expert> de kopieën terug te geven of te
// vernietigen" from then on, also once the complaint is withdrawn and anonymised, until the return is
// recorded as an event; a new consent, a new share and a refusal start it again.
// Regression: nothing prompted the practitioner to get the copies back.
func TestCopiesComeBackAfterConsentIsWithdrawn(t *testing.T) {
	s := openStore(t, "2026-02-20")
	ref := reach(t, s, StatusAcknowledged) // received 2026-02-02
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
	must(t, err)
	expert := anExpert(t, s)
	idle, err := s.SaveExpert(Expert{Name: "Dr. Jansen"}) // signed, never shared with
	must(t, err)
	for _, e := range []int64{expert, idle} {
		_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), e)
		must(t, err)
		must(t, s.RecordStatement(ref, e, day("2026-02-20")))
	}
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-20"), How: "schriftelijk", Documents: Documents{All: true}}))
	setToday(s, "2026-03-02")
	_, err = s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day("2026-02-25"), Attachments: []int64{att}})
	must(t, err)
	itemsOf := func() []ActionItem {
		t.Helper()
		_, all, err := s.Overview()
		must(t, err)
		var out []ActionItem
		for _, it := range all {
			if it.Kind == ItemReturnCopies {
				out = append(out, it)
			}
		}
		f, err := s.File(ref)
		must(t, err)
		var inFile []ActionItem
		for _, it := range f.Items {
			if it.Kind == ItemReturnCopies {
				inFile = append(inFile, it)
			}
		}
		if len(inFile) != len(out) {
			t.Fatalf("Vandaag has %d items to get copies back, the file %d", len(out), len(inFile))
		}
		return out
	}
	if items := itemsOf(); len(items) != 0 {
		t.Fatalf("with consent in force: %+v", items)
	}

	must(t, s.WithdrawConsent(ref, day("2026-03-01")))
	out, err := s.CopiesOut(ref)
	must(t, err)
	if len(out) != 1 || out[0].Expert != "dr. H. Verhoef" || out[0].WithdrawnOn != day("2026-03-01") {
		t.Fatalf("copies out after the withdrawal: %+v", out)
	}
	events, err := s.Timeline(ref)
	must(t, err)
	if got := events[len(events)-1].Describe().String(); got != "Toestemming externe deskundige ingetrokken; kopieën terugvragen bij dr. H. Verhoef" {
		t.Errorf("the withdrawal's timeline entry: %q", got)
	}
	items := itemsOf()
	if len(items) != 1 || items[0].Label != "Vraag dr. H. Verhoef de kopieën terug te geven of te vernietigen" ||
		items[0].Reference != ref || items[0].Detail != "dr. H. Verhoef" || items[0].DueOn != ShortTermDue(day("2026-03-01"), settingsOf(t, s)) {
		t.Fatalf("items after the withdrawal: %+v", items)
	}

	// The complaint ends; the copies must still come back.
	must(t, s.Withdraw(ref, Date{}, ""))
	if len(itemsOf()) != 1 {
		t.Fatal("the item went with the complaint's withdrawal")
	}
	// The review names the expert who holds them; its personal data are removed; the expert
	// still holds the copies (the item went then).
	if due, err := s.RetentionDue(day("2026-03-02"), day("2026-03-03")); err != nil || len(due) != 1 || len(due[0].CopiesWith) != 1 || due[0].CopiesWith[0] != "dr. H. Verhoef" {
		t.Fatalf("the review of the files to anonymise: %+v %v", due, err)
	}
	if _, err := s.Anonymise([]string{ref}, RetentionReason); err != nil {
		t.Fatal(err)
	}
	if items := itemsOf(); len(items) != 1 || items[0].Complainant != "" || items[0].Detail != "dr. H. Verhoef" {
		t.Fatalf("items after the anonymisation: %+v", items)
	}
	refusedUnchanged(t, s, "an expert who holds no copies", ErrConflict, func() error { return s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: idle}) })
	refusedUnchanged(t, s, "before the share", ErrInvalid, func() error {
		return s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, On: day("2026-02-24")})
	})
	refusedUnchanged(t, s, "in the future", ErrInvalid, func() error {
		return s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, On: day("2026-03-03")})
	})
	refusedUnchanged(t, s, "an unknown expert", ErrNotFound, func() error { return s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: 99}) })
	must(t, s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, Destroyed: true}))
	if items := itemsOf(); len(items) != 0 {
		t.Fatalf("after the return was recorded: %+v", items)
	}
	events, err = s.Timeline(ref)
	must(t, err)
	if got := events[len(events)-1].Describe().String(); !strings.Contains(got, "dr. H. Verhoef heeft de kopieën vernietigd") {
		t.Errorf("the return's timeline entry: %q", got)
	}
	// The experts tab lists it too (the warning that asked for it is gone).
	if f, err := s.File(ref); err != nil || len(f.CopiesBack()) != 1 || !strings.Contains(f.CopiesBack()[0].String(), "heeft de kopieën vernietigd") {
		t.Errorf("the file's returns: %v (%v)", f.CopiesBack(), err)
	}
	refusedUnchanged(t, s, "recorded twice", ErrConflict, func() error { return s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert}) })
	if r, err := s.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify: %+v %v", r, err)
	}
}

// TestCopiesAfterALaterRefusal: a later answer that refuses consent ends it as a withdrawal
// does (the latest answer counts), so the copies shared before must come back too.
func TestCopiesAfterALaterRefusal(t *testing.T) {
	s, ref, _ := sharedOn20February(t)
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-20"), How: "telefonisch", Refused: true}))
	out, err := s.CopiesOut(ref)
	must(t, err)
	if len(out) != 1 || out[0].WithdrawnOn != day("2026-02-20") {
		t.Fatalf("copies out after a refusal: %+v", out)
	}
}

// TestReturnedCopiesStayReturnedAfterAnonymising: anonymising erases the payloads of a
// complaint's events, the return of the copies among them, and the copies counted as still
// out again (once anonymised files were no longer left out). The return's payload, which names
// only the expert and the share, is kept; verify accepts it.
func TestReturnedCopiesStayReturnedAfterAnonymising(t *testing.T) {
	s, ref, expert := sharedOn20February(t)
	must(t, s.WithdrawConsent(ref, day("2026-02-20")))
	must(t, s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, On: day("2026-02-20")}))
	must(t, s.Withdraw(ref, Date{}, ""))
	if _, err := s.Anonymise([]string{ref}, RetentionReason); err != nil {
		t.Fatal(err)
	}
	if out, err := s.CopiesOut(ref); err != nil || len(out) != 0 {
		t.Fatalf("copies out after anonymising a file whose copies were returned: %+v %v", out, err)
	}
	events, err := s.Timeline(ref)
	must(t, err)
	found := false
	for _, e := range events {
		found = found || strings.Contains(e.Describe().String(), "dr. H. Verhoef heeft de kopieën teruggegeven")
	}
	if !found {
		t.Error("the timeline no longer says the copies were returned")
	}
	mustVerify(t, s)
}

// sharedOn20February is a register whose acknowledged complaint ref had its attachment shared
// with expert under the complainant's consent, with the expert's statement, on 20 February 2026.
func sharedOn20February(t *testing.T) (s *Store, ref string, expert int64) {
	t.Helper()
	s = openStore(t, "2026-02-20")
	ref = reach(t, s, StatusAcknowledged)
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
	must(t, err)
	expert = anExpert(t, s)
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), expert)
	must(t, err)
	must(t, s.RecordStatement(ref, expert, day("2026-02-20")))
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-20"), How: "schriftelijk", Documents: Documents{All: true}}))
	_, err = s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day("2026-02-20"), Attachments: []int64{att}})
	must(t, err)
	return s, ref, expert
}

func settingsOf(t *testing.T, s *Store) Settings {
	t.Helper()
	set, err := s.Settings()
	must(t, err)
	return set
}

// TestCopiesComeBackWhenTheFileEnds: the expert's confidentiality statement promises the
// return or destruction of the copies once the advice is given, so closing the file asks for
// them (consent still in force) in the file, until recorded; Vandaag asks only after a consent
// ended (finding the rest among the files ended lately costs it too much). Reopening the file
// takes the request away again. Regression: at closing the file said nothing was left, with
// the copies still out.
func TestCopiesComeBackWhenTheFileEnds(t *testing.T) {
	s, ref, expert := sharedOn20February(t)
	returnItems := func(today string) (vandaag, file int) {
		t.Helper()
		setToday(s, today)
		_, all, err := s.Overview()
		must(t, err)
		f, err := s.File(ref)
		must(t, err)
		for _, it := range all {
			vandaag += map[bool]int{true: 1}[it.Kind == ItemReturnCopies]
		}
		for _, it := range f.Items {
			file += map[bool]int{true: 1}[it.Kind == ItemReturnCopies]
		}
		return vandaag, file
	}
	if v, f := returnItems("2026-02-25"); v != 0 || f != 0 {
		t.Fatalf("while the file runs: Vandaag %d, file %d", v, f)
	}
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "uitgelegd", NoHearingReason: "niet van toepassing in deze test"}))
	sendLetter(t, s, ref, LetterOutcome, Date{}, DeliveryPost)
	must(t, s.CloseComplaint(ref))
	out, err := s.CopiesOut(ref)
	must(t, err)
	if len(out) != 1 || out[0].ExpertID != expert || out[0].EndedOn != day("2026-02-25") || !out[0].WithdrawnOn.IsZero() {
		t.Fatalf("copies out after closing: %+v", out)
	}
	if v, f := returnItems("2026-03-02"); v != 0 || f != 1 {
		t.Errorf("after closing: Vandaag %d, file %d; want 0 and 1", v, f)
	}
	if v, f := returnItems("2026-05-27"); v != 0 || f != 1 {
		t.Errorf("91 days after closing: Vandaag %d, file %d; want 0 and 1", v, f)
	}
	if all, err := s.RetentionDue(day("2026-05-27"), day("2026-05-27")); err != nil || len(all) != 1 || len(all[0].CopiesWith) != 1 {
		t.Errorf("the retention list of files closed before today: %+v (%v), want this one with its expert", all, err)
	}
	must(t, s.Reopen(ref, "Klager heeft nieuwe stukken gestuurd."))
	if v, f := returnItems("2026-05-27"); v != 0 || f != 0 {
		t.Errorf("reopened: Vandaag %d, file %d; want none", v, f)
	}
	must(t, s.CloseComplaint(ref))
	must(t, s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, Destroyed: true}))
	if v, f := returnItems("2026-05-27"); v != 0 || f != 0 {
		t.Errorf("once recorded: Vandaag %d, file %d; want none", v, f)
	}
	mustVerify(t, s)
}

// TestCopiesAfterAReturnedWithdrawalAreDatedByTheirOwnShare: copies returned after a consent
// was withdrawn, then shared again under a new consent, are due back when the file closes,
// dated by the close and not by the old withdrawal (they read "zonder toestemming (ingetrokken
// 22-02)" and overdue at once); Vandaag, which asks for copies after a consent ended, does not
// list them (it did, for a complaint that once had a consent withdrawn).
func TestCopiesAfterAReturnedWithdrawalAreDatedByTheirOwnShare(t *testing.T) {
	s, ref, expert := sharedOn20February(t)
	setToday(s, "2026-02-22")
	must(t, s.WithdrawConsent(ref, day("2026-02-22")))
	must(t, s.RecordCopiesReturned(ref, CopiesReturned{ExpertID: expert, Destroyed: true}))
	setToday(s, "2026-02-25")
	must(t, s.GiveConsent(ref, Consent{How: "per e-mail", Documents: Documents{All: true}}))
	att, err := s.AddAttachment(ref, "offerte.pdf", []byte("%PDF-1.4 offerte"))
	must(t, err)
	second, err := s.ShareDocuments(ref, Share{ExpertID: expert, Attachments: []int64{att}})
	must(t, err)
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "uitgelegd", NoHearingReason: "niet van toepassing in deze test"}))
	sendLetter(t, s, ref, LetterOutcome, Date{}, DeliveryPost)
	setToday(s, "2026-03-02")
	must(t, s.CloseComplaint(ref))
	out, err := s.CopiesOut(ref)
	must(t, err)
	if len(out) != 1 || out[0].ShareID != second || !out[0].WithdrawnOn.IsZero() || out[0].EndedOn != day("2026-03-02") {
		t.Errorf("copies out after closing: %+v; want share %d, due from the close on 2026-03-02", out, second)
	}
	_, items, err := s.Overview()
	must(t, err)
	for _, it := range items {
		if it.Kind == ItemReturnCopies {
			t.Errorf("Vandaag asks for the copies of a file that ended: %+v", it)
		}
	}
}
