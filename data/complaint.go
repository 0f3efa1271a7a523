package data

import (
	"slices"
	"strings"
	"time"
)

// Channel is how a complaint reached the practice.
type Channel string

// The channels.
const (
	ChannelConversation Channel = "conversation"
	ChannelPhone        Channel = "phone"
	ChannelLetter       Channel = "letter"
	ChannelEmail        Channel = "email"
	ChannelOther        Channel = "other"
)

// Channels lists every channel in display order.
var Channels = []Channel{ChannelConversation, ChannelPhone, ChannelLetter, ChannelEmail, ChannelOther}

// Label is the channel in the practitioner's words.
func (c Channel) Label() string {
	return map[Channel]string{ChannelConversation: "gesprek", ChannelPhone: "telefoon", ChannelLetter: "brief",
		ChannelEmail: "e-mail", ChannelOther: "anders"}[c]
}

// Subject is what a complaint is about.
type Subject string

// The subjects.
const (
	SubjectEmployee     Subject = "employee"
	SubjectService      Subject = "service"
	SubjectOrganisation Subject = "organisation"
	SubjectOther        Subject = "other"
)

// Subjects lists every subject in display order.
var Subjects = []Subject{SubjectEmployee, SubjectService, SubjectOrganisation, SubjectOther}

// Label is the subject in the practitioner's words.
func (s Subject) Label() string {
	return map[Subject]string{SubjectEmployee: "medewerker", SubjectService: "dienstverlening",
		SubjectOrganisation: "organisatie", SubjectOther: "anders"}[s]
}

// Verdict is the decision on a resolved complaint.
type Verdict string

// The verdicts.
const (
	VerdictWellFounded       Verdict = "well_founded"
	VerdictPartlyWellFounded Verdict = "partly_well_founded"
	VerdictUnfounded         Verdict = "unfounded"
	VerdictSettled           Verdict = "settled"
)

// Verdicts lists every verdict in display order.
var Verdicts = []Verdict{VerdictWellFounded, VerdictPartlyWellFounded, VerdictUnfounded, VerdictSettled}

// Label is the verdict in the practitioner's words.
func (v Verdict) Label() string {
	return map[Verdict]string{VerdictWellFounded: "gegrond", VerdictPartlyWellFounded: "deels gegrond",
		VerdictUnfounded: "ongegrond", VerdictSettled: "in overleg opgelost"}[v]
}

// Complainant is the person who complains. Their details appear only in letters to them
// and are the personal data that retention later erases.
type Complainant struct {
	Name string `json:"name"` // the full name as typed, for the register
	NameParts
	// Organisation is the company or foundation the person speaks for: the complainant then is
	// the organisation, and Name its contact person, whom the letters address ("t.a.v."). For a
	// representative, their firm. "" for a private person.
	Organisation string `json:"organisation"`
	AddressLine1 string `json:"address_line1"`
	AddressLine2 string `json:"address_line2"`
	Postcode     string `json:"postcode"`
	City         string `json:"city"`
	Country      string `json:"country"`
	Email        string `json:"email"`
	Phone        string `json:"phone"`
}

