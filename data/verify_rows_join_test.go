package data

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// The chain is walked in ranges side by side; the rows' histories the ranges note, joined in
// order, must say what one walk over all the events says, wherever the ranges meet.
func TestRowHistoriesJoinAsOneWalk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Three hashes that differ only after their first 16 bytes would be one to the check.
	hashes := [][]byte{nil, []byte("hash one, thirty-two bytes long."), []byte("hash two, thirty-two bytes long."), make([]byte, 32)}
	for round := range 200 {
		// A history per row: mostly sound links, some broken, some rows there before their first change.
		type event struct {
			id      int64
			changes []rowChange
		}
		var events []event
		last := map[any][]byte{}
		for id := int64(1); id <= 30; id++ {
			var changes []rowChange
			// Ids on several pages (a page moves whole or joins), text keys, the empty one too.
			ids := []int64{-3, 1, 2, 255, 256, 700}
			for _, key := range []any{ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))], "practice_name", ""} {
				if rng.IntN(3) > 0 {
					continue
				}
				_, isID := key.(int64)
				table := map[bool]string{true: "contacts", false: "settings"}[isID]
				before := last[key]
				if rng.IntN(8) == 0 {
					before = hashes[rng.IntN(len(hashes))] // changed outside the program
				}
				after := hashes[1+rng.IntN(len(hashes)-1)]
				if rng.IntN(6) == 0 {
					after = nil // removed
				}
				changes = append(changes, rowChange{Table: table, Key: key, Before: before, After: after})
				last[key] = after
			}
			events = append(events, event{id, changes})
		}
		whole := newRowHistories()
		for _, e := range events {
			whole.note(e.id, e.changes)
		}
		for cut := 0; cut <= len(events); cut++ {
			cut2 := cut + rng.IntN(len(events)-cut+1) // a third range, empty at times
			first, second, third := newRowHistories(), newRowHistories(), newRowHistories()
			for i, e := range events {
				switch {
				case i < cut:
					first.note(e.id, e.changes)
				case i < cut2:
					second.note(e.id, e.changes)
				default:
					third.note(e.id, e.changes)
				}
			}
			first.fold(second)
			first.fold(third)
			for i := range whole {
				keys, got := recordedRows(first[i])
				wantKeys, want := recordedRows(whole[i])
				if !reflect.DeepEqual(keys, wantKeys) {
					t.Fatalf("round %d, cut %d: rows %v, one walk %v", round, cut, keys, wantKeys)
				}
				for j, k := range keys {
					if g, w := got[j], want[j]; g.brokenAt() != w.brokenAt() || g.last != w.last || g.first != w.first {
						t.Fatalf("round %d, cuts after %d and %d events, row %v of %s: joined %+v, one walk %+v", round, cut, cut2, k, trackedTables[i].name, g, w)
					}
				}
			}
		}
	}
}

// recordedRows are the rows a table's histories hold, in the order verify reads them.
func recordedRows(t tableHistory) (keys []any, histories []rowRecord) {
	c := t.cursor()
	for k, r, ok := c.next(); ok; k, r, ok = c.next() {
		keys, histories = append(keys, k), append(histories, r)
	}
	return keys, histories
}

// TestRecordedRowsComeInKeyOrder: the histories are read back in SQLite's order whatever ids
// a range changed: across pages, a negative id first, text keys last.
func TestRecordedRowsComeInKeyOrder(t *testing.T) {
	h := newRowHistories()
	i := trackedIndex["contacts"]
	for n, id := range []int64{1 << 40, 3, -1, 255, 256, 2, 1000} {
		h.note(int64(n+1), []rowChange{{Table: "contacts", Key: id, After: []byte("h")}})
	}
	h.note(9, []rowChange{{Table: "contacts", Key: "b"}, {Table: "contacts", Key: "a"}})
	keys, histories := recordedRows(h[i])
	if want := []any{int64(-1), int64(2), int64(3), int64(255), int64(256), int64(1000), int64(1 << 40), "a", "b"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("rows in the order %v, want %v", keys, want)
	}
	if histories[0].first != 3 || histories[6].first != 1 {
		t.Errorf("histories %+v", histories)
	}
}
