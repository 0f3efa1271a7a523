package data

import (
	"slices"
	"strings"
)

// Academic and professional titles an expert's name may be typed with ("drs. P. Bakker",
// "prof. dr. H. Öztürk RA"). They belong in the expert's title fields, which the address
// prints, and not in the initials and surname, which the salutation uses: "Geachte drs. P.
// Bakker," and a surname "RA" came of them. A word is taken for a title only as titles are
// written, so that names are not: "M.R." are initials, "Ing" and "Ma" are names, "Aa" in
// "van der Aa" is a surname.
var (
	titlesBefore = []string{"prof", "dr", "drs", "mr", "ir", "ing", "ds", "bc", "kand"} // with their full stop
	titlesAfter  = []string{"RA", "AA", "RC", "RV", "RB", "CPA", "MSc", "MA", "BSc", "BA", "LLM", "LL.M.", "LLB", "MBA",
		"PhD", "Ph.D."} // as written, capitals and all
)

// SplitTitles parts a name into the titles typed before it, the name itself and the titles
// after it: "prof. dr. H. Öztürk RA" gives "prof. dr.", "H. Öztürk" and "RA". What stays is
// always a name with a surname: a title that would leave none is taken as a name.
func SplitTitles(name string) (before, rest, after string) {
	words := strings.Fields(name)
	first, last := 0, len(words)
	for first < last-1 && titleBefore(words[first]) {
		first++
	}
	for last > first+1 && slices.Contains(titlesAfter, words[last-1]) && !particle(words[last-2]) &&
		slices.ContainsFunc(words[first:last-1], func(w string) bool { return !initials(w) }) {
		last--
	}
	return strings.Join(words[:first], " "), strings.Join(words[first:last], " "), strings.Join(words[last:], " ")
}

// InitialsTitles splits the titles typed before initials or a first name from them: "mr. P."
// gives "mr." and "P.", "Mr drs J." gives "Mr drs" and "J.". A complainant and a representative
// have no fields for titles, so a title typed with their name stays with the initials: the
// address prints it, the salutation leaves it out, and it is no initial ("mr. P." is not
// "M.P."). A title alone is left as typed.
func InitialsTitles(initials string) (titles, rest string) {
	words := strings.Fields(initials)
	n := 0
	for n < len(words)-1 && (titleBefore(words[n]) || slices.Contains(titlesBefore, strings.ToLower(words[n]))) {
		n++
	}
	return strings.Join(words[:n], " "), strings.Join(words[n:], " ")
}

// Doctor reports whether titles hold a doctorate ("dr.", "prof. dr."; not "drs."), which an
// English salutation uses: "Dear Dr Jones,".
func Doctor(titles string) bool {
	for _, w := range strings.Fields(strings.ToLower(titles)) {
		if slices.Contains(strings.Split(strings.TrimSuffix(w, "."), "."), "dr") {
			return true
		}
	}
	return false
}

// titleBefore reports whether word is a title written before a name with its full stop, also
// several written together: "dr.", "Prof.", "prof.dr.".
func titleBefore(word string) bool {
	w := strings.ToLower(word)
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if !slices.Contains(titlesBefore, part) {
			return false
		}
	}
	return true
}

// initials reports whether word is initials only: "P.", "M.R.", "J.-P.".
func initials(word string) bool {
	for _, part := range strings.Split(strings.TrimSuffix(word, "."), ".") {
		if n := len([]rune(strings.Trim(part, "-"))); n != 1 {
			return false
		}
	}
	return strings.HasSuffix(word, ".")
}
