package letters

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data"
)

// flat is a letter's text with every run of spaces, non-breaking ones included, and line
// breaks made one space, so a sentence can be found whatever the line it wraps on.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// TestFindings has a case for each finding of issue 12 that a letter shows, in Dutch and
// English: what the complainant reads, and what they must not read.
func TestFindings(t *testing.T) {
	type finding struct {
		name      string
		kind      data.LetterKind
		edit      func(in *Input)
		nl, en    []string // must be in the letter
		notNL     []string // must not be in the Dutch letter
		notEN     []string
		keepLines []string // must not be broken over two lines (pdftotext -layout)
	}
	cases := []finding{
		{name: "salutation with tussenvoegsel", kind: data.LetterOutcome, edit: func(in *Input) {
			p := &in.Complaint.Complainant
			p.Name, p.NameParts = "Anne-Sophie Łukasiewicz-van den Brœck-Dvořáková", data.NameParts{Salutation: data.SalutationMrs, Initials: "Anne-Sophie", Surname: "van den Broek"}
		}, nl: []string{"Geachte mevrouw Van den Broek,", "Mevrouw A.S. van den Broek"}, en: []string{"Dear Ms Van den Broek,", "Ms A.S. van den Broek"},
			notNL: []string{"Łukasiewicz"}},
		{name: "mister", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			in.Complaint.Complainant.Name, in.Complaint.Complainant.NameParts = "Pieter de Vries", data.NameParts{Salutation: data.SalutationMr, Initials: "Pieter", Surname: "de Vries"}
		}, nl: []string{"Geachte heer De Vries,", "De heer P. de Vries"}, en: []string{"Dear Mr De Vries,", "Mr P. de Vries"}},
		{name: "no initials", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			in.Complaint.Complainant.NameParts = data.NameParts{Salutation: data.SalutationMrs, Surname: "van den Broek"}
		}, nl: []string{"Mevrouw Van den Broek Burgemeester", "Geachte mevrouw Van den Broek,"}, en: []string{"Ms Van den Broek Burgemeester"}},
		{name: "neutral", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			in.Complaint.Complainant.Name, in.Complaint.Complainant.NameParts = "Sam de Vries", data.ProposeName("Sam de Vries")
		}, nl: []string{"Geachte Sam de Vries,"}, en: []string{"Dear Sam de Vries,"}},
		{name: "professor with titles in the address only", kind: data.LetterConfidentiality, edit: func(in *Input) {
			in.Expert = data.Expert{ID: 1, Name: "prof. dr. Hélène Öztürk-Vermeulen RA", Title: "prof. dr.", TitleAfter: "RA",
				NameParts:    data.NameParts{Salutation: data.SalutationMrs, Initials: "Hélène", Surname: "Öztürk-Vermeulen"},
				AddressLine1: "Maliebaan 12", Postcode: "3581 CN", City: "Utrecht"}
		}, nl: []string{"Geachte professor Öztürk-Vermeulen,", "Mevrouw prof. dr. H. Öztürk-Vermeulen RA", "Maliebaan 12", "3581 CN UTRECHT"},
			en: []string{"Dear Professor Öztürk-Vermeulen,"}, notNL: []string{"Geachte prof. dr."}},
		{name: "no internal summary quoted", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			in.Complaint.Summary = "klaagster is niet tijdig geïnformeerd. Zij vraagt vergoeding."
		}, nl: []string{"Geachte heer Çelik, Hartelijk dank voor uw klacht van 5 oktober 2026 over onze dienstverlening."},
			en:    []string{"Dear Mr Çelik, Thank you for your complaint of 5 October 2026 about our services."},
			notNL: []string{"klaagster", "samenvatting", "‘"}, notEN: []string{"klaagster", "summar"}},
		{name: "own letter description", kind: data.LetterOutcome, edit: func(in *Input) {
			in.Complaint.LetterDescription = map[string]string{"nl": "Uw klacht over de factuur van oktober.", "en": "Your complaint about the October invoice."}[in.Language]
		}, nl: []string{"de uitkomst weten van uw klacht over de factuur van oktober."}, en: []string{"the outcome of your complaint about the October invoice."}},
		{name: "reason starts a sentence", kind: data.LetterProgress, edit: func(in *Input) {
			in.Extension.Reason = map[string]string{"nl": "wij  wachten eerst de reactie van de Belastingdienst af..", "en": "we are  waiting for the tax authorities' reply"}[in.Language]
		}, nl: []string{"dan wij hadden verwacht. Wij wachten eerst de reactie van de Belastingdienst af."},
			en: []string{"than we expected. We are waiting for the tax authorities’ reply."}, notNL: []string{"af.."}},
		{name: "outcome with quotes and one full stop", kind: data.LetterOutcome, edit: func(in *Input) {
			in.Complaint.Outcome = map[string]string{"nl": `u krijgt "excuses" en € 475 terug!!`, "en": `you will receive an "apology" and € 475 back!!`}[in.Language]
		}, nl: []string{"U krijgt “excuses” en € 475 terug!"}, en: []string{"You will receive an “apology” and €475 back!"}, notNL: []string{"!!"}},
		{name: "second progress letter", kind: data.LetterProgress, edit: func(in *Input) {
			first := in.Extension
			second := data.Extension{On: day("2026-11-28"), PreviousDueOn: day("2026-12-07"), Until: day("2027-01-04"),
				Reason: map[string]string{"nl": "De deskundige is ziek geworden.", "en": "The expert has fallen ill."}[in.Language]}
			in.Extension, in.Extensions = second, []data.Extension{first, second}
			in.ProgressSent = []Sent{{Made: first.On, On: first.On}} // the first extension was told
		}, nl: []string{"de oorspronkelijke datum van 5 november 2026 niet haalbaar was", "uiterlijk 7 december 2026",
			"Het spijt ons dat wij de datum nu opnieuw moeten verschuiven.", "De deskundige is ziek geworden.", "uiterlijk 4 januari 2027"},
			en: []string{"the original date of 5 November 2026 could not be met", "by 7 December 2026", "we regret that",
				"The expert has fallen ill."}, notNL: []string{"onze excuses", "De redenen daarvoor zijn:", "Wij hebben advies gevraagd", "Helaas moeten"},
			notEN: []string{"our apologies", "The reasons for this are:"}},
		{name: "two extensions told at once", kind: data.LetterProgress, edit: func(in *Input) {
			first := in.Extension // no progress letter went out for it
			second := data.Extension{On: day("2026-11-28"), PreviousDueOn: day("2026-12-07"), Until: day("2027-01-04"),
				Reason: map[string]string{"nl": "De deskundige is ziek geworden.", "en": "The expert has fallen ill."}[in.Language]}
			in.Extension, in.Extensions = second, []data.Extension{first, second}
		}, nl: []string{"uiterlijk 5 november 2026 af te handelen. Dat is ons helaas niet gelukt.", "De redenen daarvoor zijn:",
			"• Wij hebben advies gevraagd", "• De deskundige is ziek geworden.", "uiterlijk 4 januari 2027"},
			en:    []string{"by 5 November 2026. Unfortunately we did not manage this", "The reasons for this are:", "• The expert has fallen ill."},
			notNL: []string{"7 december", "oorspronkelijke datum"}, notEN: []string{"7 December", "original date"}},
		{name: "consent statement in the first person", kind: data.LetterConsent, edit: func(in *Input) {
			in.Documents = map[string]string{"nl": "uw klachtbrief van 5 oktober 2026 en de factuur", "en": "your letter of complaint and the invoice"}[in.Language]
		}, nl: []string{"Ik, Łukasz Wiśniewski, geef", "dossier van mijn klacht", "de volgende stukken: mijn klachtbrief van 5 oktober 2026 en de factuur."},
			en: []string{"file of my complaint", "The documents concerned are: my letter of complaint and the invoice."}},
		{name: "representative", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: data.NameParts{Salutation: data.SalutationMr, Initials: "J.", Surname: "de Wit"},
				AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
		}, nl: []string{"De heer J. de Wit", "Herengracht 500", "1017 CB AMSTERDAM", "Geachte heer De Wit,", "(namens de heer M. Çelik)", "namens de heer M. Çelik hebt ingediend"},
			en: []string{"Dear Mr De Wit,", "(on behalf of Mr M. Çelik)"}, notNL: []string{"Burgemeester Reigerstraat"}},
		{name: "representative asked for consent", kind: data.LetterConsent, edit: func(in *Input) {
			in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: data.NameParts{Salutation: data.SalutationMr, Initials: "J.", Surname: "de Wit"},
				AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
		}, nl: []string{"hebt ingediend, willen wij advies vragen"}, notNL: []string{"hebt ingediend willen wij"}},
		{name: "address in Belgium", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			p := &in.Complaint.Complainant
			p.AddressLine1, p.Postcode, p.City, p.Country = "Rue Gray 21", "1050", "Elsene", "België"
		}, nl: []string{"Rue Gray 21 1050 ELSENE BELGIË"}, en: []string{"1050 ELSENE BELGIË"}, notNL: []string{"1050 Elsene"}},
		{name: "address in Germany", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			p := &in.Complaint.Complainant
			p.AddressLine1, p.Postcode, p.City, p.Country = "Invalidenstraße 4", "10115", "Berlin", "Duitsland"
		}, nl: []string{"10115 BERLIN DUITSLAND"}, en: []string{"10115 BERLIN DUITSLAND"}, notNL: []string{"10115 Berlin"}},
		{name: "long organisation name wraps", kind: data.LetterAcknowledgement, edit: func(in *Input) {
			p := &in.Complaint.Complainant
			p.Name = "Stichting Onafhankelijk Toetsingsbureau voor de Accountancy (SOTA)"
			p.NameParts = data.NameParts{Salutation: data.SalutationNeutral, Surname: p.Name}
			p.AddressLine2 = "t.a.v. mevrouw drs. E.M. van der Heijden-Brinkman, directeur"
		}, nl: []string{"Stichting Onafhankelijk Toetsingsbureau voor de Accountancy (SOTA)", "Geachte heer, mevrouw,"},
			en: []string{"Dear Sir or Madam,"}},
		{name: "withdrawal", kind: data.LetterWithdrawal, edit: func(*Input) {},
			nl: []string{"Betreft: Intrekking van uw klacht", "Op 24 november 2026 hebt u ons laten weten dat u uw klacht van 5 oktober 2026 over onze dienstverlening intrekt."},
			en: []string{"Subject: Withdrawal of your complaint", "On 24 November 2026 you told us that you wished to withdraw your complaint"}},
		{name: "English title of the practitioner", kind: data.LetterAcknowledgement, edit: func(*Input) {},
			nl: []string{"Anne de Linde Praktijkhouder"}, en: []string{"Anne de Linde Practice owner"}, notEN: []string{"Praktijkhouder"}},
		{name: "amounts, dates and initials stay together", kind: data.LetterOutcome, edit: func(in *Input) {
			pad := strings.Repeat("x", 88)
			in.Complaint.Outcome = strings.Repeat("Wij betalen u € 475 terug op 4 januari 2027, zoals A. de Linde u schreef. "+pad[:0], 6)
		}, nl: []string{"€ 475"}, en: []string{"€475"}, notEN: []string{"€ 475", "€\u00a0475"}, keepLines: []string{"€ 475", "4 januari 2027", "A. de", "4 januari"}},
	}
	for _, tc := range cases {
		for _, lang := range data.Languages {
			t.Run(tc.name+"_"+lang, func(t *testing.T) {
				in := sample(tc.kind, lang)
				tc.edit(&in)
				raw := pdfText(t, writeTemp(t, "finding.pdf", render(t, in)))
				text := flat(raw)
				want, not := tc.nl, tc.notNL
				if lang == "en" {
					want, not = tc.en, tc.notEN
				}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("letter lacks %q:\n%s", w, raw)
					}
				}
				for _, w := range not {
					if strings.Contains(raw, w) {
						t.Errorf("letter contains %q:\n%s", w, raw)
					}
				}
				for _, line := range strings.Split(raw, "\n") {
					for _, k := range tc.keepLines {
						first := strings.Fields(k)[0]
						if l := strings.TrimRight(strings.ReplaceAll(line, "\u00a0", " "), " "); strings.HasSuffix(l, " "+first) && !strings.HasSuffix(l, k) {
							t.Errorf("%q broken at the end of line %q", k, line)
						}
					}
				}
			})
		}
	}
}

