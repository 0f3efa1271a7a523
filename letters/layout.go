package letters

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
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
	ptToMM       = 25.4 / 72
)

// rect is a rectangle on the page, in millimetres from the top left.
type rect struct{ x, y, w, h float64 }

func (r rect) overlaps(o rect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// document is one PDF being made.
type document struct {
	pdf     *gofpdf.Fpdf
	in      *Input
	t       *phrases
	window  rect
	logo    rect       // where the logo goes; zero without one
	head    []headText // the letterhead's lines, placed
	covers  []rect     // what the letterhead covers, which the window must not
	running []string   // the header of every page after the first
	items   []item
}

// headText is one line of the letterhead, placed: its baseline starts at x, y.
type headText struct {
	x, y, pt float64
	style    string
	gray     int
	text     string
}

// Where the logo may go: the top left corner, at most this wide and high.
const logoW, logoH = 60.0, 24.0

// blankPDF is an empty A4 PDF with the embedded fonts loaded. Loading them is half the time
// of a letter, and the same for every letter, so a run of letters makes the next one's
// ahead (see blanks).
func blankPDF() *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes("sans", "", assets.SansRegular)
	f.AddUTF8FontFromBytes("sans", "B", assets.SansBold)
	return f
}

// blanks hands out blank PDFs for a run of letters made one after the other (a demo
// register's), each time starting the next one in the background, so the fonts are loaded
// on the machine's other core while this letter is written. Nothing is left running: the
// one made last is dropped with the blanks.
type blanks struct{ next chan *gofpdf.Fpdf }

func (b *blanks) take() *gofpdf.Fpdf {
	ready := b.next
	b.next = make(chan *gofpdf.Fpdf, 1)
	go func(next chan<- *gofpdf.Fpdf) { next <- blankPDF() }(b.next)
	if ready == nil {
		return blankPDF()
	}
	return <-ready
}

