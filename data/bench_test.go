package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// benchRegisters caches one large register per size for the whole benchmark run: making
// 100,000 complaints takes longer than any benchmark of them. TestMain removes them when the
// run ends; a b.Cleanup would remove a register after the first benchmark that uses it.
var benchRegisters sync.Map // size: *benchRegister

type benchRegister struct {
	s   *Store
	dir string
}

// TestMain runs the tests and benchmarks of package data, then removes the benchmarks' registers.
func TestMain(m *testing.M) {
	code := m.Run()
	benchRegisters.Range(func(_, v any) bool {
		r := v.(*benchRegister)
		r.s.Close()
		os.RemoveAll(r.dir)
		return true
	})
	os.Exit(code)
}

// bigRegister returns a store holding n complaints spread over 2025 and 2026 in every status,
// written in bulk with SQL (the procedure's own steps would take minutes for 100,000).
func bigRegister(b *testing.B, n int) *Store { return spreadRegister(b, n, "2025-01-01", 698) }

// spreadRegister returns a store holding n complaints received over the given number of days
// from the first, as bigRegister describes.
func spreadRegister(b *testing.B, n int, first string, days int) *Store {
	key := fmt.Sprint(n, first, days)
	if r, ok := benchRegisters.Load(key); ok {
		return r.(*benchRegister).s
	}
	dir, err := os.MkdirTemp("", "klachtenregister-bench-")
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(filepath.Join(dir, "big.db"))
	if err != nil {
		os.RemoveAll(dir)
		b.Fatal(err)
	}
	benchRegisters.Store(key, &benchRegister{s, dir}) // from here on TestMain removes it
	s.Now = func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local) }
	err = s.update(func(tx *Tx) error {
		_, err := tx.Exec(`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
			INSERT INTO complaints (reference, received_on, channel, formal, filed_on, subject, summary, complainant_name,
				status, ack_due_on, due_on, handler)
			SELECT printf('K-%d-%06d', 2025 + (i % 2), i), date(?2, '+' || (i % ?3) || ' days'),
				CASE i % 5 WHEN 0 THEN 'conversation' WHEN 1 THEN 'phone' WHEN 2 THEN 'letter' WHEN 3 THEN 'email' ELSE 'other' END,
				1, date(?2, '+' || (i % ?3) || ' days'), 'service',
				'Klacht nummer ' || i, CASE i % 3 WHEN 0 THEN 'Mehmet Çelik ' WHEN 1 THEN 'Zoë van ''t Hoff ' ELSE 'Anouk Bakker ' END || i,
				CASE WHEN i % 50 = 0 THEN 'received' WHEN i % 50 = 1 THEN 'acknowledged' WHEN i % 50 = 2 THEN 'extended'
					WHEN i % 50 = 3 THEN 'resolved' ELSE 'closed' END,
				date(?2, '+' || (i % ?3 + 7) || ' days'), date(?2, '+' || (i % ?3 + 30) || ' days'),
				'Anne de Linde'
			FROM seq`, n, first, days)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(bigRegisterOutcomes); err != nil {
			return err
		}
		if _, err = tx.Exec(`INSERT INTO complaint_search (rowid, reference, complainant, body)
			SELECT id, reference, complainant_name, summary FROM complaints`); err != nil {
			return err
		}
		// One event records every row written in bulk, so verify sees a register it can check.
		return tx.event(0, "register_sealed", map[string]int{"rows": n})
	})
	if err != nil {
		benchRegisters.Delete(key)
		s.Close()
		os.RemoveAll(dir)
		b.Fatal(err)
	}
	return s
}

// bigRegisterOutcomes gives the bulk register what the annual report reads: confirmations,
// resolutions with every verdict, an extension for one complaint in ten, and 2,000 measures
// linked to the (partly) well-founded complaints.
const bigRegisterOutcomes = `
	UPDATE complaints SET acknowledged_on = date(received_on, '+' || (id % 9) || ' days') WHERE status != 'received';
	UPDATE complaints SET resolved_on = min(date(received_on, '+' || (id % 45) || ' days'), '2026-11-30'),
		verdict = CASE id % 4 WHEN 0 THEN 'well_founded' WHEN 1 THEN 'partly_well_founded' WHEN 2 THEN 'unfounded' ELSE 'settled' END
		WHERE status IN ('resolved', 'closed');
	INSERT INTO extensions (complaint_id, extended_on, previous_due_on, until, reason)
		SELECT id, date(due_on, '-3 days'), due_on, date(due_on, '+21 days'),
			CASE id % 3 WHEN 0 THEN 'Advies van een deskundige gevraagd' WHEN 1 THEN 'De behandelaar is ziek' ELSE 'Drukte' END
		FROM complaints WHERE id % 10 = 2;
	WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 2000)
	INSERT INTO measures (code, description, root_cause, owner, created_on, due_on, done_on)
		SELECT printf('M-%d-%04d', 2025 + i % 2, i), 'Maatregel ' || i,
			CASE i % 7 WHEN 0 THEN 'communication' WHEN 1 THEN 'expertise' WHEN 2 THEN 'accessibility' WHEN 3 THEN 'fees'
				WHEN 4 THEN 'administration' WHEN 5 THEN 'conduct' ELSE 'other' END,
			'Anne de Linde', date('2025-01-01', '+' || (i % 690) || ' days'), date('2025-01-01', '+' || (i % 690 + 30) || ' days'),
			CASE WHEN i % 3 = 0 THEN NULL ELSE date('2025-01-01', '+' || (i % 690 + 20) || ' days') END
		FROM seq;
	INSERT INTO complaint_measures (complaint_id, measure_id, linked_on)
		SELECT id, id % 2000 + 1, resolved_on FROM complaints WHERE verdict IN ('well_founded', 'partly_well_founded');`

