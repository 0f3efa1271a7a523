package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// registerPager is what the register screen needs from the store.
type registerPager interface {
	RegisterRows(f data.Filter) ([]data.Listed, error)
	Count(f data.Filter) (int, error)
	Years() ([]int, error)
}

// pageSize is how many complaints one background query fetches. The table only ever
// builds widgets for the rows on screen, so 100,000 complaints scroll as smoothly as 40.
const pageSize = 100

// column is one register column: its header, the sort it stands for and its cell text.
type column struct {
	title string
	sort  data.SortKey
	width float32 // natural width of a free-text column; 0: short texts, always shown in full (see fullWidth)
	least float32 // the narrowest a free-text column gets before columns are left out
	grow  float32 // share of any width beyond the natural widths
	text  func(l data.Listed) string
}

var registerColumns = []column{
	{"Reference", data.SortReference, 0, 0, 0, func(l data.Listed) string { return l.Reference }},
	{"Received", data.SortReceived, 0, 0, 0, func(l data.Listed) string { return shortDate(l.ReceivedOn) }},
	{"Complainant", data.SortComplainant, 150, 110, 2, func(l data.Listed) string { return complainantName(l.Complaint) }},
	// The summary needs about twenty characters to say what a complaint is about ("Vertrouwelij…" did not).
	{"Complaint", data.SortSummary, 200, 170, 3, func(l data.Listed) string { return l.Summary }},
	{"Handler", data.SortHandler, 115, 80, 1, func(l data.Listed) string { return l.Handler }},
	{"Status", data.SortStatus, 0, 0, 0, func(l data.Listed) string { return statusLabel(l.Status) }},
	{"Due", data.SortDue, 0, 0, 0, func(l data.Listed) string { return shortDate(l.DueOn) }},
	{"Deadline", data.SortDue, 0, 0, 0, deadlineText},
}

// leftOut is the order in which columns are left out where the window is too narrow for all
// of them, each shown readable: the handler (in a small practice nearly always the same), the
// day received, the due date (Termijnbewaking still warns), the summary. Reference,
// complainant, status and Termijnbewaking always stay.
var leftOut = []string{"Handler", "Received", "Due", "Complaint"}

// deadlineText is the warning of the most pressing item, whichever date it is.
func deadlineText(l data.Listed) string {
	text := ""
	if l.Warning != "" {
		text = warningLabel(l.Warning)
	}
	if len(l.Breached) > 0 { // a delay not announced in time stays visible for good
		text = strings.TrimPrefix(text+" · "+lang.L("breach"), " · ")
	}
	return text
}

// fullWidth is the width a column of short texts needs for its header, with the sort mark, and
// its longest text (for the reference, widestRef), in the screens' language: they are never cut.
func fullWidth(c column, widestRef string) float32 {
	texts := map[string][]string{
		"Reference": {widestRef}, "Received": {shortDate(data.NewDate(2026, 12, 31))},
		"Due":      {shortDate(data.NewDate(2026, 12, 31))},
		"Deadline": {warningLabel(data.WarningOverdue), warningLabel(data.WarningDueSoon), lang.L("breach")},
	}[c.title] // a warning with a breach beside it is rare enough to be shortened
	if c.title == "Status" {
		for _, st := range data.Statuses {
			texts = append(texts, statusLabel(st))
		}
	}
	w := titleWidth(c)
	for _, t := range texts {
		w = max(w, cellWidth(t))
	}
	return w
}

// titleWidth is what a column's header needs, with the sort mark: a column narrower than its
// title is left out rather than shown as "Behandelaa".
func titleWidth(c column) float32 {
	return fyne.MeasureText(lang.L(c.title)+" ▼", theme.TextSize(), fyne.TextStyle{Bold: true}).Width + cellPadding()
}

// cellWidth is the width a cell needs to show text whole.
func cellWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + cellPadding()
}

// cellPadding is a label's padding on both sides, and some room for rounding at a scale.
func cellPadding() float32 { return 2*theme.InnerPadding() + theme.Padding() }

// longestName is the most the complainant column widens to for a name: a longer one is cut.
const longestName = 360

