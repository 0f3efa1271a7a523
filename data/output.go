package data

import (
	"cmp"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// OutputOptions says what an output file may never replace, and whether it may replace an
// existing file.
type OutputOptions struct {
	// Registers are the register files to protect; each one's -wal, -shm and -journal
	// files and the app's lock files beside it are protected too.
	Registers []string
	// BackupDir is the backup folder; no output may land in it or below it.
	BackupDir string
	// Force allows replacing an existing regular file: the CLI's --force, or the
	// practitioner's confirmation in the app.
	Force bool
	// Example is the file name the refusal of a folder suggests in it, with the extension of
	// the file asked for ("register-2026.csv"); "uitvoer.pdf" when empty.
	Example string
}

// OutputOptions protects this register. Force is the caller's: true only after the
// practitioner agreed to replace an existing file.
func (s *Store) OutputOptions(force bool) OutputOptions {
	return OutputOptions{Registers: []string{s.path}, BackupDir: s.backupDir(), Force: force}
}

// backupDir is where the register's backups go (BackupDir); the default folder when the
// settings cannot be read.
func (s *Store) backupDir() string {
	if dir, _, err := s.BackupDir(); err == nil {
		return dir
	}
	return DefaultBackupDir(s.path)
}

// DefaultBackupDir is the backup folder of a register that has no backup_dir setting.
func DefaultBackupDir(register string) string {
	return filepath.Join(filepath.Dir(register), "Reservekopieën")
}

// registerCompanions are the files SQLite and the app keep beside a register; replacing
// one of them damages or unlocks the register as surely as replacing the register itself, and
// replacing its anchor takes away what verify compares the audit trail with.
var registerCompanions = []string{"", "-wal", "-shm", "-journal", ".lock", ".front", anchorSuffix}

// CheckOutput reports why target may not be written, without writing anything, so a command
// refuses a bad -o before it changes the register. WriteOutput checks the same again.
func CheckOutput(target string, opt OutputOptions) error {
	_, err := checkOutput(target, opt)
	return err
}

func refuseOutput(format string, a ...any) error {
	return NewError(CodeInvalid, "output", format, a...)
}

// checkOutput returns the real path target writes to: through symbolic links, so a link can
// neither lead an output onto the register nor be replaced instead of the file it names.
func checkOutput(target string, opt OutputOptions) (string, error) {
	if strings.TrimSpace(target) == "" {
		return "", refuseOutput("geef de naam van het bestand op waarin de uitvoer komt")
	}
	real, err := resolve(target)
	if err != nil {
		return "", refuseOutput("de map van %s bestaat niet; kies een bestaande map", target)
	}
	if info, err := os.Stat(filepath.Dir(real)); err != nil || !info.IsDir() {
		return "", refuseOutput("de map van %s bestaat niet; kies een bestaande map", target)
	}
	info, statErr := os.Stat(real)
	for _, reg := range opt.Registers {
		if reg == "" {
			continue
		}
		regReal, err := resolve(reg)
		if err != nil {
			regReal = filepath.Clean(reg)
		}
		for _, suffix := range registerCompanions {
			p := regReal + suffix
			other, err := os.Stat(p)
			if strings.EqualFold(p, real) || err == nil && statErr == nil && os.SameFile(info, other) {
				return "", refuseOutput("%s is het register zelf (of een bestand dat erbij hoort) en wordt nooit overschreven; kies een andere bestandsnaam", target)
			}
		}
	}
	if opt.BackupDir != "" {
		dir, err := resolve(opt.BackupDir)
		if err != nil {
			dir = filepath.Clean(opt.BackupDir)
		}
		if within(dir, real) {
			return "", refuseOutput("%s ligt in de map met reservekopieën (%s); daar schrijft alleen de reservekopie. Kies een andere map", target, opt.BackupDir)
		}
	}
	switch {
	case statErr != nil && os.IsNotExist(statErr):
		return real, nil
	case statErr != nil:
		return "", refuseOutput("%s kan niet worden gecontroleerd (%v); kies een ander bestand", target, statErr)
	case info.IsDir():
		return "", refuseOutput("%s is een map; geef een bestandsnaam op, zoals %s", target, filepath.Join(target, cmp.Or(opt.Example, "uitvoer.pdf")))
	case !info.Mode().IsRegular():
		return "", refuseOutput("%s is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp) en wordt niet vervangen; kies een gewoon bestand", target)
	case !opt.Force:
		return "", NewError(CodeExists, "output", "%s bestaat al en is niet vervangen; kies een andere naam, of vervang het bewust%s", target,
			ForCLI(" (met --force op de opdrachtregel)"))
	}
	return real, nil
}

// resolve is the absolute path with every symbolic link followed: of the file itself when it
// exists, else of its folder.
func resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, filepath.Base(abs)), nil
}

