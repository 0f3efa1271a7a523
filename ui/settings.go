package ui

import (
	"bytes"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// settingsStore is what the settings screen needs from the store.
type settingsStore interface {
	letters.Source
	backupStore
	outputGuard
	SetSettings(values map[string]string) error
	List(f data.Filter) ([]data.Listed, error)
	PastRetention(set data.Settings) (int, error)
}

// choices are the settings picked from a list rather than typed.
var choices = map[string][]string{
	data.KeyDeadlinePolicy:  data.Policies,
	data.KeyShiftToWorkday:  {"true", "false"},
	data.KeyLanguage:        {"nl", "en"},
	data.KeyProfession:      data.Professions,
	data.KeyAskConsentOnAck: {"true", "false"},
}

// settingGroups puts the settings on tabs; letter texts get a tab of their own.
var settingGroups = []struct {
	title string
	keys  []string
}{
	{"General", []string{data.KeyLanguage}},
	{"Practice", []string{data.KeyPracticeName, data.KeyPracticeAddress, data.KeyPracticePostcode, data.KeyPracticeCity, data.KeyPracticeCountry,
		data.KeyPracticePhone, data.KeyPracticeEmail, data.KeyPracticeWebsite, data.KeyPracticeRegistration, data.KeyPractitionerName,
		data.KeyPractitionerTitle, data.KeyPractitionerTitleEn, data.KeyStaffNames, data.KeyPracticeLogo, data.KeyProfession}},
	{"Deadlines", []string{data.KeyDeadlinePolicy, data.KeyCustomDays, data.KeyAckDays, data.KeyWarningDays, data.KeyProgressInterval,
		data.KeyProgressLetterDays, data.KeyShiftToWorkday}},
	{"Letters", []string{data.KeyDisputesBody, data.KeyDisputesBodyEn, data.KeyComplaintsOfficer, data.KeyComplaintsOfficerEn, data.KeyAskConsentOnAck, data.KeyWindowLeft, data.KeyWindowTop, data.KeyWindowWidth,
		data.KeyWindowHeight}},
	{"Backups", []string{data.KeyBackupDir}},
	{"Privacy", []string{data.KeyRetentionYears}},
}

// settingsScreen edits the practice details, letterhead, practitioner, deadline policy and the
// letters' texts. It checks each value with data.CheckSetting, the same check the CLI uses.
type settingsScreen struct {
	store   settingsStore
	win     fyne.Window
	saved   func()
	entries map[string]*entry
	selects map[string]*choice
	loading bool // show is filling the form from the register
	current data.Settings
	save    *button
	problem *widget.Label
	backups *backupPanel
	tabs    *container.AppTabs // one per group of settingGroups, then the letter texts
	// backupFailed is the last automatic backup's failure, shown with the backups.
	backupFailed error
	bg           worker
	// copies is where previews are copied to be opened in the PDF viewer.
	copies *data.ViewCopies
	// showRetention opens the review of the files past their retention period.
	showRetention func()
	// languageChanged puts the screens in the language just saved.
	languageChanged func(code string)
}

func newSettingsScreen(store settingsStore, win fyne.Window, saved func()) *settingsScreen {
	s := &settingsScreen{store: store, win: win, saved: saved, entries: map[string]*entry{},
		selects: map[string]*choice{}, problem: widget.NewLabel("")}
	s.problem.Wrapping = fyne.TextWrapWord // its colour says a refusal from a note (check)
	s.backups = newBackupPanel(store, win, &s.bg, func(error) { s.refresh() })
	s.save = newButton(lang.L("Save settings"), s.onSave)
	defer s.followSector()
	s.save.Importance = widget.HighImportance
	for _, d := range data.SettingKeys() {
		if opts, ok := choices[d.Key]; ok {
			s.selects[d.Key] = newSelect(labels(opts, func(v string) string { return choiceLabel(d.Key, v) }),
				func(string) { s.check() })
			continue
		}
		e := newEntry()
		if data.MultiLine(d.Key) {
			e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
			e.SetMinRowsVisible(6)
		}
		e.Validator = settingValidator(d.Key, func() string { return s.entries[data.KeyPracticeCountry].Text })
		e.OnChanged = func(string) { s.check() }
		s.entries[d.Key] = e
	}
	country, postcode := s.entries[data.KeyPracticeCountry], s.entries[data.KeyPracticePostcode]
	country.OnChanged = func(string) { postcode.Validate(); s.check() }
	return s
}

// settingValidator checks a setting's field as data.CheckSetting does. Its message goes under
// the field, one line wide, so it leaves out the setting's name, which the field's label shows:
// "E-mail praktijk: "info@delinde" is geen …" was cut off before it said what to type. The
// practice's postcode is also held to the practice's country (data.CheckSettings), in a few
// words as every postcode is (checkPostcodeAsTyped); country is that field's text.
func settingValidator(key string, country func() string) fyne.StringValidator {
	return func(v string) error {
		if err := data.SettingProblem(key, v); err != nil {
			return errorf(problemText(err))
		}
		if key == data.KeyPracticePostcode && data.CheckSettings(data.Settings{key: v, data.KeyPracticeCountry: country()}) != nil {
			return errorf(lang.L("Four digits and two letters, such as 1234 AB, or fill in the country"))
		}
		return nil
	}
}

// settingLabel is a setting's name on screen.
func settingLabel(key string) string {
	for _, d := range data.SettingKeys() {
		if d.Key == key {
			return tr("setting."+key, d.Label)
		}
	}
	return key
}

// choiceLabel is a choice in words.
func choiceLabel(key, value string) string {
	return lang.X("choice."+key+"."+value, value)
}

func (s *settingsScreen) widget(key string) fyne.CanvasObject {
	if sel, ok := s.selects[key]; ok {
		return sel
	}
	if key == data.KeyPracticeLogo {
		choose := newButton(lang.L("Choose…"), s.onChooseLogo)
		return container.NewBorder(nil, nil, nil, choose, s.entries[key])
	}
	if key == "backup_dir" {
		choose := newButton(lang.L("Choose…"), func() { chooseBackupDir(s.win, s.entries[key].SetText) })
		return container.NewBorder(nil, nil, nil, choose, s.entries[key])
	}
	return s.entries[key]
}

func (s *settingsScreen) content() fyne.CanvasObject {
	tabs := container.NewAppTabs()
	s.tabs = tabs
	for _, g := range settingGroups {
		var items []*widget.FormItem
		for _, k := range g.keys {
			item := widget.NewFormItem(settingLabel(k), s.widget(k))
			switch k {
			case data.KeyDisputesBody:
				item.HintText = lang.L("If the text holds words in square brackets (a sector's text does), replace them by the name of your disputes body; until then no outcome letter can be made.")
			case data.KeyDisputesBodyEn:
				item.HintText = lang.L("For English outcome letters. Empty: the English version of a standard text above, shown greyed; a text of your own above needs its English text here.")
			case data.KeyProfession:
				item.HintText = lang.L("Care falls under the Wkkgz: choosing it turns the standard month under Deadlines into the Wkkgz's six weeks (once extendable by four), and the letters name a disputes body and, once filled in under Letters, a complaints officer.")
			case data.KeyComplaintsOfficer:
				item.HintText = lang.L("Under the Wkkgz you offer the complainant free help from an independent complaints officer. The acknowledgement of a complaint under the Wkkgz names who: the officer or their organisation, with a telephone number or website.")
			case data.KeyComplaintsOfficerEn:
				item.HintText = lang.L("For English acknowledgements: the same in English. While it is empty and the Dutch text is filled in, no English acknowledgement under the Wkkgz can be made.")
			case data.KeyLanguage:
				item.HintText = lang.L("The language of the screens, and the first choice for the letters of a new complaint and the annual report. Each complaint keeps its own language for its letters.")
			case data.KeyProgressLetterDays:
				item.HintText = lang.L("After each extension the complainant gets a progress letter with the new deadline and its reason within this many working days (default 3).")
			case data.KeyRetentionYears:
				item.HintText = lang.L("Years after closing that a file keeps its personal data; choose it under the rules of your profession.")
			}
			items = append(items, item)
		}
		form := widget.NewForm(hintsBelow(widget.Vertical, items)...)
		form.Orientation = widget.Vertical // the labels are long: above their fields, a narrow window shows them whole
		// What follows the fields goes below the form: as a form row of its own, it would stand
		// under the gap of an empty label.
		page := container.NewVBox(form)
		switch g.title {
		case "Letters":
			page.Add(newButton(lang.L("Print a calibration page for window envelopes"), s.onCalibration))
		case "Backups":
			page.Add(s.backups.content())
		case "Privacy":
			page.Add(newButton(lang.L("Review the files past the retention period…"), s.onReview))
		}
		tabs.Append(container.NewTabItem(lang.L(g.title), formScroll(page)))
	}
	tabs.Append(container.NewTabItem(lang.L("Letter texts"), formScroll(s.letterTexts())))
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, container.NewVBox(s.problem, s.save), nil, nil, tabs)
}

