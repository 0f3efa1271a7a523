package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// procedureLine is the procedure line as read on screen, the current station in [brackets].
func procedureLine(cf *complaintFile) string {
	var parts []string
	for _, o := range cf.procedure.Objects {
		var words []string
		for _, l := range labelsIn(o) {
			text := strings.ReplaceAll(l.Text, "\n", " ")
			if l.TextStyle.Bold {
				text = "[" + text + "]"
			}
			words = append(words, text)
		}
		parts = append(parts, strings.Join(words, " "))
	}
	return strings.Join(parts, " ")
}

// labelsIn are the labels o shows: o itself, or those of the container it is.
func labelsIn(o fyne.CanvasObject) []*widget.Label {
	if c, ok := o.(*fyne.Container); ok {
		var all []*widget.Label
		for _, in := range c.Objects {
			all = append(all, labelsIn(in)...)
		}
		return all
	}
	if l, ok := o.(*widget.Label); ok {
		return []*widget.Label{l}
	}
	return nil
}

// TestProcedureLinePerStatus: the complaint file opens with where the complaint stands in the
// procedure, with dates and due dates, and beside it the facts the timeline would hide.
func TestProcedureLinePerStatus(t *testing.T) {
	m, s := newApp(t)
	received := addComplaint(t, s, "Anna Visser")
	acknowledged := addComplaint(t, s, "Bram de Wit")
	extended := addComplaint(t, s, "Carla Smit")
	resolved := addComplaint(t, s, "Daan Bos")
	withdrawn := addComplaint(t, s, "Eva Mulder")
	on := data.NewDate(2026, 11, 23)
	for _, ref := range []string{acknowledged, extended, resolved, withdrawn} {
		if err := s.Acknowledge(ref, on, data.DeliveryEmail, "Ontvangst bevestigd."); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := s.File(extended)
	r, err := f.ExtensionRange(data.Today(day))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Extend(extended, r.Proposed, "Wij wachten op het advies van een externe deskundige."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(resolved, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "De factuur klopt; wij lichten die toe.",
		NoHearingReason: "Geen reactie op twee uitnodigingen."}); err != nil {
		t.Fatal(err)
	}
	if err := s.Withdraw(withdrawn, day2(), "Telefonisch ingetrokken."); err != nil {
		t.Fatal(err)
	}
	closed, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Fleur Kok"}, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelPhone, Subject: data.SubjectService, Summary: "Wachttijd"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(closed, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "In een gesprek toegelicht."}); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseComplaint(closed); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ ref, line, facts, next string }{
		{received, "[Ontvangen 20-11-2026] → Bevestigd uiterlijk 27-11-2026 → (Verlengd) → Afgehandeld uiterlijk 21-12-2026 → Gesloten",
			"Termijn voor afhandeling: 21 december 2026", "Ontvangstbevestiging maken…"},
		{acknowledged, "Ontvangen 20-11-2026 → [Bevestigd 23-11-2026] → (Verlengd) → Afgehandeld uiterlijk 21-12-2026 → Gesloten",
			"Termijn voor afhandeling", "Afhandelen…"},
		{extended, "Ontvangen 20-11-2026 → Bevestigd 23-11-2026 → [Verlengd 30-11-2026] → Afgehandeld uiterlijk " + shortDate(r.Proposed) + " → Gesloten",
			"Verlengd op 30-11-2026 tot " + shortDate(r.Proposed) + ": Wij wachten op het advies", "Voortgangsbericht maken…"}, // the letter the extension owes
		{resolved, "Ontvangen 20-11-2026 → Bevestigd 23-11-2026 → [Afgehandeld 30-11-2026] → Gesloten",
			"Oordeel: ongegrond\nUitkomst: De factuur klopt; wij lichten die toe.", "Uitkomstbrief maken…"},
		{closed, "Informeel ontvangen 20-11-2026 → Afgehandeld 30-11-2026 → [Gesloten 30-11-2026]", "Oordeel: ongegrond", ""},
		{withdrawn, "Ontvangen 20-11-2026 → Bevestigd 23-11-2026 → [Ingetrokken 24-11-2026]", "", ""},
	}
	for _, tc := range tests {
		cf := m.OpenComplaint(tc.ref, "")
		settle(m)
		if got := procedureLine(cf); got != tc.line {
			t.Errorf("%s: procedure line\n got %s\nwant %s", tc.ref, got, tc.line)
		}
		for _, o := range cf.procedure.Objects { // a line that wraps must not end on an arrow
			if l := labelsIn(o); l[0].Text == "→" && len(l) == 1 {
				t.Errorf("%s: an arrow apart from the station it points to", tc.ref)
			}
		}
		if !strings.Contains(cf.facts.Text, tc.facts) {
			t.Errorf("%s: facts %q, want %q in them", tc.ref, cf.facts.Text, tc.facts)
		}
		if next := cf.next.Text; cf.next.Visible() != (tc.next != "") || tc.next != "" && next != tc.next {
			t.Errorf("%s: next step %q (shown %v), want %q", tc.ref, next, cf.next.Visible(), tc.next)
		}
	}
}

