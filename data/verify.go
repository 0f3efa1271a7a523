package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Verification is the result of Verify.
type Verification struct {
	Events   int      // events checked
	Head     string   // hash of the last event: with Events, the head an anchor records
	Problem  string   // the first problem; "" when everything holds
	Problems []string // every problem found, the first check of each kind that failed
	EventID  int64    // the first event that was altered, removed or reordered; 0 if none
	Anchor   *Anchor  // the newest head recorded outside the file; nil when there is none
}

// OK reports whether the database and the audit trail are intact.
func (v Verification) OK() bool { return v.Problem == "" }

func (v *Verification) fail(problem string) {
	if v.Problem == "" {
		v.Problem = problem
	}
	v.Problems = append(v.Problems, problem)
}

// Verify checks the file's structure (quick_check: every page and record, NOT NULL and CHECK), the
// audit chain, every state row against what its events recorded, the head of the chain against
// the newest anchor outside the file, and the references between tables (checkReferences):
// every check of the "Nothing lost" issue. What quick_check leaves to VerifyThorough is whether
// every index entry matches its row: a mismatch makes a search miss a row but loses nothing
// (the rows themselves are hashed and checked here), and it takes the register's longest check.
// It reads every table once, so its time grows linearly with the register.
func (s *Store) Verify() (Verification, error) { return s.verify(false) }

// VerifyThorough is Verify with the full integrity_check, which also compares every index with
// its table: some 1.7 times as long on a large register (CLI `verify --thorough`).
func (s *Store) VerifyThorough() (Verification, error) { return s.verify(true) }

func (s *Store) verify(thorough bool) (Verification, error) {
	// The anchors first: another program that commits and closes meanwhile then leaves an
	// anchor no newer than what the snapshot below sees.
	anchor, unreadable, err := s.anchors()
	if err != nil {
		return Verification{}, err
	}
	// Connections of their own: on a pooled connection that has read before, SQLite's check of
	// the full-text index reports a checksum mismatch while another program writes. They read
	// the file page by page rather than mapping it into memory (mmap_size), though that took a
	// tenth off: a disk that fails to read a mapped page stops the program with a fault, where a
	// read reports an error that verify can name.
	db, err := sql.Open("sqlite", s.path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return Verification{}, err
	}
	defer db.Close()
	v, err := verifyDB(db, thorough)
	if err != nil {
		return v, err
	}
	v.Anchor = anchor
	// A broken chain or file is reported already; with an intact chain (even with changed
	// rows) the anchor tells whether events are missing.
	if v.Anchor != nil && v.EventID == 0 && (v.Events > 0 || v.OK()) {
		checkAnchor(db, &v, *v.Anchor)
	}
	for _, a := range unreadable { // replaced with garbage, the anchor would silence the check above
		v.fail(fmt.Sprintf("%s is onleesbaar: het is buiten Klachtenregister om gewijzigd of beschadigd, zodat het logboek er niet mee "+
			"kan worden vergeleken. Bewaar het zoals het is en ga na wie of wat het heeft veranderd", a))
	}
	return v, nil
}

// verifyDB is Verify without the anchors; a backup copy is checked with it (thorough) before
// it is kept. Its parts run side by side on connections of their own (db must allow three), so
// both cores of a laptop work: the file's check with the references, and the audit chain in
// two halves, followed by the state rows against what it recorded. A damaged file is reported
// alone, as what the other checks read from it cannot be trusted; a dangling reference after
// what the chain and the rows found.
func verifyDB(db *sql.DB, thorough bool) (Verification, error) {
	file := make(chan fileFindings, 1)
	go func() { file <- checkFile(db, thorough) }()
	v, err := verifyContent(db)
	f := <-file
	switch {
	case f.err != nil:
		return Verification{}, f.err
	case len(f.damage) > 0:
		var damaged Verification
		damaged.fail("het databasebestand is beschadigd: " + strings.Join(f.damage, "; "))
		return damaged, nil
	case err == nil && f.dangling != "":
		v.fail(f.dangling)
	}
	if err == nil {
		var problem string
		if problem, err = checkTriggers(db); problem != "" {
			v.fail(problem)
		}
	}
	return v, err
}

// fileFindings is what checkFile found: damage to the file, or else a reference to a row that
// does not exist.
type fileFindings struct {
	damage   []string
	dangling string
	err      error
}

