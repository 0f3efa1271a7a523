package ui

import (
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

// day is the fixed "today" of every UI test.
var day = time.Date(2026, 11, 30, 10, 0, 0, 0, time.Local)

// delivered holds results of background queries until settle shows them on the test's goroutine.
var delivered = make(chan func(), 10000)

func init() { deliver = func(f func()) { delivered <- f } }

// settle lets every background query of m and its complaint files finish and be shown.
func settle(m *Main) {
	for {
		for _, w := range []*worker{&m.Overview.bg, &m.Register.bg, &m.Measures.bg, &m.Report.bg, &m.Settings.bg} {
			w.wg.Wait()
		}
		for _, cf := range m.files {
			cf.bg.wg.Wait()
		}
		if m.retention != nil {
			m.retention.bg.wg.Wait()
		}
		select {
		case f := <-delivered:
			f()
		default:
			return
		}
	}
}

// newApp starts the main window headless on a fresh register in a temp file, in Dutch, with
// the practice details the letters need.
func newApp(t *testing.T) (*Main, *data.Store) {
	t.Helper()
	return openApp(t, map[string]string{"practice_name": "Praktijk De Linde", "practice_city": "Utrecht",
		"practice_address": "Oudegracht 118", "practice_postcode": "3511 AX", "practice_phone": "030 231 45 67",
		"practitioner_name": "Anne de Linde"})
}

// openApp starts the main window headless on a new register with these settings.
func openApp(t *testing.T, settings map[string]string) (*Main, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "register.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return day }
	if len(settings) > 0 {
		if err := s.SetSettings(settings); err != nil {
			t.Fatal(err)
		}
	}
	m := NewMain(a, a.NewWindow("Klachtenregister"), s, func(*data.Store) {})
	m.copies = data.ViewCopies{Dir: filepath.Join(t.TempDir(), "Geopend")}
	t.Cleanup(func() { settle(m) })
	settle(m)
	return m, s
}

// addComplaint adds a formal complaint straight through the store.
func addComplaint(t *testing.T, s *data.Store, name string) string {
	t.Helper()
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: name, AddressLine1: "Kerkstraat 7", Postcode: "3512 JK",
		City: "Utrecht"}, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelLetter, Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog"})
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func events(t *testing.T, s *data.Store, ref string) int {
	t.Helper()
	ev, err := s.Timeline(ref)
	if err != nil {
		t.Fatal(err)
	}
	return len(ev)
}

// overlayText collects the texts of the top dialog on win.
func overlayText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return texts(top)
}

func TestIntakeRegistersAComplaintThatTheRegisterShows(t *testing.T) {
	m, s := newApp(t)
	in := m.Intake
	if !in.save.Disabled() {
		t.Fatal("Save is enabled on an empty form")
	}
	test.Type(in.form.name, "Zoë van 't Hoff")
	test.Type(in.form.summary, "Afspraak zonder bericht verzet")
	in.form.channel.SetSelectedIndex(2) // brief
	in.form.subject.SetSelectedIndex(0) // medewerker
	if in.save.Disabled() || !in.formal.Checked {
		t.Fatalf("complete form: save disabled %v, formal %v, problem %q", in.save.Disabled(), in.formal.Checked, in.problem.Text)
	}
	// The description's example is on the day of receipt, not a day of the year it was written.
	if ph, want := in.form.letterDesc.PlaceHolder, "bijv. uw klacht van "+longDate(in.form.today())+" over"; !strings.HasPrefix(ph, want) {
		t.Errorf("the description's example is %q, want it to start %q", ph, want)
	}
	m.win.Resize(fyne.NewSize(1000, 500))
	in.scroll.ScrollToBottom() // where the last field typed leaves it
	if in.scroll.Offset.Y == 0 {
		t.Fatal("the form does not scroll in a low window")
	}
	test.Tap(in.save)
	settle(m)
	if in.scroll.Offset.Y != 0 { // the next complaint starts at the top, not at "Gemachtigde"
		t.Errorf("after registering, the form stays scrolled to %v", in.scroll.Offset)
	}
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != 1 {
		t.Fatalf("store holds %d complaints (%v), want 1", len(listed), err)
	}
	c := listed[0]
	if c.Complainant.Name != "Zoë van 't Hoff" || c.Status != data.StatusReceived || c.ReceivedOn != data.Today(day) || c.Handler != "Anne de Linde" {
		t.Errorf("stored %+v", c.Complaint)
	}
	if m.Register.rows != 1 {
		t.Fatalf("register shows %d rows, want 1", m.Register.rows)
	}
	m.Register.row(0) // starts loading the first page
	settle(m)
	if l, ok := m.Register.row(0); !ok || l.Reference != "K-2026-0001" {
		t.Errorf("register row 0 = %v %v", l.Reference, ok)
	}
	if in.form.name.Text != "" {
		t.Errorf("intake form not cleared after saving: %q", in.form.name.Text)
	}
}

func TestIntakeKeepsSaveDisabledAndSaysWhy(t *testing.T) {
	m, s := newApp(t)
	in := m.Intake
	in.form.channel.SetSelectedIndex(1)
	in.form.subject.SetSelectedIndex(1)
	test.Type(in.form.summary, "Te laat")
	cases := []struct{ name, received, says string }{
		{"", "30-11-2026", "naam van de klager"},
		{"Daan Mulder", "31-12-2026", "De datum van ontvangst (31-12-2026) ligt in de toekomst; vul de dag in waarop de klacht binnenkwam."},
		{"Daan Mulder", "31-13-2026", "31-13-2026 bestaat niet"},
		{"Daan Mulder", "31 december", "dd-mm-jjjj"},
	}
	for _, tc := range cases {
		in.form.name.SetText(tc.name)
		in.form.received.SetText(tc.received)
		if !in.save.Disabled() || !strings.Contains(in.problem.Text, tc.says) {
			t.Errorf("%q/%q: save disabled %v, message %q, want it to mention %q", tc.name, tc.received,
				in.save.Disabled(), in.problem.Text, tc.says)
		}
	}
	if n, _ := s.Count(data.Filter{}); n != 0 {
		t.Errorf("invalid input stored %d complaints", n)
	}
}

