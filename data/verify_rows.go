package data

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// The state rows are checked against the row changes the chain walk reads anyway: each range
// of the walk notes per row its first and last change (rowHistory), the ranges are joined in
// order, and then every tracked table is read once in key order beside those rows. Reading
// the changes a second time, ordered by row, took a fifth of verify's time.

// hashKey is a row hash as the check keeps it: its length and first 16 bytes. Matching half
// of a SHA-256 on purpose still takes 2^128 tries, and 700,000 rows then take some 50 MB.
type hashKey struct {
	n int16 // the length; -1: no hash (no row before, or none after)
	b [16]byte
}

func keyOfHash(b []byte) hashKey {
	if b == nil {
		return hashKey{n: -1}
	}
	k := hashKey{n: int16(min(len(b), 1<<14))}
	copy(k.b[:], b)
	return k
}

// noRow is the hash before a row's first change: there was no row.
var noRow = keyOfHash(nil)

// rowHistory is what one range of events recorded of one row, in event order.
type rowHistory struct {
	firstBefore, last hashKey // before its first change, after its last
	first             int64   // the event of its first change: for the whole walk, the one that created the row
	broken            int64   // the first event whose "before" is not the "after" of the change before it; 0: none
}

// brokenAt is the first event at which the row's history does not hold, once every range is
// joined: a first change that found a row already there, or a later broken link.
func (r rowHistory) brokenAt() int64 {
	if r.firstBefore != noRow {
		return r.first
	}
	return r.broken
}

// then is r followed by the history n of the range after it.
func (r rowHistory) then(n rowHistory) rowHistory {
	if r.broken == 0 {
		r.broken = n.broken
		if n.firstBefore != r.last {
			r.broken = n.first
		}
	}
	r.last = n.last
	return r
}

// tableHistory is the history of every row of one tracked table that a range changed, by key:
// an id, or the key of a setting.
type tableHistory struct {
	ids  map[int64]rowHistory
	keys map[string]rowHistory
}

// rowHistories are a range's histories, per tracked table in the order of trackedTables.
type rowHistories []tableHistory

func newRowHistories() rowHistories {
	h := make(rowHistories, len(trackedTables))
	for i := range h {
		h[i] = tableHistory{ids: map[int64]rowHistory{}, keys: map[string]rowHistory{}}
	}
	return h
}

// trackedIndex is each tracked table's place in trackedTables.
var trackedIndex = func() map[string]int {
	m := map[string]int{}
	for i, t := range trackedTables {
		m[t.name] = i
	}
	return m
}()

// note adds the row changes of one event, in event order.
func (h rowHistories) note(event int64, changes []rowChange) {
	for _, c := range changes {
		i, ok := trackedIndex[c.Table]
		if !ok {
			continue
		}
		before, after := keyOfHash(c.Before), keyOfHash(c.After)
		if id, isID := c.Key.(int64); isID {
			noteRow(h[i].ids, id, event, before, after)
		} else {
			noteRow(h[i].keys, keyText(c.Key), event, before, after)
		}
	}
}

// noteRow adds one change of the row key to its history in m.
func noteRow[K comparable](m map[K]rowHistory, key K, event int64, before, after hashKey) {
	r, seen := m[key]
	switch {
	case !seen:
		r = rowHistory{firstBefore: before, first: event}
	case r.broken == 0 && before != r.last:
		r.broken = event
	}
	r.last = after
	m[key] = r
}

// fold adds the histories of the range after h's to h, and empties next so its memory goes.
func (h rowHistories) fold(next rowHistories) {
	for i, t := range next {
		foldRows(h[i].ids, t.ids)
		foldRows(h[i].keys, t.keys)
		next[i] = tableHistory{}
	}
}

// foldRows adds the rows' histories in next to those in m, which come before them.
func foldRows[K comparable](m, next map[K]rowHistory) {
	for k, n := range next {
		if r, ok := m[k]; ok {
			n = r.then(n)
		}
		m[k] = n
		delete(next, k)
	}
}

// sortedKeys are the table's recorded rows in SQLite's order: ids, then text keys.
func (t tableHistory) sortedKeys() []any {
	out := make([]any, 0, len(t.ids)+len(t.keys))
	for _, id := range slices.Sorted(maps.Keys(t.ids)) {
		out = append(out, id)
	}
	for _, k := range slices.Sorted(maps.Keys(t.keys)) {
		out = append(out, k)
	}
	return out
}

