package data

import (
	"fmt"
	"strings"
)

// step runs one lifecycle step: it loads the complaint in the transaction, checks that the
// step is allowed from its status, lets apply set the step's fields, and stores the result
// with a status_changed event. detail is what the audit trail and timeline show beside it.
func (s *Store) step(ref string, a Action, apply stepFunc) error {
	return s.update(func(tx *Tx) error { return tx.step(ref, a, apply) })
}

// anonymisedRefusal refuses every change to an anonymised complaint's file.
func anonymisedRefusal(c *Complaint) error {
	return conflict("klacht %s is geanonimiseerd op %s; het dossier kan niet meer worden gewijzigd", c.Reference, c.AnonymisedOn)
}

// stepFunc sets the fields of one lifecycle step and says what the audit trail shows beside it.
type stepFunc func(tx *Tx, c *Complaint, set Settings) (detail Text, err error)

// step is Store.step inside a transaction that may hold more changes, such as a letter marked
// sent that also confirms receipt.
func (tx *Tx) step(ref string, a Action, apply stepFunc) error {
	c, err := getComplaint(tx, ref)
	if err != nil {
		return err
	}
	if !c.AnonymisedOn.IsZero() {
		return anonymisedRefusal(c)
	}
	to, err := Next(c.Reference, c.Status, a)
	if err != nil {
		return err
	}
	set, err := settings(tx)
	if err != nil {
		return err
	}
	old := *c
	detail, err := apply(tx, c, set)
	if err != nil {
		return err
	}
	c.Status = to
	if err := tx.saveStep(&old, c); err != nil {
		return err
	}
	// detail is kept twice: in Dutch, as every reader of the audit trail had it, and as a
	// Text whose arguments keep their types, so the timeline can say it in another language.
	return tx.event(c.ID, "status_changed", map[string]any{"action": string(a), "from": string(old.Status),
		"to": string(to), "detail": detail.String(), "detail_text": detail})
}

// saveStep writes the lifecycle fields a step changed, and only those: every index on a
// column it leaves alone stays untouched, which on a large register is most of a step's work.
func (tx *Tx) saveStep(old, c *Complaint) error {
	var set []string
	var args []any
	for _, f := range []struct {
		column   string
		old, new any
	}{
		{"status = ?", old.Status, c.Status}, {"formal = ?", old.Formal, c.Formal}, {"filed_on = ?", old.FiledOn, c.FiledOn},
		{"ack_due_on = ?", old.AckDueOn, c.AckDueOn}, {"acknowledged_on = ?", old.AcknowledgedOn, c.AcknowledgedOn},
		{"due_on = ?", old.DueOn, c.DueOn}, {"resolved_on = ?", old.ResolvedOn, c.ResolvedOn},
		{"verdict = nullif(?, '')", old.Verdict, c.Verdict}, {"outcome = ?", old.Outcome, c.Outcome},
		{"closed_on = ?", old.ClosedOn, c.ClosedOn}, {"withdrawn_on = ?", old.WithdrawnOn, c.WithdrawnOn},
		{"deadline_policy = ?", old.DeadlinePolicy, c.DeadlinePolicy}, {"no_hearing_reason = ?", old.NoHearingReason, c.NoHearingReason},
		{"taken_by = ?", old.TakenBy, c.TakenBy}, {"explicit_request = ?", old.ExplicitRequest, c.ExplicitRequest},
		{"justified = ?", old.Justified, c.Justified},
	} {
		if fmt.Sprint(f.old) != fmt.Sprint(f.new) {
			set, args = append(set, f.column), append(args, f.new)
		}
	}
	if len(set) == 0 {
		return nil
	}
	_, err := tx.Exec(`UPDATE complaints SET `+strings.Join(set, ", ")+` WHERE id = ?`, append(args, c.ID)...)
	return err
}

