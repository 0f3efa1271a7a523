package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// ImportRow is one line of a practice's earlier register (a spreadsheet), read into a
// complaint as it stood there: its own dates, status and verdict. The live procedure's checks
// on dates in the past do not apply; Check holds the row to what history can be.
type ImportRow struct {
	Line      int // the line (CSV) or row (xlsx) in the file, for messages and the timeline
	Complaint Complaint
	// OriginalDueOn is the target date before any extension, when the sheet gives one.
	OriginalDueOn Date
}

// ImportFile is a sheet read and mapped, ready to be imported as a whole.
type ImportFile struct {
	Name    string // the file's base name, as the timeline shows it
	SHA256  string // of the file's bytes, for the audit trail
	Rows    []ImportRow
	Skipped int // refused rows the practitioner chose to leave out
}

// ImportPlan is what importing a file would do: how many complaints are new and which lines
// are already in the register (or earlier in the file).
type ImportPlan struct {
	New        int
	Duplicates []int // lines
}

// ImportResult is what an import did.
type ImportResult struct {
	ImportPlan
	References []string // of the complaints imported, in the order of receipt
}

// complete fills in what a history row implies and the sheet need not say: the start of the
// formal procedure, the status from the dates, and for a formal complaint the deadline regime
// the register has now and the deadlines it gives, with the holidays in force at the time.
func (r *ImportRow) complete(set Settings) {
	c := &r.Complaint
	_ = c.clean() // trims; a text it refuses is refused again, with its message, when the row is checked
	if c.Status == "" {
		switch {
		case !c.WithdrawnOn.IsZero():
			c.Status = StatusWithdrawn
		case !c.ClosedOn.IsZero(), !c.ResolvedOn.IsZero() || c.Verdict != "":
			c.Status = StatusClosed
		case !c.AcknowledgedOn.IsZero():
			c.Status = StatusAcknowledged
		case c.Formal:
			c.Status = StatusReceived
		default:
			c.Status = StatusInformal
		}
	}
	switch {
	case c.Status == StatusWithdrawn && c.WithdrawnOn.IsZero() && c.Verdict == "":
		// A sheet without a column for it gives the day a withdrawn complaint ended as its
		// day of handling.
		c.WithdrawnOn, c.ResolvedOn = c.ResolvedOn, Date{}
	case c.Status == StatusInformal && (c.Formal || !c.FiledOn.IsZero()):
		c.Status = StatusReceived
	case c.Status == StatusReceived && !c.AcknowledgedOn.IsZero():
		c.Status = StatusAcknowledged
	case c.Status == StatusResolved && !c.ClosedOn.IsZero():
		c.Status = StatusClosed
	case c.Status == StatusClosed && c.ClosedOn.IsZero():
		c.ClosedOn = c.ResolvedOn
	}
	if c.Status != StatusInformal && !c.FiledOn.IsZero() || slices.Contains([]Status{StatusReceived, StatusAcknowledged, StatusExtended}, c.Status) {
		c.Formal = true
	}
	if !c.Formal {
		return
	}
	if c.FiledOn.IsZero() {
		c.FiledOn = c.ReceivedOn
	}
	if c.DeadlinePolicy == "" {
		c.DeadlinePolicy = set.Policy()
	}
	if c.AckDueOn.IsZero() {
		c.AckDueOn = ShortTermDue(c.FiledOn, set)
	}
	if c.DueOn.IsZero() {
		c.DueOn = ResolutionDue(c.FiledOn, c.DeadlinePolicy, set)
	}
}

// Check holds a completed row to what a register's history can be, with the practice's
// settings set (Complaint.Validate). The error names the field.
func (r *ImportRow) Check(today Date, set Settings) error {
	c := &r.Complaint
	if err := c.Validate(today, set); err != nil {
		return err
	}
	if !slices.Contains(Statuses, c.Status) {
		return invalid("status", "onbekende status %q", string(c.Status))
	}
	if c.Verdict != "" && !slices.Contains(Verdicts, c.Verdict) {
		return invalid("verdict", "onbekend oordeel %q", string(c.Verdict))
	}
	for _, d := range []struct {
		field, label string
		on           Date
	}{{"filed_on", "formeel sinds", c.FiledOn}, {"acknowledged_on", "ontvangst bevestigd", c.AcknowledgedOn},
		{"resolved_on", "afgehandeld op", c.ResolvedOn}, {"closed_on", "gesloten op", c.ClosedOn},
		{"withdrawn_on", "ingetrokken op", c.WithdrawnOn}} {
		switch {
		case d.on.IsZero():
		case d.on.Before(c.ReceivedOn):
			return invalid(d.field, "%s %s ligt voor de datum van ontvangst %s", d.label, d.on.Dutch(), c.ReceivedOn.Dutch())
		case d.on.After(today):
			return invalid(d.field, "%s %s ligt in de toekomst", d.label, d.on.Dutch())
		}
	}
	done := c.Status == StatusResolved || c.Status == StatusClosed
	switch {
	case done && c.ResolvedOn.IsZero():
		// A sheet's "afgehandeld" reads as closed: the message names what both mean.
		return invalid("resolved_on", "afgehandelde klacht zonder datum van afhandeling; vul de datum van afhandeling in, bijvoorbeeld in een kolom ‘Afgehandeld op’")
	case done && c.Verdict == "":
		return invalid("verdict", "status %s zonder oordeel; vul in: gegrond, deels gegrond, ongegrond of in overleg opgelost", c.Status)
	case !c.ClosedOn.IsZero() && c.ClosedOn.Before(c.ResolvedOn):
		return invalid("closed_on", "gesloten op %s ligt voor afgehandeld op %s", c.ClosedOn.Dutch(), c.ResolvedOn.Dutch())
	case c.Status == StatusWithdrawn && c.WithdrawnOn.IsZero():
		return invalid("withdrawn_on", "status ingetrokken zonder datum van intrekking; vul die in")
	case c.Status != StatusWithdrawn && !c.WithdrawnOn.IsZero():
		return invalid("withdrawn_on", "ingetrokken op %s, maar de status is %s", c.WithdrawnOn.Dutch(), c.Status)
	case !done && (!c.ResolvedOn.IsZero() || c.Verdict != ""):
		return invalid("status", "status %s, maar er is al een oordeel of datum van afhandeling", c.Status)
	}
	return nil
}

