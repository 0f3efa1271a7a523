package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// TestWithdrawnConsentAsksForTheCopiesBack: when the complainant withdraws consent after
// documents went to an expert, the dialog names the expert; Vandaag and the file ask "Vraag
// <deskundige> de kopieën terug te geven of te vernietigen", and the item leads to the Experts
// tab's step that records it, after which the item is gone; also after the complaint's
// personal data were erased. Regression: nothing prompted.
func TestWithdrawnConsentAsksForTheCopiesBack(t *testing.T) {
	m, s := newApp(t)
	ref := sharedWithExpert(t, s)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if !cf.lists.copiesReturned.Hidden {
		t.Fatal("Copies returned is offered while consent is in force")
	}

	test.Tap(cf.lists.withdrawConsent)
	cf.dialog.Submit()
	settle(m)
	if text := overlayText(cf.win); !strings.Contains(text, "Kopieën van stukken van deze klacht zijn gedeeld met: Dr. J. Smit.") ||
		!strings.Contains(text, "vraag hen de kopieën terug te geven of te vernietigen") {
		t.Fatalf("after the withdrawal the window says %q", text)
	}
	rows := strings.Join(cf.lists.expertRows, "\n")
	if cf.lists.copiesReturned.Hidden || !strings.Contains(rows, "Dr. J. Smit heeft nog kopieën zonder toestemming") {
		t.Errorf("the file: Copies returned hidden %v, the Experts tab:\n%s", cf.lists.copiesReturned.Hidden, rows)
	}
	if !slices.ContainsFunc(cf.file.Items, func(it data.ActionItem) bool { return it.Kind == data.ItemReturnCopies }) {
		t.Errorf("the file's items: %+v", cf.file.Items)
	}
	m.refresh()
	settle(m)
	var item *data.ActionItem
	for i, it := range m.Overview.items {
		if it.Kind == data.ItemReturnCopies {
			item = &m.Overview.items[i]
		}
	}
	if item == nil || item.Reference != ref || itemText(*item) != "Vraag Dr. J. Smit de kopieën terug te geven of te vernietigen" {
		t.Fatalf("Vandaag's items: %+v", m.Overview.items)
	}

	// Erasing the complaint's personal data leaves the copies with the expert: the dialog
	// says so, and once erased the file and Vandaag still ask for them (it said that the
	// reminder would go, and it went).
	test.Tap(cf.privacy.erase)
	if text := overlayText(cf.win); !strings.Contains(text, "Bij Dr. J. Smit liggen nog kopieën van stukken van deze klacht.") ||
		!strings.Contains(text, "Het dossier blijft erom vragen") {
		t.Errorf("the erase dialog says %q", text)
	}
	for _, it := range cf.dialogItems {
		switch w := it.Widget.(type) {
		case *entry:
			w.SetText("verzoek van de klager")
		case *check:
			w.SetChecked(true) // withdraw the complaint first
		}
	}
	cf.dialog.Submit()
	settle(m)
	if c, err := s.Complaint(ref); err != nil || c.AnonymisedOn.IsZero() {
		t.Fatalf("the erasure: %+v %v", c, err)
	}
	m.refresh()
	settle(m)
	if !slices.ContainsFunc(m.Overview.items, func(it data.ActionItem) bool { return it.Kind == data.ItemReturnCopies && it.Reference == ref }) {
		t.Fatalf("after the erasure Vandaag's items: %+v", m.Overview.items)
	}
	// The file takes no step any more but the return of the copies, and says so.
	if why := cf.lists.expertsWhy.Text; !strings.Contains(why, "geanonimiseerd") || !strings.Contains(why, "Wel kunt u nog vastleggen dat de deskundige de kopieën heeft teruggegeven of vernietigd.") {
		t.Errorf("after the erasure the Experts tab says %q", why)
	}
	// How consent was given, the contacts' notes and the attachments' names are erased with
	// the rest; their lines showed empty brackets, a colon with nothing after it, and "(0 kB, …)".
	if rows := strings.Join(cf.lists.expertRows, "\n"); strings.Contains(rows, "()") || !strings.Contains(rows, "Toestemming gegeven op ") {
		t.Errorf("after the erasure the Experts tab:\n%s", rows)
	}
	if len(cf.lists.contactRows) == 0 || slices.ContainsFunc(cf.lists.contactRows, func(r string) bool { return strings.HasSuffix(r, ": ") }) {
		t.Errorf("after the erasure the Contacts tab: %q", cf.lists.contactRows)
	}
	if want := "Bijlage toegevoegd op " + s.Now().Format("02-01-2006") + ", samen met de persoonsgegevens gewist"; !slices.Equal(cf.lists.fileRows, []string{want}) {
		t.Errorf("after the erasure the Attachments tab: %q, want %q", cf.lists.fileRows, want)
	}

	m.OpenComplaint(ref, item.Kind) // Vandaag's item opens the step
	settle(m)
	if cf.tabs.Selected() != cf.tab("experts") {
		t.Error("the item does not lead to the Experts tab")
	}
	var how *widget.RadioGroup
	for _, it := range cf.dialogItems {
		if r, ok := it.Widget.(*widget.RadioGroup); ok {
			how = r
		}
	}
	if how == nil {
		t.Fatal("the item opens no dialog to record the return")
	}
	how.SetSelected("Vernietigd")
	cf.dialog.Submit()
	settle(m)
	if out, err := s.CopiesOut(ref); err != nil || len(out) != 0 {
		t.Fatalf("copies out after recording: %+v %v", out, err)
	}
	// The warning is gone, and the return is listed in its place.
	if rows := strings.Join(cf.lists.expertRows, "\n"); !cf.lists.copiesReturned.Hidden || strings.Contains(rows, "zonder toestemming") ||
		!strings.HasSuffix(rows, "Dr. J. Smit heeft de kopieën vernietigd (30-11-2026)") {
		t.Errorf("after recording: Copies returned hidden %v, the Experts tab %q", cf.lists.copiesReturned.Hidden, cf.lists.expertRows)
	}
	if rows := timelineText(t, s, ref); !strings.Contains(rows, "Dr. J. Smit heeft de kopieën vernietigd") {
		t.Errorf("the timeline: %s", rows)
	}
}

