package letters

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"klachtenregister/data"
)

// register is a real register on a temporary file with the practice filled in and one formal
// complaint, received on 2 November 2026; the clock stands at 30 November.
func register(t *testing.T) (*data.Store, string) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "register.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.Local)
	s.Now = func() time.Time { return now }
	set := map[string]string{}
	for k, v := range practice() {
		if v != data.DefaultSettings()[k] {
			set[k] = v
		}
	}
	if err := s.SetSettings(set); err != nil {
		t.Fatal(err)
	}
	ref, err := s.Create(data.Complaint{ReceivedOn: day("2026-11-02"), Channel: data.ChannelLetter, Formal: true,
		Subject: data.SubjectService, Summary: "Factuur hoger dan de offerte",
		Complainant: data.Complainant{Name: "Łukasz Wiśniewski", AddressLine1: "Kerkstraat 7", Postcode: "3512 JK", City: "Utrecht"}})
	if err != nil {
		t.Fatal(err)
	}
	return s, ref
}

// TestGenerateArchivesAndReprints follows the flow the GUI and CLI use: gather, render, store;
// a reprint gives the stored bytes, and making the letter again adds a version.
func TestGenerateArchivesAndReprints(t *testing.T) {
	s, ref := register(t)
	req := Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")}
	l, pdf, err := Generate(s, req)
	if err != nil {
		t.Fatal(err)
	}
	if l.Version != 1 || l.Language != "nl" || l.Size != int64(len(pdf)) {
		t.Errorf("stored letter: %+v", l)
	}
	stored, err := s.LetterPDF(l.ID)
	if err != nil || !bytes.Equal(stored, pdf) {
		t.Fatalf("reprint differs from the generated letter (%v)", err)
	}
	l2, pdf2, err := Generate(s, req)
	if err != nil || l2.Version != 2 {
		t.Fatalf("second generation: %+v, %v", l2, err)
	}
	if !bytes.Equal(pdf, pdf2) {
		t.Error("the same complaint on the same day gave different bytes")
	}
	text := pdfText(t, writeTemp(t, "ack.pdf", pdf))
	for _, want := range []string{"Łukasz Wiśniewski", "3512 JK", "UTRECHT", "voor uw klacht van 2 november 2026", "uiterlijk 2 december 2026", ref} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if err := s.MarkLetterSent(l2.ID, data.Date{}, data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Complaint(ref); c.Status != data.StatusAcknowledged {
		t.Errorf("status after sending the acknowledgement: %s", c.Status)
	}
}

// TestPreview shows a practice's unsaved text on a real complaint and stores nothing.
func TestPreview(t *testing.T) {
	s, ref := register(t)
	req := Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")}
	pdf, err := Preview(s, req, "Wij hebben uw klacht over ‘{klacht}’ van {datum_ontvangst} goed ontvangen.")
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, writeTemp(t, "preview.pdf", pdf)); !strings.Contains(text, "over ‘uw klacht van 2 november 2026") {
		t.Errorf("preview lacks the expanded text:\n%s", text)
	}
	_, err = Preview(s, req, "Aan {naam}:\n\n{oordeel}")
	var de *data.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "regel 3") {
		t.Errorf("preview of a text with a placeholder this letter lacks: %v", err)
	}
	if list, _ := s.Letters(ref); len(list) != 0 {
		t.Errorf("preview stored %d letters", len(list))
	}
}

// TestPrepareRefusesWhatIsMissing checks the messages for a letter the file cannot support yet.
func TestPrepareRefusesWhatIsMissing(t *testing.T) {
	s, ref := register(t)
	for kind, want := range map[data.LetterKind]string{
		data.LetterProgress:        "niet verlengd",
		data.LetterOutcome:         "het oordeel",
		data.LetterConfidentiality: "nog geen externe deskundige",
	} {
		_, _, err := Generate(s, Request{Reference: ref, Kind: kind})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one mentioning %q", kind, err, want)
		}
	}
	if _, _, err := Generate(s, Request{Reference: "K-2026-9999", Kind: data.LetterOutcome}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown complaint: %v", err)
	}
	if list, _ := s.Letters(ref); len(list) != 0 {
		t.Errorf("refused letters were stored: %d", len(list))
	}
}

