package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"}, // clamped to the end of February
		{"2028-01-31", 1, "2028-02-29"}, // leap year
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-12-31", 1, "2027-01-31"}, // across the year boundary
		{"2026-01-30", 1, "2026-02-28"},
		{"2026-01-28", 1, "2026-02-28"},
		{"2026-02-28", 1, "2026-03-28"}, // no clamping back up to the 31st
		{"2026-01-15", 1, "2026-02-15"},
		{"2026-08-31", 1, "2026-09-30"},
		{"2026-11-30", 2, "2027-01-30"},
		{"2026-10-31", 4, "2027-02-28"},
		{"2026-01-31", 13, "2027-02-28"},
		{"2028-02-29", 12, "2029-02-28"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2027-01-31", -2, "2026-11-30"},
		{"2026-05-17", 0, "2026-05-17"},
	}
	for _, tt := range tests {
		if got := day(tt.from).AddMonths(tt.months).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

func TestAddDaysAndDaysUntil(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-28", 1, "2026-03-01"},
		{"2028-02-28", 1, "2028-02-29"},
		{"2026-12-31", 1, "2027-01-01"},
		{"2026-03-28", 2, "2026-03-30"}, // across the switch to summer time in Europe
		{"2026-10-24", 2, "2026-10-26"}, // and back
		{"2026-03-02", 42, "2026-04-13"},
		{"2026-03-02", -2, "2026-02-28"},
	}
	for _, tt := range tests {
		from := day(tt.from)
		got := from.AddDays(tt.n)
		if got.String() != tt.want {
			t.Errorf("%s + %d days = %s, want %s", tt.from, tt.n, got, tt.want)
		}
		if back := from.DaysUntil(got); back != tt.n {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tt.from, got, back, tt.n)
		}
	}
}

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2026-11-29")
	if err != nil || d != NewDate(2026, time.November, 29) || d.Weekday() != time.Sunday {
		t.Fatalf("ParseDate = %v (%v), %v", d, d.Weekday(), err)
	}
	for _, bad := range []string{"", "29-11-2026", "2026-02-30", "2026-13-01", "2026-1-5", "gisteren"} {
		if _, err := ParseDate(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseDate(%q) error = %v, want ErrInvalid", bad, err)
		}
	}
	// Written right, a day the calendar lacks: it said to write the date as JJJJ-MM-DD.
	if _, err := ParseDate("2026-02-30"); err == nil || !strings.Contains(err.Error(), "bestaat niet") || strings.Contains(err.Error(), "JJJJ") {
		t.Errorf("ParseDate(2026-02-30): %v", err)
	}
	if _, err := ParseDate("2026-13-01"); err == nil || !strings.Contains(err.Error(), "JJJJ-MM-DD") {
		t.Errorf("ParseDate(2026-13-01): %v", err)
	}
}

// TestParseDateAgreesWithTime: the hand-written reader takes exactly the dates time.Parse takes,
// leap days and impossible days too.
func TestParseDateAgreesWithTime(t *testing.T) {
	for _, y := range []int{0, 1900, 2000, 2024, 2026, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				want, werr := time.Parse(dateLayout, s)
				got, err := ParseDate(s)
				if (err == nil) != (werr == nil) || (err == nil && got.t != want) {
					t.Errorf("ParseDate(%q) = %v, %v; time.Parse gives %v, %v", s, got, err, want, werr)
				}
			}
		}
	}
}

func TestDateOrderingAndZero(t *testing.T) {
	a, b := day("2026-03-01"), day("2026-03-02")
	if !a.Before(b) || a.After(b) || b.Before(a) || !b.After(a) || a.Before(a) || a.After(a) {
		t.Error("Before/After disagree with the calendar")
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" || a.IsZero() {
		t.Error("zero date not recognised")
	}
	if !zero.Before(a) {
		t.Error("the zero date should sort before every real date")
	}
}

func TestDateJSONAndSQL(t *testing.T) {
	b, err := json.Marshal(struct{ A, B Date }{day("2026-04-27"), Date{}})
	if err != nil || string(b) != `{"A":"2026-04-27","B":null}` {
		t.Fatalf("json = %s, %v", b, err)
	}
	if v, err := day("2026-04-27").Value(); v != "2026-04-27" || err != nil {
		t.Errorf("Value = %v, %v", v, err)
	}
	if v, err := (Date{}).Value(); v != nil || err != nil {
		t.Errorf("zero Value = %v, %v", v, err)
	}
	for _, src := range []any{"2026-04-27", []byte("2026-04-27"), time.Date(2026, 4, 27, 23, 0, 0, 0, time.UTC)} {
		var d Date
		if err := d.Scan(src); err != nil || d != day("2026-04-27") {
			t.Errorf("Scan(%v) = %s, %v", src, d, err)
		}
	}
	d := day("2026-04-27")
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %s, %v", d, err)
	}
	if err := d.Scan("27-04-2026"); err == nil {
		t.Error("Scan accepted a malformed date")
	}
	if err := d.Scan(42); err == nil {
		t.Error("Scan accepted an integer")
	}
}

func TestTodayUsesLocalCalendarDay(t *testing.T) {
	now := time.Date(2026, 12, 31, 23, 59, 0, 0, time.Local)
	if got := Today(now); got != day("2026-12-31") {
		t.Errorf("Today(%v) = %s", now, got)
	}
}
