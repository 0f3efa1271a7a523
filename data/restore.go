package data

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// RestoreResult says what Restore did.
type RestoreResult struct {
	Backup   BackupHeader
	Events   int    // events in the restored register, the restore itself included
	SetAside string // where the register that was there now is; "" when there was none
	// Replaced is the backup set against the register it replaced (what only SetAside keeps);
	// nil when there was none, or it could not be read (a damaged one).
	Replaced *BackupComparison
}

// Restore puts the register in a backup at dbPath. The backup is decrypted and checked in full
// (integrity_check and verify) before anything is touched; a register already at dbPath is set
// aside under a new name, never removed, and only with force; the refusal without it says
// what a restore would lose (BackupComparison.Warning), as the result does after it. The swap
// is one rename, and the restore is recorded in the restored register's audit trail, by actor
// ("": the operating-system user).
func Restore(backupPath, dbPath, passphrase string, force bool, now time.Time, actor string) (RestoreResult, error) {
	var res RestoreResult
	if err := checkPath(dbPath); err != nil {
		return res, err
	}
	if _, err := BackupFileHeader(backupPath); err != nil {
		return res, err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return res, NewError(CodeDatabase, "", "de map voor het register kan niet worden gemaakt: %v", err)
	}
	exists := fileExists(dbPath)
	if exists {
		res.Replaced = compareWithFile(backupPath, dbPath)
	}
	if exists && !force {
		if w, note := res.Replaced.Warning(), res.Replaced.ErasedNote(); note.Key != "" {
			return res, NewError(CodeConflict, "", "op %s staat al een register. %s %s Met --force wordt het huidige register opzijgezet (niet verwijderd) en de reservekopie teruggezet", dbPath, w, note)
		} else if w.Key != "" {
			return res, NewError(CodeConflict, "", "op %s staat al een register. %s Met --force wordt het huidige register opzijgezet (niet verwijderd) en de reservekopie teruggezet", dbPath, w)
		}
		return res, NewError(CodeConflict, "", "op %s staat al een register; met --force wordt het opzijgezet (niet verwijderd) en de reservekopie teruggezet", dbPath)
	}
	tmp, done, h, err := unpackBackup(backupPath, filepath.Dir(dbPath), passphrase)
	if err != nil {
		return res, err
	}
	defer done()
	res.Backup = h
	unpacked()
	// From setting the register aside until the restored one is recorded and its anchor
	// written, an interruption waits: cut short in between, the register was missing, or its
	// anchor still named the register set aside and verify reported a rewritten trail.
	err = uninterrupted(func() error { return swapIn(&res, tmp, dbPath, exists, backupPath, now, actor) })
	return res, err
}

// unpacked is called once the backup is unpacked and checked, before the register is set
// aside: a test records a change there, as a scheduled task might.
var unpacked = func() {}

// swapIn puts the unpacked backup tmp in the register's place and records the restore in it.
func swapIn(res *RestoreResult, tmp, dbPath string, exists bool, backupPath string, now time.Time, actor string) error {
	h := res.Backup
	var err error
	if exists {
		if res.SetAside, err = setAside(dbPath, now); err != nil {
			return err
		}
	} else if err := os.Rename(tmp, dbPath); err != nil {
		return err
	}
	if res.SetAside != "" {
		if err := os.Rename(tmp, dbPath); err != nil { // replaces the file in one step
			if !fileExists(dbPath) { // it was moved aside rather than linked: move it back
				os.Rename(res.SetAside, dbPath)
			}
			return unusable(err, "het terugzetten is mislukt; het register is niet gewijzigd (%v)", err)
		}
		// What the register set aside holds now: a scheduled task may have recorded changes
		// while the backup was unpacked and checked, after the first comparison.
		if c := CompareBackup(h, res.SetAside); c != nil {
			c.File = filepath.Base(dbPath)
			res.Replaced = c
		}
	}
	s, err := Open(dbPath)
	if err != nil {
		return err
	}
	s.Now = func() time.Time { return now }
	if actor != "" {
		s.Actor = actor
	}
	err = s.update(func(tx *Tx) error {
		payload := map[string]any{"backup": filepath.Base(backupPath), "created": h.Created,
			"events": h.Events, "head": h.Head, "set_aside": res.SetAside}
		if c := res.Replaced; c != nil { // what the register set aside held: its events, and how the backup stood to it
			payload["replaced_events"], payload["relation"] = c.Events, c.Relation
			if len(c.Erased) > 0 { // erased after the backup: Vandaag asks to erase them again (EraseAgainItems)
				payload["erase_again"] = c.Erased
			}
		}
		return tx.event(0, "register_restored", payload)
	})
	if err == nil {
		res.Events, _, err = head(s.reads())
	}
	return errors.Join(err, s.Close())
}