// register is the list of all complaints with filters, search and sorting.
type register struct {
	store  registerPager
	open   func(ref string)
	fail   func(error)
	status *choice
	year   *choice
	search *widget.Entry
	total  *widget.Label
	// showAll clears the search and the filters; shown when they leave no complaint, which
	// otherwise read as an empty register.
	showAll *button
	top     *fyne.Container // the filters above the table, laid out again when showAll comes or goes
	table   *table
	// shown are the columns on screen (positions in registerColumns), widths their widths.
	shown  []int
	widths []float32
	// widestRef is the longest reference loaded so far, at least a four-digit one: an office
	// with more than 9,999 complaints a year gets K-2026-10000, and its column widens for it.
	widestRef string
	// nameWidth is what the longest complainant's name loaded so far needs, at most
	// longestName: "Renée Aydın (Van Dijk Installatietechniek B.V.)" is how a practitioner
	// tells complaints apart, so the column widens for it where the window has room.
	nameWidth float32
	columns   *fyne.Container // the table in fitColumns, laid out again when widestRef or nameWidth grows
	// Import opens the wizard that takes over a practice's earlier register.
	Import *button

	filter data.Filter
	// sortedBy is the column last tapped to sort: Termijn and Termijnbewaking sort alike, and
	// only the one tapped shows the arrow.
	sortedBy string
	rows     int
	pages    map[int][]data.Listed
	loading  map[int]bool
	gen      int // bumped on every new filter, so late answers to an old one are dropped
	bg       worker
}

func newRegister(store registerPager, open func(string), fail func(error)) *register {
	r := &register{store: store, open: open, fail: fail, total: widget.NewLabel(""),
		Import: newButton(lang.L("Import…"), nil), widestRef: "K-2026-0000"}
	r.search = widget.NewEntry()
	r.search.SetPlaceHolder(lang.L("Search by name, reference or text…"))
	r.search.OnChanged = func(s string) { r.filter.Search = s; r.refresh() }
	r.search.OnSubmitted = func(string) { // Enter goes on to the first complaint found, where Enter opens it
		if c := fyne.CurrentApp().Driver().CanvasForObject(r.table); c != nil {
			r.table.Highlight(widget.TableCellID{})
			c.Focus(r.table)
		}
	}
	statuses := []string{lang.L("All statuses")}
	for _, s := range data.Statuses {
		statuses = append(statuses, statusLabel(s))
	}
	r.status = newSelect(statuses, func(string) {
		r.filter.Status = ""
		if i := r.status.SelectedIndex(); i > 0 {
			r.filter.Status = data.Statuses[i-1]
		}
		r.refresh()
	})
	r.status.SetSelectedIndex(0)
	r.year = newSelect([]string{lang.L("All years")}, func(s string) {
		r.filter.Year, _ = strconv.Atoi(s)
		r.refresh()
	})
	r.year.SetSelectedIndex(0)
	r.showAll = newButton(lang.L("Show all complaints"), func() {
		r.search.SetText("")
		r.status.SetSelectedIndex(0)
		r.year.SetSelectedIndex(0)
	})
	r.showAll.Hide()
	for i := range registerColumns {
		r.shown = append(r.shown, i) // until the first layout
	}
	r.table = newTable(func() (int, int) { return r.rows, len(r.shown) }, r.newCell, r.updateCell)
	r.table.CreateHeader = func() fyne.CanvasObject { return newButton("", nil) }
	r.table.UpdateHeader = r.updateHeader
	r.table.OnSelected = func(id widget.TableCellID) {
		r.table.UnselectAll()
		if l, ok := r.row(id.Row); ok {
			r.open(l.Reference)
		}
	}
	return r
}

// content lays the screen out: the search and filters in a row that wraps where the window
// is narrow, then the table, whose columns take the width there is.
func (r *register) content() fyne.CanvasObject {
	h := r.status.MinSize().Height
	filters := newFlow(container.NewGridWrap(fyne.NewSize(300, h), r.search),
		container.NewGridWrap(fyne.NewSize(180, h), r.status), container.NewGridWrap(fyne.NewSize(130, h), r.year), r.total, r.showAll, r.Import)
	r.columns = container.New(&fitColumns{r: r, ref: r.widestRef, name: r.nameWidth}, r.table)
	r.top = topThen(filters, r.columns)
	return r.top
}

