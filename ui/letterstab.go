package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// lettersStore is what the letters tab needs from the store.
type lettersStore interface {
	letters.Archive
	LetterPDF(id int64) ([]byte, error)
	MarkLetterSent(id int64, on data.Date, via data.Delivery) error
	outputGuard
}

// lettersTab lists a complaint's letters and makes, prints, saves, e-mails and marks them sent.
type lettersTab struct {
	cf       *complaintFile
	store    lettersStore
	list     *list
	selected int // index in cf.file.Letters, -1 for none
	actions  []*button
	make     *button
	refusal  *widget.Label // why this complaint gets no letters, if so
}

func newLettersTab(cf *complaintFile, store lettersStore) *lettersTab {
	lt := &lettersTab{cf: cf, store: store, selected: -1}
	lt.list = textList(func() int { return lt.count() }, lt.row)
	lt.list.OnSelected = func(id widget.ListItemID) { lt.selected = id; lt.enable() }
	lt.list.OnUnselected = func(widget.ListItemID) { lt.selected = -1; lt.enable() }
	lt.actions = []*button{
		newButton(lang.L("Open and print"), lt.onOpen),
		newButton(lang.L("Save as…"), lt.onSaveAs),
		newButton(lang.L("E-mail"), lt.onEmail),
		newButton(lang.L("Mark as sent…"), lt.onMarkSent),
	}
	return lt
}

func (lt *lettersTab) content() fyne.CanvasObject {
	lt.make = newButton(lang.L("Create a letter…"), func() { lt.onMake("") })
	lt.make.Importance = widget.HighImportance
	lt.refusal = refusalLine()
	bar := newFlow(lt.make)
	for _, b := range lt.actions {
		bar.Add(b)
	}
	hint := widget.NewLabel(lang.L("Every letter made is kept; making it again adds a new version. Select a letter to print, save, e-mail or mark it sent."))
	hint.Wrapping = fyne.TextWrapWord
	lt.enable()
	return lt.cf.tabTop(topOver(container.NewVBox(bar, lt.refusal, hint), lt.list))
}

func (lt *lettersTab) count() int {
	if lt.cf.file == nil {
		return 0
	}
	return len(lt.cf.file.Letters)
}

func (lt *lettersTab) row(i int) string {
	l := lt.cf.file.Letters[i]
	sent := lang.L("not sent yet")
	if !l.SentOn.IsZero() {
		sent = lang.L("sent {{.On}} ({{.Via}})", map[string]any{"On": shortDate(l.SentOn), "Via": deliveryLabel(l.SentVia)})
	}
	made := l.CreatedAt.Local().Format("02-01-2006 15:04")
	if l.DatedOn != data.DateOf(l.CreatedAt.Local()) { // made ahead of the date it carries
		made += " · " + lang.L("dated {{.On}}", map[string]any{"On": shortDate(l.DatedOn)})
	}
	return fmt.Sprintf("%s · %s %d · %s · %s", capitalised(letterLabel(l.Kind)), lang.L("version"), l.Version, made, sent)
}

// show refreshes the list after the file was loaded.
func (lt *lettersTab) show() {
	lt.list.UnselectAll()
	lt.selected = -1
	lt.list.Refresh()
	lt.enable()
}

func (lt *lettersTab) enable() {
	for _, b := range lt.actions {
		setEnabled(b, lt.selected >= 0)
	}
	if lt.make == nil || lt.cf.file == nil {
		return
	}
	// The same rule as the store's: an anonymous complaint gets no letters, a closed or
	// withdrawn file none but the withdrawal's confirmation, and the tab says why. A letter
	// made earlier can still be opened, printed, saved and e-mailed.
	c := &lt.cf.file.Complaint
	if lt.selected >= 0 && lt.selected < lt.count() {
		l := lt.cf.file.Letters[lt.selected]
		setEnabled(lt.actions[3], l.SentOn.IsZero() && data.LetterStepRefusal(c, l.Kind) == nil) // Mark as sent…
	}
	kinds := makeable(lt.cf.file, lt.cf.today())
	setEnabled(lt.make, len(kinds) > 0)
	why := ""
	if len(kinds) == 0 {
		why = problemText(data.LetterStepRefusal(c, data.LetterAcknowledgement))
	} else if err := data.OutcomeLetterRefusal(c, lt.cf.file.MeasureCount); err != nil && lt.cf.file.OutcomeLetterDue() {
		why = problemText(err) // the letter the file waits for, and what comes first
	}
	showLine(lt.refusal, why)
}

