package data

import "errors"

// Privacy over time (AVG): a closed or withdrawn complaint's personal data is kept for
// retention_years after it ended, then anonymised; what stays is what the annual report
// needs. A legal hold keeps a complaint out of that; an erasure request (art. 17) anonymises
// one complaint early, an access request (art. 15) gets everything stored about the person
// in one ZIP (ExportPerson).

var errNotBuilt = errors.New("nog niet gebouwd")

// RetentionCase is a finished complaint whose retention period has passed, or that the
// practitioner chose to anonymise with an earlier cut-off: one line of the review screen.
type RetentionCase struct {
	Reference   string  `json:"reference"`
	Status      Status  `json:"status"` // closed or withdrawn
	ReceivedOn  Date    `json:"received_on"`
	Subject     Subject `json:"subject"`
	Complainant string  `json:"complainant_name"` // to recognise the file; gone after anonymising
	// ClosedOn is when the file ended: the day it was closed, or withdrawn.
	ClosedOn Date `json:"closed_on"`
	// DueOn is when its retention period ends: ClosedOn plus retention_years.
	DueOn      Date   `json:"due_on"`
	Held       bool   `json:"held"` // under legal hold: listed, but Anonymise skips it
	HoldReason string `json:"hold_reason"`
}

// AnonymiseRemoves says, in plain Dutch sentences, what anonymising a complaint removes; the
// review screen and the CLI list it before the practitioner confirms.
var AnonymiseRemoves = []string{
	"Naam, adres, e-mailadres en telefoonnummer van de klager en van een gemachtigde.",
	"De naam van de persoon over wie is geklaagd.",
	"Alle vrije teksten: samenvatting, omschrijving, gewenste uitkomst, omschrijving in de brieven, uitkomst, notities bij contactmomenten en redenen van verlenging.",
	"De brieven (PDF) en de bijlagen, ook hun opgeslagen inhoud.",
	"De gegevens van de toestemming en van de stukken die met externe deskundigen zijn gedeeld.",
	"De inhoud van de eerdere gebeurtenissen in het audit-spoor van deze klacht.",
}

// AnonymiseKeeps says what stays after anonymising: what the annual report needs.
var AnonymiseKeeps = []string{
	"Het kenmerk en alle datums (ontvangst, bevestiging, termijnen, afhandeling, sluiting).",
	"Kanaal, onderwerp en oordeel.",
	"Het aantal verlengingen met hun datums, en of een termijn is overschreden.",
	"Met wie is gesproken (klager, betrokkene) en of beide kanten zijn gehoord, zonder namen of notities.",
	"De koppeling met verbetermaatregelen.",
	"Het audit-spoor zelf: dat er iets is gebeurd en wanneer, zonder de inhoud.",
}

// RetentionDue lists the closed and withdrawn complaints not yet anonymised whose retention
// period ended on or before today, or, when closedBefore is not zero, that ended before
// closedBefore. Complaints under legal hold are included with Held set, so the review screen
// can show them; Anonymise skips them. Oldest first.
func (s *Store) RetentionDue(today Date, closedBefore Date) ([]RetentionCase, error) {
	return nil, errNotBuilt
}

// RetentionItems is the Vandaag action item for the register: one ItemRetention ("N dossiers
// over de bewaartermijn") when complaints not under hold are past retention; none otherwise.
// Overview (and so the CLI's deadlines) includes it.
func RetentionItems(due []RetentionCase, today Date, s Settings) []ActionItem {
	return nil
}

// Anonymise removes the personal data of the complaints refs (see AnonymiseRemoves), each in
// its own transaction with its audit events, and then clears the freed space from the file.
// reason is recorded in the audit trail ("bewaartermijn verstreken"); it must not name the
// person. A complaint under legal hold, still open, or already anonymised is refused: the
// error names it, and the complaints before it stay anonymised. It returns how many it
// anonymised.
func (s *Store) Anonymise(refs []string, reason string) (int, error) {
	return 0, errNotBuilt
}

// Erase anonymises one complaint before its retention period ends, at the complainant's
// request (art. 17 AVG), recording reason. It is refused under legal hold, and for an open
// complaint unless withdraw, which first records the withdrawal (the same step and rules as
// Withdraw) in the same transaction.
func (s *Store) Erase(ref, reason string, withdraw bool) error {
	return errNotBuilt
}

// Hold places a legal hold on a complaint, with the reason (a pending disciplinary case):
// it is then kept out of anonymisation and erasure.
func (s *Store) Hold(ref, reason string) error {
	return errNotBuilt
}

// ReleaseHold ends a complaint's legal hold; its retention period counts as before.
func (s *Store) ReleaseHold(ref string) error {
	return errNotBuilt
}

// ExportPerson answers an access request (art. 15 AVG): a ZIP with klacht.json (everything
// stored about the complainant: the complaint, contacts, extensions, consent, shares,
// letters' and attachments' details and the timeline), the letters as PDF, the attachments,
// and LEESMIJ.txt, which explains the contents in Dutch. Write it with WriteOutput.
func (s *Store) ExportPerson(ref string) ([]byte, error) {
	return nil, errNotBuilt
}
