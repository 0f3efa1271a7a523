package demo

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"klachtenregister/data"
)

// open returns an empty register in a temp dir whose clock reads noon on today.
func open(t *testing.T, today string) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d, err := data.ParseDate(today)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return d.Time().Add(12 * time.Hour) }
	return s
}

// TestEveryStatusForAnySeed makes small registers for a range of sizes, seeds and days of the
// year, and checks each has every status, passes verify and keeps the clock it was given.
func TestEveryStatusForAnySeed(t *testing.T) {
	for _, today := range []string{"2026-12-02", "2026-01-02", "2027-03-31"} {
		for _, count := range []int{40, 61, 97} {
			for seed := uint64(1); seed <= 6; seed++ {
				t.Run(fmt.Sprintf("%s/%d/%d", today, count, seed), func(t *testing.T) {
					s := open(t, today)
					before := s.Now()
					if err := Fill(s, count, seed, nil); err != nil {
						t.Fatal(err)
					}
					if !s.Now().Equal(before) {
						t.Errorf("the clock reads %v after the demo, want %v", s.Now(), before)
					}
					for _, st := range data.Statuses {
						if n, err := s.Count(data.Filter{Status: st}); err != nil || n == 0 {
							t.Errorf("no complaint in status %s (%v)", st, err)
						}
					}
					if n, _ := s.Count(data.Filter{}); n != count {
						t.Errorf("%d complaints, want %d", n, count)
					}
					verify(t, s)
				})
			}
		}
	}
}

func verify(t *testing.T, s *data.Store) {
	t.Helper()
	v, err := s.Verify()
	if err != nil || !v.OK() {
		t.Fatalf("verify: %+v, %v", v, err)
	}
}

