//go:build unix

package data

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadAttachmentFileRefusesWhatIsNoDocument: /dev/zero was once read to 2.8 GB and a
// FIFO blocked forever; both are now refused at once, as are a folder and a file over the limit.
func TestReadAttachmentFileRefusesWhatIsNoDocument(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pijp")
	must(t, syscall.Mkfifo(fifo, 0o600))
	big := filepath.Join(dir, "scan.pdf")
	must(t, os.WriteFile(big, nil, 0o600))
	must(t, os.Truncate(big, MaxAttachmentSize+1)) // sparse: no 25 MB written
	for _, tc := range []struct{ path, says string }{
		{"/dev/zero", "geen gewoon bestand"},
		{fifo, "geen gewoon bestand"},
		{dir, "geen gewoon bestand"},
		{big, "ten hoogste 25 MB"},
		{filepath.Join(dir, "bestaat-niet.pdf"), "bestaat-niet.pdf bestaat niet; controleer de naam en de map"},
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadAttachmentFile(tc.path); done <- err }()
		select {
		case err := <-done:
			if !isInputError(err) || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("%s: %v, want a refusal saying %q", tc.path, err, tc.says)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", tc.path)
		}
	}
	ok := filepath.Join(dir, "brief.txt")
	must(t, os.WriteFile(ok, []byte("Geachte heer,"), 0o600))
	if b, err := ReadAttachmentFile(ok); err != nil || string(b) != "Geachte heer," {
		t.Errorf("an ordinary file: %q %v", b, err)
	}
}
