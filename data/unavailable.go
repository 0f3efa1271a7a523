package data

import (
	"errors"
	"os"
	"runtime"
	"syscall"

	sqlite3 "modernc.org/sqlite/lib"
)

// Why a register cannot be used now, in Error.Field of a CodeUnavailable error. Each has its
// own advice: only a damaged file calls for a backup; the others pass, or the practitioner
// can fix them without one.
const (
	CauseBusy          = "busy"
	CauseFull          = "full"
	CauseReadOnly      = "read_only"
	CauseMissing       = "missing"
	CauseDamaged       = "damaged"
	CauseOpenElsewhere = "open_elsewhere" // another window of the app has it open
)

// unavailable is the error for a register that cannot be used for the given cause.
// Field holds the cause, so a screen can tell a damaged file from a busy one.
func unavailable(cause, path string, err error) error {
	switch cause {
	case CauseBusy:
		return NewError(CodeUnavailable, cause, "het register %s is in gebruik door een ander programma; probeer het zo opnieuw. Er is niets gewijzigd", path)
	case CauseFull:
		return NewError(CodeUnavailable, cause, "de schijf met het register %s is vol; er is niets gewijzigd. Maak ruimte vrij en probeer het opnieuw", path)
	case CauseReadOnly:
		return NewError(CodeUnavailable, cause, "het register %s staat op een plek waar dit programma niet mag schrijven (alleen lezen); er is niets gewijzigd. "+
			"Zet het in een map waarin u mag schrijven, of vraag schrijfrechten", path)
	case CauseMissing:
		return NewError(CodeUnavailable, cause, "er is geen register op %s; controleer het pad%s", path,
			ForCLI(". Een nieuw register maakt u met add, import, demo, expert of settings set"))
	}
	if err != nil {
		return NewError(CodeUnavailable, cause, "het register %s is beschadigd en kan niet worden gelezen (%s); het bestand is niet gewijzigd. Zet de nieuwste reservekopie terug", path, err)
	}
	return NewError(CodeUnavailable, cause, "het register %s is beschadigd en kan niet worden gelezen; het bestand is niet gewijzigd. Zet de nieuwste reservekopie terug", path)
}

// Classify words an error of the machine by its cause: the register in use by another
// program, a full disk, a read-only location, a missing or a damaged file. A domain error,
// or one of another cause, is returned as it is.
func Classify(path string, err error) error {
	if err == nil {
		return nil
	}
	var de *Error
	if errors.As(err, &de) {
		return err
	}
	if cause := causeOf(err); cause != "" {
		return unavailable(cause, path, err)
	}
	return err
}

// Cause is why the register is unavailable ("busy", "full", "read_only", "missing",
// "damaged"), or "" when err is not about that.
func Cause(err error) string {
	var de *Error
	if errors.As(err, &de) && de.Code == CodeUnavailable {
		return de.Field
	}
	return ""
}

// causeOf is why an SQLite or file error makes the register unavailable, or "" when it does
// not say. SQLite's errors are recognised by their result code (the driver's *sqlite.Error).
func causeOf(err error) string {
	var se interface{ Code() int }
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return CauseBusy
		case sqlite3.SQLITE_FULL:
			return CauseFull
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH, sqlite3.SQLITE_CANTOPEN:
			// CANTOPEN: the file was there a moment ago; SQLite cannot make its -wal or -shm beside it.
			return CauseReadOnly
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return CauseDamaged
		case sqlite3.SQLITE_IOERR:
			// SHMSIZE: the shared-memory file beside the register cannot grow, which on
			// opening a register that no other program has open is a full disk; it was
			// reported as a damaged register, with the advice to restore a backup.
			if isDiskFull(err) || se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE {
				return CauseFull
			}
		}
	}
	switch {
	case isDiskFull(err):
		return CauseFull
	case notWritable(err):
		return CauseReadOnly
	}
	return ""
}

// notWritable recognises a file or folder the program may not write: no permission, or a
// read-only disk.
func notWritable(err error) bool {
	return errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// isDiskFull recognises a full disk on every system the program runs on.
func isDiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var en syscall.Errno
	// ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
	return runtime.GOOS == "windows" && errors.As(err, &en) && (en == 39 || en == 112)
}
