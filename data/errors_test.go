package data

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreadableSaysWhatToDo: a file that does not exist, a folder and a file without access
// are refused in the practitioner's words, naming the path, never in the system's.
func TestUnreadableSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "brief.pdf")
	for _, tc := range []struct {
		path string
		err  error
		want string
	}{
		{missing, &fs.PathError{Op: "open", Path: missing, Err: fs.ErrNotExist}, missing + " bestaat niet; controleer de naam en de map"},
		{dir, &fs.PathError{Op: "read", Path: dir, Err: errors.New("is a directory")}, dir + " is een map en geen bestand"},
		{missing, &fs.PathError{Op: "open", Path: missing, Err: fs.ErrPermission}, "dit programma mag " + missing + " niet lezen (geen toegang)"},
	} {
		got := Unreadable(tc.path, tc.err)
		if !strings.Contains(got.Error(), tc.want) || strings.Contains(got.Error(), "open ") || got.Code != CodeInvalid {
			t.Errorf("Unreadable(%s, %v) = %q (%s), want %q", tc.path, tc.err, got, got.Code, tc.want)
		}
	}
}
