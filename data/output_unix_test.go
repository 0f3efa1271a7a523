//go:build unix

package data

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteOutputRefusesDevicesAndPipes: /dev/null as root was once replaced by a regular
// file, and a FIFO would block; neither is ever replaced, not even with force.
func TestWriteOutputRefusesDevicesAndPipes(t *testing.T) {
	_, opt := registerWithOutputs(t)
	fifo := filepath.Join(t.TempDir(), "pijp")
	must(t, syscall.Mkfifo(fifo, 0o600))
	for _, target := range []string{os.DevNull, fifo} {
		err := WriteOutput(target, opt, writeText("x"))
		if err == nil || !strings.Contains(err.Error(), "geen gewoon bestand") {
			t.Errorf("WriteOutput(%s) = %v, want a refusal", target, err)
		}
		if info, err := os.Stat(target); err != nil || info.Mode().IsRegular() {
			t.Errorf("%s is now %v (%v)", target, info.Mode(), err)
		}
	}
}
