package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// registerReader is what the overview needs from the store.
type registerReader interface {
	List(f data.Filter) ([]data.Listed, error)
}

// overview is the "today" screen: counts at a glance and the action items, overdue first.
type overview struct {
	store  registerReader
	open   func(ref string, kind data.ItemKind) // opens a complaint at the item's action
	counts *widget.Label
	list   *widget.List
	items  []data.ActionItem
	sum    data.Summary
	bg     worker
	// onSummary tells the navigation how many items are overdue, for its badge.
	onSummary func(data.Summary)
	fail      func(error)
}

func newOverview(store registerReader, open func(string, data.ItemKind), fail func(error)) *overview {
	o := &overview{store: store, open: open, fail: fail, counts: widget.NewLabel("")}
	o.counts.Wrapping = fyne.TextWrapWord
	o.list = widget.NewList(func() int { return len(o.items) }, o.newRow, o.updateRow)
	o.list.OnSelected = func(id widget.ListItemID) {
		o.list.UnselectAll()
		if id < len(o.items) {
			o.open(o.items[id].Reference, o.items[id].Kind)
		}
	}
	return o
}

// content lays the screen out.
func (o *overview) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Today"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	empty := widget.NewLabel(lang.L("Select an item to open the complaint at that step."))
	return container.NewBorder(container.NewVBox(title, o.counts, widget.NewSeparator(), empty), nil, nil, nil, o.list)
}

// refresh reloads the figures and the items in the background.
func (o *overview) refresh() {
	run(&o.bg, func() ([]data.Listed, error) { return o.store.List(data.Filter{Open: true}) }, func(listed []data.Listed) {
		o.sum = data.Summarise(listed)
		o.items = o.items[:0]
		for _, l := range listed {
			o.items = append(o.items, l.Items...)
		}
		data.SortItems(o.items)
		o.counts.SetText(lang.L("Open: {{.Open}} · overdue: {{.Overdue}} · due soon: {{.DueSoon}} · awaiting acknowledgement: {{.Ack}} · awaiting a progress update: {{.Progress}}",
			map[string]any{"Open": o.sum.Open, "Overdue": o.sum.Overdue, "DueSoon": o.sum.DueSoon,
				"Ack": o.sum.AwaitingAcknowledgement, "Progress": o.sum.AwaitingProgress}))
		o.list.Refresh()
		if o.onSummary != nil {
			o.onSummary(o.sum)
		}
	}, o.fail)
}

func (o *overview) newRow() fyne.CanvasObject {
	mark := canvas.NewRectangle(color.Transparent)
	mark.SetMinSize(fyne.NewSize(6, 10))
	what := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := widget.NewLabel("")
	return container.NewBorder(nil, nil, mark, nil, container.NewHBox(what, who))
}

func (o *overview) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(o.items) {
		return
	}
	it := o.items[id]
	row := obj.(*fyne.Container)
	mark := row.Objects[1].(*canvas.Rectangle)
	texts := row.Objects[0].(*fyne.Container)
	mark.FillColor = warningColour(it.Warning)
	mark.Refresh()
	texts.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s - %s", itemLabel(it.Kind), when(it)))
	texts.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", it.Reference, it.Complainant, shortDate(it.DueOn)))
}

// warningColour is red for overdue, amber for due soon and nothing when on time.
func warningColour(w data.Warning) color.Color {
	switch w {
	case data.WarningOverdue:
		return theme.Color(theme.ColorNameError)
	case data.WarningDueSoon:
		return theme.Color(theme.ColorNameWarning)
	}
	return color.Transparent
}
