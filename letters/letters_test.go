package letters

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"klachtenregister/data"
)

// TestGolden renders every letter in both languages and checks what a practitioner would check
// on paper: the text (against testdata), the address inside the envelope window, A4, a clean
// PDF structure, and identical bytes when made again. Run with -update to accept new texts.
func TestGolden(t *testing.T) {
	for _, kind := range data.LetterKinds {
		for _, lang := range data.Languages {
			t.Run(string(kind)+"_"+lang, func(t *testing.T) {
				in := sample(kind, lang)
				pdf := render(t, in)
				if again := render(t, in); !bytes.Equal(pdf, again) {
					t.Fatal("rendering the same input twice gave different bytes")
				}
				path := writeTemp(t, "letter.pdf", pdf)
				text := pdfText(t, path)
				golden := filepath.Join("testdata", string(kind)+"_"+lang+".txt")
				if *update {
					if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./letters/ -update to create it)", err)
				}
				if text != string(want) {
					t.Errorf("text differs from %s (run with -update to accept):\n%s", golden, text)
				}
				surname := parts(recipients[kind], "").Surname
				for _, s := range []string{surname, "K-2026-0007", "Utrecht, 29 "} {
					if !strings.Contains(text, s) {
						t.Errorf("letter lacks %q", s)
					}
				}
				if strings.Contains(text, "{") {
					t.Errorf("a placeholder is left:\n%s", text)
				}
				// The forms (the acknowledgement encloses the consent form) have a page of their own; the letters fit on one.
				pages, numbered := 1, strings.Contains(text, "1 van 2") || strings.Contains(text, "1 of 2")
				if in.Kind == data.LetterConsent || in.Kind == data.LetterConfidentiality || in.formKind() == data.LetterConsent {
					pages = 2
				}
				if n := strings.Count(strings.TrimRight(text, "\f"), "\f") + 1; n != pages || numbered != (pages == 2) {
					t.Errorf("%d pages (numbered: %v), want %d:\n%s", n, numbered, pages, text)
				}
				checkA4(t, path)
				checkWindow(t, path, in)
				if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
					t.Errorf("qpdf --check:\n%s", out)
				}
			})
		}
	}
}

func checkA4(t *testing.T, path string) {
	t.Helper()
	info := tool(t, "pdfinfo", path)
	if !strings.Contains(info, "595.28 x 841.89 pts (A4)") {
		t.Errorf("page size is not A4:\n%s", info)
	}
}

// checkWindow finds the address words on page 1 in reading order and checks that every one
// lies inside the window rectangle of the settings.
func checkWindow(t *testing.T, path string, in Input) {
	t.Helper()
	x, y, w, h := in.Settings.AddressWindow()
	x, y, w, h = x*ptPerMM, y*ptPerMM, w*ptPerMM, h*ptPerMM
	words := pdfWords(t, path)
	i := 0
	for i < len(words) && words[i].yMin < y { // the letterhead above the window may share a word, such as "De"
		i++
	}
	for _, line := range addressLines(&in) {
		for _, want := range strings.Fields(line) {
			for i < len(words) && words[i].text != want {
				i++
			}
			if i == len(words) {
				t.Fatalf("address word %q not found on page 1", want)
			}
			wd := words[i]
			if wd.page != 1 || wd.xMin < x || wd.xMax > x+w || wd.yMin < y || wd.yMax > y+h {
				t.Errorf("address word %q at (%.1f,%.1f)-(%.1f,%.1f) pt lies outside the window (%.1f,%.1f)-(%.1f,%.1f)",
					want, wd.xMin, wd.yMin, wd.xMax, wd.yMax, x, y, x+w, y+h)
			}
		}
	}
}

// TestLongOutcomeRunsOverAPage checks the page numbers and that the closing and signature
// never stand alone on the second page.
func TestLongOutcomeRunsOverAPage(t *testing.T) {
	in := sample(data.LetterOutcome, "nl")
	in.Complaint.Outcome = strings.Repeat("Wij hebben de gang van zaken met de betrokken medewerker besproken en de stukken opnieuw bekeken. ", 12) +
		"\n\n" + strings.Repeat("Als verbetermaatregel passen wij onze werkwijze aan: vóór elke factuur controleren wij voortaan of de offerte wordt overschreden. ", 10)
	path := writeTemp(t, "long.pdf", render(t, in))
	text := pdfText(t, path)
	pages := strings.Split(strings.TrimRight(text, "\f\n"), "\f")
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2:\n%s", len(pages), text)
	}
	if !strings.Contains(pages[0], "pagina 1 van 2") || !strings.Contains(pages[1], "pagina 2 van 2") {
		t.Errorf("page numbers missing:\n%s", text)
	}
	second := pages[1]
	closing := strings.Index(second, "Met vriendelijke groet,")
	if closing < 0 || !strings.Contains(second, "Anne de Linde") {
		t.Fatalf("closing and signature not together on page 2:\n%s", second)
	}
	before := strings.Fields(second[:closing])
	// The continuation header is "Praktijk De Linde · K-2026-0007 · 29 november 2026"; body text must follow it.
	if len(before) < 20 {
		t.Errorf("the signature block is orphaned: only %d words precede it on page 2:\n%s", len(before), second)
	}
	checkA4(t, path)
	tool(t, "qpdf", "--check", path)
}

// TestUnprintableCharacterIsRefused checks that a character the font lacks stops the letter
// with a message naming it, rather than disappearing from the printed name.
func TestUnprintableCharacterIsRefused(t *testing.T) {
	for _, tc := range []struct{ field, name string }{
		{"de naam en het adres van de klager", "Li Wěi 李伟"},
		{"de naam en het adres van de klager", "Sam 🙂 Jansen"},
	} {
		in := sample(data.LetterAcknowledgement, "nl")
		in.Complaint.Complainant.Name, in.Complaint.Complainant.NameParts = tc.name, parts(tc.name, data.SalutationNeutral)
		var buf bytes.Buffer
		err := Render(&buf, in)
		var de *data.Error
		if !errors.As(err, &de) || de.Code != data.CodeInvalid || !strings.Contains(err.Error(), tc.field) || !strings.Contains(err.Error(), "U+") {
			t.Errorf("%q: error = %v, want CodeInvalid naming %s and the character", tc.name, err, tc.field)
		}
		if buf.Len() != 0 {
			t.Errorf("%q: %d bytes written despite the error", tc.name, buf.Len())
		}
	}
	in := sample(data.LetterOutcome, "nl")
	in.Complaint.Outcome = "Prima opgelost ✅"
	if err := Render(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "de tekst van de brief") {
		t.Errorf("emoji in the outcome: error = %v", err)
	}
}

// TestRefusals checks that an incomplete practice or letter is refused with a message naming
// what to fill in, as a *data.Error the CLI turns into exit status 2.
func TestRefusals(t *testing.T) {
	cases := []struct {
		name  string
		kind  data.LetterKind
		edit  func(in *Input)
		wants []string
	}{
		{"practice details", data.LetterAcknowledgement, func(in *Input) {
			in.Settings["practice_name"], in.Settings["practice_city"] = "", " "
		}, []string{"practice_name", "practice_city"}},
		{"no address and no way to reach the practice", data.LetterAcknowledgement, func(in *Input) {
			in.Settings["practice_address"], in.Settings["practice_phone"], in.Settings["practice_email"] = "", "", ""
		}, []string{"practice_address", "practice_phone of practice_email"}},
		{"practitioner", data.LetterOutcome, func(in *Input) { in.Settings["practitioner_name"] = "" }, []string{"practitioner_name"}},
		{"outcome without verdict and reasoning", data.LetterOutcome, func(in *Input) {
			in.Complaint.Verdict, in.Complaint.Outcome = "", ""
		}, []string{"het oordeel", "de uitkomst met de motivering"}},
		{"outcome without next step", data.LetterOutcome, func(in *Input) { in.Settings["disputes_body"] = "" }, []string{"disputes_body"}},
		{"progress without extension", data.LetterProgress, func(in *Input) { in.Extension = data.Extension{} }, []string{"niet verlengd"}},
		{"acknowledgement of an informal complaint", data.LetterAcknowledgement, func(in *Input) { in.Complaint.Formal = false }, []string{"informeel"}},
		{"confidentiality without expert", data.LetterConfidentiality, func(in *Input) { in.Expert = data.Expert{} }, []string{"deskundige"}},
		{"window over the letterhead", data.LetterAcknowledgement, func(in *Input) {
			in.Settings["address_window_left_mm"], in.Settings["address_window_width_mm"], in.Settings["address_window_top_mm"] = "100", "100", "20"
		}, []string{"briefhoofd"}},
		{"closed complaint", data.LetterConsent, func(in *Input) { in.Complaint.Status = data.StatusClosed }, []string{"gesloten"}},
		{"progress after resolution", data.LetterProgress, func(in *Input) { in.Complaint.Status = data.StatusResolved }, []string{"afgehandeld"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := sample(tc.kind, "nl")
			tc.edit(&in)
			var buf bytes.Buffer
			err := Render(&buf, in)
			var de *data.Error
			if !errors.As(err, &de) || (de.Code != data.CodeConflict && de.Code != data.CodeInvalid) {
				t.Fatalf("error = %v, want a *data.Error (conflict or invalid)", err)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q does not mention %q", err, w)
				}
			}
			if buf.Len() != 0 {
				t.Error("bytes written despite the refusal")
			}
		})
	}
}

