package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// ask shows a step dialog on the complaint file; submit runs the change. A refused change
// brings the dialog back with what was typed, beside the message that says why.
func (cf *complaintFile) ask(title, confirm string, items []*widget.FormItem, submit func() error) {
	cf.askSlow(title, confirm, "", items, submit)
}

// askKeeping is ask for a step whose dialog holds text typed at length (an outcome, a reason,
// a note about a contact): closed without its step (cancelled, or left to record something the
// step needs first, such as hearing a party), it keeps what was typed, and opens with it again
// the next time it opens with the same proposals (another kind of contact starts afresh).
func (cf *complaintFile) askKeeping(title, confirm string, items []*widget.FormItem, submit func() error) {
	key := strings.Join(append([]string{title}, draftOf(items)...), "\x00")
	if typed, ok := cf.drafts[key]; ok {
		restoreDraft(items, typed)
	}
	cf.ask(title, confirm, items, func() error {
		err := submit()
		if err == nil {
			delete(cf.drafts, key)
		}
		return err
	})
	cf.dialog.SetOnClosed(func() {
		if cf.drafts == nil {
			cf.drafts = map[string][]string{}
		}
		cf.drafts[key] = draftOf(items)
	})
}

// askSlow is ask for a change that takes a while, such as erasing, which rewrites the whole
// register: submit runs off the UI goroutine while the window shows doing. With doing ""
// submit runs at once, as ask does.
func (cf *complaintFile) askSlow(title, confirm, doing string, items []*widget.FormItem, submit func() error) {
	var d *formDialog
	done := func(err error) {
		if err != nil {
			d.Show()
			cf.refused(err, d)
			return
		}
		then := cf.afterStep
		cf.afterStep = nil
		cf.changed()
		cf.load(then)
	}
	d = askForm(cf.win, title, confirm, items, func() {
		if doing == "" {
			done(submit())
			return
		}
		working := busy(cf.win, title, doing)
		run(&cf.bg, func() (struct{}, error) { return struct{}{}, submit() },
			func(struct{}) { working.Hide(); done(nil) }, func(err error) { working.Hide(); done(err) })
	})
	cf.dialog, cf.dialogItems = d, items
}

// refused says why the step of dialog d was refused, with a button to where it is put right.
// A field of the complaint's own, such as the language of its letters that a letter in
// another language is refused for, is on the Details tab, where d would stand in the way; it
// is not the setting of the same name (language, the screens' language). Any other setting is
// on the settings screen.
func (cf *complaintFile) refused(err error, d *formDialog) {
	cf.headerToTop()
	var de *data.Error
	if errors.As(err, &de) {
		if field := cf.form.field(de.Field); field != nil {
			showRefusalGoing(err, cf.win, lang.L("Go to the field"), func() {
				d.Hide()
				cf.tabs.Select(cf.tab("details"))
				cf.win.Canvas().Focus(field)
			})
			return
		}
	}
	showRefusal(err, cf.win, cf.showSetting)
}

// draftOf is what the fields of a dialog hold, one text per field that takes input; a line
// of text, such as a warning shown only now, is no field, so it does not change the draft.
func draftOf(items []*widget.FormItem) []string {
	var typed []string
	for _, w := range inputs(items) {
		switch w := w.(type) {
		case *entry:
			typed = append(typed, w.Text)
		case *choice:
			typed = append(typed, w.Selected)
		case *widget.RadioGroup:
			typed = append(typed, w.Selected)
		case *check:
			typed = append(typed, strconv.FormatBool(w.Checked))
		}
	}
	return typed
}

// restoreDraft puts a draft back into the same dialog's new fields.
func restoreDraft(items []*widget.FormItem, typed []string) {
	for i, w := range inputs(items) {
		switch w := w.(type) {
		case *entry:
			w.SetText(typed[i])
		case *choice:
			if typed[i] != "" {
				w.SetSelected(typed[i])
			}
		case *widget.RadioGroup:
			if typed[i] != "" {
				w.SetSelected(typed[i])
			}
		case *check:
			w.SetChecked(typed[i] == "true")
		}
	}
}

// inputs are the widgets of items that take input, the fields a draft holds.
func inputs(items []*widget.FormItem) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range items {
		switch it.Widget.(type) {
		case *entry, *choice, *widget.RadioGroup, *check:
			out = append(out, it.Widget)
		}
	}
	return out
}

