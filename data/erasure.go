package data

import (
	"fmt"
)

// Erasing personal data from the audit trail. The chain keeps every event's hash, which
// covers its payload's hash and the digest of the row images it recorded (rows_sha256), so
// both can go while the chain stays whole. What may not happen is that they go unnoticed: a
// payload_erased event (an erasure record) names every payload and every row image it
// removed, and for each event that lost row images the digest of the images it keeps. Verify
// accepts a missing payload or a changed set of row images only when such a record, later in
// the chain, says so.

// erasure is the payload of a payload_erased event.
type erasure struct {
	Events []int64        `json:"events"`         // events whose payload was removed
	Rows   []erasedImages `json:"rows,omitempty"` // events that lost row images
}

// erasedImages are the row images removed from one event, and what it keeps.
type erasedImages struct {
	Event int64    `json:"event"`
	Rows  []rowRef `json:"rows"`
	// Kept is rowsDigest of the images the event still holds ("" for none): verify compares it
	// with what it finds, so an image removed or changed beside the erasure is still caught.
	Kept string `json:"kept_sha256"`
}

// rowRef names a row of a tracked table.
type rowRef struct {
	Table string `json:"table"`
	Key   int64  `json:"key"`
}

// personalTables are the tracked tables whose rows of a complaint hold personal data; the
// complaint's own row is keyed by its id, the others by complaint_id.
var personalTables = []string{"complaints", "contacts", "extensions", "consents", "attachments", "shares", "letters"}

// personalRows are the rows of the complaint id that hold personal data.
func personalRows(q querier, id int64) ([]rowRef, error) {
	var out []rowRef
	for _, t := range personalTables {
		where := "complaint_id"
		if t == "complaints" {
			where = "id"
		}
		if err := scanRows(q, func(k *int64) []any { return []any{k} }, func(k int64) { out = append(out, rowRef{t, k}) },
			`SELECT id FROM `+t+` WHERE `+where+` = ? ORDER BY id`, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eraseHistory removes personal data from the audit trail, in the transaction that blanked
// the rows: the payloads of the events given, and every row image of the rows given in any
// event (including the register-wide ones of sealing and schema upgrades). The event about to
// be written records each of those rows afresh, as it is now (no "before"), so verify finds
// every row's history whole from there. It returns the erasure record.
func (tx *Tx) eraseHistory(rows []rowRef, events []int64) (erasure, error) {
	er := erasure{Events: []int64{}}
	for _, r := range rows {
		if _, err := tx.Exec(`INSERT INTO erasing_rows (event_id, tbl, row_key)
			SELECT event_id, tbl, row_key FROM event_rows WHERE tbl = ? AND row_key = ?`, r.Table, r.Key); err != nil {
			return er, err
		}
	}
	byEvent := map[int64]*erasedImages{}
	var order []int64
	type image struct {
		event int64
		ref   rowRef
	}
	if err := scanRows(tx, func(i *image) []any { return []any{&i.event, &i.ref.Table, &i.ref.Key} }, func(i image) {
		e := byEvent[i.event]
		if e == nil {
			e = &erasedImages{Event: i.event}
			byEvent[i.event] = e
			order = append(order, i.event)
		}
		e.Rows = append(e.Rows, i.ref)
	}, `SELECT event_id, tbl, row_key FROM erasing_rows ORDER BY event_id, tbl, row_key`); err != nil {
		return er, err
	}
	if _, err := tx.Exec(`DELETE FROM event_rows WHERE (event_id, tbl, row_key) IN (SELECT event_id, tbl, row_key FROM erasing_rows)`); err != nil {
		return er, err
	}
	if _, err := tx.Exec(`DELETE FROM erasing_rows`); err != nil {
		return er, err
	}
	for _, ev := range order {
		kept, err := eventRows(tx, ev)
		if err != nil {
			return er, err
		}
		byEvent[ev].Kept = rowsDigest(kept)
		er.Rows = append(er.Rows, *byEvent[ev])
	}
	for _, r := range rows {
		if err := tx.restartRow(r); err != nil {
			return er, err
		}
	}
	for _, ev := range events {
		res, err := tx.Exec(`DELETE FROM event_payloads WHERE event_id = ?`, ev)
		if err != nil {
			return er, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			er.Events = append(er.Events, ev)
		}
	}
	return er, nil
}

// restartRow notes a row as pending from scratch: its earlier images are erased, so the
// next event records it as it now is, with no "before".
func (tx *Tx) restartRow(r rowRef) error {
	cols, err := columns(tx, r.Table)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM pending_rows WHERE tbl = ? AND row_key = ?`, r.Table, r.Key); err != nil {
		return err
	}
	_, err = tx.Exec(fmt.Sprintf(`INSERT INTO pending_rows (tbl, row_key, before, after) SELECT ?, t.id, NULL, %s FROM %s t WHERE t.id = ?`,
		trackedTable{name: r.Table}.rowHashSQL(cols, "t"), r.Table), r.Table, r.Key)
	return err
}

// eventRows are the row images one event holds, in digest order.
func eventRows(q querier, event int64) ([]rowChange, error) {
	var out []rowChange
	err := scanRows(q, func(c *rowChange) []any { return []any{&c.Table, &c.Key, &c.Before, &c.After} },
		func(c rowChange) { out = append(out, c) },
		`SELECT tbl, row_key, before, after FROM event_rows WHERE event_id = ? ORDER BY tbl, row_key`, event)
	return out, err
}
