package data

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Salutation is how a letter addresses a person: "Geachte mevrouw Van den Broek,", "Geachte
// heer De Vries," or, when neither fits or is known, with the full name: "Geachte Sam de Vries,".
type Salutation string

// The salutations.
const (
	SalutationMrs     Salutation = "mevrouw"
	SalutationMr      Salutation = "heer"
	SalutationNeutral Salutation = "neutral"
)

// Salutations lists every salutation in display order.
var Salutations = []Salutation{SalutationMrs, SalutationMr, SalutationNeutral}

// Label is the salutation in the practitioner's words.
func (s Salutation) Label() string {
	return map[Salutation]string{SalutationMrs: "mevrouw", SalutationMr: "de heer", SalutationNeutral: "neutraal (voornaam en achternaam)"}[s]
}

// ParseSalutation checks a salutation as typed on the CLI.
func ParseSalutation(s string) (Salutation, error) {
	v := Salutation(strings.TrimSpace(s))
	if !slices.Contains(Salutations, v) {
		return "", invalid("salutation", "onbekende aanhef %q; kies uit %s", s, joinAll(Salutations))
	}
	return v, nil
}

// NameParts are the parts of a person's name that a letter needs: the salutation, the
// initials or first name, and the surname with its tussenvoegsel ("van den Broek"). The full
// name stays as typed, for the register.
type NameParts struct {
	Salutation Salutation `json:"salutation"`
	Initials   string     `json:"initials"` // initials ("A.S.") or first name ("Anne-Sophie")
	Surname    string     `json:"surname"`  // with tussenvoegsel in lower case: "van den Broek"
}

// ProposeName splits a full name into a first proposal the practitioner can correct: the
// words before the first tussenvoegsel as the first name, and the surname from there on
// ("Anne-Sophie van den Broek"), or the last word as the surname when there is none. The salutation is
// neutral, as a name does not tell how someone wishes to be addressed, unless the name as
// typed starts with one ("mw. J. de Vries", "De heer Jansen"): that title then proposes the
// salutation and is left out of the parts, which the letters put it before themselves.
func ProposeName(full string) NameParts {
	words := strings.Fields(full)
	salutation := SalutationNeutral
	s, n := titleOfAddress(words)
	if len(words) > 1 && words[0] == englishMister {
		n = max(n, 1) // "Mr and Mrs Smith" too
	}
	if n > 0 && n < len(words) && twoPeople(words[n:]) { // "Dhr. en mevr. Jansen": the letters use the names as typed
		return NameParts{Salutation: SalutationNeutral}
	}
	if n > 0 && n < len(words) && s != "" {
		salutation, words = s, words[n:]
	}
	if len(words) == 0 {
		return NameParts{Salutation: salutation}
	}
	if len(words) == 1 {
		return NameParts{Salutation: salutation, Surname: words[0]}
	}
	split := len(words) - 1
	for i := 0; i < len(words)-1; i++ {
		// A name that starts with one ("De Vries") has no first name; a double name whose
		// second part has one ("Bakker-de Wit") starts at its first part.
		if particle(words[i]) || hyphenedParticle(words[i:]) {
			split = i
			break
		}
	}
	return NameParts{Salutation: salutation, Initials: strings.Join(words[:split], " "),
		Surname: strings.Join(words[split:], " ")}
}

// hyphenedParticle reports whether words start with a double surname whose second part
// starts with a tussenvoegsel, written as Dutch writes it: its first part with a capital, the
// tussenvoegsel in lower case, and then only tussenvoegsels and the last word: "Bakker-de Wit",
// "Jansen-van der Berg"; not the first names "Marie-Do" and "Nour-el Houda Benali".
func hyphenedParticle(words []string) bool {
	word := words[0]
	i := strings.LastIndex(word, "-")
	if i <= 0 || !unicode.IsUpper([]rune(word)[0]) || word[i+1:] != strings.ToLower(word[i+1:]) || !particle(word[i+1:]) {
		return false
	}
	for _, w := range words[1 : len(words)-1] {
		if !particle(w) {
			return false
		}
	}
	return true
}

func particle(word string) bool {
	return surnameParticles[strings.ToLower(strings.Trim(word, "'’"))] || strings.EqualFold(word, "'t")
}

// titlesOfAddress are the ways a name may be typed with its title of address before it. Not
// "mr.": in Dutch that is the lawyer's title (meester), not "Mister".
var titlesOfAddress = map[string]Salutation{"mevrouw": SalutationMrs, "mevr": SalutationMrs, "mw": SalutationMrs,
	"mej": SalutationMrs, "mejuffrouw": SalutationMrs, "mrs": SalutationMrs, "ms": SalutationMrs,
	"heer": SalutationMr, "dhr": SalutationMr, "meneer": SalutationMr}

// englishMister is "Mr" as English writes it, without a full stop and before a first name
// ("Mr John Smith"); with a full stop ("mr.", "Mr."), or before initials or another title ("Mr
// A. Bakker", "Mr drs. J. Jansen"), it is the Dutch lawyer's title (meester).
const englishMister = "Mr"

