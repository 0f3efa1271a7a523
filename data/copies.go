package data

import (
	"encoding/json"
	"fmt"
)

// CopiesOut are copies of a complaint's documents that an expert still holds after the
// complainant withdrew the consent they were shared under (or refused it in a later answer). The procedure lets copies go to an
// expert only with consent; once it is withdrawn, the practitioner asks the expert to return or
// destroy them (the action item ItemReturnCopies) until that is recorded (RecordCopiesReturned).
// It is derived from the shares, the consents and the copies_returned events, never stored.
type CopiesOut struct {
	ComplaintID  int64  `json:"-"`
	Reference    string `json:"-"`
	Complainant  string `json:"-"`
	Organisation string `json:"-"`
	Anonymous    bool   `json:"-"`
	ExpertID     int64  `json:"expert_id"`
	Expert       string `json:"expert"`
	ShareID      int64  `json:"share_id"`     // the latest share to this expert under a consent that ended
	SharedOn     Date   `json:"shared_on"`    // its day
	WithdrawnOn  Date   `json:"withdrawn_on"` // the day such a consent ended (withdrawn or refused), the latest
}

// consentEndedSQL is the day the consent aliased cs ended: withdrawn, or refused by a later
// answer (the latest answer counts); NULL while it is in force.
const consentEndedSQL = `coalesce(cs.withdrawn_on, (SELECT min(r.given_on) FROM consents r WHERE r.complaint_id = cs.complaint_id
	AND r.refused AND (r.given_on > cs.given_on OR r.given_on = cs.given_on AND r.id > cs.id)))`

// copiesOutSQL reads CopiesOut: per complaint and expert the shares made under a consent that
// ended since, unless a copies_returned event for that expert covers the latest such share
// (its share_id). An anonymised file keeps them: the expert still holds the copies of a person
// whose data the register no longer has, and the erasure must reach them too (art. 19 AVG).
// Its %[2]s narrows the shares to one complaint, or, as Vandaag reads them, to the complaints
// with a consent withdrawn or refused: working out the end of every share's consent took 26 ms
// of Vandaag's 50 on the benchmark register (7,256 shares), this takes 2 ms. For one complaint
// that list is no help: reading it took 0.7 ms of the file's 1.6.
const copiesOutSQL = `SELECT o.complaint_id, c.reference, c.complainant_name, c.organisation, c.anonymous, o.expert_id, x.name,
	o.share_id, o.shared_on, o.withdrawn_on
	FROM (SELECT sh.complaint_id, sh.expert_id, max(sh.id) AS share_id, max(sh.shared_on) AS shared_on, max(%[1]s) AS withdrawn_on
		FROM shares sh JOIN consents cs ON cs.id = sh.consent_id
		WHERE %[2]s AND %[1]s IS NOT NULL GROUP BY sh.complaint_id, sh.expert_id) o
	JOIN experts x ON x.id = o.expert_id
	JOIN complaints c ON c.id = o.complaint_id
	WHERE NOT EXISTS (SELECT 1 FROM events e JOIN event_payloads p ON p.event_id = e.id
		WHERE e.complaint_id = o.complaint_id AND e.kind = 'copies_returned'
		AND json_extract(p.payload, '$.expert_id') = o.expert_id AND json_extract(p.payload, '$.share_id') >= o.share_id)
	ORDER BY c.reference, x.name`

// copiesOutSQL's narrowing: to the complaints with a consent that ended, as Vandaag reads the
// copies out in the whole register, or to one complaint, as its file does.
const (
	sharesOfEndedConsents = "sh.complaint_id IN (SELECT complaint_id FROM consents WHERE withdrawn_on IS NOT NULL OR refused)"
	sharesOfComplaint     = "sh.complaint_id = ?"
)

// copiesOut reads the copies still out for complaint id, or in the whole register for id 0.
func copiesOut(q querier, id int64) ([]CopiesOut, error) {
	narrow, args := sharesOfEndedConsents, []any{}
	if id != 0 {
		narrow, args = sharesOfComplaint, []any{id}
	}
	return collect(q, func(o *CopiesOut) []any {
		return []any{&o.ComplaintID, &o.Reference, &o.Complainant, &o.Organisation, &o.Anonymous, &o.ExpertID, &o.Expert,
			&o.ShareID, &o.SharedOn, &o.WithdrawnOn}
	}, fmt.Sprintf(copiesOutSQL, consentEndedSQL, narrow), args...)
}

// CopiesItems are the action items of copies still out: "Vraag <expert> de kopieën terug te
// geven of te vernietigen", due the short term (ack_days) after the withdrawal.
func CopiesItems(out []CopiesOut, today Date, s Settings) []ActionItem {
	var items []ActionItem
	for _, o := range out {
		due := ShortTermDue(o.WithdrawnOn, s)
		items = append(items, ActionItem{ComplaintID: o.ComplaintID, Reference: o.Reference, Complainant: o.Complainant,
			Organisation: o.Organisation, Anonymous: o.Anonymous, Detail: o.Expert, Kind: ItemReturnCopies,
			Label: fmt.Sprintf("Vraag %s de kopieën terug te geven of te vernietigen", o.Expert), DueOn: due, DaysLeft: today.DaysUntil(due),
			Warning: WarningFor(o.WithdrawnOn, due, today, s.WarningDays())})
	}
	return items
}

// CopiesReturned records that an expert returned the copies of a complaint's documents, or
// confirmed they were destroyed, after the consent they were shared under was withdrawn.
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
// no copies after a withdrawal, and for a day before their latest share or in the future. A
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
		out, err := copiesOut(tx, comp.ID)
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
			return conflict("%s heeft bij klacht %s geen kopieën meer die terug moeten: er zijn geen stukken gedeeld onder een ingetrokken toestemming, of de teruggave is al vastgelegd", r.Expert, ref)
		}
		if err := checkDayAfter("on", &r.On, held.SharedOn, Msg("het delen van de stukken"), tx.today()); err != nil {
			return err
		}
		r.ShareID = held.ShareID
		return tx.event(comp.ID, "copies_returned", r)
	})
}

// CopiesOut lists the experts that still hold copies of complaint ref's documents after a
// withdrawal of consent.
func (s *Store) CopiesOut(ref string) ([]CopiesOut, error) {
	return ofComplaint(s, ref, copiesOut)
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
