package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// measuresTab shows the measures a complaint feeds, or why none is needed, and records them:
// the procedure promises that well-founded complaints lead to measures against recurrence.
// fileMeasuresStore is what a complaint's measures tab needs from the store.
type fileMeasuresStore interface {
	measuresStore
	RecordNoMeasure(ref, reason string) error
}

type measuresTab struct {
	cf     *complaintFile
	store  fileMeasuresStore
	reason *widget.Label
	list   *list
	steps  []*button     // new, link, no measure needed: changes to the file
	why    *widget.Label // why the file refuses them now (refusalLine)
}

func newMeasuresTab(cf *complaintFile, store fileMeasuresStore) *measuresTab {
	mt := &measuresTab{cf: cf, store: store, reason: widget.NewLabel(""), why: refusalLine()}
	mt.reason.Wrapping = fyne.TextWrapWord
	mt.list = textList(func() int { return mt.count() }, func(i int) string {
		m := cf.file.Measures[i]
		return fmt.Sprintf("%s · %s · %s", m.Code, measureStateLabel(m.State(cf.today())), m.Description)
	})
	mt.list.OnSelected = func(id widget.ListItemID) {
		mt.list.UnselectAll()
		if cf.showMeasure != nil {
			cf.showMeasure(cf.file.Measures[id].Code)
		}
	}
	return mt
}

func (mt *measuresTab) count() int {
	if mt.cf.file == nil {
		return 0
	}
	return len(mt.cf.file.Measures)
}

func (mt *measuresTab) content() fyne.CanvasObject {
	mt.steps = []*button{newButton(lang.L("New measure…"), mt.onNew),
		newButton(lang.L("Link an existing measure…"), mt.onLink),
		newButton(lang.L("No measure needed…"), mt.onNoMeasure)}
	bar := newFlow(mt.steps[0], mt.steps[1], mt.steps[2])
	hint := widget.NewLabel(lang.L("A complaint found (partly) well-founded is closed only with a measure against recurrence, or a recorded reason why none is needed. Select a measure to open it."))
	hint.Wrapping = fyne.TextWrapWord
	return mt.cf.tabTop(topOver(container.NewVBox(bar, mt.why, hint, mt.reason), mt.list))
}

// show refreshes the tab after the file was loaded.
func (mt *measuresTab) show() {
	mt.reason.SetText("")
	if r := mt.cf.file.NoMeasureReason; r != "" {
		mt.reason.SetText(lang.L("No measure needed: {{.Reason}}", map[string]any{"Reason": r}))
	}
	mt.list.Refresh()
	mt.cf.offer(data.ActionEdit, mt.why, mt.steps...)
}

// onNew records a new measure linked to this complaint.
func (mt *measuresTab) onNew() {
	cf := mt.cf
	d := editMeasure(cf.win, mt.store, cf.today, nil, cf.ref, func(string) { cf.changed(); cf.load(nil) })
	cf.dialog = d
}

// onLink links one of the measures still being carried out, for a complaint with the same cause.
func (mt *measuresTab) onLink() {
	cf := mt.cf
	open, err := mt.store.Measures(data.MeasureFilter{Open: true})
	if err != nil {
		showError(err, cf.win)
		return
	}
	if len(open) == 0 {
		showError(data.NewError(data.CodeConflict, "", lang.L("there is no measure being carried out to link; record a new one")), cf.win)
		return
	}
	which := newSelect(labels(open, func(m data.Measure) string { return m.Code + " · " + m.Description }), nil)
	which.required = true // none chosen for the practitioner: one click linked the first, unrelated measure
	cf.ask(lang.L("Link an existing measure"), lang.L("Link"), []*widget.FormItem{widget.NewFormItem(lang.L("Measure"), which)},
		func() error { return mt.store.LinkMeasure(open[max(0, which.SelectedIndex())].Code, cf.ref) })
}

// onNoMeasure records why this complaint needs no measure.
func (mt *measuresTab) onNoMeasure() {
	cf := mt.cf
	reason := textArea(true)
	cf.ask(lang.L("No measure needed"), lang.L("Record"), []*widget.FormItem{
		{Text: lang.L("Reason"), Widget: reason, HintText: lang.L("For example: a one-off mistake, already put right.")}},
		func() error { return mt.store.RecordNoMeasure(cf.ref, reason.Text) })
}
