package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// measuresStore is what the measures screen and the measure dialogs need from the store.
type measuresStore interface {
	Measures(f data.MeasureFilter) ([]data.Measure, error)
	AddMeasure(m data.Measure, refs ...string) (data.Measure, error)
	EditMeasure(m data.Measure) error
	LinkMeasure(code, ref string) error
	Overview() (data.OverviewCounts, []data.ActionItem, error)
	MeasureDone(code string, on data.Date) error
	EvaluateMeasure(code string, on data.Date, effective bool, note string) error
	RootCauses() ([]data.RootCause, error)
	Settings() (data.Settings, error)
}

// measuresScreen lists the improvement measures, open or done, with their linked complaints one
// click away, and carries them through: record, carry out, evaluate the effect.
type measuresScreen struct {
	store    measuresStore
	win      fyne.Window
	today    func() data.Date
	open     func(ref string) // opens a linked complaint
	changed  func()
	filter   *choice
	list     *list
	detail   *widget.Label
	links    *fyne.Container
	buttons  map[string]*button
	measures []data.Measure
	selected string // code of the selected measure
	bg       worker
}

func newMeasuresScreen(store measuresStore, win fyne.Window, today func() data.Date, open func(string), changed func()) *measuresScreen {
	ms := &measuresScreen{store: store, win: win, today: today, open: open, changed: changed,
		detail: widget.NewLabel(""), links: newFlow()}
	ms.detail.Wrapping = fyne.TextWrapWord
	// The first shows what Vandaag asks about: a measure carried out whose effect is still to
	// be evaluated stays in it (it was hidden while Vandaag listed it).
	ms.filter = newSelect([]string{lang.L("Still to do"), lang.L("Carried out"), lang.L("All measures")},
		func(string) { ms.refresh() })
	ms.filter.SetSelectedIndex(0)
	ms.list = textList(func() int { return len(ms.measures) }, func(i int) string {
		m := ms.measures[i]
		due := ""
		if !m.DueOn.IsZero() {
			due = " · " + lang.L("due {{.On}}", map[string]any{"On": shortDate(m.DueOn)})
		}
		return fmt.Sprintf("%s · %s · %s%s · %s", m.Code, measureStateLabel(m.State(ms.today())), causeLabel(m.RootCause, m.RootCauseLabel), due, m.Description)
	})
	ms.list.OnSelected = func(id widget.ListItemID) { ms.selected = ms.measures[id].Code; ms.showDetail() }
	ms.buttons = map[string]*button{
		"new":      newButton(lang.L("New measure…"), func() { ms.edit(nil) }),
		"edit":     newButton(lang.L("Change…"), func() { ms.edit(ms.current()) }),
		"done":     newButton(lang.L("Record completion…"), ms.onDone),
		"evaluate": newButton(lang.L("Evaluate the effect…"), ms.onEvaluate),
		"link":     newButton(lang.L("Link to a complaint…"), ms.onLink),
	}
	ms.buttons["new"].Importance = widget.HighImportance
	return ms
}

func measureStateLabel(st data.MeasureState) string { return tr("measure."+string(st), st.Label()) }

// causeLabel is a root cause in the screens' language, as the annual report names it; a
// practice's own cause keeps the name the practice gave it.
func causeLabel(code, label string) string {
	return letters.ReportLabel(uiLanguage(), "cause", data.Count{Key: code, Label: label})
}

func (ms *measuresScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Improvement measures"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("Every (partly) well-founded complaint feeds a measure against recurrence, or a recorded reason why none is needed."))
	hint.Wrapping = fyne.TextWrapWord
	filter := container.NewGridWrap(fyne.NewSize(220, ms.filter.MinSize().Height), ms.filter)
	bar := newFlow(ms.buttons["new"], ms.buttons["edit"], ms.buttons["done"], ms.buttons["evaluate"], ms.buttons["link"], filter)
	detail := container.NewVBox(widget.NewSeparator(), ms.detail, ms.links)
	ms.showDetail()
	// The buttons stay below the header, which scrolls where the window is low, so they are
	// never hidden in it.
	return headerOver(container.NewVBox(title, hint), container.New(layout.NewBorderLayout(bar, detail, nil, nil), bar, ms.list, detail))
}

// refresh reloads the measures for the chosen filter.
func (ms *measuresScreen) refresh() {
	f := [3]data.MeasureFilter{{ToDo: true}, {Done: true}, {}}[max(0, ms.filter.SelectedIndex())]
	latest(&ms.bg, func() ([]data.Measure, error) { return ms.store.Measures(f) }, func(list []data.Measure) {
		ms.measures = list
		ms.list.Refresh()
		ms.showDetail()
	}, func(err error) { showError(err, ms.win) })
}