// TestNewRegisterMakesEveryLetter: with only the practice details every letter needs filled
// in (an e-mail address standing in for the phone), the default settings (disputes_body
// included) are enough to print every letter.
func TestNewRegisterMakesEveryLetter(t *testing.T) {
	for _, kind := range data.LetterKinds {
		for _, lang := range data.Languages {
			in := sample(kind, lang)
			in.Settings = data.DefaultSettings()
			for k, v := range map[string]string{"practice_name": "Praktijk De Linde", "practice_address": "Oudegracht 118",
				"practice_postcode": "3511 AX", "practice_city": "Utrecht", "practice_email": "info@praktijkdelinde.example",
				"practitioner_name": "Anne de Linde"} {
				in.Settings[k] = v
			}
			if err := Render(&bytes.Buffer{}, in); err != nil {
				t.Errorf("%s %s: %v", kind, lang, err)
			}
		}
	}
	body, err := bodyText(sample(data.LetterOutcome, "en"))
	if err != nil || !strings.Contains(body, "competent court") {
		t.Errorf("English outcome letter does not translate the default next step: %v\n%s", err, body)
	}
}

// TestPracticeText checks that a practice's own text from settings replaces the built-in one,
// and that the default is used again when the setting is emptied.
func TestPracticeText(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Settings[data.KeyAskConsentOnAck] = "false"
	in.Settings[data.LetterTextKey(data.LetterAcknowledgement, "nl")] = "Aan {naam}:\n\nWij hebben uw klacht {kenmerk} van {datum_ontvangst} ontvangen. Een {{losse}} accolade."
	body, err := bodyText(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Aan Mehmet Çelik:\n\nWij hebben uw klacht K-2026-0007 van 5\u00a0oktober\u00a02026 ontvangen. Een {losse} accolade."; body != want {
		t.Errorf("body = %q, want %q", body, want)
	}
	in.Body = "regel een\n{naam"
	if _, err := bodyText(in); err == nil || !strings.Contains(err.Error(), "regel 2") {
		t.Errorf("unbalanced brace: error = %v, want one naming line 2", err)
	}
	// a text stored before texts with their own salutation were refused is refused too
	in.Body = "Geachte {naam},\n\nWij hebben uw klacht ontvangen."
	if _, err := bodyText(in); err == nil || !strings.Contains(err.Error(), "regel 1: de tekst begint met een aanhef") {
		t.Errorf("own salutation: error = %v", err)
	}
}

// TestNameIsTheAddressee: {naam} in a practice's own text is the addressee's name, the
// representative's when they get the letters, as the settings screen says; the consent form
// they pass on is still signed by the complainant.
func TestNameIsTheAddressee(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: parts("Jeroen de Wit", data.SalutationMr),
		AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
	in.Body = "Aan {naam}: wij hebben de klacht ontvangen."
	text := flat(pdfText(t, writeTemp(t, "rep.pdf", render(t, in))))
	for _, want := range []string{"Aan Jeroen de Wit: wij hebben", "Ik, Mehmet Çelik, geef hieronder aan"} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q in:\n%s", want, text)
		}
	}
}

// TestEveryPlaceholderHasAValue keeps data's list of placeholders and this package's values in
// step, and prints every placeholder of every letter as a bullet of its own, ending with one
// that holds only a non-breaking space: a value that is empty here, such as the description
// or the evaluation, leaves a bullet that prints nothing. The documents, described in general
// here, must not address the complainant in the statement for the expert.
func TestEveryPlaceholderHasAValue(t *testing.T) {
	for _, kind := range data.LetterKinds {
		for _, lang := range data.Languages {
			in := sample(kind, lang)
			in.Documents, in.Complaint.Description, in.Complaint.Verdict = "", "", data.VerdictUnfounded
			v := values(&in)
			var body []string
			for _, p := range data.Placeholders(kind) {
				if _, ok := v[p.Name]; !ok {
					t.Errorf("%s: {%s} has no value", kind, p.Name)
				}
				body = append(body, "- \u00a0{"+p.Name+"}")
			}
			in.Body = strings.Join(append(body, "- \u00a0"), "\n\n")
			if err := Render(&bytes.Buffer{}, in); err != nil {
				t.Errorf("%s %s with every placeholder: %v", kind, lang, err)
			}
			if docs := strings.ToLower(v["stukken"]); kind == data.LetterConfidentiality && (strings.Contains(docs, "uw ") || strings.Contains(docs, "your ")) {
				t.Errorf("%s %s: {stukken} addresses the complainant: %q", kind, lang, v["stukken"])
			}
		}
	}
}

// TestConsentFormOffersTheNamedDocuments: a file without registered documents to tick, whose
// letter names the documents in words, lets the complainant consent to just those; a file with
// documents to tick offers those instead, and a letter that names none offers neither.
func TestConsentFormOffersTheNamedDocuments(t *testing.T) {
	for _, lang := range data.Languages {
		tr := phrasebook[lang]
		for _, tc := range []struct {
			docs                string
			files               []FileDocument
			named, only, ticked bool
		}{
			{"de offerte en de factuur", nil, true, false, false},
			{"", nil, false, false, false},
			{"de offerte en de factuur", []FileDocument{{ID: 3, Name: "offerte.pdf"}}, false, true, true},
		} {
			in := sample(data.LetterConsent, lang)
			in.Documents, in.FileDocuments = tc.docs, tc.files
			form := consentChoices(&in)
			for _, c := range []struct {
				text string
				want bool
			}{{tr.consentAll, true}, {tr.consentNone, true}, {tr.consentNamed, tc.named}, {tr.consentOnly, tc.only},
				{"offerte.pdf", tc.ticked}} {
				if strings.Contains(form, "[ ] "+c.text) != c.want {
					t.Errorf("%s, documents %q, %d to tick: %q offered %v, want %v:\n%s", lang, tc.docs, len(tc.files), c.text, !c.want, c.want, form)
				}
			}
		}
	}
}

