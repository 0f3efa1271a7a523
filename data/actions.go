package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ItemKind names what the procedure requires next.
type ItemKind string

// The action item kinds.
const (
	ItemSettleInformal   ItemKind = "settle_informal"   // settle in conversation or start the formal procedure
	ItemAcknowledge      ItemKind = "acknowledge"       // confirm receipt in writing
	ItemChaseInformation ItemKind = "chase_information" // requested information is expected
	ItemProgressLetter   ItemKind = "progress_letter"   // explain in writing why the target is not met
	ItemProgressUpdate   ItemKind = "progress_update"   // keep the complainant informed during an extension
	ItemResolve          ItemKind = "resolve"           // reach a decision
	ItemOutcomeLetter    ItemKind = "outcome_letter"    // confirm the outcome in writing
	ItemWithdrawalLetter ItemKind = "withdrawal_letter" // confirm a withdrawal in writing
	ItemMeasure          ItemKind = "measure"           // record a measure, or why none is needed
	ItemCarryOutMeasure  ItemKind = "carry_out_measure" // an open measure's due date; not bound to a complaint
	ItemEvaluateMeasure  ItemKind = "evaluate_measure"  // a measure carried out: judge whether it worked
	ItemRetention        ItemKind = "retention"         // finished files past their retention period; not bound to a complaint
	ItemReturnCopies     ItemKind = "return_copies"     // consent or file ended: ask an expert to return or destroy the copies (Detail: the expert)
	ItemEraseAgain       ItemKind = "erase_again"       // a restore brought back personal data erased after its backup
)

// Label is what to do, in the practitioner's words.
func (k ItemKind) Label() string { return itemLabels[k] }

var itemLabels = map[ItemKind]string{
	ItemSettleInformal:   "Informele klacht afronden of formeel maken",
	ItemAcknowledge:      "Ontvangst bevestigen",
	ItemChaseInformation: "Gevraagde informatie nagaan",
	ItemProgressLetter:   "Voortgangsbericht over de verlenging sturen",
	ItemProgressUpdate:   "Klager op de hoogte houden",
	ItemResolve:          "Klacht afhandelen",
	ItemOutcomeLetter:    "Uitkomst schriftelijk bevestigen",
	ItemWithdrawalLetter: "Intrekking schriftelijk bevestigen",
	ItemMeasure:          "Verbetermaatregel vastleggen",
	ItemCarryOutMeasure:  "Verbetermaatregel uitvoeren",
	ItemEvaluateMeasure:  "Effect van de verbetermaatregel beoordelen",
	ItemRetention:        "Dossiers over de bewaartermijn anonimiseren",
	ItemReturnCopies:     "Kopieën terugvragen bij de deskundige",
	ItemEraseAgain:       "Persoonsgegevens opnieuw wissen",
}

// ActionItem is one thing the procedure now requires of the practice, with its due date.
// Items are derived from the stored facts whenever they are asked for, never stored.
// Most concern a complaint; a measure's item (ItemCarryOutMeasure) has MeasureID set instead,
// its code as Reference and its description as Detail; the register's retention item
// (ItemRetention) has no Reference, and Count and Detail say how many files are past retention.
type ActionItem struct {
	ComplaintID int64  `json:"-"`
	MeasureID   int64  `json:"-"`
	Reference   string `json:"reference"`
	Complainant string `json:"complainant_name"`
	// Organisation is the organisation the complainant speaks for, and Anonymous says the
	// complaint has no name: the screens name the complainant as the register does.
	Organisation string `json:"organisation,omitempty"`
	Anonymous    bool   `json:"-"`
	Detail       string `json:"detail,omitempty"`
	// Count is how many files the register's retention item (ItemRetention) concerns; 0 otherwise.
	Count    int      `json:"count,omitempty"`
	Kind     ItemKind `json:"kind"`
	Label    string   `json:"label"`
	DueOn    Date     `json:"due_on"`
	Warning  Warning  `json:"warning"`
	DaysLeft int      `json:"days_left"`
}

// WhenKey says by when, relative to today, as a message key of the translations and the number
// N it names: ("{{.N}} days overdue", 2), ("today", 0), ("in {{.N}} days", 3). The screens
// translate the key in the chosen language; When gives the Dutch for the CLI.
func (a ActionItem) WhenKey() (key string, n int) {
	switch n := a.DaysLeft; {
	case n == 0:
		return "today", 0
	case n == -1:
		return "1 day overdue", 1
	case n < 0:
		return "{{.N}} days overdue", -n
	case n == 1:
		return "tomorrow", 1
	default:
		return "in {{.N}} days", n
	}
}