// TestOtherLanguageIsRefused: a letter in another language than the complaint's, whose
// texts are typed in that language, is refused naming those fields.
func TestOtherLanguageIsRefused(t *testing.T) {
	in := sample(data.LetterOutcome, "en")
	in.Complaint.Language, in.Complaint.LetterDescription = "nl", "uw klacht over de factuur"
	err := Render(&bytes.Buffer{}, in)
	var de *data.Error
	if !errors.As(err, &de) || de.Code != data.CodeConflict {
		t.Fatalf("English letter for a Dutch complaint: %v", err)
	}
	for _, w := range []string{"Nederlands", "de omschrijving voor de brieven", "de uitkomst", "Engels"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q lacks %q", err, w)
		}
	}
	in = sample(data.LetterAcknowledgement, "en")
	in.Complaint.Language = "nl"
	if err := Render(&bytes.Buffer{}, in); err != nil {
		t.Errorf("nothing typed in Dutch, yet the English letter is refused: %v", err)
	}
}

// TestAddressTooLongIsRefused: only an address that needs more than six lines in the window
// is refused, naming the line that wraps.
func TestAddressTooLongIsRefused(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	p := &in.Complaint.Complainant
	p.Name = strings.Repeat("Stichting Onafhankelijk Toetsingsbureau ", 6)
	p.NameParts = data.NameParts{Salutation: data.SalutationNeutral, Surname: p.Name}
	p.AddressLine2 = "t.a.v. de directie"
	err := Render(&bytes.Buffer{}, in)
	if err == nil || !strings.Contains(err.Error(), "Stichting Onafhankelijk") || !strings.Contains(err.Error(), "6 regels") {
		t.Errorf("address of seven lines: %v", err)
	}
}

