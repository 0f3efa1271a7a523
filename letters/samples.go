package letters

import (
	"bytes"
	"fmt"
	"slices"

	"klachtenregister/data"
)

// Sample is one letter of the sample set: a file name and the PDF.
type Sample struct {
	Name string
	PDF  []byte
}

// Samples makes every kind of letter, in Dutch and English, for made-up complainants, on the
// practice's letterhead: the set a practitioner reads before sending letters, with the cases
// that are easily wrong (a two-page outcome, a second progress letter, a representative, an
// address abroad, a long organisation name) and the window test sheet. When the practice's
// details are not filled in yet, a sample practice stands in.
func Samples(set data.Settings) ([]Sample, error) {
	var pic []byte
	if set.CheckLetterDetails() != nil {
		set = samplePractice()
	} else if p, err := logo(set); err != nil {
		return nil, err
	} else {
		pic = p
	}
	var out []Sample
	for _, lang := range data.Languages {
		for i, c := range sampleCases(lang) {
			in := c.in
			in.Settings, in.Language, in.Logo, in.Complaint.Language = set, lang, pic, lang
			var buf bytes.Buffer
			if err := Render(&buf, in); err != nil {
				return nil, fmt.Errorf("voorbeeld %s: %w", c.name, err)
			}
			out = append(out, Sample{fmt.Sprintf("%s-%02d-%s.pdf", lang, i+1, c.name), buf.Bytes()})
		}
		cal := make(data.Settings, len(set))
		for k, v := range set {
			cal[k] = v
		}
		cal[data.KeyLanguage] = lang
		var buf bytes.Buffer
		if err := Calibration(&buf, cal); err != nil {
			return nil, err
		}
		out = append(out, Sample{fmt.Sprintf("%s-99-proefvel-adresvenster.pdf", lang), buf.Bytes()})
	}
	return out, nil
}

// samplePractice is the made-up practice of the sample set and of the tests.
func samplePractice() data.Settings {
	set := data.DefaultSettings()
	for k, v := range map[string]string{
		data.KeyPracticeName: "Praktijk De Linde", data.KeyPracticeAddress: "Oudegracht 118", data.KeyPracticePostcode: "3511 AX",
		data.KeyPracticeCity: "Utrecht", data.KeyPracticePhone: "030 231 45 67", data.KeyPracticeEmail: "info@praktijkdelinde.example",
		data.KeyPracticeWebsite: "www.praktijkdelinde.example", data.KeyPracticeRegistration: "KvK 12345678",
		data.KeyPractitionerName: "Anne de Linde", data.KeyPractitionerTitle: "Praktijkhouder", data.KeyPractitionerTitleEn: "Practice owner",
	} {
		set[k] = v
	}
	return set
}

type sampleCase struct {
	name string
	in   Input
}

func sampleDay(s string) data.Date {
	d, _ := data.ParseDate(s)
	return d
}

