package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// auditFixture writes a closed register with six events and returns its path:
// 1 setting_changed, 2 complaint_created, 3 status_changed, 4 contact_added,
// 5 status_changed, 6 contact_added.
func auditFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practice_name": "Praktijk Zon"}))
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-04"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	_, err := s.AddContact(ref, Contact{On: day("2026-02-10"), Kind: ContactPhone, Note: "gesprek gepland"})
	must(t, err)
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "excuses", On: day("2026-02-20"), Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"}))
	_, err = s.AddContact(ref, Contact{On: day("2026-02-21"), Kind: ContactLetter, Note: "uitkomstbrief"})
	must(t, err)
	if n := countRows(t, s, "events"); n != 6 {
		t.Fatalf("fixture has %d events, want 6", n)
	}
	must(t, s.Close())
	return path
}

const dropTriggers = `DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete`

func TestVerifyIntactRegister(t *testing.T) {
	s := openAt(t, auditFixture(t), "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if !v.OK() || v.Problem != "" || v.Events != 6 || v.EventID != 0 {
		t.Fatalf("Verify = %+v, want OK with 6 events", v)
	}
	empty := openStore(t, "2026-03-02")
	if v, err := empty.Verify(); err != nil || !v.OK() || v.Events != 0 {
		t.Fatalf("Verify(empty) = %+v, %v", v, err)
	}
}

func TestVerifyFindsTampering(t *testing.T) {
	tests := []struct {
		name    string
		sql     []string
		eventID int64
		problem string // part of the message
	}{
		{"kind changed", []string{`UPDATE events SET kind = 'complaint_edited' WHERE id = 3`}, 3, "vastlegging 3 (complaint_edited) is achteraf gewijzigd"},
		{"actor changed", []string{`UPDATE events SET actor = 'iemand anders' WHERE id = 4`}, 4, "vastlegging 4"},
		{"time changed", []string{`UPDATE events SET at = '2026-01-01T12:00:00Z' WHERE id = 2`}, 2, "vastlegging 2"},
		{"complaint changed", []string{`UPDATE events SET complaint_id = NULL WHERE id = 5`}, 5, "vastlegging 5"},
		{"payload changed", []string{`UPDATE event_payloads SET payload = '{"note":"niets gezegd"}' WHERE event_id = 4`}, 4, "de inhoud van vastlegging 4"},
		{"payload hash replaced", []string{
			`UPDATE event_payloads SET payload = '{}' WHERE event_id = 4`,
			`UPDATE events SET payload_sha256 = '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' WHERE id = 4`,
		}, 4, "vastlegging 4"},
		{"middle event deleted", []string{`DELETE FROM event_payloads WHERE event_id = 3`, `DELETE FROM events WHERE id = 3`}, 3, "vastlegging 3 ontbreekt"},
		{"event row deleted, payload left", []string{`DELETE FROM events WHERE id = 3`}, 3, "vastlegging 3 ontbreekt"},
		{"first event deleted", []string{`DELETE FROM event_payloads WHERE event_id = 1`, `DELETE FROM events WHERE id = 1`}, 1, "vastlegging 1 ontbreekt"},
		{"events swapped", []string{
			`UPDATE events SET id = -1 WHERE id = 3`, `UPDATE events SET id = 3 WHERE id = 4`, `UPDATE events SET id = 4 WHERE id = -1`,
			`UPDATE event_payloads SET event_id = -1 WHERE event_id = 3`, `UPDATE event_payloads SET event_id = 3 WHERE event_id = 4`,
			`UPDATE event_payloads SET event_id = 4 WHERE event_id = -1`,
		}, 3, "vastlegging 3 sluit niet aan"},
		{"last two swapped", []string{
			`UPDATE events SET id = -1 WHERE id = 5`, `UPDATE events SET id = 5 WHERE id = 6`, `UPDATE events SET id = 6 WHERE id = -1`,
		}, 5, "vastlegging 5"},
		{"event renumbered", []string{`UPDATE events SET id = 7 WHERE id = 6`, `UPDATE event_payloads SET event_id = 7 WHERE event_id = 6`}, 6, "vastlegging 6 ontbreekt"},
		{"unreadable time", []string{`UPDATE events SET at = 'gisteren' WHERE id = 2`}, 2, "onleesbaar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := auditFixture(t)
			execRaw(t, path, append([]string{dropTriggers}, tt.sql...)...)
			s := openAt(t, path, "2026-03-02")
			v, err := s.Verify()
			must(t, err)
			if v.OK() || v.EventID != tt.eventID || !strings.Contains(v.Problem, tt.problem) {
				t.Fatalf("Verify = %+v, want event %d and a problem with %q", v, tt.eventID, tt.problem)
			}
		})
	}
}