// TestSixLineAddressKeepsItsReturnAddress: an address of six lines, the most PostNL allows
// (a flat in London: name, street, flat, town, postcode, country), gets its letter with the
// return address above it in the window.
func TestSixLineAddressKeepsItsReturnAddress(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	p := &in.Complaint.Complainant
	p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country = "12 Baker Street", "Flat 3", "NW1 6XE", "London", "Verenigd Koninkrijk"
	if n := len(addressLines(&in)); n != 6 {
		t.Fatalf("the London address has %d lines, want 6", n)
	}
	text := flat(pdfText(t, writeTemp(t, "london.pdf", render(t, in))))
	for _, want := range []string{"Praktijk De Linde · Oudegracht 118", "Flat 3", "LONDON", "NW1 6XE", "UNITED KINGDOM"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter to London lacks %q:\n%s", want, text)
		}
	}
}

// TestSenderNeverDisappears: a return address too long for one line takes two; one too long
// for two is refused, naming the settings, never left out unnoticed.
func TestSenderNeverDisappears(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Settings["practice_address"] = "Verlengde Hoofdstraat tegenover het oude postkantoor 118"
	text := flat(pdfText(t, writeTemp(t, "sender.pdf", render(t, in))))
	if !strings.Contains(text, "Praktijk De Linde · Verlengde Hoofdstraat") || !strings.Contains(text, "postkantoor 118") {
		t.Errorf("long return address missing:\n%s", text)
	}
	// Broken where it must, it keeps the postcode with the town (it wrapped "… · 1015 CJ" /
	// "Amsterdam · Nederland" in a letter abroad, which names the practice's country too).
	abroad := sample(data.LetterAcknowledgement, "nl")
	abroad.Complaint.Complainant.Country, abroad.Complaint.Complainant.Postcode, abroad.Complaint.Complainant.City = "België", "1000", "Brussel"
	abroad.Settings["practice_address"] = "Oudegracht " + strings.Repeat("x", 22) + " 118"
	for _, line := range strings.Split(pdfText(t, writeTemp(t, "abroad.pdf", render(t, abroad))), "\n") {
		if strings.Contains(line, "3511") && !strings.Contains(line, "3511 AX Utrecht") {
			t.Errorf("the return address breaks between postcode and town: %q", line)
		}
	}
	in.Settings["practice_address"] = strings.Repeat("Verlengde Hoofdstraat tegenover het oude postkantoor ", 3)
	if err := Render(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "practice_address") {
		t.Errorf("return address of three lines: %v", err)
	}
}

