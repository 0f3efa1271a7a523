package letters

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"klachtenregister/data"
)

// TestAccentsAreComposed: a name typed with combining accents, as some keyboards and web
// forms send it, prints as composed letters rather than a letter followed by a loose accent.
func TestAccentsAreComposed(t *testing.T) {
	in := sample(data.LetterOutcome, "nl")
	in.Complaint.Complainant.Name = "Zoe\u0308 Rene\u0301e"
	in.Complaint.Complainant.NameParts = parts(in.Complaint.Complainant.Name, data.SalutationNeutral)
	in.Complaint.Outcome = "Wij hebben de factuur aangepast, zoals mevrouw Rene\u0301e vroeg."
	text := pdfText(t, writeTemp(t, "nfc.pdf", render(t, in)))
	for _, want := range []string{"Zoë Renée\n", "Geachte Zoë Renée,", "mevrouw Renée vroeg"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks the composed %q:\n%s", want, text)
		}
	}
}

// TestLongSettingsStayOnThePage: a long practice name wraps in the letterhead and the header
// of the next page, a long signatory wraps under the signature, and nothing runs into the
// margins; a name that does not fit on two lines is refused, naming the setting.
func TestLongSettingsStayOnThePage(t *testing.T) {
	in := sample(data.LetterOutcome, "nl")
	in.Settings["practice_name"] = "Coöperatieve Vereniging Huisartsenpraktijken en Gezondheidscentra Utrecht-Oost U.A."
	in.Settings["practitioner_name"] = "drs. Anne-Marie Johanna Wilhelmina van den Berg-de Linde-Oosterhout, GZ-psycholoog en psychotherapeut BIG 123456789"
	in.Complaint.Outcome = strings.Repeat("Wij hebben de gang van zaken met de betrokken medewerker besproken en de stukken opnieuw bekeken. ", 25)
	path := writeTemp(t, "long.pdf", render(t, in))
	left, right := marginL*ptPerMM, (pageW-marginR)*ptPerMM
	pages := map[int]bool{}
	for _, w := range pdfWords(t, path) {
		pages[w.page] = true
		if w.xMin < left-0.5 || w.xMax > right+0.5 {
			t.Errorf("page %d: %q at %.1f–%.1f pt lies outside the text column %.1f–%.1f", w.page, w.text, w.xMin, w.xMax, left, right)
		}
	}
	if len(pages) < 2 {
		t.Fatalf("the letter has %d page(s); the test needs the header of a second page", len(pages))
	}
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Utrecht-Oost U.A.", "psychotherapeut BIG 123456789", "K-2026-0007 · 29 november 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q", want)
		}
	}

	for key, where := range map[string]string{"practice_name": "letterhead", "practitioner_title": "signature"} {
		in := sample(data.LetterAcknowledgement, "nl")
		in.Settings[key] = strings.Repeat("WWWWWWWWWW ", 11)
		var buf bytes.Buffer
		err := Render(&buf, in)
		var de *data.Error
		if !errors.As(err, &de) || de.Field != key || !strings.Contains(err.Error(), key) || buf.Len() != 0 {
			t.Errorf("%s too long for the %s: error = %v, want a *data.Error naming %s", key, where, err, key)
		}
	}
}

