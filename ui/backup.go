package ui

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// backupStore is what the backup hooks need from the store.
type backupStore interface {
	BackupStatus() (data.BackupStatus, error)
	AutoBackup(daily bool) (data.BackupInfo, bool, error)
	Path() string
}

// isDemo tells a demo register by its path (or a path beside it) in the temporary folder
// openDemo makes: it gets no backups and no warnings about them.
func isDemo(path string) bool {
	return strings.Contains(path, string(filepath.Separator)+"klachtenregister-demo-")
}

// autoBackup is the store's AutoBackup as the desktop app runs it. A backup's check reads the
// whole register: on one of 100,000 complaints the app went from 230 MB to 430 MB and kept
// that for minutes after. While it runs the garbage collector lets the heap grow by a fifth
// instead of doubling it (with the check's compact histories of BENCHMARKS.md's run U: 287 MB
// at most when doubling, 235–241 MB at a fifth, in the same time), and afterwards the memory
// goes back to the system at once.
func autoBackup(s backupStore, daily bool) (data.BackupInfo, bool, error) {
	old := debug.SetGCPercent(20)
	defer func() { debug.SetGCPercent(old); debug.FreeOSMemory() }()
	return s.AutoBackup(daily)
}

// backupAtStart makes the day's first backup in the background; a failure is shown on the
// overview until a later backup succeeds.
func (m *Main) backupAtStart() {
	if isDemo(m.store.Path()) {
		return
	}
	gate := shown
	go func() {
		<-gate
		_, _, err := autoBackup(m.store, true)
		deliver(func() { m.backupDone(err) })
	}()
}

// backupDone shows the outcome of a backup on the overview and in the settings.
func (m *Main) backupDone(err error) {
	m.Overview.backupFailed, m.Settings.backupFailed = err, err
	m.Overview.refresh()
	m.Settings.refresh()
}

// backupAtClose makes the backup when a register is closed, unless the newest backup already
// holds every change.
func backupAtClose(s backupStore) error {
	if isDemo(s.Path()) {
		return nil
	}
	_, _, err := autoBackup(s, false)
	return err
}

// closeStore closes a register the window no longer shows, after its backup; a failed
// backup is shown in win.
func closeStore(s *data.Store, win fyne.Window) {
	showError(backupAtClose(s), win)
	s.Close()
}

// backupFailedText is the overview's line for a backup that failed.
func backupFailedText(err error) string {
	return lang.L("The last backup failed; the previous backups are unchanged:") + " " + problemText(err)
}

// backupPanel is the settings screen's part about backups: where they go, the last good one,
// and a button to make one now.
type backupPanel struct {
	store  backupStore
	win    fyne.Window
	status *widget.Label
	dir    string // the backup folder, where the restore dialog starts
	// register is the file a restore replaces, which the confirmation compares the backup with.
	register string
	// done is told the outcome of a backup made with the button.
	done func(err error)
	// restore puts the register in a backup file in place of the open one.
	restore func(file, passphrase string)
	bg      *worker // the settings screen's, which runs a backup made with the button
}

func newBackupPanel(store backupStore, win fyne.Window, bg *worker, done func(error)) *backupPanel {
	p := &backupPanel{store: store, win: win, status: widget.NewLabel(""), done: done, register: store.Path(), bg: bg}
	p.status.Wrapping = fyne.TextWrapWord
	return p
}

func (p *backupPanel) content() fyne.CanvasObject {
	now := newButton(lang.L("Make a backup now"), p.onBackupNow)
	restore := newButton(lang.L("Restore a backup…"), p.onRestore)
	return container.NewVBox(p.status, container.NewGridWithColumns(2, now, restore))
}

// show puts the status in words: the folder, the last good backup, and any warning.
func (p *backupPanel) show(st data.BackupStatus, failed error) {
	p.dir = st.Dir
	lines := []string{lang.L("Backups are kept in:") + " " + st.Dir}
	if st.Last != nil {
		lines = append(lines, fmt.Sprintf("%s %s, %s (%s)", lang.L("Last good backup:"),
			longTime(st.Last.Created), st.Last.Created.Local().Format("15:04"), countEvents(st.Last.Events)))
	}
	if failed != nil {
		lines = append(lines, backupFailedText(failed))
	}
	lines = append(lines, backupWarnings(st, true)...)
	p.status.SetText(strings.Join(lines, "\n"))
}

// onBackupNow makes a backup in the background: copying and checking a large register takes a
// while (about 25 s for 100,000 complaints), and the window must not freeze meanwhile.
func (p *backupPanel) onBackupNow() {
	type outcome struct {
		info data.BackupInfo
		made bool
	}
	working := busy(p.win, lang.L("Backup"), lang.L("Making and checking the backup…"))
	run(p.bg, func() (outcome, error) {
		info, made, err := autoBackup(p.store, false)
		return outcome{info, made}, err
	}, func(o outcome) {
		working.Hide()
		p.done(nil)
		if !o.made {
			inform(lang.L("Backup"), lang.L("The latest backup already holds every change: {{.File}}", map[string]any{"File": o.info.File}), p.win)
			return
		}
		inform(lang.L("Backup"), lang.L("Backup made and checked:")+" "+o.info.File, p.win)
	}, func(err error) {
		working.Hide()
		p.done(err)
		showError(err, p.win)
	})
}