// first is the first field of the settings tab shown: the cursor goes there when the tab is
// opened by keyboard.
func (s *settingsScreen) first() fyne.Focusable {
	key := data.LetterTextKey(data.LetterKinds[0], "nl")
	if i := s.tabs.SelectedIndex(); i < len(settingGroups) {
		key = settingGroups[i].keys[0]
	}
	if sel, ok := s.selects[key]; ok {
		return sel
	}
	return s.entries[key]
}

// showSetting brings forward the tab that holds the setting key and puts the cursor in it.
func (s *settingsScreen) showSetting(key string) {
	s.tabs.SelectIndex(len(settingGroups)) // the letter texts, unless a group holds it
	for i, g := range settingGroups {
		if slices.Contains(g.keys, key) {
			s.tabs.SelectIndex(i)
		}
	}
	if e, ok := s.entries[key]; ok {
		s.win.Canvas().Focus(e)
	} else if sel, ok := s.selects[key]; ok {
		s.win.Canvas().Focus(sel)
	}
}

// letterTexts lays out each letter's own text with its placeholders and a preview button.
func (s *settingsScreen) letterTexts() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("Leave a text empty to use the standard text, shown greyed. Words in braces, such as {naam}, are filled in from the complaint."))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(intro)
	for _, kind := range data.LetterKinds {
		names := []string{}
		for _, p := range data.Placeholders(kind) {
			names = append(names, "{"+p.Name+"}")
		}
		for _, language := range []string{"nl", "en"} {
			key := data.LetterTextKey(kind, language)
			e := s.entries[key]
			e.SetPlaceHolder(letters.DefaultBody(kind, language))
			heading := widget.NewLabelWithStyle(capitalised(letterLabel(kind))+" ("+languageName(language)+")",
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			hint := widget.NewLabel(lang.L("Placeholders:") + " " + strings.Join(names, " "))
			hint.Wrapping = fyne.TextWrapWord
			preview := newButton(lang.L("Preview on the latest complaint"), func() { s.onPreview(kind, language, e) })
			copyDefault := newButton(lang.L("Start from the standard text"), func() {
				standard := letters.DefaultBody(kind, language)
				if strings.TrimSpace(e.Text) == "" || e.Text == standard {
					e.SetText(standard)
					return
				}
				// A text of the practice's own is not replaced without asking.
				dialog.ShowConfirm(lang.L("Start from the standard text"), lang.L("Replace the text above by the standard text? What you wrote there is lost unless you copy it first."),
					func(ok bool) {
						if ok {
							e.SetText(standard)
						}
					}, s.win)
			})
			box.Add(container.NewVBox(heading, e, hint, container.NewGridWithColumns(2, copyDefault, preview), widget.NewSeparator()))
		}
	}
	return box
}

