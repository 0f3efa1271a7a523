package data

import (
	"slices"
	"strings"
)

// Expert is an independent professional the practice may consult. Documents of a complaint go
// to an expert only after they signed a confidentiality statement for that complaint.
type Expert struct {
	ID   int64  `json:"id"`
	Name string `json:"name"` // the full name as typed, for the register
	NameParts
	Title        string `json:"title"`       // before the name in the address only: "prof. dr."
	TitleAfter   string `json:"title_after"` // after the name in the address only: "RA"
	Organisation string `json:"organisation"`
	AddressLine1 string `json:"address_line1"`
	AddressLine2 string `json:"address_line2"`
	Postcode     string `json:"postcode"`
	City         string `json:"city"`
	Country      string `json:"country"`
	Email        string `json:"email"`
	SignedOn     Date   `json:"confidentiality_signed_on"`
}

// Documents names documents of one complaint file by id: its letters (each version has its
// own id) and its attachments. All is the complainant's consent for every document of the
// file, those added later included.
type Documents struct {
	All         bool    `json:"all_documents"`
	Letters     []int64 `json:"letters"`
	Attachments []int64 `json:"attachments"`
}

// None reports whether no document is named.
func (d Documents) None() bool { return !d.All && len(d.Letters) == 0 && len(d.Attachments) == 0 }

// Covers reports whether every document of want is among d.
func (d Documents) Covers(want Documents) bool {
	if d.All {
		return true
	}
	for _, id := range want.Letters {
		if !slices.Contains(d.Letters, id) {
			return false
		}
	}
	for _, id := range want.Attachments {
		if !slices.Contains(d.Attachments, id) {
			return false
		}
	}
	return !want.All
}

// ConsentState is where the complainant's consent to involve an expert stands.
type ConsentState string

// The consent states. ConsentNotAsked is the zero value: nobody asked yet.
const (
	ConsentNotAsked  ConsentState = ""
	ConsentAsked     ConsentState = "asked"     // a letter asking consent was sent, no answer recorded
	ConsentGiven     ConsentState = "given"     // in force, for the documents it names
	ConsentRefused   ConsentState = "refused"   // the complainant said no
	ConsentWithdrawn ConsentState = "withdrawn" // given, then withdrawn
)

// Label is the state in the practitioner's words.
func (s ConsentState) Label() string {
	return map[ConsentState]string{ConsentNotAsked: "niet gevraagd", ConsentAsked: "gevraagd",
		ConsentGiven: "gegeven", ConsentRefused: "geweigerd", ConsentWithdrawn: "ingetrokken"}[s]
}

// Professor reports whether titles name a professor ("prof. dr.", "dr. prof."), whom a letter
// greets so: "Geachte professor Öztürk,".
func Professor(titles string) bool {
	t := strings.ToLower(titles)
	return strings.HasPrefix(t, "prof") || strings.Contains(t, " prof")
}

// Validate trims and checks the expert as SaveExpert takes it (the expert dialog and the CLI
// alike), against today (the day the statement was signed) and the practice's settings (an
// address without a country lies in the practice's), filling in a proposal for the parts of
// the name that are empty. The CLI asks it before it makes a register, so that refused input
// leaves no file.
func (e *Expert) Validate(today Date, set Settings) error {
	if err := cleanTexts(textField{"expert_name", &e.Name, lineRule.as("de naam van de deskundige")},
		textField{"organisation", &e.Organisation, lineRule.as("de organisatie")},
		textField{"expert_email", &e.Email, lineRule.as("het e-mailadres")}); err != nil {
		return err
	}
	for _, p := range []*string{&e.Title, &e.TitleAfter, &e.AddressLine1, &e.AddressLine2, &e.Postcode, &e.City, &e.Country} {
		*p = strings.TrimSpace(*p)
	}
	switch {
	case e.Name == "":
		return invalid("expert_name", "vul de naam van de deskundige in")
	case (e.AddressLine1 == "") != (e.City == ""):
		return invalid("expert_address", "vul van het postadres van de deskundige zowel het adres als de plaats in, of laat beide leeg")
	}
	var err error
	if e.Postcode, err = checkPostcode("expert_", e.Postcode, e.Country, set.PracticeCountry()); err != nil {
		return err
	}
	if err := checkEmail("expert_", e.Email); err != nil {
		return err
	}
	e.proposeTitles()
	if err := e.NameParts.check("expert_", &e.Name); err != nil {
		return err
	}
	if !e.SignedOn.IsZero() && e.SignedOn.After(today) {
		return invalid("signed_on", "de datum van ondertekening ligt in de toekomst")
	}
	return nil
}

