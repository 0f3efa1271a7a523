package data

import (
	"io"
	"os"
	"path/filepath"
)

// AppLock is one desktop app's claim on a register. Two windows on one register would each
// show what the other no longer has; so a second start of the app finds the claim taken and
// asks the first to come to the front instead. The operating system releases the claim when
// the app ends, also when it crashes. The CLI takes no claim: a scheduled task beside the
// open app is normal.
type AppLock struct {
	f        *os.File
	register string
}

// lockPath is the file beside the register that carries the claim; frontPath the file with
// which a second start asks the first to come to the front.
func lockPath(register string) string  { return register + ".lock" }
func frontPath(register string) string { return register + ".front" }

// LockForApp claims the register for this app. When another app has it open the error is
// a CodeUnavailable Error with Field CauseOpenElsewhere. The claim comes before the register
// is opened, so on a first start it makes the register's folder (0700), as Open would.
func LockForApp(register string) (*AppLock, error) {
	if err := os.MkdirAll(filepath.Dir(register), 0o700); err != nil {
		return nil, Classify(register, err)
	}
	f, taken, err := openLock(lockPath(register))
	if err != nil {
		return nil, Classify(register, err)
	}
	if taken {
		return nil, NewError(CodeUnavailable, CauseOpenElsewhere, "het register %s is al geopend in een ander venster van Klachtenregister", register)
	}
	os.Remove(frontPath(register)) // a request from before this start is stale
	return &AppLock{f: f, register: register}, nil
}

// LockForRestore claims the register for a restore that runs outside the open app: the one
// offered at a start refused for a damaged register, and the CLI's restore. A restore replaces
// the file, so it takes the app's claim for as long as it runs: no app can open the register
// meanwhile, and a restore is refused while an app (or another restore) holds the claim.
func LockForRestore(register string) (*AppLock, error) {
	l, err := LockForApp(register)
	if Cause(err) == CauseOpenElsewhere {
		return nil, NewError(CodeUnavailable, CauseOpenElsewhere, "het register %s is geopend in een venster van Klachtenregister of wordt al teruggezet; sluit dat venster, of wacht tot het terugzetten klaar is, en probeer het opnieuw", register)
	}
	return l, err
}

// Release gives up the claim.
func (l *AppLock) Release() { l.f.Close() }

// FrontRequested reports, once, whether a second start asked this app to come to the front.
func (l *AppLock) FrontRequested() bool {
	return os.Remove(frontPath(l.register)) == nil
}

// RequestFront asks the app that has the register open to come to the front.
func RequestFront(register string) error {
	return WriteOutput(frontPath(register), OutputOptions{Force: true}, func(w io.Writer) error {
		_, err := io.WriteString(w, "naar voren\n")
		return err
	})
}
