package data

// Warning is the deadline state of an action item or an open complaint.
type Warning string

// The warning levels, from calm to alarming.
const (
	WarningOK      Warning = "ok"
	WarningDueSoon Warning = "due_soon"
	WarningOverdue Warning = "overdue"
)

// severity orders warnings so the worst can be picked and sorted first.
func (w Warning) severity() int {
	switch w {
	case WarningOverdue:
		return 2
	case WarningDueSoon:
		return 1
	}
	return 0
}

// Label is the warning in the practitioner's words.
func (w Warning) Label() string {
	return map[Warning]string{WarningOK: "op tijd", WarningDueSoon: "bijna verlopen", WarningOverdue: "verlopen"}[w]
}

// WarningFor says how close due is: overdue once it has passed, due soon within warnDays, but
// for a deadline that ran from start (zero: not known) only in the second half of its time: a
// week to acknowledge receipt is not due soon from its first day.
func WarningFor(start, due, today Date, warnDays int) Warning {
	if !start.IsZero() {
		warnDays = min(warnDays, start.DaysUntil(due)/2)
	}
	switch left := today.DaysUntil(due); {
	case left < 0:
		return WarningOverdue
	case left <= warnDays:
		return WarningDueSoon
	}
	return WarningOK
}

// dueAfter is the deadline that falls n days after start, moved off weekends and holidays
// when the practice has that setting on (the default, as the Algemene termijnenwet does).
func dueAfter(start Date, days int, s Settings) Date {
	return workday(start.AddDays(days), s)
}

func workday(d Date, s Settings) Date {
	if s.ShiftToWorkday() {
		return NextWorkingDay(d)
	}
	return d
}

// ShortTermDue is the practice's short term (ack_days) after from: when receipt of a complaint
// filed that day must be confirmed, and also when an informal complaint should be settled or
// formalised and when the outcome letter and a measure are due after the decision.
func ShortTermDue(from Date, s Settings) Date { return dueAfter(from, s.AckDays(), s) }

// ResolutionDue is when a complaint filed on filed should be settled under the deadline policy
// it was filed under. The published procedure promises one calendar month; other regimes are
// presets.
func ResolutionDue(filed Date, policy string, s Settings) Date {
	return workday(termEnd(filed, policy, s), s)
}

// termEnd is the last day of the resolution term before any move to a working day.
func termEnd(filed Date, policy string, s Settings) Date {
	switch policy {
	case PolicyWkkgz:
		return filed.AddDays(6 * 7)
	case Policy4Weeks:
		return filed.AddDays(4 * 7)
	case Policy8Weeks:
		return filed.AddDays(8 * 7)
	case PolicyCustom:
		return filed.AddDays(s.CustomDays())
	}
	return filed.AddMonths(1)
}

// TermWarning says when a care practice chose a resolution term longer than the six weeks the
// Wkkgz allows (eight weeks, or its own number of days); the zero Text when there is nothing
// to say. Saved all the same: the settings screen and the CLI show it.
func TermWarning(s Settings) Text {
	if s.Profession() != ProfessionCare {
		return Text{}
	}
	filed := NewDate(2026, 1, 1) // any day: a term is a fixed number of days, or a month
	if days := filed.DaysUntil(termEnd(filed, s.Policy(), s)); days > 6*7 {
		return Msg("de Wkkgz vraagt een zorgaanbieder binnen zes weken op een klacht te beslissen (eenmaal te verlengen met ten hoogste vier weken); de gekozen afhandeltermijn van %d dagen is langer", days)
	}
	return Text{}
}

// wkkgzMaxExtension is the longest extension the Wkkgz allows, once.
const wkkgzMaxExtension = 4 * 7

// ExtensionRange is where a new target date for a complaint may fall: after After and, when
// Latest is set, not after Latest. Proposed is the date a form offers first.
type ExtensionRange struct {
	After, Latest, Proposed Date
	Wkkgz                   bool // Latest is the Wkkgz's four weeks, which a form names as the reason
}

// extensionRange is the range for complaint c, which has had `earlier` extensions already.
// Under the Wkkgz the term may be extended once, by at most four weeks: counted from the end
// of the six weeks before any move to a working day, and then moved once, so a term that ended
// on a holiday does not add the holiday to the extension. An error says so when that one
// extension was used.
func extensionRange(c *Complaint, earlier int, today Date, s Settings) (ExtensionRange, error) {
	r := ExtensionRange{After: latest(c.DueOn, today), Proposed: c.DueOn.AddDays(wkkgzMaxExtension)}
	if c.DeadlinePolicy == PolicyWkkgz {
		if earlier > 0 {
			return r, conflict("onder de Wkkgz mag de termijn maar één keer worden verlengd; deze klacht is al verlengd")
		}
		r.Latest = workday(termEnd(c.FiledOn, PolicyWkkgz, s).AddDays(wkkgzMaxExtension), s)
		r.Proposed, r.Wkkgz = r.Latest, true
	}
	if !r.Proposed.After(r.After) {
		r.Proposed = r.After.AddDays(wkkgzMaxExtension)
	}
	// More than a year after receipt is a typo, not a plan (CheckExtension says so).
	if year := c.ReceivedOn.AddMonths(12); !c.ReceivedOn.IsZero() && (r.Latest.IsZero() || year.Before(r.Latest)) {
		r.Latest, r.Wkkgz = year, false
	}
	return r, nil
}

// CheckExtension validates a new target date for complaint c, which has had `earlier`
// extensions already.
func CheckExtension(c *Complaint, earlier int, until, today Date, reason string, s Settings) error {
	switch {
	case reason == "":
		return invalid("reason", "vul de reden van de verlenging in; de klager krijgt die te lezen in het voortgangsbericht")
	case until.IsZero():
		return invalid("until", "vul de nieuwe datum in waarop de klacht naar verwachting is afgehandeld")
	case !until.After(c.DueOn):
		return invalid("until", "de nieuwe datum (%s) moet na de huidige termijn (%s) liggen", until, c.DueOn)
	case !until.After(today):
		return invalid("until", "de nieuwe datum (%s) moet in de toekomst liggen", until)
	case !c.ReceivedOn.IsZero() && until.After(c.ReceivedOn.AddMonths(12)):
		return invalid("until", "de nieuwe datum (%s) ligt meer dan een jaar na de ontvangst van de klacht (%s); kies uiterlijk %s", until, c.ReceivedOn, c.ReceivedOn.AddMonths(12))
	}
	r, err := extensionRange(c, earlier, today, s)
	if err != nil {
		return err
	}
	if !r.Latest.IsZero() && until.After(r.Latest) {
		return invalid("until", "onder de Wkkgz mag de termijn met ten hoogste vier weken worden verlengd: uiterlijk %s", r.Latest)
	}
	return nil
}
