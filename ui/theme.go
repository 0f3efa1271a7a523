package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's own theme, light or dark as the operating system asks (Fyne reads the
// system setting, or FYNE_THEME where set), with the colours of text that carries meaning
// made readable on either background: Fyne's red, amber and green are too light on white
// (amber 2.2:1, green 1.5:1), and its disabled and subdued text nearly vanishes in both
// variants, while the steps menu and the intake form say something in it.
type appTheme struct{ fyne.Theme }

// readable holds, per variant, the colours that replace Fyne's: meaning colours of at least
// 4.5:1 against the background, subdued text of about 4:1, still clearly fainter than
// ordinary text.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameError:    color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
		theme.ColorNameWarning:  color.NRGBA{R: 0xb4, G: 0x53, B: 0x09, A: 0xff},
		theme.ColorNameSuccess:  color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
		theme.ColorNameDisabled: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled: color.NRGBA{R: 0x7a, G: 0x7a, B: 0x7c, A: 0xff},
	},
}

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// useTheme gives the app its theme. The variant stays the operating system's choice.
func useTheme(a fyne.App) { a.Settings().SetTheme(appTheme{theme.DefaultTheme()}) }
