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
	// One pass over the complaints; each name once (the handler is nearly always the same).
	seen := map[string]bool{}
	err := scanRows(q, func(n *[4]string) []any { return []any{&n[0], &n[1], &n[2], &n[3]} }, func(names [4]string) {
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				nm.add(n)
			}
		}
	}, `SELECT `+peopleNames+` FROM complaints`)
	return nm, err
}

// peopleNames are the columns of a complaint that name a person, as knownPeople reads them.
const peopleNames = `complainant_name, rep_name, person_named, handler`

// changedComplaintsSQL reads the names of the complaints changed after an event and by the
// change so far. The event's range of the row notes is read through their primary key: by
// their index on table, the query would read every complaint's note of the register (at
// 100,000 complaints, half the generator's time went there).
const changedComplaintsSQL = `SELECT c.id, ` + peopleNames + ` FROM complaints c WHERE c.id IN (
	SELECT row_key FROM event_rows WHERE event_id > ? AND +tbl = 'complaints'
	UNION SELECT row_key FROM pending_rows WHERE tbl = 'complaints')`

// batchPeople is knownPeople kept up to date through a batch: the name words of every
// complaint, counted, so that a batch adding hundreds of measures to a register of 100,000
// complaints reads again only the complaints changed since the last check (the audit trail
// says which), not every complaint per measure. The mask it gives is knownPeople's.
type batchPeople struct {
	words  map[string]int      // name word: how many names of complaints hold it
	names  map[int64][4]string // complaint: the names it holds
	upTo   int64               // the newest event whose changes are counted
	loaded bool
}

// knownPeople is knownPeople(tx), from the batch's counted names inside a batch.
func (tx *Tx) knownPeople() (nameMask, error) {
	if tx.batch == nil {
		return knownPeople(tx)
	}
	bp := &tx.batch.people
	if !bp.loaded {
		*bp = batchPeople{words: map[string]int{}, names: map[int64][4]string{}, loaded: true}
		if err := tx.QueryRow(`SELECT coalesce(max(id), 0) FROM events`).Scan(&bp.upTo); err != nil {
			return nil, err
		}
		if err := bp.read(tx, `SELECT id, `+peopleNames+` FROM complaints`); err != nil {
			return nil, err
		}
	} else {
		// The complaints changed since: by events after upTo, and by this change so far.
		if err := bp.read(tx, changedComplaintsSQL, bp.upTo); err != nil {
			return nil, err
		}
		if err := tx.QueryRow(`SELECT coalesce(max(id), 0) FROM events`).Scan(&bp.upTo); err != nil {
			return nil, err
		}
	}
	nm := nameMask{}
	if err := nm.addPractice(tx); err != nil {
		return nil, err
	}
	for w, n := range bp.words {
		if n > 0 {
			nm[w] = true
		}
	}
	return nm, nil
}

// read counts the names of the complaints query returns instead of what they held before.
// Complaints are never removed, so a complaint not returned keeps its names.
func (bp *batchPeople) read(tx *Tx, query string, args ...any) error {
	type row struct {
		id    int64
		names [4]string
	}
	count := func(names [4]string, by int) {
		for _, n := range names {
			for w := range newNameMask(n) {
				bp.words[w] += by
			}
		}
	}
	return scanRows(tx, func(r *row) []any { return []any{&r.id, &r.names[0], &r.names[1], &r.names[2], &r.names[3]} }, func(r row) {
		count(bp.names[r.id], -1)
		count(r.names, 1)
		bp.names[r.id] = r.names
	}, query, args...)
}

// checkNoPerson refuses a measure's description that names a person the register knows,
// naming the word: a measure improves how the practice works, for everyone, and the annual
// report prints it.
func (tx *Tx) checkNoPerson(description string) error {
	return tx.namesNobody("description", description, Msg("de omschrijving"),
		Msg("beschrijf de verbetermaatregel zonder namen: hij verbetert de werkwijze van de praktijk en staat in het jaarverslag"))
}

// namesNobody refuses a text the practitioner was asked to write without names (field; what
// it is, and why without names) that names a person the register knows, naming the word:
// such a text outlives the complaint's personal data, in the annual report or the audit trail.
func (tx *Tx) namesNobody(field, text string, what, why Text) error {
	nm, err := tx.knownPeople()
	if err != nil {
		return err
	}
	if w := nm.find(text); w != "" {
		return invalid(field, "%s noemt %q, de naam van iemand in het register (een klager, gemachtigde, "+
			"betrokkene, behandelaar, deskundige, de praktijkhouder of een medewerker); %s", what, w, why)
	}
	return nil
}