// Complaint is one expression of dissatisfaction, informal or filed under the formal procedure.
type Complaint struct {
	ID          int64       `json:"-"`
	Reference   string      `json:"reference"`
	ReceivedOn  Date        `json:"received_on"`
	Channel     Channel     `json:"channel"`
	Formal      bool        `json:"formal"`
	FiledOn     Date        `json:"filed_on"` // start of the formal procedure; zero while informal
	Subject     Subject     `json:"subject"`
	PersonNamed string      `json:"person_named"`
	Handler     string      `json:"handler"`
	Summary     string      `json:"summary"`
	Description string      `json:"description"`
	Desired     string      `json:"desired_outcome"`
	Complainant Complainant `json:"complainant"`
	// Representative is the gemachtigde who files for the complainant; letters go to them.
	// Its Name is "" when there is none.
	Representative Complainant `json:"representative"`
	// LetterDescription is how the letters name the complaint, written to the complainant
	// ("uw klacht van 3 december 2026 over de factuur"); "" means a description built from the
	// date and subject. The internal Summary is never quoted in a letter.
	LetterDescription string `json:"letter_description"`
	Language          string `json:"language"` // of the letters: nl or en; "" at intake means the setting language
	// Anonymous: registered without a name, for the evaluation only; informal, no letters.
	Anonymous bool `json:"anonymous"`
	PhoneIntake

	Status         Status `json:"status"`
	AckDueOn       Date   `json:"ack_due_on"`
	AcknowledgedOn Date   `json:"acknowledged_on"`
	DueOn          Date   `json:"due_on"`
	// DeadlinePolicy is the regime the complaint was filed under (setting deadline_policy at the
	// time); its deadlines and extension limits keep following it.
	DeadlinePolicy string  `json:"deadline_policy"`
	ResolvedOn     Date    `json:"resolved_on"`
	Verdict        Verdict `json:"verdict"`
	Outcome        string  `json:"outcome"`
	ClosedOn       Date    `json:"closed_on"`
	WithdrawnOn    Date    `json:"withdrawn_on"`
	// NoMeasureReason says why a complaint found (partly) well-founded needs no measure
	// against recurrence; see Store.RecordNoMeasure.
	NoMeasureReason string `json:"no_measure_reason"`
	// NoHearingReason says why a formal complaint was decided without hearing the complainant
	// or the person it concerns.
	NoHearingReason string `json:"no_hearing_reason"`
	// Justified says, for a complaint settled in consultation, whether it was (partly)
	// justified; "" for other verdicts.
	Justified Justified `json:"justified"`

	// ImportedFrom and ImportedLine say where an imported complaint came from (the file's
	// name and its line or row there); empty and 0 for a complaint registered in the app.
	// OriginalReference is the reference it had in that register, if the sheet gave one.
	ImportedFrom      string `json:"imported_from"`
	ImportedLine      int    `json:"imported_line"`
	OriginalReference string `json:"original_reference"`

	// Held is a legal hold (a pending disciplinary case, a court case): the complaint is kept
	// out of anonymisation and erasure until the hold is released; HoldReason says why.
	Held       bool   `json:"held"`
	HoldReason string `json:"hold_reason"`
	// AnonymisedOn is the day the complainant's personal data was removed (retention or an
	// erasure request); zero while it is kept. What stays is what the annual report needs.
	AnonymisedOn Date `json:"anonymised_on"`
}

// PhoneIntake is what the procedure asks of a formal complaint taken by phone: that the
// complainant explicitly asked for the formal procedure, and who took the call.
type PhoneIntake struct {
	TakenBy         string `json:"taken_by"`
	ExplicitRequest bool   `json:"explicit_request"`
	// InWriting: a complaint first made by phone was then filed in writing (a letter, an
	// e-mail), the procedure's other way in; no phone intake applies. Only the step that starts
	// the formal procedure takes it, and its timeline entry records it.
	InWriting bool `json:"-"`
}

// Imported reports whether the complaint was taken over from an earlier register instead of
// being handled in the app from its receipt.
func (c *Complaint) Imported() bool { return c.ImportedFrom != "" }

// earliestReceipt is the earliest date of receipt the register takes: anything before is a typo.
var earliestReceipt = NewDate(1900, 1, 1)

// Validate checks the fields a person fills in, against today's date and the practice's
// settings (an address without a country lies in the practice's country). The first problem
// is returned, with Field set for the form.
func (c *Complaint) Validate(today Date, set Settings) error {
	if err := c.clean(); err != nil {
		return err
	}
	if c.Anonymous {
		if err := c.anonymousRefusal(); err != nil {
			return err
		}
	}
	switch {
	case c.Complainant.Name == "" && c.Complainant.Organisation != "":
		return invalid("name", "vul de naam in van de contactpersoon van %s: de brieven zijn aan hem of haar gericht", c.Complainant.Organisation)
	case c.Complainant.Name == "" && !c.Anonymous:
		return invalid("name", "vul de naam van de klager in")
	case c.ReceivedOn.IsZero():
		return invalid("received_on", "vul de datum van ontvangst in")
	case c.ReceivedOn.After(today):
		return invalid("received_on", "de datum van ontvangst (%s) ligt in de toekomst; vul de dag in waarop de klacht binnenkwam", c.ReceivedOn)
	case c.ReceivedOn.Before(earliestReceipt):
		return invalid("received_on", "de datum van ontvangst (%s) ligt vóór 1900; vul de dag in waarop de klacht binnenkwam", c.ReceivedOn)
	case c.Summary == "":
		return invalid("summary", "vul bij ‘Klacht in het kort’ in waar de klacht over gaat")
	case !slices.Contains(Channels, c.Channel):
		return invalid("channel", "onbekend kanaal %q; kies uit %s", string(c.Channel), joinAll(Channels))
	case !slices.Contains(Subjects, c.Subject):
		return invalid("subject", "onbekend onderwerp %q; kies uit %s", string(c.Subject), joinAll(Subjects))
	}
	p := &c.Complainant
	var err error
	if p.Postcode, err = checkPostcode("", p.Postcode, p.Country, set.PracticeCountry()); err != nil {
		return err
	}
	if err := checkEmail("", p.Email); err != nil {
		return err
	}
	if err := p.NameParts.check("", &p.Name); err != nil {
		return err
	}
	if err := c.checkRepresentative(set); err != nil {
		return err
	}
	if c.Language != "" && !slices.Contains(Languages, c.Language) {
		return invalid("language", "onbekende taal %q voor de brieven; kies uit nl, en", c.Language)
	}
	return nil
}

