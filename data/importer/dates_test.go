package importer

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	dm, md, xl := DateStyle{}, DateStyle{MonthFirst: true}, DateStyle{Serial: true}
	tests := []struct {
		in    string
		style DateStyle
		want  string
		err   error
	}{
		{"06-01-2025", dm, "2025-01-06", nil},
		{"6-1-25", dm, "2025-01-06", nil},
		{"6-1-2025", dm, "2025-01-06", nil},
		{"06/01/2025", dm, "2025-01-06", nil},
		{"06.01.2025", dm, "2025-01-06", nil},
		{"01/06/2025", md, "2025-01-06", nil},
		{"2025-01-06", md, "2025-01-06", nil},
		{"2025-01-06 00:00:00", dm, "2025-01-06", nil},
		{"2025-01-06T10:30:00Z", dm, "2025-01-06", nil},
		{"6 januari 2025", dm, "2025-01-06", nil},
		{"6 Jan 2025", dm, "2025-01-06", nil},
		{"31-12-99", dm, "1999-12-31", nil},
		{"1-1-69", dm, "2069-01-01", nil},
		{"29-02-2024", dm, "2024-02-29", nil},
		{"45663", xl, "2025-01-06", nil},
		{"45663.5", xl, "2025-01-06", nil},
		{"61", xl, "1900-03-01", nil},
		{"59", xl, "1900-02-28", nil},
		{"", dm, "", nil},
		{"31-02-2025", dm, "", errNoSuchDay},
		{"29-02-2025", dm, "", errNoSuchDay},
		{"13/13/2025", md, "", errNoSuchDay},
		{"00-01-2025", dm, "", errNoSuchDay},
		{"2025-13-01", dm, "", errNoSuchDay},
		{"60", xl, "", errNoSuchDay},
		{"45663", dm, "", errNoDate},
		{"morgen", dm, "", errNoDate},
		{"6 brumaire 2025", dm, "", errNoDate},
		{"2025", dm, "", errNoDate},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.style)
		if got.String() != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseDate(%q, %+v) = %s, %v; want %s, %v", tt.in, tt.style, got, err, tt.want, tt.err)
		}
	}
}

func TestGuessStyle(t *testing.T) {
	if st := GuessStyle([]string{"01/02/2025", "02/28/2025"}, false); !st.MonthFirst {
		t.Error("02/28/2025 proves month first")
	}
	if st := GuessStyle([]string{"01/02/2025", "28/02/2025"}, false); st.MonthFirst {
		t.Error("28/02/2025 proves day first")
	}
	if st := GuessStyle([]string{"01/02/2025", "2025-02-28"}, true); st.MonthFirst || !st.Serial {
		t.Errorf("without proof the Dutch order holds: %+v", st)
	}
}

// FuzzParseDate: no input panics, a date read is a real day, and its Dutch form reads back
// as the same day.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"06-01-2025", "6-1-25", "2025-01-06", "31-02-2025", "45663", "6 januari 2025", "1/13/2025"} {
		f.Add(s, false, true)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst, serial bool) {
		d, err := ParseDate(s, DateStyle{MonthFirst: monthFirst, Serial: serial})
		if err != nil || d.IsZero() {
			return
		}
		back, err := ParseDate(d.Dutch(), DateStyle{})
		if err != nil || back != d {
			t.Errorf("%q read as %s, whose Dutch form %q reads back as %s, %v", s, d, d.Dutch(), back, err)
		}
		if d.Year() < 1899 || d.Year() > 9999 {
			t.Errorf("%q read as year %d", s, d.Year())
		}
	})
}

// FuzzReadCSV: no input panics; every record has a line, the lines rise, and every field is
// valid UTF-8 whatever the encoding of the input.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"a;b\r\n1;2\r\n", "\ufeffKlager,Datum\n\"Çelik, M.\",6-1-25\n", "a\tb\n\"x\ny\"\tz\n",
		"Naam;Klacht\n\xc7elik;te duur\n", "\"unterminated", ";;;\n\n\n", "a,\"b\"\"c\",d"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		records, lines, err := ReadCSV(b)
		if err != nil {
			return
		}
		if len(records) != len(lines) {
			t.Fatalf("%d records, %d lines", len(records), len(lines))
		}
		for i, r := range records {
			if lines[i] < 1 || i > 0 && lines[i] <= lines[i-1] {
				t.Errorf("record %d on line %d after line %v", i, lines[i], lines[:i])
			}
			for _, v := range r {
				if !utf8.ValidString(v) {
					t.Errorf("field %q is no valid UTF-8", v)
				}
			}
		}
		if len(records) > 0 && strings.Count(string(b), "\n")+1 < lines[len(lines)-1] {
			t.Errorf("last record on line %d of a file with fewer lines", lines[len(lines)-1])
		}
	})
}
