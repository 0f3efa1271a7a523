package data

import "slices"

// Steps that a complaint file offers besides the status changes of the lifecycle. They change
// no status, so Next never takes them, but the file's buttons and the store ask the same
// question of them: may this happen now?
const (
	ActionContact             Action = "contact"              // record a call, meeting, letter or e-mail
	ActionRequestInformation  Action = "request_information"  // ask the complainant for more
	ActionInformationReceived Action = "information_received" // the requested information came in
	ActionConsultExpert       Action = "consult_expert"       // involve an external expert
	ActionEdit                Action = "edit"                 // change details, letters, documents or measure links
)

// FileSteps lists the steps a complaint file offers, in the order the file shows them.
var FileSteps = []Action{ActionEscalate, ActionAcknowledge, ActionExtend, ActionResolve, ActionClose, ActionWithdraw,
	ActionReopen, ActionContact, ActionRequestInformation, ActionInformationReceived, ActionConsultExpert, ActionEdit}

// StepRefusal says why step a cannot be taken now for the complaint with facts f, or nil
// when it can. It is the one rule behind both the store's refusals and the file's buttons.
func StepRefusal(f Facts, a Action) error {
	if !f.AnonymisedOn.IsZero() { // what the file held is gone; what stays is the report's
		return anonymisedRefusal(&f.Complaint)
	}
	switch a {
	case ActionConsultExpert:
		if f.Anonymous {
			return NewError(CodeTransition, "", "klacht %s is anoniem; zonder klager is er geen toestemming om stukken met een deskundige te delen", f.Reference)
		}
		return readOnly(&f.Complaint)
	case ActionContact, ActionEdit:
		return readOnly(&f.Complaint)
	case ActionRequestInformation:
		if !f.Status.Open() {
			return NewError(CodeTransition, "", "klacht %s is %s; er kan geen informatie meer worden gevraagd", f.Reference, f.Status)
		}
	case ActionInformationReceived:
		if len(f.InfoExpected) == 0 {
			return conflict("bij klacht %s staat geen verzoek om informatie open", f.Reference)
		}
	default:
		if _, err := Next(f.Reference, f.Status, a); err != nil {
			return err
		}
		if a == ActionEscalate && f.Anonymous {
			return NewError(CodeTransition, "formal", "klacht %s is anoniem geregistreerd en kan niet formeel worden: voor de formele procedure zijn naam en adres van de klager nodig", f.Reference)
		}
		if a == ActionClose {
			return CanClose(f)
		}
	}
	return nil
}

// AllowedSteps gives, for each step of the file, why it is refused now (nil: allowed).
func AllowedSteps(f Facts) map[Action]error {
	out := make(map[Action]error, len(FileSteps))
	for _, a := range FileSteps {
		out[a] = StepRefusal(f, a)
	}
	return out
}

// CanClose is the guard on closing a resolved complaint's file. A formal complaint closes only
// once its outcome letter was marked sent, as the procedure promises written confirmation of
// the outcome; a complaint found (partly) well-founded only once it has a measure against
// recurrence or a recorded reason why none is needed, as the procedure promises that such
// complaints feed the evaluation.
// The measure is asked first: under the Wkkgz the outcome letter names it (OutcomeLetterRefusal).
func CanClose(f Facts) error {
	if measureDue(&f.Complaint, f.MeasureCount) {
		return conflict("%s en kan nog niet worden gesloten: er is geen verbetermaatregel gekoppeld. Leg een verbetermaatregel vast, koppel een bestaande maatregel aan de klacht of leg vast waarom er geen nodig is", measureWhy(&f.Complaint))
	}
	if f.OutcomeLetterDue() {
		return conflict("klacht %s kan nog niet worden gesloten: de uitkomst is nog niet schriftelijk bevestigd. Maak de uitkomstbrief en markeer die als verstuurd", f.Reference)
	}
	return nil
}