// clean checks and trims every text field (see cleanText).
func (c *Complaint) clean() error {
	p := &c.Complainant
	if err := cleanTexts(
		textField{"name", &p.Name, lineRule.as("de naam van de klager")},
		textField{"organisation", &p.Organisation, lineRule.as("de naam van de organisatie")},
		textField{"summary", &c.Summary, summaryRule},
		textField{"description", &c.Description, textRule20k.as("de omschrijving")},
		textField{"desired_outcome", &c.Desired, textRule20k.as("de gewenste uitkomst")},
		textField{"person_named", &c.PersonNamed, lineRule.as("de naam van wie de klacht betreft")},
		textField{"handler", &c.Handler, lineRule.as("de naam van de behandelaar")},
		textField{"address_line1", &p.AddressLine1, lineRule.as("het adres")},
		textField{"address_line2", &p.AddressLine2, lineRule.as("het adres")},
		textField{"postcode", &p.Postcode, lineRule.as("de postcode")},
		textField{"city", &p.City, lineRule.as("de woonplaats")},
		textField{"country", &p.Country, lineRule.as("het land")},
		textField{"email", &p.Email, lineRule.as("het e-mailadres")},
		textField{"phone", &p.Phone, lineRule.as("het telefoonnummer")},
		textField{"taken_by", &c.TakenBy, lineRule.as("wie het gesprek aannam")},
		textField{"letter_description", &c.LetterDescription, summaryRule.as("de omschrijving in de brieven")},
		textField{"language", &c.Language, lineRule.as("de taal")},
	); err != nil {
		return err
	}
	return c.Representative.clean("rep_", Msg("van de gemachtigde"))
}

// clean checks and trims the address and contact fields of a representative (see cleanText),
// with field names under prefix.
func (p *Complainant) clean(prefix string, whose Text) error {
	return cleanTexts(
		textField{prefix + "name", &p.Name, lineRule.as("de naam %s", whose)},
		textField{prefix + "organisation", &p.Organisation, lineRule.as("de organisatie %s", whose)},
		textField{prefix + "address", &p.AddressLine1, lineRule.as("het adres %s", whose)},
		textField{prefix + "address2", &p.AddressLine2, lineRule.as("het adres %s", whose)},
		textField{prefix + "postcode", &p.Postcode, lineRule.as("de postcode %s", whose)},
		textField{prefix + "city", &p.City, lineRule.as("de plaats %s", whose)},
		textField{prefix + "country", &p.Country, lineRule.as("het land %s", whose)},
		textField{prefix + "email", &p.Email, lineRule.as("het e-mailadres %s", whose)},
		textField{prefix + "phone", &p.Phone, lineRule.as("het telefoonnummer %s", whose)},
	)
}

// checkRepresentative checks the gemachtigde: a name whenever any of their details is filled
// in, and the postal address the letters then go to.
func (c *Complaint) checkRepresentative(set Settings) error {
	r := &c.Representative
	if r.Name == "" {
		if r.Organisation+r.AddressLine1+r.AddressLine2+r.Postcode+r.City+r.Country+r.Email+r.Phone+r.Surname+r.Initials != "" {
			return invalid("rep_name", "vul de naam van de gemachtigde in, of laat alle gegevens van de gemachtigde leeg")
		}
		r.NameParts = NameParts{}
		return nil
	}
	if r.AddressLine1 == "" || r.City == "" {
		return invalid("rep_address", "vul het adres en de plaats van de gemachtigde (%s) in: de brieven gaan naar de gemachtigde", r.Name)
	}
	var err error
	if r.Postcode, err = checkPostcode("rep_", r.Postcode, r.Country, set.PracticeCountry()); err != nil {
		return err
	}
	if err := checkEmail("rep_", r.Email); err != nil {
		return err
	}
	return r.NameParts.check("rep_", &r.Name)
}

