package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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

// Verify checks the file (integrity_check), the audit chain, every state row against what its
// events recorded, the head of the chain against the newest anchor outside the file, and the
// references between tables (foreign_key_check). It reads everything in one snapshot and streams
// each table once, so its time grows linearly with the register.
func (s *Store) Verify() (Verification, error) {
	// The anchors first: another program that commits and closes meanwhile then leaves an
	// anchor no newer than what the snapshot below sees.
	anchor, err := s.NewestAnchor()
	if err != nil {
		return Verification{}, err
	}
	// A connection of its own: on a pooled connection that has read before, SQLite's check of
	// the full-text index reports a checksum mismatch while another program writes.
	db, err := sql.Open("sqlite", s.path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return Verification{}, err
	}
	defer db.Close()
	v, err := verifyDB(db)
	if err != nil {
		return v, err
	}
	v.Anchor = anchor
	// A broken chain or file is reported already; with an intact chain (even with changed
	// rows) the anchor tells whether events are missing.
	if v.Anchor != nil && v.EventID == 0 && (v.Events > 0 || v.OK()) {
		checkAnchor(db, &v, *v.Anchor)
	}
	return v, nil
}

// verifyDB is Verify without the anchors: what a backup copy is checked with before it is kept.
// The file's integrity check reads every page on a connection of its own while the audit
// trail is checked beside it, on the second core: the two take about as long. A damaged file
// is reported alone, as what the other checks read from it cannot be trusted.
func verifyDB(db *sql.DB) (Verification, error) {
	type found struct {
		msgs []string
		err  error
	}
	file := make(chan found, 1)
	go func() {
		msgs, err := integrity(db)
		file <- found{msgs, err}
	}()
	v, err := verifyContent(db)
	f := <-file
	switch {
	case f.err != nil:
		return Verification{}, f.err
	case len(f.msgs) > 0:
		var damaged Verification
		damaged.fail("het databasebestand is beschadigd: " + strings.Join(f.msgs, "; "))
		return damaged, nil
	}
	return v, err
}

// verifyContent checks the audit chain, every state row against it, and the references
// between tables, in one snapshot.
func verifyContent(db *sql.DB) (Verification, error) {
	var v Verification
	tx, err := db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return v, err
	}
	defer tx.Rollback()
	// The chain first: an event row removed without its payload is then named as missing,
	// not only reported as a dangling reference. Rows are compared only with an intact chain.
	if err := verifyChain(tx, &v); err != nil {
		return v, err
	}
	if v.OK() {
		if err := verifyRows(tx, &v); err != nil {
			return v, err
		}
	}
	var table string
	var rowid int64
	err = tx.QueryRow(`SELECT "table", coalesce(rowid, 0) FROM pragma_foreign_key_check LIMIT 1`).Scan(&table, &rowid)
	if err == nil {
		v.fail(fmt.Sprintf("rij %d in tabel %s verwijst naar iets dat niet bestaat", rowid, table))
	}
	return v, nil
}

