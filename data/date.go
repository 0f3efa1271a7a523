package data

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar day without a time of day. The procedure's deadlines are counted in
// days and months, so a separate type keeps time zones and clock times out of that math.
// The zero Date means "not set".
type Date struct{ t time.Time }

// NewDate returns the given calendar day; out-of-range values normalise as in time.Date.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// dateLayout is the ISO form used in the database, the CLI and JSON.
const dateLayout = "2006-01-02"

// ParseDate reads a date written as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	d, ok := parseDay(s)
	if !ok {
		// Written right, but a day the calendar lacks (30 February): say that, not how to write it.
		if _, err := time.Parse(dateLayout, s); err != nil && strings.Contains(err.Error(), "day out of range") {
			return Date{}, invalid("date", "%q bestaat niet als datum; controleer de dag", s)
		}
		return Date{}, invalid("date", "%q is geen geldige datum; schrijf die als JJJJ-MM-DD, bijvoorbeeld 2026-11-29", s)
	}
	return d, nil
}

// parseDay reads YYYY-MM-DD as time.Parse with dateLayout does, without its general layout
// machinery: the register reads a dozen dates per complaint, and Vandaag some 40,000.
func parseDay(s string) (Date, bool) {
	if len(s) != len(dateLayout) || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range []byte(s[from:to]) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(0, 4), num(5, 7), num(8, 10)
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	day := NewDate(y, time.Month(m), d)
	return day, day.t.Day() == d // 2026-02-30 would otherwise become 2 March
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String gives YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Dutch gives dd-mm-jjjj, the short form Dutch readers expect in lists, tables and
// spreadsheets, or "" for the zero date.
func (d Date) Dutch() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02-01-2006")
}

// Year, Month, Day and Weekday return the parts of the date.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of the year.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month.
func (d Date) Day() int { return d.t.Day() }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Time returns midnight UTC of the date, for formatting.
func (d Date) Time() time.Time { return d.t }

// AddDays moves the date by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths moves the date by n calendar months and clamps to the month's last day,
// so 31 January plus one month is 28 or 29 February, never 2 or 3 March.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.t.Year(), d.t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := min(d.t.Day(), last)
	return NewDate(first.Year(), first.Month(), day)
}

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// Compare is -1, 0 or +1 as d lies before, on or after o; the zero date comes first.
func (d Date) Compare(o Date) int { return d.t.Compare(o.t) }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// DaysUntil counts the days from d to o; negative when o lies before d.
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// Value stores the date as TEXT YYYY-MM-DD, or NULL for the zero date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored by Value.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		p, ok := parseDay(v)
		if !ok {
			return fmt.Errorf("datum %q in de database is onleesbaar", v)
		}
		*d = p
		return nil
	case []byte:
		return d.Scan(string(v))
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("datum in de database heeft onverwacht type %T", src)
}