// backupWarnings are the lines about backups on the overview, or (inSettings) on the backup
// settings, which choose the folder just above them; none when all is well.
func backupWarnings(st data.BackupStatus, inSettings bool) []string {
	var out []string
	switch {
	case st.Last == nil && inSettings: // also after another folder was chosen: the old one's backups stay where they are
		out = append(out, lang.L("There is no backup in the backup folder yet. One is made when you close the app, or at once with ‘Make a backup now’."))
	case st.Last == nil:
		out = append(out, lang.L("There is no backup in the backup folder yet. One is made when you close the app, or at once in Settings."))
	case st.Stale:
		out = append(out, lang.L("The last good backup is from {{.Date}}, more than 7 days ago.",
			map[string]any{"Date": longTime(st.Last.Created)}))
	}
	switch {
	case st.DefaultDir && inSettings:
		out = append(out, lang.L("The backups are on the same disk as the register. Choose a folder on another disk or a synced folder above."))
	case st.DefaultDir:
		out = append(out, lang.L("The backups are on the same disk as the register. In Settings, choose another disk or a synced folder."))
	}
	return out
}

// chooseBackupDir lets the practitioner pick the backup folder, e.g. on another disk or in a
// synced folder, and puts it in the settings form.
func chooseBackupDir(win fyne.Window, set func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			showError(err, win)
			return
		}
		set(u.Path())
	}, win)
	showFileDialog(d, lang.L("Choose the folder for the backups"), win)
}

// onRestore asks for the backup file, its passphrase when it is encrypted, and a confirmation.
func (p *backupPanel) onRestore() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(err, p.win)
			return
		}
		h, err := data.ReadBackupHeader(r)
		r.Close()
		file := r.URI().Path()
		if err != nil {
			showError(err, p.win)
			return
		}
		p.askRestore(file, h)
	}, p.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(p.dir)); err == nil {
		d.SetLocation(l)
	}
	d.SetFilter(storage.NewExtensionFileFilter([]string{".reservekopie", ".db"}))
	showFileDialog(d, lang.L("Choose the backup to restore"), p.win)
}

// askRestore asks for the passphrase of an encrypted backup, then for the confirmation, which
// says what is lost before anything changes: the backup is compared with the register by the
// audit trail (data.CompareBackup), so the confirmation tells how many changes came after the
// backup, or that the backup is no earlier state of this register at all (another practice's,
// or one replaced since); either way they stay only in the register set aside.
func (p *backupPanel) askRestore(file string, h data.BackupHeader) {
	confirm := func(passphrase string) {
		msg := lang.L("The backup of {{.Date}} ({{.Events}}) replaces the register. The current register is kept beside it under a new name. Continue?",
			map[string]any{"Date": longTime(h.Created), "Events": countEvents(h.Events)})
		cmp := data.CompareBackup(h, p.register)
		switch w := cmp.Warning(); {
		case cmp == nil: // no register to compare with (a damaged one cannot be read)
			msg = lang.L("What was recorded after {{.Date}} is not in the backup: enter it again afterwards, from the letters and notes.",
				map[string]any{"Date": longTime(h.Created)}) + "\n\n" + msg
		case w.Key != "":
			msg = say(w) + "\n\n" + msg
			if note := cmp.ErasedNote(); note.Key != "" {
				msg = say(note) + "\n\n" + msg
			}
		default:
			msg = lang.L("This backup holds the register as it is now: nothing recorded is lost.") + "\n\n" + msg
		}
		showDialog(dialog.NewConfirm(lang.L("Restore backup"), msg, func(yes bool) {
			if yes {
				p.restore(file, passphrase)
			}
		}, p.win), p.win)
	}
	if !h.Encrypted() {
		confirm("")
		return
	}
	pass := newEntry()
	pass.Password = true
	pass.Validator = required // an empty one would be asked for only after the confirmation
	askForm(p.win, lang.L("Passphrase"), lang.L("Restore backup"), []*widget.FormItem{{Text: lang.L("Passphrase"), Widget: pass,
		HintText: lang.L("This backup is encrypted: fill in the passphrase chosen when it was made.")}}, func() { confirm(pass.Text) })
}

// restore closes the register, puts the backup in its place (data.Restore checks it first and
// sets the register aside) and shows the restored register; after a refusal the register that
// was there is opened again.
func (m *Main) restore(file, passphrase string) {
	path := m.store.Path()
	m.store.Close()
	m.closed = true
	res, err := data.Restore(file, path, passphrase, true, time.Now(), "")
	s, openErr := data.Open(path)
	if openErr != nil {
		showError(openErr, m.win)
		return
	}
	m.switchStore(s)
	if err != nil {
		showError(err, m.win)
		return
	}
	inform(lang.L("Restore backup"), lang.L("The backup is restored. The register that was there is kept as {{.File}}.",
		map[string]any{"File": res.SetAside}), m.win)
}
