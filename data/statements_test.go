package data

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestChangesRunPreparedStatements: a change's statements are prepared once it has ended, and
// the next change of the same kind runs them as prepared, also after another program changed
// the schema and the data in between; closing the store closes them.
func TestChangesRunPreparedStatements(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Anna de Vries", "2026-03-02", true))
	prepared := len(s.stmts.ready)
	if prepared < 5 || len(s.stmts.wanted) != 0 {
		t.Fatalf("after one change %d statements prepared, %d waiting; want the change's statements prepared", prepared, len(s.stmts.wanted))
	}
	mustCreate(t, s, complaint("Bram Jansen", "2026-03-02", true))
	if len(s.stmts.ready) != prepared {
		t.Fatalf("a second change of the same kind prepared %d statements more", len(s.stmts.ready)-prepared)
	}

	// Another program adds a table and a complaint: the prepared statements must see both.
	other := openAt(t, path, "2026-03-02")
	mustCreate(t, other, complaint("Carla Bos", "2026-03-02", true))
	db := rawDB(t, path)
	if _, err := db.Exec(`CREATE TABLE elsewhere (x)`); err != nil {
		t.Fatal(err)
	}
	ref := mustCreate(t, s, complaint("Dirk Smit", "2026-03-02", true))
	if ref != "K-2026-0004" {
		t.Errorf("the fourth complaint got %s, want K-2026-0004: the counter another program raised was not read", ref)
	}
	if v, err := s.Verify(); err != nil || !v.OK() {
		t.Fatalf("verify after prepared changes: %+v, %v", v, err)
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if len(s.stmts.ready) != 0 || s.stmts.lookup("SELECT 1") != nil || len(s.stmts.wanted) != 0 {
		t.Error("a closed store still holds or takes prepared statements")
	}
}

// TestPreparedStatementsAreBounded: statements whose text varies do not grow the cache without end.
func TestPreparedStatementsAreBounded(t *testing.T) {
	s := openStore(t, "2026-03-02")
	for i := range 3 * maxStatements {
		if st := s.stmts.lookup(fmt.Sprintf("SELECT %d", i)); st != nil {
			t.Fatalf("SELECT %d was prepared before it was wanted", i)
		}
		if i%100 == 0 {
			s.stmts.prepareWanted(s.w)
		}
	}
	s.stmts.prepareWanted(s.w)
	if n := len(s.stmts.ready); n > maxStatements {
		t.Fatalf("%d statements prepared, at most %d wanted", n, maxStatements)
	}
	if s.stmts.lookup("SELECT 0") == nil {
		t.Error("the first statement asked for was not prepared")
	}
}

// TestPreparingDoesNotWaitForTheWriter: a change that has ended does not wait for another
// change that holds the writer in order to prepare its statements; the next one does that.
func TestPreparingDoesNotWaitForTheWriter(t *testing.T) {
	s := openStore(t, "2026-03-02")
	busy, err := s.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	s.stmts.lookup("SELECT count(*) FROM complaints")
	start := time.Now()
	s.stmts.prepareWanted(s.w)
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("prepareWanted waited %v for the writer", waited)
	}
	if len(s.stmts.ready) != 0 || !s.stmts.wanted["SELECT count(*) FROM complaints"] {
		t.Fatalf("with the writer busy: ready %d, wanted %v; want it left for the next time", len(s.stmts.ready), s.stmts.wanted)
	}
	must(t, busy.Rollback())
	s.stmts.prepareWanted(s.w)
	if s.stmts.lookup("SELECT count(*) FROM complaints") == nil {
		t.Error("the statement left for the next time was not prepared then")
	}
}

// TestImportLeavesNoPragmaBehind: the PRAGMA an import runs in its change is not kept prepared,
// for SQLite applies defer_foreign_keys when it prepares it: the next change would have it too.
func TestImportLeavesNoPragmaBehind(t *testing.T) {
	s := openStore(t, "2026-11-30")
	if _, err := s.Import(ImportFile{Name: "register.csv", SHA256: "abc", Rows: []ImportRow{history(4)}}, nil); err != nil {
		t.Fatal(err)
	}
	var deferred int
	must(t, s.update(func(tx *Tx) error { return tx.Tx.QueryRow(`PRAGMA defer_foreign_keys`).Scan(&deferred) }))
	if deferred != 0 {
		t.Error("a change after an import has its foreign keys checked only at the commit")
	}
}

// TestSameQueryInsideItsOwnLoop: a change may run a query again while reading its rows, also
// once the change's statements are prepared.
func TestSameQueryInsideItsOwnLoop(t *testing.T) {
	s := openStore(t, "2026-03-02")
	for _, name := range []string{"Anna de Vries", "Bram Jansen", "Carla Bos"} {
		mustCreate(t, s, complaint(name, "2026-03-02", true))
	}
	const q = `SELECT id FROM complaints WHERE id >= ? ORDER BY id`
	for round := range 2 {
		pairs := 0
		must(t, s.update(func(tx *Tx) error {
			outer, err := tx.Query(q, 1)
			if err != nil {
				return err
			}
			defer outer.Close()
			for outer.Next() && pairs < 100 {
				var id int64
				if err := outer.Scan(&id); err != nil {
					return err
				}
				inner, err := tx.Query(q, id)
				if err != nil {
					return err
				}
				for inner.Next() {
					pairs++
				}
				inner.Close()
			}
			return outer.Err()
		}))
		if pairs != 6 {
			t.Errorf("round %d: %d pairs of complaints, want 6", round+1, pairs)
		}
	}
}