func TestProcedureThroughTheComplaintFile(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if !cf.buttons[data.ActionResolve].Disabled() || cf.buttons[data.ActionAcknowledge].Disabled() {
		t.Fatalf("received complaint: resolve enabled %v, acknowledge enabled %v",
			!cf.buttons[data.ActionResolve].Disabled(), !cf.buttons[data.ActionAcknowledge].Disabled())
	}

	test.Tap(cf.buttons[data.ActionAcknowledge])
	cf.dialog.Submit() // what was written is required: nothing happens
	if c, _ := s.Complaint(ref); c.Status != data.StatusReceived {
		t.Fatalf("receipt confirmed without saying what was written: %s", c.Status)
	}
	formEntry(t, cf, 1).SetText("Ontvangst per e-mail bevestigd, met uitleg over de procedure.")
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusAcknowledged || c.AcknowledgedOn != data.Today(day) {
		t.Fatalf("after confirming receipt: %s on %s", c.Status, c.AcknowledgedOn)
	}

	test.Tap(cf.buttons[data.ActionExtend])
	cf.dialog.Submit() // the reason is empty: OK stays disabled
	if c, _ := s.Complaint(ref); c.Status != data.StatusAcknowledged {
		t.Fatalf("extended without a reason: %s", c.Status)
	}
	formEntry(t, cf, 1).SetText("Wij wachten op advies van een externe deskundige.")
	cf.dialog.Submit()
	settle(m)
	c, _ := s.Complaint(ref)
	if c.Status != data.StatusExtended || c.DueOn != data.NewDate(2026, 12, 21).AddDays(28) {
		t.Fatalf("after extending: %s until %s", c.Status, c.DueOn)
	}
	if !strings.Contains(cf.banner.Text, "Voortgangsbericht") {
		t.Errorf("banner after extending = %q, want the progress letter", cf.banner.Text)
	}

	test.Tap(cf.buttons[data.ActionResolve])
	formEntry(t, cf, 0).SetText("De factuur is aangepast.")
	cf.dialog.Submit() // no verdict chosen, nobody heard yet: the dialog says both, nothing changes
	if c, _ := s.Complaint(ref); c.Status != data.StatusExtended || !strings.Contains(overlayText(cf.win), "Maak een keuze bij ‘Oordeel’") ||
		!strings.Contains(overlayText(cf.win), "hoor en wederhoor") {
		t.Fatalf("resolved without a verdict: %s; dialog %q", c.Status, overlayText(cf.win))
	}
	dialogSelect(t, cf).SetSelectedIndex(1) // deels gegrond
	cf.dialog.Submit()
	if c, _ := s.Complaint(ref); c.Status != data.StatusExtended || !strings.Contains(cf.dialog.why.Text, "Reden waarom iemand niet is gehoord") {
		t.Fatalf("resolved without hearing the complainant: %s; OK waits for %q", c.Status, cf.dialog.why.Text)
	}
	cf.dialog.Hide()
	test.Tap(cf.buttons[data.ActionContact])
	formEntry(t, cf, 1).SetText("Gesprek met de klager over de factuur.")
	for _, it := range cf.dialogItems {
		if c, ok := it.Widget.(*check); ok {
			c.SetChecked(true) // the complainant's view was heard
		}
	}
	cf.dialog.Submit()
	settle(m)
	test.Tap(cf.buttons[data.ActionResolve])
	dialogSelect(t, cf).SetSelectedIndex(1) // deels gegrond
	formEntry(t, cf, 0).SetText("De factuur is aangepast.")
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusResolved || c.Verdict != data.VerdictPartlyWellFounded {
		t.Fatalf("after resolving: %s %s", c.Status, c.Verdict)
	}
	settle(m)
	// Decided, but the file still runs until it closes: the measure and the outcome letter.
	if got := m.Overview.tiles[0].number.Text; got != "1" {
		t.Errorf("overview after resolving shows %s running complaints, want 1", got)
	}
	// Partly well-founded: the file waits for a measure, and its main button leads there (it
	// read "Dossier sluiten", disabled, with the measure on another tab).
	if cf.next.Text != "Verbetermaatregel vastleggen…" || cf.next.Disabled() {
		t.Fatalf("after the decision the main button reads %q (disabled %v)", cf.next.Text, cf.next.Disabled())
	}
	test.Tap(cf.next)
	if text := overlayText(cf.win); !strings.Contains(text, "Nieuwe verbetermaatregel") {
		t.Errorf("the main button opened %q", text)
	}
}

func TestRefusedStepShowsADialogAndChangesNothing(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Renée Smit")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	// Meanwhile a scheduled CLI run confirms receipt; the window still offers the step.
	if err := s.Acknowledge(ref, data.Date{}, data.DeliveryEmail, "Ontvangst per e-mail bevestigd."); err != nil {
		t.Fatal(err)
	}
	before := events(t, s, ref)
	test.Tap(cf.buttons[data.ActionAcknowledge])
	formEntry(t, cf, 1).SetText("Per e-mail bevestigd.")
	cf.dialog.Submit()
	if got := overlayText(cf.win); !strings.Contains(got, "De ontvangst van klacht "+ref+" is al bevestigd") {
		t.Errorf("error dialog says %q", got)
	}
	if after := events(t, s, ref); after != before {
		t.Errorf("refused step wrote %d events", after-before)
	}
}

func TestSearchNarrowsTheRegister(t *testing.T) {
	m, s := newApp(t)
	for _, n := range []string{"Mehmet Çelik", "Ĳsbrand de Vries", "Anouk Bakker"} {
		addComplaint(t, s, n)
	}
	m.Register.refresh()
	settle(m)
	if m.Register.rows != 3 {
		t.Fatalf("register shows %d rows, want 3", m.Register.rows)
	}
	test.Type(m.Register.search, "celik")
	settle(m)
	if m.Register.rows != 1 {
		t.Fatalf("search celik shows %d rows, want 1", m.Register.rows)
	}
	m.Register.row(0)
	settle(m)
	if l, _ := m.Register.row(0); l.Complainant.Name != "Mehmet Çelik" {
		t.Errorf("search celik found %q", l.Complainant.Name)
	}
}

func TestOverviewListsItemsOverdueFirstWithABadge(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Daan Mulder") // received 20-11: acknowledgement due 27-11, overdue
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Lotte Dekker"}, ReceivedOn: data.Today(day),
		Channel: data.ChannelPhone, Formal: true, Subject: data.SubjectOther, Summary: "Niet teruggebeld",
		PhoneIntake: data.PhoneIntake{TakenBy: "Anne de Linde", ExplicitRequest: true}})
	if err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	o := m.Overview
	if len(o.items) < 2 || o.items[0].Warning != data.WarningOverdue || o.items[0].Kind != data.ItemAcknowledge {
		t.Fatalf("items %+v", o.items)
	}
	if got := when(o.items[0]); got != "3 dagen te laat" {
		t.Errorf("first item due %q, want 3 dagen te laat", got)
	}
	if m.Overview.tiles[1].number.Text != "1" || m.Overview.tiles[3].number.Text != "2" {
		t.Errorf("tiles: overdue %s, to acknowledge %s; want 1 and 2", m.Overview.tiles[1].number.Text, m.Overview.tiles[3].number.Text)
	}
	if m.todayTab.Text != "Vandaag (1)" {
		t.Errorf("badge %q, want Vandaag (1)", m.todayTab.Text)
	}
	_ = ref
}