// sampleCases are the letters of the sample set in one language.
func sampleCases(lang string) []sampleCase {
	en := lang == "en"
	pick := func(nl, english string) string {
		if en {
			return english
		}
		return nl
	}
	person := func(name string, s data.Salutation, line1, pc, city, country string) data.Complainant {
		p := data.ProposeName(name)
		p.Salutation = s
		return data.Complainant{Name: name, NameParts: p, AddressLine1: line1, Postcode: pc, City: city, Country: country}
	}
	base := data.Complaint{Reference: "K-2026-0007", ReceivedOn: sampleDay("2026-10-05"), Channel: data.ChannelLetter,
		Formal: true, FiledOn: sampleDay("2026-10-05"), Subject: data.SubjectService, Handler: "Anne de Linde",
		Summary: "Factuur hoger dan offerte", Status: data.StatusAcknowledged, AcknowledgedOn: sampleDay("2026-10-08"),
		DueOn:       sampleDay("2026-11-05"),
		Complainant: person("Anne-Sophie van den Broek", data.SalutationMrs, "Burgemeester Reigerstraat 101", "3581 KP", "Utrecht", "")}
	resolved := base
	resolved.Status, resolved.ResolvedOn, resolved.Verdict = data.StatusResolved, sampleDay("2026-12-18"), data.VerdictPartlyWellFounded
	resolved.Outcome = pick("U hebt op één punt gelijk: wij hebben u vooraf niet laten weten dat er extra uren nodig waren. "+
		"Daarvoor bieden wij u onze excuses aan. Wij verlagen de factuur met € 475 en sturen u binnen twee weken een nieuwe "+
		"factuur. Dat de jaarrekening later klaar was dan afgesproken, hebben wij u op 2 september wel laten weten, met de "+
		"reden; op dat punt vinden wij uw klacht niet gegrond.",
		"You are right on one point: we did not tell you in advance that extra hours were needed. We apologise for this. "+
			"We will reduce the invoice by €475 and send you a new invoice within two weeks. We did tell you on 2 September "+
			"that the annual accounts would be ready later than agreed, and why; on that point we have not upheld your "+
			"complaint.")
	first := data.Extension{On: sampleDay("2026-10-30"), PreviousDueOn: sampleDay("2026-11-05"), Until: sampleDay("2026-12-07"),
		Reason: pick("het advies van de deskundige is nog niet binnen", "the expert's advice has not come in yet")}
	second := data.Extension{On: sampleDay("2026-12-03"), PreviousDueOn: sampleDay("2026-12-07"), Until: sampleDay("2027-01-04"),
		Reason: pick("de deskundige heeft stukken van de Belastingdienst nodig, die pas half december binnenkomen.",
			"the expert needs further documents from the tax authorities, which will not arrive until mid-December.")}
	extended := base
	extended.Status = data.StatusExtended
	contacts := []data.Contact{{On: sampleDay("2026-10-12"), Kind: data.ContactPhone}, {On: sampleDay("2026-10-20"), Kind: data.ContactMeeting}}
	docs := pick("uw klachtbrief van 5 oktober 2026, de offerte en de factuur", "your letter of complaint of 5 October 2026, the quotation and the invoice")
	expert := data.Expert{ID: 1, Name: "Hélène Öztürk-Vermeulen", NameParts: data.NameParts{Salutation: data.SalutationMrs,
		Initials: "Hélène", Surname: "Öztürk-Vermeulen"}, Title: "prof. dr.", TitleAfter: "RA",
		Organisation: "Öztürk Forensisch Advies", AddressLine1: "Maliebaan 12", Postcode: "3581 CN", City: "Utrecht"}

	long := resolved
	long.Outcome = pick(longFindingsNL, longFindingsEN) + "\n\n" + resolved.Outcome + "\n\n" + pick(longAfterNL, longAfterEN)
	rep := base
	rep.Representative = person("Jeroen de Wit", data.SalutationMr, "Herengracht 500", "1017 CB", "Amsterdam", "")
	rep.Representative.Organisation = "De Wit Advocaten"
	abroad := base
	abroad.Complainant = person("Jean Dupont", data.SalutationMr, "Rue Gray 21", "1050", "Ixelles", pick("België", "Belgium"))
	de := base
	de.Complainant = person("Jonas Becker", data.SalutationMr, "Invalidenstraße 4", "10115", "Berlin", pick("Duitsland", "Germany"))
	org := base
	org.Complainant = person("Willem van der Heijden-Brinkman", data.SalutationMr, "Prinses Margrietplantsoen 33, kamer 4.12",
		"2511 BT", "'s-Gravenhage", "")
	org.Complainant.Organisation = "Stichting Onafhankelijk Toetsingsbureau voor de Accountancy (SOTA)"
	withdrawn := base
	withdrawn.Status, withdrawn.WithdrawnOn = data.StatusWithdrawn, sampleDay("2026-11-24")

	// Each letter is dated at its own step of the complaint's life: received 5 October,
	// acknowledged 8 October, consent asked after the call of 12 October and information the
	// day after, the expert's statement, the first extension on 30 October, the second on 3
	// December, the outcome on 18 December; the withdrawal is the other ending, told on 24
	// November.
	mk := func(kind data.LetterKind, c data.Complaint, on string) Input {
		if kind == data.LetterAcknowledgement { // made the day receipt is confirmed, before that is recorded
			c.Status, c.AcknowledgedOn = data.StatusReceived, data.Date{}
		}
		return Input{Kind: kind, Date: sampleDay(on), Complaint: c, Contacts: contacts, Extension: first, ExpertConsulted: true,
			Expert: expert, Documents: docs}
	}
	second2 := mk(data.LetterProgress, extended, "2026-12-03")
	second2.Extension, second2.Extensions = second, []data.Extension{first, second}
	// The first progress letter, sent: its contact moment, which the letter tells as the date moved before.
	second2.Contacts = append(slices.Clone(contacts), data.Contact{ID: 99, On: first.On, Kind: data.ContactLetter})
	second2.ProgressSent = []Sent{{Made: first.On, On: first.On, ContactID: 99}}
	consent := mk(data.LetterConsent, base, "2026-10-13")
	information := mk(data.LetterInformation, base, "2026-10-14")
	information.Request = data.Contact{On: sampleDay("2026-10-14"), Kind: data.ContactLetter, Party: data.PartyComplainant,
		InfoRequested: pick("een kopie van de opdrachtbevestiging die u in maart van ons kreeg, en de e-mails waarin u "+
			"vroeg de jaarrekening eerder klaar te hebben",
			"a copy of the engagement letter we sent you in March, and the e-mails in which you asked for the annual "+
				"accounts to be ready earlier"),
		InfoDueOn: sampleDay("2026-10-28")}
	consent.FormSentOn = base.AcknowledgedOn // the acknowledgement carried the form
	return []sampleCase{
		{"ontvangstbevestiging", mk(data.LetterAcknowledgement, base, "2026-10-08")},
		{"verzoek-om-informatie", information},
		{"voortgangsbericht", mk(data.LetterProgress, extended, "2026-10-30")},
		{"tweede-voortgangsbericht", second2},
		{"uitkomst", mk(data.LetterOutcome, resolved, "2026-12-18")},
		{"uitkomst-twee-paginas", mk(data.LetterOutcome, long, "2026-12-18")},
		{"toestemming-externe-deskundige", consent},
		{"geheimhoudingsverklaring", mk(data.LetterConfidentiality, base, "2026-10-22")},
		{"intrekking", mk(data.LetterWithdrawal, withdrawn, "2026-11-25")},
		{"gemachtigde", mk(data.LetterAcknowledgement, rep, "2026-10-08")},
		{"adres-belgie", mk(data.LetterAcknowledgement, abroad, "2026-10-08")},
		{"adres-duitsland", mk(data.LetterAcknowledgement, de, "2026-10-08")},
		{"lange-organisatienaam", mk(data.LetterAcknowledgement, org, "2026-10-08")},
	}
}

