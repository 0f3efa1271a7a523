package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Anchor is the head of the audit chain (how many events, and the hash of the last) as recorded
// outside the register file. A register whose chain is shorter than, or differs from, its newest
// anchor has lost or rewritten events, even when its own chain is consistent again.
type Anchor struct {
	Events int       `json:"events"`
	Head   string    `json:"head"`
	At     time.Time `json:"at"`
	// Source says where the anchor was found, in the practitioner's words.
	Source string `json:"source"`
	// File is the anchor file or backup it was read from.
	File string `json:"file"`
}

// anchorFile is what an anchor file holds.
type anchorFile struct {
	Register string `json:"register"`
	// Path is where the register that wrote it is: a copy of the register elsewhere (a
	// restore tried out in another folder) shares its backup folder and the anchor's name.
	Path   string    `json:"path,omitempty"`
	Events int       `json:"events"`
	Head   string    `json:"head"`
	At     time.Time `json:"at"`
}

// anchorSuffix ends the name of an anchor file.
const anchorSuffix = ".anker"

// registerName is the register's file name without extension, which names its backups and anchor.
func registerName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// anchorPaths are the anchor beside the register and the one in the backup folder.
func (s *Store) anchorPaths() ([2]string, error) {
	dir, _, err := s.BackupDir()
	return [2]string{s.path + anchorSuffix, filepath.Join(dir, registerName(s.path)+anchorSuffix)}, err
}

var anchorSources = [2]string{"het ankerbestand naast het register", "het ankerbestand bij de reservekopieën"}