// TestConsentFormNamesTheFileOnce: a consent request that names the file's documents (none
// were named for it) lists them on its form to tick, without the sentence that named them
// again just above the list; documents named in the practice's own words keep that sentence.
func TestConsentFormNamesTheFileOnce(t *testing.T) {
	for _, lang := range data.Languages {
		sentence := strings.TrimSuffix(phrasebook[lang].formDocuments, " {stukken}.")
		in := sample(data.LetterConsent, lang)
		in.FileDocuments = []FileDocument{{ID: 3, Name: "offerte.pdf"}}
		in.Documents, in.DocumentsOfFile = "‘offerte.pdf’", true
		body, form, err := expandTexts(&in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(body, sentence) || strings.Contains(form, sentence) {
			t.Errorf("%s, the file's documents: named in the letter %v, on the form %v:\n%s", lang,
				strings.Contains(body, sentence), strings.Contains(form, sentence), form)
		}
		in.Documents, in.DocumentsOfFile = "de offerte", false
		if _, form, err = expandTexts(&in); err != nil || !strings.Contains(form, sentence+" de offerte.") {
			t.Errorf("%s, documents in the practice's words: the form says (%v)\n%s", lang, err, form)
		}
	}
}

// TestEnglishAddressPutsTheTitleFirst: English writes "Prof. dr. H. Öztürk-Vermeulen RA", not
// "Ms prof. dr. …"; Dutch keeps "Mevrouw prof. dr. …", and without a title English keeps "Ms".
func TestEnglishAddressPutsTheTitleFirst(t *testing.T) {
	expert := person{parts: data.NameParts{Salutation: data.SalutationMrs, Initials: "Hélène", Surname: "Öztürk-Vermeulen"},
		title: "prof. dr.", titleAfter: "RA"}
	plain := expert
	plain.title, plain.titleAfter = "", ""
	for _, tc := range []struct {
		p          person
		lang, want string
	}{
		{expert, "en", "Prof. dr. H.\u00a0Öztürk-Vermeulen RA"},
		{expert, "nl", "Mevrouw prof. dr. H.\u00a0Öztürk-Vermeulen RA"},
		{plain, "en", "Ms H.\u00a0Öztürk-Vermeulen"},
	} {
		if got := tc.p.nameLine(phrasebook[tc.lang]); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestDocumentsAreNamed: the consent request names the documents in the practice's words or
// in general, and its form offers to consent to all of them, to those of the file ticked
// one by one by their names, or none. The general description, used
// when nothing names them, reads well after "de volgende stukken:" and does not address the
// complainant, so it also suits the expert.
func TestDocumentsAreNamed(t *testing.T) {
	for _, lang := range data.Languages {
		general := phrasebook[lang].documents
		for _, w := range []string{"stukken", "documents", "uw ", "your "} {
			if strings.Contains(general, w) {
				t.Errorf("%s: the general description %q contains %q", lang, general, w)
			}
		}
		for _, docs := range []string{"klachtbrief van 5 oktober 2026, offerte en factuur", ""} {
			in := sample(data.LetterConsent, lang)
			in.Documents = docs
			pages := strings.Split(pdfText(t, writeTemp(t, "consent.pdf", render(t, in))), "\f")
			letter, form := strings.Join(strings.Fields(pages[0]), " "), strings.Join(strings.Fields(pages[1]), " ")
			want := docs
			if want == "" {
				want = general
			}
			if !strings.Contains(letter, want+".") {
				t.Errorf("%s: the letter does not name %q:\n%s", lang, want, letter)
			}
			tr := phrasebook[lang]
			for _, s := range []string{tr.consentAll, tr.consentOnly, tr.consentNone, "klachtbrief.pdf", "8 oktober 2026"} {
				if !strings.Contains(form, s) {
					t.Errorf("%s: the form lacks %q:\n%s", lang, s, form)
				}
			}
			// By name: "brief 4" read to a complainant with two letters as ninety.
			for _, s := range []string{fmt.Sprintf(tr.attachmentNo, 3), fmt.Sprintf(tr.letterNo, 4)} {
				if strings.Contains(form, s) {
					t.Errorf("%s: the form names a document by its number %q:\n%s", lang, s, form)
				}
			}
		}
		in := sample(data.LetterConfidentiality, lang)
		in.Documents = ""
		pages := strings.Split(pdfText(t, writeTemp(t, "confidentiality.pdf", render(t, in))), "\f")
		for i, page := range pages[:2] {
			if !strings.Contains(strings.Join(strings.Fields(page), " "), ": "+general+".") {
				t.Errorf("%s: page %d of the confidentiality statement does not describe the documents:\n%s", lang, i+1, page)
			}
		}
	}
}

// TestOutcomeNamesTheHearing: the letter speaks of a conversation only when the hearing of
// the complainant is on record, with its date; a hearing of someone else does not count.
func TestOutcomeNamesTheHearing(t *testing.T) {
	for _, tc := range []struct {
		lang, says string
		verdict    data.Verdict
	}{
		{"nl", "Na ons gesprek van 5 november 2026 hebben wij uw klacht in overleg met u opgelost.", data.VerdictSettled},
		{"nl", "Na ons gesprek van 5 november 2026 en zorgvuldig onderzoek vinden wij uw klacht ongegrond.", data.VerdictUnfounded},
		{"en", "After our conversation on 5 November 2026, your complaint has been settled by mutual agreement.", data.VerdictSettled},
	} {
		in := sample(data.LetterOutcome, tc.lang)
		in.Complaint.Verdict = tc.verdict
		in.Contacts = append(in.Contacts,
			data.Contact{On: day("2026-11-05"), Kind: data.ContactMeeting, Hearing: true, Note: "klager gehoord"},
			data.Contact{On: day("2026-11-09"), Kind: data.ContactPhone, Party: data.PartyConcerned, Hearing: true, Note: "medewerker"})
		body, err := bodyText(in)
		if err != nil || !strings.Contains(strings.ReplaceAll(body, "\u00a0", " "), tc.says) {
			t.Errorf("%s %s: %v\n%s", tc.lang, tc.verdict, err, body)
		}
	}
}

// TestOutcomeFitsTheVerdict: one sentence per verdict, and the promise to learn from the
// complaint only where the complaint was (partly) well-founded.
func TestOutcomeFitsTheVerdict(t *testing.T) {
	for _, tc := range []struct {
		verdict    data.Verdict
		says       string
		evaluation bool
	}{
		{data.VerdictWellFounded, "Na zorgvuldig onderzoek vinden wij uw klacht gegrond.", true},
		{data.VerdictPartlyWellFounded, "Na zorgvuldig onderzoek vinden wij uw klacht deels gegrond.", true},
		{data.VerdictUnfounded, "Na zorgvuldig onderzoek vinden wij uw klacht ongegrond.", false},
		{data.VerdictSettled, "Uw klacht is opgelost.", false}, // no "in overleg met u" without a recorded hearing
	} {
		in := sample(data.LetterOutcome, "nl")
		in.Complaint.Verdict = tc.verdict
		body, err := bodyText(in)
		if err != nil || !strings.Contains(body, "\n\n"+tc.says+"\n\n") || strings.Contains(body, "evaluatie") != tc.evaluation {
			t.Errorf("%s: %v\n%s", tc.verdict, err, body)
		}
		if strings.Count(body, "afgerond") != 1 {
			t.Errorf("%s: ‘afgerond’ should be said once:\n%s", tc.verdict, body)
		}
	}
}

func TestLogo(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Logo = testLogo(t)
	path := writeTemp(t, "logo.pdf", render(t, in))
	tool(t, "qpdf", "--check", path)
	if out := tool(t, "pdfimages", "-list", path); !strings.Contains(out, "image") {
		t.Errorf("no image in the letter:\n%s", out)
	}
	in.Logo = []byte("GIF89a not a png")
	if err := Render(&bytes.Buffer{}, in); err == nil || !strings.Contains(err.Error(), "practice_logo") {
		t.Errorf("bad logo: error = %v", err)
	}
}

func TestCalibration(t *testing.T) {
	set := practice()
	set["address_window_left_mm"] = "20.5"
	var a, b bytes.Buffer
	if err := Calibration(&a, set); err != nil {
		t.Fatal(err)
	}
	if err := Calibration(&b, set); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("calibration sheet not deterministic (err %v)", err)
	}
	path := writeTemp(t, "calibration.pdf", a.Bytes())
	text := pdfText(t, path)
	for _, s := range []string{"Proefvel adresvenster", "‘Adresvenster: afstand van de linkerkant (mm)’ (nu 20,5 mm)", "Zoë van 't Hoff"} {
		if !strings.Contains(text, s) {
			t.Errorf("calibration sheet lacks %q:\n%s", s, text)
		}
	}
	// The rulers start 5 mm from the edge, where every printer prints, and the left ruler's
	// numbers keep clear of the fold marks at 105, 148.5 and 210 mm.
	for _, w := range pdfWords(t, path) {
		if _, err := strconv.Atoi(w.text); err != nil || w.page != 1 {
			continue
		}
		if w.xMin < 5*ptPerMM || w.yMin < 5*ptPerMM {
			t.Errorf("ruler number %s at (%.1f, %.1f) pt lies within 5 mm of the edge", w.text, w.xMin, w.yMin)
		}
		if left := w.xMin < 20*ptPerMM; left && (w.text == "150" || w.text == "210") {
			t.Errorf("ruler number %s sits on a fold mark", w.text)
		}
	}
	// Each number stands centred on its own centimetre tick, in type large enough to read,
	// with a clear gap to the next one, so none is taken for the 5 mm tick beside it.
	prevRight := 0.0
	for _, w := range pdfWords(t, path) {
		mm, err := strconv.Atoi(w.text)
		if err != nil || w.page != 1 || w.yMax > 15*ptPerMM {
			continue
		}
		if centre := (w.xMin + w.xMax) / 2 / ptPerMM; math.Abs(centre-float64(mm)) > 0.5 {
			t.Errorf("top ruler number %s is centred at %.1f mm, not on its tick", w.text, centre)
		}
		if h := (w.yMax - w.yMin) / ptPerMM; h < 2.6 {
			t.Errorf("top ruler number %s is %.1f mm high, too small to read", w.text, h)
		}
		if gap := (w.xMin - prevRight) / ptPerMM; prevRight > 0 && gap < 4 {
			t.Errorf("top ruler number %s is %.1f mm from the one before it", w.text, gap)
		}
		prevRight = w.xMax
	}
	for _, label := range []string{"Adresvenster: afstand van de linkerkant (mm)", "bij Instellingen"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), label) {
			t.Errorf("the instructions do not name the settings screen's %q", label)
		}
	}
	checkA4(t, path)
	checkWindow(t, path, Input{Settings: set, Complaint: data.Complaint{Complainant: data.Complainant{
		Name: "Zoë van 't Hoff", AddressLine1: "Kerkstraat 7", Postcode: "3512 JK", City: "Utrecht"}}})
	tool(t, "qpdf", "--check", path)

	set["language"] = "en"
	b.Reset()
	if err := Calibration(&b, set); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, writeTemp(t, "calibration-en.pdf", b.Bytes()))
	for _, s := range []string{"Address window test sheet", "‘Address window: from the left edge (mm)’ (now 20.5 mm)"} {
		if !strings.Contains(text, s) {
			t.Errorf("English calibration sheet lacks %q:\n%s", s, text)
		}
	}
}

