package letters

import (
	"fmt"
	"io"
	"slices"
	"strconv"

	"klachtenregister/data"
)

// ReportInput is everything the annual complaints report is made from. The figures are
// data.Report's, computed once for the PDF, the report screen and the CSV alike.
type ReportInput struct {
	Report   data.Report
	Settings data.Settings
	Language string // "nl" or "en"
	Logo     []byte // PNG or JPEG for the letterhead; nil for none
}

// ReportSource is what making the annual report reads from the register; *data.Store has it.
type ReportSource interface {
	YearReport(year int) (data.Report, error)
	Settings() (data.Settings, error)
}

// AnnualReport computes the annual report of year from the register and writes it as a PDF in
// lang ("" means the setting language), on the letterhead with the practice's logo.
func AnnualReport(w io.Writer, src ReportSource, year int, lang string) error {
	set, err := src.Settings()
	if err != nil {
		return err
	}
	in := ReportInput{Settings: set, Language: lang}
	if in.Language == "" {
		in.Language = set.Language()
	}
	if _, err := data.ParseLanguage(in.Language); err != nil {
		return err
	}
	if in.Logo, err = logo(set); err != nil {
		return err
	}
	if in.Report, err = src.YearReport(year); err != nil {
		return err
	}
	return RenderReport(w, in)
}

// RenderReport writes the annual complaints report (klachtenjaarverslag) as an A4 PDF on the
// practice's letterhead: key figures beside the year before, bar charts of the distributions,
// the month-by-month line of received and resolved complaints, the measures and a note on how
// each figure is counted. It prints only what data.Report holds, which names no complainant.
// The same input always gives the same bytes.
func RenderReport(w io.Writer, in ReportInput) error {
	if _, err := data.ParseLanguage(in.Language); err != nil {
		return err
	}
	doc := tidy(Input{Language: in.Language, Date: in.Report.MadeOn, Settings: in.Settings, Logo: in.Logo})
	if doc.Settings.PracticeName() == "" {
		return data.NewError(data.CodeConflict, "settings", "vul eerst de naam van de praktijk in bij de instellingen (%s); die staat boven het jaarverslag", settingName(data.KeyPracticeName))
	}
	for _, k := range letterheadKeys {
		if err := checkGlyphs(k, data.Msg("de instelling %s", settingName(k)), doc.Settings[k]); err != nil {
			return err
		}
	}
	r := in.Report
	r.Measures = slices.Clone(r.Measures) // made one line below; the caller's report stays as it is
	for i := range r.Measures {
		m := &r.Measures[i]
		m.Description, m.RootCauseLabel = oneLine(m.Description), oneLine(m.RootCauseLabel)
		if err := checkGlyphs("measure", data.Msg("verbetermaatregel %s", m.Code), m.Description+m.RootCauseLabel); err != nil {
			return err
		}
	}
	d, err := newDocument(&doc, blankPDF())
	if err != nil {
		return err
	}
	t := reportBook[in.Language]
	title := fmt.Sprintf(t.title, r.Year)
	d.pdf.SetTitle(title, true)
	footer := fmt.Sprintf(t.chain, data.ThousandsIn(in.Language, r.Events), r.Head)
	return d.writeReport(w, title, footer, d.reportFlow(t, r))
}

// continuedTop is where the flow starts on the report's following pages: lower than in a
// letter, to leave room for a table's header row repeated above the rows that run on.
const continuedTop = nextTop + 6

// block ties items together so paginate keeps them on one page, but not to what follows.
func block(items []item) []item {
	keepAll(items)
	items[len(items)-1].keep = false
	return items
}

// writeReport lays the report's flow out below the letterhead and over the following pages,
// each with a running header and a page number.
// The footer (the head of the audit chain) stands at the foot of every page, below the number.
func (d *document) writeReport(w io.Writer, title, footer string, items []item) error {
	f := d.pdf
	first := 0.0
	for _, b := range d.covers {
		first = max(first, b.y+b.h)
	}
	pages := paginate(items, first+12, continuedTop, textBottom)
	for n, page := range pages {
		f.AddPage()
		if n == 0 {
			d.drawLetterhead()
		} else {
			f.SetFont("sans", "", 8)
			d.text(marginL, 15, 8, "", grey, f.SplitText(d.in.Settings.PracticeName()+" · "+title, textW)[0])
		}
		for _, p := range page {
			p.draw(d, p.y)
		}
		label := fmt.Sprintf(d.t.page, n+1, len(pages))
		f.SetFont("sans", "", 8)
		d.text(pageW-marginR-f.GetStringWidth(label), 287, 8, "", grey, label)
		f.SetFont("sans", "", 6)
		d.text(marginL, 291, 6, "", grey, footer) // below the page number, which it would run into
	}
	if err := f.Error(); err != nil {
		return err
	}
	return f.Output(w)
}

