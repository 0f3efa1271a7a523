package data

import "time"

// counts is a distribution being counted: every category in display order, zeros included.
type counts []Count

func newCounts[T ~string](keys []T, label func(T) string) counts {
	out := make(counts, len(keys))
	for i, k := range keys {
		out[i] = Count{Key: string(k), Label: label(k)}
	}
	return out
}

// add counts one for key; the lists are short, so a scan is as quick as a map.
func (cs counts) add(key string) {
	for i := range cs {
		if cs[i].Key == key {
			cs[i].N++
			return
		}
	}
}

// procedures are the two ways a complaint is handled, as ByProcedure counts them.
var procedures = []string{"informal", "formal"}

func procedureLabel(k string) string {
	return map[string]string{"informal": "informeel", "formal": "formeel"}[k]
}

func procedureOf(formal bool) string {
	if formal {
		return "formal"
	}
	return "informal"
}

// outcomeLabel names a key of ByOutcome: a verdict, or "withdrawn".
func outcomeLabel(k string) string {
	if k == string(StatusWithdrawn) {
		return StatusWithdrawn.Label()
	}
	return Verdict(k).Label()
}

func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// breakdown counts the report year's distributions as the complaints stream past.
type breakdown struct {
	r                                                *Report
	in                                               *reportFacts
	channels, subjects, procedures, outcomes, causes counts
}

func newBreakdown(r *Report, in *reportFacts) *breakdown {
	causes := make(counts, 0, len(in.rootCauses)+2)
	for _, rc := range in.rootCauses {
		causes = append(causes, Count{Key: rc.Code, Label: rc.Label})
	}
	causes = append(causes, Count{Key: CauseNoMeasureNeeded, Label: "geen maatregel nodig"},
		Count{Key: CauseNoMeasureYet, Label: "nog geen maatregel"})
	return &breakdown{r: r, in: in, channels: newCounts(Channels, Channel.Label), subjects: newCounts(Subjects, Subject.Label),
		procedures: newCounts(procedures, procedureLabel), outcomes: newCounts(append(names(Verdicts), string(StatusWithdrawn)), outcomeLabel),
		causes: causes}
}

func (b *breakdown) add(c *reportComplaint) {
	year := b.r.Year
	if inYear(c.received, year) {
		b.channels.add(string(c.channel))
		b.subjects.add(string(c.subject))
		b.procedures.add(procedureOf(c.formal))
		b.r.Months[c.received.Month()-1].Received++
	}
	if inYear(c.withdrawn, year) {
		b.outcomes.add(string(StatusWithdrawn))
	}
	if !inYear(c.resolved, year) {
		return
	}
	b.r.Months[c.resolved.Month()-1].Resolved++
	b.outcomes.add(string(c.verdict))
	if !c.verdict.NeedsMeasure() {
		return
	}
	switch {
	case len(b.in.causes[c.id]) > 0:
		for _, code := range b.in.causes[c.id] {
			b.causes.add(code)
		}
	case c.noMeasureReason:
		b.causes.add(CauseNoMeasureNeeded)
	default:
		b.causes.add(CauseNoMeasureYet)
	}
}

// finish stores the distributions in the report, with the extensions and measures of its year.
func (b *breakdown) finish(today Date) {
	r := b.r
	r.ByChannel, r.BySubject, r.ByProcedure, r.ByOutcome, r.ByRootCause = b.channels, b.subjects, b.procedures, b.outcomes, b.causes
	reasons := newCounts(ExtensionReasons, ExtensionReason.Label)
	for _, e := range b.in.extensions {
		if inYear(e.on, r.Year) {
			reasons.add(string(e.reason))
		}
	}
	r.ByExtensionReason = reasons
	states := newCounts(MeasureStates, MeasureState.Label)
	for _, m := range b.in.measures {
		if !m.underWay(r.Year) {
			continue
		}
		st := m.State(today)
		states.add(string(st))
		r.Measures = append(r.Measures, ReportMeasure{Code: m.Code, Description: b.in.names.mask(m.Description),
			RootCause: m.RootCause, RootCauseLabel: m.RootCauseLabel, DueOn: m.DueOn, DoneOn: m.DoneOn, State: st})
	}
	r.ByMeasureState = states
}