func (t tableHistory) of(key any) rowHistory {
	if id, ok := key.(int64); ok {
		return t.ids[id]
	}
	return t.keys[keyText(key)]
}

// verifyRows compares every row of every tracked table with the last hash its events recorded,
// and each recorded "before" with the "after" of the change before it, so a row changed
// outside the program is found even when the program changed it again afterwards. Each
// transaction reads tables beside the others (they see the same register); the problem
// returned is the first, in the order of trackedTables.
func verifyRows(txs []*sql.Tx, h rowHistories) (string, error) {
	type found struct {
		problem string
		err     error
	}
	results := make([]found, len(trackedTables))
	next := make(chan int, len(trackedTables))
	for i := range trackedTables {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for _, tx := range txs {
		wg.Go(func() {
			for i := range next {
				problem, err := verifyTable(tx, trackedTables[i], h[i])
				results[i] = found{problem, err}
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		if r.err != nil || r.problem != "" {
			return r.problem, r.err
		}
	}
	return "", nil
}

// verifyTable reads the table in key order beside the keys of its recorded rows.
func verifyTable(tx *sql.Tx, t trackedTable, h tableHistory) (string, error) {
	cols, err := columns(tx, t.name)
	if err != nil {
		return "", err
	}
	current, err := tx.Query(fmt.Sprintf(`SELECT t.%s, %s FROM %s t ORDER BY t.%s`,
		t.key, t.rowHashSQL(cols, "t"), t.name, t.key))
	if err != nil {
		return "", err
	}
	defer current.Close()
	var row struct {
		key  any
		hash []byte
		ok   bool
	}
	nextRow := func() error {
		row.ok = current.Next()
		if !row.ok {
			return current.Err()
		}
		return current.Scan(&row.key, &row.hash)
	}
	if err := nextRow(); err != nil {
		return "", err
	}
	// The row in the practitioner's words, read only for the row reported: naming every row
	// (a contact by its complaint's reference) took a third of the check.
	gone := func(key any) string { return fmt.Sprintf("%s (nummer %v, tabel %s)", t.noun, key, t.name) }
	label := func(key any) string {
		var l string
		if err := tx.QueryRow(fmt.Sprintf(`SELECT %s FROM %s t WHERE t.%s = ?`, t.label, t.name, t.key), key).Scan(&l); err != nil {
			return gone(key)
		}
		return l
	}
	keys := h.sortedKeys()
	changed := func(event int64) string {
		return fmt.Sprintf("is buiten Klachtenregister om gewijzigd vóór gebeurtenis %d", event)
	}
	for row.ok || len(keys) > 0 {
		c := -1 // a row no event recorded
		if len(keys) > 0 {
			c = 1 // recorded, but not in the table
			if row.ok {
				c = compareKeys(row.key, keys[0])
			}
		}
		var rec rowHistory
		if c >= 0 {
			rec = h.of(keys[0])
		}
		switch {
		case c < 0:
			return label(row.key) + " staat niet in het audit-spoor: toegevoegd buiten Klachtenregister om", nil
		case c > 0 && rec.brokenAt() != 0:
			return gone(keys[0]) + " " + changed(rec.brokenAt()), nil
		case c > 0 && rec.last != noRow:
			return gone(keys[0]) + " ontbreekt: verwijderd buiten Klachtenregister om", nil
		case c > 0: // removed by the program
			keys = keys[1:]
			continue
		case rec.brokenAt() != 0:
			return label(row.key) + " " + changed(rec.brokenAt()), nil
		case rec.last == noRow:
			return label(row.key) + " staat niet in het audit-spoor: toegevoegd buiten Klachtenregister om", nil
		case rec.last != keyOfHash(row.hash):
			return label(row.key) + " is buiten Klachtenregister om gewijzigd" + contentDetail(tx, t, row.key, rec.first), nil
		}
		keys = keys[1:]
		if err := nextRow(); err != nil {
			return "", err
		}
	}
	return "", nil
}

// compareKeys orders keys as SQLite does: integers before text, text by its bytes.
func compareKeys(a, b any) int {
	ai, aInt := a.(int64)
	bi, bInt := b.(int64)
	switch {
	case aInt && bInt:
		return cmp.Compare(ai, bi)
	case aInt:
		return -1
	case bInt:
		return 1
	}
	return strings.Compare(keyText(a), keyText(b))
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