// checkFile checks the file's structure (integrity_check when thorough, else quick_check) and,
// when that holds, the references between tables.
func checkFile(db *sql.DB, thorough bool) (f fileFindings) {
	pragma := "quick_check"
	if thorough {
		pragma = "integrity_check"
	}
	rows, err := db.Query(`PRAGMA ` + pragma)
	if err != nil {
		return fileFindings{err: err}
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return fileFindings{err: err}
		}
		if m != "ok" {
			f.damage = append(f.damage, m)
		}
	}
	if f.err = rows.Err(); f.err != nil || len(f.damage) > 0 {
		return f
	}
	f.dangling, f.err = checkReferences(db)
	return f
}

// auditTables are the audit trail's own tables, each a row or more per event.
var auditTables = []string{"events", "event_payloads", "event_rows"}

// checkReferences finds the first row that refers to a row that does not exist. The audit
// trail's tables are not checked row by row, which took half of it: the chain walk reads every
// event with its payload and row changes in the order of their ids up to the newest, so a
// payload or a row change whose event is gone is found there unless its id lies outside that
// range, which is checked here; and an event's complaint is a state row, which the rows check
// finds removed.
func checkReferences(db *sql.DB) (string, error) {
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	dangling := func(rowid int64, table string) string {
		return fmt.Sprintf("rij %d in tabel %s verwijst naar iets dat niet bestaat", rowid, table)
	}
	var head, rowid int64
	if err := tx.QueryRow(`SELECT coalesce(max(id), 0) FROM events`).Scan(&head); err != nil {
		return "", err
	}
	for _, table := range auditTables[1:] {
		switch err := tx.QueryRow(`SELECT event_id FROM `+table+` WHERE event_id < 1 OR event_id > ? LIMIT 1`, head).Scan(&rowid); {
		case err == nil:
			return dangling(rowid, table), nil
		case err != sql.ErrNoRows:
			return "", err
		}
	}
	rows, err := tx.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return "", err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return "", err
		}
		if !slices.Contains(auditTables, name) {
			tables = append(tables, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, table := range tables {
		var found string
		switch err := tx.QueryRow(`SELECT "table", coalesce(rowid, 0) FROM pragma_foreign_key_check(?) LIMIT 1`, table).Scan(&found, &rowid); {
		case err == nil:
			return dangling(rowid, found), nil
		case err != sql.ErrNoRows:
			return "", err
		}
	}
	return "", nil
}

// verifyContent checks the audit chain and every state row against it. The chain is walked
// in two halves side by side, each on a connection of its own, when both see the same register
// (the same newest event: every change the program commits writes one), else in one walk; the
// rows the walk noted are then compared with the tables, again on both connections. Rows are
// compared only with an intact chain.
func verifyContent(db *sql.DB) (Verification, error) {
	var v Verification
	snaps, err := readSnapshots(db, 2)
	defer func() {
		for _, s := range snaps {
			s.tx.Rollback()
		}
	}()
	if err != nil {
		return v, err
	}
	kept, err := keptImages(snaps[0].tx)
	if err != nil {
		return v, err
	}
	var parts []chainPart
	if len(snaps) == 2 {
		half := snaps[0].head / 2
		first := make(chan chainPart, 1)
		go func() { first <- walkChain(snaps[0].tx, math.MinInt64, half, kept) }()
		second := walkChain(snaps[1].tx, half+1, math.MaxInt64, kept)
		parts = []chainPart{<-first, second}
	} else {
		parts = []chainPart{walkChain(snaps[0].tx, math.MinInt64, math.MaxInt64, kept)}
	}
	if err := joinChain(&v, parts); err != nil || !v.OK() {
		return v, err
	}
	for _, p := range parts[1:] {
		parts[0].rows.fold(p.rows)
	}
	var txs []*sql.Tx
	for _, s := range snaps {
		txs = append(txs, s.tx)
	}
	problem, err := verifyRows(txs, parts[0].rows)
	if problem != "" {
		v.fail(problem)
	}
	return v, err
}

// snapshot is a read transaction and the newest event it sees.
type snapshot struct {
	tx   *sql.Tx
	head int64
}

// readSnapshots begins n read transactions on connections of their own; when they do not all
// see the same register (another program committed between them), it returns only the first.
func readSnapshots(db *sql.DB, n int) ([]snapshot, error) {
	var out []snapshot
	for range n {
		tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return out, err
		}
		out = append(out, snapshot{tx: tx})
		if err := tx.QueryRow(`SELECT coalesce(max(id), 0) FROM events`).Scan(&out[len(out)-1].head); err != nil {
			return out, err
		}
		if last := out[len(out)-1]; last.head != out[0].head {
			for _, s := range out[1:] {
				s.tx.Rollback()
			}
			return out[:1], nil
		}
	}
	return out, nil
}

