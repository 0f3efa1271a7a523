package data

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Filter narrows the register. Zero values mean "all".
type Filter struct {
	Reference  string // one complaint
	Status     Status
	Year       int    // year of receipt
	Search     string // full text, case- and diacritics-insensitive
	Overdue    bool   // only complaints with an overdue action item
	Active     bool   // only files that may still owe something on day today: not closed, nor withdrawn but for a withdrawal to confirm (WithdrawalLetterDue)
	Limit      int    // page size for a long register; 0 = no limit
	Offset     int
	Sort       SortKey
	Descending bool
	// After is the last complaint of the page before, in the same filter and sort: the page
	// then starts right after it, found in the sort's index wherever it is in the register,
	// instead of counting Offset rows from the top (Offset is not used). Not for SortDue (see
	// Keyset).
	After int64
	// facts is how much list reads of each complaint beyond its row; the zero value is what
	// the register shows.
	facts factsRead
	// today is the day an Active list is made for: which withdrawals still owe their
	// confirmation (WithdrawalLetterDue) depends on it. The store sets it (List, Count,
	// Overview): a caller's zero day let every withdrawal ever made count.
	today Date
}

// factsRead says how much list reads of the facts behind each complaint's action items.
type factsRead int

const (
	// itemFacts, the register's: every column; each fact only for the statuses whose action
	// items follow from it, and the notices of the extensions (the breaches) always. Most of
	// a register is closed, and a closed file has no items.
	itemFacts factsRead = iota
	// allFacts, the complaint file's: every fact, which its steps (AllowedSteps, Stages) need.
	allFacts
	// dueFacts, Vandaag's: only the columns its items and counts follow from (factColumns),
	// each fact as itemFacts but no breaches, in no particular order (Limit, Offset and After
	// aside). Vandaag reads every open complaint, sorts their items itself and shows no texts.
	dueFacts
	// shownFacts, the register screen's (RegisterRows): only the columns it shows and its
	// items follow from (shownColumns), each fact as itemFacts, the breaches always.
	shownFacts
)

// Listed is one complaint in the register with what the procedure requires of it today.
// Its Facts hold what its items and breaches follow from; those of a complaint file (File)
// are complete.
type Listed struct {
	Facts
	Items    []ActionItem
	Warning  Warning  // worst warning of its items; "" when nothing is due
	Breached []Breach // delays not announced as the procedure promises, for good
}

// SortKey names a register column to sort on.
type SortKey string

// The sortable columns; the zero SortKey sorts newest first.
const (
	SortReceived    SortKey = "received_on"
	SortReference   SortKey = "reference"
	SortComplainant SortKey = "complainant"
	SortSummary     SortKey = "summary"
	SortHandler     SortKey = "handler"
	SortStatus      SortKey = "status"
	SortDue         SortKey = "due_on" // also "by urgency": open complaints by target date, finished ones last
)

var sortColumns = map[SortKey][]string{
	"":              {"c.received_on DESC", "c.id DESC"},
	SortReceived:    {"c.received_on", "c.id"},
	SortReference:   {"c.reference"},
	SortComplainant: {surnameKeySQL, "c.id"},
	SortSummary:     {"c.summary COLLATE NOCASE", "c.id"},
	SortHandler:     {"c.handler COLLATE NOCASE", "c.id"},
	SortStatus:      {statusRankSQL, "c.status", "c.received_on", "c.id"}, // the status's own name changes no order: see statusRankSQL
	SortDue:         {"c.status IN ('closed', 'withdrawn', 'resolved')", "c.due_on IS NULL", "c.due_on", "c.id"},
}

// statusRankSQL is a complaint's status as its place in the procedure (the order of
// Statuses): the register sorts by it, and finds a status by it, as the status index
// (migration 0017) holds it. SQLite uses that index only for this very expression, and orders
// by it only with the status's name after it, as the index has it.
const statusRankSQL = `CASE c.status WHEN 'informal' THEN 1 WHEN 'received' THEN 2 WHEN 'acknowledged' THEN 3 WHEN 'extended' THEN 4
	WHEN 'resolved' THEN 5 WHEN 'closed' THEN 6 WHEN 'withdrawn' THEN 7 END`

// surnameKeySQL is the name a complainant sorts by (surnameKey): the index of migration 0019
// holds this very expression; SQLite uses it only for the same.
const surnameKeySQL = `klrg_surname_key(c.surname, c.complainant_name)`

