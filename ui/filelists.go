package ui

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// attachmentsStore is what the complaint file's attachments tab needs from the store.
type attachmentsStore interface {
	AddAttachment(ref, name string, content []byte) (int64, error)
	AttachmentContent(id int64) ([]byte, error)
	RemoveAttachment(ref string, id int64, reason string) error
}

// fileLists are the complaint file's tabs that list what was recorded: timeline, contacts,
// experts (consents and documents shared) and attachments.
type fileLists struct {
	cf                                 *complaintFile
	timeline, contacts, experts, files *list
	events                             []data.Event
	timelineFolds, contactFolds        *folds
	contactRows, expertRows, fileRows  []string
	consent                            *widget.Label // where consent stands
	consentButton                      *button
	withdrawConsent, statement, share  *button
	copiesReturned                     *button // while an expert holds copies after consent was withdrawn
	addAttachment, removeAttachment    *button
	addContact, askInformation         *button // the contacts tab's steps
	informationReceived                *button // shown while requested information is awaited
	// Why the contacts, experts and attachments tabs refuse their changes now (refusalLine).
	contactsWhy, expertsWhy, filesWhy *widget.Label
}

func newFileLists(cf *complaintFile) *fileLists {
	l := &fileLists{cf: cf, consent: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		contactsWhy: refusalLine(), expertsWhy: refusalLine(), filesWhy: refusalLine()}
	l.timeline = textList(func() int { return len(l.events) }, l.timelineText)
	l.timelineFolds = foldable(l.timeline, l.timelineText)
	l.contacts = textList(func() int { return len(l.contactRows) }, func(i int) string { return l.contactRows[i] })
	l.contactFolds = foldable(l.contacts, func(i int) string { return l.contactRows[i] })
	l.experts = textList(func() int { return len(l.expertRows) }, func(i int) string { return l.expertRows[i] })
	l.files = textList(func() int { return len(l.fileRows) }, func(i int) string { return l.fileRows[i] })
	l.files.OnSelected = func(id widget.ListItemID) {
		l.files.UnselectAll()
		cf.openAttachment(cf.file.Attachments[id])
	}
	return l
}

func (l *fileLists) timelineText(i int) string {
	e := l.events[i]
	return fmt.Sprintf("%s  %s - %s", e.At.Local().Format("02-01-2006 15:04"), e.Actor, say(e.Describe()))
}

// folds are the rows of a text list shown in full: a click on a row shows it wrapped over as
// many lines as it needs, another folds it back onto one line.
type folds struct {
	list     *list
	text     func(int) string
	expanded map[int]bool
}

func foldable(l *list, text func(int) string) *folds {
	f := &folds{list: l, text: text, expanded: map[int]bool{}}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		label := o.(*widget.Label)
		label.Wrapping, label.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
		if f.expanded[id] {
			label.Wrapping, label.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
		}
		label.SetText(text(id))
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.UnselectAll()
		f.toggle(id)
	}
	return f
}

func (f *folds) toggle(id widget.ListItemID) {
	f.expanded[id] = !f.expanded[id]
	height := f.list.CreateItem().MinSize().Height
	if f.expanded[id] {
		height = max(height, wrappedHeight(f.text(id), f.list.Size().Width-theme.ScrollBarSize()-4*theme.Padding()))
	}
	f.list.SetItemHeight(id, height)
	f.list.RefreshItem(id)
}

// foldAll folds every row shown in full, when rows were added and moved.
func (f *folds) foldAll() {
	for id := range f.expanded {
		f.list.SetItemHeight(id, f.list.CreateItem().MinSize().Height)
	}
	f.expanded = map[int]bool{}
}

// textList is a list of one label per row, cut off with an ellipsis where it is too long.
func textList(length func() int, text func(int) string) *list {
	return newList(length, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(id)) })
}