// misterBefore reports whether word, following "Mr", is a first name rather than initials or
// a title.
func misterBefore(word string) bool {
	r := []rune(word)
	return len(r) > 1 && unicode.IsUpper(r[0]) && !strings.Contains(word, ".") &&
		!slices.Contains(titlesBefore, strings.ToLower(word))
}

// withoutTitle is name without a title of address typed before it ("mevrouw Joke van den
// Berg", "De heer J. Bakker"); a title alone, or the names of two people ("Dhr. en mevr.
// Jansen", "Mevrouw Jansen en de heer Pietersen"), stay as typed.
func withoutTitle(name string) string {
	words := strings.Fields(name)
	_, n := titleOfAddress(words)
	if n == 0 || n == len(words) {
		return name
	}
	if twoPeople(words[n:]) {
		return name
	}
	return strings.Join(words[n:], " ")
}

// twoPeople reports whether the words after a title of address name more than one person:
// "en mevr. Jansen", "and Mrs Smith", "Jansen en de heer Pietersen".
func twoPeople(words []string) bool {
	for i, w := range words {
		if _, title := titleOfAddress(words[i:]); title > 0 || slices.Contains([]string{"en", "&", "/", "and"}, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// titleOfAddress is the salutation that the first words of a name give, and how many words
// that title takes: "mw." and "De heer" give mevrouw, 1 and heer, 2.
func titleOfAddress(words []string) (Salutation, int) {
	word := func(i int) string { return strings.ToLower(strings.TrimSuffix(words[i], ".")) }
	switch {
	case len(words) > 1 && word(0) == "de" && word(1) == "heer":
		return SalutationMr, 2
	case len(words) > 0 && titlesOfAddress[word(0)] != "":
		return titlesOfAddress[word(0)], 1
	case len(words) > 2 && words[0] == englishMister && misterBefore(words[1]):
		return SalutationMr, 1
	}
	return "", 0
}

// check fills in a proposal where the parts are empty and checks what was typed; prefix
// names the form fields ("" for the complainant, "rep_" for the representative).
// A title typed before the name ("mevrouw Joke van den Berg") is taken off it: the name is how
// the person signs, on the consent form, and the title is the salutation's.
func (n *NameParts) check(prefix string, name *string) error {
	n.Initials, n.Surname = strings.TrimSpace(n.Initials), strings.TrimSpace(n.Surname)
	n.Salutation = Salutation(strings.TrimSpace(string(n.Salutation)))
	if *name == "" {
		*n = NameParts{}
		return nil
	}
	proposal := ProposeName(*name) // its salutation from the title, before that goes
	*name = withoutTitle(*name)
	if n.Surname == "" {
		n.Surname = proposal.Surname
		if n.Initials == "" {
			n.Initials = proposal.Initials
		}
	}
	if n.Salutation == "" {
		n.Salutation = proposal.Salutation
	}
	if !slices.Contains(Salutations, n.Salutation) {
		return invalid(prefix+"salutation", "onbekende aanhef %q; kies uit %s", string(n.Salutation), joinAll(Salutations))
	}
	if utf8.RuneCountInString(n.Initials) > 300 || utf8.RuneCountInString(n.Surname) > 300 {
		return invalid(prefix+"surname", "de voorletters of de achternaam zijn te lang (maximaal 300 tekens)")
	}
	return nil
}

// longInitials are the initials of more than one letter, as typed before their full stop.
var longInitials = []string{"Th", "Ph", "Ch", "Chr", "Sj", "Joh", "Wm"}

// initialWord is a first name or an initial, with the full stop after it when there is one.
var initialWord = regexp.MustCompile(`([^\s.\-]+)(\.?)`)

// Abbreviated writes a first name or initials as initials: "Anne-Sophie" and "A.S." give
// "A.S.". The initials Dutch writes with more than one letter, Th., Ph., Ch., Chr., Sj., Joh.
// and Wm. ("M.A.Th."), stay so when typed with their full stop; capitals typed together are
// initials each ("JW." gives "J.W.").
func Abbreviated(initials string) string {
	var b strings.Builder
	for _, m := range initialWord.FindAllStringSubmatch(initials, -1) {
		w, dotted := m[1], m[2] != ""
		r, _ := utf8.DecodeRuneInString(w)
		switch upper := strings.ToUpper(w); {
		case strings.HasPrefix(upper, "IJ") || r == 'Ĳ' || r == 'ĳ':
			b.WriteString("IJ.") // Dutch keeps the IJ together: IJsbrand is IJ.
		case dotted && slices.Contains(longInitials, w):
			b.WriteString(w + ".")
		case dotted && utf8.RuneCountInString(w) <= 3 && !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }):
			for _, r := range w {
				b.WriteRune(r)
				b.WriteByte('.')
			}
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToUpper(r))
			b.WriteByte('.')
		}
	}
	return b.String()
}

// CapitalSurname writes the surname as it stands without initials before it: the first
// tussenvoegsel gets a capital ("Van den Broek", "De Vries").
func CapitalSurname(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
