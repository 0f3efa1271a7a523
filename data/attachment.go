package data

import (
	"path/filepath"
	"strings"
	"time"
)

// MaxAttachmentSize is the largest file kept in the register. Larger files (scans at full
// resolution, video) make the database slow to back up; a practitioner can shrink or print them.
const MaxAttachmentSize = 25 << 20

// Attachment describes a document kept with a complaint; the bytes are fetched separately.
type Attachment struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	MediaType string    `json:"media_type"`
	Size      int64     `json:"size"`
	SHA256    string    `json:"sha256"`
	AddedAt   time.Time `json:"added_at"`
}

// Erased reports whether anonymising removed the attachment's name and content: every
// attachment is added with a name, so one without has been erased.
func (a Attachment) Erased() bool { return a.Name == "" }

// checkAttachment checks a document before it is kept and returns its cleaned file name.
func checkAttachment(name string, content []byte) (string, error) {
	name, err := cleanText("name", filepath.Base(strings.TrimSpace(name)), lineRule.as("de bestandsnaam"))
	if err != nil {
		return "", err
	}
	switch {
	case name == "" || name == "." || name == string(filepath.Separator):
		return "", invalid("name", "de bijlage heeft geen bestandsnaam")
	case len(content) == 0:
		return "", invalid("content", "het bestand %s is leeg", name)
	case len(content) > MaxAttachmentSize:
		return "", tooLarge(name, int64(len(content)))
	}
	return name, nil
}
