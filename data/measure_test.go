package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// resolved is a formal complaint, acknowledged and resolved with verdict v, its outcome letter
// sent: everything done for closing except what measures ask.
func resolved(t *testing.T, s *Store, name string, v Verdict) string {
	t.Helper()
	ref := mustCreate(t, s, complaint(name, "2026-02-02", true))
	must(t, s.Acknowledge(ref, day("2026-02-03"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	_, err := s.AddContact(ref, Contact{On: day("2026-02-10"), Kind: ContactMeeting, Hearing: true, Note: "Klager gehoord."})
	must(t, err)
	r := Resolution{Verdict: v, Outcome: "besproken", On: day("2026-02-20")}
	if v == VerdictSettled {
		r.Justified = JustifiedNo
	}
	must(t, s.Resolve(ref, r))
	sendLetter(t, s, ref, LetterOutcome, Date{}, DeliveryPost)
	return ref
}

// TestSettledButJustifiedNeedsAMeasure: a complaint settled in consultation says whether it
// was justified; a justified one feeds the evaluation like a well-founded one.
func TestSettledButJustifiedNeedsAMeasure(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Jansen", "2026-02-02", false))
	before := dumpTables(t, s)
	wantErr(t, s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "Excuses aanvaard."}), ErrInvalid)
	if dumpTables(t, s) != before {
		t.Fatal("a refused resolution changed the register")
	}
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictSettled, Outcome: "Excuses aanvaard.", Justified: JustifiedYes}))
	if c := complaintOf(t, s, ref); c.Justified != JustifiedYes {
		t.Fatalf("justified %q stored", c.Justified)
	}
	wantErr(t, s.CloseComplaint(ref), ErrConflict)
	if kinds := itemKinds(t, s, ref); !slices.Contains(kinds, ItemMeasure) {
		t.Errorf("items %v lack the measure", kinds)
	}
	must(t, s.RecordNoMeasure(ref, "Eenmalige vergissing, al rechtgezet."))
	must(t, s.CloseComplaint(ref))
}

func kinds(items []ActionItem) []ItemKind {
	out := []ItemKind{}
	for _, it := range items {
		out = append(out, it.Kind)
	}
	return out
}

func TestClosingNeedsAMeasureOrAReason(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practitioner_name": "Anne de Linde"}))
	for _, v := range Verdicts {
		t.Run(string(v), func(t *testing.T) {
			ref := resolved(t, s, "Çelik", v)
			f, err := s.File(ref)
			must(t, err)
			if !v.NeedsMeasure() {
				if len(f.Items) != 0 {
					t.Errorf("items %v, want none", kinds(f.Items))
				}
				wantErr(t, s.RecordNoMeasure(ref, "niet nodig"), ErrConflict)
				must(t, s.CloseComplaint(ref))
				return
			}
			if got := kinds(f.Items); !reflect.DeepEqual(got, []ItemKind{ItemMeasure}) || f.Items[0].DueOn != day("2026-02-27") {
				t.Fatalf("items %v (%+v), want the measure a week after the resolution", got, f.Items)
			}
			before := dumpTables(t, s)
			wantErr(t, s.CloseComplaint(ref), ErrConflict)
			wantErr(t, s.RecordNoMeasure(ref, "  "), ErrInvalid)
			if dumpTables(t, s) != before {
				t.Fatal("a refused close or reason changed the register")
			}
			if v == VerdictWellFounded {
				m, err := s.AddMeasure(Measure{Description: "Offerte bij meerwerk", RootCause: "fees"}, ref)
				must(t, err)
				if m.Owner != "Anne de Linde" || m.Code == "" || !reflect.DeepEqual(m.Complaints, []string{ref}) {
					t.Errorf("measure %+v", m)
				}
			} else {
				must(t, s.RecordNoMeasure(ref, "Eenmalige vergissing"))
				if c := complaintOf(t, s, ref); c.NoMeasureReason != "Eenmalige vergissing" {
					t.Errorf("reason %q", c.NoMeasureReason)
				}
			}
			if f, _ := s.File(ref); len(f.Items) != 0 {
				t.Errorf("items after the measure: %v", kinds(f.Items))
			}
			must(t, s.CloseComplaint(ref))
		})
	}
}

