package data

import (
	"encoding/json"
	"fmt"
)

// CopiesOut are copies of a complaint's documents that an expert still holds when they are due
// back: the complainant withdrew the consent they were shared under (or refused it in a later
// answer), or the file ended (closed or withdrawn), as the expert's confidentiality statement
// promises their return or destruction once the advice is given. The procedure lets copies go to
// an expert only for the handling and only with consent; the practitioner then asks the expert
// to return or destroy them (the action item ItemReturnCopies) until that is recorded
// (RecordCopiesReturned). It is derived from the shares, the consents, the complaint and the
// copies_returned events, never stored.
type CopiesOut struct {
	ComplaintID  int64  `json:"-"`
	Reference    string `json:"-"`
	Complainant  string `json:"-"`
	Organisation string `json:"-"`
	Anonymous    bool   `json:"-"`
	ExpertID     int64  `json:"expert_id"`
	Expert       string `json:"expert"`
	ShareID      int64  `json:"share_id"`              // the latest share to this expert that is due back
	SharedOn     Date   `json:"shared_on"`             // its day
	WithdrawnOn  Date   `json:"withdrawn_on,omitzero"` // the day a consent they were shared under ended (withdrawn or refused), the latest; zero when none did
	EndedOn      Date   `json:"ended_on"`              // the day they became due back: that, or else the day the file ended
}

// consentEndedSQL is the day the consent aliased cs ended: withdrawn, or refused by a later
// answer (the latest answer counts); NULL while it is in force.
const consentEndedSQL = `coalesce(cs.withdrawn_on, (SELECT min(r.given_on) FROM consents r WHERE r.complaint_id = cs.complaint_id
	AND r.refused AND (r.given_on > cs.given_on OR r.given_on = cs.given_on AND r.id > cs.id)))`

// fileEndedSQL is the day the complaint aliased fc ended: closed (a reopened file is not) or
// withdrawn; NULL while it runs.
const fileEndedSQL = `coalesce(fc.closed_on, fc.withdrawn_on)`

// copiesOutSQL reads CopiesOut: per complaint and expert the latest share that is due back
// (made under a consent that ended since, or any once the file ended: %[2]s, NULL where only
// the consents count), with the days of that share (SQLite takes bare columns from the row of
// the max), unless a copies_returned event for that expert covers it (its share_id): an ended
// consent of copies returned before does not date a later share. An anonymised file keeps
// them: the expert still holds the copies of a person whose data the register no longer has,
// and the erasure must reach them too (art. 19 AVG). Its %[3]s narrows the shares (copiesOut).
const copiesOutSQL = `SELECT o.complaint_id, c.reference, c.complainant_name, c.organisation, c.anonymous, o.expert_id, x.name,
	o.share_id, o.shared_on, o.withdrawn_on, coalesce(o.withdrawn_on, o.file_ended)
	FROM (SELECT sh.complaint_id, sh.expert_id, max(sh.id) AS share_id, sh.shared_on AS shared_on, %[1]s AS withdrawn_on,
			%[2]s AS file_ended
		FROM shares sh JOIN consents cs ON cs.id = sh.consent_id JOIN complaints fc ON fc.id = sh.complaint_id
		WHERE %[3]s AND (%[1]s IS NOT NULL OR %[2]s IS NOT NULL) GROUP BY sh.complaint_id, sh.expert_id) o
	JOIN experts x ON x.id = o.expert_id
	JOIN complaints c ON c.id = o.complaint_id
	WHERE NOT EXISTS (SELECT 1 FROM events e JOIN event_payloads p ON p.event_id = e.id
		WHERE e.complaint_id = o.complaint_id AND e.kind = 'copies_returned'
		AND json_extract(p.payload, '$.expert_id') = o.expert_id AND json_extract(p.payload, '$.share_id') >= o.share_id)
	ORDER BY c.reference, x.name`

// copiesOutSQL's narrowing: to the complaints with a consent that ended, as Vandaag reads the
// copies out in the whole register (working out the end of every share's consent took 26 ms
// of Vandaag's 50 on the benchmark register, 7,256 shares; this takes 2 ms); to every share, as
// the retention list reads them; or to one complaint, as its file does (the list of complaints
// with a consent that ended is no help there: reading it took 0.7 ms of the file's 1.6).
// Vandaag leaves out the copies of a file that ended with its consent in force: finding those
// among the files ended lately, and whether each expert returned them, took 46 ms of CPU on
// the benchmark register, as the returns are events. The file asks for them, and closing it
// says so.
const (
	sharesOfEndedConsents = "sh.complaint_id IN (SELECT complaint_id FROM consents WHERE withdrawn_on IS NOT NULL OR refused)"
	sharesOfComplaint     = "sh.complaint_id = ?"
	everyShare            = "1"
)

