package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// firstStartKeys are the practice details first start asks for: everything a letter needs
// (data.Settings.MissingLetterDetails), with the e-mail address beside the phone number, and
// the country (Nederland), by which the postcode is checked.
var firstStartKeys = []string{data.KeyPracticeName, data.KeyPracticeAddress, data.KeyPracticePostcode,
	data.KeyPracticeCity, data.KeyPracticeCountry, data.KeyPracticePhone, data.KeyPracticeEmail, data.KeyPractitionerName}

// firstStart is the dialog of a new register.
type firstStart struct {
	fields     map[string]*widget.Entry
	profession *choice
	body       *widget.Entry // the name of the disputes body, for a sector that has one
	form       *widget.Form
	bodyItem   *widget.FormItem // the body's row, the form's last while the sector has one
	bodyHint   *widget.Label    // below the body's field: a hint that wraps (Fyne's stays on one line, cut off)
	problem    *widget.Label    // what is still missing, or wrong
	save, demo *button
	language   *button // the questions in the other language
	dialog     *dialog.CustomDialog
	questions  *fyne.Container
	room       func() float32 // the window's height for the dialog
	closed     bool           // saved, or left for the demo register
}

// fit sizes the dialog to its questions, as far as the window allows, and centres it again; the
// rest scrolls.
func (fs *firstStart) fit() {
	if fs.dialog == nil || fs.closed {
		return // still being built, or done
	}
	// Twice: a hint that wraps knows its height only once it has its width (the disputes
	// body's pushed the buttons below the window).
	for range 2 {
		height := fs.questions.MinSize().Height + fs.problem.MinSize().Height + fs.save.MinSize().Height + 120
		if room := fs.room(); room > 300 && height > room {
			height = room
		}
		fs.dialog.Resize(fyne.NewSize(680, height)) // wide enough for a field's message on its one line
	}
	fs.dialog.Show() // centred anew in the window as it now is
}

// FirstStart runs when the register is new: before anything else it asks for the practice
// details the letters need, or offers a demo register to look around in instead. It returns
// nil when the register is not new.
func (m *Main) FirstStart() *firstStart {
	set, err := m.store.Settings()
	if err != nil {
		showError(err, m.win)
		return nil
	}
	n, err := m.store.Count(data.Filter{})
	if err != nil || n > 0 || set.PracticeName() != "" {
		return nil
	}
	fs := &firstStart{fields: map[string]*widget.Entry{}, body: widget.NewEntry(), problem: widget.NewLabel("")}
	fs.problem.Wrapping = fyne.TextWrapWord
	form := widget.NewForm()
	fs.form = form
	for _, key := range firstStartKeys {
		e := widget.NewEntry()
		e.SetText(set[key]) // the country: Nederland
		// The same check as the settings screen; empty is told below the form.
		e.Validator = settingValidator(key, func() string {
			if country := fs.fields[data.KeyPracticeCountry]; country != nil { // asked after the postcode
				return country.Text
			}
			return set.PracticeCountry()
		})
		e.OnChanged = func(string) { fs.check() }
		fs.fields[key] = e
		form.Append(settingLabel(key), e)
	}
	fs.fields[data.KeyPracticeCountry].OnChanged = func(string) { fs.fields[data.KeyPracticePostcode].Validate(); fs.check() }
	// The sector picks the next body the outcome letter names; under the Wkkgz a care practice
	// must be affiliated with a geschilleninstantie, whose name is typed here.
	fs.profession = newSelect(labels(data.Professions, func(p string) string { return choiceLabel(data.KeyProfession, p) }), nil)
	fs.body.OnChanged = func(string) { fs.check() }
	fs.bodyHint = hintLabel("")
	fs.bodyItem = &widget.FormItem{Text: lang.L("Disputes body"), Widget: container.NewVBox(fs.body, fs.bodyHint)}
	form.Append(settingLabel(data.KeyProfession), fs.profession)
	fs.profession.OnChanged = func(string) {
		fs.showBody(fs.sector() != data.ProfessionOther)
		fs.check()
		fs.fit()
	}
	intro := widget.NewLabel(lang.L("Welcome. Fill in your practice's details; they appear on every letter. You can add the rest under Settings."))
	intro.Wrapping = fyne.TextWrapWord
	// The first start spoke Dutch whatever the practice speaks; each language's button is in its own words.
	other, name := "en", "English"
	if set.Language() == "en" {
		other, name = "nl", "Nederlands"
	}
	fs.language = newButton(name, func() { m.firstStartIn(fs, other) })
	fs.language.Importance = widget.LowImportance
	fs.save = newButton(lang.L("Save and start"), func() {
		if err := m.store.SetSettings(fs.values()); err != nil {
			showError(err, m.win)
			return
		}
		fs.closed = true
		fs.dialog.Hide()
		m.refresh()
	})
	fs.save.Importance = widget.HighImportance
	fs.demo = newButton(lang.L("Look around in a demo register"), func() {
		fs.demo.Disable()
		fs.demo.SetText(lang.L("Making the demo register…"))
		// Making 40 complaints with their letters takes a moment: off the UI goroutine.
		go func() {
			s, err := m.openDemo()
			fyne.Do(func() {
				if err != nil {
					showError(err, m.win)
					return
				}
				fs.closed = true
				fs.dialog.Hide()
				m.switchStore(s)
			})
		}()
	})
	fs.profession.SetSelectedIndex(len(data.Professions) - 1) // also checks
	// The questions scroll on a low screen; what is missing and the buttons stay in view.
	fs.questions = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(fs.language), intro), form)
	// What is missing keeps the room of two lines, so the dialog does not move under the
	// pointer when it shrinks to one while the practitioner types.
	twoLines := canvas.NewRectangle(color.Transparent)
	twoLines.SetMinSize(widget.NewLabel("\n").MinSize())
	problem := container.NewStack(twoLines, fs.problem)
	content := container.NewBorder(nil, container.NewVBox(problem, container.NewHBox(fs.demo, fs.save)), nil, nil,
		formScroll(fs.questions)) // the wheel scrolls it over a field too
	fs.dialog = dialog.NewCustomWithoutButtons(lang.L("Set up your complaints register"), content, m.win)
	fs.room = func() float32 { return m.win.Canvas().Size().Height - 40 }
	fs.fit() // at the program's start again once the window is on screen (see Run)
	keepOnEscape(fs.dialog, m.win)
	return fs
}

