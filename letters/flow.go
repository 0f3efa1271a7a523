package letters

import (
	"fmt"
	"strings"
	"unicode"

	"klachtenregister/data"
)

// item is one unit of the letter's flow: a line of text, a gap or a signature field.
// keep ties it to the next item, so the two never end up on different pages.
type item struct {
	h    float64
	keep bool
	gap  bool // vertical space only: dropped at the top of a page
	page bool // starts a new page
	draw func(d *document, top float64)
}

// placed is an item with its position on a page.
type placed struct {
	item
	y float64
}

func gap(h float64) item { return item{h: h, gap: true, draw: func(*document, float64) {}} }

// textLine is one line of text at x, its top at the item's position.
func textLine(x, pt float64, style, s string) item {
	return item{h: lineH * pt / bodyPt, draw: func(d *document, top float64) {
		d.text(x, top+0.5*lineH*pt/bodyPt+0.35*pt*0.3528, pt, style, 0, s)
	}}
}

// paragraph wraps text to the width of the text column. A line that starts with "- " becomes
// a bullet with a hanging indent. The first two and last two lines of a paragraph stay
// together, so no page starts or ends with a single line of it. A text that prints nothing
// gives no items.
func (d *document) paragraph(text string, pt float64, style string) []item {
	var lines []item
	for _, src := range strings.Split(text, "\n") {
		x, w := marginL, textW
		bullet := strings.HasPrefix(src, "- ")
		if bullet {
			src, x, w = strings.TrimSpace(src[2:]), marginL+5, textW-5
		}
		if indent, rest, box := tickBox(src); box {
			x = marginL + indent + 6
			src, w = rest, textW-indent-6
			d.pdf.SetFont("sans", style, pt)
			for i, l := range d.pdf.SplitText(src, w) {
				it := textLine(x, pt, style, l)
				if i == 0 {
					bx := marginL + indent
					lines = append(lines, item{h: it.h, draw: func(d *document, top float64) {
						d.pdf.SetDrawColor(0, 0, 0)
						d.pdf.SetLineWidth(0.25)
						d.pdf.Rect(bx, top+0.5*lineH*pt/bodyPt-1.8, 3.4, 3.4, "D")
						it.draw(d, top)
					}})
					continue
				}
				lines = append(lines, it)
			}
			continue
		}
		d.pdf.SetFont("sans", style, pt)
		for i, l := range d.wrap(src, w) {
			if bullet && i == 0 {
				dot := textLine(marginL+1, pt, style, "•")
				it := textLine(x, pt, style, l)
				lines = append(lines, item{h: it.h, draw: func(d *document, top float64) { dot.draw(d, top); it.draw(d, top) }})
				continue
			}
			lines = append(lines, textLine(x, pt, style, l))
		}
	}
	if n := len(lines); n >= 2 {
		lines[0].keep, lines[n-2].keep = true, true
	}
	return lines
}

// tickBox recognises a line to tick, "[ ] text", indented by two spaces per level; indent is
// in millimetres.
func tickBox(line string) (indent float64, rest string, ok bool) {
	trimmed := strings.TrimLeft(line, " ")
	rest, ok = strings.CutPrefix(trimmed, "[ ] ")
	return float64(len(line)-len(trimmed)) / 2 * 6, rest, ok
}

// keepAll ties a block together, its last item included.
func keepAll(items []item) []item {
	for i := range items {
		items[i].keep = true
	}
	return items
}

// letter builds the flow: place and date, reference, subject, salutation, body, closing and
// signature, and the form to sign for consent and confidentiality. It also makes the header
// of the following pages. A signature or header line too long for the page is refused,
// naming the setting.
func (d *document) letter(body, form string) error {
	in, t := d.in, d.t
	d.pdf.SetTitle(t.subjects[in.Kind]+" "+in.Complaint.Reference, true) // no personal data in the metadata
	add := func(items ...item) { d.items = append(d.items, items...) }
	add(d.paragraph(fmt.Sprintf("%s, %s", in.Settings.PracticeCity(), formatDate(in.Date, in.Language)), bodyPt, "")...)
	add(gap(lineH))
	add(d.paragraph(fmt.Sprintf("%s: %s", t.reference, in.Complaint.Reference), bodyPt, "")...)
	add(d.paragraph(fmt.Sprintf("%s: %s", t.subject, subjectLine(in)), bodyPt, "B")...)
	add(gap(2 * lineH))
	add(keepAll(append(d.paragraph(addressee(in).salutation(t), bodyPt, ""), gap(paraGap)))...)
	var text []item
	for _, p := range paragraphs(body) {
		lines := d.paragraph(p, bodyPt, "")
		if len(lines) == 0 {
			continue
		}
		if len(text) > 0 {
			text = append(text, gap(paraGap))
		}
		text = append(text, lines...)
	}
	if n := len(text); n > 0 {
		text[n-1].keep = true // the closing and signature go with the last lines of the body, never alone
	}
	add(text...)
	sig, err := d.signature()
	if err != nil {
		return err
	}
	add(keepAll(sig[:len(sig)-1])...)
	add(sig[len(sig)-1])
	if form != "" {
		add(d.form(t.formTitles[in.formKind()], form)...)
	}
	header := strings.Join([]string{in.Settings.PracticeName(), in.Complaint.Reference, formatDate(in.Date, in.Language)}, " · ")
	d.running, err = d.fitLines(data.KeyPracticeName, data.Msg("de kop van de volgende pagina's"), header, 8, "", textW, 2)
	return err
}

