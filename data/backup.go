package data

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// backupExt ends the name of every backup file.
const backupExt = ".reservekopie"

// staleAfter is how old the last good backup may get before the overview warns.
const staleAfter = 7 * 24 * time.Hour

// BackupInfo describes one backup file.
type BackupInfo struct {
	File      string    `json:"file"`
	Created   time.Time `json:"created"`
	Events    int       `json:"events"`
	Head      string    `json:"head"`
	Encrypted bool      `json:"encrypted"`
	Size      int64     `json:"size"` // bytes of the backup file
}

// BackupDir is where automatic backups and the second anchor go; isDefault is true while it is
// the folder beside the register, on the same disk.
func (s *Store) BackupDir() (dir string, isDefault bool, err error) {
	set, err := settings(s.reads())
	if err != nil {
		return "", false, err
	}
	if d := set.BackupDir(); d != "" {
		return d, false, nil
	}
	return DefaultBackupDir(s.path), true, nil
}

// Backups lists the backups of this register in the backup folder, newest first. A file whose
// header does not read is no good backup and is left out.
func (s *Store) Backups() ([]BackupInfo, error) {
	dir, _, err := s.BackupDir()
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, unusable(err, "de map met reservekopieën %s is niet te lezen (%v)", dir, err)
	}
	prefix := registerName(s.path) + "-"
	var out []BackupInfo
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) || !strings.HasSuffix(e.Name(), backupExt) {
			continue
		}
		if b, path, err := backupInfo(filepath.Join(dir, e.Name())); err == nil && !otherRegister(path, s.path) {
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b BackupInfo) int { return b.Created.Compare(a.Created) })
	return out, nil
}

// backupInfo reads a backup file's header, and where the register it was made of was.
func backupInfo(path string) (BackupInfo, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return BackupInfo{}, "", err
	}
	defer f.Close()
	h, err := ReadBackupHeader(f)
	if err != nil {
		return BackupInfo{}, "", err
	}
	st, err := f.Stat()
	if err != nil {
		return BackupInfo{}, "", err
	}
	return BackupInfo{File: path, Created: h.Created, Events: h.Events, Head: h.Head, Encrypted: h.Encrypted(), Size: st.Size()}, h.Path, nil
}

// snapshot copies the register as it is now into the empty file snap (VACUUM INTO, consistent
// while others write) and checks the copy with integrity_check and the full verify. It returns
// the header describing the copy; the caller removes the copy (see claimSnapshot).
func (s *Store) snapshot(snap string) (BackupHeader, error) {
	var h BackupHeader
	// A connection of its own, so the program's writes need not wait for the copy.
	src, err := sql.Open("sqlite", s.path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return h, err
	}
	_, err = src.Exec(`VACUUM INTO ?`, existingFile(snap))
	src.Close()
	if err != nil {
		return h, unusable(err, "de momentopname van het register is mislukt (%v)", err)
	}
	db, err := openCopy(snap)
	if err != nil {
		return h, err
	}
	v, err := verifyDB(db, true)
	if err == nil && v.OK() {
		h.Events, h.Head, err = head(db)
	}
	if err == nil { // a backup is one self-contained file, without a write-ahead log
		_, err = db.Exec(`PRAGMA journal_mode = DELETE`)
	}
	err = errors.Join(err, db.Close())
	switch {
	case err != nil:
		return h, unusable(err, "de reservekopie is niet te controleren (%v)", err)
	case !v.OK():
		return h, fault(nil, "de reservekopie is niet gemaakt, want het register zelf klopt niet: %s", v.Problem)
	}
	st, err := os.Stat(snap)
	if err != nil {
		return h, err
	}
	sum, err := fileSHA256(snap)
	if err != nil {
		return h, err
	}
	h.Register, h.Path, h.Created, h.Size, h.SHA256 = filepath.Base(s.path), absPath(s.path), s.Now().UTC(), st.Size(), sum
	return h, nil
}

// existingFile names the file at path for SQLite so that it is opened only if it exists and
// never made: an interruption removes a snapshot (RemovePartialOutputs) while the copy or its
// check is still running, and SQLite, told the plain path, would make it again, empty, just
// before the program ends, leaving it behind.
func existingFile(path string) string {
	uri := "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() // relative, should Abs fail
	if abs, err := filepath.Abs(path); err == nil {
		p := filepath.ToSlash(abs) // /home/…, C:/Users/…, //server/share/… (Windows)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		uri = "file://" + (&url.URL{Path: p}).EscapedPath() // an empty authority, then the path
	}
	return uri + "?mode=rw"
}

