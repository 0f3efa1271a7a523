package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
	"klachtenregister/data/importer"
)

// settleWizard lets the wizard's background work finish and be shown.
func settleWizard(m *Main, w *importWizard) {
	for {
		w.bg.wg.Wait()
		settle(m)
		select {
		case f := <-delivered:
			f()
		default:
			return
		}
	}
}

// TestImportWizard walks through the wizard as a practitioner would with a sheet of 200 rows,
// two of them refused: the mapping is changed, the import stays disabled until the refused
// rows are skipped, and the summary and the register show the complaints imported.
func TestImportWizard(t *testing.T) {
	m, s := newApp(t)
	test.Tap(m.Register.Import)
	w := m.ShowImport()
	content, err := os.ReadFile(filepath.Join("..", "data", "importer", "testdata", "register.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	w.Load("register.xlsx", content)
	cancels := func(step string) { // every step before the import can be left (steps 2 and 3 could not)
		t.Helper()
		for _, o := range test.LaidOutObjects(w.win.Content()) {
			if b, ok := asButton(o); ok && b.Text == "Annuleren" {
				return
			}
		}
		t.Errorf("%s offers no Annuleren", step)
	}
	cancels("the mapping")
	if len(w.Selects) != 11 || w.Selects[1].Selected != importer.ReceivedOn.Label() || w.Selects[10].Selected != importer.Ignore.Label() {
		t.Fatalf("mapping: %d columns, %q, %q", len(w.Selects), w.Selects[1].Selected, w.Selects[10].Selected)
	}
	// The practitioner keeps the remarks as the description; moving a field takes it from its column.
	w.Selects[10].SetSelected(importer.Description.Label())
	w.Selects[9].SetSelected(importer.Description.Label())
	if w.Selects[10].Selected != importer.Ignore.Label() || w.Selects[4].Selected != importer.Ignore.Label() {
		t.Errorf("description moved to the handler column, but the others still say %q, %q", w.Selects[10].Selected, w.Selects[4].Selected)
	}
	w.Selects[9].SetSelected(importer.Handler.Label())
	w.Selects[4].SetSelected(importer.Description.Label())
	test.Tap(w.Next)
	settleWizard(m, w)
	if got := w.Counts.Text; got != "200 regels: 198 nieuwe klachten, 0 al in het register, 2 geweigerd.\n"+
		"Daarvan staan er 6 nog open: na het importeren noemt Vandaag hun volgende stappen, met termijnen vanaf hun eigen datums, dus een oude klacht is meteen over tijd." {
		t.Errorf("counts: %q", got)
	}
	if !w.Next.Disabled() {
		t.Error("Import is enabled while rows are refused")
	}
	// The first refusal in full below the list, which cuts it off on its one line.
	if got := w.Refusal.Text; !strings.HasPrefix(got, "regel 38: ") || got != refusedLine(w.preview.Refused[0]) {
		t.Errorf("the refusal shown in full: %q", got)
	}
	cancels("the preview")
	w.Skip.SetChecked(true)
	if w.Next.Disabled() {
		t.Fatal("Import stays disabled after skipping the refused rows")
	}
	test.Tap(w.Next)
	settleWizard(m, w)
	if w.Progress.Value != 1 || !strings.Contains(w.Summary.Text, "198 klachten geïmporteerd uit register.xlsx") ||
		!strings.Contains(w.Summary.Text, "2 geweigerde regels zijn overgeslagen (regels 38, 117): voer die klachten met de hand in") ||
		strings.Contains(w.Summary.Text, "al in het register") { // none were: not said

		t.Errorf("summary %q, progress %v", w.Summary.Text, w.Progress.Value)
	}
	if n, err := s.Count(data.Filter{}); err != nil || n != 198 {
		t.Errorf("%d complaints in the register, %v", n, err)
	}
	if m.Register.rows != 198 {
		t.Errorf("the register screen shows %d rows", m.Register.rows)
	}
}