// rank is the status's place in the procedure, as statusRankSQL gives it.
func (s Status) rank() int { return slices.Index(Statuses, s) + 1 }

// activeRanks are the places of the statuses the register's "active" filter lists: every one
// still to handle or to confirm in writing, up to resolved.
var activeRanks = fmt.Sprintf("%d, %d, %d, %d, %d", StatusInformal.rank(), StatusReceived.rank(),
	StatusAcknowledged.rank(), StatusExtended.rank(), StatusResolved.rank())

// Keyset reports whether a page can start After a complaint in f's sort: every sort but the
// one by target date, which may be empty (a row-value comparison with NULL matches nothing).
func (f Filter) Keyset() bool { return f.Sort != SortDue }

// keysetTerms are the terms of f's sort without their direction, and the comparison that
// finds the rows after a given one: > ascending, < descending.
func (f Filter) keysetTerms() (terms []string, op string) {
	op = ">"
	for _, t := range sortColumns[f.Sort] {
		if base, desc := strings.CutSuffix(t, " DESC"); desc {
			t, op = base, "<"
		}
		terms = append(terms, t)
	}
	if f.Descending && f.Sort != "" {
		op = "<"
	}
	return terms, op
}

// anchor reads the sort terms of the complaint f.After, where the page starts.
func (f Filter) anchor(q querier) ([]any, error) {
	if f.After == 0 {
		return nil, nil
	}
	if !f.Keyset() {
		return nil, invalid("after", "het register gesorteerd op %q bladert per positie, niet vanaf een klacht", f.Sort)
	}
	terms, _ := f.keysetTerms()
	vals := make([]any, len(terms))
	ptrs := make([]any, len(terms))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	err := q.QueryRow(`SELECT `+strings.Join(terms, ", ")+` FROM complaints c WHERE c.id = ?`, f.After).Scan(ptrs...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("klacht %d bestaat niet", f.After)
	}
	return vals, err
}

// keysetPage is the query of the ids of a page that starts after the anchor. SQLite searches
// an index for a range of one term only when the others are equal, not for a row of terms
// beyond the anchor's (not with a collation, nor after another condition on the first term),
// so the rows after the anchor are read in one part per term: those that share the anchor's
// first k-1 terms and come after it in the k-th, each a range of the sort's index of at most
// one page. The page is the first rows of all parts, in the sort's order.
func (f Filter) keysetPage(cond string, args, anchor []any) (string, []any) {
	terms, op := f.keysetTerms()
	limit := f.Limit
	if limit == 0 {
		limit = -1 // no limit
	}
	var parts []string
	var all []any
	for k := len(terms); k >= 1; k-- {
		var same []string
		all = append(all, args...)
		for i := range k - 1 {
			same, all = append(same, terms[i]+" = ?"), append(all, anchor[i])
		}
		same, all = append(same, terms[k-1]+" "+op+" ?"), append(all, anchor[k-1])
		// Ordered by the terms from the k-th on: SQLite takes the equal ones before it as
		// constant for a column (the status), not for an expression (its place in the
		// procedure), and would otherwise sort the whole range to find its first rows.
		parts = append(parts, fmt.Sprintf(`SELECT * FROM (SELECT c.id%s FROM complaints c WHERE %s AND %s ORDER BY %s LIMIT %d)`,
			f.sortKeys(), cond, strings.Join(same, " AND "), strings.Join(f.orderTerms()[k-1:], ", "), limit))
	}
	return fmt.Sprintf(`SELECT * FROM (%s) AS after ORDER BY %s LIMIT %d`,
		strings.Join(parts, " UNION ALL "), f.sortedBy("after"), limit), all
}

// sortKeys are the sort's terms as the columns s1, s2, … of a page's rows (", t1 AS s1, …"),
// read from the sort's index, so that the page (and each part of one after an anchor) is put
// in order by them (sortedBy) without working the terms out anew for each complaint: the
// complainant's key is a function in Go.
func (f Filter) sortKeys() string {
	terms, _ := f.keysetTerms()
	var cols strings.Builder
	for i, t := range terms {
		fmt.Fprintf(&cols, ", %s AS s%d", t, i+1)
	}
	return cols.String()
}

// sortedBy is the ORDER BY clause of the sort by the columns sortKeys gives the rows of table.
func (f Filter) sortedBy(table string) string {
	var terms []string
	for i, t := range f.orderTerms() {
		dir := ""
		if strings.HasSuffix(t, " DESC") {
			dir = " DESC"
		}
		terms = append(terms, fmt.Sprintf("%s.s%d%s", table, i+1, dir))
	}
	return strings.Join(terms, ", ")
}

