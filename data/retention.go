package data

// Privacy over time (AVG): a closed or withdrawn complaint's personal data is kept for
// retention_years after it ended, then anonymised; what stays is what the annual report
// needs. A legal hold keeps a complaint out of that; an erasure request (art. 17) anonymises
// one complaint early, an access request (art. 15) gets everything stored about the person
// in one ZIP (ExportPerson).

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
	// CopiesWith are the experts who still hold copies of its documents that are due back
	// (CopiesOut): they are to be told of the anonymising too (art. 19 AVG), and the file keeps
	// asking for them.
	CopiesWith []string `json:"copies_with,omitempty"`
}

// AnonymiseRemoves says, in plain Dutch sentences, what anonymising a complaint removes; the
// review screen and the CLI list it before the practitioner confirms.
var AnonymiseRemoves = []Text{
	Msg("Naam, adres, e-mailadres en telefoonnummer van de klager en van een gemachtigde."),
	Msg("De naam van de persoon over wie is geklaagd."),
	Msg("Alle vrije teksten: klacht in het kort, omschrijving, gewenste uitkomst, omschrijving in de brieven, uitkomst, notities bij contactmomenten en redenen van verlenging."),
	Msg("De brieven (PDF) en de bijlagen, ook hun opgeslagen inhoud."),
	Msg("De gegevens van de toestemming en van de stukken die met externe deskundigen zijn gedeeld."),
	Msg("De inhoud van de eerdere vastleggingen in het logboek van deze klacht."),
}

// AnonymiseKeeps says what stays after anonymising: what the annual report needs.
var AnonymiseKeeps = []Text{
	Msg("Het kenmerk en alle datums (ontvangst, bevestiging, termijnen, afhandeling, sluiting)."),
	Msg("Ontvangen via, onderwerp en oordeel."),
	Msg("Het aantal verlengingen met hun datums, en of een termijn is overschreden."),
	Msg("Met wie is gesproken (klager, betrokkene) en of beide kanten zijn gehoord, zonder namen of notities."),
	Msg("De koppeling met verbetermaatregelen."),
	Msg("Welke externe deskundige nog kopieën van stukken heeft, en wanneer die zijn teruggegeven of vernietigd."),
	Msg("Het logboek zelf: dat er iets is gebeurd en wanneer, zonder de inhoud."),
}

// AnonymiseBackupNote says where the removed data still is: in the backups made before,
// until their rotation drops them (the monthly ones after 12 months). The review screen and
// the CLI show it with every anonymisation.
var AnonymiseBackupNote = Msg("Reservekopieën van vóór het anonimiseren bevatten de gegevens nog, tot ze worden opgeruimd: uiterlijk na 12 maanden.")

// retentionDueOn is when the retention period of a file that ended on ended is over.
func retentionDueOn(ended Date, set Settings) Date { return ended.AddMonths(12 * set.RetentionYears()) }

// RetentionEnds is the day the retention period of c ends: retention_years after the file
// ended, as the review list counts it (retentionDueSQL): its closing or withdrawal, or for an
// imported file without those, its resolution or receipt. Zero while the complaint is still
// being handled, also when it was reopened after a closing.
func RetentionEnds(c Complaint, set Settings) Date {
	if c.Status != StatusClosed && c.Status != StatusWithdrawn {
		return Date{}
	}
	for _, ended := range []Date{c.ClosedOn, c.WithdrawnOn, c.ResolvedOn, c.ReceivedOn} {
		if !ended.IsZero() {
			return retentionDueOn(ended, set)
		}
	}
	return Date{}
}

// retentionCovers reports whether a case belongs on the review list: its retention period is
// over by today, or, with a cut-off the practitioner chose, it ended before closedBefore.
func retentionCovers(rc RetentionCase, today, closedBefore Date) bool {
	if !closedBefore.IsZero() {
		return rc.ClosedOn.Before(closedBefore)
	}
	return !rc.DueOn.After(today)
}

// RetentionItems is the Vandaag action item for the register: one ItemRetention ("N dossiers
// over de bewaartermijn") when complaints not under hold are past retention; none otherwise.
// Its due date is the oldest file's DueOn. Overview (and so the CLI's deadlines) includes it.
func RetentionItems(due []RetentionCase, today Date, s Settings) []ActionItem {
	n, oldest := 0, Date{}
	for _, rc := range due {
		if rc.Held || rc.DueOn.After(today) {
			continue
		}
		n++
		if oldest.IsZero() || rc.DueOn.Before(oldest) {
			oldest = rc.DueOn
		}
	}
	if n == 0 {
		return nil
	}
	return []ActionItem{{Kind: ItemRetention, Label: ItemRetention.Label(), Detail: RetentionDetail(n), Count: n, DueOn: oldest,
		DaysLeft: today.DaysUntil(oldest), Warning: WarningFor(Date{}, oldest, today, s.WarningDays())}}
}

// RetentionDetail is the Vandaag line for n files past their retention period.
func RetentionDetail(n int) string {
	if n == 1 {
		return "1 dossier over de bewaartermijn"
	}
	return Thousands(n) + " dossiers over de bewaartermijn"
}

// anonymiseRefusal says why a complaint cannot be anonymised now, or nil when it can.
// ErasureRefusal says why the personal data of complaint c cannot be erased on request now, or
// nil: an open complaint can, together with the record of its withdrawal (Store.Erase); a
// resolved one only once its file is closed. The store refuses by it, and the privacy tab
// says it beside its button instead of after the reason was typed.
func ErasureRefusal(c *Complaint) error {
	if c.Status.Open() && !c.Held && c.AnonymisedOn.IsZero() {
		return nil
	}
	return anonymiseRefusal(c)
}

func anonymiseRefusal(c *Complaint) error {
	switch {
	case !c.AnonymisedOn.IsZero():
		return conflict("klacht %s is al geanonimiseerd op %s", c.Reference, c.AnonymisedOn)
	case c.Held:
		return conflict("klacht %s staat onder een juridische bewaarplicht (%s); hef die eerst op%s als de zaak is afgerond",
			c.Reference, c.HoldReason, ForCLI(" (hold "+c.Reference+" --release)"))
	case c.Status == StatusResolved:
		return conflict("klacht %s is afgehandeld, maar het dossier is nog niet gesloten; sluit het eerst, dan kan het worden geanonimiseerd",
			c.Reference)
	case c.Status != StatusClosed && c.Status != StatusWithdrawn:
		return conflict("klacht %s is nog in behandeling (status %s); alleen een gesloten of ingetrokken dossier kan worden geanonimiseerd",
			c.Reference, c.Status)
	}
	return nil
}
