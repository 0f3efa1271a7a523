package data

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
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

// ExportPerson answers an access request (art. 15 AVG): a ZIP with klacht.json (everything
// stored about the complainant: the complaint, contacts, extensions, consent, shares,
// letters' and attachments' details and the timeline), the letters as PDF (brieven/), the
// attachments (bijlagen/), and LEESMIJ.txt, which explains the contents in Dutch. It is read
// in one snapshot. Write it with WriteOutput.
func (s *Store) ExportPerson(ref string) ([]byte, error) {
	var out personExport
	files := map[string][]byte{}
	var names []string
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
		files["LEESMIJ.txt"] = []byte(readMe(out, set))
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
	for _, name := range append([]string{"LEESMIJ.txt", "klacht.json"}, names...) {
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

// readMe is LEESMIJ.txt: what the ZIP holds, in plain Dutch for the complainant.
func readMe(e personExport, set Settings) string {
	practice := set.PracticeName()
	if practice == "" {
		practice = "onze praktijk"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Uw gegevens bij klacht %s\r\n\r\n", e.Reference)
	fmt.Fprintf(&b, "U hebt gevraagd welke gegevens %s over u heeft vastgelegd (artikel 15 van de Algemene "+
		"verordening gegevensbescherming). In dit bestand vindt u alle gegevens die in ons klachtenregister staan over uw "+
		"klacht met kenmerk %s, zoals ze er op %s in stonden.\r\n\r\n", practice, e.Reference, longDay(e.ExportedOn))
	b.WriteString("Wat u in dit bestand vindt:\r\n\r\n")
	b.WriteString("- klacht.json: de gegevens van uw klacht: uw naam en contactgegevens, de omschrijving van de klacht, " +
		"de contactmomenten, eventuele verlengingen van de termijn, uw toestemming voor het inschakelen van een externe " +
		"deskundige, de stukken die met een deskundige zijn gedeeld en het verloop van de behandeling. Het is een " +
		"tekstbestand (JSON); u kunt het openen met een teksteditor of een webbrowser.\r\n")
	if len(e.Letters) > 0 {
		b.WriteString("- brieven: de brieven over uw klacht, als PDF.\r\n")
	}
	if len(e.Attachments) > 0 {
		b.WriteString("- bijlagen: de documenten die bij uw klacht zijn bewaard.\r\n")
	}
	if !e.Complaint.AnonymisedOn.IsZero() {
		fmt.Fprintf(&b, "\r\nUw persoonsgegevens bij deze klacht zijn op %s verwijderd. Wat u hier vindt, is wat wij "+
			"daarna nog bewaren: datums en gegevens zonder naam voor ons jaarverslag.\r\n", longDay(e.Complaint.AnonymisedOn))
	}
	b.WriteString("\r\nHebt u vragen over deze gegevens, of wilt u dat wij iets verbeteren of verwijderen, neem dan contact met ons op")
	var contact []string
	for _, c := range []string{set.PracticeEmail(), set.PracticePhone()} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	if len(contact) > 0 {
		b.WriteString(" (" + strings.Join(contact, ", ") + ")")
	}
	b.WriteString(".\r\n\r\nMet vriendelijke groet,\r\n\r\n" + practice + "\r\n")
	return b.String()
}

// longDay is a date in words: "3 december 2026".
func longDay(d Date) string {
	return fmt.Sprintf("%d %s %d", d.Day(), dutchMonths[d.Month()-1], d.Year())
}