// settingsData is one reading of the settings and the backup folder.
type settingsData struct {
	set    data.Settings
	backup data.BackupStatus
}

// refresh loads the stored settings into the form, and the state of the backups.
func (s *settingsScreen) refresh() {
	latest(&s.bg, func() (settingsData, error) {
		set, err := s.store.Settings()
		if err != nil {
			return settingsData{}, err
		}
		st, err := s.store.BackupStatus()
		return settingsData{set, st}, err
	}, func(d settingsData) {
		s.backups.show(d.backup, s.backupFailed)
		s.show(d.set)
	}, func(err error) { showError(err, s.win) })
}

func (s *settingsScreen) show(set data.Settings) {
	if s.current != nil && s.changed() {
		s.current = set // keep what the practitioner is typing; Save compares with the newest
		s.check()
		return
	}
	s.current = set
	s.loading = true // what is stored is shown as it is: no sector's defaults follow
	defer func() { s.loading = false }()
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

// changed reports whether the form differs from the stored settings.
func (s *settingsScreen) changed() bool {
	for k, v := range s.values() {
		if s.current[k] != v {
			return true
		}
	}
	return false
}

// check keeps Save disabled, saying why, while a value is invalid or nothing changed; also a
// practice postcode stored before it was checked, which the save would refuse.
func (s *settingsScreen) check() {
	values := s.values()
	refuse := func(err error) {
		s.problem.Importance = widget.DangerImportance
		showLine(s.problem, problemText(err))
		s.save.Disable()
	}
	for _, d := range data.SettingKeys() {
		if _, err := data.CheckSetting(d.Key, values[d.Key]); err != nil {
			refuse(err)
			return
		}
	}
	if err := data.CheckSettings(values); err != nil {
		refuse(err)
		return
	}
	// Saved all the same, but said: a placeholder left in the next body (the name may follow
	// later; the outcome letter is refused until then), and a care practice's term beyond the Wkkgz's.
	var notes []string
	if p := data.BracketedName(values[data.KeyDisputesBody]); p != "" {
		notes = append(notes, lang.L("Replace {{.Placeholder}} in “{{.Field}}” by the name of your disputes body: until then no outcome letter can be made.",
			map[string]any{"Placeholder": p, "Field": settingLabel(data.KeyDisputesBody)}))
	}
	if w := data.TermWarning(data.Settings(values)); w.Key != "" {
		notes = append(notes, capitalised(say(w))+".")
	}
	// The term may follow the sector (care: the Wkkgz): said, since the practice's published
	// procedure names a term too.
	if was, now := s.current[data.KeyDeadlinePolicy], values[data.KeyDeadlinePolicy]; was != "" && now != was {
		notes = append(notes, lang.L("The resolution term becomes “{{.New}}” (was “{{.Old}}”) for complaints filed from now on; those filed before keep theirs. Check that your published complaints procedure names the same term.",
			map[string]any{"New": choiceLabel(data.KeyDeadlinePolicy, now), "Old": choiceLabel(data.KeyDeadlinePolicy, was)}))
	}
	// A shorter retention period puts files past it at once: said before it is saved.
	if was, now := s.current[data.KeyRetentionYears], values[data.KeyRetentionYears]; now != was {
		if n, err := s.store.PastRetention(data.Settings(values)); err == nil && n > 0 {
			notes = append(notes, lang.N("With this retention period {{.N}} closed file is past it: once saved, Today asks you to anonymise it.", n, map[string]any{"N": thousands(n)}))
		}
	}
	s.problem.Importance = widget.WarningImportance // said, not refused: not in a refusal's red
	showLine(s.problem, strings.Join(notes, "\n"))
	setEnabled(s.save, s.changed())
}

func (s *settingsScreen) onSave() {
	values := s.values()
	languageChanged := values[data.KeyLanguage] != s.current[data.KeyLanguage]
	folderChanged := values[data.KeyBackupDir] != s.current[data.KeyBackupDir]
	if err := s.store.SetSettings(values); err != nil {
		showError(err, s.win)
		return
	}
	if folderChanged { // the new folder gets a backup at once, not only at close
		go func() {
			_, _, err := autoBackup(s.store, false)
			deliver(func() { s.backups.done(err) })
		}()
	}
	s.saved()
	if languageChanged && s.languageChanged != nil {
		s.languageChanged(values[data.KeyLanguage])
	}
}

// onReview shows the files past the retention period as saved: a period typed and not saved
// yet is said first (the review spoke of the saved one, and Vandaag of the new one once saved).
func (s *settingsScreen) onReview() {
	if s.values()[data.KeyRetentionYears] != s.current[data.KeyRetentionYears] {
		inform(lang.L("Retention period"), lang.L("Save the settings first: the review uses the retention period as saved."), s.win)
		return
	}
	s.showRetention()
}

// askBeforeClosing asks what to do with the settings changed and not saved when the program
// closes: save them and close, close without them, or stay. closeApp runs for the first two.
func (s *settingsScreen) askBeforeClosing(closeApp func()) {
	askUnsaved(s.win, lang.L("Settings not saved"), lang.L("You changed the settings without saving them."), func() error {
		if err := s.store.SetSettings(s.values()); err != nil {
			return err
		}
		s.saved()
		return nil
	}, closeApp)
}

func (s *settingsScreen) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(err, s.win)
			return
		}
		r.Close()
		s.entries[data.KeyPracticeLogo].SetText(r.URI().Path())
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	showFileDialog(d, lang.L("Choose the logo"), s.win)
}

