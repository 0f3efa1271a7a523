package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// AddMeasure records a new measure, linked to the complaints named by refs (none is fine: a
// measure may come from the practice's own evaluation). It returns the measure with its code.
// An empty owner means the practitioner carries it out.
func (s *Store) AddMeasure(m Measure, refs ...string) (Measure, error) {
	err := s.update(func(tx *Tx) error {
		m.CreatedOn, m.DoneOn, m.EvaluatedOn, m.Evaluation, m.Effect, m.Complaints = tx.today(), Date{}, Date{}, "", "", nil
		if err := m.validate(); err != nil {
			return err
		}
		if err := tx.checkCause(&m); err != nil {
			return err
		}
		if err := tx.checkNoPerson(m.Description); err != nil {
			return err
		}
		if m.Owner == "" {
			set, err := settings(tx)
			if err != nil {
				return err
			}
			m.Owner = set.PractitionerName()
		}
		var seq int
		if err := tx.QueryRow(`INSERT INTO measure_counters (year, last) VALUES (?, 1)
			ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`, m.CreatedOn.Year()).Scan(&seq); err != nil {
			return err
		}
		m.Code = fmt.Sprintf("M-%d-%03d", m.CreatedOn.Year(), seq)
		res, err := tx.Exec(`INSERT INTO measures (code, description, root_cause, owner, created_on, due_on) VALUES (?, ?, ?, ?, ?, ?)`,
			m.Code, m.Description, m.RootCause, m.Owner, m.CreatedOn, m.DueOn)
		if err != nil {
			return err
		}
		if m.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := tx.event(0, "measure_added", m); err != nil {
			return err
		}
		for _, ref := range refs {
			if err := tx.link(&m, ref); err != nil {
				return err
			}
		}
		return nil
	})
	return m, err
}

// EditMeasure saves changes to a measure's description, root cause, owner and due date, found by
// its code. Being carried out and evaluated are steps of their own.
func (s *Store) EditMeasure(m Measure) error {
	return s.update(func(tx *Tx) error {
		old, err := getMeasure(tx, m.Code)
		if err != nil {
			return err
		}
		m.CreatedOn = old.CreatedOn
		if err := m.validate(); err != nil {
			return err
		}
		if err := tx.checkCause(&m); err != nil {
			return err
		}
		if m.Description != old.Description {
			if err := tx.checkNoPerson(m.Description); err != nil {
				return err
			}
		}
		before := map[string]string{"description": old.Description, "root_cause": old.RootCause, "owner": old.Owner, "due_on": old.DueOn.String()}
		after := map[string]string{"description": m.Description, "root_cause": m.RootCause, "owner": m.Owner, "due_on": m.DueOn.String()}
		changes := map[string]Change{}
		for k := range before {
			if before[k] != after[k] {
				changes[k] = Change{Old: before[k], New: after[k]}
			}
		}
		if len(changes) == 0 {
			return nil
		}
		if _, err := tx.Exec(`UPDATE measures SET description = ?, root_cause = ?, owner = ?, due_on = ? WHERE id = ?`,
			m.Description, m.RootCause, m.Owner, m.DueOn, old.ID); err != nil {
			return err
		}
		return tx.event(0, "measure_edited", map[string]any{"code": old.Code, "changes": changes})
	})
}

// LinkMeasure records that the measure also answers the complaint ref.
func (s *Store) LinkMeasure(code, ref string) error {
	return s.update(func(tx *Tx) error {
		m, err := getMeasure(tx, code)
		if err != nil {
			return err
		}
		return tx.link(m, ref)
	})
}

func (tx *Tx) link(m *Measure, ref string) error {
	c, err := tx.changeable(ref)
	if err != nil {
		return err
	}
	if err := checkNoName(m.Description, c.Reference, c.Complainant.Name); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO complaint_measures (complaint_id, measure_id, linked_on) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, c.ID, m.ID, tx.today())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("verbetermaatregel %s is al gekoppeld aan klacht %s", m.Code, c.Reference)
	}
	m.Complaints = append(m.Complaints, c.Reference)
	return tx.event(c.ID, "measure_linked", map[string]string{"code": m.Code, "description": m.Description})
}

