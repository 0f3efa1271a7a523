package ui

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/data/importer"
)

// importStore is what the import wizard needs from the store.
type importStore interface {
	Prepare(r *data.ImportRow) error
	PlanImport(f data.ImportFile) (data.ImportPlan, error)
	Import(f data.ImportFile, progress func(done, total int)) (data.ImportResult, error)
}

// maxImportSize is the largest sheet the wizard reads: far more than any practice's register.
const maxImportSize = 50 << 20

// importWizard takes over a practice's earlier register in five steps, in a window of its
// own: choose the file, check the mapping of its columns, look at the preview with the
// refused rows, import with a progress bar, and read the summary. Reading and mapping are
// importer's, checking and writing the store's, exactly as for the CLI's import.
type importWizard struct {
	store importStore
	win   fyne.Window
	done  func() // the register changed
	// framed adds the demo band to a step, on a demo register.
	framed func(fyne.CanvasObject) fyne.CanvasObject

	sheet   *importer.Sheet
	mapping importer.Mapping
	preview *importer.Preview
	plan    data.ImportPlan

	// The widgets of the current step, for tests.
	Selects  []*choice
	Counts   *widget.Label
	Refusal  *widget.Label // the refused row selected, in full
	Skip     *widget.Check
	Next     *button
	Progress *widget.ProgressBar
	Summary  *widget.Label
	bg       worker
	// shown is the step on screen, to show it again in another language; nil while importing.
	shown func()
}

func newImportWizard(store importStore, win fyne.Window, done func()) *importWizard {
	w := &importWizard{store: store, win: win, done: done}
	w.showChoose()
	return w
}

// step shows one step: a title, an explanation, its body and the buttons at the bottom right.
func (w *importWizard) step(n int, title, hint string, body fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	head := widget.NewLabelWithStyle(lang.L("Step {{.N}} of 5: {{.Title}}", map[string]any{"N": n, "Title": title}),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(head)
	if hint != "" {
		explain := widget.NewLabel(hint)
		explain.Wrapping = fyne.TextWrapWord
		top.Add(explain)
	}
	bar := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
	if body == nil {
		body = layout.NewSpacer()
	}
	content := fyne.CanvasObject(container.NewPadded(container.NewBorder(top, bar, nil, nil, body)))
	if w.framed != nil {
		content = w.framed(content)
	}
	w.win.SetContent(content)
}

// again shows the step on screen once more, in the language now chosen, with the choices
// made in it; while the import runs, the summary after it comes in the new language.
func (w *importWizard) again() {
	if w.shown == nil {
		return
	}
	skip := w.Skip != nil && w.Skip.Checked
	w.shown()
	if w.Skip != nil {
		w.Skip.SetChecked(skip)
	}
}

func (w *importWizard) showChoose() {
	w.shown = w.showChoose
	choose := newButton(lang.L("Choose file…"), w.onChoose)
	choose.Importance = widget.HighImportance
	w.step(1, lang.L("choose the file"), lang.L("Choose the Excel workbook (.xlsx) or CSV file in which the practice kept its complaints until now. The first row must hold the column names. Nothing is changed until you click Import in step 3."),
		container.NewCenter(choose), newButton(lang.L("Cancel"), w.win.Close))
}

func (w *importWizard) onChoose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(err, w.win)
			return
		}
		defer r.Close()
		content, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
		if err == nil && len(content) > maxImportSize {
			inform(lang.L("Not possible"), lang.L("{{.File}} is larger than 50 MB; is this the right file?",
				map[string]any{"File": r.URI().Name()}), w.win)
			return
		}
		if err != nil {
			showError(err, w.win)
			return
		}
		w.Load(r.URI().Name(), content)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv", ".txt"}))
	showFileDialog(d, lang.L("Choose the file to import"), w.win)
	d.Resize(fyne.NewSize(820, 560)) // only once shown: the dialog builds its contents in Show
}

// Load reads the chosen file and goes on to the mapping.
func (w *importWizard) Load(name string, content []byte) {
	sheet, err := importer.Read(name, content)
	if err != nil {
		showError(err, w.win)
		return
	}
	w.sheet, w.mapping = sheet, importer.Guess(sheet.Header)
	w.showMapping()
}

// importFieldLabel is what a column can hold, in the screens' language.
func importFieldLabel(f importer.Field) string { return tr("import."+string(f), f.Label()) }

// fieldOptions are the choices of each column's field, in the practitioner's words.
func fieldOptions() []string {
	out := make([]string, len(importer.Fields))
	for i, f := range importer.Fields {
		out[i] = importFieldLabel(f)
	}
	return out
}