// proposeTitles fills in, for a name given without its parts (the CLI's expert --name), the
// name's parts without the titles it was typed with and, where none was given, those titles:
// "drs. P. Bakker" gives the title "drs." and the initials "P.", as the expert dialog proposes
// them. Parts given (the dialog's, or stored) are left alone, and so are titles taken out of
// them on purpose.
func (e *Expert) proposeTitles() {
	if e.Surname != "" || e.Initials != "" {
		return
	}
	before, rest, after := SplitTitles(e.Name)
	if before == "" && after == "" {
		return
	}
	if e.Title == "" {
		e.Title = before
	}
	if e.TitleAfter == "" {
		e.TitleAfter = after
	}
	p := ProposeName(rest)
	e.Initials, e.Surname = p.Initials, p.Surname
}

// Consent is the complainant's answer to the request to share copies of documents with an
// expert: given for the documents it names, or refused. The latest answer counts.
type Consent struct {
	ID          int64  `json:"id"`
	GivenOn     Date   `json:"given_on"` // the day of the answer, also for a refusal
	How         string `json:"how"`      // in writing, by e-mail, by phone ...
	Refused     bool   `json:"refused"`
	Scope       string `json:"scope"` // the documents in words, as the file and the statement letter show them
	WithdrawnOn Date   `json:"withdrawn_on"`
	Documents
}

// State is this answer's state.
func (c Consent) State() ConsentState {
	switch {
	case c.Refused:
		return ConsentRefused
	case !c.WithdrawnOn.IsZero():
		return ConsentWithdrawn
	}
	return ConsentGiven
}

// Statement is the confidentiality statement an expert signed for one complaint, in answer to
// the statement letter made for it.
type Statement struct {
	ID         int64  `json:"id"`
	ExpertID   int64  `json:"expert_id"`
	ExpertName string `json:"expert"`
	LetterID   int64  `json:"letter_id"`
	SignedOn   Date   `json:"signed_on"`
}

// Share records which documents went to which expert, when.
type Share struct {
	ID          int64   `json:"id"`
	ExpertID    int64   `json:"expert_id"`
	ExpertName  string  `json:"expert"`
	SharedOn    Date    `json:"shared_on"`
	Documents   string  `json:"documents"` // in words
	Letters     []int64 `json:"letters"`
	Attachments []int64 `json:"attachments"`
}

// picked is the share's documents as a Documents value.
func (sh Share) picked() Documents {
	return Documents{Letters: sh.Letters, Attachments: sh.Attachments}
}

// ConsentState is where consent stands in the file: the latest answer, or asked when a letter
// asking it was sent and no answer is recorded, and when it was so.
func (f *File) ConsentState() (ConsentState, Date) {
	if n := len(f.Consents); n > 0 {
		c := f.Consents[n-1]
		if c.State() == ConsentWithdrawn {
			return ConsentWithdrawn, c.WithdrawnOn
		}
		return c.State(), c.GivenOn
	}
	for _, l := range f.Letters {
		if l.AsksConsent && !l.SentOn.IsZero() {
			return ConsentAsked, l.SentOn
		}
	}
	return ConsentNotAsked, Date{}
}

// AsksConsent says whether a letter of this kind for complaint c asks the complainant's
// consent: the consent letter always, the acknowledgement of a formal complaint when the
// setting ask_consent_on_ack is on (the procedure asks it when the complaint is filed), with
// the consent form enclosed, unless answered: the complainant's answer (given, refused or
// withdrawn) is already on record, and the acknowledgement does not ask again.
func AsksConsent(kind LetterKind, c *Complaint, s Settings, answered bool) bool {
	return kind == LetterConsent || kind == LetterAcknowledgement && c.Formal && s.AskConsentOnAck() && !answered
}

// consentRefusal checks an answer before it is stored: a given consent says how it was given
// and names documents; a refusal names none. It returns nil when the answer can be recorded.
func consentRefusal(ref string, c Consent) error {
	switch {
	case c.How == "":
		return invalid("how", "vul in hoe de klager heeft geantwoord (schriftelijk, per e-mail, ...)")
	case c.Refused && !c.Documents.None():
		return invalid("documents", "een weigering noemt geen stukken; laat de stukken weg")
	case !c.Refused && c.Documents.None():
		return invalid("documents", "geef aan voor welke stukken van klacht %s de toestemming geldt: alle stukken, of alleen de brieven en bijlagen waarvoor de klager toestemming gaf", ref)
	}
	return nil
}

