package letters

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
)

// TestAnnualReport makes the 2025 report of the annual register in both languages and reads it
// back with pdftotext: the hand-computed figures are there, nothing that names a complainant is.
func TestAnnualReport(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	for lang, want := range map[string][]string{
		"nl": {"Klachtenjaarverslag 2025", "Praktijk De Linde · opgesteld op 30 november 2026", "Ontvangen klachten",
			"71% (5 van 7)", "60% (3 van 5)", "25,5", "advies externe", "M-2025-002", "N.N. klacht", "[telefoon]",
			"pagina 3 van 3", "geen maatregel nodig", "jan", "dec", "uiterlijk 7 dagen na het indienen schriftelijk is bevestigd.",
			"Streefdatum", "01-12-2025", "verlopen", "negen van de tien binnen het tweede (het 90e percentiel)", "Doorlooptijd: de helft afgehandeld binnen (dagen)"},
		"en": {"Annual complaints report 2025", "prepared on 30 November 2026", "Complaints received", "71% (5 of 7)",
			"25.5", "external expert's", "settled by agreement", "carried out, not", "page 3 of 3", "Target date", "overdue"},
	} {
		t.Run(lang, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := AnnualReport(&a, s, 2025, lang); err != nil {
				t.Fatal(err)
			}
			if err := AnnualReport(&b, s, 2025, lang); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("a second rendering differs (%v)", err)
			}
			path := writeTemp(t, "jaarverslag_"+lang+".pdf", a.Bytes())
			checkA4(t, path)
			text := pdfText(t, path)
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range want {
				if !strings.Contains(flat, w) {
					t.Errorf("the report lacks %q", w)
				}
			}
			// The head of the audit chain is in the footer, as one more anchor outside the register.
			v, err := s.Verify()
			if err != nil || !strings.Contains(flat, v.Head) || !strings.Contains(flat, map[string]string{
				"nl": "Logboek bij het opstellen: ", "en": "Audit trail when prepared: "}[lang]+data.Thousands(v.Events)) {
				t.Errorf("the footer lacks the chain head %d %s (%v)", v.Events, v.Head, err)
			}
			if strings.Contains(flat, "werkdag") || strings.Contains(flat, "working day") {
				t.Error("the note on acknowledgements mentions working days, which this practice does not use")
			}
			// The text as pdftotext reads it: the PDF's own bytes are compressed, so searching
			// them would find nothing whatever they held.
			datatest.CheckAnonymous(t, text)
		})
	}
}

// TestReportPercentagesAndInput shows a share of all but one as 99%, never 100%, explains
// deadlines that move to working days, and leaves the caller's report as it was.
func TestReportPercentagesAndInput(t *testing.T) {
	desc := "Telefoondienst\n's ochtends"
	r := data.Report{Year: 2025, MadeOn: day("2026-01-15"), Complete: true,
		Current: data.YearFigures{Year: 2025, Received: 12, Imported: 9, AckOnTime: data.Ratio{N: 199, Of: 200},
			WithinTerm: data.Ratio{N: 1, Of: 300}},
		Measures: []data.ReportMeasure{{Code: "M-2025-001", Description: desc, RootCause: "other", RootCauseLabel: "overig",
			DueOn: day("2025-03-01"), State: data.MeasureOverdue}}}
	var buf bytes.Buffer
	if err := RenderReport(&buf, ReportInput{Report: r, Settings: practice(), Language: "nl"}); err != nil {
		t.Fatal(err)
	}
	if r.Measures[0].Description != desc {
		t.Errorf("RenderReport changed the caller's measure to %q", r.Measures[0].Description)
	}
	text := strings.Join(strings.Fields(pdfText(t, writeTemp(t, "procent.pdf", buf.Bytes()))), " ")
	for _, want := range []string{"99% (199 van 200)", "0% (1 van 300)", "01-03-2025", "Telefoondienst 's ochtends",
		"of op de eerstvolgende werkdag als die dag in een weekend of op een feestdag valt",
		"9 van de 12 klachten van 2025 zijn overgenomen uit het register dat de praktijk eerder bijhield"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(text, "100% (199") {
		t.Error("199 out of 200 shows as 100%")
	}
}

func TestReportOfAYearUnderWay(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	var buf bytes.Buffer
	if err := AnnualReport(&buf, s, 2026, "nl"); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, writeTemp(t, "2026.pdf", buf.Bytes()))), " ")
	// The practice's own measure of October 2025 is still open, so it is under way in 2026 too.
	for _, w := range []string{"Het jaar 2026 is nog niet voorbij: de cijfers lopen tot en met 30 november 2026.",
		"M-2025-003", "verlopen"} {
		if !strings.Contains(text, w) {
			t.Errorf("the report lacks %q", w)
		}
	}
	if strings.Contains(text, "overgenomen") {
		t.Error("a register without imported complaints mentions them")
	}
}

func TestReportRefusals(t *testing.T) {
	r := data.Report{Year: 2025, MadeOn: day("2026-01-15"), Complete: true,
		Measures: []data.ReportMeasure{{Code: "M-2025-001", Description: "Klachten in het 漢字 registreren", RootCause: "other",
			RootCauseLabel: "overig", State: data.MeasureOpen}}}
	var buf bytes.Buffer
	err := RenderReport(&buf, ReportInput{Report: r, Settings: practice(), Language: "nl"})
	var de *data.Error
	if !errors.As(err, &de) || de.Code != data.CodeInvalid || !strings.Contains(de.Error(), "M-2025-001") {
		t.Errorf("unprintable measure: %v", err)
	}
	noName := practice()
	noName["practice_name"] = " "
	r.Measures = nil
	if err := RenderReport(&buf, ReportInput{Report: r, Settings: noName, Language: "nl"}); !errors.Is(err, data.ErrConflict) {
		t.Errorf("without a practice name: %v", err)
	}
	if err := RenderReport(&buf, ReportInput{Report: r, Settings: practice(), Language: "de"}); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("language de: %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a refused report wrote %d bytes", buf.Len())
	}
}

