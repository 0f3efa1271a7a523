package data

import "strings"

// Expert is an independent professional the practice may consult. Documents go to an expert
// only after they signed a confidentiality statement.
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

// Professor reports whether the expert is addressed as a professor: "Geachte professor ...".
func (e Expert) Professor() bool {
	t := strings.ToLower(e.Title)
	return strings.HasPrefix(t, "prof") || strings.Contains(t, " prof")
}

// check trims and validates the expert as the expert dialog and the CLI take it, filling in a
// proposal for the parts of the name that are empty.
func (e *Expert) check() error {
	for _, p := range []*string{&e.Name, &e.Title, &e.TitleAfter, &e.Organisation, &e.AddressLine1, &e.AddressLine2,
		&e.Postcode, &e.City, &e.Country, &e.Email} {
		*p = strings.TrimSpace(*p)
	}
	if m := postcodeNL.FindStringSubmatch(e.Postcode); m != nil {
		e.Postcode = m[1] + " " + strings.ToUpper(m[2])
	}
	if e.Name == "" {
		return invalid("expert_name", "vul de naam van de deskundige in")
	}
	if _, err := email(e.Email); err != nil {
		return invalid("expert_email", err.Error())
	}
	if (e.AddressLine1 == "") != (e.City == "") {
		return invalid("expert_address", "vul van het postadres van de deskundige zowel het adres als de plaats in, of laat beide leeg")
	}
	return e.NameParts.check("expert_", e.Name)
}

// Consent is the complainant's permission to share copies of documents with experts.
type Consent struct {
	ID          int64  `json:"id"`
	GivenOn     Date   `json:"given_on"`
	How         string `json:"how"`   // in writing, by e-mail, by phone ...
	Scope       string `json:"scope"` // which documents
	WithdrawnOn Date   `json:"withdrawn_on"`
}

// Share records which documents went to which expert, when.
type Share struct {
	ID           int64  `json:"id"`
	ExpertID     int64  `json:"expert_id"`
	ExpertName   string `json:"expert"`
	SharedOn     Date   `json:"shared_on"`
	Documents    string `json:"documents"`
	AttachmentID int64  `json:"attachment_id,omitempty"`
}
