package data

import (
	"strings"
	"unicode"
)

// maskNames replaces every word of the given names in text by "N.N.", so a measure written
// with a complainant in mind cannot name them in the report. Words shorter than three letters
// and the particles of Dutch surnames are left alone.
func maskNames(text string, names []string) string {
	mask := map[string]bool{}
	for _, n := range names {
		for _, w := range strings.FieldsFunc(strings.ToLower(n), notWordRune) {
			if len([]rune(w)) >= 3 && !surnameParticles[w] {
				mask[w] = true
			}
		}
	}
	if len(mask) == 0 {
		return text
	}
	var b strings.Builder
	word := []rune{}
	flush := func() {
		if mask[strings.ToLower(string(word))] {
			b.WriteString("N.N.")
		} else {
			b.WriteString(string(word))
		}
		word = word[:0]
	}
	for _, r := range text {
		if notWordRune(r) {
			flush()
			b.WriteRune(r)
			continue
		}
		word = append(word, r)
	}
	flush()
	out := b.String()
	for strings.Contains(out, "N.N. N.N.") {
		out = strings.ReplaceAll(out, "N.N. N.N.", "N.N.")
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

var surnameParticles = map[string]bool{"van": true, "der": true, "den": true, "het": true, "ter": true, "ten": true,
	"de": true, "la": true, "le": true, "el": true}
