package data

import (
	"io"
	"slices"
	"time"
)

// Report is the annual complaints report (klachtenjaarverslag) for one year: every figure the
// PDF, the report screen and a reviewer see, computed here in one place from the stored facts.
// It is anonymised by construction: counts, dates, categories and the practice's own measure
// descriptions (with complainants' names, e-mail addresses, phone numbers and postcodes
// masked), never a complainant's name, address or description of a complaint.
type Report struct {
	Year     int
	MadeOn   Date // the figures and the measures' states are as on this day
	Complete bool // the year was over on MadeOn; otherwise "year end" means MadeOn

	Current  YearFigures
	Previous YearFigures // the year before, for comparison
	// HasPrevious says whether the register holds the year before: a complaint was received
	// before the report's year began. Without, the comparison column is left empty rather
	// than showing zeros the register never counted.
	HasPrevious bool

	ByChannel         []Count // complaints received in the year, by channel
	BySubject         []Count // ... by subject
	ByProcedure       []Count // ... informal or formal
	ByOutcome         []Count // complaints resolved in the year by verdict, then those withdrawn in it
	ByRootCause       []Count // (partly) well-founded complaints resolved in the year, by their measures' root causes
	ByExtensionReason []Count // extensions made in the year, by category of their reason
	ByMeasureState    []Count // the year's measures by where they stand on MadeOn

	Months   [12]MonthCount  // received and resolved per month of the year
	Measures []ReportMeasure // under way in the year, in the order they were recorded

	// Events and Head are the head of the audit chain when the report was made: printed in its
	// footer, the report is one more anchor outside the register.
	Events int
	Head   string
}

// YearFigures are the key figures of one year, side by side in the report's comparison.
type YearFigures struct {
	Year           int
	Received       int   // complaints received in the year
	Formal         int   // of those, under the formal procedure (also when escalated later)
	Informal       int   // of those, raised and settled in conversation
	Imported       int   // of those, taken over from an earlier register rather than handled in the app
	Resolved       int   // complaints resolved in the year, whenever they were received
	WellFounded    int   // of those, found well-founded or partly well-founded
	Withdrawn      int   // complaints withdrawn in the year
	OpenAtYearEnd  int   // received by the year's end (or MadeOn), neither resolved nor withdrawn by then
	HandlingDays   Days  // days from receipt to resolution, of the complaints resolved in the year
	AckOnTime      Ratio // formal complaints filed in the year whose receipt was confirmed by its due date
	WithinTerm     Ratio // formal complaints resolved in the year by their original target date
	WithinExtended Ratio // ... by their target date after any extension
	Extensions     int   // extensions made in the year
	Extended       int   // complaints those extensions concern
	LateExtensions int   // extensions made in the year after the target date had passed
	LateNotices    int   // progress letters for the year's extensions sent late, or past due and not sent
	Reopened       int   // closed files reopened in the year for a correction
	NotHeard       int   // formal complaints resolved in the year without hearing both sides, with the reason on record
	MeasuresAdded  int   // measures recorded in the year, or carried out in it before they were recorded
	MeasuresDone   int   // measures carried out in the year
}

// Count is one bar of a distribution. Every category is listed, also when N is 0, so charts
// and tables keep the same rows from year to year.
type Count struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	N     int    `json:"n"`
}

// Ratio is N out of Of, such as complaints acknowledged on time out of those acknowledged.
type Ratio struct {
	N, Of int
}

// Percent is the share as a percentage; 0 when there is nothing to count.
func (s Ratio) Percent() float64 {
	if s.Of == 0 {
		return 0
	}
	return 100 * float64(s.N) / float64(s.Of)
}

// WholePercent is the share as a whole percentage, rounded down: 199 out of 200 is 99%, so
// 100% always means all of them.
func (s Ratio) WholePercent() int {
	if s.Of == 0 {
		return 0
	}
	return 100 * s.N / s.Of
}