// TestCustomWindow moves the window and checks that the address follows it.
func TestCustomWindow(t *testing.T) {
	in := sample(data.LetterOutcome, "nl")
	in.Settings["address_window_left_mm"], in.Settings["address_window_top_mm"] = "110", "50"
	in.Settings["address_window_width_mm"], in.Settings["address_window_height_mm"] = "80", "35"
	path := writeTemp(t, "custom.pdf", render(t, in))
	checkWindow(t, path, in)
}

// TestAcknowledgementEnclosesConsentForm: with ask_consent_on_ack on, the acknowledgement of a
// formal complaint says a consent form is enclosed and carries it as a page of its own, so one
// envelope holds both; with the setting off it has neither.
func TestAcknowledgementEnclosesConsentForm(t *testing.T) {
	for _, tc := range []struct {
		ask      string
		answered bool // consent given or refused before the acknowledgement
	}{{"true", false}, {"false", false}, {"true", true}} {
		ask := tc.ask
		in := sample(data.LetterAcknowledgement, "nl")
		in.Settings[data.KeyAskConsentOnAck], in.ConsentAnswered = ask, tc.answered
		pages := strings.Split(strings.TrimRight(pdfText(t, writeTemp(t, "ack.pdf", render(t, in))), "\f"), "\f")
		text := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
		enclosed := strings.Contains(text, "verklaring van toestemming op de volgende pagina invullen")
		last := strings.Join(strings.Fields(pages[len(pages)-1]), " ")
		form := strings.Contains(last, "Verklaring van toestemming") && strings.Contains(last, "Ik geef geen toestemming.") &&
			strings.Contains(last, "Handtekening:") && !strings.Contains(last, "Met vriendelijke groet")
		if want := ask == "true" && !tc.answered; enclosed != want || form != want {
			t.Errorf("ask_consent_on_ack=%s, answered %v: paragraph about the form %v, form page %v:\n%s", ask, tc.answered, enclosed, form, strings.Join(pages, "\n---\n"))
		}
		// The request comes before the paragraph that says how to reach the practice, not
		// after the letter has said goodbye.
		if ask, closing := strings.Index(text, "Wilt u de verklaring"), strings.Index(text, "Hebt u in de tussentijd vragen"); enclosed && (closing < 0 || ask > closing) {
			t.Errorf("the request to sign comes after the closing paragraph:\n%s", text)
		}
	}
}

// TestLettersRefused: an anonymous complaint gets no letter, and the outcome letter waits for
// the practice to fill in the name of its disputes body.
func TestLettersRefused(t *testing.T) {
	anon := sample(data.LetterConsent, "nl")
	anon.Complaint.Anonymous, anon.Complaint.Complainant = true, data.Complainant{}
	if err := Render(io.Discard, anon); err == nil || !strings.Contains(err.Error(), "anoniem") {
		t.Errorf("letter for an anonymous complaint: %v", err)
	}
	out := sample(data.LetterOutcome, "nl")
	out.Settings[data.KeyDisputesBody] = data.DisputesBodyFor(data.ProfessionCare)
	err := Render(io.Discard, out)
	var e *data.Error
	if !errors.As(err, &e) || e.Field != data.KeyDisputesBody || !strings.Contains(e.Error(), "[naam geschilleninstantie]") ||
		!strings.Contains(e.Error(), "Instellingen") {
		t.Errorf("outcome letter with a placeholder in disputes_body: %v", err)
	}
	out.Settings[data.KeyDisputesBody] = strings.ReplaceAll(out.Settings[data.KeyDisputesBody], "[naam geschilleninstantie]", "Geschilleninstantie Zorg")
	if err := Render(io.Discard, out); err != nil {
		t.Errorf("outcome letter with the name filled in: %v", err)
	}
}

// TestWkkgzOutcomeNamesEachMeasureAndItsTerm: under the Wkkgz the outcome letter states the
// measures decided on and when each is realised, and is refused while a term is missing.
func TestWkkgzOutcomeNamesEachMeasureAndItsTerm(t *testing.T) {
	in := sample(data.LetterOutcome, "nl")
	in.Complaint.DeadlinePolicy = data.PolicyWkkgz
	in.Measures = []data.Measure{{Code: "M-2026-001", Description: "Wachttijden op de website vermelden.", DueOn: day("2027-01-15")},
		{Code: "M-2026-002", Description: "Terugbelafspraken in de agenda zetten"}}
	if _, err := bodyText(in); err == nil || !strings.Contains(err.Error(), "M-2026-002") {
		t.Fatalf("a measure without a term: %v, want a refusal naming it", err)
	}
	in.Measures[1].DueOn = in.Date.AddDays(-1) // a term the letter would promise after it passed
	if _, err := bodyText(in); err == nil || !strings.Contains(err.Error(), "een nieuwe datum voor verbetermaatregel M-2026-002") {
		t.Fatalf("a measure past its term: %v, want a refusal naming it", err)
	}
	in.Measures[1].DueOn = day("2026-12-20")
	body, err := bodyText(in)
	flat := strings.ReplaceAll(body, "\u00a0", " ")
	if err != nil || !strings.Contains(flat, "- Wachttijden op de website vermelden; dit voeren wij uiterlijk 15 januari 2027 in.") ||
		!strings.Contains(flat, "- Terugbelafspraken in de agenda zetten; dit voeren wij uiterlijk 20 december 2026 in.") {
		t.Errorf("%v\n%s", err, body)
	}
	// A measure carried out by the letter's date is said as done ("dit is uiterlijk … gerealiseerd"
	// read as a promise), and needs no due date.
	in.Measures[1].DueOn, in.Measures[1].DoneOn = data.Date{}, in.Date.AddDays(-3)
	body, err = bodyText(in)
	flat = strings.ReplaceAll(body, "\u00a0", " ")
	if want := "- Terugbelafspraken in de agenda zetten; dit hebben wij op " + formatDate(in.Date.AddDays(-3), "nl") + " ingevoerd."; err != nil || !strings.Contains(flat, want) ||
		!strings.Contains(flat, "nemen wij de volgende maatregelen:") {
		t.Errorf("a measure carried out: %v, want %q in\n%s", err, want, body)
	}
	// One measure, carried out: said as one, and as taken.
	in.Measures = in.Measures[1:]
	if body, err := bodyText(in); err != nil || !strings.Contains(body, "Naar aanleiding van uw klacht hebben wij de volgende maatregel genomen:") {
		t.Errorf("one measure carried out: %v\n%s", err, body)
	}
	in.Complaint.DeadlinePolicy = data.PolicyMonth
	if body, _ := bodyText(in); strings.Contains(body, "Terugbelafspraken") {
		t.Errorf("outside the Wkkgz the letter lists the measures:\n%s", body)
	}
}

// TestLettersMadeInARunAreTheSame: letters made one after the other on blank PDFs loaded
// ahead in the background (a demo register's) are byte for byte the letters Render makes
// on its own.
func TestLettersMadeInARunAreTheSame(t *testing.T) {
	var b blanks
	for _, lang := range []string{"nl", "en"} {
		for _, kind := range data.LetterKinds {
			in := sample(kind, lang)
			var run bytes.Buffer
			if err := renderOn(&run, in, b.take); err != nil {
				t.Fatalf("%s %s: %v", kind, lang, err)
			}
			if alone := render(t, in); !bytes.Equal(run.Bytes(), alone) {
				t.Errorf("%s %s: %d bytes in a run, %d on its own; want the same letter", kind, lang, run.Len(), len(alone))
			}
		}
	}
}