// whenDutch is the Dutch of WhenKey's keys.
var whenDutch = map[string]string{"today": "vandaag", "1 day overdue": "1 dag te laat",
	"{{.N}} days overdue": "%d dagen te laat", "tomorrow": "morgen", "in {{.N}} days": "nog %d dagen"}

// When says by when in Dutch: "2 dagen te laat", "vandaag", "nog 3 dagen".
func (a ActionItem) When() string {
	key, n := a.WhenKey()
	if s := whenDutch[key]; strings.Contains(s, "%d") {
		return fmt.Sprintf(s, n)
	}
	return whenDutch[key]
}

// Facts are the stored facts about one complaint that its action items follow from.
type Facts struct {
	Complaint
	InfoExpected  []Date // expected dates of information requests not yet answered
	LastContactOn Date   // latest contact of any kind
	LastWrittenOn Date   // latest letter or e-mail that tells the complainant how things stand: not a stored acknowledgement, outcome letter or consent form
	OutcomeSentOn Date   // latest outcome letter marked sent, if any
	WithdrawnSent bool   // a withdrawal letter was marked sent
	MeasureCount  int    // measures linked to the complaint
	Notices       []Notice
}

// Notice is the progress letter one extension owes the complainant: the procedure promises
// that they are told why, and each postponement gets its own notice. A later extension never
// moves an earlier one's due date.
type Notice struct {
	ExtendedOn Date `json:"extended_on"`
	Late       bool `json:"late"`    // the extension was recorded after the date it replaced had passed
	SentOn     Date `json:"sent_on"` // the first progress or outcome letter made for it and marked sent; zero while owed
}

// DueOn is when the notice must have gone out: progress_letter_days working days after the
// extension was recorded.
func (n Notice) DueOn(s Settings) Date { return AddWorkingDays(n.ExtendedOn, s.ProgressLetterDays()) }

// BreachKind names how a delay was not announced as the procedure promises.
type BreachKind string

// The breaches, shown in the register, the complaint file and the annual report for good.
const (
	BreachLateExtension BreachKind = "late_extension" // extended after the target date had passed
	BreachLateNotice    BreachKind = "late_notice"    // the progress letter went out after its due date
	BreachNoNotice      BreachKind = "no_notice"      // the progress letter is past its due date and not sent
)

// Label is the breach in the practitioner's words.
func (k BreachKind) Label() string {
	return map[BreachKind]string{BreachLateExtension: "termijn pas verlengd nadat die was verstreken",
		BreachLateNotice: "voortgangsbericht te laat verstuurd", BreachNoNotice: "voortgangsbericht niet verstuurd, terwijl de termijn daarvoor is verstreken"}[k]
}

// Breach is one broken promise about a delay.
type Breach struct {
	Kind       BreachKind `json:"kind"`
	ExtendedOn Date       `json:"extended_on"` // the extension it concerns
}

// Breach says how the notice broke the procedure's promise on the day today, or "" when it did
// not: the extension came after its date had passed, or the letter went out late or not at all.
// Once broken, it stays broken, also after the letter went out.
func (n Notice) Breach(today Date, s Settings) BreachKind {
	due := n.DueOn(s)
	switch {
	case n.Late:
		return BreachLateExtension
	case n.SentOn.After(due):
		return BreachLateNotice
	case n.SentOn.IsZero() && today.After(due):
		return BreachNoNotice
	}
	return ""
}

// Breaches lists the complaint's broken promises about delays on the day today.
func (f Facts) Breaches(today Date, s Settings) []Breach {
	var out []Breach
	for _, n := range f.Notices {
		if k := n.Breach(today, s); k != "" {
			out = append(out, Breach{k, n.ExtendedOn})
		}
	}
	return out
}

// noticesSQL reads Facts.Notices for the complaint aliased c: per extension its day, whether it
// was late, and the first progress or outcome letter made on or after it and marked sent.
const noticesSQL = `(SELECT group_concat(e.extended_on || '|' || e.late || '|' || coalesce((SELECT min(l.sent_on)
	FROM letters l WHERE l.complaint_id = c.id AND l.kind IN ('progress', 'outcome') AND l.sent_on IS NOT NULL
	AND substr(l.created_at, 1, 10) >= e.extended_on), ''), ',') FROM extensions e WHERE e.complaint_id = c.id)`

