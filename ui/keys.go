package ui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keyCommand is one keyboard shortcut: its keys, what it does in words (shown in the menu and
// in Help › Keyboard shortcuts) and the menu it sits in. The shortcut tables below are the
// one place for them: the menus, the canvas handlers and the help dialog all read them.
type keyCommand struct {
	keys  []*desktop.CustomShortcut // the first is the one the menu shows
	text  string
	menu  string // "File" or "Go to" in the main window; "" in a complaint file's window
	apart bool   // a separator above it in the menu
	do    func()
}

func shortcuts(k ...*desktop.CustomShortcut) []*desktop.CustomShortcut { return k }

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
}

// command is Ctrl on Windows and Linux and Cmd on macOS, as for New and Find everywhere.
func command(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

var digits = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6}

// mainKeys are the main window's shortcuts. They are items of its menu: the window gives a
// menu's shortcut to its item before the field with the cursor, which would swallow it
// (Fyne's text field keeps every shortcut it gets), so they work from anywhere in the window.
func (m *Main) mainKeys() []keyCommand {
	keys := []keyCommand{{keys: shortcuts(command(fyne.KeyN)), text: lang.L("New complaint"), menu: "File", do: m.ShowIntake}}
	for i, title := range []string{lang.L("Today"), lang.L("Register"), lang.L("New complaint"), lang.L("Measures"),
		lang.L("Report"), lang.L("Settings")} {
		keys = append(keys, keyCommand{keys: shortcuts(command(digits[i])), text: title, menu: "Go to", do: func() { m.showScreen(i) }})
	}
	return append(keys,
		keyCommand{keys: shortcuts(ctrl(fyne.KeyTab)), text: lang.L("Next screen"), menu: "Go to", apart: true,
			do: func() { m.showScreen(m.tabs.SelectedIndex() + 1) }},
		keyCommand{keys: shortcuts(ctrlShift(fyne.KeyTab)), text: lang.L("Previous screen"), menu: "Go to",
			do: func() { m.showScreen(m.tabs.SelectedIndex() - 1) }},
		keyCommand{keys: shortcuts(ctrl(fyne.KeyPageDown)), text: lang.L("Next tab within the screen (Settings)"), menu: "Go to", apart: true,
			do: func() { m.nextPage(1) }},
		keyCommand{keys: shortcuts(ctrl(fyne.KeyPageUp)), text: lang.L("Previous tab within the screen (Settings)"), menu: "Go to",
			do: func() { m.nextPage(-1) }},
		keyCommand{keys: shortcuts(command(fyne.KeyF)), text: lang.L("Search the register"), menu: "Go to", apart: true, do: m.ShowSearch})
}

// fileKeys are the shortcuts of a complaint file's window, which has no menu: a text field
// of its own (entry) passes them on to the window.
func fileKeys(cf *complaintFile) []keyCommand {
	next := func(d int) func() {
		return func() {
			cycle(cf.tabs, cf.tabs.SelectedIndex()+d)
			cf.focusTab()
		}
	}
	return []keyCommand{
		{keys: shortcuts(ctrl(fyne.KeyTab), ctrl(fyne.KeyPageDown)), text: lang.L("Next tab of the complaint file"), do: next(1)},
		{keys: shortcuts(ctrlShift(fyne.KeyTab), ctrl(fyne.KeyPageUp)), text: lang.L("Previous tab of the complaint file"), do: next(-1)},
	}
}

// bound are the handlers bindKeys gave each window's canvas, by shortcut: a text field
// passes them on (entry.TypedShortcut), as Fyne's own field keeps every shortcut it gets.
var bound = map[fyne.Canvas]map[string]func(){}

// bindKeys makes a window's canvas answer to keys.
func bindKeys(win fyne.Window, keys []keyCommand) {
	c := win.Canvas()
	handlers := map[string]func(){}
	for _, k := range keys {
		do := unlessDialog(c, k.do)
		for _, key := range k.keys {
			handlers[key.ShortcutName()] = do
			c.AddShortcut(key, func(fyne.Shortcut) { do() })
		}
	}
	bound[c] = handlers
}

// unlessDialog is do, except while a dialog is open on c: the screen behind a dialog does
// not change, the dialog is answered first.
func unlessDialog(c fyne.Canvas, do func()) func() {
	return func() {
		if c.Overlays().Top() == nil {
			do()
		}
	}
}

