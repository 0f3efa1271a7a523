package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"klachtenregister/data"
)

// TestMeasureLinksToAWaitingComplaint: a measure recorded on the measures screen is linked
// there to a complaint that waits for one; it could be linked only from the complaint's own
// file, and nothing said so.
func TestMeasureLinksToAWaitingComplaint(t *testing.T) {
	m, s := newApp(t)
	ref := addComplaint(t, s, "Petra van Dijk")
	if err := s.Acknowledge(ref, data.NewDate(2026, 11, 23), data.DeliveryPost, "Bevestigd."); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ref, data.Resolution{Verdict: data.VerdictWellFounded, Outcome: "Wij vergoeden de boete.", NoHearingReason: "Geen reactie."}); err != nil {
		t.Fatal(err)
	}
	causes, err := s.RootCauses()
	if err != nil || len(causes) == 0 {
		t.Fatalf("root causes: %v", err)
	}
	measure, err := s.AddMeasure(data.Measure{Description: "Elke aangifte krijgt een uitsteldatum in de agenda.", RootCause: causes[0].Code})
	if err != nil {
		t.Fatal(err)
	}
	m.refresh()
	settle(m)
	ms := m.Measures
	link := ms.buttons["link"]
	if !link.Disabled() {
		t.Error("Link to a complaint is offered with no measure selected")
	}
	ms.list.Select(slices.IndexFunc(ms.measures, func(x data.Measure) bool { return x.Code == measure.Code }))
	if link.Disabled() {
		t.Fatal("Link to a complaint is not offered for a measure being carried out")
	}
	test.Tap(link)
	var which *choice
	var confirm *button
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		switch w := o.(type) {
		case *choice:
			which = w
		case *button:
			if w.Text == "Koppelen" {
				confirm = w
			}
		}
	}
	if which == nil || confirm == nil || len(which.Options) != 1 || !strings.HasPrefix(which.Options[0], ref+" · Petra van Dijk") {
		t.Fatalf("the dialog offers %v", which)
	}
	if !confirm.Disabled() {
		t.Error("Koppelen enabled before a complaint is chosen")
	}
	which.SetSelectedIndex(0)
	test.Tap(confirm)
	settle(m)
	all, err := s.Measures(data.MeasureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(all, func(x data.Measure) bool { return x.Code == measure.Code }); i < 0 || !slices.Contains(all[i].Complaints, ref) {
		t.Errorf("the measure after linking: %+v", all)
	}
}