// newDocument sets up a deterministic A4 PDF on f, a blankPDF: a fixed creation date (the
// letter's date), sorted catalogs and always the same compression. It places the letterhead
// and refuses a window that would cover it.
func newDocument(in *Input, f *gofpdf.Fpdf) (*document, error) {
	at := time.Date(in.Date.Year(), in.Date.Month(), in.Date.Day(), 12, 0, 0, 0, time.UTC)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetProducer("Klachtenregister", true)
	f.SetCreator("Klachtenregister", true)
	f.SetAuthor(in.Settings.PracticeName(), true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, nextTop, marginR)
	f.SetCellMargin(0)
	set := in.Settings
	d := &document{pdf: f, in: in, t: phrasebook[in.Language]}
	d.window.x, d.window.y, d.window.w, d.window.h = set.AddressWindow()
	if err := d.registerLogo(); err != nil {
		return nil, err
	}
	if err := d.layoutLetterhead(); err != nil {
		return nil, err
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
			for i, l := range d.running {
				d.text(marginL, 15+3.5*float64(i), 8, "", grey, l)
			}
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

// fitLines wraps a setting's text to width w at the given type and refuses it, naming the
// setting, when it needs more than most lines: it would crowd what is printed around it.
func (d *document) fitLines(key string, where data.Text, text string, pt float64, style string, w float64, most int) ([]string, error) {
	d.pdf.SetFont("sans", style, pt)
	lines := d.wrap(text, w)
	if len(lines) > most {
		return nil, data.NewError(data.CodeInvalid, key, "de instelling %s is te lang voor %s: ‘%s’ past niet op %d regels; kort de tekst in", settingName(key), where, text, most)
	}
	return lines, nil
}

// headLine is one entry of the letterhead and the setting it comes from.
type headLine struct{ key, text string }

// letterhead is the practice's details as printed at the top right, name first.
func letterhead(in *Input) []headLine {
	set := in.Settings
	lines := []headLine{{data.KeyPracticeName, set.PracticeName()}, {data.KeyPracticeAddress, set.PracticeAddress()},
		{data.KeyPracticeCity, strings.TrimSpace(set.PracticePostcode() + " " + set.PracticeCity())},
		{data.KeyPracticeCountry, practiceCountry(in)}}
	if p := phoneFor(in); p != "" {
		lines = append(lines, headLine{data.KeyPracticePhone, phrasebook[in.Language].phoneLabel + " " + p})
	}
	for _, k := range []string{data.KeyPracticeEmail, data.KeyPracticeWebsite} {
		lines = append(lines, headLine{k, set[k]})
	}
	lines = append(lines, headLine{data.KeyPracticeRegistration, registration(set[data.KeyPracticeRegistration], in.Language)})
	var out []headLine
	for _, l := range lines {
		if l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// kvk is the Dutch Chamber of Commerce's abbreviation before a number, as practices write it:
// "KvK 12345678", "KvK-nr.: 12345678", "KVK-nummer 12345678", "Kamer van Koophandel 12345678".
var kvk = regexp.MustCompile(`(?i)\b(?:KvK|Kamer van Koophandel)(?:[- ]?(?:nummer|nr\.?))?:?\s*(\d)`)

// registration is the practice's registration number (setting practice_registration) as the
// letterhead prints it. An English letter names the Chamber of Commerce in English: "KvK"
// means nothing to a reader abroad, and "Chamber of Commerce" is the KvK's own English name,
// which Dutch firms print on their English letterheads. Other registers (BIG, AGB, the bar)
// keep the practice's words: their names are proper names.
func registration(text, lang string) string {
	if name := phrasebook[lang].chamberOfCommerce; name != "" {
		return kvk.ReplaceAllString(text, name+nbsp+"${1}")
	}
	return text
}

// layoutLetterhead places the logo at the top left and the practice's details right-aligned
// beside it, each wrapped to the room left by the logo over at most two lines, and refuses a
// window that covers any of it. A long practice name is set smaller before it is refused.
func (d *document) layoutLetterhead() error {
	f := d.pdf
	right, left := pageW-marginR, marginL
	if d.in.Logo != nil {
		info := f.GetImageInfo("logo")
		w, h := fitInto(info.Width(), info.Height(), logoW, logoH)
		d.logo = rect{marginL, 10, w, h}
		d.covers = append(d.covers, d.logo)
		left += w + 5
	}
	y := 16.0
	for i, l := range letterhead(d.in) {
		sizes, style, gray := []float64{8.5}, "", grey
		if i == 0 {
			sizes, style, gray = []float64{14, 12.5, 11}, "B", 0
		}
		var lines []string
		var pt float64
		var err error
		for _, pt = range sizes {
			if lines, err = d.fitLines(l.key, data.Msg("het briefhoofd"), l.text, pt, style, right-left, 2); err == nil {
				break
			}
		}
		if err != nil {
			return err
		}
		step := 3.8
		if i == 0 {
			step = 6.5 * pt / 14
		}
		for _, s := range lines {
			w, em := f.GetStringWidth(s), pt*ptToMM
			d.head = append(d.head, headText{right - w, y, pt, style, gray, s})
			d.covers = append(d.covers, rect{right - w, y - 0.8*em, w, em})
			y += step
		}
	}
	for _, b := range d.covers {
		if b.overlaps(d.window) {
			return data.NewError(data.CodeInvalid, data.KeyWindowTop, "het adresvenster (%g mm van links, %g mm van boven, %g × %g mm) valt over het briefhoofd; pas de instellingen address_window_* aan of kort de regels van het briefhoofd in", d.window.x, d.window.y, d.window.w, d.window.h)
		}
	}
	return nil
}

func (d *document) drawLetterhead() {
	for _, l := range d.head {
		d.text(l.x, l.y, l.pt, l.style, l.gray, l.text)
	}
	if d.in.Logo != nil {
		d.pdf.ImageOptions("logo", d.logo.x, d.logo.y, d.logo.w, d.logo.h, false, gofpdf.ImageOptions{}, 0, "")
	}
}

func fitInto(w, h, maxW, maxH float64) (float64, float64) {
	if w <= 0 || h <= 0 {
		return maxW, maxH
	}
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

// logoTypes are the image types the letterhead takes, by detected content type.
var logoTypes = map[string]string{"image/png": "PNG", "image/jpeg": "JPG"}

// registerLogo adds the logo to the PDF. data.ReadLogo checks the file when it is chosen, but
// an Input may be filled by hand, so the bytes are checked here once more.
func (d *document) registerLogo() error {
	if d.in.Logo == nil {
		return nil
	}
	if typ, ok := logoTypes[http.DetectContentType(d.in.Logo)]; ok {
		d.pdf.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(d.in.Logo))
		if !d.pdf.Err() {
			return nil
		}
	}
	return data.NewError(data.CodeInvalid, data.KeyPracticeLogo, "het logo (instelling practice_logo) is geen bruikbare PNG- of JPEG-afbeelding; kies een andere afbeelding (geen interlaced PNG)")
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
	for _, b := range d.covers {
		bottom = max(bottom, b.y+b.h)
	}
	return bottom + 8
}
