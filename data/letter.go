package data

import (
	"slices"
	"time"
)

// LetterKind is one of the documents the procedure sends.
type LetterKind string

// The letter kinds.
const (
	LetterAcknowledgement LetterKind = "acknowledgement" // confirms receipt
	LetterProgress        LetterKind = "progress"        // explains an extension
	LetterOutcome         LetterKind = "outcome"         // confirms the outcome
	LetterConsent         LetterKind = "consent"         // asks the complainant's consent to involve an expert
	LetterConfidentiality LetterKind = "confidentiality" // for the expert to sign
	LetterWithdrawal      LetterKind = "withdrawal"      // confirms that the complainant withdrew the complaint
	LetterInformation     LetterKind = "information"     // asks the complainant for the information a request names
)

// LetterKinds lists every kind in procedure order.
var LetterKinds = []LetterKind{LetterAcknowledgement, LetterInformation, LetterProgress, LetterOutcome, LetterConsent,
	LetterConfidentiality, LetterWithdrawal}

// Label is the letter in the practitioner's words.
func (k LetterKind) Label() string {
	return map[LetterKind]string{LetterAcknowledgement: "ontvangstbevestiging", LetterProgress: "voortgangsbericht",
		LetterOutcome: "uitkomstbrief", LetterConsent: "toestemming externe deskundige",
		LetterConfidentiality: "geheimhoudingsverklaring", LetterWithdrawal: "bevestiging van de intrekking",
		LetterInformation: "verzoek om informatie"}[k]
}

// ParseLetterKind checks a letter kind name.
func ParseLetterKind(s string) (LetterKind, error) {
	k := LetterKind(s)
	if !slices.Contains(LetterKinds, k) {
		return "", invalid("kind", "onbekende soort brief %q; kies uit %s", s, joinAll(LetterKinds))
	}
	return k, nil
}

// Languages are the languages letters are written in.
var Languages = []string{"nl", "en"}

// ParseLanguage checks a language code.
func ParseLanguage(s string) (string, error) {
	if !slices.Contains(Languages, s) {
		return "", invalid("language", "onbekende taal %q; kies uit nl, en", s)
	}
	return s, nil
}

// LetterStepRefusal says why a letter of this kind can be neither made nor marked sent for
// complaint c now, or nil when it can: no letter for an anonymous complaint (LetterRefusal),
// none for a closed, withdrawn or anonymised file (StepRefusal), except the one letter a
// withdrawal calls for: the confirmation of the withdrawal itself. The store refuses by it,
// and the letters tab offers its buttons by it.
func LetterStepRefusal(c *Complaint, kind LetterKind) error {
	if err := LetterRefusal(c, kind); err != nil {
		return err
	}
	if kind == LetterWithdrawal && c.Status == StatusWithdrawn && c.AnonymisedOn.IsZero() {
		return nil
	}
	return StepRefusal(Facts{Complaint: *c}, ActionEdit)
}