// checkNoName refuses a measure's description that names the complainant of a complaint it
// answers: a measure improves how the practice works, for everyone, and it appears in the
// annual report, which names no complainant.
func checkNoName(description, ref, name string) error {
	if w := newNameMask(name).find(description); w != "" {
		return invalid("description", "de omschrijving noemt de klager van %s (%q); beschrijf de verbetermaatregel "+
			"zonder de klager te noemen: een maatregel verbetert de werkwijze van de praktijk en staat in het jaarverslag", ref, w)
	}
	return nil
}

// UnlinkMeasure removes a link made by mistake. A closed complaint's links stay as they are:
// the file is reopened first, so the closing rule is checked again when it closes.
func (s *Store) UnlinkMeasure(code, ref string) error {
	return s.update(func(tx *Tx) error {
		m, err := getMeasure(tx, code)
		if err != nil {
			return err
		}
		c, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		res, err := tx.Exec(`DELETE FROM complaint_measures WHERE complaint_id = ? AND measure_id = ?`, c.ID, m.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("verbetermaatregel %s is niet gekoppeld aan klacht %s", m.Code, c.Reference)
		}
		return tx.event(c.ID, "measure_unlinked", map[string]string{"code": m.Code})
	})
}

// MeasureDone records that the measure was carried out on the given day (zero: today).
func (s *Store) MeasureDone(code string, on Date) error {
	return s.update(func(tx *Tx) error {
		m, err := getMeasure(tx, code)
		if err != nil {
			return err
		}
		if !m.Open() {
			return conflict("verbetermaatregel %s is al uitgevoerd op %s", m.Code, m.DoneOn)
		}
		if on.IsZero() {
			on = tx.today()
		}
		if on.After(tx.today()) {
			return invalid("on", "de datum %s ligt in de toekomst", on)
		}
		if err := tx.doneAfterCause(m, on); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE measures SET done_on = ? WHERE id = ?`, on, m.ID); err != nil {
			return err
		}
		return tx.event(0, "measure_done", map[string]string{"code": m.Code, "done_on": on.String()})
	})
}

// doneAfterCause refuses a day of carrying out the measure before its cause: the first of its
// complaints to come in, or, for a measure of the practice's own or recorded before its
// complaints, the day it was recorded. A practitioner who improved the practice right after a
// complaint and records the measure later gives the real day.
func (tx *Tx) doneAfterCause(m *Measure, on Date) error {
	var ref string
	var received Date
	err := tx.QueryRow(`SELECT c.reference, c.received_on FROM complaint_measures cm JOIN complaints c ON c.id = cm.complaint_id
		WHERE cm.measure_id = ? ORDER BY c.received_on, c.id LIMIT 1`, m.ID).Scan(&ref, &received)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if ref != "" && received.Before(m.CreatedOn) {
		if on.Before(received) {
			return invalid("on", "de datum %s ligt vóór %s, de dag waarop klacht %s binnenkwam", on, received, ref)
		}
		return nil
	}
	if on.Before(m.CreatedOn) {
		return invalid("on", "de datum %s ligt vóór %s, de dag waarop de maatregel is vastgelegd", on, m.CreatedOn)
	}
	return nil
}

// EvaluateMeasure records the evaluation of a carried-out measure's effect on the given day
// (zero: today): whether it worked, and what that judgement rests on. A later evaluation
// replaces the earlier one; the audit trail keeps both.
func (s *Store) EvaluateMeasure(code string, on Date, effective bool, note string) error {
	note, err := cleanText("evaluation", note, textRule{max: 2000, multiLine: true}.as("de evaluatie"))
	if err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		m, err := getMeasure(tx, code)
		if err != nil {
			return err
		}
		if on.IsZero() {
			on = tx.today()
		}
		switch {
		case m.Open():
			return conflict("verbetermaatregel %s is nog niet uitgevoerd; het effect kan pas daarna worden beoordeeld", m.Code)
		case on.After(tx.today()):
			return invalid("on", "de datum %s ligt in de toekomst", on)
		case on.Before(m.DoneOn):
			return invalid("on", "de datum %s ligt vóór de uitvoering van de maatregel (%s)", on, m.DoneOn)
		case note == "":
			return invalid("evaluation", "vul in waarop het oordeel over het effect berust")
		}
		if err := tx.namesNobody("evaluation", note, Msg("de bevinding"), Msg("beschrijf het effect zonder namen: het hoort bij de verbetermaatregel, die in het jaarverslag staat")); err != nil {
			return err
		}
		effect := EffectNotEffective
		if effective {
			effect = EffectEffective
		}
		if _, err := tx.Exec(`UPDATE measures SET evaluated_on = ?, evaluation = ?, effect = ? WHERE id = ?`, on, note, effect, m.ID); err != nil {
			return err
		}
		return tx.event(0, "measure_evaluated", map[string]string{"code": m.Code, "evaluated_on": on.String(),
			"effect": string(effect), "evaluation": note})
	})
}

// RecordNoMeasure records why a complaint found (partly) well-founded needs no measure, so its
// file can close. Recording again replaces the reason; the audit trail keeps the old one.
func (s *Store) RecordNoMeasure(ref, reason string) error {
	reason, err := cleanText("reason", reason, textRule{max: 1000, multiLine: true}.as("de reden"))
	if err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		c, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		switch {
		case !c.NeedsMeasure():
			return conflict("klacht %s is niet (deels) gegrond verklaard of (deels) terecht bevonden; alleen dan is een verbetermaatregel of een reden zonder maatregel nodig", c.Reference)
		case reason == "":
			return invalid("reason", "vul in waarom er geen verbetermaatregel nodig is")
		case reason == c.NoMeasureReason:
			return nil
		}
		if _, err := tx.Exec(`UPDATE complaints SET no_measure_reason = ? WHERE id = ?`, reason, c.ID); err != nil {
			return err
		}
		return tx.event(c.ID, "no_measure_recorded", map[string]string{"old": c.NoMeasureReason, "reason": reason})
	})
}

const measureColumns = `m.id, m.code, m.description, m.root_cause, r.label, m.owner, m.created_on, m.due_on, m.done_on,
	m.evaluated_on, m.evaluation, m.effect,
	coalesce((SELECT group_concat(c.reference) FROM complaint_measures cm JOIN complaints c ON c.id = cm.complaint_id
		WHERE cm.measure_id = m.id), '')`

func scanMeasure(row interface{ Scan(...any) error }) (*Measure, error) {
	m := &Measure{}
	var refs string
	if err := row.Scan(&m.ID, &m.Code, &m.Description, &m.RootCause, &m.RootCauseLabel, &m.Owner, &m.CreatedOn, &m.DueOn,
		&m.DoneOn, &m.EvaluatedOn, &m.Evaluation, &m.Effect, &refs); err != nil {
		return nil, err
	}
	if refs != "" {
		m.Complaints = strings.Split(refs, ",")
		slices.Sort(m.Complaints)
	}
	return m, nil
}

func getMeasure(q querier, code string) (*Measure, error) {
	m, err := scanMeasure(q.QueryRow(`SELECT `+measureColumns+` FROM measures m JOIN root_causes r ON r.code = m.root_cause
		WHERE m.code = ?`, strings.ToUpper(strings.TrimSpace(code))))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, unknownMeasure(code)
	}
	return m, err
}

// Measure returns one measure by its code.
func (s *Store) Measure(code string) (*Measure, error) { return getMeasure(s.reads(), code) }

// Measures lists the measures that match f: open ones first, by due date, then the ones
// carried out, most recent first.
func (s *Store) Measures(f MeasureFilter) ([]Measure, error) {
	if f.Reference != "" {
		if _, err := complaintID(s.reads(), f.Reference); err != nil {
			return nil, err
		}
	}
	return listMeasures(s.reads(), f)
}

func listMeasures(q querier, f MeasureFilter) ([]Measure, error) {
	where, args := []string{"1=1"}, []any{}
	if f.Open {
		where = append(where, "m.done_on IS NULL")
	}
	if f.Done {
		where = append(where, "m.done_on IS NOT NULL")
	}
	if f.ToDo {
		where = append(where, "(m.done_on IS NULL OR m.evaluated_on IS NULL)")
	}
	if f.Reference != "" {
		where = append(where, `m.id IN (SELECT cm.measure_id FROM complaint_measures cm JOIN complaints c ON c.id = cm.complaint_id
			WHERE c.reference = ?)`)
		args = append(args, f.Reference)
	}
	rows, err := q.Query(`SELECT `+measureColumns+` FROM measures m JOIN root_causes r ON r.code = m.root_cause
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY m.done_on IS NOT NULL, m.done_on DESC, m.due_on IS NULL, m.due_on, m.code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Measure
	for rows.Next() {
		m, err := scanMeasure(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *m)
	}
	return out, rows.Err()
}