func TestNiceScale(t *testing.T) {
	for most, want := range map[int][2]int{0: {1, 1}, 2: {1, 2}, 5: {1, 5}, 6: {2, 6}, 11: {5, 15}, 38: {10, 40}, 230: {50, 250}} {
		if step, top := NiceScale(most); step != want[0] || top != want[1] {
			t.Errorf("NiceScale(%d) = %d, %d; want %v", most, step, top, want)
		}
	}
}

// TestReportFindings covers what issue 12 found in the report, in Dutch and English: no
// comparison column for a year the register does not hold, "Open op [datum]" for a year under
// way, the running month marked incomplete, and every chart with its n.
func TestReportFindings(t *testing.T) {
	r := data.Report{Year: 2026, MadeOn: day("2026-12-02"), HasPrevious: false,
		Current:   data.YearFigures{Year: 2026, Received: 7, OpenAtYearEnd: 2},
		Previous:  data.YearFigures{Year: 2025},
		ByChannel: []data.Count{{Key: "letter", Label: "brief", N: 7}}, ByRootCause: []data.Count{{Key: "fees", Label: "tarieven", N: 3}}}
	r.Months[10], r.Months[11] = data.MonthCount{Received: 4, Resolved: 2}, data.MonthCount{Received: 3}
	for lang, want := range map[string][]string{
		"nl": {"Kerncijfer 2026 2025", "Ontvangen klachten 7 –", "Open op 2 december 2026 (2025: op 31 december) 2 –",
			"Per maand (7 ontvangen, 2 afgehandeld)", "lopend, onvolledig", "Oorzaak van (deels) gegronde klachten (totaal 3)",
			"Ontvangen via (totaal 7)"},
		"en": {"Complaints received 7 –", "Open on 2 December 2026 (2025: on 31 December) 2 –",
			"Per month (7 received, 2 resolved)", "current, incomplete", "(total 3)"},
	} {
		var buf bytes.Buffer
		if err := RenderReport(&buf, ReportInput{Report: r, Settings: practice(), Language: lang}); err != nil {
			t.Fatal(err)
		}
		text := flat(pdfText(t, writeTemp(t, "report.pdf", buf.Bytes())))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the report lacks %q:\n%s", lang, w, text)
			}
		}
		if strings.Contains(text, "Open aan het eind van het jaar 2") || strings.Contains(text, "Open at the end of the year 2") {
			t.Errorf("%s: a year under way shows the year's end", lang)
		}
	}
}

// TestReportSameAfterAnonymising renders the 2025 report, anonymises every finished complaint
// and renders it again: the pages read the same, word for word, but for the audit-trail line in the footer.
func TestReportSameAfterAnonymising(t *testing.T) {
	s := datatest.AnnualRegister(t, filepath.Join(t.TempDir(), "register.db"))
	text := func(name string) string {
		var buf bytes.Buffer
		if err := AnnualReport(&buf, s, 2025, "nl"); err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(pdfText(t, writeTemp(t, name, buf.Bytes())), "\n") {
			// pdftotext's layout shifts with the footer's length, so the words are compared
			if f := strings.Fields(l); len(f) > 0 && !strings.Contains(l, "Logboek bij het opstellen") {
				lines = append(lines, strings.Join(f, " "))
			}
		}
		return strings.Join(lines, "\n")
	}
	before := text("voor.pdf")
	due, err := s.RetentionDue(datatest.Today, data.NewDate(2027, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, rc := range due {
		refs = append(refs, rc.Reference)
	}
	if n, err := s.Anonymise(refs, "bewaartermijn verstreken"); err != nil || n < 7 {
		t.Fatalf("Anonymise = %d, %v", n, err)
	}
	if after := text("na.pdf"); after != before {
		t.Errorf("the report reads differently after anonymising:\n--- before\n%s\n--- after\n%s", before, after)
	}
}

// The report of a large office writes its counts as a reader of its language does (47.707 in
// Dutch, 47,707 in English) and its years without a separator.
func TestReportCountsCarryTheThousandsSeparator(t *testing.T) {
	f := data.YearFigures{Year: 2026, Received: 47707, Formal: 36855, Resolved: 46684,
		AckOnTime: data.Ratio{N: 36677, Of: 36677}, WithinTerm: data.Ratio{N: 29121, Of: 35851}}
	for lang, want := range map[string][]string{
		"nl": {"47.707", "36.855", "46.684", "100% (36.677 van 36.677)", "81% (29.121 van 35.851)"},
		"en": {"47,707", "36,855", "46,684", "100% (36,677 of 36,677)", "81% (29,121 of 35,851)"},
	} {
		rows := reportRows(f, reportBook[lang], lang)
		got := []string{rows[0], rows[1], rows[3], rows[9], rows[10]}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if title := fmt.Sprintf(reportBook[lang].title, f.Year); strings.Contains(title, "2.026") || strings.Contains(title, "2,026") {
			t.Errorf("%s: the year has a separator: %q", lang, title)
		}
	}
}