// A complaint removed behind the program's back leaves rows that point to nothing.
func TestVerifyFindsBrokenReferences(t *testing.T) {
	path := auditFixture(t)
	execRaw(t, path, `DELETE FROM complaints WHERE id = 1`)
	s := openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if v.OK() || v.EventID != 0 || v.Events != 6 || !strings.Contains(v.Problem, "klacht (nummer 1, tabel complaints) ontbreekt") ||
		!strings.Contains(strings.Join(v.Problems, "\n"), "verwijst naar iets dat niet bestaat") {
		t.Fatalf("Verify = %+v, want the missing complaint and a broken reference with the chain intact", v)
	}
}

// Erasing a payload for retention is allowed when an erasure event records it: the chain
// keeps the payload's hash.
func TestVerifyAllowsErasedPayload(t *testing.T) {
	path := auditFixture(t)
	execRaw(t, path, `DELETE FROM event_payloads WHERE event_id = 4`)
	s := openAt(t, path, "2026-03-02")
	must(t, s.update(func(tx *Tx) error { return tx.event(0, "payload_erased", erasure{Events: []int64{4}}) }))
	v, err := s.Verify()
	must(t, err)
	if !v.OK() || v.Events != 7 {
		t.Fatalf("Verify = %+v, want OK with 7 events", v)
	}
	evs, err := s.Timeline("K-2026-0001")
	must(t, err)
	if evs[2].ID != 4 || evs[2].Payload != nil || evs[2].Describe().String() != "Contactmoment (inhoud gewist)" {
		t.Errorf("erased event: %+v, %q", evs[2], evs[2].Describe().String())
	}
}

func TestEventsAreAppendOnly(t *testing.T) {
	path := auditFixture(t)
	db := rawDB(t, path)
	for _, q := range []string{
		`UPDATE events SET kind = 'x' WHERE id = 3`,
		`UPDATE events SET id = 99 WHERE id = 6`,
		`DELETE FROM events WHERE id = 3`,
		`DELETE FROM events`,
	} {
		_, err := db.Exec(q)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: error = %v, want the append-only trigger", q, err)
		}
	}
	db.Close()
	s := openAt(t, path, "2026-03-02")
	if v, err := s.Verify(); err != nil || !v.OK() || v.Events != 6 {
		t.Fatalf("after refused tampering Verify = %+v, %v", v, err)
	}
}

// Verify walks the chain in two halves side by side; an event removed anywhere, at the seam
// between them too, is named as one walk from the start would name it.
func TestVerifyNamesEachRemovedEvent(t *testing.T) {
	for id := 1; id <= 5; id++ {
		path := auditFixture(t)
		execRaw(t, path, dropTriggers, fmt.Sprintf(`DELETE FROM event_payloads WHERE event_id = %d`, id),
			fmt.Sprintf(`DELETE FROM events WHERE id = %d`, id))
		s := openAt(t, path, "2026-03-02")
		v, err := s.Verify()
		must(t, err)
		want := fmt.Sprintf("vastlegging %d ontbreekt: het logboek springt van %d naar %d", id, id-1, id+1)
		if v.OK() || v.EventID != int64(id) || !strings.Contains(v.Problem, want) {
			t.Errorf("event %d removed: Verify = %+v, want %q", id, v, want)
		}
	}
}

// An index that no longer matches its table loses no row, and Verify's quick_check does not
// look for it; VerifyThorough, and so every backup, does.
func TestVerifyThoroughComparesIndexes(t *testing.T) {
	path := auditFixture(t)
	// The index on the handler now claims to hold the status: its entries no longer match.
	execRaw(t, path, `PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = 'CREATE INDEX complaints_handler ON complaints (status)' WHERE name = 'complaints_handler'`)
	s := openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if !v.OK() {
		t.Fatalf("Verify = %+v, want OK: the rows are intact", v)
	}
	v, err = s.VerifyThorough()
	must(t, err)
	if v.OK() || !strings.Contains(v.Problem, "het databasebestand is beschadigd") || !strings.Contains(v.Problem, "complaints_handler") {
		t.Fatalf("VerifyThorough = %+v, want the index named", v)
	}
}

