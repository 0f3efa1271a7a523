package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// anonymisedMark replaces a reason whose presence the annual report counts (no measure needed,
// decided without hearing both sides): the text goes, the fact stays.
const anonymisedMark = "(verwijderd bij anonimiseren)"

// RetentionDue lists the closed and withdrawn complaints not yet anonymised whose retention
// period ended on or before today, or, when closedBefore is not zero, that ended before
// closedBefore. Complaints under legal hold are included with Held set, so the review screen
// can show them; Anonymise refuses them. Oldest first, each with the experts who still hold
// copies of its documents without consent.
func (s *Store) RetentionDue(today Date, closedBefore Date) ([]RetentionCase, error) {
	var out []RetentionCase
	err := s.view(func(q querier) error {
		set, err := settings(q)
		if err == nil {
			out, err = retentionDue(q, set, today, closedBefore)
		}
		if err != nil || len(out) == 0 {
			return err
		}
		copies, err := copiesOut(q, 0, true)
		holders := map[string][]string{}
		for _, c := range copies {
			holders[c.Reference] = append(holders[c.Reference], c.Expert)
		}
		for i := range out {
			out[i].CopiesWith = holders[out[i].Reference]
		}
		return err
	})
	return out, err
}

func retentionDue(q querier, set Settings, today, closedBefore Date) ([]RetentionCase, error) {
	// The index gives the files that ended before a bound; the bound for a period of years
	// leaves a few days to spare for 29 February, and retentionCovers has the last word.
	bound := closedBefore
	if bound.IsZero() {
		bound = today.AddMonths(-12 * set.RetentionYears()).AddDays(3)
	}
	var out []RetentionCase
	err := scanRows(q, func(rc *RetentionCase) []any {
		return []any{&rc.Reference, &rc.Status, &rc.ReceivedOn, &rc.Subject, &rc.Complainant, &rc.ClosedOn, &rc.Held, &rc.HoldReason}
	}, func(rc RetentionCase) {
		rc.DueOn = retentionDueOn(rc.ClosedOn, set)
		if retentionCovers(rc, today, closedBefore) {
			out = append(out, rc)
		}
	}, retentionDueSQL, bound)
	return out, err
}

// PastRetention is how many finished files not under a legal hold are past the retention period
// with the settings set: what Vandaag would ask to anonymise (RetentionItems). The settings
// screen says it before a shorter period is saved.
func (s *Store) PastRetention(set Settings) (int, error) {
	var n int
	err := s.view(func(q querier) error {
		due, err := retentionDue(q, set, s.today(), Date{})
		for _, it := range RetentionItems(due, s.today(), set) {
			n = it.Count
		}
		return err
	})
	return n, err
}

// retentionDueSQL reads the finished files not yet anonymised that ended before a day, from
// the partial index complaints_retention, in its order (the day a file ended is its closing or
// withdrawal; for an imported one without those, its resolution or receipt). Without
// statistics SQLite would rather search the status index and sort every finished file.
const retentionDueSQL = `SELECT reference, status, received_on, subject, complainant_name,
	coalesce(closed_on, withdrawn_on, resolved_on, received_on) AS ended, held, hold_reason
	FROM complaints INDEXED BY complaints_retention WHERE status IN ('closed', 'withdrawn') AND anonymised_on IS NULL
	AND coalesce(closed_on, withdrawn_on, resolved_on, received_on) < ?
	ORDER BY coalesce(closed_on, withdrawn_on, resolved_on, received_on), id`

