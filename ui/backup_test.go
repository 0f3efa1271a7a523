package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

// The overview warns while there is no backup, and while backups sit beside the register;
// the settings show the last good one, and a failed backup is told on both.
func TestBackupWarnings(t *testing.T) {
	m, s := newApp(t)
	if !strings.Contains(m.Overview.warnings.Text, "Er staat nog geen reservekopie") || m.Overview.warnings.Hidden {
		t.Fatalf("overview warnings %q", m.Overview.warnings.Text)
	}
	m.Settings.backups.onBackupNow() // in the background: the window does not freeze meanwhile
	settle(m)
	if text := overlayText(m.win); !strings.Contains(text, "Reservekopie gemaakt en gecontroleerd:") || strings.Contains(text, "wordt gemaakt en gecontroleerd") {
		t.Errorf("after Make a backup now the window says %q", text)
	}
	w := m.Overview.warnings.Text
	if strings.Contains(w, "nog geen") || !strings.Contains(w, "dezelfde schijf") {
		t.Errorf("overview after a backup: %q", w)
	}
	if st := m.Settings.backups.status.Text; !strings.Contains(st, "Laatste goede reservekopie: 30 november 2026") {
		t.Errorf("settings: %q", st)
	}
	if err := s.SetSettings(map[string]string{"backup_dir": t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	// The backups in the folder before stay there: the new one has none yet, and the
	// overview says so of the folder, and when one comes.
	if w := m.Overview.warnings.Text; !strings.Contains(w, "Er staat nog geen reservekopie in de map voor reservekopieën. Bij het afsluiten wordt er een gemaakt") || strings.Contains(w, "dezelfde schijf") {
		t.Errorf("overview with another folder: %q", w)
	}
	m.backupDone(errors.New("schijf vol"))
	settle(m)
	if !strings.Contains(m.Overview.warnings.Text, "De laatste reservekopie is mislukt") ||
		!strings.Contains(m.Settings.backups.status.Text, "Schijf vol") {
		t.Errorf("failed backup: %q / %q", m.Overview.warnings.Text, m.Settings.backups.status.Text)
	}
}

// Restoring from the settings screen puts the backup in place, keeps the register that was
// there, and hands the window the restored register.
func TestRestoreFromTheApp(t *testing.T) {
	m, s := newApp(t)
	backup := filepath.Join(t.TempDir(), "kopie.reservekopie")
	if _, err := s.WriteBackup(backup, "", false); err != nil {
		t.Fatal(err)
	}
	ref := addComplaint(t, s, "Na de kopie")
	var restored *data.Store
	m.switchStore = func(n *data.Store) { restored = n }
	m.restore(backup, "")
	if restored == nil || !m.closed {
		t.Fatal("the window did not get the restored register")
	}
	defer restored.Close()
	if _, err := restored.Complaint(ref); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("complaint made after the backup: %v", err)
	}
	aside, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), "register-voor-terugzetten-*.db"))
	if len(aside) != 1 {
		t.Errorf("set-aside register: %v", aside)
	}
}

// TestFileDialogsSayWhatToChoose: the file dialog for a restore says what to choose, in the
// screens' words (Fyne's own title reads "Openen Bestand" in Dutch), and lists the names in full.
func TestFileDialogsSayWhatToChoose(t *testing.T) {
	m, _ := newApp(t)
	fyne.CurrentApp().Preferences().SetInt(fileDialogViewKey, int(dialog.GridView)) // as Fyne stores it on first use
	m.Settings.backups.onRestore()
	if v := fyne.CurrentApp().Preferences().Int(fileDialogViewKey); v != int(dialog.ListView) {
		t.Errorf("the dialog shows view %d, want the list (%d)", v, dialog.ListView)
	}
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	shown := texts(top)
	if !strings.Contains(shown, "Reservekopie kiezen om terug te zetten") || strings.Contains(shown, "Openen Bestand") {
		t.Errorf("the dialog shows:\n%s", shown)
	}
}

// TestRestoreSaysWhatIsLostAndNeedsThePassphrase: the confirmation of a restore sets the backup
// against the register by the audit trail: nothing is lost, so many changes came after it, or
// it is no earlier state of this register at all (another practice's: regression, that was
// not said); an encrypted backup cannot go on to that confirmation with an empty passphrase
// (which was refused only after the register was closed).
func TestRestoreSaysWhatIsLostAndNeedsThePassphrase(t *testing.T) {
	m, s := newApp(t)
	dir := t.TempDir()
	plain, secret := filepath.Join(dir, "kopie.reservekopie"), filepath.Join(dir, "geheim.reservekopie")
	if _, err := s.WriteBackup(plain, "", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteBackup(secret, "wachtwoord van de praktijk", false); err != nil {
		t.Fatal(err)
	}
	header := func(path string) data.BackupHeader {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		h, err := data.ReadBackupHeader(f)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	p := m.Settings.backups
	p.askRestore(plain, header(plain))
	if text := overlayText(m.win); !strings.Contains(text, "Deze reservekopie bevat het register zoals het nu is: er gaat niets verloren van wat is vastgelegd.") {
		t.Errorf("the confirmation of the register as it is says %q", text)
	}
	m.win.Canvas().Overlays().Top().Hide()
	addComplaint(t, s, "Na de kopie")
	p.askRestore(plain, header(plain))
	if text := overlayText(m.win); !strings.Contains(text, "Sinds deze reservekopie is in het register van Praktijk De Linde (register.db, ") ||
		!strings.Contains(text, "1 wijziging vastgelegd. Die staat niet in de reservekopie: na het terugzetten staat ze alleen nog in het opzijgezette register.") {
		t.Errorf("the confirmation of an earlier backup says %q", text)
	}
	m.win.Canvas().Overlays().Top().Hide()
	other, err := data.Open(filepath.Join(t.TempDir(), "ander.db"))
	if err != nil {
		t.Fatal(err)
	}
	addComplaint(t, other, "Van een andere praktijk")
	foreign := filepath.Join(dir, "ander.reservekopie")
	if _, err := other.WriteBackup(foreign, "", false); err != nil {
		t.Fatal(err)
	}
	other.Close()
	p.askRestore(foreign, header(foreign))
	if text := overlayText(m.win); !strings.Contains(text, "Deze reservekopie (van ander.db, ") ||
		!strings.Contains(text, "is geen eerdere stand van het register van Praktijk De Linde (register.db") {
		t.Errorf("the confirmation of another register's backup says %q", text)
	}
	m.win.Canvas().Overlays().Top().Hide()

	var restored []string
	p.restore = func(file, passphrase string) { restored = append(restored, passphrase) }
	p.askRestore(secret, header(secret))
	form := m.win.Canvas().Overlays().Top()
	if text := texts(form); !strings.Contains(text, "Deze reservekopie is versleuteld: vul het wachtwoord in") {
		t.Errorf("the passphrase dialog says %q", text)
	}
	tapInTop(t, m.win, "Reservekopie terugzetten") // empty: the button does nothing
	if m.win.Canvas().Overlays().Top() != form {
		t.Fatal("an empty passphrase went on to the confirmation")
	}
	if len(restored) != 0 {
		t.Errorf("restored with %q", restored)
	}
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*entry); ok && e.Password {
			e.SetText("wachtwoord van de praktijk")
		}
	}
	tapInTop(t, m.win, "Reservekopie terugzetten")
	tapInTop(t, m.win, "Ja")
	if len(restored) != 1 || restored[0] != "wachtwoord van de praktijk" {
		t.Errorf("restored with %q", restored)
	}
}
