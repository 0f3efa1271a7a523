package data

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestTextKeepsItsArgumentTypesThroughJSON(t *testing.T) {
	in := Msg("oordeel: %s; uitkomst: %s; %s", VerdictPartlyWellFounded, "Excuses.",
		Msg("ontvangst bevestigd op %s", NewDate(2027, 1, 4)))
	out := roundTrip(t, in)
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n%#v\n%#v", in, out)
	}
	if got := out.String(); got != "oordeel: deels gegrond; uitkomst: Excuses.; ontvangst bevestigd op 2027-01-04" {
		t.Errorf("Dutch: %q", got)
	}
}

func TestStepDetailOfAnOlderEventStaysReadable(t *testing.T) {
	// Events written before detail_text existed carry the Dutch detail only.
	e := Event{Kind: "status_changed", Payload: []byte(`{"action":"close","from":"resolved","to":"closed","detail":"dossier gesloten"}`)}
	if got := e.Describe().String(); got != "Status van afgehandeld naar gesloten: dossier gesloten" {
		t.Errorf("older event: %q", got)
	}
}

func TestDocumentsKeepTheirNamesThroughJSON(t *testing.T) {
	names := DocumentNames{Letters: map[int64]Text{4: letterName(LetterAcknowledgement, 1)}, Attachments: map[int64]string{2: "klachtbrief.pdf"}}
	in := names.Describe(Documents{Letters: []int64{4}, Attachments: []int64{2, 9}})
	out := roundTrip(t, in)
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n%#v\n%#v", in, out)
	}
	if got := out.String(); got != "brief 4 (ontvangstbevestiging, versie 1), bijlage 2 (klachtbrief.pdf), bijlage 9" {
		t.Errorf("Dutch: %q", got)
	}
	// Events written before documents_text existed carry the ids and the Dutch only.
	e := Event{Kind: "documents_shared", Payload: []byte(`{"expert":"Dr. Smit","documents":"brief 53 (ontvangstbevestiging, versie 1)","letters":[53],"attachments":[]}`)}
	got := e.Describe()
	if got.String() != "Stukken gedeeld met Dr. Smit: brief 53 (ontvangstbevestiging, versie 1)" {
		t.Errorf("older event: %q", got.String())
	}
	if d, ok := got.Args[1].(DocumentsSaid); !ok || !reflect.DeepEqual(d.Letters, []int64{53}) {
		t.Errorf("older event's documents: %#v", got.Args[1])
	}
}

// roundTrip is in stored as an event stores it, and read back.
func roundTrip(t *testing.T, in Text) Text {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Text
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestProseIsForTheComplainant: the access request's overview reads the timeline as prose:
// dates in words (it showed "2026-09-16" among Dutch dates), no part meant for the CLI.
func TestProseIsForTheComplainant(t *testing.T) {
	m := Msg("Brief verstuurd: %s per post op %s%s", LetterKind("outcome"), NewDate(2026, 9, 16), ForCLI(" (resolved)"))
	if got, want := m.Prose(), "Brief verstuurd: uitkomstbrief per post op 16 september 2026"; got != want {
		t.Errorf("prose %q, want %q", got, want)
	}
	if got, want := m.String(), "Brief verstuurd: uitkomstbrief per post op 2026-09-16 (resolved)"; got != want {
		t.Errorf("the CLI's %q, want %q", got, want)
	}
}