// TestProgressTellsOnlyContactsWithTheComplainant: the progress letter lists the contacts with
// the complainant (or their representative, recorded as the complainant's party), never those
// with the person concerned or a third party, which would be untrue to the complainant and
// reveal whom the practice consulted.
func TestProgressTellsOnlyContactsWithTheComplainant(t *testing.T) {
	for lang, want := range map[string]string{
		"nl": "Daarna hebben wij contact met u gehad: telefonisch op 12 oktober 2026 en per brief op 24 november 2026.",
		"en": "After that, we were in touch with you by phone on 12 October 2026 and by letter on 24 November 2026.",
	} {
		in := sample(data.LetterProgress, lang)
		in.Contacts = []data.Contact{{On: day("2026-10-12"), Kind: data.ContactPhone, Party: data.PartyComplainant},
			{On: day("2026-10-15"), Kind: data.ContactMeeting, Party: data.PartyConcerned, PartyName: "Jan Smit"},
			{On: day("2026-10-16"), Kind: data.ContactPhone, Party: data.PartyOther, PartyName: "Belastingadviseur Jansen"},
			{On: day("2026-11-24"), Kind: data.ContactLetter}}
		body, err := bodyText(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := flat(body); !strings.Contains(got, want) || strings.Contains(got, "15 ") || strings.Contains(got, "16 ") {
			t.Errorf("%s: want %q and no contact with others:\n%s", lang, want, got)
		}
		// a call on the acknowledgement's day may have come before it (the call that asked for
		// the formal procedure): not "since then" either
		in.Contacts = append(in.Contacts, data.Contact{On: in.Complaint.AcknowledgedOn, Kind: data.ContactPhone})
		body, err = bodyText(in)
		if got := flat(body); err != nil || strings.Contains(got, "Daarna") || strings.Contains(got, "Since then") {
			t.Errorf("%s: a contact before the acknowledgement follows it (%v):\n%s", lang, err, got)
		}
	}
}

// TestLettersToARepresentative: a letter to a representative (gemachtigde) speaks of the
// complaint of the complainant on whose behalf they filed it, and asks the complainant's
// consent, whose name the form on the next page carries, not the representative's. It names
// the complainant once in full and after that by title and surname.
func TestLettersToARepresentative(t *testing.T) {
	notSaid := map[string][]string{"nl": {"uw klacht", "Uw klacht", "uw toestemming", "uw dossier"},
		"en": {"your complaint", "Your complaint", "your consent", "your file"}}
	asksComplainant := map[string][]string{
		"nl": {"Die kopieën geven wij de deskundige alleen met toestemming van de heer Wiśniewski.",
			"Wilt u de verklaring op de volgende pagina door de heer Wiśniewski laten invullen en ondertekenen, en die aan ons terugsturen, ook als de heer Wiśniewski geen toestemming geeft?"},
		"en": {"We will only share them with the consent of Mr Wiśniewski.",
			"Please ask Mr Wiśniewski to fill in and sign the statement on the next page, and return it to us, even if the answer is no."}}
	for _, lang := range data.Languages {
		for _, kind := range data.LetterKinds {
			if kind == data.LetterConfidentiality {
				continue // to the expert
			}
			in := sample(kind, lang)
			in.Complaint.Complainant.NameParts.Salutation = data.SalutationMr
			in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: parts("Jeroen de Wit", data.SalutationMr),
				AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
			body, err := bodyText(in)
			if err != nil {
				t.Fatal(err)
			}
			body = flat(body)
			who := complainantPerson(&in)
			if full, short := flat(who.mentioned(phrasebook[lang])), flat(who.short(phrasebook[lang])); strings.Count(body, full) != 1 ||
				kind == data.LetterConsent && !strings.Contains(body, short) {
				t.Errorf("%s %s to the representative does not name %q once in full, then %q:\n%s", lang, kind, full, short, body)
			}
			for _, s := range notSaid[lang] {
				if strings.Contains(body, s) {
					t.Errorf("%s %s to the representative says %q:\n%s", lang, kind, s, body)
				}
			}
			if kind == data.LetterConsent {
				for _, s := range asksComplainant[lang] {
					if !strings.Contains(body, s) {
						t.Errorf("%s consent letter to the representative lacks %q:\n%s", lang, s, body)
					}
				}
			}
		}
	}
}

// TestConsentFormIsReturnedInAllCases: the consent letter and the acknowledgement that
// encloses the form give the same instruction: fill it in and return it, also to say no.
func TestConsentFormIsReturnedInAllCases(t *testing.T) {
	for lang, want := range map[string]string{"nl": "invullen, ondertekenen en aan ons terugsturen, ook als u geen toestemming geeft?",
		"en": "and return it to us, even if you do not consent."} {
		for _, kind := range []data.LetterKind{data.LetterConsent, data.LetterAcknowledgement} {
			body, err := bodyText(sample(kind, lang))
			if err != nil || !strings.Contains(flat(body), want) {
				t.Errorf("%s %s lacks %q (%v):\n%s", lang, kind, want, err, body)
			}
		}
	}
}

// TestEnglishReadsAsEnglish: the English letters and forms say what an English reader
// expects, not a word-for-word Dutch phrase.
func TestEnglishReadsAsEnglish(t *testing.T) {
	for kind, says := range map[data.LetterKind][]string{
		data.LetterAcknowledgement: {"We want to hear when someone is not satisfied", "even if you do not consent",
			"I consent to copies of all documents in the complaint file being shared", "I consent only to copies of the documents I tick below being shared:"},
		data.LetterConfidentiality: {"am advising Praktijk De Linde on the complaint", "share the documents and their contents with no one other than"},
		data.LetterOutcome:         {"We will take the part of your complaint that we have upheld into account when we evaluate our practice"},
	} {
		in := tidy(sample(kind, "en"))
		body, form, err := expandTexts(&in)
		text := flat(body + " " + form)
		for _, s := range says {
			if err != nil || !strings.Contains(text, s) {
				t.Errorf("%s lacks %q (%v):\n%s", kind, s, err, text)
			}
		}
		for _, s := range []string{"I consent for", "consent only for", "asks my advice", "value hearing", "also if"} {
			if strings.Contains(text, s) {
				t.Errorf("%s says %q:\n%s", kind, s, text)
			}
		}
	}
}

// TestOldPracticeTextNamesItsSetting: a practice text saved by an earlier version with its own
// salutation is refused when the letter is made, naming the setting to correct.
func TestOldPracticeTextNamesItsSetting(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Settings = maps.Clone(in.Settings)
	in.Settings["letter_acknowledgement_nl"] = "Geachte {naam},\n\nWij hebben uw klacht ontvangen."
	err := Render(io.Discard, in)
	var de *data.Error
	if !errors.As(err, &de) || de.Field != "letter_acknowledgement_nl" || !strings.Contains(err.Error(), "letter_acknowledgement_nl") ||
		!strings.Contains(err.Error(), "aanhef") {
		t.Errorf("refusal %v, want one that names the setting", err)
	}
}

// TestOrganisationsLetters: a complaint of an organisation is addressed to the organisation,
// for the attention of its contact person, who is greeted by name and signs the consent form on
// its behalf; through a representative, the consent is asked of the organisation, and the
// representative's firm stands under their name.
func TestOrganisationsLetters(t *testing.T) {
	in := sample(data.LetterConsent, "nl")
	in.Complaint.Complainant.Name = "Wim Jansen"
	in.Complaint.Complainant.NameParts = data.NameParts{Salutation: data.SalutationMr, Initials: "W.", Surname: "Jansen"}
	in.Complaint.Complainant.Organisation = "Bakkerij Jansen B.V."
	if got := addressLines(&in); !slices.Equal(got[:3], []string{"Bakkerij Jansen B.V.", "t.a.v. de heer W.\u00a0Jansen", "Burgemeester Reigerstraat 101"}) {
		t.Errorf("address %q", got)
	}
	_, form, err := expandTexts(&in)
	if err != nil {
		t.Fatal(err)
	}
	if s := addressee(&in).salutation(phrasebook["nl"]); s != "Geachte heer Jansen," {
		t.Errorf("salutation %q", s)
	}
	for _, want := range []string{"Ik, Wim Jansen, namens Bakkerij Jansen B.V., geef", "uit het dossier van de klacht met kenmerk",
		"Ik weet dat de toestemming op elk moment kan worden ingetrokken."} {
		if !strings.Contains(strings.Join(strings.Fields(form), " "), want) {
			t.Errorf("the form lacks %q:\n%s", want, form)
		}
	}
	if strings.Contains(form, "mijn ") {
		t.Errorf("the form speaks of 'mijn':\n%s", form)
	}

	in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: data.NameParts{Salutation: data.SalutationMr,
		Initials: "J.", Surname: "de Wit"}, Organisation: "De Wit Advocaten", AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
	if got := addressLines(&in); !slices.Equal(got[:3], []string{"De heer J.\u00a0de Wit", "De Wit Advocaten", "Herengracht 500"}) {
		t.Errorf("address of the representative %q", got)
	}
	body, form, err := expandTexts(&in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(body), " "), "door Bakkerij Jansen B.V. laten invullen") ||
		!strings.Contains(form, "Ik, Wim Jansen, namens Bakkerij Jansen B.V., geef") {
		t.Errorf("through a representative:\n%s\n---\n%s", body, form)
	}
	// The representative filed it for the organisation, as the subject line says, not for its
	// contact person.
	if d := Description(&in.Complaint, "nl"); !strings.HasSuffix(d, "namens Bakkerij Jansen B.V. hebt ingediend") {
		t.Errorf("description to the representative %q", d)
	}
}