// Prepare completes and checks one row with the register's settings, as the import will:
// the preview shows the same refusals the import would give.
func (s *Store) Prepare(r *ImportRow) error {
	set, err := settings(s.reads())
	if err != nil {
		return err
	}
	r.complete(set)
	return r.Check(s.today(), set)
}

// duplicateKey is how a row is recognised when imported again: by the reference it had in
// the earlier register, or else by the day of receipt, the complainant and the summary.
func duplicateKey(c *Complaint) string {
	if c.OriginalReference != "" {
		return "ref\x00" + c.OriginalReference
	}
	return strings.ToLower(fmt.Sprintf("%s\x00%s\x00%s", c.ReceivedOn, c.Complainant.Name, c.Summary))
}

// planImport finds the rows already in the register or earlier in the file. A complaint
// anonymised or erased since its import has lost the name and summary a row is recognised
// by; it is still recognised by its day of receipt and the line it came from, in a file of
// the same name or with the same bytes (the import's event keeps the file's SHA-256), so
// importing the same sheet again, also a copy Windows renamed "(1)", does not bring back
// what was erased.
func planImport(q querier, f ImportFile) (ImportPlan, []bool, error) {
	var p ImportPlan
	file, rows := f.Name, f.Rows
	sameFile, err := importsOfFile(q, f.SHA256)
	if err != nil {
		return p, nil, err
	}
	dup := make([]bool, len(rows))
	seen := map[string]bool{}
	for i := range rows {
		c := &rows[i].Complaint
		key := duplicateKey(c)
		var n int
		var err error
		if c.OriginalReference != "" {
			err = q.QueryRow(`SELECT count(*) FROM complaints WHERE original_reference = ?1 OR reference = ?1`,
				c.OriginalReference).Scan(&n)
		} else {
			err = q.QueryRow(`SELECT count(*) FROM complaints WHERE received_on = ?1 AND (lower(trim(complainant_name)) = lower(?2)
				AND lower(trim(summary)) = lower(?3) OR anonymised_on IS NOT NULL AND imported_line = ?5
				AND (imported_from = ?4 OR imported_event IN (SELECT value FROM json_each(?6))))`,
				c.ReceivedOn, c.Complainant.Name, c.Summary, file, rows[i].Line, sameFile).Scan(&n)
		}
		if err != nil {
			return p, nil, err
		}
		if n > 0 || seen[key] {
			dup[i] = true
			p.Duplicates = append(p.Duplicates, rows[i].Line)
			continue
		}
		seen[key] = true
		p.New++
	}
	return p, dup, nil
}

// importsOfFile lists, as a JSON array, the imports of anonymised complaints whose file had
// the bytes sum (their events keep its SHA-256); "[]" for none.
func importsOfFile(q querier, sum string) (string, error) {
	ids := []int64{}
	err := scanRows(q, func(id *int64) []any { return []any{id} }, func(id int64) { ids = append(ids, id) },
		`SELECT e.id FROM events e JOIN event_payloads p ON p.event_id = e.id
		WHERE e.id IN (SELECT DISTINCT imported_event FROM complaints WHERE anonymised_on IS NOT NULL AND imported_event IS NOT NULL)
		AND e.kind = 'register_imported' AND json_extract(p.payload, '$.sha256') = ?`, sum)
	b, _ := json.Marshal(ids)
	return string(b), err
}

// prepareAll completes and checks every row; the first refused row refuses the file.
func prepareAll(f *ImportFile, set Settings, today Date) error {
	if len(f.Rows) == 0 {
		return invalid("file", "%s bevat geen klachten om te importeren", f.Name)
	}
	for i := range f.Rows {
		r := &f.Rows[i]
		r.complete(set)
		if err := r.Check(today, set); err != nil {
			return invalid("file", "regel %d: %v", r.Line, err)
		}
	}
	return nil
}

