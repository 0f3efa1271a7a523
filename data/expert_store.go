package data

import (
	"database/sql"
	"errors"
)

// SaveExpert adds an expert (ID 0) or updates one, for instance when the signed
// confidentiality statement comes back. It returns the expert's ID.
func (s *Store) SaveExpert(e Expert) (int64, error) {
	err := s.update(func(tx *Tx) error {
		set, err := settings(tx)
		if err != nil {
			return err
		}
		if err := e.Validate(tx.today(), set); err != nil {
			return err
		}
		kind := "expert_added"
		if e.ID == 0 {
			res, err := tx.Exec(`INSERT INTO experts (name, organisation, email, confidentiality_signed_on) VALUES (?, ?, ?, ?)`,
				e.Name, e.Organisation, e.Email, e.SignedOn)
			if err != nil {
				return err
			}
			e.ID, _ = res.LastInsertId()
		} else {
			kind = "expert_edited"
			res, err := tx.Exec(`UPDATE experts SET name = ?, organisation = ?, email = ?, confidentiality_signed_on = ? WHERE id = ?`,
				e.Name, e.Organisation, e.Email, e.SignedOn, e.ID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return notFound("deskundige %d bestaat niet", e.ID)
			}
		}
		if _, err := tx.Exec(`UPDATE experts SET salutation = ?, initials = ?, surname = ?, title = ?, title_after = ?,
			address_line1 = ?, address_line2 = ?, postcode = ?, city = ?, country = ? WHERE id = ?`, e.Salutation, e.Initials,
			e.Surname, e.Title, e.TitleAfter, e.AddressLine1, e.AddressLine2, e.Postcode, e.City, e.Country, e.ID); err != nil {
			return err
		}
		return tx.event(0, kind, e)
	})
	return e.ID, err
}

const expertColumns = `id, name, organisation, email, confidentiality_signed_on, salutation, initials, surname, title,
	title_after, address_line1, address_line2, postcode, city, country`

func expertDest(e *Expert) []any {
	return []any{&e.ID, &e.Name, &e.Organisation, &e.Email, &e.SignedOn, &e.Salutation, &e.Initials, &e.Surname, &e.Title,
		&e.TitleAfter, &e.AddressLine1, &e.AddressLine2, &e.Postcode, &e.City, &e.Country}
}

