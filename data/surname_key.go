package data

import (
	"database/sql/driver"
	"strings"
	"unicode/utf8"

	"modernc.org/sqlite"
)

// surnameKeyFunc is the SQL function the register sorts complainants by: the complainant
// index of migration 0019 stores its keys. It must give the same key for the same names in
// every version of the app, or the index no longer matches its rows (the register sorts wrong,
// and the integrity check of verify and of every backup fails). Hence its own frozen word
// list and letter table below, not the ones masking and letters use and may improve; a
// change needs a migration that rebuilds the index (REINDEX complaints_complainant).
const surnameKeyFunc = "klrg_surname_key"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(surnameKeyFunc, 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		return surnameKey(sqlText(args[0]), sqlText(args[1])), nil
	})
}

// sqlText is an SQL value as text: the names are TEXT, but a BLOB reads the same.
func sqlText(v driver.Value) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// surnameKey is the name a complainant sorts by, as a Dutch practice files its clients: the
// surname without its tussenvoegsel ("de Boer" under B, "van 't Hoff" under H, "el-Amrani"
// under A), in lower case without accents ("Çelik" under C, "Ĳzerman" under IJ), then the
// full name. A tussenvoegsel with a capital after a first name stays, as in Belgium ("Jan De
// Smet" under D); "De Vries" alone files under V. A complaint without a surname (registered
// before migration 0009) sorts by the surname in its name.
func surnameKey(surname, name string) string {
	words := strings.Fields(surname)
	if len(words) == 0 {
		words = surnameOf(strings.Fields(name))
	}
	// Whether the surname stands alone counts only for a tussenvoegsel with a capital.
	all := strings.Join(words, " ")
	alone := func() bool { return sortFold(all) == sortFold(strings.Join(strings.Fields(name), " ")) }
	for len(words) > 1 && sortParticle(words[0], alone) {
		words = words[1:]
	}
	sorting := strings.Join(words, " ")
	if first, rest, ok := strings.Cut(sorting, "-"); ok && rest != "" && sortParticle(first, alone) {
		sorting = rest
	}
	return sortFold(sorting) + "\x01" + sortFold(name)
}

// surnameOf is the surname in a full name: from its first tussenvoegsel, or its last word.
func surnameOf(words []string) []string {
	for i, w := range words[:max(len(words)-1, 0)] {
		if sortParticle(w, func() bool { return true }) {
			return words[i:]
		}
	}
	return words[max(len(words)-1, 0):]
}

// sortParticle reports whether word is a tussenvoegsel that does not count for the order: in
// lower case, or with a capital where the surname stands alone. Any apostrophe: 't, ’t, ‘t.
func sortParticle(word string, alone func() bool) bool {
	w := strings.Trim(word, "'’‘")
	lower := sortFold(w)
	return sortParticles[lower] && (w == lower || alone())
}

// sortParticles are the tussenvoegsels the sort leaves out (frozen: see surnameKeyFunc).
var sortParticles = map[string]bool{}

// sortLetters are the accented and special Latin letters of names, both cases, with their
// plain lower-case spelling (frozen: see surnameKeyFunc).
var sortLetters = map[rune]string{}

func init() {
	for _, p := range strings.Fields(`van de der den het t ter ten te op in aan bij uit la le les du des da das
		di do dos del von zu zum zur am el al`) {
		sortParticles[p] = true
	}
	for plain, accented := range map[string]string{
		"a": "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "c": "çćĉċčÇĆĈĊČ", "d": "ďđðĎĐÐ", "e": "èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "g": "ĝğġģĜĞĠĢ",
		"h": "ĥħĤĦ", "i": "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "j": "ĵĴ", "k": "ķĶ", "l": "ĺļľŀłĹĻĽĿŁ", "n": "ñńņňŉÑŃŅŇ",
		"o": "òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "r": "ŕŗřŔŖŘ", "s": "śŝşšșŚŜŞŠȘ", "t": "ţťŧțŢŤŦȚ", "u": "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ",
		"w": "ŵŴ", "y": "ýÿŷÝŸŶ", "z": "źżžŹŻŽ", "ae": "æÆ", "oe": "œŒ", "ss": "ß", "th": "þÞ", "ij": "ĳĲ",
	} {
		for _, r := range accented {
			sortLetters[r] = plain
		}
	}
}

// sortFold is s in lower case without accents, by the frozen table: A–Z and the letters of
// sortLetters; any other letter stays as it is.
func sortFold(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii { // most names: no need to look letters up
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch plain, ok := sortLetters[r]; {
		case ok:
			b.WriteString(plain)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + ('a' - 'A'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