// formEntry returns the n-th text field of the step dialog last shown.
func formEntry(t *testing.T, cf *complaintFile, n int) *entry {
	t.Helper()
	for _, it := range cf.dialogItems {
		if e, ok := it.Widget.(*entry); ok {
			if n == 0 {
				return e
			}
			n--
		}
	}
	t.Fatal("the dialog has no such field")
	return nil
}

// dialogSelect returns the first choice list of the step dialog last shown.
// dialogField is the field of the open step dialog with label text.
func dialogField[W fyne.CanvasObject](t *testing.T, cf *complaintFile, text string) W {
	t.Helper()
	for _, it := range cf.dialogItems {
		if w, ok := it.Widget.(W); ok && it.Text == text {
			return w
		}
	}
	t.Fatalf("the dialog has no field %q", text)
	var none W
	return none
}

func dialogSelect(t *testing.T, cf *complaintFile) *choice {
	t.Helper()
	for _, it := range cf.dialogItems {
		if s, ok := it.Widget.(*choice); ok {
			return s
		}
	}
	t.Fatal("the dialog has no choice list")
	return nil
}

func TestEnterSubmitsAndEscapeCancelsAStepDialog(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	cf := m.OpenComplaint(ref, data.ItemAcknowledge) // the overview's item leads to the acknowledgement letter
	settle(m)
	if cf.dialog == nil || cf.win.Canvas().Overlays().Top() == nil || cf.tabs.Selected() != cf.tab("letters") ||
		dialogSelect(t, cf).Selected != "Ontvangstbevestiging" {
		t.Fatalf("opening at the acknowledge item shows %q", overlayText(cf.win))
	}
	formEntry(t, cf, 0).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if cf.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the dialog open")
	}
	if c, _ := s.Complaint(ref); c.Status != data.StatusReceived {
		t.Fatalf("Escape changed the status to %s", c.Status)
	}
	test.Tap(cf.buttons[data.ActionAcknowledge])
	formEntry(t, cf, 1).SetText("Per e-mail bevestigd.")
	formEntry(t, cf, 0).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusAcknowledged {
		t.Fatalf("Enter did not confirm receipt: %s", c.Status)
	}
}

func TestDeadlineNoticeCountsOverdueAndToday(t *testing.T) {
	_, s := newApp(t)
	if n := deadlineNotice(s); n != nil {
		t.Fatalf("empty register: notice %q", n.Content)
	}
	addComplaint(t, s, "Daan Mulder") // acknowledgement due 27-11: overdue
	if _, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Eline van Dijk"}, ReceivedOn: data.NewDate(2026, 11, 23),
		Channel: data.ChannelEmail, Formal: true, Subject: data.SubjectService, Summary: "Geen reactie"}); err != nil {
		t.Fatal(err)
	} // acknowledgement due 30-11: today
	n := deadlineNotice(s)
	if n == nil || n.Content != "1 verlopen, 1 vandaag te doen" {
		t.Fatalf("notice = %+v", n)
	}
}

func TestAcknowledgementLetterMadeAndMarkedSentConfirmsReceipt(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Ĳsbrand de Vries")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	test.Tap(findButton(t, cf.letters.content(), "Brief maken…"))
	if got := dialogSelect(t, cf).Selected; got != "Ontvangstbevestiging" {
		t.Errorf("suggested letter %q, want Ontvangstbevestiging", got)
	}
	cf.dialog.Submit()
	settle(m)
	f, err := s.File(ref)
	if err != nil || len(f.Letters) != 1 || f.Letters[0].Kind != data.LetterAcknowledgement {
		t.Fatalf("letters after making one: %+v (%v)", f.Letters, err)
	}
	if cf.next.Text != "Ontvangstbevestiging als verstuurd markeren…" { // not a second version
		t.Errorf("after making the letter the next step is %q", cf.next.Text)
	}
	test.Tap(cf.next) // mark as sent
	cf.dialog.Submit()
	settle(m)
	c, _ := s.Complaint(ref)
	if c.Status != data.StatusAcknowledged || c.AcknowledgedOn != data.Today(day) {
		t.Fatalf("after marking the acknowledgement sent: %s on %s", c.Status, c.AcknowledgedOn)
	}
	if !strings.Contains(cf.letters.row(0), "verstuurd 30-11-2026 (per post)") {
		t.Errorf("letter row %q", cf.letters.row(0))
	}
}

