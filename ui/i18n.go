package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"klachtenregister/assets"
	"klachtenregister/data"
	"klachtenregister/data/importer"
)

// language is the screens' language now: "nl" or "en".
var language atomic.Value

// uiLanguage is the screens' language now: "nl" (the default) or "en".
func uiLanguage() string {
	if l, ok := language.Load().(string); ok {
		return l
	}
	return "nl"
}

// UseLanguage makes every screen text, Fyne's own dialog buttons included, appear in the
// chosen language ("nl" or "en"), whatever the language of the operating system: the
// practice chooses, not the machine. Fyne picks translations by the system locale, so the
// chosen file is registered under that locale's language as well as under nl and en. It
// can be called again to switch: windows built afterwards speak the new language (see
// Main.relanguage for the open ones).
func UseLanguage(code string) error {
	if code != "en" {
		code = "nl"
	}
	content, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("translations for %s: %w", code, err)
	}
	for _, tag := range []string{"nl", "en", lang.SystemLocale().LanguageString()} {
		if err := lang.AddTranslationsForLocale(content, fyne.Locale(tag)); err != nil {
			return fmt.Errorf("translations for %s: %w", code, err)
		}
	}
	language.Store(code)
	return nil
}

// lastLanguage is the app's preference that keeps the screens' language for the next start:
// a start that cannot read its register's settings (a second start on a register the app has
// open already) speaks the language the app last spoke, not Dutch on an English register.
const lastLanguage = "language"

// speak makes the screens speak code, as UseLanguage does, and remembers it in a's
// preferences for the next start (see firstLanguage).
func speak(a fyne.App, code string) error {
	if err := UseLanguage(code); err != nil {
		return err
	}
	a.Preferences().SetString(lastLanguage, uiLanguage())
	return nil
}

// firstLanguage is the language of a start before its register's settings are read: the one
// the app last spoke, Dutch the very first time.
func firstLanguage(a fyne.App) string { return a.Preferences().StringWithFallback(lastLanguage, "nl") }

// dataEnglish holds the English of data/'s texts (data.en.json), by their Dutch template.
// They are not given to Fyne's lang: its engine reads "{{" in a text as a template, and
// data texts about letter templates contain it.
var dataEnglish = func() map[string]string {
	var m map[string]string
	raw, _ := assets.Translations.ReadFile("translations/data.en.json")
	_ = json.Unmarshal(raw, &m) // a broken file fails TestEveryDataTextIsTranslated
	return m
}()

// tr is a name data/ gives in Dutch (a status, a verdict, a setting), in the screens'
// language: the Dutch itself, or the translation kept under key in en.json. Dutch never
// comes from the translations, so that no English stays behind after switching back.
func tr(key, dutch string) string {
	if uiLanguage() == "nl" {
		return dutch
	}
	return lang.X(key, dutch)
}

// say is a text data/ made (a refusal, a timeline entry) in the screens' language. Its key
// is the Dutch template; data.en.json holds the English one under it. Dates appear as the
// screens show them, names of statuses, verdicts and fields in the screens' language.
func say(t data.Text) string {
	format := t.Key
	if en, ok := dataEnglish[t.Key]; ok && uiLanguage() == "en" {
		format = en
	}
	if len(t.Args) == 0 {
		return format
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = sayArg(a)
	}
	return fmt.Sprintf(format, args...)
}

// sayArg is one argument of a data text as the screens show it.
func sayArg(a any) any {
	switch v := a.(type) {
	case data.Text:
		return say(v)
	case error:
		var de *data.Error
		if errors.As(v, &de) {
			return say(de.Text)
		}
		return v
	case data.List:
		return strings.Join(sayEach(v), ", ")
	case data.Capital:
		return capitalised(fmt.Sprint(sayArg(v.Value)))
	case data.And:
		return data.JoinAnd(sayEach(v), lang.L("and"))
	case data.Action:
		return tr("action."+string(v), v.Label())
	case data.SettingName:
		return settingLabel(string(v))
	case data.Date:
		return shortDate(v)
	case data.Status:
		return statusLabel(v)
	case data.Verdict:
		return verdictLabel(v)
	case data.Channel:
		return channelLabel(v)
	case data.Subject:
		return subjectLabel(v)
	case data.ContactKind:
		return contactLabel(v)
	case data.Party:
		return partyLabel(v)
	case data.LetterKind:
		return letterLabel(v)
	case data.Delivery:
		return deliveryLabel(v)
	case data.Effect:
		return tr("effect."+string(v), v.Label())
	case data.Salutation:
		return salutationLabel(v)
	case data.MeasureState:
		return measureStateLabel(v)
	case importer.Field:
		return importFieldLabel(v)
	case data.ForCLI:
		return ""
	case data.DocumentsSaid:
		if uiLanguage() == "nl" {
			return v.Label()
		}
		return say(data.DocumentNames{}.Describe(v.Documents))
	case data.EventKind:
		return tr("event."+string(v), v.Label())
	case data.EventCount:
		return countEvents(int(v))
	case data.FieldName:
		return fieldLabel(v)
	case data.FieldNames:
		labels := make([]string, len(v))
		for i, f := range v {
			labels[i] = fieldLabel(f)
		}
		return strings.Join(labels, ", ")
	}
	return a
}

// sayEach is each of a list's parts as the screens show it.
func sayEach(parts []any) []string {
	out := make([]string, len(parts))
	for i, a := range parts {
		out[i] = fmt.Sprint(sayArg(a))
	}
	return out
}

// fieldLabel is a stored field's name in the screens' language.
func fieldLabel(f data.FieldName) string { return tr("field."+string(f), f.Label()) }