// TestMeasureCarriedOutBeforeItWasRecorded: a practitioner who improved the practice right
// after a complaint and records the measure later gives the real day, from the day its first
// complaint came in; it was refused before the day of recording. A measure of the practice's
// own has no complaint to go by: it cannot be carried out before it was recorded.
func TestMeasureCarriedOutBeforeItWasRecorded(t *testing.T) {
	s := openStore(t, "2026-03-02")
	a := resolved(t, s, "Jansen", VerdictWellFounded) // came in on 2 February
	early, err := s.AddMeasure(Measure{Description: "Tarieven op de website", RootCause: "fees"}, a)
	must(t, err)
	own, err := s.AddMeasure(Measure{Description: "Checklist bij intake", RootCause: "fees"})
	must(t, err)
	setToday(s, "2026-03-10")
	before := dumpTables(t, s)
	wantErr(t, s.MeasureDone(early.Code, day("2026-02-01")), ErrInvalid) // before its complaint came in
	wantErr(t, s.MeasureDone(own.Code, day("2026-03-01")), ErrInvalid)   // before it was recorded
	if !reflect.DeepEqual(dumpTables(t, s), before) {
		t.Error("a refused day changed the register")
	}
	must(t, s.MeasureDone(early.Code, day("2026-02-02")))
	if got, _ := s.Measure(early.Code); got.DoneOn != day("2026-02-02") {
		t.Errorf("carried out before it was recorded: done on %s, want 2026-02-02", got.DoneOn)
	}
	must(t, s.MeasureDone(own.Code, day("2026-03-02")))
}

// TestMeasureCarriedOutBeforeTheYearItWasRecorded: a measure carried out in December and
// recorded in January belongs to December's annual report, listed and counted there; the
// next year's report neither lists it nor counts it as added. It was in no report at all.
func TestMeasureCarriedOutBeforeTheYearItWasRecorded(t *testing.T) {
	s := openStore(t, "2026-12-10")
	ref := mustCreate(t, s, complaint("Jansen", "2026-12-01", true))
	must(t, s.Acknowledge(ref, day("2026-12-02"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	_, err := s.AddContact(ref, Contact{On: day("2026-12-03"), Kind: ContactMeeting, Hearing: true, Note: "Klager gehoord."})
	must(t, err)
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: "besproken", On: day("2026-12-10")}))
	setToday(s, "2027-01-10")
	m, err := s.AddMeasure(Measure{Description: "Tarieven op de website", RootCause: "fees"}, ref)
	must(t, err)
	must(t, s.MeasureDone(m.Code, day("2026-12-15")))
	for year, want := range map[int]int{2026: 1, 2027: 0} {
		r, err := s.YearReport(year)
		must(t, err)
		if len(r.Measures) != want || r.Current.MeasuresAdded != want || r.Current.MeasuresDone != want {
			t.Errorf("%d: %d measures listed, %d added, %d carried out; want %d", year, len(r.Measures), r.Current.MeasuresAdded, r.Current.MeasuresDone, want)
		}
		if year == 2027 && (r.Previous.MeasuresAdded != 1 || r.Previous.MeasuresDone != 1) {
			t.Errorf("2027's column for 2026: %d added, %d carried out; want 1 and 1, as the 2026 report", r.Previous.MeasuresAdded, r.Previous.MeasuresDone)
		}
	}
}