// makeable is the letters file f's complaint can get now, by the store's own rules
// (data.LetterMakeRefusal, data.ExpertLetterRefusal, data.InformationLetterRefusal,
// data.OutcomeLetterRefusal): a withdrawn file only the confirmation of its withdrawal, a
// resolved one no acknowledgement, one whose consent was refused no confidentiality
// statement, one without an open request for information due after today no letter asking
// for it, a Wkkgz complaint that waits for its measure no outcome letter.
func makeable(f *data.File, today data.Date) []data.LetterKind {
	consent, _ := f.ConsentState()
	return slices.DeleteFunc(slices.Clone(data.LetterKinds), func(k data.LetterKind) bool {
		return data.LetterMakeRefusal(&f.Complaint, k) != nil ||
			k == data.LetterConfidentiality && data.ExpertLetterRefusal(&f.Complaint, consent) != nil ||
			k == data.LetterInformation && data.InformationLetterRefusal(&f.Complaint, f.InformationRequest(), today) != nil ||
			k == data.LetterOutcome && data.OutcomeLetterRefusal(&f.Complaint, f.MeasureCount) != nil
	})
}

func letterLabel(k data.LetterKind) string { return tr("letter."+string(k), k.Label()) }
func deliveryLabel(d data.Delivery) string { return tr("delivery."+string(d), d.Label()) }

// onMake asks which letter to make and in which language, then makes and opens it. It
// proposes want, or with want "" the letter the file waits for (suggestedLetter), where
// that letter can be made now.
func (lt *lettersTab) onMake(want data.LetterKind) {
	cf := lt.cf
	kinds := data.LetterKinds
	if cf.file != nil {
		kinds = makeable(cf.file, cf.today())
	}
	kind := newSelect(labels(kinds, func(k data.LetterKind) string { return capitalised(letterLabel(k)) }), nil)
	kind.SetSelectedIndex(0)
	if k, ok := suggestedLetter(cf.file); want == "" && ok {
		want = k
	}
	if slices.Contains(kinds, want) {
		kind.SetSelected(capitalised(letterLabel(want)))
	}
	language := newSelect([]string{languageName("nl"), languageName("en")}, nil)
	language.SetSelectedIndex(0)
	if cf.file != nil {
		language.SetSelectedIndex(max(0, slices.Index(data.Languages, cf.file.Language))) // the complaint's language
	}
	documents := newEntry()
	experts, _ := lt.store.Experts()
	expert := newSelect(labels(experts, func(e data.Expert) string { return e.Name }), nil)
	if len(experts) > 0 {
		expert.SetSelectedIndex(0)
	}
	dated := newEntry()
	dated.SetText(shortDate(cf.today()))
	checkAsTyped(&dated.Entry, func(s string) error {
		d, err := parseDate(s)
		if err != nil {
			return err
		}
		if data.CheckLetterDate(d, cf.today()) != nil { // the register's sentence is too long for the line below the field
			return errorf(lang.L("Choose today or a day up to {{.Last}}",
				map[string]any{"Last": shortDate(cf.today().AddDays(data.MaxLetterDateAhead))}))
		}
		return nil
	})
	// An acknowledgement dated after its term is late: said before it is made, not found out
	// from the banner or the annual report.
	late := wrapped("")
	late.Importance = widget.WarningImportance
	var fields func() // the rows shown, once the dialog is built
	lateAck := func() {
		was := late.Visible()
		text := ""
		if d, err := parseDate(dated.Text); err == nil && cf.file != nil && len(kinds) > 0 && kinds[max(0, kind.SelectedIndex())] == data.LetterAcknowledgement &&
			!cf.file.AckDueOn.IsZero() && d.After(cf.file.AckDueOn) {
			text = lang.L("This date lies after the term for the acknowledgement ({{.Due}}): receipt then counts as confirmed late.",
				map[string]any{"Due": shortDate(cf.file.AckDueOn)})
		}
		showLine(late, text)
		if late.Visible() != was && fields != nil {
			fields()
		}
	}
	dated.OnChanged = func(string) { lateAck() }
	lateAck()
	cf.ask(lang.L("Create a letter"), lang.L("Create"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Letter"), kind), widget.NewFormItem(lang.L("Language"), language),
		{Text: lang.L("Date of the letter"), Widget: dated, HintText: lang.L("The day it goes out: today or up to 14 days ahead.")},
		widget.NewFormItem("", late),
		{Text: lang.L("Documents"), Widget: documents, HintText: lang.L("The documents the expert gets to see, as the letter names them. Empty: the file's attachments, or for the confidentiality statement the documents the complainant consented to.")},
		{Text: lang.L("Expert"), Widget: expert, HintText: lang.L("The expert who signs the confidentiality statement.")}},
		func() error {
			var expertID int64
			if i := expert.SelectedIndex(); i >= 0 {
				expertID = experts[i].ID
			}
			_, pdf, err := letters.Generate(lt.store, letters.Request{Reference: cf.ref, Kind: kinds[kind.SelectedIndex()],
				Language: []string{"nl", "en"}[max(0, language.SelectedIndex())], Date: dateOf(dated), Documents: documents.Text, ExpertID: expertID})
			if err != nil {
				return err
			}
			// A viewer that fails to start says so itself: the letter is made and kept regardless.
			lt.open(fmt.Sprintf("%s-%s.pdf", fileWords(letterLabel(kinds[kind.SelectedIndex()])), cf.ref), pdf)
			return nil
		})
	// The documents and the expert only for the letters that name them (letters.Request), the
	// warning only when there is one.
	d := cf.dialog
	form, all := d.form, d.form.Items
	fields = func() {
		k := kinds[kind.SelectedIndex()]
		form.Items = withoutFields(all, map[fyne.CanvasObject]bool{
			documents: k != data.LetterConsent && k != data.LetterConfidentiality,
			expert:    k != data.LetterConfidentiality, late: !late.Visible()}) // a hidden line still took a row's room
		form.Refresh()
		d.Show() // fitted anew to the fields shown, and centred again
		for _, o := range cf.win.Canvas().Overlays().List() {
			o.Refresh()
		}
	}
	kind.OnChanged = func(string) {
		lateAck()
		fields()
	}
	kind.OnChanged("")
}

