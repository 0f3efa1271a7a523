package main

import (
	"testing"

	"klachtenregister"
)

// TestMetadataIsFyneAppToml: a go build knows the version FyneApp.toml gives.
func TestMetadataIsFyneAppToml(t *testing.T) {
	m, err := metadata(klachtenregister.FyneApp)
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "nl.klachtenregister.app" || m.Name != "Klachtenregister" || m.Version == "" || m.Build < 1 || !m.Migrations["fyneDo"] {
		t.Errorf("metadata from FyneApp.toml: %+v", m)
	}
}
