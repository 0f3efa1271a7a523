package ui

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// reportStore is what the report screen needs from the store.
type reportStore interface {
	letters.ReportSource
	Years() ([]int, error)
	ExportCSV(w io.Writer, year int, anonymised bool) error
	outputGuard
}

// reportScreen is the annual evaluation: the key figures of a year beside the year before, the
// distributions as charts, and the PDF report and CSV export. Its figures come from
// data.Store.YearReport, the same ones the PDF and the CSV use.
type reportScreen struct {
	store      reportStore
	win        fyne.Window
	today      func() data.Date
	year       *choice
	anonymised *widget.Check
	body       *fyne.Container
	report     data.Report
	bg         worker

	showSetting func(key string) // opens a setting the report was refused for, such as the practice's name
}

func newReportScreen(store reportStore, win fyne.Window, today func() data.Date) *reportScreen {
	r := &reportScreen{store: store, win: win, today: today, body: container.NewVBox()}
	r.year = newSelect(nil, func(string) { r.load() })
	r.anonymised = widget.NewCheck(lang.L("CSV anonymised (no names, addresses or free text)"), nil)
	r.anonymised.SetChecked(true)
	return r
}

func (r *reportScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Annual complaints report"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pdf := newButton(lang.L("Annual report as PDF…"), r.onPDF)
	pdf.Importance = widget.HighImportance
	csv := newButton(lang.L("Export the year as CSV…"), r.onCSV)
	bar := newFlow(container.NewHBox(widget.NewLabel(lang.L("Year")), r.year), pdf, csv, r.anonymised)
	return container.NewBorder(container.NewVBox(title, bar), nil, nil, nil, container.NewVScroll(r.body)) // a narrow window wraps the figures' labels (see tableLayout)
}

// refresh offers every year with complaints, and the current one, then shows the chosen year.
func (r *reportScreen) refresh() {
	run(&r.bg, r.store.Years, func(years []int) {
		this := r.today().Year()
		opts := []string{strconv.Itoa(this)}
		for _, y := range years {
			if y != this {
				opts = append(opts, strconv.Itoa(y))
			}
		}
		r.year.Options = opts
		if r.year.SelectedIndex() < 0 {
			r.year.SetSelectedIndex(0) // calls load
			return
		}
		r.year.Refresh()
		r.load()
	}, func(err error) { showError(err, r.win) })
}

func (r *reportScreen) selectedYear() int { y, _ := strconv.Atoi(r.year.Selected); return y }

// load computes the chosen year's figures in the background and shows them.
func (r *reportScreen) load() {
	year := r.selectedYear()
	if year == 0 {
		return
	}
	latest(&r.bg, func() (data.Report, error) { return r.store.YearReport(year) }, r.show, func(err error) { showError(err, r.win) })
}

// fewComplaints is how many complaints in a year the anonymised report's details may point to
// a person below.
const fewComplaints = 5

