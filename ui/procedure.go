package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// The complaint file's header: the procedure line (data.Stages) with the facts that matter
// now beside it, the next step (data.NextStep) as the one prominent button, and the other
// steps in a menu that says of each refused one why (data.AllowedSteps). The rules are in
// data/; this file only shows them.

// stageName is a station of the procedure line in the practitioner's words.
func stageName(s data.Status) string {
	switch s {
	case data.StatusInformal:
		return lang.L("Received informally")
	case data.StatusReceived:
		return lang.L("Received")
	case data.StatusAcknowledged:
		return lang.L("Acknowledged")
	case data.StatusExtended:
		return lang.L("Extended")
	case data.StatusResolved:
		return lang.L("Resolved")
	case data.StatusClosed:
		return lang.L("Closed")
	}
	return lang.L("Withdrawn")
}

// showProcedure draws the procedure line: each station with the day it was reached or by when
// it is due, the current one bold and coloured, one still ahead in italics, a due date past in red.
func (cf *complaintFile) showProcedure(f *data.File) {
	cf.procedure.RemoveAll()
	for i, s := range data.Stages(f.Facts) {
		name, when := stageName(s.Status), ""
		switch {
		case s.Optional:
			name = "(" + name + ")"
		case !s.On.IsZero():
			when = shortDate(s.On)
		case !s.DueOn.IsZero():
			when = lang.L("by {{.On}}", map[string]any{"On": shortDate(s.DueOn)})
		}
		l := widget.NewLabel(strings.TrimSpace(name + "\n" + when))
		switch {
		case s.Current:
			l.TextStyle.Bold, l.Importance = true, widget.HighImportance
		case s.On.IsZero():
			l.TextStyle.Italic = true
			if !s.DueOn.IsZero() && s.DueOn.Before(cf.today()) {
				l.Importance = widget.DangerImportance
			}
		}
		if i == 0 {
			cf.procedure.Add(l)
			continue
		}
		// The arrow goes with the station it points to, so that a line that wraps ends on a
		// station and the next begins with "→": an arrow left at the end read as a dead end.
		cf.procedure.Add(container.NewHBox(widget.NewLabel("→"), l))
	}
	cf.facts.SetText(strings.Join(fileFacts(f), "\n"))
}

// fileFacts are the facts beside the procedure line that the timeline would otherwise hide:
// the deadline now, each extension with its reason, the verdict and the outcome.
func fileFacts(f *data.File) []string {
	var lines []string
	if f.Formal && f.Status.Open() && !f.DueOn.IsZero() {
		lines = append(lines, lang.L("Deadline for resolving: {{.Date}}", map[string]any{"Date": longDate(f.DueOn)}))
	}
	for _, e := range f.Extensions {
		lines = append(lines, lang.L("Extended on {{.On}} until {{.Until}}: {{.Reason}}",
			map[string]any{"On": shortDate(e.On), "Until": shortDate(e.Until), "Reason": e.Reason}))
	}
	if f.Verdict != "" {
		v := verdictLabel(f.Verdict)
		if f.Justified == data.JustifiedYes {
			v += " · " + lang.L("complaint (partly) justified")
		}
		lines = append(lines, lang.L("Verdict: {{.Verdict}}", map[string]any{"Verdict": v}))
	}
	if f.Outcome != "" {
		lines = append(lines, lang.L("Outcome: {{.Outcome}}", map[string]any{"Outcome": shortened(f.Outcome, 240)}))
	}
	return lines
}

