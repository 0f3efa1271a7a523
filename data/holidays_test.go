package data

import (
	"fmt"
	"testing"
	"time"
)

// holidays are the general holidays of the Algemene termijnenwet, art. 3, that can fall on a
// weekday, taken from the calendar for each year: New Year's Day, Easter Monday, King's Day,
// 5 May, Ascension Day, Whit Monday, Christmas Day and Boxing Day.
var holidays = map[int][]string{
	2025: {"2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"},
	2026: {"2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"},
	2027: {"2027-01-01", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26"},
	2028: {"2028-01-01", "2028-04-17", "2028-04-27", "2028-05-05", "2028-05-25", "2028-06-05", "2028-12-25", "2028-12-26"},
	2029: {"2029-01-01", "2029-04-02", "2029-04-27", "2029-05-05", "2029-05-10", "2029-05-21", "2029-12-25", "2029-12-26"},
	2030: {"2030-01-01", "2030-04-22", "2030-04-27", "2030-05-05", "2030-05-30", "2030-06-10", "2030-12-25", "2030-12-26"},
	2031: {"2031-01-01", "2031-04-14", "2031-04-26", "2031-05-05", "2031-05-22", "2031-06-02", "2031-12-25", "2031-12-26"},
}

// TestIsHolidayWholeYears checks every day of each year: exactly the listed days are holidays.
func TestIsHolidayWholeYears(t *testing.T) {
	for year, list := range holidays {
		want := map[Date]bool{}
		for _, s := range list {
			want[day(s)] = true
		}
		for d := NewDate(year, time.January, 1); d.Year() == year; d = d.AddDays(1) {
			if got := IsHoliday(d); got != want[d] {
				t.Errorf("IsHoliday(%s, %s) = %v, want %v", d, d.Weekday(), got, want[d])
			}
		}
	}
}

func TestEaster(t *testing.T) {
	for year, want := range map[int]string{
		2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16",
		2029: "2029-04-01", 2030: "2030-04-21", 2031: "2031-04-13", 2038: "2038-04-25", 2285: "2285-03-22",
	} {
		if got := Easter(year); got != day(want) || got.Weekday() != time.Sunday {
			t.Errorf("Easter(%d) = %s (%s), want %s", year, got, got.Weekday(), want)
		}
	}
}

func TestNotHolidays(t *testing.T) {
	tests := []struct{ date, why string }{
		{"2026-04-03", "Good Friday 2026"},
		{"2027-03-26", "Good Friday 2027"},
		{"2028-04-14", "Good Friday 2028"},
		{"2029-03-30", "Good Friday 2029"},
		{"2030-04-19", "Good Friday 2030"},
		{"2025-04-27", "27 April 2025 is a Sunday; King's Day moves to the 26th"},
		{"2031-04-27", "27 April 2031 is a Sunday; King's Day moves to the 26th"},
		{"2026-04-26", "King's Day 2026 stays on Monday the 27th"},
		{"2026-04-30", "the old Queen's Day"},
		{"2026-12-24", "Christmas Eve"},
		{"2026-12-31", "New Year's Eve"},
		{"2026-05-04", "Remembrance Day"},
	}
	for _, tt := range tests {
		if IsHoliday(day(tt.date)) {
			t.Errorf("IsHoliday(%s) = true, but it is not a general holiday (%s)", tt.date, tt.why)
		}
	}
	// Good Friday is a working day; Easter Sunday and Whit Sunday are not, being Sundays.
	if !IsWorkingDay(day("2026-04-03")) {
		t.Error("Good Friday 2026 should be a working day")
	}
	for _, s := range []string{"2026-04-05", "2026-05-24"} {
		if IsWorkingDay(day(s)) {
			t.Errorf("%s is a Sunday and no working day", s)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"2026-03-02", true},  // Monday
		{"2026-03-06", true},  // Friday
		{"2026-03-07", false}, // Saturday
		{"2026-03-08", false}, // Sunday
		{"2026-04-27", false}, // King's Day, Monday
		{"2026-05-05", false}, // Liberation Day, Tuesday
		{"2026-05-14", false}, // Ascension Day, Thursday
		{"2026-05-15", true},  // the Friday after
	}
	for _, tt := range tests {
		if got := IsWorkingDay(day(tt.date)); got != tt.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.date, got, tt.want)
		}
	}
}

