package letters

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"klachtenregister/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func day(s string) data.Date {
	d, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// practice is a filled-in practice on the default settings, the sample set's.
func practice() data.Settings { return samplePractice() }

// recipients are the names the issue asks to print exactly, one per letter kind.
var recipients = map[data.LetterKind]string{
	data.LetterAcknowledgement: "Mehmet Çelik", data.LetterProgress: "Ĳsbrand de Vries",
	data.LetterOutcome: "Zoë van 't Hoff", data.LetterConsent: "Łukasz Wiśniewski", data.LetterConfidentiality: "Ayşe Yılmaz",
	data.LetterWithdrawal: "Anne-Sophie van den Broek", data.LetterInformation: "Søren Ødegård",
}

// salutations are how the sample recipients are addressed, one per letter kind.
var salutations = map[data.LetterKind]data.Salutation{
	data.LetterAcknowledgement: data.SalutationMr, data.LetterProgress: data.SalutationMr,
	data.LetterOutcome: data.SalutationMrs, data.LetterConsent: data.SalutationNeutral,
	data.LetterConfidentiality: data.SalutationMrs, data.LetterWithdrawal: data.SalutationMrs,
	data.LetterInformation: data.SalutationMr,
}

// parts are a sample name's parts as the intake form proposes them, with the salutation given.
func parts(name string, s data.Salutation) data.NameParts {
	p := data.ProposeName(name)
	p.Salutation = s
	return p
}

// sample is a complete input for every kind of letter.
func sample(kind data.LetterKind, lang string) Input {
	c := data.Complaint{Reference: "K-2026-0007", ReceivedOn: day("2026-10-05"), Channel: data.ChannelLetter, Formal: true,
		FiledOn: day("2026-10-05"), Subject: data.SubjectService, Handler: "Anne de Linde",
		Summary: "Factuur hoger dan de offerte", Status: data.StatusResolved, AcknowledgedOn: day("2026-10-08"),
		DueOn: day("2026-12-07"), ResolvedOn: day("2026-11-27"), Verdict: data.VerdictPartlyWellFounded,
		Outcome: "De klacht is op één punt terecht: de extra uren zijn vooraf niet gemeld. Daarvoor bieden wij excuses aan en passen wij de factuur aan.",
		Complainant: data.Complainant{Name: recipients[kind], NameParts: parts(recipients[kind], salutations[kind]),
			AddressLine1: "Burgemeester Reigerstraat 101", Postcode: "3581 KP", City: "Utrecht", Country: "Nederland"},
		Language: lang}
	switch kind {
	case data.LetterConfidentiality:
		c.Complainant.Name, c.Complainant.NameParts = "Mehmet Çelik", parts("Mehmet Çelik", data.SalutationMr)
	case data.LetterAcknowledgement: // made before receipt is confirmed
		c.Status, c.ResolvedOn, c.Verdict, c.Outcome, c.AcknowledgedOn = data.StatusReceived, data.Date{}, "", "", data.Date{}
	case data.LetterConsent, data.LetterInformation: // made while the complaint is in handling
		c.Status, c.ResolvedOn, c.Verdict, c.Outcome = data.StatusAcknowledged, data.Date{}, "", ""
	case data.LetterProgress:
		c.Status, c.ResolvedOn, c.Verdict, c.Outcome = data.StatusExtended, data.Date{}, "", ""
	case data.LetterWithdrawal:
		c.Status, c.ResolvedOn, c.Verdict, c.Outcome, c.WithdrawnOn = data.StatusWithdrawn, data.Date{}, "", "", day("2026-11-24")
	}
	if lang == "en" {
		c.Outcome = "Your complaint is right on one point: the extra hours were not announced beforehand. We apologise for this and will adjust the invoice."
	}
	in := Input{Kind: kind, Language: lang, Date: day("2026-11-29"), Settings: practice(), Complaint: c,
		Extension: data.Extension{On: day("2026-10-30"), PreviousDueOn: day("2026-11-05"), Until: day("2026-12-07"),
			Reason: "Wij hebben advies gevraagd aan een onafhankelijke deskundige en wachten op diens reactie."},
		Contacts:        []data.Contact{{On: day("2026-10-12"), Kind: data.ContactPhone}, {On: day("2026-10-20"), Kind: data.ContactMeeting}},
		ExpertConsulted: true,
		Expert: data.Expert{ID: 1, Name: recipients[data.LetterConfidentiality], Organisation: "Yılmaz Advies",
			NameParts: parts(recipients[data.LetterConfidentiality], data.SalutationMrs), Title: "dr.",
			AddressLine1: "Maliebaan 12", Postcode: "3581 CN", City: "Utrecht"},
		Documents: "klachtbrief van 5 oktober 2026, offerte en factuur",
		Request: data.Contact{On: day("2026-11-29"), Kind: data.ContactLetter, Party: data.PartyComplainant,
			InfoRequested: "een kopie van de opdrachtbevestiging en de e-mails waarin u vroeg de jaarrekening eerder klaar te hebben",
			InfoDueOn:     day("2026-12-13")},
		FileDocuments: []FileDocument{{Letter: true, ID: 4, Name: "Ontvangstbevestiging van uw klacht, verstuurd op 8 oktober 2026"},
			{ID: 3, Name: "klachtbrief.pdf"}}}
	if lang == "en" {
		in.Extension.Reason = "We have asked an independent expert for advice and are waiting for their reply."
		in.Documents = "letter of complaint of 5 October 2026, quotation and invoice"
		in.Request.InfoRequested = "a copy of the engagement letter and the e-mails in which you asked for the annual accounts to be ready earlier"
	}
	return in
}

