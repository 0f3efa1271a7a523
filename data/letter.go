package data

import (
	"fmt"
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
)

// LetterKinds lists every kind in procedure order.
var LetterKinds = []LetterKind{LetterAcknowledgement, LetterProgress, LetterOutcome, LetterConsent, LetterConfidentiality}

// Label is the letter in the practitioner's words.
func (k LetterKind) Label() string {
	return map[LetterKind]string{LetterAcknowledgement: "ontvangstbevestiging", LetterProgress: "voortgangsbericht",
		LetterOutcome: "uitkomstbrief", LetterConsent: "toestemming externe deskundige",
		LetterConfidentiality: "geheimhoudingsverklaring"}[k]
}

// ParseLetterKind checks a letter kind name.
func ParseLetterKind(s string) (LetterKind, error) {
	k := LetterKind(s)
	if !slices.Contains(LetterKinds, k) {
		return "", invalid("kind", fmt.Sprintf("onbekende soort brief %q; kies uit %s", s, joinAll(LetterKinds)))
	}
	return k, nil
}

// Languages are the languages letters are written in.
var Languages = []string{"nl", "en"}

// ParseLanguage checks a language code.
func ParseLanguage(s string) (string, error) {
	if !slices.Contains(Languages, s) {
		return "", invalid("language", fmt.Sprintf("onbekende taal %q; kies uit nl, en", s))
	}
	return s, nil
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
func (d Delivery) Sent() string {
	return map[Delivery]string{DeliveryPost: "per post verstuurd", DeliveryEmail: "per e-mail verstuurd",
		DeliveryHand: "persoonlijk overhandigd"}[d]
}

// ParseDelivery checks a way of sending.
func ParseDelivery(s string) (Delivery, error) {
	d := Delivery(s)
	if !slices.Contains(Deliveries, d) {
		return "", invalid("via", fmt.Sprintf("onbekende manier van versturen %q; kies uit %s", s, joinAll(Deliveries)))
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
}
