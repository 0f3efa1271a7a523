package data

import (
	"database/sql"
	"errors"
	"net/http"
	"time"
)

// AddAttachment stores a document with a complaint and returns its ID.
func (s *Store) AddAttachment(ref, name string, content []byte) (int64, error) {
	name, err := checkAttachment(name, content)
	if err != nil {
		return 0, err
	}
	a := Attachment{Name: name, MediaType: http.DetectContentType(content), Size: int64(len(content)), SHA256: sha256Hex(content)}
	err = s.update(func(tx *Tx) error {
		c, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		id := c.ID
		// The same document twice is a slip (chosen again, or a second scan of the same file):
		// the file would list it twice, and an expert or the complainant would get it twice.
		var same string
		switch err := tx.QueryRow(`SELECT name FROM attachments WHERE complaint_id = ? AND sha256 = ? LIMIT 1`, id, a.SHA256).Scan(&same); {
		case err == nil:
			return conflict("dit document staat al bij klacht %s, als ‘%s’; het wordt niet nog eens bewaard", c.Reference, same)
		case err != sql.ErrNoRows:
			return err
		}
		a.AddedAt = tx.now.UTC()
		res, err := tx.Exec(`INSERT INTO attachments (complaint_id, name, media_type, size, sha256, content, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, a.Name, a.MediaType, a.Size, a.SHA256, content, a.AddedAt.Format(time.RFC3339))
		if err != nil {
			return err
		}
		a.ID, _ = res.LastInsertId()
		return tx.event(id, "attachment_added", a)
	})
	return a.ID, err
}

// RemoveAttachment takes a document off complaint ref that does not belong there (added to
// the wrong complaint, the wrong file): its content and its name go, also from the audit
// trail, where the event that added it keeps its place in the chain but not its payload
// (an erasure record says so, as anonymising does), and an event records the removal with
// the reason, the day it was added and the document's fingerprint (not its name). A document
// that is part of the handling stays (attachmentKept); a closed file is reopened first.
func (s *Store) RemoveAttachment(ref string, id int64, reason string) error {
	reason, err := cleanText("reason", reason, textRule{max: 1000, multiLine: true}.as("de reden"))
	if err != nil {
		return err
	}
	if reason == "" {
		return invalid("reason", "geef op waarom de bijlage wordt verwijderd, bijvoorbeeld: toegevoegd aan de verkeerde klacht; de reden komt in het dossier")
	}
	return s.update(func(tx *Tx) error {
		c, err := tx.changeable(ref)
		if err != nil {
			return err
		}
		var a Attachment
		var added string
		switch err := tx.QueryRow(`SELECT name, size, sha256, added_at FROM attachments WHERE id = ? AND complaint_id = ?`,
			id, c.ID).Scan(&a.Name, &a.Size, &a.SHA256, &added); {
		case err == sql.ErrNoRows:
			return notFound("klacht %s heeft geen bijlage %d", c.Reference, id)
		case err != nil:
			return err
		case a.Erased():
			return conflict("bijlage %d is al gewist bij het anonimiseren van de klacht", id)
		}
		a.AddedAt, _ = time.Parse(time.RFC3339, added)
		if err := attachmentKept(tx, c, id, a.Name, added); err != nil {
			return err
		}
		var events []int64 // the event that added it: its payload names the file
		if err := scanRows(tx, func(n *int64) []any { return []any{n} }, func(n int64) { events = append(events, n) },
			`SELECT DISTINCT r.event_id FROM event_rows r JOIN events e ON e.id = r.event_id
			WHERE r.tbl = 'attachments' AND r.row_key = ? AND e.kind = 'attachment_added' ORDER BY r.event_id`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM attachments WHERE id = ?`, id); err != nil {
			return err
		}
		er, err := tx.eraseHistory([]rowRef{{"attachments", id}}, events)
		if err != nil {
			return err
		}
		if err := tx.event(c.ID, "attachment_removed", map[string]any{"id": id, "added_on": DateOf(a.AddedAt.Local()),
			"size": a.Size, "sha256": a.SHA256, "reason": reason}); err != nil {
			return err
		}
		return tx.event(c.ID, "payload_erased", er)
	})
}

