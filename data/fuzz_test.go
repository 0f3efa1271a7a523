package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The fuzz tests run their seed corpus (testdata/fuzz) with go test; search further with
// go test -fuzz FuzzParseDate ./data (and the others).

// FuzzParseDate: any text either is refused with a Dutch message (how to write a date, or that
// the day does not exist) or is a date that reads back as the same text.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-29", "2024-02-29", "2026-02-29", "0000-01-01", "9999-12-31", "2026-1-2", "29-11-2026", "", " 2026-11-29", "2026-11-29T10:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if want, werr := time.Parse(dateLayout, s); (err == nil) != (werr == nil) || (err == nil && d.t != want) {
			t.Fatalf("ParseDate(%q) = %v, %v; time.Parse gives %v, %v", s, d, err, want, werr)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Code != CodeInvalid || !strings.Contains(e.Error(), "JJJJ-MM-DD") && !strings.Contains(e.Error(), "bestaat niet") {
				t.Fatalf("ParseDate(%q): %v", s, err)
			}
			return
		}
		if d.IsZero() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
	})
}

// FuzzCheckTemplate: a letter text is either refused with its line number, or every
// placeholder in it expands, and no brace is left but the doubled ones written on purpose.
func FuzzCheckTemplate(f *testing.F) {
	for _, s := range []string{"Aan {naam}:\n\nUw klacht {kenmerk} is ontvangen.", "Geachte {naam},\n\nx", "{{accolade}}", "{naam", "naam}", "{onbekend}",
		"{ NAAM }", "{{{naam}}}", "regel 1\nregel {2", "{}", "€ {praktijk} ✓"} {
		f.Add(0, s)
	}
	f.Fuzz(func(t *testing.T, k int, text string) {
		kind := LetterKinds[uint(k)%uint(len(LetterKinds))]
		err := CheckTemplate(kind, text)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Field != "text" || !strings.HasPrefix(e.Error(), "regel ") {
				t.Fatalf("CheckTemplate(%q): %v", text, err)
			}
			return
		}
		values := map[string]string{}
		for _, p := range Placeholders(kind) {
			values[p.Name] = "x"
		}
		out, err := ExpandTemplate(kind, text, values)
		if err != nil {
			t.Fatalf("CheckTemplate passed %q but ExpandTemplate says %v", text, err)
		}
		if strings.Count(out, "{")+strings.Count(out, "}") != strings.Count(text, "{{")+strings.Count(text, "}}") {
			t.Fatalf("ExpandTemplate(%q) = %q: braces left over", text, out)
		}
	})
}

// FuzzNameMask: whatever the name and the text, mask and find agree: the masked text holds
// nothing find takes for a name. What counts as a name is TestMaskNames's.
func FuzzNameMask(f *testing.F) {
	for _, s := range [][2]string{{"Mehmet Çelik", "Gesprek met de heer Celik over Çeliks factuur"},
		{"Bo de Vries", "Bo's klacht, Bos en de Vries"}, {"Jan Jansen", "jansen@example.nl belde 06-12345678, 1234 AB"},
		{"Zoë van 't Hoff", "ZOË HOFF’s brief"}, {"Anna", "Annas Anna's Annabel"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		nm := newNameMask(name)
		masked := nm.mask(text)
		if w := nm.find(masked); w != "" {
			t.Fatalf("mask(%q) with name %q = %q, still shows %q", text, name, masked, w)
		}
	})
}
