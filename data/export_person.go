package data

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// personExport is klacht.json in the answer to an access request: everything the register
// holds about the complainant in this complaint.
type personExport struct {
	Reference   string           `json:"reference"`
	ExportedOn  Date             `json:"exported_on"`
	Practice    string           `json:"practice"`
	Complaint   Complaint        `json:"complaint"`
	Contacts    []Contact        `json:"contacts"`
	Extensions  []Extension      `json:"extensions"`
	Consents    []Consent        `json:"consents"`
	Shares      []Share          `json:"shares"`
	Letters     []exportedLetter `json:"letters"`
	Attachments []exportedFile   `json:"attachments"`
	Timeline    []exportedEvent  `json:"timeline"`
}

type exportedLetter struct {
	Letter
	File string `json:"file"` // its path in the ZIP; "" when it was removed
}

type exportedFile struct {
	Attachment
	File string `json:"file"`
}

type exportedEvent struct {
	At          time.Time       `json:"at"`
	Actor       string          `json:"actor"`
	Kind        string          `json:"kind"`
	Description string          `json:"description"`
	Payload     json.RawMessage `json:"payload"`
}

// ExportPerson answers an access request (art. 15 AVG): a ZIP with overzicht.txt (all of it in
// plain Dutch, see overview), klacht.json (everything
// stored about the complainant: the complaint, contacts, extensions, consent, shares,
// letters' and attachments' details and the timeline), the letters as PDF (brieven/), the
// attachments (bijlagen/), and LEESMIJ.txt, which explains the contents in Dutch (README.txt in
// English, for a complaint whose letters are in English). It is read in one snapshot. Write it with WriteOutput.
func (s *Store) ExportPerson(ref string) ([]byte, error) {
	var out personExport
	files := map[string][]byte{}
	var names []string
	var readMeName string
	err := s.view(func(q querier) error {
		f, err := readFile(q, ref, s.today())
		if err != nil {
			return err
		}
		set := f.Settings
		out = personExport{Reference: f.Reference, ExportedOn: s.today(), Practice: set.PracticeName(), Complaint: f.Complaint,
			Contacts: f.Contacts, Extensions: f.Extensions, Consents: f.Consents, Shares: f.Shares,
			Letters: []exportedLetter{}, Attachments: []exportedFile{}, Timeline: []exportedEvent{}}
		add := func(name string, content []byte) string {
			files[name] = content
			names = append(names, name)
			return name
		}
		for _, l := range f.Letters {
			el := exportedLetter{Letter: l}
			var pdf []byte
			if err := q.QueryRow(`SELECT pdf FROM letters WHERE id = ? AND sha256 != ''`, l.ID).Scan(&pdf); err == nil {
				el.File = add(fmt.Sprintf("brieven/%s-versie-%d.pdf", strings.ReplaceAll(l.Kind.Label(), " ", "-"), l.Version), pdf)
			}
			out.Letters = append(out.Letters, el)
		}
		for _, a := range f.Attachments {
			ea := exportedFile{Attachment: a}
			var content []byte
			if err := q.QueryRow(`SELECT content FROM attachments WHERE id = ? AND sha256 != ''`, a.ID).Scan(&content); err == nil {
				ea.File = add(fmt.Sprintf("bijlagen/%d-%s", a.ID, zipName(a.Name)), content)
			}
			out.Attachments = append(out.Attachments, ea)
		}
		for _, e := range f.Events {
			out.Timeline = append(out.Timeline, exportedEvent{At: e.At, Actor: e.Actor, Kind: e.Kind, Description: e.Describe().String(), Payload: e.Payload})
		}
		readMeName = "LEESMIJ.txt"
		if f.Complaint.Language == "en" { // the complainant who gets English letters gets this in English too
			readMeName = "README.txt"
		}
		files[readMeName] = []byte(readMe(out, set, f.Complaint.Language == "en"))
		files["overzicht.txt"] = []byte(overview(out, f.Events))
		return nil
	})
	if err != nil {
		return nil, err
	}
	body, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	files["klacht.json"] = body
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range append([]string{readMeName, "overzicht.txt", "klacht.json"}, names...) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: s.Now()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipName makes a document's name safe as one file name in the ZIP: no folders, no drive,
// no control characters.
func zipName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if strings.Trim(name, ". ") == "" {
		return "document"
	}
	return name
}

