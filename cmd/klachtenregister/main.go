// Command klachtenregister is the desktop app a practitioner starts every morning.
// Flags: --db PATH (default: KLACHTENREGISTER_DB or the local application data folder) and
// --demo (start on a fresh demo register in a temporary file).
package main

import (
	"flag"

	"fyne.io/fyne/v2/app"

	"klachtenregister/ui"
)

func main() {
	db := flag.String("db", "", "pad van de database (standaard in de map voor programmagegevens)")
	demo := flag.Bool("demo", false, "start op een nieuw demoregister in een tijdelijk bestand")
	flag.Parse()
	ui.Run(app.NewWithID("nl.klachtenregister.app"), *db, *demo)
}
