package data

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fullFixture writes and closes a register with a row in every tracked table: two complaints,
// the first with a contact, an extension, a letter sent, an attachment, consent, an expert,
// a share and a linked measure, plus a setting. Closing it writes the anchors.
func fullFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practice_name": "Praktijk Zon"}))
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-04"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	_, err := s.AddContact(ref, Contact{On: day("2026-02-10"), Kind: ContactPhone, Note: "gesprek gepland"})
	must(t, err)
	must(t, s.Extend(ref, day("2026-03-20"), "deskundige nodig"))
	l, err := s.SaveLetter(ref, LetterProgress, "nl", pdf("voortgang"), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, day("2026-03-02"), DeliveryPost))
	_, err = s.AddAttachment(ref, "brief.txt", []byte("oorspronkelijke tekst"))
	must(t, err)
	expert, err := s.SaveExpert(Expert{Name: "Dr. Smit", SignedOn: day("2026-02-20")})
	must(t, err)
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-24"), How: "schriftelijk", Documents: Documents{All: true}}))
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), expert)
	must(t, err)
	must(t, s.RecordStatement(ref, expert, day("2026-03-02")))
	_, err = s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day("2026-03-02"), Letters: []int64{l.ID}})
	must(t, err)
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: "excuses aangeboden", On: day("2026-02-28"), NoHearingReason: "niet van toepassing in deze test"}))
	_, err = s.AddMeasure(Measure{Description: "Terugbellen binnen een dag", RootCause: "communication"}, ref)
	must(t, err)
	mustCreate(t, s, complaint("De Vries", "2026-03-01", true))
	must(t, s.Close())
	return path
}

func verifyAt(t *testing.T, path string) Verification {
	t.Helper()
	s := openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	return v
}

func TestVerifyFullRegister(t *testing.T) {
	path := fullFixture(t)
	v := verifyAt(t, path)
	if !v.OK() || v.Anchor == nil || v.Anchor.Events != v.Events || v.Anchor.Head != v.Head {
		t.Fatalf("Verify = %+v (anchor %+v), want OK and at its anchor", v, v.Anchor)
	}
	for _, table := range []string{"settings", "complaints", "contacts", "extensions", "experts", "consents",
		"attachments", "shares", "letters", "measures", "complaint_measures"} {
		var n int
		must(t, rawDB(t, path).QueryRow(`SELECT count(*) FROM `+table).Scan(&n))
		if n == 0 {
			t.Errorf("fixture has no row in %s", table)
		}
	}
}