// The audit trail's own tables are not checked row by row for their references: a payload or
// a row change beyond the chain's ends is still found.
func TestVerifyFindsAuditRowsWithoutTheirEvent(t *testing.T) {
	for _, tt := range []struct{ sql, table string }{
		{`INSERT INTO event_payloads (event_id, payload) VALUES (99, '{}')`, "event_payloads"},
		{`INSERT INTO event_rows (event_id, tbl, row_key, before, after) VALUES (0, 'complaints', 1, NULL, x'00')`, "event_rows"},
	} {
		path := auditFixture(t)
		execRaw(t, path, tt.sql)
		s := openAt(t, path, "2026-03-02")
		v, err := s.Verify()
		must(t, err)
		if v.OK() || !strings.Contains(strings.Join(v.Problems, "\n"), "in tabel "+tt.table+" verwijst naar iets dat niet bestaat") {
			t.Errorf("%s: Verify = %+v, want the row without its event", tt.sql, v)
		}
	}
}

// An event slipped in before the first (id 0 or below: only changing and deleting events is
// refused by the triggers) is found as one walk from the start finds it.
func TestVerifyFindsAnEventBeforeTheFirst(t *testing.T) {
	for _, id := range []string{"0", "-7"} {
		path := auditFixture(t)
		execRaw(t, path, `INSERT INTO events (id, at, actor, complaint_id, kind, payload_sha256, prev_hash, hash)
			VALUES (`+id+`, '2026-01-01T09:00:00Z', 'praktijk', 1, 'complaint_withdrawn', '', '', 'x')`)
		s := openAt(t, path, "2026-03-02")
		v, err := s.Verify()
		must(t, err)
		if v.OK() || v.EventID != 1 || !strings.Contains(v.Problem, "vastlegging 1 ontbreekt") {
			t.Errorf("event %s slipped in: Verify = %+v, want event 1 named", id, v)
		}
	}
}

// The whole first half of the chain removed, with the anchors that would tell: the second
// half must still meet the start of the chain.
func TestVerifyFindsTheFirstHalfRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	for i, name := range []string{"Jansen", "Pietersen"} {
		ref := mustCreate(t, s, complaint(name, fmt.Sprintf("2026-02-0%d", i+2), true))
		must(t, s.Acknowledge(ref, day("2026-02-04"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
		_, err := s.AddContact(ref, Contact{On: day("2026-02-10"), Kind: ContactPhone, Note: "gesprek gepland"})
		must(t, err)
	}
	anchors, err := s.anchorPaths()
	must(t, err)
	must(t, s.Close())
	if n := countEvents(t, path); n != 6 {
		t.Fatalf("fixture has %d events, want 6", n)
	}
	db := rawDB(t, path)
	var drops []string
	rows, err := db.Query(`SELECT 'DROP TRIGGER ' || name FROM sqlite_schema WHERE type = 'trigger'`)
	must(t, err)
	for rows.Next() {
		var q string
		must(t, rows.Scan(&q))
		drops = append(drops, q)
	}
	rows.Close()
	db.Close()
	execRaw(t, path, append(drops, `DELETE FROM contacts WHERE complaint_id = 1`, `DELETE FROM event_rows WHERE event_id <= 3`,
		`DELETE FROM event_payloads WHERE event_id <= 3`, `DELETE FROM events WHERE id <= 3`, `DELETE FROM complaints WHERE id = 1`)...)
	for _, a := range anchors {
		os.Remove(a)
	}
	v, err := openAt(t, path, "2026-03-02").Verify()
	must(t, err)
	if v.OK() || v.EventID != 1 || !strings.Contains(v.Problem, "vastlegging 1 ontbreekt: het logboek springt van 0 naar 4") {
		t.Fatalf("Verify = %+v, want event 1 named missing", v)
	}
}

func countEvents(t *testing.T, path string) int {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	var n int
	must(t, db.QueryRow(`SELECT count(*) FROM events`).Scan(&n))
	return n
}

// Verify's connections read one register: readSnapshots gives transactions that all see the
// same newest event, or only one, however fast another connection commits meanwhile.
func TestSnapshotsSeeOneRegister(t *testing.T) {
	path := auditFixture(t)
	writer := openAt(t, path, "2026-03-02")
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			if _, err := writer.AddContact("K-2026-0001", Contact{On: day("2026-02-21"), Kind: ContactPhone, Note: "nagebeld"}); err != nil {
				done <- err
				return
			}
		}
	}()
	db := rawDB(t, path)
	defer db.Close()
	db.SetMaxOpenConns(3)
	alone := 0
	for range 200 {
		snaps, err := readSnapshots(db, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range snaps {
			var head int64
			must(t, s.tx.QueryRow(`SELECT max(id) FROM events`).Scan(&head))
			if head != snaps[0].head {
				t.Errorf("snapshots see %d and %d events", snaps[0].head, head)
			}
			s.tx.Rollback()
		}
		if len(snaps) == 1 {
			alone++
		}
	}
	close(stop)
	must(t, <-done)
	t.Logf("%d of 200 fell back to one walk", alone)
}
