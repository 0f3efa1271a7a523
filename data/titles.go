package data

import "strings"

// Academic and professional titles an expert's name may be typed with ("drs. P. Bakker",
// "prof. dr. H. Öztürk RA"). They belong in the expert's title fields, which the address
// prints, and not in the initials and surname, which the salutation uses: "Geachte drs. P.
// Bakker," and a surname "RA" came of them.
var (
	titlesBefore = map[string]bool{"prof": true, "dr": true, "drs": true, "mr": true, "ir": true, "ing": true,
		"ds": true, "bc": true, "kand": true}
	titlesAfter = map[string]bool{"ra": true, "aa": true, "msc": true, "ma": true, "bsc": true, "ba": true, "llm": true,
		"llb": true, "mba": true, "phd": true, "rc": true, "rv": true, "rb": true, "cpa": true}
)

// SplitTitles parts a name into the titles typed before it, the name itself and the titles
// after it: "prof. dr. H. Öztürk RA" gives "prof. dr.", "H. Öztürk" and "RA". A name of
// titles alone stays the name.
func SplitTitles(name string) (before, rest, after string) {
	words := strings.Fields(name)
	first, last := 0, len(words)
	for first < last-1 && isTitle(words[first], titlesBefore) {
		first++
	}
	for last > first+1 && isTitle(words[last-1], titlesAfter) {
		last--
	}
	return strings.Join(words[:first], " "), strings.Join(words[first:last], " "), strings.Join(words[last:], " ")
}

// isTitle reports whether word is a title of the set, also when written together or
// without its dots: "prof.dr.", "Dr", "Ph.D.", "LL.M.".
func isTitle(word string, set map[string]bool) bool {
	w := strings.ToLower(word)
	if set[strings.ReplaceAll(w, ".", "")] {
		return true
	}
	parts := strings.Split(strings.TrimSuffix(w, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !set[p] {
			return false
		}
	}
	return true
}