// orderBy is the ORDER BY clause of the filter's sort; the default order is newest first.
func (f Filter) orderBy() string { return strings.Join(f.orderTerms(), ", ") }

// orderTerms are the terms of the filter's sort, each with its direction.
func (f Filter) orderTerms() []string {
	terms := slices.Clone(sortColumns[f.Sort])
	if f.Descending && f.Sort != "" {
		for i := range terms {
			terms[i] += " DESC"
		}
	}
	return terms
}

// everything is the condition of a filter that narrows nothing.
const everything = "1=1"

// where turns the filter into SQL conditions; ok is false when nothing can match.
func (f Filter) where() (cond string, args []any, ok bool, err error) {
	where := []string{everything}
	if f.Reference != "" {
		where, args = append(where, "c.reference = ?"), append(args, f.Reference)
	}
	if f.Status != "" {
		st, err := ParseStatus(string(f.Status))
		if err != nil {
			return "", nil, false, err
		}
		where, args = append(where, statusRankSQL+" = ? AND c.status = ?"), append(args, st.rank(), st)
	}
	if f.Active { // by their places in the procedure, so SQLite finds them in the status index, and the withdrawn in theirs
		where = append(where, "("+statusRankSQL+" IN ("+activeRanks+") OR "+withdrawalDueSQL+")")
		args = append(args, f.today.AddDays(-withdrawalListedDays))
	}
	if f.Year != 0 {
		where = append(where, "c.received_on >= ? AND c.received_on < ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-01-01", f.Year+1))
	}
	if q := matchQuery(f.Search); q != "" {
		where = append(where, "c.id IN (SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?)")
		args = append(args, q)
	} else if strings.TrimSpace(f.Search) != "" {
		return "", nil, false, nil // only punctuation: nothing can match
	}
	if _, known := sortColumns[f.Sort]; !known {
		return "", nil, false, invalid("sort", "onbekende sorteerkolom %q", f.Sort)
	}
	return strings.Join(where, " AND "), args, true, nil
}

// Count returns how many complaints match f (Overdue, Limit, Offset and After aside), so a screen
// can page through a large register.
func (s *Store) Count(f Filter) (int, error) {
	f.today = s.today()
	query, args, ok, err := f.countQuery()
	if !ok {
		return 0, err
	}
	var n int
	err = s.reads().QueryRow(query, args...).Scan(&n)
	return n, err
}

// countQuery counts the whole list, not what comes after one page. Without a condition it
// has no WHERE at all: SQLite then counts the entries of the smallest index page by page
// instead of stepping through them one by one (0.7 ms instead of 2.4 ms for 100,000).
func (f Filter) countQuery() (query string, args []any, ok bool, err error) {
	cond, args, ok, err := f.where()
	if cond == everything {
		return `SELECT count(*) FROM complaints`, args, ok, err
	}
	return `SELECT count(*) FROM complaints c WHERE ` + cond, args, ok, err
}

// List returns the complaints that match f, in f's sort order, with their action items for today.
func (s *Store) List(f Filter) ([]Listed, error) {
	f.facts = itemFacts // the register's rows, for every caller
	return s.list(f)
}

// RegisterRows is List for the register screen: of each complaint only the columns the screen
// shows and its action items and breaches follow from; its texts, addresses and the rest stay
// empty. A page of the register then reads 16 of a complaint's 56 columns, and no description.
func (s *Store) RegisterRows(f Filter) ([]Listed, error) {
	f.facts = shownFacts
	return s.list(f)
}

func (s *Store) list(f Filter) ([]Listed, error) {
	var out []Listed
	err := s.view(func(q querier) error {
		set, err := settings(q)
		if err != nil {
			return err
		}
		out, err = list(q, f, set, s.today())
		return err
	})
	return out, err
}

// list is List on q, so that a complaint file reads its row in the same snapshot as the rest.
func list(q querier, f Filter, set Settings, today Date) ([]Listed, error) {
	var out []Listed
	if f.Limit > 0 && f.Limit <= 1000 { // a page: room for it at once, not grown row by row
		out = make([]Listed, 0, f.Limit)
	}
	err := eachListed(q, f, set, today, func(l *Listed) { out = append(out, *l) })
	return out, err
}