// LetterMakeRefusal says why a letter of this kind cannot be made for complaint c now, or nil:
// the refusals of LetterStepRefusal, and a letter that does not fit the complaint's stage. The
// acknowledgement and the request for consent belong to a formal complaint in handling (the
// procedure asks for the consent when the formal complaint is filed), the progress letter to a
// complaint in handling, the confirmation of a withdrawal to a withdrawn one: an acknowledgement
// made after the outcome would still promise contact and a date, one made again after receipt
// was confirmed would thank anew and name another date. A letter made earlier can
// still be marked sent and printed again. The store, the letters and the letters tab ask it.
func LetterMakeRefusal(c *Complaint, kind LetterKind) error {
	if err := LetterStepRefusal(c, kind); err != nil {
		return err
	}
	refuse := func(key string, a ...any) error { return NewError(CodeConflict, string(kind), key, a...) }
	switch {
	case kind == LetterAcknowledgement && !c.Formal:
		return refuse("klacht %s is informeel; een ontvangstbevestiging hoort bij de formele klachtenprocedure. Start eerst de formele procedure%s", c.Reference, ForCLI(" (escalate)"))
	case kind == LetterConsent && !c.Formal:
		return refuse("klacht %s is informeel; om toestemming voor een externe deskundige wordt gevraagd in de formele klachtenprocedure. Start eerst de formele procedure%s", c.Reference, ForCLI(" (escalate)"))
	case kind == LetterAcknowledgement && (c.Status == StatusAcknowledged || c.Status == StatusExtended):
		// Made again after receipt was confirmed, it would thank for the complaint anew and name
		// a date the first one did not, without a word about the change.
		return refuse("de ontvangst van klacht %s is al bevestigd; een nieuwe ontvangstbevestiging zou de klager opnieuw bedanken. Een eerder gemaakte ontvangstbevestiging kunt u opnieuw afdrukken%s; een verlenging legt u uit in het voortgangsbericht", c.Reference, ForCLI(" (letter-copy)"))
	case kind == LetterAcknowledgement && !c.Status.Open():
		return refuse("klacht %s is %s; een ontvangstbevestiging hoort bij een klacht die nog in behandeling is. Een eerder gemaakte ontvangstbevestiging kunt u opnieuw afdrukken%s", c.Reference, c.Status, ForCLI(" (letter-copy)"))
	case kind == LetterConsent && !c.Status.Open():
		return refuse("klacht %s is %s; om toestemming voor een externe deskundige wordt gevraagd zolang de klacht in behandeling is", c.Reference, c.Status)
	case kind == LetterInformation && !c.Status.Open():
		return refuse("klacht %s is %s; een verzoek om informatie hoort bij een klacht die nog in behandeling is", c.Reference, c.Status)
	case kind == LetterProgress && !c.Status.Open():
		return refuse("klacht %s is %s; een voortgangsbericht hoort bij een klacht die nog in behandeling is", c.Reference, c.Status)
	case kind == LetterWithdrawal && (c.Status != StatusWithdrawn || c.WithdrawnOn.IsZero()):
		return refuse("klacht %s is niet ingetrokken; een bevestiging van de intrekking hoort bij een klacht die de klager heeft ingetrokken. Leg eerst de intrekking vast", c.Reference)
	}
	return nil
}

// InformationLetterRefusal says why no request for information dated on can be made for
// complaint c, whose newest unanswered request is req (nil: none), or nil: the letter asks
// what the request recorded, in the practitioner's words, by the day it names, so the request
// is recorded first, and that day must still lie ahead when the letter goes out.
func InformationLetterRefusal(c *Complaint, req *Contact, on Date) error {
	refuse := func(key string, a ...any) error { return NewError(CodeConflict, string(LetterInformation), key, a...) }
	if req == nil {
		return refuse("klacht %s heeft geen openstaand verzoek om informatie; leg eerst vast welke informatie u de klager vraagt en wanneer u die uiterlijk verwacht%s; de brief neemt dat over", c.Reference,
			ForCLI(" (contact "+c.Reference+" --kind letter --request TEKST --expect DATUM)"))
	}
	if !req.InfoDueOn.After(on) {
		return refuse("de datum waarop u de gevraagde informatie van klacht %s verwacht (%s) is op de datum van de brief (%s) al bereikt; de brief zou de klager om informatie vragen vóór een dag die voorbij is. Leg het verzoek opnieuw vast, met een latere datum", c.Reference, req.InfoDueOn, on)
	}
	return nil
}

// OutcomeLetterRefusal says why no outcome letter can be made yet for complaint c, which has
// measures linked to it, or nil. Under the Wkkgz the outcome letter names the measures the
// practice takes against recurrence and by when; a complaint that needs one (measureDue)
// waits for it, or for the reason none is needed, so its letter is not silent about them.
func OutcomeLetterRefusal(c *Complaint, measures int) error {
	if c.DeadlinePolicy != PolicyWkkgz || !measureDue(c, measures) {
		return nil
	}
	return NewError(CodeConflict, string(LetterOutcome), "%s; onder de Wkkgz noemt de uitkomstbrief de maatregelen die u neemt om herhaling te voorkomen. Leg eerst een verbetermaatregel vast, koppel een bestaande maatregel aan de klacht of leg vast waarom er geen nodig is%s",
		measureWhy(c), ForCLI(" (measure-add --ref "+c.Reference+", measure-link of no-measure)"))
}