func day2() data.Date { return data.NewDate(2026, 11, 24) }

// TestRefusedStepsSayWhy: a step that cannot be taken now says why, under the next-step button
// and in the menu of the other steps; the next step is not repeated in the menu.
func TestRefusedStepsSayWhy(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Gijs Peters")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if !cf.buttons[data.ActionExtend].Disabled() || !cf.reasons[data.ActionExtend].Visible() ||
		!strings.Contains(cf.reasons[data.ActionExtend].Text, "bevestig eerst de ontvangst") {
		t.Errorf("received: extend disabled %v, reason shown %v %q", cf.buttons[data.ActionExtend].Disabled(),
			cf.reasons[data.ActionExtend].Visible(), cf.reasons[data.ActionExtend].Text)
	}
	if cf.reasons[data.ActionWithdraw].Visible() || cf.buttons[data.ActionWithdraw].Disabled() {
		t.Error("received: withdrawing is allowed, yet refused or explained")
	}
	test.Tap(cf.others)
	if cf.menu == nil || !cf.menu.Visible() {
		t.Fatal("the menu of other steps did not open")
	}
	test.Tap(cf.buttons[data.ActionWithdraw]) // a step in the menu closes the menu and opens its dialog
	if cf.menu.Visible() || cf.dialog == nil {
		t.Errorf("menu still open %v, dialog %v", cf.menu.Visible(), cf.dialog)
	}
	cf.dialog.Hide()

	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryEmail, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictUnfounded, Outcome: "Toegelicht.", NoHearingReason: "Geen reactie."}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	// The file closes once the outcome letter is sent: the next step leads there, the letter
	// made and then marked sent, while the menu says why the file cannot close yet.
	if cf.next.Text != "Uitkomstbrief maken…" || cf.next.Disabled() || cf.nextWhy.Visible() {
		t.Errorf("resolved without outcome letter: next %q disabled %v, why %v %q", cf.next.Text, cf.next.Disabled(),
			cf.nextWhy.Visible(), cf.nextWhy.Text)
	}
	if !cf.menuRows[data.ActionClose].Visible() || !strings.Contains(cf.reasons[data.ActionClose].Text, "uitkomstbrief") {
		t.Errorf("the menu does not say why the file cannot close: %q", cf.reasons[data.ActionClose].Text)
	}
	test.Tap(cf.next)
	cf.dialog.Submit() // the outcome letter, proposed
	settle(m)
	if cf.next.Text != "Uitkomstbrief als verstuurd markeren…" {
		t.Fatalf("after making the outcome letter the next step is %q", cf.next.Text)
	}
	test.Tap(cf.next)
	cf.dialog.Submit()
	settle(m)
	if cf.next.Text != "Dossier sluiten" || cf.next.Disabled() || cf.menuRows[data.ActionClose].Visible() {
		t.Errorf("after sending it: next %q disabled %v, close in the menu %v", cf.next.Text, cf.next.Disabled(),
			cf.menuRows[data.ActionClose].Visible())
	}
	if f, err := s.File(ref); err != nil || len(f.Letters) != 1 || f.Letters[0].SentOn.IsZero() {
		t.Errorf("the outcome letter made and sent: %+v (%v)", f.Letters, err)
	}
}