// chainPart is what the walk of one range of the audit trail found, with its first and last
// event for the check where it meets the range before it.
type chainPart struct {
	events      int
	first, last Event // ID 0: the range holds no event
	problem     string
	eventID     int64 // the event of problem
	missing     map[int64]string
	erased      map[int64]bool
	rows        rowHistories // what the range's events recorded of each row
	err         error
}

// joinChain puts the ranges' findings together in order, as one walk from the first event to
// the last would have found them: the first problem, then a payload gone without an erasure.
func joinChain(v *Verification, parts []chainPart) error {
	fail := func(id int64, problem string) { v.EventID = id; v.fail(problem) }
	missing, erased := map[int64]string{}, map[int64]bool{}
	last := Event{Hash: genesis} // before the first event
	for i, p := range parts {
		if p.err != nil {
			return p.err
		}
		if i > 0 && p.first.ID != 0 { // the first range checks its start itself
			switch {
			case p.first.ID != last.ID+1:
				fail(last.ID+1, fmt.Sprintf("vastlegging %d ontbreekt: het logboek springt van %d naar %d (verwijderd)", last.ID+1, last.ID, p.first.ID))
			case p.first.PrevHash != last.Hash:
				fail(p.first.ID, fmt.Sprintf("vastlegging %d sluit niet aan op de vorige: vastleggingen zijn verwijderd of van volgorde veranderd", p.first.ID))
			}
		}
		if p.problem != "" && v.OK() {
			fail(p.eventID, p.problem)
		}
		if !v.OK() {
			return nil
		}
		v.Events += p.events
		if p.last.ID != 0 {
			last, v.Head = p.last, p.last.Hash
		}
		maps.Copy(missing, p.missing)
		maps.Copy(erased, p.erased)
	}
	first := int64(0)
	for id := range missing {
		if !erased[id] && (first == 0 || id < first) {
			first = id
		}
	}
	if first != 0 {
		fail(first, fmt.Sprintf("de inhoud van vastlegging %d (%s) is verwijderd, zonder dat het logboek vastlegt dat die is gewist", first, missing[first]))
	}
	return nil
}

// walkChain walks the events from lo to hi in order beside the row changes each recorded. The
// range from the start (lo math.MinInt64, so an event slipped in before the first is read too)
// checks the chain from genesis; a later range takes its first event as it finds it, and
// joinChain checks where it meets the range before, even when that range is empty. The range
// that runs to the end also finds row changes recorded for events after the last.
func walkChain(tx *sql.Tx, lo, hi int64, kept keptRecords) (p chainPart) {
	p.missing, p.erased, p.rows = map[int64]string{}, map[int64]bool{}, newRowHistories()
	rows, err := tx.Query(`SELECT `+eventColumns+` FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id
		WHERE e.id BETWEEN ? AND ? ORDER BY e.id`, lo, hi)
	if err != nil {
		return chainPart{err: err}
	}
	defer rows.Close()
	changes, err := newRowChanges(tx, lo, hi)
	if err != nil {
		return chainPart{err: err}
	}
	defer changes.close()
	prev, want := "", int64(0) // unknown until the first event, unless the range starts the chain
	if lo == math.MinInt64 {
		prev, want = genesis, 1
	}
	fail := func(id int64, problem string) { p.eventID, p.problem = id, problem }
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			fail(max(want, lo), err.Error())
			return p
		}
		if p.first.ID == 0 {
			p.first = e
		}
		if want == 0 {
			prev, want = e.PrevHash, e.ID
		}
		p.events++
		got, err := changes.of(e.ID)
		if err != nil {
			return chainPart{err: err}
		}
		switch {
		case e.ID != want:
			fail(want, fmt.Sprintf("vastlegging %d ontbreekt: het logboek springt van %d naar %d (verwijderd)", want, want-1, e.ID))
		case e.PrevHash != prev:
			fail(e.ID, fmt.Sprintf("vastlegging %d sluit niet aan op de vorige: vastleggingen zijn verwijderd of van volgorde veranderd", e.ID))
		case chainHash(e) != e.Hash:
			fail(e.ID, fmt.Sprintf("vastlegging %d (%s) is achteraf gewijzigd", e.ID, e.Kind))
		case e.Payload != nil && sha256Hex(e.Payload) != e.PayloadSHA256:
			fail(e.ID, fmt.Sprintf("de inhoud van vastlegging %d (%s) is achteraf gewijzigd", e.ID, e.Kind))
		case rowsDigest(got) != e.RowsSHA256 && !kept.holds(e.ID, got):
			fail(e.ID, fmt.Sprintf("de rijwijzigingen van vastlegging %d (%s) zijn achteraf gewijzigd", e.ID, e.Kind))
		}
		if p.problem != "" {
			return p
		}
		p.rows.note(e.ID, got)
		if e.Payload == nil {
			p.missing[e.ID] = e.Kind
		} else if e.Kind == "payload_erased" {
			var er erasure
			if err := json.Unmarshal(e.Payload, &er); err != nil {
				fail(e.ID, fmt.Sprintf("de inhoud van vastlegging %d (%s) is onleesbaar", e.ID, e.Kind))
				return p
			}
			for _, id := range er.Events {
				p.erased[id] = true
			}
		}
		p.last, prev, want = e, e.Hash, e.ID+1
	}
	if err := rows.Err(); err != nil {
		return chainPart{err: err}
	}
	if hi == math.MaxInt64 && changes.next != nil {
		fail(changes.id, fmt.Sprintf("er zijn rijwijzigingen vastgelegd voor vastlegging %d, die niet bestaat: vastleggingen zijn verwijderd", changes.id))
	}
	return p
}