// copiesOut reads the copies still out for complaint id; for id 0, of the consents that
// ended in the whole register (Vandaag), or every copy still out when all is set (the
// retention list).
func copiesOut(q querier, id int64, all bool) ([]CopiesOut, error) {
	narrow, args, fileEnded := sharesOfEndedConsents, []any{}, "NULL" // Vandaag: the consents alone
	switch {
	case id != 0:
		narrow, args, fileEnded = sharesOfComplaint, []any{id}, fileEndedSQL
	case all:
		narrow, fileEnded = everyShare, fileEndedSQL
	}
	return collect(q, func(o *CopiesOut) []any {
		return []any{&o.ComplaintID, &o.Reference, &o.Complainant, &o.Organisation, &o.Anonymous, &o.ExpertID, &o.Expert,
			&o.ShareID, &o.SharedOn, &o.WithdrawnOn, &o.EndedOn}
	}, fmt.Sprintf(copiesOutSQL, consentEndedSQL, fileEnded, narrow), args...)
}

// CopiesItems are the action items of copies still out: "Vraag <expert> de kopieën terug te
// geven of te vernietigen", due the short term (ack_days) after they became due back.
func CopiesItems(out []CopiesOut, today Date, s Settings) []ActionItem {
	var items []ActionItem
	for _, o := range out {
		due := ShortTermDue(o.EndedOn, s)
		items = append(items, ActionItem{ComplaintID: o.ComplaintID, Reference: o.Reference, Complainant: o.Complainant,
			Organisation: o.Organisation, Anonymous: o.Anonymous, Detail: o.Expert, Kind: ItemReturnCopies,
			Label: fmt.Sprintf("Vraag %s de kopieën terug te geven of te vernietigen", o.Expert), DueOn: due, DaysLeft: today.DaysUntil(due),
			Warning: WarningFor(o.EndedOn, due, today, s.WarningDays())})
	}
	return items
}

// CopiesReturned records that an expert returned the copies of a complaint's documents, or
// confirmed they were destroyed, once they were due back (see CopiesOut).
type CopiesReturned struct {
	ExpertID  int64  `json:"expert_id"`
	Expert    string `json:"expert"`
	On        Date   `json:"on"`
	Destroyed bool   `json:"destroyed"` // destroyed rather than returned
	// ShareID is the latest share the return covers, set by the store: a later share, after
	// a new consent that ends too, asks for the copies again, also on the same day.
	ShareID int64 `json:"share_id"`
}

// RecordCopiesReturned records, as an event of the complaint (copies_returned), that the expert
// returned or destroyed the copies still out with them. It is refused when that expert holds
// no copies due back, and for a day before their latest share or in the future. A
// closed, withdrawn or anonymised file still takes it: the copies come back after the
// complaint ended, and after its personal data were removed.
func (s *Store) RecordCopiesReturned(ref string, r CopiesReturned) error {
	return s.update(func(tx *Tx) error {
		comp, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if r.Expert, err = expertName(tx, r.ExpertID); err != nil {
			return err
		}
		out, err := copiesOut(tx, comp.ID, false)
		if err != nil {
			return err
		}
		var held *CopiesOut
		for i := range out {
			if out[i].ExpertID == r.ExpertID {
				held = &out[i]
			}
		}
		if held == nil {
			return conflict("%s heeft bij klacht %s geen kopieën die terug moeten: er is niets met deze deskundige gedeeld, de toestemming loopt nog en het dossier is niet afgesloten, of de teruggave is al vastgelegd", r.Expert, ref)
		}
		if err := checkDayAfter("on", &r.On, held.SharedOn, Msg("het delen van de stukken"), tx.today()); err != nil {
			return err
		}
		r.ShareID = held.ShareID
		return tx.event(comp.ID, "copies_returned", r)
	})
}

// CopiesOut lists the experts that still hold copies of complaint ref's documents that are
// due back (see CopiesOut).
func (s *Store) CopiesOut(ref string) ([]CopiesOut, error) {
	return ofComplaint(s, ref, func(q querier, id int64) ([]CopiesOut, error) { return copiesOut(q, id, false) })
}

// CopiesBack says, for the file's experts tab, each time an expert returned or destroyed the
// copies of documents (what the timeline says too); none for an event whose content was erased
// with the personal data.
func (f *File) CopiesBack() []Text {
	var out []Text
	for _, e := range f.Events {
		var r struct{ Expert string }
		if e.Kind == "copies_returned" && json.Unmarshal(e.Payload, &r) == nil && r.Expert != "" {
			out = append(out, e.Describe())
		}
	}
	return out
}