// BenchmarkYearReport computes the annual report of 2026 over a register of 100,000 complaints
// (some 50,000 of them received in 2026); the target is well under one second.
func BenchmarkYearReport(b *testing.B) {
	s := bigRegister(b, 100_000)
	for b.Loop() {
		r, err := s.YearReport(2026)
		if err != nil || r.Current.Received < 40_000 || r.Current.Resolved == 0 || len(r.Measures) == 0 {
			b.Fatalf("%+v, %v", r.Current, err)
		}
	}
}

// BenchmarkYearReportTenYears computes the annual report of 2026 over a register of 100,000
// complaints received over ten years, some 10,000 a year: the report reads only the two
// years it covers.
func BenchmarkYearReportTenYears(b *testing.B) {
	s := spreadRegister(b, 100_000, "2017-01-01", 3650)
	for b.Loop() {
		r, err := s.YearReport(2026)
		if err != nil || r.Current.Received < 8_000 || r.Current.Resolved == 0 || len(r.Measures) == 0 {
			b.Fatalf("%+v, %v", r.Current, err)
		}
	}
}

// BenchmarkExportCSV writes the 2026 register of that register as CSV.
func BenchmarkExportCSV(b *testing.B) {
	s := bigRegister(b, 100_000)
	for b.Loop() {
		if err := s.ExportCSV(io.Discard, 2026, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegisterPage is what the register screen does when the practitioner scrolls to the
// middle of 100,000 complaints sorted by name: one count and one page of 100 rows.
func BenchmarkRegisterPage(b *testing.B) {
	s := bigRegister(b, 100_000)
	f := Filter{Sort: SortComplainant, Limit: 100, Offset: 50_000}
	for b.Loop() {
		if _, err := s.Count(f); err != nil {
			b.Fatal(err)
		}
		rows, err := s.List(f)
		if err != nil || len(rows) != 100 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkRegisterSearch is one keystroke in the search box over 100,000 complaints.
func BenchmarkRegisterSearch(b *testing.B) {
	s := bigRegister(b, 100_000)
	f := Filter{Search: "celik 1234", Limit: 100}
	for b.Loop() {
		if _, err := s.Count(f); err != nil {
			b.Fatal(err)
		}
		if _, err := s.List(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStartup is the data side of opening the app on a 10,000-complaint register:
// open the file, read the settings, fill the overview and the register's first page.
func BenchmarkStartup(b *testing.B) {
	path := bigRegister(b, 10_000).Path()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Settings(); err != nil {
			b.Fatal(err)
		}
		open, err := s.List(Filter{Active: true})
		if err != nil {
			b.Fatal(err)
		}
		CountOverview(open, nil)
		if _, err := s.Count(Filter{}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.List(Filter{Limit: 100}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// historyRegister returns the bulk register of n complaints with perComplaint more events each,
// every one of them a real change of its complaint: a register with a long audit trail.
func historyRegister(b *testing.B, n, perComplaint int) *Store {
	key := fmt.Sprint("history", n, perComplaint)
	if r, ok := benchRegisters.Load(key); ok {
		return r.(*benchRegister).s
	}
	dir, err := os.MkdirTemp("", "klachtenregister-bench-")
	if err != nil {
		b.Fatal(err)
	}
	src := bigRegister(b, n)
	path := filepath.Join(dir, "history.db")
	if _, err := src.w.Exec(`VACUUM INTO ?`, path); err != nil {
		b.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	benchRegisters.Store(key, &benchRegister{s, dir})
	s.Now = src.Now
	for first := 1; first <= n; first += 10_000 { // one transaction per 10,000 complaints
		err := s.update(func(tx *Tx) error {
			for id := first; id < first+10_000 && id <= n; id++ {
				for i := 0; i < perComplaint; i++ {
					if _, err := tx.Exec(`UPDATE complaints SET handler = ? WHERE id = ?`, fmt.Sprint("Behandelaar ", i), id); err != nil {
						return err
					}
					if err := tx.event(int64(id), "complaint_edited", map[string]Change{"handler": {Old: i, New: i + 1}}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkVerify runs the full verify over 100,000 complaints with some 900,000 events, each
// event a change of a complaint row; the target is under 10 seconds. Making the register takes
// some 15 minutes. Recorded (2 shared cores, load average 16): 182 s per verify; at 10,000
// complaints and 90,000 events 9.6 s, of which 2.7 s CPU (integrity_check 0.9 s, the chain
// with its row digests 1.2 s, the rows against their events 0.6 s).
func BenchmarkVerify(b *testing.B) {
	s := historyRegister(b, 100_000, 9)
	b.ResetTimer()
	for b.Loop() {
		v, err := s.Verify()
		if err != nil || !v.OK() {
			b.Fatalf("verify = %+v, %v", v, err)
		}
		b.ReportMetric(float64(v.Events), "events")
	}
}
