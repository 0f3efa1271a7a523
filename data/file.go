package data

// Extension is one recorded extension of the target date.
type Extension struct {
	On            Date   `json:"extended_on"`
	PreviousDueOn Date   `json:"previous_due_on"`
	Until         Date   `json:"until"`
	Reason        string `json:"reason"`
	Late          bool   `json:"late"` // recorded after the target date it replaced had passed
}

// File is everything recorded about one complaint: the complaint file a practitioner opens.
type File struct {
	Listed
	Contacts    []Contact
	Extensions  []Extension
	Consents    []Consent   // the complainant's answers, oldest first; the latest counts
	Statements  []Statement // confidentiality statements signed for this complaint
	Shares      []Share
	Attachments []Attachment
	Letters     []Letter
	Measures    []Measure // the measures against recurrence linked to it
	Events      []Event
	// CopiesOut are the experts who still hold copies that are due back (consent ended, or the
	// file ended); each has its action item among Items.
	CopiesOut []CopiesOut
	Settings  Settings // the practice's settings in the same snapshot, which the file's rules read
}

// File gathers one complaint's file by reference, in one read transaction: a change another
// process commits meanwhile shows in all of it or in none, so the banner, the letters and the
// timeline never disagree.
func (s *Store) File(ref string) (*File, error) {
	var f *File
	err := s.view(func(q querier) (err error) {
		f, err = readFile(q, ref, s.today())
		return err
	})
	return f, err
}

// readFile gathers one complaint's file inside a read transaction.
func readFile(q querier, ref string, today Date) (*File, error) {
	set, err := settings(q)
	if err != nil {
		return nil, err
	}
	listed, err := list(q, Filter{Reference: ref, facts: allFacts}, set, today)
	if err != nil {
		return nil, err
	}
	if len(listed) == 0 {
		return nil, unknownRef(ref)
	}
	f := &File{Listed: listed[0], Settings: set}
	if err := f.read(q); err != nil {
		return nil, err
	}
	if f.CopiesOut, err = copiesOut(q, f.ID, false); err != nil {
		return nil, err
	}
	f.Items = append(f.Items, CopiesItems(f.CopiesOut, today, set)...)
	f.Warning = WorstWarning(f.Items)
	return f, nil
}

// read fills in the lists that belong to the complaint.
func (f *File) read(q querier) (err error) {
	id := f.ID
	if f.Contacts, err = contacts(q, id); err != nil {
		return err
	}
	if f.Attachments, err = attachments(q, id); err != nil {
		return err
	}
	if f.Letters, err = letters(q, id); err != nil {
		return err
	}
	if f.Events, err = timeline(q, id); err != nil {
		return err
	}
	if f.Measures, err = listMeasures(q, MeasureFilter{Reference: f.Reference}); err != nil {
		return err
	}
	if f.Extensions, err = collect(q, func(e *Extension) []any {
		return []any{&e.On, &e.PreviousDueOn, &e.Until, &e.Reason, &e.Late}
	}, `SELECT extended_on, previous_due_on, until, reason, late FROM extensions WHERE complaint_id = ? ORDER BY id`, id); err != nil {
		return err
	}
	if f.Consents, err = readConsents(q, id, Date{}); err != nil {
		return err
	}
	if f.Statements, err = collect(q, func(st *Statement) []any {
		return []any{&st.ID, &st.ExpertID, &st.ExpertName, &st.LetterID, &st.SignedOn}
	}, `SELECT st.id, st.expert_id, e.name, st.letter_id, st.signed_on FROM statements st JOIN experts e ON e.id = st.expert_id
		WHERE st.complaint_id = ? ORDER BY st.id`, id); err != nil {
		return err
	}
	if f.Shares, err = collect(q, func(sh *Share) []any {
		return []any{&sh.ID, &sh.ExpertID, &sh.ExpertName, &sh.SharedOn, &sh.Documents}
	}, `SELECT sh.id, sh.expert_id, e.name, sh.shared_on, sh.documents
		FROM shares sh JOIN experts e ON e.id = sh.expert_id WHERE sh.complaint_id = ? ORDER BY sh.id`, id); err != nil {
		return err
	}
	for i := range f.Shares {
		d, err := readDocuments(q, "share_documents", "share_id", f.Shares[i].ID, false)
		if err != nil {
			return err
		}
		f.Shares[i].Letters, f.Shares[i].Attachments = d.Letters, d.Attachments
	}
	return nil
}

// ExtensionRange is where a new target date for this complaint may fall on the day today, or
// an error when the procedure allows no further extension.
func (f *File) ExtensionRange(today Date) (ExtensionRange, error) {
	return extensionRange(&f.Complaint, len(f.Extensions), today, f.Settings)
}

// UnsentLetters are the newest version of each letter (per kind, and per expert for a
// confidentiality statement) that is not marked sent. A closed file takes no changes until
// it is reopened, so closing names them first (the app's confirmation, the CLI's close).
func (f *File) UnsentLetters() []Letter {
	type which struct {
		kind   LetterKind
		expert int64
	}
	newest := map[which]Letter{}
	var order []which
	for _, l := range f.Letters {
		w := which{l.Kind, l.ExpertID}
		n, seen := newest[w]
		if !seen {
			order = append(order, w)
		}
		if !seen || l.Version > n.Version {
			newest[w] = l
		}
	}
	var out []Letter
	for _, w := range order {
		if l := newest[w]; l.SentOn.IsZero() {
			out = append(out, l)
		}
	}
	return out
}