// onPreview renders the letter with the text as typed, on the most recent complaint, without
// saving anything, and opens it.
func (s *settingsScreen) onPreview(kind data.LetterKind, language string, e *entry) {
	latest, err := s.store.List(data.Filter{Limit: 50})
	if err != nil || len(latest) == 0 {
		inform(lang.L("Preview"), lang.L("Register a complaint first; the preview shows the letter on the latest complaint."), s.win)
		return
	}
	// The latest complaint that can get this letter now: a resolved one gets no acknowledgement.
	if i := slices.IndexFunc(latest, func(l data.Listed) bool { return data.LetterMakeRefusal(&l.Complaint, kind) == nil }); i > 0 {
		latest = latest[i:]
	}
	body := e.Text
	if strings.TrimSpace(body) == "" {
		body = letters.DefaultBody(kind, language)
	}
	pdf, err := letters.Preview(s.store, letters.Request{Reference: latest[0].Reference, Kind: kind, Language: language}, body)
	if err != nil {
		showRefusal(err, s.win, s.showSetting)
		return
	}
	// The preview shows the latest complaint, so its copy goes with that complaint's copies.
	name := fileWords(lang.L("Preview")+" "+letterLabel(kind)) + ".pdf"
	if err := openPrivateCopy(s.copies, s.store, latest[0].Reference, name, pdf); err != nil {
		showOpenError(err, s.win, func() { saveAs(s.win, s.store, name, ".pdf", pdf) })
	}
}

