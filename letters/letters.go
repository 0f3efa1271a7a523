package letters

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"klachtenregister/data"
)

// Input is everything one letter is made from. Prepare fills it from the register; tests and
// previews may fill it by hand.
type Input struct {
	Kind      data.LetterKind
	Language  string    // "nl" or "en"
	Date      data.Date // the date the letter carries
	Settings  data.Settings
	Complaint data.Complaint

	Extension       data.Extension   // progress letter: the latest extension
	Extensions      []data.Extension // progress letter: every extension, oldest first; nil means only Extension
	ProgressSent    []Sent           // progress letter: the earlier progress letters that went out, to tell which extensions the complainant knows
	Contacts        []data.Contact   // progress letter: what happened so far
	ExpertConsulted bool             // progress letter: documents went to an expert
	Request         data.Contact     // request for information: the newest unanswered request, what it asks and by when
	Expert          data.Expert      // confidentiality statement: who signs it
	Documents       string           // consent and confidentiality: which documents; "" describes them in general
	FileDocuments   []FileDocument   // consent form: the documents of the file the complainant may tick
	// DocumentsOfFile: Documents names FileDocuments (none were named for the letter), so
	// the consent form, which lists them to tick, does not name them a second time.
	DocumentsOfFile bool
	Measures        []data.Measure // outcome letter under the Wkkgz: the measures taken, each with its term
	// ConsentAnswered: the complainant's answer about consent is on record, so the
	// acknowledgement does not ask it (data.AsksConsent).
	ConsentAnswered bool
	// Consent is where the complainant's consent stands (data.File.ConsentState): no
	// confidentiality statement after a refusal or a withdrawal.
	Consent data.ConsentState
	// Preview: a letter text shown in the settings on the latest complaint, whatever its stage
	// (an acknowledgement on a complaint whose receipt is confirmed); never saved or sent.
	Preview bool
	// FormSentOn: consent request: the day an acknowledgement that carried the consent form
	// was sent, so the request says the form comes again; zero when none was sent.
	FormSentOn data.Date

	// Body replaces the letter's text (the practice's own from settings, or the built-in one);
	// a preview sets it to a text that is not saved yet.
	Body string
	Logo []byte // PNG or JPEG for the letterhead; nil for none
}

// Render writes the letter as a PDF to w. Missing practice details, missing content (such as
// the outcome letter's verdict), a letter the complaint's state does not allow, characters the
// font cannot print and lines too long for the page stop it with a *data.Error that says what
// to fill in or change; nothing is written then.
func Render(w io.Writer, in Input) error { return renderOn(w, in, blankPDF) }

// renderOn is Render on a blankPDF that blank gives once the letter has passed its checks.
func renderOn(w io.Writer, in Input, blank func() *gofpdf.Fpdf) error {
	in = tidy(in)
	if err := check(&in); err != nil {
		return err
	}
	if err := checkPrinted(&in, append(slices.Clone(letterheadKeys), signatureKeys...)); err != nil {
		return err
	}
	body, form, err := expandTexts(&in)
	if err != nil {
		return err
	}
	d, err := newDocument(&in, blank())
	if err != nil {
		return err
	}
	if err := d.letter(body, form); err != nil {
		return err
	}
	return d.write(w)
}

// Sent is a letter made and sent: it told what stood on the day it was made, and the
// complainant knows it from the day it went out.
type Sent struct {
	Made, On  data.Date
	ContactID int64 // the contact moment its sending recorded
}

// stage refuses a letter the complaint's stage does not allow (data.LetterMakeRefusal,
// data.ExpertLetterRefusal); a preview of a letter text in the settings is shown on the latest
// complaint whatever its stage.
func stage(in *Input) error {
	if in.Preview {
		return nil
	}
	c := &in.Complaint
	if err := notClosed(in.Kind, c); err != nil {
		return err
	}
	if err := data.LetterMakeRefusal(c, in.Kind); err != nil {
		return err
	}
	if in.Kind == data.LetterConfidentiality {
		return data.ExpertLetterRefusal(c, in.Consent)
	}
	return nil
}