// attachmentKept refuses to remove a document that is part of the handling: one a consent
// names, one shared with an expert, or one a stored letter may name (the consent form of a
// letter made after it was added lists the file's attachments, as may a confidentiality
// statement, and a letter stays as it was made, so the name would stay in the register).
func attachmentKept(tx *Tx, c *Complaint, id int64, name, added string) error {
	var on Date
	var who string
	switch err := tx.QueryRow(`SELECT c.given_on FROM consent_documents d JOIN consents c ON c.id = d.consent_id
		WHERE d.attachment_id = ? ORDER BY c.id LIMIT 1`, id).Scan(&on); {
	case err == nil:
		return conflict("‘%s’ staat in de toestemming van %s en hoort daarmee bij de behandeling van klacht %s; de bijlage blijft bewaard", name, on, c.Reference)
	case err != sql.ErrNoRows:
		return err
	}
	switch err := tx.QueryRow(`SELECT s.shared_on, e.name FROM shares s JOIN experts e ON e.id = s.expert_id
		WHERE s.attachment_id = ?1 OR s.id IN (SELECT share_id FROM share_documents WHERE attachment_id = ?1) ORDER BY s.id LIMIT 1`,
		id).Scan(&on, &who); {
	case err == nil:
		return conflict("‘%s’ is op %s gedeeld met %s en hoort daarmee bij de behandeling van klacht %s; de bijlage blijft bewaard", name, on, who, c.Reference)
	case err != sql.ErrNoRows:
		return err
	}
	var kind LetterKind
	var made string
	switch err := tx.QueryRow(`SELECT kind, created_at FROM letters WHERE complaint_id = ? AND (asks_consent OR kind = 'confidentiality')
		AND created_at >= ? ORDER BY id LIMIT 1`, c.ID, added).Scan(&kind, &made); {
	case err == nil:
		at, _ := time.Parse(time.RFC3339, made)
		return conflict("‘%s’ wordt genoemd in de brief ‘%s’ van %s; die brief blijft bewaard zoals hij is gemaakt, en daarom ook de bijlage", name, kind, DateOf(at.Local()))
	case err != sql.ErrNoRows:
		return err
	}
	return nil
}

// Attachments lists a complaint's documents, oldest first.
func (s *Store) Attachments(ref string) ([]Attachment, error) {
	return ofComplaint(s, ref, attachments)
}

func attachments(q querier, id int64) ([]Attachment, error) {
	type row struct {
		Attachment
		at string
	}
	var out []Attachment
	err := scanRows(q, func(r *row) []any { return []any{&r.ID, &r.Name, &r.MediaType, &r.Size, &r.SHA256, &r.at} },
		func(r row) {
			r.AddedAt, _ = time.Parse(time.RFC3339, r.at)
			out = append(out, r.Attachment)
		}, `SELECT id, name, media_type, size, sha256, added_at FROM attachments WHERE complaint_id = ? ORDER BY id`, id)
	return out, err
}

// AttachmentContent returns a document's bytes, checked against the SHA-256 taken when it was added.
func (s *Store) AttachmentContent(id int64) ([]byte, error) {
	var content []byte
	var sum string
	err := s.reads().QueryRow(`SELECT content, sha256 FROM attachments WHERE id = ?`, id).Scan(&content, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("bijlage %d bestaat niet", id)
	} else if err != nil {
		return nil, err
	}
	if sum == "" {
		return nil, conflict("bijlage %d is verwijderd toen de klacht werd geanonimiseerd", id)
	}
	if sha256Hex(content) != sum {
		return nil, NewError(CodeDatabase, "", "bijlage %d is beschadigd: de inhoud klopt niet meer met de controlecode van toen hij werd toegevoegd", id)
	}
	return content, nil
}
