//go:build !js && !wasm && !android && !ios && !mobile

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.4/glfw"
)

func init() { workArea = glfwWorkArea }

// glfwWorkArea asks GLFW for the work area of the primary screen. Only a window of Fyne's
// desktop driver (a native window) means GLFW is running; the test driver's windows are not.
// It runs on the main goroutine, as GLFW requires.
func glfwWorkArea(win fyne.Window) (fyne.Size, bool) {
	if _, ok := win.(driver.NativeWindow); !ok {
		return fyne.Size{}, false
	}
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	return fyne.NewSize(float32(w), float32(h)), true
}
