package data

import "database/sql"

// querier is what the read pool, a read snapshot and a write transaction all offer, so one
// query function serves a single read, a consistent file read and a change alike.
type querier interface {
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// reads is where a read goes: the read pool, or on a batch's store the batch's own
// transaction, so that what the batch changed so far is read back (see Batch).
func (s *Store) reads() querier {
	if s.batch != nil {
		return &Tx{Tx: s.batch.tx, store: s, now: s.Now(), batch: s.batch}
	}
	return s.r
}

// view runs fn on one read transaction: every query in it sees the register as it was at its
// first read, even while another process (the CLI beside the app) commits changes. On a
// batch's store that transaction is the batch's.
func (s *Store) view(fn func(q querier) error) error {
	if s.batch != nil {
		return fn(s.reads())
	}
	tx, err := s.r.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// scanRows runs a query and hands each row, scanned into a fresh T through dest, to each.
func scanRows[T any](q querier, dest func(*T) []any, each func(T), query string, args ...any) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t T
		if err := rows.Scan(dest(&t)...); err != nil {
			return err
		}
		each(t)
	}
	return rows.Err()
}

// collect runs a query and returns its rows, each scanned into a T through dest.
func collect[T any](q querier, dest func(*T) []any, query string, args ...any) ([]T, error) {
	var out []T
	err := scanRows(q, dest, func(t T) { out = append(out, t) }, query, args...)
	return out, err
}

// ofComplaint reads a list that belongs to the complaint ref with read, after checking that
// the complaint exists, so an unknown reference is an error rather than an empty list.
func ofComplaint[T any](s *Store, ref string, read func(q querier, id int64) ([]T, error)) ([]T, error) {
	q := s.reads()
	id, err := complaintID(q, ref)
	if err != nil {
		return nil, err
	}
	return read(q, id)
}