// check refuses a letter that would be incomplete or that the complaint's state does not
// allow, before anything is laid out.
func check(in *Input) error {
	if _, err := data.ParseLetterKind(string(in.Kind)); err != nil {
		return err
	}
	if _, err := data.ParseLanguage(in.Language); err != nil {
		return err
	}
	if err := in.Settings.CheckLetterDetails(); err != nil {
		return err
	}
	c := &in.Complaint
	refuse := func(format string, a ...any) error {
		return data.NewError(data.CodeConflict, string(in.Kind), format, a...)
	}
	if err := stage(in); err != nil {
		return err
	}
	if err := sameLanguage(in); err != nil {
		return err
	}
	switch in.Kind {
	case data.LetterAcknowledgement:
		if in.Preview {
			break
		}
		// A date the letter names must still lie ahead when it arrives. Receipt is not confirmed
		// yet (data.LetterMakeRefusal), so the term cannot be extended first: the refusal gives
		// the way that works.
		if in.Language == "en" && complaintsOfficer(in) == "" && c.DeadlinePolicy == data.PolicyWkkgz && strings.TrimSpace(in.Settings.ComplaintsOfficer()) != "" {
			return data.NewError(data.CodeConflict, data.KeyComplaintsOfficerEn, "de ontvangstbevestiging in het Engels voor klacht %s kan nog niet worden gemaakt: de klachtenfunctionaris staat alleen in het Nederlands in de instellingen (complaints_officer). Vul de Engelse tekst in bij Instellingen › Brieven › Klachtenfunctionaris in het Engels (complaints_officer_en)", c.Reference)
		}
		if !c.DueOn.IsZero() && !c.DueOn.After(in.Date) {
			return refuse("de streefdatum van klacht %s (%s) is op de datum van de brief (%s) al bereikt; de ontvangstbevestiging zou de klager een datum noemen die voorbij is. Bevestig de ontvangst met een eigen brief of e-mail, met excuses voor de vertraging, en leg die vast met ‘Ontvangst bevestigd zonder brief uit het programma’%s; verleng daarna de termijn met reden en nieuwe datum: het voortgangsbericht legt de klager uit hoe het verder gaat", c.Reference, c.DueOn, in.Date, data.ForCLI(" (acknowledge)"))
		}
	case data.LetterProgress:
		if u := in.Extension.Until; !u.IsZero() && !u.After(in.Date) && !in.Preview {
			return refuse("de nieuwe streefdatum van klacht %s (%s) is op de datum van de brief (%s) al bereikt; het voortgangsbericht zou de klager een datum noemen die voorbij is. Verleng de termijn opnieuw, met reden en een nieuwe datum", c.Reference, u, in.Date)
		}
		if in.Extension.Until.IsZero() {
			return refuse("klacht %s is niet verlengd; een voortgangsbericht legt een verlenging uit. Verleng eerst de termijn, met reden en nieuwe datum", c.Reference)
		}
	case data.LetterOutcome:
		var missing data.And
		if c.Verdict == "" {
			missing = append(missing, data.Msg("het oordeel (handel de klacht af met een oordeel)"))
		}
		if strings.TrimSpace(c.Outcome) == "" {
			missing = append(missing, data.Msg("de uitkomst met de motivering"))
		}
		body, key := in.Settings.DisputesBodyIn(in.Language)
		if strings.TrimSpace(in.Settings.DisputesBody()) == "" && strings.TrimSpace(body) == "" {
			missing = append(missing, data.Msg("de vervolgstap voor de klager (instelling disputes_body)"))
		}
		if c.DeadlinePolicy == data.PolicyWkkgz {
			for _, m := range in.Measures { // each with its term, which may not lie behind the letter already
				switch {
				case doneBy(m, in.Date):
				case m.DueOn.IsZero():
					missing = append(missing, data.Msg("de datum waarop verbetermaatregel %s uiterlijk is ingevoerd (onder de Wkkgz noemt de uitkomstbrief de termijn van elke maatregel; een uitgevoerde maatregel heeft die niet nodig)", m.Code))
				case m.DueOn.Before(in.Date):
					missing = append(missing, data.Msg("een nieuwe datum voor verbetermaatregel %s, die uiterlijk %s zou zijn ingevoerd (leg vast dat die is uitgevoerd, of kies een latere datum)", m.Code, m.DueOn))
				}
			}
		}
		if err := data.OutcomeLetterRefusal(c, len(in.Measures)); err != nil && !in.Preview {
			return err
		}
		if len(missing) > 0 {
			return refuse("de uitkomstbrief voor klacht %s kan nog niet worden gemaakt; er ontbreekt: %s", c.Reference, missing)
		}
		if strings.TrimSpace(body) == "" { // an English letter, and the practice's own Dutch text
			return data.NewError(data.CodeConflict, data.KeyDisputesBodyEn, "de uitkomstbrief in het Engels voor klacht %s kan nog niet worden gemaakt: de vervolgstap na de uitkomst is een eigen tekst van uw praktijk in het Nederlands (instelling disputes_body), en de Engelse tekst ervan ontbreekt. Vul die in bij Instellingen › Brieven › Vervolgstap na de uitkomst in het Engels (disputes_body_en)", c.Reference)
		}
		if key == data.KeyDisputesBodyEn {
			if p := data.BracketedName(body); p != "" {
				return data.NewError(data.CodeConflict, key, "de uitkomstbrief in het Engels voor klacht %s kan nog niet worden gemaakt: in de instelling disputes_body_en (Instellingen › Brieven › Vervolgstap na de uitkomst in het Engels) staat nog ‘%s’; vul daar de naam in van de instantie waarbij uw praktijk is aangesloten", c.Reference, p)
			}
		} else if p := in.Settings.DisputesBodyPlaceholder(); p != "" {
			return data.NewError(data.CodeConflict, data.KeyDisputesBody, "de uitkomstbrief voor klacht %s kan nog niet worden gemaakt: in de instelling disputes_body (Instellingen › Brieven › Vervolgstap na de uitkomst) staat nog ‘%s’; vul daar de naam in van de instantie waarbij uw praktijk is aangesloten", c.Reference, p)
		}
	case data.LetterInformation:
		if in.Preview {
			break
		}
		var req *data.Contact
		if in.Request.InfoRequested != "" {
			req = &in.Request
		}
		if err := data.InformationLetterRefusal(c, req, in.Date); err != nil {
			return err
		}
	case data.LetterConfidentiality:
		if in.Expert.Name == "" {
			return data.NewError(data.CodeInvalid, "expert", "kies de externe deskundige die de geheimhoudingsverklaring ondertekent")
		}
	}
	return checkAddress(in)
}

