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

// hashKey is a row hash as the check keeps it: its first 16 bytes, zero for no row (before a
// row's first change, or after its removal). Row hashes are SHA-256, and the recorded ones are
// covered by the chain: matching half of one on purpose still takes 2^128 tries, and 700,000
// rows then take some 17 MB.
type hashKey [16]byte

func keyOfHash(b []byte) hashKey {
	var k hashKey
	copy(k[:], b)
	if b != nil && k == noRow { // a row all the same, whatever its hash looks like
		k[0] = 1
	}
	return k
}

// noRow is the hash before a row's first change: there was no row.
var noRow hashKey

// rowHistory is what one range of events recorded of one row, in event order, as kept for
// every row (24 bytes; a backup's check holds one for each of a large register's rows). The
// hash before the range's first change of the row is kept beside it only for a row that was
// there already (its page's before), and the event where a history breaks only for a row
// whose history breaks (tableHistory.broken); rowRecord is the whole.
type rowHistory struct {
	last  hashKey // after its last change
	first int64   // the event of its first change: for the whole walk, the one that created the row; 0: none
}

// rowRecord is a row's history with what is kept beside it.
type rowRecord struct {
	rowHistory
	firstBefore hashKey // before its first change
	broken      int64   // the first event whose "before" is not the "after" of the change before it; 0: none
}

// brokenAt is the first event at which the row's history does not hold, once every range is
// joined: a first change that found a row already there, or a later broken link.
func (r rowRecord) brokenAt() int64 {
	if r.firstBefore != noRow {
		return r.first
	}
	return r.broken
}

// noteChange adds one change of the row to its history r.
func (r *rowRecord) noteChange(event int64, before, after hashKey) {
	switch {
	case r.first == 0:
		*r = rowRecord{rowHistory: rowHistory{first: event}, firstBefore: before}
	case r.broken == 0 && before != r.last:
		r.broken = event
	}
	r.last = after
}

// joined is the history r followed by n, that of the range after it; r is empty when the
// earlier range did not change the row.
func joined(r, n rowRecord) rowRecord {
	if r.first == 0 {
		return n
	}
	if r.broken == 0 {
		r.broken = n.broken
		if n.firstBefore != r.last {
			r.broken = n.first
		}
	}
	r.last = n.last
	return r
}

// tableHistory is the history of every row of one tracked table that a range changed: by id,
// in pages of consecutive ids (a map entry per row took half as much again as the histories
// themselves, and most of a backup's memory), or whole by the key of a setting (few).
type tableHistory struct {
	pages  map[int64]*historyPage
	broken map[int64]int64 // by id: the rows whose history breaks (rowRecord.broken)
	keys   map[string]rowRecord
}

// pageBits sets the ids a page holds: 256, so a range that changes a few old rows among many
// new ones holds little more than it needs.
const pageBits = 8

// historyPage holds the histories of 256 consecutive ids; a zero first means no change
// recorded. before holds the hash its rows had before the range's first change of them, once
// one of them was there already (in a later range of the walk, every row an earlier one made;
// after a retention run, most of them): 16 bytes more per row then, not a map entry each.
type historyPage struct {
	rows   [1 << pageBits]rowHistory
	before *[1 << pageBits]hashKey
}

// rowHistories are a range's histories, per tracked table in the order of trackedTables.
type rowHistories []tableHistory

func newRowHistories() rowHistories {
	h := make(rowHistories, len(trackedTables))
	for i := range h {
		h[i] = tableHistory{pages: map[int64]*historyPage{}, broken: map[int64]int64{}, keys: map[string]rowRecord{}}
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
		t := h[i]
		before, after := keyOfHash(c.Before), keyOfHash(c.After)
		if id, isID := c.Key.(int64); isID {
			p := t.page(id)
			r := p.record(id, t.broken[id])
			r.noteChange(event, before, after)
			t.keep(p, id, r)
		} else {
			r := t.keys[keyText(c.Key)]
			r.noteChange(event, before, after)
			t.keys[keyText(c.Key)] = r
		}
	}
}

// page is the page of row id, made when the range has none yet.
func (t tableHistory) page(id int64) *historyPage {
	p := t.pages[id>>pageBits]
	if p == nil {
		p = new(historyPage)
		t.pages[id>>pageBits] = p
	}
	return p
}

