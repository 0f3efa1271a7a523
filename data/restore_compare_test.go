package data

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRestoreSaysWhatItReplaces: before a restore changes anything, the backup is set against
// the register by the audit trail. An earlier backup of this register says how many changes
// came after it; a backup of another practice's register says it is no earlier state of this
// one (regression: the refusal and the restore said neither, and a restore of the wrong
// register silently replaced the current one). The facts are in the refusal without force,
// in the result and in the restored register's event.
func TestRestoreSaysWhatItReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "klachtenregister.db")
	s := openAt(t, path, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practice_name": "Praktijk De Linde"}))
	mustCreate(t, s, complaint("Eerder", "2026-03-02", false))
	same := filepath.Join(t.TempDir(), "nu"+backupExt)
	_, err := s.WriteBackup(same, "", false)
	must(t, err)
	mustCreate(t, s, complaint("Later", "2026-03-02", false))
	mustCreate(t, s, complaint("Nog later", "2026-03-02", false))
	events, _, err := s.ChainHead()
	must(t, err)
	now := filepath.Join(t.TempDir(), "nu"+backupExt)
	_, err = s.WriteBackup(now, "", false)
	must(t, err)
	must(t, s.Close())

	other := openAt(t, filepath.Join(t.TempDir(), "klachtenregister.db"), "2026-03-02")
	must(t, other.SetSettings(map[string]string{"practice_name": "Praktijk Zon"}))
	for _, name := range []string{"Een", "Twee", "Drie", "Vier", "Vijf"} {
		mustCreate(t, other, complaint(name, "2026-03-02", false))
	}
	foreign := filepath.Join(t.TempDir(), "zon"+backupExt)
	_, err = other.WriteBackup(foreign, "", false)
	must(t, err)
	must(t, other.Close())

	header := func(file string) BackupHeader {
		f, err := os.Open(file)
		must(t, err)
		defer f.Close()
		h, err := ReadBackupHeader(f)
		must(t, err)
		return h
	}
	if c := CompareBackup(header(now), path); c == nil || c.Relation != BackupSame || c.Warning().Key != "" {
		t.Errorf("the backup of the register as it is: %+v", c)
	}
	c := CompareBackup(header(same), path)
	if c == nil || c.Relation != BackupEarlier || c.Since != 2 || c.Practice != "Praktijk De Linde" || c.Events != events {
		t.Fatalf("an earlier backup: %+v", c)
	}
	if w := c.Warning().String(); w != "Sinds deze reservekopie zijn in het register van Praktijk De Linde (klachtenregister.db, "+
		CountEvents(events)+") 2 wijzigingen vastgelegd. Die staan niet in de reservekopie: na het terugzetten staan ze alleen nog in het opzijgezette register." {
		t.Errorf("an earlier backup says %q", w)
	}
	c = CompareBackup(header(foreign), path)
	if c == nil || c.Relation != BackupOther {
		t.Fatalf("another practice's backup: %+v", c)
	}
	if w := c.Warning().String(); !strings.HasPrefix(w, "Deze reservekopie (van klachtenregister.db, 6 vastleggingen)") ||
		!strings.Contains(w, "is geen eerdere stand van het register van Praktijk De Linde") ||
		!strings.Contains(w, "alleen nog in het opzijgezette register") {
		t.Errorf("another practice's backup says %q", w)
	}
	if CompareBackup(header(foreign), filepath.Join(dir, "geen.db")) != nil {
		t.Error("compared with a register that is not there")
	}

	before := fileSum(t, path)
	_, err = Restore(foreign, path, "", false, restoreTime, "tester")
	wantErr(t, err, ErrConflict)
	if !strings.Contains(err.Error(), "is geen eerdere stand van het register van Praktijk De Linde") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("the refusal without force: %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("a refused restore changed the register")
	}
	res, err := Restore(foreign, path, "", true, restoreTime, "tester")
	must(t, err)
	if res.Replaced == nil || res.Replaced.Relation != BackupOther || res.Replaced.Events != events {
		t.Errorf("the result: %+v", res.Replaced)
	}
	r := openAt(t, path, "2026-03-03")
	var last string
	must(t, r.r.QueryRow(`SELECT p.payload FROM events e JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id DESC LIMIT 1`).Scan(&last))
	if !strings.Contains(last, `"relation":"other"`) || !strings.Contains(last, `"replaced_events":`+strconv.Itoa(events)) {
		t.Errorf("the restore's event: %s", last)
	}
}