func TestMeasureSteps(t *testing.T) {
	s := openStore(t, "2026-03-02")
	a := resolved(t, s, "Jansen", VerdictWellFounded)
	b := resolved(t, s, "Bakker", VerdictPartlyWellFounded)
	for name, m := range map[string]Measure{
		"no description":  {RootCause: "fees"},
		"no cause":        {Description: "x"},
		"unknown cause":   {Description: "x", RootCause: "weather"},
		"due in the past": {Description: "x", RootCause: "fees", DueOn: day("2026-03-01")},
	} {
		before := dumpTables(t, s)
		if _, err := s.AddMeasure(m, a); !isInputError(err) {
			t.Errorf("%s: error %v, want an input error", name, err)
		}
		if dumpTables(t, s) != before {
			t.Errorf("%s: refused measure changed the register", name)
		}
	}
	_, err := s.AddMeasure(Measure{Description: "x", RootCause: "fees"}, a, "K-2026-0099")
	wantErr(t, err, ErrNotFound)

	m, err := s.AddMeasure(Measure{Description: " Offerte bij meerwerk ", RootCause: "fees", Owner: "Mark", DueOn: day("2026-04-01")}, a)
	must(t, err)
	if m.Code != "M-2026-001" || m.Description != "Offerte bij meerwerk" || m.RootCauseLabel != "tarieven" || m.CreatedOn != day("2026-03-02") {
		t.Errorf("added %+v", m)
	}
	must(t, s.LinkMeasure(m.Code, b))
	wantErr(t, s.LinkMeasure(m.Code, b), ErrConflict)
	wantErr(t, s.LinkMeasure("M-2026-999", b), ErrNotFound)
	m.Description, m.DueOn = "Aanvullende offerte bij meerwerk", day("2026-04-15")
	must(t, s.EditMeasure(m))
	events := countRows(t, s, "events")
	must(t, s.EditMeasure(m)) // unchanged: no event
	if n := countRows(t, s, "events"); n != events {
		t.Errorf("an edit that changes nothing wrote %d events", n-events)
	}
	got, err := s.Measure("m-2026-001")
	must(t, err)
	if got.Description != m.Description || got.DueOn != day("2026-04-15") || !reflect.DeepEqual(got.Complaints, []string{a, b}) || got.Owner != "Mark" {
		t.Errorf("after editing: %+v", got)
	}

	wantErr(t, s.EvaluateMeasure(m.Code, Date{}, true, "werkt"), ErrConflict) // not carried out yet
	setToday(s, "2026-03-10")
	wantErr(t, s.MeasureDone(m.Code, day("2026-03-11")), ErrInvalid) // in the future
	wantErr(t, s.MeasureDone(m.Code, day("2026-02-01")), ErrInvalid) // before its complaints came in
	must(t, s.MeasureDone(m.Code, day("2026-03-05")))
	wantErr(t, s.MeasureDone(m.Code, Date{}), ErrConflict)

	wantErr(t, s.EvaluateMeasure(m.Code, day("2026-03-04"), true, "werkt"), ErrInvalid) // before it was done
	wantErr(t, s.EvaluateMeasure(m.Code, Date{}, true, " "), ErrInvalid)
	must(t, s.EvaluateMeasure(m.Code, Date{}, false, "opnieuw een klacht"))
	got, _ = s.Measure(m.Code)
	if got.Effect != EffectNotEffective || got.State(day("2026-03-10")) != MeasureNotEffective || got.Evaluation != "opnieuw een klacht" ||
		got.DoneOn != day("2026-03-05") || got.EvaluatedOn != day("2026-03-10") {
		t.Errorf("after evaluating: %+v", got)
	}

	second, err := s.AddMeasure(Measure{Description: "Telefoondienst", RootCause: "accessibility"})
	must(t, err)
	third, err := s.AddMeasure(Measure{Description: "Terugbellen binnen een dag", RootCause: "accessibility"})
	must(t, err)
	must(t, s.MeasureDone(third.Code, Date{})) // carried out, its effect not evaluated yet
	for name, tc := range map[string]struct {
		f    MeasureFilter
		want []string
	}{
		"all":   {MeasureFilter{}, []string{second.Code, third.Code, m.Code}},
		"open":  {MeasureFilter{Open: true}, []string{second.Code}},
		"done":  {MeasureFilter{Done: true}, []string{third.Code, m.Code}},
		"to do": {MeasureFilter{ToDo: true}, []string{second.Code, third.Code}},
		"of b":  {MeasureFilter{Reference: b}, []string{m.Code}},
	} {
		list, err := s.Measures(tc.f)
		must(t, err)
		var codes []string
		for _, x := range list {
			codes = append(codes, x.Code)
		}
		if !reflect.DeepEqual(codes, tc.want) {
			t.Errorf("%s: %v, want %v", name, codes, tc.want)
		}
	}
	_, err = s.Measures(MeasureFilter{Reference: "K-2026-0099"})
	wantErr(t, err, ErrNotFound)

	// b is closed on the strength of the shared measure; its closed file keeps its links until
	// it is reopened, and then the closing rule applies again.
	must(t, s.CloseComplaint(b))
	wantErr(t, s.UnlinkMeasure(m.Code, b), ErrTransition)
	wantErr(t, s.RecordNoMeasure(b, "Eenmalig"), ErrTransition)
	must(t, s.UnlinkMeasure(m.Code, a)) // a is still open
	wantErr(t, s.UnlinkMeasure(m.Code, a), ErrConflict)
	must(t, s.Reopen(b, "Koppeling was een vergissing"))
	must(t, s.UnlinkMeasure(m.Code, b))
	wantErr(t, s.CloseComplaint(b), ErrConflict)

	kinds, complaints := lastEvents(t, s, 4)
	idA, idB := complaintOf(t, s, a).ID, complaintOf(t, s, b).ID
	if !reflect.DeepEqual(kinds, []string{"status_changed", "measure_unlinked", "status_changed", "measure_unlinked"}) ||
		!reflect.DeepEqual(complaints, []int64{idB, idA, idB, idB}) {
		t.Errorf("last events %v on %v", kinds, complaints)
	}
	var added int
	must(t, s.r.QueryRow(`SELECT count(*) FROM events WHERE kind = 'measure_added' AND complaint_id IS NULL`).Scan(&added))
	if added != 3 { // m, second and third
		t.Errorf("%d register events for added measures, want 3", added)
	}
	timeline, err := s.Timeline(b)
	must(t, err)
	if d := timeline[len(timeline)-1].Describe().String(); d != "Verbetermaatregel M-2026-001 ontkoppeld" {
		t.Errorf("timeline says %q", d)
	}
	if v, err := s.Verify(); err != nil || !v.OK() {
		t.Errorf("verify: %v %v", v.Problem, err)
	}
}

