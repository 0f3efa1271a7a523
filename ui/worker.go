package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// deliver hands a result to the UI goroutine. Tests replace it to deliver on their own
// goroutine, since the test driver would otherwise run it on the background goroutine.
var deliver = fyne.Do

// worker runs queries off the UI goroutine, so a large register never freezes the window,
// and hands each result to the widgets through fyne.Do.
type worker struct {
	wg  sync.WaitGroup
	gen int // bumped by latest, so an answer to an older question is dropped
}

// shown is closed once the main window is on screen. Until then background reads wait, so
// that on a large register they do not take the two cores from drawing the first window. Run
// opens it anew at start; elsewhere (tests, a demo register opened later) it stays closed.
var shown = closed()

func closed() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}

// run calls fetch in the background, then show (or fail) on the UI goroutine.
func run[T any](w *worker, fetch func() (T, error), show func(T), fail func(error)) {
	w.wg.Add(1)
	gate := shown
	go func() {
		defer w.wg.Done()
		<-gate
		v, err := fetch()
		deliver(func() {
			if err != nil {
				fail(err)
				return
			}
			show(v)
		})
	}()
}

// latest is run for a screen that shows one answer at a time: when the practitioner asks again
// (another year, another filter) before the first answer arrives, only the newest is shown.
func latest[T any](w *worker, fetch func() (T, error), show func(T), fail func(error)) {
	w.gen++
	gen := w.gen
	run(w, fetch, func(v T) {
		if gen == w.gen {
			show(v)
		}
	}, fail)
}

// busy shows, over win, that a change is running in the background and cannot be interrupted
// (erasing or anonymising rewrites the whole register); the caller hides it when run delivers.
func busy(win fyne.Window, title, doing string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(doing), widget.NewProgressBarInfinite()), win)
	keepOnEscape(d, win)
	return d
}
