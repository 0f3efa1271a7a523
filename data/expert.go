package data

// Expert is an independent professional the practice may consult. Documents go to an expert
// only after they signed a confidentiality statement.
type Expert struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Email        string `json:"email"`
	SignedOn     Date   `json:"confidentiality_signed_on"`
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