// firstStartIn asks the first start's questions again in the language code, with what was
// typed: the register speaks it from then on (its language setting), and so do the screens.
func (m *Main) firstStartIn(fs *firstStart, code string) {
	if err := m.store.SetSettings(map[string]string{data.KeyLanguage: code}); err != nil {
		showError(err, m.win)
		return
	}
	fs.closed = true
	fs.dialog.Hide()
	m.useLanguage(code)
	if next := m.FirstStart(); next != nil {
		for k, e := range fs.fields {
			next.fields[k].SetText(e.Text)
		}
		next.profession.SetSelectedIndex(fs.profession.SelectedIndex())
		next.body.SetText(fs.body.Text)
		m.firstStart = next
	}
}

// showBody shows the disputes body's row, in the form itself so that its label lines up with
// the others, or takes it out for a sector without one; its example fits the sector.
func (fs *firstStart) showBody(show bool) {
	fs.body.SetPlaceHolder(bodyExample(fs.sector()))
	hint := lang.L("The body your practice is affiliated with; the outcome letter names it.")
	switch {
	case fs.sector() == data.ProfessionCare: // the Wkkgz asks one more thing of the letters, which can wait
		hint += " " + lang.L("The complaints officer the Wkkgz asks you to offer is filled in later, under Settings › Letters.")
	case !data.AffiliationRequired(fs.sector()):
		hint = lang.L("Leave it empty if your practice is not affiliated with a disputes body: the outcome letter then names the competent court.")
	}
	fs.bodyHint.SetText(hint)
	if shown := fs.bodyShown(); show != shown {
		if show {
			fs.form.Items = append(fs.form.Items, fs.bodyItem)
		} else {
			fs.form.Items = fs.form.Items[:len(fs.form.Items)-1]
		}
		fs.form.Refresh()
	}
}

func (fs *firstStart) bodyShown() bool {
	n := len(fs.form.Items)
	return n > 0 && fs.form.Items[n-1] == fs.bodyItem
}

// bodyExample is the example of a disputes body in its field for a sector: one its practices
// are affiliated with, where the whole sector has one.
func bodyExample(sector string) string {
	switch sector {
	case data.ProfessionCare:
		return lang.L("e.g. Geschilleninstantie Zorg")
	case data.ProfessionLegal:
		return lang.L("e.g. Geschillencommissie Advocatuur")
	case data.ProfessionAccountancy:
		return lang.L("e.g. Geschillencommissie Zakelijke Dienstverlening")
	}
	return lang.L("the name of the disputes body")
}

// sector is the sector chosen.
func (fs *firstStart) sector() string {
	if i := fs.profession.SelectedIndex(); i >= 0 {
		return data.Professions[i]
	}
	return data.ProfessionOther
}

// values are the settings the dialog saves.
func (fs *firstStart) values() map[string]string {
	values := map[string]string{}
	for k, e := range fs.fields {
		values[k] = e.Text
	}
	p := fs.sector()
	values[data.KeyProfession], values[data.KeyDisputesBody] = p, data.DisputesBodyNaming(p, fs.body.Text)
	return values
}

// check keeps "Save and start" disabled while a detail the letters need is missing or a
// value is wrong, and says which: the same rule that refuses a letter later.
func (fs *firstStart) check() {
	values := fs.values()
	var problem string
	for _, k := range firstStartKeys {
		if _, err := data.CheckSetting(k, values[k]); err != nil {
			problem = problemText(err)
			break
		}
	}
	if err := data.CheckSettings(values); problem == "" && err != nil {
		problem = problemText(err)
	}
	if problem == "" {
		var missing []string
		for _, k := range data.Settings(values).MissingLetterDetails() {
			if k == data.KeyPracticePhone {
				missing = append(missing, lang.L("Phone or e-mail"))
			} else {
				missing = append(missing, settingLabel(k))
			}
		}
		if data.AffiliationRequired(fs.sector()) && strings.TrimSpace(fs.body.Text) == "" {
			missing = append(missing, lang.L("Disputes body"))
		}
		if len(missing) > 0 {
			problem = lang.L("Still to fill in: {{.Missing}}.", map[string]any{"Missing": strings.Join(missing, ", ")})
		}
	}
	fs.problem.SetText(problem)
	setEnabled(fs.save, problem == "")
}
