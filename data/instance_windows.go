package data

import (
	"errors"
	"os"
	"syscall"
)

// openLock opens the lock file without sharing it, so a second open fails until this
// process ends; taken is true when another process has it.
func openLock(path string) (f *os.File, taken bool, err error) {
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, false, err
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if errors.Is(err, syscall.Errno(32)) { // ERROR_SHARING_VIOLATION
		return nil, true, nil
	} else if err != nil {
		return nil, false, err
	}
	return os.NewFile(uintptr(h), path), false, nil
}