// typeShortcut runs the handler bindKeys gave canvas c for s, and says whether there was one.
func typeShortcut(c fyne.Canvas, s fyne.Shortcut) bool {
	do, ok := bound[c][s.ShortcutName()]
	if ok {
		do()
	}
	return ok
}

// focusTab puts the focus on the first control of the file's tab now shown, so the cursor is
// never left behind in a field out of sight, and Tab goes on from there.
func (cf *complaintFile) focusTab() {
	first := map[string]fyne.Focusable{"details": cf.form.name, "timeline": cf.lists.timeline, "contacts": cf.lists.contacts,
		"experts": cf.lists.experts, "letters": cf.letters.list, "measures": cf.measures.list, "attachments": cf.lists.files,
		"privacy": cf.privacy.export}
	for name, f := range first {
		if cf.tabs.Selected() == cf.tab(name) {
			if d, ok := f.(fyne.Disableable); !ok || !d.Disabled() {
				cf.win.Canvas().Focus(f)
				return
			}
		}
	}
	cf.win.Canvas().Unfocus()
}

// cycle selects tab i of tabs, counting on from the last to the first and back.
func cycle(tabs *container.AppTabs, i int) {
	n := len(tabs.Items)
	tabs.SelectIndex((i%n + n) % n)
}

// showScreen brings main screen i forward (counting round) with the cursor in its first
// control, so Tab goes on from there.
func (m *Main) showScreen(i int) {
	cycle(m.tabs, i)
	m.win.Canvas().Focus(m.firstControl())
}

// firstControl is where the cursor goes on the screen now shown.
func (m *Main) firstControl() fyne.Focusable {
	switch m.tabs.Selected() {
	case m.todayTab:
		return m.Overview.list
	case m.registerTab:
		return m.Register.search
	case m.intakeTab:
		return m.Intake.form.received
	case m.measuresTab:
		return m.Measures.buttons["new"]
	case m.reportTab:
		return m.Report.year
	}
	return m.Settings.first()
}

// nextPage goes to the next or previous tab within the screen shown; only Settings has tabs.
func (m *Main) nextPage(d int) {
	if m.tabs.Selected() != m.settingsTab {
		return
	}
	cycle(m.Settings.tabs, m.Settings.tabs.SelectedIndex()+d)
	m.win.Canvas().Focus(m.Settings.first())
}

// ShowSearch brings the register forward with the cursor in its search field.
func (m *Main) ShowSearch() {
	m.tabs.Select(m.registerTab)
	m.win.Canvas().Focus(m.Register.search)
}

// menuItems are the items of the main window's menu named menu, from its shortcut table.
func (m *Main) menuItems(menu string) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, k := range m.mainKeys() {
		if k.menu == menu {
			if k.apart {
				items = append(items, fyne.NewMenuItemSeparator())
			}
			it := fyne.NewMenuItem(k.text, unlessDialog(m.win.Canvas(), k.do))
			it.Shortcut = k.keys[0]
			items = append(items, it)
		}
	}
	return items
}

// ShowKeys is Help › Keyboard shortcuts: every key of the main window and of a complaint
// file, with the keys that work everywhere.
func (m *Main) ShowKeys() dialog.Dialog {
	form := widget.NewForm()
	add := func(keys, text string) { form.Append(keys, widget.NewLabel(text)) }
	add("Tab / Shift+Tab", lang.L("Next or previous field, button or list"))
	add(lang.L("Enter or Space"), lang.L("Use the button; open the item or complaint selected in a list"))
	add(lang.L("Arrow keys"), lang.L("Move through a list; open a drop-down list"))
	add("Esc", lang.L("Close a dialog"))
	if runtime.GOOS != "darwin" { // macOS has its own keys for the menu bar
		add("Alt", lang.L("Open the menu; then the arrow keys and Enter"))
	}
	section := func(title string, keys []keyCommand) {
		form.Append("", heading(title))
		for _, k := range keys {
			var texts []string
			for _, key := range k.keys {
				texts = append(texts, keyText(key))
			}
			add(strings.Join(texts, ", "), k.text)
		}
	}
	section(lang.L("Main window"), m.mainKeys())
	section(lang.L("Complaint file"), fileKeys(nil))
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), container.NewVScroll(form), m.win)
	d.Resize(fyne.NewSize(min(640, m.win.Canvas().Size().Width), min(form.MinSize().Height+120, m.win.Canvas().Size().Height)))
	showDialog(d, m.win)
	return d
}

