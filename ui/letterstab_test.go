package ui

import (
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// TestTheLetterDialogAsksOnlyWhatTheLetterUses: "Stukken" only for the consent form and the
// confidentiality statement, "Deskundige" only for the latter, each with its hint below it
// (the hint of Stukken was a placeholder cut off in its field).
func TestTheLetterDialogAsksOnlyWhatTheLetterUses(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), data.ItemAcknowledge)
	settle(m)
	kind := cf.dialog.form.Items[0].Widget.(*choice)
	kinds := makeable(cf.file, cf.today())
	if slices.Contains(kinds, data.LetterWithdrawal) || slices.Contains(kinds, data.LetterInformation) || len(kinds) != len(data.LetterKinds)-2 {
		t.Errorf("a received complaint is offered %v: every letter but the confirmation of a withdrawal and the request for information (none is open)", kinds)
	}
	for _, k := range kinds {
		kind.SetSelected(capitalised(letterLabel(k)))
		var labels []string
		for _, it := range cf.dialog.form.Items {
			switch {
			case it.Text != "":
				labels = append(labels, it.Text)
			case strings.HasPrefix(hintOf(it), "De stukken die de deskundige te zien krijgt"):
				labels = append(labels, "(hint stukken)")
			case strings.HasPrefix(hintOf(it), "De deskundige die de geheimhoudingsverklaring ondertekent"):
				labels = append(labels, "(hint deskundige)")
			}
		}
		want := "Brief, Taal, Datum van de brief"
		switch k {
		case data.LetterConsent:
			want += ", Stukken, (hint stukken)"
		case data.LetterConfidentiality:
			want += ", Stukken, (hint stukken), Deskundige, (hint deskundige)"
		}
		if got := strings.Join(labels, ", "); got != want {
			t.Errorf("%s: fields %s, want %s", k, got, want)
		}
		c := cf.win.Canvas()
		p := overlayContent(c.Overlays().Top())
		if top, centred := p.Position().Y, (c.Size().Height-p.Size().Height)/2; top < centred-1 || top > centred+1 {
			t.Errorf("%s: the dialog's top at %v, not centred (%v) in the window", k, top, centred)
		}
	}
}

// TestARequestByLetterProposesItsLetter: once information is asked by letter, the letter
// dialog offers and proposes the request for information, which asks what was recorded; once
// it is made, it is no longer proposed, and once the information came in, no longer offered.
func TestARequestByLetterProposesItsLetter(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryEmail, "Ontvangst bevestigd."); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddContact(ref, data.Contact{Kind: data.ContactLetter, InfoRequested: "een kopie van de factuur van maart",
		InfoDueOn: data.Today(day).AddDays(14)}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if k, ok := suggestedLetter(cf.file); !ok || k != data.LetterInformation || !slices.Contains(makeable(cf.file, cf.today()), k) {
		t.Fatalf("after a request by letter: proposed %q (%v), offered %v", k, ok, makeable(cf.file, cf.today()))
	}
	if slices.Contains(makeable(cf.file, data.Today(day).AddDays(14)), data.LetterInformation) {
		t.Error("the request for information is offered on the day the information is due: the letter would name a day gone by")
	}
	cf.letters.onMake("")
	kind := cf.dialog.form.Items[0].Widget.(*choice)
	if kind.Selected != "Verzoek om informatie" {
		t.Errorf("the letter dialog proposes %q", kind.Selected)
	}
	cf.dialog.Submit()
	settle(m)
	f, _ := s.File(ref)
	if len(f.Letters) != 1 || f.Letters[0].Kind != data.LetterInformation {
		t.Fatalf("letters after making it: %+v", f.Letters)
	}
	if k, ok := suggestedLetter(f); ok {
		t.Errorf("made, the request for information is still proposed (%s)", k)
	}
	if err := s.InformationReceived(ref, data.Date{}, ""); err != nil {
		t.Fatal(err)
	}
	f, _ = s.File(ref)
	if slices.Contains(makeable(f, data.Today(day)), data.LetterInformation) {
		t.Error("the information came in, and a request for it is still offered")
	}
}

// hintOf is the text of a hint below a field (see hintsBelow).
func hintOf(it *widget.FormItem) string {
	if l, ok := it.Widget.(*widget.Label); ok {
		return l.Text
	}
	return ""
}

