package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// fakeRetention is a register with files past retention, recording what was anonymised.
type fakeRetention struct {
	cases      []data.RetentionCase
	anonymised []string
	reason     string
}

func (f *fakeRetention) Settings() (data.Settings, error) {
	return data.Settings{data.KeyRetentionYears: "2"}, nil
}

func (f *fakeRetention) RetentionDue(today, closedBefore data.Date) ([]data.RetentionCase, error) {
	var due []data.RetentionCase
	for _, c := range f.cases {
		if !slices.Contains(f.anonymised, c.Reference) {
			due = append(due, c)
		}
	}
	return due, nil
}

func (f *fakeRetention) Anonymise(refs []string, reason string) (int, error) {
	f.anonymised, f.reason = append(f.anonymised, refs...), reason
	return len(refs), nil
}

// settleRetention lets the review's background load finish and be shown.
func settleRetention(r *retentionScreen) {
	for {
		r.bg.wg.Wait()
		select {
		case f := <-delivered:
			f()
		default:
			return
		}
	}
}

// TestRetentionReviewAnonymisesOnlyWhatWasChosenAfterConfirming: the review lists the files
// past retention with their dates and a hold's reason, says what goes and what stays and that
// backups keep it for at most 12 months; a held file cannot be chosen; the chosen files are
// anonymised only after the confirmation that names them, and their opened copies go too.
func TestRetentionReviewAnonymisesOnlyWhatWasChosenAfterConfirming(t *testing.T) {
	test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	store := &fakeRetention{cases: []data.RetentionCase{
		{Reference: "K-2023-0001", Status: data.StatusClosed, Complainant: "Mehmet Çelik", ClosedOn: data.NewDate(2023, 3, 1), DueOn: data.NewDate(2025, 3, 1),
			CopiesWith: []string{"dr. H. Verhoef"}},
		{Reference: "K-2023-0002", Status: data.StatusWithdrawn, ClosedOn: data.NewDate(2023, 4, 1), DueOn: data.NewDate(2025, 4, 1)},
		{Reference: "K-2023-0003", Status: data.StatusClosed, ClosedOn: data.NewDate(2023, 5, 1), DueOn: data.NewDate(2025, 5, 1),
			Held: true, HoldReason: "tuchtzaak aanhangig"},
	}}
	copies := &data.ViewCopies{Dir: filepath.Join(t.TempDir(), "Geopend")}
	copied, err := copies.Write("K-2023-0001", "K-2023-0001-uitkomst-v1.pdf", data.OutputOptions{}, []byte("%PDF"))
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	win := test.NewTempWindow(t, nil)
	r := newRetentionScreen(store, win, func() data.Date { return data.NewDate(2026, 11, 30) }, copies, func(string) {}, func() { changed++ })
	win.SetContent(r.content())
	win.Resize(fyne.NewSize(700, 700)) // narrow: the names must give way
	r.refresh()
	settleRetention(r)

	if !strings.Contains(r.intro.Text, "2 afgesloten dossiers zijn over de bewaartermijn van 2 jaar") {
		t.Errorf("intro %q", r.intro.Text)
	}
	for i, want := range []string{
		"K-2023-0001 · Mehmet Çelik · gesloten 01-03-2023",
		"K-2023-0002 · ingetrokken 01-04-2023",
		"bewaarplicht: tuchtzaak aanhangig",
	} {
		if text, end := caseRow(r.cases[i]); !strings.Contains(text+" · "+end, want) {
			t.Errorf("row %d = %q + %q, want %q in it", i, text, end, want)
		}
	}
	var shown strings.Builder
	ends := 0
	for _, o := range test.LaidOutObjects(win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			shown.WriteString(l.Text + "\n")
			// At the row's end the date stays whole, however little room the name leaves.
			if strings.HasPrefix(l.Text, "gesloten ") || strings.HasPrefix(l.Text, "ingetrokken ") {
				if ends++; l.Size().Width < l.MinSize().Width || l.Truncation != fyne.TextTruncateOff {
					t.Errorf("%q is cut off: %v wide, needs %v", l.Text, l.Size().Width, l.MinSize().Width)
				}
			}
		}
	}
	if ends != 3 {
		t.Errorf("%d rows end with the day their file ended, want 3", ends)
	}
	for _, want := range []string{"hoogstens 12 maanden", data.AnonymiseRemoves[0].Key, data.AnonymiseKeeps[0].Key} {
		if !strings.Contains(shown.String(), want) {
			t.Errorf("the review does not say %q", want)
		}
	}
	if !r.anonymise.Disabled() {
		t.Error("Anonymise is enabled with nothing chosen")
	}

	for _, o := range test.LaidOutObjects(win.Content()) {
		if b, ok := asButton(o); ok && b.Text == "Alles aanvinken" {
			test.Tap(b)
		}
	}
	if got := r.chosen(); !slices.Equal(got, []string{"K-2023-0001", "K-2023-0002"}) {
		t.Fatalf("choosing all picked %v; a held file may not be chosen", got)
	}
	if r.anonymise.Text != "2 gekozen dossiers anonimiseren…" {
		t.Errorf("with two files chosen the button says %q", r.anonymise.Text)
	}
	r.picked["K-2023-0002"] = false
	r.enable()
	if r.anonymise.Text != "1 gekozen dossier anonimiseren…" {
		t.Errorf("with one file chosen the button says %q", r.anonymise.Text)
	}
	test.Tap(r.anonymise)
	// It names the expert who still holds copies of the file's documents: the erasure must
	// reach them too (it said nothing, and Vandaag's reminder went with the file).
	if text := overlayText(win); !strings.Contains(text, "Dit dossier anonimiseren: K-2023-0001?") || strings.Contains(text, "K-2023-0002") || !strings.Contains(text, "12 maanden") ||
		!strings.Contains(text, "Er liggen nog kopieën van stukken bij een deskundige:\nK-2023-0001: dr. H. Verhoef\nVraag de kopieën terug") {
		t.Fatalf("the confirmation says %q", text)
	}
	tapInTop(t, win, "Annuleren")
	if len(store.anonymised) != 0 {
		t.Fatalf("anonymised without confirmation: %v", store.anonymised)
	}
	test.Tap(r.anonymise)
	tapInTop(t, win, "Anonimiseren")
	if text := overlayText(win); !strings.Contains(text, "Bezig met anonimiseren") {
		t.Errorf("while anonymising runs in the background the window shows %q", text)
	}
	settleRetention(r)
	if !slices.Equal(store.anonymised, []string{"K-2023-0001"}) || store.reason != data.RetentionReason || changed == 0 {
		t.Fatalf("anonymised %v for %q, main window told %d times", store.anonymised, store.reason, changed)
	}
	if _, err := os.Stat(copied); !os.IsNotExist(err) {
		t.Errorf("the opened copy of an anonymised file stays: %v", err)
	}
	if len(r.cases) != 2 || r.cases[0].Reference != "K-2023-0002" || len(r.chosen()) != 0 {
		t.Errorf("after anonymising the review lists %v with %v chosen", r.cases, r.chosen())
	}
	if text := overlayText(win); !strings.Contains(text, "1 dossier geanonimiseerd") {
		t.Errorf("after anonymising the window says %q", text)
	}
	store.anonymised = append(store.anonymised, "K-2023-0002")
	r.refresh()
	settleRetention(r)
	if !strings.Contains(r.intro.Text, "Geen dossier kan nu worden geanonimiseerd") || !r.anonymise.Disabled() {
		t.Errorf("with only a held file left the review says %q", r.intro.Text)
	}
}

