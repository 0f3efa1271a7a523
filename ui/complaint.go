package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// fileStore is what the complaint file's header and details need: the file and its steps.
type fileStore interface {
	File(ref string) (*data.File, error)
	Update(c data.Complaint) error
	Escalate(ref string, on data.Date, p data.PhoneIntake) error
	Acknowledge(ref string, on data.Date, via data.Delivery, note string) error
	Extend(ref string, until data.Date, reason string) error
	Resolve(ref string, r data.Resolution) error
	CloseComplaint(ref string) error
	Reopen(ref, reason string) error
	Withdraw(ref string, on data.Date, note string) error
	AddContact(ref string, ct data.Contact) (int64, error)
	InformationReceived(ref string, on data.Date, note string) error
}

// complaintStore is everything a complaint file's window needs, tab by tab; *data.Store is one.
type complaintStore interface {
	fileStore
	lettersStore
	fileMeasuresStore
	expertsStore
	attachmentsStore
	privacyStore
}

// complaintFile is one complaint's file: its details, what is due, the steps allowed now,
// contacts, experts, attachments and the timeline. It lives in a window of its own, so a
// practitioner can keep the register open beside it.
type complaintFile struct {
	store       fileStore
	experts     expertsStore
	attachments attachmentsStore
	output      outputGuard
	copies      *data.ViewCopies // where documents opened in another program are copied
	win         fyne.Window
	ref         string
	file        *data.File
	today       func() data.Date
	changed     func() // tells the main window to refresh its lists

	title       *widget.Label
	banner      *widget.Label
	hold        *widget.Label                 // a legal hold, or that the file is anonymised (privacyLine)
	refusals    map[data.Action]error         // why each step of data.FileSteps is refused now, nil if allowed: data.AllowedSteps, once per load
	buttons     map[data.Action]*button       // one per step of data.FileSteps, in the menu of steps
	steps       map[data.Action]func()        // what each step's button does
	reasons     map[data.Action]*widget.Label // under a refused step in the menu: why not
	procedure   *fyne.Container               // the procedure line, data.Stages
	facts       *widget.Label                 // beside it: deadline, extensions, verdict, outcome
	next        *button                       // the next step the procedure asks for, data.NextStep
	nextStep    data.Action
	nextWhy     *widget.Label // why the next step cannot be taken yet
	others      *button
	menu        *widget.PopUp
	menuBox     *fyne.Container
	menuRows    map[data.Action]*fyne.Container
	form        *complaintForm
	save        *button
	problem     *widget.Label
	editWhy     *widget.Label // why the details cannot be changed now (a closed file: reopen it first)
	tabs        *container.AppTabs
	tabItems    map[string]*container.TabItem
	lists       *fileLists
	letters     *lettersTab
	measures    *measuresTab
	privacy     *privacyTab
	frame       *fyne.Container   // the header above the tabs (headerOver), laid out again as it fills
	tops        []*fyne.Container // the tabs' tops above their lists (topOver), likewise
	showMeasure func(code string) // opens a measure on the measures screen
	saved       bool              // the details were just saved: the next load shows them as stored
	carry       *data.Complaint   // details typed and not saved in the window this one replaced (a new language)
	dialog      *formDialog       // the step dialog last shown and its fields, which tests fill and submit
	dialogItems []*widget.FormItem
	drafts      map[string][]string // what was typed in a step dialog closed without its step, by title
	afterStep   func()              // what a step that succeeded opens once the file is shown anew
	bg          worker

	showSetting func(key string)    // opens a setting in the main window, e.g. a missing practice detail
	titled      func(string) string // the window's title, saying so on a demo register
}