// TestEnglishOutcomeNamesTheNextStepInEnglish: an English outcome letter never prints the
// Dutch disputes_body. It takes disputes_body_en; while that is empty, the English version
// of a built-in text, with the name of the body filled in as in the Dutch; for the practice's
// own Dutch text it is refused, leading to disputes_body_en.
func TestEnglishOutcomeNamesTheNextStepInEnglish(t *testing.T) {
	own := "Bent u het niet eens met de uitkomst, dan kunt u het geschil voorleggen aan de Geschillencommissie Zakelijke Dienstverlening."
	in := sample(data.LetterOutcome, "en")
	in.Settings[data.KeyProfession], in.Settings[data.KeyDisputesBody] = data.ProfessionAccountancy, own
	_, err := bodyText(in)
	var e *data.Error
	if !errors.As(err, &e) || e.Field != data.KeyDisputesBodyEn || !strings.Contains(e.Error(), "Vervolgstap na de uitkomst in het Engels (disputes_body_en)") {
		t.Errorf("English outcome letter with the practice's own Dutch next step: %v, want a refusal leading to disputes_body_en", err)
	}
	english := "If you disagree with the outcome, you may take the dispute to the Geschillencommissie Zakelijke Dienstverlening."
	in.Settings[data.KeyDisputesBodyEn] = english
	body, err := bodyText(in)
	if err != nil || !strings.Contains(body, english) || strings.Contains(body, "Bent u") {
		t.Errorf("with disputes_body_en: %v\n%s", err, body)
	}
	nl := sample(data.LetterOutcome, "nl")
	nl.Settings[data.KeyDisputesBody], nl.Settings[data.KeyDisputesBodyEn] = own, english
	if body, err := bodyText(nl); err != nil || !strings.Contains(body, own) || strings.Contains(body, "If you") {
		t.Errorf("Dutch letter: %v\n%s", err, body)
	}

	// The sector's text with the body's name filled in needs no English text of its own.
	in.Settings[data.KeyDisputesBodyEn] = ""
	in.Settings[data.KeyDisputesBody] = data.DisputesBodyNaming(data.ProfessionAccountancy, "Geschillencommissie Zakelijke Dienstverlening")
	body, err = bodyText(in)
	if want := "the disputes body we are affiliated with: Geschillencommissie Zakelijke Dienstverlening. If your complaint concerns the professional conduct of an accountant"; err != nil || !strings.Contains(strings.Join(strings.Fields(body), " "), want) || strings.Contains(body, "Bent u") {
		t.Errorf("named sector text: %v, want %q in\n%s", err, want, body)
	}
	// Still with its placeholder, it is refused, leading to the Dutch text that holds it.
	in.Settings[data.KeyDisputesBody] = data.DisputesBodyFor(data.ProfessionAccountancy)
	if _, err := bodyText(in); !errors.As(err, &e) || e.Field != data.KeyDisputesBody || !strings.Contains(e.Error(), "[naam geschilleninstantie]") {
		t.Errorf("English letter, placeholder in disputes_body: %v", err)
	}
	// Every sector's built-in text has its English version.
	for _, p := range data.Professions {
		in.Settings[data.KeyDisputesBody] = data.DisputesBodyNaming(p, "De Instantie")
		if body, err := bodyText(in); err != nil || strings.Contains(body, "Bent u") || strings.Contains(body, "[") {
			t.Errorf("%s: %v\n%s", p, err, body)
		}
	}
}

// TestNamesAndPhoneNumbersStayOnOneLine: a letter never breaks a person's name after its "van"
// or its title of address, nor a phone number after its area code; an organisation's name,
// which may fill a line, may break.
func TestNamesAndPhoneNumbersStayOnOneLine(t *testing.T) {
	nl := phrasebook["nl"]
	broek := person{name: "Anna van den Broek", parts: data.NameParts{Salutation: data.SalutationMrs, Initials: "A.S.", Surname: "van den Broek"}}
	if got := broek.inSentence(nl); got != "mevrouw\u00a0A.S.\u00a0van\u00a0den\u00a0Broek" {
		t.Errorf("name in a sentence %q, want it bound by non-breaking spaces", got)
	}
	if got := (person{name: "Stichting Vrienden van het Museum"}).inSentence(nl); got != "Stichting Vrienden van het Museum" {
		t.Errorf("organisation in a sentence %q, want it as typed", got)
	}
	in := Input{Language: "nl", Settings: data.Settings{data.KeyPracticePhone: "030 231 45 67"}}
	if got := reachable(&in); !strings.Contains(got, "030\u00a0231\u00a045\u00a067") {
		t.Errorf("contact sentence %q, want the phone number bound", got)
	}
}

// TestEnglishLetterheadNamesTheChamberOfCommerce: an English letterhead printed the Dutch
// abbreviation "KvK", which a reader abroad does not know; other registers keep their names.
func TestEnglishLetterheadNamesTheChamberOfCommerce(t *testing.T) {
	const coc = "Chamber of Commerce no.\u00a0"
	for typed, want := range map[string]string{
		"KvK 12345678":                    coc + "12345678",
		"KvK-nr.: 12345678":               coc + "12345678",
		"KVK-nummer 12345678":             coc + "12345678",
		"kvk nr 12345678":                 coc + "12345678",
		"Kamer van Koophandel 12345678":   coc + "12345678",
		"Coöperatie, KvK 12345678":        "Coöperatie, " + coc + "12345678",
		"KvK 12345678 · BIG 49012345601":  coc + "12345678 · BIG 49012345601",
		"BIG-register 49012345601":        "BIG-register 49012345601",
		"Stichting KvKlachten, AGB 12345": "Stichting KvKlachten, AGB 12345",
	} {
		if got := registration(typed, "en"); got != want {
			t.Errorf("English letterhead of %q: %q, want %q", typed, got, want)
		}
		if got := registration(typed, "nl"); got != typed {
			t.Errorf("Dutch letterhead of %q: %q", typed, got)
		}
	}
}

// TestEnglishLettersDialTheNetherlands: an English letter, read abroad as often as not, and a
// letter to another country give a Dutch phone number as dialled from abroad; a Dutch letter
// within the Netherlands, a number already international and a practice outside the
// Netherlands keep the number as typed.
func TestEnglishLettersDialTheNetherlands(t *testing.T) {
	for _, tc := range []struct{ phone, country, lang, to, want string }{
		{"030 231 45 67", "", "en", "", "+31 30 231 45 67"},
		{"06-12345678", "Nederland", "en", "Nederland", "+31 6-12345678"},
		{"030 231 45 67", "", "nl", "", "030 231 45 67"},
		{"030 231 45 67", "Nederland", "nl", "nederland", "030 231 45 67"},
		{"030 231 45 67", "", "nl", "België", "+31 30 231 45 67"},
		{"030 231 45 67", "Nederland", "nl", "Duitsland", "+31 30 231 45 67"},
		{"+31 30 231 45 67", "", "en", "", "+31 30 231 45 67"},
		{"0031 30 231 45 67", "", "en", "", "0031 30 231 45 67"},
		{"02 123 45 67", "België", "en", "", "02 123 45 67"},
		{"02 123 45 67", "België", "nl", "Nederland", "02 123 45 67"},
	} {
		in := sample(data.LetterAcknowledgement, tc.lang)
		in.Settings[data.KeyPracticePhone], in.Settings[data.KeyPracticeCountry] = tc.phone, tc.country
		in.Complaint.Complainant.Country = tc.to
		if got := phoneFor(&in); got != tc.want {
			t.Errorf("%q in %q (%s) to %q: %q, want %q", tc.phone, tc.country, tc.lang, tc.to, got, tc.want)
		}
	}
}

