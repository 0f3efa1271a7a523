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
	hashes := [][]byte{nil, []byte("a-hash-of-thirty-two-bytes-00001"), []byte("a-hash-of-thirty-two-bytes-00002"), []byte("a-hash-of-thirty-two-bytes-00003")}
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
			for _, key := range []any{int64(1 + rng.IntN(4)), "practice_name"} {
				if rng.IntN(3) > 0 {
					continue
				}
				table := map[bool]string{true: "contacts", false: "settings"}[key != "practice_name"]
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
			first, second := newRowHistories(), newRowHistories()
			for i, e := range events {
				if i < cut {
					first.note(e.id, e.changes)
				} else {
					second.note(e.id, e.changes)
				}
			}
			first.fold(second)
			for i := range whole {
				keys, wantKeys := first[i].sortedKeys(), whole[i].sortedKeys()
				if !reflect.DeepEqual(keys, wantKeys) {
					t.Fatalf("round %d, cut %d: rows %v, one walk %v", round, cut, keys, wantKeys)
				}
				for _, k := range keys {
					if got, want := first[i].of(k), whole[i].of(k); got.brokenAt() != want.brokenAt() || got.last != want.last || got.first != want.first {
						t.Fatalf("round %d, cut after %d events, row %v of %s: joined %+v, one walk %+v", round, cut, k, trackedTables[i].name, got, want)
					}
				}
			}
		}
	}
}