// The outcome of the two-page sample: a practitioner's full account, long enough to run onto
// a second page: the findings, the decision of the short sample, and what follows from it.
const (
	longFindingsNL = "Naar aanleiding van uw klacht hebben wij de gang van zaken met de betrokken medewerker besproken. " +
		"Wij hebben de offerte, de urenstaten, de e-mails over de opdracht en de factuur opnieuw bekeken, en de " +
		"aantekeningen van ons gesprek van 20 oktober naast uw klachtbrief gelegd.\n\n" +
		"Uit de urenstaten blijkt dat voor de jaarrekening 14 uur meer is gewerkt dan in de offerte stond. Dat kwam " +
		"doordat de administratie over het tweede kwartaal pas in september compleet was en een deel van de boekingen " +
		"opnieuw moest worden gecontroleerd. Dat werk was nodig.\n\n" +
		"De externe deskundige die wij met uw toestemming om advies vroegen, heeft de offerte en de factuur " +
		"beoordeeld. Zij komt tot dezelfde conclusie: het extra werk was nodig, maar had vooraf moeten worden gemeld."
	longAfterNL = "Voortaan controleren wij vóór elke factuur of de offerte wordt overschreden. Dreigt dat, dan melden wij u dat " +
		"vooraf, met een schatting van de extra uren, zodat u kunt beslissen of u het werk wilt laten doen. Wij hebben " +
		"deze werkwijze met alle medewerkers besproken en in onze interne richtlijnen opgenomen."
	longFindingsEN = "Following your complaint, we have discussed what happened with the member of staff concerned. " +
		"We have looked again at the quotation, the time sheets, the emails about the engagement and the invoice, " +
		"and compared the notes of our meeting of 20 October with your letter of complaint.\n\n" +
		"The time sheets show that the annual accounts took 14 hours more than the quotation stated. This was because " +
		"the records for the second quarter were not complete until September, and some of the entries had to be " +
		"checked again. That work was necessary.\n\n" +
		"The independent expert whom we consulted with your consent has assessed the quotation and the invoice. " +
		"She reaches the same conclusion: the extra work was necessary, but should have been announced beforehand."
	longAfterEN = "From now on we check before every invoice whether the quotation will be exceeded. If it will, we tell you " +
		"beforehand, with an estimate of the extra hours, so that you can decide whether you want the work done. We " +
		"have discussed this way of working with all staff and added it to our internal guidelines."
)