// TestDeadlinesIncludeOpenMeasures: a measure is carried out by its due date, then its effect
// is judged; an evaluated one asks nothing more.
func TestDeadlinesIncludeOpenMeasures(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := mustCreate(t, s, complaint("Smit", "2026-02-25", true)) // acknowledgement due 2026-03-04
	late, err := s.AddMeasure(Measure{Description: "Telefoondienst", RootCause: "accessibility", DueOn: day("2026-03-20")})
	must(t, err)
	_, err = s.AddMeasure(Measure{Description: "Zonder datum", RootCause: "other"})
	must(t, err)
	done, err := s.AddMeasure(Measure{Description: "Al gedaan", RootCause: "other", DueOn: day("2026-03-10")})
	must(t, err)
	must(t, s.MeasureDone(done.Code, Date{}))
	setToday(s, "2026-03-25")
	items, err := s.Deadlines()
	must(t, err)
	var got []string
	for _, it := range items {
		got = append(got, it.Reference+" "+string(it.Kind)+" "+string(it.Warning))
	}
	// The measure carried out on 2 March is to be evaluated within 90 days: by 31 May.
	want := []string{ref + " acknowledge overdue", late.Code + " carry_out_measure overdue", ref + " resolve due_soon",
		done.Code + " evaluate_measure ok"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("deadlines %v, want %v", got, want)
	}
	if it := items[1]; it.MeasureID != late.ID || it.ComplaintID != 0 || it.Detail != "Telefoondienst" || it.Label != "Verbetermaatregel uitvoeren" || it.DaysLeft != -5 {
		t.Errorf("measure item %+v", it)
	}
	if it := items[3]; it.MeasureID != done.ID || it.DueOn != day("2026-05-31") || it.Label != "Effect van de verbetermaatregel beoordelen" {
		t.Errorf("evaluation item %+v", it)
	}
	must(t, s.EvaluateMeasure(done.Code, Date{}, true, "Minder klachten over de telefoon."))
	items, err = s.Deadlines()
	must(t, err)
	if len(items) != 3 {
		t.Errorf("an evaluated measure still has an item: %+v", items)
	}
}

func TestAddRootCause(t *testing.T) {
	s := openStore(t, "2026-03-02")
	rc, err := s.AddRootCause(" Privacy en AVG ")
	must(t, err)
	if rc != (RootCause{Code: "privacy-en-avg", Label: "Privacy en AVG"}) {
		t.Errorf("added %+v", rc)
	}
	_, err = s.AddRootCause("privacy en avg")
	wantErr(t, err, ErrConflict)
	_, err = s.AddRootCause(" ")
	wantErr(t, err, ErrInvalid)
	odd, err := s.AddRootCause("Überweisung!")
	must(t, err)
	prive, err := s.AddRootCause("Privé")
	must(t, err)
	if odd.Code != "uberweisung" || prive.Code != "prive" {
		t.Errorf("codes %q and %q, want uberweisung and prive", odd.Code, prive.Code)
	}
	causes, err := s.RootCauses()
	must(t, err)
	if len(causes) != 10 || causes[0].Code != "communication" || causes[7] != rc || causes[8] != odd || causes[9] != prive {
		t.Errorf("root causes %v", causes)
	}
	if _, err := s.AddMeasure(Measure{Description: "Dossiers afsluiten", RootCause: rc.Code}); err != nil {
		t.Error(err)
	}
}

func TestClassifyExtension(t *testing.T) {
	for reason, want := range map[string]ExtensionReason{
		"Wij hebben advies gevraagd aan een onafhankelijke deskundige en wachten op diens reactie.": ReasonExpert,
		"De betrokken medewerker was enkele weken afwezig door ziekte.":                             ReasonAbsence,
		"Wij wachten op stukken van de Belastingdienst.":                                            ReasonInformation,
		"We are waiting for documents from your bank.":                                              ReasonInformation,
		"Het onderzoek kost meer tijd dan verwacht.":                                                ReasonComplexity,
		"Drukte rond de jaarafsluiting.":                                                            ReasonOther,
		// Waiting, however it is put (a practitioner's "wachten nog op" read as "overig").
		"Wij wachten nog op de kopie van de nota van oktober.": ReasonInformation,
		"Een kopie van het contract ontbreekt nog.":            ReasonInformation,
		"We are still awaiting the bank's reply.":              ReasonInformation,
		// Whole words: a hospital or a health insurer is no illness.
		"Wij wachten op stukken van het ziekenhuis.":                      ReasonInformation,
		"De ziektekostenverzekeraar moet de declaratie nog beoordelen.":   ReasonOther,
		"De behandelaar heeft zich ziek gemeld.":                          ReasonAbsence,
		"Ziekmelding van de behandelaar.":                                 ReasonAbsence,
		"De zieke collega is nog niet terug; vervanging volgt.":           ReasonAbsence,
		"Zwangerschapsverlof van de behandelaar.":                         ReasonAbsence,
		"Het dossieronderzoek loopt nog.":                                 ReasonComplexity,
		"Ondeskundig handelen wordt nog uitgezocht; dat vergt onderzoek.": ReasonComplexity,
	} {
		if got := ClassifyExtension(reason); got != want {
			t.Errorf("%q: %s, want %s", reason, got, want)
		}
	}
}

