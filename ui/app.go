package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"klachtenregister/data"
)

// The sizes the main window and a complaint file open at, where the screen has the room;
// showFitted makes them smaller where it has not. The main window's width lets the register
// show every column with a readable summary on a screen of 1366 pixels at scale 1; the file's
// keeps its procedure line on one row beside the longest next step.
var mainSize, fileSize = fyne.NewSize(1320, 720), fyne.NewSize(1080, 700)

// Main is the app's main window and the screens in it.
type Main struct {
	app        fyne.App
	win        fyne.Window
	store      *data.Store
	firstStart *firstStart // the dialog of a new register, nil when none was asked
	tabs       *container.AppTabs
	// The main tabs, selected by these rather than by position.
	todayTab, registerTab, intakeTab, measuresTab, reportTab, settingsTab *container.TabItem

	Overview *overview
	Register *register
	Intake   *intake
	Measures *measuresScreen
	Report   *reportScreen
	Settings *settingsScreen
	files    map[string]*complaintFile
	// switchStore replaces the register the window shows, e.g. by a demo register.
	switchStore func(*data.Store)
	// closed is set when the register was closed already, for a restore.
	closed bool
	// openDemo makes a new demo register, removed when the app ends.
	openDemo func() (*data.Store, error)
	// copies is where documents opened in another program are copied.
	copies data.ViewCopies
	// retention is the review of files past their retention period, while its window is open.
	retention *retentionScreen
	// imports are the import wizards open now, each in its own window.
	imports map[*importWizard]bool
	// ownRegister leaves a demo register for the practice's own one.
	ownRegister func()
	// quit ends the program as the window's close button does, with the backup at close.
	quit func()
}

// NewMain fills the main window win with the screens for store. switchStore is called when
// the practitioner chooses to look around in a demo register instead.
func NewMain(a fyne.App, win fyne.Window, store *data.Store, switchStore func(*data.Store)) *Main {
	m := &Main{app: a, store: store, win: win, files: map[string]*complaintFile{}, imports: map[*importWizard]bool{},
		switchStore: switchStore, copies: data.DefaultViewCopies()}
	m.build()
	closeOnEscape(win)
	m.refresh()
	win.Canvas().Focus(m.Overview.list) // the arrow keys and Enter work on Vandaag at once
	return m
}

// build makes the screens and puts them in the window, in the language now chosen.
func (m *Main) build() {
	store := m.store
	fail := func(err error) { showError(err, m.win) }
	m.Overview = newOverview(store, m.openItem, fail)
	m.Overview.onSummary = m.showBadge
	m.Register = newRegister(store, func(ref string) { m.OpenComplaint(ref, "") }, fail)
	m.Register.Import.OnTapped = func() { m.ShowImport() }
	m.Intake = newIntake(store, m.today, m.onCreated, fail)
	m.Measures = newMeasuresScreen(store, m.win, m.today, func(ref string) { m.OpenComplaint(ref, "") }, m.refresh)
	m.Report = newReportScreen(store, m.win, m.today)
	m.Report.showSetting = m.ShowSetting
	m.Settings = newSettingsScreen(store, m.win, m.refresh)
	m.Settings.backups.done, m.Settings.backups.restore = m.backupDone, m.restore
	m.Settings.copies = &m.copies
	m.Settings.showRetention = func() { m.ShowRetention() }
	m.Settings.languageChanged = m.useLanguage
	m.todayTab = container.NewTabItem(lang.L("Today"), m.Overview.content())
	m.registerTab = container.NewTabItem(lang.L("Register"), m.Register.content())
	m.intakeTab = container.NewTabItem(lang.L("New complaint"), m.Intake.content())
	m.measuresTab = container.NewTabItem(lang.L("Measures"), m.Measures.content())
	m.reportTab = container.NewTabItem(lang.L("Report"), m.Report.content())
	m.settingsTab = container.NewTabItem(lang.L("Settings"), m.Settings.content())
	m.tabs = container.NewAppTabs(m.todayTab, m.registerTab, m.intakeTab, m.measuresTab, m.reportTab, m.settingsTab)
	// The annual report reads two years of the register: it is made when its tab is opened.
	m.tabs.OnSelected = func(t *container.TabItem) {
		if t == m.reportTab {
			m.Report.refresh()
		}
	}
	m.tabs.SetTabLocation(container.TabLocationLeading)
	m.win.SetContent(m.framed(m.tabs))
	m.win.SetTitle(m.title("Klachtenregister"))
	m.win.SetMainMenu(m.menu())
}

