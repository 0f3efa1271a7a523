// Command klachtenregister-cli works on a Klachtenregister database without a window, for
// scripts and scheduled tasks. Every command takes --db PATH; see README.md for the commands,
// their JSON fields and exit codes.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"klachtenregister/data"
)

func main() {
	removeOutputsOnSignal()
	os.Exit(run(env{stdout: os.Stdout, stderr: os.Stderr, now: time.Now}, os.Args[1:]))
}

// removeOutputsOnSignal makes Ctrl+C or a stopped scheduled task remove the temporary file of
// an output being written and the snapshot of a backup being made, which hold personal data,
// before the program exits. A change to the register in progress needs nothing: it commits
// entirely or not at all.
func removeOutputsOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		data.RemovePartialOutputs()
		fmt.Fprintf(os.Stderr, "klachtenregister-cli: afgebroken (%s); wat nog niet was opgeslagen is niet bewaard\n", signalName(sig))
		os.Exit(exitProblem)
	}()
}