// formDialog is a form in a dialog whose fields scroll, so that it fits a small screen or a
// large scale; its OK button stays disabled while a field is invalid.
type formDialog struct {
	*dialog.CustomDialog
	title   string
	win     fyne.Window
	form    *widget.Form
	scroll  *container.Scroll
	confirm *button
	why     *widget.Label // while OK is disabled: which field it waits for, and why
	onOK    func()
	// waits, when set, is what else OK waits for, beside the fields (a statement to be made
	// first); revalidate checks again once it may have changed.
	waits      func() string
	revalidate func()
	shown      bool              // fit sizes it only once it is on screen
	overlay    fyne.CanvasObject // the window's overlay that holds it, which centres it when refreshed
}

// Submit confirms the dialog as its OK button does: only while every field is valid.
func (d *formDialog) Submit() {
	if d.confirm.Disabled() {
		return
	}
	d.Hide()
	d.onOK()
}

// Show shows the dialog as tall as its fields need, but never larger than the window.
func (d *formDialog) Show() {
	d.CustomDialog.Show()
	// The overlay is the dialog's: a drop-down opened later lies above it.
	d.shown, d.overlay = true, d.win.Canvas().Overlays().Top()
	openDialogs(nil) // asked of no window: drops the dialogs closed since
	formDialogs[d] = true

	onEscape(d.win.Canvas(), d.Hide) // as its Cancel button: a step dialog keeps what was typed
	d.fit()
}

// open reports whether the dialog is on screen now, not cancelled or confirmed.
func (d *formDialog) open() bool {
	return d.shown && slices.Contains(d.win.Canvas().Overlays().List(), d.overlay)
}

// formDialogs are the form dialogs shown and perhaps still open, for the question before
// quitting (openDialogs); closed ones are dropped when it asks.
var formDialogs = map[*formDialog]bool{}

// forgetDialogs drops the form dialogs of win, which closed: its overlays stay as they were, so
// a dialog it closed with would count as open, and keep the window's screen in memory.
func forgetDialogs(win fyne.Window) {
	for d := range formDialogs {
		if d.win == win {
			delete(formDialogs, d)
		}
	}
}

// openDialogs are the titles of the form dialogs open on win: what was typed there is not
// saved until the dialog is confirmed.
func openDialogs(win fyne.Window) []string {
	var titles []string
	for d := range formDialogs {
		switch {
		case !d.open():
			delete(formDialogs, d)
		case d.win == win:
			titles = append(titles, d.title)
		}
	}
	slices.Sort(titles)
	return titles
}

// fit sizes the dialog to its fields, also when a text below a field grows as the
// practitioner types (the extension's preview of the progress letter was cut off below).
func (d *formDialog) fit() {
	if !d.shown {
		return
	}
	// Twice: a text that wraps measures its height at the width it has, which is only known
	// once the dialog has its width; measured before, a note was as tall as at a narrow width
	// and left a gap above the buttons.
	for range 2 {
		natural := d.MinSize().AddWidthHeight(0, d.form.MinSize().Height-d.scroll.MinSize().Height)
		room := d.win.Canvas().Size().SubtractWidthHeight(2*theme.Padding(), 2*theme.Padding())
		d.Resize(fyne.NewSize(min(max(560, natural.Width, d.labelsWidth()+fieldsWidth), room.Width), min(natural.Height, room.Height)))
	}
	// Fyne centres a dialog when it is shown, and a dialog that grew kept its top: its buttons
	// went below the window (the outcome's preview in a complaint window). Centred again then.
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.confirm).Y + d.confirm.Size().Height
	if d.overlay != nil && bottom > d.win.Canvas().Size().Height {
		d.overlay.Refresh()
	}
}

// fieldsWidth is the room a form dialog gives its fields beside the labels, where the window
// has it: a dialog with long labels ("Titels voor en achter de naam") left its fields 165 px,
// which cut off their placeholders and a typed name.
const fieldsWidth = 420

