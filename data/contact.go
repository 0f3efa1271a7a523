package data

import (
	"fmt"
	"slices"
)

// ContactKind is how the practice was in touch with the complainant.
type ContactKind string

// The contact kinds.
const (
	ContactPhone   ContactKind = "phone"
	ContactMeeting ContactKind = "meeting"
	ContactLetter  ContactKind = "letter"
	ContactEmail   ContactKind = "email"
)

// ContactKinds lists every kind in display order.
var ContactKinds = []ContactKind{ContactPhone, ContactMeeting, ContactLetter, ContactEmail}

// Label is the kind in the practitioner's words.
func (k ContactKind) Label() string {
	return map[ContactKind]string{ContactPhone: "telefoon", ContactMeeting: "gesprek", ContactLetter: "brief",
		ContactEmail: "e-mail"}[k]
}

// ParseContactKind checks a contact kind name.
func ParseContactKind(s string) (ContactKind, error) {
	k := ContactKind(s)
	if !slices.Contains(ContactKinds, k) {
		return "", invalid("kind", fmt.Sprintf("onbekende soort contact %q; kies uit %s", s, joinAll(ContactKinds)))
	}
	return k, nil
}

// Contact is a call, meeting, letter or e-mail with the complainant. It may ask the
// complainant for more information, expected by InfoDueOn.
type Contact struct {
	ID             int64       `json:"id"`
	On             Date        `json:"on"`
	Kind           ContactKind `json:"kind"`
	Note           string      `json:"note"`
	InfoRequested  string      `json:"info_requested,omitempty"`
	InfoDueOn      Date        `json:"info_due_on"`
	InfoReceivedOn Date        `json:"info_received_on"`
}

// validate checks a new contact against the complaint it belongs to.
func (ct *Contact) validate(c *Complaint, today Date) error {
	if err := cleanTexts(textField{"note", &ct.Note, textRule20k.as("de notitie")},
		textField{"info_requested", &ct.InfoRequested, textRule20k.as("de gevraagde informatie")}); err != nil {
		return err
	}
	if _, err := ParseContactKind(string(ct.Kind)); err != nil {
		return err
	}
	if err := checkDay("on", &ct.On, c, today); err != nil {
		return err
	}
	switch {
	case ct.Note == "" && ct.InfoRequested == "":
		return invalid("note", "vul in wat er is besproken of geschreven")
	case ct.InfoRequested != "" && ct.InfoDueOn.IsZero():
		return invalid("info_due_on", "vul in vóór welke datum u de gevraagde informatie verwacht")
	case ct.InfoRequested == "" && !ct.InfoDueOn.IsZero():
		return invalid("info_requested", "vul in om welke informatie u de klager vraagt")
	case !ct.InfoDueOn.IsZero() && !ct.InfoDueOn.After(ct.On):
		return invalid("info_due_on", fmt.Sprintf("de datum waarop u de informatie verwacht (%s) moet na het contact (%s) liggen", ct.InfoDueOn, ct.On))
	}
	return nil
}

// AddContact records a contact moment with the complainant.
func (s *Store) AddContact(ref string, ct Contact) (int64, error) {
	err := s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		return tx.addContact(c, &ct)
	})
	return ct.ID, err
}

// addContact checks and stores a contact moment in the transaction of the change it belongs
// to (a contact of its own, or a letter marked sent), and sets its ID.
func (tx *Tx) addContact(c *Complaint, ct *Contact) error {
	if c.Status == StatusClosed {
		return &Error{Code: CodeTransition, Message: fmt.Sprintf("klacht %s is gesloten; er kunnen geen contactmomenten meer bij", c.Reference)}
	}
	if err := ct.validate(c, tx.today()); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO contacts (complaint_id, contact_on, kind, note, info_requested, info_due_on)
		VALUES (?, ?, ?, ?, ?, ?)`, c.ID, ct.On, ct.Kind, ct.Note, ct.InfoRequested, ct.InfoDueOn)
	if err != nil {
		return err
	}
	if ct.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := tx.event(c.ID, "contact_added", ct); err != nil {
		return err
	}
	return tx.refreshSearch(c.ID)
}

// InformationReceived records that the complainant answered every open information request,
// on the given day (zero: today).
func (s *Store) InformationReceived(ref string, on Date) error {
	return s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if err := checkDay("on", &on, c, tx.today()); err != nil {
			return err
		}
		res, err := tx.Exec(`UPDATE contacts SET info_received_on = ? WHERE complaint_id = ? AND info_due_on IS NOT NULL
			AND info_received_on IS NULL`, on, c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict(fmt.Sprintf("bij klacht %s staat geen verzoek om informatie open", ref))
		}
		return tx.event(c.ID, "information_received", map[string]string{"on": on.String()})
	})
}

// Contacts lists a complaint's contact moments, oldest first.
func (s *Store) Contacts(ref string) ([]Contact, error) {
	id, err := s.complaintID(s.r, ref)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.Query(`SELECT id, contact_on, kind, note, info_requested, info_due_on, info_received_on
		FROM contacts WHERE complaint_id = ? ORDER BY contact_on, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		var ct Contact
		if err := rows.Scan(&ct.ID, &ct.On, &ct.Kind, &ct.Note, &ct.InfoRequested, &ct.InfoDueOn, &ct.InfoReceivedOn); err != nil {
			return nil, err
		}
		out = append(out, ct)
	}
	return out, rows.Err()
}