// record is row id's history in p, its page, with broken, its broken link (0: none).
func (p *historyPage) record(id, broken int64) rowRecord {
	slot := id & (1<<pageBits - 1)
	r := rowRecord{rowHistory: p.rows[slot], broken: broken}
	if p.before != nil {
		r.firstBefore = p.before[slot]
	}
	return r
}

// keep stores row id's history r in p, its page.
func (t tableHistory) keep(p *historyPage, id int64, r rowRecord) {
	slot := id & (1<<pageBits - 1)
	p.rows[slot] = r.rowHistory
	if r.firstBefore != noRow && p.before == nil {
		p.before = new([1 << pageBits]hashKey)
	}
	if p.before != nil {
		p.before[slot] = r.firstBefore
	}
	if r.broken != 0 {
		t.broken[id] = r.broken
	} else {
		delete(t.broken, id)
	}
}

// fold adds the histories of the range after h's to h, and empties next so its memory goes.
func (h rowHistories) fold(next rowHistories) {
	for i, t := range next {
		mine := h[i]
		moved := map[int64]bool{}
		for n, page := range t.pages {
			p := mine.pages[n]
			if p == nil { // no row of this page changed before: the page moves over whole
				mine.pages[n], moved[n] = page, true
				continue
			}
			for j := range page.rows {
				if page.rows[j].first != 0 {
					id := n<<pageBits | int64(j)
					mine.keep(p, id, joined(p.record(id, mine.broken[id]), page.record(id, t.broken[id])))
				}
			}
		}
		for id, b := range t.broken {
			if moved[id>>pageBits] {
				mine.broken[id] = b
			}
		}
		for k, n := range t.keys {
			mine.keys[k] = joined(mine.keys[k], n)
		}
		next[i] = tableHistory{}
	}
}

// historyCursor walks a table's recorded rows in SQLite's order: ids, then text keys.
type historyCursor struct {
	t     tableHistory
	pages []int64
	slot  int // the next slot of pages[0]
	keys  []string
}

func (t tableHistory) cursor() *historyCursor {
	return &historyCursor{t: t, pages: slices.Sorted(maps.Keys(t.pages)), keys: slices.Sorted(maps.Keys(t.keys))}
}

// next is the next recorded row and its history; ok is false after the last.
func (c *historyCursor) next() (key any, r rowRecord, ok bool) {
	for len(c.pages) > 0 {
		page := c.t.pages[c.pages[0]]
		for ; c.slot < len(page.rows); c.slot++ {
			if page.rows[c.slot].first != 0 {
				id := c.pages[0]<<pageBits | int64(c.slot)
				c.slot++
				return id, page.record(id, c.t.broken[id]), true
			}
		}
		c.pages, c.slot = c.pages[1:], 0
	}
	if len(c.keys) > 0 {
		k := c.keys[0]
		c.keys = c.keys[1:]
		return k, c.t.keys[k], true
	}
	return nil, rowRecord{}, false
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
	recorded := h.cursor()
	key, rec, has := recorded.next()
	changed := func(event int64) string {
		return fmt.Sprintf("is buiten Klachtenregister om gewijzigd vóór vastlegging %d", event)
	}
	for row.ok || has {
		c := -1 // a row no event recorded
		if has {
			c = 1 // recorded, but not in the table
			if row.ok {
				c = compareKeys(row.key, key)
			}
		}
		switch {
		case c < 0:
			return label(row.key) + " staat niet in het logboek: toegevoegd buiten Klachtenregister om", nil
		case c > 0 && rec.brokenAt() != 0:
			return gone(key) + " " + changed(rec.brokenAt()), nil
		case c > 0 && rec.last != noRow:
			return gone(key) + " ontbreekt: verwijderd buiten Klachtenregister om", nil
		case c > 0: // removed by the program
			key, rec, has = recorded.next()
			continue
		case rec.brokenAt() != 0:
			return label(row.key) + " " + changed(rec.brokenAt()), nil
		case rec.last == noRow:
			return label(row.key) + " staat niet in het logboek: toegevoegd buiten Klachtenregister om", nil
		case rec.last != keyOfHash(row.hash):
			return label(row.key) + " is buiten Klachtenregister om gewijzigd" + contentDetail(tx, t, row.key, rec.first), nil
		}
		key, rec, has = recorded.next()
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
	return fmt.Sprintf(": %s wijkt af van de controlecode die vastlegging %d noemde", what, stored)
}