// statementRefusal is the rule for recording a signed confidentiality statement: it answers
// the statement letter for this complaint and expert, so it is signed on or after the date that
// letter carries (dated: zero while none was made), and not in the future.
func statementRefusal(ref, expert string, dated, signed, today Date) error {
	switch {
	case signed.IsZero():
		return invalid("signed", "vul de datum in waarop de deskundige de geheimhoudingsverklaring heeft ondertekend")
	case signed.After(today):
		return invalid("signed", "de datum van ondertekening (%s) ligt in de toekomst", signed)
	case dated.IsZero():
		return conflict("voor klacht %s is nog geen geheimhoudingsverklaring voor %s gemaakt; maak eerst die brief%s en leg daarna de ondertekening vast", ref, expert,
			ForCLI(" (letter "+ref+" confidentiality --expert ID -o BESTAND.pdf)"))
	case signed.Before(dated):
		return invalid("signed", "de ondertekening (%s) ligt vóór de datum van de geheimhoudingsverklaring voor klacht %s (%s)", signed, ref, dated)
	}
	return nil
}

// shareRefusal is the rule for sending documents to an expert on the day sh.SharedOn, once
// the file allows consulting an expert at all (StepRefusal: not closed, withdrawn or
// anonymous): the expert signed a statement for this complaint on or
// before that day, the complainant's consent is in force then (consent: the latest answer
// given on or before that day, nil for none) and names every document picked.
// names describes the consent's documents for the refusal.
func shareRefusal(c *Complaint, sh Share, signed Date, consent *Consent, names DocumentNames) error {
	if sh.picked().None() {
		return invalid("documents", "kies de stukken die u deelt%s", ForCLI(" (brieven met --letter ID, bijlagen met --attachment ID)"))
	}
	if signed.IsZero() || signed.After(sh.SharedOn) {
		return conflict("stukken delen met %s kan niet: voor klacht %s is geen geheimhoudingsverklaring vastgelegd die %s op of vóór %s heeft ondertekend; leg eerst de ondertekende verklaring vast%s",
			sh.ExpertName, c.Reference, sh.ExpertName, sh.SharedOn, ForCLI(" (expert-statement "+c.Reference+" --expert ID --signed JJJJ-MM-DD)"))
	}
	switch {
	case consent == nil:
		return conflict("stukken delen kan niet: voor klacht %s is op %s geen toestemming van de klager vastgelegd om stukken met een externe deskundige te delen; leg eerst de toestemming van de klager vast%s",
			c.Reference, sh.SharedOn, ForCLI(" (consent "+c.Reference+")"))
	case consent.Refused:
		return conflict("stukken delen kan niet: de klager van %s heeft geen toestemming gegeven om stukken met een externe deskundige te delen", c.Reference)
	case !consent.WithdrawnOn.IsZero() && !consent.WithdrawnOn.After(sh.SharedOn):
		return conflict("stukken delen kan niet: de klager van %s heeft de toestemming om stukken met een externe deskundige te delen op %s ingetrokken", c.Reference, consent.WithdrawnOn)
	}
	if !consent.Covers(sh.picked()) {
		return conflict("stukken delen kan niet: de toestemming van de klager geldt alleen voor %s", names.Describe(consent.Documents))
	}
	return nil
}

// DocumentNames are the names of a file's letters and attachments by id, as a consent or a
// share describes its documents.
type DocumentNames struct {
	Letters     map[int64]Text
	Attachments map[int64]string
	notOffered  map[int64]bool // letters a consent may not name (Letter.Offered): unsent, or an expert's statement
}

// Names are the names of the file's letters and attachments, to describe a consent's or a
// share's documents in the screens' language.
func (f *File) Names() DocumentNames {
	n := DocumentNames{Letters: map[int64]Text{}, Attachments: map[int64]string{}}
	for _, l := range f.Letters {
		n.Letters[l.ID] = letterName(l.Kind, l.Version)
	}
	for _, a := range f.Attachments {
		n.Attachments[a.ID] = a.Name
	}
	return n
}

// letterName is a letter of the file as a list of documents names it: "ontvangstbevestiging, versie 1".
// (Ids and versions are ints, so that a Text stored in an event reads back the same.)
func letterName(kind LetterKind, version int) Text { return Msg("%s, versie %d", kind, version) }

// Describe is documents in words: "alle stukken uit het klachtdossier" or "brief 4
// (ontvangstbevestiging, versie 1), bijlage 2 (klachtbrief.pdf)". The register keeps its Dutch
// (Consent.Scope, Share.Documents); the desktop app says it in the screens' language.
func (n DocumentNames) Describe(d Documents) Text {
	if d.All {
		return Msg("alle stukken uit het klachtdossier")
	}
	var parts List
	for _, id := range d.Letters {
		if name, ok := n.Letters[id]; ok {
			parts = append(parts, Msg("brief %d (%s)", int(id), name))
		} else {
			parts = append(parts, Msg("brief %d", int(id)))
		}
	}
	for _, id := range d.Attachments {
		if name := n.Attachments[id]; name != "" { // an anonymised file's have no name
			parts = append(parts, Msg("bijlage %d (%s)", int(id), name))
		} else {
			parts = append(parts, Msg("bijlage %d", int(id)))
		}
	}
	return Msg("%s", parts)
}
