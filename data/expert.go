package data

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Expert is an independent professional the practice may consult. Documents go to an expert
// only after they signed a confidentiality statement.
type Expert struct {
	ID   int64  `json:"id"`
	Name string `json:"name"` // the full name as typed, for the register
	NameParts
	Title        string `json:"title"`       // before the name in the address only: "prof. dr."
	TitleAfter   string `json:"title_after"` // after the name in the address only: "RA"
	Organisation string `json:"organisation"`
	AddressLine1 string `json:"address_line1"`
	AddressLine2 string `json:"address_line2"`
	Postcode     string `json:"postcode"`
	City         string `json:"city"`
	Country      string `json:"country"`
	Email        string `json:"email"`
	SignedOn     Date   `json:"confidentiality_signed_on"`
}

// Professor reports whether the expert is addressed as a professor: "Geachte professor ...".
func (e Expert) Professor() bool {
	t := strings.ToLower(e.Title)
	return strings.HasPrefix(t, "prof") || strings.Contains(t, " prof")
}

// check trims and validates the expert as the expert dialog and the CLI take it, filling in a
// proposal for the parts of the name that are empty.
func (e *Expert) check() error {
	for _, p := range []*string{&e.Name, &e.Title, &e.TitleAfter, &e.Organisation, &e.AddressLine1, &e.AddressLine2,
		&e.Postcode, &e.City, &e.Country, &e.Email} {
		*p = strings.TrimSpace(*p)
	}
	if m := postcodeNL.FindStringSubmatch(e.Postcode); m != nil {
		e.Postcode = m[1] + " " + strings.ToUpper(m[2])
	}
	if e.Name == "" {
		return invalid("expert_name", "vul de naam van de deskundige in")
	}
	if _, err := email(e.Email); err != nil {
		return invalid("expert_email", err.Error())
	}
	if (e.AddressLine1 == "") != (e.City == "") {
		return invalid("expert_address", "vul van het postadres van de deskundige zowel het adres als de plaats in, of laat beide leeg")
	}
	return e.NameParts.check("expert_", e.Name)
}

const expertColumns = `id, name, organisation, email, confidentiality_signed_on, salutation, initials, surname, title,
	title_after, address_line1, address_line2, postcode, city, country`

func expertDest(e *Expert) []any {
	return []any{&e.ID, &e.Name, &e.Organisation, &e.Email, &e.SignedOn, &e.Salutation, &e.Initials, &e.Surname, &e.Title,
		&e.TitleAfter, &e.AddressLine1, &e.AddressLine2, &e.Postcode, &e.City, &e.Country}
}

// Consent is the complainant's permission to share copies of documents with experts.
type Consent struct {
	ID          int64  `json:"id"`
	GivenOn     Date   `json:"given_on"`
	How         string `json:"how"`   // in writing, by e-mail, by phone ...
	Scope       string `json:"scope"` // which documents
	WithdrawnOn Date   `json:"withdrawn_on"`
}

// Share records which documents went to which expert, when.
type Share struct {
	ID           int64  `json:"id"`
	ExpertID     int64  `json:"expert_id"`
	ExpertName   string `json:"expert"`
	SharedOn     Date   `json:"shared_on"`
	Documents    string `json:"documents"`
	AttachmentID int64  `json:"attachment_id,omitempty"`
}

// SaveExpert adds an expert (ID 0) or updates one, for instance when the signed
// confidentiality statement comes back. It returns the expert's ID.
func (s *Store) SaveExpert(e Expert) (int64, error) {
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
	c.How, c.Scope = strings.TrimSpace(c.How), strings.TrimSpace(c.Scope)
	return s.update(func(tx *Tx) error {
		comp, err := getComplaint(tx, ref)
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
		comp, err := getComplaint(tx, ref)
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
	sh.Documents = strings.TrimSpace(sh.Documents)
	err := s.update(func(tx *Tx) error {
		comp, err := getComplaint(tx, ref)
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