// within reports whether path is dir or lies below it; case-insensitively, as on the file
// systems of Windows and macOS.
func within(dir, path string) bool {
	rel, err := filepath.Rel(strings.ToLower(dir), strings.ToLower(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// partialFiles are the temporary files with personal data being written now, each with the
// function that removes it: an output's temporary file (WriteOutput), a backup's snapshot
// of the register (writeBackup). RemovePartialOutputs calls them when the program is
// interrupted.
var partialFiles sync.Map

// partials is held while a partial file is made and noted, and by RemovePartialOutputs, which
// so waits for a file being made instead of missing it; ended refuses new ones after it ran.
var partials struct {
	sync.Mutex
	ended bool
}

// makePartial runs create, which makes a file with personal data and returns its path and how
// to remove it, and has RemovePartialOutputs remove it until forget is called. Making and
// noting it are one step for RemovePartialOutputs: an interruption in between left the file.
func makePartial(create func() (path string, remove func(), err error)) (forget func(), err error) {
	partials.Lock()
	defer partials.Unlock()
	if partials.ended {
		return nil, errors.New("het programma stopt")
	}
	path, remove, err := create()
	if err != nil {
		return nil, err
	}
	partialFiles.Store(path, remove)
	return func() { partialFiles.Delete(path) }, nil
}

// steady is held, shared, by the steps an interruption must not cut in two (uninterrupted);
// RemovePartialOutputs takes it whole, so the program ends only after such a step, and none
// begins once it has run.
var steady struct {
	sync.RWMutex
	ended bool
}

// uninterrupted runs step, which leaves the register inconsistent when cut short halfway (a
// restore's swap of files and its record), so that an interruption waits for its end.
func uninterrupted(step func() error) error {
	steady.RLock()
	defer steady.RUnlock()
	if steady.ended {
		return errors.New("het programma stopt")
	}
	return step()
}

// RemovePartialOutputs deletes the temporary files of outputs and backups still being
// written. The CLI calls it when it is interrupted (Ctrl+C, SIGTERM) and the app when it
// ends, so no half-written copy of personal data stays behind in a hidden file. Windows
// removes no file that SQLite still has open; a snapshot left so goes at the next backup
// (removeStaleSnapshots).
func RemovePartialOutputs() {
	steady.Lock() // after a step that must not be cut short, and before the next
	steady.ended = true
	steady.Unlock()
	partials.Lock()
	defer partials.Unlock()
	partials.ended = true
	partialFiles.Range(func(path, remove any) bool {
		remove.(func())()
		partialFiles.Delete(path)
		return true
	})
}

// WriteOutput is the one way the program writes a file for the practitioner: a letter, a
// report, an export. It refuses what CheckOutput refuses, then lets write fill a temporary
// file in the same folder (readable by its owner only), which replaces target only once it is
// complete and on disk. A full disk, an error or an interruption leaves the old file, or
// none, and never a temporary file.
func WriteOutput(target string, opt OutputOptions, write func(io.Writer) error) (err error) {
	real, err := checkOutput(target, opt)
	if err != nil {
		return err
	}
	dir := filepath.Dir(real)
	removeStaleTemps(dir, filepath.Base(real))
	var f *os.File
	forget, err := makePartial(func() (string, func(), error) {
		var err error
		if f, err = os.CreateTemp(dir, "."+filepath.Base(real)+".*.tmp"); err != nil { // mode 0600
			return "", nil, err
		}
		return f.Name(), func() { os.Remove(f.Name()) }, nil
	})
	if err != nil {
		return outputFailed(target, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
		forget()
	}()
	if err := write(f); err != nil {
		return outputFailed(target, err)
	}
	if err := f.Sync(); err != nil {
		return outputFailed(target, err)
	}
	if err := f.Close(); err != nil {
		return outputFailed(target, err)
	}
	// Check again just before the swap: the file system may have changed meanwhile.
	if _, err := checkOutput(target, opt); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), real); err != nil {
		return outputFailed(target, err)
	}
	syncDir(dir)
	return nil
}

// removeStaleTemps removes what a killed earlier run (SIGKILL, a power cut) left of an output
// to the same file: temporary files that nobody has written to for ten minutes.
func removeStaleTemps(dir, base string) {
	stale, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, p := range stale {
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > 10*time.Minute {
			os.Remove(p)
		}
	}
}

// globEscape makes a file name match only itself in filepath.Glob.
func globEscape(name string) string {
	var b strings.Builder
	for _, r := range name {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteString("[" + string(r) + "]")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// outputFailed words a failed write; a *Error from write (a refusal) passes unchanged.
func outputFailed(target string, err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	if isDiskFull(err) {
		return NewError(CodeUnavailable, "output", "%s is niet geschreven: de schijf is vol. Maak ruimte vrij of kies een andere schijf", target)
	}
	if notWritable(err) {
		// Worded here, about the output: left to Classify, it would blame the register.
		return NewError(CodeUnavailable, "output", "%s is niet geschreven: dit programma mag in die map niet schrijven (alleen lezen of geen toegang). Kies een andere map", target)
	}
	return fault(err, "%s is niet geschreven (%v)", target, err)
}

// syncDir makes the rename durable; Windows has no directory handles to sync, and there the
// rename is durable once it returns.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