// measureWhy says why complaint c needs a measure: its verdict.
func measureWhy(c *Complaint) Text {
	if !c.Verdict.NeedsMeasure() {
		return Msg("klacht %s is in overleg opgelost en was (deels) terecht", c.Reference)
	}
	return Msg("klacht %s is %s verklaard", c.Reference, c.Verdict)
}

// readOnly refuses any change to a closed or withdrawn complaint's file: its details, contacts,
// consent, shares, attachments, letters and measure links. A closed file is evidence of how the
// complaint was handled; a correction goes through reopening, with its reason on record.
func readOnly(c *Complaint) error {
	switch c.Status {
	case StatusClosed:
		return NewError(CodeTransition, "", "klacht %s is gesloten en kan niet meer worden gewijzigd; heropen het dossier eerst en geef daarbij de reden op", c.Reference)
	case StatusWithdrawn:
		return NewError(CodeTransition, "", "klacht %s is ingetrokken en kan niet meer worden gewijzigd", c.Reference)
	}
	return nil
}

// changeable loads the complaint ref for a change to its file, refusing a closed or withdrawn one.
func (tx *Tx) changeable(ref string) (*Complaint, error) {
	c, err := getComplaint(tx, ref)
	if err != nil {
		return nil, err
	}
	return c, readOnly(c)
}

// Stage is one station of the procedure line at the top of a complaint file: Ontvangen →
// Bevestigd → (Verlengd) → Afgehandeld → Gesloten, or where a withdrawn complaint stopped.
type Stage struct {
	Status   Status // the status the complaint has at this station
	On       Date   // when the complaint reached it; zero while it lies ahead
	DueOn    Date   // for a station ahead: by when the procedure wants it reached; zero when it sets no date
	Current  bool   // where the complaint stands now
	Optional bool   // a station the procedure passes only when needed (an extension), not reached
}

// Stages is the procedure line of the complaint with facts f. An informal complaint goes from
// informal straight to resolved; an extension shows only while it may still come or once it
// came; a withdrawn complaint ends where it was withdrawn.
func Stages(f Facts) []Stage {
	c := &f.Complaint
	var out []Stage
	if c.Formal {
		out = append(out, Stage{Status: StatusReceived, On: c.ReceivedOn},
			Stage{Status: StatusAcknowledged, On: c.AcknowledgedOn, DueOn: c.AckDueOn})
		switch {
		case len(f.Notices) > 0:
			out = append(out, Stage{Status: StatusExtended, On: f.Notices[len(f.Notices)-1].ExtendedOn})
		case c.Status.Open():
			out = append(out, Stage{Status: StatusExtended, Optional: true})
		}
	} else {
		out = append(out, Stage{Status: StatusInformal, On: c.ReceivedOn})
	}
	out = append(out, Stage{Status: StatusResolved, On: c.ResolvedOn, DueOn: c.DueOn}, Stage{Status: StatusClosed, On: c.ClosedOn})
	if c.Status == StatusWithdrawn {
		reached := out[:0]
		for _, s := range out {
			if !s.On.IsZero() {
				reached = append(reached, s)
			}
		}
		out = append(reached, Stage{Status: StatusWithdrawn, On: c.WithdrawnOn})
	}
	current := slices.IndexFunc(out, func(s Stage) bool { return s.Status == c.Status })
	for i := range out {
		switch {
		case i == current:
			out[i].Current, out[i].DueOn = true, Date{}
		case i > current: // reopened: what lies ahead again is not reached
			out[i].On = Date{}
		default:
			out[i].DueOn = Date{}
		}
	}
	return out
}

// NextStep is the step the procedure asks for next on the complaint with facts f, the one a
// complaint file offers most prominently; "" when the file is finished (closed or withdrawn).
// Whether it is allowed now is StepRefusal's to say.
func NextStep(f Facts) Action {
	return map[Status]Action{StatusInformal: ActionResolve, StatusReceived: ActionAcknowledge,
		StatusAcknowledged: ActionResolve, StatusExtended: ActionResolve, StatusResolved: ActionClose}[f.Status]
}
