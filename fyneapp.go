// Package klachtenregister carries FyneApp.toml, the app's name, id and version that
// `fyne package` reads, into the program itself, so that a plain `go build` or `go run` of
// cmd/klachtenregister knows the same version (Help › Over Klachtenregister shows it), and
// the CLI says it (`klachtenregister-cli --version`).
package klachtenregister

import (
	_ "embed"

	"github.com/BurntSushi/toml"
)

// FyneApp is the text of FyneApp.toml.
//
//go:embed FyneApp.toml
var FyneApp []byte

// App is what a FyneApp.toml says about the program: its [Details] and [Migrations].
type App struct {
	Details struct {
		ID, Name, Version string
		Build             int
	}
	Migrations map[string]bool
}

// ParseApp reads the text of a FyneApp.toml.
func ParseApp(text []byte) (App, error) {
	var a App
	_, err := toml.Decode(string(text), &a)
	return a, err
}