// findButton finds the button with the given text in a screen.
// asButton is o as a button: Fyne's own, as dialogs show, or ours (button).
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *button:
		return &b.Button, true
	}
	return nil, false
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	w := test.NewTempWindow(t, o)
	for _, obj := range test.LaidOutObjects(w.Content()) {
		if b, ok := asButton(obj); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func TestSettingsRefuseABadLetterTextAndSaveAGoodOne(t *testing.T) {
	m, s := newApp(t)
	set := m.Settings
	key := data.LetterTextKey(data.LetterOutcome, "nl")
	set.entries[key].SetText("Aan {naam}:\n\nUw klacht {kenmerk} is {onbekend} afgehandeld.")
	if !set.save.Disabled() || !strings.Contains(set.problem.Text, "regel 3") || !strings.Contains(set.problem.Text, "onbekend") {
		t.Fatalf("bad placeholder: save disabled %v, message %q", set.save.Disabled(), set.problem.Text)
	}
	set.entries[key].SetText("Aan {naam}:\n\nUw klacht {kenmerk} is afgehandeld: {uitkomst}")
	set.entries["practice_city"].SetText("Amersfoort")
	if set.save.Disabled() {
		t.Fatalf("good text: save disabled, message %q", set.problem.Text)
	}
	test.Tap(set.save)
	settle(m)
	got, _ := s.Settings()
	if got[key] != "Aan {naam}:\n\nUw klacht {kenmerk} is afgehandeld: {uitkomst}" || got["practice_city"] != "Amersfoort" {
		t.Errorf("stored %q, city %q", got[key], got["practice_city"])
	}
}

func TestRegisterSortsByTheColumnTapped(t *testing.T) {
	m, s := newApp(t)
	for _, n := range []string{"Mehmet Çelik", "Daan Mulder", "Anouk Bakker"} {
		addComplaint(t, s, n)
	}
	r := m.Register
	first := func() string {
		r.refresh()
		settle(m)
		r.row(0)
		settle(m)
		l, _ := r.row(0)
		return l.Complainant.Name
	}
	if got := first(); got != "Anouk Bakker" { // newest first: the last one registered
		t.Fatalf("default order starts with %q", got)
	}
	if l, _ := r.row(2); l.Complainant.Name != "Mehmet Çelik" {
		t.Fatalf("default order ends with %q, want the first registered", l.Complainant.Name)
	}
	header := r.table.CreateHeader().(*button)
	klager := widget.TableCellID{Col: slices.Index(r.shown, 2)} // the columns shown follow the names loaded
	r.updateHeader(klager, header)
	test.Tap(header)
	if got := first(); got != "Anouk Bakker" || r.filter.Sort != data.SortComplainant || r.filter.Descending {
		t.Fatalf("sorted by complainant: first %q", got)
	}
	if l, _ := r.row(1); l.Complainant.Name != "Mehmet Çelik" { // by surname, under C
		t.Fatalf("sorted by complainant: second %q, want Mehmet Çelik", l.Complainant.Name)
	}
	r.updateHeader(klager, header)
	if header.Text != "Klager ▲" {
		t.Errorf("header %q, want Klager ▲", header.Text)
	}
	test.Tap(header)
	if got := first(); got != "Daan Mulder" {
		t.Fatalf("sorted by complainant, descending: first %q", got)
	}
}

// TestOnlyTheColumnTappedShowsTheSortArrow: Termijn and Termijnbewaking sort alike (by
// urgency); the arrow showed on both.
func TestOnlyTheColumnTappedShowsTheSortArrow(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Daan Mulder")
	r := m.Register
	r.refresh()
	settle(m)
	headers := map[string]*button{}
	cells := map[string]widget.TableCellID{}
	for col, i := range r.shown {
		title := registerColumns[i].title
		headers[title], cells[title] = r.table.CreateHeader().(*button), widget.TableCellID{Row: -1, Col: col}
		r.updateHeader(cells[title], headers[title])
	}
	for _, tapped := range []string{"Deadline", "Due"} {
		test.Tap(headers[tapped])
		settle(m)
		for title, b := range headers {
			r.updateHeader(cells[title], b)
			if arrow := strings.HasSuffix(b.Text, "▲"); arrow != (title == tapped) {
				t.Errorf("after a tap on %s: header %s reads %q", tapped, title, b.Text)
			}
		}
	}
}

func TestWellFoundedComplaintClosesOnceItHasAMeasure(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Fatima El Amrani")
	for _, err := range []error{s.Acknowledge(ref, data.Date{}, data.DeliveryEmail, "Ontvangst per e-mail bevestigd."), s.Resolve(ref, data.Resolution{Verdict: data.VerdictWellFounded, Outcome: "Excuses en creditnota.", On: data.Date{}, NoHearingReason: "niet van toepassing in deze test"})} {
		if err != nil {
			t.Fatal(err)
		}
	}
	l, err := s.SaveLetter(ref, data.LetterOutcome, "nl", []byte("%PDF-1.4\n"), 0)
	if err == nil {
		err = s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost)
	}
	if err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, data.ItemMeasure) // the overview's item opens the new-measure dialog
	settle(m)
	if !cf.buttons[data.ActionClose].Disabled() {
		t.Fatal("close is enabled while the measure is still due")
	}
	entries := []*entry{}
	var cause *choice
	for _, o := range test.LaidOutObjects(cf.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *entry:
			entries = append(entries, w)
		case *choice:
			cause = w
		}
	}
	if len(entries) == 0 || cause == nil {
		t.Fatal("no measure dialog shown")
	}
	entries[0].SetText("Elke aangifte krijgt een tweede controle vóór de deadline.")
	cause.SetSelectedIndex(0)
	cf.dialog.Submit()
	settle(m)
	f, err := s.File(ref)
	if err != nil || len(f.Measures) != 1 {
		t.Fatalf("measures of the complaint: %v (%v)", f.Measures, err)
	}
	if cf.buttons[data.ActionClose].Disabled() {
		t.Fatal("close stays disabled with a measure linked")
	}
	if got := m.Overview.tiles[0].number.Text; got != "1" {
		t.Errorf("Vandaag before closing shows %s running complaints, want 1", got)
	}
	test.Tap(cf.buttons[data.ActionClose])
	if top := cf.win.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := asButton(o); ok && b.Text == "Ja" {
				test.Tap(b)
			}
		}
	}
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusClosed {
		t.Fatalf("status after closing: %s", c.Status)
	}
	if got := m.Overview.tiles[0].number.Text; got != "0" {
		t.Errorf("Vandaag after closing shows %s running complaints, want 0", got)
	}

	// A closed file is read-only: its details cannot be typed in and only reopening is offered.
	if !cf.form.address1.Disabled() || !cf.form.channel.Disabled() {
		t.Error("the details of a closed file can still be edited")
	}
	for a, b := range cf.buttons {
		if b.Disabled() != (a != data.ActionReopen) {
			t.Errorf("closed file: step %s enabled = %v", a, !b.Disabled())
		}
	}
	test.Tap(cf.buttons[data.ActionReopen])
	cf.dialogItems[0].Widget.(*entry).SetText("Adres van de klager was onjuist.")
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusResolved {
		t.Fatalf("status after reopening: %s", c.Status)
	}
	if cf.form.address1.Disabled() || cf.buttons[data.ActionClose].Disabled() {
		t.Error("the reopened file is still read-only")
	}
}