// compareWithFile is CompareBackup for a backup file, by its header only; nil when the
// header cannot be read (the restore then says why).
func compareWithFile(backupPath, dbPath string) *BackupComparison {
	f, err := os.Open(backupPath)
	if err != nil {
		return nil
	}
	h, err := ReadBackupHeader(f)
	f.Close()
	if err != nil {
		return nil
	}
	return CompareBackup(h, dbPath)
}

// unpackBackup writes the register in a backup to a new file in dir and checks it; done
// removes that file when it is still there (it was not renamed to the register). Like a
// backup's snapshot, the file goes when the program is interrupted (RemovePartialOutputs):
// a restore stopped halfway leaves no plain copy beside the register.
func unpackBackup(backupPath, dir, passphrase string) (tmp string, done func(), h BackupHeader, err error) {
	f, err := os.Open(backupPath)
	if err != nil {
		return "", nil, h, Unreadable(backupPath, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", nil, h, NewError(CodeInvalid, "", "%s is geen gewoon bestand; kies een reservekopie", backupPath)
	}
	h, body, err := openBackup(f, passphrase)
	if err != nil {
		return "", nil, h, err
	}
	var out *os.File
	var name string // the closures' own copy: the results change on return
	forget, err := makePartial(func() (string, func(), error) {
		var err error
		if out, err = os.CreateTemp(dir, ".klachtenregister-terugzetten-*.tmp"); err != nil {
			return "", nil, err
		}
		name = out.Name()
		return name, func() { removeDB(name) }, nil
	})
	if err != nil {
		return "", nil, h, err
	}
	done = func() { removeDB(name); forget() }
	_, err = io.Copy(out, body)
	err = errors.Join(err, out.Sync(), out.Close())
	if err == nil {
		err = checkCopy(name, h)
	}
	if err != nil {
		done()
		return "", nil, h, err
	}
	return name, done, h, nil
}

// checkCopy checks that a file is an intact Klachtenregister database holding the chain head
// its backup header promises; nil when it is, a damaged-backup error saying why when not.
func checkCopy(path string, h BackupHeader) error {
	if err := prepareFile(path, false); err != nil {
		return damagedBackup("het is geen database van Klachtenregister")
	}
	if err := probe(path, existingFile(path)); err != nil {
		return damagedBackup("%s", err)
	}
	db, err := openCopy(path)
	if err != nil {
		return damagedBackup("%s", err)
	}
	defer db.Close()
	var app int
	if err := db.QueryRow(`PRAGMA application_id`).Scan(&app); err != nil || app != applicationID {
		return damagedBackup("het is geen database van Klachtenregister")
	}
	v, err := verifyDB(db, true)
	switch {
	case err != nil:
		return damagedBackup("%s", err)
	case !v.OK():
		return damagedBackup("%s", v.Problem)
	case h.Size >= 0 && (v.Events != h.Events || v.Head != h.Head):
		return damagedBackup("de beschrijving aan het begin past niet bij de inhoud")
	}
	return nil
}

// setAside gives the register at dbPath a new name beside it, with the journal files SQLite
// keeps next to it, after folding its write-ahead log in. A register another program still has
// open is refused as unavailable now (busy), not as bad input: its log is then still in use.
func setAside(dbPath string, now time.Time) (string, error) {
	checkpointed := false
	if db, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(5000)"); err == nil {
		_, err = db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		checkpointed = err == nil
		db.Close()
	}
	// The last connection to close removes the log; when it is still there, another program
	// has the register open. (A damaged file cannot be opened; its journal files move with it.)
	if checkpointed && fileExists(dbPath+"-wal") {
		return "", NewError(CodeUnavailable, CauseBusy, "het register is nog geopend in een ander programma; sluit Klachtenregister en probeer het opnieuw")
	}
	ext := filepath.Ext(dbPath)
	aside := fmt.Sprintf("%s-voor-terugzetten-%s%s", dbPath[:len(dbPath)-len(ext)], now.Local().Format("2006-01-02-150405"), ext)
	for i := 2; fileExists(aside); i++ {
		aside = fmt.Sprintf("%s-voor-terugzetten-%s-%d%s", dbPath[:len(dbPath)-len(ext)], now.Local().Format("2006-01-02-150405"), i, ext)
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if fileExists(dbPath + suffix) {
			if err := os.Rename(dbPath+suffix, aside+suffix); err != nil {
				return "", err
			}
		}
	}
	// A hard link keeps the register at its place until the restored one replaces it in one
	// rename; where links are not possible it is moved aside first.
	if err := os.Link(dbPath, aside); err != nil {
		if err := os.Rename(dbPath, aside); err != nil {
			return "", unusable(err, "het huidige register kan niet opzij worden gezet (%v)", err)
		}
	}
	return aside, nil
}
