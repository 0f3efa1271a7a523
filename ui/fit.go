package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// workArea is the size, in device pixels, of the screen area windows may take (the screen
// less taskbar or dock) where win is shown, when the window system says so. Fyne has no API
// for it; screen_desktop.go asks GLFW, the library Fyne's desktop driver is built on.
var workArea = func(win fyne.Window) (fyne.Size, bool) { return fyne.Size{}, false }

// Room in device pixels for the window frame and title bar, which the work area includes.
const frameWidth, frameHeight = 16, 48

// fitSize is want, made smaller where the work area (in device pixels) is smaller at the
// canvas scale, so that the whole window, frame and title bar included, is on the screen.
func fitSize(want, area fyne.Size, scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(min(want.Width, (area.Width-frameWidth)/scale), min(want.Height, (area.Height-frameHeight)/scale))
}

// showFitted shows win at size want, or smaller where the screen is smaller. The scale
// (FYNE_SCALE and the screen's own) is known only once the window exists, so it is sized
// again right after it is created, before anything is drawn. The content's minimum size
// must fit too: screens keep theirs small with scroll containers.
func showFitted(win fyne.Window, want fyne.Size) {
	win.Resize(want)
	win.Show()
	if area, ok := workArea(win); ok {
		if fit := fitSize(want, area, win.Canvas().Scale()); fit != want {
			win.Resize(fit)
			win.CenterOnScreen()
		}
	}
}

// topThen lays top above content, as container.NewBorder does, but with top first in the Tab
// order: NewBorder puts the centre first, so Tab would reach a list before the search field
// and buttons above it.
func topThen(top, content fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, content)
}

// formScroll puts a form in a vertical scroll container that the mouse wheel scrolls also
// while the pointer is over one of its fields: Fyne gives the wheel to the field under the
// pointer, whose own scroller keeps it.
func formScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(nil)
	w := &wheel{target: s}
	w.ExtendBaseWidget(w)
	s.Content = container.NewStack(content, w)
	return s
}

// wheel lies over a form, invisible, and passes the wheel on to the form's scroll container.
// It takes no taps, keys or hovering, so those still reach the fields below it.
type wheel struct {
	widget.BaseWidget
	target *container.Scroll
}

func (w *wheel) Scrolled(ev *fyne.ScrollEvent) { w.target.Scrolled(ev) }

func (w *wheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// wrapped is a label whose text wraps at the width it is given, so a long sentence never
// makes a screen wider than the window.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// hintsBelow puts each form item's explanation below its field, where it wraps: Fyne draws a
// hint on one line, as wide as its text. Where the labels stand beside their fields it takes a
// row of its own, so that the form still holds the field itself and shows its validation
// message; where they stand above their fields (widget.Vertical) such a row would open the gap
// of an empty label between the field and its hint, so there it goes in the field's own row.
func hintsBelow(o widget.Orientation, items []*widget.FormItem) []*widget.FormItem {
	out := make([]*widget.FormItem, 0, len(items))
	for _, it := range items {
		out = append(out, it)
		text := it.HintText
		it.HintText = ""
		if text == "" {
			// A checked field beside its label keeps the line below it for the check's
			// message, empty until there is one: Fyne adds that line when a message appears,
			// so the fields below jumped while a date was typed, and a click aimed at one
			// landed on the field above it. (A field with a hint has that row below it.)
			if e, ok := it.Widget.(*entry); ok && e.Validator != nil && o == widget.Horizontal {
				it.HintText = " "
			}
			continue
		}
		hint := hintLabel(text)
		if o == widget.Vertical {
			it.Widget = container.NewVBox(it.Widget, hint)
		} else {
			out = append(out, widget.NewFormItem("", hint))
		}
	}
	return out
}

// checkText is a check box with a label that wraps and that toggles it when clicked: a
// check box's own text stays on one line.
func checkText(c *check, text string) fyne.CanvasObject {
	l := &tapLabel{onTap: func() {
		if !c.Disabled() {
			c.SetChecked(!c.Checked)
		}
	}}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return container.NewBorder(nil, nil, container.NewVBox(c), nil, l) // the box beside the first line
}

// tapLabel is a label that does something when clicked.
type tapLabel struct {
	widget.Label
	onTap func()
}

func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTap() }

// heading is a bold label that wraps.
func heading(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Bold = true
	return l
}

// hintLabel is an explanation beside the fields, in italics, that wraps: a field's hint, or
// the sentence a text typed for a letter makes in it.
func hintLabel(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Italic = true
	return l
}

// flow lays objects out in a row at their minimum sizes, wrapping onto further rows where the
// width runs out: a toolbar that fits a narrow window. Unlike Fyne's row wrap layout its
// minimum width stays that of the widest object, however wide it was laid out before.
type flow struct{ width float32 } // the width last laid out for

func newFlow(objs ...fyne.CanvasObject) *fyne.Container { return container.New(&flow{}, objs...) }

// place positions the objects for width and returns the height they take.
func (f *flow) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	var x, y, rowH float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y, rowH = 0, y+rowH+theme.Padding(), 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(s)
		}
		x, rowH = x+s.Width+theme.Padding(), max(rowH, s.Height)
	}
	return y + rowH
}

func (f *flow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

func (f *flow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := f.width
	if width == 0 { // not laid out yet: on one row, as a window of the size asked for shows it
		width = float32(math.MaxFloat32)
	}
	return fyne.NewSize(w, f.place(objs, max(w, width), false))
}

// showLine sets the text of a line that is mostly empty, such as what still keeps Save
// disabled, and hides it while empty: an empty label still takes a line, which a low window
// needs for the form.
func showLine(l *widget.Label, text string) {
	l.Text, l.Hidden = text, text == ""
	l.Refresh()
}
