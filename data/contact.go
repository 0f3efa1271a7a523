package data

import (
	"slices"
)

// ContactKind is how the practice was in touch with the complainant.
type ContactKind string

// The contact kinds.
const (
	ContactPhone   ContactKind = "phone"
	ContactMeeting ContactKind = "meeting"
	ContactLetter  ContactKind = "letter"
	ContactEmail   ContactKind = "email"
)

// ContactKinds lists every kind in display order.
var ContactKinds = []ContactKind{ContactPhone, ContactMeeting, ContactLetter, ContactEmail}

// Label is the kind in the practitioner's words.
func (k ContactKind) Label() string {
	return map[ContactKind]string{ContactPhone: "telefoon", ContactMeeting: "gesprek", ContactLetter: "brief",
		ContactEmail: "e-mail"}[k]
}

// ParseContactKind checks a contact kind name.
func ParseContactKind(s string) (ContactKind, error) {
	k := ContactKind(s)
	if !slices.Contains(ContactKinds, k) {
		return "", invalid("kind", "onbekende soort contact %q; kies uit %s", s, joinAll(ContactKinds))
	}
	return k, nil
}

// Party is whom the practice was in touch with about the complaint.
type Party string

// The parties: the procedure promises to consult "u en de andere betrokkenen".
const (
	PartyComplainant Party = "complainant" // the complainant (or their representative)
	PartyConcerned   Party = "concerned"   // the person the complaint is about
	PartyOther       Party = "other"       // someone else involved, named
)

// Parties lists every party in display order.
var Parties = []Party{PartyComplainant, PartyConcerned, PartyOther}

// Label is the party in the practitioner's words.
func (p Party) Label() string {
	return map[Party]string{PartyComplainant: "klager", PartyConcerned: "betrokkene over wie de klacht gaat",
		PartyOther: "andere betrokkene"}[p]
}

// ParseParty checks a party name; empty means the complainant.
func ParseParty(s string) (Party, error) {
	if s == "" {
		return PartyComplainant, nil
	}
	p := Party(s)
	if !slices.Contains(Parties, p) {
		return "", invalid("party", "onbekende partij %q; kies uit %s", s, joinAll(Parties))
	}
	return p, nil
}

// Contact is a call, meeting, letter or e-mail with the complainant or another party. It may
// ask the complainant for more information, expected by InfoDueOn. Hearing records that the
// party's view on the complaint was heard (hoor en wederhoor).
type Contact struct {
	ID             int64       `json:"id"`
	On             Date        `json:"on"`
	Kind           ContactKind `json:"kind"`
	Party          Party       `json:"party"`
	PartyName      string      `json:"party_name"`
	Hearing        bool        `json:"hearing"`
	Note           string      `json:"note"`
	InfoRequested  string      `json:"info_requested,omitempty"`
	InfoDueOn      Date        `json:"info_due_on"`
	InfoReceivedOn Date        `json:"info_received_on"`
}

// validate checks a new contact against the complaint it belongs to.
func (ct *Contact) validate(c *Complaint, today Date) error {
	if err := cleanTexts(textField{"note", &ct.Note, textRule20k.as("de notitie")},
		textField{"info_requested", &ct.InfoRequested, textRule20k.as("de gevraagde informatie")}); err != nil {
		return err
	}
	if _, err := ParseContactKind(string(ct.Kind)); err != nil {
		return err
	}
	var err error
	if ct.Party, err = ParseParty(string(ct.Party)); err != nil {
		return err
	}
	if ct.PartyName, err = cleanText("party_name", ct.PartyName, lineRule.as("de naam van de betrokkene")); err != nil {
		return err
	}
	switch {
	case ct.Party == PartyConcerned && ct.PartyName == "" && c.PersonNamed == "":
		return invalid("party_name", "de klacht noemt niet over wie zij gaat; vul de naam in van de betrokkene met wie u sprak")
	case ct.Party == PartyConcerned && ct.PartyName == "":
		ct.PartyName = c.PersonNamed
	case ct.Party == PartyOther && ct.PartyName == "":
		return invalid("party_name", "vul de naam in van de betrokkene met wie u sprak")
	case ct.Party != PartyComplainant && ct.InfoRequested != "":
		return invalid("info_requested", "informatie vraagt u aan de klager; leg een verzoek aan een ander vast als notitie")
	}
	if err := checkDay("on", &ct.On, c, today); err != nil {
		return err
	}
	switch {
	case ct.Note == "" && ct.InfoRequested == "":
		return invalid("note", "vul in wat er is besproken of geschreven")
	case ct.InfoRequested != "" && ct.InfoDueOn.IsZero():
		return invalid("info_due_on", "vul in wanneer u de gevraagde informatie uiterlijk verwacht")
	case ct.InfoRequested == "" && !ct.InfoDueOn.IsZero():
		return invalid("info_requested", "vul in om welke informatie u de klager vraagt")
	case !ct.InfoDueOn.IsZero() && !ct.InfoDueOn.After(ct.On):
		return invalid("info_due_on", "de datum waarop u de informatie verwacht (%s) moet na het contact (%s) liggen", ct.InfoDueOn, ct.On)
	}
	return nil
}

// Heard are the parties whose view the contacts record as heard.
func Heard(contacts []Contact) []Party {
	var heard []Party
	for _, ct := range contacts {
		if ct.Hearing && !slices.Contains(heard, ct.Party) {
			heard = append(heard, ct.Party)
		}
	}
	return heard
}
