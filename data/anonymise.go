package data

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameMask is the set of name words that an anonymised text may not show: every word of two
// or more letters in the complainants' names, folded (lower case, accents off, so "Celik"
// matches "Çelik"), except the particles of surnames, titles of address and the "en" of "Jan
// en Marie Bakker", which are ordinary words too.
type nameMask map[string]bool

// newNameMask is the mask of the given names.
func newNameMask(names ...string) nameMask {
	nm := nameMask{}
	for _, n := range names {
		nm.add(n)
	}
	return nm
}

// add puts the words of one name in the mask; not the titles of address before it ("Dhr. en
// mevr. Jansen"), but a surname such as De Heer.
func (nm nameMask) add(name string) {
	words := strings.FieldsFunc(name, notWordRune)
	for i, w := range words {
		f := fold(w)
		if _, title := titleOfAddress(words[i:]); title > 0 && (i == 0 || slices.Contains([]string{"en", "and"}, fold(words[i-1]))) {
			continue // a title: only the name after it
		}
		if isNameWord(f) && !surnameParticles[f] && f != "en" && f != "and" {
			nm[f] = true
		}
	}
}

// isNameWord reports whether a folded word can be part of a name: two letters or more, no digits.
func isNameWord(f string) bool {
	n := 0
	for _, r := range f {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// matches reports whether word is a name word, or its genitive or plural with s: "Jansens",
// but not "Bos" for "Bo", because after a, i, o, u and y Dutch writes "Bo's".
func (nm nameMask) matches(word string) bool {
	f := fold(word)
	if nm[f] {
		return true
	}
	stem, ok := strings.CutSuffix(f, "s")
	if !ok || !nm[stem] {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	return !strings.ContainsRune("aiouy", last)
}

// namesNext reports whether a name may follow a folded word: a title of address ("mevrouw",
// "dhr", "heer") or the family ("fam.").
func namesNext(f string) bool {
	return titlesOfAddress[f] != "" || f == "heer" || f == "fam" || f == "familie"
}

// isName reports whether word is a name of the mask, where a name may stand (after a title,
// an initial or another name: see names) or not. A name word written with a capital is a name;
// in lower case too, unless it is an ordinary word (ordinaryWords) where no name is expected:
// "een klein dossier" is no Mrs Klein, "groen licht" no Mr Groen, but "met jansen
// gebeld" is Mr Jansen, and so is "de heer groen".
func (nm nameMask) isName(word string, nameHere bool) bool {
	if !nm.matches(word) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) || nameHere || !ordinaryWords[fold(word)]
}

// ordinaryWords are Dutch words that are common surnames or first names too ("ik ben", "hij
// wil"). Written in lower case where no name is expected they stay: the annual report printed "N.N." for them, and a measure
// describing "een klein dossier" was refused for naming Mrs Klein.
var ordinaryWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`klein groot lang lange kort sterk snel stil goed rijk arm hoog laag nieuw oud vrij
		blij vlug wijs recht zwart rood bruin blauw geel grijs groen wit jong heer boer bakker visser kok koster
		schipper timmerman slager molenaar kuiper brouwer schilder schrijver verver herder jager ruiter knecht meester
		koopman smid koning prins graaf keizer hoek berg brink dijk veen beek meer laan kerk molen heuvel veld hof dam
		brug haven zee water wal weg plas poort toren huis kamp hout steen staal goud zilver koper vis haan kat hond
		wolf vogel vink haas beer bok kraai mol mus snoek zwaan bos vos boom bloem roos eik linde riet gras hart
		mens man kind vriend vroeg laat winter zomer maan zon ster bril hamer pot pan kop kaas brood melk wijn
		zout peper ben wil lot fleur iris hoop storm mark mei april juni`) {
		ordinaryWords[w] = true
	}
}

// The replacements of what anonymising takes out.
const (
	maskedName     = "N.N."
	maskedEmail    = "[e-mail]"
	maskedPhone    = "[telefoon]"
	maskedPostcode = "[postcode]"
)