// parseNotices reads what noticesSQL gives.
func parseNotices(s *string) []Notice {
	if s == nil {
		return nil
	}
	var out []Notice
	for _, part := range strings.Split(*s, ",") {
		f := strings.Split(part, "|")
		if len(f) != 3 {
			continue
		}
		n := Notice{Late: f[1] == "1"}
		n.ExtendedOn, _ = ParseDate(f[0])
		n.SentOn, _ = ParseDate(f[2])
		out = append(out, n)
	}
	return out
}

// ActionItems derives what the procedure requires for one complaint on the day today.
func ActionItems(f Facts, today Date, s Settings) []ActionItem {
	var items []ActionItem
	add := func(k ItemKind, start, due Date) { // start: the day the deadline began to run
		items = append(items, ActionItem{ComplaintID: f.ID, Reference: f.Reference, Complainant: f.Complainant.Name,
			Organisation: f.Complainant.Organisation, Anonymous: f.Anonymous, Kind: k, Label: k.Label(), DueOn: due,
			DaysLeft: today.DaysUntil(due), Warning: WarningFor(start, due, today, s.WarningDays())})
	}
	switch f.Status {
	case StatusInformal:
		add(ItemSettleInformal, f.ReceivedOn, ShortTermDue(f.ReceivedOn, s))
	case StatusReceived:
		add(ItemAcknowledge, f.FiledOn, f.AckDueOn)
	case StatusExtended:
		owed := false
		for _, n := range f.Notices {
			if n.SentOn.IsZero() {
				add(ItemProgressLetter, n.ExtendedOn, n.DueOn(s))
				owed = true
			}
		}
		if !owed {
			last := latest(f.LastContactOn, f.LastWrittenOn)
			add(ItemProgressUpdate, last, dueAfter(last, s.ProgressIntervalDays(), s))
		}
	case StatusResolved:
		if measureDue(&f.Complaint, f.MeasureCount) {
			// Decided while the complaint is fresh, in the same week as the outcome letter, and
			// named first: under the Wkkgz that letter names it (OutcomeLetterRefusal).
			add(ItemMeasure, f.ResolvedOn, ShortTermDue(f.ResolvedOn, s))
		}
		if f.OutcomeLetterDue() {
			add(ItemOutcomeLetter, f.ResolvedOn, ShortTermDue(f.ResolvedOn, s))
		}
	case StatusWithdrawn:
		if f.WithdrawalLetterDue(today) {
			add(ItemWithdrawalLetter, f.WithdrawnOn, ShortTermDue(f.WithdrawnOn, s))
		}
	}
	if f.Formal && f.Status.Open() {
		add(ItemResolve, f.FiledOn, f.DueOn)
	}
	if f.Status.Open() {
		for _, d := range f.InfoExpected {
			add(ItemChaseInformation, Date{}, d)
		}
	}
	return items
}

// MeasureItems derives what a measure requires on the day today: an open one with a due date,
// to be carried out by then; one carried out, its effect judged within measureEvaluationDays
// (the procedure's evaluation, so that a complaint does not recur). An evaluated one has none.
func MeasureItems(m Measure, today Date, s Settings) []ActionItem {
	item := func(k ItemKind, start, due Date) []ActionItem {
		return []ActionItem{{MeasureID: m.ID, Reference: m.Code, Detail: m.Description, Kind: k, Label: k.Label(),
			DueOn: due, DaysLeft: today.DaysUntil(due), Warning: WarningFor(start, due, today, s.WarningDays())}}
	}
	switch {
	case m.Open() && !m.DueOn.IsZero():
		return item(ItemCarryOutMeasure, m.CreatedOn, m.DueOn)
	case !m.Open() && m.EvaluatedOn.IsZero():
		return item(ItemEvaluateMeasure, m.DoneOn, m.DoneOn.AddDays(measureEvaluationDays))
	}
	return nil
}

// measureEvaluationDays is how long after a measure is carried out its effect is judged: long
// enough for it to show in the practice's work, within the year of the annual report.
const measureEvaluationDays = 90

// WorstWarning is the warning of the most pressing item, or "" when nothing is due.
func WorstWarning(items []ActionItem) Warning {
	var w Warning
	for _, it := range items {
		if w == "" || it.Warning.severity() > w.severity() {
			w = it.Warning
		}
	}
	return w
}

// SortItems puts overdue items first, then by due date and reference.
func SortItems(items []ActionItem) {
	slices.SortStableFunc(items, func(a, b ActionItem) int {
		// One comparison after the other, not cmp.Or's three at once: Vandaag sorts thousands.
		if c := cmp.Compare(b.Warning.severity(), a.Warning.severity()); c != 0 {
			return c
		}
		if c := a.DueOn.Compare(b.DueOn); c != 0 {
			return c
		}
		return cmp.Compare(a.Reference, b.Reference)
	})
}