// show fills the lists from a freshly loaded file.
func (l *fileLists) show(f *data.File) {
	if len(f.Events) != len(l.events) { // entries were added and the rows moved: fold those shown in full
		l.timelineFolds.foldAll()
	}
	if len(f.Contacts) != len(l.contactRows) {
		l.contactFolds.foldAll()
	}
	l.events = f.Events
	l.contactRows = l.contactRows[:0]
	sent := map[int64]data.Letter{} // the contact moments recorded by sending a letter
	for _, lt := range f.Letters {
		if lt.ContactID != 0 {
			sent[lt.ContactID] = lt
		}
	}
	for _, ct := range f.Contacts {
		note := ct.Note
		if lt, ok := sent[ct.ID]; ok { // the program wrote this note: say it in the screens' language
			note = say(lt.SentNote(lt.SentVia))
		}
		with := contactLabel(ct.Kind)
		if ct.Party != data.PartyComplainant && ct.Party != "" {
			with += " · " + strings.TrimSpace(ct.PartyName+" ("+partyLabel(ct.Party)+")")
		}
		if ct.Hearing {
			with += " · " + lang.L("heard")
		}
		// Whether the information asked for came in goes before the note: at the row's end a
		// long note cut it off ("… verzenddatu…"), and recording it changed nothing in view.
		switch {
		case ct.InfoRequested != "" && !ct.InfoReceivedOn.IsZero():
			with += " · " + lang.L("information received {{.On}}", map[string]any{"On": shortDate(ct.InfoReceivedOn)})
			if got := strings.TrimRight(f.ReceivedNote(ct.InfoReceivedOn), ". "); got != "" { // what came in, as recorded then, without its full stop before "):"
				with += " (" + got + ")"
			}
		case ct.InfoRequested != "":
			with += " · " + lang.L("information awaited by {{.Due}}", map[string]any{"Due": shortDate(ct.InfoDueOn)})
		}
		row := fmt.Sprintf("%s  %s: %s", shortDate(ct.On), with, note)
		if note == "" { // erased with the personal data
			row = shortDate(ct.On) + "  " + with
		}
		if ct.InfoRequested != "" {
			row += " · " + lang.L("requested: {{.What}}", map[string]any{"What": ct.InfoRequested})
		}
		l.contactRows = append(l.contactRows, row)
	}
	l.expertRows = append(l.knownExperts(), expertRows(f)...)
	l.consent.SetText(consentLabel(f))
	l.fileRows = l.fileRows[:0]
	for _, a := range f.Attachments {
		added := a.AddedAt.Local().Format("02-01-2006")
		if a.Erased() {
			l.fileRows = append(l.fileRows, lang.L("Attachment added {{.On}}, erased with the personal data", map[string]any{"On": added}))
			continue
		}
		l.fileRows = append(l.fileRows, fmt.Sprintf("%s  (%d kB, %s)", a.Name, (a.Size+1023)/1024, added))
	}
	for _, w := range []*list{l.timeline, l.contacts, l.experts, l.files} {
		w.Refresh()
	}
	if l.addContact == nil { // the tabs are not laid out (content)
		return
	}
	cf := l.cf
	cf.offer(data.ActionContact, l.contactsWhy, l.addContact)
	setEnabled(l.askInformation, cf.refusals[data.ActionRequestInformation] == nil)
	l.informationReceived.Hidden = cf.refusals[data.ActionInformationReceived] != nil
	l.informationReceived.Refresh()
	// Consent is withdrawn only where the latest answer gave it, as the store asks.
	state, _ := f.ConsentState()
	setEnabled(l.withdrawConsent, cf.offer(data.ActionConsultExpert, l.expertsWhy, l.consentButton, l.statement, l.share) &&
		state == data.ConsentGiven)
	l.copiesReturned.Hidden = len(f.CopiesOut) == 0
	l.copiesReturned.Refresh()
	if !l.copiesReturned.Hidden && l.expertsWhy.Text != "" { // the file takes no other step, but this one
		showLine(l.expertsWhy, l.expertsWhy.Text+"\n"+lang.L("What you can still record is that the expert returned or destroyed the copies."))
	}
	cf.offer(data.ActionEdit, l.filesWhy, l.addAttachment)
	setEnabled(l.removeAttachment, !l.addAttachment.Disabled() && len(removable(f.Attachments)) > 0)
}

// removable are the attachments that still have their content: an erased one has nothing left.
func removable(all []data.Attachment) []data.Attachment {
	var out []data.Attachment
	for _, a := range all {
		if !a.Erased() {
			out = append(out, a)
		}
	}
	return out
}

// onRemoveAttachment takes a document that does not belong here off the file, with the reason
// on record; the store refuses one that is part of the handling (named in a consent, shared).
func (l *fileLists) onRemoveAttachment() {
	cf := l.cf
	list := removable(cf.file.Attachments)
	names := make([]string, len(list))
	for i, a := range list { // unique: two documents may have the same name, and the list chooses by its text
		names[i] = lang.L("{{.Name}} (attachment {{.ID}}, added {{.On}})",
			map[string]any{"Name": a.Name, "ID": a.ID, "On": a.AddedAt.Local().Format("02-01-2006")})
	}
	which := newSelect(names, nil)
	which.required = true // none chosen for the practitioner: the wrong one would be gone
	reason := textArea(true)
	cf.ask(lang.L("Remove attachment"), lang.L("Remove"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Attachment"), which),
		{Text: lang.L("Reason"), Widget: reason, HintText: lang.L("For example: added to the wrong complaint. The document and its name disappear from the file and the audit trail; the file records that an attachment was removed, and why.")}},
		func() error {
			return cf.attachments.RemoveAttachment(cf.ref, list[max(0, which.SelectedIndex())].ID, reason.Text)
		})
}

// contactsContent is the contacts tab: the contacts recorded, each shown in full on a click,
// below the steps that add one and, while information is awaited, the step that records it came in.
func (l *fileLists) contactsContent() fyne.CanvasObject {
	cf := l.cf
	l.addContact = newButton(lang.L("Record contact…"), cf.steps[data.ActionContact])
	l.askInformation = newButton(lang.L("Request information…"), cf.steps[data.ActionRequestInformation])
	// The answer to a request is recorded where the request was made, not only in Other steps.
	l.informationReceived = newButton(lang.L("Information received…"), cf.steps[data.ActionInformationReceived])
	l.informationReceived.Hide()
	return container.NewBorder(container.NewVBox(newFlow(l.addContact, l.askInformation, l.informationReceived), l.contactsWhy),
		nil, nil, nil, l.contacts)
}

