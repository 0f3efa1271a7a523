package data

import (
	"database/sql"
	"maps"
	"slices"
)

// batch is the one transaction a Store made by Batch writes every change into, with its
// statements prepared once: a change that runs a thousand times a second then no longer
// spends most of its time parsing SQL.
type batch struct {
	tx       *sql.Tx
	stmts    map[string]*sql.Stmt
	err      error // the first change that failed: it may have done half its work, so nothing commits
	lastID   int64 // the newest event, which the next one chains to; 0 until the batch wrote one
	lastHash string
	settings Settings       // read once, until the batch changes one
	search   map[int64]bool // complaints whose full-text entry is rewritten at the end
	people   batchPeople    // the name words of the complaints, for a measure's check
}

// errBatchFailed refuses changes after one in the same batch failed.
var errBatchFailed = NewError(CodeConflict, "", "een eerdere wijziging in deze reeks is mislukt; er is niets opgeslagen")

// Batch runs fn with a store on the same file whose changes all go into one transaction,
// committed when fn returns nil: for making many changes at once, such as a demo register of
// 100,000 complaints, where a transaction per change would spend its time waiting for the disk.
// Each change still goes through its own rules and writes its own audit event, exactly as
// outside a batch. When fn or any change fails, nothing of the batch is saved. The batch's
// store reads through the batch's transaction, so it sees its own changes (a letter made in
// the batch reads the complaint as it then stands); only full-text search finds the batch's
// complaints once it has committed, as their search entries are written at its end. It must
// not be closed, nor used after fn returns. Inside a batch, Batch runs fn in the same batch.
func (s *Store) Batch(fn func(b *Store) error) error {
	if s.batch != nil {
		return fn(s)
	}
	sqlTx, err := s.w.Begin()
	if err != nil {
		return err
	}
	// A page cache of 256 MB keeps the indexes the batch writes to in memory; the connection
	// returns to SQLite's default (2 MB) once the transaction below has ended.
	defer s.w.Exec(`PRAGMA cache_size = -2000`)
	defer sqlTx.Rollback()
	if err := s.sameFile(); err != nil {
		return err
	}
	if _, err := sqlTx.Exec(`PRAGMA cache_size = -262144`); err != nil {
		return err
	}
	b := Store{w: s.w, r: s.r, ckpt: s.ckpt, stmts: s.stmts, path: s.path, file: s.file, Now: s.Now, Actor: s.Actor,
		batch: &batch{tx: sqlTx, stmts: map[string]*sql.Stmt{}, search: map[int64]bool{}}}
	defer func() {
		for _, st := range b.batch.stmts {
			st.Close()
		}
	}()
	if err := fn(&b); err != nil {
		return err
	}
	if b.batch.err != nil {
		return b.batch.err
	}
	if len(b.batch.search) > 0 {
		if err := writeSearch(&Tx{Tx: sqlTx, store: &b}, slices.Sorted(maps.Keys(b.batch.search))); err != nil {
			return err
		}
	}
	if err := Classify(s.path, sqlTx.Commit()); err != nil {
		return err
	}
	s.changed.Store(true)
	s.ckpt.committed()
	return nil
}

// run is update inside the batch: one change with its own clock reading.
func (bt *batch) run(s *Store, fn func(tx *Tx) error) error {
	if bt.err != nil {
		return errBatchFailed
	}
	if err := (&Tx{Tx: bt.tx, store: s, now: s.Now(), batch: bt}).change(fn); err != nil {
		bt.err = err
		return err
	}
	return nil
}

// prepared is the prepared statement for query in this transaction: the batch's, or the
// writer's (see statements); nil when it is not prepared yet.
func (tx *Tx) prepared(query string) *sql.Stmt {
	if tx.batch == nil {
		if st, ok := tx.bound[query]; ok {
			return st
		}
		st := tx.store.stmts.lookup(query)
		if st == nil {
			return nil
		}
		st = tx.Tx.Stmt(st) // this transaction's use of it, made once: an import runs it per row
		if tx.bound == nil {
			tx.bound = map[string]*sql.Stmt{}
		}
		tx.bound[query] = st
		return st
	}
	st, ok := tx.batch.stmts[query]
	if !ok {
		var err error
		if st, err = tx.Tx.Prepare(query); err != nil {
			return nil // running it unprepared reports the error
		}
		tx.batch.stmts[query] = st
	}
	return st
}

// Exec runs a change, from a prepared statement when there is one.
func (tx *Tx) Exec(query string, args ...any) (sql.Result, error) {
	if st := tx.prepared(query); st != nil {
		return st.Exec(args...)
	}
	return tx.Tx.Exec(query, args...)
}

// QueryRow reads one row, from a prepared statement when there is one.
func (tx *Tx) QueryRow(query string, args ...any) *sql.Row {
	if st := tx.prepared(query); st != nil {
		return st.QueryRow(args...)
	}
	return tx.Tx.QueryRow(query, args...)
}

// Query reads rows, from the batch's prepared statement inside a batch. Outside one it is
// prepared anew each time: a prepared statement has one SQLite handle on the writer, and rows
// stay open while the caller reads them, so the same query run again in that loop would
// restart it. (A batch's code runs no query inside a loop over the same query.)
func (tx *Tx) Query(query string, args ...any) (*sql.Rows, error) {
	if tx.batch != nil {
		if st := tx.prepared(query); st != nil {
			return st.Query(args...)
		}
	}
	return tx.Tx.Query(query, args...)
}