// TestShapeOfALargerRegister checks what makes a register realistic: a few percent open,
// every closed formal complaint with its acknowledgement and outcome letters sent, about ten
// events per complaint, and contacts, extensions, experts, measures and attachments.
func TestShapeOfALargerRegister(t *testing.T) {
	s := open(t, "2026-11-30")
	const count = 1500
	if err := Fill(s, count, 42, nil); err != nil {
		t.Fatal(err)
	}
	verify(t, s)
	open, err := s.Count(data.Filter{Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if pct := 100 * open / count; pct < 1 || pct > 8 {
		t.Errorf("%d%% of the complaints is open, want a few percent", pct)
	}
	closed, err := s.List(data.Filter{Status: data.StatusClosed})
	if err != nil {
		t.Fatal(err)
	}
	formal := 0
	for _, c := range closed {
		if !c.Formal {
			continue
		}
		formal++
		letters, err := s.Letters(c.Reference)
		if err != nil {
			t.Fatal(err)
		}
		sent := map[data.LetterKind]bool{}
		for _, l := range letters {
			if l.SentOn.IsZero() {
				t.Errorf("%s: %s not sent", c.Reference, l.Kind)
			}
			sent[l.Kind] = true
		}
		if !sent[data.LetterAcknowledgement] || !sent[data.LetterOutcome] {
			t.Errorf("%s is closed with letters %v", c.Reference, sent)
		}
	}
	if formal < count/3 {
		t.Errorf("%d closed formal complaints of %d", formal, count)
	}
	events := 0
	kinds := map[string]int{}
	for _, c := range closed[:100] {
		tl, err := s.Timeline(c.Reference)
		if err != nil {
			t.Fatal(err)
		}
		events += len(tl)
		for _, e := range tl {
			kinds[e.Kind]++
		}
	}
	if events < 700 || events > 1400 {
		t.Errorf("%d events for 100 closed complaints, want about 10 each", events)
	}
	for _, k := range []string{"contact_added", "letter_sent", "attachment_added", "information_received", "documents_shared",
		"measure_linked", "status_changed"} {
		if kinds[k] == 0 {
			t.Errorf("no %s event among %v", k, kinds)
		}
	}
	measures, err := s.Measures(data.MeasureFilter{})
	if err != nil || len(measures) < 10 {
		t.Errorf("%d measures, %v", len(measures), err)
	}
	items, err := s.Deadlines()
	t.Logf("%d open, %d events for 100 closed complaints %v, %d measures, %d action items", open, events, kinds, len(measures), len(items))
	if err != nil || len(items) == 0 || len(items) > count/10 {
		t.Errorf("%d action items (%v), want some but not a backlog", len(items), err)
	}
}

// TestNewestLettersAreRendered gives the demo a renderer: every letter of a small register is
// made by it, from the complaint as it then stands in the demo's batch, dated on the day the
// demo makes it, and stored byte for byte.
func TestNewestLettersAreRendered(t *testing.T) {
	s := open(t, "2026-11-30")
	made := map[string]data.Date{}
	perRef := map[string]int{}
	render := func(b *data.Store, ref string, kind data.LetterKind, on data.Date) ([]byte, error) {
		f, err := b.File(ref)
		if err != nil {
			return nil, err
		}
		if len(f.Letters) != perRef[ref] {
			t.Errorf("%s %s: the file read for it holds %d letters, want the %d made before", ref, kind, len(f.Letters), perRef[ref])
		}
		perRef[ref]++
		key := fmt.Sprintf("%s %s %s", ref, kind, on)
		made[key] = on
		return []byte("%PDF-1.4 " + key), nil
	}
	if err := Fill(s, 40, 3, render); err != nil {
		t.Fatal(err)
	}
	listed, err := s.List(data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	letters := 0
	for _, c := range listed {
		ls, err := s.Letters(c.Reference)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			letters++
			pdf, err := s.LetterPDF(l.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%%PDF-1.4 %s %s %s", c.Reference, l.Kind, data.Today(l.CreatedAt.Local()))
			if string(pdf) != want {
				t.Errorf("%s %s: stored %q, want %q", c.Reference, l.Kind, pdf, want)
			}
		}
	}
	if letters == 0 || letters != len(made) {
		t.Errorf("%d letters stored, %d rendered", letters, len(made))
	}
	verify(t, s)
}

// TestOlderLettersArePlaceholders: a renderer that fails on an old letter is never asked for
// it when RealLetters newer ones exist; here, with more letters than that, the oldest ones
// carry the placeholder, which is a PDF.
func TestOlderLettersArePlaceholders(t *testing.T) {
	if !bytes.HasPrefix(Placeholder, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(Placeholder, []byte("%%EOF\n")) {
		t.Fatalf("placeholder: %q", Placeholder)
	}
	s := open(t, "2026-11-30")
	if err := Fill(s, 40, 5, nil); err != nil {
		t.Fatal(err)
	}
	ls, err := s.Letters("K-2025-0001")
	if err != nil || len(ls) == 0 {
		t.Fatalf("letters of the oldest complaint: %v, %v", ls, err)
	}
	pdf, err := s.LetterPDF(ls[0].ID)
	if err != nil || !bytes.Equal(pdf, Placeholder) {
		t.Errorf("oldest letter: %q, %v", pdf, err)
	}
}

func TestRefusals(t *testing.T) {
	s := open(t, "2026-11-30")
	for _, n := range []int{0, MaxCount + 1} {
		var e *data.Error
		if err := Fill(s, n, 1, nil); !errors.As(err, &e) || e.Code != data.CodeInvalid {
			t.Errorf("count %d: %v", n, err)
		}
	}
	if err := Fill(s, 3, 1, nil); err != nil {
		t.Fatal(err)
	}
	var e *data.Error
	if err := Fill(s, 3, 1, nil); !errors.As(err, &e) || e.Code != data.CodeConflict {
		t.Errorf("second demo: %v", err)
	}
}

// TestSameSeedSameRegister: a seed gives the same register, so benchmarks and bug reports
// can name one.
func TestSameSeedSameRegister(t *testing.T) {
	var timelines [2]string
	for i := range timelines {
		s := open(t, "2026-11-30")
		if err := Fill(s, 50, 9, nil); err != nil {
			t.Fatal(err)
		}
		listed, err := s.List(data.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range listed {
			timelines[i] += fmt.Sprintln(c.Reference, c.Complainant.Name, c.Status, c.Verdict, c.DueOn)
		}
	}
	if timelines[0] != timelines[1] {
		t.Errorf("two registers from seed 9 differ:\n%s\n%s", timelines[0], timelines[1])
	}
}

// TestOverviewMatchesRegister checks that Vandaag and the register, which read each fact only
// for the statuses whose action items follow from it, show exactly the items (and the register
// the breaches) of the complaint files, which read every fact, on registers with every status
// and kind of item.
func TestOverviewMatchesRegister(t *testing.T) {
	for _, today := range []string{"2026-12-02", "2027-03-31"} {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/%d", today, seed), func(t *testing.T) {
				s := open(t, today)
				if err := Fill(s, 400, seed, nil); err != nil {
					t.Fatal(err)
				}
				sum, items, err := s.Overview()
				if err != nil {
					t.Fatal(err)
				}
				listed, err := s.List(data.Filter{Active: true})
				if err != nil {
					t.Fatal(err)
				}
				var want, got []data.ActionItem
				open, kinds := 0, map[data.ItemKind]bool{}
				for _, l := range listed {
					want = append(want, l.Items...)
					if l.Status.Running() {
						open++
					}
				}
				for _, it := range items {
					if it.ComplaintID != 0 && it.Kind != data.ItemReturnCopies { // read from the shares, not the rows (below)
						got, kinds[it.Kind] = append(got, it), true
					}
				}
				data.SortItems(want)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Vandaag lists %d items of complaints, the register %d:\n%v\nwant\n%v", len(got), len(want), got, want)
				}
				if sum.Open != open {
					t.Errorf("Vandaag counts %d open complaints, the register %d", sum.Open, open)
				}
				for _, k := range []data.ItemKind{data.ItemSettleInformal, data.ItemAcknowledge, data.ItemChaseInformation,
					data.ItemResolve, data.ItemOutcomeLetter} {
					if !kinds[k] {
						t.Errorf("no item %s: the check misses a fact", k)
					}
				}
				if !kinds[data.ItemProgressLetter] && !kinds[data.ItemProgressUpdate] {
					t.Errorf("no item of an extended complaint: the check misses its facts")
				}
				// The register reads each fact only for the statuses it matters to, as well, but
				// the breaches always: its rows must say what their complaint files say.
				all, err := s.List(data.Filter{})
				if err != nil {
					t.Fatal(err)
				}
				copiesAsked := map[string]int{} // Vandaag's requests for copies still out, per file
				for _, it := range items {
					if it.Kind == data.ItemReturnCopies {
						copiesAsked[it.Reference]++
					}
				}
				for _, l := range all {
					f, err := s.File(l.Reference)
					if err != nil {
						t.Fatal(err)
					}
					// The copies still out come from the shares, which the file reads and the
					// register's rows do not.
					fileItems := slices.DeleteFunc(slices.Clone(f.Items), func(it data.ActionItem) bool { return it.Kind == data.ItemReturnCopies })
					afterConsent := 0 // Vandaag asks for the copies out after a consent ended, not those of a file that ended
					for _, o := range f.CopiesOut {
						if !o.WithdrawnOn.IsZero() {
							afterConsent++
						}
					}
					if afterConsent != copiesAsked[l.Reference] {
						t.Errorf("%s: its file asks %d experts for copies after consent ended, Vandaag %d", l.Reference, afterConsent, copiesAsked[l.Reference])
					}
					sameItems := len(l.Items) == 0 && len(fileItems) == 0 || reflect.DeepEqual(l.Items, fileItems)
					if !sameItems || l.Warning != data.WorstWarning(fileItems) || !reflect.DeepEqual(l.Breached, f.Breached) {
						t.Errorf("%s (%s) in the register: %v, %s, %v; in its file: %v, %s, %v", l.Reference, l.Status,
							l.Items, l.Warning, l.Breached, f.Items, f.Warning, f.Breached)
					}
				}
				// The register screen reads only the columns it shows: the same rows, with the same
				// items and breaches and what the screen shows of them.
				shown, err := s.RegisterRows(data.Filter{Sort: data.SortComplainant})
				if err != nil {
					t.Fatal(err)
				}
				full, err := s.List(data.Filter{Sort: data.SortComplainant})
				if err != nil || len(shown) != len(full) {
					t.Fatalf("the register screen has %d rows, the register %d (%v)", len(shown), len(full), err)
				}
				for i, l := range shown {
					if got, want := onScreen(l), onScreen(full[i]); !reflect.DeepEqual(got, want) {
						t.Errorf("row %d on the register screen:\n%+v\nin the register:\n%+v", i, got, want)
					}
				}
			})
		}
	}
}

// onScreen is what the register screen shows of a row and follows from it.
func onScreen(l data.Listed) []any {
	return []any{l.ID, l.Reference, l.ReceivedOn, l.Complainant.Name, l.Anonymous, l.AnonymisedOn, l.Summary, l.Handler,
		l.Status, l.DueOn, l.Items, l.Warning, l.Breached}
}

// TestNoStepAfterNow: the steps of the day the register is made end before the real time,
// whether it is made in the afternoon, before office hours or late at night, so the changes
// the user makes next come after them in the audit trail.
func TestNoStepAfterNow(t *testing.T) {
	for _, clock := range []time.Duration{12 * time.Hour, 7 * time.Hour, 23*time.Hour + 59*time.Minute} {
		s := open(t, "2026-12-03")
		now := s.Now().Add(clock - 12*time.Hour)
		s.Now = func() time.Time { return now }
		if err := Fill(s, 300, 1, nil); err != nil {
			t.Fatal(err)
		}
		db, err := sql.Open("sqlite", s.Path()+"?_pragma=query_only(1)")
		if err != nil {
			t.Fatal(err)
		}
		var latest string
		var today int // the day's steps, apart from the settings written at the real time
		err = db.QueryRow(`SELECT max(at), count(*) FILTER (WHERE at >= ? AND at < ?) FROM events`,
			now.Add(-clock).UTC().Format(time.RFC3339Nano), now.UTC().Format(time.RFC3339Nano)).Scan(&latest, &today)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		at, err := time.Parse(time.RFC3339Nano, latest)
		if err != nil || at.After(now) || today == 0 {
			t.Errorf("made at %s: latest event at %s (%v), %d events that day", now, at.Local(), err, today)
		}
	}
}
