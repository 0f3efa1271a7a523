package letters

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"klachtenregister/data"
)

// Calibration writes a test sheet for the window envelope: the address window as the settings
// place it, drawn as a dotted frame with a sample address inside, and rulers along the top and
// left edges. Held against the practice's own envelopes it shows whether the settings fit.
// It is written in the setting language, Dutch when that is not set. A return address the
// font cannot print stops it with a *data.Error, as it would stop every letter.
func Calibration(w io.Writer, set data.Settings) error {
	lang := set.Language()
	if _, err := data.ParseLanguage(lang); err != nil {
		lang = "nl"
	}
	in := tidy(Input{Language: lang, Settings: set, Date: data.NewDate(2026, 1, 1),
		Complaint: data.Complaint{Complainant: data.Complainant{Name: "Zoë van 't Hoff", AddressLine1: "Kerkstraat 7",
			Postcode: "3512 JK", City: "Utrecht"}}})
	if err := checkPrinted(&in, senderKeys); err != nil {
		return err
	}
	d, err := newDocument(&in, blankPDF())
	if err != nil {
		return err
	}
	f := d.pdf
	f.SetTitle(d.t.calibrationTitle, true)
	f.AddPage()
	d.rulers()
	win := d.window
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.3)
	f.SetDashPattern([]float64{1, 1}, 0)
	f.Rect(win.x, win.y, win.w, win.h, "D")
	f.SetDashPattern(nil, 0)
	if err := d.drawAddress(); err != nil {
		return err
	}
	d.drawFoldMarks()
	y := max(win.y+win.h, 60) + 15
	d.text(marginL, y, 14, "B", 0, d.t.calibrationTitle)
	y += 10
	left, top, width, height := set.AddressWindow()
	for i, p := range d.t.calibration {
		if i == len(d.t.calibration)-1 {
			p = fmt.Sprintf(p, d.number(left), d.number(top), d.number(width), d.number(height))
		}
		for _, it := range d.paragraph(p, bodyPt, "") {
			it.draw(d, y)
			y += it.h
		}
		y += 2
	}
	if err := f.Error(); err != nil {
		return err
	}
	return f.Output(w)
}

// number writes a measurement the way the language does: 20,5 in Dutch, 20.5 in English.
func (d *document) number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if d.t.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// rulerEdge is where the rulers' ticks start: most printers leave the outer 4 or 5 mm of the
// sheet blank, so ticks drawn from the very edge would come out cut off.
const rulerEdge = 5.0

// foldMarks are the heights of the fold and punch marks, which the left ruler's numbers avoid.
var foldMarks = []float64{105, 148.5, 210}

// rulerPt is the size of the rulers' numbers: large enough to read on paper at arm's length,
// small enough that "190" and "200" keep a clear gap between them.
const rulerPt = 7.0

// rulers draws millimetre scales along the top and left edges, numbered every centimetre. The
// ticks start 5 mm from the edge; each number stands centred under (or level with) its own
// long tick, so it is never read as the short 5 mm tick beside it. A number that would sit on
// a fold mark is left out.
func (d *document) rulers() {
	f := d.pdf
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.15)
	f.SetFont("sans", "", rulerPt)
	capHeight := rulerPt * 0.3528 * 0.72 // of the digits, in mm
	for mm := 10; mm <= 200; mm += 5 {
		x, l := float64(mm), 2.0
		if mm%10 == 0 {
			l = 4
			if mm < 200 {
				n := strconv.Itoa(mm)
				d.text(x-f.GetStringWidth(n)/2, rulerEdge+l+1+capHeight, rulerPt, "", 0, n)
			}
		}
		f.Line(x, rulerEdge, x, rulerEdge+l)
	}
	for mm := 15; mm <= 290; mm += 5 {
		y, l := float64(mm), 2.0
		if mm%10 == 0 {
			l = 4
			if mm < 290 && !nearFold(y) {
				d.text(rulerEdge+l+1, y+capHeight/2, rulerPt, "", 0, strconv.Itoa(mm))
			}
		}
		f.Line(rulerEdge, y, rulerEdge+l, y)
	}
}

func nearFold(y float64) bool {
	for _, m := range foldMarks {
		if y > m-3 && y < m+3 {
			return true
		}
	}
	return false
}
