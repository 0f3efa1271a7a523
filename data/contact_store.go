package data

import (
	"encoding/json"
	"slices"
)

// AddContact records a contact moment with the complainant.
func (s *Store) AddContact(ref string, ct Contact) (int64, error) {
	err := s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		return tx.addContact(c, &ct, Text{})
	})
	return ct.ID, err
}

// addContact checks and stores a contact moment in the transaction of the change it belongs
// to (a contact of its own, or a letter marked sent), and sets its ID. note is the note as a
// Text when the program wrote it (a letter sent), kept in the event for the timeline.
func (tx *Tx) addContact(c *Complaint, ct *Contact, note Text) error {
	step := ActionContact
	if ct.InfoRequested != "" {
		step = ActionRequestInformation
	}
	if err := StepRefusal(Facts{Complaint: *c}, step); err != nil {
		return err
	}
	if err := ct.validate(c, tx.today()); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO contacts (complaint_id, contact_on, kind, party, party_name, hearing, note, info_requested,
		info_due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, ct.On, ct.Kind, ct.Party, ct.PartyName, ct.Hearing, ct.Note,
		ct.InfoRequested, ct.InfoDueOn)
	if err != nil {
		return err
	}
	if ct.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	var payload any = ct
	if note.Key != "" {
		payload = struct {
			*Contact
			NoteText Text `json:"note_text"`
		}{ct, note}
	}
	if err := tx.event(c.ID, "contact_added", payload); err != nil {
		return err
	}
	return tx.refreshSearch(c.ID)
}

// InformationReceived records that the complainant answered every open information request,
// on the given day (zero: today), with an optional note of what came in and how ("de factuur
// per e-mail; het bankafschrift volgt"), which the timeline shows.
func (s *Store) InformationReceived(ref string, on Date, note string) error {
	note, err := cleanText("note", note, textRule20k.as("de notitie"))
	if err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		c, err := tx.changeable(ref)
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
			return StepRefusal(Facts{Complaint: *c}, ActionInformationReceived) // none was open
		}
		payload := map[string]string{"on": on.String()}
		if note != "" {
			payload["note"] = note
		}
		return tx.event(c.ID, "information_received", payload)
	})
}

// ReceivedNote is the note recorded when the information asked for came in on the day on ("":
// none, or erased with the personal data): Informatie ontvangen closes every open request at
// once with one note, which its event keeps, so the contacts tab can show it beside them.
func (f *File) ReceivedNote(on Date) string {
	for _, e := range slices.Backward(f.Events) {
		if e.Kind != "information_received" {
			continue
		}
		var p map[string]string
		if json.Unmarshal(e.Payload, &p) == nil && p["on"] == on.String() {
			return p["note"]
		}
	}
	return ""
}

// InformationRequest is the newest request for information the complainant has not answered
// yet, which the letter asking for it puts in words; nil when none is open.
func (f *File) InformationRequest() *Contact { return openRequest(f.Contacts) }

// openRequest is the newest of contacts, oldest first, that asks for information not yet received.
func openRequest(contacts []Contact) *Contact {
	for i, ct := range slices.Backward(contacts) {
		if ct.InfoRequested != "" && ct.InfoReceivedOn.IsZero() {
			return &contacts[i]
		}
	}
	return nil
}

// Contacts lists a complaint's contact moments, oldest first.
func (s *Store) Contacts(ref string) ([]Contact, error) { return ofComplaint(s, ref, contacts) }

func contacts(q querier, id int64) ([]Contact, error) {
	return collect(q, func(ct *Contact) []any {
		return []any{&ct.ID, &ct.On, &ct.Kind, &ct.Party, &ct.PartyName, &ct.Hearing, &ct.Note, &ct.InfoRequested, &ct.InfoDueOn,
			&ct.InfoReceivedOn}
	}, `SELECT id, contact_on, kind, party, party_name, hearing, note, info_requested, info_due_on, info_received_on
		FROM contacts WHERE complaint_id = ? ORDER BY contact_on, id`, id)
}