func TestMaskNames(t *testing.T) {
	mask := newNameMask("Zoë van 't Hoff", "Mehmet Çelik", "Bo Li", "Thijs Jansen", "Fatima El Amrani")
	for in, want := range map[string]string{
		"Na de klacht van Zoë van 't Hoff: terugbellen.": "Na de klacht van N.N. van 't N.N.: terugbellen.",
		"Gesprek met mevrouw HOFF en de heer çelik.":     "Gesprek met mevrouw N.N. en de heer N.N..",
		"Mehmet Çelik belde.":                            "N.N. belde.",
		"Telefoondienst van de praktijk.":                "Telefoondienst van de praktijk.",
		// Names of two letters, without accents, in the genitive and the plural.
		"Bo Li belde; Li's klacht en die van de Jansens.": "N.N. belde; N.N. klacht en die van de N.N..",
		"Zoe Hoffs brief en Celik's reactie.":             "N.N. brief en N.N. reactie.",
		"De bos in, een lis aan de sloot.":                "De bos in, een lis aan de sloot.", // Bo's, Li's, not bos, lis
		"Mevrouw El Amrani.":                              "Mevrouw El N.N..",
		// Contact details.
		"Mail naar t.jansen@voorbeeld.example of z.hoff@mail.example.nl.":   "Mail naar [e-mail] of [e-mail].",
		"Bellen: 06-12345678, 06 1234 5678, 0612345678 of (030) 123 45 67.": "Bellen: [telefoon], [telefoon], [telefoon] of [telefoon].",
		"Bellen: +31 6 12345678, +31 (0)30-123 45 67, 0031 30 1234567.":     "Bellen: [telefoon], [telefoon], [telefoon].",
		"Abroad: +44 20 7946 0958 or +1 (555) 123-4567.":                    "Abroad: [telefoon] or [telefoon].",
		"Adres: Kerkstraat 7, 3512 JK Utrecht; 3512JK.":                     "Adres: Kerkstraat 7, [postcode] Utrecht; [postcode].",
		// What looks like a number but is none stays.
		"Op 01-03-2025 10:00 uur, K-2025-0007 en M-2025-003, 2025 en 2026, € 1.250,00.": "Op 01-03-2025 10:00 uur, K-2025-0007 en M-2025-003, 2025 en 2026, € 1.250,00.",
		"Van 09.00-17.00 uur, 14 dagen, 0,5 uur.":                                       "Van 09.00-17.00 uur, 14 dagen, 0,5 uur.",
		"Tel.06-12345678, tel:0612345678.":                                              "Tel.[telefoon], tel:[telefoon].",
		"Na K-2025-0007 0612345678 gebeld.":                                             "Na K-2025-0007 [telefoon] gebeld.",
	} {
		masks(t, mask, in, want)
	}
	if w := mask.find("Offerte voor de Jansens."); w != "Jansens" {
		t.Errorf("find: %q", w)
	}
	if w := mask.find("Offerte bij meerwerk."); w != "" {
		t.Errorf("find: %q", w)
	}
	// Surnames that are ordinary words too: in lower case they are a name only after a title,
	// an initial or another name. "Jan en Marie" and "Dhr." put no "en" or "dhr" in the mask.
	// (A surname that is no ordinary word is a name in lower case anywhere: below.)
	common := newNameMask("Sanne Klein", "Jan en Marie de Groen", "Dhr. P. Kok")
	for in, want := range map[string]string{
		"Bij een klein dossier eerst bellen; groen licht van de kok, en pas dan de offerte.": "Bij een klein dossier eerst bellen; groen licht van de kok, en pas dan de offerte.",
		"Gesprek met mevrouw klein en met de heer kok; Klein belde.":                         "Gesprek met mevrouw N.N. en met de heer N.N.; N.N. belde.",
		"Sanne klein en M. groen belden, dhr. kok niet.":                                     "N.N. en M. N.N. belden, dhr. N.N. niet.",
	} {
		masks(t, common, in, want)
	}
	// A name in lower case where a name stands: after a title or an initial, past the
	// particles of the surname; and a surname that is no ordinary word, anywhere.
	common = newNameMask("Sanne de Groot", "Piet van Dijk", "Jan Bakker", "Thijs Jansen", "Mevrouw De Heer", "Sanne Klein")
	for in, want := range map[string]string{
		"Gesprek met mevrouw de groot over een groot dossier.": "Gesprek met mevrouw de N.N. over een groot dossier.",
		"J. van dijk belde over de weg langs de dijk.":         "J. van N.N. belde over de weg langs de dijk.",
		"Th. klein en fam. bakker; de bakker bleef.":           "Th. N.N. en fam. N.N.; de bakker bleef.",
		"Gesprek met jansen, daarna met de heer Jansen.":       "Gesprek met N.N., daarna met de heer N.N..",
		"Mevrouw De Heer belde.":                               "Mevrouw De N.N. belde.",
	} {
		masks(t, common, in, want)
	}
}

