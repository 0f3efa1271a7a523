package importer

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"klachtenregister/data"
)

// The reasons a date is refused; the refusal puts the column and the value before them.
var (
	errNoDate    = errors.New("is geen datum; schrijf die als dd-mm-jjjj, bijvoorbeeld 06-01-2025")
	errNoSuchDay = errors.New("bestaat niet")
)

var (
	isoDate     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$`)
	numericDate = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$`)
	wordDate    = regexp.MustCompile(`^(\d{1,2})[ -]([[:alpha:]]+)\.?[ -](\d{4})$`)
	serialDate  = regexp.MustCompile(`^\d{1,6}(?:\.\d+)?$`)
)

var monthWords = map[string]time.Month{"jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2,
	"mrt": 3, "maart": 3, "mar": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6,
	"june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "augustus": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "okt": 10, "oct": 10, "oktober": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
	"december": 12}

// DateStyle is how a column writes the dates that could be read two ways: day first (Dutch,
// 03-04-2025 is 3 April) or month first (American Excel, 04/03/2025 is 3 April).
type DateStyle struct {
	MonthFirst bool
	Serial     bool // a plain number is an Excel serial date (cells of an .xlsx file)
}

// GuessStyle looks at a column's values: a first number above 12 proves day first, a second
// number above 12 proves month first; without proof the Dutch order holds.
func GuessStyle(values []string, serial bool) DateStyle {
	st := DateStyle{Serial: serial}
	for _, v := range values {
		m := numericDate.FindStringSubmatch(strings.TrimSpace(v))
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b <= 12:
			return st
		case b > 12 && a <= 12:
			st.MonthFirst = true
			return st
		}
	}
	return st
}

// ParseDate reads a date as spreadsheets write it: dd-mm-jjjj, d-m-jj, dd/mm/jjjj, dd.mm.jjjj,
// ISO jjjj-mm-dd (with or without a time), "6 januari 2025", or an Excel serial number.
// Two-digit years are 2000–2069 for 00–69 and 1970–1999 otherwise. A day that the calendar
// does not have (31-02-2025) is refused, never rolled over into March.
func ParseDate(s string, st DateStyle) (data.Date, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case s == "":
		return data.Date{}, nil
	case isoDate.MatchString(s):
		p := isoDate.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case numericDate.MatchString(s):
		p := numericDate.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), atoi(p[3])
		if st.MonthFirst {
			d, m = m, d
		}
		if len(p[3]) == 2 {
			y += 2000
			if y >= 2070 {
				y -= 100
			}
		}
	case wordDate.MatchString(s):
		p := wordDate.FindStringSubmatch(s)
		month, ok := monthWords[strings.ToLower(p[2])]
		if !ok {
			return data.Date{}, errNoDate
		}
		d, m, y = atoi(p[1]), int(month), atoi(p[3])
	case st.Serial && serialDate.MatchString(s):
		return serial(s)
	default:
		return data.Date{}, errNoDate
	}
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return data.Date{}, errNoSuchDay
	}
	date := data.NewDate(y, time.Month(m), d)
	if date.Day() != d {
		return data.Date{}, errNoSuchDay
	}
	return date, nil
}

// serial turns an Excel serial date into a date. Excel counts from 30 December 1899 (it takes
// 1900 for a leap year, so its day 60 is a 29 February that never was); a time of day is the
// fraction, which a date leaves out.
func serial(s string) (data.Date, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f >= 2958466 { // 2958466 is 1 January 10000
		return data.Date{}, errNoDate
	}
	n := int(f)
	if n == 60 {
		return data.Date{}, errNoSuchDay
	}
	if n < 60 {
		n++
	}
	return data.NewDate(1899, time.December, 30).AddDays(n), nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