// TestTimelineEntryExpands: a click on a timeline entry shows it in full, another folds it.
func TestTimelineEntryExpands(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryEmail, strings.Repeat("Een lange toelichting op de ontvangstbevestiging. ", 12)); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.tabs.Select(cf.tab("timeline"))
	cf.win.Resize(fyne.NewSize(320, 600)) // narrow: the entry takes more than one line
	tl := cf.lists.timeline
	row := tl.CreateItem().MinSize().Height
	tl.Select(0)
	if !cf.lists.timelineFolds.expanded[0] {
		t.Fatal("a click did not expand the entry")
	}
	if h := wrappedHeight(cf.lists.timelineText(0), tl.Size().Width); h <= row {
		t.Fatalf("the entry shown in full is %v high, a row %v: it does not show the whole text", h, row)
	}
	tl.Select(0)
	if cf.lists.timelineFolds.expanded[0] {
		t.Error("a second click did not fold the entry")
	}
}

// TestWindowsFitASmallScreen: on a 1366×768 screen (a taskbar of 40 pixels) at scale 1, 1.5
// and 2 the main window and a complaint file need no more room than the screen has, and their
// save buttons lie within the window at that size.
func TestWindowsFitASmallScreen(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Iris de Boer"), "")
	settle(m)
	area := fyne.NewSize(1366, 768-40)
	within := func(what string, o fyne.CanvasObject, win fyne.Window) {
		t.Helper()
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		c := win.Canvas().Size()
		if pos.X+o.Size().Width > c.Width+1 || pos.Y+o.Size().Height > c.Height+1 || o.Size().Width == 0 {
			t.Errorf("%s at %v size %v lies outside the window %v", what, pos, o.Size(), c)
		}
	}
	for _, scale := range []float32{1, 1.5, 2} {
		for _, w := range []struct {
			win  fyne.Window
			want fyne.Size
		}{{m.win, mainSize}, {cf.win, fileSize}} {
			fit := fitSize(w.want, area, scale)
			if min := w.win.Content().MinSize(); min.Width > fit.Width || min.Height > fit.Height {
				t.Errorf("scale %.1f: %s needs %v, the screen has %v", scale, w.win.Title(), min, fit)
			}
			w.win.Resize(fit)
		}
		m.ShowIntake()
		within("Klacht registreren", m.Intake.save, m.win)
		cf.tabs.Select(cf.tab("details"))
		within("Wijzigingen opslaan", cf.save, cf.win)
	}
	if got := fitSize(mainSize, fyne.NewSize(1600, 1000), 1.5); got.Width > 1066 || got.Height > 636 {
		t.Errorf("1600×1000 at 1.5: main window %v, larger than the screen", got)
	}
}

// TestWheelOverAFieldScrollsTheForm: the mouse wheel scrolls a form also with the pointer over
// one of its fields.
func TestWheelOverAFieldScrollsTheForm(t *testing.T) {
	m, _ := newApp(t)
	m.ShowIntake()
	m.win.Resize(fyne.NewSize(900, 400))
	in := m.Intake
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(in.form.name).AddXY(10, 10)
	test.Scroll(m.win.Canvas(), pos, 0, -120)
	if in.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over the name field left the form at offset %v", in.scroll.Offset)
	}
}

// TestFileHeaderGrowsWithItsContent: the header was laid out once, while the file was still
// loading and the header nearly empty; filled in, it stayed squashed in a small scrolling strip
// that hid the next step and "Andere stappen" until scrolled. It takes the room it needs
// (up to half the window) once the file is shown, and again after a language switch.
func TestFileHeaderGrowsWithItsContent(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Ĳsbrand de Vries")
	cf := m.OpenComplaint(ref, "")
	cf.win.Resize(fileSize)
	settle(m)
	check := func(when string) {
		t.Helper()
		frame := cf.win.Content().(*fyne.Container)
		for _, o := range frame.Objects { // under the demo band, if any
			if c, ok := o.(*fyne.Container); ok {
				if _, ok := c.Layout.(headerAbove); ok {
					frame = c
				}
			}
		}
		h, ok := frame.Layout.(headerAbove)
		if !ok {
			t.Fatalf("%s: the file's content is laid out by %T", when, frame.Layout)
		}
		want := min(h.header.MinSize().Height, frame.Size().Height/2)
		if got := frame.Objects[0].Size().Height; got < want-1 {
			t.Errorf("%s: the header has %.0f of the %.0f it needs", when, got, want)
		}
	}
	check("opened")
	m.useLanguage("en")
	t.Cleanup(func() { _ = UseLanguage("nl") })
	cf = m.files[ref]
	settle(m)
	check("after switching to English")
}

