package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// barChart draws a distribution as horizontal bars, longest bar full width, with the count
// beside each bar: the same figures the PDF report draws.
func barChart(title, chart string, counts []data.Count) fyne.CanvasObject {
	most, n := 1, 0
	for _, c := range counts {
		most, n = max(most, c.N), n+c.N
	}
	rows := container.NewVBox(heading(fmt.Sprintf("%s (%s)", title, lang.L("total {{.Total}}", map[string]any{"Total": thousands(n)}))))
	var widest float32 // the chart's labels share one column, as wide as the longest needs
	labels := make([]*widget.Label, len(counts))
	for i, c := range counts {
		labels[i] = widget.NewLabel(letters.ReportLabel(uiLanguage(), chart, c))
		labels[i].Truncation = fyne.TextTruncateEllipsis
		widest = max(widest, fyne.MeasureText(labels[i].Text, theme.TextSize(), labels[i].TextStyle).Width+2*theme.InnerPadding())
	}
	for i, c := range counts {
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		rows.Add(container.New(&barLayout{share: float32(c.N) / float32(most), labels: widest}, labels[i], bar, widget.NewLabel(thousands(c.N))))
	}
	return rows
}

// barLayout places a label in a column as wide as the chart's longest label, between a third
// and half of the width (at a third, "advies externe deskun…" was cut off beside a bar with
// room to spare), then a bar as long as its share of the remaining width, then the number.
type barLayout struct {
	share  float32
	labels float32 // the width the chart's longest label needs
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	labelW := min(max(l.labels, size.Width/3), size.Width/2)
	numW := objs[2].MinSize().Width
	barMax := max(0, size.Width-labelW-numW-theme.Padding()*2)
	barW := max(2, barMax*l.share)
	h := size.Height
	objs[0].Resize(fyne.NewSize(labelW, h))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(barW, h*0.6))
	objs[1].Move(fyne.NewPos(labelW+theme.Padding(), h*0.2))
	objs[2].Resize(fyne.NewSize(numW, h))
	objs[2].Move(fyne.NewPos(labelW+barW+theme.Padding()*2, 0))
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(180, objs[0].MinSize().Height)
}

// monthChart draws received and resolved complaints per month as pairs of bars on a numbered
// scale, as the PDF report does. Months still to come stay empty; the running month's bars are
// drawn as outlines, marked incomplete rather than read as a drop.
type monthChart struct {
	months        [12]data.MonthCount
	last          int  // months shown: a year under way stops at the current month
	running       bool // the last month shown is still running
	step, ceiling int  // the scale: a grid line every step, up to ceiling
	bars          []*canvas.Rectangle
	grid          []*canvas.Line
	ticks, names  []*canvas.Text
}

// newMonthChart builds the chart's bars, grid lines and labels once; the layout places them.
func newMonthChart(months [12]data.MonthCount, last int, running bool, monthNames [12]string) fyne.CanvasObject {
	c := &monthChart{months: months, last: last, running: running}
	most := 0
	for _, m := range months[:last] {
		most = max(most, m.Received, m.Resolved)
	}
	c.step, c.ceiling = letters.NiceScale(most)
	var objs []fyne.CanvasObject
	for v := 0; v <= c.ceiling; v += c.step {
		line := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		tick := canvas.NewText(thousands(v), theme.Color(theme.ColorNameForeground))
		tick.TextSize, tick.Alignment = theme.CaptionTextSize(), fyne.TextAlignTrailing
		c.grid, c.ticks = append(c.grid, line), append(c.ticks, tick)
		objs = append(objs, line, tick)
	}
	for range 24 {
		bar := canvas.NewRectangle(color.Transparent)
		c.bars = append(c.bars, bar)
		objs = append(objs, bar)
	}
	for _, name := range monthNames {
		t := canvas.NewText(name, theme.Color(theme.ColorNameForeground))
		t.TextSize, t.Alignment = theme.CaptionTextSize(), fyne.TextAlignCenter
		c.names = append(c.names, t)
		objs = append(objs, t)
	}
	return container.New(c, objs...)
}

func (c *monthChart) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	c.colour()
	axisW := fyne.MeasureText(thousands(c.ceiling), theme.CaptionTextSize(), fyne.TextStyle{}).Width + theme.Padding()*2
	labelH := theme.CaptionTextSize() + theme.Padding()
	top, plotH := theme.Padding(), size.Height-labelH-theme.Padding()*2
	y := func(v int) float32 { return top + plotH*(1-float32(v)/float32(c.ceiling)) }
	for i := range c.grid {
		v := i * c.step
		c.grid[i].Position1, c.grid[i].Position2 = fyne.NewPos(axisW, y(v)), fyne.NewPos(size.Width, y(v))
		c.ticks[i].Resize(fyne.NewSize(axisW-theme.Padding(), labelH))
		c.ticks[i].Move(fyne.NewPos(0, y(v)-labelH/2))
	}
	slot := (size.Width - axisW) / 12
	barW := slot * 0.32
	for i, bar := range c.bars {
		month, v := i/2, c.months[i/2].Received
		if i%2 == 1 {
			v = c.months[month].Resolved
		}
		if month >= c.last || (v == 0 && !(c.running && month == c.last-1)) {
			bar.Hide()
			continue
		}
		bar.Show()
		x := axisW + slot*float32(month) + slot/2 - barW + barW*float32(i%2)
		bar.Move(fyne.NewPos(x, y(v)))
		bar.Resize(fyne.NewSize(barW, y(0)-y(v)))
	}
	for i, t := range c.names {
		t.Resize(fyne.NewSize(slot, labelH))
		t.Move(fyne.NewPos(axisW+slot*float32(i), size.Height-labelH))
	}
}