// TestSamples writes the practitioner's sample set and compares each letter's text with
// testdata/samples; every PDF is A4 and passes qpdf. Run with -update to accept new texts.
func TestSamples(t *testing.T) {
	list, err := Samples(practice())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 28 {
		t.Errorf("%d samples, want 14 per language", len(list))
	}
	again, err := Samples(practice())
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range list {
		if !bytes.Equal(s.PDF, again[i].PDF) {
			t.Errorf("%s: a second rendering gave different bytes", s.Name)
		}
	}
	for _, s := range list {
		path := writeTemp(t, s.Name, s.PDF)
		text := pdfText(t, path)
		golden := filepath.Join("testdata", "samples", strings.TrimSuffix(s.Name, ".pdf")+".txt")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil || string(want) != text {
			t.Errorf("%s differs from %s (run with -update to accept):\n%s", s.Name, golden, text)
		}
		checkA4(t, path)
	}
}

// TestSamplesAreDatedAtTheirStep: each sample letter is dated at its own step of the sample
// complaint's life, so it never promises a date already past or tells of a step still to come.
func TestSamplesAreDatedAtTheirStep(t *testing.T) {
	for _, lang := range data.Languages {
		for _, c := range sampleCases(lang) {
			in, cp := c.in, c.in.Complaint
			var wrong []string
			check := func(ok bool, what string) {
				if !ok {
					wrong = append(wrong, what)
				}
			}
			check(!in.Date.Before(cp.ReceivedOn), "before the complaint was received")
			for _, ct := range in.Contacts {
				check(in.Kind != data.LetterProgress || !ct.On.After(in.Date), "tells a contact still to come")
			}
			switch in.Kind {
			case data.LetterAcknowledgement:
				check(cp.Status == data.StatusReceived && in.Date.Before(cp.DueOn), "not made before receipt is confirmed, before the date it promises")
			case data.LetterProgress:
				check(!in.Date.Before(in.Extension.On) && in.Date.Before(in.Extension.PreviousDueOn), "not between the extension and the date it moves")
			case data.LetterOutcome:
				check(!in.Date.Before(cp.ResolvedOn) && !in.Date.Before(extensions(&in)[len(extensions(&in))-1].On), "before the complaint was resolved")
			case data.LetterWithdrawal:
				check(!in.Date.Before(cp.WithdrawnOn), "before the withdrawal")
			default:
				check(!in.Date.Before(cp.AcknowledgedOn), "before the acknowledgement")
			}
			if len(wrong) > 0 {
				t.Errorf("%s-%s dated %s: %v", lang, c.name, in.Date, wrong)
			}
		}
	}
}