// Days summarises handling times: the median, and the 90th percentile (the time within which
// nine out of ten complaints were handled). N is 0 when nothing was handled.
type Days struct {
	N           int
	Median, P90 float64
}

// MonthCount is one month of the month-by-month chart.
type MonthCount struct {
	Received, Resolved int
}

// ReportMeasure is a measure as the annual report shows it: no owner, no evaluation note and
// no references, only what a reviewer needs and nothing that leads to a complainant.
type ReportMeasure struct {
	Code           string
	Description    string // complainants' names and contact details masked
	RootCause      string
	RootCauseLabel string
	DueOn          Date
	DoneOn         Date
	State          MeasureState
}

// The keys of ByRootCause for (partly) well-founded complaints without a measure.
const (
	CauseNoMeasureNeeded = "no_measure_needed" // a reason why none is needed is recorded
	CauseNoMeasureYet    = "no_measure_yet"    // neither a measure nor a reason yet
)

// CheckReportYear refuses a year that the annual report and the export cannot cover: one
// before 1900, or one that has not begun by the store's clock.
func (s *Store) CheckReportYear(year int) error { return checkReportYear(year, s.today()) }

func checkReportYear(year int, today Date) error {
	if year < 1900 || year > today.Year() {
		return invalid("year", "kies een jaar van 1900 tot en met %d, niet %d", today.Year(), year)
	}
	return nil
}

// YearReport computes the annual report for year, as on today by the store's clock. A year that
// has not begun is refused. All figures come from one consistent reading of the register.
func (s *Store) YearReport(year int) (Report, error) { return s.YearReportAndCSV(year, nil, false) }

// YearReportAndCSV computes the annual report for year, as YearReport does, and when csv is
// not nil writes the year's register to it, as ExportCSV does, from the same reading of the
// register: the report and the spreadsheet beside it agree even while the register changes.
func (s *Store) YearReportAndCSV(year int, csv io.Writer, anonymised bool) (Report, error) {
	today := s.today()
	if err := checkReportYear(year, today); err != nil {
		return Report{}, err
	}
	var r Report
	err := s.view(func(q querier) (err error) {
		if r, err = yearReport(q, year, today); err != nil || csv == nil {
			return err
		}
		return exportCSV(q, csv, year, anonymised)
	})
	if err != nil {
		return Report{}, err
	}
	return r, nil
}

func yearReport(q querier, year int, today Date) (Report, error) {
	in, err := readReportFacts(q, year)
	if err != nil {
		return Report{}, err
	}
	r := Report{Year: year, MadeOn: today, Complete: today.After(NewDate(year, time.December, 31))}
	current, previous, breakdown := newYearCounter(year, today), newYearCounter(year-1, today), newBreakdown(&r, in)
	if err := in.eachReportComplaint(q, year, func(c *reportComplaint) {
		current.add(c)
		previous.add(c)
		breakdown.add(c)
	}); err != nil {
		return Report{}, err
	}
	if err := in.readLinkedNames(q); err != nil {
		return Report{}, err
	}
	r.Current, r.Previous = current.figures(in), previous.figures(in)
	if err := q.QueryRow(`SELECT EXISTS (SELECT 1 FROM complaints WHERE received_on < ?)`,
		NewDate(year, time.January, 1)).Scan(&r.HasPrevious); err != nil {
		return Report{}, err
	}
	breakdown.finish(today)
	r.Events, r.Head, err = head(q)
	return r, err
}

// handlingDays summarises handling times: the median is the middle value, or the mean of the two
// middle ones; the 90th percentile is the nearest rank, the smallest value that at least 90%
// of the values do not exceed.
func handlingDays(days []int) Days {
	if len(days) == 0 {
		return Days{}
	}
	slices.Sort(days)
	n := len(days)
	median := float64(days[n/2])
	if n%2 == 0 {
		median = float64(days[n/2-1]+days[n/2]) / 2
	}
	rank := (9*n + 9) / 10 // ceil(0.9 n) in whole numbers, free of rounding
	return Days{N: n, Median: median, P90: float64(days[rank-1])}
}