// useLanguage switches the screens to the language code at once, without a restart: the
// main window and its menu are built again on the tab that was open, and so is every other
// open window: the complaint files, the retention review (with the files ticked) and the
// import wizards (on the step they were at). A dialog open in another window keeps what was
// typed in it, in the language it opened in.
func (m *Main) useLanguage(code string) {
	if err := speak(m.app, code); err != nil {
		showError(err, m.win)
		return
	}
	selected := m.tabs.SelectedIndex()
	typed := m.Intake
	m.build()
	m.Intake.takeOver(typed) // what was typed stays, as in the file windows below
	m.tabs.SelectIndex(selected)
	m.win.Canvas().Focus(m.firstControl()) // the control that had the focus is gone
	for ref, cf := range m.files {
		tab := cf.tabs.SelectedIndex()
		m.files[ref] = m.newFile(cf.win, ref)
		m.files[ref].tabs.SelectIndex(tab)
		if cf.unsaved() { // shown again as typed once the new window has the file (refresh below)
			typed := cf.form.read(cf.file.Complaint)
			m.files[ref].carry = &typed
		}
	}
	if r := m.retention; r != nil {
		m.retention = m.newRetention(r.win)
		m.retention.picked = r.picked
	}
	for w := range m.imports {
		w.win.SetTitle(m.title(lang.L("Import a register")))
		w.again()
	}
	m.refresh()
}

// newFile fills win with the complaint file of ref.
func (m *Main) newFile(win fyne.Window, ref string) *complaintFile {
	cf := newComplaintFile(m.store, win, ref, m.today, m.refresh)
	cf.showMeasure, cf.showSetting, cf.titled = m.showMeasure, m.ShowSetting, m.title
	cf.copies = &m.copies
	win.SetContent(m.framed(cf.content()))
	bindKeys(win, fileKeys(cf))
	win.SetCloseIntercept(cf.askBeforeClosing)
	return cf
}

func (m *Main) today() data.Date { return data.Today(m.store.Now()) }

// refresh reloads everything the main window shows.
func (m *Main) refresh() {
	m.Overview.refresh()
	m.Register.refresh()
	m.Measures.refresh()
	if m.tabs.Selected() == m.reportTab {
		m.Report.refresh()
	}
	m.Settings.refresh()
	if m.retention != nil {
		m.retention.refresh()
	}
	for _, cf := range m.files {
		cf.load(nil) // a change elsewhere (a measure, the clock passing midnight) may concern it
	}
}

// showBadge puts the number of overdue action items on the overview tab.
func (m *Main) showBadge(overdue int) {
	text := lang.L("Today")
	if overdue > 0 {
		text = fmt.Sprintf("%s (%s)", text, thousands(overdue))
	}
	m.todayTab.Text = text
	m.tabs.Refresh()
}

// ShowImport opens the wizard that imports a practice's earlier register, in a window of its own.
func (m *Main) ShowImport() *importWizard {
	win := m.app.NewWindow(m.title(lang.L("Import a register")))
	w := newImportWizard(m.store, win, m.refresh)
	w.framed = m.framed
	win.SetContent(m.framed(win.Content()))
	closeOnEscape(win)
	m.imports[w] = true
	win.SetOnClosed(func() { delete(m.imports, w); forgetDialogs(win) })
	showFitted(win, fyne.NewSize(920, 640))
	return w
}

