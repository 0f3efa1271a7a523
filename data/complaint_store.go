package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
)

const complaintColumns = `c.id, c.reference, c.received_on, c.channel, c.formal, c.filed_on, c.subject, c.person_named,
	c.handler, c.summary, c.description, c.desired_outcome, c.complainant_name, c.address_line1, c.address_line2,
	c.postcode, c.city, c.country, c.email, c.phone, c.status, c.ack_due_on, c.acknowledged_on, c.due_on,
	c.resolved_on, coalesce(c.verdict, ''), c.outcome, c.closed_on, c.withdrawn_on, c.no_measure_reason, c.deadline_policy,
	c.no_hearing_reason, c.justified,
	c.imported_from, c.imported_line, c.original_reference,
	c.salutation, c.initials, c.surname, c.letter_description, c.language, c.rep_name, c.rep_salutation, c.rep_initials,
	c.rep_surname, c.rep_address_line1, c.rep_address_line2, c.rep_postcode, c.rep_city, c.rep_country, c.rep_email, c.rep_phone,
	c.anonymous, c.taken_by, c.explicit_request, c.held, c.hold_reason, c.anonymised_on, c.organisation, c.rep_organisation`

func complaintDest(c *Complaint) []any {
	p, r := &c.Complainant, &c.Representative
	return []any{&c.ID, &c.Reference, &c.ReceivedOn, &c.Channel, &c.Formal, &c.FiledOn, &c.Subject, &c.PersonNamed,
		&c.Handler, &c.Summary, &c.Description, &c.Desired, &p.Name, &p.AddressLine1, &p.AddressLine2,
		&p.Postcode, &p.City, &p.Country, &p.Email, &p.Phone, &c.Status, &c.AckDueOn, &c.AcknowledgedOn, &c.DueOn,
		&c.ResolvedOn, &c.Verdict, &c.Outcome, &c.ClosedOn, &c.WithdrawnOn, &c.NoMeasureReason, &c.DeadlinePolicy,
		&c.NoHearingReason, &c.Justified,
		&c.ImportedFrom, &c.ImportedLine, &c.OriginalReference,
		&p.Salutation, &p.Initials, &p.Surname, &c.LetterDescription, &c.Language, &r.Name, &r.Salutation, &r.Initials,
		&r.Surname, &r.AddressLine1, &r.AddressLine2, &r.Postcode, &r.City, &r.Country, &r.Email, &r.Phone,
		&c.Anonymous, &c.TakenBy, &c.ExplicitRequest, &c.Held, &c.HoldReason, &c.AnonymisedOn, &p.Organisation, &r.Organisation}
}

func unknownRef(ref string) error {
	return notFound("klacht %q bestaat niet; controleer het kenmerk (zoals K-2026-0007)", ref)
}

func getComplaint(q querier, ref string) (*Complaint, error) {
	c := &Complaint{}
	err := q.QueryRow(`SELECT `+complaintColumns+` FROM complaints c WHERE c.reference = ?`, ref).Scan(complaintDest(c)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, unknownRef(ref)
	}
	return c, err
}

func complaintID(q querier, ref string) (int64, error) {
	var id int64
	err := q.QueryRow(`SELECT id FROM complaints WHERE reference = ?`, ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, unknownRef(ref)
	}
	return id, err
}

// Complaint returns one complaint by reference.
func (s *Store) Complaint(ref string) (*Complaint, error) { return getComplaint(s.reads(), ref) }

