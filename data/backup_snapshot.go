package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

// A snapshot is the plain, unencrypted copy of the register that a backup is made from; it
// lives only while the backup is written. It is made in the register's own folder and never
// beside the backup:
//
//   - that folder already holds the same data in plain form, so a copy there (also one a
//     crash left) puts nothing where it was not. The backup's folder is where the data
//     leaves the practice (a USB stick, a synced or network folder); it gets the finished,
//     perhaps encrypted backup and nothing else.
//   - disk space: the copy is at most as large as the register (VACUUM INTO leaves free pages
//     out), so while a backup runs the register's disk needs room for one register more, and
//     the backup's disk only room for the backup itself, not for the copy as well. The
//     register's disk is the one that must have room for the register anyway.
//
// Each snapshot has a lock file beside it (its name plus ".lock"), taken before the snapshot
// exists and given up after it is gone. A snapshot whose lock nobody holds was left by a run
// that was killed or lost its power, and the next backup removes it.
const snapshotPrefix = ".klachtenregister-kopie-"

// snapshotName matches a snapshot and the files beside it, and nothing else: the temporary
// file of a backup named klachtenregister-kopie-december (".klachtenregister-kopie-december.*.tmp")
// also starts with the prefix, and is another process's file in progress.
var snapshotName = regexp.MustCompile(`^` + regexp.QuoteMeta(snapshotPrefix) + `[0-9]+\.tmp(\.lock|-journal|-wal|-shm)?$`)

// claimSnapshot picks a new snapshot name in dir and takes its lock. The snapshot itself is
// made empty, readable by its owner only, for VACUUM INTO to fill.
func claimSnapshot(dir string) (path string, lock *os.File, err error) {
	for range 10 { // a name is taken only by chance; ten times means something else is wrong
		path = filepath.Join(dir, fmt.Sprintf("%s%d.tmp", snapshotPrefix, rand.Uint32()))
		lock, taken, err := openLock(path + ".lock")
		if err != nil {
			return "", nil, err
		}
		if taken || !stillNamed(lock) {
			if lock != nil {
				lock.Close()
			}
			continue
		}
		removeDB(path) // a leftover under the same name: ours to replace, as we hold its lock
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			releaseSnapshotLock(lock)
			return "", nil, err
		}
		f.Close()
		return path, lock, nil
	}
	return "", nil, fmt.Errorf("geen vrije naam voor een tijdelijke kopie in %s", dir)
}

// stillNamed reports whether the lock file just taken is still the one its name leads to. A
// cleanup that removed the name while this run opened it leaves this run a lock no one else
// can see; another name is then chosen. Windows removes no file that is open, so there the
// name cannot have gone.
func stillNamed(lock *os.File) bool {
	if runtime.GOOS == "windows" {
		return true
	}
	mine, err := lock.Stat()
	if err != nil {
		return false
	}
	named, err := os.Stat(lock.Name())
	return err == nil && os.SameFile(mine, named)
}

// removeSnapshot removes a snapshot with the journal files SQLite keeps beside it, and then
// its lock, which the caller holds.
func removeSnapshot(path string, lock *os.File) {
	removeDB(path)
	releaseSnapshotLock(lock)
}

// releaseSnapshotLock removes a held lock file and gives up the lock. Where the system allows
// it (Unix) the file goes while still held, so no other run can open it and take the lock of
// a name that is about to disappear. Windows removes no file that is held open; there the
// lock is given up first, and a run that opens the file in between keeps it.
func releaseSnapshotLock(lock *os.File) {
	if os.Remove(lock.Name()) == nil {
		lock.Close()
		return
	}
	lock.Close()
	os.Remove(lock.Name())
}

// removeStaleSnapshots removes the snapshots in dir that no running backup holds, with their
// journal files and locks: what a killed run (SIGKILL, a power cut, a crash) left, and what
// earlier versions, which made the snapshot beside the backup and took no lock, left there
// (a backup such a version makes at that very moment fails and says so).
// The lock decides, not the age: a backup of a large register can go on for many minutes
// without touching its snapshot (while it checks the copy and encrypts it) and must keep it,
// while a snapshot of a run killed a second ago can go at once. The system gives up a lock
// when its process ends, however it ends.
func removeStaleSnapshots(dir string) {
	entries, _ := os.ReadDir(dir)
	done := map[string]bool{}
	for _, e := range entries {
		if !snapshotName.MatchString(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, e.Name())
		for _, suffix := range []string{".lock", "-journal", "-wal", "-shm"} {
			path = strings.TrimSuffix(path, suffix)
		}
		if done[path] {
			continue
		}
		done[path] = true
		if lock, taken, err := openLock(path + ".lock"); err == nil && !taken {
			removeSnapshot(path, lock)
		}
	}
}