// addWithdrawnIn2024 adds a complaint withdrawn on 10 January 2024: past its retention period.
func addWithdrawnIn2024(t *testing.T, s *data.Store, name string) string {
	t.Helper()
	s.Now = func() time.Time { return time.Date(2024, 1, 10, 10, 0, 0, 0, time.Local) }
	defer func() { s.Now = func() time.Time { return day } }()
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: name}, ReceivedOn: data.NewDate(2024, 1, 5),
		Channel: data.ChannelLetter, Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Withdraw(ref, data.NewDate(2024, 1, 10), ""); err != nil {
		t.Fatal(err)
	}
	return ref
}

// TestTodayLeadsToTheRetentionReview: a complaint withdrawn more than retention_years ago is
// an item on Vandaag; it opens the review, where anonymising it removes the name from the
// register and the item from Vandaag.
func TestTodayLeadsToTheRetentionReview(t *testing.T) {
	m, s := newApp(t)
	ref := addWithdrawnIn2024(t, s, "Mehmet Çelik")
	m.refresh()
	settle(m)

	at := slices.IndexFunc(m.Overview.items, func(it data.ActionItem) bool { return it.Kind == data.ItemRetention })
	if at < 0 {
		t.Fatalf("Vandaag lists %v, without the retention item", m.Overview.items)
	}
	m.Overview.list.Select(at)
	settle(m)
	r := m.retention
	if r == nil || r.win.Title() != "Bewaartermijn" || len(r.cases) != 1 || r.cases[0].Reference != ref {
		t.Fatalf("the retention item opened %+v", r)
	}
	r.pick(true)
	test.Tap(r.anonymise)
	tapInTop(t, r.win, "Anonimiseren")
	settle(m)
	if c, err := s.Complaint(ref); err != nil || c.AnonymisedOn.IsZero() || strings.Contains(c.Complainant.Name, "Çelik") {
		t.Fatalf("after anonymising from the review: %+v (%v)", c, err)
	}
	if slices.ContainsFunc(m.Overview.items, func(it data.ActionItem) bool { return it.Kind == data.ItemRetention }) || len(r.cases) != 0 {
		t.Errorf("after anonymising Vandaag still lists %v and the review %v", m.Overview.items, r.cases)
	}
}