// TestHeaderCountsEveryLineOfAWrappedText: a long reason why a step waits, wrapped in the
// narrow column of the buttons, was measured as one line before it had its width: the header
// cut it off and the button under it went out of view.
func TestHeaderCountsEveryLineOfAWrappedText(t *testing.T) {
	test.NewTempApp(t)
	why := widget.NewLabel(strings.Repeat("Klacht K-2026-0025 kan nog niet worden gesloten: er is geen verbetermaatregel gekoppeld. ", 3))
	why.Wrapping = fyne.TextWrapWord
	width := canvas.NewRectangle(nil)
	width.SetMinSize(fyne.NewSize(220, 0))
	button := widget.NewButton("Andere stappen", nil)
	header := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(width, button, why), widget.NewLabel("Oordeel")))
	frame := headerOver(header, widget.NewLabel("tabs"))
	frame.Resize(fyne.NewSize(1000, 720))
	if got, need := frame.Objects[0].Size().Height, why.Position().Y+why.Size().Height; got < need-1 || why.Size().Height < 3*button.MinSize().Height {
		t.Errorf("the header has %.0f of the %.0f its wrapped reason needs (reason %.0f high)", got, need, why.Size().Height)
	}
}

// TestWhyTheFileWaitsIsReadInFull: why the next step waits (closing a well-founded complaint
// without a measure) goes across the header's width and is shown in full: in the buttons'
// narrow column it took ten lines and was cut off mid-sentence in a complaint window.
func TestWhyTheFileWaitsIsReadInFull(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Petra van Dijk")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryPost, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictWellFounded, NoHearingReason: "Geen reactie.",
		Outcome: strings.Repeat("Wij hebben vastgesteld dat de aangifte te laat was en vergoeden de boete. ", 3)}); err != nil {
		t.Fatal(err)
	}
	sendOutcome(t, s, ref)
	cf := m.OpenComplaint(ref, "")
	cf.win.Resize(fyne.NewSize(980, 700))
	settle(m)
	why, header := cf.nextWhy, cf.frame.Objects[0]
	if !strings.Contains(why.Text, "geen verbetermaatregel gekoppeld") {
		t.Fatalf("the header says why %q", why.Text)
	}
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(why).Y + why.Size().Height - d.AbsolutePositionForObject(header).Y
	if why.Size().Width < header.Size().Width/2 || bottom > header.Size().Height+1 {
		t.Errorf("the reason is %.0f wide in a header of %.0f, and ends at %.0f of its %.0f", why.Size().Width,
			header.Size().Width, bottom, header.Size().Height)
	}
}

// TestContactsTabRecordsAndShowsInFull: the contacts tab has the steps that add a contact, as
// the menu has them, and a click shows a long contact in full.
func TestContactsTabRecordsAndShowsInFull(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	if _, err := s.AddContact(ref, data.Contact{Kind: data.ContactPhone, Note: strings.Repeat("Een lang telefoongesprek over de factuur. ", 10)}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.tabs.Select(cf.tab("contacts"))
	cf.win.Resize(fyne.NewSize(320, 600))
	if cf.lists.addContact.Disabled() || cf.lists.askInformation.Disabled() {
		t.Fatal("the contacts tab's steps are off for an open complaint")
	}
	cf.lists.contacts.Select(0)
	if !cf.lists.contactFolds.expanded[0] {
		t.Error("a click did not show the contact in full")
	}
	test.Tap(cf.lists.addContact)
	if cf.dialog == nil || m.win.Canvas().Overlays().Top() == nil && cf.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Record contact… opened no dialog")
	}
	cf.dialogItems[2].Widget.(*entry).SetText("Teruggebeld.")
	cf.dialog.Submit()
	settle(m)
	if f, err := s.File(ref); err != nil || len(f.Contacts) != 2 {
		t.Fatalf("contacts after recording one: %v", err)
	}
	if err := s.Withdraw(ref, data.Date{}, ""); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if !cf.lists.addContact.Disabled() {
		t.Error("a withdrawn complaint's contacts tab still records contacts")
	}
}