// labelsWidth is the width of the form's label column: its longest label, in bold.
func (d *formDialog) labelsWidth() float32 {
	var w float32
	for _, it := range d.form.Items {
		w = max(w, fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return w + 4*theme.InnerPadding()
}

// askForm shows a form dialog on win: its OK button stays disabled while a field is invalid,
// Escape cancels (see closeOnEscape) and Enter in a text field submits; onOK runs when it is
// confirmed. Long explanations wrap below their field, and the fields scroll when the window
// is smaller than the form.
func askForm(win fyne.Window, title, confirm string, items []*widget.FormItem, onOK func()) *formDialog {
	d := &formDialog{title: title, win: win, form: widget.NewForm(hintsBelow(widget.Horizontal, items)...), onOK: onOK}
	d.scroll = formScroll(d.form)
	d.confirm = newButtonWithIcon(confirm, theme.ConfirmIcon(), d.Submit)
	d.confirm.Importance = widget.HighImportance
	d.why = widget.NewLabel("")
	d.why.Wrapping = fyne.TextWrapWord
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, d.why, nil, nil, d.scroll), win)
	d.SetButtons([]fyne.CanvasObject{newButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide), d.confirm})
	// OK follows every field, not the field last validated: Fyne's form reports a field valid
	// as soon as another one is (a date left for the empty note), and a field that is
	// emptied again while typing not at all.
	valid := func() {
		why := waitingFor(items)
		if why == "" && d.waits != nil {
			why = d.waits()
		}
		setEnabled(d.confirm, why == "")
		showLine(d.why, why)
		d.fit()
	}
	d.revalidate = valid
	valid()
	d.form.SetOnValidationChanged(func(error) { valid() })
	for _, it := range items { // every change of a field (a choice may change the hint below it) checks the form again
		switch w := it.Widget.(type) {
		case *check:
			w.OnChanged = andThen(w.OnChanged, valid)
		case *widget.RadioGroup:
			w.OnChanged = andThen(w.OnChanged, valid)
		case *choice:
			w.OnChanged = andThen(w.OnChanged, valid)
		}
		if e, ok := it.Widget.(*entry); ok {
			e.OnChanged = andThen(e.OnChanged, valid)
			e.onEscape = d.Hide
			if !e.MultiLine {
				e.OnSubmitted = func(string) { d.Submit() }
			}
		}
	}
	d.Show()
	for _, it := range items { // the cursor starts in the first field, as the keyboard expects
		if f, ok := it.Widget.(fyne.Focusable); ok {
			if e, ok := f.(fyne.Disableable); !ok || !e.Disabled() {
				win.Canvas().Focus(f)
				break
			}
		}
	}
	return d
}

// andThen is the handler f (if any) followed by then.
func andThen[T any](f func(T), then func()) func(T) {
	return func(v T) {
		if f != nil {
			f(v)
		}
		then()
	}
}

// waitingFor is what a form's OK button waits for: the first text field whose check refuses
// what it holds, said as the practitioner reads it ("Vul het veld ‘Notitie’ in."); "" when
// every field holds what its check accepts. A grey button alone does not say why.
func waitingFor(items []*widget.FormItem) string {
	for _, it := range items {
		if c, ok := it.Widget.(*choice); ok && c.required && c.SelectedIndex() < 0 {
			return lang.L("Make a choice for ‘{{.Field}}’.", map[string]any{"Field": strings.TrimSuffix(it.Text, " *")})
		}
		if r, ok := it.Widget.(*widget.RadioGroup); ok && r.Required && r.Selected == "" && !r.Disabled() {
			return lang.L("Make a choice for ‘{{.Field}}’.", map[string]any{"Field": strings.TrimSuffix(it.Text, " *")})
		}
		if c, ok := it.Widget.(*check); ok && c.required && !c.Checked {
			return lang.L("Tick ‘{{.Field}}’.", map[string]any{"Field": c.Text})
		}
		e, ok := it.Widget.(*entry)
		if !ok || e.Validator == nil {
			continue
		}
		if err := e.Validator(e.Text); err != nil {
			field := strings.TrimSuffix(it.Text, " *")
			if strings.TrimSpace(e.Text) == "" {
				return lang.L("Fill in the field ‘{{.Field}}’.", map[string]any{"Field": field})
			}
			return field + ": " + err.Error()
		}
	}
	return ""
}

// dateEntry is a field for the day something happened: it starts at today and refuses the future.
func dateEntry(today func() data.Date) *entry {
	e := newEntry()
	e.SetText(shortDate(today()))
	checkAsTyped(&e.Entry, dateValidator(false, true, today))
	return e
}

