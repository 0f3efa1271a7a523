package letters

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The texts a letter inserts were typed for the register, quickly and in many hands. Before
// they go into a letter they are made to read as the rest of the letter does: see sentences
// and phrase. keepTogether then binds what typography keeps on one line.

var spaces = regexp.MustCompile(`[ \t\x{00a0}]{2,}`)

// sentences readies a text that stands as one or more sentences of its own, such as the
// reason for an extension or the outcome: single spaces, typographic quotes, a capital at the
// start and exactly one final punctuation mark. Paragraphs and bullets stay as typed.
func sentences(s string) string {
	s = strings.TrimSpace(quotes(spaces.ReplaceAllString(s, " ")))
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = capitalise(strings.Join(lines, "\n"))
	return finalStop(s)
}

// phrase readies a text that goes in the middle of a sentence, such as the letters'
// description of the complaint or a list of documents: single spaces, typographic quotes, no
// final punctuation (the sentence around it has its own) and "Uw" or "Your" at the start in
// lower case, as it is not the start of a sentence.
func phrase(s string) string {
	s = strings.TrimSpace(quotes(spaces.ReplaceAllString(strings.Join(strings.Fields(s), " "), " ")))
	s = strings.TrimRight(s, ".!?;:, ")
	for _, w := range []string{"Uw ", "Your ", "Mijn ", "My "} {
		if strings.HasPrefix(s, w) {
			s = strings.ToLower(w[:1]) + s[1:]
		}
	}
	return s
}

// capitalise writes the first letter in upper case.
func capitalise(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) {
			return s
		}
	}
	return s
}

// finalStop ends a text with exactly one punctuation mark: a full stop unless it ends in a
// question or exclamation mark. Repeated marks ("!!", "?.", ".’.") become one, after any
// closing quote or bracket.
func finalStop(s string) string {
	body := strings.TrimRight(s, ".!?;:,’”) ")
	tail := s[len(body):]
	closers := strings.Map(func(r rune) rune {
		if strings.ContainsRune("’”)", r) {
			return r
		}
		return -1
	}, tail)
	mark := "."
	if i := strings.IndexAny(tail, "!?"); i >= 0 {
		mark = tail[i : i+1]
	}
	return body + closers + mark
}

// quotes makes straight quotes typographic: an apostrophe within or before a word such as
// 't and 's becomes ’, other single quotes ‘ and ’, double ones “ and ”.
func quotes(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		prevSpace := i == 0 || unicode.IsSpace(rs[i-1]) || strings.ContainsRune("([", rs[i-1])
		switch r {
		case '"':
			if prevSpace {
				b.WriteRune('“')
			} else {
				b.WriteRune('”')
			}
		case '\'':
			elision := i+2 < len(rs) && (rs[i+1] == 't' || rs[i+1] == 's') && !unicode.IsLetter(rs[i+2]) && rs[i+2] != '\''
			if prevSpace && !elision {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

const nbsp = "\u00a0"

var (
	euroAmount = regexp.MustCompile(`€[ \x{00a0}]?(\d)`)
	eurAmount  = regexp.MustCompile(`\bEUR[ \x{00a0}]?(\d)`)
	dayMonth   = regexp.MustCompile(`\b(\d{1,2}) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|January|February|March|April|May|June|July|August|September|October|November|December)( \d{4})?\b`)
	initials   = regexp.MustCompile(`(\b\p{Lu}\.)+ `)
)

// keepTogether puts non-breaking spaces where typography keeps words on one line: an amount
// and its currency ("€ 475" in Dutch, "EUR 475"), a date ("4 januari 2027") and initials with
// the name they belong to ("A. de Linde"). English writes the euro sign against the amount
// ("€475"), so there is no space to break at. A reference such as K-2026-0001 has none either.
func keepTogether(s string, t *phrases) string {
	s = euroAmount.ReplaceAllString(s, "€"+t.euroSpace+"$1")
	s = eurAmount.ReplaceAllString(s, "EUR"+nbsp+"$1")
	s = dayMonth.ReplaceAllStringFunc(s, func(m string) string { return strings.ReplaceAll(m, " ", nbsp) })
	return initials.ReplaceAllStringFunc(s, func(m string) string { return strings.TrimSuffix(m, " ") + nbsp })
}

// wrap breaks text into lines at most w wide in the current font, at ordinary spaces only:
// gofpdf's SplitText also breaks at a non-breaking space. A word wider than w is broken
// where it must.
func (d *document) wrap(text string, w float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		cur := ""
		for _, word := range strings.Split(para, " ") {
			next := word
			if cur != "" {
				next = cur + " " + word
			}
			if d.pdf.GetStringWidth(next) <= w || cur == "" && word == "" {
				cur = next
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
			}
			cur = word
			for d.pdf.GetStringWidth(cur) > w && utf8.RuneCountInString(cur) > 1 {
				rs := []rune(cur)
				n := len(rs) - 1
				for n > 1 && d.pdf.GetStringWidth(string(rs[:n])) > w {
					n--
				}
				lines, cur = append(lines, string(rs[:n])), string(rs[n:])
			}
		}
		lines = append(lines, cur)
	}
	return lines
}