// TestARefusedStepShowsTheHeaderFromItsTop: in a low window the file's header scrolls; scrolled
// down to the steps, it stayed so after a step was refused, the title and the banner out of
// view. A refusal now shows the header from its top, read afresh: here the receipt another
// program confirmed meanwhile, and why the step is refused.
func TestARefusedStepShowsTheHeaderFromItsTop(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Renée Smit")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.win.Resize(fyne.NewSize(980, 320))
	header := cf.frame.Objects[0].(*container.Scroll)
	header.ScrollToBottom()
	if header.Offset.Y == 0 {
		t.Fatal("the header does not scroll in a low window")
	}
	if err := s.Acknowledge(ref, data.Date{}, data.DeliveryEmail, "Ontvangst per e-mail bevestigd."); err != nil {
		t.Fatal(err)
	}
	test.Tap(cf.buttons[data.ActionAcknowledge])
	formEntry(t, cf, 1).SetText("Per e-mail bevestigd.")
	cf.dialog.Submit()
	settle(m)
	if header.Offset.Y != 0 {
		t.Errorf("after the refusal the header is scrolled by %.0f", header.Offset.Y)
	}
	if !strings.Contains(cf.title.Text, "ontvangst bevestigd") || !cf.reasons[data.ActionAcknowledge].Visible() {
		t.Errorf("after the refusal the title says %q, the step's reason shown %v", cf.title.Text, cf.reasons[data.ActionAcknowledge].Visible())
	}
}

// TestProgressLetterIsTheNextStepOnceExtended: once the deadline is extended, the file's one
// prominent button makes the progress letter the procedure promises and then marks it sent,
// as it does the acknowledgement; after that it offers the resolution again.
func TestProgressLetterIsTheNextStepOnceExtended(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Carla Smit")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryPost, "Per brief bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Extend(ref, data.NewDate(2027, 1, 15), "Wij wachten op het advies van een deskundige."); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if cf.next.Text != "Voortgangsbericht maken…" || cf.next.Disabled() {
		t.Fatalf("extended: the next step is %q (disabled %v)", cf.next.Text, cf.next.Disabled())
	}
	test.Tap(cf.next)
	if got := dialogSelect(t, cf).Selected; got != "Voortgangsbericht" {
		t.Fatalf("the button offers to make %q", got)
	}
	cf.dialog.Submit()
	settle(m)
	if cf.next.Text != "Voortgangsbericht als verstuurd markeren…" {
		t.Fatalf("made: the next step is %q", cf.next.Text)
	}
	test.Tap(cf.next)
	cf.dialog.Submit()
	settle(m)
	f, err := s.File(ref)
	if err != nil || len(f.Letters) != 1 || f.Letters[0].SentOn.IsZero() {
		t.Fatalf("letters: %+v (%v)", f.Letters, err)
	}
	if cf.next.Text != "Afhandelen…" {
		t.Errorf("sent: the next step is %q", cf.next.Text)
	}
}

// TestTodaysItemMarksAMadeLetterSent: Vandaag's item "Ontvangst bevestigen" for a complaint
// whose acknowledgement is made but not sent opens the step that marks it sent, rather than a
// second version of the letter.
func TestTodaysItemMarksAMadeLetterSent(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Bram de Wit")
	cf := m.OpenComplaint(ref, data.ItemAcknowledge)
	settle(m)
	cf.dialog.Submit() // the letter made
	settle(m)
	m.OpenComplaint(ref, data.ItemAcknowledge)
	settle(m)
	cf.dialog.Submit()
	settle(m)
	f, err := s.File(ref)
	if err != nil || len(f.Letters) != 1 || f.Letters[0].SentOn.IsZero() || f.Status != data.StatusAcknowledged {
		t.Fatalf("after the item twice: letters %+v, status %s (%v)", f.Letters, f.Status, err)
	}
}

