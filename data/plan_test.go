package data

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// fullScan matches a query-plan line that reads every row of a table of the register ("SCAN
// c", "SCAN events"), directly or through an index that does not hold the columns asked for
// ("SCAN c USING INDEX complaints_received"). Searching an index, or scanning one that holds
// everything asked for (a COVERING INDEX, for a page in the middle), is fine.
var fullScan = regexp.MustCompile(`^SCAN (c|complaints|e|events|event_payloads|contacts|ct|letters|l|extensions|complaint_measures|measures|m)( USING INDEX \w+)?$`)

// TestHotQueriesUseIndexes checks the query plans of what a practitioner does most on a
// large register: no statement reads every complaint or every event, and a page in the middle
// of the register comes from an index in its order, not from sorting every complaint; a page
// that starts after a complaint (scrolling on) starts at that complaint in the index. The
// plans do not depend on the number of rows (the register keeps no statistics), so a small
// register shows what a large one gets.
func TestHotQueriesUseIndexes(t *testing.T) {
	s := openStore(t, "2026-11-30")
	for i, name := range []string{"Mehmet Çelik", "Anouk Bakker", "Zoë van 't Hoff"} {
		ref := mustCreate(t, s, complaint(name, fmt.Sprintf("2026-11-0%d", i+1), true))
		_, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: "Gebeld"})
		must(t, err)
	}
	type query struct {
		name   string
		sorted bool // may sort its rows: it reads a few, found through an index
		sql    string
		args   []any
	}
	var queries []query
	for _, f := range []Filter{
		{Limit: 100, Offset: 50_000},
		{Sort: SortReceived, Limit: 100, Offset: 50_000},
		{Sort: SortReference, Limit: 100, Offset: 50_000, Descending: true},
		{Sort: SortComplainant, Limit: 100, Offset: 50_000},
		{Sort: SortSummary, Limit: 100, Offset: 50_000},
		{Sort: SortHandler, Limit: 100, Offset: 50_000},
		{Sort: SortStatus, Limit: 100, Offset: 50_000},
		{Sort: SortDue, Limit: 100, Offset: 50_000},
		{Status: StatusClosed, Year: 2025, Limit: 100},
		{Reference: "K-2026-0001"},
		{Limit: 100, After: 2},
		{Sort: SortReceived, Limit: 100, After: 2},
		{Sort: SortReference, Limit: 100, After: 2, Descending: true},
		{Sort: SortComplainant, Limit: 100, After: 2},
		{Sort: SortSummary, Limit: 100, After: 2, Descending: true},
		{Sort: SortHandler, Limit: 100, After: 2},
		{Sort: SortStatus, Limit: 100, After: 2},
	} {
		anchor, err := f.anchor(s.r)
		must(t, err)
		list, args, _, err := f.listQuery(anchor)
		must(t, err)
		count, cargs, _, _ := f.countQuery()
		// A page after a complaint sorts the few rows its parts read, each from an index range.
		queries = append(queries, query{fmt.Sprintf("list %+v", f), f.After != 0, list, args}, query{fmt.Sprintf("count %+v", f), false, count, cargs})
		if f.After != 0 && !startsInIndex(explain(t, s, list, args...)) {
			t.Errorf("list %+v does not start at its complaint in the sort's index: it reads the register from the top", f)
		}
		if f.After != 0 && sortsAPart(explain(t, s, list, args...)) {
			t.Errorf("list %+v sorts a part of the register after its complaint to find its first rows, instead of reading them in the index's order", f)
		}
		if f.Offset != 0 && !countsInIndex(explain(t, s, list, args...)) {
			t.Errorf("list %+v counts its way to the page through the complaints themselves, not an index that holds its sort", f)
		}
		if f.Offset != 0 && seeksEachRow(t, s, list, args...) {
			t.Errorf("list %+v seeks each complaint it counts past: its index lacks a column its sort reads", f)
		}
	}
	for _, f := range []Filter{{Search: "celik", Limit: 100}, {Active: true}, {Active: true, facts: dueFacts}, {Reference: "K-2026-0001", facts: allFacts}} {
		list, args, _, err := f.listQuery(nil)
		must(t, err)
		queries = append(queries, query{fmt.Sprintf("list %+v", f), true, list, args})
	}
	// Vandaag finds the withdrawals of the last weeks by the day of withdrawal, not by reading
	// every withdrawn complaint through the status index.
	active, args, _, err := Filter{Active: true, facts: dueFacts, today: day("2026-11-30")}.listQuery(nil)
	must(t, err)
	byDay := false
	for _, n := range explain(t, s, active, args...) {
		byDay = byDay || strings.Contains(n.detail, "USING INDEX complaints_withdrawn (withdrawn_on>?)")
	}
	if !byDay {
		t.Error("Vandaag reads every withdrawn complaint to find the withdrawals still to confirm")
	}
	// Vandaag's copies still out look only at the complaints with a consent that ended, not at
	// every share with its consent's end worked out (26 ms of Vandaag's 50 at 100,000).
	copies := fmt.Sprintf(copiesOutSQL, consentEndedSQL, "NULL", sharesOfEndedConsents)
	for _, n := range explain(t, s, copies) {
		if strings.HasPrefix(n.detail, "SCAN sh") || strings.HasPrefix(n.detail, "SCAN complaints") {
			t.Errorf("Vandaag reads every share or complaint for the copies still out: %q", n.detail)
		}
	}
	queries = append(queries, query{"copies still out", true, copies, nil})
	// A file's copies still out look at its own shares and consents only, not at the list of
	// every complaint with a consent that ended (0.7 ms of the file's 1.6 at 100,000).
	for _, n := range explain(t, s, fmt.Sprintf(copiesOutSQL, consentEndedSQL, fileEndedSQL, sharesOfComplaint), 1) {
		if strings.HasPrefix(n.detail, "SCAN consents") || strings.HasPrefix(n.detail, "SCAN sh") {
			t.Errorf("a file's copies still out: %q", n.detail)
		}
	}
	// A batch's check of names reads the row notes since its last check, not every
	// complaint's note of the register.
	for _, n := range explain(t, s, changedComplaintsSQL, 1) {
		if strings.Contains(n.detail, "event_rows") && !strings.Contains(n.detail, "USING PRIMARY KEY (event_id>?)") {
			t.Errorf("the batch's names of changed complaints read every complaint's row notes: %q", n.detail)
		}
	}
	queries = append(queries, query{"annual report", true, reportComplaintsSQL, []any{day("2025-01-01"), day("2027-01-01")}})
	queries = append(queries, query{"annual report: reopened files", true, reopenedSQL, []any{"2025", "2027"}})
	for _, q := range []string{
		`SELECT id FROM events e WHERE e.complaint_id = ? ORDER BY e.id`, // the timeline
		`SELECT id FROM contacts WHERE complaint_id = ? ORDER BY contact_on, id`,
		`SELECT id FROM letters l WHERE l.complaint_id = ? ORDER BY l.id`,
		`SELECT id FROM attachments WHERE complaint_id = ? ORDER BY id`,
		`SELECT id FROM extensions WHERE complaint_id = ? ORDER BY id`,
		`SELECT measure_id FROM complaint_measures WHERE complaint_id = ?`,
		`SELECT coalesce(max(version), 0) + 1 FROM letters WHERE complaint_id = ? AND kind = ?`,
	} {
		queries = append(queries, query{q, true, q, []any{1, "outcome"}[:strings.Count(q, "?")]})
	}
	for _, q := range queries {
		plan := explain(t, s, q.sql, q.args...)
		var lines []string
		for _, n := range plan {
			lines = append(lines, n.detail)
		}
		for _, n := range plan {
			// Sorting the hundred rows of a page, once chosen, is fine; sorting to choose them is not.
			choosing := n.parent == 0 && !strings.Contains(q.sql, "AS page") || n.under("CO-ROUTINE page")
			if fullScan.MatchString(n.detail) || !q.sorted && choosing && strings.Contains(n.detail, "TEMP B-TREE FOR") {
				t.Errorf("%s reads more than it needs: %q\n%s", q.name, n.detail, strings.Join(lines, "\n"))
			}
		}
	}
}

