package data

import (
	"errors"
	"io/fs"
	"os"
)

// Code classifies an Error so callers decide by kind, never by message text.
type Code string

// The error codes. Every one of them means the change was refused and nothing was written.
// The CLI exits with status 3 on CodeUnavailable (the register cannot be used now: in use,
// disk full, read-only, missing or damaged) and with status 2 on the others.
const (
	CodeInvalid     Code = "invalid"     // input fails validation
	CodeNotFound    Code = "not_found"   // no such complaint, expert, ...
	CodeTransition  Code = "transition"  // the lifecycle does not allow this step now
	CodeConflict    Code = "conflict"    // the step clashes with stored facts
	CodeDatabase    Code = "database"    // the file is not a usable Klachtenregister database
	CodeExists      Code = "exists"      // an output file exists and may only be replaced on purpose
	CodeUnavailable Code = "unavailable" // the register (or the disk) cannot be used now
)

// Error is a domain error with a message a practitioner can act on. Field names the input
// that is wrong, so a form can show the message next to it. Text is the message: Dutch in
// Error() (the CLI), in the chosen language in the desktop app.
type Error struct {
	Code  Code
	Field string
	Text  Text
}

// NewError makes an Error; key is the Dutch message, a string literal (see Msg).
func NewError(code Code, field, key string, args ...any) *Error {
	return &Error{Code: code, Field: field, Text: Msg(key, args...)}
}

func (e *Error) Error() string { return e.Text.String() }

// Is makes errors.Is(err, ErrInvalid) and friends match on the code alone.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Text.Key == "" && t.Code == e.Code
}

// Sentinels for errors.Is.
var (
	ErrInvalid     = &Error{Code: CodeInvalid}
	ErrNotFound    = &Error{Code: CodeNotFound}
	ErrTransition  = &Error{Code: CodeTransition}
	ErrConflict    = &Error{Code: CodeConflict}
	ErrDatabase    = &Error{Code: CodeDatabase}
	ErrExists      = &Error{Code: CodeExists}
	ErrUnavailable = &Error{Code: CodeUnavailable}
)

// InField is err, an Error without a field (from a check shared by several fields), as
// refusing the input in field.
func InField(field string, err error) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	c := *e
	c.Field = field
	return &c
}

// unusable is the error for a failure of the disk or the file system (a folder that cannot
// be read, a file that cannot be written): a Fault in the practitioner's words, with the
// system's own reason among args. A domain error already says what is wrong and is returned
// as it is.
func unusable(err error, key string, args ...any) error {
	var de *Error
	if errors.As(err, &de) {
		return err
	}
	return fault(err, key, args...)
}

// Fault is a failure of the machine (a folder that cannot be read, a disk that is full),
// worded for the practitioner: Dutch in Error() (the CLI), in the chosen language in the
// desktop app. Unlike an Error it is no refusal of the input, and the CLI exits with status
// 1; it may follow a change that stays done (the anonymisation is stored, but the file could
// not be cleaned up afterwards).
type Fault struct {
	Text Text
	Err  error // the system's own reason
}

func (n *Fault) Error() string { return n.Text.String() }

func (n *Fault) Unwrap() error { return n.Err }

// fault makes a Fault of err; key is the Dutch message, a string literal (see Msg).
func fault(err error, key string, args ...any) error {
	return &Fault{Text: Msg(key, args...), Err: err}
}

func invalid(field, key string, args ...any) error { return NewError(CodeInvalid, field, key, args...) }

func notFound(key string, args ...any) error { return NewError(CodeNotFound, "", key, args...) }

func conflict(key string, args ...any) error { return NewError(CodeConflict, "", key, args...) }

// Unreadable is the refusal of a file the practitioner named (a document to attach, a file to
// import, a backup, a logo) that cannot be read, in words that say what to do instead of the
// system's own ("open x: no such file or directory"). The one mapping of the usual causes:
// a path that does not exist, a folder, no permission; any other keeps the system's reason.
func Unreadable(path string, err error) *Error {
	if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
		return NewError(CodeInvalid, "", "%s is een map en geen bestand; geef het pad van het bestand zelf op", path)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return NewError(CodeInvalid, "", "%s bestaat niet; controleer de naam en de map", path)
	case errors.Is(err, fs.ErrPermission):
		return NewError(CodeInvalid, "", "dit programma mag %s niet lezen (geen toegang); kopieer het bestand naar een eigen map, zoals Documenten, en probeer het opnieuw", path)
	}
	return NewError(CodeInvalid, "", "%s kan niet worden gelezen (%v); controleer of het bestand in een ander programma wel opent", path, err)
}