// stepDate is the date field of step a of the file: today, checked as typed against the
// store's own limits (data.Complaint.DayFloor), so no tick shows beside a day it refuses.
func (cf *complaintFile) stepDate(a data.Action) *entry {
	e := newEntry() // dateEntry's field, with a check of its own
	e.SetText(shortDate(cf.today()))
	var floor data.Date
	var what data.Text
	if cf.file != nil {
		floor, what = cf.file.DayFloor(a)
	}
	within := dateValidator(false, true, cf.today)
	checkAsTyped(&e.Entry, func(s string) error {
		if err := within(s); err != nil {
			return err
		}
		if d, _ := parseDate(s); d.Before(floor) {
			return fmt.Errorf("%s", lang.L("Choose {{.Floor}} ({{.What}}) or later", map[string]any{"Floor": shortDate(floor), "What": say(what)}))
		}
		return nil
	})
	return e
}

// futureDateEntry is a field for a date still to come.
func futureDateEntry(today func() data.Date, optional bool) *entry {
	e := newEntry()
	e.SetPlaceHolder(lang.L("dd-mm-yyyy"))
	checkAsTyped(&e.Entry, dateValidator(optional, false, today))
	return e
}

func textArea(validate bool) *entry {
	e := newMultiLineEntry()
	e.SetMinRowsVisible(4)
	if validate {
		e.Validator = required
	}
	return e
}

func dateOf(e *entry) data.Date { d, _ := parseDate(e.Text); return d }

// onAcknowledge records a written confirmation of receipt made outside the app; the usual way
// is the acknowledgement letter in the Letters tab, whose sending confirms receipt by itself.
func (cf *complaintFile) onAcknowledge() {
	on, note := cf.stepDate(data.ActionAcknowledge), textArea(true)
	via := newSelect(labels(data.Deliveries, deliveryLabel), nil)
	via.SetSelectedIndex(slices.Index(data.Deliveries, data.DeliveryEmail))
	cf.ask(lang.L("Confirm receipt without the app's letter"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Receipt confirmed in writing on"), on),
		widget.NewFormItem(lang.L("Sent"), via),
		{Text: lang.L("What you wrote"), Widget: note,
			HintText: lang.L("Usually you make the acknowledgement in the Letters tab and mark it sent; this records one written elsewhere.")}},
		func() error {
			return cf.store.Acknowledge(cf.ref, dateOf(on), data.Deliveries[max(0, via.SelectedIndex())], note.Text)
		})
}

// onEscalate starts the formal procedure. A complaint first made by phone is then filed in
// writing, or by phone with the complainant's explicit request and who took the call: the
// procedure's two ways in. The second way names the explicit request; a check box below it
// asked the same again.
func (cf *complaintFile) onEscalate() {
	on, takenBy := cf.stepDate(data.ActionEscalate), newEntry()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Formal procedure requested on"), on)}
	routes := []string{lang.L("In writing (a letter or an e-mail)"), lang.L("By phone, with an explicit request")}
	route := widget.NewRadioGroup(routes, func(s string) {
		setEnabled(takenBy, s == routes[1])
		if cf.dialog != nil {
			cf.dialog.form.Refresh() // the label of a field switched on no longer looks switched off
		}
	})
	route.Required = true // none chosen for the practitioner: each records a fact, and Start waits
	takenBy.Validator = func(s string) error {
		if takenBy.Disabled() {
			return nil
		}
		return required(s)
	}
	phone := cf.file != nil && cf.file.Channel == data.ChannelPhone
	if phone {
		takenBy.Disable()
		items = append(items, &widget.FormItem{Text: lang.L("Filed *"), Widget: route,
			HintText: lang.L("The first conversation was by phone; how did the complainant then ask for the formal procedure?")},
			widget.NewFormItem(lang.L("Taken by *"), takenBy))
	}
	cf.ask(lang.L("Start the formal complaints procedure"), lang.L("Start"), items,
		func() error {
			switch {
			case !phone:
				return cf.store.Escalate(cf.ref, dateOf(on), data.PhoneIntake{})
			case route.Selected == routes[0]:
				return cf.store.Escalate(cf.ref, dateOf(on), data.PhoneIntake{InWriting: true})
			}
			return cf.store.Escalate(cf.ref, dateOf(on), data.PhoneIntake{TakenBy: takenBy.Text, ExplicitRequest: true})
		})
}