func (l *fileLists) expertsContent() fyne.CanvasObject {
	cf := l.cf
	hint := widget.NewLabel(lang.L("Documents go to an external expert only with the complainant's consent and after the expert has signed a confidentiality statement for this complaint."))
	hint.Wrapping = fyne.TextWrapWord
	l.consentButton = newButton(lang.L("Record consent…"), cf.onConsent)
	l.withdrawConsent = newButton(lang.L("Consent withdrawn…"), cf.onWithdrawConsent)
	l.statement = newButton(lang.L("Statement signed…"), cf.onStatement)
	l.share = newButton(lang.L("Share documents…"), cf.onShare)
	l.copiesReturned = newButton(lang.L("Copies returned or destroyed…"), cf.onCopiesReturned)
	l.copiesReturned.Hide()
	// Expert… keeps the register's experts, not this file: it stays offered on a closed file,
	// as does Copies returned…: the copies come back after the complaint ended too.
	buttons := newFlow(l.consentButton, l.withdrawConsent, newButton(lang.L("Expert…"), cf.onExpert), l.statement, l.share, l.copiesReturned)
	return cf.tabTop(topOver(container.NewVBox(l.consent, hint, buttons, l.expertsWhy), l.experts))
}

// knownExperts names the register's experts, as the first row of the experts tab: the rows
// after it list only what happened in this file, so an expert just saved showed nowhere until a
// statement was recorded, and was taken for not saved. (A line of its own above the rows took
// room the rows need at 150 %.)
func (l *fileLists) knownExperts() []string {
	experts, err := l.cf.experts.Experts()
	if err != nil || len(experts) == 0 {
		return nil
	}
	names := make([]string, len(experts))
	for i, e := range experts {
		names[i] = e.Name
	}
	return []string{lang.L("Experts in the register: {{.Names}}.", map[string]any{"Names": strings.Join(names, ", ")})}
}

func (l *fileLists) attachmentsContent() fyne.CanvasObject {
	cf := l.cf
	l.addAttachment = newButton(lang.L("Add attachment…"), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				showError(err, cf.win)
				return
			}
			defer r.Close()
			var content []byte
			if r.URI().Scheme() == "file" {
				content, err = data.ReadAttachmentFile(r.URI().Path())
			} else {
				content, err = data.ReadAttachment(r, r.URI().Name())
			}
			if err != nil {
				showError(err, cf.win)
				return
			}
			cf.confirmAttachment(r.URI(), content)
		}, cf.win)
		showFileDialog(d, lang.L("Choose the attachment"), cf.win)
	})
	l.removeAttachment = newButton(lang.L("Remove attachment…"), l.onRemoveAttachment)
	hint := widget.NewLabel(lang.L("Add the complainant's letter, scans or e-mails as attachments; select one to open it."))
	hint.Wrapping = fyne.TextWrapWord
	return topThen(container.NewVBox(newFlow(l.addAttachment, l.removeAttachment), hint, l.filesWhy), l.files)
}

// confirmAttachment asks before a chosen file goes into the complaint file, naming it with
// its size and folder: Fyne's file dialog takes a double click that lands on a file after the
// folder opened for the first click, and a document added by mistake can only be taken off
// again with a reason in the audit trail.
func (cf *complaintFile) confirmAttachment(uri fyne.URI, content []byte) {
	folder := ""
	if uri.Scheme() == "file" {
		folder = filepath.Dir(uri.Path())
	}
	v := map[string]any{"Name": uri.Name(), "Size": (len(content) + 1023) / 1024, "Folder": folder, "Ref": cf.ref}
	msg := lang.L("Add ‘{{.Name}}’ ({{.Size}} kB, from {{.Folder}}) to complaint {{.Ref}} as an attachment?", v)
	if folder == "" { // not a file of this computer's folders
		msg = lang.L("Add ‘{{.Name}}’ ({{.Size}} kB) to complaint {{.Ref}} as an attachment?", v)
	}
	d := dialog.NewCustomConfirm(lang.L("Add attachment"), lang.L("Add"), lang.L("Cancel"), wrapped(msg), func(yes bool) {
		if yes {
			cf.do(func() error { _, err := cf.attachments.AddAttachment(cf.ref, uri.Name(), content); return err })
		}
	}, cf.win)
	d.Resize(fyne.NewSize(480, 0))
	showDialog(d, cf.win)
}

// wrappedHeight is about the height of a label with text wrapped at width: its lines, each as
// wide as the text measures, with a tenth more for the words that move to the next line.
func wrappedHeight(text string, width float32) float32 {
	size := theme.TextSize()
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		w := fyne.MeasureText(para, size, fyne.TextStyle{}).Width * 1.1
		lines += max(1, int(math.Ceil(float64(w/max(width, 1)))))
	}
	line := fyne.MeasureText("Ág", size, fyne.TextStyle{}).Height + theme.LineSpacing()
	return float32(lines)*line + 2*theme.InnerPadding()
}
