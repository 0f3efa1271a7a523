package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// barChart draws a distribution as horizontal bars, longest bar full width, with the count
// beside each bar: the same figures the PDF report draws.
func barChart(title string, counts []data.Count) fyne.CanvasObject {
	most := 1
	for _, c := range counts {
		most = max(most, c.N)
	}
	rows := container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range counts {
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		label := widget.NewLabel(c.Label)
		label.Truncation = fyne.TextTruncateEllipsis
		rows.Add(container.New(&barLayout{share: float32(c.N) / float32(most)}, label, bar, widget.NewLabel(fmt.Sprint(c.N))))
	}
	return rows
}

// barLayout places a label in the left third, then a bar as long as its share of the remaining
// width, then the number.
type barLayout struct{ share float32 }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	labelW := size.Width / 3
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
	return fyne.NewSize(240, objs[0].MinSize().Height)
}

// monthChart draws received and resolved complaints per month as two lines.
type monthChart struct {
	months  [12]data.MonthCount
	last    int // months shown: a year under way stops at the current month
	objects []fyne.CanvasObject
}

// newMonthChart builds the chart's lines, dots and month labels once; the layout places them.
func newMonthChart(months [12]data.MonthCount, last int, monthNames [12]string) fyne.CanvasObject {
	c := &monthChart{months: months, last: last}
	for _, col := range []color.Color{theme.Color(theme.ColorNamePrimary), theme.Color(theme.ColorNameWarning)} {
		for range 11 {
			line := canvas.NewLine(col)
			line.StrokeWidth = 2
			c.objects = append(c.objects, line)
		}
	}
	for _, name := range monthNames {
		t := canvas.NewText(name, theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		t.Alignment = fyne.TextAlignCenter
		c.objects = append(c.objects, t)
	}
	axis := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	c.objects = append(c.objects, axis)
	return container.New(c, c.objects...)
}

func (c *monthChart) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	most := 1
	for _, m := range c.months {
		most = max(most, m.Received, m.Resolved)
	}
	labelH := theme.CaptionTextSize() + theme.Padding()
	plotH := size.Height - labelH - theme.Padding()
	step := size.Width / 12
	point := func(i, n int) fyne.Position {
		return fyne.NewPos(step*(float32(i)+0.5), theme.Padding()+plotH*(1-float32(n)/float32(most)))
	}
	for s, value := range []func(m data.MonthCount) int{
		func(m data.MonthCount) int { return m.Received }, func(m data.MonthCount) int { return m.Resolved }} {
		for i := range 11 {
			line := c.objects[s*11+i].(*canvas.Line)
			line.Position1, line.Position2 = point(i, value(c.months[i])), point(i+1, value(c.months[i+1]))
			if i+1 >= c.last {
				line.Hide()
			}
		}
	}
	for i := range 12 {
		t := c.objects[22+i]
		t.Resize(fyne.NewSize(step, labelH))
		t.Move(fyne.NewPos(step*float32(i), size.Height-labelH))
	}
	axis := c.objects[34].(*canvas.Line)
	axis.Position1, axis.Position2 = fyne.NewPos(0, theme.Padding()+plotH), fyne.NewPos(size.Width, theme.Padding()+plotH)
}

func (c *monthChart) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(360, 160) }

// tableLayout lays objects out in rows of cols cells, each column as wide as its widest cell,
// so a table of figures takes only the room it needs.
type tableLayout struct{ cols int }

func (t *tableLayout) sizes(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, t.cols)
	heights = make([]float32, (len(objs)+t.cols-1)/t.cols)
	for i, o := range objs {
		m := o.MinSize()
		widths[i%t.cols] = max(widths[i%t.cols], m.Width)
		heights[i/t.cols] = max(heights[i/t.cols], m.Height)
	}
	return widths, heights
}

func (t *tableLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	widths, heights := t.sizes(objs)
	var y float32
	for row, h := range heights {
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
	widths, heights := t.sizes(objs)
	var s fyne.Size
	for _, w := range widths {
		s.Width += w + theme.Padding()
	}
	for _, h := range heights {
		s.Height += h
	}
	return s
}