func (cf *complaintFile) onExtend() {
	until, reason := futureDateEntry(cf.today, false), textArea(true)
	if cf.file != nil {
		if r, err := cf.file.ExtensionRange(cf.today()); err == nil {
			until.SetText(shortDate(r.Proposed))
			typed := dateValidator(false, false, cf.today)
			// The store's range (data.CheckExtension), so no tick shows beside a date it refuses;
			// in words short enough for the line below the field.
			checkAsTyped(&until.Entry, func(s string) error {
				if err := typed(s); err != nil {
					return err
				}
				switch d, _ := parseDate(s); {
				case !d.After(r.After):
					return errorf(lang.L("Choose a date after {{.After}}", map[string]any{"After": shortDate(r.After)}))
				case r.Wkkgz && d.After(r.Latest):
					return errorf(lang.L("The Wkkgz allows at most four weeks more: choose {{.Latest}} or earlier", map[string]any{"Latest": shortDate(r.Latest)}))
				case !r.Latest.IsZero() && d.After(r.Latest):
					return errorf(lang.L("Choose {{.Latest}} or earlier", map[string]any{"Latest": shortDate(r.Latest)}))
				}
				return nil
			})
		}
	}
	cf.askKeeping(lang.L("Extend the deadline"), lang.L("Extend"), []*widget.FormItem{
		widget.NewFormItem(lang.L("New expected date"), until),
		{Text: lang.L("Reason"), Widget: reason, HintText: lang.L("This text goes into the progress letter, written to the complainant.")},
		widget.NewFormItem("", cf.letterPreview(reason, data.LetterProgress))},
		func() error { return cf.store.Extend(cf.ref, dateOf(until), reason.Text) })
}

// letterPreview shows, below a text typed for a letter, the sentence it makes in the letter,
// in the complaint's language, as the practitioner types.
func (cf *complaintFile) letterPreview(text *entry, kind data.LetterKind) *widget.Label {
	preview := hintLabel("")
	language := "nl"
	if cf.file != nil && cf.file.Language != "" {
		language = cf.file.Language
	}
	text.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			preview.SetText("")
			return
		}
		where := lang.L("In the letter: {{.Sentence}}", map[string]any{"Sentence": letters.TextPreview(kind, s, language)})
		if kind == data.LetterProgress {
			where = lang.L("In the progress letter: {{.Sentence}}", map[string]any{"Sentence": letters.TextPreview(kind, s, language)})
		}
		preview.SetText(where)
	}
	return preview
}

func (cf *complaintFile) onResolve() {
	verdict := newSelect(labels(data.Verdicts, verdictLabel), nil)
	verdict.required = true
	// A party not heard yet is told before the outcome is written, and then why not is asked.
	var notHeard error
	if cf.file != nil {
		notHeard = data.NotHeard(&cf.file.Complaint, data.Heard(cf.file.Contacts))
	}
	outcome, on, noHearing := textArea(true), cf.stepDate(data.ActionResolve), textArea(notHeard != nil)
	noHearing.SetMinRowsVisible(2) // rarely needed: it keeps the dialog short
	answers := []data.Justified{data.JustifiedYes, data.JustifiedNo}
	justified := widget.NewRadioGroup([]string{lang.L("yes, (partly) justified"), lang.L("no")}, nil)
	justified.Horizontal = true
	justified.Disable()
	verdict.OnChanged = func(string) { setEnabled(justified, data.Verdicts[verdict.SelectedIndex()] == data.VerdictSettled) }
	var first []*widget.FormItem
	if notHeard != nil {
		warning := wrapped(explain(notHeard))
		warning.Importance = widget.WarningImportance
		first = append(first, widget.NewFormItem("", warning))
	}
	cf.askKeeping(lang.L("Resolve the complaint"), lang.L("Resolve"), append(first,
		widget.NewFormItem(lang.L("Verdict"), verdict),
		&widget.FormItem{Text: lang.L("Was it justified?"), Widget: justified,
			HintText: lang.L("For a complaint settled in consultation: a justified one counts in the evaluation.")},
		&widget.FormItem{Text: lang.L("Outcome"), Widget: outcome, HintText: lang.L("This text goes into the outcome letter, written to the complainant: what was decided or agreed, and why.")},
		widget.NewFormItem("", cf.letterPreview(outcome, data.LetterOutcome)),
		widget.NewFormItem(lang.L("Resolved on"), on),
		&widget.FormItem{Text: lang.L("Not heard"), Widget: noHearing,
			HintText: lang.L("Only when a party could not be heard: why not (for example no answer to two invitations).")}),
		func() error {
			r := data.Resolution{Verdict: data.Verdicts[verdict.SelectedIndex()], Outcome: outcome.Text, On: dateOf(on),
				NoHearingReason: noHearing.Text}
			if i := slices.Index(justified.Options, justified.Selected); i >= 0 {
				r.Justified = answers[i]
			}
			return cf.store.Resolve(cf.ref, r)
		})
}

