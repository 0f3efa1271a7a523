package letters

import (
	"klachtenregister/data"
)

// The report's colours: one calm blue for most bars and lines, an orange beside it for the
// second line of the month chart, light grey for grid lines and table shading.
var (
	blue   = [3]int{38, 103, 140}
	orange = [3]int{214, 122, 38}
	rule   = [3]int{200, 200, 200}
	shade  = [3]int{242, 244, 246}
)

func (d *document) fill(c [3]int) { d.pdf.SetFillColor(c[0], c[1], c[2]) }
func (d *document) pen(c [3]int, w float64) {
	d.pdf.SetDrawColor(c[0], c[1], c[2])
	d.pdf.SetLineWidth(w)
}

// chart is a drawing of known height that is placed at x, top.
type chart struct {
	h    float64
	draw func(d *document, x, top float64)
}

// Bar chart geometry in millimetres.
const (
	chartTitleH = 6.0
	barH        = 3.0
	chartPt     = 8.0
	chartLineH  = 3.3
)

// bar is one bar: its label, already in the report's language, and its value.
type bar struct {
	label string
	n     int
}

// barChart draws a horizontal bar chart w wide: the title, then per category its label (over
// at most two lines), a bar scaled to the largest value and the value itself.
func (d *document) barChart(title string, bars []bar, w float64) chart {
	labelW := 0.40 * w
	most := 1
	type row struct {
		lines []string
		n     int
		h     float64
	}
	var rows []row
	h := chartTitleH
	d.pdf.SetFont("sans", "", chartPt)
	for _, b := range bars {
		lines := d.pdf.SplitText(b.label, labelW)
		if len(lines) > 2 {
			lines = lines[:2]
		}
		r := row{lines: lines, n: b.n, h: max(5, 1.7+chartLineH*float64(len(lines)))}
		rows, h, most = append(rows, r), h+r.h, max(most, b.n)
	}
	return chart{h: h + 1, draw: func(d *document, x, top float64) {
		d.text(x, top+3.8, 9, "B", 0, title)
		x0, room := x+labelW+2, w-labelW-2-9
		y := top + chartTitleH
		for _, r := range rows {
			for i, l := range r.lines {
				d.text(x, y+r.h/2+1.2-chartLineH*float64(len(r.lines)-1)/2+chartLineH*float64(i), chartPt, "", 40, l)
			}
			bw := room * float64(r.n) / float64(most)
			if bw > 0 {
				d.fill(blue)
				d.pdf.Rect(x0, y+(r.h-barH)/2, bw, barH, "F")
			}
			d.text(x0+bw+1.5, y+r.h/2+1.2, chartPt, "", 0, data.ThousandsIn(d.in.Language, r.n))
			y += r.h
		}
		d.pen(rule, 0.2)
		d.pdf.Line(x0, top+chartTitleH, x0, y)
	}}
}

// side puts two charts next to each other over the width of the text column, as one item.
func side(left, right chart) item {
	half := (textW - 10) / 2
	return item{h: max(left.h, right.h) + 4, draw: func(d *document, top float64) {
		left.draw(d, marginL, top)
		right.draw(d, marginL+half+10, top)
	}}
}