func latest(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// UpdateDue reports whether the item is a routine progress update that is due soon or overdue:
// only then does the complainant need news (Vandaag's count, the letter the file proposes);
// right after a progress letter it was counted as needed at once.
func (it ActionItem) UpdateDue() bool {
	return it.Kind == ItemProgressUpdate && it.Warning != WarningOK
}

// OverviewCounts are what the overview screen, its badge and the desktop notification show.
type OverviewCounts struct {
	Open                    int // complaints whose file is running: not closed or withdrawn (Status.Running)
	Overdue                 int // action items past their due date (complaints' and measures')
	DueSoon                 int // action items due within the warning period
	DueToday                int // action items due today (also counted in DueSoon)
	AwaitingAcknowledgement int // complaints whose receipt is still to be confirmed
	AwaitingProgress        int // extended complaints owing a progress letter, or an update due soon or overdue
}

// CountOverview counts the action items as the overview shows them, beside the number of
// open complaints.
func CountOverview(open int, items []ActionItem) OverviewCounts {
	s := OverviewCounts{Open: open}
	for _, it := range items {
		switch it.Warning {
		case WarningOverdue:
			s.Overdue++
		case WarningDueSoon:
			s.DueSoon++
		}
		if it.DaysLeft == 0 {
			s.DueToday++
		}
		switch it.Kind {
		case ItemAcknowledge:
			s.AwaitingAcknowledgement++
		case ItemProgressLetter:
			s.AwaitingProgress++
		case ItemProgressUpdate:
			if it.UpdateDue() {
				s.AwaitingProgress++
			}
		}
	}
	return s
}

// OutcomeLetterDue is the one rule for the written confirmation of the outcome: a formal
// complaint needs an outcome letter marked sent before its file can close. An outcome letter
// can only be made once a verdict is recorded, so any sent one confirms the current outcome.
func (f Facts) OutcomeLetterDue() bool { return f.Formal && f.OutcomeSentOn.IsZero() }

// outcomeSentSQL reads Facts.OutcomeSentOn for the complaint aliased c.
const outcomeSentSQL = `(SELECT max(sent_on) FROM letters WHERE complaint_id = c.id AND kind = 'outcome')`

// WithdrawalLetterDue is the one rule for the written confirmation of a withdrawal: as the
// outcome of a formal complaint is confirmed in writing, so is its withdrawal, the other way
// the procedure ends, by a withdrawal letter marked sent. It is asked for until
// withdrawalListedDays after the withdrawal. Not for an informal complaint, nor for one taken
// over from an earlier register (its end was confirmed there, or not, long ago), nor once the
// file is anonymised (there is nobody left to write to).
func (f Facts) WithdrawalLetterDue(today Date) bool {
	return f.Status == StatusWithdrawn && f.Formal && !f.WithdrawnSent && !f.Imported() && f.AnonymisedOn.IsZero() &&
		!f.WithdrawnOn.Before(today.AddDays(-withdrawalListedDays))
}

// withdrawalListedDays is how long after a withdrawal its confirmation is asked for, as a
// measure's evaluation is (measureEvaluationDays): weeks past its own week, long enough not to
// be missed. The withdrawals of the years before the app asked for it, confirmed outside the
// app or not at all, do not fill Vandaag; a file's letters still show the letter as not sent.
const withdrawalListedDays = 90

// withdrawalDueSQL is WithdrawalLetterDue in SQL for the complaint aliased c, with the earliest
// day of withdrawal still asked for as its argument: Vandaag reads the withdrawals of those
// weeks through the index on the day of withdrawal (complaints_withdrawn; the + keeps SQLite
// from taking the status index instead), not every withdrawn complaint: the 2,524 of the 100,000-complaint register, scattered through the
// file, took Vandaag from 49 to 70 ms.
const withdrawalDueSQL = `(c.withdrawn_on >= ? AND +c.status = 'withdrawn' AND c.formal = 1 AND c.imported_from = ''
	AND c.anonymised_on IS NULL AND NOT ` + withdrawnSentSQL + `)`

// withdrawnSentSQL reads Facts.WithdrawnSent for the complaint aliased c.
const withdrawnSentSQL = `EXISTS (SELECT 1 FROM letters WHERE complaint_id = c.id AND kind = 'withdrawal' AND sent_on IS NOT NULL)`