func (cf *complaintFile) onClose() {
	text := lang.L("Close this complaint's file? Afterwards it can only be changed by reopening it, with a reason.")
	if unsent := cf.file.UnsentLetters(); len(unsent) > 0 {
		names := make([]string, len(unsent))
		for i, l := range unsent {
			names[i] = fmt.Sprintf("%s (%s %d)", letterLabel(l.Kind), lang.L("version"), l.Version)
		}
		text += "\n\n" + lang.L("Not marked as sent: {{.Letters}}. A closed file takes no changes until it is reopened: mark a letter you did send as sent first (tab Letters).",
			map[string]any{"Letters": strings.Join(names, ", ")})
	}
	dialog.ShowConfirm(lang.L("Close the file"), text,
		func(ok bool) {
			if ok {
				cf.doThen(func() error { return cf.store.CloseComplaint(cf.ref) }, cf.askForCopies)
			}
		}, cf.win)
}

// askForCopies says, once the file is closed or withdrawn, which experts still hold copies of its
// documents: their confidentiality statement promises them back once the advice is given, and
// nothing else says so at that moment (Vandaag lists copies only after a consent ended).
func (cf *complaintFile) askForCopies() {
	if len(cf.file.CopiesOut) == 0 {
		return
	}
	names := make([]string, len(cf.file.CopiesOut))
	for i, o := range cf.file.CopiesOut {
		names[i] = o.Expert
	}
	inform(lang.L("Close the file"), lang.L("Copies of documents of this file are still with {{.Experts}}. Ask for them back or to have them destroyed, as the confidentiality statement promises, and record it on the Experts tab (‘Copies returned or destroyed…’).",
		map[string]any{"Experts": data.JoinAnd(names, lang.L("and"))}), cf.win)
}

// onReopen takes a closed file back to resolved for a correction, with the reason on record.
func (cf *complaintFile) onReopen() {
	reason := textArea(true)
	cf.askKeeping(lang.L("Reopen the file"), lang.L("Reopen"), []*widget.FormItem{
		{Text: lang.L("Reason"), Widget: reason, HintText: lang.L("Why the closed file must change; the reason stays in the file.")}},
		func() error { return cf.store.Reopen(cf.ref, reason.Text) })
}

func (cf *complaintFile) onWithdraw() {
	on, note := cf.stepDate(data.ActionWithdraw), textArea(false)
	cf.askKeeping(lang.L("Complaint withdrawn"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Withdrawn on"), on),
		{Text: lang.L("Note"), Widget: note, HintText: lang.L("Optional: how and why the complainant withdrew.")}},
		func() error {
			if err := cf.store.Withdraw(cf.ref, dateOf(on), note.Text); err != nil {
				return err
			}
			cf.afterStep = cf.askForCopies // the file has ended: the expert's copies are due back
			return nil
		})
}

