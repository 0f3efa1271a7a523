package data

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
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

// TestOutputWithoutAccessIsNoRegisterProblem: an output in a folder the program may not
// write in (a read-only stick, a folder of someone else) is worded about that file, and
// Classify does not turn it into "the register is read-only".
func TestOutputWithoutAccessIsNoRegisterProblem(t *testing.T) {
	for _, cause := range []error{fs.ErrPermission, syscall.EROFS} {
		err := Classify("/data/klachtenregister.db", outputFailed("/media/stick/jaarverslag.pdf",
			&fs.PathError{Op: "open", Path: "/media/stick/.jaarverslag.pdf.1.tmp", Err: cause}))
		want := "/media/stick/jaarverslag.pdf is niet geschreven: dit programma mag in die map niet schrijven"
		if !strings.HasPrefix(err.Error(), want) || Cause(err) != "output" {
			t.Errorf("%v: %q (cause %q), want %q", cause, err, Cause(err), want)
		}
	}
}