// sameLanguage refuses a letter in another language than the complaint's: the texts typed
// for its letters are in the complaint's language, and a letter would come out half in one
// and half in the other. The message names the fields that hold such text.
func sameLanguage(in *Input) error {
	c := &in.Complaint
	if c.Language == "" || c.Language == in.Language {
		return nil
	}
	var typed data.And // the fields with text of its own that this letter prints
	if c.LetterDescription != "" && in.Kind != data.LetterConfidentiality {
		typed = append(typed, data.Msg("de omschrijving voor de brieven (letter_description)"))
	}
	if in.Kind == data.LetterProgress && slices.ContainsFunc(extensions(in), func(e data.Extension) bool { return e.Reason != "" }) {
		typed = append(typed, data.Msg("de reden van de verlenging"))
	}
	if in.Kind == data.LetterInformation && in.Request.InfoRequested != "" {
		typed = append(typed, data.Msg("de gevraagde informatie"))
	}
	if in.Kind == data.LetterOutcome && c.Outcome != "" {
		typed = append(typed, data.Msg("de uitkomst"))
	}
	if len(typed) == 0 {
		return nil
	}
	own, other := data.LanguageName(c.Language), data.LanguageName(in.Language)
	// Which language the typed text is in, the register cannot tell: the message says where
	// it goes and both ways out, right whichever language it was typed in.
	if len(typed) == 1 {
		return data.NewError(data.CodeConflict, "language", "de brieven van klacht %[1]s zijn in het %[2]s, en %[3]s komt in de brief zoals die is getypt; maak de brief in het %[2]s, met die tekst in het %[2]s, of wijzig eerst de taal van de klacht en vul die tekst in het %[4]s in", c.Reference, own, typed, other)
	}
	return data.NewError(data.CodeConflict, "language", "de brieven van klacht %[1]s zijn in het %[2]s, en %[3]s komen in de brief zoals ze zijn getypt; maak de brief in het %[2]s, met die teksten in het %[2]s, of wijzig eerst de taal van de klacht en vul die teksten in het %[4]s in", c.Reference, own, typed, other)
}

// complaintsOfficer is who the acknowledgement of a complaint under the Wkkgz names as the free,
// independent help the act requires care providers to offer (setting complaints_officer, or
// complaints_officer_en for an English letter, without a closing full stop: the sentence adds
// one); "" for any other letter or complaint.
func complaintsOfficer(in *Input) string {
	if in.Kind != data.LetterAcknowledgement || in.Complaint.DeadlinePolicy != data.PolicyWkkgz {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(in.Settings.ComplaintsOfficerIn(in.Language)), ".")
}

// notClosed refuses a new letter for a closed complaint: its file is complete.
func notClosed(kind data.LetterKind, c *data.Complaint) error {
	if c.Status != data.StatusClosed {
		return nil
	}
	return data.NewError(data.CodeConflict, string(kind), "klacht %s is gesloten; er worden geen brieven meer voor gemaakt. Een eerder gemaakte brief kunt u wel opnieuw afdrukken%s", c.Reference, data.ForCLI(" (letter-copy)"))
}

