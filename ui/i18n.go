package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"klachtenregister/assets"
)

// UseLanguage makes every screen text, Fyne's own dialog buttons included, appear in the
// chosen language ("nl" or "en"), whatever the language of the operating system: the
// practice chooses, not the machine. Fyne picks translations by the system locale, so the
// chosen file is registered under that locale's language as well as under nl and en.
func UseLanguage(code string) error {
	if code != "en" {
		code = "nl"
	}
	content, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("translations for %s: %w", code, err)
	}
	tags := []string{"nl", "en", lang.SystemLocale().LanguageString()}
	for _, tag := range tags {
		if err := lang.AddTranslationsForLocale(content, fyne.Locale(tag)); err != nil {
			return fmt.Errorf("translations for %s: %w", code, err)
		}
	}
	return nil
}