func TestReportScreenShowsTheYear(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Kees van der Meer")
	addComplaint(t, s, "Ingrid Vermeulen")
	m.Report.refresh()
	settle(m)
	if m.Report.year.Selected != "2026" || m.Report.report.Current.Received != 2 {
		t.Fatalf("report year %q, received %d", m.Report.year.Selected, m.Report.report.Current.Received)
	}
	var texts []string
	for _, o := range test.LaidOutObjects(test.NewTempWindow(t, m.Report.body).Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	joined := strings.Join(texts, "|")
	if !strings.Contains(joined, "Met minder dan vijf klachten in het jaar") {
		t.Error("a year of two complaints: no word that the anonymised report may still point to them")
	}
	// The register holds no 2025, so its column has no figures; the year is under way.
	for _, want := range []string{"Ontvangen klachten|2|–", "Open op 30 november 2026 (2025: op 31 december)|2|–", "Naar wijze van ontvangst (totaal 2)",
		"ontvangen (blauw, 2)", "lopende maand"} {
		if !strings.Contains(joined, want) {
			t.Errorf("report screen lacks %q: %s", want, joined)
		}
	}
}

func TestFileTabsListWhatWasRecordedAndRefreshKeepsTyping(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Gerrit-Jan Bos")
	if _, err := s.AddContact(ref, data.Contact{Kind: data.ContactPhone, Note: "Klacht besproken."}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if n := cf.lists.timeline.Length(); n != 2 {
		t.Errorf("timeline shows %d events, want 2", n)
	}
	if n := cf.lists.contacts.Length(); n != 1 || !strings.Contains(cf.lists.contactRows[0], "Klacht besproken.") {
		t.Errorf("contacts tab shows %d rows: %v", n, cf.lists.contactRows)
	}
	cf.form.phone.SetText("030 123 45 67") // typed, not yet saved
	m.Settings.entries["practice_city"].SetText("Zeist")
	m.refresh() // as after a change elsewhere or the hourly check
	settle(m)
	if cf.form.phone.Text != "030 123 45 67" || m.Settings.entries["practice_city"].Text != "Zeist" {
		t.Fatalf("a refresh threw away what was typed: phone %q, city %q", cf.form.phone.Text, m.Settings.entries["practice_city"].Text)
	}
	test.Tap(cf.save)
	settle(m)
	if c, _ := s.Complaint(ref); c.Complainant.Phone != "030 123 45 67" {
		t.Errorf("saved phone %q", c.Complainant.Phone)
	}
}

func TestMeasuresScreenCarriesAMeasureThrough(t *testing.T) {
	m, s := newApp(t)
	ms := m.Measures
	test.Tap(ms.buttons["new"])
	var entries []*entry
	var cause *choice
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *entry:
			entries = append(entries, w)
		case *choice:
			cause = w
		}
	}
	if len(entries) < 4 || cause == nil {
		t.Fatal("no measure dialog")
	}
	entries[0].SetText("Terugbelverzoeken dezelfde dag afhandelen.")
	cause.SetSelectedIndex(2)
	entries[3].SetText("31-12-2026")
	entries[3].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(m)
	list, err := s.Measures(data.MeasureFilter{Open: true})
	if err != nil || len(list) != 1 || list[0].DueOn != data.NewDate(2026, 12, 31) {
		t.Fatalf("measures after adding one: %+v (%v)", list, err)
	}
	if ms.selected != list[0].Code || ms.buttons["done"].Disabled() {
		t.Fatalf("new measure not selected (%q) or done disabled", ms.selected)
	}
	test.Tap(ms.buttons["done"])
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			break
		}
	}
	settle(m)
	if got, _ := s.Measure(list[0].Code); got.DoneOn != data.Today(day) {
		t.Fatalf("done on %s", got.DoneOn)
	}
	// Carried out, its effect is still to be evaluated: it stays in the list of what is still to
	// do, selected, with its next step ready (it left the list while Vandaag asked about it).
	if len(ms.measures) != 1 || ms.current() == nil || ms.buttons["evaluate"].Disabled() {
		t.Errorf("after carrying it out the to-do list shows %d measures, selection %v", len(ms.measures), ms.current())
	}
	// A finding the store refuses (it names the practitioner) keeps its dialog and what was
	// typed: it closed and lost the text.
	test.Tap(ms.buttons["evaluate"])
	var note *entry
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *widget.RadioGroup:
			w.SetSelected(w.Options[0])
		case *entry:
			if w.MultiLine {
				note = w
			}
		}
	}
	note.SetText("Volgens Anne geen klachten meer.")
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		if b, ok := asButton(o); ok && b.Text == "Vastleggen" {
			test.Tap(b)
			break
		}
	}
	settle(m)
	overlays := m.win.Canvas().Overlays().List() // the refusal over the dialog it refused
	if got, _ := s.Measure(list[0].Code); !got.EvaluatedOn.IsZero() || note.Text != "Volgens Anne geen klachten meer." ||
		len(overlays) != 2 || !strings.Contains(overlayText(m.win), `noemt "Anne"`) {
		t.Errorf("a refused finding: evaluated on %s, %d overlays, on top %q", got.EvaluatedOn, len(overlays), overlayText(m.win))
	}
}

func TestEscapeClosesAnErrorDialog(t *testing.T) {
	m, _ := newApp(t)
	showError(data.NewError(data.CodeConflict, "", "dit kan niet"), m.win)
	c := m.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Error("Escape left the error dialog open")
	}
}

// TestIntakeProposesTheNamePartsAndShowsTheLetterSentence: the intake form proposes the
// initials and surname from the name typed, keeps a correction, shows the sentence the letters
// make of the description, and stores what the letters need, the representative included.
func TestIntakeProposesTheNamePartsAndShowsTheLetterSentence(t *testing.T) {
	m, s := newApp(t)
	f := m.Intake.form
	test.Type(f.name, "Anne-Sophie van den Broek")
	if f.person1.initials.Text != "Anne-Sophie" || f.person1.surname.Text != "van den Broek" {
		t.Fatalf("proposal: %q / %q", f.person1.initials.Text, f.person1.surname.Text)
	}
	f.person1.surname.SetText("Van den Broek-Dvořáková")
	test.Type(f.name, "-Dvořáková")
	if f.person1.surname.Text != "Van den Broek-Dvořáková" {
		t.Errorf("the corrected surname was replaced: %q", f.person1.surname.Text)
	}
	f.person1.salutation.SetSelectedIndex(0) // mevrouw
	test.Type(f.summary, "Klaagster is niet tijdig geïnformeerd.")
	f.channel.SetSelectedIndex(2)
	f.subject.SetSelectedIndex(1) // dienstverlening
	if want := "Hartelijk dank voor uw klacht van 30 november 2026 over onze dienstverlening."; !strings.Contains(f.preview.Text, want) {
		t.Errorf("preview %q lacks %q", f.preview.Text, want)
	}
	test.Type(f.letterDesc, "Uw klacht over de factuur.")
	if want := "Hartelijk dank voor uw klacht over de factuur.’"; !strings.Contains(f.preview.Text, want) {
		t.Errorf("preview %q lacks %q", f.preview.Text, want)
	}
	test.Type(f.repName, "Jeroen de Wit")
	if !strings.Contains(m.Intake.problem.Text, "gemachtigde") || !m.Intake.save.Disabled() {
		t.Errorf("a representative without address: problem %q", m.Intake.problem.Text)
	}
	test.Type(f.repLine, "Herengracht 500")
	test.Type(f.repCity, "Amsterdam")
	test.Tap(m.Intake.save)
	settle(m)
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != 1 {
		t.Fatalf("store holds %d complaints (%v)", len(listed), err)
	}
	c := listed[0].Complaint
	if c.Complainant.Salutation != data.SalutationMrs || c.Complainant.Surname != "Van den Broek-Dvořáková" ||
		c.LetterDescription != "Uw klacht over de factuur." || c.Representative.Name != "Jeroen de Wit" ||
		c.Representative.Surname != "de Wit" || c.Representative.City != "Amsterdam" || c.Language != "nl" {
		t.Errorf("stored %+v", c)
	}
	// The emptied form keeps nothing of her: the next complainant is not greeted "mevrouw".
	if i := f.person1.salutation.SelectedIndex(); i >= 0 || f.rep.salutation.SelectedIndex() >= 0 {
		t.Errorf("the emptied form still proposes salutation %d", i)
	}
	test.Type(f.name, "Pieter-Jan van der Heijden")
	if i := f.person1.salutation.SelectedIndex(); i >= 0 && data.Salutations[i] != data.SalutationNeutral {
		t.Errorf("the next name got salutation %q", data.Salutations[i])
	}
}