// Each change made behind the program's back, as listed in issue 10, is found; verify names
// the row (or says what happened to the chain).
func TestVerifyFindsEveryTamperedRow(t *testing.T) {
	tests := []struct {
		name    string
		sql     []string
		problem string
	}{
		{"verdict", []string{`UPDATE complaints SET verdict = 'unfounded' WHERE id = 1`}, "klacht K-2026-0001 is buiten Klachtenregister om gewijzigd"},
		{"name", []string{`UPDATE complaints SET complainant_name = 'Janssen' WHERE id = 1`}, "klacht K-2026-0001 is buiten"},
		{"outcome", []string{`UPDATE complaints SET outcome = 'geen excuses' WHERE id = 1`}, "klacht K-2026-0001 is buiten"},
		{"dates", []string{`UPDATE complaints SET received_on = '2026-02-01', due_on = '2026-04-30' WHERE id = 1`}, "klacht K-2026-0001 is buiten"},
		{"contact note", []string{`UPDATE contacts SET note = 'niets besproken'`}, "contactmoment van 2026-02-10 bij klacht K-2026-0001 is buiten"},
		{"setting", []string{`UPDATE settings SET value = 'Praktijk Maan' WHERE key = 'practice_name'`}, "instelling practice_name is buiten"},
		{"setting added", []string{`INSERT INTO settings (key, value) VALUES ('ack_days', '60')`}, "instelling ack_days staat niet in het logboek"},
		{"extension", []string{`UPDATE extensions SET until = '2026-06-30'`}, "verlenging tot 2026-06-30 bij klacht K-2026-0001 is buiten"},
		{"letter marked sent", []string{`UPDATE letters SET sent_on = NULL, sent_via = NULL`}, "brief progress versie 1 bij klacht K-2026-0001 is buiten"},
		{"letter pdf swapped", []string{`UPDATE letters SET pdf = CAST('%PDF-1.4 vervalst' AS BLOB), sha256 = '` +
			sha256Hex([]byte("%PDF-1.4 vervalst")) + `'`}, "de PDF wijkt af van de controlecode die vastlegging"},
		{"attachment swapped", []string{`UPDATE attachments SET content = CAST('vervalst' AS BLOB), sha256 = '` +
			sha256Hex([]byte("vervalst")) + `'`}, "bijlage brief.txt bij klacht K-2026-0001 is buiten Klachtenregister om gewijzigd: de inhoud wijkt af"},
		{"consent", []string{`UPDATE consents SET scope = 'alles'`}, "toestemming van 2026-02-24 bij klacht K-2026-0001 is buiten"},
		{"share", []string{`UPDATE shares SET documents = 'niets'`}, "stukken gedeeld op 2026-03-02 bij klacht K-2026-0001 is buiten"},
		{"expert", []string{`UPDATE experts SET confidentiality_signed_on = NULL`}, "externe deskundige Dr. Smit is buiten"},
		{"measure", []string{`UPDATE measures SET description = 'niets'`}, "verbetermaatregel M-2026-001 is buiten"},
		{"measure unlinked", []string{`DELETE FROM complaint_measures`}, "koppeling van een verbetermaatregel (nummer 1, tabel complaint_measures) ontbreekt"},
		{"contact added", []string{`INSERT INTO contacts (complaint_id, contact_on, kind, note) VALUES (2, '2026-03-01', 'phone', 'x')`},
			"contactmoment van 2026-03-01 bij klacht K-2026-0002 staat niet in het logboek"},
		{"payload deleted", []string{`DELETE FROM event_payloads WHERE event_id = 4`}, "de inhoud van vastlegging 4 (contact_added) is verwijderd"},
		{"last event deleted with its payload", []string{dropTriggers, `DROP TRIGGER event_rows_append_only_delete`,
			`DELETE FROM event_rows WHERE event_id = (SELECT max(id) FROM events)`,
			`DELETE FROM event_payloads WHERE event_id = (SELECT max(id) FROM events)`,
			`DELETE FROM events WHERE id = (SELECT max(id) FROM events)`}, "het register heeft 17 vastleggingen, het ankerbestand naast het register van 2 maart 2026 had er 18"},
		{"newest complaint removed entirely", []string{dropTriggers, `DROP TRIGGER event_rows_append_only_delete`,
			`DELETE FROM event_rows WHERE event_id IN (SELECT id FROM events WHERE complaint_id = 2)`,
			`DELETE FROM event_payloads WHERE event_id IN (SELECT id FROM events WHERE complaint_id = 2)`,
			`DELETE FROM events WHERE complaint_id = 2`, `DELETE FROM complaint_search WHERE rowid = 2`,
			`DELETE FROM complaints WHERE id = 2`}, "had er 18: vastleggingen zijn verwijderd"},
		{"event rows left behind", []string{dropTriggers, `DELETE FROM event_payloads WHERE event_id = 18`, `DELETE FROM events WHERE id = 18`},
			"rijwijzigingen vastgelegd voor vastlegging 18, die niet bestaat"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fullFixture(t)
			execRaw(t, path, tt.sql...)
			v := verifyAt(t, path)
			if v.OK() || !strings.Contains(strings.Join(v.Problems, "\n"), tt.problem) {
				t.Fatalf("Verify = %q, want %q", v.Problems, tt.problem)
			}
		})
	}
}

