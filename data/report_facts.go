package data

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"
)

// reportFacts are the facts beside the complaints that an annual report needs: extensions,
// measures and root causes, read in the report's transaction. The complaints themselves are
// streamed past the counters (eachReportComplaint), so a register of 100,000 complaints is never
// held in memory at once.
type reportFacts struct {
	extensions []reportExtension
	causes     map[int64][]string // complaint resolved in the year: the distinct root causes of its measures
	rootCauses []RootCause
	measures   []Measure // recorded by the end of the year, in the order they were recorded
	// names are the people a measure's description may not show: the complainants,
	// representatives, persons concerned and handlers of every complaint the two years' figures
	// count and of the complaints the measures answer, the experts, the practitioner and staff.
	names  nameMask
	linked map[int64]bool // complaint ID: answered by a measure under way, its name not yet in names
	set    Settings       // for the progress letters' due dates
	// reopened are the days closed files were reopened, in the two years.
	reopened []Date
}

// reportComplaint is what the report reads of one complaint. The original target date is
// read only where it decides "within the deadline": for formal complaints resolved in the two
// years by their target date. One resolved later was late for the original date too, which
// is never later than the target date.
type reportComplaint struct {
	id                                                                 int64
	received, filed, ackDue, acked, due, original, resolved, withdrawn Date
	channel                                                            Channel
	subject                                                            Subject
	formal, noMeasureReason, imported, notHeard                        bool
	// ackUnknown: imported, past the acknowledgement by its status, but the earlier register
	// does not say when (or whether) receipt was confirmed.
	ackUnknown                 bool
	verdict                    Verdict
	name, rep, person, handler string // masked in the measures' descriptions
}

type reportExtension struct {
	complaintID int64
	on          Date
	reason      ExtensionReason
	notice      Notice // the progress letter it owed, for the breaches
}

// readReportFacts reads the extensions and measures that the reports of year and the year
// before need, the root causes of the measures linked to each complaint resolved in year, and
// which complaints the measures under way in year answer.
func readReportFacts(q querier, year int) (*reportFacts, error) {
	in := &reportFacts{causes: map[int64][]string{}, names: nameMask{}, linked: map[int64]bool{}}
	for _, read := range []func(querier, int) error{in.readExtensions, in.readCauses, in.readMeasures, in.readLinked,
		in.readReopened, in.readReopenedAnonymised} {
		if err := read(q, year); err != nil {
			return nil, err
		}
	}
	if err := in.names.addPractice(q); err != nil {
		return nil, err
	}
	var err error
	if in.set, err = settings(q); err != nil {
		return nil, err
	}
	in.rootCauses, err = rootCauses(q)
	return in, err
}

// pair is a row of one to three values, for the small lookups below.
type pair struct {
	id int64
	a  string
	on Date
}

// readExtensions reads the extensions made in the two years with the category of their reason
// and the progress letter each owed.
func (in *reportFacts) readExtensions(q querier, year int) error {
	type row struct {
		pair
		notices *string
	}
	reasons := map[string]ExtensionReason{} // a practice gives the same reason often: classify it once
	return scanRows(q, func(r *row) []any { return []any{&r.id, &r.on, &r.a, &r.notices} }, func(r row) {
		reason, ok := reasons[r.a]
		if !ok {
			reason = ClassifyExtension(r.a)
			reasons[r.a] = reason
		}
		e := reportExtension{complaintID: r.id, on: r.on, reason: reason}
		if n := parseNotices(r.notices); len(n) == 1 {
			e.notice = n[0]
		}
		in.extensions = append(in.extensions, e)
	}, `SELECT e.complaint_id, e.extended_on, e.reason, e.extended_on || '|' || e.late || '|' || coalesce((SELECT min(l.sent_on)
		FROM letters l WHERE l.complaint_id = e.complaint_id AND l.kind IN ('progress', 'outcome') AND l.sent_on IS NOT NULL
		AND substr(l.created_at, 1, 10) >= e.extended_on), '')
		FROM extensions e WHERE e.extended_on >= ? AND e.extended_on < ?`,
		NewDate(year-1, time.January, 1), NewDate(year+1, time.January, 1))
}

// reopenedSQL finds the reopenings through the partial index event_payloads_reopened (migration
// 0014), named so that SQLite, which keeps no statistics of the register, does not read every
// event instead; its instr term must stay in the query for SQLite to be allowed to use it.
const reopenedSQL = `SELECT e.at FROM event_payloads p INDEXED BY event_payloads_reopened CROSS JOIN events e ON e.id = p.event_id
	WHERE instr(p.payload, '"action":"reopen"') > 0 AND json_extract(p.payload, '$.action') = 'reopen'
	AND e.kind = 'status_changed' AND e.at >= ? AND e.at < ?`

// readReopened reads the days on which closed files were reopened in the two years.
func (in *reportFacts) readReopened(q querier, year int) error {
	return scanRows(q, func(p *pair) []any { return []any{&p.a} }, func(p pair) {
		if t, err := time.Parse(time.RFC3339Nano, p.a); err == nil {
			in.reopened = append(in.reopened, Today(t))
		}
	}, reopenedSQL,
		fmt.Sprintf("%04d", year-1), fmt.Sprintf("%04d", year+1))
}

// readCauses reads the root causes of the measures linked to each complaint resolved in year.
func (in *reportFacts) readCauses(q querier, year int) error {
	return scanRows(q, func(p *pair) []any { return []any{&p.id, &p.a} }, func(p pair) {
		in.causes[p.id] = append(in.causes[p.id], p.a)
	}, `SELECT DISTINCT cm.complaint_id, m.root_cause FROM complaints c
		JOIN complaint_measures cm ON cm.complaint_id = c.id JOIN measures m ON m.id = cm.measure_id
		WHERE c.resolved_on >= ? AND c.resolved_on < ?`, NewDate(year, time.January, 1), NewDate(year+1, time.January, 1))
}

