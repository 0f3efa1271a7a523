package assets

import "embed"

// Translations holds the app's screen texts: nl.json (the default, covering Fyne's own
// dialog strings too) and en.json, loaded with lang.AddTranslationsFS.
//
//go:embed translations/*.json
var Translations embed.FS