// TestPrintedTextIsCleanedAndChecked: what is drawn is what was checked. A tab pasted into a
// setting prints as a space and an accent typed apart is composed; a character the font lacks in a setting, an expert's details or
// the calibration sheet's return address is refused, naming where it is.
func TestPrintedTextIsCleanedAndChecked(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Settings["practice_address"] = "Oudegracht\t118"
	in.Settings["practitioner_title"] = "Praktijk\thouder"
	in.Settings["practice_registration"] = "Coo\u0308peratie, KvK 12345678"
	text := pdfText(t, writeTemp(t, "tab.pdf", render(t, in)))
	for _, want := range []string{"Oudegracht 118\n", "Praktijk houder\n", "Coöperatie, KvK 12345678\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}

	for _, tc := range []struct {
		field string
		edit  func(in *Input)
	}{
		{"practice_registration", func(in *Input) { in.Settings["practice_registration"] = "KvK 1234\x075678" }},
		{"practitioner_title", func(in *Input) { in.Settings["practitioner_title"] = "Praktijkhouder 🙂" }},
		{"expert", func(in *Input) { in.Expert.Organisation = "Yılmaz Advies \x1b" }},
	} {
		in := sample(data.LetterConfidentiality, "nl")
		tc.edit(&in)
		var buf bytes.Buffer
		err := Render(&buf, in)
		var de *data.Error
		if !errors.As(err, &de) || de.Field != tc.field || !strings.Contains(err.Error(), "U+") || buf.Len() != 0 {
			t.Errorf("%s: error = %v, want a *data.Error for field %s naming the character", tc.field, err, tc.field)
		}
	}

	set := practice()
	set["practice_name"] = "Praktijk De Linde ✿"
	var buf bytes.Buffer
	err := Calibration(&buf, set)
	var de *data.Error
	if !errors.As(err, &de) || de.Field != "practice_name" || buf.Len() != 0 {
		t.Errorf("calibration sheet with an unprintable return address: error = %v", err)
	}
}

// TestCountryOnlyWhenAbroad: the country is left off only when it is the practice's own,
// however it is spelled.
func TestCountryOnlyWhenAbroad(t *testing.T) {
	// The sample address is in Utrecht; the town line follows the country it is sent to.
	for _, tc := range []struct{ practice, complainant, want string }{
		{"Nederland", "Nederland", "3581 KP  UTRECHT"},
		{"Nederland", "The Netherlands", "3581 KP  UTRECHT"},
		{"Netherlands", "NL", "3581 KP  UTRECHT"},
		{"", "nederland", "3581 KP  UTRECHT"},
		{"Nederland", "Duitsland", "3581 KP UTRECHT\nDUITSLAND"},
		{"België", "Nederland", "3581 KP  UTRECHT\nNEDERLAND"},
		{"België", "Belgium", "3581 KP UTRECHT"},
		{"Belgium", "Netherlands", "3581 KP  UTRECHT\nNETHERLANDS"},
	} {
		in := sample(data.LetterAcknowledgement, "nl")
		in.Settings["practice_country"], in.Complaint.Complainant.Country = tc.practice, tc.complainant
		lines := addressLines(&in)
		if got := strings.Join(lines[2:], "\n"); got != tc.want {
			t.Errorf("practice in %q, complainant in %q: address ends with %q, want %q", tc.practice, tc.complainant, got, tc.want)
		}
	}
}

// TestAddressInTheUnitedKingdom: a UK address has the town in capitals on a line of its own,
// the postcode on the next and "UNITED KINGDOM" last, however the country was typed; a
// postcode is required there, as in the Netherlands.
func TestAddressInTheUnitedKingdom(t *testing.T) {
	for _, country := range []string{"Verenigd Koninkrijk", "United Kingdom", "UK", "Groot-Brittannië", "Engeland", "Great Britain", "GB", "uk."} {
		in := sample(data.LetterAcknowledgement, "nl")
		p := &in.Complaint.Complainant
		p.AddressLine1, p.Postcode, p.City, p.Country = "10 Downing Street", "sw1a 2aa", "London", country
		if got, want := strings.Join(addressLines(&in)[1:], " / "), "10 Downing Street / LONDON / SW1A 2AA / UNITED KINGDOM"; got != want {
			t.Errorf("country %q: address %q, want %q", country, got, want)
		}
		p.Postcode = ""
		if _, err := bodyText(in); err == nil || !strings.Contains(err.Error(), "de postcode ontbreekt") {
			t.Errorf("country %q without a postcode: %v", country, err)
		}
	}
	in := sample(data.LetterAcknowledgement, "en")
	in.Settings["practice_country"], in.Complaint.Complainant.Country = "United Kingdom", "England"
	if lines := addressLines(&in); lines[len(lines)-1] != "3581 KP" || lines[len(lines)-2] != "UTRECHT" {
		t.Errorf("a practice in the UK writing home: %q", lines)
	}
}

// TestEmptyParagraphs: a text whose last paragraph prints nothing, such as a bullet holding
// only a non-breaking space, still makes a letter, with the signature after the last words.
func TestEmptyParagraphs(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Settings[data.KeyAskConsentOnAck] = "false"
	in.Body = "Wij hebben uw klacht ontvangen.\n\n- \u00a0"
	text := pdfText(t, writeTemp(t, "empty.pdf", render(t, in)))
	if !strings.Contains(text, "Wij hebben uw klacht ontvangen.\n\n\nMet vriendelijke groet,") {
		t.Errorf("letter with an empty last paragraph:\n%s", text)
	}
}

// TestLetterNeedsAnAddress: a letter goes to someone it can reach. A partial postal address
// is refused, naming what is missing and whose it is; without any postal address the letter
// goes by e-mail and says so where the address would stand; with neither it is refused.
func TestLetterNeedsAnAddress(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(in *Input)
		refuse string // part of the refusal; empty: made
		line   string // a line the address block must hold
	}{
		{"no postcode", func(in *Input) { in.Complaint.Complainant.Postcode = "" }, "het adres van de klager is niet compleet: de postcode ontbreekt", ""},
		{"a Dutch address with a postcode of five digits", func(in *Input) { in.Complaint.Complainant.Postcode = "12345" },
			`de postcode "12345" van de klager is geen Nederlandse postcode`, ""},
		{"a Belgian postcode with the country left out", func(in *Input) {
			in.Complaint.Complainant.Postcode, in.Complaint.Complainant.City, in.Complaint.Complainant.Country = "1050", "Elsene", ""
		}, "vul het land in als het adres in het buitenland ligt", ""},
		{"a Belgian postcode in Belgium", func(in *Input) {
			in.Complaint.Complainant.Postcode, in.Complaint.Complainant.City, in.Complaint.Complainant.Country = "1050", "Elsene", "België"
		}, "", "1050 ELSENE"},
		{"no street, no town", func(in *Input) { in.Complaint.Complainant.AddressLine1, in.Complaint.Complainant.City = "", "" },
			"de straat en het huisnummer en de woonplaats ontbreken", ""},
		{"abroad without postcodes", func(in *Input) {
			in.Complaint.Complainant.Postcode, in.Complaint.Complainant.City, in.Complaint.Complainant.Country = "", "Dublin 4", "Ierland"
		}, "", "DUBLIN 4"},
		{"nothing", func(in *Input) { in.Complaint.Complainant = data.Complainant{Name: "Piet Klaas"} },
			"van de klager is geen postadres en geen e-mailadres bekend", ""},
		{"e-mail only", func(in *Input) {
			in.Complaint.Complainant = data.Complainant{Name: "Piet Klaas", Email: "piet@example.nl"}
		},
			"", "Per e-mail: piet@example.nl"},
		{"representative", func(in *Input) {
			in.Complaint.Representative = data.Complainant{Name: "P. de Groot", AddressLine1: "Weg 2", City: "Utrecht"}
		}, "het adres van de gemachtigde is niet compleet: de postcode ontbreekt", ""},
	} {
		in := sample(data.LetterAcknowledgement, "nl")
		c.change(&in)
		_, err := bodyText(in)
		switch {
		case c.refuse != "" && (err == nil || !strings.Contains(err.Error(), c.refuse)):
			t.Errorf("%s: %v, want a refusal with %q", c.name, err, c.refuse)
		case c.refuse == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.line != "" && !slices.Contains(addressLines(&in), c.line):
			t.Errorf("%s: address %q lacks %q", c.name, addressLines(&in), c.line)
		}
	}
	en := sample(data.LetterConfidentiality, "en")
	en.Expert.AddressLine1, en.Expert.Postcode, en.Expert.City, en.Expert.Email = "", "", "", "a.yilmaz@example.nl"
	if lines := addressLines(&en); lines[len(lines)-1] != "By email: a.yilmaz@example.nl" {
		t.Errorf("an expert by e-mail: %q", lines)
	}
	en.Expert.Email = ""
	if _, err := bodyText(en); err == nil || !strings.Contains(err.Error(), "van de deskundige "+en.Expert.Name+" is geen postadres") {
		t.Errorf("an expert without address or e-mail: %v", err)
	}
}