// sharedWithExpert adds a complaint whose attachment went to the expert Dr. J. Smit, with the
// complainant's consent and the expert's statement for it, all today.
func sharedWithExpert(t *testing.T, s *data.Store) (ref string) {
	t.Helper()
	ref = addComplaint(t, s, "Sanne Visser")
	att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddContact(ref, data.Contact{On: data.Today(s.Now()), Kind: data.ContactPhone, Note: "Sanne Visser belde over de stukken"}); err != nil {
		t.Fatal(err)
	}
	expert, err := s.SaveExpert(data.Expert{Name: "Dr. J. Smit"})
	if err != nil {
		t.Fatal(err)
	}
	today := data.Today(s.Now())
	if _, err := s.SaveLetter(ref, data.LetterConfidentiality, "nl", []byte("%PDF-1.4\n"), expert); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		s.GiveConsent(ref, data.Consent{GivenOn: today, How: "per brief", Documents: data.Documents{Attachments: []int64{att}}}),
		s.RecordStatement(ref, expert, today),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ShareDocuments(ref, data.Share{ExpertID: expert, SharedOn: today, Attachments: []int64{att}}); err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestExpertStepsChooseTheLikelyExpert: the dialog for a signed statement chooses the expert
// whose statement for this complaint was made and not signed yet, the one for sharing documents
// an expert who signed; both chose the register's first expert, whom the step was not for. The
// dialog that links a measure chooses none: one click linked the first, unrelated one.
func TestExpertStepsChooseTheLikelyExpert(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne Visser")
	if _, err := s.SaveExpert(data.Expert{Name: "Hanneke Verhoef"}); err != nil {
		t.Fatal(err)
	}
	second, err := s.SaveExpert(data.Expert{Name: "Pieter Jansen"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveLetter(ref, data.LetterConfidentiality, "nl", []byte("%PDF-1.4\n"), second); err != nil {
		t.Fatal(err)
	}
	chosen := func(step func()) string {
		t.Helper()
		cf := m.OpenComplaint(ref, "")
		settle(m)
		step()
		settle(m)
		c := cf.dialogItems[0].Widget.(*choice)
		defer cf.dialog.Hide()
		return c.Selected
	}
	cf := m.OpenComplaint(ref, "")
	if got := chosen(cf.onStatement); !strings.HasPrefix(got, "Pieter Jansen") {
		t.Errorf("statement signed: %q chosen, want Pieter Jansen, whose statement was made", got)
	}
	if err := s.RecordStatement(ref, second, data.Today(s.Now())); err != nil {
		t.Fatal(err)
	}
	if got := chosen(cf.onShare); got != "Pieter Jansen" {
		t.Errorf("share documents: %q chosen, want Pieter Jansen, who signed", got)
	}
	if _, err := s.AddMeasure(data.Measure{Description: "Telefoon doorschakelen", RootCause: "bereikbaarheid"}); err != nil {
		t.Fatal(err)
	}
	if got := chosen(cf.measures.onLink); got != "" {
		t.Errorf("link a measure: %q chosen, want none", got)
	}
}

// sharedWithAnExpert is a complaint of register s whose attachment went to the expert Marieke
// Smits under the complainant's consent; decided, with its outcome letter sent, when decided.
func sharedWithAnExpert(t *testing.T, s *data.Store, decided bool) string {
	t.Helper()
	ref := addComplaint(t, s, "Hanna Jansen")
	expert, err := s.SaveExpert(data.Expert{Name: "Marieke Smits", Email: "m.smits@advies.example"})
	if err != nil {
		t.Fatal(err)
	}
	steps := []func() error{
		func() error { return s.Acknowledge(ref, data.Date{}, data.DeliveryEmail, "Ontvangst bevestigd.") },
		func() error {
			_, err := s.SaveLetter(ref, data.LetterConfidentiality, "nl", []byte("%PDF-1.4 verklaring"), expert)
			return err
		},
		func() error { return s.RecordStatement(ref, expert, data.DateOf(day)) },
		func() error {
			return s.GiveConsent(ref, data.Consent{How: "schriftelijk", Documents: data.Documents{All: true}})
		},
		func() error {
			att, err := s.AddAttachment(ref, "klachtbrief.pdf", []byte("%PDF-1.4 klacht"))
			if err == nil {
				_, err = s.ShareDocuments(ref, data.Share{ExpertID: expert, Attachments: []int64{att}})
			}
			return err
		},
		func() error {
			return s.Resolve(ref, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "uitgelegd", NoHearingReason: "niet van toepassing"})
		},
		func() error {
			l, err := s.SaveLetter(ref, data.LetterOutcome, "nl", []byte("%PDF-1.4 uitkomst"), 0)
			if err != nil {
				return err
			}
			return s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost)
		},
	}
	if !decided {
		steps = steps[:len(steps)-2] // the decision and the outcome letter
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return ref
}

// TestClosedFileAsksForTheCopies: closing a file whose expert still holds copies says so, and
// the closed file says so on the experts tab, with the day it ended, and offers "Kopieën terug
// of vernietigd…" (it said nothing was left to do).
func TestClosedFileAsksForTheCopies(t *testing.T) {
	m, s := newApp(t)
	ref := sharedWithAnExpert(t, s, true)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onClose() // closing says who still holds copies
	for _, o := range test.LaidOutObjects(cf.win.Canvas().Overlays().Top()) {
		if b, ok := asButton(o); ok && b.Text == "Ja" {
			test.Tap(b)
		}
	}
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusClosed {
		t.Fatalf("status after closing: %s", c.Status)
	}
	if text := overlayText(cf.win); !strings.Contains(text, "Er zijn nog kopieën van stukken uit dit dossier bij Marieke Smits.") {
		t.Errorf("after closing the file says: %q", text)
	}
	if !slices.ContainsFunc(cf.lists.expertRows, func(r string) bool {
		return strings.HasPrefix(r, "Marieke Smits heeft nog kopieën, en het dossier is afgesloten (")
	}) {
		t.Errorf("the experts tab of the closed file:\n%s", strings.Join(cf.lists.expertRows, "\n"))
	}
	if cf.lists.copiesReturned.Hidden || cf.lists.copiesReturned.Disabled() {
		t.Error("Kopieën terug of vernietigd… is not offered on the closed file")
	}
}

// TestWithdrawnFileAsksForTheCopies: withdrawing the complaint ends the file too, so it says
// who still holds copies, as closing does.
func TestWithdrawnFileAsksForTheCopies(t *testing.T) {
	m, s := newApp(t)
	ref := sharedWithAnExpert(t, s, false)
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onWithdraw()
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusWithdrawn {
		t.Fatalf("status after withdrawing: %s", c.Status)
	}
	if text := overlayText(cf.win); !strings.Contains(text, "Er zijn nog kopieën van stukken uit dit dossier bij Marieke Smits.") {
		t.Errorf("after withdrawing the file says: %q", text)
	}
}
