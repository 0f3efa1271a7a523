//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package data

import "os"

// openLock only opens the lock file: this system offers no lock the program uses, so a
// second app start is not prevented here.
func openLock(path string) (f *os.File, taken bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	return f, false, err
}
