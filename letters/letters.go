package letters

import (
	"fmt"
	"io"
	"slices"
	"strings"

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

	Extension       data.Extension // progress letter: the latest extension
	Contacts        []data.Contact // progress letter: what happened so far
	ExpertConsulted bool           // progress letter: documents went to an expert
	Expert          data.Expert    // confidentiality statement: who signs it
	Documents       string         // consent and confidentiality: which documents; "" describes them in general

	// Body replaces the letter's text (the practice's own from settings, or the built-in one);
	// a preview sets it to a text that is not saved yet.
	Body string
	Logo []byte // PNG or JPEG for the letterhead; nil for none
}

// Render writes the letter as a PDF to w. Missing practice details, missing content (such as
// the outcome letter's verdict), a letter the complaint's state does not allow, characters the
// font cannot print and lines too long for the page stop it with a *data.Error that says what
// to fill in or change; nothing is written then.
func Render(w io.Writer, in Input) error {
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
	d, err := newDocument(&in)
	if err != nil {
		return err
	}
	if err := d.letter(body, form); err != nil {
		return err
	}
	return d.write(w)
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
	if err := practiceComplete(in.Settings); err != nil {
		return err
	}
	c := &in.Complaint
	refuse := func(format string, a ...any) error {
		return &data.Error{Code: data.CodeConflict, Field: string(in.Kind), Message: fmt.Sprintf(format, a...)}
	}
	if err := notClosed(in.Kind, c); err != nil {
		return err
	}
	switch in.Kind {
	case data.LetterAcknowledgement:
		if !c.Formal {
			return refuse("klacht %s is informeel; een ontvangstbevestiging hoort bij de formele klachtenprocedure. Start eerst de formele procedure", c.Reference)
		}
	case data.LetterProgress:
		if !c.Status.Open() {
			return refuse("klacht %s is %s; een voortgangsbericht hoort bij een klacht die nog in behandeling is", c.Reference, c.Status.Label())
		}
		if in.Extension.Until.IsZero() {
			return refuse("klacht %s is niet verlengd; een voortgangsbericht legt een verlenging uit. Verleng eerst de termijn, met reden en nieuwe datum", c.Reference)
		}
	case data.LetterOutcome:
		var missing []string
		if c.Verdict == "" {
			missing = append(missing, "het oordeel (handel de klacht af met een oordeel)")
		}
		if strings.TrimSpace(c.Outcome) == "" {
			missing = append(missing, "de uitkomst met de motivering")
		}
		if strings.TrimSpace(in.Settings.DisputesBody()) == "" {
			missing = append(missing, "de vervolgstap voor de klager (instelling disputes_body)")
		}
		if len(missing) > 0 {
			return refuse("de uitkomstbrief voor klacht %s kan nog niet worden gemaakt; er ontbreekt: %s", c.Reference, joinAnd(missing, "en"))
		}
	case data.LetterConfidentiality:
		if in.Expert.Name == "" {
			return &data.Error{Code: data.CodeInvalid, Field: "expert", Message: "kies de externe deskundige die de geheimhoudingsverklaring ondertekent"}
		}
	}
	return nil
}

// notClosed refuses a new letter for a closed complaint: its file is complete.
func notClosed(kind data.LetterKind, c *data.Complaint) error {
	if c.Status != data.StatusClosed {
		return nil
	}
	return &data.Error{Code: data.CodeConflict, Field: string(kind), Message: fmt.Sprintf(
		"klacht %s is gesloten; er worden geen brieven meer voor gemaakt. Een eerder gemaakte brief kunt u wel opnieuw afdrukken", c.Reference)}
}

// requiredSettings are the practice details no letter goes out without: the letterhead's
// name, the place in the date line and the signatory.
var requiredSettings = []string{data.KeyPracticeName, data.KeyPracticeCity, data.KeyPractitionerName}

// practiceComplete refuses letters on a letterhead without the practice's name, place or
// signatory, naming the settings to fill in.
func practiceComplete(set data.Settings) error {
	var missing []string
	for _, k := range requiredSettings {
		if strings.TrimSpace(set[k]) == "" {
			missing = append(missing, settingName(k))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &data.Error{Code: data.CodeConflict, Field: "settings", Message: fmt.Sprintf(
		"de praktijkgegevens zijn niet compleet; vul eerst in bij de instellingen: %s", strings.Join(missing, ", "))}
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
		return "", "", err
	}
	if s := phrasebook[in.Language].formStatements[in.Kind]; s != "" {
		if form, err = data.ExpandTemplate(in.Kind, s, vals); err != nil {
			return "", "", err
		}
	}
	if err := checkGlyphs("text", "de tekst van de brief", body+form); err != nil {
		return "", "", err
	}
	return body, form, nil
}