// bodyText is the letter's body with every placeholder filled in, as Render would print it.
func bodyText(in Input) (string, error) {
	in = tidy(in)
	if err := check(&in); err != nil {
		return "", err
	}
	body, _, err := expandTexts(&in)
	return body, err
}

func render(t testing.TB, in Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		t.Fatalf("Render(%s, %s): %v", in.Kind, in.Language, err)
	}
	return buf.Bytes()
}

// tool runs a command-line tool from poppler-utils or qpdf. A missing tool fails the test:
// these checks are the point of the test, so skipping would hide a broken letter.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		pkg := map[string]string{"qpdf": "qpdf"}[name]
		if pkg == "" {
			pkg = "poppler-utils"
		}
		t.Fatalf("%s is not installed; install it with: apt-get install -y %s", name, pkg)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText is the text of the PDF as pdftotext -layout lays it out.
func pdfText(t *testing.T, path string) string {
	return tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
}

// word is one word with its box in points, as pdftotext -bbox reports it.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageTag = regexp.MustCompile(`<page `)
	wordTag = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func pdfWords(t *testing.T, path string) []word {
	html := tool(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	var out []word
	for n, page := range pageTag.Split(html, -1)[1:] {
		for _, m := range wordTag.FindAllStringSubmatch(page, -1) {
			w := word{page: n + 1, text: unescape(m[5])}
			for i, p := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
				*p, _ = strconv.ParseFloat(m[i+1], 64)
			}
			out = append(out, w)
		}
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&apos;", "'").Replace(s)
}

const ptPerMM = 72 / 25.4

// testLogo is a small green-and-white PNG with transparency, like a practice's logo file.
func testLogo(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 240, 90))
	for y := range 90 {
		for x := range 240 {
			switch {
			case (x-45)*(x-45)+(y-45)*(y-45) < 40*40:
				img.Set(x, y, color.NRGBA{R: 46, G: 125, B: 50, A: 255})
			case x > 100 && y > 35 && y < 55:
				img.Set(x, y, color.NRGBA{R: 90, G: 90, B: 90, A: 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
