package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// demoAmber is the band's background: light enough for dark text, and still readable with the
// light text of the dark theme.
var demoAmber = color.NRGBA{R: 0xff, G: 0xa0, B: 0x00, A: 0x70}

// isDemoRegister reports whether the main window shows a demo register.
func (m *Main) isDemoRegister() bool { return isDemo(m.store.Path()) }

// title is a window's title, saying so on a demo register, so a demo is never taken for the
// practice's own register, also in the taskbar.
func (m *Main) title(name string) string {
	if m.isDemoRegister() {
		return lang.L("{{.Title}} (demo register)", map[string]any{"Title": name})
	}
	return name
}

// framed puts the demo band above a window's content on a demo register.
func (m *Main) framed(content fyne.CanvasObject) fyne.CanvasObject {
	if !m.isDemoRegister() {
		return content
	}
	return container.NewBorder(m.demoBand(), nil, nil, nil, content)
}

// demoBand says that this register is a demo that disappears, with the way back to the
// practice's own register.
func (m *Main) demoBand() fyne.CanvasObject {
	text := widget.NewLabelWithStyle(lang.L("Demo register: removed when the program closes"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	back := newButton(lang.L("To my own register"), func() { m.ownRegister() })
	return container.NewStack(canvas.NewRectangle(demoAmber), container.NewBorder(nil, nil, nil, back, text))
}
