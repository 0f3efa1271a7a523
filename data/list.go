package data

import (
	"fmt"
	"strings"
	"unicode"
)

// Filter narrows the register. Zero values mean "all".
type Filter struct {
	Status  Status
	Year    int    // year of receipt
	Search  string // full text, case- and diacritics-insensitive
	Overdue bool   // only complaints with an overdue action item
	Open    bool   // only complaints that still need something (not closed or withdrawn)
	Limit   int    // page size for a long register; 0 = no limit
	Offset  int
}

// Listed is one complaint in the register with what the procedure requires of it today.
type Listed struct {
	Facts
	Items   []ActionItem
	Warning Warning // worst warning of its items; "" when nothing is due
}

// List returns the complaints that match f, newest first, with their action items for today.
func (s *Store) List(f Filter) ([]Listed, error) {
	set, err := s.Settings()
	if err != nil {
		return nil, err
	}
	where, args := []string{"1=1"}, []any{}
	if f.Status != "" {
		if _, err := ParseStatus(string(f.Status)); err != nil {
			return nil, err
		}
		where, args = append(where, "c.status = ?"), append(args, f.Status)
	}
	if f.Open {
		where = append(where, "c.status NOT IN ('closed', 'withdrawn')")
	}
	if f.Year != 0 {
		where = append(where, "c.received_on >= ? AND c.received_on < ?")
		args = append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-01-01", f.Year+1))
	}
	if q := matchQuery(f.Search); q != "" {
		where = append(where, "c.id IN (SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?)")
		args = append(args, q)
	} else if strings.TrimSpace(f.Search) != "" {
		return nil, nil // only punctuation: nothing can match
	}
	query := `SELECT ` + complaintColumns + `,
		(SELECT group_concat(info_due_on) FROM contacts WHERE complaint_id = c.id AND info_due_on IS NOT NULL AND info_received_on IS NULL),
		(SELECT extended_on FROM extensions WHERE complaint_id = c.id ORDER BY id DESC LIMIT 1),
		(SELECT previous_due_on FROM extensions WHERE complaint_id = c.id ORDER BY id DESC LIMIT 1),
		(SELECT max(contact_on) FROM contacts WHERE complaint_id = c.id),
		(SELECT max(contact_on) FROM contacts WHERE complaint_id = c.id AND kind IN ('letter', 'email'))
		FROM complaints c WHERE ` + strings.Join(where, " AND ") + ` ORDER BY c.received_on DESC, c.id DESC`
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	rows, err := s.r.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	today := s.today()
	var out []Listed
	for rows.Next() {
		var l Listed
		var info *string
		dest := append(complaintDest(&l.Complaint), &info, &l.ExtendedOn, &l.PreviousDueOn, &l.LastContactOn, &l.LastWrittenOn)
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if info != nil {
			for _, d := range strings.Split(*info, ",") {
				if pd, err := ParseDate(d); err == nil {
					l.InfoExpected = append(l.InfoExpected, pd)
				}
			}
		}
		l.Items = ActionItems(l.Facts, today, set)
		l.Warning = WorstWarning(l.Items)
		if f.Overdue && l.Warning != WarningOverdue {
			continue
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// Deadlines lists every action item in the register, overdue first.
func (s *Store) Deadlines() ([]ActionItem, error) {
	listed, err := s.List(Filter{Open: true})
	if err != nil {
		return nil, err
	}
	var items []ActionItem
	for _, l := range listed {
		items = append(items, l.Items...)
	}
	SortItems(items)
	return items, nil
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