func TestNextWorkingDay(t *testing.T) {
	tests := []struct{ from, want string }{
		{"2026-12-25", "2026-12-28"}, // Christmas on Friday, Boxing Day on Saturday, then Sunday
		{"2026-12-26", "2026-12-28"},
		{"2026-03-02", "2026-03-02"}, // a working day stays put
		{"2026-03-07", "2026-03-09"}, // Saturday -> Monday
		{"2026-03-08", "2026-03-09"}, // Sunday -> Monday
		{"2026-04-03", "2026-04-03"}, // Good Friday is a working day
		{"2026-04-04", "2026-04-07"}, // Saturday, Easter Sunday, Easter Monday -> Tuesday
		{"2026-04-25", "2026-04-28"}, // weekend, then King's Day on Monday
		{"2026-05-14", "2026-05-15"}, // Ascension Day
		{"2026-05-23", "2026-05-26"}, // Whitsun weekend and Whit Monday
		{"2027-12-25", "2027-12-27"}, // Christmas on Saturday, Boxing Day on Sunday
		{"2027-01-01", "2027-01-04"}, // New Year's Day on Friday
		{"2030-04-27", "2030-04-29"}, // King's Day on Saturday
		{"2028-05-05", "2028-05-08"}, // 5 May on Friday
	}
	for _, tt := range tests {
		if got := NextWorkingDay(day(tt.from)); got != day(tt.want) {
			t.Errorf("NextWorkingDay(%s) = %s, want %s", tt.from, got, tt.want)
		}
	}
}

// TestHolidaysAgainstIndependentCalendar checks every day of 2000–2026 against a calendar
// made another way: Easter by Oudin's algorithm on time.Time, and the monarch's birthday from
// a table of the dates actually celebrated (Queen's Day until 2013, King's Day from 2014).
func TestHolidaysAgainstIndependentCalendar(t *testing.T) {
	monarch := map[int]string{
		2000: "04-29", 2001: "04-30", 2002: "04-30", 2003: "04-30", 2004: "04-30", 2005: "04-30", 2006: "04-29",
		2007: "04-30", 2008: "04-30", 2009: "04-30", 2010: "04-30", 2011: "04-30", 2012: "04-30", 2013: "04-30",
		2014: "04-26", 2015: "04-27", 2016: "04-27", 2017: "04-27", 2018: "04-27", 2019: "04-27", 2020: "04-27",
		2021: "04-27", 2022: "04-27", 2023: "04-27", 2024: "04-27", 2025: "04-26", 2026: "04-27",
	}
	oudin := func(y int) time.Time {
		c := y / 100
		n := y - 19*(y/19)
		k := (c - 17) / 25
		i := c - c/4 - (c-k)/3 + 19*n + 15
		i -= 30 * (i / 30)
		i -= (i / 28) * (1 - (i/28)*(29/(i+1))*((21-n)/11))
		j := y + y/4 + i + 2 - c + c/4
		j -= 7 * (j / 7)
		l := i - j
		m := 3 + (l+40)/44
		return time.Date(y, time.Month(m), l+28-31*(m/4), 0, 0, 0, 0, time.UTC)
	}
	wrong := 0
	for y := 2000; y <= 2026; y++ {
		e := oudin(y)
		want := map[string]bool{fmt.Sprintf("%d-01-01", y): true, fmt.Sprintf("%d-05-05", y): true,
			fmt.Sprintf("%d-12-25", y): true, fmt.Sprintf("%d-12-26", y): true, fmt.Sprintf("%d-%s", y, monarch[y]): true}
		for _, n := range []int{1, 39, 50} {
			want[e.AddDate(0, 0, n).Format("2006-01-02")] = true
		}
		for d := NewDate(y, time.January, 1); d.Year() == y; d = d.AddDays(1) {
			if got := IsHoliday(d); got != want[d.String()] {
				wrong++
				t.Errorf("IsHoliday(%s, %s) = %v, want %v", d, d.Weekday(), got, want[d.String()])
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d days wrong in 2000–2026", wrong)
	}
}
