package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// FirstStart runs when the register is new: before anything else it asks for the practice
// details the letters need, or offers a demo register to look around in instead.
func (m *Main) FirstStart() {
	set, err := m.store.Settings()
	if err != nil {
		showError(err, m.win)
		return
	}
	n, err := m.store.Count(data.Filter{})
	if err != nil || n > 0 || set.PracticeName() != "" {
		return
	}
	fields := map[string]*widget.Entry{}
	form := widget.NewForm()
	for _, key := range []string{data.KeyPracticeName, data.KeyPracticeCity, data.KeyPractitionerName} {
		e := widget.NewEntry()
		e.Validator = required
		fields[key] = e
		form.Append(settingLabel(key), e)
	}
	// The sector picks the next body the outcome letter names; under the Wkkgz a care practice
	// must be affiliated with a geschilleninstantie, whose name is typed here.
	profession := newSelect(labels(data.Professions, func(p string) string { return choiceLabel(data.KeyProfession, p) }), nil)
	body := widget.NewEntry()
	body.SetPlaceHolder(lang.L("e.g. Geschilleninstantie Zorg"))
	bodyItem := &widget.FormItem{Text: lang.L("Disputes body"), Widget: body,
		HintText: lang.L("The body your practice is affiliated with; the outcome letter names it.")}
	form.Append(settingLabel(data.KeyProfession), profession)
	bodyForm := widget.NewForm(bodyItem)
	bodyForm.Hide()
	profession.OnChanged = func(string) {
		if data.Professions[profession.SelectedIndex()] == data.ProfessionOther {
			bodyForm.Hide()
		} else {
			bodyForm.Show()
		}
	}
	profession.SetSelectedIndex(len(data.Professions) - 1)
	intro := widget.NewLabel(lang.L("Welcome. Fill in your practice's details; they appear on every letter. You can add the rest under Settings."))
	intro.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("Save and start"), func() {
		values := map[string]string{}
		for k, e := range fields {
			values[k] = e.Text
		}
		p := data.Professions[profession.SelectedIndex()]
		values[data.KeyProfession], values[data.KeyDisputesBody] = p, data.DisputesBodyNaming(p, body.Text)
		if err := m.store.SetSettings(values); err != nil {
			showError(err, m.win)
			return
		}
		d.Hide()
		m.refresh()
	})
	save.Importance = widget.HighImportance
	save.Disable()
	for _, e := range fields {
		e.OnChanged = func(string) { setEnabled(save, form.Validate() == nil) }
	}
	var demo *widget.Button
	demo = widget.NewButton(lang.L("Look around in a demo register"), func() {
		demo.Disable()
		demo.SetText(lang.L("Making the demo register…"))
		// Making 40 complaints with their letters takes a moment: off the UI goroutine.
		go func() {
			s, err := m.openDemo()
			fyne.Do(func() {
				if err != nil {
					showError(err, m.win)
					return
				}
				d.Hide()
				m.switchStore(s)
			})
		}()
	})
	content := container.NewVBox(intro, form, bodyForm, container.NewHBox(demo, save))
	d = dialog.NewCustomWithoutButtons(lang.L("Set up your complaints register"), content, m.win)
	d.Resize(fyne.NewSize(560, content.MinSize().Height+80))
	d.Show()
}