// keyText is a shortcut as printed on the keys, as Fyne's menus show it: "Ctrl+Shift+Tab".
func keyText(s *desktop.CustomShortcut) string {
	var b strings.Builder
	mod := s.Mod()
	for _, p := range []struct {
		m    fyne.KeyModifier
		text string
	}{{fyne.KeyModifierControl, "Ctrl+"}, {fyne.KeyModifierAlt, "Alt+"}, {fyne.KeyModifierShift, "Shift+"}, {fyne.KeyModifierSuper, "Cmd+"}} {
		if mod&p.m != 0 {
			b.WriteString(p.text)
		}
	}
	name := map[fyne.KeyName]string{fyne.KeyPageDown: "PgDn", fyne.KeyPageUp: "PgUp"}[s.KeyName]
	if name == "" {
		name = string(s.KeyName)
	}
	b.WriteString(name)
	return b.String()
}

// enterAsSpace is Enter given as Space: Fyne's buttons and lists answer to Space only, where
// a practitioner presses Enter as well.
func enterAsSpace(k *fyne.KeyEvent) *fyne.KeyEvent {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		return &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	return k
}

// escape gives Escape to o's window (closeOnEscape), which closes the dialog on top: Fyne's
// own widgets keep the key while they have the focus, and a dialog opens with the focus in
// its first field.
func escape(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
	return true
}

// button is a button that Enter presses, as Space does.
type button struct{ widget.Button }

func newButton(label string, tapped func()) *button { return newButtonWithIcon(label, nil, tapped) }

func newButtonWithIcon(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{widget.Button{Text: label, Icon: icon, OnTapped: tapped}}
	b.ExtendBaseWidget(b)
	return b
}

func (b *button) TypedKey(k *fyne.KeyEvent) {
	if !escape(b, k) {
		b.Button.TypedKey(enterAsSpace(k))
	}
}

func (b *button) FocusGained() {
	b.Button.FocusGained()
	showFocused(b)
}

// list is a list in which Enter opens the highlighted row, as Space does.
type list struct{ widget.List }

func newList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *list {
	l := &list{widget.List{Length: length, CreateItem: create, UpdateItem: update}}
	l.ExtendBaseWidget(l)
	return l
}

func (l *list) TypedKey(k *fyne.KeyEvent) {
	if !escape(l, k) {
		l.List.TypedKey(enterAsSpace(k))
	}
}

// table is a table with a header row in which Enter opens the highlighted row, as Space does.
type table struct{ widget.Table }

func newTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *table {
	t := &table{widget.Table{Length: length, CreateCell: create, UpdateCell: update, ShowHeaderRow: true}}
	t.ExtendBaseWidget(t)
	return t
}

func (t *table) TypedKey(k *fyne.KeyEvent) {
	if !escape(t, k) {
		t.Table.TypedKey(enterAsSpace(k))
	}
}

// showFocused scrolls the form around o, in the window or its dialog, so that o is in view:
// Fyne's scroll containers do not follow the focus, and Tab would go on into fields below
// the window's edge.
func showFocused(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return
	}
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = overlayContent(top) // a dialog lies inside Fyne's wrapper overlay
	}
	s, _ := scrollAround(root, o, nil)
	if s == nil {
		return
	}
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	bottom := top + o.Size().Height
	switch {
	case top < 0:
		s.ScrollToOffset(s.Offset.AddXY(0, top-theme.Padding()))
	case bottom > s.Size().Height:
		s.ScrollToOffset(s.Offset.AddXY(0, bottom-s.Size().Height+theme.Padding()))
	}
}

// scrollAround finds target below o and the innermost scroll container it lies in, going
// through the containers, forms, tabs and dialogs the screens are made of.
func scrollAround(o, target fyne.CanvasObject, in *container.Scroll) (*container.Scroll, bool) {
	if o == target {
		return in, true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case *container.Scroll:
		in, children = x, []fyne.CanvasObject{x.Content}
	case *container.AppTabs:
		if t := x.Selected(); t != nil {
			children = []fyne.CanvasObject{t.Content}
		}
	case *widget.Form:
		for _, it := range x.Items {
			children = append(children, it.Widget)
		}
	case *widget.PopUp:
		children = []fyne.CanvasObject{x.Content}
	}
	for _, c := range children {
		if s, ok := scrollAround(c, target, in); ok {
			return s, true
		}
	}
	return nil, false
}