// Experts lists every expert by name.
func (s *Store) Experts() ([]Expert, error) {
	rows, err := s.reads().Query(`SELECT ` + expertColumns + ` FROM experts ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Expert
	for rows.Next() {
		var e Expert
		if err := rows.Scan(expertDest(&e)...); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// fileDocuments names the documents of complaint id, by id: letters as "ontvangstbevestiging,
// versie 1", attachments by file name. They check that picked ids belong to the complaint.
func fileDocuments(q querier, id int64) (DocumentNames, error) {
	n := DocumentNames{Letters: map[int64]Text{}, Attachments: map[int64]string{}, notOffered: map[int64]bool{}}
	err := scanRows(q, func(l *Letter) []any { return []any{&l.ID, &l.Kind, &l.Version, &l.SentOn} }, func(l Letter) {
		n.Letters[l.ID] = letterName(l.Kind, l.Version)
		n.notOffered[l.ID] = !l.Offered()
	}, `SELECT id, kind, version, sent_on FROM letters WHERE complaint_id = ?`, id)
	if err != nil {
		return n, err
	}
	err = scanRows(q, func(a *Attachment) []any { return []any{&a.ID, &a.Name} }, func(a Attachment) {
		n.Attachments[a.ID] = a.Name
	}, `SELECT id, name FROM attachments WHERE complaint_id = ?`, id)
	return n, err
}

// checkPicked refuses a letter or attachment id that is not in complaint ref's file, and a
// letter the complainant did not receive (Letter.Offered), which the consent form does not offer.
func checkPicked(ref string, d Documents, names DocumentNames) error {
	for _, id := range d.Letters {
		if _, ok := names.Letters[id]; !ok {
			return notFound("brief %d hoort niet bij klacht %s; 'letters %s' toont de brieven met hun ID", id, ref, ref)
		}
		if names.notOffered[id] {
			return invalid("letter", "brief %d (%s) heeft de klager niet gekregen: nog niet verstuurd, of de geheimhoudingsverklaring van een deskundige; kies de verstuurde brieven aan de klager of de bijlagen", id, names.Letters[id])
		}
	}
	for _, id := range d.Attachments {
		if _, ok := names.Attachments[id]; !ok {
			return notFound("bijlage %d hoort niet bij klacht %s; 'show %s' toont de bijlagen met hun ID", id, ref, ref)
		}
	}
	return nil
}

// insertDocuments writes the ids of d into table (consent_documents or share_documents) for row.
func (tx *Tx) insertDocuments(table, column string, row int64, d Documents) error {
	for _, id := range d.Letters {
		if _, err := tx.Exec(`INSERT INTO `+table+` (`+column+`, letter_id) VALUES (?, ?)`, row, id); err != nil {
			return err
		}
	}
	for _, id := range d.Attachments {
		if _, err := tx.Exec(`INSERT INTO `+table+` (`+column+`, attachment_id) VALUES (?, ?)`, row, id); err != nil {
			return err
		}
	}
	return nil
}

// GiveConsent records the complainant's answer to the request for consent to share copies of
// documents with experts: given for every document or for the letters and attachments the
// complainant ticked on the form, or refused (c.Refused). The latest answer counts.
func (s *Store) GiveConsent(ref string, c Consent) error {
	if err := cleanTexts(textField{"how", &c.How, lineRule.as("hoe de klager heeft geantwoord")}); err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		comp, err := tx.consultable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("given_on", &c.GivenOn, comp, tx.today()); err != nil {
			return err
		}
		if err := consentRefusal(ref, c); err != nil {
			return err
		}
		names, err := fileDocuments(tx, comp.ID)
		if err != nil {
			return err
		}
		if err := checkPicked(ref, c.Documents, names); err != nil {
			return err
		}
		scope := names.Describe(c.Documents)
		c.Scope = scope.String()
		if c.Refused {
			c.Scope = "geen stukken (toestemming geweigerd)"
		}
		res, err := tx.Exec(`INSERT INTO consents (complaint_id, given_on, how, scope, refused, all_documents) VALUES (?, ?, ?, ?, ?, ?)`,
			comp.ID, c.GivenOn, c.How, c.Scope, c.Refused, c.All)
		if err != nil {
			return err
		}
		c.ID, _ = res.LastInsertId()
		if err := tx.insertDocuments("consent_documents", "consent_id", c.ID, c.Documents); err != nil {
			return err
		}
		kind := "consent_given"
		if c.Refused {
			kind = "consent_refused"
		}
		// The documents also as a Text, so the timeline can name them in the screens' language.
		return tx.event(comp.ID, kind, struct {
			Consent
			ScopeText Text `json:"scope_text"`
		}{c, scope})
	})
}

// consultable loads complaint ref for a change about consent, statements or shares, refusing
// what its file does not allow (see StepRefusal: a closed, withdrawn or anonymous complaint).
func (tx *Tx) consultable(ref string) (*Complaint, error) {
	c, err := getComplaint(tx, ref)
	if err != nil {
		return nil, err
	}
	return c, StepRefusal(Facts{Complaint: *c}, ActionConsultExpert)
}

// withdrawRefusal says why no consent in force on the day on can be withdrawn: when the
// consent in force was given after that day, which day to give instead.
func withdrawRefusal(tx *Tx, comp *Complaint, on Date) error {
	all, err := readConsents(tx, comp.ID, Date{})
	if err != nil {
		return err
	}
	if n := len(all); n > 0 && all[n-1].State() == ConsentGiven && all[n-1].GivenOn.After(on) {
		return invalid("on", "de toestemming bij klacht %s is gegeven op %s; vul als datum van de intrekking die dag of een latere dag in", comp.Reference, all[n-1].GivenOn)
	}
	return conflict("bij klacht %s is op %s geen toestemming vastgelegd die kan worden ingetrokken", comp.Reference, on)
}

// WithdrawConsent records that the complainant withdrew the consent in force: the latest
// answer, when it gave consent. Experts who received copies under it now hold them without
// consent: the event names them, and CopiesOut lists them until their return is recorded.
func (s *Store) WithdrawConsent(ref string, on Date) error {
	return s.update(func(tx *Tx) error {
		comp, err := tx.consultable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("on", &on, comp, tx.today()); err != nil {
			return err
		}
		consents, err := readConsents(tx, comp.ID, on)
		if err != nil {
			return err
		}
		n := len(consents)
		if n == 0 || consents[n-1].State() != ConsentGiven {
			return withdrawRefusal(tx, comp, on)
		}
		if _, err := tx.Exec(`UPDATE consents SET withdrawn_on = ? WHERE id = ?`, on, consents[n-1].ID); err != nil {
			return err
		}
		// The experts who hold copies now, to be asked to return or destroy them (CopiesOut).
		out, err := copiesOut(tx, comp.ID, false)
		if err != nil {
			return err
		}
		payload := map[string]any{"on": on.String()}
		if len(out) > 0 {
			names := make([]string, len(out))
			for i, o := range out {
				names[i] = o.Expert
			}
			payload["copies_with"] = names
		}
		return tx.event(comp.ID, "consent_withdrawn", payload)
	})
}

// RecordStatement records that expertID signed the confidentiality statement for complaint
// ref on the day signed, in answer to the latest statement letter made for them for it.
func (s *Store) RecordStatement(ref string, expertID int64, signed Date) error {
	return s.update(func(tx *Tx) error {
		comp, err := tx.consultable(ref)
		if err != nil {
			return err
		}
		st := Statement{ExpertID: expertID, SignedOn: signed}
		if st.ExpertName, err = expertName(tx, expertID); err != nil {
			return err
		}
		var dated Date // the statement's date: the expert signs it on or after it
		l, err := scanLetter(tx.QueryRow(`SELECT `+letterSelect()+` FROM letters l JOIN complaints c ON c.id = l.complaint_id
			WHERE l.complaint_id = ? AND l.kind = ? AND l.expert_id = ? ORDER BY l.version DESC LIMIT 1`, comp.ID, LetterConfidentiality, expertID))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil {
			st.LetterID, dated = l.ID, l.DatedOn
		}
		if err := statementRefusal(ref, st.ExpertName, dated, signed, tx.today()); err != nil {
			return err
		}
		res, err := tx.Exec(`INSERT INTO statements (complaint_id, expert_id, letter_id, signed_on) VALUES (?, ?, ?, ?)`,
			comp.ID, expertID, st.LetterID, signed)
		if err != nil {
			return err
		}
		st.ID, _ = res.LastInsertId()
		return tx.event(comp.ID, "statement_signed", st)
	})
}

func expertName(q querier, id int64) (string, error) {
	var name string
	err := q.QueryRow(`SELECT name FROM experts WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("deskundige %d bestaat niet; 'experts' toont de nummers", id)
	}
	return name, err
}