// ExpertLetterRefusal says why no confidentiality statement can be made for an expert on
// complaint c, given where the complainant's consent stands, or nil: copies of documents go to
// an expert only in the formal procedure and with consent, so a statement that announces them
// after a refusal or a withdrawal would promise what cannot follow.
func ExpertLetterRefusal(c *Complaint, consent ConsentState) error {
	refuse := func(key string, a ...any) error {
		return NewError(CodeConflict, string(LetterConfidentiality), key, a...)
	}
	switch {
	case !c.Formal:
		return refuse("klacht %s is informeel; een externe deskundige krijgt alleen in de formele klachtenprocedure, met toestemming van de klager, stukken te zien. Start eerst de formele procedure%s", c.Reference, ForCLI(" (escalate)"))
	case consent == ConsentRefused:
		return refuse("de klager van klacht %s heeft de toestemming voor een externe deskundige geweigerd; er gaan geen stukken naar een deskundige, dus is er ook geen geheimhoudingsverklaring nodig", c.Reference)
	case consent == ConsentWithdrawn:
		return refuse("de klager van klacht %s heeft de toestemming voor een externe deskundige ingetrokken; er gaan geen stukken meer naar een deskundige, dus is er ook geen geheimhoudingsverklaring nodig", c.Reference)
	}
	return nil
}

// MaxLetterDateAhead is how many days ahead a letter may be dated: letters are often made a
// few days before they are posted.
const MaxLetterDateAhead = 14

// CheckLetterDate checks the date a letter carries: today, or a day up to two weeks ahead
// when it goes out later. The desktop app and the CLI ask the same.
func CheckLetterDate(d, today Date) error {
	last := today.AddDays(MaxLetterDateAhead)
	switch {
	case d.Before(today):
		return invalid("date", "de datum van de brief (%s) ligt in het verleden; kies vandaag of een dag tot en met %s", d, last)
	case d.After(last):
		return invalid("date", "de datum van de brief (%s) ligt meer dan %d dagen vooruit; kies een dag tot en met %s", d, MaxLetterDateAhead, last)
	}
	return nil
}

// Delivery is how a letter reached its recipient.
type Delivery string

// The ways of sending.
const (
	DeliveryPost  Delivery = "post"
	DeliveryEmail Delivery = "email"
	DeliveryHand  Delivery = "hand"
)

// Deliveries lists every way of sending.
var Deliveries = []Delivery{DeliveryPost, DeliveryEmail, DeliveryHand}

// Label is the way of sending in the practitioner's words, as a choice in a list: "per post".
func (d Delivery) Label() string {
	return map[Delivery]string{DeliveryPost: "per post", DeliveryEmail: "per e-mail", DeliveryHand: "persoonlijk overhandigd"}[d]
}

// Sent says that a letter went out this way, as the end of a sentence: "per post verstuurd",
// "persoonlijk overhandigd".
func (d Delivery) Sent() string { return d.SentText().String() }

// SentNote is the note of the contact moment that sending the letter this way records:
// "Ontvangstbevestiging (versie 1) per post verstuurd".
func (l Letter) SentNote(via Delivery) Text {
	return Msg("%s (versie %d) %s", Capital{l.Kind}, l.Version, via.SentText())
}

// SentText is Sent as a Text, for the timeline.
func (d Delivery) SentText() Text {
	return map[Delivery]Text{DeliveryPost: Msg("per post verstuurd"), DeliveryEmail: Msg("per e-mail verstuurd"),
		DeliveryHand: Msg("persoonlijk overhandigd")}[d]
}

