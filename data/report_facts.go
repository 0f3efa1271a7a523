package data

import "time"

// reportFacts are the facts beside the complaints that an annual report needs: extensions,
// measures and root causes, read in the report's transaction. The complaints themselves are
// streamed past the counters (eachReportComplaint), so a register of 100,000 complaints is never
// held in memory at once.
type reportFacts struct {
	extensions []reportExtension
	original   map[int64]Date     // complaint ID: the target date its first extension replaced
	causes     map[int64][]string // complaint ID: the distinct root causes of its measures
	rootCauses []RootCause
	measures   []reportMeasure
	names      map[string][]string // measure code: the names of the complainants it answers
}

// reportComplaint is what the report reads of one complaint. The original target date is the
// one the first extension replaced (extensions only ever move it later), or else the target date.
type reportComplaint struct {
	id                                                                 int64
	received, filed, ackDue, acked, due, original, resolved, withdrawn Date
	channel                                                            Channel
	subject                                                            Subject
	formal, noMeasureReason                                            bool
	verdict                                                            Verdict
}

type reportExtension struct {
	complaintID int64
	on          Date
	reason      ExtensionReason
}

// reportMeasure is a measure with the number of complaints it answers.
type reportMeasure struct {
	Measure
	complaints int
}

// readReportFacts reads the extensions and measures that the reports of year and the year
// before need, and the root causes of the measures linked to each complaint.
func readReportFacts(q querier, year int) (*reportFacts, error) {
	in := &reportFacts{original: map[int64]Date{}, causes: map[int64][]string{}, names: map[string][]string{}}
	for _, read := range []func(querier, int) error{in.readExtensions, in.readCauses, in.readMeasures} {
		if err := read(q, year); err != nil {
			return nil, err
		}
	}
	var err error
	in.rootCauses, err = rootCauses(q)
	return in, err
}

// pair is a row of two or three values, for the small lookups below.
type pair struct {
	id   int64
	a, b string
	on   Date
}

// readExtensions reads each extended complaint's original target date, and the extensions
// made in the two years with the category of their reason.
func (in *reportFacts) readExtensions(q querier, year int) error {
	if err := scanRows(q, func(p *pair) []any { return []any{&p.id, &p.on} }, func(p pair) { in.original[p.id] = p.on },
		`SELECT complaint_id, min(previous_due_on) FROM extensions GROUP BY complaint_id`); err != nil {
		return err
	}
	return scanRows(q, func(p *pair) []any { return []any{&p.id, &p.on, &p.a} }, func(p pair) {
		in.extensions = append(in.extensions, reportExtension{p.id, p.on, ClassifyExtension(p.a)})
	}, `SELECT complaint_id, extended_on, reason FROM extensions WHERE extended_on >= ? AND extended_on < ?`,
		NewDate(year-1, time.January, 1), NewDate(year+1, time.January, 1))
}

// readCauses reads the root causes of the measures linked to each complaint.
func (in *reportFacts) readCauses(q querier, _ int) error {
	return scanRows(q, func(p *pair) []any { return []any{&p.id, &p.a} }, func(p pair) {
		in.causes[p.id] = append(in.causes[p.id], p.a)
	}, `SELECT DISTINCT cm.complaint_id, m.root_cause FROM complaint_measures cm JOIN measures m ON m.id = cm.measure_id`)
}

// readMeasures reads the measures recorded or carried out in the two years, or still open,
// and the names of the complainants of those under way in the report's year, to mask them.
func (in *reportFacts) readMeasures(q querier, year int) error {
	from, start, end := NewDate(year-1, time.January, 1), NewDate(year, time.January, 1), NewDate(year+1, time.January, 1)
	if err := scanRows(q, func(p *pair) []any { return []any{&p.a, &p.b} }, func(p pair) {
		in.names[p.a] = append(in.names[p.a], p.b)
	}, `SELECT m.code, c.complainant_name FROM measures m JOIN complaint_measures cm ON cm.measure_id = m.id
		JOIN complaints c ON c.id = cm.complaint_id WHERE m.created_on < ? AND (m.done_on IS NULL OR m.done_on >= ?)`,
		end, start); err != nil {
		return err
	}
	return scanRows(q, func(m *reportMeasure) []any {
		return []any{&m.ID, &m.Code, &m.Description, &m.RootCause, &m.RootCauseLabel, &m.CreatedOn, &m.DueOn, &m.DoneOn,
			&m.Effect, &m.complaints}
	}, func(m reportMeasure) { in.measures = append(in.measures, m) },
		`SELECT m.id, m.code, m.description, m.root_cause, r.label, m.created_on, m.due_on, m.done_on, m.effect,
			(SELECT count(*) FROM complaint_measures WHERE measure_id = m.id)
		FROM measures m JOIN root_causes r ON r.code = m.root_cause
		WHERE m.created_on < ? AND (m.created_on >= ? OR m.done_on IS NULL OR m.done_on >= ?)
		ORDER BY m.code`, end, from, from)
}

// eachReportComplaint hands every complaint that matters to the reports of year and the year
// before to each: received in those years, or still unresolved, or resolved in them. Every
// column read costs time on a register of 100,000 complaints, so only these are.
func (in *reportFacts) eachReportComplaint(q querier, year int, each func(c *reportComplaint)) error {
	from, end := NewDate(year-1, time.January, 1), NewDate(year+1, time.January, 1)
	rows, err := q.Query(`SELECT c.id, c.received_on, c.filed_on, c.ack_due_on, c.acknowledged_on, c.due_on,
			c.resolved_on, c.withdrawn_on, c.channel, c.subject, c.formal, c.no_measure_reason != '', coalesce(c.verdict, '')
		FROM complaints c
		WHERE c.received_on < ? AND (c.received_on >= ? OR c.resolved_on IS NULL OR c.resolved_on >= ?)`, end, from, from)
	if err != nil {
		return err
	}
	defer rows.Close()
	var c reportComplaint
	for rows.Next() {
		if err := rows.Scan(&c.id, &c.received, &c.filed, &c.ackDue, &c.acked, &c.due, &c.resolved,
			&c.withdrawn, &c.channel, &c.subject, &c.formal, &c.noMeasureReason, &c.verdict); err != nil {
			return err
		}
		c.original = c.due
		if d, ok := in.original[c.id]; ok {
			c.original = d
		}
		each(&c)
	}
	return rows.Err()
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
