package data

import (
	"fmt"
	"slices"
	"strings"
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
		return "", invalid("kind", fmt.Sprintf("onbekende soort contact %q; kies uit %s", s, joinAll(ContactKinds)))
	}
	return k, nil
}

// Contact is a call, meeting, letter or e-mail with the complainant. It may ask the
// complainant for more information, expected by InfoDueOn.
type Contact struct {
	ID             int64       `json:"id"`
	On             Date        `json:"on"`
	Kind           ContactKind `json:"kind"`
	Note           string      `json:"note"`
	InfoRequested  string      `json:"info_requested,omitempty"`
	InfoDueOn      Date        `json:"info_due_on"`
	InfoReceivedOn Date        `json:"info_received_on"`
}

// validate checks a new contact against the complaint it belongs to.
func (ct *Contact) validate(c *Complaint, today Date) error {
	ct.Note, ct.InfoRequested = strings.TrimSpace(ct.Note), strings.TrimSpace(ct.InfoRequested)
	if _, err := ParseContactKind(string(ct.Kind)); err != nil {
		return err
	}
	if err := checkDay("on", &ct.On, c, today); err != nil {
		return err
	}
	switch {
	case ct.Note == "" && ct.InfoRequested == "":
		return invalid("note", "vul in wat er is besproken of geschreven")
	case ct.InfoRequested != "" && ct.InfoDueOn.IsZero():
		return invalid("info_due_on", "vul in vóór welke datum u de gevraagde informatie verwacht")
	case ct.InfoRequested == "" && !ct.InfoDueOn.IsZero():
		return invalid("info_requested", "vul in om welke informatie u de klager vraagt")
	case !ct.InfoDueOn.IsZero() && !ct.InfoDueOn.After(ct.On):
		return invalid("info_due_on", fmt.Sprintf("de datum waarop u de informatie verwacht (%s) moet na het contact (%s) liggen", ct.InfoDueOn, ct.On))
	}
	return nil
}
