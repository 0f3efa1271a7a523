//go:build unix

package data

import (
	"os"
	"syscall"
)

// ownedByUser reports whether this user owns the file: a folder another account made under
// the expected name is never used.
func ownedByUser(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}

// closedToOthers reports whether only the owner can enter the folder.
func closedToOthers(info os.FileInfo) bool { return info.Mode().Perm()&0o077 == 0 }