// onContact records a contact; with request set it asks the complainant for information.
func (cf *complaintFile) onContact(kind data.ContactKind, request bool) {
	kinds := newSelect(labels(data.ContactKinds, contactLabel), nil)
	kinds.SetSelectedIndex(slices.Index(data.ContactKinds, kind))
	on, note := cf.stepDate(data.ActionContact), textArea(!request)
	what, due := newEntry(), futureDateEntry(cf.today, !request)
	party, partyName := newSelect(labels(data.Parties, partyLabel), nil), newEntry()
	// The name is asked only of someone other than the complainant; the person the complaint
	// is about is proposed by the name the complaint gives.
	party.OnChanged = func(string) {
		p := data.Parties[max(0, party.SelectedIndex())]
		if p == data.PartyComplainant {
			partyName.SetText("")
		}
		setEnabled(partyName, p != data.PartyComplainant)
		partyName.SetPlaceHolder("")
		if p == data.PartyConcerned && cf.file != nil {
			partyName.SetPlaceHolder(cf.file.PersonNamed)
		}
	}
	party.SetSelectedIndex(0)
	hearing := newCheck(lang.L("Their view on the complaint was heard"), nil)
	noteItem := widget.NewFormItem(lang.L("What was discussed or written"), note)
	if request { // the letter asking for it is made after
		noteItem = &widget.FormItem{Text: lang.L("Note"), Widget: note,
			HintText: lang.L("Optional: how you asked, when not by letter; or what was said about it.")}
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Date"), on), widget.NewFormItem(lang.L("Kind"), kinds), noteItem}
	title := lang.L("Record contact")
	if !request {
		items = append(items, widget.NewFormItem(lang.L("With"), party),
			&widget.FormItem{Text: lang.L("Name"), Widget: partyName, HintText: lang.L("For someone other than the complainant.")},
			&widget.FormItem{Text: lang.L("Hearing"), Widget: hearing,
				HintText: lang.L("Both sides are heard before a formal complaint is decided.")})
	}
	if request {
		title = lang.L("Request information")
		what.Validator = required
		due.SetText(shortDate(data.NextWorkingDay(cf.today().AddDays(14)))) // two weeks, on a working day
		items = append(items, &widget.FormItem{Text: lang.L("Information requested"), Widget: what,
			HintText: lang.L("Written to the complainant, as a letter would say it: ‘a copy of the invoice of March’.")},
			&widget.FormItem{Text: lang.L("Expected by"), Widget: due,
				HintText: lang.L("Asking by letter? Once this is recorded, the ‘request for information’ letter opens: it asks for this, by this date.")})
	}
	cf.askKeeping(title, lang.L("Record"), items, func() error {
		k := data.ContactKinds[max(0, kinds.SelectedIndex())]
		_, err := cf.store.AddContact(cf.ref, data.Contact{On: dateOf(on), Kind: k,
			Party: data.Parties[max(0, party.SelectedIndex())], PartyName: partyName.Text, Hearing: hearing.Checked,
			Note: note.Text, InfoRequested: what.Text, InfoDueOn: dateOf(due)})
		if err == nil && request && k == data.ContactLetter { // the letter that asks it, where it can be made now
			cf.afterStep = func() {
				if slices.Contains(makeable(cf.file, cf.today()), data.LetterInformation) {
					cf.tabs.Select(cf.tab("letters"))
					cf.letters.onMake(data.LetterInformation)
				}
			}
		}
		return err
	})
}

func (cf *complaintFile) onInformationReceived() {
	on, note := cf.stepDate(data.ActionInformationReceived), textArea(false)
	cf.askKeeping(lang.L("Information received"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Received on"), on),
		{Text: lang.L("Note"), Widget: note, HintText: lang.L("Optional: what came in, and how; or what is still to come.")}},
		func() error { return cf.store.InformationReceived(cf.ref, dateOf(on), note.Text) })
}

// itemLetter is the letter an action item asks for, where the item is done by a letter.
var itemLetter = map[data.ItemKind]data.LetterKind{data.ItemAcknowledge: data.LetterAcknowledgement,
	data.ItemProgressLetter: data.LetterProgress, data.ItemOutcomeLetter: data.LetterOutcome,
	data.ItemWithdrawalLetter: data.LetterWithdrawal}

// openAt opens the dialog for the step an action item asks for, where that step is allowed.
func (cf *complaintFile) openAt(kind data.ItemKind) {
	step := func(a data.Action, open func()) {
		if b := cf.buttons[a]; b != nil && !b.Disabled() {
			open()
		}
	}
	if k, ok := itemLetter[kind]; ok { // receipt, the outcome, a withdrawal are confirmed by their letter
		cf.letterStep(k)
		return
	}
	switch kind {
	case data.ItemResolve:
		step(data.ActionResolve, cf.onResolve)
	case data.ItemProgressUpdate:
		cf.onContact(data.ContactLetter, false)
	case data.ItemChaseInformation:
		cf.onInformationReceived()
	case data.ItemMeasure:
		cf.tabs.Select(cf.tab("measures"))
		cf.measures.onNew()
	case data.ItemSettleInformal:
		cf.onContact(data.ContactPhone, false)
	case data.ItemReturnCopies:
		cf.tabs.Select(cf.tab("experts"))
		cf.onCopiesReturned()
	case data.ItemEraseAgain: // where the erasure is done again
		cf.tabs.Select(cf.tab("privacy"))
	}
}
