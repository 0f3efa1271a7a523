package letters

import (
	"strings"

	"klachtenregister/data"
)

// FileDocument is a document of the complaint file that the consent form lets the complainant
// tick, by the number the register knows it by, so the practitioner records the answer as
// given: `consent REF --letter N --attachment N`.
type FileDocument struct {
	Letter bool // a letter the complainant received; else an attachment
	ID     int64
	Name   string
}

// numbered is the document by its number, as the register knows it: "brief 4 (…)", "bijlage 3 (…)".
func (d FileDocument) numbered(t *phrases) string {
	label := t.attachmentNo
	if d.Letter {
		label = t.letterNo
	}
	return numbered(label, d.ID, d.Name)
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
		for _, d := range in.FileDocuments {
			if d.Letter { // a letter by its subject; an attachment by its file's name, as stored
				d.Name = signersWords(in, d.Name)
			}
			lines = append(lines, "  [ ] "+d.numbered(t))
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

// offered tells the letters a consent form offers: those the complainant received.
func offered(l data.Letter) bool { return !l.SentOn.IsZero() && l.Kind != data.LetterConfidentiality }

// fileDocuments lists what the consent form offers: the letters the complainant received and
// the attachments of the file.
func fileDocuments(f *data.File, lang string) []FileDocument {
	var out []FileDocument
	for _, l := range f.Letters {
		if offered(l) {
			out = append(out, FileDocument{Letter: true, ID: l.ID, Name: letterName(l, lang)})
		}
	}
	for _, a := range f.Attachments {
		out = append(out, FileDocument{ID: a.ID, Name: a.Name})
	}
	return out
}
