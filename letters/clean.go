package letters

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"klachtenregister/data"
)

// The settings a letter prints, by where they appear: the return address above the
// recipient (senderLine), the letterhead and the signature. A character the font lacks in any
// of them stops the letter, naming the setting.
var (
	senderKeys     = []string{data.KeyPracticeName, data.KeyPracticeAddress, data.KeyPracticePostcode, data.KeyPracticeCity}
	letterheadKeys = []string{data.KeyPracticeName, data.KeyPracticeAddress, data.KeyPracticePostcode, data.KeyPracticeCity,
		data.KeyPracticePhone, data.KeyPracticeEmail, data.KeyPracticeWebsite, data.KeyPracticeRegistration}
	signatureKeys = []string{data.KeyPractitionerName, data.KeyPractitionerTitle, data.KeyPractitionerTitleEn}
)

// settingName names a setting for the practitioner: "Naam praktijk (practice_name)".
func settingName(key string) data.Text { return data.Msg("%s (%s)", data.SettingName(key), key) }

// cleanText makes pasted text plain: Windows line ends and carriage returns become newlines,
// tabs become spaces, and accents typed as a letter plus a combining mark are composed into
// one character (NFC), which is how the font draws them. Any other unprintable character is
// left for checkGlyphs to report.
func cleanText(s string) string {
	return norm.NFC.String(strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ").Replace(s))
}

// oneLine is cleanText for a field printed on a single line, such as a name or a letterhead line.
func oneLine(s string) string { return strings.TrimSpace(strings.ReplaceAll(cleanText(s), "\n", " ")) }

// tidy cleans every text of in that may be printed, once, before anything is checked or laid
// out, so the characters checked against the font are exactly those drawn. It works on copies
// and leaves the caller's settings map alone.
func tidy(in Input) Input {
	set := make(data.Settings, len(in.Settings))
	for k, v := range in.Settings {
		if data.MultiLine(k) {
			set[k] = cleanText(v)
		} else {
			set[k] = oneLine(v)
		}
	}
	in.Settings = set
	c, p, r, e := &in.Complaint, &in.Complaint.Complainant, &in.Complaint.Representative, &in.Expert
	for _, s := range []*string{&p.Name, &p.AddressLine1, &p.AddressLine2, &p.Postcode, &p.City, &p.Country,
		&p.Initials, &p.Surname, &r.Name, &r.Initials, &r.Surname, &r.AddressLine1, &r.AddressLine2, &r.Postcode,
		&r.City, &r.Country, &c.Reference, &c.Summary, &c.Handler, &c.LetterDescription, &e.Name, &e.Organisation,
		&e.Initials, &e.Surname, &e.Title, &e.TitleAfter, &e.AddressLine1, &e.AddressLine2, &e.Postcode, &e.City, &e.Country} {
		*s = oneLine(*s)
	}
	in.Extensions = slices.Clone(in.Extensions)
	for i := range in.Extensions {
		in.Extensions[i].Reason = cleanText(in.Extensions[i].Reason)
	}
	for _, s := range []*string{&c.Description, &c.Outcome, &in.Extension.Reason, &in.Documents, &in.Body} {
		*s = cleanText(*s)
	}
	return in
}

// checkPrinted checks the settings of keys and the recipient's name and address, as they will
// be drawn, against the font.
func checkPrinted(in *Input, keys []string) error {
	for _, k := range keys {
		if err := checkGlyphs(k, data.Msg("de instelling %s", settingName(k)), in.Settings[k]); err != nil {
			return err
		}
	}
	field, where := "complainant", data.Msg("de naam en het adres van de klager")
	if in.Kind == data.LetterConfidentiality {
		field, where = "expert", data.Msg("de naam, de organisatie en het adres van de deskundige")
	} else if toRepresentative(in) {
		field, where = "representative", data.Msg("de naam en het adres van de gemachtigde")
	}
	return checkGlyphs(field, where, strings.Join(addressLines(in), "\n"))
}
