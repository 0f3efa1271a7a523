package data

import (
	"fmt"
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
	Name         string `json:"name"`
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
}

// Imported reports whether the complaint was taken over from an earlier register instead of
// being handled in the app from its receipt.
func (c *Complaint) Imported() bool { return c.ImportedFrom != "" }

// Validate checks the fields a person fills in, against today's date.
// The first problem is returned, with Field set for the form.
func (c *Complaint) Validate(today Date) error {
	c.trim()
	switch {
	case c.Complainant.Name == "":
		return invalid("name", "vul de naam van de klager in")
	case c.ReceivedOn.IsZero():
		return invalid("received_on", "vul de datum van ontvangst in")
	case c.ReceivedOn.After(today):
		return invalid("received_on", fmt.Sprintf("de datum van ontvangst (%s) ligt in de toekomst; vul de dag in waarop de klacht binnenkwam", c.ReceivedOn))
	case c.Summary == "":
		return invalid("summary", "vul in waar de klacht over gaat (korte omschrijving)")
	case !slices.Contains(Channels, c.Channel):
		return invalid("channel", fmt.Sprintf("onbekend kanaal %q; kies uit %s", c.Channel, joinAll(Channels)))
	case !slices.Contains(Subjects, c.Subject):
		return invalid("subject", fmt.Sprintf("onbekend onderwerp %q; kies uit %s", c.Subject, joinAll(Subjects)))
	}
	if err := CheckEmail(c.Complainant.Email); err != nil {
		return err
	}
	for field, n := range map[string]int{"name": len([]rune(c.Complainant.Name)), "summary": len([]rune(c.Summary))} {
		if n > 300 {
			return invalid(field, "deze tekst is te lang (maximaal 300 tekens); zet details in de omschrijving")
		}
	}
	return nil
}

func (c *Complaint) trim() {
	for _, p := range []*string{&c.PersonNamed, &c.Handler, &c.Summary, &c.Description, &c.Desired,
		&c.Complainant.Name, &c.Complainant.AddressLine1, &c.Complainant.AddressLine2, &c.Complainant.Postcode,
		&c.Complainant.City, &c.Complainant.Country, &c.Complainant.Email, &c.Complainant.Phone} {
		*p = strings.TrimSpace(*p)
	}
	if m := postcodeNL.FindStringSubmatch(c.Complainant.Postcode); m != nil {
		c.Complainant.Postcode = m[1] + " " + strings.ToUpper(m[2])
	}
}

// ParseVerdict checks a verdict name as typed on the CLI or stored in a form.
func ParseVerdict(s string) (Verdict, error) {
	v := Verdict(s)
	if !slices.Contains(Verdicts, v) {
		return "", invalid("verdict", fmt.Sprintf("onbekend oordeel %q; kies uit %s", s, joinAll(Verdicts)))
	}
	return v, nil
}

// ParseChannel checks a channel name.
func ParseChannel(s string) (Channel, error) {
	c := Channel(s)
	if !slices.Contains(Channels, c) {
		return "", invalid("channel", fmt.Sprintf("onbekend kanaal %q; kies uit %s", s, joinAll(Channels)))
	}
	return c, nil
}

// ParseSubject checks a subject name.
func ParseSubject(s string) (Subject, error) {
	v := Subject(s)
	if !slices.Contains(Subjects, v) {
		return "", invalid("subject", fmt.Sprintf("onbekend onderwerp %q; kies uit %s", s, joinAll(Subjects)))
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

// CheckEmail checks an e-mail address as the complaint form and the CLI take it; empty is allowed.
func CheckEmail(s string) error {
	if _, err := email(strings.TrimSpace(s)); err != nil {
		return invalid("email", err.Error())
	}
	return nil
}

// fileFormally starts the formal procedure on day on, the day the complaint was filed in
// writing or the complainant asked for it explicitly: the deadlines for confirming receipt
// and for the resolution run from that day.
func (c *Complaint) fileFormally(on Date, s Settings) {
	c.Formal, c.FiledOn, c.DeadlinePolicy = true, on, s.Policy()
	c.AckDueOn, c.DueOn = ShortTermDue(on, s), ResolutionDue(on, c.DeadlinePolicy, s)
}
