package main

import (
	"github.com/BurntSushi/toml"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"klachtenregister"
)

// init gives a build made without the fyne tool (go build, go run) the metadata of
// FyneApp.toml. A build by `fyne build` or `fyne package` adds fyne_metadata_init.go, whose
// init runs after this one (Go runs a package's init functions in file name order) and so
// has the last word, with its release flag and icon.
func init() {
	if m, err := metadata(klachtenregister.FyneApp); err == nil {
		app.SetMetadata(m)
	}
}

// metadata reads the [Details] and [Migrations] of a FyneApp.toml.
func metadata(text []byte) (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	_, err := toml.Decode(string(text), &f)
	return fyne.AppMetadata{ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Migrations: f.Migrations, Custom: map[string]string{}}, err
}
