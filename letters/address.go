package letters

import (
	"fmt"
	"slices"
	"strings"

	"klachtenregister/data"
)

// addressLines is the recipient's postal address. A Dutch address is written as PostNL asks
// for it: postcode, two spaces, town in capitals ("1015 CJ  AMSTERDAM"). An address abroad
// has its town and postcode in capitals too, as PostNL and the UPU ask, in the destination's
// order: for the Netherlands' neighbours postcode, one space and town ("1050 IXELLES",
// "10115 BERLIN"); in the United Kingdom the town on a line of its own and the postcode on the
// next ("LONDON" / "SW1A 1AA"). The country follows in capitals on the last line, "UNITED
// KINGDOM" however the UK was typed; it is left out for the practice's own country.
// A letter to someone without a postal address goes by e-mail, and its address block says so.
func addressLines(in *Input) []string {
	p := addressee(in)
	t := phrasebook[in.Language]
	lines := []string{p.nameLine(t), p.organisation, p.line1, p.line2}
	if p.forOrganisation { // "Bakkerij Jansen B.V. / t.a.v. de heer W. Jansen", as a letter to a company is addressed
		lines = []string{p.organisation, fmt.Sprintf(t.attention, p.mentioned(t)), p.line1, p.line2}
	}
	if !p.postal {
		if p.email != "" {
			lines = append(lines, fmt.Sprintf(t.byEmail, p.email))
		}
		return data.NonEmpty(lines...)
	}
	home, country := data.SameCountry(p.country, in.Settings.PracticeCountry()), strings.ToUpper(p.country)
	switch code := data.CountryCode(p.country); {
	case p.country == "" || code == "NL":
		lines = append(lines, strings.TrimSpace(p.pc+"  "+townInCapitals(p.city)))
	case code == "GB":
		lines, country = append(lines, townInCapitals(p.city), strings.ToUpper(p.pc)), "UNITED KINGDOM"
	default:
		lines = append(lines, strings.TrimSpace(strings.ToUpper(p.pc)+" "+townInCapitals(p.city)))
	}
	if p.country != "" && !home {
		lines = append(lines, country)
	}
	return data.NonEmpty(lines...)
}

// AddressRefusal says why no letter can reach the complainant of c (or the representative
// who gets its letters) for want of an address, or nil. The intake form warns of it when a
// formal complaint is registered, days before the acknowledgement is due.
func AddressRefusal(c data.Complaint, set data.Settings) error {
	return checkAddress(&Input{Kind: data.LetterAcknowledgement, Language: c.Language, Complaint: c, Settings: set})
}

// checkAddress refuses a letter its addressee would not receive: a postal address needs the
// street, the town and (in the Netherlands, its neighbours and the United Kingdom, where every
// address has one) the postcode, in the Netherlands of the form PostNL sorts by (1234 AB);
// without any postal address the letter goes by e-mail, so it needs the e-mail address. The
// message says whose details to complete.
func checkAddress(in *Input) error {
	p := addressee(in)
	who := data.Msg("de klager")
	switch {
	case in.Kind == data.LetterConfidentiality:
		who = data.Msg("de deskundige %s", in.Expert.Name)
	case toRepresentative(in):
		who = data.Msg("de gemachtigde")
	}
	if !p.postal {
		if p.email != "" {
			return nil
		}
		return data.NewError(data.CodeConflict, "address", "van %s is geen postadres en geen e-mailadres bekend; vul het adres in voor een brief per post, of het e-mailadres voor een brief per e-mail", who)
	}
	var missing data.And
	if p.line1 == "" && p.line2 == "" {
		missing = append(missing, data.Msg("de straat en het huisnummer"))
	}
	if p.pc == "" && slices.Contains([]string{"", "NL", "BE", "DE", "LU", "FR", "GB"}, data.CountryCode(p.country)) {
		missing = append(missing, data.Msg("de postcode"))
	}
	if p.city == "" {
		missing = append(missing, data.Msg("de woonplaats"))
	}
	if data.PostcodeRefused(p.pc, p.country, in.Settings.PracticeCountry()) { // typed before the register checked it
		return data.NewError(data.CodeConflict, "address", "de postcode %q van %s is geen Nederlandse postcode (vier cijfers en twee letters, zoals 3511 AX); verbeter de postcode, of vul het land in als het adres in het buitenland ligt", p.pc, who)
	}
	switch {
	case len(missing) == 1:
		return data.NewError(data.CodeConflict, "address", "het adres van %s is niet compleet: %s ontbreekt; vul het adres aan, zodat de brief aankomt", who, missing)
	case len(missing) > 1:
		return data.NewError(data.CodeConflict, "address", "het adres van %s is niet compleet: %s ontbreken; vul het adres aan, zodat de brief aankomt", who, missing)
	}
	return nil
}

