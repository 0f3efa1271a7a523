package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// retentionStore is what the retention review needs from the store.
type retentionStore interface {
	Settings() (data.Settings, error)
	RetentionDue(today, closedBefore data.Date) ([]data.RetentionCase, error)
	Anonymise(refs []string, reason string) (int, error)
}

// retentionScreen is the review of the finished complaints past their retention period: it
// lists them, says what anonymising removes and what stays, and anonymises the ones the
// practitioner picks, after a confirmation. A file under legal hold is listed but cannot be
// picked.
type retentionScreen struct {
	store   retentionStore
	win     fyne.Window
	today   func() data.Date
	copies  *data.ViewCopies
	open    func(ref string) // opens a complaint's file
	changed func()           // tells the main window to refresh

	cases     []data.RetentionCase
	years     int
	picked    map[string]bool
	intro     *widget.Label
	list      *list
	holds     *fyne.Container // beside the list: each held file's reason in full, wrapped
	anonymise *button
	bg        worker
}

func newRetentionScreen(store retentionStore, win fyne.Window, today func() data.Date, copies *data.ViewCopies,
	open func(string), changed func()) *retentionScreen {
	r := &retentionScreen{store: store, win: win, today: today, copies: copies, open: open, changed: changed,
		picked: map[string]bool{}, intro: widget.NewLabel(""), holds: container.NewVBox()}
	r.intro.Wrapping = fyne.TextWrapWord
	r.list = newList(func() int { return len(r.cases) }, r.newRow, r.updateRow)
	r.list.OnSelected = func(id widget.ListItemID) {
		r.list.UnselectAll()
		if id < len(r.cases) {
			r.open(r.cases[id].Reference)
		}
	}
	r.anonymise = newButton(lang.L("Anonymise the chosen files…"), r.onAnonymise)
	r.anonymise.Importance = widget.DangerImportance
	return r
}

// content lays the screen out: the list, with beside it what anonymising removes and keeps.
func (r *retentionScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Retention period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	choose := container.NewHBox(newButton(lang.L("Choose all"), func() { r.pick(true) }),
		newButton(lang.L("Choose none"), func() { r.pick(false) }))
	top := container.NewVBox(title, r.intro, choose)
	backups := widget.NewLabel(lang.L("An anonymised file remains in the backups made before, until they expire: at most 12 months."))
	backups.Wrapping = fyne.TextWrapWord
	what := container.NewVScroll(container.NewVBox(r.holds, bullets(lang.L("Removed"), data.AnonymiseRemoves),
		bullets(lang.L("Kept"), data.AnonymiseKeeps)))
	split := container.NewHSplit(r.list, what)
	split.Offset = 0.62
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, r.anonymise, backups))
	return container.NewBorder(top, bottom, nil, nil, split)
}

// bullets is a heading with a wrapped line per item.
func bullets(heading string, items []data.Text) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, it := range items {
		l := widget.NewLabel("• " + say(it))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

func (r *retentionScreen) newRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewCheck("", nil), widget.NewLabel(""), l)
}

func (r *retentionScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(r.cases) {
		return
	}
	c := r.cases[id]
	row := o.(*fyne.Container)
	label := row.Objects[0].(*widget.Label)
	label.Importance = widget.MediumImportance
	if c.Held {
		label.Importance = widget.WarningImportance
	}
	text, end := caseRow(c)
	label.SetText(text)
	row.Objects[2].(*widget.Label).SetText(end)
	check := row.Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(r.picked[c.Reference])
	setEnabled(check, !c.Held)
	check.OnChanged = func(on bool) { r.picked[c.Reference] = on; r.enable() }
}

// caseRow is one file of the review on one line: its reference and name, and at the row's end,
// kept whole, when it ended (its retention period ended that many years later, as the intro
// says); under a legal hold, the hold's reason after the name, which the row cuts off when
// long (showHolds shows it in full beside the list).
func caseRow(c data.RetentionCase) (text, end string) {
	parts := []string{c.Reference}
	if c.Complainant != "" {
		parts = append(parts, c.Complainant)
	}
	if c.Held {
		parts = append(parts, lang.L("legal hold: {{.Reason}}", map[string]any{"Reason": oneLine(c.HoldReason)}))
	}
	return strings.Join(parts, " · "), statusLabel(c.Status) + " " + shortDate(c.ClosedOn)
}