// masks checks that mask turns in into want.
func masks(t *testing.T, mask nameMask, in, want string) {
	t.Helper()
	if got := mask.mask(in); got != want {
		t.Errorf("mask(%q)\n got %q\nwant %q", in, got, want)
	}
}

// TestMeasureMayNotNameItsComplainant refuses a measure that names the complainant of a
// complaint it answers, when added, edited or linked: it is about the practice, and the annual
// report shows it.
func TestMeasureMayNotNameItsComplainant(t *testing.T) {
	s := openStore(t, "2026-03-02")
	a := resolved(t, s, "Thijs Jansen", VerdictWellFounded)
	b := resolved(t, s, "Bo Li", VerdictWellFounded)
	noName := func(err error) {
		t.Helper()
		var de *Error
		if !errors.As(err, &de) || de.Code != CodeInvalid || de.Field != "description" || !strings.Contains(de.Error(), "zonder") {
			t.Errorf("error %v, want an invalid description that asks not to name the complainant", err)
		}
	}
	before := dumpTables(t, s)
	_, err := s.AddMeasure(Measure{Description: "Na de klacht van de heer Jansen: offerte bij meerwerk", RootCause: "fees"}, a)
	noName(err)
	_, err = s.AddMeasure(Measure{Description: "Offerte bij meerwerk, zoals Li's klacht liet zien", RootCause: "fees"}, a, b)
	noName(err)
	if dumpTables(t, s) != before {
		t.Error("a refused measure changed the register")
	}
	_, err = s.AddMeasure(Measure{Description: "Offerte bij meerwerk (na de Jansens)", RootCause: "fees"}, b)
	noName(err) // Jansen's complaint is not linked, but the register knows Jansen
	m, err := s.AddMeasure(Measure{Description: "Offerte bij meerwerk", RootCause: "fees"}, b)
	must(t, err)
	m.Description = "Offerte bij meerwerk, ook voor Li"
	noName(s.EditMeasure(m))
	m.Description = "Offerte bij meerwerk"
	must(t, s.EditMeasure(m))
	must(t, s.LinkMeasure(m.Code, a))
}

// TestMeasureMayNameNobody refuses a description naming anyone the register knows, whichever
// role they have, naming the word; a word that only looks like part of a name is fine.
func TestMeasureMayNameNobody(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref, err := s.Create(Complaint{Complainant: Complainant{Name: "Thijs Jansen"}, ReceivedOn: day("2026-03-01"),
		Channel: ChannelLetter, Subject: SubjectEmployee, Summary: "x", PersonNamed: "Sébastien d'Hondt", Handler: "Karin Mulder",
		Representative: Complainant{Name: "mr. Pieter Smit", AddressLine1: "Herengracht 1", City: "Amsterdam"}})
	must(t, err)
	must(t, s.SetSettings(Settings{"practitioner_name": "Anne de Linde", "staff_names": "Fatima Bouzid\nGerrit Brinkhuis"}))
	_, err = s.SaveExpert(Expert{Name: "Hélène Öztürk"})
	must(t, err)
	for _, desc := range []string{"Medewerker Sébastien d'Hondt extra begeleiden", "Gesprek met mr. Smit", "Mulder neemt de telefoon op",
		"Linde controleert facturen", "Bouzid krijgt een cursus", "Advies van Öztürk volgen"} {
		_, err := s.AddMeasure(Measure{Description: desc, RootCause: "other"}, ref)
		var de *Error
		if !errors.As(err, &de) || de.Field != "description" || !strings.Contains(de.Error(), "de naam van iemand in het register") {
			t.Errorf("%q: %v", desc, err)
		}
	}
	if _, err := s.AddMeasure(Measure{Description: "Medewerkers extra begeleiden bij klachten", RootCause: "other"}, ref); err != nil {
		t.Errorf("a description without names: %v", err)
	}
	// A surname that is an ordinary word too, written as that word: refused before.
	klein := resolved(t, s, "Sanne Klein", VerdictWellFounded)
	if _, err := s.AddMeasure(Measure{Description: "Bij een klein dossier eerst bellen", RootCause: "other"}, klein); err != nil {
		t.Errorf("'een klein dossier' with Sanne Klein in the register: %v", err)
	}
	if _, err := s.AddMeasure(Measure{Description: "Mevrouw Klein eerst bellen", RootCause: "other"}, klein); err == nil {
		t.Error("'Mevrouw Klein' was accepted")
	}
}