// shortened is s on one line, cut at n characters with an ellipsis.
func shortened(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// showSteps sets the next step's button and the menu of the other steps from the steps the
// file allows now; a refused step shows why, under the button or in the menu.
func (cf *complaintFile) showSteps(f *data.File) {
	steps := cf.refusals
	for a, b := range cf.buttons {
		setEnabled(b, steps[a] == nil)
		why := ""
		if steps[a] != nil {
			why = explain(steps[a])
		}
		showLine(cf.reasons[a], why)
	}
	// The steps the file allows come first in the menu: on a closed file "Heropenen…" stood
	// below every step it refuses, each with its reason.
	if cf.menuBox != nil {
		var allowed, refused []fyne.CanvasObject
		for _, a := range data.FileSteps {
			if row := cf.menuRows[a]; row != nil && steps[a] == nil {
				allowed = append(allowed, row)
			} else if row != nil {
				refused = append(refused, row)
			}
		}
		cf.menuBox.Objects = append(allowed, refused...)
		cf.menuBox.Refresh()
	}
	cf.nextStep = data.NextStep(f.Facts)
	showLine(cf.nextWhy, "")
	if cf.nextStep == "" {
		cf.next.Hide()
		return
	}
	cf.next.SetText(cf.buttons[cf.nextStep].Text)
	cf.next.Show()
	setEnabled(cf.next, steps[cf.nextStep] == nil)
	kind, first := letterFirst(f, cf.nextStep)
	switch {
	case measureFirst(f, cf.nextStep): // a well-founded complaint waits for its measure: that is the step, and why
		cf.next.SetText(lang.L("Record a measure against recurrence…"))
		cf.next.Enable()
		if steps[cf.nextStep] != nil {
			showLine(cf.nextWhy, explain(steps[cf.nextStep]))
		}
	case first: // the letter first: made, then marked sent, each from this button
		cf.next.SetText(letterStepLabel(kind, unsentLetter(f, kind) >= 0))
		cf.next.Enable()
	case steps[cf.nextStep] != nil:
		showLine(cf.nextWhy, explain(steps[cf.nextStep]))
	}
	for a, row := range cf.menuRows { // the next step is not repeated in the menu
		row.Hidden = a == cf.nextStep && !first
	}
}

// measureFirst reports whether closing the file (and, under the Wkkgz, its outcome letter)
// waits for a measure against recurrence or the reason none is needed: after the decision the
// button read "Dossier sluiten", disabled, while the step to take was on another tab.
func measureFirst(f *data.File, next data.Action) bool {
	return next == data.ActionClose && slices.ContainsFunc(f.Items, func(it data.ActionItem) bool { return it.Kind == data.ItemMeasure })
}

// letterFirst is the letter the next step waits for: the acknowledgement letter confirms
// receipt, the progress letter tells the complainant why an extended complaint takes longer
// (the procedure promises it, and it is due within days of the extension), and the outcome
// letter, sent, lets a formal complaint's file close.
func letterFirst(f *data.File, next data.Action) (data.LetterKind, bool) {
	switch {
	case next == data.ActionAcknowledge:
		return data.LetterAcknowledgement, true
	case slices.ContainsFunc(f.Items, func(it data.ActionItem) bool { return it.Kind == data.ItemProgressLetter }):
		return data.LetterProgress, true
	case next == data.ActionClose && f.OutcomeLetterDue() && data.OutcomeLetterRefusal(&f.Complaint, f.MeasureCount) == nil:
		return data.LetterOutcome, true
	}
	return "", false
}

// letterStepLabel names the next step for a letter still to make or, made, to mark sent.
func letterStepLabel(kind data.LetterKind, made bool) string {
	switch {
	case kind == data.LetterOutcome && made:
		return lang.L("Mark the outcome letter as sent…")
	case kind == data.LetterOutcome:
		return lang.L("Make the outcome letter…")
	case kind == data.LetterProgress && made:
		return lang.L("Mark the progress letter as sent…")
	case kind == data.LetterProgress:
		return lang.L("Make the progress letter…")
	case made:
		return lang.L("Mark the acknowledgement letter as sent…")
	}
	return lang.L("Make the acknowledgement letter…")
}

// unsentLetter is the index in f.Letters of the newest version of kind when it is not marked
// sent yet, or -1.
func unsentLetter(f *data.File, kind data.LetterKind) int {
	for _, l := range f.UnsentLetters() {
		if l.Kind == kind {
			return slices.IndexFunc(f.Letters, func(x data.Letter) bool { return x.ID == l.ID })
		}
	}
	return -1
}

// onNext takes the next step: the letter it waits for, made or marked sent, or the step's own
// dialog.
func (cf *complaintFile) onNext() {
	if measureFirst(cf.file, cf.nextStep) {
		cf.openAt(data.ItemMeasure)
		return
	}
	kind, first := letterFirst(cf.file, cf.nextStep)
	if !first {
		cf.steps[cf.nextStep]()
		return
	}
	cf.letterStep(kind)
}

// letterStep takes the step of a letter the procedure asks for: the newest letter of kind
// marked sent when it was made and not sent yet, rather than a second version made; else
// the letter made.
func (cf *complaintFile) letterStep(kind data.LetterKind) {
	cf.tabs.Select(cf.tab("letters"))
	if i := unsentLetter(cf.file, kind); i >= 0 {
		cf.letters.list.Select(i)
		cf.letters.onMarkSent()
		return
	}
	cf.letters.onMake(kind)
}

// stepsMenu builds the menu of steps: per step its button, and below a refused one why not.
func (cf *complaintFile) stepsMenu() *fyne.Container {
	box := container.NewVBox()
	cf.menuRows = map[data.Action]*fyne.Container{}
	for _, a := range data.FileSteps {
		b := cf.buttons[a]
		if b == nil {
			continue
		}
		b.Alignment, b.Importance = widget.ButtonAlignLeading, widget.LowImportance
		why := cf.reasons[a]
		why.Wrapping, why.TextStyle.Italic = fyne.TextWrapWord, true
		row := container.NewVBox(b, why)
		cf.menuRows[a] = row
		box.Add(row)
	}
	return box
}

// showMenu opens the menu of steps below its button, as large as the window allows.
func (cf *complaintFile) showMenu() {
	c := cf.win.Canvas()
	if cf.menu == nil {
		cf.menu = widget.NewPopUp(container.NewVScroll(cf.menuBox), c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(cf.others).AddXY(0, cf.others.Size().Height)
	want := cf.menuBox.MinSize().Add(fyne.NewSquareSize(2 * theme.Padding()))
	width := min(max(want.Width, 380), c.Size().Width-2*theme.Padding())
	pos.X = max(theme.Padding(), min(pos.X, c.Size().Width-width-theme.Padding()))
	if c.Size().Height-pos.Y < min(want.Height, 240) { // too little room below: from the top
		pos.Y = theme.Padding()
	}
	cf.menu.ShowAtPosition(pos)
	cf.menu.Resize(fyne.NewSize(width, min(want.Height, c.Size().Height-pos.Y-theme.Padding())))
}

// step makes the button of a step: in the menu, it closes the menu before the step's dialog opens.
func (cf *complaintFile) step(a data.Action, label string, do func()) *button {
	cf.steps[a] = do
	why := widget.NewLabel("")
	why.Hide()
	cf.reasons[a] = why
	return newButton(label, func() {
		if cf.menu != nil {
			cf.menu.Hide()
		}
		do()
	})
}

// header lays out the top of the file: title, banner, the procedure line with the facts below
// it, and beside them the next step, the menu of other steps, and why the next step cannot be
// taken yet.
func (cf *complaintFile) header() fyne.CanvasObject {
	cf.menuBox = cf.stepsMenu()
	width := canvas.NewRectangle(nil)
	width.SetMinSize(fyne.NewSize(220, 0))
	// Why the next step waits goes across the header's width, under the banner that says what
	// is due: under the buttons (220 wide) a long reason took ten lines and the header its
	// limit, so it was cut off mid-sentence ("… Leg een"); beside the buttons it pushed Andere
	// stappen out of view; below the facts a large scale left it under the header's limit.
	steps := container.NewVBox(width, cf.next, cf.others)
	return container.NewVBox(cf.title, cf.hold, cf.banner, cf.nextWhy,
		container.NewBorder(nil, nil, nil, steps, container.NewVBox(cf.procedure, cf.facts)), widget.NewSeparator())
}

// headerOver puts header above body, as tall as it needs but at most half the height: a
// scroll container holds the rest of it.
func headerOver(header, body fyne.CanvasObject) *fyne.Container {
	return container.New(headerAbove{header, 120, 0.5}, container.NewVScroll(header), body)
}

// topOver is headerOver for the top of a complaint file's tab (its buttons and explanation
// above its list): it may take all the height but the list's minimum, and shrink further in a
// low window, where the file's own header and tabs take most of the room.
func topOver(top, body fyne.CanvasObject) *fyne.Container {
	return container.New(headerAbove{top, 80, 0}, container.NewVScroll(top), body)
}

// headerAbove lays a header (in a scroll container) above the rest: the header as tall as it
// needs but at most its share of the height (0: all but the rest's minimum), and no lower than
// least, so a small screen or a large scale still shows the rest and the buttons at its bottom.
type headerAbove struct {
	header fyne.CanvasObject
	least  float32
	share  float32
}

func (h headerAbove) top(height float32, rest fyne.CanvasObject) float32 {
	most := height * h.share
	if h.share == 0 {
		most = height - rest.MinSize().Height
	}
	return min(h.header.MinSize().Height, max(most, h.least))
}

// relayout lays out again a container made by headerOver or topOver after its header's
// content changed: the header sits in a scroll container, whose own minimum height does not
// change with it, so Fyne would leave the header at the height it had when first laid out
// (nearly empty, while the file was still loading).
func relayout(c *fyne.Container) {
	if c != nil {
		c.Layout.Layout(c.Objects, c.Size())
	}
}

func (h headerAbove) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	// A wrapped text knows how many lines it takes only once it has its width: the header is
	// laid out at the window's width first, so its height counts every line (a long reason why
	// a step waits was cut off, and a shorter header left an empty band above the tabs).
	h.header.Resize(fyne.NewSize(size.Width, h.header.MinSize().Height))
	top := h.top(size.Height, objs[1])
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, top))
	objs[1].Move(fyne.NewPos(0, top))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-top))
}

func (h headerAbove) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(max(objs[0].MinSize().Width, objs[1].MinSize().Width), min(h.header.MinSize().Height, h.least)+objs[1].MinSize().Height)
}
