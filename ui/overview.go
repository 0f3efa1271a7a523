package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// registerReader is what the overview needs from the store.
type registerReader interface {
	Overview() (data.OverviewCounts, []data.ActionItem, error)
	BackupStatus() (data.BackupStatus, error)
}

// overview is the "today" screen: counts at a glance and the action items, overdue first.
type overview struct {
	store registerReader
	open  func(item data.ActionItem) // opens the complaint at the item's step, or the measure
	tiles []*tile                    // open, overdue, due soon, awaiting acknowledgement, awaiting a progress update
	list  *list
	hint  *widget.Label // above the list: how to open an item, or that there is none
	items []data.ActionItem
	sum   data.OverviewCounts
	bg    worker
	// onSummary tells the navigation how many items are overdue, for its badge.
	onSummary func(overdue int)
	fail      func(error)
	// warnings says what is wrong with the backups; backupFailed is the last automatic
	// backup's failure, if it failed.
	warnings     *widget.Label
	backupFailed error
}

func newOverview(store registerReader, open func(data.ActionItem), fail func(error)) *overview {
	o := &overview{store: store, open: open, fail: fail, warnings: widget.NewLabel(""), hint: wrapped("")}
	o.warnings.Importance, o.warnings.Wrapping = widget.WarningImportance, fyne.TextWrapWord
	o.warnings.Hide()
	for _, label := range []string{lang.L("open"), lang.L("overdue"), lang.L("due soon"), lang.L("awaiting acknowledgement"),
		lang.L("progress update due")} {
		o.tiles = append(o.tiles, newTile(label))
	}
	o.list = newList(func() int { return len(o.items) }, o.newRow, o.updateRow)
	o.list.OnSelected = func(id widget.ListItemID) {
		o.list.UnselectAll()
		if id < len(o.items) {
			o.open(o.items[id])
		}
	}
	return o
}

// content lays the screen out.
func (o *overview) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Today"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var tiles []fyne.CanvasObject
	for _, t := range o.tiles {
		tiles = append(tiles, t.content())
	}
	return container.NewBorder(container.NewVBox(title, o.warnings, container.New(&tileRow{tiles: o.tiles}, tiles...), widget.NewSeparator(), o.hint), nil, nil, nil, o.list)
}

// overviewData is one reading of the register for the overview.
type overviewData struct {
	sum    data.OverviewCounts
	items  []data.ActionItem
	backup data.BackupStatus
}

// refresh reloads the figures and the items in the background.
func (o *overview) refresh() {
	latest(&o.bg, func() (overviewData, error) {
		sum, items, err := o.store.Overview()
		if err != nil {
			return overviewData{}, err
		}
		backup, err := o.store.BackupStatus()
		return overviewData{sum, items, backup}, err
	}, func(d overviewData) {
		o.sum, o.items = d.sum, d.items
		o.showWarnings(d.backup)
		for i, n := range []int{o.sum.Open, o.sum.Overdue, o.sum.DueSoon, o.sum.AwaitingAcknowledgement, o.sum.AwaitingProgress} {
			o.tiles[i].set(n, []data.Warning{"", data.WarningOverdue, data.WarningDueSoon, "", ""}[i])
		}
		o.hint.SetText(o.hintText())
		o.list.Refresh()
		if o.onSummary != nil {
			o.onSummary(o.sum.Overdue)
		}
	}, o.fail)
}

// hintText says how to open an item, or, kindly, that there is nothing to do.
func (o *overview) hintText() string {
	switch {
	case len(o.items) > 0:
		return lang.L("Select an item to open it: the complaint at that step, or the measure.")
	case o.sum.Open > 0:
		return lang.L("Nothing needs doing now. An item appears here as soon as a step is due.")
	default:
		return lang.L("There is nothing open. New complaints appear here as soon as you enter them.")
	}
}

// showWarnings shows what needs doing about backups above the figures, or nothing.
func (o *overview) showWarnings(st data.BackupStatus) {
	var lines []string
	if o.backupFailed != nil {
		lines = append(lines, backupFailedText(o.backupFailed))
	}
	if !isDemo(st.Dir) {
		lines = append(lines, backupWarnings(st, false)...)
	}
	showLine(o.warnings, strings.Join(lines, "\n"))
}

// newRow is an item's row: its mark, what to do and when in bold, then the complaint or the
// measure, ending in "…" where the window is narrow (a rich text of both parts cut the second
// off mid-word, without an ellipsis), and the due date.
func (o *overview) newRow() fyne.CanvasObject {
	mark := canvas.NewRectangle(color.Transparent)
	mark.SetMinSize(fyne.NewSize(6, 10))
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, container.New(&rowStart{}, mark, what), widget.NewLabel(""), detail)
}

// rowStart lays out an item's mark and its bold text side by side with no gap after the
// text: the detail beside it reads as the same line.
type rowStart struct{}