// Create registers a new complaint and returns its reference. A formal complaint starts in
// status received with its deadlines set; an informal one is registered as informal.
// The handler defaults to the practitioner, who per the procedure handles complaints.
func (s *Store) Create(c Complaint) (string, error) {
	err := s.update(func(tx *Tx) error {
		set, err := settings(tx)
		if err != nil {
			return err
		}
		if err := c.Validate(tx.today(), set); err != nil {
			return err
		}
		if c.Handler == "" {
			c.Handler = set.PractitionerName()
		}
		if c.Language == "" {
			c.Language = set.Language()
		}
		c.Status = StatusInformal
		if c.Formal {
			c.Status = StatusReceived
			if err := c.fileFormally(c.ReceivedOn, set, c.PhoneIntake); err != nil {
				return err
			}
		} else {
			c.PhoneIntake = PhoneIntake{}
		}
		if c.Reference, err = tx.nextReference(c.ReceivedOn.Year()); err != nil {
			return err
		}
		p := c.Complainant
		res, err := tx.Exec(`INSERT INTO complaints (reference, received_on, channel, formal, filed_on, subject, person_named,
			handler, summary, description, desired_outcome, complainant_name, address_line1, address_line2, postcode, city,
			country, email, phone, status, ack_due_on, due_on, deadline_policy, anonymous, taken_by, explicit_request, `+
			strings.Join(letterFieldColumns, ", ")+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?`+
			strings.Repeat(",?", len(letterFieldColumns))+`)`,
			append([]any{c.Reference, c.ReceivedOn, c.Channel, c.Formal, c.FiledOn, c.Subject, c.PersonNamed, c.Handler, c.Summary,
				c.Description, c.Desired, p.Name, p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country, p.Email,
				p.Phone, c.Status, c.AckDueOn, c.DueOn, c.DeadlinePolicy, c.Anonymous, c.TakenBy, c.ExplicitRequest},
				letterFieldValues(&c)...)...)
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := tx.event(c.ID, "complaint_created", c); err != nil {
			return err
		}
		return tx.refreshSearch(c.ID)
	})
	return c.Reference, err
}

// editable gives the fields a practitioner may change after registration, as text for the audit trail.
func editable(c *Complaint) map[string]string {
	p, r := c.Complainant, c.Representative
	return map[string]string{
		"received_on": c.ReceivedOn.String(), "channel": string(c.Channel), "subject": string(c.Subject),
		"person_named": c.PersonNamed, "handler": c.Handler, "summary": c.Summary, "description": c.Description,
		"desired_outcome": c.Desired, "name": p.Name, "address_line1": p.AddressLine1, "address_line2": p.AddressLine2,
		"postcode": p.Postcode, "city": p.City, "country": p.Country, "email": p.Email, "phone": p.Phone,
		"salutation": string(p.Salutation), "initials": p.Initials, "surname": p.Surname,
		"letter_description": c.LetterDescription, "language": c.Language, "rep_name": r.Name,
		"rep_salutation": string(r.Salutation), "rep_initials": r.Initials, "rep_surname": r.Surname,
		"rep_address_line1": r.AddressLine1, "rep_address_line2": r.AddressLine2, "rep_postcode": r.Postcode,
		"rep_city": r.City, "rep_country": r.Country, "rep_email": r.Email, "rep_phone": r.Phone,
		"organisation": p.Organisation, "rep_organisation": r.Organisation,
	}
}

// Update saves edits to a complaint's details; the lifecycle fields are changed only by the
// steps of the procedure. The audit event records each changed field's old and new value.
func (s *Store) Update(c Complaint) error {
	return s.update(func(tx *Tx) error {
		old, err := tx.changeable(c.Reference)
		if err != nil {
			return err
		}
		c.Anonymous, c.Formal = old.Anonymous, old.Formal // set at registration and by the steps, not by editing
		if c.Language == "" {
			c.Language = old.Language
		}
		set, err := settings(tx)
		if err != nil {
			return err
		}
		if err := c.Validate(tx.today(), set); err != nil {
			return err
		}
		before, after := editable(old), editable(&c)
		changes := map[string]Change{}
		for _, k := range slices.Sorted(maps.Keys(before)) {
			if before[k] != after[k] {
				changes[k] = Change{Old: before[k], New: after[k]}
			}
		}
		if len(changes) == 0 {
			return nil
		}
		if err := tx.moveDeadlines(old, &c); err != nil {
			return err
		}
		p := c.Complainant
		if _, err := tx.Exec(`UPDATE complaints SET received_on=?, channel=?, subject=?, person_named=?, handler=?,
			summary=?, description=?, desired_outcome=?, complainant_name=?, address_line1=?, address_line2=?, postcode=?,
			city=?, country=?, email=?, phone=?, filed_on=?, ack_due_on=?, due_on=?, `+
			strings.Join(letterFieldColumns, "=?, ")+`=? WHERE id=?`,
			append(append([]any{c.ReceivedOn, c.Channel, c.Subject, c.PersonNamed, c.Handler, c.Summary, c.Description, c.Desired, p.Name,
				p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country, p.Email, p.Phone, c.FiledOn, c.AckDueOn,
				c.DueOn}, letterFieldValues(&c)...), old.ID)...); err != nil {
			return err
		}
		if err := tx.event(old.ID, "complaint_edited", changes); err != nil {
			return err
		}
		return tx.refreshSearch(old.ID)
	})
}

// letterFieldColumns are what the letters need beside the register's own fields: how the
// complainant is addressed and the organisation they speak for, the description and language
// of the letters, and the representative. Create and Edit write them in the same statement as the rest, so that the row
// changes once (and its audit trigger hashes it once) per change.
var letterFieldColumns = []string{"salutation", "initials", "surname", "letter_description", "language",
	"rep_name", "rep_salutation", "rep_initials", "rep_surname", "rep_address_line1", "rep_address_line2",
	"rep_postcode", "rep_city", "rep_country", "rep_email", "rep_phone", "organisation", "rep_organisation"}

// letterFieldValues are c's values of letterFieldColumns, in that order.
func letterFieldValues(c *Complaint) []any {
	p, r := c.Complainant, c.Representative
	return []any{p.Salutation, p.Initials, p.Surname, c.LetterDescription, c.Language, r.Name, r.Salutation, r.Initials,
		r.Surname, r.AddressLine1, r.AddressLine2, r.Postcode, r.City, r.Country, r.Email, r.Phone, p.Organisation, r.Organisation}
}

// moveDeadlines follows a corrected date of receipt: when the formal procedure started on the
// day of receipt, its start and the deadlines not yet met or replaced move along.
func (tx *Tx) moveDeadlines(old, c *Complaint) error {
	c.FiledOn, c.AckDueOn, c.DueOn = old.FiledOn, old.AckDueOn, old.DueOn
	if !old.Formal || old.FiledOn != old.ReceivedOn || c.ReceivedOn == old.ReceivedOn {
		return nil
	}
	set, err := settings(tx)
	if err != nil {
		return err
	}
	c.FiledOn = c.ReceivedOn
	if old.Status == StatusReceived {
		c.AckDueOn = ShortTermDue(c.FiledOn, set)
	}
	if old.Status == StatusReceived || old.Status == StatusAcknowledged {
		c.DueOn = ResolutionDue(c.FiledOn, old.DeadlinePolicy, set)
	}
	return nil
}

// refreshSearch rewrites the complaint's full-text entry from its fields and contact notes.
// A batch rewrites each complaint's entry once, when it commits.
func (tx *Tx) refreshSearch(id int64) error {
	if tx.batch != nil {
		tx.batch.search[id] = true
		return nil
	}
	return writeSearch(tx, []int64{id})
}

// writeSearch rewrites the full-text entries of the complaints ids in two statements.
func writeSearch(tx *Tx, ids []int64) error {
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM complaint_search WHERE rowid IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO complaint_search (rowid, reference, complainant, body)
		SELECT id, reference, concat_ws(' ', complainant_name, organisation, rep_name, rep_organisation), concat_ws(' ', summary, description, desired_outcome, person_named, handler,
			(SELECT group_concat(note || ' ' || info_requested, ' ') FROM contacts WHERE complaint_id = c.id))
		FROM complaints c WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	return err
}