func inYear(d Date, year int) bool { return !d.IsZero() && d.Year() == year }

// by reports whether d is set and not later than limit.
func by(d, limit Date) bool { return !d.IsZero() && !d.After(limit) }

// yearCounter counts one year's key figures as the complaints stream past. For a year not
// yet over, "year end" is today.
type yearCounter struct {
	f             YearFigures
	cutoff, today Date
	days          []int
}

func newYearCounter(year int, today Date) *yearCounter {
	cutoff := NewDate(year, time.December, 31)
	if today.Before(cutoff) {
		cutoff = today
	}
	return &yearCounter{f: YearFigures{Year: year}, cutoff: cutoff, today: today}
}

func (y *yearCounter) add(c *reportComplaint) {
	f, year := &y.f, y.f.Year
	if inYear(c.received, year) {
		f.Received++
		if c.formal {
			f.Formal++
		} else {
			f.Informal++
		}
		if c.imported {
			f.Imported++
		}
	}
	if inYear(c.withdrawn, year) {
		f.Withdrawn++
	}
	if by(c.received, y.cutoff) && !by(c.resolved, y.cutoff) && !by(c.withdrawn, y.cutoff) {
		f.OpenAtYearEnd++
	}
	if c.formal && inYear(c.filed, year) {
		f.AckOnTime = c.acknowledgement(f.AckOnTime, y.today)
	}
	if !inYear(c.resolved, year) {
		return
	}
	f.Resolved++
	y.days = append(y.days, c.received.DaysUntil(c.resolved))
	if c.verdict.NeedsMeasure() {
		f.WellFounded++
	}
	if c.notHeard {
		f.NotHeard++
	}
	if c.formal {
		f.WithinTerm = count(f.WithinTerm, by(c.resolved, c.original))
		f.WithinExtended = count(f.WithinExtended, by(c.resolved, c.due))
	}
}

// figures completes the year's figures with the handling times, extensions and measures.
func (y *yearCounter) figures(in *reportFacts) YearFigures {
	f, year := y.f, y.f.Year
	f.HandlingDays = handlingDays(y.days)
	extended := map[int64]bool{}
	for _, e := range in.extensions {
		if inYear(e.on, year) {
			f.Extensions++
			extended[e.complaintID] = true
			switch e.notice.Breach(y.today, in.set) {
			case BreachLateExtension:
				f.LateExtensions++
			case BreachLateNotice, BreachNoNotice:
				f.LateNotices++
			}
		}
	}
	for _, d := range in.reopened {
		if inYear(d, year) {
			f.Reopened++
		}
	}
	f.Extended = len(extended)
	for _, m := range in.measures {
		if inYear(m.since(), year) {
			f.MeasuresAdded++
		}
		if inYear(m.DoneOn, year) {
			f.MeasuresDone++
		}
	}
	return f
}

// acknowledgement counts a formal complaint in the share acknowledged on time: once receipt was
// confirmed, or once its due date passed without, unless it was withdrawn before that date.
// An imported complaint that its status puts past the acknowledgement counts only when the
// earlier register gave the date of confirmation.
func (c reportComplaint) acknowledgement(s Ratio, today Date) Ratio {
	switch {
	case c.ackUnknown:
		return s
	case !c.acked.IsZero():
		return count(s, !c.acked.After(c.ackDue))
	case by(c.withdrawn, c.ackDue), !c.ackDue.Before(today):
		return s
	}
	return count(s, false)
}

func count(s Ratio, yes bool) Ratio {
	s.Of++
	if yes {
		s.N++
	}
	return s
}
