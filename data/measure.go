package data

import (
	"strings"
	"time"
)

// Effect is what the evaluation of a carried-out measure found.
type Effect string

// The effects; the zero Effect means not evaluated yet.
const (
	EffectUnknown      Effect = ""
	EffectEffective    Effect = "effective"
	EffectNotEffective Effect = "not_effective"
)

// Label is the effect in the practitioner's words.
func (e Effect) Label() string {
	return map[Effect]string{EffectUnknown: "nog niet beoordeeld", EffectEffective: "effectief",
		EffectNotEffective: "niet effectief"}[e]
}

// Measure is an improvement measure (verbetermaatregel): what the practice does so that the
// problem behind one or more complaints does not happen again. The procedure promises one for
// every well-founded complaint; its code (M-2026-003) is never reused.
type Measure struct {
	ID             int64  `json:"-"`
	Code           string `json:"code"`
	Description    string `json:"description"`
	RootCause      string `json:"root_cause"` // a RootCause code
	NewCause       string `json:"-"`          // a category typed with the measure, added with it as its root cause
	RootCauseLabel string `json:"root_cause_label"`
	Owner          string `json:"owner"` // who carries it out; the practitioner unless named
	CreatedOn      Date   `json:"created_on"`
	DueOn          Date   `json:"due_on"` // optional
	DoneOn         Date   `json:"done_on"`
	EvaluatedOn    Date   `json:"evaluated_on"`
	Evaluation     string `json:"evaluation"` // what the evaluation of its effect found
	Effect         Effect `json:"effect"`
	// Complaints are the references of the complaints it answers, in order.
	Complaints []string `json:"complaints"`
}

// Open reports whether the measure still has to be carried out.
func (m Measure) Open() bool { return m.DoneOn.IsZero() }

// since is the first day the measure was there: the day it was recorded, or the day it was
// carried out when the practitioner recorded it afterwards (doneAfterCause). A measure carried
// out in December and recorded in January belongs to December's year.
func (m Measure) since() Date {
	if !m.Open() && m.DoneOn.Before(m.CreatedOn) {
		return m.DoneOn
	}
	return m.CreatedOn
}

// underWay reports whether the measure was under way in year: there by its end and not
// carried out before its start. The annual report lists these measures and masks their
// descriptions.
func (m Measure) underWay(year int) bool {
	return !m.since().After(NewDate(year, time.December, 31)) && (m.Open() || !m.DoneOn.Before(NewDate(year, time.January, 1)))
}

// MeasureFilter narrows Measures; the zero filter lists them all.
type MeasureFilter struct {
	Open      bool   // only measures not yet carried out
	Done      bool   // only measures carried out
	ToDo      bool   // only measures that still ask something: not carried out, or their effect not evaluated yet
	Reference string // only measures linked to this complaint
}

// NeedsMeasure reports whether a complaint with this verdict calls for a measure against
// recurrence: the procedure promises one for complaints found (partly) well-founded.
func (v Verdict) NeedsMeasure() bool { return v == VerdictWellFounded || v == VerdictPartlyWellFounded }

// NeedsMeasure reports whether the complaint calls for a measure against recurrence: found
// (partly) well-founded, or settled in consultation while (partly) justified, since the
// procedure promises that every justified complaint feeds the evaluation.
func (c *Complaint) NeedsMeasure() bool {
	return c.Verdict.NeedsMeasure() || c.Verdict == VerdictSettled && c.Justified == JustifiedYes
}

// measureDue is the one rule for measures: a complaint that needs a measure needs a linked
// one, or a recorded reason why none is needed, before its file can close. The action items
// and closing both ask it.
func measureDue(c *Complaint, measures int) bool {
	return c.NeedsMeasure() && measures == 0 && strings.TrimSpace(c.NoMeasureReason) == ""
}

// measureCountSQL reads Facts.MeasureCount for the complaint aliased c.
const measureCountSQL = `(SELECT count(*) FROM complaint_measures WHERE complaint_id = c.id)`

// validate checks what a person fills in for a measure; the root cause is checked against the
// register's list by the store.
func (m *Measure) validate() error {
	if err := cleanTexts(textField{"description", &m.Description, textRule{max: 1000, multiLine: true}.as("de omschrijving van de maatregel")},
		textField{"owner", &m.Owner, textRule{max: 120}.as("de naam van wie de maatregel uitvoert")},
		textField{"root_cause", &m.RootCause, lineRule.as("de oorzaak")}); err != nil {
		return err
	}
	switch {
	case m.Description == "":
		return invalid("description", "vul in wat de verbetermaatregel inhoudt")
	case m.RootCause == "" && strings.TrimSpace(m.NewCause) == "":
		return invalid("root_cause", "kies de oorzaak die de maatregel aanpakt")
	case !m.DueOn.IsZero() && m.DueOn.Before(m.CreatedOn):
		return invalid("due_on", "de datum waarop de maatregel klaar moet zijn (%s) ligt vóór %s, de dag waarop hij is vastgelegd", m.DueOn, m.CreatedOn)
	}
	return nil
}

// unknownMeasure is the error for a code that names no measure.
func unknownMeasure(code string) error {
	return notFound("verbetermaatregel %q bestaat niet; controleer de code (zoals M-2026-003)", code)
}

// MeasureState is where a measure stands on a given day, as the measures screen and the annual
// report show it.
type MeasureState string

// The measure states, in display order.
const (
	MeasureOpen         MeasureState = "open"          // to be carried out, not yet past its due date
	MeasureOverdue      MeasureState = "overdue"       // to be carried out, past its due date
	MeasureDone         MeasureState = "done"          // carried out, effect not yet evaluated
	MeasureEffective    MeasureState = "effective"     // carried out and found effective
	MeasureNotEffective MeasureState = "not_effective" // carried out and found not effective
)

// MeasureStates lists every state in display order.
var MeasureStates = []MeasureState{MeasureOpen, MeasureOverdue, MeasureDone, MeasureEffective, MeasureNotEffective}

// Label is the state in the practitioner's words.
func (st MeasureState) Label() string {
	return map[MeasureState]string{MeasureOpen: "lopend", MeasureOverdue: "verlopen", MeasureDone: "uitgevoerd",
		MeasureEffective: "uitgevoerd, effectief", MeasureNotEffective: "uitgevoerd, niet effectief"}[st]
}

// State says where the measure stands on the day today.
func (m Measure) State(today Date) MeasureState {
	switch {
	case m.Open() && !m.DueOn.IsZero() && m.DueOn.Before(today):
		return MeasureOverdue
	case m.Open():
		return MeasureOpen
	case m.Effect == EffectEffective:
		return MeasureEffective
	case m.Effect == EffectNotEffective:
		return MeasureNotEffective
	}
	return MeasureDone
}
