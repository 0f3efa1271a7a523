package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// fileStore is what the complaint file needs from the store.
type fileStore interface {
	letters.Archive
	measuresStore
	RecordNoMeasure(ref, reason string) error
	LetterPDF(id int64) ([]byte, error)
	MarkLetterSent(id int64, on data.Date, via data.Delivery) error
	Update(c data.Complaint) error
	Escalate(ref string, on data.Date) error
	Acknowledge(ref string, on data.Date) error
	Extend(ref string, until data.Date, reason string) error
	Resolve(ref string, v data.Verdict, outcome string, on data.Date) error
	CloseComplaint(ref string) error
	Withdraw(ref, note string) error
	AddContact(ref string, ct data.Contact) (int64, error)
	InformationReceived(ref string, on data.Date) error
	AddAttachment(ref, name string, content []byte) (int64, error)
	AttachmentContent(id int64) ([]byte, error)
	SaveExpert(e data.Expert) (int64, error)
	GiveConsent(ref string, c data.Consent) error
	WithdrawConsent(ref string, on data.Date) error
	ShareDocuments(ref string, sh data.Share) (int64, error)
}

// complaintFile is one complaint's file: its details, what is due, the steps allowed now,
// contacts, experts, attachments and the timeline. It lives in a window of its own, so a
// practitioner can keep the register open beside it.
type complaintFile struct {
	store   fileStore
	win     fyne.Window
	ref     string
	file    *data.File
	today   func() data.Date
	changed func() // tells the main window to refresh its lists

	title       *widget.Label
	banner      *widget.Label
	buttons     map[data.Action]*widget.Button
	extra       map[string]*widget.Button // steps that are not status changes: contact, information, expert
	form        *complaintForm
	save        *widget.Button
	problem     *widget.Label
	tabs        *container.AppTabs
	tabItems    map[string]*container.TabItem
	lists       *fileLists
	letters     *lettersTab
	measures    *measuresTab
	showMeasure func(code string)  // opens a measure on the measures screen
	saved       bool               // the details were just saved: the next load shows them as stored
	dialog      *dialog.FormDialog // the step dialog last shown and its fields, which tests fill and submit
	dialogItems []*widget.FormItem
	bg          worker
}