// keptRecords are, per event that lost row images to an erasure, the digest of the images the
// latest erasure record says it kept.
type keptRecords map[int64]string

// keptImages reads, ahead of the walk, what the erasure records say each event kept of its
// row images after some were erased; the walk then checks each record itself in its turn, and
// a record counts only for events before it.
func keptImages(tx *sql.Tx) (keptRecords, error) {
	out := keptRecords{}
	rows, err := tx.Query(`SELECT e.id, p.payload FROM events e JOIN event_payloads p ON p.event_id = e.id
		WHERE e.kind = 'payload_erased' ORDER BY e.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var payload string
		if err := rows.Scan(&id, &payload); err != nil {
			return nil, err
		}
		var er erasure
		if json.Unmarshal([]byte(payload), &er) != nil {
			continue // the walk reports it
		}
		for _, r := range er.Rows {
			if r.Event < id {
				out[r.Event] = r.Kept
			}
		}
	}
	return out, rows.Err()
}

// holds reports whether an event whose row images no longer give its digest lost them to an
// erasure recorded later, and holds exactly what that record says it kept.
func (k keptRecords) holds(event int64, got []rowChange) bool {
	kept, ok := k[event]
	return ok && kept == rowsDigest(got)
}

// rowChanges streams event_rows in event order, beside the events.
type rowChanges struct {
	rows *sql.Rows
	next *rowChange
	id   int64 // event of next
}

func newRowChanges(tx *sql.Tx, lo, hi int64) (*rowChanges, error) {
	rows, err := tx.Query(`SELECT event_id, tbl, row_key, before, after FROM event_rows
		WHERE event_id BETWEEN ? AND ? ORDER BY event_id, tbl, row_key`, lo, hi)
	if err != nil {
		return nil, err
	}
	c := &rowChanges{rows: rows}
	return c, c.advance()
}

func (c *rowChanges) advance() error {
	c.next = nil
	if !c.rows.Next() {
		return c.rows.Err()
	}
	var rc rowChange
	if err := c.rows.Scan(&c.id, &rc.Table, &rc.Key, &rc.Before, &rc.After); err != nil {
		return err
	}
	c.next = &rc
	return nil
}

// of returns the changes recorded for event id; changes of earlier events that were not asked
// for (their event is gone) are skipped here and found by the digest of the event that follows.
func (c *rowChanges) of(id int64) ([]rowChange, error) {
	var out []rowChange
	for c.next != nil && c.id <= id {
		if c.id == id {
			out = append(out, *c.next)
		}
		if err := c.advance(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (c *rowChanges) close() { c.rows.Close() }