// TestRetentionReviewShowsALongHoldReasonInFull: a hold's reason typed long and over several
// lines keeps the file's row one line high (the row cuts it off), and is shown in full, wrapped,
// beside the list.
func TestRetentionReviewShowsALongHoldReasonInFull(t *testing.T) {
	test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	reason := "Tuchtzaak bij de Accountantskamer aanhangig sinds 1 december 2026,\nzaaknummer 26/1234 Wtra AK;\n" +
		strings.Repeat("het dossier blijft bewaard tot de uitspraak onherroepelijk is en de termijn voor beroep is verstreken. ", 4) + "EINDE"
	store := &fakeRetention{cases: []data.RetentionCase{
		{Reference: "K-2023-0001", Status: data.StatusClosed, ClosedOn: data.NewDate(2023, 3, 1), DueOn: data.NewDate(2025, 3, 1)},
		{Reference: "K-2023-0003", Status: data.StatusClosed, ClosedOn: data.NewDate(2023, 5, 1), DueOn: data.NewDate(2025, 5, 1),
			Held: true, HoldReason: reason},
	}}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(900, 600))
	r := newRetentionScreen(store, win, func() data.Date { return data.NewDate(2026, 11, 30) },
		&data.ViewCopies{Dir: t.TempDir()}, func(string) {}, func() {})
	win.SetContent(r.content())
	r.refresh()
	settleRetention(r)

	if row, _ := caseRow(r.cases[1]); strings.Contains(row, "\n") || !strings.Contains(row, "sinds 1 december 2026, zaaknummer") {
		t.Errorf("the held file's row is %q, want the reason on one line", row)
	}
	first := r.list.CreateItem().MinSize().Height
	var full *widget.Label
	for _, o := range test.LaidOutObjects(win.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.HasSuffix(l.Text, "EINDE") {
			full = l
		}
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			if l, ok := c.Objects[0].(*widget.Label); ok && strings.HasPrefix(l.Text, "K-2023-0003") && c.Size().Height > first+1 {
				t.Errorf("the held file's row is %v high, the others %v", c.Size().Height, first)
			}
		}
	}
	if full == nil || full.Text != "K-2023-0003: "+reason || full.Wrapping != fyne.TextWrapWord {
		t.Fatalf("beside the list the reason is not shown in full: %+v", full)
	}
	if !strings.Contains(texts(win.Content()), "Onder juridische bewaarplicht") {
		t.Error("the full reasons have no heading")
	}
	store.cases = store.cases[:1]
	r.refresh()
	settleRetention(r)
	if len(r.holds.Objects) != 0 {
		t.Errorf("with no file held the review still shows %d hold lines", len(r.holds.Objects))
	}
}

// TestRetentionReviewSaysYearOrYearsInEnglish: the English review counts the retention period
// as "1 year" or "2 years", never "year(s)".
func TestRetentionReviewSaysYearOrYearsInEnglish(t *testing.T) {
	test.NewTempApp(t)
	if err := UseLanguage("en"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = UseLanguage("nl") })
	r := newRetentionScreen(&fakeRetention{}, test.NewTempWindow(t, nil), func() data.Date { return data.NewDate(2026, 11, 30) },
		&data.ViewCopies{Dir: t.TempDir()}, func(string) {}, func() {})
	for years, want := range map[int]string{1: "retention period of 1 year.", 2: "retention period of 2 years."} {
		r.years = years
		r.showIntro()
		if !strings.Contains(r.intro.Text, want) {
			t.Errorf("with %d years the review says %q", years, r.intro.Text)
		}
	}
}

// TestAShorterRetentionPeriodSaysWhatFallsPastIt: typing a shorter retention period says, before
// saving, how many closed files it puts past the period (Vandaag then asks to anonymise them).
func TestAShorterRetentionPeriodSaysWhatFallsPastIt(t *testing.T) {
	m, s := newApp(t)
	s.Now = func() time.Time { return time.Date(2025, 1, 10, 10, 0, 0, 0, time.Local) }
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Sanne Klein"}, ReceivedOn: data.NewDate(2025, 1, 5),
		Channel: data.ChannelLetter, Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Withdraw(ref, data.NewDate(2025, 1, 10), ""); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return day }
	st := m.Settings
	st.refresh()
	settle(m)
	if n, err := s.PastRetention(data.Settings(st.values())); err != nil || n != 0 {
		t.Fatalf("withdrawn in January 2025, past the default period: %d (%v)", n, err)
	}
	st.entries[data.KeyRetentionYears].SetText("1")
	if !strings.Contains(st.problem.Text, "Met deze bewaartermijn is 1 gesloten dossier over de termijn") || st.save.Disabled() {
		t.Errorf("a period of one year: %q, save disabled %v", st.problem.Text, st.save.Disabled())
	}
}
