//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package data

import (
	"errors"
	"os"
	"syscall"
)

// openLock opens the lock file and takes an exclusive flock on it; taken is true when
// another process holds it.
func openLock(path string) (f *os.File, taken bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, true, nil
		}
		return nil, false, err
	}
	return f, false, nil
}