// ShareDocuments logs that copies of the picked letters and attachments went to an expert. It
// is refused as shareRefusal says: on a closed or withdrawn complaint, without a statement the
// expert signed for this complaint, without consent in force, or for documents the consent
// does not name.
func (s *Store) ShareDocuments(ref string, sh Share) (int64, error) {
	err := s.update(func(tx *Tx) error {
		comp, err := tx.consultable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("shared_on", &sh.SharedOn, comp, tx.today()); err != nil {
			return err
		}
		if sh.ExpertName, err = expertName(tx, sh.ExpertID); err != nil {
			return err
		}
		names, err := fileDocuments(tx, comp.ID)
		if err != nil {
			return err
		}
		if err := checkPicked(ref, sh.picked(), names); err != nil {
			return err
		}
		var signed Date
		if err := tx.QueryRow(`SELECT min(signed_on) FROM statements WHERE complaint_id = ? AND expert_id = ?`,
			comp.ID, sh.ExpertID).Scan(&signed); err != nil {
			return err
		}
		consents, err := readConsents(tx, comp.ID, sh.SharedOn)
		if err != nil {
			return err
		}
		var consent *Consent
		if n := len(consents); n > 0 {
			consent = &consents[n-1]
		}
		if err := shareRefusal(comp, sh, signed, consent, names); err != nil {
			return err
		}
		documents := names.Describe(sh.picked())
		sh.Documents = documents.String()
		res, err := tx.Exec(`INSERT INTO shares (complaint_id, expert_id, consent_id, shared_on, documents)
			VALUES (?, ?, ?, ?, ?)`, comp.ID, sh.ExpertID, consent.ID, sh.SharedOn, sh.Documents)
		if err != nil {
			return err
		}
		sh.ID, _ = res.LastInsertId()
		if err := tx.insertDocuments("share_documents", "share_id", sh.ID, sh.picked()); err != nil {
			return err
		}
		return tx.event(comp.ID, "documents_shared", struct {
			Share
			DocumentsText Text `json:"documents_text"`
		}{sh, documents})
	})
	return sh.ID, err
}

// readConsents reads complaint id's answers given on or before the day until (zero: all), in
// the order they were given, with the documents each names.
func readConsents(q querier, id int64, until Date) ([]Consent, error) {
	last := "9999-12-31"
	if !until.IsZero() {
		last = until.String()
	}
	cs, err := collect(q, func(c *Consent) []any {
		return []any{&c.ID, &c.GivenOn, &c.How, &c.Scope, &c.WithdrawnOn, &c.Refused, &c.All}
	}, `SELECT id, given_on, how, scope, withdrawn_on, refused, all_documents FROM consents
		WHERE complaint_id = ? AND given_on <= ? ORDER BY given_on, id`, id, last)
	if err != nil {
		return nil, err
	}
	for i := range cs {
		if cs[i].Documents, err = readDocuments(q, "consent_documents", "consent_id", cs[i].ID, cs[i].All); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// readDocuments reads the ids a consent or share names.
func readDocuments(q querier, table, column string, row int64, all bool) (Documents, error) {
	d := Documents{All: all, Letters: []int64{}, Attachments: []int64{}}
	err := scanRows(q, func(p *[2]int64) []any { return []any{&p[0], &p[1]} }, func(p [2]int64) {
		if p[0] != 0 {
			d.Letters = append(d.Letters, p[0])
		} else {
			d.Attachments = append(d.Attachments, p[1])
		}
	}, `SELECT coalesce(letter_id, 0), coalesce(attachment_id, 0) FROM `+table+` WHERE `+column+` = ? ORDER BY id`, row)
	return d, err
}
