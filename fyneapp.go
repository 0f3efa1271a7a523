// Package klachtenregister carries FyneApp.toml, the app's name, id and version that
// `fyne package` reads, into the program itself, so that a plain `go build` or `go run` of
// cmd/klachtenregister knows the same version (Help › Over Klachtenregister shows it).
package klachtenregister

import _ "embed"

// FyneApp is the text of FyneApp.toml.
//
//go:embed FyneApp.toml
var FyneApp []byte