func (r *reportScreen) show(rep data.Report) {
	r.report = rep
	c, p := rep.Current, rep.Previous
	figures := container.New(&tableLayout{cols: 3},
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{}),
		widget.NewLabelWithStyle(strconv.Itoa(c.Year), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(strconv.Itoa(p.Year), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	for _, row := range []struct {
		label    string
		cur, old string
	}{
		{lang.L("Complaints received"), thousands(c.Received), thousands(p.Received)},
		{lang.L("of which formal"), thousands(c.Formal), thousands(p.Formal)},
		{lang.L("Resolved"), thousands(c.Resolved), thousands(p.Resolved)},
		{lang.L("of which (partly) well-founded"), thousands(c.WellFounded), thousands(p.WellFounded)},
		{openLabel(rep), thousands(c.OpenAtYearEnd), thousands(p.OpenAtYearEnd)},
		{lang.L("Handling time: half within (days)"), days(c.HandlingDays.N, c.HandlingDays.Median), days(p.HandlingDays.N, p.HandlingDays.Median)},
		{lang.L("Handling time: nine in ten within (days)"), days(c.HandlingDays.N, c.HandlingDays.P90), days(p.HandlingDays.N, p.HandlingDays.P90)},
		{lang.L("Receipt acknowledged on time"), percent(c.AckOnTime), percent(p.AckOnTime)},
		{lang.L("Resolved within the deadline"), percent(c.WithinTerm), percent(p.WithinTerm)},
		{lang.L("Extensions"), thousands(c.Extensions), thousands(p.Extensions)},
		{lang.L("Extended only after the deadline had passed"), thousands(c.LateExtensions), thousands(p.LateExtensions)},
		{lang.L("Progress letter sent late or not at all"), thousands(c.LateNotices), thousands(p.LateNotices)},
		{lang.L("Closed files reopened"), thousands(c.Reopened), thousands(p.Reopened)},
		{lang.L("Resolved without hearing both sides (reason recorded)"), thousands(c.NotHeard), thousands(p.NotHeard)},
		{lang.L("New measures / carried out"), thousands(c.MeasuresAdded) + " / " + thousands(c.MeasuresDone),
			thousands(p.MeasuresAdded) + " / " + thousands(p.MeasuresDone)},
	} {
		if !rep.HasPrevious {
			row.old = "–" // the register does not hold that year: no figures, not zeros
		}
		label := widget.NewLabel(row.label)
		label.Wrapping = fyne.TextWrapWord // where the window is narrow (see tableLayout)
		figures.Add(label)
		figures.Add(widget.NewLabelWithStyle(row.cur, fyne.TextAlignTrailing, fyne.TextStyle{}))
		figures.Add(widget.NewLabelWithStyle(row.old, fyne.TextAlignTrailing, fyne.TextStyle{}))
	}
	var months [12]string
	for i := range months {
		months[i] = tr(fmt.Sprintf("month.short.%d", i+1), []string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul",
			"aug", "sep", "okt", "nov", "dec"}[i])
	}
	received, resolved := 0, 0
	for _, m := range rep.Months {
		received, resolved = received+m.Received, resolved+m.Resolved
	}
	legend := wrapped(lang.L("Per month: received (blue, {{.Received}}) and resolved (orange, {{.Resolved}})",
		map[string]any{"Received": thousands(received), "Resolved": thousands(resolved)}))
	charts := container.NewGridWithColumns(2,
		barChart(lang.L("By channel"), "channel", rep.ByChannel), barChart(lang.L("By subject"), "subject", rep.BySubject),
		barChart(lang.L("By outcome"), "outcome", rep.ByOutcome), barChart(lang.L("By root cause"), "cause", rep.ByRootCause),
		barChart(lang.L("Extensions by reason"), "reason", rep.ByExtensionReason),
		barChart(lang.L("Measures by state"), "state", rep.ByMeasureState))
	note := ""
	running := !rep.Complete && rep.MadeOn.Year() == rep.Year
	if running {
		note = lang.L("The year is not over: the outlined month is still running, so its bars are incomplete.")
	}
	month := container.NewBorder(legend, wrapped(note), nil, nil,
		newMonthChart(rep.Months, shownMonths(rep), running, months))
	r.body.Objects = []fyne.CanvasObject{container.New(&besideOrBelow{}, figures, month), widget.NewSeparator(), charts}
	if c.Received > 0 && c.Received < fewComplaints {
		// No names, but with one or two complaints a reader who knows the practice can tell
		// whose complaint a channel, a subject or a measure is.
		warning := wrapped(lang.L("With fewer than five complaints in the year, someone who knows the practice may recognise a complaint in the anonymised report by its details. Share it only with those who may read it."))
		warning.Importance = widget.WarningImportance
		r.body.Objects = append([]fyne.CanvasObject{warning}, r.body.Objects...)
	}
	r.body.Refresh()
}

// openLabel names the figure of complaints still open: at the year's end, or on the day the
// figures are from while the year is under way.
func openLabel(rep data.Report) string {
	if rep.Complete {
		return lang.L("Open at year end")
	}
	return lang.L("Open on {{.On}} ({{.Year}}: on 31 December)", map[string]any{"On": longDate(rep.MadeOn), "Year": rep.Previous.Year})
}

// shownMonths is how many months of the year have begun by the day the figures are from.
func shownMonths(rep data.Report) int {
	if rep.Complete {
		return 12
	}
	return int(rep.MadeOn.Month())
}

func days(n int, d float64) string {
	if n == 0 {
		return "-"
	}
	return data.DecimalIn(uiLanguage(), d)
}

func percent(r data.Ratio) string {
	if r.Of == 0 {
		return "-"
	}
	return fmt.Sprintf("%d%% (%s/%s)", r.WholePercent(), thousands(r.N), thousands(r.Of))
}

// onPDF makes the annual report and offers to save it.
func (r *reportScreen) onPDF() {
	var buf bytes.Buffer
	if err := letters.AnnualReport(&buf, r.store, r.selectedYear(), ""); err != nil {
		showRefusal(err, r.win, r.showSetting)
		return
	}
	saveAs(r.win, r.store, fmt.Sprintf("%s-%d.pdf", fileWords(lang.L("Annual complaints report")), r.selectedYear()), ".pdf", buf.Bytes())
}

// onCSV exports the year's register for Excel, anonymised unless the practitioner unticks it.
func (r *reportScreen) onCSV() {
	var buf bytes.Buffer
	if err := r.store.ExportCSV(&buf, r.selectedYear(), r.anonymised.Checked); err != nil {
		showError(err, r.win)
		return
	}
	if r.anonymised.Checked {
		saveAs(r.win, r.store, fmt.Sprintf("klachtenregister-%d-%s.csv", r.selectedYear(), lang.L("anonymised")), ".csv", buf.Bytes())
		return
	}
	// The file's name says what it holds, and the dialog says how to keep it: the same name as
	// the anonymised export's but for one word let the two be mixed up.
	saveAs(r.win, r.store, fmt.Sprintf("klachtenregister-%d-%s.csv", r.selectedYear(), lang.L("with-names")), ".csv", buf.Bytes(),
		lang.L("This file holds the complainants' names, addresses and free texts. Keep it only where no one else can read it, and delete it once you no longer need it."))
}