func (w *importWizard) showMapping() {
	w.shown = w.showMapping
	grid := container.NewGridWithColumns(3, widget.NewLabelWithStyle(lang.L("Column in the file"), 0, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("First value"), 0, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Imported as"), 0, fyne.TextStyle{Bold: true}))
	w.Selects = nil
	for i, h := range w.sheet.Header {
		example := ""
		if len(w.sheet.Rows) > 0 {
			example = strings.ReplaceAll(w.sheet.Rows[0].Cell(i), "\n", " ")
		}
		col := i
		sel := newSelect(fieldOptions(), nil)
		sel.SetSelectedIndex(slices.Index(importer.Fields, w.mapping[i]))
		sel.OnChanged = func(string) {
			if err := w.mapping.Set(w.sheet.Header, w.sheet.Header[col], string(importer.Fields[sel.SelectedIndex()])); err == nil {
				w.syncSelects()
			}
		}
		name, ex := widget.NewLabel(h), widget.NewLabel(example)
		name.Truncation, ex.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
		grid.Add(name)
		grid.Add(ex)
		grid.Add(sel)
		w.Selects = append(w.Selects, sel)
	}
	w.Next = newButton(lang.L("Next"), w.onPreview)
	w.Next.Importance = widget.HighImportance
	w.step(2, lang.L("match the columns"),
		lang.L("{{.File}}: {{.Rows}}. Check for each column what it holds; a column you do not need can be left out. Date of receipt, complainant's name and the complaint are needed.",
			map[string]any{"File": w.sheet.Name, "Rows": countRows(len(w.sheet.Rows))}),
		container.NewVScroll(grid), newButton(lang.L("Cancel"), w.win.Close), newButton(lang.L("Back"), w.showChoose), w.Next)
}

// syncSelects shows the mapping again after a field moved from one column to another.
func (w *importWizard) syncSelects() {
	for i, sel := range w.Selects {
		if want := slices.Index(importer.Fields, w.mapping[i]); sel.SelectedIndex() != want {
			sel.SetSelectedIndex(want)
		}
	}
}

// previewed is a preview with what the register already holds.
type previewed struct {
	p    *importer.Preview
	plan data.ImportPlan
}

func (w *importWizard) onPreview() {
	w.Next.Disable()
	sheet, mapping := w.sheet, slices.Clone(w.mapping)
	run(&w.bg, func() (previewed, error) {
		p, err := importer.Build(sheet, mapping, w.store.Prepare)
		if err != nil || len(p.Rows) == 0 {
			return previewed{p, data.ImportPlan{}}, err
		}
		plan, err := w.store.PlanImport(p.File())
		return previewed{p, plan}, err
	}, w.showPreview, func(err error) { w.Next.Enable(); showError(err, w.win) })
}

func (w *importWizard) showPreview(v previewed) {
	w.shown = func() { w.showPreview(v) }
	w.preview, w.plan = v.p, v.plan
	p := v.p
	counts := lang.L("{{.Rows}}: {{.New}}, {{.Dup}} already in the register, {{.Refused}} refused.",
		map[string]any{"Rows": countRows(len(p.Sheet.Rows)), "New": lang.N("{{.N}} new complaints", v.plan.New, map[string]any{"N": v.plan.New}),
			"Dup": len(v.plan.Duplicates), "Refused": len(p.Refused)})
	// An open complaint comes in with its own dates: said before, not found on Vandaag
	// afterwards as "Ontvangst bevestigen - 569 dagen te laat".
	open := 0
	for _, r := range p.Rows {
		if r.Complaint.Status.Open() && !slices.Contains(v.plan.Duplicates, r.Line) {
			open++
		}
	}
	if open > 0 {
		counts += "\n" + lang.N("{{.N}} of them are still open: after the import Vandaag lists their next steps, with deadlines counted from their own dates, so an old one is overdue at once.",
			open, map[string]any{"N": open})
	}
	w.Counts = widget.NewLabel(counts)
	w.Counts.Wrapping = fyne.TextWrapWord
	rows := widget.NewList(func() int { return len(p.Rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		text := previewLine(p.Rows[i])
		if slices.Contains(v.plan.Duplicates, p.Rows[i].Line) {
			text += "   (" + lang.L("already in the register") + ")"
		}
		o.(*widget.Label).SetText(text)
	})
	refused := widget.NewList(func() int { return len(p.Refused) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(refusedLine(p.Refused[i]))
	})
	// The list cuts a long refusal off on its one line; the one selected (at first the first)
	// is shown in full below it.
	w.Refusal = wrapped("")
	w.Refusal.Importance = widget.DangerImportance
	refused.OnSelected = func(i widget.ListItemID) { w.Refusal.SetText(refusedLine(p.Refused[i])) }
	if len(p.Refused) > 0 {
		refused.Select(0)
	}
	w.Next = newButton(lang.L("Import"), w.onImport)
	w.Next.Importance = widget.HighImportance
	w.Skip = widget.NewCheck(lang.L("Skip the refused rows and import the others"), func(bool) { w.enableImport() })
	body := container.NewBorder(w.Counts, nil, nil, nil, rows)
	if len(p.Refused) > 0 {
		head := widget.NewLabelWithStyle(lang.L("Refused rows: correct them in the file and choose it again, or skip them."), 0, fyne.TextStyle{Bold: true})
		split := container.NewVSplit(body, container.NewBorder(head, container.NewVBox(w.Refusal, w.Skip), nil, nil, refused))
		split.Offset = 0.6
		w.step(3, lang.L("check the preview"), lang.L("These complaints will be imported with their own dates, status and verdict, marked as imported. Nothing is imported while a row is refused, unless you skip the refused rows."),
			split, newButton(lang.L("Cancel"), w.win.Close), newButton(lang.L("Back"), w.showMapping), w.Next)
	} else {
		w.step(3, lang.L("check the preview"), lang.L("These complaints will be imported with their own dates, status and verdict, marked as imported."),
			body, newButton(lang.L("Cancel"), w.win.Close), newButton(lang.L("Back"), w.showMapping), w.Next)
	}
	w.enableImport()
}

// enableImport allows the import once there is something new and no refused row stands in the way.
func (w *importWizard) enableImport() {
	if w.plan.New > 0 && (len(w.preview.Refused) == 0 || w.Skip.Checked) {
		w.Next.Enable()
	} else {
		w.Next.Disable()
	}
}

// countRows is a number of rows of the sheet in words: "1 row", "200 rows".
func countRows(n int) string { return lang.N("{{.N}} rows", n, map[string]any{"N": thousands(n)}) }

// refusedLine is a refused row of the preview: its line, why, and the column.
func refusedLine(r importer.Refusal) string {
	text := fmt.Sprintf("%s %d: %s", lang.L("row"), r.Line, say(r.Text)) // as the preview above names rows
	if r.Column != "" {
		text += "  (" + lang.L("column") + " " + r.Column + ")"
	}
	return text
}

// previewLine is one complaint of the preview as the practitioner recognises it.
func previewLine(r data.ImportRow) string {
	c := r.Complaint
	outcome := statusLabel(c.Status)
	if c.Verdict != "" {
		outcome += ", " + verdictLabel(c.Verdict)
	}
	return fmt.Sprintf("%s %d   %s   %s   %s   %s", lang.L("row"), r.Line, shortDate(c.ReceivedOn), c.Complainant.Name, c.Summary, outcome)
}

func (w *importWizard) onImport() {
	file := w.preview.File()
	w.shown = nil
	w.Progress = widget.NewProgressBar()
	w.step(4, lang.L("importing"), lang.L("The complaints are imported in one go: if anything goes wrong, the register stays exactly as it was."),
		container.NewVBox(w.Progress))
	run(&w.bg, func() (data.ImportResult, error) {
		return w.store.Import(file, func(done, total int) {
			deliver(func() { w.Progress.SetValue(float64(done) / float64(total)) })
		})
	}, w.showSummary, func(err error) {
		showError(err, w.win)
		w.showPreview(previewed{w.preview, w.plan})
	})
}

func (w *importWizard) showSummary(res data.ImportResult) {
	w.Progress.SetValue(1)
	w.summary(res)
	w.done()
}

// summary is the last step: what was imported.
func (w *importWizard) summary(res data.ImportResult) {
	w.shown = func() { w.summary(res) }
	refs := res.References
	text := lang.N("{{.N}} complaints imported from {{.File}}, with references {{.First}} to {{.Last}}.", len(refs),
		map[string]any{"N": thousands(len(refs)), "File": w.sheet.Name, "First": refs[0], "Last": refs[len(refs)-1]})
	// Only what happened, and the lines skipped by number: a refused row left out is a
	// complaint still to enter by hand ("0 geweigerde regels zijn overgeslagen" said nothing).
	if dup := len(res.Duplicates); dup > 0 {
		text += "\n" + lang.N("{{.N}} complaints were already in the register and were left out.", dup, map[string]any{"N": dup})
	}
	if skipped := len(w.preview.Refused); skipped > 0 {
		lines := make([]string, skipped)
		for i, r := range w.preview.Refused {
			lines[i] = strconv.Itoa(r.Line)
		}
		text += "\n" + lang.N("{{.N}} refused rows were skipped (line {{.Lines}}): enter those complaints by hand, or correct them and import the file again.",
			skipped, map[string]any{"N": skipped, "Lines": strings.Join(lines, ", ")})
	}
	text += "\n" + lang.L("Each imported complaint says in its file and timeline where it came from; the annual report counts them apart.")
	w.Summary = widget.NewLabel(text)
	w.Summary.Wrapping = fyne.TextWrapWord
	closeButton := newButton(lang.L("Close"), w.win.Close)
	closeButton.Importance = widget.HighImportance
	w.step(5, lang.L("done"), "", w.Summary, closeButton)
}