// subjectLine is what the letter is about; a letter to a representative names the
// complainant too, so the representative knows on whose behalf it is.
func subjectLine(in *Input) string {
	t := phrasebook[in.Language]
	if toRepresentative(in) {
		return fmt.Sprintf(t.onBehalf, forRepresentative(in, t.subjects[in.Kind]), complainantPerson(in).inSentence(t))
	}
	return t.subjects[in.Kind]
}

// signature is the closing with room to sign, the practitioner's name and title, each
// wrapped to the text column over at most two lines.
func (d *document) signature() ([]item, error) {
	sig := []item{gap(2 * paraGap), textLine(marginL, bodyPt, "", d.t.closing), gap(15)}
	title := data.KeyPractitionerTitle
	if d.in.Language == "en" {
		title = data.KeyPractitionerTitleEn // left out when not filled in: a Dutch title would leave the letter half Dutch
	}
	for _, k := range []string{data.KeyPractitionerName, title} {
		lines, err := d.fitLines(k, data.Msg("de ondertekening"), d.in.Settings[k], bodyPt, "", textW, 2)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			sig = append(sig, textLine(marginL, bodyPt, "", l))
		}
	}
	return sig, nil
}

// form is the statement the recipient signs, with lines for place, date and signature. It
// has a page of its own, so the recipient returns just that sheet.
func (d *document) form(title, statement string) []item {
	items := []item{{page: true, draw: func(*document, float64) {}}}
	items = append(items, d.paragraph(title, 11, "B")...)
	items = append(items, gap(paraGap))
	for i, p := range paragraphs(statement) {
		if i > 0 {
			items = append(items, gap(paraGap))
		}
		items = append(items, d.paragraph(p, bodyPt, "")...)
	}
	for i, label := range d.t.formFields {
		h := 10.0
		if i == len(d.t.formFields)-1 {
			h = 20 // room to sign
		}
		items = append(items, item{h: h, draw: func(d *document, top float64) {
			d.text(marginL, top+h-2, bodyPt, "", 0, label+":")
			d.pdf.SetDrawColor(0, 0, 0)
			d.pdf.SetLineWidth(0.2)
			d.pdf.Line(marginL+30, top+h-1.5, marginL+110, top+h-1.5)
		}})
	}
	return keepAll(items)
}

// paragraphs splits a text at blank lines and drops what would print nothing, such as a
// placeholder that has nothing to say in this letter or a bullet without text.
func paragraphs(text string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if len(cur) == 0 {
			l = strings.TrimLeftFunc(l, unicode.IsSpace)
		}
		switch {
		case l == "":
			flush()
		case l == "-": // a bullet without text, its spaces trimmed
		default:
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// paginate places the flow on pages: the first page starts at first, the next ones at top,
// and no text goes below bottom. A run of items tied by keep moves to the next page as a whole
// unless it is taller than a page.
func paginate(items []item, first, top, bottom float64) [][]placed {
	pages := [][]placed{nil}
	y, pageTop := first, first
	for i := 0; i < len(items); {
		j := i
		for j < len(items)-1 && items[j].keep {
			j++
		}
		run := items[i : j+1]
		var h float64
		for k, it := range run {
			if !(it.gap && k == 0 && y == pageTop) {
				h += it.h
			}
		}
		if y+h > bottom && y > pageTop && h <= bottom-top {
			pages, y, pageTop = append(pages, nil), top, top
		}
		for _, it := range run {
			if it.gap && y == pageTop {
				continue
			}
			if (it.page || y+it.h > bottom) && y > pageTop {
				pages, y, pageTop = append(pages, nil), top, top
				if it.gap {
					continue
				}
			}
			pages[len(pages)-1] = append(pages[len(pages)-1], placed{it, y})
			y += it.h
		}
		i = j + 1
	}
	return pages
}