// TestTheProgressLetterIsNotProposedAgainOnceSent: after an extension the letter dialog
// proposes the progress letter; once that went out, it no longer does (it did, at once).
func TestTheProgressLetterIsNotProposedAgainOnceSent(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Carla Smit")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryEmail, "Ontvangst bevestigd."); err != nil {
		t.Fatal(err)
	}
	f, _ := s.File(ref)
	r, err := f.ExtensionRange(data.Today(day))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Extend(ref, r.Proposed, "Wij wachten op het advies van een externe deskundige."); err != nil {
		t.Fatal(err)
	}
	if f, _ = s.File(ref); !isSuggested(f, data.LetterProgress) {
		t.Fatal("the progress letter owed is not proposed")
	}
	l, err := s.SaveLetter(ref, data.LetterProgress, "nl", []byte("%PDF-1.4\n"), 0)
	if err == nil {
		err = s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost)
	}
	if err != nil {
		t.Fatal(err)
	}
	if f, _ = s.File(ref); isSuggested(f, data.LetterProgress) {
		t.Errorf("the progress letter is proposed again the day it went out (items %v)", f.Items)
	}
	_ = m
}

func isSuggested(f *data.File, k data.LetterKind) bool {
	got, ok := suggestedLetter(f)
	return ok && got == k
}

// TestEmailGoesWhereTheLetterGoes: the e-mail that carries a letter goes to its addressee:
// the complainant, the representative who files for them, or for a confidentiality statement
// the expert, who is not told of "your complaint".
func TestEmailGoesWhereTheLetterGoes(t *testing.T) {
	if err := UseLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	c := data.Complaint{Reference: "K-2026-0007", Complainant: data.Complainant{Name: "Anne de Vries", Email: "anne@voorbeeld.example"}}
	rep := c
	rep.Representative = data.Complainant{Name: "Jeroen de Wit", Email: "dewit@advocaten.example", AddressLine1: "Herengracht 500", City: "Amsterdam"}
	expert := data.Expert{ID: 3, Name: "Hanna Jansen", Email: "jansen@advies.example"}
	for _, tc := range []struct {
		c          data.Complaint
		kind       data.LetterKind
		to, greets string
		yours      bool
	}{
		{c, data.LetterOutcome, "anne@voorbeeld.example", "Geachte Anne de Vries,", true},
		{rep, data.LetterOutcome, "dewit@advocaten.example", "Geachte Jeroen de Wit,", false},
		{rep, data.LetterConfidentiality, "jansen@advies.example", "Geachte Hanna Jansen,", false},
	} {
		u := emailDraft(tc.c, data.Letter{Kind: tc.kind, ExpertID: 3}, expert)
		body := u.Query().Get("body")
		if u.Opaque != tc.to || !strings.HasPrefix(body, tc.greets) || strings.Contains(body, "uw klacht") != tc.yours {
			t.Errorf("%s to %s: mailto %q, body %q", tc.kind, tc.c.Representative.Name, u.Opaque, body)
		}
	}
}

// TestTheLetterDateSaysBrieflyWhichDaysItTakes: a date too far ahead or in the past is
// refused below the field in a line as wide as the field, naming the last day it takes. The
// register's sentence ran past the dialog, which grew sideways and cut off that day
// ("kies een dag tot en met 17-12-202").
func TestTheLetterDateSaysBrieflyWhichDaysItTakes(t *testing.T) {
	m, s := newApp(t)
	cf := m.OpenComplaint(addComplaint(t, s, "Sanne de Jong"), data.ItemAcknowledge)
	settle(m)
	dated := cf.dialog.form.Items[2].Widget.(*entry)
	last := shortDate(data.DateOf(day).AddDays(data.MaxLetterDateAhead))
	for _, typed := range []string{shortDate(data.DateOf(day).AddDays(30)), shortDate(data.DateOf(day).AddDays(-1))} {
		dated.SetText(typed)
		err := dated.Validator(dated.Text)
		if err == nil || !strings.Contains(err.Error(), last) {
			t.Fatalf("%s: %v, want it to name %s", typed, err, last)
		}
		if w := fyne.MeasureText(err.Error(), theme.CaptionTextSize(), fyne.TextStyle{}).Width; w > dated.Size().Width {
			t.Errorf("%s: %q is %v wide, the field %v", typed, err, w, dated.Size().Width)
		}
	}
}

// TestWkkgzFileAsksTheMeasureBeforeTheOutcomeLetter: a well-founded complaint under the Wkkgz
// gets no outcome letter before its measure (the letter names it): the letters tab does not
// offer it and the next step says what comes first, instead of a letter the store refuses.
func TestWkkgzFileAsksTheMeasureBeforeTheOutcomeLetter(t *testing.T) {
	m, s := newApp(t)
	if err := s.SetSettings(map[string]string{data.KeyProfession: data.ProfessionCare, data.KeyDeadlinePolicy: data.PolicyWkkgz}); err != nil {
		t.Fatal(err)
	}
	ref := addComplaint(t, s, "Hanna Jansen")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryEmail, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictWellFounded, Outcome: "Toegelicht.", NoHearingReason: "Geen reactie."}); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if slices.Contains(makeable(cf.file, data.Today(day)), data.LetterOutcome) {
		t.Error("the letters tab offers the outcome letter before the measure")
	}
	if cf.next.Text == "Uitkomstbrief maken…" || !strings.Contains(cf.nextWhy.Text, "verbetermaatregel") {
		t.Errorf("next step %q, why %q", cf.next.Text, cf.nextWhy.Text)
	}
	if !strings.Contains(cf.letters.refusal.Text, "Wkkgz") || cf.file.Items[0].Kind != data.ItemMeasure {
		t.Errorf("the letters tab says %q; the first item is %s", cf.letters.refusal.Text, cf.file.Items[0].Kind)
	}
}