// eachListed hands each complaint of list to each in turn, without keeping them: Vandaag
// keeps only their action items. each must not keep the pointer: the next row overwrites it.
func eachListed(q querier, f Filter, set Settings, today Date, each func(*Listed)) error {
	f.today = today
	anchor, err := f.anchor(q)
	if err != nil {
		return err
	}
	query, args, ok, err := f.listQuery(anchor)
	if !ok {
		return err
	}
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	// One Listed, emptied for each row: each gets a copy or only its items, and Vandaag reads
	// thousands of complaints, each of which would otherwise be a new allocation of a kilobyte.
	var l Listed
	var info, notices *string
	dest := append(f.columns().dest(&l.Complaint), &info, &notices, &l.LastContactOn, &l.LastWrittenOn, &l.OutcomeSentOn,
		&l.MeasureCount, &l.WithdrawnSent)
	for rows.Next() {
		l = Listed{}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		if info != nil {
			for _, d := range strings.Split(*info, ",") {
				if pd, err := ParseDate(d); err == nil {
					l.InfoExpected = append(l.InfoExpected, pd)
				}
			}
		}
		l.Notices = parseNotices(notices)
		l.Items = ActionItems(l.Facts, today, set)
		l.Breached = l.Breaches(today, set)
		l.Warning = WorstWarning(l.Items)
		if f.Overdue && l.Warning != WarningOverdue {
			continue
		}
		each(&l)
	}
	return rows.Err()
}

// complaintCols are the columns list reads of each complaint, and where they go.
type complaintCols struct {
	sql  string
	dest func(*Complaint) []any
}

// factColumns are the columns of a complaint that ActionItems and CountOverview read; the
// texts, addresses and the rest stay empty. Reading all 56 columns of
// every open complaint took Vandaag three times as long and held its descriptions in memory.
var factColumns = complaintCols{`c.id, c.reference, c.received_on, c.formal, c.filed_on, c.complainant_name, c.status,
	c.ack_due_on, c.due_on, c.resolved_on, coalesce(c.verdict, ''), c.no_measure_reason, c.justified, c.withdrawn_on,
	c.imported_from, c.anonymised_on, c.anonymous, c.organisation`,
	func(c *Complaint) []any {
		return []any{&c.ID, &c.Reference, &c.ReceivedOn, &c.Formal, &c.FiledOn, &c.Complainant.Name, &c.Status,
			&c.AckDueOn, &c.DueOn, &c.ResolvedOn, &c.Verdict, &c.NoMeasureReason, &c.Justified, &c.WithdrawnOn,
			&c.ImportedFrom, &c.AnonymisedOn, &c.Anonymous, &c.Complainant.Organisation}
	}}

// shownColumns are factColumns and the other columns the register screen shows.
var shownColumns = complaintCols{factColumns.sql + `, c.handler, c.summary`,
	func(c *Complaint) []any {
		return append(factColumns.dest(c), &c.Handler, &c.Summary)
	}}

func (f Filter) columns() complaintCols {
	switch f.facts {
	case dueFacts:
		return factColumns
	case shownFacts:
		return shownColumns
	}
	return complaintCols{complaintColumns, complaintDest}
}