// TestReportMasksNamesOfEarlierYears masks, in the report of 2026, the name of a 2020
// complainant whose complaint a measure still under way answers; the description got it
// before measures were checked for names. The name of a 2020 complaint that no measure
// answers and the figures do not count is not looked for.
func TestReportMasksNamesOfEarlierYears(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2020-03-02")
	ref := mustCreate(t, s, complaint("Pietersen", "2020-02-03", true))
	settled := mustCreate(t, s, complaint("Groot", "2020-02-04", false))
	must(t, s.Resolve(settled, Resolution{Verdict: VerdictSettled, Outcome: "besproken", On: Date{}, Justified: JustifiedNo, NoHearingReason: "niet van toepassing in deze test"}))
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: "besproken", On: Date{}, NoHearingReason: "niet van toepassing in deze test"}))
	m, err := s.AddMeasure(Measure{Description: "Offerte bij meerwerk", RootCause: "fees"}, ref)
	must(t, err)
	execRaw(t, path, `UPDATE measures SET description = 'Na de klacht van Pietersen: offerte, ook bij groot meerwerk'`)
	setToday(s, "2026-03-02")
	r, err := s.YearReport(2026)
	must(t, err)
	if len(r.Measures) != 1 || r.Measures[0].Code != m.Code || r.Measures[0].Description != "Na de klacht van N.N.: offerte, ook bij groot meerwerk" {
		t.Errorf("measures %+v", r.Measures)
	}
}