// TestARequestRecordedAsALetterOpensIt: recording a request for information asked by letter
// opens the letter that asks it, on the letters tab, also while the acknowledgement is the
// letter the file waits for; one asked by phone opens nothing more.
func TestARequestRecordedAsALetterOpensIt(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	for _, kind := range []data.ContactKind{data.ContactPhone, data.ContactLetter} {
		cf.onContact(kind, true)
		request := cf.dialog
		test.Type(cf.dialogItems[3].Widget.(*entry), "een kopie van de factuur van maart")
		request.Submit()
		settle(m)
		opened := cf.dialog != request && cf.tabs.Selected() == cf.tab("letters")
		if opened != (kind == data.ContactLetter) {
			t.Errorf("a request by %s: the letter opened %v", kind, opened)
		}
		if opened && cf.dialog.form.Items[0].Widget.(*choice).Selected != "Verzoek om informatie" {
			t.Errorf("the letter dialog proposes %q", cf.dialog.form.Items[0].Widget.(*choice).Selected)
		}
	}
}

// TestALateAcknowledgementSaysSoBeforeItIsMade: an acknowledgement dated after its term says,
// in the letter dialog, that receipt then counts as confirmed late; dated in time it says nothing.
func TestALateAcknowledgementSaysSoBeforeItIsMade(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	cf := m.OpenComplaint(ref, "")
	settle(m)
	cf.letters.onMake("")
	var dated *entry
	var late *widget.Label
	for _, it := range cf.dialogItems {
		switch w := it.Widget.(type) {
		case *entry:
			if it.Text == "Datum van de brief" {
				dated = w
			}
		case *widget.Label:
			late = w
		}
	}
	due := cf.file.AckDueOn
	dated.SetText(shortDate(due.AddDays(1)))
	if !late.Visible() || !strings.Contains(late.Text, "te laat bevestigd") || !strings.Contains(late.Text, shortDate(due)) {
		t.Errorf("dated after the term (%s): %q, shown %v", due, late.Text, late.Visible())
	}
	dated.SetText(shortDate(due))
	if late.Visible() {
		t.Errorf("dated on the last day of the term: %q", late.Text)
	}
}

// TestALetterDatedAheadWaitsForItsDate: a letter made ahead of the date it carries says that
// date in the list, and "Als verstuurd markeren" waits for it, saying why: marked sent the day
// it was made, the next letters cited a day before the one on the letter.
func TestALetterDatedAheadWaitsForItsDate(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Sanne de Jong")
	dated := data.DateOf(day).AddDays(2)
	if _, err := s.SaveDatedLetter(ref, data.LetterAcknowledgement, "nl", []byte("%PDF-1.4 ontvangst"), 0, dated); err != nil {
		t.Fatal(err)
	}
	cf := m.OpenComplaint(ref, "")
	settle(m)
	if row := cf.letters.row(0); !strings.Contains(row, "gedateerd "+shortDate(dated)) {
		t.Errorf("the letters list: %q", row)
	}
	cf.letters.list.Select(0)
	cf.letters.onMarkSent()
	if !cf.dialog.confirm.Disabled() || !strings.Contains(cf.dialog.why.Text, "Deze brief is gedateerd "+shortDate(dated)) {
		t.Errorf("mark sent: Record enabled %v, why %q", !cf.dialog.confirm.Disabled(), cf.dialog.why.Text)
	}
}

// TestEmailWithoutAMailProgramSaysSoOnce: where no mail program or file manager opens, one
// message says where the letter's PDF is and to whom it goes (two stacked messages said the
// same twice).
func TestEmailWithoutAMailProgramSaysSoOnce(t *testing.T) {
	m, _ := newApp(t)
	failing := func(*url.URL) error { return errors.New("xdg-open ontbreekt") }
	draft := &url.URL{Scheme: "mailto", Opaque: "anne@voorbeeld.example"}
	openForEmail(failing, draft, filepath.Join(t.TempDir(), "ontvangstbevestiging.pdf"), m.win)
	if n := len(m.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
	if text := overlayText(m.win); !strings.Contains(text, "ontvangstbevestiging.pdf") || !strings.Contains(text, "anne@voorbeeld.example") || !strings.Contains(text, "xdg-open ontbreekt") {
		t.Errorf("the message: %q", text)
	}
}