// mask anonymises a text written by the practice, such as a measure's description: e-mail
// addresses, phone numbers and Dutch postcodes go, and every word of a name in the mask, also
// as "Jansens" or "Bo's", becomes "N.N." (see isName).
func (nm nameMask) mask(text string) string {
	text = emailPattern.ReplaceAllString(text, maskedEmail)
	text = maskPhones(text)
	text = postcodePattern.ReplaceAllString(text, maskedPostcode)
	if len(nm) == 0 {
		return text
	}
	var b strings.Builder
	nm.names(text, func(before, word string, name bool) string {
		b.WriteString(before)
		if !name {
			b.WriteString(word)
			return ""
		}
		b.WriteString(maskedName)
		return "'s" // the genitive of "Bo's" and "Jansen's" goes with the name
	})
	out := b.String()
	for strings.Contains(out, maskedName+" "+maskedName) {
		out = strings.ReplaceAll(out, maskedName+" "+maskedName, maskedName)
	}
	return out
}

// find returns the first word of text that is a name word of the mask, or "".
func (nm nameMask) find(text string) string {
	found := ""
	nm.names(text, func(_, word string, name bool) string {
		if found == "" && name {
			found = word
		}
		return ""
	})
	return found
}

// names is words, telling each word whether it is a name (isName). A name is expected after
// a title, an initial ("J.", "Th.") or another name in the same run of words, looking back
// past the particles of a surname: "mevrouw de vries", "J. van dijk", "Sanne klein".
func (nm nameMask) names(text string, each func(before, word string, name bool) string) {
	prev, prevName, expect := "", false, false // prev: the last word that is no particle, until the next word
	nm.words(text, func(before, word string) string {
		if prev != "" {
			expect = prevName && strings.TrimSpace(before) == "" || namesNext(fold(prev)) || isInitial(prev, before)
			prev = ""
		}
		name := word != "" && nm.isName(word, expect)
		if word != "" && !surnameParticles[fold(word)] {
			prev, prevName = word, name
		}
		return each(before, word, name)
	})
}

// isInitial reports whether word, followed by after, is an initial: "J.", "Th.", or a capital
// on its own.
func isInitial(word, after string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	n := utf8.RuneCountInString(word)
	dotted := strings.HasPrefix(after, ".")
	return n == 1 && (dotted || unicode.IsUpper(r)) || n <= 3 && dotted && unicode.IsUpper(r)
}

// words hands each word of text to each, with the text between it and the previous word.
// When each returns a suffix such as "'s" that follows the word (with a straight or curly
// apostrophe) and ends there, the suffix is skipped as part of the word.
func (nm nameMask) words(text string, each func(before, word string) string) {
	start := 0 // of the text not yet handed on
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if notWordRune(r) {
			i += size
			continue
		}
		end := i + size
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if notWordRune(r) {
				break
			}
			end += size
		}
		suffix := each(text[start:i], text[i:end])
		start, i = end, end
		if suffix != "" {
			if n := genitiveLen(text[end:], suffix); n > 0 {
				start, i = end+n, end+n
			}
		}
	}
	each(text[start:], "")
}