// TestUpgradeKeepsOlderRegisters opens a register made before measures existed: the root causes
// are seeded, and a well-founded complaint closed back then counts as one without a measure.
func TestUpgradeKeepsOlderRegisters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	db := rawDB(t, path)
	for _, name := range migrationNames()[:3] {
		script, err := migrationFS.ReadFile(name)
		must(t, err)
		_, err = db.Exec(string(script))
		must(t, err)
	}
	_, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = 3; PRAGMA application_id = %d;
		INSERT INTO complaints (reference, received_on, channel, formal, subject, summary, complainant_name, status,
			resolved_on, verdict, closed_on)
		VALUES ('K-2025-0001', '2025-03-03', 'conversation', 0, 'service', 'x', 'Jansen', 'closed', '2025-03-10',
			'well_founded', '2025-03-11')`, applicationID))
	must(t, err)
	must(t, db.Close())
	s := openAt(t, path, "2026-03-02")
	if c := complaintOf(t, s, "K-2025-0001"); c.Status != StatusClosed || c.NoMeasureReason != "" {
		t.Errorf("after the upgrade: %+v", c)
	}
	causes, err := s.RootCauses()
	must(t, err)
	if len(causes) != 7 || causes[6] != (RootCause{"other", "overig"}) {
		t.Errorf("seeded root causes %v", causes)
	}
	r, err := s.YearReport(2025)
	must(t, err)
	if last := r.ByRootCause[len(r.ByRootCause)-1]; last.Key != CauseNoMeasureYet || last.N != 1 {
		t.Errorf("root causes of 2025: %+v", r.ByRootCause)
	}
}

// TestNewCauseComesWithItsMeasure: a category typed with a measure is added in the measure's own
// change, so a refused measure leaves no category behind and the same text can be saved again.
func TestNewCauseComesWithItsMeasure(t *testing.T) {
	s := openStore(t, "2026-03-02")
	a := resolved(t, s, "Thijs Jansen", VerdictWellFounded)
	before := dumpTables(t, s)
	_, err := s.AddMeasure(Measure{Description: "Planning na de klacht van de heer Jansen", NewCause: "Planning"}, a)
	wantErr(t, err, ErrInvalid)
	if dumpTables(t, s) != before {
		t.Fatal("a refused measure added its new category")
	}
	m, err := s.AddMeasure(Measure{Description: "Planning een week vooruit", NewCause: "Planning"}, a)
	must(t, err)
	causes, err := s.RootCauses()
	must(t, err)
	if m.RootCause != "planning" || !slices.ContainsFunc(causes, func(rc RootCause) bool { return rc.Code == "planning" }) {
		t.Errorf("measure's cause %q, categories %v", m.RootCause, causes)
	}
	m.NewCause, m.Description = "Wachttijd", "Wachttijd na de klacht van de heer Jansen" // refused as a whole
	before = dumpTables(t, s)
	wantErr(t, s.EditMeasure(m), ErrInvalid)
	if dumpTables(t, s) != before {
		t.Error("a refused edit changed the register")
	}
	v, err := s.Verify()
	if err != nil || !v.OK() {
		t.Errorf("verify: %v %+v", err, v)
	}
}

// TestNewCauseAlreadyListed: a category typed with a measure that the list already has (in
// another case, or by its code as the English screens name it) is that category: the measure
// is saved with it and no second category appears. It was refused ("staat al in de lijst"),
// so the practitioner had to clear the field and pick it from the list.
func TestNewCauseAlreadyListed(t *testing.T) {
	s := openStore(t, "2026-03-02")
	a := resolved(t, s, "Thijs Jansen", VerdictWellFounded)
	before, err := s.RootCauses()
	must(t, err)
	for _, typed := range []string{"Administratie", " ADMINISTRATIE ", "Administration"} {
		m, err := s.AddMeasure(Measure{Description: "Facturen laten controleren voor verzending", NewCause: typed}, a)
		if err != nil {
			t.Fatalf("new cause %q: %v", typed, err)
		}
		if m.RootCause != "administration" {
			t.Errorf("new cause %q: measure's cause %q, want administration", typed, m.RootCause)
		}
	}
	after, err := s.RootCauses()
	must(t, err)
	if len(after) != len(before) {
		t.Errorf("categories %v, want %v", after, before)
	}
}

// TestWkkgzOutcomeLetterWaitsForItsMeasure: under the Wkkgz the outcome letter names the
// measures against recurrence, so for a well-founded complaint it is refused, changing
// nothing, until a measure is linked; under the month the letter may come before it.
func TestWkkgzOutcomeLetterWaitsForItsMeasure(t *testing.T) {
	s := openStore(t, "2026-03-02")
	wellFounded := func(name string) string {
		ref := mustCreate(t, s, complaint(name, "2026-02-02", true))
		must(t, s.Acknowledge(ref, day("2026-02-03"), DeliveryEmail, "Ontvangst per e-mail bevestigd."))
		_, err := s.AddContact(ref, Contact{On: day("2026-02-10"), Kind: ContactMeeting, Hearing: true, Note: "Klager gehoord."})
		must(t, err)
		must(t, s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: "besproken", On: day("2026-02-20")}))
		return ref
	}
	month := wellFounded("Bo Li")
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionCare, KeyDeadlinePolicy: PolicyWkkgz}))
	wkkgz := wellFounded("Thijs Jansen")
	before := dumpTables(t, s)
	_, err := s.SaveLetter(wkkgz, LetterOutcome, "nl", pdf("uitkomst"), 0)
	var de *Error
	if !errors.As(err, &de) || de.Code != CodeConflict || !strings.Contains(err.Error(), "Wkkgz") || !strings.Contains(err.Error(), "verbetermaatregel") {
		t.Errorf("the Wkkgz outcome letter without a measure: %v", err)
	}
	if dumpTables(t, s) != before {
		t.Error("a refused outcome letter changed the register")
	}
	if err := CanClose(Facts{Complaint: Complaint{Reference: wkkgz, Status: StatusResolved, Formal: true, Verdict: VerdictWellFounded}}); err == nil ||
		!strings.Contains(err.Error(), "verbetermaatregel") {
		t.Errorf("closing asks the measure first: %v", err)
	}
	_, err = s.AddMeasure(Measure{Description: "Offerte bij meerwerk", RootCause: "fees", DueOn: day("2026-04-01")}, wkkgz)
	must(t, err)
	_, err = s.SaveLetter(wkkgz, LetterOutcome, "nl", pdf("uitkomst"), 0)
	must(t, err)
	_, err = s.SaveLetter(month, LetterOutcome, "nl", pdf("uitkomst"), 0)
	must(t, err)
}

// TestTextsWithoutNamesNameNobody: the reason of a legal hold and the finding of a measure's
// evaluation, asked without names because they outlive the complaint's personal data, are
// refused, changing nothing, when they name someone the register knows, as a measure is.
func TestTextsWithoutNamesNameNobody(t *testing.T) {
	s := openStore(t, "2026-03-02")
	ref := resolved(t, s, "Thijs Bakker", VerdictWellFounded)
	m, err := s.AddMeasure(Measure{Description: "Offerte bij meerwerk", RootCause: "fees", DueOn: day("2026-03-02")}, ref)
	must(t, err)
	must(t, s.MeasureDone(m.Code, Date{}))
	before := dumpTables(t, s)
	for what, err := range map[string]error{
		"hold":       s.Hold(ref, "Tuchtzaak van de heer Bakker, aanhangig sinds 1 maart 2026"),
		"evaluation": s.EvaluateMeasure(m.Code, Date{}, true, "Bakker kreeg daarna een offerte vooraf."),
	} {
		var de *Error
		if !errors.As(err, &de) || de.Code != CodeInvalid || !strings.Contains(err.Error(), `"Bakker"`) {
			t.Errorf("%s naming the complainant: %v", what, err)
		}
	}
	if dumpTables(t, s) != before {
		t.Error("a refused text changed the register")
	}
	must(t, s.Hold(ref, "Tuchtzaak aanhangig sinds 1 maart 2026"))
	must(t, s.EvaluateMeasure(m.Code, Date{}, true, "Sindsdien geen klachten over meerwerk."))
}