// Hold places a legal hold on a complaint, with the reason (a pending disciplinary case):
// it is then kept out of anonymisation and erasure. A complaint already held gets the new
// reason.
func (s *Store) Hold(ref, reason string) error {
	reason, err := cleanText("reason", reason, textRule20k.as("de reden"))
	if err != nil {
		return err
	}
	if reason == "" {
		return invalid("reason", "vul in waarom de klacht bewaard moet blijven (bijvoorbeeld een lopende tuchtzaak); de reden komt in het dossier")
	}
	return s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if !c.AnonymisedOn.IsZero() {
			return conflict("klacht %s is al geanonimiseerd op %s; er valt niets meer te bewaren", ref, c.AnonymisedOn)
		}
		if err := tx.namesNobody("reason", reason, Msg("de reden"), Msg("noem geen namen: de reden staat in de overzichten van dossiers met een juridische bewaarplicht en blijft in het logboek")); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE complaints SET held = 1, hold_reason = ? WHERE id = ?`, reason, c.ID); err != nil {
			return err
		}
		return tx.event(c.ID, "hold_placed", map[string]string{"reason": reason})
	})
}

// ReleaseHold ends a complaint's legal hold; its retention period counts as before.
func (s *Store) ReleaseHold(ref string) error {
	return s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if !c.Held {
			return conflict("klacht %s staat niet onder een juridische bewaarplicht", ref)
		}
		if _, err := tx.Exec(`UPDATE complaints SET held = 0, hold_reason = '' WHERE id = ?`, c.ID); err != nil {
			return err
		}
		return tx.event(c.ID, "hold_released", map[string]string{})
	})
}

// RetentionReason is the reason an anonymisation records when the retention period has
// passed, from the app's review or the CLI: never a name.
const RetentionReason = "bewaartermijn verstreken"

// Anonymise removes the personal data of the complaints refs (see AnonymiseRemoves), each in
// its own transaction with its audit events, and then clears the freed space from the file
// (scrub). reason is recorded in the audit trail ("bewaartermijn verstreken"); a name of the
// complaint's people in it is masked. Every complaint is checked first: one that is under
// legal hold, not closed or withdrawn, already anonymised or unknown refuses the whole call
// with a message naming it, and nothing changes. It returns how many it anonymised.
func (s *Store) Anonymise(refs []string, reason string) (int, error) {
	reason, err := anonymiseReason(reason)
	if err != nil {
		return 0, err
	}
	for _, ref := range refs {
		c, err := getComplaint(s.reads(), ref)
		if err != nil {
			return 0, err
		}
		if err := anonymiseRefusal(c); err != nil {
			return 0, err
		}
	}
	n := 0
	for _, ref := range refs {
		if err := s.update(func(tx *Tx) error { return tx.anonymise(ref, reason, false) }); err != nil {
			if n > 0 {
				err = errors.Join(err, s.scrub())
			}
			return n, err
		}
		n++
	}
	if n == 0 {
		return 0, nil
	}
	return n, s.scrub()
}

// Erase anonymises one complaint before its retention period ends, at the complainant's
// request (art. 17 AVG), recording reason. It is refused under legal hold, and for an open
// complaint unless withdraw, which first records the withdrawal (the same step and rules as
// Withdraw) in the same transaction.
func (s *Store) Erase(ref, reason string, withdraw bool) error {
	reason, err := anonymiseReason(reason)
	if err != nil {
		return err
	}
	err = s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if err := ErasureRefusal(c); err != nil {
			return err
		}
		if c.Status.Open() {
			if !withdraw {
				return conflict("klacht %s is nog in behandeling (status %s); leg eerst vast dat de klager de klacht intrekt%s, of rond de klacht af",
					ref, c.Status, ForCLI(" (--withdraw)"))
			}
			if err := tx.step(ref, ActionWithdraw, withdrawStep(Date{}, "ingetrokken bij het verzoek om wissing")); err != nil {
				return err
			}
		}
		return tx.anonymise(ref, reason, true)
	})
	if err != nil {
		return err
	}
	return s.scrub()
}

// anonymiseReason checks the reason an anonymisation records.
func anonymiseReason(reason string) (string, error) {
	reason, err := cleanText("reason", reason, textRule20k.as("de reden"))
	if err == nil && reason == "" {
		err = invalid("reason", "vul de reden in (bijvoorbeeld: bewaartermijn verstreken, of verzoek van de klager); die komt in het logboek")
	}
	return reason, err
}

// anonymised is the payload of a complaint_anonymised event: why, and the facts of the
// erased events that the annual report still counts (the moments a closed file was reopened).
type anonymised struct {
	Reason         string   `json:"reason"`
	ErasureRequest bool     `json:"erasure_request"` // at the complainant's request, before retention ended
	Reopened       []string `json:"reopened,omitempty"`
}

// anonymise removes one complaint's personal data, erases it from the audit trail (payloads
// and row images of its earlier events, see eraseHistory) and records both.
func (tx *Tx) anonymise(ref, reason string, request bool) error {
	c, err := getComplaint(tx, ref)
	if err != nil {
		return err
	}
	if err := anonymiseRefusal(c); err != nil {
		return err
	}
	mask, err := complaintNames(tx, c)
	if err != nil {
		return err
	}
	p := anonymised{Reason: mask.mask(reason), ErasureRequest: request}
	if err := scanRows(tx, func(s *string) []any { return []any{s} }, func(s string) { p.Reopened = append(p.Reopened, s) },
		`SELECT e.at FROM events e JOIN event_payloads p ON p.event_id = e.id WHERE e.complaint_id = ?
		AND e.kind = 'status_changed' AND json_extract(p.payload, '$.action') = 'reopen' ORDER BY e.id`, c.ID); err != nil {
		return err
	}
	if err := tx.blank(c.ID); err != nil {
		return err
	}
	if err := writeSearch(tx, []int64{c.ID}); err != nil {
		return err
	}
	rows, err := personalRows(tx, c.ID)
	if err != nil {
		return err
	}
	// Every event's payload goes but that of a return of copies (it names only the expert and
	// the share, and without it the copies would count as still out, copiesOutSQL) and that of
	// an erasure record (event numbers and fingerprints; without it verify finds the erased
	// payloads and row images of a removed attachment missing).
	var events []int64
	if err := scanRows(tx, func(n *int64) []any { return []any{n} }, func(n int64) { events = append(events, n) },
		`SELECT id FROM events WHERE complaint_id = ? AND kind NOT IN ('copies_returned', 'payload_erased') ORDER BY id`, c.ID); err != nil {
		return err
	}
	measures, measureEvents, err := tx.maskMeasures(mask)
	if err != nil {
		return err
	}
	er, err := tx.eraseHistory(append(rows, measures...), append(events, measureEvents...))
	if err != nil {
		return err
	}
	if err := tx.event(c.ID, "complaint_anonymised", p); err != nil {
		return err
	}
	return tx.event(c.ID, "payload_erased", er)
}

// maskMeasures masks the complaint's names in every measure that still names them (one
// written before descriptions were checked for names): its description and evaluation. It
// returns those measures' rows and the events about them, whose payloads hold the old text.
func (tx *Tx) maskMeasures(mask nameMask) ([]rowRef, []int64, error) {
	type text struct {
		id               int64
		code, desc, eval string
	}
	var named []text
	if err := scanRows(tx, func(t *text) []any { return []any{&t.id, &t.code, &t.desc, &t.eval} }, func(t text) {
		if mask.find(t.desc) != "" || mask.find(t.eval) != "" {
			named = append(named, t)
		}
	}, `SELECT id, code, description, evaluation FROM measures ORDER BY id`); err != nil {
		return nil, nil, err
	}
	var rows []rowRef
	var events []int64
	for _, t := range named {
		if _, err := tx.Exec(`UPDATE measures SET description = ?, evaluation = ? WHERE id = ?`,
			mask.mask(t.desc), mask.mask(t.eval), t.id); err != nil {
			return nil, nil, err
		}
		rows = append(rows, rowRef{"measures", t.id})
		if err := scanRows(tx, func(n *int64) []any { return []any{n} }, func(n int64) { events = append(events, n) },
			`SELECT e.id FROM events e JOIN event_payloads p ON p.event_id = e.id
			WHERE e.kind LIKE 'measure%' AND json_extract(p.payload, '$.code') = ? ORDER BY e.id`, t.code); err != nil {
			return nil, nil, err
		}
	}
	return rows, events, nil
}

// complaintNames is the mask of every name the complaint's file holds: complainant,
// representative, the person complained about and those spoken with.
func complaintNames(q querier, c *Complaint) (nameMask, error) {
	mask := newNameMask(c.Complainant.Name, c.Complainant.Surname, c.Representative.Name, c.Representative.Surname, c.PersonNamed)
	err := scanRows(q, func(s *string) []any { return []any{s} }, func(s string) { mask.add(s) },
		`SELECT party_name FROM contacts WHERE complaint_id = ? AND party_name != ''`, c.ID)
	return mask, err
}

// blank removes the personal data from the complaint's rows and keeps what the annual report
// reads (AnonymiseKeeps): an extension's reason becomes the label of its category, which
// ClassifyExtension reads back as the same category.
func (tx *Tx) blank(id int64) error {
	if _, err := tx.Exec(`UPDATE complaints SET person_named = '', summary = '', description = '', desired_outcome = '',
		complainant_name = '', address_line1 = '', address_line2 = '', postcode = '', city = '', country = '', email = '', phone = '',
		outcome = '', letter_description = '', salutation = '', initials = '', surname = '',
		rep_name = '', rep_salutation = '', rep_initials = '', rep_surname = '', rep_address_line1 = '', rep_address_line2 = '',
		rep_postcode = '', rep_city = '', rep_country = '', rep_email = '', rep_phone = '', organisation = '', rep_organisation = '',
		no_measure_reason = CASE WHEN no_measure_reason != '' THEN ?1 ELSE '' END,
		no_hearing_reason = CASE WHEN no_hearing_reason != '' THEN ?1 ELSE '' END,
		hold_reason = '', anonymised_on = ?2 WHERE id = ?3`, anonymisedMark, tx.today(), id); err != nil {
		return err
	}
	var reasons []pair
	if err := scanRows(tx, func(p *pair) []any { return []any{&p.id, &p.a} }, func(p pair) { reasons = append(reasons, p) },
		`SELECT id, reason FROM extensions WHERE complaint_id = ?`, id); err != nil {
		return err
	}
	for _, r := range reasons {
		if _, err := tx.Exec(`UPDATE extensions SET reason = ? WHERE id = ?`, ClassifyExtension(r.a).Label(), r.id); err != nil {
			return err
		}
	}
	for _, stmt := range []string{
		`UPDATE contacts SET note = '', info_requested = '', party_name = '' WHERE complaint_id = ?`,
		`UPDATE consents SET how = '', scope = '' WHERE complaint_id = ?`,
		`UPDATE shares SET documents = '' WHERE complaint_id = ?`,
		`UPDATE letters SET pdf = x'', sha256 = '' WHERE complaint_id = ?`,
		`UPDATE attachments SET name = '', content = x'', size = 0, sha256 = '' WHERE complaint_id = ?`,
	} {
		if _, err := tx.Exec(stmt, id); err != nil {
			return err
		}
	}
	return nil
}

// readReopenedAnonymised reads the days on which the closed files that were since anonymised
// were reopened, in the two years: their status changes' payloads are erased, and their
// complaint_anonymised event keeps the moments (readReopened reads the others).
func (in *reportFacts) readReopenedAnonymised(q querier, year int) error {
	return scanRows(q, func(p *pair) []any { return []any{&p.a} }, func(p pair) {
		if t, err := time.Parse(time.RFC3339Nano, p.a); err == nil {
			in.reopened = append(in.reopened, Today(t))
		}
	}, reopenedAnonymisedSQL, fmt.Sprintf("%04d", year-1), fmt.Sprintf("%04d", year+1))
}

// reopenedAnonymisedSQL reads them through the partial index event_payloads_reopened_anonymised,
// named so that SQLite, which keeps no statistics, does not read every event instead; its instr
// term must stay in the query for SQLite to be allowed to use it.
const reopenedAnonymisedSQL = `SELECT r.value FROM event_payloads p INDEXED BY event_payloads_reopened_anonymised
	CROSS JOIN events e ON e.id = p.event_id, json_each(p.payload, '$.reopened') r
	WHERE instr(p.payload, '"reopened":') > 0 AND e.kind = 'complaint_anonymised' AND r.value >= ? AND r.value < ?`

// scrub clears what anonymising removed from the file itself: the full-text index is merged
// (its old segments still hold the words), VACUUM rewrites the file without free pages, and
// the write-ahead log, which holds earlier copies of the pages, is emptied. The writer
// connection runs with secure_delete, so removed text is already overwritten as it goes;
// should VACUUM fail (it needs free disk space the size of the register), the log is still
// emptied, and the error says that the anonymisation itself is done. VACUUM builds its copy in a temporary file rather than in memory, which for a large
// register would take twice its size: the copy holds only what the register still holds.
// Another program reading at this moment may keep the log from being emptied until it is done.
func (s *Store) scrub() error {
	var errs []error
	for _, q := range []string{
		`INSERT INTO complaint_search (complaint_search) VALUES ('optimize')`,
		`PRAGMA temp_store = FILE`,
		`VACUUM`,
		`PRAGMA temp_store = MEMORY`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := s.w.Exec(q); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", strings.Fields(q)[0], err))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	// Not classified as an unavailable register: the anonymisation itself is done.
	err := errors.Join(errs...)
	return fault(err, "de persoonsgegevens zijn verwijderd en overschreven, maar het bestand kon daarna niet worden "+
		"opgeschoond en verkleind (%v); controleer of er vrije schijfruimte is ter grootte van het register", err)
}
