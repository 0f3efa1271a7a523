package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// RootCause is a category of what went wrong, which a measure addresses. The register starts
// with communication, expertise, accessibility, fees, administration, conduct and other; a
// practice adds its own with AddRootCause.
type RootCause struct {
	Code  string `json:"code"`
	Label string `json:"label"` // in the practitioner's words
}

// RootCauses lists the register's root-cause categories in display order.
func (s *Store) RootCauses() ([]RootCause, error) { return rootCauses(s.reads()) }

func rootCauses(q querier) ([]RootCause, error) {
	rows, err := q.Query(`SELECT code, label FROM root_causes ORDER BY position, code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RootCause
	for rows.Next() {
		var rc RootCause
		if err := rows.Scan(&rc.Code, &rc.Label); err != nil {
			return nil, err
		}
		out = append(out, rc)
	}
	return out, rows.Err()
}

// AddRootCause adds a practice's own root-cause category after the existing ones; its code is
// made from the label. A label that is already in the list is refused.
func (s *Store) AddRootCause(label string) (rc RootCause, err error) {
	err = s.update(func(tx *Tx) error {
		rc, err = tx.addRootCause(label)
		return err
	})
	return rc, err
}

func (tx *Tx) addRootCause(label string) (RootCause, error) {
	label, err := cleanText("label", label, textRule{max: 60}.as("de naam van de oorzaak"))
	rc := RootCause{Label: label}
	switch {
	case err != nil:
		return rc, err
	case rc.Label == "":
		return rc, invalid("label", "vul de naam van de oorzaak in")
	}
	var exists, position int
	if err := tx.QueryRow(`SELECT count(*) FILTER (WHERE lower(label) = lower(?)), coalesce(max(position), 0) + 1
		FROM root_causes`, rc.Label).Scan(&exists, &position); err != nil {
		return rc, err
	}
	if exists > 0 {
		return rc, conflict("de oorzaak %q staat al in de lijst", rc.Label)
	}
	rc.Code = causeCode(rc.Label)
	var taken int
	if err := tx.QueryRow(`SELECT count(*) FROM root_causes WHERE code = ?`, rc.Code).Scan(&taken); err != nil {
		return rc, err
	}
	if rc.Code == "" || taken > 0 {
		rc.Code = fmt.Sprintf("%s-%d", cmp.Or(rc.Code, "oorzaak"), position)
	}
	if _, err := tx.Exec(`INSERT INTO root_causes (code, label, position) VALUES (?, ?, ?)`, rc.Code, rc.Label, position); err != nil {
		return rc, err
	}
	return rc, tx.event(0, "root_cause_added", rc)
}

// checkCause sets the measure's root cause, given by its code or by its name as root-causes
// shows it ("communicatie", in any case), to the code. One the register does not know is
// refused, listing the known ones. A code goes before a name: a practice's own cause named
// "other" does not take the place of the code other. A new category typed with the measure
// is added first, in the same change: a refused measure leaves no category behind. One typed
// that is already in the list (by its name in any case, or its code: "Administration" in the
// English screens) is that category, not a refusal.
func (tx *Tx) checkCause(m *Measure) error {
	causes, err := rootCauses(tx)
	if err != nil {
		return err
	}
	if typed := strings.TrimSpace(m.NewCause); typed != "" {
		if i := slices.IndexFunc(causes, func(rc RootCause) bool {
			return fold(rc.Label) == fold(typed) || rc.Code == causeCode(typed)
		}); i >= 0 {
			m.RootCause, m.NewCause = causes[i].Code, ""
		} else {
			rc, err := tx.addRootCause(m.NewCause)
			if err != nil {
				return err
			}
			m.RootCause, m.NewCause = rc.Code, ""
			causes = append(causes, rc)
		}
	}
	given := fold(strings.TrimSpace(m.RootCause))
	i := slices.IndexFunc(causes, func(rc RootCause) bool { return rc.Code == m.RootCause })
	if i < 0 {
		i = slices.IndexFunc(causes, func(rc RootCause) bool { return fold(rc.Label) == given })
	}
	if i >= 0 {
		m.RootCause, m.RootCauseLabel = causes[i].Code, causes[i].Label
		return nil
	}
	known := make([]string, len(causes))
	for i, rc := range causes {
		known[i] = rc.Code + " (" + rc.Label + ")"
	}
	return invalid("root_cause", "onbekende oorzaak %q; kies uit %s", m.RootCause, strings.Join(known, ", "))
}

// causeCode turns a practice's label for a new root cause into a stable code: lower case,
// ASCII letters and digits, accents taken off, words joined by hyphens ("Privacy en AVG" ->
// "privacy-en-avg", "Privé" -> "prive").
func causeCode(label string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range fold(label) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		default:
			hyphen = true
		}
	}
	return b.String()
}
