package data

import (
	"errors"
	"maps"
	"slices"
)

// settings reads the stored settings over the defaults.
func settings(q querier) (Settings, error) {
	if tx, ok := q.(*Tx); ok && tx.batch != nil && tx.batch.settings != nil {
		return maps.Clone(tx.batch.settings), nil // a batch reads them once: only it can change them
	}
	s := DefaultSettings()
	rows, err := q.Query(`SELECT key, value FROM settings`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		s[k] = v
	}
	if tx, ok := q.(*Tx); ok && tx.batch != nil && rows.Err() == nil {
		tx.batch.settings = maps.Clone(s)
	}
	return s, rows.Err()
}

// Settings returns every setting, defaults included.
func (s *Store) Settings() (Settings, error) { return settings(s.reads()) }

// SetSettings validates every given value first and then stores them all in one transaction,
// with an audit event per changed setting; one bad value changes nothing. The settings as
// they would then be pass CheckSettings, and a new backup folder is made (as the next backup
// would) and refused here, with a backup's own words, when the program cannot write in it.
func (s *Store) SetSettings(values map[string]string) error {
	clean := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		v, err := CheckSetting(k, values[k])
		if err != nil {
			return err
		}
		clean[k] = v
	}
	// The folder is tried before the register is locked for writing: a drive that is not
	// attached can keep the system busy for seconds, and the CLI's scheduled task waits meanwhile.
	if dir := clean[KeyBackupDir]; dir != "" {
		current, err := s.Settings()
		if err != nil {
			return err
		}
		if dir != current[KeyBackupDir] {
			if err := CheckBackupDir(dir); err != nil {
				return err
			}
		}
	}
	return s.update(func(tx *Tx) error {
		current, err := settings(tx)
		if err != nil {
			return err
		}
		followSector(current, clean)
		saved := maps.Clone(current)
		maps.Copy(saved, clean)
		if err := CheckSettings(saved); err != nil {
			return err
		}
		for _, k := range slices.Sorted(maps.Keys(clean)) {
			if current[k] == clean[k] {
				continue
			}
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, clean[k]); err != nil {
				return err
			}
			if err := tx.event(0, "setting_changed", map[string]any{"key": k, "old": current[k], "new": clean[k]}); err != nil {
				return err
			}
		}
		if tx.batch != nil {
			tx.batch.settings = nil
		}
		return nil
	})
}

// CheckBackupDir refuses, as a refused setting, a backup folder that the program cannot make
// or may not write in, in the words a backup uses (makeBackupDir); one that can be made is
// made. SetSettings asks it of a new backup_dir; the CLI before it makes a new register.
func CheckBackupDir(dir string) error { return refusedInput(KeyBackupDir, makeBackupDir(dir)) }

// refusedInput is a failure of a folder or file the practitioner chose (a backup folder that
// cannot be written or made), which a backup reports as the disk's: here it refuses the
// input in field, in the same words, and nothing is saved.
func refusedInput(field string, err error) error {
	var e *Error
	var f *Fault
	switch {
	case errors.As(err, &e):
		return &Error{Code: CodeInvalid, Field: field, Text: e.Text}
	case errors.As(err, &f):
		return &Error{Code: CodeInvalid, Field: field, Text: f.Text}
	}
	return err
}

// followSector follows a change of sector that this save makes: the deadline term, unless the
// save sets it (PolicyForSector), and the next body, when disputes_body is still a built-in
// text that this save does not set itself. The settings screen shows both as they follow, and
// saves them as shown; the first-start dialog and the CLI's settings set leave it to this.
func followSector(current Settings, changes map[string]string) {
	p, changed := changes[KeyProfession]
	if !changed || p == current[KeyProfession] {
		return
	}
	if _, set := changes[KeyDeadlinePolicy]; !set {
		if policy := PolicyForSector(current[KeyDeadlinePolicy], current[KeyProfession], p); policy != current[KeyDeadlinePolicy] {
			changes[KeyDeadlinePolicy] = policy
		}
	}
	if body, set := changes[KeyDisputesBody]; set && body != current[KeyDisputesBody] || !IsDefaultDisputesBody(current[KeyDisputesBody]) {
		return
	}
	changes[KeyDisputesBody] = DisputesBodyNaming(p, "") // a law firm or accountant without a body: the court
}

// PolicyForSector is the deadline term once the sector goes from one to another: care falls
// under the Wkkgz and its six weeks, so entering care turns the default month into the Wkkgz
// term and leaving care turns that back; any other term, and a move between two other
// sectors, stays as it is.
func PolicyForSector(policy, from, to string) string {
	switch care := ProfessionCare; {
	case to == care && from != care && policy == PolicyMonth:
		return PolicyWkkgz
	case from == care && to != care && policy == PolicyWkkgz:
		return PolicyMonth
	}
	return policy
}
