package importer_test

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"klachtenregister/data"
)

var update = flag.Bool("update", false, "rewrite testdata/register.xlsx")

// TestRegisterXLSX imports a realistic practice register of 200 rows, kept in Excel for
// years: real date cells, free-text statuses, a "Gegrond" column of ja/nee/deels, two rows a
// practitioner got wrong. The refused rows are listed; skipping them, the rest is imported in
// one go, and importing the sheet again adds nothing.
func TestRegisterXLSX(t *testing.T) {
	path := filepath.Join("testdata", "register.xlsx")
	if *update {
		writeRegisterXLSX(t, path)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := newStore(t)
	// A complaint registered in the app before the import keeps its reference.
	own, err := s.Create(data.Complaint{ReceivedOn: data.NewDate(2026, 3, 2), Channel: data.ChannelEmail, Formal: true,
		Subject: data.SubjectService, Summary: "Rekening te laat", Complainant: data.Complainant{Name: "Eva Bakker"}})
	if err != nil {
		t.Fatal(err)
	}
	p := preview(t, s, "register.xlsx", content)
	if len(p.Sheet.Rows) != 200 || len(p.Rows) != 198 {
		t.Fatalf("%d rows read, %d importable; want 200 and 198", len(p.Sheet.Rows), len(p.Rows))
	}
	// Date cells read as the dates they show, not as Excel's serial numbers (43477).
	if got := p.Sheet.Rows[0].Cell(1); got != "2019-01-12" {
		t.Errorf("cell B2 reads %q", got)
	}
	wantRefused := []string{"regel 38: datum ontvangst 31-02-2023 bestaat niet", "regel 117: vul de naam van de klager in"}
	var got []string
	for _, r := range p.Refused {
		got = append(got, r.String())
	}
	if !slices.Equal(got, wantRefused) {
		t.Errorf("refused %q\nwant %q", got, wantRefused)
	}
	before := verify(t, s.Path())
	if _, err := s.Import(data.ImportFile{Name: "register.xlsx", Rows: p.Rows}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import(p.File(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Duplicates) != 198 || res.New != 0 || len(res.References) != 0 {
		t.Errorf("again: %d duplicates, %d new", len(res.Duplicates), res.New)
	}
	list, err := s.List(data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 199 {
		t.Fatalf("%d complaints in the register, want 199", len(list))
	}
	refs := map[string]bool{}
	for _, l := range list {
		if refs[l.Reference] {
			t.Errorf("reference %s twice", l.Reference)
		}
		refs[l.Reference] = true
		if !strings.HasPrefix(l.Reference, fmt.Sprintf("K-%d-", l.ReceivedOn.Year())) {
			t.Errorf("%s received %s", l.Reference, l.ReceivedOn)
		}
	}
	// The first complaint of 2019, row 2 (cell B2 holds 43477, 12 January 2019), keeps its past dates, status and verdict and says where it came from.
	c, err := s.Complaint("K-2019-0001")
	if err != nil {
		t.Fatal(err)
	}
	if c.ReceivedOn != data.NewDate(2019, 1, 12) || c.Status != data.StatusClosed || c.Verdict == "" || c.ResolvedOn.IsZero() ||
		c.ImportNote().String() != "Geïmporteerd uit register.xlsx, regel 2 (kenmerk daar: 2019/001)" {
		t.Errorf("K-2019-0001: %+v, %q", c, c.ImportNote().String())
	}
	events, err := s.Timeline(c.Reference)
	if err != nil || len(events) != 1 || events[0].Describe().String() != "Geïmporteerd uit register.xlsx, regel 2" {
		t.Errorf("timeline: %v %+v", err, events)
	}
	if c, err := s.Complaint(own); err != nil || c.Imported() {
		t.Errorf("the app's own complaint: %v %+v", err, c)
	}
	report, err := s.YearReport(2024)
	if err != nil {
		t.Fatal(err)
	}
	if report.Current.Imported == 0 || report.Current.Imported != report.Current.Received {
		t.Errorf("2024: %d imported of %d received", report.Current.Imported, report.Current.Received)
	}
	// One audit event for the first import; the second imported nothing and wrote nothing.
	if v := verify(t, s.Path()); !v.OK() || v.Events != before.Events+1 {
		t.Errorf("verify: %+v; want one event more than the %d before", v, before.Events)
	}
}

// verify checks the register as the CLI's verify does, in a process of its own: a store
// that has written and verified before reports a false FTS5 checksum mismatch (also on main).
func verify(t *testing.T, path string) data.Verification {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// writeRegisterXLSX makes the fixture with a fixed seed, as a practice would keep it.
func writeRegisterXLSX(t *testing.T, path string) {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	f.SetSheetName(sh, "Klachten 2019-2026")
	sh = "Klachten 2019-2026"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd-mm-yyyy")})
	if err != nil {
		t.Fatal(err)
	}
	header := []any{"Nr.", "Datum ontvangst", "Naam klager", "Onderwerp", "Omschrijving", "Ontvangen via", "Status",
		"Afgehandeld op", "Gegrond", "Behandelaar", "Opmerkingen"}
	if err := f.SetSheetRow(sh, "A1", &header); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(14))
	first := []string{"Anna", "Bram", "Chantal", "Daan", "Esra", "Fleur", "Gijs", "Hanneke", "Ilse", "Joost", "Karim",
		"Lotte", "Mohamed", "Noor", "Olga", "Pieter", "Renée", "Sven", "Thijs", "Ümit", "Vera", "Willem", "Yara", "Zoë"}
	last := []string{"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
		"Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "El Idrissi", "Öztürk", "van 't Hof", "Çelik"}
	topics := [][2]string{{"Factuur hoger dan offerte", "Het gefactureerde bedrag lag ruim boven de offerte."},
		{"Niet teruggebeld", "Meerdere keren om terugbellen gevraagd, zonder reactie."},
		{"Afspraak verzet", "De afspraak werd op de dag zelf verzet."}, {"Fout in aangifte", "In de aangifte stond een verkeerd bedrag."},
		{"Onvriendelijke bejegening", "Kortaf te woord gestaan aan de telefoon."},
		{"Stukken kwijt", "Ingeleverde stukken waren niet meer te vinden."},
		{"Advies niet duidelijk", "Het advies was voor mij niet te volgen.\nGraag een toelichting."},
		{"Te late reactie", "Pas na zes weken een reactie op mijn e-mail."}}
	channels := []string{"Brief", "E-mail", "Telefoon", "Gesprek", "e-mail", "mail"}
	day := time.Date(2019, 1, 7, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 200; i++ {
		day = day.AddDate(0, 0, 4+r.Intn(20))
		row := i + 2
		topic := topics[r.Intn(len(topics))]
		name := first[r.Intn(len(first))] + " " + last[r.Intn(len(last))]
		status, verdict := "afgehandeld", []string{"ja", "nee", "nee", "deels"}[r.Intn(4)]
		resolved := day.AddDate(0, 0, 5+r.Intn(40))
		switch {
		case i%23 == 7:
			status, verdict = "ingetrokken", ""
		case i >= 194:
			status, verdict = "in behandeling", ""
		}
		cells := []any{fmt.Sprintf("%d/%03d", day.Year(), i+1), day, name, topic[0], topic[1],
			channels[r.Intn(len(channels))], status, resolved, verdict, "M. de Wit", ""}
		if status == "in behandeling" {
			cells[7] = ""
		}
		switch row {
		case 38:
			cells[1] = "31-02-2023" // typed as text, a day that does not exist
		case 117:
			cells[2], cells[10] = "", "naam nog opzoeken"
		}
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &cells); err != nil {
			t.Fatal(err)
		}
		for _, col := range []string{"B", "H"} {
			if err := f.SetCellStyle(sh, fmt.Sprintf("%s%d", col, row), fmt.Sprintf("%s%d", col, row), dateStyle); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }
