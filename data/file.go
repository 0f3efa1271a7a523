package data

// Extension is one recorded extension of the target date.
type Extension struct {
	On            Date   `json:"extended_on"`
	PreviousDueOn Date   `json:"previous_due_on"`
	Until         Date   `json:"until"`
	Reason        string `json:"reason"`
}

// File is everything recorded about one complaint: the complaint file a practitioner opens.
type File struct {
	Listed
	Contacts    []Contact
	Extensions  []Extension
	Consents    []Consent
	Shares      []Share
	Attachments []Attachment
	Letters     []Letter
	Measures    []Measure // the measures against recurrence linked to it
	Events      []Event
}

// File gathers one complaint's file by reference.
func (s *Store) File(ref string) (*File, error) {
	listed, err := s.List(Filter{Reference: ref})
	if err != nil {
		return nil, err
	}
	if len(listed) == 0 {
		return nil, unknownRef(ref)
	}
	f := &File{Listed: listed[0]}
	id := f.ID
	if f.Contacts, err = s.Contacts(ref); err != nil {
		return nil, err
	}
	if f.Attachments, err = s.Attachments(ref); err != nil {
		return nil, err
	}
	if f.Letters, err = s.Letters(ref); err != nil {
		return nil, err
	}
	if f.Events, err = s.Timeline(ref); err != nil {
		return nil, err
	}
	if f.Measures, err = listMeasures(s.r, MeasureFilter{Reference: f.Reference}); err != nil {
		return nil, err
	}
	if err := scanAll(s, &f.Extensions, `SELECT extended_on, previous_due_on, until, reason FROM extensions
		WHERE complaint_id = ? ORDER BY id`, id, func(e *Extension) []any {
		return []any{&e.On, &e.PreviousDueOn, &e.Until, &e.Reason}
	}); err != nil {
		return nil, err
	}
	if err := scanAll(s, &f.Consents, `SELECT id, given_on, how, scope, withdrawn_on FROM consents
		WHERE complaint_id = ? ORDER BY id`, id, func(c *Consent) []any {
		return []any{&c.ID, &c.GivenOn, &c.How, &c.Scope, &c.WithdrawnOn}
	}); err != nil {
		return nil, err
	}
	err = scanAll(s, &f.Shares, `SELECT sh.id, sh.expert_id, e.name, sh.shared_on, sh.documents, coalesce(sh.attachment_id, 0)
		FROM shares sh JOIN experts e ON e.id = sh.expert_id WHERE sh.complaint_id = ? ORDER BY sh.id`, id,
		func(sh *Share) []any {
			return []any{&sh.ID, &sh.ExpertID, &sh.ExpertName, &sh.SharedOn, &sh.Documents, &sh.AttachmentID}
		})
	return f, err
}

// scanAll runs a query with one argument and appends a T per row, scanned into dest(&t).
func scanAll[T any](s *Store, out *[]T, query string, arg any, dest func(*T) []any) error {
	rows, err := s.r.Query(query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t T
		if err := rows.Scan(dest(&t)...); err != nil {
			return err
		}
		*out = append(*out, t)
	}
	return rows.Err()
}
