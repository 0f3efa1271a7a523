package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
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