// show selects the measure with the given code, showing all measures if the filter hides it.
func (ms *measuresScreen) show(code string) {
	ms.selected = code
	ms.filter.SetSelectedIndex(2)
	ms.refresh()
}

func (ms *measuresScreen) current() *data.Measure {
	for i := range ms.measures {
		if ms.measures[i].Code == ms.selected {
			return &ms.measures[i]
		}
	}
	return nil
}

// showDetail shows the selected measure in full, with buttons to its complaints.
func (ms *measuresScreen) showDetail() {
	m := ms.current()
	for k, b := range ms.buttons {
		setEnabled(b, k == "new" || m != nil && (k == "edit" || (k == "done" || k == "link") && m.Open() || k == "evaluate" && !m.Open()))
	}
	if m == nil {
		ms.links.RemoveAll()
		ms.list.UnselectAll()
		ms.detail.SetText(ms.noneSelected())
		return
	}
	if i := slices.IndexFunc(ms.measures, func(x data.Measure) bool { return x.Code == m.Code }); i >= 0 {
		ms.list.Select(i) // shows m already when it was not selected (OnSelected): its links go first
	}
	ms.links.RemoveAll()
	lines := []string{m.Code + ": " + m.Description,
		lang.L("Root cause: {{.Cause}} · owner: {{.Owner}} · recorded {{.On}}",
			map[string]any{"Cause": causeLabel(m.RootCause, m.RootCauseLabel), "Owner": m.Owner, "On": shortDate(m.CreatedOn)})}
	if !m.DoneOn.IsZero() {
		lines = append(lines, lang.L("Carried out on {{.On}}", map[string]any{"On": shortDate(m.DoneOn)}))
	}
	if !m.EvaluatedOn.IsZero() {
		lines = append(lines, lang.L("Evaluated on {{.On}}: {{.Effect}}. {{.Note}}", map[string]any{"On": shortDate(m.EvaluatedOn),
			"Effect": tr("effect."+string(m.Effect), m.Effect.Label()), "Note": m.Evaluation}))
	}
	ms.detail.SetText(strings.Join(lines, "\n"))
	ms.links.Add(widget.NewLabel(lang.L("Complaints:")))
	if len(m.Complaints) == 0 {
		ms.links.Add(widget.NewLabel(lang.L("none: a measure for the whole practice")))
	}
	for _, ref := range m.Complaints {
		ms.links.Add(newButton(ref, func() { ms.open(ref) }))
	}
}

// noneSelected is the text below the list while no measure is selected: what to do, or for
// an empty list why it is empty, so that a blank screen does not look broken.
func (ms *measuresScreen) noneSelected() string {
	if len(ms.measures) > 0 {
		return lang.L("Select a measure to see it in full.")
	}
	switch ms.filter.SelectedIndex() {
	case 0:
		return lang.L("No measure is waiting to be carried out.")
	case 1:
		return lang.L("No measure has been carried out yet.")
	}
	return lang.L("No measures yet. Record one with ‘New measure…’, or from the file of a (partly) well-founded complaint.")
}

// edit asks for a new measure (m nil) or for changes to m.
func (ms *measuresScreen) edit(m *data.Measure) {
	editMeasure(ms.win, ms.store, ms.today, m, "", func(code string) {
		ms.selected = code
		ms.changed()
	})
}

// editMeasure asks on win for a new measure (m nil), linked to the complaint ref when given, or
// for changes to m; saved is told the measure's code. The complaint file and the measures
// screen share it.
func editMeasure(win fyne.Window, store measuresStore, today func() data.Date, m *data.Measure, ref string, saved func(code string)) *formDialog {
	causes, err := store.RootCauses()
	if err != nil {
		showError(err, win)
		return nil
	}
	if m == nil {
		m = &data.Measure{}
	}
	description, owner, due, newCause := newMultiLineEntry(), newEntry(), futureDateEntry(today, true), newEntry()
	description.Validator = required
	description.SetText(m.Description)
	owner.SetText(m.Owner)
	due.SetText(shortDate(m.DueOn))
	cause := newSelect(labels(causes, func(c data.RootCause) string { return causeLabel(c.Code, c.Label) }), nil)
	cause.SetSelectedIndex(slices.IndexFunc(causes, func(c data.RootCause) bool { return c.Code == m.RootCause }))
	newCause.SetPlaceHolder(lang.L("or type a new category"))
	// Only care falls under the Wkkgz, whose outcome letter quotes the measure to the complainant.
	hint := lang.L("The annual report lists this: describe what will change, without names.")
	if set, err := store.Settings(); err == nil && set.Profession() == data.ProfessionCare {
		hint = lang.L("The annual report lists this, and under the Wkkgz the outcome letter quotes it to the complainant: write it as you would to them, without names.")
	}
	items := []*widget.FormItem{
		{Text: lang.L("What will be done"), Widget: description, HintText: hint},
		widget.NewFormItem(lang.L("Root cause"), cause),
		widget.NewFormItem("", newCause), {Text: lang.L("Carried out by"), Widget: owner, HintText: lang.L("Empty: the practitioner.")},
		widget.NewFormItem(lang.L("Due by"), due)}
	title := lang.L("New improvement measure")
	if m.Code != "" {
		title = lang.L("Change measure {{.Code}}", map[string]any{"Code": m.Code})
	}
	var d *formDialog
	d = askForm(win, title, lang.L("Save"), items, func() {
		edited := *m
		edited.Description, edited.Owner, edited.DueOn, edited.NewCause = description.Text, owner.Text, dateOf(due), newCause.Text
		if i := cause.SelectedIndex(); i >= 0 {
			edited.RootCause = causes[i].Code
		}
		if m.Code != "" {
			err = store.EditMeasure(edited)
		} else {
			var refs []string
			if ref != "" {
				refs = append(refs, ref)
			}
			edited, err = store.AddMeasure(edited, refs...)
		}
		if err != nil { // the dialog stays, with what was typed, to correct it
			d.Show()
			showError(err, win)
			return
		}
		saved(edited.Code)
	})
	return d
}

