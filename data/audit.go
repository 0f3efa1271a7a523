package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// genesis is the "previous hash" of the first event.
var genesis = strings.Repeat("0", 64)

// Event is one entry of the audit trail: who changed what, when. Payload is the detail
// (field changes, the text of a contact, ...); it may have been erased for retention,
// in which case it is nil while PayloadSHA256 still anchors it in the chain.
type Event struct {
	ID            int64           `json:"id"`
	At            time.Time       `json:"at"`
	Actor         string          `json:"actor"`
	ComplaintID   int64           `json:"-"`
	Kind          string          `json:"kind"`
	Payload       json.RawMessage `json:"payload"`
	PayloadSHA256 string          `json:"-"`
	PrevHash      string          `json:"-"`
	// RowsSHA256 is the digest of the state rows the event changed (see rowsDigest);
	// "" for an event that changed none, and for every event from before row tracking.
	RowsSHA256 string `json:"-"`
	Hash       string `json:"hash"`

	// importLine is the line an imported complaint had in the file, set by Timeline on the
	// import's event, which is about the whole file.
	importLine int
}

// Change is one field's old and new value, as recorded by an edit event.
type Change struct {
	Old any `json:"old"`
	New any `json:"new"`
}

// chainHash is what each event's hash covers: its own fields, its payload's hash, the digest
// of the rows it changed and the previous event's hash. Changing, removing or reordering any
// event breaks every hash after it.
func chainHash(e Event) string {
	// Appended by hand rather than with fmt: verify hashes every event of the register.
	b := make([]byte, 0, 384)
	b = strconv.AppendInt(b, e.ID, 10)
	b = append(b, '\n')
	b = e.At.UTC().AppendFormat(b, time.RFC3339Nano)
	b = append(append(append(b, '\n'), e.Actor...), '\n')
	b = strconv.AppendInt(b, e.ComplaintID, 10)
	for _, f := range []string{e.Kind, e.PayloadSHA256, e.PrevHash} {
		b = append(append(b, '\n'), f...)
	}
	if e.RowsSHA256 != "" { // events from before row tracking keep their hash
		b = append(append(b, '\n'), e.RowsSHA256...)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// event appends an audit event inside the transaction of the change it records.
// complaintID 0 means the event is about the register (settings, experts).
func (tx *Tx) event(complaintID int64, kind string, payload any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	e := Event{At: tx.now, Actor: tx.store.Actor, ComplaintID: complaintID, Kind: kind, PayloadSHA256: sha256Hex(body)}
	if e.ID, e.PrevHash, err = tx.lastEvent(); err != nil {
		return err
	}
	e.ID++
	if e.RowsSHA256, err = tx.pendingDigest(); err != nil {
		return err
	}
	e.Hash = chainHash(e)
	if _, err := tx.Exec(`INSERT INTO events (id, at, actor, complaint_id, kind, payload_sha256, prev_hash, hash, rows_sha256)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, e.At.UTC().Format(time.RFC3339Nano), e.Actor, nullID(complaintID),
		e.Kind, e.PayloadSHA256, e.PrevHash, e.Hash, e.RowsSHA256); err != nil {
		return err
	}
	if err := tx.takePendingRows(e.ID); err != nil {
		return err
	}
	if tx.batch != nil {
		tx.batch.lastID, tx.batch.lastHash = e.ID, e.Hash
	}
	_, err = tx.Exec(`INSERT INTO event_payloads (event_id, payload) VALUES (?, ?)`, e.ID, string(body))
	return err
}

// lastEvent is the ID and hash of the newest event, which the next one chains to: the
// genesis hash when there is none. A batch remembers it, as only the batch writes events.
func (tx *Tx) lastEvent() (id int64, hash string, err error) {
	if tx.batch != nil && tx.batch.lastID != 0 {
		return tx.batch.lastID, tx.batch.lastHash, nil
	}
	err = tx.QueryRow(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).Scan(&id, &hash)
	if err == sql.ErrNoRows {
		return 0, genesis, nil
	}
	return id, hash, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const eventColumns = `e.id, e.at, e.actor, coalesce(e.complaint_id, 0), e.kind, e.payload_sha256, e.prev_hash, e.hash,
	e.rows_sha256, p.payload`

func scanEvent(rows *sql.Rows) (Event, error) {
	var e Event
	var at string
	var payload sql.NullString
	if err := rows.Scan(&e.ID, &at, &e.Actor, &e.ComplaintID, &e.Kind, &e.PayloadSHA256, &e.PrevHash, &e.Hash, &e.RowsSHA256, &payload); err != nil {
		return e, err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return e, fmt.Errorf("tijdstip van vastlegging %d is onleesbaar: %q", e.ID, at)
	}
	e.At = t
	if payload.Valid {
		e.Payload = json.RawMessage(payload.String)
	}
	return e, nil
}

// Timeline returns every event about one complaint, oldest first.
func (s *Store) Timeline(ref string) ([]Event, error) { return ofComplaint(s, ref, timeline) }

func timeline(q querier, id int64) ([]Event, error) {
	var imported sql.NullInt64
	var line int
	if err := q.QueryRow(`SELECT imported_event, imported_line FROM complaints WHERE id = ?`, id).Scan(&imported, &line); err != nil {
		return nil, err
	}
	// An imported complaint's history starts with the import, one event for the whole file.
	rows, err := q.Query(`SELECT `+eventColumns+` FROM events e LEFT JOIN event_payloads p ON p.event_id = e.id
		WHERE e.complaint_id = ? OR e.id = ? ORDER BY e.id`, id, imported)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		if e.Kind == "register_imported" {
			e.importLine = line
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// documentsOf are the documents a consent or share event names: the Text stored under key,
// or for an event written before it was stored, the documents by id with the Dutch that was
// stored under dutchKey.
func documentsOf(p map[string]any, key, dutchKey string) any {
	b, _ := json.Marshal(p)
	var t Text
	if raw, ok := p[key]; ok {
		rb, _ := json.Marshal(raw)
		if json.Unmarshal(rb, &t) == nil && t.Key != "" {
			return t
		}
	}
	var d DocumentsSaid
	_ = json.Unmarshal(b, &d.Documents)
	d.Dutch, _ = p[dutchKey].(string)
	return d
}

// DocumentsSaid are documents as an older event names them: by id, and in the Dutch the
// register wrote then, names included. A screen in another language names them by id.
type DocumentsSaid struct {
	Documents
	Dutch string
}

// Label is the Dutch the event recorded.
func (d DocumentsSaid) Label() string { return d.Dutch }

// withdrawnWithNote is the detail of a withdrawal with a note; events recorded before it
// carry withdrawnWithNoteBefore, which ran the date and the note together.
const (
	withdrawnWithNote       = "klacht ingetrokken op %s; toelichting: %s"
	withdrawnWithNoteBefore = "klacht ingetrokken op %s %s"
)

// Describe says in the practitioner's words what the event recorded: Dutch with String, in
// the screens' language in the desktop app.
func (e Event) Describe() Text {
	if e.Payload == nil {
		return Msg("%s (inhoud gewist)", Capital{EventKind(e.Kind)})
	}
	var p map[string]any
	_ = json.Unmarshal(e.Payload, &p)
	str := func(k string) string { v, _ := p[k].(string); return v }
	date := func(k string) any {
		if d, err := ParseDate(str(k)); err == nil {
			return d
		}
		return str(k)
	}
	switch e.Kind {
	case "register_imported":
		if e.importLine > 0 {
			return Msg("Geïmporteerd uit %s, regel %d", str("file"), e.importLine)
		}
		if n, _ := p["imported"].(float64); n == 1 {
			return Msg("Register geïmporteerd uit %s: 1 klacht (SHA-256 %s)", str("file"), str("sha256"))
		}
		return Msg("Register geïmporteerd uit %s: %v klachten (SHA-256 %s)", str("file"), p["imported"], str("sha256"))
	case "complaint_created":
		return Msg("Klacht geregistreerd: %s", str("summary"))
	case "complaint_edited":
		return Msg("Gegevens gewijzigd: %s", fieldNames(p))
	case "status_changed":
		var detail Text
		if raw, ok := p["detail_text"]; ok { // events before it have the Dutch detail only
			b, _ := json.Marshal(raw)
			_ = json.Unmarshal(b, &detail)
			if detail.Key == withdrawnWithNoteBefore { // recorded before the note had its label
				detail.Key = withdrawnWithNote
			}
		} else if d := str("detail"); d != "" {
			detail = Msg("%s", d)
		}
		if detail.Key != "" {
			return Msg("Status van %s naar %s: %s", Status(str("from")), Status(str("to")), detail)
		}
		return Msg("Status van %s naar %s", Status(str("from")), Status(str("to")))
	case "contact_added":
		var note any = str("note")
		if raw, ok := p["note_text"]; ok { // the note the program wrote, as a Text
			var t Text
			if b, err := json.Marshal(raw); err == nil && json.Unmarshal(b, &t) == nil {
				note = t
			}
		}
		kind, asked := ContactKind(str("kind")), str("info_requested")
		switch empty := note == ""; {
		case asked != "" && empty: // a request sent without a note of its own
			return Msg("Contactmoment (%s): informatie gevraagd: %s (uiterlijk %s)", kind, asked, date("info_due_on"))
		case asked != "" && endsSentence(note):
			return Msg("Contactmoment (%s): %s Informatie gevraagd: %s (uiterlijk %s)", kind, note, asked, date("info_due_on"))
		case asked != "": // "…reactie.; informatie gevraagd" read twice stopped
			return Msg("Contactmoment (%s): %s; informatie gevraagd: %s (uiterlijk %s)", kind, note, asked, date("info_due_on"))
		case empty: // the note erased with the personal data
			return Msg("Contactmoment (%s)", kind)
		}
		return Msg("Contactmoment (%s): %s", kind, note)
	case "information_received":
		if note := str("note"); note != "" {
			return Msg("Gevraagde informatie ontvangen: %s", note)
		}
		return Msg("Gevraagde informatie ontvangen")
	case "consent_given":
		return Msg("Toestemming externe deskundige vastgelegd: %s", documentsOf(p, "scope_text", "scope"))
	case "consent_refused":
		return Msg("Toestemming externe deskundige geweigerd")
	case "consent_withdrawn":
		if with, _ := p["copies_with"].([]any); len(with) > 0 {
			names := make([]string, len(with))
			for i, n := range with {
				names[i], _ = n.(string)
			}
			return Msg("Toestemming externe deskundige ingetrokken; kopieën terugvragen bij %s", strings.Join(names, ", "))
		}
		return Msg("Toestemming externe deskundige ingetrokken")
	case "copies_returned":
		if p["destroyed"] == true {
			return Msg("%s heeft de kopieën vernietigd (%s)", str("expert"), date("on"))
		}
		return Msg("%s heeft de kopieën teruggegeven (%s)", str("expert"), date("on"))
	case "statement_signed":
		return Msg("Geheimhoudingsverklaring ondertekend door %s op %s", str("expert"), date("signed_on"))
	case "documents_shared":
		return Msg("Stukken gedeeld met %s: %s", str("expert"), documentsOf(p, "documents_text", "documents"))
	case "attachment_added":
		return Msg("Bijlage toegevoegd: %s", str("name"))
	case "attachment_removed":
		if str("added_on") == "" { // recorded before the day it was added was
			return Msg("Bijlage verwijderd: %s", str("reason"))
		}
		return Msg("Bijlage verwijderd (toegevoegd op %s): %s", date("added_on"), str("reason"))
	case "letter_generated":
		return Msg("Brief gemaakt: %s (versie %v, %s)", LetterKind(str("kind")), p["version"], LanguageName(str("language")))
	case "measure_added":
		return Msg("Verbetermaatregel %s vastgelegd: %s", str("code"), str("description"))
	case "measure_edited":
		changes, _ := p["changes"].(map[string]any)
		return Msg("Verbetermaatregel %s gewijzigd: %s", str("code"), fieldNames(changes))
	case "measure_linked":
		return Msg("Verbetermaatregel %s gekoppeld: %s", str("code"), str("description"))
	case "measure_unlinked":
		return Msg("Verbetermaatregel %s ontkoppeld", str("code"))
	case "measure_done":
		return Msg("Verbetermaatregel %s uitgevoerd op %s", str("code"), date("done_on"))
	case "measure_evaluated":
		return Msg("Effect van verbetermaatregel %s beoordeeld: %s", str("code"), Effect(str("effect")))
	case "no_measure_recorded":
		return Msg("Geen verbetermaatregel nodig: %s", str("reason"))
	case "root_cause_added":
		return Msg("Oorzaak toegevoegd: %s", str("label"))
	case "hold_placed":
		return Msg("Juridische bewaarplicht: %s", str("reason"))
	case "hold_released":
		return Msg("Juridische bewaarplicht opgeheven")
	case "complaint_anonymised":
		if p["erasure_request"] == true {
			return Msg("Persoonsgegevens gewist op verzoek: %s", str("reason"))
		}
		reason := any(str("reason"))
		if reason == RetentionReason { // the program's own reason, in the screens' language
			reason = Msg("bewaartermijn verstreken")
		}
		return Msg("Persoonsgegevens verwijderd (geanonimiseerd): %s", reason)
	case "payload_erased":
		events, _ := p["events"].([]any)
		if len(events) == 1 {
			return Msg("Inhoud van 1 eerdere vastlegging gewist")
		}
		return Msg("Inhoud van %d eerdere vastleggingen gewist", len(events))
	case "letter_sent":
		return Msg("Brief verstuurd: %s (versie %v) %s op %s", LetterKind(str("kind")), p["version"],
			Delivery(str("sent_via")), date("sent_on"))
	}
	return Msg("%s", e.Kind)
}

// fieldNames are the changed fields an edit event records, in order.
func fieldNames(changes map[string]any) FieldNames {
	var out FieldNames
	for _, k := range slices.Sorted(maps.Keys(changes)) {
		out = append(out, FieldName(k))
	}
	return out
}

// endsSentence tells a note typed as a sentence (ending in a full stop, question or
// exclamation mark), after which the timeline begins a new one.
func endsSentence(note any) bool {
	s, ok := note.(string)
	s = strings.TrimSpace(s)
	return ok && s != "" && strings.ContainsRune(".!?", rune(s[len(s)-1]))
}

// EventKind is the kind of an event (contact_added), as a timeline names an event whose
// content was erased.
type EventKind string

// Label is the kind in the practitioner's words; a kind without one shows its name.
func (k EventKind) Label() string {
	if l, ok := eventLabels[k]; ok {
		return l
	}
	return string(k)
}

// eventLabels name the kinds of event a complaint's timeline holds. The desktop app has them
// in English as "event.<kind>".
var eventLabels = map[EventKind]string{
	"complaint_created": "klacht geregistreerd", "complaint_edited": "gegevens gewijzigd", "status_changed": "status gewijzigd",
	"contact_added": "contactmoment", "information_received": "informatie ontvangen", "consent_given": "toestemming gegeven",
	"consent_refused": "toestemming geweigerd", "consent_withdrawn": "toestemming ingetrokken",
	"statement_signed": "geheimhoudingsverklaring ondertekend", "documents_shared": "stukken gedeeld",
	"copies_returned":  "kopieën terug of vernietigd",
	"attachment_added": "bijlage toegevoegd", "attachment_removed": "bijlage verwijderd", "letter_generated": "brief gemaakt", "letter_sent": "brief verstuurd",
	"measure_added": "maatregel vastgelegd", "measure_edited": "maatregel gewijzigd", "measure_linked": "maatregel gekoppeld",
	"measure_unlinked": "maatregel ontkoppeld", "measure_done": "maatregel uitgevoerd",
	"measure_evaluated": "effect van maatregel beoordeeld", "no_measure_recorded": "geen maatregel nodig",
	"root_cause_added": "oorzaak toegevoegd", "hold_placed": "juridische bewaarplicht ingesteld", "hold_released": "juridische bewaarplicht opgeheven",
	"complaint_anonymised": "geanonimiseerd", "payload_erased": "inhoud gewist", "register_imported": "geïmporteerd",
}

// EventKinds lists every kind with a name of its own, for the translations' completeness test.
func EventKinds() []EventKind { return slices.Collect(maps.Keys(eventLabels)) }

// LanguageName is a letter's language in words.
func LanguageName(code string) any {
	switch code {
	case "nl":
		return Msg("Nederlands")
	case "en":
		return Msg("Engels")
	}
	return code
}