// TestInformationReceivedBesideTheRequest: while information asked of the complainant is
// awaited, the contacts tab offers to record that it came in, beside "Informatie vragen…",
// and no longer once it is recorded.
func TestInformationReceivedBesideTheRequest(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.tabs.Select(cf.tab("contacts"))
	if cf.lists.informationReceived.Visible() {
		t.Fatal("Informatie ontvangen… shown while nothing was asked")
	}
	if _, err := s.AddContact(ref, data.Contact{Kind: data.ContactLetter, Note: "Om de offerte gevraagd.",
		InfoRequested: "De offerte van september", InfoDueOn: data.NewDate(2026, 12, 14)}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if !cf.lists.informationReceived.Visible() || cf.lists.informationReceived.Disabled() {
		t.Fatal("Informatie ontvangen… not offered while the information is awaited")
	}
	// Whether it came in stands before the note, where a long note does not cut it off.
	if row := cf.lists.contactRows[0]; !strings.Contains(row, "brief · informatie verwacht uiterlijk 14-12-2026: Om de offerte gevraagd.") {
		t.Errorf("the contact while the information is awaited: %q", row)
	}
	test.Tap(cf.lists.informationReceived)
	cf.dialogItems[1].Widget.(*entry).SetText("Per post ontvangen.")
	cf.dialog.Submit()
	settle(m)
	f, err := s.File(ref)
	if err != nil || len(f.Contacts) != 1 || f.Contacts[0].InfoReceivedOn.IsZero() {
		t.Fatalf("contacts: %+v (%v)", f.Contacts, err)
	}
	if cf.lists.informationReceived.Visible() {
		t.Error("Informatie ontvangen… still shown once recorded")
	}
	// With what came in, as recorded then (it was in the timeline only), without the full stop
	// that read "(… ontvangen.):".
	if row := cf.lists.contactRows[0]; !strings.Contains(row, "brief · informatie ontvangen ") || !strings.Contains(row, " (Per post ontvangen): ") ||
		!strings.HasSuffix(row, "· gevraagd: De offerte van september") {
		t.Errorf("the contact once the information came in: %q", row)
	}
}

// TestFormDialogGrowsWithItsHint: a text below a field that grows as the practitioner types
// (the extension's preview of the progress letter) is shown in full: the dialog kept the size
// it had when it opened, and the preview was cut off under it.
func TestFormDialogGrowsWithItsHint(t *testing.T) {
	_, d, reason := dialogWithPreview(t, 720, 8)
	before := d.scroll.Size().Height
	test.Type(reason, "Wij wachten nog op de kopie van de nota")
	if got, need := d.scroll.Size().Height, d.form.MinSize().Height; got < need-1 || got <= before {
		t.Errorf("the fields have %.0f of the %.0f they need (%.0f before the preview)", got, need, before)
	}
}

// TestAGrowingDialogKeepsItsButtonsInTheWindow: a dialog that grows as the practitioner types
// stays within the window: it kept its top, and its buttons went below the window's edge.
func TestAGrowingDialogKeepsItsButtonsInTheWindow(t *testing.T) {
	win, d, outcome := dialogWithPreview(t, 700, 12)
	// Another overlay above the dialog (a field's menu): the dialog's own is centred again.
	widget.NewPopUp(widget.NewLabel("Plakken"), win.Canvas()).Show()
	test.Type(outcome, "Wij vergoeden de boete en maken het bedrag binnen twee weken aan u over")
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.confirm)
	if bottom, room := pos.Y+d.confirm.Size().Height, win.Canvas().Size().Height; bottom > room || pos.Y < 0 {
		t.Errorf("the dialog's button runs from %.0f to %.0f in a window of %.0f", pos.Y, bottom, room)
	}
}

// dialogWithPreview opens a step dialog in a window height high whose field repeats what is
// typed times times in a preview below it, as the extension and the outcome do.
func dialogWithPreview(t *testing.T, height float32, times int) (fyne.Window, *formDialog, *entry) {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(980, height))
	hint := hintLabel("")
	field := newEntry()
	field.OnChanged = func(s string) { hint.SetText(strings.Repeat("In de brief: "+s+". ", times)) }
	d := askForm(win, "Stap", "Vastleggen", []*widget.FormItem{widget.NewFormItem("Tekst", field), widget.NewFormItem("", hint)}, func() {})
	return win, d, field
}

