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
		return nil, NewError(CodeDatabase, "", "bijlage %d is beschadigd: de inhoud klopt niet meer met de vingerafdruk van toen hij werd toegevoegd", id)
	}
	return content, nil
}
