package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestAttachmentsRoundTrip(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusReceived)
	binary := append([]byte{0, 1, 2, 0xff, 0}, bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 1000)...)
	tests := []struct {
		name, stored, media string
		content             []byte
	}{
		{"verslag.pdf", "verslag.pdf", "application/pdf", []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")},
		{"  brief klager.txt ", "brief klager.txt", "text/plain; charset=utf-8", []byte("Geachte praktijk,\n")},
		{"../../etc/passwd", "passwd", "text/plain; charset=utf-8", []byte("root:x:0:0")},
		{"scan.bin", "scan.bin", "application/octet-stream", binary},
	}
	for i, tt := range tests {
		id, err := s.AddAttachment(ref, tt.name, tt.content)
		must(t, err)
		list, err := s.Attachments(ref)
		must(t, err)
		if len(list) != i+1 {
			t.Fatalf("%d attachments listed, want %d", len(list), i+1)
		}
		a := list[i]
		sum := sha256.Sum256(tt.content)
		if a.ID != id || a.Name != tt.stored || a.MediaType != tt.media || a.Size != int64(len(tt.content)) ||
			a.SHA256 != hex.EncodeToString(sum[:]) || !a.AddedAt.Equal(noon(day("2026-03-02"))) {
			t.Errorf("attachment %q stored as %+v", tt.name, a)
		}
		got, err := s.AttachmentContent(id)
		must(t, err)
		if !bytes.Equal(got, tt.content) {
			t.Errorf("content of %q did not round-trip", tt.name)
		}
	}
}

func TestAttachmentRefused(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusReceived)
	tests := []struct {
		why     string
		ref     string
		name    string
		content []byte
		want    error
	}{
		{"too large", ref, "video.mp4", make([]byte, MaxAttachmentSize+1), ErrInvalid},
		{"empty", ref, "leeg.txt", []byte{}, ErrInvalid},
		{"no name", ref, "  ", []byte("x"), ErrInvalid},
		{"only a folder", ref, "/", []byte("x"), ErrInvalid},
		{"unknown complaint", "K-2026-0099", "a.txt", []byte("x"), ErrNotFound},
	}
	for _, tt := range tests {
		before := dumpTables(t, s)
		_, err := s.AddAttachment(tt.ref, tt.name, tt.content)
		if err == nil {
			t.Fatalf("%s: attachment accepted", tt.why)
		}
		wantErr(t, err, tt.want)
		if dumpTables(t, s) != before {
			t.Errorf("%s: refused attachment changed the register", tt.why)
		}
	}
}

func TestAttachmentAtSizeLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 25 MB")
	}
	s := openStore(t, "2026-03-02")
	ref := reach(t, s, StatusReceived)
	content := bytes.Repeat([]byte("0123456789abcdef"), MaxAttachmentSize/16)
	id, err := s.AddAttachment(ref, "groot.txt", content)
	must(t, err)
	got, err := s.AttachmentContent(id)
	must(t, err)
	if len(got) != MaxAttachmentSize || !bytes.Equal(got, content) {
		t.Errorf("read back %d bytes", len(got))
	}
}

func TestAttachmentDamageDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	ref := reach(t, s, StatusReceived)
	id, err := s.AddAttachment(ref, "brief.txt", []byte("oorspronkelijke tekst"))
	must(t, err)
	_, err = s.AttachmentContent(id + 1)
	wantErr(t, err, ErrNotFound)
	must(t, s.Close())

	execRaw(t, path, `UPDATE attachments SET content = CAST('vervalste tekst' AS BLOB)`)
	s = openAt(t, path, "2026-03-02")
	_, err = s.AttachmentContent(id)
	wantErr(t, err, ErrDatabase)
}

// TestSameDocumentIsNotAttachedTwice: the same bytes attached again to the same complaint are
// refused, naming the attachment it already is, and change nothing; another complaint may
// hold the same document.
func TestSameDocumentIsNotAttachedTwice(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", true))
	_, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 brief"))
	must(t, err)
	before := dumpTables(t, s)
	_, err = s.AddAttachment(ref, "scan van de klachtbrief.pdf", []byte("%PDF-1.4 brief"))
	wantErr(t, err, ErrConflict)
	if err == nil || !strings.Contains(err.Error(), "‘klachtbrief.pdf’") || dumpTables(t, s) != before {
		t.Errorf("the same document again: %v", err)
	}
	other := mustCreate(t, s, complaint("Bakker", "2026-02-03", true))
	if _, err := s.AddAttachment(other, "klachtbrief.pdf", []byte("%PDF-1.4 brief")); err != nil {
		t.Errorf("the same document with another complaint: %v", err)
	}
}