// TestTheFileTitleSaysTheProcedureOnce: an informal complaint's title says "informeel" once
// (it said "informeel (informeel)"); a formal one names its procedure beside the status.
func TestTheFileTitleSaysTheProcedureOnce(t *testing.T) {
	m, s := newApp(t)
	informal, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Anna van der Berg-Jansen"},
		ReceivedOn: data.NewDate(2026, 11, 20), Channel: data.ChannelPhone, Subject: data.SubjectService, Summary: "Factuur te hoog"})
	if err != nil {
		t.Fatal(err)
	}
	formal := addComplaint(t, s, "Sanne de Jong")
	for ref, want := range map[string]string{informal: informal + " · Anna van der Berg-Jansen · informeel",
		formal: formal + " · Sanne de Jong · ontvangen (formele procedure)"} {
		cf := m.OpenComplaint(ref, "")
		settle(m)
		if cf.title.Text != want {
			t.Errorf("title %q, want %q", cf.title.Text, want)
		}
	}
}

// TestEverySettingHasItsPlaceOnTheSettingsScreen: every setting of data.SettingKeys is on a
// tab of Instellingen (progress_letter_days was missing), the letter texts on their own.
func TestEverySettingHasItsPlaceOnTheSettingsScreen(t *testing.T) {
	m, _ := newApp(t)
	for _, d := range data.SettingKeys() {
		if strings.HasPrefix(d.Key, "letter_") {
			continue
		}
		if m.Settings.entries[d.Key] == nil && m.Settings.selects[d.Key] == nil {
			t.Errorf("setting %s has no field", d.Key)
			continue
		}
		on := false
		for _, g := range settingGroups {
			on = on || slices.Contains(g.keys, d.Key)
		}
		if !on {
			t.Errorf("setting %s is on no tab", d.Key)
		}
	}
	if e := m.Settings.entries[data.KeyProgressLetterDays]; e == nil || e.Text != "3" {
		t.Fatalf("progress_letter_days field: %v", e)
	}
}

// TestTodaySaysKindlyThatThereIsNothingToDo: with nothing to do, Vandaag says so, not "Kies
// een actiepunt" above an empty list.
func TestTodaySaysKindlyThatThereIsNothingToDo(t *testing.T) {
	m, s := newApp(t)
	if got := m.Overview.hint.Text; got != "Er staat niets open. Nieuwe klachten verschijnen hier zodra u ze invoert." {
		t.Errorf("empty register: %q", got)
	}
	addComplaint(t, s, "Sanne de Jong")
	m.refresh()
	settle(m)
	if got := m.Overview.hint.Text; !strings.HasPrefix(got, "Kies een actiepunt om het te openen") {
		t.Errorf("with an item: %q", got)
	}
}

// TestRefusedMeasureKeepsItsDialog: a measure refused for naming the complainant leaves no new
// category behind and keeps its dialog with what was typed, to correct it.
func TestRefusedMeasureKeepsItsDialog(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Thijs Jansen")
	test.Tap(m.Measures.buttons["new"])
	var entries []*entry
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) < 4 {
		t.Fatal("no measure dialog")
	}
	const typed = "Planning na de klacht van de heer Jansen."
	entries[0].SetText(typed)
	entries[1].SetText("Planning")
	entries[3].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(m)
	causes, err := s.RootCauses()
	if err != nil || slices.ContainsFunc(causes, func(rc data.RootCause) bool { return rc.Label == "Planning" }) {
		t.Errorf("a refused measure added its category: %v (%v)", causes, err)
	}
	overlays := m.win.Canvas().Overlays().List()
	if len(overlays) != 2 || !strings.Contains(overlayText(m.win), "Jansen") {
		t.Fatalf("%d overlays, text %q: want the measure dialog under the refusal", len(overlays), overlayText(m.win))
	}
	if entries[0].Text != typed || !entries[0].Visible() {
		t.Errorf("the description typed is gone: %q", entries[0].Text)
	}
}

// TestStepDialogKeepsWhatWasTyped: a step refused for a missing hearing is cancelled to record
// the hearing first; opened again, the dialog still holds the verdict and outcome typed. Once
// the step is done, the next dialog starts empty.
func TestStepDialogKeepsWhatWasTyped(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	if err := s.Acknowledge(ref, data.Date{}, data.DeliveryPost, "Ontvangst per brief bevestigd."); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	const outcome = "Wij hebben de factuur aangepast."
	fill := func() {
		dialogField[*choice](t, cf, "Oordeel").SetSelectedIndex(0)
		dialogField[*entry](t, cf, "Uitkomst").SetText(outcome)
	}
	cf.onResolve()
	fill()
	cf.dialog.Submit() // refused: the complainant was not heard
	settle(m)
	if c, _ := s.Complaint(ref); c.Status == data.StatusResolved {
		t.Fatal("resolved without a hearing")
	}
	cf.dialog.Hide() // off to record the hearing
	if _, err := s.AddContact(ref, data.Contact{Kind: data.ContactMeeting, Hearing: true, Note: "Klager gehoord."}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil) // as the app does on a change to the register
	settle(m)
	cf.onResolve()
	verdict := dialogField[*choice](t, cf, "Oordeel")
	if got := dialogField[*entry](t, cf, "Uitkomst").Text; got != outcome || verdict.SelectedIndex() != 0 {
		t.Fatalf("reopened with outcome %q, verdict %d", got, verdict.SelectedIndex())
	}
	cf.dialog.Submit()
	settle(m)
	if c, _ := s.Complaint(ref); c.Status != data.StatusResolved || c.Outcome != outcome {
		t.Fatalf("after the hearing: %s %q", c.Status, c.Outcome)
	}
	if len(cf.drafts) != 0 {
		t.Errorf("the draft outlived its step: %v", cf.drafts)
	}
}