// ShowRetention opens the review of the files past their retention period in a window of its
// own; an open review comes to the front.
func (m *Main) ShowRetention() *retentionScreen {
	if r := m.retention; r != nil {
		r.win.RequestFocus()
		r.refresh()
		return r
	}
	win := m.app.NewWindow("")
	r := m.newRetention(win)
	closeOnEscape(win)
	win.SetOnClosed(func() { m.retention = nil; forgetDialogs(win) })
	m.retention = r
	showFitted(win, fyne.NewSize(1280, 720))
	r.refresh()
	return r
}

// newRetention fills win with the retention review, in the language now chosen.
func (m *Main) newRetention(win fyne.Window) *retentionScreen {
	win.SetTitle(m.title(lang.L("Retention period")))
	r := newRetentionScreen(m.store, win, m.today, &m.copies, func(ref string) { m.OpenComplaint(ref, "") }, m.refresh)
	win.SetContent(m.framed(r.content()))
	return r
}

// ShowIntake opens the new-complaint form with the cursor in its first field.
func (m *Main) ShowIntake() {
	m.tabs.Select(m.intakeTab)
	m.win.Canvas().Focus(m.firstControl())
}

func (m *Main) onCreated(ref string) {
	m.refresh()
	m.OpenComplaint(ref, "")
}

// openItem opens what an action item is about: the complaint at the item's step, the
// measure, or the review of the files past their retention period.
func (m *Main) openItem(it data.ActionItem) {
	if it.Kind == data.ItemRetention {
		m.ShowRetention()
		return
	}
	if it.MeasureID != 0 {
		m.showMeasure(it.Reference)
		return
	}
	m.OpenComplaint(it.Reference, it.Kind)
}

// OpenComplaint opens a complaint's file in its own window, at the step an action item asks
// for when kind is set. A file already open comes to the front.
func (m *Main) OpenComplaint(ref string, kind data.ItemKind) *complaintFile {
	cf, open := m.files[ref]
	if !open {
		win := m.app.NewWindow(m.title(ref))
		cf = m.newFile(win, ref)
		closeOnEscape(win)
		win.SetOnClosed(func() { delete(m.files, ref); delete(bound, win.Canvas()); forgetDialogs(win) })
		m.files[ref] = cf
		showFitted(win, fileSize)
	}
	cf.win.RequestFocus()
	cf.load(func() {
		if kind != "" {
			cf.openAt(kind)
		}
	})
	return cf
}

// watchDeadlines tells the operating system, at start and every hour, when something is
// overdue or due today, so it is seen even while the window is in the background.
// current is the main window in use, which changes when a demo register is opened.
func watchDeadlines(a fyne.App, current func() *Main) {
	check := func() *Main {
		m := currentMain(current)
		if m == nil {
			return nil // the app is quitting
		}
		if n := deadlineNotice(m.store); n != nil {
			a.SendNotification(n)
		}
		return m
	}
	gate := shown
	go func() {
		<-gate
		if check() == nil { // the screens were just filled
			return
		}
		for range time.Tick(time.Hour) {
			m := check()
			if m == nil {
				return
			}
			fyne.Do(m.refresh)
		}
	}()
}

// deadlineNotice is the notification for what is overdue or due today, or nil.
func deadlineNotice(s registerReader) *fyne.Notification {
	sum, _, err := s.Overview()
	if err != nil || sum.Overdue+sum.DueToday == 0 {
		return nil
	}
	return fyne.NewNotification("Klachtenregister",
		lang.L("{{.Overdue}} overdue, {{.Today}} due today", map[string]any{"Overdue": sum.Overdue, "Today": sum.DueToday}))
}

// ShowSetting brings the settings forward in the main window with the cursor in one setting,
// such as the practice detail a letter was refused for.
func (m *Main) ShowSetting(key string) {
	m.tabs.Select(m.settingsTab)
	m.Settings.showSetting(key)
	m.win.RequestFocus()
}

// showMeasure brings the measures screen forward with one measure selected.
func (m *Main) showMeasure(code string) {
	m.tabs.Select(m.measuresTab)
	m.Measures.show(code)
}
