package data

import (
	"database/sql"
	"errors"
	"fmt"
)

// SaveExpert adds an expert (ID 0) or updates one, for instance when the signed
// confidentiality statement comes back. It returns the expert's ID.
func (s *Store) SaveExpert(e Expert) (int64, error) {
	if err := cleanTexts(textField{"expert_name", &e.Name, lineRule.as("de naam van de deskundige")},
		textField{"organisation", &e.Organisation, lineRule.as("de organisatie")},
		textField{"expert_email", &e.Email, lineRule.as("het e-mailadres")}); err != nil {
		return 0, err
	}
	if err := e.check(); err != nil {
		return 0, err
	}
	err := s.update(func(tx *Tx) error {
		if !e.SignedOn.IsZero() && e.SignedOn.After(tx.today()) {
			return invalid("signed_on", "de datum van ondertekening ligt in de toekomst")
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
				return notFound(fmt.Sprintf("deskundige %d bestaat niet", e.ID))
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
	rows, err := s.r.Query(`SELECT ` + expertColumns + ` FROM experts ORDER BY name, id`)
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

// GiveConsent records the complainant's consent to share copies of documents with experts.
func (s *Store) GiveConsent(ref string, c Consent) error {
	if err := cleanTexts(textField{"how", &c.How, lineRule.as("hoe de toestemming is gegeven")},
		textField{"scope", &c.Scope, textRule20k.as("voor welke stukken de toestemming geldt")}); err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		comp, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("given_on", &c.GivenOn, comp, tx.today()); err != nil {
			return err
		}
		switch {
		case c.How == "":
			return invalid("how", "vul in hoe de toestemming is gegeven (schriftelijk, per e-mail, ...)")
		case c.Scope == "":
			return invalid("scope", "vul in voor welke stukken de toestemming geldt")
		}
		if _, err := tx.Exec(`INSERT INTO consents (complaint_id, given_on, how, scope) VALUES (?, ?, ?, ?)`,
			comp.ID, c.GivenOn, c.How, c.Scope); err != nil {
			return err
		}
		return tx.event(comp.ID, "consent_given", c)
	})
}

// WithdrawConsent records that the complainant withdrew every consent still in force.
func (s *Store) WithdrawConsent(ref string, on Date) error {
	return s.update(func(tx *Tx) error {
		comp, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("on", &on, comp, tx.today()); err != nil {
			return err
		}
		res, err := tx.Exec(`UPDATE consents SET withdrawn_on = ? WHERE complaint_id = ? AND withdrawn_on IS NULL`, on, comp.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict(fmt.Sprintf("bij klacht %s is geen toestemming vastgelegd die kan worden ingetrokken", ref))
		}
		return tx.event(comp.ID, "consent_withdrawn", map[string]string{"on": on.String()})
	})
}

// ShareDocuments logs that copies of documents went to an expert. It is refused unless the
// complainant's consent is in force and the expert signed a confidentiality statement, both
// on or before the day of sharing.
func (s *Store) ShareDocuments(ref string, sh Share) (int64, error) {
	documents, err := cleanText("documents", sh.Documents, textRule20k.as("de gedeelde stukken"))
	if err != nil {
		return 0, err
	}
	sh.Documents = documents
	err = s.update(func(tx *Tx) error {
		comp, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		if err := checkDay("shared_on", &sh.SharedOn, comp, tx.today()); err != nil {
			return err
		}
		if sh.Documents == "" {
			return invalid("documents", "vul in welke stukken u deelt")
		}
		var signed Date
		err = tx.QueryRow(`SELECT name, confidentiality_signed_on FROM experts WHERE id = ?`, sh.ExpertID).Scan(&sh.ExpertName, &signed)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(fmt.Sprintf("deskundige %d bestaat niet", sh.ExpertID))
		} else if err != nil {
			return err
		}
		if signed.IsZero() || signed.After(sh.SharedOn) {
			return conflict(fmt.Sprintf("stukken delen met %s kan niet: er is geen ondertekende geheimhoudingsverklaring van vóór %s vastgelegd", sh.ExpertName, sh.SharedOn))
		}
		var consentID int64
		err = tx.QueryRow(`SELECT id FROM consents WHERE complaint_id = ? AND given_on <= ? AND (withdrawn_on IS NULL OR withdrawn_on > ?)
			ORDER BY given_on DESC LIMIT 1`, comp.ID, sh.SharedOn, sh.SharedOn).Scan(&consentID)
		if errors.Is(err, sql.ErrNoRows) {
			return conflict(fmt.Sprintf("stukken delen kan niet: de klager van %s heeft op %s geen toestemming gegeven om stukken met een externe deskundige te delen", ref, sh.SharedOn))
		} else if err != nil {
			return err
		}
		res, err := tx.Exec(`INSERT INTO shares (complaint_id, expert_id, consent_id, shared_on, documents, attachment_id)
			VALUES (?, ?, ?, ?, ?, ?)`, comp.ID, sh.ExpertID, consentID, sh.SharedOn, sh.Documents, nullID(sh.AttachmentID))
		if err != nil {
			return err
		}
		sh.ID, _ = res.LastInsertId()
		return tx.event(comp.ID, "documents_shared", sh)
	})
	return sh.ID, err
}
