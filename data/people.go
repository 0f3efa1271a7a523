package data

// The annual report names nobody, and a measure's description, which it prints, may name
// nobody either: not the complainants, their representatives, the persons complaints concern,
// the handlers, the experts, the practitioner nor the staff listed in the setting staff_names.

// addPractice adds the people the register knows apart from its complaints: the experts, the
// practitioner and the staff.
func (nm nameMask) addPractice(q querier) error {
	set, err := settings(q)
	if err != nil {
		return err
	}
	nm.add(set.PractitionerName())
	for _, n := range set.StaffNames() {
		nm.add(n)
	}
	return scanRows(q, func(s *string) []any { return []any{s} }, func(s string) { nm.add(s) }, `SELECT name FROM experts`)
}

// knownPeople is the mask of every person the register knows.
func knownPeople(q querier) (nameMask, error) {
	nm := nameMask{}
	if err := nm.addPractice(q); err != nil {
		return nil, err
	}
	err := scanRows(q, func(s *string) []any { return []any{s} }, func(s string) { nm.add(s) },
		`SELECT complainant_name FROM complaints UNION SELECT rep_name FROM complaints
		UNION SELECT person_named FROM complaints UNION SELECT handler FROM complaints`)
	return nm, err
}

// checkNoPerson refuses a measure's description that names a person the register knows,
// naming the word: a measure improves how the practice works, for everyone, and the annual
// report prints it.
func (tx *Tx) checkNoPerson(description string) error {
	nm, err := knownPeople(tx)
	if err != nil {
		return err
	}
	if w := nm.find(description); w != "" {
		return invalid("description", "de omschrijving noemt %q, de naam van iemand in het register (een klager, gemachtigde, "+
			"betrokkene, behandelaar, deskundige, de praktijkhouder of een medewerker); beschrijf de verbetermaatregel zonder namen: "+
			"hij verbetert de werkwijze van de praktijk en staat in het jaarverslag", w)
	}
	return nil
}
