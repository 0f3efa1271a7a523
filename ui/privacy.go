package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// privacyStore is what the complaint file's privacy tab needs: the complainant's requests
// under the AVG (access, erasure) and the legal hold that keeps a file from anonymisation.
type privacyStore interface {
	ExportPerson(ref string) ([]byte, error)
	Erase(ref, reason string, withdraw bool) error
	Hold(ref, reason string) error
	ReleaseHold(ref string) error
	outputGuard
}

// privacyTab is the complaint file's tab for the AVG: export for an access request, erasure
// on request, and the legal hold. The file's header says when a hold applies or the personal
// data is gone (privacyLine).
type privacyTab struct {
	cf            *complaintFile
	store         privacyStore
	export, erase *button
	hold, release *button
	state         *widget.Label
	eraseWhy      *widget.Label // why erasing is refused now, below its button
}

func newPrivacyTab(cf *complaintFile, store privacyStore) *privacyTab {
	p := &privacyTab{cf: cf, store: store, state: widget.NewLabel(""), eraseWhy: refusalLine()}
	p.state.Wrapping = fyne.TextWrapWord
	p.export = newButton(lang.L("Export for an access request…"), p.onExport)
	p.erase = newButton(lang.L("Erase on request…"), p.onErase)
	p.hold = newButton(lang.L("Place a legal hold…"), p.onHold)
	p.release = newButton(lang.L("Release the legal hold…"), p.onRelease)
	return p
}

func (p *privacyTab) content() fyne.CanvasObject {
	// A row: its buttons, why they are refused now (nil: never said here), what they do.
	row := func(hint string, why fyne.CanvasObject, buttons ...fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabel(hint)
		l.Wrapping = fyne.TextWrapWord
		box := container.NewVBox(container.NewHBox(buttons...))
		if why != nil {
			box.Add(why)
		}
		box.Add(l)
		box.Add(widget.NewSeparator())
		return box
	}
	return container.NewVScroll(container.NewVBox(p.state, widget.NewSeparator(),
		row(lang.L("Access (article 15 GDPR): one ZIP file with everything recorded about this complainant, the letters and attachments, and an explanation for the complainant, in the language of their letters."), nil, p.export),
		row(lang.L("Erasure (article 17 GDPR): the personal data of this complaint are removed now, before the retention period ends. What the annual report needs stays."), p.eraseWhy, p.erase),
		row(lang.L("Legal hold: while a case is pending (a disciplinary or court case), this file is neither anonymised nor erased until you release the hold."), nil, p.hold, p.release)))
}

// show sets the buttons and the state line from a freshly loaded file; until is the day its
// retention period ends (zero while it is being handled).
func (p *privacyTab) show(c data.Complaint, until, today data.Date) {
	anonymised := !c.AnonymisedOn.IsZero()
	refused := data.ErasureRefusal(&c)
	setEnabled(p.erase, refused == nil)
	why := ""
	if refused != nil && !anonymised && !c.Held { // those the file's header says
		why = problemText(refused)
	}
	showLine(p.eraseWhy, why)
	setEnabled(p.hold, !anonymised && !c.Held)
	setEnabled(p.release, c.Held)
	p.state.SetText(privacyLine(c))
	switch {
	case p.state.Text != "":
	case until.IsZero():
		p.state.SetText(lang.L("The personal data of this complaint are kept until the retention period after closing ends."))
	case until.After(today):
		p.state.SetText(lang.L("The personal data of this complaint are kept until {{.Date}}, when the retention period ends; then the file is listed under Retention to be anonymised.",
			map[string]any{"Date": longDate(until)}))
	default:
		p.state.SetText(lang.L("The retention period of this complaint ended on {{.Date}}: anonymise it under Retention (the item on Today, or Settings > Privacy).",
			map[string]any{"Date": longDate(until)}))
	}
}

// privacyLine is what the file's header says about a legal hold or an anonymised file; ""
// when neither applies.
func privacyLine(c data.Complaint) string {
	var lines []string
	if !c.AnonymisedOn.IsZero() {
		lines = append(lines, lang.L("Anonymised on {{.Date}}: the personal data have been removed; what the annual report needs is kept.",
			map[string]any{"Date": longDate(c.AnonymisedOn)}))
	}
	if c.Held {
		lines = append(lines, lang.L("Legal hold (pending case): {{.Reason}}. This file is neither anonymised nor erased until you release the hold.",
			map[string]any{"Reason": strings.TrimSuffix(strings.TrimSpace(c.HoldReason), ".")}))
	}
	return strings.Join(lines, "\n")
}