// genitiveLen is the length of "'s" or "’s" at the start of rest when a word ends after it.
func genitiveLen(rest, suffix string) int {
	for _, apostrophe := range []string{"'", "’"} {
		s := apostrophe + strings.TrimPrefix(suffix, "'")
		if strings.HasPrefix(rest, s) {
			next, _ := utf8.DecodeRuneInString(rest[len(s):])
			if len(rest) == len(s) || notWordRune(next) {
				return len(s)
			}
		}
	}
	return 0
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// surnameParticles are the particles of surnames (tussenvoegsels) and their foreign kin: they
// are ordinary words too, so they are never masked.
var surnameParticles = map[string]bool{}

func init() {
	for _, p := range strings.Fields(`van de der den het t ter ten te op in aan bij uit la le les du des da das
		di do dos del von zu zum zur am el al`) {
		surnameParticles[p] = true
	}
}

var (
	emailPattern = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`)
	// postcodePattern is a Dutch postcode: four digits, the first not 0, and two capitals.
	postcodePattern = regexp.MustCompile(`\b[1-9][0-9]{3} ?[A-Z]{2}\b`)
	// phonePattern finds what may be a phone number: international (+31 6 1234 5678,
	// +31 (0)30-123 45 67, 0031 6 12345678) or Dutch (06-12345678, (030) 123 45 67,
	// 0301234567). Each digit may follow up to three separators; maskPhones checks the count.
	phonePattern = regexp.MustCompile(`(?:\+|\b00)[1-9]\d{0,2}(?:[ \-./]*\(0\))?(?:[ \-./()]{0,3}\d){6,13}` +
		`|(?:\(0\d{1,3}\)|\b0\d{1,3})(?:[ \-./()]{0,3}\d){5,12}`)
	// datePattern is a date such as 01-03-2025, which phonePattern would otherwise take for a number.
	datePattern = regexp.MustCompile(`\d{1,2}[\-./]\d{1,2}[\-./]\d{2,4}`)
)

// maskPhones replaces phone numbers in text: international ones of 8 to 15 digits, Dutch
// ones of exactly 10 digits starting with 0. A date, or a run of digits that goes on, is no
// phone number.
func maskPhones(text string) string {
	var b strings.Builder
	pos := 0
	for pos < len(text) {
		loc := phonePattern.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if end = phoneEnd(text, start, end); end < 0 {
			b.WriteString(text[pos : start+1]) // the match begins with an ASCII byte
			pos = start + 1
			continue
		}
		b.WriteString(text[pos:start])
		b.WriteString(maskedPhone)
		pos = end
	}
	b.WriteString(text[pos:])
	return b.String()
}

// phoneEnd checks the candidate text[start:end] and returns where the phone number ends,
// or -1 when it is not one.
func phoneEnd(text string, start, end int) int {
	if attached(text[:start]) {
		return -1 // the middle of a word, a longer number or a code such as K-2025-0007
	}
	m := text[start:end]
	if datePattern.MatchString(m) {
		return -1
	}
	international := m[0] == '+' || strings.HasPrefix(m, "00")
	m = strings.Replace(m, "(0)", "", 1)
	digits := 0
	for _, r := range m {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if international {
		if strings.HasPrefix(m, "00") {
			digits -= 2
		}
		if digits < 8 || digits > 15 {
			return -1
		}
		return end
	}
	if digits < 10 {
		return -1
	}
	// A Dutch number has ten digits; a longer match may have run on into the next number.
	seen := 0
	for i := start; i < end; i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			if seen++; seen == 10 {
				if i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
					return -1
				}
				return i + 1
			}
		}
	}
	return -1
}

// attached reports whether what follows before is attached to it: before ends in a letter or
// a digit, or in a digit and a hyphen, dot or slash ("K-2025-0007"; "tel.0612345678" is free).
func attached(before string) bool {
	prev, size := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("-./", prev) {
		prev, _ = utf8.DecodeLastRuneInString(before[:len(before)-size])
		return unicode.IsDigit(prev)
	}
	return before != "" && !notWordRune(prev)
}

// foldRunes are the accented and special Latin letters of names, in lower case, with their
// plain spelling: é is e, ü is u, ł is l, ß is ss.
var foldRunes = map[rune]string{}

func init() {
	for plain, accented := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđð", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥħ",
		"i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
		"ae": "æ", "oe": "œ", "ss": "ß", "th": "þ", "ij": "ĳ",
	} {
		for _, r := range accented {
			foldRunes[r] = plain
		}
	}
}

// fold writes s in lower case without accents, so names and codes compare as people read
// them: "Çelik" and "celik", "IJsbrand" and "Ĳsbrand".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii { // most names: no need to look letters up
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch f, ok := foldRunes[r]; {
		case ok:
			b.WriteString(f)
		case unicode.Is(unicode.Mn, r): // a combining accent of a decomposed letter
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
