//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// devicesAndPipes are outputs that are no ordinary file: a device and a FIFO.
func devicesAndPipes(t *testing.T, dir string) map[string]string {
	t.Helper()
	fifo := filepath.Join(dir, "pijp")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"a device": os.DevNull, "a FIFO": fifo}
}

// TestAttachRefusesDevicesAndPipes: `attach REF /dev/zero` once read 2.8 GB and a FIFO
// blocked forever; both are refused at once with exit 2.
func TestAttachRefusesDevicesAndPipes(t *testing.T) {
	db := newDB(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Mehmet Çelik", "--summary", "Factuur te hoog", "--channel", "letter"))
	before := fileHash(t, db)
	for what, path := range devicesAndPipes(t, filepath.Dir(db)) {
		done := make(chan int, 1)
		go func() { _, _, code := cli(t, db, "attach", ref, path); done <- code }()
		select {
		case code := <-done:
			if code != 2 {
				t.Errorf("attach %s: exit %d, want 2", what, code)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("attach %s still runs after 5 s", what)
		}
	}
	if _, _, code := cli(t, db, "attach", ref, "/dev/zero"); code != 2 {
		t.Errorf("attach /dev/zero: exit %d", code)
	}
	if fileHash(t, db) != before {
		t.Error("a refused attachment changed the register")
	}
}