// colour paints the chart in the theme's colours of now; Fyne lays it out again when the
// light or dark variant changes, but does not repaint plain shapes and texts.
func (c *monthChart) colour() {
	for i := range c.grid {
		c.grid[i].StrokeColor = theme.Color(theme.ColorNameSeparator)
		c.ticks[i].Color = theme.Color(theme.ColorNameForeground)
	}
	for _, t := range c.names {
		t.Color = theme.Color(theme.ColorNameForeground)
	}
	for i, bar := range c.bars {
		col := []color.Color{theme.Color(theme.ColorNamePrimary), theme.Color(theme.ColorNameWarning)}[i%2]
		bar.FillColor = col
		if c.running && i/2 == c.last-1 { // the running month: an outline
			bar.FillColor, bar.StrokeColor, bar.StrokeWidth = color.Transparent, col, 2
		}
	}
}

func (c *monthChart) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(300, 180) }

// tableLayout lays objects out in rows of cols cells, so a table of figures takes only the
// room it needs: each column of figures as wide as its widest cell, the first column (the
// labels, which wrap) as wide as its longest label, or what is left where the window is
// narrower, down to firstLeast. A narrow window so shows every figure without scrolling sideways.
type tableLayout struct{ cols int }

const firstLeast = 120

// natural is the width of each column with every label on one line.
func (t *tableLayout) natural(objs []fyne.CanvasObject) []float32 {
	widths := make([]float32, t.cols)
	for i, o := range objs {
		w := o.MinSize().Width
		if l, ok := o.(*widget.Label); ok && i%t.cols == 0 {
			w = fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		}
		widths[i%t.cols] = max(widths[i%t.cols], w)
	}
	return widths
}

// naturalWidth is the table's width with every label on one line.
func (t *tableLayout) naturalWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for _, c := range t.natural(objs) {
		w += c + theme.Padding()
	}
	return w
}

// widths fits the columns in width, the first column giving way.
func (t *tableLayout) widths(objs []fyne.CanvasObject, width float32) []float32 {
	widths := t.natural(objs)
	rest := float32(t.cols) * theme.Padding()
	for _, w := range widths[1:] {
		rest += w
	}
	widths[0] = max(firstLeast, min(widths[0], width-rest))
	return widths
}

// heights are the rows' heights as now laid out: a wrapped label is as tall as its lines.
func (t *tableLayout) heights(objs []fyne.CanvasObject) []float32 {
	heights := make([]float32, (len(objs)+t.cols-1)/t.cols)
	for i, o := range objs {
		heights[i/t.cols] = max(heights[i/t.cols], o.MinSize().Height)
	}
	return heights
}

func (t *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths := t.widths(objs, size.Width)
	for i := 0; i < len(objs); i += t.cols { // the labels first, so they wrap at their width
		objs[i].Resize(fyne.NewSize(widths[0], objs[i].Size().Height))
	}
	var y float32
	for row, h := range t.heights(objs) {
		var x float32
		for col, w := range widths {
			if i := row*t.cols + col; i < len(objs) {
				objs[i].Resize(fyne.NewSize(w, h))
				objs[i].Move(fyne.NewPos(x, y))
			}
			x += w + theme.Padding()
		}
		y += h
	}
}

func (t *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths := t.widths(objs, 0)
	var s fyne.Size
	for _, w := range widths {
		s.Width += w + theme.Padding()
	}
	for _, h := range t.heights(objs) {
		s.Height += h
	}
	return s
}

// naturalWidth is how wide o would be laid out where there is room: a table of figures with
// its labels on one line, or its minimum width.
func naturalWidth(o fyne.CanvasObject) float32 {
	if c, ok := o.(*fyne.Container); ok {
		if t, ok := c.Layout.(*tableLayout); ok {
			return t.naturalWidth(c.Objects)
		}
	}
	return o.MinSize().Width
}

// besideOrBelow puts its second object beside the first where the width allows the second at
// least its minimum width, and below it otherwise, so a narrow window shows both in full.
type besideOrBelow struct{ side bool } // side: the last layout put them side by side

func (b *besideOrBelow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	width := naturalWidth(objs[0])
	b.side = size.Width >= width+theme.Padding()+objs[1].MinSize().Width
	objs[0].Move(fyne.NewPos(0, 0))
	if b.side {
		objs[0].Resize(fyne.NewSize(width, size.Height))
		x := width + theme.Padding()
		objs[1].Move(fyne.NewPos(x, 0))
		objs[1].Resize(fyne.NewSize(size.Width-x, size.Height))
		return
	}
	objs[0].Resize(fyne.NewSize(size.Width, objs[0].MinSize().Height))
	objs[0].Resize(fyne.NewSize(size.Width, objs[0].MinSize().Height)) // as tall as its labels wrap at that width
	y := objs[0].Size().Height + theme.Padding()
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-y))
}

// MinSize is as narrow as the wider of the two, so the window can become that narrow; its
// height follows the last layout: side by side, or the one below the other.
func (b *besideOrBelow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, c := objs[0].MinSize(), objs[1].MinSize()
	if b.side {
		return fyne.NewSize(max(a.Width, c.Width), max(a.Height, c.Height))
	}
	return fyne.NewSize(max(a.Width, c.Width), a.Height+theme.Padding()+c.Height)
}