// reportFlow is the report from title to notes, as items for paginate.
func (d *document) reportFlow(t *reportPhrases, r data.Report) []item {
	lang, set := d.in.Language, d.in.Settings
	var items []item
	add := func(its ...item) { items = append(items, its...) }
	title := textLine(marginL, 18, "B", fmt.Sprintf(t.title, r.Year))
	title.h = 10
	add(title)
	add(d.paragraph(set.PracticeName()+" · "+fmt.Sprintf(t.madeOn, formatDate(r.MadeOn, lang)), bodyPt, "")...)
	add(gap(4))
	add(d.paragraph(fmt.Sprintf(t.intro, set.PracticeName(), r.Year), bodyPt, "")...)
	if !r.Complete {
		add(gap(paraGap))
		add(d.paragraph(fmt.Sprintf(t.underWay, r.Year, formatDate(r.MadeOn, lang)), bodyPt, "B")...)
	}
	if f := r.Current; f.Imported > 0 {
		add(gap(paraGap))
		add(d.paragraph(fmt.Sprintf(t.imported, data.ThousandsIn(lang, f.Imported), data.ThousandsIn(lang, f.Received), r.Year), bodyPt, "")...)
	}

	widths, right := []float64{textW - 90, 45, 45}, []bool{false, true, true} // room for "100% (36.677 van 36.677)"
	table := []item{d.heading(t.keyFigures), d.tableRow(widths, []string{t.figure, strconv.Itoa(r.Year),
		strconv.Itoa(r.Previous.Year)}, right, "B", false)}
	cur, prev := reportRows(r.Current, t, lang), reportRows(r.Previous, t, lang)
	if !r.HasPrevious {
		for i := range prev {
			prev[i] = t.none // the register does not hold that year: no figures, not zeros
		}
	}
	for i, label := range t.figures {
		if subRows[i] {
			label = "    " + label
		}
		if i == openRow && !r.Complete {
			label = fmt.Sprintf(t.openOn, formatDate(r.MadeOn, lang), r.Previous.Year)
		}
		table = append(table, d.tableRow(widths, []string{label, cur[i], prev[i]}, right, "", i%2 == 0))
	}
	add(block(table)...)

	half := (textW - 10) / 2
	bars := func(chart string, counts []data.Count) []bar {
		out := make([]bar, len(counts))
		for i, c := range counts {
			out[i] = bar{t.label(chart, c.Key, c.Label), c.N}
		}
		return out
	}
	withTotal := func(title string, counts []data.Count) string {
		n := 0
		for _, c := range counts {
			n += c.N
		}
		return title + " (" + fmt.Sprintf(t.total, data.ThousandsIn(lang, n)) + ")"
	}
	// The month line goes with the summary on the first page when it fits; the distributions follow.
	received, resolved := 0, 0
	for _, m := range r.Months {
		received, resolved = received+m.Received, resolved+m.Resolved
	}
	add(d.heading(t.perMonth+" ("+fmt.Sprintf(t.monthTotals, data.ThousandsIn(lang, received), data.ThousandsIn(lang, resolved))+")"),
		d.monthChart(t, r.Months, monthsShown(r), !r.Complete && r.MadeOn.Year() == r.Year))
	add(d.heading(t.breakdown))
	add(side(d.barChart(withTotal(t.channel, r.ByChannel), bars("channel", r.ByChannel), half),
		d.barChart(withTotal(t.subject, r.BySubject), bars("subject", r.BySubject), half)))
	add(side(d.barChart(withTotal(t.procedure, r.ByProcedure), bars("procedure", r.ByProcedure), half),
		d.barChart(withTotal(t.outcome, r.ByOutcome), bars("outcome", r.ByOutcome), half)))
	add(side(d.barChart(withTotal(t.rootCause, r.ByRootCause), bars("cause", r.ByRootCause), half),
		d.barChart(withTotal(t.extension, r.ByExtensionReason), bars("reason", r.ByExtensionReason), half)))
	add(d.measureTable(t, r, half, bars("state", r.ByMeasureState))...)

	notes := []item{d.heading(t.notesTitle)}
	for _, n := range t.notes {
		if n == ackNote {
			n = fmt.Sprintf(t.ackNote, set.AckDays())
			if set.ShiftToWorkday() {
				n = fmt.Sprintf(t.ackNoteWorkday, set.AckDays())
			}
		}
		notes = append(notes, d.paragraph("- "+n, 8.5, "")...)
	}
	add(block(notes)...)
	return items
}