func newComplaintFile(store fileStore, win fyne.Window, ref string, today func() data.Date, changed func()) *complaintFile {
	cf := &complaintFile{store: store, win: win, ref: ref, today: today, changed: changed,
		title:  widget.NewLabelWithStyle(ref, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		banner: widget.NewLabel(""), form: newComplaintForm(today), problem: widget.NewLabel("")}
	cf.banner.Wrapping, cf.problem.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	cf.problem.Importance = widget.DangerImportance
	cf.save = widget.NewButton(lang.L("Save changes"), cf.onSave)
	cf.save.Importance = widget.HighImportance
	cf.form.changed = cf.check
	cf.buttons = map[data.Action]*widget.Button{
		data.ActionEscalate:    widget.NewButton(lang.L("Make formal"), cf.onEscalate),
		data.ActionAcknowledge: widget.NewButton(lang.L("Confirm receipt"), cf.onAcknowledge),
		data.ActionExtend:      widget.NewButton(lang.L("Extend deadline"), cf.onExtend),
		data.ActionResolve:     widget.NewButton(lang.L("Resolve"), cf.onResolve),
		data.ActionClose:       widget.NewButton(lang.L("Close file"), cf.onClose),
		data.ActionWithdraw:    widget.NewButton(lang.L("Record withdrawal…"), cf.onWithdraw),
	}
	cf.extra = map[string]*widget.Button{
		"contact":     widget.NewButton(lang.L("Record contact"), func() { cf.onContact(data.ContactPhone, false) }),
		"request":     widget.NewButton(lang.L("Request information"), func() { cf.onContact(data.ContactLetter, true) }),
		"information": widget.NewButton(lang.L("Information received"), cf.onInformationReceived),
		"expert":      widget.NewButton(lang.L("Consult an expert"), func() { cf.tabs.Select(cf.tab("experts")) }),
	}
	for _, b := range cf.buttons {
		b.Disable() // until the file is loaded and says which steps are allowed
	}
	cf.lists = newFileLists(cf)
	cf.letters = newLettersTab(cf)
	cf.measures = newMeasuresTab(cf)
	return cf
}

// content lays the file out: header with banner and steps, then tabs.
func (cf *complaintFile) content() fyne.CanvasObject {
	steps := container.NewGridWrap(fyne.NewSize(190, 36))
	for _, a := range []data.Action{data.ActionEscalate, data.ActionAcknowledge, data.ActionExtend, data.ActionResolve,
		data.ActionClose, data.ActionWithdraw} {
		steps.Add(cf.buttons[a])
	}
	for _, k := range []string{"contact", "request", "information", "expert"} {
		steps.Add(cf.extra[k])
	}
	details := container.NewBorder(nil, container.NewVBox(cf.problem, cf.save), nil, nil,
		container.NewVScroll(widget.NewForm(cf.form.items()...)))
	cf.tabItems = map[string]*container.TabItem{
		"details":     container.NewTabItem(lang.L("Details"), details),
		"timeline":    container.NewTabItem(lang.L("Timeline"), cf.lists.timeline),
		"contacts":    container.NewTabItem(lang.L("Contacts"), cf.lists.contacts),
		"experts":     container.NewTabItem(lang.L("Experts"), cf.lists.expertsContent()),
		"letters":     container.NewTabItem(lang.L("Letters"), cf.letters.content()),
		"measures":    container.NewTabItem(lang.L("Measures"), cf.measures.content()),
		"attachments": container.NewTabItem(lang.L("Attachments"), cf.lists.attachmentsContent()),
	}
	cf.tabs = container.NewAppTabs()
	for _, k := range []string{"details", "timeline", "contacts", "experts", "letters", "measures", "attachments"} {
		cf.tabs.Append(cf.tabItems[k])
	}
	return container.NewBorder(container.NewVBox(cf.title, cf.banner, steps, widget.NewSeparator()), nil, nil, nil, cf.tabs)
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
	dirty := cf.file != nil && cf.form.read(cf.file.Complaint) != cf.file.Complaint && !cf.saved
	cf.file, cf.saved = f, false
	c := f.Complaint
	procedure := lang.L("informal")
	if c.Formal {
		procedure = lang.L("formal procedure")
	}
	cf.title.SetText(fmt.Sprintf("%s · %s · %s (%s)", c.Reference, c.Complainant.Name, statusLabel(c.Status), procedure))
	cf.win.SetTitle(fmt.Sprintf("%s - %s", c.Reference, c.Complainant.Name))
	cf.showBanner(f.Items)
	allowed := map[data.Action]bool{}
	for _, a := range data.AllowedActions(c.Status) {
		allowed[a] = true
	}
	for _, it := range f.Items {
		if it.Kind == data.ItemOutcomeLetter || it.Kind == data.ItemMeasure {
			allowed[data.ActionClose] = false // the store would refuse: outcome letter or measure still due
		}
	}
	for a, b := range cf.buttons {
		setEnabled(b, allowed[a])
	}
	open := c.Status != data.StatusClosed
	setEnabled(cf.extra["contact"], open)
	setEnabled(cf.extra["request"], c.Status.Open())
	setEnabled(cf.extra["information"], len(f.InfoExpected) > 0)
	setEnabled(cf.extra["expert"], open)
	if !dirty {
		cf.form.fill(c)
	}
	cf.lists.show(f)
	cf.letters.show()
	cf.measures.show()
	cf.check()
}

// showBanner states the most pressing item in words, coloured by its warning.
func (cf *complaintFile) showBanner(items []data.ActionItem) {
	if len(items) == 0 {
		cf.banner.SetText(lang.L("Nothing is due for this complaint."))
		cf.banner.Importance = widget.SuccessImportance
		cf.banner.Refresh()
		return
	}
	sorted := append([]data.ActionItem(nil), items...)
	data.SortItems(sorted)
	it := sorted[0]
	cf.banner.SetText(fmt.Sprintf("%s: %s - %s (%s)", capitalised(warningLabel(it.Warning)), itemLabel(it.Kind), when(it), longDate(it.DueOn)))
	cf.banner.Importance = map[data.Warning]widget.Importance{data.WarningOverdue: widget.DangerImportance,
		data.WarningDueSoon: widget.WarningImportance, data.WarningOK: widget.MediumImportance}[it.Warning]
	cf.banner.Refresh()
}

// check keeps Save disabled until the details are valid and differ from what is stored.
func (cf *complaintFile) check() {
	if cf.file == nil {
		cf.save.Disable()
		return
	}
	if err := cf.form.problem(cf.file.Complaint); err != nil {
		cf.problem.SetText(problemText(err))
		cf.save.Disable()
		return
	}
	cf.problem.SetText("")
	setEnabled(cf.save, cf.form.read(cf.file.Complaint) != cf.file.Complaint)
}

func (cf *complaintFile) onSave() {
	if err := cf.store.Update(cf.form.read(cf.file.Complaint)); err != nil {
		showError(err, cf.win)
		return
	}
	cf.saved = true
	cf.changed()
	cf.load(nil)
}

// do runs a change; on success the file and the main window refresh, on refusal the
// practitioner reads why and nothing was changed.
func (cf *complaintFile) do(change func() error) {
	if err := change(); err != nil {
		showError(err, cf.win)
		return
	}
	cf.changed()
	cf.load(nil)
}

// tab returns one of the file's tabs by name: details, timeline, contacts, experts, letters,
// measures or attachments.
func (cf *complaintFile) tab(name string) *container.TabItem { return cf.tabItems[name] }

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}