// Addressee is who a letter of this kind for complaint c goes to, with their postal and e-mail
// address: the representative when one files for the complainant, for a confidentiality
// statement the expert e, else the complainant. The letter's window, the proposed way of
// sending and the e-mail that carries it all go to the same person.
func Addressee(c *Complaint, kind LetterKind, e Expert) Complainant {
	switch {
	case kind == LetterConfidentiality:
		return Complainant{Name: e.Name, NameParts: e.NameParts, Organisation: e.Organisation, AddressLine1: e.AddressLine1,
			AddressLine2: e.AddressLine2, Postcode: e.Postcode, City: e.City, Country: e.Country, Email: e.Email}
	case ToRepresentative(c, kind):
		return c.Representative
	}
	return c.Complainant
}

// ToComplainant reports whether a letter of this kind goes to the complainant themselves (see
// Addressee): the letter then speaks of "uw klacht".
func ToComplainant(c *Complaint, kind LetterKind) bool {
	return kind != LetterConfidentiality && !ToRepresentative(c, kind)
}

// ToRepresentative reports whether a letter of this kind goes to the representative who
// files for the complainant (see Addressee): every letter but the expert's statement.
func ToRepresentative(c *Complaint, kind LetterKind) bool {
	return kind != LetterConfidentiality && c.Representative.Name != ""
}

// HasPostalAddress reports whether any part of a postal address is known: a letter then goes
// by post (the letters refuse one with a part missing), and else by e-mail.
func (p Complainant) HasPostalAddress() bool {
	return p.AddressLine1 != "" || p.AddressLine2 != "" || p.Postcode != "" || p.City != ""
}

// ProposedDelivery is how a letter of this kind for complaint c most likely went out, as the
// file proposes when it is marked sent: by post when its addressee (Addressee) has a postal
// address, as the letters are made for a window envelope and a form to sign comes back by
// post; by e-mail only when an e-mail address is all there is. The practitioner may choose
// otherwise.
func ProposedDelivery(c *Complaint, kind LetterKind, e Expert) Delivery {
	to := Addressee(c, kind, e)
	if !to.HasPostalAddress() && to.Email != "" {
		return DeliveryEmail
	}
	return DeliveryPost
}

// ParseDelivery checks a way of sending.
func ParseDelivery(s string) (Delivery, error) {
	d := Delivery(s)
	if !slices.Contains(Deliveries, d) {
		return "", invalid("via", "onbekende manier van versturen %q; kies uit %s", s, joinAll(Deliveries))
	}
	return d, nil
}

// contactKind is the contact moment a sent letter leaves in the file: an e-mail, or a letter
// for post and hand delivery, both written, as the action items require.
func (d Delivery) contactKind() ContactKind {
	if d == DeliveryEmail {
		return ContactEmail
	}
	return ContactLetter
}

// Letter is one stored version of a generated letter; the PDF bytes are fetched separately.
type Letter struct {
	ID        int64      `json:"id"`
	Reference string     `json:"reference"`
	Kind      LetterKind `json:"kind"`
	Version   int        `json:"version"`
	Language  string     `json:"language"`
	CreatedAt time.Time  `json:"created_at"`
	Size      int64      `json:"size"`
	SHA256    string     `json:"sha256"`
	SentOn    Date       `json:"sent_on"`
	SentVia   Delivery   `json:"sent_via,omitempty"`
	ContactID int64      `json:"-"` // the contact moment recorded when it was marked sent; 0 for none
	// AsksConsent: the letter asks the complainant's consent to involve an expert (see AsksConsent).
	AsksConsent bool `json:"asks_consent"`
	// ExpertID is the expert a confidentiality statement is addressed to; 0 for other letters.
	ExpertID int64 `json:"expert_id,omitempty"`
	// DatedOn is the date printed on the letter (SaveDatedLetter); it went out on or after it.
	DatedOn Date `json:"dated_on"`
}

// Offered reports whether the letter is a document of the file that a consent may name and an
// expert may get: one the complainant received (sent, and not the expert's confidentiality
// statement). The consent form offers these, and the app lists them to tick.
func (l Letter) Offered() bool { return !l.SentOn.IsZero() && l.Kind != LetterConfidentiality }
