package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
	"klachtenregister/letters"
)

// TestIntakePhoneFormalAsksWhoTookTheCall: choosing phone and formal shows who took the call
// and the explicit request, and Save waits for both, saying why.
func TestIntakePhoneFormalAsksWhoTookTheCall(t *testing.T) {
	m, s := newApp(t)
	in := m.Intake
	test.Type(in.form.name, "Lotte Dekker")
	test.Type(in.form.summary, "Niet teruggebeld")
	in.form.subject.SetSelectedIndex(1)
	in.form.channel.SetSelectedIndex(1) // telefoon
	if in.phoneForm.Visible() || in.save.Disabled() {
		t.Fatalf("informal phone complaint: phone fields shown %v, save disabled %v (%q)", in.phoneForm.Visible(), in.save.Disabled(), in.problem.Text)
	}
	in.formal.SetChecked(true)
	in.takenBy.SetText("") // it starts as the practitioner
	if !in.phoneForm.Visible() || !in.save.Disabled() || !strings.Contains(in.problem.Text, "wie het gesprek aannam") {
		t.Fatalf("formal phone complaint: phone fields shown %v, save disabled %v, problem %q", in.phoneForm.Visible(), in.save.Disabled(), in.problem.Text)
	}
	test.Type(in.takenBy, "Sanne Bakker")
	if !in.save.Disabled() || !strings.Contains(in.problem.Text, "uitdrukkelijk") {
		t.Fatalf("without the explicit request: save disabled %v, problem %q", in.save.Disabled(), in.problem.Text)
	}
	test.Tap(in.explicit)
	if in.save.Disabled() {
		t.Fatalf("complete: save disabled, problem %q", in.problem.Text)
	}
	in.form.channel.SetSelectedIndex(2) // brief: the phone fields go away
	if in.phoneForm.Visible() {
		t.Error("phone fields shown for a letter")
	}
	in.form.channel.SetSelectedIndex(1)
	test.Tap(in.save)
	settle(m)
	c, err := s.Complaint("K-2026-0001")
	if err != nil || !c.Formal || c.TakenBy != "Sanne Bakker" || !c.ExplicitRequest {
		t.Fatalf("stored %+v (%v)", c, err)
	}
	if in.phoneForm.Visible() || in.takenBy.Text != "Anne de Linde" || in.explicit.Checked {
		t.Error("the phone fields were not cleared for the next complaint")
	}
}

// TestAnonymousComplaint: an anonymous complaint is registered without a name, informal only;
// its letters tab says why it gets no letters.
func TestAnonymousComplaint(t *testing.T) {
	m, s := newApp(t)
	in := m.Intake
	test.Type(in.form.name, "wordt gewist")
	test.Type(in.form.summary, "Onvriendelijk te woord gestaan")
	in.form.subject.SetSelectedIndex(1)
	in.form.channel.SetSelectedIndex(2) // brief: formal is ticked
	test.Tap(in.anonymous)
	if in.formal.Checked || !in.formal.Disabled() || !in.form.name.Disabled() || in.form.name.Text != "" || in.save.Disabled() {
		t.Fatalf("anonymous: formal %v (disabled %v), name disabled %v %q, save disabled %v (%q)", in.formal.Checked,
			in.formal.Disabled(), in.form.name.Disabled(), in.form.name.Text, in.save.Disabled(), in.problem.Text)
	}
	test.Tap(in.save)
	settle(m)
	c, err := s.Complaint("K-2026-0001")
	if err != nil || !c.Anonymous || c.Formal || c.Complainant.Name != "" {
		t.Fatalf("stored %+v (%v)", c, err)
	}
	cf := m.OpenComplaint(c.Reference, "")
	settle(m)
	if !cf.letters.make.Disabled() || !cf.letters.refusal.Visible() || !strings.Contains(cf.letters.refusal.Text, "anoniem") {
		t.Errorf("letters tab: make disabled %v, reason shown %v %q", cf.letters.make.Disabled(), cf.letters.refusal.Visible(), cf.letters.refusal.Text)
	}
	if !cf.buttons[data.ActionEscalate].Disabled() {
		t.Error("an anonymous complaint can be made formal from the file")
	}
}