// TestRestoreCountsChangesMadeWhileItRuns: a scheduled task that records changes while a
// restore unpacks and checks its backup puts them in the register the restore sets aside; the
// result and the restored register's event count them. They said what the register held when
// the restore began (15 changes of 60 in a walk with a task adding complaints).
func TestRestoreCountsChangesMadeWhileItRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klachtenregister.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Eerder", "2026-03-02", false))
	backup := filepath.Join(t.TempDir(), "eerder"+backupExt)
	_, err := s.WriteBackup(backup, "", false)
	must(t, err)
	mustCreate(t, s, complaint("Later", "2026-03-02", false))
	must(t, s.Close())
	defer func() { unpacked = func() {} }()
	unpacked = func() { // the scheduled task, in a store of its own
		task := openAt(t, path, "2026-03-02")
		mustCreate(t, task, complaint("Tijdens het terugzetten", "2026-03-02", false))
		must(t, task.Close())
	}
	res, err := Restore(backup, path, "", true, restoreTime, "tester")
	must(t, err)
	if res.Replaced == nil || res.Replaced.Since != 2 || res.Replaced.File != "klachtenregister.db" {
		t.Fatalf("the result: %+v, want 2 changes since the backup", res.Replaced)
	}
	aside := openAt(t, res.SetAside, "2026-03-03")
	if n, err := aside.Count(Filter{}); err != nil || n != 3 {
		t.Errorf("the register set aside holds %d complaints (%v), want 3", n, err)
	}
	r := openAt(t, path, "2026-03-03")
	var last string
	must(t, r.r.QueryRow(`SELECT p.payload FROM events e JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id DESC LIMIT 1`).Scan(&last))
	if !strings.Contains(last, `"replaced_events":`+strconv.Itoa(res.Replaced.Events)) {
		t.Errorf("the restore's event: %s", last)
	}
}

// TestChangeRefusedOnceTheRegisterWasReplaced: a store opened before a restore replaced the
// register's file (a scheduled task that started just before) refuses its change as the
// register unavailable, and writes nothing in the register set aside; it wrote its change
// there, where nobody looks, and reported success.
func TestChangeRefusedOnceTheRegisterWasReplaced(t *testing.T) {
	dir := t.TempDir()
	path, aside, restored := filepath.Join(dir, "k.db"), filepath.Join(dir, "k-opzij.db"), filepath.Join(dir, "nieuw.db")
	task := openAt(t, path, "2026-03-02")
	mustCreate(t, task, complaint("Eerder", "2026-03-02", false))
	other := openAt(t, restored, "2026-03-02")
	must(t, other.Close())
	must(t, os.Link(path, aside)) // as the restore sets it aside
	must(t, os.Rename(restored, path))
	_, err := task.Create(complaint("Tijdens het terugzetten", "2026-03-02", false))
	wantErr(t, err, ErrUnavailable)
	if err == nil || !strings.Contains(err.Error(), "teruggezette reservekopie") {
		t.Errorf("the refusal: %v", err)
	}
	wantErr(t, task.Batch(func(b *Store) error { return nil }), ErrUnavailable)
	must(t, task.Close())
	if fileExists(path + anchorSuffix) { // the set-aside register's head over the restored one's
		t.Error("the task wrote its anchor beside the register that replaced its own")
	}
	kept := openAt(t, aside, "2026-03-02")
	if n, err := kept.Count(Filter{}); err != nil || n != 1 {
		t.Errorf("the register set aside holds %d complaints (%v), want 1", n, err)
	}
}

// TestRestoreSaysWhichErasuresItUndoes: personal data erased after a backup come back with
// its restore; the confirmation names the complaints, so they are erased again (a restore
// undid an erasure the complainant had asked for without a word).
func TestRestoreSaysWhichErasuresItUndoes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "klachtenregister.db")
	s := openAt(t, path, "2026-03-02")
	kept := mustCreate(t, s, complaint("Blijft", "2026-03-02", false))
	erased := mustCreate(t, s, complaint("Wist", "2026-03-02", false))
	backup := filepath.Join(t.TempDir(), "kopie"+backupExt)
	_, err := s.WriteBackup(backup, "", false)
	must(t, err)
	f, err := os.Open(backup)
	must(t, err)
	h, err := ReadBackupHeader(f)
	f.Close()
	must(t, err)
	if c := CompareBackup(h, path); c == nil || c.ErasedNote().Key != "" {
		t.Fatalf("nothing erased yet: %+v", c)
	}
	must(t, s.Erase(erased, "Verzoek van de klager.", true))
	c := CompareBackup(h, path)
	if c == nil || len(c.Erased) != 1 || c.Erased[0] != erased {
		t.Fatalf("after the erasure of %s (not %s): %+v", erased, kept, c)
	}
	if note := c.ErasedNote().String(); !strings.Contains(note, "persoonsgegevens van "+erased+" gewist") || !strings.Contains(note, "wis of anonimiseer ze dan opnieuw") {
		t.Errorf("the note says %q", note)
	}
	must(t, s.Close())
	if _, err := Restore(backup, path, "", false, time.Now(), ""); err == nil || !strings.Contains(err.Error(), "persoonsgegevens van "+erased) {
		t.Errorf("the refusal without force: %v", err)
	}
	// Restored, Vandaag asks to erase it again until it is: the confirmation said it once.
	if _, err := Restore(backup, path, "", true, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, "2026-03-02")
	again := func() []string {
		t.Helper()
		_, items, err := s.Overview()
		must(t, err)
		var refs []string
		for _, it := range items {
			if it.Kind == ItemEraseAgain {
				refs = append(refs, it.Reference)
			}
		}
		return refs
	}
	if refs := again(); len(refs) != 1 || refs[0] != erased {
		t.Errorf("after the restore Vandaag asks to erase %v again, want %s", refs, erased)
	}
	must(t, s.Erase(erased, "Verzoek van de klager, opnieuw na het terugzetten.", true))
	if refs := again(); len(refs) != 0 {
		t.Errorf("erased again, Vandaag still asks it for %v", refs)
	}
}