// fitColumns gives the register's columns the table's width: short texts (reference, dates,
// status, Termijnbewaking) in full, the free-text columns the rest, and where that is too
// little, columns are left out in the order of leftOut rather than every column cut.
type fitColumns struct {
	r     *register
	width float32 // the width last laid out for
	ref   string  // and the widest reference
	name  float32 // and the complainant's name's width
}

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	if size.Width == f.width && f.ref == f.r.widestRef && f.name == f.r.nameWidth {
		return
	}
	f.width, f.ref, f.name = size.Width, f.r.widestRef, f.r.nameWidth
	f.r.shown, f.r.widths = columnWidths(size.Width-theme.ScrollBarSize(), f.r.widestRef, f.r.nameWidth)
	for i, w := range f.r.widths {
		f.r.table.SetColumnWidth(i, w)
	}
	f.r.table.Refresh()
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(200, objs[0].MinSize().Height)
}

// columnWidths chooses the columns shown in width (their positions in registerColumns) and
// their widths. The table puts a padding after every column. The complainant column would
// have nameWidth, the longest name's width, and widens to it as far as the window allows; no
// column is left out for it: one long name must not hide every complaint's date of receipt.
// A name longer than its column is cut with "…"; the file's title shows it whole.
func columnWidths(width float32, widestRef string, nameWidth float32) (shown []int, widths []float32) {
	cols := slices.Clone(registerColumns)
	for i, c := range cols {
		if c.grow != 0 {
			cols[i].least = max(c.least, titleWidth(c))
			cols[i].width = max(c.width, cols[i].least)
		}
		if c.title == "Complainant" {
			cols[i].width = max(cols[i].width, nameWidth)
		}
	}
	gone := map[string]bool{}
	for {
		shown, widths = shown[:0], widths[:0]
		var fixed, natural, least, grow float32
		for i, c := range cols {
			if gone[c.title] {
				continue
			}
			shown = append(shown, i)
			w := c.width
			if c.grow == 0 {
				w = fullWidth(c, widestRef)
				fixed += w
			} else {
				natural, least, grow = natural+c.width, least+c.least, grow+c.grow
			}
			widths = append(widths, w)
		}
		room := width - fixed - theme.Padding()*float32(len(shown))
		if room < least && len(gone) < len(leftOut) {
			gone[leftOut[len(gone)]] = true
			continue
		}
		// Short of room, the name takes what it needs first: a summary cut short still
		// reads, a name cut short is someone else's.
		given := -1 // the name's column, once it has taken its room
		if name := slices.Index(shown, slices.IndexFunc(cols, func(c column) bool { return c.title == "Complainant" })); room < natural && room >= least {
			c := cols[shown[name]]
			given, widths[name] = name, min(c.width, room-(least-c.least))
			room, natural, least, grow = room-widths[name], natural-c.width, least-c.least, grow-c.grow
		}
		for i, col := range shown {
			c := cols[col]
			switch {
			case c.grow == 0, i == given:
			case room >= natural:
				widths[i] = c.width + (room-natural)*c.grow/grow
			case room >= least: // each its least, and what is left by what it gives up
				widths[i] = c.least + (room-least)*(c.width-c.least)/(natural-least)
			default: // too narrow even so: the table scrolls sideways
				widths[i] = c.least
			}
		}
		return shown, widths
	}
}

// refresh starts over with the current filter: count first, then pages as they scroll into view.
func (r *register) refresh() {
	r.gen++
	gen, f := r.gen, r.filter
	run(&r.bg, func() (int, error) { return r.store.Count(f) }, func(n int) {
		if gen != r.gen {
			return
		}
		r.rows, r.pages, r.loading = n, map[int][]data.Listed{}, map[int]bool{}
		r.total.SetText(lang.N("{{.N}} complaints", n, map[string]any{"N": thousands(n)}))
		was := r.showAll.Visible()
		if filtered := f.Search != "" || f.Status != "" || f.Year != 0; n == 0 && filtered {
			r.total.SetText(lang.L("No complaint found."))
			r.showAll.Show()
		} else {
			r.showAll.Hide()
		}
		if r.top != nil && r.showAll.Visible() != was {
			r.top.Refresh() // the row of filters may wrap anew
		}
		r.table.Refresh()
	}, r.fail)
	run(&r.bg, r.store.Years, r.setYears, r.fail)
}