// TestOKWaitsForARequiredAnswer: a question the practitioner must answer themselves (was the
// measure effective?) has nothing chosen for them, and OK waits until it is answered.
func TestOKWaitsForARequiredAnswer(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(900, 700))
	effective := widget.NewRadioGroup([]string{"Effectief", "Niet effectief"}, nil)
	effective.Required = true
	d := askForm(win, "Maatregel beoordelen", "Vastleggen", []*widget.FormItem{widget.NewFormItem("Effect", effective)}, func() {})
	if !d.confirm.Disabled() || !strings.Contains(d.why.Text, "Effect") {
		t.Errorf("nothing chosen: OK enabled %v, the dialog says %q", !d.confirm.Disabled(), d.why.Text)
	}
	effective.SetSelected("Niet effectief")
	if d.confirm.Disabled() {
		t.Errorf("answered: OK still waits (%q)", d.why.Text)
	}
}

// TestALongNameDoesNotWidenTheFile: the file's title line with a name of 150 characters asks
// no more width than one with a short name; it ends in an ellipsis (it made the window 1,309
// pixels wide, past a laptop's screen).
func TestALongNameDoesNotWidenTheFile(t *testing.T) {
	m, s := newApp(t)
	short := m.OpenComplaint(addComplaint(t, s, "Bo Li"), "")
	long := m.OpenComplaint(addComplaint(t, s, "Pieter-Jan Alexander Maximiliaan Frederik "+strings.Repeat("van der Heijden-", 7)+"Bakker"), "")
	settle(m)
	if w, want := long.win.Content().MinSize().Width, short.win.Content().MinSize().Width; w > want {
		t.Errorf("the file of a long name needs %.0f pixels, of a short one %.0f", w, want)
	}
}

// TestStepDatesAreCheckedByTheStoresRules: a step's date field marks a day the store would
// refuse as it is typed, saying which days are allowed, instead of a tick followed by a
// refusal: a resolution before the acknowledgement, a new target date not after the current.
func TestStepDatesAreCheckedByTheStoresRules(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Hanna Jansen")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryPost, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onResolve()
	var on *entry
	for _, it := range cf.dialogItems {
		if it.Text == "Afgehandeld op" {
			on = it.Widget.(*entry)
		}
	}
	for typed, want := range map[string]string{"20-11-2026": "Kies 23-11-2026 (de ontvangstbevestiging) of later",
		"31-12-2026": "Deze datum ligt in de toekomst; kies vandaag of eerder", "23-11-2026": ""} {
		on.SetText(typed)
		if err := on.Validate(); err == nil && want != "" || err != nil && err.Error() != want {
			t.Errorf("resolved on %s: %v, want %q", typed, err, want)
		}
	}
	cf.dialog.Hide()
	cf.onExtend()
	until := cf.dialogItems[0].Widget.(*entry)
	due := cf.file.DueOn
	until.SetText(shortDate(due))
	if err := until.Validate(); err == nil || err.Error() != "Kies een datum na "+shortDate(due) {
		t.Errorf("a new target date on the current one: %v", err)
	}
	until.SetText(shortDate(due.AddDays(14)))
	if err := until.Validate(); err != nil {
		t.Errorf("a new target date two weeks later: %v", err)
	}
}

// TestProcedureLineFitsBesideTheLongestStep: at the file window's size the procedure line stays
// on one row beside the longest next step, "Ontvangstbevestiging als verstuurd markeren…" (at
// 980 points "→ Gesloten" went to a row of its own).
func TestProcedureLineFitsBesideTheLongestStep(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Henk van der Meulen")
	if _, err := s.SaveLetter(ref, data.LetterAcknowledgement, "nl", []byte("%PDF-1.4 ontvangst"), 0); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	cf.win.Resize(fileSize)
	settle(m)
	if cf.next.Text != "Ontvangstbevestiging als verstuurd markeren…" {
		t.Fatalf("the next step reads %q", cf.next.Text)
	}
	first := cf.procedure.Objects[0].Position().Y
	for _, o := range cf.procedure.Objects {
		if o.Visible() && o.Position().Y != first {
			t.Errorf("the procedure line takes more than one row at %v: %T at y %v, the first at %v", fileSize, o, o.Position().Y, first)
			break
		}
	}
}