// listQuery is list's statement: the complaints that match f with the facts of their action items.
func (f Filter) listQuery(anchor []any) (query string, args []any, ok bool, err error) {
	cond, args, ok, err := f.where()
	if !ok {
		return "", nil, ok, err
	}
	// The page's ids are chosen first, so the per-row subqueries below run for one page only,
	// not for every complaint the sort has to look at.
	// A page carries its sort terms as read from the sort's index, and is put in order by them:
	// ordered by the terms of each complaint again, the complainant's key (a function in Go) was
	// worked out anew for every row, a millisecond a page.
	page, order := `SELECT c.id FROM complaints c WHERE `+cond+` ORDER BY `+f.orderBy(), f.orderBy()
	switch {
	case anchor != nil:
		page, args = f.keysetPage(cond, args, anchor)
		order = f.sortedBy("page")
	case f.Limit > 0:
		page = fmt.Sprintf(`SELECT c.id%s FROM complaints c WHERE %s ORDER BY %s LIMIT %d OFFSET %d`, f.sortKeys(), cond, f.orderBy(), f.Limit, f.Offset)
		order = f.sortedBy("page")
	}
	// Each fact only for the statuses whose action items ActionItems derives from it (SQLite
	// skips a CASE's other branches), but in a complaint file.
	when := func(statuses, fact, otherwise string) string {
		if f.facts == allFacts {
			return fact
		}
		return `CASE WHEN c.status IN (` + statuses + `) THEN ` + fact + ` ELSE ` + otherwise + ` END`
	}
	const extended, resolved, withdrawn = `'` + string(StatusExtended) + `'`, `'` + string(StatusResolved) + `'`, `'` + string(StatusWithdrawn) + `'`
	var open []string // the statuses whose information requests ActionItems chases (Status.Open)
	for _, st := range Statuses {
		if st.Open() {
			open = append(open, `'`+string(st)+`'`)
		}
	}
	notices := noticesSQL // the breaches, shown in the register for good
	if f.facts == dueFacts {
		notices = when(extended, noticesSQL, `NULL`)
	}
	query = `SELECT ` + f.columns().sql + `,
		` + when(strings.Join(open, ", "), `(SELECT group_concat(info_due_on) FROM contacts WHERE complaint_id = c.id AND info_due_on IS NOT NULL AND info_received_on IS NULL)`, `NULL`) + `,
		` + notices + `,
		` + when(extended, `(SELECT max(contact_on) FROM contacts WHERE complaint_id = c.id)`, `NULL`) + `,
		` + when(extended, `(SELECT max(ct.contact_on) FROM contacts ct WHERE ct.complaint_id = c.id AND ct.kind IN ('letter', 'email')
			AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.complaint_id = c.id AND l.contact_id = ct.id AND l.kind <> 'progress'))`, `NULL`) + `,
		` + when(resolved, outcomeSentSQL, `NULL`) + `, ` + when(resolved, measureCountSQL, `0`) + `,
		` + when(withdrawn, withdrawnSentSQL, `0`) + `
		FROM `
	if f.facts == dueFacts {
		return query + `complaints c WHERE ` + cond, args, true, nil
	}
	return query + `(` + page + `) AS page JOIN complaints c ON c.id = page.id ORDER BY ` + order, args, true, nil
}

// Deadlines lists every action item in the register, overdue first: those of the complaints
// and those of the open measures with a due date.
func (s *Store) Deadlines() ([]ActionItem, error) {
	_, items, err := s.Overview()
	return items, err
}

// Overview is what the practitioner sees first: the figures at a glance and every action
// item, overdue first, from the register's current state: the complaints', the open
// measures' and the register's own (files past their retention period).
func (s *Store) Overview() (OverviewCounts, []ActionItem, error) {
	var items []ActionItem
	var set Settings
	open, today := 0, s.today()
	err := s.view(func(q querier) (err error) {
		if set, err = settings(q); err != nil {
			return err
		}
		err = eachListed(q, Filter{Active: true, facts: dueFacts}, set, today, func(l *Listed) {
			if l.Status.Running() {
				open++
			}
			items = append(items, l.Items...)
		})
		if err != nil {
			return err
		}
		// Of the measures to carry out or to evaluate only what their items show: not the
		// complaints each is linked to, which for a measure of many years are thousands.
		return scanRows(q, func(m *Measure) []any {
			return []any{&m.ID, &m.Code, &m.Description, &m.CreatedOn, &m.DueOn, &m.DoneOn, &m.EvaluatedOn}
		},
			func(m Measure) { items = append(items, MeasureItems(m, today, set)...) },
			`SELECT id, code, description, created_on, due_on, done_on, evaluated_on FROM measures
			WHERE done_on IS NULL AND due_on IS NOT NULL OR done_on IS NOT NULL AND evaluated_on IS NULL`)
	})
	if err != nil {
		return OverviewCounts{}, nil, err
	}
	due, err := retentionDue(s.reads(), set, today, Date{})
	if err != nil {
		return OverviewCounts{}, nil, err
	}
	items = append(items, RetentionItems(due, today, set)...)
	again, err := eraseAgainItems(s.reads(), today, set)
	if err != nil {
		return OverviewCounts{}, nil, err
	}
	items = append(items, again...)
	out, err := copiesOut(s.reads(), 0, false)
	if err != nil {
		return OverviewCounts{}, nil, err
	}
	items = append(items, CopiesItems(out, today, set)...)
	SortItems(items)
	return CountOverview(open, items), items, nil
}

// matchQuery turns what a person types into an FTS5 query: every word must occur, as a word
// or the start of one. Punctuation and FTS syntax are dropped, so no input is a syntax error.
func matchQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

// Years lists the years in which complaints were received, newest first.
func (s *Store) Years() ([]int, error) {
	rows, err := s.reads().Query(`SELECT DISTINCT CAST(substr(received_on, 1, 4) AS INTEGER) FROM complaints ORDER BY 1 DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}