// PlanImport says what Import would do with f, and changes nothing.
func (s *Store) PlanImport(f ImportFile) (ImportPlan, error) {
	var p ImportPlan
	err := s.view(func(q querier) error {
		set, err := settings(q)
		if err != nil {
			return err
		}
		if err := prepareAll(&f, set, s.today()); err != nil {
			return err
		}
		p, _, err = planImport(q, f)
		return err
	})
	return p, err
}

// Import takes over the rows of an earlier register in one transaction, with one audit event
// naming the file and its SHA-256. Rows already in the register are left out and counted;
// when all of them are, nothing is written.
// New complaints get references of their year of receipt in the order of receipt, after any
// already handed out; each keeps its dates, status and verdict and is marked imported.
// progress, when not nil, is called after each complaint.
func (s *Store) Import(f ImportFile, progress func(done, total int)) (ImportResult, error) {
	var res ImportResult
	err := s.update(func(tx *Tx) error {
		set, err := settings(tx)
		if err != nil {
			return err
		}
		if err := prepareAll(&f, set, tx.today()); err != nil {
			return err
		}
		plan, dup, err := planImport(tx, f)
		if err != nil {
			return err
		}
		res = ImportResult{ImportPlan: plan}
		var rows []ImportRow
		for i, r := range f.Rows {
			if !dup[i] {
				rows = append(rows, r)
			}
		}
		if len(rows) == 0 {
			return nil // nothing new: the register stays as it was
		}
		slices.SortStableFunc(rows, func(a, b ImportRow) int { return a.Complaint.ReceivedOn.t.Compare(b.Complaint.ReceivedOn.t) })
		for i := range rows {
			if rows[i].Complaint.Reference, err = tx.nextReference(rows[i].Complaint.ReceivedOn.Year()); err != nil {
				return err
			}
			res.References = append(res.References, rows[i].Complaint.Reference)
		}
		// The complaints point to the import's event, which follows them so that it records
		// every row they add (rowaudit.go); the reference is checked when the transaction commits.
		if _, err := tx.Exec(`PRAGMA defer_foreign_keys = ON`); err != nil {
			return err
		}
		for i := range rows {
			if err := tx.insertImported(&rows[i], f.Name); err != nil {
				return err
			}
			if progress != nil {
				progress(i+1, len(rows))
			}
		}
		return tx.event(0, "register_imported", map[string]any{"file": f.Name, "sha256": f.SHA256,
			"rows": len(f.Rows), "imported": len(rows), "duplicates": len(plan.Duplicates), "skipped": f.Skipped,
			"references": res.References})
	})
	return res, err
}

// nextReference hands out the next reference of year; a reference is never handed out twice.
func (tx *Tx) nextReference(year int) (string, error) {
	var seq int
	if err := tx.QueryRow(`INSERT INTO reference_counters (year, last) VALUES (?, 1)
		ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`, year).Scan(&seq); err != nil {
		return "", err
	}
	return fmt.Sprintf("K-%d-%04d", year, seq), nil
}

// insertImported stores one imported complaint, linked to the import's audit event, the next one.
func (tx *Tx) insertImported(r *ImportRow, file string) error {
	c, p := &r.Complaint, r.Complaint.Complainant
	var verdict any
	if c.Verdict != "" {
		verdict = c.Verdict
	}
	res, err := tx.Exec(`INSERT INTO complaints (reference, received_on, channel, formal, filed_on, subject, person_named,
		handler, summary, description, desired_outcome, complainant_name, address_line1, address_line2, postcode, city,
		country, email, phone, status, ack_due_on, acknowledged_on, due_on, resolved_on, verdict, outcome, closed_on,
		withdrawn_on, no_measure_reason, deadline_policy, imported_event, imported_from, imported_line, original_reference,
		original_due_on, organisation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,(SELECT coalesce(max(id), 0) + 1 FROM events),?,?,?,?,?)`,
		c.Reference, c.ReceivedOn, c.Channel, c.Formal, c.FiledOn, c.Subject, c.PersonNamed, c.Handler, c.Summary,
		c.Description, c.Desired, p.Name, p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country, p.Email,
		p.Phone, c.Status, c.AckDueOn, c.AcknowledgedOn, c.DueOn, c.ResolvedOn, verdict, c.Outcome, c.ClosedOn,
		c.WithdrawnOn, c.NoMeasureReason, c.DeadlinePolicy, file, r.Line, c.OriginalReference, r.OriginalDueOn, p.Organisation)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return tx.refreshSearch(c.ID)
}

// ImportNote says where an imported complaint came from, as its file shows it; the zero Text
// for a complaint handled in the app from its receipt.
func (c *Complaint) ImportNote() Text {
	switch {
	case !c.Imported():
		return Text{}
	case c.OriginalReference != "":
		return Msg("Geïmporteerd uit %s, regel %d (kenmerk daar: %s)", c.ImportedFrom, c.ImportedLine, c.OriginalReference)
	}
	return Msg("Geïmporteerd uit %s, regel %d", c.ImportedFrom, c.ImportedLine)
}
