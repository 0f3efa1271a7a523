package data

import (
	"database/sql"
	"errors"
	"path/filepath"
)

// BackupRelation says how a backup stands to the register a restore would replace.
type BackupRelation string

// The relations, read from the audit trail (see CompareBackup).
const (
	BackupSame    BackupRelation = "same"    // it holds the register as it is now
	BackupEarlier BackupRelation = "earlier" // an earlier state of this register; what came after is not in it
	BackupOther   BackupRelation = "other"   // no state of this register's audit trail: another register's, or one replaced since
)

// BackupComparison sets a backup against the register a restore would replace, so that the
// practitioner sees what a restore changes before anything changes.
type BackupComparison struct {
	Backup   BackupHeader
	File     string // the register's file name
	Practice string // its practice_name; "" when not filled in
	Events   int    // its events now
	Relation BackupRelation
	Since    int // BackupEarlier: the events recorded after the backup
	// Erased are the complaints whose personal data were erased or anonymised after the
	// backup (BackupEarlier): a restore brings those data back.
	Erased []string
}

// CompareBackup compares a backup's header with the register at dbPath by the audit trail:
// the backup is a state of this register when the register's event at the backup's position
// has the hash the header records. The chain makes every event before it the same too, so a
// backup of another register, or of a state that a restore replaced since, is told apart,
// whatever its file is called. Nil when there is no register at dbPath or it cannot be read
// (a damaged one): then there is nothing to compare. The register is only
// read (query_only), on a connection of its own, so the app may have it open meanwhile. A
// plain copy of a register file has no header to compare by: nil too (it was counted as an
// empty register's backup, so every event of another register counted as "since").
func CompareBackup(h BackupHeader, dbPath string) *BackupComparison {
	if h.plainCopy() || !fileExists(dbPath) {
		return nil
	}
	db, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return nil
	}
	defer db.Close()
	c := &BackupComparison{Backup: h, File: filepath.Base(dbPath)}
	set, err := settings(db)
	if err != nil {
		return nil
	}
	c.Practice = set.PracticeName()
	var at string
	if c.Events, _, err = head(db); err != nil {
		return nil
	}
	err = db.QueryRow(`SELECT hash FROM events WHERE id = ?`, h.Events).Scan(&at)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	switch {
	case h.Events == 0 || at != "" && at == h.Head: // an empty register is where every register began
		c.Relation, c.Since = BackupEarlier, c.Events-h.Events
		if c.Since == 0 {
			c.Relation = BackupSame
		}
	default:
		c.Relation = BackupOther
	}
	if c.Relation == BackupEarlier && scanRows(db, func(r *string) []any { return []any{r} }, func(r string) { c.Erased = append(c.Erased, r) },
		`SELECT DISTINCT c.reference FROM events e JOIN complaints c ON c.id = e.complaint_id
		WHERE e.id > ? AND e.kind = 'complaint_anonymised' ORDER BY c.reference`, h.Events) != nil {
		return nil
	}
	return c
}

// ErasedNote says that a restore brings back personal data erased or anonymised after the
// backup, and what to do then; the zero Text when it brings back none. A restore undid an
// erasure the complainant had asked for without a word.
func (c *BackupComparison) ErasedNote() Text {
	if c == nil || len(c.Erased) == 0 {
		return Text{}
	}
	refs := make(And, len(c.Erased))
	for i, r := range c.Erased {
		refs[i] = r
	}
	return Msg("Na deze reservekopie zijn de persoonsgegevens van %s gewist of geanonimiseerd. Na het terugzetten staan ze weer in het register: wis of anonimiseer ze dan opnieuw. Het opzijgezette register bevat ze ook nog; verwijder het zodra u het niet meer nodig hebt.", refs)
}

// Warning says in plain words what a restore of the backup loses from the register as it is,
// and that it stays in the register set aside; the zero Text when it loses nothing.
func (c *BackupComparison) Warning() Text {
	if c == nil {
		return Text{}
	}
	register := Msg("het register %s (%s)", c.File, EventCount(c.Events))
	if c.Practice != "" {
		register = Msg("het register van %s (%s, %s)", c.Practice, c.File, EventCount(c.Events))
	}
	switch {
	case c.Relation == BackupOther:
		return Msg("Deze reservekopie (van %s, %s) is geen eerdere stand van %s: ze is gemaakt van een ander register, of van een stand die intussen is vervangen. Na het terugzetten staat het huidige register met al zijn wijzigingen alleen nog in het opzijgezette register.",
			c.Backup.Register, EventCount(c.Backup.Events), register)
	case c.Relation == BackupEarlier && c.Since == 1:
		return Msg("Sinds deze reservekopie is in %s 1 wijziging vastgelegd. Die staat niet in de reservekopie: na het terugzetten staat ze alleen nog in het opzijgezette register.", register)
	case c.Relation == BackupEarlier:
		return Msg("Sinds deze reservekopie zijn in %s %d wijzigingen vastgelegd. Die staan niet in de reservekopie: na het terugzetten staan ze alleen nog in het opzijgezette register.", register, c.Since)
	}
	return Text{}
}

// eraseAgainItems are Vandaag's items for the complaints whose personal data were erased or
// anonymised after a backup that was then restored (its register_restored event names them),
// until they are anonymised again: the confirmation of the restore said so once, but an
// erasure the complainant asked for (AVG article 17) must not stay undone by a restore.
func eraseAgainItems(q querier, today Date, s Settings) ([]ActionItem, error) {
	var items []ActionItem
	err := scanRows(q, func(it *ActionItem) []any {
		return []any{&it.ComplaintID, &it.Reference, &it.Complainant, &it.Organisation, &it.DueOn}
	}, func(it ActionItem) {
		it.Kind, it.Label = ItemEraseAgain, ItemEraseAgain.Label()
		it.DaysLeft, it.Warning = today.DaysUntil(it.DueOn), WarningFor(Date{}, it.DueOn, today, s.WarningDays())
		items = append(items, it)
	}, `SELECT DISTINCT c.id, c.reference, c.complainant_name, c.organisation, date(e.at, 'localtime')
		FROM events e JOIN event_payloads p ON p.event_id = e.id, json_each(p.payload, '$.erase_again') j
		JOIN complaints c ON c.reference = j.value
		WHERE e.complaint_id IS NULL AND e.kind = 'register_restored' AND c.anonymised_on IS NULL`)
	return items, err
}