// TestLettersAbroadNameThePracticesCountry: a letter to another country names the practice's
// country under its address in the letterhead and in the return address, in the letter's
// language, and dials its number from abroad; a letter within the country does neither.
func TestLettersAbroadNameThePracticesCountry(t *testing.T) {
	for _, tc := range []struct{ lang, to, practice, head, sender string }{
		{"nl", "België", "", "Nederland", "3511 AX Utrecht · Nederland"},
		{"nl", "Verenigd Koninkrijk", "Nederland", "Nederland", "3511 AX Utrecht · Nederland"},
		{"en", "Germany", "Netherlands", "The Netherlands", "3511 AX Utrecht · The Netherlands"},
		{"nl", "Nederland", "", "", ""},
		{"en", "", "", "", ""},
	} {
		in := sample(data.LetterAcknowledgement, tc.lang)
		in.Settings[data.KeyPracticeCountry] = tc.practice
		p := &in.Complaint.Complainant
		p.Country = tc.to
		if tc.to == "Verenigd Koninkrijk" {
			p.Postcode, p.City = "NW1 6XE", "London"
		} else if tc.to != "" && tc.to != "Nederland" {
			p.Postcode = "1050"
		}
		var head []string
		for _, l := range letterhead(&in) {
			head = append(head, l.text)
		}
		text := flat(pdfText(t, writeTemp(t, "abroad.pdf", render(t, in))))
		if tc.head == "" {
			if slices.Contains(head, "Nederland") || strings.Contains(text, "Utrecht · ") || !strings.Contains(text, "Utrecht") {
				t.Errorf("%s letter within the Netherlands names the country: %q", tc.lang, head)
			}
			continue
		}
		if i := slices.Index(head, tc.head); i < 0 || head[i-1] != "3511 AX Utrecht" {
			t.Errorf("%s letter to %s: letterhead %q, want %q under the town", tc.lang, tc.to, head, tc.head)
		}
		if !strings.Contains(text, tc.sender) || !strings.Contains(text, "+31") {
			t.Errorf("%s letter to %s lacks return address %q or the number dialled from abroad:\n%s", tc.lang, tc.to, tc.sender, text)
		}
	}
}

// TestProgressOwnsUpToAMissedDate: a progress letter made before the date the extension moves
// says that date will not be met; one made after it says it was not met and apologises for
// telling only now (the procedure promises to tell in good time).
func TestProgressOwnsUpToAMissedDate(t *testing.T) {
	for _, tc := range []struct {
		lang, date, want, not string
	}{
		{"nl", "2026-11-02", "5 november 2026 af te handelen. Helaas lukt het ons niet om die datum te halen. Met deze brief", "nu pas"},
		{"nl", "2026-11-05", "Helaas lukt het ons niet om die datum te halen.", "nu pas"},
		{"nl", "2026-11-06", "5 november 2026 af te handelen. Dat is ons helaas niet gelukt. Het spijt ons dat u dit nu pas van ons hoort. Met deze brief", "lukt het ons niet"},
		{"en", "2026-11-02", "by 5 November 2026. Unfortunately we will not be able to meet that date. We are writing", "sooner"},
		{"en", "2026-11-29", "by 5 November 2026. Unfortunately we did not manage this, and we apologise for not letting you know sooner. We are writing", "will not be able"},
	} {
		in := sample(data.LetterProgress, tc.lang)
		in.Date, in.Contacts = day(tc.date), nil
		text, err := bodyText(in)
		if err != nil {
			t.Fatalf("%s on %s: %v", tc.lang, tc.date, err)
		}
		if text = strings.Join(strings.Fields(text), " "); !strings.Contains(text, tc.want) || strings.Contains(text, tc.not) {
			t.Errorf("%s on %s: want %q and not %q:\n%s", tc.lang, tc.date, tc.want, tc.not, text)
		}
	}
}

// TestAcknowledgementNeverNamesAPassedDate: an acknowledgement dated on or after the
// complaint's target date is refused, with the way out that works: extend first once receipt
// is confirmed; before that (an extension waits for the confirmation) confirm receipt in a
// letter of one's own and record it. The day before the target date it is made.
func TestAcknowledgementNeverNamesAPassedDate(t *testing.T) {
	in := sample(data.LetterAcknowledgement, "nl")
	in.Complaint.Status = data.StatusReceived
	in.Date = in.Complaint.DueOn.AddDays(-1)
	if err := Render(&bytes.Buffer{}, in); err != nil {
		t.Fatalf("acknowledgement the day before the target date: %v", err)
	}
	for status, want := range map[data.Status]string{data.StatusAcknowledged: "is al bevestigd; een nieuwe ontvangstbevestiging",
		data.StatusReceived: "leg die vast met ‘Ontvangst bevestigd zonder brief uit het programma’ (acknowledge); verleng daarna"} {
		in.Complaint.Status = status
		for _, on := range []data.Date{in.Complaint.DueOn, in.Complaint.DueOn.AddDays(1)} {
			in.Date = on
			err := Render(&bytes.Buffer{}, in)
			var de *data.Error
			if !errors.As(err, &de) || de.Code != data.CodeConflict || !strings.Contains(err.Error(), want) {
				t.Errorf("acknowledgement of a complaint %s on %s, target %s: %v", status, on, in.Complaint.DueOn, err)
			}
		}
	}
}

// TestLettersFitTheStage: a letter that does not fit the complaint's stage is refused by the
// register's one rule: no acknowledgement or consent request once the outcome is there or for
// an informal complaint, no progress letter once it is resolved.
func TestLettersFitTheStage(t *testing.T) {
	for _, tc := range []struct {
		kind   data.LetterKind
		status data.Status
		formal bool
		want   string
	}{
		{data.LetterAcknowledgement, data.StatusResolved, true, "een ontvangstbevestiging hoort bij een klacht die nog in behandeling is"},
		{data.LetterAcknowledgement, data.StatusInformal, false, "is informeel"},
		{data.LetterConsent, data.StatusResolved, true, "zolang de klacht in behandeling is"},
		{data.LetterConsent, data.StatusInformal, false, "in de formele klachtenprocedure"},
		{data.LetterProgress, data.StatusResolved, true, "een voortgangsbericht hoort bij een klacht die nog in behandeling is"},
	} {
		in := sample(tc.kind, "nl")
		in.Complaint.Status, in.Complaint.Formal = tc.status, tc.formal
		err := Render(&bytes.Buffer{}, in)
		if err == nil || !strings.Contains(err.Error(), tc.want) || data.LetterMakeRefusal(&in.Complaint, tc.kind) == nil {
			t.Errorf("%s for a complaint %s: %v; want a refusal with %q", tc.kind, tc.status, err, tc.want)
		}
	}
}

// TestWithdrawalToARepresentativeSpeaksOfTheComplainant: the confirmation of a withdrawal
// sent to a representative thanks them for the complainant's concerns and says the
// complainant may complain again, not the representative; the complaint named with the
// representative's filing is followed by a comma before its verb.
func TestWithdrawalToARepresentativeSpeaksOfTheComplainant(t *testing.T) {
	for lang, want := range map[string][]string{
		"nl": {"namens mevrouw A.S. van den Broek hebt ingediend, intrekt.", "het ongenoegen van mevrouw Van den Broek",
			"Mocht mevrouw Van den Broek in de toekomst opnieuw ergens ontevreden over zijn"},
		"en": {"the concerns of Ms Van den Broek", "Should Ms Van den Broek be dissatisfied", "a new complaint can always be submitted."},
	} {
		in := sample(data.LetterWithdrawal, lang)
		in.Complaint.Complainant.NameParts.Salutation = data.SalutationMrs
		in.Complaint.Representative = data.Complainant{Name: "Jeroen de Wit", NameParts: parts("Jeroen de Wit", data.SalutationMr),
			AddressLine1: "Herengracht 500", Postcode: "1017 CB", City: "Amsterdam"}
		body, err := bodyText(in)
		if err != nil {
			t.Fatal(err)
		}
		body = strings.ReplaceAll(flat(body), nbsp, " ")
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s withdrawal to the representative lacks %q:\n%s", lang, w, body)
			}
		}
		if strings.Contains(body, "kunt u altijd") || strings.Contains(body, "you are always welcome") {
			t.Errorf("%s withdrawal invites the representative to complain:\n%s", lang, body)
		}
	}
}

// TestProgressNeverPromisesAPassedDate: a progress letter dated on or after the new target
// date it would promise is refused, saying to extend again.
func TestProgressNeverPromisesAPassedDate(t *testing.T) {
	in := sample(data.LetterProgress, "nl")
	in.Date = in.Extension.Until
	err := Render(&bytes.Buffer{}, in)
	var de *data.Error
	if !errors.As(err, &de) || de.Code != data.CodeConflict || !strings.Contains(err.Error(), "Verleng de termijn opnieuw") {
		t.Errorf("progress letter on its new target date: %v", err)
	}
	in.Date = in.Extension.Until.AddDays(-1)
	if err := Render(&bytes.Buffer{}, in); err != nil {
		t.Errorf("progress letter the day before its new target date: %v", err)
	}
}