// TestDraftsStayWithTheirDialog: what was typed comes back only in the same step opened with the
// same proposals: a letter chosen and cancelled does not replace the letter the next step
// proposes, and a note typed for a call does not fill the dialog of a letter to write.
func TestDraftsStayWithTheirDialog(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.letters.onMake("")
	choice := dialogSelect(t, cf)
	choice.SetSelectedIndex(len(choice.Options) - 1)
	cf.dialog.Hide()
	test.Tap(cf.next) // Ontvangstbevestiging maken…
	if got := dialogSelect(t, cf).Selected; got != "Ontvangstbevestiging" {
		t.Errorf("the next step proposes %q, want Ontvangstbevestiging", got)
	}
	cf.dialog.Hide()

	cf.onContact(data.ContactPhone, false)
	cf.dialogItems[2].Widget.(*entry).SetText("Gebeld over de factuur.")
	cf.dialog.Hide()
	cf.onContact(data.ContactLetter, false)
	if note := cf.dialogItems[2].Widget.(*entry).Text; note != "" {
		t.Errorf("a letter's contact opened with the call's note %q", note)
	}
	cf.dialog.Hide()
	cf.onContact(data.ContactPhone, false)
	if note := cf.dialogItems[2].Widget.(*entry).Text; note != "Gebeld over de factuur." {
		t.Errorf("the call's dialog lost its note: %q", note)
	}
}

// TestANewMeasureShowsItsComplaintsOnce: the measure just saved is selected and shown once; its
// line "Klachten: geen: ..." stood there twice, side by side, as selecting it in the list
// showed it again halfway through showing it.
func TestANewMeasureShowsItsComplaintsOnce(t *testing.T) {
	m, s := newApp(t)
	ms := m.Measures
	code, err := s.AddMeasure(data.Measure{Description: "Termijnen in een gedeelde agenda zetten.", RootCause: "communication"})
	if err != nil {
		t.Fatal(err)
	}
	ms.selected = code.Code
	ms.changed()
	settle(m)
	var got []string
	for _, o := range ms.links.Objects {
		if l, ok := o.(*widget.Label); ok {
			got = append(got, l.Text)
		}
	}
	if strings.Join(got, " ") != "Klachten: geen: een maatregel voor de hele praktijk" {
		t.Errorf("the measure's complaints read %q", got)
	}
}

// TestATitleTypedBeforeTheNameProposesTheSalutation: "mw. J. de Vries" proposes mevrouw and
// leaves "mw." out of the initials; a salutation the practitioner chose stays.
func TestATitleTypedBeforeTheNameProposesTheSalutation(t *testing.T) {
	m, _ := newApp(t)
	n := &m.Intake.form.person1
	test.Type(m.Intake.form.name, "mw. J. de Vries")
	if got := n.read(); got != (data.NameParts{Salutation: data.SalutationMrs, Initials: "J.", Surname: "de Vries"}) {
		t.Fatalf("proposed %+v", got)
	}
	m.Intake.form.name.SetText("J. de Vries") // the title taken out again: neutral again
	if got := n.read().Salutation; neutralIfNone(got) != data.SalutationNeutral {
		t.Errorf("salutation after removing the title: %q", got)
	}
	n.salutation.SetSelectedIndex(slices.Index(data.Salutations, data.SalutationMr))
	m.Intake.form.name.SetText("mevrouw J. de Vries")
	if got := n.read().Salutation; got != data.SalutationMr {
		t.Errorf("the chosen salutation was replaced by %q", got)
	}
}

// TestResolveSaysUpFrontWhoIsNotHeard: the resolve dialog of a formal complaint whose
// complainant is not heard says so above the fields and asks why not before it can resolve;
// it told only after the outcome was written and Afhandelen pressed.
func TestResolveSaysUpFrontWhoIsNotHeard(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	if err := s.Acknowledge(ref, data.Date{}, data.DeliveryPost, "Ontvangst per brief bevestigd."); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onResolve()
	if text := overlayText(cf.win); !strings.Contains(text, "de klager is nog niet gehoord") {
		t.Fatalf("the dialog does not say who is not heard: %q", text)
	}
	if why := cf.dialog.why.Text; why != "Maak een keuze bij ‘Oordeel’." { // the verdict first, as the form asks it
		t.Errorf("OK waits for %q", why)
	}
	dialogField[*choice](t, cf, "Oordeel").SetSelectedIndex(0)
	dialogField[*entry](t, cf, "Uitkomst").SetText("Wij hebben de factuur aangepast.")
	if !cf.dialog.confirm.Disabled() {
		t.Fatal("Afhandelen is possible without a hearing or a reason")
	}
	dialogField[*entry](t, cf, "Reden waarom iemand niet is gehoord").SetText("Geen reactie op twee uitnodigingen.")
	if cf.dialog.confirm.Disabled() {
		t.Fatal("Afhandelen stays grey with the reason filled in")
	}
}

// TestContactAsksANameOnlyOfSomeoneElse: the contact dialog's name is for someone other than
// the complainant: greyed while the contact is with the complainant (it was open to typing),
// and for the person the complaint is about it proposes the name the complaint gives.
func TestContactAsksANameOnlyOfSomeoneElse(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	c, err := s.Complaint(ref)
	if err != nil {
		t.Fatal(err)
	}
	c.PersonNamed = "Jan de Boer"
	if err := s.Update(*c); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onContact(data.ContactPhone, false)
	name, with := dialogField[*entry](t, cf, "Naam"), dialogField[*choice](t, cf, "Met")
	if !name.Disabled() {
		t.Error("a name can be typed for a contact with the complainant")
	}
	with.SetSelectedIndex(slices.Index(data.Parties, data.PartyConcerned))
	if name.Disabled() || name.PlaceHolder != "Jan de Boer" {
		t.Errorf("with the person concerned: disabled %v, proposed %q", name.Disabled(), name.PlaceHolder)
	}
}

// TestEmptyMeasuresListSaysWhy: an empty list of measures says why it is empty, per filter; it
// asked to select a measure from a list that had none.
func TestEmptyMeasuresListSaysWhy(t *testing.T) {
	m, _ := newApp(t)
	ms := m.Measures
	for i, want := range []string{"Er wacht geen maatregel op uitvoering.", "Er is nog geen maatregel uitgevoerd.",
		"Er zijn nog geen maatregelen."} {
		ms.filter.SetSelectedIndex(i)
		settle(m)
		if !strings.HasPrefix(ms.detail.Text, want) {
			t.Errorf("filter %d: %q", i, ms.detail.Text)
		}
	}
}