// withoutFields is the form's items without the fields left out, and without the hint below
// each of them (see hintsBelow).
func withoutFields(items []*widget.FormItem, leftOut map[fyne.CanvasObject]bool) []*widget.FormItem {
	var kept []*widget.FormItem
	for i, it := range items {
		hintOfLeftOut := i > 0 && it.Text == "" && leftOut[items[i-1].Widget]
		if !leftOut[it.Widget] && !hintOfLeftOut {
			kept = append(kept, it)
		}
	}
	return kept
}

// suggestedLetter is the letter the procedure asks for now, if any.
func suggestedLetter(f *data.File) (data.LetterKind, bool) {
	if f == nil {
		return "", false
	}
	if f.Status == data.StatusWithdrawn {
		return data.LetterWithdrawal, true // the one letter a withdrawn file still takes
	}
	for _, it := range f.Items {
		if k, ok := itemLetter[it.Kind]; ok {
			return k, true
		}
		if it.UpdateDue() { // once the progress letter went out, only when news is due again
			return data.LetterProgress, true
		}
	}
	if r := f.InformationRequest(); r != nil && r.Kind == data.ContactLetter && !madeSince(f, data.LetterInformation, r.On) {
		return data.LetterInformation, true // asked by letter: this one puts the request in words
	}
	return "", false
}

// madeSince tells whether a letter of kind was made on or after the day on.
func madeSince(f *data.File, kind data.LetterKind, on data.Date) bool {
	return slices.ContainsFunc(f.Letters, func(l data.Letter) bool {
		return l.Kind == kind && !data.DateOf(l.CreatedAt.Local()).Before(on)
	})
}

func (lt *lettersTab) current() (data.Letter, []byte, bool) {
	if lt.selected < 0 || lt.selected >= lt.count() {
		return data.Letter{}, nil, false
	}
	l := lt.cf.file.Letters[lt.selected]
	pdf, err := lt.store.LetterPDF(l.ID)
	if err != nil {
		showError(err, lt.cf.win)
		return l, nil, false
	}
	return l, pdf, true
}

// fileName is the name a letter is saved under, in the screens' language:
// ontvangstbevestiging-K-2026-0001-v1.pdf.
func fileName(l data.Letter) string {
	return fmt.Sprintf("%s-%s-v%d.pdf", fileWords(letterLabel(l.Kind)), l.Reference, l.Version)
}

func (lt *lettersTab) onOpen() {
	if l, pdf, ok := lt.current(); ok {
		lt.open(fileName(l), pdf)
	}
}

// open shows pdf in the system's PDF viewer, from where the practitioner prints it on letterhead.
func (lt *lettersTab) open(name string, pdf []byte) {
	if err := lt.cf.openCopy(name, pdf); err != nil {
		showOpenError(err, lt.cf.win, func() { saveAs(lt.cf.win, lt.store, name, ".pdf", pdf) })
	}
}

func (lt *lettersTab) onSaveAs() {
	if l, pdf, ok := lt.current(); ok {
		saveAs(lt.cf.win, lt.store, fileName(l), ".pdf", pdf)
	}
}

