package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// deliver hands a result to the UI goroutine. Tests replace it to deliver on their own
// goroutine, since the test driver would otherwise run it on the background goroutine.
var deliver = fyne.Do

// worker runs queries off the UI goroutine, so a large register never freezes the window,
// and hands each result to the widgets through fyne.Do.
type worker struct{ wg sync.WaitGroup }

// run calls fetch in the background, then show (or fail) on the UI goroutine.
func run[T any](w *worker, fetch func() (T, error), show func(T), fail func(error)) {
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
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