// startsInIndex reports whether a page's rows are chosen by searching an index (a range that
// starts where the page does), not by scanning one from its start.
func startsInIndex(plan []*planNode) bool {
	for _, n := range plan {
		if n.under("CO-ROUTINE page") && strings.HasPrefix(n.detail, "SEARCH c USING COVERING INDEX") {
			return true
		}
	}
	return false
}

// sortsAPart reports whether a part of a page that starts after a complaint (the rows that
// share its first terms and come after it in the next) is sorted, not read in the index's
// order: it then reads its whole range, which may be most of the register.
func sortsAPart(plan []*planNode) bool {
	for _, n := range plan {
		if n.up != nil && strings.HasPrefix(n.up.detail, "CO-ROUTINE (subquery") && strings.Contains(n.detail, "TEMP B-TREE") {
			return true
		}
	}
	return false
}

// countsInIndex reports whether a page far down the register is found by counting the entries
// of an index that holds everything its sort reads (OFFSET), without visiting the complaints.
func countsInIndex(plan []*planNode) bool {
	for _, n := range plan {
		if (n.under("CO-ROUTINE page") || n.under("MATERIALIZE page")) && strings.HasPrefix(n.detail, "SCAN c USING COVERING INDEX") {
			return true
		}
	}
	return false
}

// seeksEachRow reports whether a statement's program seeks the table's row for each index
// entry it reads (DeferredSeek): the query plan calls such an index covering all the same, as
// it did for the complainant index on an expression without its columns.
func seeksEachRow(t *testing.T, s *Store, query string, args ...any) bool {
	t.Helper()
	rows, err := s.r.Query(`EXPLAIN `+query, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	for rows.Next() {
		if op, _ := rowValues(t, rows, len(cols))[1].(string); op == "DeferredSeek" {
			return true
		}
	}
	return false
}

// planNode is one line of a query plan, with its parents.
type planNode struct {
	detail string
	parent int
	up     *planNode
}

// under reports whether a parent of the node starts with prefix.
func (n *planNode) under(prefix string) bool {
	for p := n.up; p != nil; p = p.up {
		if strings.HasPrefix(p.detail, prefix) {
			return true
		}
	}
	return false
}

// explain returns the lines of the query plan of query, in order.
func explain(t *testing.T, s *Store, query string, args ...any) []*planNode {
	t.Helper()
	rows, err := s.r.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, query)
	}
	defer rows.Close()
	var plan []*planNode
	byID := map[int]*planNode{}
	for rows.Next() {
		var id, parent, unused int
		n := &planNode{}
		must(t, rows.Scan(&id, &parent, &unused, &n.detail))
		n.parent, n.up = parent, byID[parent]
		byID[id] = n
		plan = append(plan, n)
	}
	must(t, rows.Err())
	return plan
}
