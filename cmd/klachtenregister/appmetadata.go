package main

import (
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
	a, err := klachtenregister.ParseApp(text)
	return fyne.AppMetadata{ID: a.Details.ID, Name: a.Details.Name, Version: a.Details.Version, Build: a.Details.Build,
		Migrations: a.Migrations, Custom: map[string]string{}}, err
}
