package letters

import (
	"slices"
	"strings"

	"klachtenregister/data"
)

// FileDocument is a document of the complaint file that the consent form lets the complainant
// tick, by its name; the practitioner records the answer by the same names in the app (the
// CLI's `consent REF --letter N --attachment N` takes the numbers `letters` and `attachments`
// list).
type FileDocument struct {
	Letter bool // a letter the complainant received; else an attachment
	ID     int64
	Name   string
}

// distinct are the names of docs as a letter lists them: by name, as the complainant knows
// them, and by the number the register knows them by only where a name is not known or two
// documents share it ("bijlage 3 (scan.pdf)"). By number alone, "brief 91" read to a
// complainant who had two letters as ninety they never had.
// A sentence shows each as shown[i] ("de brief ‘…’ van 2 mei 2026"); a form, by its name.
func distinct(docs []FileDocument, names, shown []string, t *phrases) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = shown[i]
		if names[i] == "" || slices.Contains(names[:i], names[i]) || slices.Contains(names[i+1:], names[i]) {
			label := t.attachmentNo
			if d.Letter {
				label = t.letterNo
			}
			out[i] = numbered(label, d.ID, names[i])
		}
	}
	return out
}

// formKind is the form a letter carries: its own, or for an acknowledgement that asks consent
// (data.AsksConsent) the consent form, so one envelope holds the letter and the form.
func (in *Input) formKind() data.LetterKind {
	if in.Kind == data.LetterAcknowledgement && data.AsksConsent(in.Kind, &in.Complaint, in.Settings, in.ConsentAnswered) {
		return data.LetterConsent
	}
	return in.Kind
}

// consentChoices are the boxes on the consent form: every document, only the ticked ones of
// the file (when it holds any) or else only those the letter names, or none. Lines starting
// with "[ ] " print as a box to tick.
func consentChoices(in *Input) string {
	t := phrasebook[in.Language]
	lines := []string{t.consentTick, "[ ] " + t.consentAll}
	if len(in.FileDocuments) == 0 && strings.TrimSpace(in.Documents) != "" {
		lines = append(lines, "[ ] "+t.consentNamed)
	}
	if len(in.FileDocuments) > 0 {
		lines = append(lines, "[ ] "+t.consentOnly)
		names := make([]string, len(in.FileDocuments))
		for i, d := range in.FileDocuments {
			names[i] = d.Name // a letter by its subject; an attachment by its file's name, as stored
			if d.Letter {
				names[i] = signersWords(in, d.Name)
			}
		}
		for _, name := range distinct(in.FileDocuments, names, names, t) {
			lines = append(lines, "  [ ] "+name)
		}
	}
	return strings.Join(append(lines, "[ ] "+t.consentNone), "\n")
}

// signersWords is a document's name in the words of who signs the form: "Ontvangstbevestiging
// van mijn klacht", or "van onze klacht" for an organisation's; the letter named it "van uw klacht".
func signersWords(in *Input, name string) string {
	t := phrasebook[in.Language]
	name = firstPerson(name, t)
	if in.Complaint.Complainant.Organisation != "" {
		name = reword(name, t.forOrganisation)
	}
	return name
}

// fileDocuments lists what the consent form offers: the letters the complainant received and
// the attachments of the file.
func fileDocuments(f *data.File, lang string) []FileDocument {
	var out []FileDocument
	for _, l := range f.Letters {
		if l.Offered() {
			out = append(out, FileDocument{Letter: true, ID: l.ID, Name: letterName(l, lang)})
		}
	}
	for _, a := range f.Attachments {
		out = append(out, FileDocument{ID: a.ID, Name: a.Name})
	}
	return out
}