func (r *register) setYears(years []int) {
	opts := []string{lang.L("All years")}
	for _, y := range years {
		opts = append(opts, strconv.Itoa(y))
	}
	r.year.Options = opts
	r.year.Refresh()
}

// row returns a loaded row, or starts loading its page and reports false.
func (r *register) row(i int) (data.Listed, bool) {
	p := i / pageSize
	if rows, ok := r.pages[p]; ok {
		if i%pageSize < len(rows) {
			return rows[i%pageSize], true
		}
		return data.Listed{}, false
	}
	if !r.loading[p] {
		r.loading[p] = true
		gen, f := r.gen, r.filter
		f.Limit, f.Offset = pageSize, p*pageSize
		// Scrolling on: the page starts after the last row of the one above, found in the
		// index wherever it is, instead of counting every row above it.
		if prev := r.pages[p-1]; len(prev) == pageSize && f.Keyset() {
			f.Offset, f.After = 0, prev[pageSize-1].ID
		}
		run(&r.bg, func() ([]data.Listed, error) { return r.store.RegisterRows(f) }, func(rows []data.Listed) {
			if gen == r.gen {
				r.pages[p] = rows
				if r.widen(rows) && r.columns != nil {
					r.columns.Refresh() // lays the columns out again, which refreshes the table
				} else {
					r.table.Refresh()
				}
			}
		}, r.fail)
	}
	return data.Listed{}, false
}

// widen notes a reference or a complainant's name in rows longer than any before and reports
// whether there was one. It measures the page's names once, as it arrives.
func (r *register) widen(rows []data.Listed) bool {
	wider := false
	for _, l := range rows {
		if len(l.Reference) > len(r.widestRef) {
			r.widestRef, wider = l.Reference, true
		}
		if w := min(cellWidth(complainantName(l.Complaint)), longestName); w > r.nameWidth {
			r.nameWidth, wider = w, true
		}
	}
	return wider
}

func (r *register) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (r *register) updateCell(id widget.TableCellID, obj fyne.CanvasObject) {
	label := obj.(*widget.Label)
	l, ok := r.row(id.Row)
	if !ok {
		label.SetText("…")
		return
	}
	if id.Col >= len(r.shown) {
		return
	}
	c := registerColumns[r.shown[id.Col]]
	label.Importance = widget.MediumImportance
	if c.title == "Deadline" { // the warning of the most pressing item, whichever date it is
		switch {
		case l.Warning == data.WarningOverdue || len(l.Breached) > 0:
			label.Importance = widget.DangerImportance
		case l.Warning == data.WarningDueSoon:
			label.Importance = widget.WarningImportance
		}
	}
	label.SetText(c.text(l))
}

func (r *register) updateHeader(id widget.TableCellID, obj fyne.CanvasObject) {
	b := obj.(*button)
	if id.Col >= len(r.shown) {
		return
	}
	c := registerColumns[r.shown[id.Col]]
	text := lang.L(c.title)
	if r.sortMark() == c.title {
		if r.filter.Descending {
			text += " ▼"
		} else {
			text += " ▲"
		}
	}
	b.SetText(text)
	b.OnTapped = func() {
		if r.filter.Sort == c.sort && r.sortMark() == c.title {
			r.filter.Descending = !r.filter.Descending
		} else {
			r.filter.Sort, r.filter.Descending = c.sort, false
		}
		r.sortedBy = c.title
		r.refresh()
	}
}

// sortMark is the title of the column on screen that shows the sort's arrow: the one last
// tapped when it sorts as the register does now, else the first that does.
func (r *register) sortMark() string {
	first := ""
	for _, i := range r.shown {
		c := registerColumns[i]
		if c.sort == r.filter.Sort && c.sort != "" {
			if c.title == r.sortedBy {
				return c.title
			}
			if first == "" {
				first = c.title
			}
		}
	}
	return first
}
