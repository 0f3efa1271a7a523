package letters

import (
	"fmt"
	"strings"

	"klachtenregister/data"
)

// addressLines is the recipient's postal address as PostNL asks for it: postcode, two spaces,
// town in capitals, and the country in capitals only when it is not the practice's own. The
// confidentiality statement goes to the expert, whose organisation stands in for an address.
func addressLines(in *Input) []string {
	var lines []string
	if in.Kind == data.LetterConfidentiality {
		lines = []string{in.Expert.Name, in.Expert.Organisation}
	} else {
		p := in.Complaint.Complainant
		town := strings.TrimSpace(p.Postcode + "  " + strings.ToUpper(p.City))
		lines = []string{p.Name, p.AddressLine1, p.AddressLine2, town}
		if p.Country != "" && !sameCountry(p.Country, in.Settings.PracticeCountry()) {
			lines = append(lines, strings.ToUpper(p.Country))
		}
	}
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// countryNames are the ways of writing a country that mean the same one, by its ISO code.
var countryNames = map[string]string{
	"nederland": "NL", "netherlands": "NL", "the netherlands": "NL", "nl": "NL", "holland": "NL",
	"belgië": "BE", "belgie": "BE", "belgium": "BE", "belgique": "BE", "be": "BE",
}

// sameCountry reports whether two spellings name the same country. An empty practice
// country is the Netherlands, the register's home.
func sameCountry(a, practice string) bool {
	if strings.TrimSpace(practice) == "" {
		practice = "Nederland"
	}
	code := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " .")), " "))
		if c, ok := countryNames[s]; ok {
			return c
		}
		return s
	}
	return code(a) == code(practice)
}

// senderLine is the practice's return address, printed small above the recipient so it shows
// in the window too.
func senderLine(set data.Settings) string {
	var parts []string
	for _, p := range []string{set.PracticeName(), set.PracticeAddress(),
		strings.TrimSpace(set.PracticePostcode() + " " + set.PracticeCity())} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// addressBox is how the recipient block fits the window: the return address line when there
// is room, and the address at a size that fits the window's width.
type addressBox struct {
	sender      bool
	top, lineH  float64
	pt, senderY float64
}

// fitAddress places the address inside the window with 5 mm inner margin, as DIN 5008 does,
// shrinking the type down to 8 pt for a long line or a low window; what still does not fit
// is refused rather than printed where the envelope hides it.
func (d *document) fitAddress(lines []string) (addressBox, error) {
	w := d.window
	f := d.pdf
	for pt := 10.0; pt >= 8; pt -= 0.5 {
		lh := pt * 0.45
		f.SetFont("sans", "", pt)
		fits := true
		for _, l := range lines {
			if f.GetStringWidth(l) > w.w-7 {
				fits = false
			}
		}
		if !fits {
			continue
		}
		block := lh * float64(len(lines))
		if 15+block <= w.h-2 {
			return addressBox{sender: true, top: w.y + 15, lineH: lh, pt: pt, senderY: w.y + 9}, nil
		}
		if 3+block <= w.h-2 {
			return addressBox{top: w.y + 3, lineH: lh, pt: pt}, nil
		}
	}
	return addressBox{}, &data.Error{Code: data.CodeInvalid, Field: "address", Message: fmt.Sprintf(
		"het adres (%s) past niet in het adresvenster van %g × %g mm; kort de adresregels in of vergroot het venster in de instellingen",
		strings.Join(lines, ", "), w.w, w.h)}
}

func (d *document) drawAddress() error {
	lines := addressLines(d.in)
	box, err := d.fitAddress(lines)
	if err != nil {
		return err
	}
	x := d.window.x + 5
	if box.sender {
		// The return address shrinks to 5.5 pt for a long one and is left out when even
		// that sticks out of the window.
		s := senderLine(d.in.Settings)
		for pt := 7.0; pt >= 5.5; pt -= 0.5 {
			if d.pdf.SetFont("sans", "", pt); d.pdf.GetStringWidth(s) <= d.window.w-7 {
				d.text(x, box.senderY, pt, "", grey, s)
				break
			}
		}
	}
	for i, l := range lines {
		d.text(x, box.top+box.lineH*float64(i)+box.pt*0.3528, box.pt, "", 0, l)
	}
	return nil
}