// TestIntakeProposesWhoTookTheCall: who took a formal phone complaint starts as the
// practitioner, who takes the calls in a practice of one, and the handler's field shows who
// handles the complaint when it is left empty; a complaint by letter records nobody taking a call.
func TestIntakeProposesWhoTookTheCall(t *testing.T) {
	m, s := newApp(t)
	set, err := s.Settings()
	if err != nil {
		t.Fatal(err)
	}
	in := m.Intake
	if in.takenBy.Text != set.PractitionerName() || in.form.handler.PlaceHolder != set.PractitionerName() || set.PractitionerName() == "" {
		t.Fatalf("taken by %q, handler's placeholder %q, practitioner %q", in.takenBy.Text, in.form.handler.PlaceHolder, set.PractitionerName())
	}
	test.Type(in.form.name, "Mehmet Çelik")
	test.Type(in.form.summary, "Factuur te hoog")
	in.form.channel.SetSelectedIndex(slices.Index(data.Channels, data.ChannelLetter))
	in.form.subject.SetSelectedIndex(0)
	test.Tap(in.save)
	settle(m)
	listed, err := s.List(data.Filter{})
	if err != nil || len(listed) != 1 {
		t.Fatalf("%d complaints (%v)", len(listed), err)
	}
	if c := listed[0].Complaint; !c.Formal || c.TakenBy != "" || c.Handler != set.PractitionerName() {
		t.Errorf("a letter: formal %v, taken by %q, handler %q", c.Formal, c.TakenBy, c.Handler)
	}
}

// TestRegisterSaysWhenItsFiltersHideEverything: a search and filters that leave no complaint
// say so, with a button that shows all again; "0 klachten" read as an empty register.
func TestRegisterSaysWhenItsFiltersHideEverything(t *testing.T) {
	m, s := newApp(t)
	addComplaint(t, s, "Daan Mulder")
	r := m.Register
	r.status.SetSelectedIndex(slices.Index(data.Statuses, data.StatusClosed) + 1)
	test.Type(r.search, "Mulder")
	settle(m)
	if r.total.Text != "Geen klacht gevonden." || !r.showAll.Visible() {
		t.Fatalf("filters hiding every complaint: %q, button shown %v", r.total.Text, r.showAll.Visible())
	}
	test.Tap(r.showAll)
	settle(m)
	if r.search.Text != "" || r.status.SelectedIndex() != 0 || r.total.Text != "1 klacht" || r.showAll.Visible() {
		t.Errorf("after Alle klachten tonen: search %q, status %d, %q, button shown %v", r.search.Text, r.status.SelectedIndex(), r.total.Text, r.showAll.Visible())
	}
}

// TestExpertDialogProposesTitlesAndFits: "drs. P. Bakker" typed as the expert's name put
// "drs. P." in the initials (the letter began "Geachte drs. P. Bakker,"); the title is now
// proposed in its own field. The dialog's fields had 165 px beside its long labels.
func TestExpertDialogProposesTitlesAndFits(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Hanna Jansen"), "")
	settle(m)
	cf.onExpert()
	name := dialogField[*entry](t, cf, "Naam")
	test.Type(name, "drs. P. Bakker RA")
	titles := dialogField[*fyne.Container](t, cf, "Titels voor en achter de naam").Objects
	initials, surname := dialogField[*entry](t, cf, "Voorletters of voornaam"), dialogField[*entry](t, cf, "Achternaam")
	if got := []string{titles[0].(*entry).Text, initials.Text, surname.Text, titles[1].(*entry).Text}; !slices.Equal(got, []string{"drs.", "P.", "Bakker", "RA"}) {
		t.Errorf("title, initials, surname, title after proposed as %q", got)
	}
	titles[0].(*entry).SetText("dr.") // corrected: the titles no longer follow the name
	test.Type(name, "x")
	if titles[0].(*entry).Text != "dr." || titles[1].(*entry).Text != "RA" {
		t.Errorf("after a corrected title the fields read %q, %q", titles[0].(*entry).Text, titles[1].(*entry).Text)
	}
	if w := name.Size().Width; w < 380 {
		t.Errorf("the name field is %.0f px wide in a window of %.0f px", w, cf.win.Canvas().Size().Width)
	}
	// A new expert shows in the file only once signed for it: the app says what comes next.
	cf.dialog.Submit()
	settle(m)
	if text := overlayText(cf.win); !strings.Contains(text, "drs. P. Bakker RAx is opgeslagen. Maak nu bij Brieven de geheimhoudingsverklaring voor deze klacht. Komt die") {
		t.Errorf("after saving a new expert the file says %q", text)
	}
}

// TestInformationExpectedOnAWorkingDay: asked on a Saturday, the request for information
// proposed the Saturday two weeks on; it proposes the Monday after.
func TestInformationExpectedOnAWorkingDay(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	s.Now = func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.Local) } // a Saturday
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onContact(data.ContactLetter, true)
	if got := dialogField[*entry](t, cf, "Verwacht uiterlijk").Text; got != "21-12-2026" {
		t.Errorf("information expected by %s, want Monday 21-12-2026", got)
	}
}

// TestWkkgzExtensionSaysWhyItsLimit: past the Wkkgz's four weeks the date field said only
// "Kies … of eerder"; it says why.
func TestWkkgzExtensionSaysWhyItsLimit(t *testing.T) {
	m, s := newApp(t)
	if err := s.SetSettings(map[string]string{data.KeyDeadlinePolicy: data.PolicyWkkgz}); err != nil {
		t.Fatal(err)
	}
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onExtend()
	until := dialogField[*entry](t, cf, "Nieuwe verwachte datum")
	until.SetText("01-06-2027")
	if err := until.Validate(); err == nil || !strings.Contains(err.Error(), "De Wkkgz staat ten hoogste vier weken extra toe: kies ") {
		t.Errorf("a date past the Wkkgz's four weeks: %v", err)
	}
}

// TestNewExpertOnAnInformalComplaintSaysNoNextStep: an informal complaint gets no
// confidentiality statement, so saving an expert there does not send the practitioner to make one.
func TestNewExpertOnAnInformalComplaintSaysNoNextStep(t *testing.T) {
	m, s := newApp(t)
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Kees Smit"}, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelPhone, Subject: data.SubjectService, Summary: "Wachttijd"})
	if err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onExpert()
	test.Type(dialogField[*entry](t, cf, "Naam"), "dr. A. Visser")
	cf.dialog.Submit()
	settle(m)
	if text := overlayText(cf.win); strings.Contains(text, "is opgeslagen") {
		t.Errorf("an informal complaint's file sends the practitioner to a statement it refuses: %q", text)
	}
}

// TestStatementSignedWaitsForTheStatement: "Verklaring ondertekend…" offered Vastleggen while
// its hint said to make the statement first (the store then refused it).
func TestStatementSignedWaitsForTheStatement(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	if _, err := s.SaveExpert(data.Expert{Name: "P. Bakker"}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onStatement()
	if !cf.dialog.confirm.Disabled() || !strings.Contains(cf.dialog.why.Text, "Maak eerst op het tabblad Brieven de geheimhoudingsverklaring voor deze klacht") {
		t.Errorf("without a statement: Vastleggen enabled %v, the dialog waits for %q", !cf.dialog.confirm.Disabled(), cf.dialog.why.Text)
	}
}