// openCopy opens a copy of a register that a backup or a restore checks, with a page cache of
// 256 KB per connection instead of 2 MB: the check reads the file through in order and is no
// faster with more, and the desktop app makes its backups in the background (on a register of
// 100,000 complaints, 13 MB of the app's memory during its backup).
func openCopy(path string) (*sql.DB, error) {
	return sql.Open("sqlite", existingFile(path)+"&_pragma=cache_size(-256)")
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// removeDB removes a database file with any journal SQLite left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// WriteBackup makes a checked backup of the register and writes it to path through
// WriteOutput (never onto the register or into the backup folder; an existing file only with
// force), encrypted when passphrase is not empty. The file appears only once it is complete,
// and nothing else is written to its folder (see snapshotPrefix).
func (s *Store) WriteBackup(path, passphrase string, force bool) (BackupInfo, error) {
	if err := CheckOutput(path, s.OutputOptions(force)); err != nil {
		return BackupInfo{}, err
	}
	return s.writeBackup(path, passphrase, func(write func(io.Writer) error) error {
		return WriteOutput(path, s.OutputOptions(force), write)
	})
}

// writeBackup snapshots the register beside it and lets put write the backup file at path.
// First it removes the snapshots that killed runs left beside the register, and those that
// earlier versions left beside the backup. An interruption (RemovePartialOutputs) removes
// the snapshot as it removes an output's temporary file.
func (s *Store) writeBackup(path, passphrase string, put func(write func(io.Writer) error) error) (BackupInfo, error) {
	dir := filepath.Dir(s.path)
	removeStaleSnapshots(dir)
	removeStaleSnapshots(filepath.Dir(path))
	var snap string
	var lock *os.File
	remove := func() { removeSnapshot(snap, lock) }
	forget, err := makePartial(func() (string, func(), error) {
		var err error
		snap, lock, err = claimSnapshot(dir)
		return snap, remove, err
	})
	if err != nil {
		return BackupInfo{}, unusable(err, "in de map van het register (%s) kan geen tijdelijke kopie voor de reservekopie worden gemaakt (%v)", dir, err)
	}
	defer func() { remove(); forget() }()
	h, err := s.snapshot(snap)
	if err != nil {
		return BackupInfo{}, err
	}
	err = put(func(w io.Writer) error {
		f, err := os.Open(snap)
		if err != nil {
			return err
		}
		defer f.Close()
		return writeBackup(w, h, f, passphrase)
	})
	if err != nil {
		return BackupInfo{}, backupNotWritten(path, err)
	}
	info, _, err := backupInfo(path)
	return info, err
}

// backupNotWritten words a backup that could not be written: a full disk or a folder the
// program may not write in says what to do, in the practitioner's words rather than the
// system's ("permission denied"); a refusal (*Error) passes unchanged.
func backupNotWritten(path string, err error) error {
	switch {
	case isDiskFull(err):
		return NewError(CodeUnavailable, "output", "de reservekopie %s is niet geschreven: de schijf is vol. Maak ruimte vrij of kies een andere map voor de reservekopieën", path)
	case notWritable(err):
		return NewError(CodeUnavailable, "output", "de reservekopie %s is niet geschreven: dit programma mag in die map niet schrijven (alleen lezen of geen toegang). Kies een andere map voor de reservekopieën", path)
	}
	return unusable(err, "de reservekopie %s is niet geschreven (%v)", path, err)
}

// backupDirNotMade words a backup folder that could not be made. Often it is on a stick or
// network drive that is not attached: on Windows its drive letter does not exist, elsewhere
// the folder it was mounted on may not be written.
func backupDirNotMade(dir string, err error) error {
	if errors.Is(err, os.ErrNotExist) || notWritable(err) {
		return NewError(CodeUnavailable, "output", "de map voor reservekopieën %s bestaat niet en kan niet worden gemaakt. "+
			"Staat die map op een USB-stick of netwerkschijf, sluit die dan aan; kies anders een andere map voor de reservekopieën", dir)
	}
	return unusable(err, "de map voor reservekopieën %s kan niet worden gemaakt (%v)", dir, err)
}

// backupDirMissing refuses a backup into the practice's own backup folder that is not there:
// made again on the register's disk, it held the backups while the practitioner thought them
// on the USB stick or network drive that was not connected.
func backupDirMissing(dir string) error {
	return NewError(CodeUnavailable, "output", "de map voor reservekopieën %s is niet te vinden: is de USB-stick of netwerkschijf aangesloten? Sluit die aan, maak de map opnieuw aan of kies bij Instellingen een andere map; er is geen reservekopie gemaakt", dir)
}

// isFolder reports whether path is an existing folder.
func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// makeBackupDir makes the backup folder when it is not there yet and tries a file in it, so
// that a folder the program may not write in (read-only, someone else's, a stick locked
// against writing) is refused in these words both by a backup and when it is chosen in the
// settings (SetSettings), rather than found out at the next backup.
func makeBackupDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return backupDirNotMade(dir, err)
	}
	probe, err := os.CreateTemp(dir, ".klachtenregister-schrijftest-*")
	switch {
	case err != nil && notWritable(err):
		return NewError(CodeUnavailable, "output", "dit programma mag in de map voor reservekopieën %s niet schrijven (alleen lezen of geen toegang). Kies een andere map voor de reservekopieën", dir)
	case err != nil:
		return unusable(err, "in de map voor reservekopieën %s kan niet worden geschreven (%v)", dir, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// AutoBackup makes the automatic backup in the backup folder and then thins out older ones
// (rotate). At start the app asks for at most one a day (daily); at close a backup is skipped
// when the newest one already holds the current head. made is false when nothing was needed.
func (s *Store) AutoBackup(daily bool) (info BackupInfo, made bool, err error) {
	dir, isDefault, err := s.BackupDir()
	if err != nil {
		return info, false, err
	}
	if !isDefault && !isFolder(dir) {
		return info, false, backupDirMissing(dir)
	}
	if err := makeBackupDir(dir); err != nil {
		return info, false, err
	}
	backups, err := s.Backups()
	if err != nil {
		return info, false, err
	}
	now := s.Now()
	if len(backups) > 0 {
		newest := backups[0]
		n, h, err := head(s.reads())
		if err != nil {
			return info, false, err
		}
		if daily && DateOf(newest.Created.Local()) == DateOf(now.Local()) || !daily && newest.Events == n && newest.Head == h {
			return newest, false, nil
		}
	}
	name := filepath.Join(dir, registerName(s.path)+"-"+now.Local().Format("2006-01-02-150405")+backupExt)
	for i := 2; fileExists(name); i++ { // never replace a backup
		name = filepath.Join(dir, fmt.Sprintf("%s-%s-%d%s", registerName(s.path), now.Local().Format("2006-01-02-150405"), i, backupExt))
	}
	// The backup folder is closed to WriteOutput; the program's own backups go there directly.
	put := func(write func(io.Writer) error) error { return writeAtomic(name, write) }
	if info, err = s.writeBackup(name, "", put); err != nil {
		return info, false, err
	}
	backups, err = s.Backups()
	if err != nil {
		return info, true, err
	}
	for _, old := range rotate(backups, now) {
		if old != info.File {
			os.Remove(old)
		}
	}
	return info, true, nil
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// rotate returns the backups to remove: of the given ones (newest first) it keeps every one of
// today, and the newest of each of the last 7 days, 4 weeks and 12 months that have a backup,
// but none made more than 12 months before now, apart from the newest: the README and the
// review screen promise that an anonymised complaint is gone from the backups within 12
// months, also when the app was not used every month.
func rotate(backups []BackupInfo, now time.Time) []string {
	keep := map[string]bool{}
	for _, b := range backups { // all of today's: one made "to be safe" before a risky step removed the morning's
		keep[b.File] = DateOf(b.Created.Local()) == DateOf(now.Local())
	}
	expired := now.AddDate(0, -12, 0)
	periods := []struct {
		n   int
		key func(t time.Time) string
	}{
		{7, func(t time.Time) string { return t.Format("2006-01-02") }},
		{4, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprint(y, "-", w) }},
		{12, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, p := range periods {
		seen := map[string]bool{}
		for _, b := range backups {
			k := p.key(b.Created.Local())
			if !seen[k] && len(seen) < p.n {
				seen[k] = true
				keep[b.File] = b.Created.After(expired) || b.File == backups[0].File
			}
		}
	}
	var remove []string
	for _, b := range backups {
		if !keep[b.File] {
			remove = append(remove, b.File)
		}
	}
	return remove
}

// BackupStatus is what the overview and the settings screen say about backups.
type BackupStatus struct {
	Dir        string
	DefaultDir bool        // backups are beside the register, on the same disk
	Last       *BackupInfo // the newest good backup; nil when there is none
	Stale      bool        // no good backup in the last 7 days
}

// BackupStatus reads the backup folder.
func (s *Store) BackupStatus() (BackupStatus, error) {
	var st BackupStatus
	var err error
	if st.Dir, st.DefaultDir, err = s.BackupDir(); err != nil {
		return st, err
	}
	backups, err := s.Backups()
	if err != nil {
		return st, err
	}
	if len(backups) > 0 {
		st.Last = &backups[0]
	}
	st.Stale = st.Last == nil || s.Now().Sub(st.Last.Created) > staleAfter
	return st, nil
}
