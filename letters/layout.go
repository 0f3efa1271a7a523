package letters

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"klachtenregister/assets"
	"klachtenregister/data"
)

// Page geometry in millimetres. The left margin of 25 mm lines the text up with the address
// inside a DIN 5008 window (20 mm plus 5 mm inner margin).
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 25.0
	marginR      = 20.0
	textW        = pageW - marginL - marginR
	bodyPt       = 10.0
	lineH        = 4.6
	paraGap      = 3.2   // between paragraphs
	nextTop      = 25.0  // where text starts on a continuation page
	textBottom   = 272.0 // nothing of the flow goes below this line
	grey         = 90
)

// rect is a rectangle on the page, in millimetres from the top left.
type rect struct{ x, y, w, h float64 }

func (r rect) overlaps(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// document is one PDF being made.
type document struct {
	pdf    *gofpdf.Fpdf
	in     *Input
	t      *phrases
	window rect
	head   []rect // the letterhead's blocks, which the window must not cover
	items  []item
}

// newDocument sets up a deterministic A4 PDF with the embedded fonts: a fixed creation date
// (the letter's date), sorted catalogs and always the same compression.
func newDocument(in *Input) (*document, error) {
	f := gofpdf.New("P", "mm", "A4", "")
	at := time.Date(in.Date.Year(), in.Date.Month(), in.Date.Day(), 12, 0, 0, 0, time.UTC)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetProducer("Klachtenregister", true)
	f.SetCreator("Klachtenregister", true)
	f.SetAuthor(in.Settings["practice_name"], true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, nextTop, marginR)
	f.SetCellMargin(0)
	f.AddUTF8FontFromBytes("sans", "", assets.SansRegular)
	f.AddUTF8FontFromBytes("sans", "B", assets.SansBold)
	set := in.Settings
	d := &document{pdf: f, in: in, t: phrasebook[in.Language], window: rect{set.MM("address_window_left_mm"),
		set.MM("address_window_top_mm"), set.MM("address_window_width_mm"), set.MM("address_window_height_mm")}}
	if err := d.registerLogo(); err != nil {
		return nil, err
	}
	d.head = d.headBlocks()
	for _, b := range d.head {
		if b.overlaps(d.window) {
			return nil, &data.Error{Code: data.CodeInvalid, Field: "address_window_top_mm", Message: fmt.Sprintf(
				"het adresvenster (%g mm van links, %g mm van boven, %g × %g mm) valt over het briefhoofd; pas de instellingen address_window_* aan",
				d.window.x, d.window.y, d.window.w, d.window.h)}
		}
	}
	return d, f.Error()
}

// write lays the flow out over pages and writes the PDF.
func (d *document) write(w io.Writer) error {
	f := d.pdf
	pages := paginate(d.items, d.flowTop(), nextTop, textBottom)
	for n, page := range pages {
		f.AddPage()
		if n == 0 {
			d.drawLetterhead()
			if err := d.drawAddress(); err != nil {
				return err
			}
			d.drawFoldMarks()
		} else {
			d.text(marginL, 15, 8, "", grey, strings.Join([]string{d.in.Settings["practice_name"],
				d.in.Complaint.Reference, formatDate(d.in.Date, d.in.Language)}, " · "))
		}
		for _, p := range page {
			p.draw(d, p.y)
		}
		if len(pages) > 1 {
			label := fmt.Sprintf(d.t.page, n+1, len(pages))
			f.SetFont("sans", "", 8)
			d.text(pageW-marginR-f.GetStringWidth(label), 287, 8, "", grey, label)
		}
	}
	if err := f.Error(); err != nil {
		return err
	}
	return f.Output(w)
}

// text draws one line with its baseline at y.
func (d *document) text(x, y, pt float64, style string, gray int, s string) {
	d.pdf.SetFont("sans", style, pt)
	d.pdf.SetTextColor(gray, gray, gray)
	d.pdf.Text(x, y, s)
}

// letterhead is the practice's details as printed at the top right, name first.
func letterhead(in *Input) []string {
	set := in.Settings
	lines := []string{set["practice_name"], set["practice_address"],
		strings.TrimSpace(set["practice_postcode"] + " " + set["practice_city"])}
	if p := set["practice_phone"]; p != "" {
		lines = append(lines, phrasebook[in.Language].phoneLabel+" "+p)
	}
	lines = append(lines, set["practice_email"], set["practice_website"], set["practice_registration"])
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func (d *document) drawLetterhead() {
	f := d.pdf
	lines := letterhead(d.in)
	y := 16.0
	for i, l := range lines {
		pt, style, gray, step := 8.5, "", grey, 3.8
		if i == 0 {
			pt, style, gray, step = 14, "B", 0, 6.5
		}
		f.SetFont("sans", style, pt)
		d.text(pageW-marginR-f.GetStringWidth(l), y, pt, style, gray, l)
		y += step
	}
	if d.in.Logo != nil {
		info := f.GetImageInfo("logo")
		w, h := fitInto(info.Width(), info.Height(), 60, 24)
		f.ImageOptions("logo", marginL, 10, w, h, false, gofpdf.ImageOptions{}, 0, "")
	}
}

// headBlocks are the areas the letterhead covers, for the overlap check with the window.
func (d *document) headBlocks() []rect {
	f := d.pdf
	lines := letterhead(d.in)
	var widest float64
	for i, l := range lines {
		f.SetFont("sans", map[bool]string{true: "B"}[i == 0], map[bool]float64{true: 14, false: 8.5}[i == 0])
		widest = max(widest, f.GetStringWidth(l))
	}
	blocks := []rect{{pageW - marginR - widest, 10, widest, 6.5 + 3.8*float64(len(lines)-1) + 2}}
	if d.in.Logo != nil {
		info := f.GetImageInfo("logo")
		w, h := fitInto(info.Width(), info.Height(), 60, 24)
		blocks = append(blocks, rect{marginL, 10, w, h})
	}
	return blocks
}

func fitInto(w, h, maxW, maxH float64) (float64, float64) {
	if w <= 0 || h <= 0 {
		return maxW, maxH
	}
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

func (d *document) registerLogo() error {
	if d.in.Logo == nil {
		return nil
	}
	typ := map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}[http.DetectContentType(d.in.Logo)]
	if typ != "" {
		d.pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(d.in.Logo))
	}
	if typ == "" || d.pdf.Err() {
		return &data.Error{Code: data.CodeInvalid, Field: "practice_logo", Message: "het logo (instelling practice_logo) is geen bruikbare PNG- of JPEG-afbeelding; kies een andere afbeelding (geen interlaced PNG)"}
	}
	return nil
}

// drawFoldMarks prints the DIN 5008 form B fold marks and the punch mark in the left margin.
func (d *document) drawFoldMarks() {
	f := d.pdf
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	for _, y := range []float64{105, 210} {
		f.Line(4, y, 8, y)
	}
	f.Line(4, 148.5, 10, 148.5)
}

// flowTop is where the place and date line starts on the first page: below the window and
// the letterhead, whichever reaches lower.
func (d *document) flowTop() float64 {
	bottom := d.window.y + d.window.h
	for _, b := range d.head {
		bottom = max(bottom, b.y+b.h)
	}
	return bottom + 8
}