// oneLine puts a text typed over several lines on one, so that it cannot make a row taller.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// showHolds lists beside the list each file under a legal hold with its reason in full, as
// the list's line cuts a long reason off.
func (r *retentionScreen) showHolds() {
	r.holds.RemoveAll()
	for _, c := range r.cases {
		if !c.Held {
			continue
		}
		if len(r.holds.Objects) == 0 {
			r.holds.Add(widget.NewLabelWithStyle(lang.L("Under a legal hold"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		l := widget.NewLabel(c.Reference + ": " + strings.TrimSpace(c.HoldReason))
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.WarningImportance
		r.holds.Add(l)
	}
	if len(r.holds.Objects) > 0 {
		r.holds.Add(widget.NewSeparator())
	}
}

// retentionData is one reading of the register for the review.
type retentionData struct {
	cases []data.RetentionCase
	years int
}

// refresh reloads the files past retention in the background; a file no longer listed is no
// longer picked.
func (r *retentionScreen) refresh() {
	latest(&r.bg, func() (retentionData, error) {
		set, err := r.store.Settings()
		if err != nil {
			return retentionData{}, err
		}
		cases, err := r.store.RetentionDue(r.today(), data.Date{})
		return retentionData{cases, set.RetentionYears()}, err
	}, func(d retentionData) {
		r.cases, r.years = d.cases, d.years
		listed := map[string]bool{}
		for _, c := range r.cases {
			listed[c.Reference] = r.picked[c.Reference] && !c.Held
		}
		r.picked = listed
		r.showIntro()
		r.showHolds()
		r.list.Refresh()
		r.enable()
	}, func(err error) { showError(err, r.win) })
}

func (r *retentionScreen) showIntro() {
	held := 0
	for _, c := range r.cases {
		if c.Held {
			held++
		}
	}
	// The files that can be chosen, as Vandaag counts them; those under a hold are listed too.
	n := len(r.cases) - held
	v := map[string]any{"N": thousands(n), "Period": lang.N("{{.N}} years", r.years, map[string]any{"N": r.years})}
	var text string
	switch {
	case len(r.cases) == 0:
		text = lang.L("No finished file has passed the retention period of {{.Period}}.", v)
	case held == len(r.cases):
		text = lang.L("No file can be anonymised now: the files past the retention period of {{.Period}} are under a legal hold.", v)
	default:
		text = lang.N("{{.N}} finished files have passed the retention period of {{.Period}}. Choose the ones to anonymise; click a line to open the file first.", n, v)
	}
	if held > 0 && held < len(r.cases) {
		text += " " + lang.L("Files under a legal hold cannot be chosen until the hold is released.")
	}
	r.intro.SetText(text)
}

// chosen are the references picked, in the order listed.
func (r *retentionScreen) chosen() []string {
	var refs []string
	for _, c := range r.cases {
		if r.picked[c.Reference] {
			refs = append(refs, c.Reference)
		}
	}
	return refs
}

func (r *retentionScreen) pick(on bool) {
	for _, c := range r.cases {
		r.picked[c.Reference] = on && !c.Held
	}
	r.list.Refresh()
	r.enable()
}

func (r *retentionScreen) enable() {
	n := len(r.chosen())
	setEnabled(r.anonymise, n > 0)
	if n > 0 {
		r.anonymise.SetText(lang.N("Anonymise {{.N}} chosen files…", n, map[string]any{"N": thousands(n)}))
	} else {
		r.anonymise.SetText(lang.L("Anonymise the chosen files…"))
	}
}

// onAnonymise asks once more, naming the files, and then anonymises them.
func (r *retentionScreen) onAnonymise() {
	refs := r.chosen()
	if len(refs) == 0 {
		return
	}
	msg := lang.N("Anonymise these {{.N}} files: {{.Refs}}?", len(refs), map[string]any{"N": thousands(len(refs)), "Refs": strings.Join(refs, ", ")}) +
		"\n\n" + lang.L("Their personal data are removed from the register for good; this cannot be undone. The backups made before still hold them until they expire (at most 12 months).")
	var copies []string // the erasure must reach the experts too (art. 19 AVG)
	for _, c := range r.cases {
		if r.picked[c.Reference] && len(c.CopiesWith) > 0 {
			copies = append(copies, c.Reference+": "+strings.Join(c.CopiesWith, ", "))
		}
	}
	if len(copies) > 0 {
		msg += "\n\n" + lang.L("Copies of documents are still with an expert:") + "\n" + strings.Join(copies, "\n") +
			"\n" + lang.L("Ask for them back or to be destroyed, and say that the complainant's data are erased; the file keeps asking until you record that.")
	}
	d := dialog.NewConfirm(lang.L("Anonymise"), msg, func(yes bool) {
		if yes {
			r.run(refs)
		}
	}, r.win)
	d.SetConfirmText(lang.L("Anonymise"))
	d.SetDismissText(lang.L("Cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	showDialog(d, r.win)
}

// anonymised is the outcome of one anonymisation from the review: how many, and why it
// stopped early, if it did (the files before the one refused stay anonymised).
type anonymised struct {
	n   int
	err error
}

// run anonymises refs off the UI goroutine, as rewriting a large register takes a while, and
// says how many; the opened copies of every file chosen go too.
func (r *retentionScreen) run(refs []string) {
	working := busy(r.win, lang.L("Anonymise"), lang.L("Anonymising and clearing the freed space from the register…"))
	run(&r.bg, func() (anonymised, error) {
		n, err := r.store.Anonymise(refs, data.RetentionReason)
		for _, ref := range refs {
			r.copies.Remove(ref)
		}
		return anonymised{n, err}, nil
	}, func(a anonymised) {
		working.Hide()
		r.changed()
		r.refresh()
		if a.err != nil {
			showError(a.err, r.win)
			return
		}
		done := lang.N("{{.N}} files anonymised.", a.n, map[string]any{"N": a.n})
		inform(lang.L("Anonymise"), done, r.win)
	}, func(err error) { working.Hide(); showError(err, r.win) })
}