// heading is a section title, kept with what follows it.
func (d *document) heading(s string) item {
	it := textLine(marginL, 12, "B", s)
	it.h += 5
	it.keep = true
	draw := it.draw
	it.draw = func(d *document, top float64) { draw(d, top+4) }
	return it
}

// measureTable is the measures section: a chart of where they stand and a table of them,
// whose header row is repeated on every page the table runs on to.
func (d *document) measureTable(t *reportPhrases, r data.Report, half float64, states []bar) []item {
	items := []item{d.heading(t.measures)}
	if len(r.Measures) == 0 {
		return append(items, d.paragraph(fmt.Sprintf(t.noMeasures, r.Year), bodyPt, "")...)
	}
	stateChart := d.barChart(t.measureState+" ("+fmt.Sprintf(t.total, data.ThousandsIn(d.in.Language, len(r.Measures)))+")", states, half)
	items = append(items, item{h: stateChart.h + 3, keep: true, draw: func(d *document, top float64) { stateChart.draw(d, marginL, top) }})
	widths := []float64{21, 27, textW - 21 - 27 - 20 - 20 - 24, 20, 20, 24}
	right := make([]bool, len(widths))
	header := d.tableRow(widths, t.measureColumns, right, "B", false)
	header.keep = true // never alone at the foot of a page
	items = append(items, header)
	for i, m := range r.Measures {
		row := d.tableRow(widths, []string{m.Code, t.label("cause", m.RootCause, m.RootCauseLabel),
			m.Description, m.DueOn.Dutch(), m.DoneOn.Dutch(), t.label("state", string(m.State), m.State.Label())},
			right, "", i%2 == 0)
		draw := row.draw
		row.draw = func(d *document, top float64) {
			if top == continuedTop { // the table runs on from the page before: repeat its header
				header.draw(d, top-header.h)
			}
			draw(d, top)
		}
		items = append(items, row)
	}
	return items
}

// monthsShown is how many months of the report's year have begun on the day it is made.
func monthsShown(r data.Report) int {
	if r.Complete || r.MadeOn.Year() != r.Year {
		return 12
	}
	return int(r.MadeOn.Month())
}

// openRow is the key figure of complaints still open: at the year's end, or for a year under
// way on the day the report is made.
const openRow = 6

// subRows are the key figures that break down the row above them (formal and informal, the
// (partly) well-founded ones), indented in the table.
var subRows = map[int]bool{1: true, 2: true, 4: true}

// reportRows are one year's key figures as the table prints them, in the order of t.figures.
func reportRows(f data.YearFigures, t *reportPhrases, lang string) []string {
	days := func(v float64) string {
		if f.HandlingDays.N == 0 {
			return t.none
		}
		return data.DecimalIn(lang, v)
	}
	ratio := func(r data.Ratio) string {
		if r.Of == 0 {
			return t.none
		}
		return fmt.Sprintf(t.of, strconv.Itoa(r.WholePercent()), data.ThousandsIn(lang, r.N), data.ThousandsIn(lang, r.Of))
	}
	n := func(v int) string { return data.ThousandsIn(lang, v) }
	return []string{n(f.Received), n(f.Formal), n(f.Informal), n(f.Resolved), n(f.WellFounded), n(f.Withdrawn),
		n(f.OpenAtYearEnd), days(f.HandlingDays.Median), days(f.HandlingDays.P90), ratio(f.AckOnTime), ratio(f.WithinTerm),
		ratio(f.WithinExtended), n(f.Extensions), n(f.Extended), n(f.LateExtensions), n(f.LateNotices), n(f.Reopened), n(f.NotHeard),
		n(f.MeasuresAdded), n(f.MeasuresDone)}
}