// TestConsentStateShown: the experts tab shows where consent stands: asked once the
// acknowledgement with the consent form is sent, then given or refused as recorded.
func TestConsentStateShown(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Mehmet Çelik")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if got := cf.lists.consent.Text; !strings.Contains(got, "niet gevraagd") {
		t.Errorf("before any letter: %q", got)
	}
	l, _, err := letters.Generate(s, letters.Request{Reference: ref, Kind: data.LetterAcknowledgement, Date: data.Today(day)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if got := cf.lists.consent.Text; got != "Toestemming voor een externe deskundige: gevraagd (30-11-2026)" {
		t.Errorf("after the acknowledgement with the form: %q", got)
	}
	test.Tap(cf.lists.consentButton)
	cf.dialog.Submit() // given, but no documents ticked: refused, the dialog stays
	settle(m)
	if n := len(cf.file.Consents); n != 0 {
		t.Fatalf("consent without documents stored: %d", n)
	}
	items := cf.dialogItems
	items[3].Widget.(interface{ SetChecked(bool) }).SetChecked(true) // all documents
	cf.dialog.Submit()
	settle(m)
	if got := cf.lists.consent.Text; got != "Toestemming voor een externe deskundige: gegeven (30-11-2026)" {
		t.Errorf("after consent: %q", got)
	}
	if err := s.GiveConsent(ref, data.Consent{How: "telefonisch", Refused: true}); err != nil {
		t.Fatal(err)
	}
	cf.load(nil)
	settle(m)
	if got := cf.lists.consent.Text; !strings.Contains(got, "geweigerd") || len(cf.lists.expertRows) != 2 {
		t.Errorf("after the refusal: %q, rows %q", got, cf.lists.expertRows)
	}
}

// escalatingPhoneComplaint opens the Formeel maken dialog of a new informal phone complaint.
func escalatingPhoneComplaint(t *testing.T, m *Main, s *data.Store) (string, *complaintFile) {
	t.Helper()
	ref, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Sanne Bakker"}, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelPhone, Subject: data.SubjectService, Summary: "Niet teruggebeld"})
	if err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.onEscalate()
	return ref, cf
}

// TestPhoneComplaintFiledInWriting: a complaint first made by phone can enter the formal
// procedure in writing, without a phone intake; choosing the phone route asks for it.
func TestPhoneComplaintFiledInWriting(t *testing.T) {
	m, s := newApp(t)
	ref, cf := escalatingPhoneComplaint(t, m, s)
	var route *widget.RadioGroup
	var takenBy *entry
	for _, it := range cf.dialogItems {
		switch w := it.Widget.(type) {
		case *widget.RadioGroup:
			route = w
		case *entry:
			if it.Text == "Aangenomen door *" {
				takenBy = w
			}
		}
	}
	if route == nil || takenBy == nil || route.Selected != "" || !takenBy.Disabled() {
		t.Fatalf("route %v, taken by %v: want no route chosen and the phone fields off", route, takenBy)
	}
	cf.dialog.Submit() // no route chosen: refused, nothing recorded
	settle(m)
	if c, _ := s.Complaint(ref); c.Formal {
		t.Fatal("started without saying how the complainant asked for it")
	}
	if !cf.dialog.confirm.Disabled() {
		t.Error("Starten is offered before the way in is chosen")
	}
	route.SetSelected(route.Options[1])
	if takenBy.Disabled() || !cf.dialog.confirm.Disabled() {
		t.Errorf("the phone route: 'taken by' off %v, Starten offered without it %v", takenBy.Disabled(), !cf.dialog.confirm.Disabled())
	}
	for _, it := range cf.dialogItems {
		if _, ok := it.Widget.(*check); ok { // "met een uitdrukkelijk verzoek" says it already
			t.Errorf("the dialog asks %q besides the phone route", it.Widget.(*check).Text)
		}
	}
	route.SetSelected(route.Options[0])
	cf.dialog.Submit()
	settle(m)
	c, err := s.Complaint(ref)
	if err != nil || !c.Formal || c.TakenBy != "" {
		t.Errorf("after filing in writing: %+v (%v)", c, err)
	}
}

// TestPhoneComplaintFiledByPhone: the phone route records who took the call and the explicit
// request it names.
func TestPhoneComplaintFiledByPhone(t *testing.T) {
	m, s := newApp(t)
	ref, cf := escalatingPhoneComplaint(t, m, s)
	dialogField[*widget.RadioGroup](t, cf, "Ingediend *").SetSelected("Telefonisch, met een uitdrukkelijk verzoek")
	test.Type(dialogField[*entry](t, cf, "Aangenomen door *"), "Anne de Linde")
	if cf.dialog.confirm.Disabled() {
		t.Fatalf("Starten waits: %q", cf.dialog.why.Text)
	}
	cf.dialog.Submit()
	settle(m)
	if c, err := s.Complaint(ref); err != nil || !c.Formal || c.TakenBy != "Anne de Linde" || !c.ExplicitRequest {
		t.Errorf("after filing by phone: %+v (%v)", c, err)
	}
}

// TestComplaintOfAnOrganisation: the intake form records the organisation the complainant
// speaks for and the representative's firm; the register lists the complainant with the
// organisation, and the complaint's form shows both again.
func TestComplaintOfAnOrganisation(t *testing.T) {
	m, s := newApp(t)
	in := m.Intake
	test.Type(in.form.name, "Wim Jansen")
	test.Type(in.form.org, "Bakkerij Jansen B.V.")
	test.Type(in.form.summary, "Factuur te hoog")
	in.form.subject.SetSelectedIndex(1)
	in.form.channel.SetSelectedIndex(2) // brief
	test.Type(in.form.repName, "Jeroen de Wit")
	test.Type(in.form.repOrg, "De Wit Advocaten")
	test.Type(in.form.repLine, "Herengracht 500")
	test.Type(in.form.repCity, "Amsterdam")
	test.Tap(in.save)
	settle(m)
	c, err := s.Complaint("K-2026-0001")
	if err != nil || c.Complainant.Organisation != "Bakkerij Jansen B.V." || c.Representative.Organisation != "De Wit Advocaten" {
		t.Fatalf("stored %+v (%v), problem %q", c, err, in.problem.Text)
	}
	if got := complainantName(*c); got != "Wim Jansen (Bakkerij Jansen B.V.)" {
		t.Errorf("listed as %q", got)
	}
	f := newComplaintForm(func() data.Date { return c.ReceivedOn })
	f.fill(*c)
	if f.org.Text != "Bakkerij Jansen B.V." || f.repOrg.Text != "De Wit Advocaten" {
		t.Errorf("the form shows %q and %q", f.org.Text, f.repOrg.Text)
	}
	if back := f.read(*c); back.Complainant != c.Complainant || back.Representative != c.Representative {
		t.Errorf("read back %+v / %+v", back.Complainant, back.Representative)
	}
}

// TestTodayNamesTheOrganisationAsTheRegisterDoes: Vandaag's item of a complaint made on behalf
// of an organisation names the contact person and the organisation, as the register and the
// file's title do; an anonymous complaint's item says it is anonymous.
func TestTodayNamesTheOrganisationAsTheRegisterDoes(t *testing.T) {
	m, s := newApp(t)
	if _, err := s.Create(data.Complaint{Complainant: data.Complainant{Name: "Wim Jansen", Organisation: "Bakkerij Jansen B.V.",
		AddressLine1: "Kerkstraat 7", Postcode: "3512 JK", City: "Utrecht"}, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelLetter, Formal: true, Subject: data.SubjectService, Summary: "Factuur te hoog"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(data.Complaint{Anonymous: true, ReceivedOn: data.NewDate(2026, 11, 20),
		Channel: data.ChannelPhone, Subject: data.SubjectService, Summary: "Onvriendelijk ontvangen"}); err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	o := m.Overview
	var rows []string
	for i := range o.items {
		row := o.newRow()
		o.updateRow(i, row)
		rows = append(rows, row.(*fyne.Container).Objects[0].(*widget.Label).Text)
	}
	all := strings.Join(rows, "\n")
	for _, want := range []string{"K-2026-0001 · Wim Jansen (Bakkerij Jansen B.V.)", "K-2026-0002 · (anoniem)"} {
		if !strings.Contains(all, want) {
			t.Errorf("Vandaag shows\n%s\nwithout %q", all, want)
		}
	}
}

// TestIntakeAsksFormalFirst: how the complaint came in and whether it is formal (with the
// phone intake right below) or anonymous stand at the top of the new-complaint form, in view
// at once, above the complainant's name and address.
func TestIntakeAsksFormalFirst(t *testing.T) {
	m, _ := newApp(t)
	m.win.Resize(mainSize)
	m.ShowIntake()
	in := m.Intake
	in.form.channel.SetSelectedIndex(1) // telefoon
	in.formal.SetChecked(true)
	d := fyne.CurrentApp().Driver()
	y := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).Y }
	order := []fyne.CanvasObject{in.form.received, in.form.channel, in.formal, in.takenBy, in.explicit, in.anonymous, in.form.name}
	for i := 1; i < len(order); i++ {
		if y(order[i-1]) >= y(order[i]) {
			t.Errorf("%T at %v is not above %T at %v", order[i-1], y(order[i-1]), order[i], y(order[i]))
		}
	}
	if bottom := y(in.scroll) + in.scroll.Size().Height; y(in.anonymous)+in.anonymous.Size().Height > bottom {
		t.Errorf("Anonymous lies below the form's view (%v > %v)", y(in.anonymous), bottom)
	}
}

// TestIntakeWarnsOfAFormalComplaintWithoutAddress: a formal complaint without postal or e-mail
// address can be registered, but the form says at once that no letter can reach the
// complainant yet (the acknowledgement is due within days); an e-mail address ends the warning.
func TestIntakeWarnsOfAFormalComplaintWithoutAddress(t *testing.T) {
	m, _ := newApp(t)
	in, f := m.Intake, m.Intake.form
	f.channel.SetSelectedIndex(slices.Index(data.Channels, data.ChannelLetter))
	f.subject.SetSelectedIndex(1)
	in.formal.SetChecked(true)
	test.Type(f.summary, "Factuur te hoog")
	test.Type(f.name, "Daan Mulder")
	if in.save.Disabled() || in.problem.Importance != widget.WarningImportance ||
		!strings.Contains(in.problem.Text, "geen postadres en geen e-mailadres") {
		t.Errorf("formal without address: save disabled %v, %q (%v)", in.save.Disabled(), in.problem.Text, in.problem.Importance)
	}
	test.Type(f.email, "daan@voorbeeld.example")
	if in.save.Disabled() || in.problem.Text != "" {
		t.Errorf("with an e-mail address: save disabled %v, %q", in.save.Disabled(), in.problem.Text)
	}
}
