package data

import (
	"fmt"
	"strings"
)

// Verification is the result of Verify.
type Verification struct {
	Events  int    // events checked
	Problem string // "" when everything holds
	EventID int64  // the first event that was altered, removed or reordered; 0 if none
}

// OK reports whether the database and the audit trail are intact.
func (v Verification) OK() bool { return v.Problem == "" }

// Verify checks the file (integrity_check), the audit chain and the references between tables
// (foreign_key_check), and names the first event that was altered, removed or reordered.
func (s *Store) Verify() (Verification, error) {
	var v Verification
	rows, err := s.r.Query(`PRAGMA integrity_check`)
	if err != nil {
		return v, err
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return v, err
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	if len(msgs) > 0 {
		v.Problem = "het databasebestand is beschadigd: " + strings.Join(msgs, "; ")
		return v, nil
	}
	// The chain first: an event row removed without its payload is then named as missing,
	// not only reported as a dangling reference.
	if v, err = s.verifyChain(v); err != nil || !v.OK() {
		return v, err
	}
	var table string
	var rowid int64
	err = s.r.QueryRow(`SELECT "table", coalesce(rowid, 0) FROM pragma_foreign_key_check LIMIT 1`).Scan(&table, &rowid)
	if err == nil {
		v.Problem = fmt.Sprintf("rij %d in tabel %s verwijst naar iets dat niet bestaat", rowid, table)
	}
	return v, nil
}

func (s *Store) verifyChain(v Verification) (Verification, error) {
	rows, err := s.r.Query(`SELECT ` + eventColumns + ` FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id`)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	prev := genesis
	var want int64 = 1
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			v.Problem, v.EventID = err.Error(), want
			return v, nil
		}
		v.Events++
		problem := ""
		switch {
		case e.ID != want:
			problem = fmt.Sprintf("gebeurtenis %d ontbreekt: het audit-spoor springt van %d naar %d (verwijderd)", want, want-1, e.ID)
			e.ID = want
		case e.PrevHash != prev:
			problem = fmt.Sprintf("gebeurtenis %d sluit niet aan op de vorige: gebeurtenissen zijn verwijderd of van volgorde veranderd", e.ID)
		case chainHash(e) != e.Hash:
			problem = fmt.Sprintf("gebeurtenis %d (%s) is achteraf gewijzigd", e.ID, e.Kind)
		case e.Payload != nil && sha256Hex(e.Payload) != e.PayloadSHA256:
			problem = fmt.Sprintf("de inhoud van gebeurtenis %d (%s) is achteraf gewijzigd", e.ID, e.Kind)
		}
		if problem != "" {
			v.Problem, v.EventID = problem, e.ID
			return v, nil
		}
		prev, want = e.Hash, e.ID+1
	}
	return v, rows.Err()
}