// ParseVerdict checks a verdict name as typed on the CLI or stored in a form.
func ParseVerdict(s string) (Verdict, error) {
	v := Verdict(s)
	if !slices.Contains(Verdicts, v) {
		return "", invalid("verdict", "onbekend oordeel %q; kies uit %s", s, joinAll(Verdicts))
	}
	return v, nil
}

// ParseChannel checks a channel name.
func ParseChannel(s string) (Channel, error) {
	c := Channel(s)
	if !slices.Contains(Channels, c) {
		return "", invalid("channel", "onbekend kanaal %q; kies uit %s", s, joinAll(Channels))
	}
	return c, nil
}

// ParseSubject checks a subject name.
func ParseSubject(s string) (Subject, error) {
	v := Subject(s)
	if !slices.Contains(Subjects, v) {
		return "", invalid("subject", "onbekend onderwerp %q; kies uit %s", s, joinAll(Subjects))
	}
	return v, nil
}

// Today is the calendar day of now in the machine's local zone, where the practice is.
func Today(now time.Time) Date { return DateOf(now.Local()) }

func joinAll[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// fileFormally starts the formal procedure on day on, the day the complaint was filed in
// writing or the complainant asked for it explicitly: the deadlines for confirming receipt
// and for the resolution run from that day. An anonymous complaint cannot be formal, and a
// phone complaint only with p: the explicit request and who took the call.
func (c *Complaint) fileFormally(on Date, s Settings, p PhoneIntake) error {
	if err := c.FormalRefusal(p); err != nil {
		return err
	}
	c.PhoneIntake = PhoneIntake{} // recorded only for the way in that asks it
	if c.Channel == ChannelPhone && !p.InWriting {
		c.PhoneIntake = PhoneIntake{TakenBy: strings.TrimSpace(p.TakenBy), ExplicitRequest: p.ExplicitRequest}
	}
	c.Formal, c.FiledOn, c.DeadlinePolicy = true, on, s.Policy()
	c.AckDueOn, c.DueOn = ShortTermDue(on, s), ResolutionDue(on, c.DeadlinePolicy, s)
	return nil
}

// FormalRefusal says why complaint c cannot enter the formal procedure with phone intake p, or
// nil: an anonymous complaint never can, a phone complaint only with who took the call and the
// complainant's explicit request, unless it was then filed in writing. The intake form and the
// escalate dialog ask it too.
func (c *Complaint) FormalRefusal(p PhoneIntake) error {
	if c.Anonymous {
		return invalid("formal", "een anonieme klacht wordt alleen informeel geregistreerd, voor de evaluatie: voor de formele procedure zijn naam en adres van de klager nodig")
	}
	if c.Channel == ChannelPhone && !p.InWriting {
		switch {
		case strings.TrimSpace(p.TakenBy) == "":
			return invalid("taken_by", "een telefonische klacht wordt alleen formeel als vastligt wie het gesprek aannam; vul in wie de klacht telefonisch heeft aangenomen")
		case !p.ExplicitRequest:
			return invalid("explicit_request", "een telefonische klacht wordt alleen formeel als de klager uitdrukkelijk om de formele klachtenprocedure heeft gevraagd; leg dat vast")
		}
	}
	return nil
}

// anonymousRefusal: an anonymous complaint carries no name or contact details, and is informal.
func (c *Complaint) anonymousRefusal() error {
	p := c.Complainant
	if p.Name != "" || p.Organisation != "" || p.AddressLine1 != "" || p.AddressLine2 != "" || p.Postcode != "" || p.City != "" || p.Email != "" || p.Phone != "" ||
		c.Representative.Name != "" {
		return invalid("name", "een anonieme klacht heeft geen naam, adres, e-mailadres, telefoonnummer of gemachtigde; laat die leeg of registreer de klacht niet als anoniem")
	}
	if c.Formal {
		return invalid("formal", "een anonieme klacht wordt alleen informeel geregistreerd, voor de evaluatie: voor de formele procedure zijn naam en adres van de klager nodig")
	}
	return nil
}

// LetterRefusal says why no letter of this kind can be made for complaint c, or nil. An
// anonymous complaint gets no letters: there is nobody to address them to.
func LetterRefusal(c *Complaint, kind LetterKind) error {
	if c.Anonymous {
		return NewError(CodeConflict, string(kind), "klacht %s is anoniem geregistreerd; er gaan geen brieven uit, want er is geen naam of adres. Een anonieme klacht telt alleen mee voor de evaluatie", c.Reference)
	}
	return nil
}