func newComplaintFile(store complaintStore, win fyne.Window, ref string, today func() data.Date, changed func()) *complaintFile {
	cf := &complaintFile{store: store, experts: store, attachments: store, output: store, win: win, ref: ref, today: today, changed: changed,
		title:  widget.NewLabelWithStyle(ref, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		banner: widget.NewLabel(""), hold: widget.NewLabel(""), form: newComplaintForm(today), problem: widget.NewLabel(""),
		editWhy: refusalLine()}
	// A long name or organisation is cut off with an ellipsis rather than widening the window
	// past the screen; the details tab shows it in full.
	cf.title.Truncation = fyne.TextTruncateEllipsis
	cf.banner.Wrapping, cf.problem.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	cf.hold.Wrapping, cf.hold.Importance, cf.hold.TextStyle.Bold = fyne.TextWrapWord, widget.WarningImportance, true
	cf.hold.Hide()
	cf.problem.Importance = widget.DangerImportance
	cf.save = newButton(lang.L("Save changes"), cf.onSave)
	cf.save.Importance = widget.HighImportance
	cf.form.changed = cf.check
	cf.steps, cf.reasons = map[data.Action]func(){}, map[data.Action]*widget.Label{}
	cf.buttons = map[data.Action]*button{
		data.ActionEscalate:    cf.step(data.ActionEscalate, lang.L("Make formal…"), cf.onEscalate),
		data.ActionAcknowledge: cf.step(data.ActionAcknowledge, lang.L("Confirm receipt without the app's letter…"), cf.onAcknowledge),
		data.ActionExtend:      cf.step(data.ActionExtend, lang.L("Extend deadline…"), cf.onExtend),
		data.ActionResolve:     cf.step(data.ActionResolve, lang.L("Resolve…"), cf.onResolve),
		data.ActionClose:       cf.step(data.ActionClose, lang.L("Close file"), cf.onClose),
		data.ActionWithdraw:    cf.step(data.ActionWithdraw, lang.L("Record withdrawal…"), cf.onWithdraw),
		data.ActionReopen:      cf.step(data.ActionReopen, lang.L("Reopen…"), cf.onReopen),
		data.ActionContact:     cf.step(data.ActionContact, lang.L("Record contact…"), func() { cf.onContact(data.ContactPhone, false) }),
		data.ActionRequestInformation: cf.step(data.ActionRequestInformation, lang.L("Request information…"),
			func() { cf.onContact(data.ContactLetter, true) }),
		data.ActionInformationReceived: cf.step(data.ActionInformationReceived, lang.L("Information received…"), cf.onInformationReceived),
		data.ActionConsultExpert:       cf.step(data.ActionConsultExpert, lang.L("Consult an expert"), func() { cf.tabs.Select(cf.tab("experts")) }),
	}
	cf.procedure, cf.facts = newFlow(), wrapped("")
	cf.next = newButton("", cf.onNext)
	cf.next.Importance = widget.HighImportance
	cf.next.Hide()
	cf.nextWhy = wrapped("")
	cf.nextWhy.Importance, cf.nextWhy.TextStyle.Italic = widget.WarningImportance, true
	cf.nextWhy.Hide()
	cf.others = newButtonWithIcon(lang.L("Other steps"), theme.MenuDropDownIcon(), cf.showMenu)
	for _, b := range cf.buttons {
		b.Disable() // until the file is loaded and says which steps are allowed
	}
	cf.lists = newFileLists(cf)
	cf.letters = newLettersTab(cf, store)
	cf.measures = newMeasuresTab(cf, store)
	cf.privacy = newPrivacyTab(cf, store)
	return cf
}

// content lays the file out: the header (see header), then tabs.
func (cf *complaintFile) content() fyne.CanvasObject {
	details := container.NewBorder(nil, container.NewVBox(cf.editWhy, cf.problem, cf.save), nil, nil,
		formScroll(widget.NewForm(cf.form.items()...)))
	cf.tabItems = map[string]*container.TabItem{
		"details":     container.NewTabItem(lang.L("Details"), details),
		"timeline":    container.NewTabItem(lang.L("Timeline"), cf.lists.timeline),
		"contacts":    container.NewTabItem(lang.L("Contacts"), cf.lists.contactsContent()),
		"experts":     container.NewTabItem(lang.L("Experts"), cf.lists.expertsContent()),
		"letters":     container.NewTabItem(lang.L("Letters"), cf.letters.content()),
		"measures":    container.NewTabItem(lang.L("Measures"), cf.measures.content()),
		"attachments": container.NewTabItem(lang.L("Attachments"), cf.lists.attachmentsContent()),
		"privacy":     container.NewTabItem(lang.L("Privacy"), cf.privacy.content()),
	}
	cf.tabs = container.NewAppTabs()
	for _, k := range []string{"details", "timeline", "contacts", "experts", "letters", "measures", "attachments", "privacy"} {
		cf.tabs.Append(cf.tabItems[k])
	}
	cf.frame = headerOver(cf.header(), cf.tabs)
	return cf.frame
}

// load fetches the file in the background and shows it; then is called once it is shown.
func (cf *complaintFile) load(then func()) {
	latest(&cf.bg, func() (*data.File, error) { return cf.store.File(cf.ref) }, func(f *data.File) {
		cf.show(f)
		if then != nil {
			then()
		}
	}, func(err error) { showError(err, cf.win) })
}

// show puts a freshly loaded file on screen.
func (cf *complaintFile) show(f *data.File) {
	// A refresh never overwrites details the practitioner is still editing; after Save it does,
	// to show the values as stored (a postcode as "1234 AB").
	dirty := cf.unsaved() && !cf.saved
	cf.file, cf.saved = f, false
	cf.form.practice = f.Settings
	c := f.Complaint
	title := fmt.Sprintf("%s · %s · %s", c.Reference, complainantName(c), statusLabel(c.Status))
	switch { // the procedure beside the status, unless the status says it ("informeel")
	case c.Formal:
		title += " (" + lang.L("formal procedure") + ")"
	case c.Status != data.StatusInformal:
		title += " (" + lang.L("informal") + ")"
	}
	if note := c.ImportNote(); note.Key != "" {
		title += " · " + say(note)
	}
	cf.title.SetText(title)
	// The reference only: the operating system shows window titles in its task list and
	// window switcher, where anyone looking at the screen reads them.
	winTitle := c.Reference
	if cf.titled != nil {
		winTitle = cf.titled(winTitle)
	}
	cf.win.SetTitle(winTitle)
	cf.showBanner(f.Items, f.Breached)
	showLine(cf.hold, privacyLine(c))
	cf.privacy.show(c, data.RetentionEnds(c, f.Settings), cf.today())
	cf.showProcedure(f)
	cf.refusals = data.AllowedSteps(f.Facts)
	cf.showSteps(f)
	cf.form.setEditable(cf.refusals[data.ActionEdit] == nil)
	switch {
	case cf.carry != nil:
		cf.form.fill(*cf.carry)
		cf.carry = nil
	case !dirty:
		cf.form.fill(c)
	}
	cf.lists.show(f)
	cf.letters.show()
	cf.measures.show()
	cf.check()
	relayout(cf.frame)
	for _, t := range cf.tops {
		relayout(t)
	}
}

// tabTop keeps a tab's top (topOver) to lay it out again when the file is shown.
func (cf *complaintFile) tabTop(c *fyne.Container) *fyne.Container {
	cf.tops = append(cf.tops, c)
	return c
}

// showBanner states the most pressing item in words, coloured by its warning, and below it
// every delay that was not announced as the procedure promises: those stay in view for good.
func (cf *complaintFile) showBanner(items []data.ActionItem, breaches []data.Breach) {
	lines := []string{lang.L("Nothing is due for this complaint.")}
	cf.banner.Importance = widget.SuccessImportance
	if len(items) > 0 {
		sorted := append([]data.ActionItem(nil), items...)
		data.SortItems(sorted)
		it := sorted[0]
		lines[0] = fmt.Sprintf("%s: %s - %s (%s)", capitalised(warningLabel(it.Warning)), itemText(it), when(it), longDate(it.DueOn))
		cf.banner.Importance = map[data.Warning]widget.Importance{data.WarningOverdue: widget.DangerImportance,
			data.WarningDueSoon: widget.WarningImportance, data.WarningOK: widget.MediumImportance}[it.Warning]
	}
	for _, b := range breaches {
		lines = append(lines, lang.L("Breach of the procedure (extension of {{.Date}}): {{.What}}",
			map[string]any{"Date": longDate(b.ExtendedOn), "What": tr("breach."+string(b.Kind), b.Kind.Label())}))
		cf.banner.Importance = widget.DangerImportance
	}
	cf.banner.SetText(strings.Join(lines, "\n"))
	cf.banner.Refresh()
}

// check keeps Save disabled until the details are valid and differ from what is stored.
func (cf *complaintFile) check() {
	// A read-only file, such as a closed or anonymised one, has nothing to correct; its greyed
	// fields say why beside them, as the other tabs do (it was said only in Andere stappen).
	if cf.file == nil {
		cf.save.Disable()
		return
	}
	if !cf.offer(data.ActionEdit, cf.editWhy, cf.save) {
		showLine(cf.problem, "")
		return
	}
	if err := cf.form.problem(cf.file.Complaint); err != nil {
		showLine(cf.problem, problemText(err))
		cf.save.Disable()
		return
	}
	showLine(cf.problem, "")
	setEnabled(cf.save, cf.form.read(cf.file.Complaint) != cf.file.Complaint)
}

func (cf *complaintFile) onSave() {
	if err := cf.saveDetails(); err != nil {
		showError(err, cf.win)
		return
	}
	cf.load(nil)
}

// saveDetails stores the details as typed.
func (cf *complaintFile) saveDetails() error {
	if err := cf.store.Update(cf.form.read(cf.file.Complaint)); err != nil {
		return err
	}
	cf.saved = true
	cf.changed()
	return nil
}

// unsaved reports whether the details tab holds changes not saved yet.
func (cf *complaintFile) unsaved() bool {
	return cf.file != nil && cf.form.read(cf.file.Complaint) != cf.file.Complaint
}

// askBeforeClosing is the window's close button: with details changed and not saved, it asks
// whether to save them, close without them or stay (closing lost them without a word); with a
// step dialog open (an outcome half written), whether to close without it or stay.
func (cf *complaintFile) askBeforeClosing() {
	dialogs := openDialogs(cf.win)
	switch {
	case cf.unsaved():
		askUnsaved(cf.win, lang.L("Not saved"), lang.L("You changed the details of {{.Reference}} without saving them.",
			map[string]any{"Reference": cf.ref}), cf.saveDetails, cf.win.Close)
	case len(dialogs) > 0:
		askUnsaved(cf.win, lang.L("Not saved"), lang.L("You have not saved {{.What}}. If you close the window now, what you typed there is lost.",
			map[string]any{"What": lang.L("what you entered in ‘{{.Title}}’", map[string]any{"Title": dialogs[0]})}), nil, cf.win.Close)
	default:
		cf.win.Close()
	}
}

// do runs a change; on success the file and the main window refresh, on refusal the
// practitioner reads why and nothing was changed.
func (cf *complaintFile) do(change func() error) { cf.doThen(change, nil) }

// doThen is do with then run once the file is shown anew (see load).
func (cf *complaintFile) doThen(change func() error, then func()) {
	if err := change(); err != nil {
		cf.headerToTop()
		showError(err, cf.win)
		return
	}
	cf.changed()
	cf.load(then)
}

// headerToTop shows the file's header from its top after a refused step, read afresh: scrolled
// down to the step's button (in a low window, or by Tab), it hid the title, the banner and the
// reasons beside the steps, which say where the file stands now (another program may have
// changed it) and why the step is refused.
func (cf *complaintFile) headerToTop() {
	if cf.frame != nil {
		cf.frame.Objects[0].(*container.Scroll).ScrollToTop()
	}
	cf.load(nil)
}

// refusalLine is the line under a tab's buttons that says why the file refuses them now,
// such as a closed file; hidden while they are offered.
func refusalLine() *widget.Label {
	l := wrapped("")
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// offer enables a tab's buttons for step a as the file allows it now, by the rule the store
// refuses by (data.StepRefusal), and says in why what the refusal says; offered reports
// whether the step is allowed.
func (cf *complaintFile) offer(a data.Action, why *widget.Label, buttons ...*button) (offered bool) {
	err := cf.refusals[a]
	for _, b := range buttons {
		setEnabled(b, err == nil)
	}
	text := ""
	if err != nil {
		text = explain(err)
	}
	showLine(why, text)
	return err == nil
}

// tab returns one of the file's tabs by name: details, timeline, contacts, experts, letters,
// measures, attachments or privacy.
func (cf *complaintFile) tab(name string) *container.TabItem { return cf.tabItems[name] }

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