func (*rowStart) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m, w := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(m.Width+w.Width, max(m.Height, w.Height))
}

func (*rowStart) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m := objs[0].MinSize().Width
	objs[0].Resize(fyne.NewSize(m, size.Height))
	objs[1].Move(fyne.NewPos(m, 0))
	objs[1].Resize(fyne.NewSize(size.Width-m, size.Height))
}

func (o *overview) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(o.items) {
		return
	}
	it := o.items[id]
	// The row is the item's text, truncated where the window is narrow, with the mark to its
	// left and the due date to its right, always in view.
	row := obj.(*fyne.Container)
	detail, start, due := row.Objects[0].(*widget.Label), row.Objects[1].(*fyne.Container), row.Objects[2].(*widget.Label)
	mark, what := start.Objects[0].(*canvas.Rectangle), start.Objects[1].(*widget.Label)
	mark.FillColor = warningColour(it.Warning)
	mark.Refresh()
	who := itemComplainant(it)
	switch {
	case it.Kind == data.ItemRetention:
		who = lang.N("{{.N}} files past the retention period", it.Count, map[string]any{"N": thousands(it.Count)})
	case it.MeasureID != 0:
		who = it.Detail
	}
	what.SetText(fmt.Sprintf("%s - %s", itemText(it), when(it)))
	detail.SetText(strings.Join(data.NonEmpty(it.Reference, who), " · "))
	due.SetText(shortDate(it.DueOn))
}

// warningColour is red for overdue, amber for due soon and nothing when on time.
func warningColour(w data.Warning) color.Color {
	switch w {
	case data.WarningOverdue:
		return theme.Color(theme.ColorNameError)
	case data.WarningDueSoon:
		return theme.Color(theme.ColorNameWarning)
	}
	return color.Transparent
}

// tile is one figure of the overview: a large number with its meaning below it.
type tile struct {
	number *canvas.Text
	label  *widget.Label
	bg     *canvas.Rectangle
	warn   data.Warning // the number's warning colour, when it is not 0
}

func newTile(label string) *tile {
	t := &tile{number: canvas.NewText("0", theme.Color(theme.ColorNameForeground)), label: widget.NewLabel(label),
		bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	t.number.TextSize = 2.2 * theme.TextSize()
	t.number.TextStyle.Bold = true
	t.number.Alignment, t.label.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
	t.label.Wrapping = fyne.TextWrapWord // five tiles side by side fit a narrow window
	t.bg.CornerRadius = theme.InputRadiusSize()
	return t
}

func (t *tile) content() fyne.CanvasObject {
	return container.NewStack(t.bg, container.NewVBox(t.number, t.label))
}

// set shows n, coloured by warning when there is something to warn about.
func (t *tile) set(n int, w data.Warning) {
	t.number.Text = thousands(n)
	t.warn = ""
	if n > 0 {
		t.warn = w
	}
	t.colour()
}

// colour paints the tile in the theme's colours of now: the light or dark variant may have
// changed since it was drawn (the operating system's setting), which Fyne tells widgets but
// not these plain shapes.
func (t *tile) colour() {
	t.number.Color = theme.Color(theme.ColorNameForeground)
	if t.warn != "" {
		t.number.Color = warningColour(t.warn)
	}
	t.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	t.number.Refresh()
	t.bg.Refresh()
}

// needed is the width the tile needs for its longest word: a word wider than its tile is
// broken in the middle ("voortgangsb / ericht").
func (t *tile) needed() float32 {
	var w float32
	for _, word := range strings.Fields(t.label.Text) {
		w = max(w, fyne.MeasureText(word, theme.TextSize(), t.label.TextStyle).Width)
	}
	return w + 2*theme.InnerPadding()
}

// tileRow lays the tiles out side by side, each at least as wide as its longest word and the
// width left over shared alike, and colours them again on every layout, which Fyne runs
// again when the theme changes.
type tileRow struct{ tiles []*tile }

func (r *tileRow) widths(width float32) []float32 {
	var need float32
	for _, t := range r.tiles {
		need += t.needed()
	}
	gaps := theme.Padding() * float32(len(r.tiles)-1)
	out := make([]float32, len(r.tiles))
	for i, t := range r.tiles {
		if width-gaps >= need {
			out[i] = t.needed() + (width-gaps-need)/float32(len(r.tiles))
		} else { // narrower than any word allows: shrink alike
			out[i] = t.needed() * (width - gaps) / need
		}
	}
	return out
}

func (r *tileRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var x float32
	for i, w := range r.widths(size.Width) {
		r.tiles[i].colour()
		objs[i].Move(fyne.NewPos(x, 0))
		objs[i].Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}

func (r *tileRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s.AddWidthHeight(theme.Padding()*float32(len(objs)-1), 0)
}