// Escalate starts the formal procedure for an informal complaint, on the day the complainant
// asked for it (zero: today). The deadlines run from that day. A phone complaint needs p: the
// complainant's explicit request and who took the call, or that it was then filed in writing.
func (s *Store) Escalate(ref string, on Date, p PhoneIntake) error {
	var err error
	if p.TakenBy, err = cleanText("taken_by", p.TakenBy, lineRule.as("wie het gesprek aannam")); err != nil {
		return err
	}
	if p.InWriting && (p.TakenBy != "" || p.ExplicitRequest) {
		return invalid("in_writing", "een klacht is schriftelijk ingediend of telefonisch met een uitdrukkelijk verzoek; kies één van de twee")
	}
	return s.step(ref, ActionEscalate, func(tx *Tx, c *Complaint, set Settings) (Text, error) {
		if err := checkDay("on", &on, c, tx.today()); err != nil {
			return Text{}, err
		}
		if err := c.fileFormally(on, set, p); err != nil {
			return Text{}, err
		}
		switch {
		case p.InWriting && c.Channel == ChannelPhone:
			return Msg("formele klachtenprocedure gevraagd op %s; na het telefoongesprek schriftelijk ingediend", on), nil
		case c.TakenBy != "":
			return Msg("formele klachtenprocedure gevraagd op %s; uitdrukkelijk telefonisch gevraagd, aangenomen door %s", on, c.TakenBy), nil
		}
		return Msg("formele klachtenprocedure gevraagd op %s", on), nil
	})
}

// Acknowledge records that receipt was confirmed in writing on the given day (zero: today)
// without the app's acknowledgement letter, whose sending confirms receipt by itself. How it
// went out and what it said are required: the procedure promises written confirmation, and the
// file must show it. Both are recorded in the step's event, on the timeline.
func (s *Store) Acknowledge(ref string, on Date, via Delivery, note string) error {
	note = strings.TrimSpace(note)
	switch {
	case via == "":
		return invalid("via", "de ontvangst wordt schriftelijk bevestigd: maak de ontvangstbevestiging en markeer die als verstuurd, of geef aan hoe u de ontvangst wel schriftelijk bevestigde (per post, per e-mail of afgegeven) en wat u schreef")
	case note == "":
		return invalid("note", "vul in wat u schreef toen u de ontvangst bevestigde")
	}
	if _, err := ParseDelivery(string(via)); err != nil {
		return err
	}
	confirm := acknowledge(on)
	return s.step(ref, ActionAcknowledge, func(tx *Tx, c *Complaint, set Settings) (Text, error) {
		detail, err := confirm(tx, c, set)
		return Msg("%s, %s zonder brief uit het programma: %s", detail, via.SentText(), note), err
	})
}

// acknowledge is the acknowledge step, shared by Acknowledge and by marking the
// acknowledgement letter sent.
func acknowledge(on Date) stepFunc {
	return func(tx *Tx, c *Complaint, _ Settings) (Text, error) {
		floor, what := c.DayFloor(ActionAcknowledge)
		if err := checkDayAfter("on", &on, floor, what, tx.today()); err != nil {
			return Text{}, err
		}
		c.AcknowledgedOn = on
		return Msg("ontvangst bevestigd op %s", on), nil
	}
}

// originalDueSQL is the original target date of the complaint aliased c: the one an imported
// sheet gave, else the date its first extension replaced (extensions only ever move it later),
// or else its target date. Extending, the export and the annual report's "within the
// deadline" all read it from here.
const originalDueSQL = `coalesce(c.original_due_on, (SELECT min(e.previous_due_on) FROM extensions e WHERE e.complaint_id = c.id), c.due_on)`

// Extend records that the target date will not be met: the reason and the new date. Each
// extension owes the complainant its own progress letter, which shows up as an action item. An
// extension recorded after the target date it replaces has passed is accepted, since the file
// must say what happened, but stays on record as late.
func (s *Store) Extend(ref string, until Date, reason string) error {
	reason, err := cleanText("reason", reason, textRule20k.as("de reden van de verlenging"))
	if err != nil {
		return err
	}
	return s.step(ref, ActionExtend, func(tx *Tx, c *Complaint, set Settings) (Text, error) {
		var earlier int
		if err := tx.QueryRow(`SELECT count(*) FROM extensions WHERE complaint_id = ?`, c.ID).Scan(&earlier); err != nil {
			return Text{}, err
		}
		today := tx.today()
		if err := CheckExtension(c, earlier, until, today, reason, set); err != nil {
			return Text{}, err
		}
		late := today.After(c.DueOn)
		if _, err := tx.Exec(`INSERT INTO extensions (complaint_id, extended_on, previous_due_on, until, reason, late)
			VALUES (?, ?, ?, ?, ?, ?)`, c.ID, today, c.DueOn, until, reason, late); err != nil {
			return Text{}, err
		}
		previous := c.DueOn
		c.DueOn = until
		if late {
			return Msg("termijn verlengd van %s tot %s; reden: %s; te laat verlengd: de termijn was al verstreken", previous, until, reason), nil
		}
		return Msg("termijn verlengd van %s tot %s; reden: %s", previous, until, reason), nil
	})
}