// TestTownInCapitals: the town is in capitals, but the article of 's-Gravenhage stays small,
// as PostNL writes it.
func TestTownInCapitals(t *testing.T) {
	for in, want := range map[string]string{"'s-Gravenhage": "'s-GRAVENHAGE", "’s-Hertogenbosch": "’s-HERTOGENBOSCH",
		"'S-Gravenhage": "'s-GRAVENHAGE", "Utrecht": "UTRECHT", "Den Haag": "DEN HAAG"} {
		if got := townInCapitals(in); got != want {
			t.Errorf("townInCapitals(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEuroAmounts: Dutch writes "€ 475" and English "€475", however the amount was typed; the
// Dutch space, like the one after "EUR", never breaks, so the sign and the amount share a line.
func TestEuroAmounts(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"nl", "€475 en € 12,50 en €\u00a03", "€\u00a0475 en €\u00a012,50 en €\u00a03"},
		{"en", "€475 and € 12.50 and €\u00a03", "€475 and €12.50 and €3"},
		{"nl", "EUR 475, EUR475", "EUR\u00a0475, EUR\u00a0475"},
		{"en", "EUR 475, EUR475", "EUR\u00a0475, EUR\u00a0475"},
		{"en", "€ and 5", "€ and 5"},
	} {
		if got := keepTogether(c.in, phrasebook[c.lang]); got != c.want {
			t.Errorf("%s: keepTogether(%q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// TestAcknowledgementOpensWithThanks: the acknowledgement opens by thanking the complainant
// for the complaint it names, and the intake form's preview quotes that same sentence.
func TestAcknowledgementOpensWithThanks(t *testing.T) {
	for lang, want := range map[string]string{"nl": "Hartelijk dank voor uw klacht van 5 oktober 2026 over onze dienstverlening.",
		"en": "Thank you for your complaint of 5 October 2026 about our services."} {
		in := sample(data.LetterAcknowledgement, lang)
		body, err := bodyText(in)
		if err != nil || !strings.HasPrefix(flat(body), want) {
			t.Errorf("%s acknowledgement opens %q (%v), want %q", lang, body, err, want)
		}
		if got := DescriptionPreview(&in.Complaint, lang); got != "‘"+want+"’" {
			t.Errorf("%s preview %q, want the opening %q", lang, got, want)
		}
	}
}