// head returns how many events the chain holds and the hash of the last one.
func head(q querier) (int, string, error) {
	var n int
	var h string
	err := q.QueryRow(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).Scan(&n, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return n, h, err
}

// ChainHead is the head of the audit trail now: how many events it holds and the hash of the
// last, as the anchors, the backups and the annual report's footer record it.
func (s *Store) ChainHead() (events int, hash string, err error) { return head(s.reads()) }

// writeAnchors records the current head beside the register and in the backup folder. The
// store calls it when it closes after a change, so every process that wrote leaves one behind.
func (s *Store) writeAnchors() error {
	n, h, err := head(s.reads())
	if err != nil || n == 0 {
		return err
	}
	paths, err := s.anchorPaths()
	if err != nil {
		return err
	}
	body, err := json.MarshalIndent(anchorFile{Register: filepath.Base(s.path), Path: absPath(s.path), Events: n, Head: h, At: s.Now().UTC()}, "", "  ")
	if err != nil {
		return err
	}
	_, isDefault, err := s.BackupDir()
	if err != nil {
		return err
	}
	var errs []error
	for i, p := range paths {
		if i == 1 && !isDefault && !isFolder(filepath.Dir(p)) {
			continue // the practice's backup folder is not connected: not made again on this disk (backupDirMissing)
		}
		if f, err := readAnchorFile(p); i == 1 && err == nil && otherRegister(f.Path, s.path) {
			continue // a copy of the register elsewhere leaves the register's anchor alone
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, writeAtomic(p, func(w io.Writer) error { _, err := w.Write(append(body, '\n')); return err }))
	}
	if err := errors.Join(errs...); err != nil {
		return fault(err, "het anker van het logboek is niet weggeschreven (%v)", err)
	}
	return nil
}

// absPath is path made absolute, as far as that is known; else path as it is.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// readAnchor reads the anchor file of the register at register; a missing one is no anchor,
// and neither is one in the backup folder that a register elsewhere wrote (anchorFile.Path): a
// copy restored in another folder to try it out wrote its own head over the register's in
// their shared backup folder, and verify then reported the register's events as removed. One
// that reads but holds no anchor is unreadable: the program writes it whole or not at all, so
// someone or something else changed it. One that cannot be read now (no access, a lock) is
// no anchor this time.
func readAnchor(path, source, register string, shared bool) (a *Anchor, unreadable bool) {
	f, err := readAnchorFile(path)
	if errors.Is(err, errNoAnchor) {
		return nil, true
	} else if err != nil {
		return nil, false
	}
	if shared && otherRegister(f.Path, register) {
		return nil, false
	}
	return &Anchor{Events: f.Events, Head: f.Head, At: f.At, Source: source, File: path}, false
}

// errNoAnchor is an anchor file that reads but holds no anchor.
var errNoAnchor = errors.New("geen anker")

// readAnchorFile reads the anchor file at path: the file's error, or errNoAnchor.
func readAnchorFile(path string) (anchorFile, error) {
	var f anchorFile
	b, err := os.ReadFile(path)
	if err != nil {
		return f, err
	}
	if json.Unmarshal(b, &f) != nil || f.Events <= 0 || f.Head == "" {
		return f, errNoAnchor
	}
	return f, nil
}

// otherRegister reports whether path, recorded in an anchor or a backup, is another register
// than the one at register: a file that is there, and not this one. A register moved since
// (nothing at the old path any more) keeps its anchors and backups.
func otherRegister(path, register string) bool {
	return path != "" && fileExists(path) && !samePath(path, register)
}

// samePath reports whether two paths name the same register file: spelled the same, or the
// same file however spelled (a link, another drive letter's case, a share's name).
func samePath(a, b string) bool {
	if a == absPath(b) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// NewestAnchor is the most recent head recorded outside the file: in the anchor beside the
// register, the anchor in the backup folder, or a backup. Nil when there is none yet.
func (s *Store) NewestAnchor() (*Anchor, error) {
	a, _, err := s.anchors()
	return a, err
}

// anchors is NewestAnchor, and the anchor files that are there but cannot be read.
func (s *Store) anchors() (newest *Anchor, unreadable []string, err error) {
	paths, err := s.anchorPaths()
	if err != nil {
		return nil, nil, err
	}
	consider := func(a *Anchor) {
		if a != nil && (newest == nil || a.At.After(newest.At)) {
			newest = a
		}
	}
	for i, p := range paths {
		a, bad := readAnchor(p, anchorSources[i], s.path, i == 1)
		consider(a)
		if bad {
			unreadable = append(unreadable, anchorSources[i]+" ("+p+")")
		}
	}
	backups, err := s.Backups()
	if err != nil {
		return nil, nil, err
	}
	for _, b := range backups {
		if b.Events > 0 {
			consider(&Anchor{Events: b.Events, Head: b.Head, At: b.Created, Source: "de reservekopie", File: b.File})
		}
	}
	return newest, unreadable, nil
}

// checkAnchor compares the chain with an anchor: it must be at least as long, and hold the
// anchored hash at the anchored position.
func checkAnchor(q querier, v *Verification, a Anchor) {
	when := a.Source + " van " + LongDate(a.At)
	if v.Events < a.Events {
		v.fail(fmt.Sprintf("het register heeft %s, %s had er %s: vastleggingen zijn verwijderd",
			CountEvents(v.Events), when, Thousands(a.Events)))
		return
	}
	var h string
	if err := q.QueryRow(`SELECT hash FROM events WHERE id = ?`, a.Events).Scan(&h); err != nil || h != a.Head {
		v.fail(fmt.Sprintf("vastlegging %s is niet meer de vastlegging die %s noemde: het logboek is herschreven",
			Thousands(a.Events), when))
	}
}

// EventCount is a number of events as an argument of a Text: "1.204 gebeurtenissen" in Dutch,
// and in the screens' language in the desktop app.
type EventCount int

// Label is the count in Dutch.
func (n EventCount) Label() string { return CountEvents(int(n)) }

// CountEvents is "1 gebeurtenis" or "1.204 gebeurtenissen".
func CountEvents(n int) string {
	if n == 1 {
		return "1 vastlegging"
	}
	return Thousands(n) + " vastleggingen"
}

// Thousands writes n with a dot between thousands, as Dutch readers expect: 1.204.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// ThousandsIn writes n as a reader of lang expects: 1.204 in Dutch, 1,204 in English. The
// screens and the annual report share it.
func ThousandsIn(lang string, n int) string {
	if lang == "en" {
		return strings.ReplaceAll(Thousands(n), ".", ",")
	}
	return Thousands(n)
}

// DecimalIn writes v to one decimal as a reader of lang expects, without a trailing zero: a
// median of 20,5 days in Dutch, 20.5 in English, 21 for 21. The screens and the annual report
// share it, so both show the same figure.
func DecimalIn(lang string, v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if lang == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

var dutchMonths = [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december"}

// LongDate is "3 december 2026", in the machine's local zone.
func LongDate(t time.Time) string {
	t = t.Local()
	return fmt.Sprintf("%d %s %d", t.Day(), dutchMonths[t.Month()-1], t.Year())
}

// writeAtomic writes a file through a temporary file in the same folder that is synced and
// then renamed over path, so a reader sees the old file or the new one, never half of one.
// The temporary file is removed on every error.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // make the rename itself durable
		d.Sync()
		d.Close()
	}
	return nil
}
