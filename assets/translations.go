package assets

import "embed"

// Translations holds the app's screen texts: nl.json (the default, covering Fyne's own
// dialog strings too) and en.json, loaded with lang.AddTranslationsForLocale; and
// data.en.json, the English of the texts data/ and letters/ write in Dutch (refusals,
// timeline entries), by their Dutch text.
//
//go:embed translations/*.json
var Translations embed.FS