// readMeasures reads the measures there by the end of year: recorded, or carried out before
// they were recorded (Measure.since).
func (in *reportFacts) readMeasures(q querier, year int) error {
	return scanRows(q, func(m *Measure) []any {
		return []any{&m.ID, &m.Code, &m.Description, &m.RootCause, &m.RootCauseLabel, &m.CreatedOn, &m.DueOn, &m.DoneOn, &m.Effect}
	}, func(m Measure) { in.measures = append(in.measures, m) },
		`SELECT m.id, m.code, m.description, m.root_cause, r.label, m.created_on, m.due_on, m.done_on, m.effect
		FROM measures m JOIN root_causes r ON r.code = m.root_cause WHERE m.created_on < ? OR m.done_on < ? ORDER BY m.id`,
		NewDate(year+1, time.January, 1), NewDate(year+1, time.January, 1))
}

// readLinked reads which complaints the measures under way in year answer. Their
// complainants' names are masked too: a measure of years ago may answer a complaint of years
// ago, which the report's complaints do not include. Those the report's complaints do include
// are crossed off as they stream past (eachReportComplaint), so readLinkedNames reads only
// the names of the others.
func (in *reportFacts) readLinked(q querier, year int) error {
	ids := []int64{}
	for _, m := range in.measures {
		if m.underWay(year) {
			ids = append(ids, m.ID)
		}
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	return scanRows(q, func(p *pair) []any { return []any{&p.id} }, func(p pair) { in.linked[p.id] = true },
		`SELECT complaint_id FROM complaint_measures WHERE measure_id IN (SELECT value FROM json_each(?))`, string(list))
}

// readLinkedNames adds the names of the complaints in linked that have not streamed past.
func (in *reportFacts) readLinkedNames(q querier) error {
	if len(in.linked) == 0 {
		return nil
	}
	list, err := json.Marshal(slices.Collect(maps.Keys(in.linked)))
	if err != nil {
		return err
	}
	return scanRows(q, func(p *pair) []any { return []any{&p.a} }, func(p pair) { in.names.add(p.a) },
		`SELECT complainant_name FROM complaints WHERE id IN (SELECT value FROM json_each(?1))
		UNION SELECT rep_name FROM complaints WHERE id IN (SELECT value FROM json_each(?1))
		UNION SELECT person_named FROM complaints WHERE id IN (SELECT value FROM json_each(?1))
		UNION SELECT handler FROM complaints WHERE id IN (SELECT value FROM json_each(?1))`, string(list))
}

// reportComplaintsSQL reads what the report needs of every complaint that matters to the
// reports of a year and the year before: received in those years, resolved or withdrawn in
// them, or still open in them. Each part of the union comes from an index, so the complaints
// of earlier years cost nothing. Arguments: the start of the year before, the end of the year.
const reportComplaintsSQL = `SELECT c.id, c.received_on, c.filed_on, c.ack_due_on, c.acknowledged_on, c.due_on,
		CASE WHEN c.formal AND c.resolved_on >= ?1 AND c.resolved_on < ?2 AND c.resolved_on <= c.due_on
			THEN ` + originalDueSQL + ` END,
		c.resolved_on, c.withdrawn_on, c.channel, c.subject, c.formal, c.no_measure_reason != '', coalesce(c.verdict, ''),
		c.complainant_name, c.imported_from != '',
		c.imported_from != '' AND c.acknowledged_on IS NULL AND c.status != 'received',
		c.rep_name, c.person_named, c.handler, c.no_hearing_reason != ''
	FROM complaints c WHERE c.id IN (
		SELECT id FROM complaints WHERE received_on >= ?1 AND received_on < ?2
		UNION ALL SELECT id FROM complaints WHERE resolved_on >= ?1 AND received_on < ?1
		UNION ALL SELECT id FROM complaints WHERE withdrawn_on >= ?1 AND received_on < ?1
		UNION ALL SELECT id FROM complaints WHERE resolved_on IS NULL AND withdrawn_on IS NULL AND received_on < ?1)`

// eachReportComplaint hands every complaint that matters to the reports of year and the year
// before to each, after adding its complainant's name to the names. Every column read costs time on a register of 100,000 complaints, so only
// these are.
func (in *reportFacts) eachReportComplaint(q querier, year int, each func(c *reportComplaint)) error {
	rows, err := q.Query(reportComplaintsSQL, NewDate(year-1, time.January, 1), NewDate(year+1, time.January, 1))
	if err != nil {
		return err
	}
	defer rows.Close()
	var c reportComplaint
	added := map[string]bool{}
	for rows.Next() {
		if err := rows.Scan(&c.id, &c.received, &c.filed, &c.ackDue, &c.acked, &c.due, &c.original, &c.resolved,
			&c.withdrawn, &c.channel, &c.subject, &c.formal, &c.noMeasureReason, &c.verdict, &c.name, &c.imported, &c.ackUnknown,
			&c.rep, &c.person, &c.handler, &c.notHeard); err != nil {
			return err
		}
		for _, n := range []string{c.name, c.rep, c.person, c.handler} {
			if !added[n] { // a name met before adds nothing; splitting and folding it again costs
				added[n] = true
				in.names.add(n)
			}
		}
		delete(in.linked, c.id)
		each(&c)
	}
	return rows.Err()
}
