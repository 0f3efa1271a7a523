package data

import (
	"bytes"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// SaveLetter stores a generated letter as the next version of its kind for the complaint;
// earlier versions are kept. The PDF is rendered by the caller (package letters), so this
// package needs no knowledge of layout. expertID names the expert of a confidentiality
// statement (0 for other letters). Whether it asks consent follows AsksConsent, the rule
// package letters reads to enclose the consent form. The letter is dated today.
func (s *Store) SaveLetter(ref string, kind LetterKind, lang string, pdf []byte, expertID int64) (Letter, error) {
	return s.SaveDatedLetter(ref, kind, lang, pdf, expertID, Date{})
}

// SaveDatedLetter is SaveLetter for a letter that carries the date on (CheckLetterDate: today
// or up to two weeks ahead; zero for today). It cannot be marked sent before that day.
func (s *Store) SaveDatedLetter(ref string, kind LetterKind, lang string, pdf []byte, expertID int64, on Date) (Letter, error) {
	l := Letter{Kind: kind, Language: lang, Size: int64(len(pdf)), SHA256: sha256Hex(pdf), ExpertID: expertID}
	if _, err := ParseLetterKind(string(kind)); err != nil {
		return l, err
	}
	if _, err := ParseLanguage(lang); err != nil {
		return l, err
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) > MaxAttachmentSize {
		return l, invalid("pdf", "de brief is geen PDF-bestand (of groter dan 25 MB) en wordt niet bewaard")
	}
	err := s.update(func(tx *Tx) error {
		c, err := getComplaint(tx, ref)
		if err != nil {
			return err
		}
		if err := LetterMakeRefusal(c, kind); err != nil {
			return err
		}
		if l.DatedOn = on; on.IsZero() {
			l.DatedOn = tx.today()
		} else if err := CheckLetterDate(on, tx.today()); err != nil {
			return err
		}
		if (kind == LetterConfidentiality) != (expertID != 0) {
			return invalid("expert", "alleen een geheimhoudingsverklaring is aan een deskundige gericht; kies bij die brief de deskundige")
		}
		if expertID != 0 {
			if _, err := expertName(tx, expertID); err != nil {
				return err
			}
		}
		set, err := settings(tx)
		if err != nil {
			return err
		}
		answers, err := readConsents(tx, c.ID, Date{})
		if err != nil {
			return err
		}
		if kind == LetterOutcome {
			var measures int
			if err := tx.QueryRow(`SELECT count(*) FROM complaint_measures WHERE complaint_id = ?`, c.ID).Scan(&measures); err != nil {
				return err
			}
			if err := OutcomeLetterRefusal(c, measures); err != nil {
				return err
			}
		}
		if kind == LetterInformation {
			asked, err := contacts(tx, c.ID)
			if err != nil {
				return err
			}
			if err := InformationLetterRefusal(c, openRequest(asked), tx.today()); err != nil {
				return err
			}
		}
		if kind == LetterConfidentiality {
			state := ConsentNotAsked
			if n := len(answers); n > 0 {
				state = answers[n-1].State()
			}
			if err := ExpertLetterRefusal(c, state); err != nil {
				return err
			}
		}
		l.AsksConsent = AsksConsent(kind, c, set, len(answers) > 0)
		l.Reference, l.CreatedAt = c.Reference, tx.now.UTC().Truncate(time.Second)
		if err := tx.QueryRow(`SELECT coalesce(max(version), 0) + 1 FROM letters WHERE complaint_id = ? AND kind = ?`,
			c.ID, kind).Scan(&l.Version); err != nil {
			return err
		}
		args := []any{c.ID, kind, l.Version, lang, l.CreatedAt.Format(time.RFC3339), pdf, l.SHA256, l.AsksConsent, nullID(expertID)}
		insert := `INSERT INTO letters (complaint_id, kind, version, language, created_at, pdf, sha256, asks_consent, expert_id, dated_on)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		if datedLetters() {
			args = append(args, l.DatedOn)
		} else {
			insert = `INSERT INTO letters (complaint_id, kind, version, language, created_at, pdf, sha256, asks_consent, expert_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		}
		res, err := tx.Exec(insert, args...)
		if err != nil {
			return err
		}
		if l.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return tx.event(c.ID, "letter_generated", l)
	})
	return l, err
}

const letterColumns = `l.id, c.reference, l.kind, l.version, l.language, l.created_at, length(l.pdf), l.sha256, l.sent_on,
	coalesce(l.sent_via, ''), coalesce(l.contact_id, 0), l.asks_consent, coalesce(l.expert_id, 0), l.dated_on`

// datedLetters reports whether letters keep their date (migration 21). Only a test that makes
// a register as an older build left it (migrationsUpTo) has letters without, and the store
// then writes and reads them as that build did.
func datedLetters() bool { return migrationsUpTo == 0 || migrationsUpTo >= 21 }

// letterSelect is the letters' columns as the register has them (see datedLetters).
func letterSelect() string {
	if datedLetters() {
		return letterColumns
	}
	return strings.Replace(letterColumns, "l.dated_on", "NULL", 1)
}

func scanLetter(row interface{ Scan(...any) error }) (Letter, error) {
	var l Letter
	var at string
	if err := row.Scan(&l.ID, &l.Reference, &l.Kind, &l.Version, &l.Language, &at, &l.Size, &l.SHA256, &l.SentOn, &l.SentVia, &l.ContactID, &l.AsksConsent, &l.ExpertID, &l.DatedOn); err != nil {
		return l, err
	}
	l.CreatedAt, _ = time.Parse(time.RFC3339, at)
	if l.DatedOn.IsZero() { // made before letters kept their date: dated the day they were made
		l.DatedOn = Today(l.CreatedAt)
	}
	return l, nil
}

// Letters lists a complaint's letters, oldest first.
func (s *Store) Letters(ref string) ([]Letter, error) { return ofComplaint(s, ref, letters) }

func letters(q querier, id int64) ([]Letter, error) {
	rows, err := q.Query(`SELECT `+letterSelect()+` FROM letters l JOIN complaints c ON c.id = l.complaint_id
		WHERE l.complaint_id = ? ORDER BY l.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Letter
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// LatestLetter returns the newest version of a kind of letter for a complaint.
func (s *Store) LatestLetter(ref string, kind LetterKind) (Letter, error) {
	if _, err := ParseLetterKind(string(kind)); err != nil {
		return Letter{}, err
	}
	l, err := scanLetter(s.reads().QueryRow(`SELECT `+letterSelect()+` FROM letters l JOIN complaints c ON c.id = l.complaint_id
		WHERE c.reference = ? AND l.kind = ? ORDER BY l.version DESC LIMIT 1`, ref, kind))
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := complaintID(s.reads(), ref); err != nil {
			return l, err
		}
		return l, notFound("bij klacht %s is nog geen %s gemaakt", ref, kind)
	}
	return l, err
}

// LetterPDF returns a stored letter's bytes for a reprint, checked against the SHA-256 taken
// when it was made, so what is printed again is exactly what was sent.
func (s *Store) LetterPDF(id int64) ([]byte, error) {
	var pdf []byte
	var sum string
	err := s.reads().QueryRow(`SELECT pdf, sha256 FROM letters WHERE id = ?`, id).Scan(&pdf, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("brief %d bestaat niet", id)
	} else if err != nil {
		return nil, err
	}
	if sum == "" {
		return nil, conflict("brief %d is verwijderd toen de klacht werd geanonimiseerd", id)
	}
	if sha256Hex(pdf) != sum {
		return nil, NewError(CodeDatabase, "", "brief %d is beschadigd: de inhoud klopt niet meer met de controlecode van toen hij werd gemaakt", id)
	}
	return pdf, nil
}

// MarkLetterSent records that a letter went out on the given day (zero: today) and how. A
// letter to the complainant also records the contact moment, and marking the acknowledgement
// sent while receipt is not yet confirmed takes the acknowledge step: all in one transaction.
// The confidentiality statement goes to the expert, not the complainant, so it records no
// contact: it cannot count as keeping the complainant informed.
func (s *Store) MarkLetterSent(id int64, on Date, via Delivery) error {
	if _, err := ParseDelivery(string(via)); err != nil {
		return err
	}
	return s.update(func(tx *Tx) error {
		l, err := scanLetter(tx.QueryRow(`SELECT `+letterSelect()+` FROM letters l JOIN complaints c ON c.id = l.complaint_id
			WHERE l.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("brief %d bestaat niet", id)
		} else if err != nil {
			return err
		}
		if !l.SentOn.IsZero() {
			return conflict("de %s (versie %d) van klacht %s is al als verstuurd gemarkeerd op %s", l.Kind, l.Version, l.Reference, l.SentOn)
		}
		c, err := getComplaint(tx, l.Reference)
		if err != nil {
			return err
		}
		if err := LetterStepRefusal(c, l.Kind); err != nil {
			return err
		}
		if on.IsZero() {
			on = tx.today()
		}
		if on.Before(l.DatedOn) {
			return invalid("on", "de %s (versie %d) is gedateerd %s en kan niet eerder zijn verstuurd; markeer de brief op of na die dag als verstuurd, of maak hem opnieuw met een eerdere datum", l.Kind, l.Version, l.DatedOn)
		}
		var contactID *int64 // NULL: no contact moment
		// The withdrawal's confirmation goes to a file that takes no more contacts, and the
		// request for information is the contact its request recorded: their sending is recorded
		// on the letter and in the audit trail only.
		if l.Kind != LetterConfidentiality && l.Kind != LetterWithdrawal && l.Kind != LetterInformation {
			note := l.SentNote(via)
			ct := Contact{On: on, Kind: via.contactKind(), Note: note.String()}
			if err := tx.addContact(c, &ct, note); err != nil {
				return err
			}
			contactID, l.ContactID = &ct.ID, ct.ID
		}
		if _, err := tx.Exec(`UPDATE letters SET sent_on = ?, sent_via = ?, contact_id = ? WHERE id = ?`, on, via, contactID, id); err != nil {
			return err
		}
		l.SentOn, l.SentVia = on, via
		if err := tx.event(c.ID, "letter_sent", l); err != nil {
			return err
		}
		if l.Kind == LetterAcknowledgement && c.Status == StatusReceived {
			return tx.step(c.Reference, ActionAcknowledge, acknowledge(on))
		}
		return nil
	})
}