// readMe is LEESMIJ.txt: what the ZIP holds, in plain Dutch for the complainant; in English
// (README.txt) for one who gets English letters.
func readMe(e personExport, set Settings, english bool) string {
	t := readMeDutch
	if english {
		t = readMeEnglish
	}
	practice := set.PracticeName()
	if practice == "" {
		practice = t.ourPractice
	}
	var b strings.Builder
	fmt.Fprintf(&b, t.title, e.Reference)
	fmt.Fprintf(&b, t.intro, practice, e.Reference, t.day(e.ExportedOn))
	b.WriteString(t.contents)
	// The folders only when the ZIP holds them: an anonymised complaint's letters and
	// attachments are gone, and LEESMIJ.txt pointed to folders that were not there.
	if slices.ContainsFunc(e.Letters, func(l exportedLetter) bool { return l.File != "" }) {
		b.WriteString(t.letters)
	}
	if slices.ContainsFunc(e.Attachments, func(a exportedFile) bool { return a.File != "" }) {
		b.WriteString(t.attachments)
	}
	if !e.Complaint.AnonymisedOn.IsZero() {
		fmt.Fprintf(&b, t.anonymised, t.day(e.Complaint.AnonymisedOn))
	} else { // what art. 15 also asks: why we keep the data, and how long
		b.WriteString(t.purpose)
		switch until := RetentionEnds(e.Complaint, set); {
		case until.IsZero():
			fmt.Fprintf(&b, t.keptOpen, t.years(set.RetentionYears()))
		case !until.After(e.ExportedOn): // past, and not yet anonymised
			fmt.Fprintf(&b, t.keptPast, t.years(set.RetentionYears()), t.day(until))
		default:
			fmt.Fprintf(&b, t.keptUntil, t.day(until), t.years(set.RetentionYears()))
		}
		if e.Complaint.Held {
			b.WriteString(t.held)
		}
		b.WriteString("\r\n")
	}
	b.WriteString(t.questions)
	var contact []string
	for _, c := range []string{set.PracticeEmail(), set.PracticePhone()} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	if len(contact) > 0 {
		b.WriteString(" (" + strings.Join(contact, ", ") + ")")
	}
	b.WriteString(t.authority + t.closing + practice + "\r\n")
	return b.String()
}

// readMeTexts are the sentences of LEESMIJ.txt in one language.
type readMeTexts struct {
	ourPractice, title, intro, contents, letters, attachments, anonymised       string
	purpose, keptOpen, keptUntil, keptPast, held, questions, authority, closing string
	day                                                                         func(Date) string
	years                                                                       func(int) string
}

