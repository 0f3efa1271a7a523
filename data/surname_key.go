package data

import (
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"
)

// surnameKeyFunc is the SQL function the register sorts complainants by: the complainant
// index of migration 0019 is on it. It must give the same key for the same names in every
// version; a change needs a migration that rebuilds that index (REINDEX).
const surnameKeyFunc = "klrg_surname_key"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(surnameKeyFunc, 2, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		surname, _ := args[0].(string)
		name, _ := args[1].(string)
		return surnameKey(surname, name), nil
	})
}

// surnameKey is the name a complainant sorts by, as a Dutch practice files its clients: the
// surname without its tussenvoegsel ("de Boer" under B, "van 't Hoff" under H, "el-Amrani"
// under A), in lower case without accents ("Çelik" under C, "Ĳzerman" under IJ), then the
// full name. A tussenvoegsel written with a capital stays, as in Belgium ("De Smet" under D).
// A complaint without a surname (registered before migration 0009) sorts by the surname its
// name proposes.
func surnameKey(surname, name string) string {
	if strings.TrimSpace(surname) == "" {
		surname = ProposeName(name).Surname
	}
	words := strings.Fields(surname)
	for len(words) > 1 && lowerParticle(words[0]) {
		words = words[1:]
	}
	sorting := strings.Join(words, " ")
	if first, rest, ok := strings.Cut(sorting, "-"); ok && rest != "" && lowerParticle(first) {
		sorting = rest
	}
	return fold(sorting) + "\x01" + fold(name)
}

// lowerParticle reports whether word is a tussenvoegsel written in lower case: "van", "'t", "‘t".
func lowerParticle(word string) bool {
	w := strings.Trim(word, "'’‘")
	return w == strings.ToLower(w) && (surnameParticles[w] || w == "t")
}