// Resolve records the decision on a complaint (see Resolution.check for what it needs).
func (s *Store) Resolve(ref string, r Resolution) error {
	return s.step(ref, ActionResolve, func(tx *Tx, c *Complaint, _ Settings) (Text, error) {
		// Only what Heard reads: the contacts' notes are not needed to decide.
		var cts []Contact
		if err := scanRows(tx, func(ct *Contact) []any { return []any{&ct.Party, &ct.Hearing} }, func(ct Contact) { cts = append(cts, ct) },
			`SELECT party, hearing FROM contacts WHERE complaint_id = ?`, c.ID); err != nil {
			return Text{}, err
		}
		if err := r.check(c, Heard(cts), tx.today()); err != nil {
			return Text{}, err
		}
		c.Verdict, c.Outcome, c.ResolvedOn, c.Justified, c.NoHearingReason = r.Verdict, r.Outcome, r.On, r.Justified, r.NoHearingReason
		if r.NoHearingReason != "" {
			return Msg("oordeel: %s; uitkomst: %s; niet alle partijen gehoord: %s", r.Verdict, r.Outcome, r.NoHearingReason), nil
		}
		return Msg("oordeel: %s; uitkomst: %s", r.Verdict, r.Outcome), nil
	})
}

// CloseComplaint completes the file, once CanClose allows it.
func (s *Store) CloseComplaint(ref string) error {
	return s.step(ref, ActionClose, func(tx *Tx, c *Complaint, _ Settings) (Text, error) {
		f := Facts{Complaint: *c}
		if err := tx.QueryRow(`SELECT `+outcomeSentSQL+`, `+measureCountSQL+` FROM complaints c WHERE c.id = ?`,
			c.ID).Scan(&f.OutcomeSentOn, &f.MeasureCount); err != nil {
			return Text{}, err
		}
		if err := CanClose(f); err != nil {
			return Text{}, err
		}
		c.ClosedOn = tx.today()
		return Msg("dossier gesloten"), nil
	})
}

// Withdraw records that the complainant withdrew the complaint on the given day (zero:
// today), with an optional note.
func (s *Store) Withdraw(ref string, on Date, note string) error {
	note, err := cleanText("note", note, textRule20k.as("de notitie"))
	if err != nil {
		return err
	}
	return s.step(ref, ActionWithdraw, withdrawStep(on, note))
}

// withdrawStep records the withdrawal on the day on (zero: today); Erase takes it too.
func withdrawStep(on Date, note string) stepFunc {
	return func(tx *Tx, c *Complaint, _ Settings) (Text, error) {
		if err := checkDay("on", &on, c, tx.today()); err != nil {
			return Text{}, err
		}
		c.WithdrawnOn = on
		if note == "" {
			return Msg("klacht ingetrokken op %s", on), nil
		}
		return Msg("klacht ingetrokken op %s; toelichting: %s", on, note), nil // withdrawnWithNote in audit.go
	}
}

// Reopen takes a closed file back to resolved to correct it, recording why. It can then be
// changed and closed again, under the same closing rules.
func (s *Store) Reopen(ref, reason string) error {
	reason, err := cleanText("reason", reason, textRule20k.as("de reden"))
	if err != nil {
		return err
	}
	return s.step(ref, ActionReopen, func(tx *Tx, c *Complaint, _ Settings) (Text, error) {
		if reason == "" {
			return Text{}, invalid("reason", "vul in waarom het dossier wordt heropend; de reden komt in het dossier")
		}
		c.ClosedOn = Date{}
		return Msg("dossier heropend; reden: %s", reason), nil
	})
}