var readMeDutch = readMeTexts{
	ourPractice: "onze praktijk",
	title:       "Uw gegevens bij klacht %s\r\n\r\n",
	intro: "U hebt gevraagd welke gegevens %s over u heeft vastgelegd (artikel 15 van de Algemene " +
		"verordening gegevensbescherming). In dit bestand vindt u alle gegevens die in ons klachtenregister staan over uw " +
		"klacht met kenmerk %s, zoals ze er op %s in stonden.\r\n\r\n",
	contents: "Wat u in dit bestand vindt:\r\n\r\n" +
		"- overzicht.txt: een leesbaar overzicht van de gegevens van uw klacht: uw naam en contactgegevens, de omschrijving van de " +
		"klacht, de contactmomenten, eventuele verlengingen van de termijn, de brieven, de bijlagen en het verloop " +
		"van de behandeling, met uw toestemming voor het inschakelen van een externe deskundige en de stukken die " +
		"met een deskundige zijn gedeeld.\r\n" +
		"- klacht.json: dezelfde gegevens in een vorm voor de computer (JSON), zoals ons register ze bewaart, " +
		"bijvoorbeeld om ze in een ander programma in te lezen.\r\n",
	letters:     "- brieven: de brieven over uw klacht, als PDF.\r\n",
	attachments: "- bijlagen: de documenten die bij uw klacht zijn bewaard.\r\n",
	anonymised: "\r\nUw persoonsgegevens bij deze klacht zijn op %s verwijderd. Wat u hier vindt, is wat wij " +
		"daarna nog bewaren: datums en gegevens zonder naam voor ons jaarverslag.\r\n",
	purpose: "\r\nWij gebruiken deze gegevens om uw klacht te behandelen en om van klachten te leren; in ons " +
		"jaarverslag over klachten staan geen namen. ",
	keptOpen:  "Wij bewaren ze tot %s na de afsluiting van uw klacht; daarna verwijderen wij uw persoonsgegevens.",
	keptUntil: "Wij bewaren ze tot %s (%s na de afsluiting van uw klacht); daarna verwijderen wij uw persoonsgegevens.",
	keptPast:  "De bewaartermijn van %s na de afsluiting van uw klacht is op %s verstreken; wij verwijderen uw persoonsgegevens binnenkort.",
	held:      " Omdat er over uw klacht een juridische procedure loopt, bewaren wij ze in elk geval tot die is afgerond.",
	questions: "\r\nHebt u vragen over deze gegevens, of wilt u dat wij iets verbeteren of verwijderen, neem dan contact met ons op",
	authority: ". Bent u het niet eens met de manier waarop wij met uw gegevens omgaan, dan kunt u een klacht " +
		"indienen bij de Autoriteit Persoonsgegevens (www.autoriteitpersoonsgegevens.nl)",
	closing: ".\r\n\r\nMet vriendelijke groet,\r\n\r\n",
	day:     longDay,
	years:   func(n int) string { return fmt.Sprintf("%d jaar", n) },
}

var readMeEnglish = readMeTexts{
	ourPractice: "our practice",
	title:       "Your data for complaint %s\r\n\r\n",
	intro: "You have asked which data %s has recorded about you (article 15 of the General Data Protection " +
		"Regulation). This file holds all the data in our complaints register about your complaint with reference %s, " +
		"as they stood on %s.\r\n\r\n",
	contents: "What you find in this file:\r\n\r\n" +
		"- overzicht.txt: the data of your complaint, readable, in Dutch: your name and contact details, the " +
		"description of the complaint, the contacts, any extensions of the deadline, the letters, the attachments " +
		"and the course of the handling, with your consent to consulting an external expert and the documents " +
		"shared with an expert. We will gladly explain anything in it in English.\r\n" +
		"- klacht.json: the same data in a form for a computer (JSON), as our register keeps them, for instance to " +
		"read them into another program. Its field names are in English, some of its texts in Dutch.\r\n",
	letters:     "- brieven: the letters about your complaint, as PDF.\r\n",
	attachments: "- bijlagen: the documents kept with your complaint.\r\n",
	anonymised: "\r\nYour personal data for this complaint were removed on %s. What you find here is what we keep " +
		"after that: dates and data without a name, for our annual report.\r\n",
	purpose: "\r\nWe use these data to handle your complaint and to learn from complaints; our annual report on " +
		"complaints names no one. ",
	keptOpen:  "We keep them until %s after your complaint was concluded; then we remove your personal data.",
	keptUntil: "We keep them until %s (%s after your complaint was concluded); then we remove your personal data.",
	keptPast:  "The retention period of %s after your complaint was concluded ended on %s; we will remove your personal data shortly.",
	held:      " As legal proceedings about your complaint are pending, we keep them at least until those have ended.",
	questions: "\r\nIf you have questions about these data, or would like us to correct or remove anything, please contact us",
	authority: ". If you disagree with the way we handle your data, you can lodge a complaint with the Dutch Data " +
		"Protection Authority, the Autoriteit Persoonsgegevens (www.autoriteitpersoonsgegevens.nl)",
	closing: ".\r\n\r\nYours sincerely,\r\n\r\n",
	day:     func(d Date) string { return fmt.Sprintf("%d %s %d", d.Day(), d.Month(), d.Year()) },
	years: func(n int) string {
		if n == 1 {
			return "1 year"
		}
		return fmt.Sprintf("%d years", n)
	},
}

// longDay is a date in words: "3 december 2026".
func longDay(d Date) string {
	return fmt.Sprintf("%d %s %d", d.Day(), dutchMonths[d.Month()-1], d.Year())
}