// TestProgressLetterToldWhatStoodWhenItWasMade: a progress letter tells the extensions made
// before it was made, not those recorded before it was posted: an extension recorded between
// making and posting it is still news.
func TestProgressLetterToldWhatStoodWhenItWasMade(t *testing.T) {
	in := sample(data.LetterProgress, "nl")
	one := data.Extension{On: day("2026-10-30"), PreviousDueOn: day("2026-11-05"), Until: day("2026-11-20"), Reason: "Reden een."}
	two := data.Extension{On: day("2026-11-01"), PreviousDueOn: day("2026-11-20"), Until: day("2026-12-10"), Reason: "Reden twee."}
	three := data.Extension{On: day("2026-12-01"), PreviousDueOn: day("2026-12-10"), Until: day("2027-01-10"), Reason: "Reden drie."}
	in.Extension, in.Extensions, in.Date, in.Contacts = three, []data.Extension{one, two, three}, day("2026-12-02"), nil
	in.ProgressSent = []Sent{{Made: day("2026-10-30"), On: day("2026-11-02")}} // made for the first, posted after the second
	if n, d := told(&in), knownDate(&in); n != 1 || d != one.Until {
		t.Errorf("told %d extensions, known date %s; want 1 and %s", n, d, one.Until)
	}
	text, err := bodyText(in)
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"uiterlijk 20 november 2026 af te handelen", "Reden twee.", "Reden drie."} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Reden een.") {
		t.Errorf("letter repeats the reason told before:\n%s", text)
	}
}

// TestWkkgzAcknowledgementNamesTheComplaintsOfficer: a care provider must offer the
// complainant free help from an independent complaints officer (Wkkgz); the acknowledgement
// of a complaint under the Wkkgz names the one in the settings, before the paragraph on how to
// reach the practice. Not under another regime, nor when none is filled in.
func TestWkkgzAcknowledgementNamesTheComplaintsOfficer(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		in := sample(data.LetterAcknowledgement, lang)
		in.Complaint.DeadlinePolicy = data.PolicyWkkgz
		in.Settings[data.KeyComplaintsOfficer] = "Stichting Klachtenhulp, telefoon 030 123 45 67."
		if lang == "en" { // the Dutch text only: refused rather than print Dutch words
			var e *data.Error
			if _, err := bodyText(in); !errors.As(err, &e) || e.Field != data.KeyComplaintsOfficerEn {
				t.Fatalf("an English acknowledgement with the officer in Dutch only: %v, want a refusal naming complaints_officer_en", err)
			}
			in.Settings[data.KeyComplaintsOfficerEn] = "Stichting Klachtenhulp, telephone 030 123 45 67."
		}
		body, err := bodyText(in)
		want := map[string]string{"nl": "Wilt u hulp of advies bij uw klacht? Dan kunt u kosteloos terecht bij een onafhankelijke klachtenfunctionaris: Stichting Klachtenhulp, telefoon 030 123 45 67.\n\n",
			"en": "Would you like help or advice with your complaint? An independent complaints officer can help you free of charge: Stichting Klachtenhulp, telephone 030 123 45 67.\n\n"}[lang]
		flat := strings.ReplaceAll(body, "\u00a0", " ")
		i := strings.Index(flat, want)
		if err != nil || i < 0 || i > strings.LastIndex(flat, "\n\n") { // before the last paragraph, which says how to reach the practice
			t.Errorf("%s: %v; want %q before the practice's contact details in\n%s", lang, err, want, body)
		}
		rep := in // the letter goes to a representative: the officer is there for the complainant
		rep.Complaint.Representative = data.Complainant{Name: "K. de Wit", NameParts: parts("K. de Wit", data.SalutationMr),
			AddressLine1: "Herengracht 1", Postcode: "1015 BA", City: "Amsterdam"}
		body, err = bodyText(rep)
		wantRep := map[string]string{"nl": "Voor hulp of advies bij de klacht kan ", "en": "For help or advice with the complaint, "}[lang]
		if flat := strings.ReplaceAll(body, "\u00a0", " "); err != nil || !strings.Contains(flat, wantRep) || strings.Contains(flat, want) {
			t.Errorf("%s, to a representative: %v\n%s", lang, err, body)
		}
		for _, other := range []func(*Input){
			func(in *Input) { in.Complaint.DeadlinePolicy = data.PolicyMonth },
			func(in *Input) {
				in.Settings[data.KeyComplaintsOfficer], in.Settings[data.KeyComplaintsOfficerEn] = "", ""
			},
			func(in *Input) { in.Kind = data.LetterInformation },
		} {
			in := sample(data.LetterAcknowledgement, lang)
			in.Complaint.DeadlinePolicy = data.PolicyWkkgz
			in.Settings[data.KeyComplaintsOfficer], in.Settings[data.KeyComplaintsOfficerEn] = "Stichting Klachtenhulp", "Stichting Klachtenhulp"
			other(&in)
			if body, _ := bodyText(in); strings.Contains(body, "Klachtenhulp") {
				t.Errorf("%s: the officer named where no Wkkgz acknowledgement asks for it:\n%s", lang, body)
			}
		}
	}
}

// TestTitlesTypedWithTheInitials: a complainant or representative has no title fields, so a
// title typed with the name stays with the initials. The address prints it before them and no
// initial is made of it ("mr. P." printed "De heer M.P. de Wit"); the salutation leaves it out
// ("Geachte mr. P. de Wit,"), but for a professor and, in English, a doctor.
func TestTitlesTypedWithTheInitials(t *testing.T) {
	for _, tc := range []struct {
		lang     string
		parts    data.NameParts
		name     string // the address's name line
		greeting string
	}{
		{"nl", data.NameParts{Salutation: data.SalutationMr, Initials: "mr. P.", Surname: "de Wit"}, "De heer mr. P.\u00a0de Wit", "Geachte heer De Wit,"},
		{"nl", data.NameParts{Salutation: data.SalutationNeutral, Initials: "mr. P.", Surname: "de Wit"}, "mr. P. de Wit", "Geachte P. de Wit,"},
		{"nl", data.NameParts{Salutation: data.SalutationMrs, Initials: "dr. A.", Surname: "Bakker"}, "Mevrouw dr. A.\u00a0Bakker", "Geachte mevrouw Bakker,"},
		{"nl", data.NameParts{Salutation: data.SalutationMr, Initials: "prof.dr. K.", Surname: "Jansen"}, "De heer prof.dr. K.\u00a0Jansen", "Geachte professor Jansen,"},
		{"nl", data.NameParts{Salutation: data.SalutationNeutral, Initials: "drs.", Surname: "De Wit"}, "drs. De Wit", "Geachte drs. De Wit,"}, // a title alone stays as typed
		{"en", data.NameParts{Salutation: data.SalutationMrs, Initials: "dr. A.", Surname: "Bakker"}, "Dr. A.\u00a0Bakker", "Dear Dr Bakker,"},
		{"en", data.NameParts{Salutation: data.SalutationMrs, Initials: "drs. M.", Surname: "el-Amrani"}, "Drs. M.\u00a0el-Amrani", "Dear Ms El-Amrani,"},
		{"nl", data.NameParts{Salutation: data.SalutationMr, Initials: "Jan Peter", Surname: "Jansen"}, "De heer J.P.\u00a0Jansen", "Geachte heer Jansen,"},
		{"en", data.NameParts{Salutation: data.SalutationMrs, Initials: "mr. P.", Surname: "de Wit"}, "Ms P.\u00a0de Wit", "Dear Ms De Wit,"}, // not "Mr. P. de Wit"
	} {
		p := person{name: "x", parts: tc.parts}
		if got := p.nameLine(phrasebook[tc.lang]); got != tc.name {
			t.Errorf("%s %+v: address %q, want %q", tc.lang, tc.parts, got, tc.name)
		}
		if got := p.salutation(phrasebook[tc.lang]); got != tc.greeting {
			t.Errorf("%s %+v: salutation %q, want %q", tc.lang, tc.parts, got, tc.greeting)
		}
	}
	for in, want := range map[string][2]string{"mr. P.": {"mr.", "P."}, "Mr drs J.": {"Mr drs", "J."}, "drs.": {"", "drs."},
		"Ing": {"", "Ing"}, "M.R.": {"", "M.R."}, "prof.dr. H.": {"prof.dr.", "H."}} {
		if titles, rest := data.InitialsTitles(in); titles != want[0] || rest != want[1] {
			t.Errorf("InitialsTitles(%q) = %q, %q; want %q", in, titles, rest, want)
		}
	}
}