// monthChart draws received and resolved complaints per month as pairs of bars over the width
// of the text column, on a scale numbered along the y-axis. shown is the number of months
// that have begun: the months still to come stay empty, and in a year under way the running
// month's bars are hatched and marked as incomplete, rather than read as a drop.
func (d *document) monthChart(t *reportPhrases, months [12]data.MonthCount, shown int, running bool) item {
	const h = 62.0
	return item{h: h + 4, draw: func(d *document, top float64) {
		x0, x1 := marginL+9, marginL+textW-2
		y0, y1 := top+9, top+h-9
		most := 0
		for _, m := range months[:shown] {
			most = max(most, m.Received, m.Resolved)
		}
		step, ceiling := NiceScale(most)
		d.pdf.SetFont("sans", "", chartPt)
		for v := 0; v <= ceiling; v += step {
			y := y1 - (y1-y0)*float64(v)/float64(ceiling)
			d.pen(rule, 0.15)
			d.pdf.Line(x0, y, x1, y)
			s := data.ThousandsIn(d.in.Language, v)
			d.text(x0-1.5-d.pdf.GetStringWidth(s), y+1.1, chartPt, "", 60, s)
		}
		d.pen(rule, 0.3)
		d.pdf.Line(x0, y0, x0, y1)
		slot := (x1 - x0) / 12
		barW := slot * 0.32
		for i, name := range t.months {
			d.pdf.SetFont("sans", "", chartPt)
			d.text(x0+slot*(float64(i)+0.5)-d.pdf.GetStringWidth(name)/2, y1+4.5, chartPt, "", 60, name)
		}
		series := []struct {
			colour [3]int
			value  func(data.MonthCount) int
			name   string
		}{{blue, func(m data.MonthCount) int { return m.Received }, t.received},
			{orange, func(m data.MonthCount) int { return m.Resolved }, t.resolved}}
		for i := range shown {
			incomplete := running && i == shown-1
			for s, sr := range series {
				v := sr.value(months[i])
				bx := x0 + slot*float64(i) + slot/2 - barW + barW*float64(s)
				bh := (y1 - y0) * float64(v) / float64(ceiling)
				if incomplete {
					d.hatched(sr.colour, bx, y1-bh, barW, bh)
				} else if v > 0 {
					d.fill(sr.colour)
					d.pdf.Rect(bx, y1-bh, barW, bh, "F")
				}
			}
			if incomplete {
				d.pdf.SetFont("sans", "", 6.5)
				w := d.pdf.GetStringWidth(t.incomplete) // centred under the month, but not past the column's edge
				d.text(min(x0+slot*(float64(i)+0.5)-w/2, x1-w), y1+7.8, 6.5, "", 60, t.incomplete)
			}
		}
		for s, sr := range series {
			lx := x1 - 58 + 30*float64(s)
			d.fill(sr.colour)
			d.pdf.Rect(lx, top+0.3, 5, 2.4, "F")
			d.text(lx+6.5, top+2.6, chartPt, "", 0, sr.name)
		}
	}}
}

// hatched draws a bar that is not complete yet: its outline and diagonal lines in its colour.
func (d *document) hatched(c [3]int, x, y, w, h float64) {
	d.pen(c, 0.3)
	d.pdf.Rect(x, y, w, h, "D")
	d.pdf.ClipRect(x, y, w, h, false)
	for off := -h; off < w; off += 1.2 {
		d.pdf.Line(x+off, y+h, x+off+h, y)
	}
	d.pdf.ClipEnd()
}

// NiceScale picks the step between grid lines (1, 2 or 5 times a power of ten) so the largest
// value fits under at most five of them, and the top of the scale. The report screen numbers
// its month chart the same way.
func NiceScale(most int) (step, ceiling int) {
	step = 1
	for scale := 1; ; scale *= 10 {
		for _, f := range []int{1, 2, 5} {
			if step = f * scale; most <= 5*step {
				return step, max(step, (most+step-1)/step*step)
			}
		}
	}
}

// tableRow is one row of a table over the width of the text column: cells wrapped to their
// column's width, right-aligned where right says so, on a light band when banded.
func (d *document) tableRow(widths []float64, cells []string, right []bool, style string, banded bool) item {
	const pt, line = 8.5, 3.7
	d.pdf.SetFont("sans", style, pt)
	wrapped := make([][]string, len(cells))
	lines := 1
	for i, c := range cells {
		wrapped[i] = d.pdf.SplitText(c, widths[i]-2)
		lines = max(lines, len(wrapped[i]))
	}
	h := 2.2 + line*float64(lines)
	return item{h: h, draw: func(d *document, top float64) {
		if banded {
			d.fill(shade)
			d.pdf.Rect(marginL, top, textW, h, "F")
		}
		x := marginL
		for i, ls := range wrapped {
			for j, l := range ls {
				lx := x + 1
				if right[i] {
					d.pdf.SetFont("sans", style, pt)
					lx = x + widths[i] - 1 - d.pdf.GetStringWidth(l)
				}
				d.text(lx, top+1.1+line*float64(j)+2.8, pt, style, 0, l)
			}
			x += widths[i]
		}
		if style == "B" {
			d.pen([3]int{120, 120, 120}, 0.3)
			d.pdf.Line(marginL, top+h, marginL+textW, top+h)
		}
	}}
}
