// Command klachtenregister-cli works on a Klachtenregister database without a window, for
// scripts and scheduled tasks. Every command takes --db PATH; see README.md for the commands,
// their JSON fields and exit codes.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(env{stdout: os.Stdout, stderr: os.Stderr, now: time.Now}, os.Args[1:]))
}