func (s *settingsScreen) onCalibration() {
	var buf bytes.Buffer
	set := data.Settings{}
	for k, v := range s.current {
		set[k] = v
	}
	for k, v := range s.values() {
		set[k] = v
	}
	if err := letters.Calibration(&buf, set); err != nil {
		showError(err, s.win)
		return
	}
	name := fileWords(lang.L("calibration window envelope")) + ".pdf"
	if err := openPrivateCopy(s.copies, s.store, "", name, buf.Bytes()); err != nil {
		showOpenError(err, s.win, func() { saveAs(s.win, s.store, name, ".pdf", buf.Bytes()) })
	}
}

// followSector offers the chosen sector's next body: while the disputes body is one of the
// built-in texts, choosing another sector puts that sector's text in its place. The English
// field, while empty, shows greyed what English letters print in its place.
func (s *settingsScreen) followSector() {
	sel, body, en := s.selects[data.KeyProfession], s.entries[data.KeyDisputesBody], s.entries[data.KeyDisputesBodyEn]
	body.OnChanged = func(text string) {
		english, _ := data.Settings{data.KeyDisputesBody: text}.DisputesBodyIn("en")
		en.SetPlaceHolder(english)
		s.check()
	}
	policy := s.selects[data.KeyDeadlinePolicy]
	sector := func() string {
		if i := sel.SelectedIndex(); i >= 0 {
			return data.Professions[i]
		}
		return ""
	}
	was := "" // the sector chosen before, as shown
	sel.OnChanged = func(string) {
		if s.loading {
			was = sector()
			s.check()
			return
		}
		// Only a change of sector: Fyne's list reports the sector chosen again too, and the
		// practice's body filled in (a sector's text all the same) went back to its placeholder.
		if i := sel.SelectedIndex(); i >= 0 && sector() != was && data.IsDefaultDisputesBody(body.Text) {
			body.SetText(data.DisputesBodyNaming(data.Professions[i], "")) // the store's choice (SetSettings)
		}
		// The term follows the sector as a save without it would (care: the Wkkgz), shown
		// here so the practitioner can choose otherwise before saving.
		if i := policy.SelectedIndex(); i >= 0 {
			policy.SetSelectedIndex(slices.Index(data.Policies, data.PolicyForSector(data.Policies[i], was, sector())))
		}
		was = sector()
		s.check()
	}
}