// townInCapitals is a town as PostNL writes it on the address's town line: in capitals,
// but for the elided article of 's-Gravenhage and 's-Hertogenbosch, always small ("'s-GRAVENHAGE").
func townInCapitals(town string) string {
	for _, article := range []string{"'s-", "’s-"} {
		if len(town) > len(article) && strings.EqualFold(town[:len(article)], article) {
			return article + strings.ToUpper(town[len(article):])
		}
	}
	return strings.ToUpper(town)
}

// senderLine is the practice's return address, printed small above the recipient so it shows
// in the window too; with the practice's country when the letter goes abroad, so it can come back.
// The postcode and the town stay on one line ("1015 CJ" on one and "Amsterdam" on the next read
// as two places).
func senderLine(in *Input) string {
	set := in.Settings
	var parts []string
	for _, p := range []string{set.PracticeName(), set.PracticeAddress(),
		strings.ReplaceAll(strings.TrimSpace(set.PracticePostcode()+" "+set.PracticeCity()), " ", nbsp), practiceCountry(in)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// maxWindowLines is the most lines an address takes, as PostNL and the UPU allow: a name, an
// organisation, two street lines, the town and postcode (two lines in the United Kingdom) and
// the country. The small return address above it is no line of the address.
const maxWindowLines = 6

// addressBox is how the recipient block fits the window: the return address lines when there
// is room, and the address, wrapped where a line is wider than the window, at a size that fits.
type addressBox struct {
	sender        []string
	senderPt      float64
	lines         []string
	top, lineH    float64
	pt, senderTop float64
}

// fitAddress places the address inside the window with 5 mm inner margin, as DIN 5008 does,
// setting the type from 10 down to 8 pt and wrapping a line too wide for the window onto the
// next. What still does not fit in six lines is refused, naming the line, rather than printed
// where the envelope hides it.
func (d *document) fitAddress(lines []string) (addressBox, error) {
	w := d.window
	sender, senderPt, err := d.fitSender()
	if err != nil {
		return addressBox{}, err
	}
	var widest string
	for pt := 10.0; pt >= 8; pt -= 0.5 {
		lh := pt * 0.45
		d.pdf.SetFont("sans", "", pt)
		var wrapped []string
		for _, l := range lines {
			parts := d.wrap(l, w.w-7)
			if len(parts) > 1 && widest == "" {
				widest = l
			}
			wrapped = append(wrapped, parts...)
		}
		block := lh * float64(len(wrapped))
		if len(wrapped) <= maxWindowLines && 15+block <= w.h-2 {
			top := w.y + 15
			return addressBox{sender: sender, senderPt: senderPt, lines: wrapped, top: top, lineH: lh, pt: pt,
				senderTop: top - 6 - 2.6*float64(len(sender)-1)}, nil
		}
		if len(wrapped) <= maxWindowLines && 3+block <= w.h-2 && len(sender) == 0 {
			return addressBox{lines: wrapped, top: w.y + 3, lineH: lh, pt: pt}, nil
		}
	}
	what := strings.Join(lines, ", ")
	if widest != "" {
		what = "de regel ‘" + widest + "’ is te breed en het adres wordt dan langer dan " + fmt.Sprint(maxWindowLines) + " regels"
	}
	return addressBox{}, data.NewError(data.CodeInvalid, "address", "het adres past niet in het adresvenster van %g × %g mm (%s); kort de adresregels in of vergroot het venster in de instellingen", w.w, w.h, what)
}

// fitSender sets the return address on one line, from 7 down to 5.5 pt, or else on two. One
// that does not fit even then is refused, naming the settings to shorten: it never drops out
// of the window unnoticed.
func (d *document) fitSender() ([]string, float64, error) {
	s := senderLine(d.in)
	if s == "" {
		return nil, 0, nil
	}
	room := d.window.w - 7
	for _, most := range []int{1, 2} {
		for pt := 7.0; pt >= 5.5; pt -= 0.5 {
			d.pdf.SetFont("sans", "", pt)
			if lines := d.wrap(s, room); len(lines) <= most {
				return lines, pt, nil
			}
		}
	}
	return nil, 0, data.NewError(data.CodeInvalid, data.KeyPracticeAddress, "het afzenderadres ‘%s’ past niet boven het adres in het adresvenster; kort %s of %s in", s, settingName(data.KeyPracticeName), settingName(data.KeyPracticeAddress))
}

func (d *document) drawAddress() error {
	box, err := d.fitAddress(addressLines(d.in))
	if err != nil {
		return err
	}
	x := d.window.x + 5
	for i, l := range box.sender {
		d.text(x, box.senderTop+2.6*float64(i), box.senderPt, "", grey, l)
	}
	for i, l := range box.lines {
		d.text(x, box.top+box.lineH*float64(i)+box.pt*0.3528, box.pt, "", 0, l)
	}
	return nil
}