// TestConfidentialityNamesTheConsentedDocuments: the statement for the expert names what the
// complainant consented to share, and a request's own list wins.
func TestConfidentialityNamesTheConsentedDocuments(t *testing.T) {
	s, ref := register(t)
	if _, err := s.SaveExpert(data.Expert{Name: "Ayşe Yılmaz", Organisation: "Yılmaz Advies", Email: "a.yilmaz@example.nl"}); err != nil {
		t.Fatal(err)
	}
	if err := s.GiveConsent(ref, data.Consent{How: "schriftelijk", Documents: data.Documents{All: true}}); err != nil {
		t.Fatal(err)
	}
	for documents, want := range map[string]string{"": "alle stukken uit het klachtdossier", "alleen de factuur": "alleen de factuur"} {
		in, err := Prepare(s, Request{Reference: ref, Kind: data.LetterConfidentiality, Date: day("2026-11-30"), Documents: documents})
		if err != nil {
			t.Fatal(err)
		}
		if body, err := bodyText(in); err != nil || !strings.Contains(body, "de volgende stukken: "+want+".") {
			t.Errorf("documents %q: %v\n%s", documents, err, body)
		}
	}
	// An English statement names them in English, as the consent form did, not in the
	// register's Dutch ("bijlage 1 (klachtbrief.pdf)"), and by name, not by number.
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.GiveConsent(ref, data.Consent{How: "by e-mail", Documents: data.Documents{Attachments: []int64{att}}}); err != nil {
		t.Fatal(err)
	}
	in, err := Prepare(s, Request{Reference: ref, Kind: data.LetterConfidentiality, Language: "en", Date: day("2026-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	want := "The documents concerned are: ‘klachtbrief.pdf’."
	if body, err := bodyText(in); err != nil || !strings.Contains(body, want) || strings.Contains(body, "bijlage") || strings.Contains(body, fmt.Sprint(att)+" (") {
		t.Errorf("English statement lacks %q: %v\n%s", want, err, body)
	}
}

// TestNoLettersForAClosedComplaint: a closed file gets no new letters; the stored ones can
// still be printed again.
func TestNoLettersForAClosedComplaint(t *testing.T) {
	s, ref := register(t)
	l, _, err := Generate(s, Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "De factuur klopt met de offerte.", On: data.Date{}, NoHearingReason: "niet van toepassing in deze test"}); err != nil {
		t.Fatal(err)
	}
	out, _, err := Generate(s, Request{Reference: ref, Kind: data.LetterOutcome, Date: day("2026-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkLetterSent(out.ID, data.Date{}, data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Generate(s, Request{Reference: ref, Kind: data.LetterProgress, Date: day("2026-11-30")}); err == nil || !strings.Contains(err.Error(), "afgehandeld") {
		t.Errorf("progress letter after resolution: %v", err)
	}
	if err := s.CloseComplaint(ref); err != nil {
		t.Fatal(err)
	}
	for _, kind := range data.LetterKinds {
		_, _, err := Generate(s, Request{Reference: ref, Kind: kind, Date: day("2026-11-30")})
		var de *data.Error
		if !errors.As(err, &de) || !strings.Contains(err.Error(), "gesloten") {
			t.Errorf("%s for a closed complaint: %v", kind, err)
		}
	}
	if _, err := s.LetterPDF(l.ID); err != nil {
		t.Errorf("reprint after closing: %v", err)
	}
}

// TestAcknowledgementAfterAConsentAnswer: consent refused (or given) before the acknowledgement
// is made: the letter leaves out the paragraph and the form, and the register records that it
// asked nothing, by the same rule (data.AsksConsent).
func TestAcknowledgementAfterAConsentAnswer(t *testing.T) {
	s, ref := register(t)
	if err := s.GiveConsent(ref, data.Consent{How: "telefonisch", Refused: true}); err != nil {
		t.Fatal(err)
	}
	l, pdf, err := Generate(s, Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdfText(t, writeTemp(t, "ack.pdf", pdf)))
	if l.AsksConsent || strings.Contains(text, "toestemmingsformulier") || strings.Contains(text, "Verklaring van toestemming") {
		t.Errorf("asks consent %v after the answer:\n%s", l.AsksConsent, text)
	}
}

// TestConsentRequestAfterTheFormWasSent: when the acknowledgement that carried the consent
// form has gone out and no answer is on record, the consent request says the form comes
// again; before it went out, or once the complainant has answered, it says nothing of it.
func TestConsentRequestAfterTheFormWasSent(t *testing.T) {
	s, ref := register(t)
	said := "Op 30 november 2026 hebben wij u al een verklaring van toestemming gestuurd. Die hebben wij nog niet van u terugontvangen; daarom sturen wij haar opnieuw mee."
	consent := func() string {
		_, pdf, err := Generate(s, Request{Reference: ref, Kind: data.LetterConsent, Date: day("2026-11-30")})
		if err != nil {
			t.Fatal(err)
		}
		return flat(pdfText(t, writeTemp(t, "consent.pdf", pdf)))
	}
	ack, _, err := Generate(s, Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")})
	if err != nil || !ack.AsksConsent {
		t.Fatalf("acknowledgement asks consent %v: %v", ack.AsksConsent, err)
	}
	if text := consent(); strings.Contains(text, "al een verklaring van toestemming") {
		t.Errorf("the acknowledgement is not sent yet, but the request says so:\n%s", text)
	}
	if err := s.MarkLetterSent(ack.ID, day("2026-11-30"), data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
	if text := consent(); !strings.Contains(text, said) {
		t.Errorf("the request after the acknowledgement with the form lacks %q:\n%s", said, text)
	}
	if err := s.GiveConsent(ref, data.Consent{How: "telefonisch", Refused: true}); err != nil {
		t.Fatal(err)
	}
	if text := consent(); strings.Contains(text, "al een verklaring van toestemming") {
		t.Errorf("the complainant has answered, but the request sends the form again:\n%s", text)
	}
}

// TestConsentedDocumentsReadAsASentence: the confidentiality statement names the documents
// by their names, in a sentence with "en" before the last: a letter by its subject in quotes
// and its day, an attachment by its file's name in quotes, and only one no longer in the file,
// or two of the same name, by its number too. (It read "brief nr. 4: …; bijlage nr. 3:
// klachtbrief.pdf", colons within the sentence; then "brief 91 (…)", which read to a
// complainant with two letters as ninety.)
func TestConsentedDocumentsReadAsASentence(t *testing.T) {
	f := &data.File{Letters: []data.Letter{{ID: 4, Kind: data.LetterAcknowledgement, SentOn: day("2026-10-08")}},
		Attachments: []data.Attachment{{ID: 3, Name: "klachtbrief.pdf"}, {ID: 5, Name: "scan.pdf"}, {ID: 6, Name: "scan.pdf"}}}
	d := data.Documents{Letters: []int64{4}, Attachments: []int64{3, 5, 6, 9}}
	for lang, want := range map[string]string{
		"nl": "de brief ‘Ontvangstbevestiging van uw klacht’ van 8 oktober 2026, ‘klachtbrief.pdf’, bijlage 5 (scan.pdf), bijlage 6 (scan.pdf) en bijlage 9",
		"en": "the letter ‘Acknowledgement of your complaint’ of 8 October 2026, ‘klachtbrief.pdf’, attachment 5 (scan.pdf), attachment 6 (scan.pdf) and attachment 9",
	} {
		if got := consented(f, d, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestConsentLetterNamesWhatItsFormOffers: the consent request names the documents its form
// offers to tick, in words, as the sentence reads them ("a, b en c"): it named the attachments
// alone (the form also offers the letters sent), by file names that read as two documents
// where one held a comma; by their register numbers "bijlage 3" read as an enclosure.
func TestConsentLetterNamesWhatItsFormOffers(t *testing.T) {
	f := &data.File{Letters: []data.Letter{{ID: 4, Kind: data.LetterAcknowledgement, SentOn: day("2026-10-08")},
		{ID: 5, Kind: data.LetterProgress}}, // not sent: not the complainant's, not on the form
		Attachments: []data.Attachment{{ID: 3, Name: "klachtbrief, met bijlagen.pdf"}, {ID: 7, Name: "offerte.pdf"}}}
	for lang, want := range map[string]string{
		"nl": "onze brief ‘Ontvangstbevestiging van uw klacht’ van 8 oktober 2026, ‘klachtbrief, met bijlagen.pdf’ en ‘offerte.pdf’",
		"en": "our letter ‘Acknowledgement of your complaint’ of 8 October 2026, ‘klachtbrief, met bijlagen.pdf’ and ‘offerte.pdf’",
	} {
		if got := documentsInFile(f, data.LetterConsent, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	// To the expert, without a consent that names them: "de brief", as the expert signs it ("onze brief" is the practice's).
	if got, want := documentsInFile(f, data.LetterConfidentiality, "nl"), "de brief ‘Ontvangstbevestiging van uw klacht’ van 8 oktober 2026, "+
		"‘klachtbrief, met bijlagen.pdf’ en ‘offerte.pdf’"; got != want {
		t.Errorf("the confidentiality statement: %q, want %q", got, want)
	}
	if got := documentsInFile(&data.File{}, data.LetterConsent, "nl"); got != "" {
		t.Errorf("a file without documents: %q, want the letter's general description", got)
	}
	// Our own letters alone are no documents to advise on: the general description says what an expert gets.
	if got := documentsInFile(&data.File{Letters: f.Letters}, data.LetterConsent, "nl"); got != "" {
		t.Errorf("a file of our own letters only: %q, want the letter's general description", got)
	}
}

// TestPreviewShowsATextWhateverTheStage: the settings' preview of the acknowledgement's text
// is shown on the latest complaint also once its receipt is confirmed; making the letter is
// refused then.
func TestPreviewShowsATextWhateverTheStage(t *testing.T) {
	s, ref := register(t)
	if err := s.Acknowledge(ref, day("2026-11-03"), data.DeliveryEmail, "Per e-mail bevestigd."); err != nil {
		t.Fatal(err)
	}
	req := Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: day("2026-11-30")}
	if _, err := Preview(s, req, DefaultBody(data.LetterAcknowledgement, "nl")); err != nil {
		t.Errorf("preview on a complaint whose receipt is confirmed: %v", err)
	}
	if _, _, err := Generate(s, req); err == nil {
		t.Error("a new acknowledgement was made after receipt was confirmed")
	}
}

// TestInformationLetterAsksTheOpenRequest: the request for information is refused until a
// request is open, then asks in its words by its date; a request whose date has passed by
// the letter's date is refused, and the settings' preview on a complaint that asked nothing
// shows a stand-in request rather than an empty paragraph.
func TestInformationLetterAsksTheOpenRequest(t *testing.T) {
	s, ref := register(t)
	req := Request{Reference: ref, Kind: data.LetterInformation, Date: day("2026-11-30")}
	if _, _, err := Generate(s, req); err == nil || !strings.Contains(err.Error(), "geen openstaand verzoek om informatie") {
		t.Fatalf("without a request: %v", err)
	}
	preview, err := Preview(s, req, DefaultBody(data.LetterInformation, "nl"))
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, writeTemp(t, "preview.pdf", preview)); !strings.Contains(text, "Een kopie van de factuur waarover u klaagt.") ||
		!strings.Contains(text, "uiterlijk 14 december 2026") {
		t.Errorf("preview without a request:\n%s", text)
	}
	if _, err := s.AddContact(ref, data.Contact{On: day("2026-11-30"), Kind: data.ContactLetter,
		InfoRequested: "de e-mails over de planning", InfoDueOn: day("2026-12-04")}); err != nil {
		t.Fatal(err)
	}
	_, pdf, err := Generate(s, req)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, writeTemp(t, "verzoek.pdf", pdf))
	for _, want := range []string{"Betreft: Verzoek om aanvullende informatie over uw klacht", "De e-mails over de planning.",
		"uiterlijk 4 december 2026 toesturen"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q:\n%s", want, text)
		}
	}
	req.Date = day("2026-12-04")
	if _, _, err := Generate(s, req); err == nil || !strings.Contains(err.Error(), "al bereikt") {
		t.Errorf("a letter dated on the day the information is due: %v", err)
	}
	if _, err := Preview(s, req, DefaultBody(data.LetterInformation, "nl")); err != nil {
		t.Errorf("the preview is shown whatever the date: %v", err)
	}
}