// TestRemoveAttachment: a document put with the wrong complaint can be taken off it, with a
// reason: its content and name go from the register and the audit trail (the file of another
// client must not stay behind in the chain's payloads), the removal is recorded, and verify
// still finds the register whole. What is part of the handling stays.
func TestRemoveAttachment(t *testing.T) {
	s := openStore(t, "2026-02-20")
	ref := reach(t, s, StatusAcknowledged)
	wrong, err := s.AddAttachment(ref, "aangifte-Pietersen-2025.pdf", []byte("%PDF-1.4 iemand anders"))
	must(t, err)
	kept, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
	must(t, err)
	refusedUnchanged(t, s, "no reason", ErrInvalid, func() error { return s.RemoveAttachment(ref, wrong, "  ") })
	refusedUnchanged(t, s, "not of this complaint", ErrNotFound, func() error { return s.RemoveAttachment(ref, 99, "verkeerd") })

	must(t, s.RemoveAttachment(ref, wrong, "Hoort bij een ander dossier."))
	list, err := s.Attachments(ref)
	must(t, err)
	if len(list) != 1 || list[0].ID != kept {
		t.Errorf("attachments after the removal: %+v", list)
	}
	if _, err := s.AttachmentContent(wrong); !errors.Is(err, ErrNotFound) {
		t.Errorf("the removed document's content: %v", err)
	}
	var traces int
	must(t, s.r.QueryRow(`SELECT (SELECT count(*) FROM event_payloads WHERE payload LIKE '%Pietersen%')
		+ (SELECT count(*) FROM event_rows WHERE tbl = 'attachments' AND row_key = ?)`, wrong).Scan(&traces))
	if traces != 0 {
		t.Errorf("%d traces of the removed document left in the audit trail", traces)
	}
	events, err := s.Timeline(ref)
	must(t, err)
	var said []string
	for _, e := range events {
		said = append(said, e.Describe().String())
	}
	if all := strings.Join(said, "\n"); !strings.Contains(all, "Bijlage verwijderd (toegevoegd op 2026-02-20): Hoort bij een ander dossier.") ||
		!strings.Contains(all, "Bijlage toegevoegd: klachtbrief.pdf") {
		t.Errorf("timeline:\n%s", all)
	}
	mustVerify(t, s)
	refusedUnchanged(t, s, "removed already", ErrNotFound, func() error { return s.RemoveAttachment(ref, wrong, "nog eens") })

	// Part of the handling: named in a consent, shared with an expert, or on the consent form
	// of a letter made after it was added; each refusal says which.
	kept2, err := s.AddAttachment(ref, "offerte.pdf", []byte("%PDF-1.4 offerte"))
	must(t, err)
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-20"), How: "schriftelijk", Documents: Documents{Attachments: []int64{kept}}}))
	refusedUnchanged(t, s, "named in a consent", ErrConflict, func() error { return s.RemoveAttachment(ref, kept, "verkeerd") })
	expert := anExpert(t, s)
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring"), expert)
	must(t, err)
	must(t, s.RecordStatement(ref, expert, day("2026-02-20")))
	must(t, s.GiveConsent(ref, Consent{GivenOn: day("2026-02-20"), How: "per e-mail", Documents: Documents{All: true}}))
	_, err = s.ShareDocuments(ref, Share{ExpertID: expert, SharedOn: day("2026-02-20"), Attachments: []int64{kept2}})
	must(t, err)
	refusedUnchanged(t, s, "shared with an expert", ErrConflict, func() error { return s.RemoveAttachment(ref, kept2, "verkeerd") })
	if err := s.RemoveAttachment(ref, kept2, "verkeerd"); err == nil || !strings.Contains(err.Error(), "gedeeld met") {
		t.Errorf("the refusal for a shared document: %v", err)
	}

	// Named in a confidentiality statement made after it was added.
	setToday(s, "2026-02-21")
	late, err := s.AddAttachment(ref, "nota.pdf", []byte("%PDF-1.4 nota"))
	must(t, err)
	setToday(s, "2026-02-22")
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", pdf("verklaring 2"), expert)
	must(t, err)
	if err := s.RemoveAttachment(ref, late, "verkeerd"); err == nil || !strings.Contains(err.Error(), "wordt genoemd in de brief ‘geheimhoudingsverklaring’") {
		t.Errorf("the refusal for a document a confidentiality statement names: %v", err)
	}
	setToday(s, "2026-02-20")

	other := reach(t, s, StatusReceived)
	before, err := s.AddAttachment(other, "scan.pdf", []byte("%PDF-1.4 scan"))
	must(t, err)
	_, err = s.SaveLetter(other, LetterAcknowledgement, "nl", pdf("ontvangst met formulier"), 0)
	must(t, err)
	refusedUnchanged(t, s, "on the consent form of a letter", ErrConflict, func() error { return s.RemoveAttachment(other, before, "verkeerd") })
	if err := s.RemoveAttachment(other, before, "verkeerd"); err == nil || !strings.Contains(err.Error(), "wordt genoemd in de brief ‘ontvangstbevestiging’ van 2026-02-20") {
		t.Errorf("the refusal for a document on a letter's consent form: %v", err)
	}
	setToday(s, "2026-02-21")
	after, err := s.AddAttachment(other, "scan-2.pdf", []byte("%PDF-1.4 scan 2"))
	must(t, err)
	must(t, s.RemoveAttachment(other, after, "Dubbel gescand."))

	// An event recorded before the removal said when the document was added.
	old := Event{Kind: "attachment_removed", Payload: []byte(`{"id":3,"reason":"Verkeerd dossier."}`)}
	if d := old.Describe().String(); d != "Bijlage verwijderd: Verkeerd dossier." {
		t.Errorf("an earlier removal reads %q", d)
	}

	// Anonymised later: the erasure records stay, so verify still finds the register whole.
	must(t, s.Erase(other, "Verzoek van de klager.", true))
	mustVerify(t, s)
}

