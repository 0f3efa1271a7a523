package data

import (
	"strings"
	"testing"
)

// TestBatchIsOneTransactionOfTheSameRules makes the same changes with and without a batch:
// the register, its audit trail and its search index come out the same, and the audit chain
// holds.
func TestBatchIsOneTransactionOfTheSameRules(t *testing.T) {
	changes := func(s *Store) error {
		if err := s.SetSettings(map[string]string{"practitioner_name": "Anne de Linde", "ack_days": "5"}); err != nil {
			return err
		}
		ref, err := s.Create(complaint("Mehmet Çelik", "2026-11-02", true))
		if err != nil {
			return err
		}
		if _, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: "Besproken met de boekhouder"}); err != nil {
			return err
		}
		if err := s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."); err != nil {
			return err
		}
		if err := s.SetSettings(map[string]string{"ack_days": "9"}); err != nil {
			return err
		}
		_, err = s.Create(complaint("Zoë van 't Hoff", "2026-11-03", true)) // sees ack_days 9
		return err
	}
	one, batched := openStore(t, "2026-11-04"), openStore(t, "2026-11-04")
	one.Actor, batched.Actor = "test", "test"
	must(t, changes(one))
	must(t, batched.Batch(changes))
	if a, b := dumpTables(t, one), dumpTables(t, batched); a != b {
		t.Errorf("the batch stored something else:\n%s\n---\n%s", a, b)
	}
	if c := complaintOf(t, batched, "K-2026-0002"); c.AckDueOn != day("2026-11-12") {
		t.Errorf("second complaint: ack due %s, want the 9 days set earlier in the batch", c.AckDueOn)
	}
	for _, s := range []*Store{one, batched} {
		hits, err := s.List(Filter{Search: "boekhouder"})
		if err != nil || len(hits) != 1 {
			t.Errorf("search in the contact note: %d hits, %v", len(hits), err)
		}
		v, err := s.Verify()
		if err != nil || !v.OK() {
			t.Errorf("verify: %+v, %v", v, err)
		}
	}
}

// TestFailedBatchSavesNothing: a refused change ends the batch; nothing of it is kept, not
// even the changes before it, and later changes in it are refused too.
func TestFailedBatchSavesNothing(t *testing.T) {
	s := openStore(t, "2026-11-04")
	mustCreate(t, s, complaint("Anouk Bakker", "2026-11-01", true))
	before := fileSum(t, s.Path())
	var later error
	err := s.Batch(func(b *Store) error {
		ref, err := b.Create(complaint("Daan Mulder", "2026-11-02", true))
		if err != nil {
			return err
		}
		if err := b.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "x"}); err == nil {
			t.Error("resolving before acknowledging was allowed")
		}
		_, later = b.Create(complaint("Sanne de Jong", "2026-11-02", true))
		return nil // the caller ignores the refusal; the batch does not
	})
	if err == nil || !isInputError(err) && !strings.Contains(err.Error(), "ontvangst") {
		t.Errorf("batch: %v", err)
	}
	if later == nil {
		t.Error("a change after the refused one was accepted")
	}
	if after := fileSum(t, s.Path()); after != before {
		t.Error("the failed batch changed the register")
	}
	if n := countRows(t, s, "complaints"); n != 1 {
		t.Errorf("%d complaints after the failed batch, want 1", n)
	}
	// The store works as before.
	mustCreate(t, s, complaint("Sanne de Jong", "2026-11-03", true))
}