// integrity runs integrity_check and returns what it found wrong.
func integrity(db *sql.DB) ([]string, error) {
	rows, err := db.Query(`PRAGMA integrity_check`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	return msgs, rows.Err()
}

// verifyChain walks the events in order beside the row changes each recorded.
func verifyChain(tx *sql.Tx, v *Verification) error {
	rows, err := tx.Query(`SELECT ` + eventColumns + ` FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	changes, err := newRowChanges(tx)
	if err != nil {
		return err
	}
	defer changes.close()
	kept, err := keptImages(tx)
	if err != nil {
		return err
	}
	prev := genesis
	var want int64 = 1
	missing := map[int64]string{} // events whose payload is gone: id -> kind
	erased := map[int64]bool{}
	fail := func(id int64, problem string) { v.EventID = id; v.fail(problem) }
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			fail(want, err.Error())
			return nil
		}
		v.Events++
		got, err := changes.of(e.ID)
		if err != nil {
			return err
		}
		switch {
		case e.ID != want:
			fail(want, fmt.Sprintf("gebeurtenis %d ontbreekt: het audit-spoor springt van %d naar %d (verwijderd)", want, want-1, e.ID))
		case e.PrevHash != prev:
			fail(e.ID, fmt.Sprintf("gebeurtenis %d sluit niet aan op de vorige: gebeurtenissen zijn verwijderd of van volgorde veranderd", e.ID))
		case chainHash(e) != e.Hash:
			fail(e.ID, fmt.Sprintf("gebeurtenis %d (%s) is achteraf gewijzigd", e.ID, e.Kind))
		case e.Payload != nil && sha256Hex(e.Payload) != e.PayloadSHA256:
			fail(e.ID, fmt.Sprintf("de inhoud van gebeurtenis %d (%s) is achteraf gewijzigd", e.ID, e.Kind))
		case rowsDigest(got) != e.RowsSHA256 && !kept.holds(e.ID, got):
			fail(e.ID, fmt.Sprintf("de vastgelegde rijwijzigingen van gebeurtenis %d (%s) zijn achteraf gewijzigd", e.ID, e.Kind))
		}
		if !v.OK() {
			return nil
		}
		if e.Payload == nil {
			missing[e.ID] = e.Kind
		} else if e.Kind == "payload_erased" {
			var er erasure
			if err := json.Unmarshal(e.Payload, &er); err != nil {
				fail(e.ID, fmt.Sprintf("de inhoud van gebeurtenis %d (%s) is onleesbaar", e.ID, e.Kind))
				return nil
			}
			for _, id := range er.Events {
				erased[id] = true
			}
		}
		prev, want, v.Head = e.Hash, e.ID+1, e.Hash
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if id, ok, err := changes.leftover(); err != nil || ok {
		if ok {
			fail(id, fmt.Sprintf("er zijn rijwijzigingen vastgelegd voor gebeurtenis %d, die niet bestaat: gebeurtenissen zijn verwijderd", id))
		}
		return err
	}
	first := int64(0)
	for id := range missing {
		if !erased[id] && (first == 0 || id < first) {
			first = id
		}
	}
	if first != 0 {
		fail(first, fmt.Sprintf("de inhoud van gebeurtenis %d (%s) is verwijderd, zonder dat een wisgebeurtenis dat vastlegt", first, missing[first]))
	}
	return nil
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

func newRowChanges(tx *sql.Tx) (*rowChanges, error) {
	rows, err := tx.Query(`SELECT event_id, tbl, row_key, before, after FROM event_rows ORDER BY event_id, tbl, row_key`)
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

func (c *rowChanges) leftover() (int64, bool, error) { return c.id, c.next != nil, nil }

func (c *rowChanges) close() { c.rows.Close() }

// verifyRows compares every row of every tracked table with the last hash its events recorded,
// and each recorded "before" with the "after" of the event before it, so a row changed outside
// the program is found even when the program changed it again afterwards.
func verifyRows(tx *sql.Tx, v *Verification) error {
	for _, t := range trackedTables {
		problem, err := verifyTable(tx, t)
		if err != nil {
			return err
		}
		if problem != "" {
			v.fail(problem)
			return nil
		}
	}
	return nil
}

// recorded is one row's history in event_rows.
type recorded struct {
	key      any
	problem  string // a broken link in the history, with the event it was found at
	last     []byte // after of the last event; nil: removed (or never recorded, when !seen)
	seen     bool
	inserted int64 // the event that created the row
}

func verifyTable(tx *sql.Tx, t trackedTable) (string, error) {
	cols, err := columns(tx, t.name)
	if err != nil {
		return "", err
	}
	current, err := tx.Query(fmt.Sprintf(`SELECT t.%s, %s, %s FROM %s t ORDER BY t.%s`,
		t.key, t.rowHashSQL(cols, "t"), t.label, t.name, t.key))
	if err != nil {
		return "", err
	}
	defer current.Close()
	history, err := tx.Query(`SELECT row_key, event_id, before, after FROM event_rows WHERE tbl = ? ORDER BY row_key, event_id`, t.name)
	if err != nil {
		return "", err
	}
	defer history.Close()

	var pending *struct {
		key   any
		event int64
		b, a  []byte
	}
	nextHistory := func() (*recorded, error) {
		var r *recorded
		for {
			if pending == nil {
				if !history.Next() {
					return r, history.Err()
				}
				pending = &struct {
					key   any
					event int64
					b, a  []byte
				}{}
				if err := history.Scan(&pending.key, &pending.event, &pending.b, &pending.a); err != nil {
					return nil, err
				}
			}
			if r != nil && compareKeys(pending.key, r.key) != 0 {
				return r, nil
			}
			if r == nil {
				r = &recorded{key: pending.key, inserted: pending.event}
			}
			if r.problem == "" && !sameHash(pending.b, r.last) {
				r.problem = fmt.Sprintf("is buiten Klachtenregister om gewijzigd vóór gebeurtenis %d", pending.event)
			}
			r.last, r.seen = pending.a, true
			pending = nil
		}
	}
	hist, err := nextHistory()
	if err != nil {
		return "", err
	}
	var row struct {
		key   any
		hash  []byte
		label string
		ok    bool
	}
	nextRow := func() error {
		row.ok = current.Next()
		if !row.ok {
			return current.Err()
		}
		return current.Scan(&row.key, &row.hash, &row.label)
	}
	if err := nextRow(); err != nil {
		return "", err
	}
	gone := func(key any) string { return fmt.Sprintf("%s (nummer %v, tabel %s)", t.noun, key, t.name) }
	for row.ok || hist != nil {
		switch c := cmpRow(row.ok, row.key, hist); {
		case c < 0: // a row no event recorded
			return row.label + " staat niet in het audit-spoor: toegevoegd buiten Klachtenregister om", nil
		case c > 0: // recorded, but not in the table
			switch {
			case hist.problem != "":
				return gone(hist.key) + " " + hist.problem, nil
			case hist.last != nil:
				return gone(hist.key) + " ontbreekt: verwijderd buiten Klachtenregister om", nil
			}
			if hist, err = nextHistory(); err != nil {
				return "", err
			}
		default:
			switch {
			case hist.problem != "":
				return row.label + " " + hist.problem, nil
			case hist.last == nil:
				return row.label + " staat niet in het audit-spoor: toegevoegd buiten Klachtenregister om", nil
			case !sameHash(hist.last, row.hash):
				return row.label + " is buiten Klachtenregister om gewijzigd" + contentDetail(tx, t, row.key, hist.inserted), nil
			}
			if err := nextRow(); err != nil {
				return "", err
			}
			if hist, err = nextHistory(); err != nil {
				return "", err
			}
		}
	}
	return "", nil
}

// cmpRow orders the current row against the recorded history: negative when the row comes
// first (or there is no more history), positive when the history does.
func cmpRow(haveRow bool, key any, hist *recorded) int {
	switch {
	case hist == nil:
		return -1
	case !haveRow:
		return 1
	}
	return compareKeys(key, hist.key)
}

// compareKeys orders keys as SQLite does: integers before text, text by its bytes.
func compareKeys(a, b any) int {
	ai, aInt := a.(int64)
	bi, bInt := b.(int64)
	switch {
	case aInt && bInt:
		return cmpInt(ai, bi)
	case aInt:
		return -1
	case bInt:
		return 1
	}
	return strings.Compare(keyText(a), keyText(b))
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func keyText(k any) string {
	if b, ok := k.([]byte); ok {
		return string(b)
	}
	return fmt.Sprint(k)
}

// contentDetail says, for a letter or an attachment, whether its bytes still match the
// fingerprint in the event that stored them.
func contentDetail(tx *sql.Tx, t trackedTable, key any, stored int64) string {
	content := map[string]struct{ col, what string }{"letters": {"pdf", "de PDF"}, "attachments": {"content", "de inhoud"}}[t.name]
	if content.col == "" {
		return ""
	}
	col, what := content.col, content.what
	var bytes []byte
	var payload sql.NullString
	if err := tx.QueryRow(fmt.Sprintf(`SELECT %s, (SELECT payload FROM event_payloads WHERE event_id = ?) FROM %s WHERE id = ?`,
		col, t.name), stored, key).Scan(&bytes, &payload); err != nil || !payload.Valid {
		return ""
	}
	var p struct {
		SHA256 string `json:"sha256"`
	}
	if json.Unmarshal([]byte(payload.String), &p) != nil || p.SHA256 == "" || p.SHA256 == sha256Hex(bytes) {
		return ""
	}
	return fmt.Sprintf(": %s wijkt af van de vingerafdruk die gebeurtenis %d vastlegde", what, stored)
}