// onEmail starts a draft in the default mail program and shows the PDF in its folder, ready
// to attach: a mailto link cannot carry an attachment.
func (lt *lettersTab) onEmail() {
	l, pdf, ok := lt.current()
	if !ok {
		return
	}
	path, err := lt.cf.copy(fileName(l), pdf)
	if err != nil {
		showError(err, lt.cf.win)
		return
	}
	openForEmail(fyne.CurrentApp().OpenURL, emailDraft(lt.cf.file.Complaint, l, lt.expertOf(l)), path, lt.cf.win)
}

// openForEmail opens a draft e-mail (mailto) and the folder that holds the letter's PDF at path,
// to attach it. What could not be opened is said once, with where the PDF is and to whom it
// goes: two messages stacked on each other said the same twice.
func openForEmail(open func(*url.URL) error, draft *url.URL, path string, win fyne.Window) {
	mailErr := open(draft)
	folderErr := open(&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Dir(path))})
	v := map[string]any{"Folder": filepath.Dir(path), "File": filepath.Base(path), "To": draft.Opaque}
	switch {
	case mailErr != nil:
		inform(lang.L("Not opened"), lang.L("The e-mail program could not be opened. The letter is ready as {{.File}} in the folder {{.Folder}}: write an e-mail to {{.To}} and attach it.", v)+
			"\n\n"+lang.L("Message of the system: {{.Error}}", map[string]any{"Error": mailErr.Error()}), win)
	case folderErr != nil:
		inform(lang.L("Not opened"), lang.L("The folder could not be opened. The letter is ready as {{.File}} in the folder {{.Folder}}: attach it to the e-mail.", v)+
			"\n\n"+lang.L("Message of the system: {{.Error}}", map[string]any{"Error": folderErr.Error()}), win)
	}
}

// emailDraft is the mailto link of an e-mail that carries letter l of complaint c. It goes
// where the letter goes (data.Addressee): to a representative, or for a confidentiality
// statement to the expert, who read of "the complaint" rather than "your complaint".
func emailDraft(c data.Complaint, l data.Letter, expert data.Expert) *url.URL {
	to := data.Addressee(&c, l.Kind, expert)
	vals := map[string]any{"Name": to.Name, "Ref": c.Reference}
	body := lang.L("Dear {{.Name}},\n\nPlease find attached our letter about your complaint ({{.Ref}}).\n\nKind regards,", vals)
	if !data.ToComplainant(&c, l.Kind) {
		body = lang.L("Dear {{.Name}},\n\nPlease find attached our letter about the complaint with reference {{.Ref}}.\n\nKind regards,", vals)
	}
	q := url.Values{}
	q.Set("subject", fmt.Sprintf("%s - %s", capitalised(letterLabel(l.Kind)), c.Reference))
	q.Set("body", body)
	return &url.URL{Scheme: "mailto", Opaque: to.Email, RawQuery: strings.ReplaceAll(q.Encode(), "+", "%20")}
}

// expertOf is the expert a confidentiality statement goes to; none for another letter.
func (lt *lettersTab) expertOf(l data.Letter) data.Expert {
	if l.ExpertID == 0 { // only a confidentiality statement has one
		return data.Expert{}
	}
	if experts, err := lt.store.Experts(); err == nil {
		if i := slices.IndexFunc(experts, func(e data.Expert) bool { return e.ID == l.ExpertID }); i >= 0 {
			return experts[i]
		}
	}
	return data.Expert{}
}

// onMarkSent records when and how the selected letter went out; the store records the
// contact moment and, for the acknowledgement, the confirmation of receipt.
func (lt *lettersTab) onMarkSent() {
	l, _, ok := lt.current()
	if !ok {
		return
	}
	cf := lt.cf
	on := dateEntry(cf.today)
	expert := lt.expertOf(l)
	via := newSelect(labels(data.Deliveries, deliveryLabel), nil)
	via.SetSelectedIndex(slices.Index(data.Deliveries, data.ProposedDelivery(&cf.file.Complaint, l.Kind, expert)))
	cf.ask(lang.L("Mark as sent"), lang.L("Record"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Sent on"), on), widget.NewFormItem(lang.L("Sent via"), via)},
		func() error {
			return lt.store.MarkLetterSent(l.ID, dateOf(on), data.Deliveries[max(0, via.SelectedIndex())])
		})
	if l.DatedOn.After(cf.today()) { // it goes out on its date, not before (the store refuses it)
		cf.dialog.waits = func() string {
			return lang.L("This letter is dated {{.On}}: mark it sent on or after that day.", map[string]any{"On": shortDate(l.DatedOn)})
		}
		cf.dialog.revalidate()
	}
}