// expandTexts expands the letter's body and, for the two forms, the statement to sign, and
// checks every character of them against the font.
func expandTexts(in *Input) (body, form string, err error) {
	tmpl := in.Body
	if tmpl == "" {
		tmpl = in.Settings[data.LetterTextKey(in.Kind, in.Language)]
	}
	if strings.TrimSpace(tmpl) == "" {
		tmpl = DefaultBody(in.Kind, in.Language)
	}
	vals := values(in)
	if body, err = data.ExpandTemplate(in.Kind, tmpl, vals); err != nil {
		// A practice's own text saved by an earlier version may hold what is refused now
		// (its own salutation): say which setting to correct.
		key := data.LetterTextKey(in.Kind, in.Language)
		if de := (*data.Error)(nil); in.Body == "" && tmpl == in.Settings[key] && errors.As(err, &de) {
			return "", "", data.NewError(de.Code, key, "in de brieftekst van de instelling %s, %s", key, de.Text)
		}
		return "", "", err
	}
	t, formKind := phrasebook[in.Language], in.formKind()
	closing := closingParagraph(body, vals["contactgegevens"])
	body = keepTogether(forRepresentative(in, body), t)
	var asks []string                                                            // what the form on the next page asks of the complainant, and the officer
	if officer := complaintsOfficer(in); officer != "" && toRepresentative(in) { // the complainant's right, told to whoever the letter goes to
		asks = append(asks, keepTogether(fmt.Sprintf(t.complaintsOfficerRep, complainantPerson(in).inSentence(t), officer), t))
	} else if officer != "" {
		asks = append(asks, keepTogether(fmt.Sprintf(t.complaintsOfficer, officer), t))
	}
	if formKind != in.Kind && toRepresentative(in) {
		asks = append(asks, fmt.Sprintf(t.consentEnclosedRep, complainantPerson(in).inSentence(t)))
	} else if formKind != in.Kind {
		asks = append(asks, t.consentEnclosed)
	}
	if in.Kind == data.LetterConsent && !in.FormSentOn.IsZero() && !in.ConsentAnswered {
		asks = append(asks, fmt.Sprintf(t.formSentBefore, formatDate(in.FormSentOn, in.Language)))
	}
	body = insertParagraphs(body, closing, asks)
	if toRepresentative(in) {
		who := complainantPerson(in)
		body = onceInFull(body, who.inSentence(t), who.short(t))
	}
	if s := t.formStatements[formKind]; s != "" {
		// A consent form that lists the file's documents to tick names them there, not twice.
		if formKind != data.LetterConsent || len(in.FileDocuments) == 0 || !in.DocumentsOfFile {
			s += "\n\n" + t.formDocuments
		}
		signed := maps.Clone(vals)
		signed["stukken"] = firstPerson(vals["stukken"], t)
		signed["naam"] = in.Complaint.Complainant.Name // the consent is the complainant's, also via a representative
		if org := in.Complaint.Complainant.Organisation; org != "" {
			signed["naam"] = fmt.Sprintf(t.signedFor, in.Complaint.Complainant.Name, org)
		}
		if form, err = data.ExpandTemplate(formKind, s, signed); err != nil {
			return "", "", err
		}
		if in.Complaint.Complainant.Organisation != "" && formKind == data.LetterConsent {
			form = reword(form, t.forOrganisation)
		}
		form = keepTogether(form, t)
	}
	if formKind == data.LetterConsent {
		form += "\n\n" + consentChoices(in)
	}
	if err := checkGlyphs("text", data.Msg("de tekst van de brief"), body+form); err != nil {
		return "", "", err
	}
	return body, form, nil
}

// closingParagraph is the index of the paragraph of body that tells how to reach the practice
// (the last one naming contact): what the letter adds about the form on the next page goes
// before it, not after the letter has said goodbye. -1 when no paragraph but the first names it:
// then at the end.
func closingParagraph(body, contact string) int {
	if contact == "" {
		return -1
	}
	paras := strings.Split(body, "\n\n")
	for i, p := range slices.Backward(paras) {
		if strings.Contains(p, contact) && i > 0 { // not before the letter's opening
			return i
		}
	}
	return -1
}

// insertParagraphs puts paras into body before its paragraph at, or at the end when at < 0.
func insertParagraphs(body string, at int, paras []string) string {
	if len(paras) == 0 {
		return body
	}
	all := strings.Split(body, "\n\n")
	if at < 0 || at >= len(all) {
		at = len(all)
	}
	return strings.Join(slices.Insert(all, at, paras...), "\n\n")
}
