package data

import (
	"io"
	"os"
	"path/filepath"
)

// ReadAttachmentFile reads a document to keep with a complaint, for the CLI's attach and the
// app's "Bijlage toevoegen". It refuses what is not an ordinary file, without opening it: a
// device such as /dev/zero never ends and a pipe waits forever for a writer. It stops after
// MaxAttachmentSize, so a file that grows while it is read cannot fill the memory.
func ReadAttachmentFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, InField("content", Unreadable(path, err))
	}
	if !info.Mode().IsRegular() {
		return nil, invalid("content", "%s is geen gewoon bestand (maar een map, apparaat of pijp); kies het document zelf", path)
	}
	if info.Size() > MaxAttachmentSize {
		return nil, tooLarge(name, info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, InField("content", Unreadable(path, err))
	}
	defer f.Close()
	if opened, err := f.Stat(); err != nil || !os.SameFile(info, opened) {
		return nil, invalid("content", "het bestand %s veranderde tijdens het lezen; probeer het opnieuw", path)
	}
	return ReadAttachment(f, name)
}

// ReadAttachment reads a document from r, at most MaxAttachmentSize bytes; a longer stream
// is refused.
func ReadAttachment(r io.Reader, name string) ([]byte, error) {
	content, err := io.ReadAll(io.LimitReader(r, MaxAttachmentSize+1))
	if err != nil {
		return nil, invalid("content", "het bestand %s kan niet worden gelezen: %v", name, err)
	}
	if len(content) > MaxAttachmentSize {
		return nil, tooLarge(name, int64(len(content)))
	}
	return content, nil
}

// tooLarge is the refusal of a document over MaxAttachmentSize; size may be where reading stopped.
func tooLarge(name string, size int64) error {
	return invalid("content", "het bestand %s is groter dan %d MB (%.1f MB of meer); een bijlage mag ten hoogste %d MB zijn. "+
		"Verklein of splits het bestand (bijvoorbeeld een scan in lagere resolutie)", name, MaxAttachmentSize>>20, float64(size)/(1<<20), MaxAttachmentSize>>20)
}