func (ms *measuresScreen) onDone() {
	m := ms.current()
	if m == nil {
		return
	}
	on := dateEntry(ms.today)
	ms.ask(lang.L("Measure {{.Code}} carried out", map[string]any{"Code": m.Code}), lang.L("Record"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Carried out on"), on)},
		func() error { return ms.store.MeasureDone(m.Code, dateOf(on)) })
}

func (ms *measuresScreen) onEvaluate() {
	m := ms.current()
	if m == nil {
		return
	}
	on, note := dateEntry(ms.today), textArea(true)
	effective := widget.NewRadioGroup([]string{lang.L("Effective"), lang.L("Not effective")}, nil)
	effective.Required = true // the practitioner's own judgement: nothing is chosen for them
	ms.ask(lang.L("Evaluate measure {{.Code}}", map[string]any{"Code": m.Code}), lang.L("Record"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Effect"), effective),
			{Text: lang.L("Finding"), Widget: note, HintText: lang.L("Has the problem come back since? What did you see?")},
			widget.NewFormItem(lang.L("Evaluated on"), on)},
		func() error {
			return ms.store.EvaluateMeasure(m.Code, dateOf(on), effective.Selected == lang.L("Effective"), note.Text)
		})
}

// ask is askForm for a change the store may refuse (a date before the measure's first
// complaint came in, a finding that names someone): refused, the dialog stays with what was typed, beside the
// refusal, as the measure's own dialog does (editMeasure); it closed and lost the text.
func (ms *measuresScreen) ask(title, confirm string, items []*widget.FormItem, change func() error) {
	var d *formDialog
	d = askForm(ms.win, title, confirm, items, func() {
		if err := change(); err != nil {
			d.Show()
			showError(err, ms.win)
			return
		}
		ms.changed()
	})
}

// onLink links the selected measure, while it is being carried out, to a complaint that waits
// for one (Vandaag's "Verbetermaatregel vastleggen"): a measure made here could be linked only
// from the complaint's own file, which nothing pointed to.
func (ms *measuresScreen) onLink() {
	m := ms.current()
	if m == nil {
		return
	}
	_, items, err := ms.store.Overview()
	if err != nil {
		showError(err, ms.win)
		return
	}
	var waiting []data.ActionItem
	for _, it := range items {
		if it.Kind == data.ItemMeasure {
			waiting = append(waiting, it)
		}
	}
	if len(waiting) == 0 {
		inform(lang.L("Link to a complaint"), lang.L("No complaint is waiting for a measure. To link this measure to another complaint, open that complaint's file and use ‘Link an existing measure…’ in its Measures tab."), ms.win)
		return
	}
	which := newSelect(labels(waiting, func(it data.ActionItem) string { return it.Reference + " · " + itemComplainant(it) }), nil)
	which.required = true // none chosen for the practitioner
	askForm(ms.win, lang.L("Link measure {{.Code}} to a complaint", map[string]any{"Code": m.Code}), lang.L("Link"),
		[]*widget.FormItem{{Text: lang.L("Complaint"), Widget: which, HintText: lang.L("The complaints that wait for a measure against recurrence.")}},
		func() {
			ms.do(func() error { return ms.store.LinkMeasure(m.Code, waiting[max(0, which.SelectedIndex())].Reference) })
		})
}

// do runs a change; the app refreshes after it, or explains why it was refused.
func (ms *measuresScreen) do(change func() error) {
	if err := change(); err != nil {
		showError(err, ms.win)
		return
	}
	ms.changed()
}
