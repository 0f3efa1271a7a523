package ui

import (
	"klachtenregister/data"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// press gives win a shortcut as the desktop driver does (glfw window.triggersShortcut): an
// item of the window's menu takes it first, then the focused widget if it takes shortcuts
// (a text field keeps them all), and only then the window's canvas.
func press(win fyne.Window, s *desktop.CustomShortcut) {
	if menu := win.MainMenu(); menu != nil {
		for _, m := range menu.Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	if f, ok := win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	typeShortcut(win.Canvas(), s) // the canvas's own shortcuts, which the test canvas does not type
}

// typeKey gives win a key as the desktop driver does: Tab and Shift+Tab move the focus unless
// the focused field takes tabs; other keys go to the focused widget, or else to the canvas.
func typeKey(win fyne.Window, k fyne.KeyName, shift bool) {
	c := win.Canvas()
	if t, ok := c.Focused().(fyne.Tabbable); k == fyne.KeyTab && !(ok && t.AcceptsTab()) {
		if shift {
			c.FocusPrevious()
		} else {
			c.FocusNext()
		}
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
	} else if h := c.OnTypedKey(); h != nil {
		h(&fyne.KeyEvent{Name: k})
	}
}

// tabOrder is every control Tab reaches, from the focused one round to it again.
func tabOrder(t *testing.T, win fyne.Window) []fyne.Focusable {
	t.Helper()
	start := win.Canvas().Focused()
	order := []fyne.Focusable{start}
	for range 200 {
		typeKey(win, fyne.KeyTab, false)
		if win.Canvas().Focused() == start {
			return order
		}
		order = append(order, win.Canvas().Focused())
	}
	t.Fatalf("Tab never came back to %T", start)
	return nil
}

func indexOf(order []fyne.Focusable, o fyne.Focusable) int {
	for i, f := range order {
		if f == o {
			return i
		}
	}
	return -1
}

// TestShortcutsSwitchScreensAndPutTheCursorInTheFirstControl: Ctrl+1…6 and Ctrl+Tab /
// Ctrl+Shift+Tab bring every main screen forward, with the focus on its first control, also
// while the cursor is in a text field; Ctrl+N and Ctrl+F do what they did.
func TestShortcutsSwitchScreensAndPutTheCursorInTheFirstControl(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(mainSize)
	first := []fyne.Focusable{m.Overview.list, m.Register.search, m.Intake.form.received, m.Measures.buttons["new"], m.Report.year,
		m.Settings.entries["practice_name"]}
	first[5] = m.Settings.selects["language"]
	for i, want := range first {
		press(m.win, command(digits[i]))
		if m.tabs.SelectedIndex() != i || m.win.Canvas().Focused() != want {
			t.Fatalf("Ctrl+%d: screen %d, focus %T", i+1, m.tabs.SelectedIndex(), m.win.Canvas().Focused())
		}
	}
	press(m.win, ctrl(fyne.KeyTab)) // from Settings round to Vandaag
	if m.tabs.Selected() != m.todayTab || m.win.Canvas().Focused() != m.Overview.list {
		t.Fatalf("Ctrl+Tab from Instellingen: %q", m.tabs.Selected().Text)
	}
	press(m.win, ctrl(fyne.KeyTab))
	if m.tabs.Selected() != m.registerTab || m.win.Canvas().Focused() != m.Register.search {
		t.Fatalf("Ctrl+Tab from Vandaag: %q", m.tabs.Selected().Text)
	}
	press(m.win, ctrl(fyne.KeyTab)) // the cursor is in the search field now
	if m.tabs.Selected() != m.intakeTab {
		t.Fatalf("Ctrl+Tab from the search field: %q", m.tabs.Selected().Text)
	}
	press(m.win, ctrlShift(fyne.KeyTab))
	press(m.win, ctrlShift(fyne.KeyTab))
	press(m.win, ctrlShift(fyne.KeyTab))
	if m.tabs.Selected() != m.settingsTab {
		t.Fatalf("Ctrl+Shift+Tab three times from Nieuwe klacht: %q", m.tabs.Selected().Text)
	}
	press(m.win, ctrl(fyne.KeyPageDown)) // the next tab of the settings, with the cursor in its first field
	if m.Settings.tabs.SelectedIndex() != 1 || m.win.Canvas().Focused() != m.Settings.entries["practice_name"] {
		t.Fatalf("Ctrl+PgDn in Instellingen: tab %d, focus %T", m.Settings.tabs.SelectedIndex(), m.win.Canvas().Focused())
	}
	press(m.win, ctrl(fyne.KeyPageUp))
	press(m.win, ctrl(fyne.KeyPageUp))
	if m.Settings.tabs.Selected().Text != "Brieventeksten" {
		t.Fatalf("Ctrl+PgUp twice: %q", m.Settings.tabs.Selected().Text)
	}

	press(m.win, command(fyne.KeyN))
	if m.tabs.Selected() != m.intakeTab || m.win.Canvas().Focused() != m.Intake.form.received {
		t.Fatal("Ctrl+N does not open the new-complaint form with the cursor in its first field, the date received")
	}
	press(m.win, command(fyne.KeyF)) // from the date field
	if m.tabs.Selected() != m.registerTab || m.win.Canvas().Focused() != m.Register.search {
		t.Fatal("Ctrl+F does not put the cursor in the register's search field")
	}

	m.Measures.buttons["new"].Tapped(nil) // a dialog open: the screen behind it stays
	for _, k := range []*desktop.CustomShortcut{ctrl(fyne.KeyTab), command(fyne.KeyN), command(fyne.Key6)} {
		press(m.win, k)
		if m.tabs.Selected() != m.registerTab {
			t.Errorf("%s behind a dialog went to %q", keyText(k), m.tabs.Selected().Text)
		}
	}
}

// TestTabReachesTheKeyControlsOfEveryScreen: from a screen's first control, Tab goes through
// its controls in reading order and reaches each one that matters.
func TestTabReachesTheKeyControlsOfEveryScreen(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Mehmet Çelik")
	m.refresh()
	settle(m)
	m.win.Resize(mainSize)
	f := m.Intake.form
	for i, want := range [][]fyne.Focusable{
		{m.Overview.list},
		{m.Register.search, m.Register.status, m.Register.year, m.Register.Import, m.Register.table},
		{f.received, f.channel, m.Intake.formal, m.Intake.anonymous, f.name, f.address1, f.email, f.summary, f.description, f.desired},
		{m.Measures.buttons["new"], m.Measures.filter, m.Measures.list},
		{m.Report.year},
		{m.Settings.selects["language"]},
	} {
		press(m.win, command(digits[i]))
		m.win.Canvas().Unfocus() // reading order: the first Tab in the window reaches the screen's first control
		typeKey(m.win, fyne.KeyTab, false)
		if m.win.Canvas().Focused() != want[0] {
			t.Fatalf("screen %q: the first Tab reaches %T, not %T", m.tabs.Selected().Text, m.win.Canvas().Focused(), want[0])
		}
		order := tabOrder(t, m.win)
		last := -1
		for _, w := range want {
			at := indexOf(order, w)
			if at <= last {
				t.Fatalf("screen %q: Tab reaches %T at %d, after %d (order of %d controls)", m.tabs.Selected().Text, w, at, last, len(order))
			}
			last = at
		}
	}
	// Klacht registreren is reached once it can be used, last.
	f.name.SetText("Mehmet Çelik")
	f.summary.SetText("Factuur te hoog")
	f.channel.SetSelectedIndex(2)
	f.subject.SetSelectedIndex(0)
	press(m.win, command(fyne.KeyN))
	if order := tabOrder(t, m.win); indexOf(order, m.Intake.save) <= indexOf(order, m.Intake.formal) {
		t.Fatalf("Tab does not reach Klacht registreren on a complete form (save disabled %v)", m.Intake.save.Disabled())
	}
}

// TestEnterOpensTheItemAndTheRowAndPressesTheButton: Enter on Vandaag's list opens the
// highlighted item's complaint, on the register the highlighted row's, and on a button it
// presses it, as Space does.
func TestEnterOpensTheItemAndTheRowAndPressesTheButton(t *testing.T) {
	m, s := newApp(t)
	first := addComplaint(t, s, "Mehmet Çelik")
	second := addComplaint(t, s, "Anouk Bakker")
	m.refresh()
	settle(m)
	m.win.Resize(mainSize)

	press(m.win, command(fyne.Key1))
	typeKey(m.win, fyne.KeyReturn, false)
	settle(m)
	if len(m.files) != 1 {
		t.Fatalf("Enter on Vandaag opened %d files", len(m.files))
	}
	for _, cf := range m.files {
		cf.win.Close()
	}

	press(m.win, command(fyne.Key2))
	m.Register.row(0) // the rows on screen, loaded as the table draws them
	settle(m)
	m.win.Canvas().Focus(m.Register.table)
	typeKey(m.win, fyne.KeyDown, false) // newest first: the second row is the first complaint
	typeKey(m.win, fyne.KeyReturn, false)
	settle(m)
	if _, open := m.files[first]; !open || len(m.files) != 1 {
		t.Fatalf("Enter on the register's second row opened %v, want %s", m.files, first)
	}
	typeKey(m.win, fyne.KeyUp, false)
	typeKey(m.win, fyne.KeyEnter, false) // the Enter of the number pad
	settle(m)
	if _, open := m.files[second]; !open {
		t.Fatalf("Enter on the first row did not open %s", second)
	}

	for _, cf := range m.files {
		cf.win.Close()
	}
	typeKey(m.win, fyne.KeyDown, false) // the table's highlight on the second row, beyond what the search finds
	press(m.win, command(fyne.KeyF))    // search, Enter to the list found, Enter to open the one complaint
	test.Type(m.Register.search, "Çelik")
	settle(m)
	typeKey(m.win, fyne.KeyReturn, false)
	if m.win.Canvas().Focused() != m.Register.table {
		t.Fatalf("Enter in the search field goes to %T", m.win.Canvas().Focused())
	}
	m.Register.row(0)
	settle(m)
	typeKey(m.win, fyne.KeyReturn, false)
	settle(m)
	if _, open := m.files[first]; !open || len(m.files) != 1 {
		t.Fatalf("Enter on the one complaint found opened %v", m.files)
	}

	press(m.win, command(fyne.Key4))
	m.win.Canvas().Focus(m.Measures.buttons["new"])
	typeKey(m.win, fyne.KeyReturn, false)
	if !strings.Contains(overlayText(m.win), "Nieuwe verbetermaatregel") {
		t.Fatalf("Enter on Nieuwe maatregel… shows %q", overlayText(m.win))
	}
	if e, ok := m.win.Canvas().Focused().(*entry); !ok || !e.MultiLine { // the description, the dialog's first field
		t.Errorf("the new measure's dialog opens with the focus on %T", m.win.Canvas().Focused())
	}
}

// TestCtrlTabTurnsTheComplaintFileTabsAlsoFromAField: in a complaint file Ctrl+Tab and
// Ctrl+PgDn go to the next tab and Ctrl+Shift+Tab and Ctrl+PgUp to the one before, round,
// also with the cursor in one of the details' fields, and after a language switch.
func TestCtrlTabTurnsTheComplaintFileTabsAlsoFromAField(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.win.Canvas().Focus(cf.form.description) // a field of several lines: Tab leaves it too
	typeKey(cf.win, fyne.KeyTab, false)
	if cf.win.Canvas().Focused() != cf.form.desired || cf.form.description.Text != "" {
		t.Fatalf("Tab in the description typed %q, focus %T", cf.form.description.Text, cf.win.Canvas().Focused())
	}
	press(cf.win, ctrl(fyne.KeyTab))
	if cf.tabs.Selected() != cf.tab("timeline") || cf.win.Canvas().Focused() != cf.lists.timeline {
		t.Fatalf("Ctrl+Tab in a field of the details: %q, focus %T", cf.tabs.Selected().Text, cf.win.Canvas().Focused())
	}
	press(cf.win, ctrl(fyne.KeyPageDown))
	if cf.tabs.Selected() != cf.tab("contacts") {
		t.Fatalf("Ctrl+PgDn: %q", cf.tabs.Selected().Text)
	}
	for range 3 {
		press(cf.win, ctrlShift(fyne.KeyTab))
	}
	if cf.tabs.Selected() != cf.tab("privacy") {
		t.Fatalf("Ctrl+Shift+Tab round from Contacten: %q", cf.tabs.Selected().Text)
	}

	m.useLanguage("en")
	t.Cleanup(func() { _ = UseLanguage("nl") })
	cf = m.files[ref]
	if cf.tabs.Selected() != cf.tab("privacy") {
		t.Fatalf("after switching to English the file shows %q, not the tab it was on", cf.tabs.Selected().Text)
	}
	cf.win.Canvas().Focus(cf.form.name)
	press(cf.win, ctrl(fyne.KeyPageUp))
	if cf.tabs.Selected() != cf.tab("attachments") {
		t.Fatalf("Ctrl+PgUp after switching to English: %q", cf.tabs.Selected().Text)
	}
}

// TestShortcutsSurviveALanguageSwitch: after switching to English the menu names the screens
// in English, with the same keys, and the keys still work.
func TestShortcutsSurviveALanguageSwitch(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(mainSize)
	if m.win.Canvas().Focused() != m.Overview.list {
		t.Fatalf("the app starts with the focus on %T, not on Vandaag's list", m.win.Canvas().Focused())
	}
	press(m.win, command(fyne.Key6))
	m.useLanguage("en")
	t.Cleanup(func() { _ = UseLanguage("nl") })
	if m.win.Canvas().Focused() != m.Settings.selects["language"] {
		t.Fatalf("after switching language the focus is on %T, not on the settings' first field", m.win.Canvas().Focused())
	}
	if it := menuItem(t, m.win, "Go to", "Register"); keyText(it.Shortcut.(*desktop.CustomShortcut)) != "Ctrl+2" {
		t.Errorf("Go to › Register shows %q", keyText(it.Shortcut.(*desktop.CustomShortcut)))
	}
	press(m.win, command(fyne.KeyN))
	if m.tabs.Selected() != m.intakeTab || m.win.Canvas().Focused() != m.Intake.form.received {
		t.Fatal("Ctrl+N after switching language")
	}
	press(m.win, ctrl(fyne.KeyTab))
	if m.tabs.Selected() != m.measuresTab || m.win.Canvas().Focused() != m.Measures.buttons["new"] {
		t.Fatalf("Ctrl+Tab after switching language: %q", m.tabs.Selected().Text)
	}
	press(m.win, ctrlShift(fyne.KeyTab))
	press(m.win, ctrlShift(fyne.KeyTab))
	if m.tabs.Selected() != m.registerTab || m.win.Canvas().Focused() != m.Register.search {
		t.Fatalf("Ctrl+Shift+Tab after switching language: %q", m.tabs.Selected().Text)
	}
	press(m.win, command(fyne.KeyF))
	if m.win.Canvas().Focused() != m.Register.search {
		t.Fatal("Ctrl+F after switching language")
	}
}

// TestHelpListsTheShortcuts: Help › Sneltoetsen shows every key of the tables, in words.
func TestHelpListsTheShortcuts(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(mainSize)
	menuItem(t, m.win, "Help", "Sneltoetsen").Action()
	shown := overlayText(m.win)
	for _, want := range []string{"Ctrl+Tab", "Volgend scherm", "Ctrl+Shift+Tab", "Ctrl+1", "Vandaag", "Ctrl+N", "Nieuwe klacht",
		"Ctrl+F", "Zoeken in het register", "Ctrl+Tab, Ctrl+PgDn", "Volgend tabblad van het klachtdossier", "Enter of spatiebalk"} {
		if !strings.Contains(shown, want) {
			t.Errorf("Sneltoetsen does not say %q:\n%s", want, shown)
		}
	}
}

// TestTabScrollsTheFormToTheFocusedField: Tab down the new-complaint form in a small window
// scrolls the form along, so the field with the focus is always in view, and Shift+Tab back.
func TestTabScrollsTheFormToTheFocusedField(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(fyne.NewSize(900, 500))
	press(m.win, command(fyne.KeyN))
	s, d := m.Intake.scroll, fyne.CurrentApp().Driver()
	inView := func() bool {
		o := m.win.Canvas().Focused().(fyne.CanvasObject)
		top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
		return top >= 0 && top+o.Size().Height <= s.Size().Height
	}
	for m.win.Canvas().Focused() != m.Intake.form.repCtry {
		typeKey(m.win, fyne.KeyTab, false)
		if !inView() {
			t.Fatalf("Tab to %T left it out of view (offset %v)", m.win.Canvas().Focused(), s.Offset)
		}
	}
	if s.Offset.Y == 0 {
		t.Fatal("the form did not scroll")
	}
	for m.win.Canvas().Focused() != m.Intake.form.received {
		typeKey(m.win, fyne.KeyTab, true)
		if !inView() {
			t.Fatalf("Shift+Tab to %T left it out of view (offset %v)", m.win.Canvas().Focused(), s.Offset)
		}
	}
}

// TestEscapeClosesADialogWhateverHasTheFocus: a dialog opens with the focus in its first
// field, here a drop-down list; Escape closes it from there, and from its buttons.
func TestEscapeClosesADialogWhateverHasTheFocus(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	cf := m.OpenComplaint(ref, data.ItemAcknowledge) // the letter dialog, its first field a choice of letter
	settle(m)
	if _, ok := cf.win.Canvas().Focused().(*choice); !ok || cf.win.Canvas().Overlays().Top() == nil {
		t.Fatalf("the letter dialog opens with the focus on %T", cf.win.Canvas().Focused())
	}
	typeKey(cf.win, fyne.KeyEscape, false)
	if cf.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape on the drop-down list left the dialog open")
	}
	test.Tap(cf.buttons[data.ActionAcknowledge])
	for range 10 { // Tab on to the dialog's buttons
		if _, ok := cf.win.Canvas().Focused().(*button); ok {
			break
		}
		typeKey(cf.win, fyne.KeyTab, false)
	}
	typeKey(cf.win, fyne.KeyEscape, false)
	if cf.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Escape on %T left the dialog open", cf.win.Canvas().Focused())
	}
}

// TestTabScrollsADialogToTheFocusedField: in a step dialog taller than a small window, Tab
// scrolls the dialog's fields along, as in a form on a screen.
func TestTabScrollsADialogToTheFocusedField(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.win.Resize(fyne.NewSize(700, 360))
	cf.onResolve()
	d, sc := fyne.CurrentApp().Driver(), cf.dialog.scroll
	last := cf.dialogItems[len(cf.dialogItems)-1].Widget.(*entry)
	for i := 0; i < 20 && cf.win.Canvas().Focused() != last; i++ {
		typeKey(cf.win, fyne.KeyTab, false)
	}
	if cf.win.Canvas().Focused() != last {
		t.Fatal("Tab did not reach the dialog's last field")
	}
	top := d.AbsolutePositionForObject(last).Y - d.AbsolutePositionForObject(sc).Y
	if sc.Offset.Y == 0 || top < 0 || top+last.Size().Height > sc.Size().Height {
		t.Errorf("the last field is at %v in a scroll of %v (offset %v): out of view", top, sc.Size(), sc.Offset)
	}
}