// TestProgressLetterListsAnEarlierOneOnce: a progress letter after a second extension says the
// date was moved before ("Eerder hebben wij u laten weten …") and does not list the first
// progress letter among its contacts as well ("per brief op …"); a second letter about the
// same extension, which says nothing of an earlier one, keeps it as a contact.
func TestProgressLetterListsAnEarlierOneOnce(t *testing.T) {
	in := sample(data.LetterProgress, "nl")
	first := in.Extension
	letter := data.Contact{ID: 41, On: first.On, Kind: data.ContactLetter, Party: data.PartyComplainant}
	in.Contacts = append(in.Contacts, letter)
	in.ProgressSent = []Sent{{Made: first.On, On: first.On, ContactID: letter.ID}}
	said := "per brief op " + formatDate(first.On, "nl")
	in.Date = first.On.AddDays(10)
	if got := progressSoFar(&in); !strings.Contains(got, said) || earlier(&in) != "" {
		t.Errorf("a second letter about the same extension: %q (earlier %q), want it to list %q", got, earlier(&in), said)
	}
	second := data.Extension{On: first.On.AddDays(20), PreviousDueOn: first.Until, Until: first.Until.AddDays(28), Reason: "De deskundige is ziek geworden."}
	in.Extension, in.Extensions, in.Date = second, []data.Extension{first, second}, second.On
	if got := progressSoFar(&in); strings.Contains(got, said) || earlier(&in) == "" {
		t.Errorf("after a second extension: %q (earlier %q), want no %q", got, earlier(&in), said)
	}
}