// onExport saves everything stored about the complainant as one ZIP, through WriteOutput
// (saveAs), and says where it went. The dialog reminds the practitioner that the copy must not
// harm the rights of others (article 15(4) GDPR): the export holds the file as it is, and its
// attachments and notes may name staff, witnesses or other third parties. The reminder is for
// the practitioner, so it is in the dialog and not in LEESMIJ, which the complainant reads.
func (p *privacyTab) onExport() {
	zip, err := p.store.ExportPerson(p.cf.ref)
	if err != nil {
		showError(err, p.cf.win)
		return
	}
	p.cf.dialog = saveAs(p.cf.win, p.store, p.cf.ref+"-"+lang.L("access-request")+".zip", ".zip", zip,
		lang.L("Before you send this copy, check the attachments, the notes on contacts and the other free texts for personal data of other people (staff, witnesses, third parties): the copy must not harm their rights (article 15(4) GDPR). Leave out or black out what concerns them."))
}

// onErase anonymises the complaint at the complainant's request. An open complaint is
// withdrawn first, when the practitioner ticks that; otherwise the store refuses and says why.
// Erasing ends with VACUUM, which on a large register takes a while, so it runs in the background.
func (p *privacyTab) onErase() {
	cf := p.cf
	reason := newEntry()
	reason.Validator = required
	items := []*widget.FormItem{{Text: lang.L("Reason"), Widget: reason,
		HintText: lang.L("For example: request of the complainant by letter of 1 December 2026. Name no names: the reason stays in the audit trail.")}}
	withdraw := newCheck(lang.L("Record the withdrawal of the complaint first"), nil)
	open := cf.file.Status.Open()
	if open {
		withdraw.required = true // Erase waits for it, rather than refusing after the click
		items = append(items, &widget.FormItem{Text: lang.L("Still open"), Widget: withdraw,
			HintText: lang.L("The complaint is still being handled; it can be erased only once its withdrawal is recorded.")})
	}
	text := eraseWarning(cf.file.Items, open)
	if out := cf.file.CopiesOut; len(out) > 0 { // the erasure must reach the expert too (art. 19 AVG)
		text = lang.L("Copies of documents of this complaint are still with {{.Experts}}. Ask for them back or to be destroyed, and say that the complainant's data are being erased; the file keeps asking until you record that they were returned or destroyed.",
			map[string]any{"Experts": strings.Join(holders(out), ", ")}) + "\n\n" + text
	}
	warning := widget.NewLabel(text)
	warning.Wrapping, warning.Importance = fyne.TextWrapWord, widget.DangerImportance
	items = append(items, widget.NewFormItem("", warning))
	cf.askSlow(lang.L("Erase on request"), lang.L("Erase for good"), lang.L("Erasing the personal data and clearing the freed space from the register…"), items, func() error {
		if err := p.store.Erase(cf.ref, reason.Text, withdraw.Checked); err != nil {
			return err
		}
		cf.copies.Remove(cf.ref) // no opened copy of what was erased stays behind
		return nil
	})
}

// eraseWarning is the erase dialog's warning of what cannot be undone, after the letters the
// complainant is still owed, if any: erasing removes the name and address they need, and the
// items go with them. It speaks of that letter, or of those letters when there are several.
// A complaint still open is withdrawn and erased at once: the letter it is owed then is the
// confirmation of the withdrawal, not the steps of its handling.
func eraseWarning(items []data.ActionItem, open bool) string {
	text := lang.L("This cannot be undone. Names, addresses, contact details, free texts, letters and attachments of this complaint are removed. Backups still hold them until they expire (at most 12 months).")
	if open {
		return lang.L("After erasing, no letter can be made for this complaint any more, not even the confirmation of the withdrawal. To send that first, record only the withdrawal (Other steps › Record withdrawal…), send its confirmation, and erase after that.") + "\n\n" + text
	}
	var owed []string
	for _, it := range items {
		if _, ok := itemLetter[it.Kind]; ok {
			owed = append(owed, uncapitalised(itemLabel(it.Kind))) // in one sentence
		}
	}
	if len(owed) == 0 {
		return text
	}
	return lang.N("Still due: {{.Letters}}. After erasing, no letter can be made for this complaint any more: make and send that letter first.",
		len(owed), map[string]any{"Letters": capitalised(data.JoinAnd(owed, lang.L("and")))}) + "\n\n" + text
}

// onHold places a legal hold, with its reason.
func (p *privacyTab) onHold() {
	reason := newEntry()
	reason.Validator = required
	p.cf.ask(lang.L("Legal hold"), lang.L("Place the hold"), []*widget.FormItem{{Text: lang.L("Reason"), Widget: reason,
		HintText: lang.L("For example: disciplinary case pending since 1 December 2026. Name no names: the reason is shown in the lists of files under a hold and stays in the audit trail.")}},
		func() error { return p.store.Hold(p.cf.ref, reason.Text) })
}

// onRelease ends the legal hold after the practitioner confirms.
func (p *privacyTab) onRelease() {
	cf := p.cf
	showDialog(dialog.NewConfirm(lang.L("Legal hold"), lang.L("Release the legal hold? The file then falls under the retention period again, and is anonymised once that has passed."),
		func(yes bool) {
			if yes {
				cf.do(func() error { return p.store.ReleaseHold(cf.ref) })
			}
		}, cf.win), cf.win)
}
