package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// settingsStore is what the settings screen needs from the store.
type settingsStore interface {
	Settings() (data.Settings, error)
	SetSettings(values map[string]string) error
}

// choices are the settings picked from a list rather than typed.
var choices = map[string][]string{
	"deadline_policy":  data.Policies,
	"shift_to_workday": {"true", "false"},
	"language":         {"nl", "en"},
}

// settingsScreen edits the practice details, letterhead, practitioner and deadline policy.
// It checks each value with data.CheckSetting, the same check the CLI uses.
type settingsScreen struct {
	store   settingsStore
	win     fyne.Window
	saved   func()
	entries map[string]*widget.Entry
	selects map[string]*widget.Select
	current data.Settings
	save    *widget.Button
	bg      worker
}

func newSettingsScreen(store settingsStore, win fyne.Window, saved func()) *settingsScreen {
	s := &settingsScreen{store: store, win: win, saved: saved, entries: map[string]*widget.Entry{},
		selects: map[string]*widget.Select{}}
	s.save = widget.NewButton(lang.L("Save settings"), s.onSave)
	s.save.Importance = widget.HighImportance
	for _, d := range data.SettingKeys() {
		if opts, ok := choices[d.Key]; ok {
			sel := widget.NewSelect(labels(opts, func(v string) string { return choiceLabel(d.Key, v) }), func(string) { s.check() })
			s.selects[d.Key] = sel
			continue
		}
		e := widget.NewEntry()
		key := d.Key
		e.Validator = func(v string) error {
			_, err := data.CheckSetting(key, v)
			if err != nil {
				return errorf(sentence(err.(*data.Error).Message))
			}
			return nil
		}
		e.OnChanged = func(string) { s.check() }
		s.entries[d.Key] = e
	}
	return s
}

// settingLabel is a setting's name on screen.
func settingLabel(key string) string {
	for _, d := range data.SettingKeys() {
		if d.Key == key {
			return lang.X("setting."+key, d.Label)
		}
	}
	return key
}

// choiceLabel is a choice in words.
func choiceLabel(key, value string) string {
	return lang.X("choice."+key+"."+value, value)
}

func (s *settingsScreen) content() fyne.CanvasObject {
	form := widget.NewForm()
	for _, d := range data.SettingKeys() {
		var w fyne.CanvasObject = s.entries[d.Key]
		if sel, ok := s.selects[d.Key]; ok {
			w = sel
		}
		form.Append(settingLabel(d.Key), w)
	}
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, s.save, nil, nil, container.NewVScroll(form))
}

// refresh loads the stored settings into the form.
func (s *settingsScreen) refresh() {
	run(&s.bg, s.store.Settings, s.show, func(err error) { showError(err, s.win) })
}

func (s *settingsScreen) show(set data.Settings) {
	s.current = set
	for k, e := range s.entries {
		e.SetText(set[k])
	}
	for k, sel := range s.selects {
		for i, v := range choices[k] {
			if v == set[k] {
				sel.SetSelectedIndex(i)
			}
		}
	}
	s.check()
}

// values reads the form.
func (s *settingsScreen) values() map[string]string {
	out := map[string]string{}
	for k, e := range s.entries {
		out[k] = e.Text
	}
	for k, sel := range s.selects {
		if i := sel.SelectedIndex(); i >= 0 {
			out[k] = choices[k][i]
		}
	}
	return out
}

// check keeps Save disabled while a value is invalid or nothing changed.
func (s *settingsScreen) check() {
	changed := false
	for k, v := range s.values() {
		if _, err := data.CheckSetting(k, v); err != nil {
			s.save.Disable()
			return
		}
		changed = changed || s.current[k] != v
	}
	setEnabled(s.save, changed)
}

func (s *settingsScreen) onSave() {
	values := s.values()
	languageChanged := values["language"] != s.current["language"]
	if err := s.store.SetSettings(values); err != nil {
		showError(err, s.win)
		return
	}
	if languageChanged {
		dialog.ShowInformation(lang.L("Language"), lang.L("The new language applies from the next start of the program."), s.win)
	}
	s.saved()
}
