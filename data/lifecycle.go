package data

import (
	"slices"
	"strings"
)

// Status is where a complaint stands in the procedure. The names are used as they are by
// the CLI, JSON and the database.
type Status string

// The statuses.
const (
	StatusInformal     Status = "informal"     // raised in conversation, not (yet) formal
	StatusReceived     Status = "received"     // formally filed, receipt not yet confirmed
	StatusAcknowledged Status = "acknowledged" // receipt confirmed in writing
	StatusExtended     Status = "extended"     // the one-month aim will not be met
	StatusResolved     Status = "resolved"     // verdict and outcome recorded
	StatusClosed       Status = "closed"       // file complete
	StatusWithdrawn    Status = "withdrawn"    // the complainant withdrew it
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{StatusInformal, StatusReceived, StatusAcknowledged, StatusExtended,
	StatusResolved, StatusClosed, StatusWithdrawn}

// Label is the status in the practitioner's words.
func (s Status) Label() string {
	return map[Status]string{
		StatusInformal: "informeel", StatusReceived: "ontvangen", StatusAcknowledged: "ontvangst bevestigd",
		StatusExtended: "verlengd", StatusResolved: "afgehandeld", StatusClosed: "gesloten",
		StatusWithdrawn: "ingetrokken",
	}[s]
}

// Open reports whether the complaint still needs handling.
func (s Status) Open() bool {
	return s != StatusResolved && s != StatusClosed && s != StatusWithdrawn
}

// Running reports whether the complaint's file is still running, as Vandaag counts it: also
// once its outcome is decided, while that is still to be confirmed in writing or a measure
// recorded before the file closes. A withdrawn complaint is no longer running, even while its
// withdrawal is still to be confirmed: that letter is an action item of its own.
func (s Status) Running() bool { return s != StatusClosed && s != StatusWithdrawn }

// ParseStatus reads a status by its name (closed) or by its label as the lists show it
// (gesloten, in any case).
func ParseStatus(s string) (Status, error) {
	if slices.Contains(Statuses, Status(s)) {
		return Status(s), nil
	}
	given := fold(strings.TrimSpace(s))
	known := make([]string, len(Statuses))
	for i, st := range Statuses {
		if fold(st.Label()) == given {
			return st, nil
		}
		known[i] = string(st) + " (" + st.Label() + ")"
	}
	return "", invalid("status", "onbekende status %q; kies uit %s", s, strings.Join(known, ", "))
}

// Action is a step in the lifecycle that changes a complaint's status.
type Action string

// The lifecycle steps.
const (
	ActionEscalate    Action = "escalate"
	ActionAcknowledge Action = "acknowledge"
	ActionExtend      Action = "extend"
	ActionResolve     Action = "resolve"
	ActionClose       Action = "close"
	ActionWithdraw    Action = "withdraw"
	ActionReopen      Action = "reopen"
)

// Label is the step in the practitioner's words.
func (a Action) Label() string {
	return map[Action]string{
		ActionEscalate: "formele klachtenprocedure starten", ActionAcknowledge: "ontvangst bevestigen",
		ActionExtend: "termijn verlengen", ActionResolve: "afhandelen met oordeel", ActionClose: "dossier sluiten",
		ActionWithdraw: "intrekken", ActionReopen: "dossier heropenen",
	}[a]
}

// transitions is the procedure: from each status, the steps allowed and where they lead.
// Receipt must be confirmed before a formal complaint is resolved, and only a resolved
// complaint can be closed.
var transitions = map[Status][]struct {
	Action Action
	To     Status
}{
	StatusInformal:     {{ActionEscalate, StatusReceived}, {ActionResolve, StatusResolved}, {ActionWithdraw, StatusWithdrawn}},
	StatusReceived:     {{ActionAcknowledge, StatusAcknowledged}, {ActionWithdraw, StatusWithdrawn}},
	StatusAcknowledged: {{ActionExtend, StatusExtended}, {ActionResolve, StatusResolved}, {ActionWithdraw, StatusWithdrawn}},
	StatusExtended:     {{ActionExtend, StatusExtended}, {ActionResolve, StatusResolved}, {ActionWithdraw, StatusWithdrawn}},
	StatusResolved:     {{ActionClose, StatusClosed}},
	StatusClosed:       {{ActionReopen, StatusResolved}}, // a correction, with its reason on record
}

// AllowedActions lists the steps allowed from status s, in procedure order.
func AllowedActions(s Status) []Action {
	var out []Action
	for _, t := range transitions[s] {
		out = append(out, t.Action)
	}
	return out
}

// Next returns the status a step leads to, or a CodeTransition error that names the current
// status and the steps that are allowed from it.
func Next(ref string, s Status, a Action) (Status, error) {
	for _, t := range transitions[s] {
		if t.Action == a {
			return t.To, nil
		}
	}
	allowed := AllowedActions(s)
	hint := Msg("vanuit deze status is geen stap meer mogelijk")
	if len(allowed) > 0 {
		steps := make(List, len(allowed))
		for i, x := range allowed {
			steps[i] = Msg("%s%s", x, ForCLI(" ("+string(x)+")"))
		}
		hint = Msg("wel mogelijk: %s", steps)
	}
	if why, ok := whatFirst(ref, s, a); ok { // the CLI also names the status and the steps it allows
		cli := Msg("status %q%s", s, ForCLI(" ("+string(s)+")"))
		if len(allowed) > 0 {
			cli = Msg("%s; %s", cli, hint)
		}
		return "", NewError(CodeTransition, "status", "%s%s", why, ForCLI(" ("+cli.String()+")"))
	}
	return "", NewError(CodeTransition, "status", "%s kan niet bij klacht %s: de status is %q%s; %s", Capital{a}, ref, s, ForCLI(" ("+string(s)+")"), hint)
}

// whatFirst says in the procedure's words why step a cannot be taken at status s, and what
// comes first, for the refusals a practitioner meets in the course of a complaint: a status
// name and a list of steps made them work it out themselves.
func whatFirst(ref string, s Status, a Action) (Text, bool) {
	switch {
	case s == StatusWithdrawn:
		return Msg("klacht %s is ingetrokken; er is geen stap meer mogelijk", ref), true
	case s == StatusClosed:
		return Msg("het dossier van klacht %s is gesloten; heropen het eerst als er iets moet worden gecorrigeerd", ref), true
	case s == StatusResolved && a == ActionReopen:
		return Msg("alleen een gesloten dossier kan worden heropend; klacht %s is afgehandeld, maar het dossier is nog niet gesloten", ref), true
	case s == StatusResolved: // not "closing is all that is left": closing may still wait for the outcome letter or a measure
		return Msg("klacht %s is al afgehandeld; deze stap hoort bij een klacht die nog in behandeling is", ref), true
	case a == ActionReopen:
		return Msg("alleen een gesloten dossier kan worden heropend; klacht %s loopt nog", ref), true
	case a == ActionClose:
		return Msg("het dossier van klacht %s kan pas worden gesloten als de klacht is afgehandeld", ref), true
	case a == ActionEscalate:
		return Msg("klacht %s volgt de formele klachtenprocedure al", ref), true
	case s == StatusInformal:
		return Msg("klacht %s is informeel; start eerst de formele klachtenprocedure", ref), true
	case a == ActionAcknowledge:
		return Msg("de ontvangst van klacht %s is al bevestigd", ref), true
	case s == StatusReceived:
		return Msg("%s kan pas na de ontvangstbevestiging; bevestig eerst de ontvangst van klacht %s", Capital{a}, ref), true
	}
	return Text{}, false
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// checkDay refuses a date in the future or before the complaint was received. The zero date
// means today.
func checkDay(field string, on *Date, c *Complaint, today Date) error {
	floor, what := c.DayFloor(ActionEdit)
	return checkDayAfter(field, on, floor, what, today)
}

// DayFloor is the first day step a of complaint c may carry, and the step before it that sets
// that day: a formal complaint's resolution follows its acknowledgement, an acknowledgement the
// start of the formal procedure, any other step the receipt. The store refuses an earlier
// date; the step dialogs check it as it is typed.
func (c *Complaint) DayFloor(a Action) (Date, Text) {
	switch {
	case a == ActionResolve && c.Formal:
		return c.AcknowledgedOn, Msg("de ontvangstbevestiging")
	case a == ActionAcknowledge:
		return c.FiledOn, Msg("de start van de formele procedure")
	}
	return c.ReceivedOn, Msg("de ontvangst van de klacht")
}

// checkDayAfter refuses a date in the future or before floor, the date of the step that must
// come first (named by what), so the file never tells a story in the wrong order. The zero
// date means today.
func checkDayAfter(field string, on *Date, floor Date, what Text, today Date) error {
	if on.IsZero() {
		*on = today
	}
	switch {
	case on.After(today):
		return invalid(field, "de datum %s ligt in de toekomst", *on)
	case on.Before(floor):
		return invalid(field, "de datum %s ligt vóór %s (%s); een stap kan niet eerder zijn gezet dan de stap ervoor", *on, what, floor)
	}
	return nil
}

// Resolution is the decision on a complaint.
type Resolution struct {
	Verdict Verdict
	Outcome string // what was decided or agreed
	On      Date   // zero: today
	// Justified is required for a complaint settled in consultation: was it (partly) justified?
	// A justified one then needs a measure or a reason why none is needed, like a well-founded one.
	Justified Justified
	// NoHearingReason says why a formal complaint is decided without hearing the complainant or
	// the person it concerns, for instance no answer to two invitations.
	NoHearingReason string
}

// check validates the resolution of complaint c, whose parties in heard were heard. A formal
// complaint is decided only after hearing both sides (hoor en wederhoor): the complainant and,
// when it concerns a named person, that person, or with a recorded reason why not. Informal
// complaints are settled in conversation and need neither.
func (r *Resolution) check(c *Complaint, heard []Party, today Date) error {
	var err error
	if r.Outcome, err = cleanText("outcome", r.Outcome, textRule20k.as("de uitkomst")); err != nil {
		return err
	}
	if r.NoHearingReason, err = cleanText("no_hearing_reason", r.NoHearingReason, textRule20k.as("de reden waarom niet is gehoord")); err != nil {
		return err
	}
	if _, err := ParseVerdict(string(r.Verdict)); err != nil {
		return err
	}
	switch {
	case r.Outcome == "":
		return invalid("outcome", "vul de uitkomst in: wat is er besloten of afgesproken")
	case r.Verdict == VerdictSettled && r.Justified != JustifiedYes && r.Justified != JustifiedNo:
		return invalid("justified", "geef aan of de in overleg opgeloste klacht (deels) terecht was%s; een terechte klacht telt mee in de evaluatie",
			ForCLI(" (--justified yes of no)"))
	case r.Verdict != VerdictSettled:
		r.Justified = ""
	}
	floor, what := c.DayFloor(ActionResolve)
	if err := checkDayAfter("on", &r.On, floor, what, today); err != nil {
		return err
	}
	if r.NoHearingReason != "" {
		return nil
	}
	return NotHeard(c, heard)
}

// NotHeard refuses to decide formal complaint c while a party is not heard (hoor en
// wederhoor): heard are the parties heard in its contacts. The resolve dialog tells it before
// the practitioner writes the outcome, and then asks why not. The person the complaint
// concerns who also handles it, as the procedure has it and as in a practice of one, is the
// one who decides: there is no one else to hear.
func NotHeard(c *Complaint, heard []Party) error {
	if !c.Formal {
		return nil
	}
	complainant := !slices.Contains(heard, PartyComplainant)
	concerned := c.PersonNamed != "" && !samePerson(c.PersonNamed, c.Handler) && !slices.Contains(heard, PartyConcerned)
	switch {
	case complainant && concerned:
		return conflict("klacht %s kan nog niet worden afgehandeld: de klager en %s, over wie de klacht gaat, zijn nog niet gehoord (hoor en wederhoor). Leg het gesprek vast als contactmoment waarin de zienswijze is gehoord, of leg vast waarom dat niet kon", c.Reference, c.PersonNamed)
	case complainant:
		return conflict("klacht %s kan nog niet worden afgehandeld: de klager is nog niet gehoord (hoor en wederhoor). Leg het gesprek vast als contactmoment waarin de zienswijze is gehoord, of leg vast waarom dat niet kon", c.Reference)
	case concerned:
		return conflict("klacht %s kan nog niet worden afgehandeld: %s, over wie de klacht gaat, is nog niet gehoord (hoor en wederhoor). Leg het gesprek vast als contactmoment waarin de zienswijze is gehoord, of leg vast waarom dat niet kon", c.Reference, c.PersonNamed)
	}
	return nil
}

// samePerson reports whether two names as typed are one person's: "Anne de Linde" and
// "anne  de linde".
func samePerson(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// Justified answers, for a complaint settled in consultation, whether it was (partly) justified.
type Justified string

// The answers; "" means the question does not apply (another verdict).
const (
	JustifiedYes Justified = "yes"
	JustifiedNo  Justified = "no"
)