// TestACopyElsewhereLeavesTheRegistersAnchorAlone: a copy of the register restored in another
// folder to try it out shares the register's backup folder and file name, and so the anchor's
// name there. Its changes made verify of the register itself report removed events; an anchor
// now says where its register is, and the register reads only its own.
func TestACopyElsewhereLeavesTheRegistersAnchorAlone(t *testing.T) {
	shared := t.TempDir()
	path := filepath.Join(t.TempDir(), "w.db")
	s := openAt(t, path, "2026-03-02")
	must(t, s.SetSettings(map[string]string{KeyBackupDir: shared}))
	mustCreate(t, s, complaint("Eerder", "2026-03-02", false))
	must(t, s.Close())
	b, err := os.ReadFile(path)
	must(t, err)
	copied := filepath.Join(t.TempDir(), "w.db")
	must(t, os.WriteFile(copied, b, 0o600))
	c := openAt(t, copied, "2026-03-03")
	mustCreate(t, c, complaint("In de kopie", "2026-03-02", false))
	mustCreate(t, c, complaint("Nog een", "2026-03-02", false))
	must(t, c.Close()) // its anchor in the shared backup folder would have the same name
	if a, _ := readAnchor(filepath.Join(shared, "w"+anchorSuffix), "", path, true); a == nil || a.Events != 2 {
		t.Errorf("the register's anchor in the shared backup folder after its copy closed: %+v", a)
	}
	s = openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if !v.OK() {
		t.Errorf("the register after its copy elsewhere changed: %s", v.Problem)
	}
	a, err := s.NewestAnchor()
	must(t, err)
	if a == nil || a.File != path+anchorSuffix {
		t.Errorf("the register's newest anchor: %+v, want its own beside it", a)
	}
	// The copy's backups in the shared folder carry the register's name too: they are neither
	// the register's anchors nor its backups to list or thin out.
	c = openAt(t, copied, "2026-03-04")
	_, made, err := c.AutoBackup(false)
	must(t, err)
	must(t, c.Close())
	own, err := s.Backups()
	must(t, err)
	if !made || len(own) != 0 {
		t.Errorf("the register lists %d backups after its copy made one (made %v), want none", len(own), made)
	}
	if a, err := s.NewestAnchor(); err != nil || a == nil || a.File != path+anchorSuffix {
		t.Errorf("after the copy's backup, the register's newest anchor: %+v (%v)", a, err)
	}
}

// TestUnreadableAnchorFailsVerify: an anchor file replaced with something else than an
// anchor made verify say there was no anchor yet, and pass: garbage silenced the check of the
// audit trail against it. The program writes an anchor whole or not at all.
func TestUnreadableAnchorFailsVerify(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Eerder", "2026-03-02", false))
	must(t, s.Close())
	must(t, os.WriteFile(path+anchorSuffix, []byte("rommel\n"), 0o600))
	s = openAt(t, path, "2026-03-02")
	v, err := s.Verify()
	must(t, err)
	if v.OK() || !strings.Contains(v.Problem, "het ankerbestand naast het register ("+path+anchorSuffix+") is onleesbaar") {
		t.Errorf("verify with a garbled anchor: %q", v.Problem)
	}
}

// TestPlainCopyOfAnotherRegisterIsNotCompared: a plain copy of another register's file,
// restored with force, was taken for a backup of an empty register: "38 changes since this
// backup", and relation "earlier" in the restore's event. A plain copy names no state to
// compare with (README): the result has no comparison and the event no relation.
func TestPlainCopyOfAnotherRegisterIsNotCompared(t *testing.T) {
	dir := t.TempDir()
	other := openAt(t, filepath.Join(dir, "ander.db"), "2026-03-02")
	mustCreate(t, other, complaint("Ander", "2026-03-02", false))
	must(t, other.Close())
	path := filepath.Join(dir, "klachtenregister.db")
	s := openAt(t, path, "2026-03-02")
	mustCreate(t, s, complaint("Eigen", "2026-03-02", false))
	must(t, s.Close())
	res, err := Restore(filepath.Join(dir, "ander.db"), path, "", true, restoreTime, "tester")
	must(t, err)
	if res.Replaced != nil {
		t.Errorf("a plain copy was compared: %+v", *res.Replaced)
	}
	r := openAt(t, path, "2026-03-03")
	var last string
	must(t, r.r.QueryRow(`SELECT p.payload FROM events e JOIN event_payloads p ON p.event_id = e.id ORDER BY e.id DESC LIMIT 1`).Scan(&last))
	if !strings.Contains(last, `"set_aside":`) || strings.Contains(last, `"relation"`) {
		t.Errorf("the restore's event: %s", last)
	}
}