// TestAttachmentNumbersAreNotGivenAgain: a document taken off a complaint leaves its number
// used. SQLite gave the highest, once removed, to the next document, and the audit trail's
// "bijlage 2" then meant two documents. Also in a register made before migration 20, where
// only the removal's event still names the number.
func TestAttachmentNumbersAreNotGivenAgain(t *testing.T) {
	removeLast := func(t *testing.T, s *Store, ref string) int64 {
		t.Helper()
		_, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
		must(t, err)
		wrong, err := s.AddAttachment(ref, "ci3.log", []byte("iemand anders"))
		must(t, err)
		must(t, s.RemoveAttachment(ref, wrong, "Per ongeluk toegevoegd."))
		return wrong
	}
	t.Run("new register", func(t *testing.T) {
		s := openStore(t, "2026-02-20")
		ref := reach(t, s, StatusAcknowledged)
		removed := removeLast(t, s, ref)
		next, err := s.AddAttachment(ref, "offerte.pdf", []byte("%PDF-1.4 offerte"))
		must(t, err)
		if next <= removed {
			t.Errorf("the next attachment got number %d, after %d was removed", next, removed)
		}
		mustVerify(t, s)
	})
	for _, anonymised := range []bool{false, true} {
		t.Run(fmt.Sprintf("upgraded register, anonymised %v", anonymised), func(t *testing.T) {
			upgraded(t, removeLast, anonymised)
		})
	}
}

// upgraded makes a register as the build before migration 20 left it, with the highest
// attachment removed (and the complaint anonymised since, which erases the removal's payload),
// and checks that the upgraded register does not give that number again.
func upgraded(t *testing.T, removeLast func(*testing.T, *Store, string) int64, anonymised bool) {
	{
		path := filepath.Join(t.TempDir(), "register.db")
		migrationsUpTo = 19
		defer func() { migrationsUpTo = 0 }()
		older := openAt(t, path, "2026-02-20")
		ref := reach(t, older, StatusAcknowledged)
		removed := removeLast(t, older, ref)
		other := ref
		if anonymised { // the next attachment goes to another complaint: this one's file is gone
			must(t, older.Erase(ref, "Verzoek van de klager.", true))
			other = reach(t, older, StatusAcknowledged)
		}
		ref = other
		must(t, older.Close())
		migrationsUpTo = 0
		s := openAt(t, path, "2026-02-20")
		mustVerify(t, s)
		next, err := s.AddAttachment(ref, "offerte.pdf", []byte("%PDF-1.4 offerte"))
		must(t, err)
		if next <= removed {
			t.Errorf("after the upgrade the next attachment got number %d, after %d was removed", next, removed)
		}
		list, err := s.Attachments(ref)
		must(t, err)
		if !anonymised && (len(list) != 2 || list[0].Name != "klachtbrief.pdf") {
			t.Errorf("attachments after the upgrade: %+v", list)
		}
		mustVerify(t, s)
	}
}