// TestBatchKnowsThePeopleOfItsOwnChanges adds measures in a batch that also registers and
// renames complainants: the batch counts the register's names as it goes, and a measure
// naming someone is refused exactly as outside a batch, also for a name given earlier in the
// same batch, while a name changed away is free again.
func TestBatchKnowsThePeopleOfItsOwnChanges(t *testing.T) {
	s := openStore(t, "2026-11-04")
	must(t, s.Batch(func(b *Store) error {
		ref, err := b.Create(complaint("Mehmet Çelik", "2026-11-02", true))
		if err != nil {
			return err
		}
		if _, err := b.AddMeasure(Measure{Description: "Offerte bij meerwerk, ook voor Jansen", RootCause: "fees"}); err != nil {
			return err
		}
		c := complaint("Piet Jansen", "2026-11-02", true)
		c.Reference = ref
		if err := b.Update(c); err != nil {
			return err
		}
		_, err = b.AddMeasure(Measure{Description: "Afspraken met Çelik schriftelijk bevestigen", RootCause: "fees"})
		return err
	}))
	err := s.Batch(func(b *Store) error {
		_, err := b.AddMeasure(Measure{Description: "Jansens offerte vooraf bespreken", RootCause: "fees"})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "Jansens") {
		t.Errorf("a measure naming a complainant renamed in an earlier batch: %v, want refused naming Jansens", err)
	}
	err = s.Batch(func(b *Store) error {
		if _, err := b.AddMeasure(Measure{Description: "Wachttijden bijhouden", RootCause: "fees"}); err != nil {
			return err
		}
		ref, err := b.Create(complaint("Zoë van 't Hoff", "2026-11-03", true))
		if err != nil {
			return err
		}
		if _, err := b.AddContact(ref, Contact{Kind: ContactPhone, Note: "Gebeld"}); err != nil {
			return err
		}
		_, err = b.AddMeasure(Measure{Description: "Terugbellen binnen een dag, zoals Hoff vroeg", RootCause: "fees"})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "Hoff") {
		t.Errorf("a measure naming a complainant registered earlier in the same batch: %v, want refused naming Hoff", err)
	}
	if n, _ := s.Count(Filter{}); n != 1 {
		t.Errorf("%d complaints after the refused batch, want 1: nothing of it is saved", n)
	}
}

// TestBatchReadsItsOwnChanges: the batch's store reads back what the batch changed so far (a
// demo letter is made from the complaint as it then stands), while the register's other
// readers see none of it until the batch commits.
func TestBatchReadsItsOwnChanges(t *testing.T) {
	s := openStore(t, "2026-11-04")
	must(t, s.Batch(func(b *Store) error {
		if err := b.SetSettings(map[string]string{"practitioner_name": "Anne de Linde"}); err != nil {
			return err
		}
		if _, err := b.SaveExpert(Expert{Name: "H.J. Verhoef", SignedOn: day("2026-11-02")}); err != nil {
			return err
		}
		ref, err := b.Create(complaint("Mehmet Çelik", "2026-11-02", true))
		if err != nil {
			return err
		}
		if _, err := b.AddContact(ref, Contact{Kind: ContactPhone, Note: "Besproken met de boekhouder"}); err != nil {
			return err
		}
		f, err := b.File(ref)
		if err != nil {
			return err
		}
		if f.Complainant.Name != "Mehmet Çelik" || len(f.Contacts) != 1 || f.Settings.PractitionerName() != "Anne de Linde" {
			t.Errorf("the batch's file of %s: %q, %d contacts, practitioner %q; want its own changes",
				ref, f.Complainant.Name, len(f.Contacts), f.Settings.PractitionerName())
		}
		if set, err := b.Settings(); err != nil || set.PractitionerName() != "Anne de Linde" {
			t.Errorf("the batch's settings: %q, %v", set.PractitionerName(), err)
		}
		if ex, err := b.Experts(); err != nil || len(ex) != 1 {
			t.Errorf("the batch's experts: %d, %v; want the one it saved", len(ex), err)
		}
		if n, err := b.Count(Filter{}); err != nil || n != 1 {
			t.Errorf("the batch's count: %d, %v; want 1", n, err)
		}
		if n, err := s.Count(Filter{}); err != nil || n != 0 {
			t.Errorf("the register's count during the batch: %d, %v; want 0 until it commits", n, err)
		}
		if _, err := s.File(ref); err == nil {
			t.Errorf("the register's reader found %s before the batch committed", ref)
		}
		return nil
	}))
	if n, err := s.Count(Filter{}); err != nil || n != 1 {
		t.Errorf("the register's count after the batch: %d, %v; want 1", n, err)
	}
}