// A row changed outside the program stays found after the program changes it again.
func TestVerifyFindsTamperingUnderALaterChange(t *testing.T) {
	path := fullFixture(t)
	execRaw(t, path, `UPDATE complaints SET summary = 'vervalst' WHERE id = 2`)
	s := openAt(t, path, "2026-03-02")
	must(t, s.Acknowledge("K-2026-0002", day("2026-03-02"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	v, err := s.Verify()
	must(t, err)
	if v.OK() || !strings.Contains(v.Problem, "klacht K-2026-0002 is buiten Klachtenregister om gewijzigd vóór vastlegging 19") {
		t.Fatalf("Verify = %q", v.Problem)
	}
}

// A script that edits a row and then recomputes every row hash, digest and chain hash leaves a
// consistent file; the anchor outside it still tells.
func TestVerifyFindsRecomputedChain(t *testing.T) {
	path := fullFixture(t)
	db := rawDB(t, path)
	db.SetMaxOpenConns(1)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// A careful script puts back the triggers it drops, or verify reports them missing.
	var triggers []string
	must(t, scanRows(db, func(s *string) []any { return []any{s} }, func(s string) { triggers = append(triggers, s) },
		`SELECT sql FROM sqlite_schema WHERE name IN ('events_append_only_update', 'events_append_only_delete', 'event_rows_append_only_update')`))
	exec(dropTriggers + `; DROP TRIGGER event_rows_append_only_update`)
	exec(`UPDATE complaints SET verdict = 'unfounded' WHERE id = 1`)
	exec(`UPDATE event_rows SET after = (SELECT after FROM pending_rows WHERE tbl = 'complaints' AND row_key = 1)
		WHERE tbl = 'complaints' AND row_key = 1 AND event_id = (SELECT max(event_id) FROM event_rows WHERE tbl = 'complaints' AND row_key = 1)`)
	exec(`DELETE FROM pending_rows`)
	rechain(t, db)
	for _, sql := range triggers {
		exec(sql)
	}
	db.Close()

	s := openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if v.OK() || !strings.Contains(v.Problem, "is niet meer de vastlegging die het ankerbestand") || !strings.Contains(v.Problem, "herschreven") {
		t.Fatalf("Verify = %q, want a rewritten chain", v.Problem)
	}
	// Without the anchors the rewrite would pass: that is what the anchors are for.
	v, err = verifyDB(s.r, true)
	must(t, err)
	if !v.OK() {
		t.Fatalf("the recomputed chain itself = %q; the test's script is incomplete", v.Problem)
	}
}

// rechain recomputes every event's row digest and hash, as a tamperer's script would.
func rechain(t *testing.T, db *sql.DB) {
	t.Helper()
	rows, err := db.Query(`SELECT ` + eventColumns + ` FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id`)
	must(t, err)
	var evs []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		must(t, err)
		evs = append(evs, e)
	}
	rows.Close()
	prev := genesis
	for _, e := range evs {
		rs, err := db.Query(`SELECT tbl, row_key, before, after FROM event_rows WHERE event_id = ? ORDER BY tbl, row_key`, e.ID)
		must(t, err)
		var changes []rowChange
		for rs.Next() {
			var c rowChange
			must(t, rs.Scan(&c.Table, &c.Key, &c.Before, &c.After))
			changes = append(changes, c)
		}
		rs.Close()
		e.PrevHash, e.RowsSHA256 = prev, rowsDigest(changes)
		e.Hash = chainHash(e)
		_, err = db.Exec(`UPDATE events SET prev_hash = ?, rows_sha256 = ?, hash = ? WHERE id = ?`, e.PrevHash, e.RowsSHA256, e.Hash, e.ID)
		must(t, err)
		prev = e.Hash
	}
}

// A payload removed on purpose is recorded by a payload_erased event; then verify accepts it.
func TestVerifyAcceptsRecordedErasure(t *testing.T) {
	path := fullFixture(t)
	execRaw(t, path, `DELETE FROM event_payloads WHERE event_id = 4`)
	s := openAt(t, path, "2026-03-02")
	must(t, s.update(func(tx *Tx) error { return tx.event(0, "payload_erased", erasure{Events: []int64{4}}) }))
	v, err := s.Verify()
	must(t, err)
	if !v.OK() {
		t.Fatalf("Verify = %q, want OK", v.Problem)
	}
}

// A change to a tracked row without an event after it is refused, so no code path can store
// state that verify would then report.
func TestChangeWithoutEventIsRefused(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	err := s.update(func(tx *Tx) error {
		_, err := tx.Exec(`UPDATE complaints SET summary = 'x' WHERE reference = ?`, ref)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "staat niet in het logboek") {
		t.Fatalf("update without event = %v", err)
	}
	c, err := s.Complaint(ref)
	must(t, err)
	if c.Summary != "wachttijd te lang" {
		t.Errorf("summary = %q, want unchanged", c.Summary)
	}
}

// Every column of every tracked table is covered: a register made before a new column would
// otherwise let that column change unseen.
func TestRowHashCoversEveryColumn(t *testing.T) {
	path := fullFixture(t)
	db := rawDB(t, path)
	for _, tbl := range trackedTables {
		var sql string
		must(t, db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = ?`, tbl.name+"_audit_update").Scan(&sql))
		cols, err := columns(db, tbl.name)
		must(t, err)
		for _, c := range cols {
			if !strings.Contains(sql, "NEW."+c) || !strings.Contains(sql, "OLD."+c) {
				t.Errorf("trigger of %s misses %s", tbl.name, c)
			}
		}
	}
}

// olderRegister is a register made before row tracking, with one informal complaint of Jansen
// and its event.
func olderRegister(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "register.db")
	db := rawDB(t, path)
	for _, name := range migrationNames()[:rowAuditMigration-1] {
		script, err := migrationFS.ReadFile(name)
		must(t, err)
		_, err = db.Exec(string(script))
		must(t, err)
	}
	old := Event{ID: 1, At: noon(day("2025-03-03")).UTC(), Actor: "anne", ComplaintID: 1, Kind: "complaint_created",
		PayloadSHA256: sha256Hex([]byte(`{}`)), PrevHash: genesis}
	old.Hash = chainHash(old)
	_, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d; PRAGMA application_id = %d;
		INSERT INTO complaints (reference, received_on, channel, formal, subject, summary, complainant_name, status)
		VALUES ('K-2025-0001', '2025-03-03', 'conversation', 0, 'service', 'x', 'Jansen', 'informal');
		INSERT INTO events (id, at, actor, complaint_id, kind, payload_sha256, prev_hash, hash)
		VALUES (1, '%s', 'anne', 1, 'complaint_created', '%s', '%s', '%s');
		INSERT INTO event_payloads (event_id, payload) VALUES (1, '{}')`,
		rowAuditMigration-1, applicationID, old.At.Format(time.RFC3339Nano), old.PayloadSHA256, genesis, old.Hash))
	must(t, err)
	must(t, db.Close())
	return path
}

// A register made before row tracking is sealed once on upgrade: its rows are recorded as
// they are, its old events keep their hashes, and from then on a changed row is found.
func TestUpgradeSealsOlderRegisters(t *testing.T) {
	path := olderRegister(t)
	s := openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if !v.OK() || v.Events < 3 { // each later migration that adds columns records one more
		t.Fatalf("after the upgrade Verify = %+v", v)
	}
	var upgraded string
	must(t, s.r.QueryRow(`SELECT kind FROM events WHERE id = 3`).Scan(&upgraded))
	if upgraded != "schema_upgraded" {
		t.Errorf("event 3 is %q, want schema_upgraded: the later migration's new columns rehash the rows", upgraded)
	}
	var kind string
	must(t, s.r.QueryRow(`SELECT kind FROM events WHERE id = 2`).Scan(&kind))
	if kind != "register_sealed" {
		t.Errorf("event 2 is %q, want register_sealed", kind)
	}
	must(t, s.Close())
	execRaw(t, path, `UPDATE complaints SET complainant_name = 'Janssen'`)
	if v := verifyAt(t, path); !strings.Contains(v.Problem, "klacht K-2025-0001 is buiten Klachtenregister om gewijzigd") {
		t.Errorf("after a change Verify = %q", v.Problem)
	}
}

// Verify while another store adds complaints and closes (writing anchors) never reports a
// problem: the register only grows past what an anchor read before it says.
func TestVerifyWhileAnotherWriterCloses(t *testing.T) {
	path := fullFixture(t)
	done := make(chan error)
	go func() {
		for i := 0; i < 8; i++ {
			s, err := Open(path)
			if err == nil {
				setToday(s, "2026-03-02")
				_, err = s.Create(complaint(fmt.Sprint("Klager ", i), "2026-03-01", true))
				err = errors.Join(err, s.Close())
			}
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	s := openAt(t, path, "2026-03-02")
	for running := true; running; {
		select {
		case err := <-done:
			must(t, err)
			running = false
		default:
		}
		v, err := s.Verify()
		must(t, err)
		if !v.OK() {
			t.Fatalf("Verify during writes = %q", v.Problems)
		}
	}
}

// TestVerifyFindsAMissingOrChangedTrigger: with the trigger that notes a table's changed rows
// dropped, verify passed, and the next change through the program was taken for an edit
// outside it; a trigger replaced by one that notes nothing went unseen too. So did a dropped
// trigger that keeps the audit trail append-only, one of those emptied (checked by name only),
// and a trigger added outside the program, whose changes the trail would record as the
// program's own.
func TestVerifyFindsAMissingOrChangedTrigger(t *testing.T) {
	for _, tt := range []struct{ name, sql, says string }{
		{"dropped", `DROP TRIGGER complaints_audit_update`, "de bewaking van de tabel complaints ontbreekt (trigger complaints_audit_update is verwijderd)"},
		{"emptied", `DROP TRIGGER contacts_audit_insert; CREATE TRIGGER contacts_audit_insert AFTER insert ON contacts BEGIN SELECT 1; END`,
			"de bewaking van de tabel contacts (trigger contacts_audit_insert) is buiten Klachtenregister om gewijzigd"},
		{"append-only", `DROP TRIGGER events_append_only_delete`, "de beveiliging van het logboek ontbreekt (trigger events_append_only_delete is verwijderd)"},
		{"append-only emptied", `DROP TRIGGER events_append_only_update; CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN SELECT 1; END`,
			"de beveiliging van het logboek (trigger events_append_only_update) is buiten Klachtenregister om gewijzigd"},
		{"added", `CREATE TRIGGER zz_verdict AFTER UPDATE OF status ON complaints BEGIN UPDATE complaints SET verdict = 'unfounded' WHERE id = NEW.id; END`,
			"aan de tabel complaints is buiten Klachtenregister om een trigger toegevoegd (zz_verdict)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := fullFixture(t)
			execRaw(t, path, tt.sql)
			s := openAt(t, path, "2026-03-02")
			v, err := s.Verify()
			must(t, err)
			if v.OK() || !strings.Contains(v.Problem, tt.says) {
				t.Errorf("Verify = %q, want %q", v.Problem, tt.says)
			}
		})
	}
}

// TestMigrationTriggersAreRead: every CREATE or DROP TRIGGER of the migrations is read by the
// pattern verify takes the append-only triggers from; one written otherwise (lower case,
// IF NOT EXISTS) would be missed, and verify would expect the trigger as it was before.
func TestMigrationTriggersAreRead(t *testing.T) {
	mentions := regexp.MustCompile(`(?im)^\s*(create|drop)\s+trigger\b`)
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	must(t, err)
	for _, name := range names {
		text, err := migrationFS.ReadFile(name)
		must(t, err)
		if want, got := len(mentions.FindAll(text, -1)), len(migrationTrigger.FindAll(text, -1)); got != want {
			t.Errorf("%s: %d trigger statements, %d read", name, want, got)
		}
	}
	if n := len(migrationTriggers(len(names))); n != 4 {
		t.Errorf("%d append-only triggers after every migration, want 4", n)
	}
}

// TestOlderBackupRestores: a backup made by a build before migration 13 (which changed an
// append-only trigger) is checked against its own version's triggers before it is upgraded;
// held to the newest ones it was refused as damaged.
func TestOlderBackupRestores(t *testing.T) {
	dir := t.TempDir()
	migrationsUpTo = 12
	defer func() { migrationsUpTo = 0 }()
	older := openAt(t, filepath.Join(dir, "oud.db"), "2026-03-02") // today's changes need today's columns: an empty register
	backup := filepath.Join(dir, "oud"+backupExt)
	_, err := older.WriteBackup(backup, "", false)
	must(t, err)
	must(t, older.Close())
	migrationsUpTo = 0
	path := filepath.Join(dir, "klachtenregister.db")
	if _, err := Restore(backup, path, "", false, restoreTime, "tester"); err != nil {
		t.Fatalf("restoring a backup of migration 12: %v", err)
	}
	mustVerify(t, openAt(t, path, "2026-03-03"))
}
