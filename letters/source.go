package letters

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"klachtenregister/data"
)

// Source is what making a letter reads from the register; *data.Store has it.
type Source interface {
	File(ref string) (*data.File, error)
	Settings() (data.Settings, error)
	Experts() ([]data.Expert, error)
}

// Archive is a Source that also keeps the letters made; *data.Store has it.
type Archive interface {
	Source
	SaveDatedLetter(ref string, kind data.LetterKind, lang string, pdf []byte, expertID int64, on data.Date) (data.Letter, error)
}

// Request names the letter to make.
type Request struct {
	Reference string
	Kind      data.LetterKind
	Language  string // "" means the complaint's language
	// Date is the letter's date. Zero means today by the computer's clock (time.Now), not the
	// register's: a caller with its own clock, such as the demo or a test, passes the day.
	Date      data.Date
	ExpertID  int64  // confidentiality statement: the expert; 0 when the register has only one
	Documents string // consent and confidentiality: the documents to share; "" finds them in the file
}

// Prepare gathers a letter's input from the register.
func Prepare(src Source, r Request) (Input, error) {
	set, err := src.Settings()
	if err != nil {
		return Input{}, err
	}
	in := Input{Kind: r.Kind, Language: r.Language, Date: r.Date, Settings: set, Documents: strings.TrimSpace(r.Documents)}
	if in.Date.IsZero() {
		in.Date = data.Today(time.Now())
	}
	if _, err := data.ParseLetterKind(string(r.Kind)); err != nil {
		return in, err
	}
	f, err := src.File(r.Reference)
	if err != nil {
		return in, err
	}
	in.Complaint, in.ExpertConsulted = f.Complaint, len(f.Shares) > 0
	if in.Language == "" {
		in.Language = in.Complaint.Language // the language its texts were typed in
	}
	if in.Language == "" {
		in.Language = set.Language()
	}
	if err := notClosed(in.Kind, &in.Complaint); err != nil {
		return in, err
	}
	in.Contacts = withoutAcknowledgements(f)
	in.Measures, in.ConsentAnswered = f.Measures, len(f.Consents) > 0
	in.Consent, _ = f.ConsentState()
	if in.Kind == data.LetterConsent {
		in.FormSentOn = formSentOn(f)
	}
	if r := f.InformationRequest(); r != nil && in.Kind == data.LetterInformation {
		in.Request = *r
	}
	if n := len(f.Extensions); n > 0 {
		in.Extension, in.Extensions = f.Extensions[n-1], f.Extensions
	}
	for _, l := range f.Letters {
		if l.Kind == data.LetterProgress && !l.SentOn.IsZero() {
			in.ProgressSent = append(in.ProgressSent, Sent{Made: data.DateOf(l.CreatedAt.Local()), On: l.SentOn, ContactID: l.ContactID})
		}
	}
	if in.Documents == "" {
		in.Documents = documentsInFile(f, in.Kind, in.Language)
		in.DocumentsOfFile = in.Kind == data.LetterConsent && in.Documents != ""
	}
	in.FileDocuments = fileDocuments(f, in.Language)
	if in.Kind == data.LetterConfidentiality {
		if in.Expert, err = pickExpert(src, r.ExpertID); err != nil {
			return in, err
		}
	}
	in.Logo, err = logo(set)
	return in, err
}

// logo reads the letterhead's logo named by the setting practice_logo; nil when there is none.
func logo(set data.Settings) ([]byte, error) {
	path := set.PracticeLogo()
	if path == "" {
		return nil, nil
	}
	b, err := data.ReadLogo(path)
	if err != nil {
		return nil, data.InField(data.KeyPracticeLogo, err)
	}
	return b, nil
}

// documentsInFile names the documents an expert gets to see, from the file: for the
// confidentiality statement what the complainant consented to share (the latest consent not
// withdrawn), or else every document the consent form offers ("de brief ‘…’ van 2 mei 2026 en
// ‘klachtbrief.pdf’"; "onze brief" would be the expert's, who signs it); for the consent request what its
// form offers to tick, in words: "onze brief ‘Ontvangstbevestiging van uw klacht’ van 2 mei
// 2026 en ‘klachtbrief.pdf’" (it named the attachments alone, and by their register numbers
// "bijlage 15" read as an enclosure the complainant could not find; a file name in quotes keeps
// its comma). "" leaves the letter's general description, also for a consent request when the
// file holds none but our own letters: it asked consent to show an expert our acknowledgement.
func documentsInFile(f *data.File, kind data.LetterKind, lang string) string {
	if kind != data.LetterConsent && kind != data.LetterConfidentiality {
		return ""
	}
	if kind == data.LetterConfidentiality {
		for _, c := range slices.Backward(f.Consents) {
			if c.State() == data.ConsentGiven && !c.Documents.None() {
				return consented(f, c.Documents, lang)
			}
		}
	}
	t := phrasebook[lang]
	var names []string
	if kind == data.LetterConfidentiality { // to the expert: every document the form offers
		var letters, attachments []int64
		for _, d := range fileDocuments(f, lang) {
			if d.Letter {
				letters = append(letters, d.ID)
			} else {
				attachments = append(attachments, d.ID)
			}
		}
		return inSentence(f, letters, attachments, lang)
	}
	if len(f.Attachments) == 0 { // only our own letters: "onze brief ‘Ontvangstbevestiging…’" read as what the expert would advise on
		return ""
	}
	for _, l := range f.Letters {
		if l.Offered() {
			names = append(names, fmt.Sprintf(t.ourLetter, t.subjects[l.Kind], formatDate(l.SentOn, lang)))
		}
	}
	for _, a := range f.Attachments {
		names = append(names, "‘"+a.Name+"’")
	}
	return data.JoinAnd(names, t.and) // "a, b en c", as the letter's sentence reads
}

// consented names the documents a consent covers in the letter's language, as a sentence
// reads them: "de brief ‘Ontvangstbevestiging van uw klacht’ van 2 mei 2026 en
// ‘klachtbrief.pdf’". (The register's Consent.Scope is Dutch, for the CLI.)
func consented(f *data.File, d data.Documents, lang string) string {
	if d.All {
		return phrasebook[lang].allDocuments
	}
	return inSentence(f, d.Letters, d.Attachments, lang)
}

// inSentence names documents of the file in a sentence, by their names (see distinct): a
// letter by its subject in quotes and the day it was sent, an attachment by its file's name
// in quotes (which may hold a comma), one no longer in the file by its number.
func inSentence(f *data.File, letters, attachments []int64, lang string) string {
	t := phrasebook[lang]
	var docs []FileDocument
	var names, shown []string // as the form names them, and as the sentence does
	for _, id := range letters {
		name, show := "", ""
		if i := slices.IndexFunc(f.Letters, func(l data.Letter) bool { return l.ID == id }); i >= 0 {
			l := f.Letters[i]
			name, show = letterName(l, lang), fmt.Sprintf(t.theLetter, t.subjects[l.Kind])
			if !l.SentOn.IsZero() {
				show = fmt.Sprintf(t.theLetterOf, t.subjects[l.Kind], formatDate(l.SentOn, lang))
			}
		}
		docs, names, shown = append(docs, FileDocument{Letter: true, ID: id}), append(names, name), append(shown, show)
	}
	for _, id := range attachments {
		name := ""
		if i := slices.IndexFunc(f.Attachments, func(a data.Attachment) bool { return a.ID == id }); i >= 0 {
			name = f.Attachments[i].Name
		}
		docs, names, shown = append(docs, FileDocument{ID: id}), append(names, name), append(shown, "‘"+name+"’")
	}
	return data.JoinAnd(distinct(docs, names, shown, t), t.and)
}

// letterName is a letter of the file as the complainant knows it: its subject line and, once
// sent, the day it went out ("Ontvangstbevestiging van uw klacht, verstuurd op 2 mei 2026").
func letterName(l data.Letter, lang string) string {
	t := phrasebook[lang]
	if l.SentOn.IsZero() {
		return t.subjects[l.Kind]
	}
	return fmt.Sprintf(t.letterOf, t.subjects[l.Kind], formatDate(l.SentOn, lang))
}

// numbered is a document of the file by its number, as the app (and its timeline) names it
// and a letter where the name alone does not tell it (see distinct): "bijlage 3 (scan.pdf)",
// or "bijlage 3" when its name is not known.
func numbered(format string, id int64, name string) string {
	s := fmt.Sprintf(format, id)
	if name != "" {
		s += " (" + name + ")"
	}
	return s
}

func pickExpert(src Source, id int64) (data.Expert, error) {
	experts, err := src.Experts()
	if err != nil {
		return data.Expert{}, err
	}
	if id == 0 && len(experts) == 1 {
		return experts[0], nil
	}
	var known []string
	for _, e := range experts {
		if e.ID == id {
			return e, nil
		}
		known = append(known, fmt.Sprintf("%d (%s)", e.ID, e.Name))
	}
	if len(experts) == 0 {
		return data.Expert{}, data.NewError(data.CodeConflict, "expert", "er is nog geen externe deskundige vastgelegd; leg eerst de deskundige vast")
	}
	return data.Expert{}, data.NewError(data.CodeInvalid, "expert", "kies de deskundige die de geheimhoudingsverklaring tekent: %s", strings.Join(known, ", "))
}

// Generate makes a letter from the register and keeps it there as a new version. It returns
// the stored letter and its bytes, to open, save or attach.
func Generate(a Archive, r Request) (data.Letter, []byte, error) {
	in, err := Prepare(a, r)
	if err != nil {
		return data.Letter{}, nil, err
	}
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		return data.Letter{}, nil, err
	}
	// Dated as asked; without a date, the register's today (the PDF's is the clock's: the same
	// day, but for a test or the demo with a clock of its own).
	l, err := a.SaveDatedLetter(r.Reference, in.Kind, in.Language, buf.Bytes(), in.Expert.ID, r.Date)
	return l, buf.Bytes(), err
}

// Preview makes a letter from the register with a text that is not saved yet, so the
// settings screen can show a practice's own text on a real complaint. Nothing is stored.
// A text with a brace error or an unknown placeholder is refused as saving would, naming
// the line.
func Preview(src Source, r Request, body string) ([]byte, error) {
	if err := data.CheckTemplate(r.Kind, body); err != nil {
		return nil, err
	}
	in, err := Prepare(src, r)
	if err != nil {
		return nil, err
	}
	in.Body, in.Preview = body, true
	if in.Kind == data.LetterInformation && in.Request.InfoRequested == "" { // the latest complaint asked nothing
		in.Request = data.Contact{InfoRequested: phrasebook[in.Language].previewRequest, InfoDueOn: in.Date.AddDays(14)}
	}
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Renderer makes the letters of a demo register (package data/demo), one after the other,
// each dated on the day the demo makes it, from the register s as the demo's batch then has
// it. The next letter's fonts are loaded while one is made (see blanks).
func Renderer() func(s *data.Store, ref string, kind data.LetterKind, on data.Date) ([]byte, error) {
	var b blanks
	return func(s *data.Store, ref string, kind data.LetterKind, on data.Date) ([]byte, error) {
		in, err := Prepare(s, Request{Reference: ref, Kind: kind, Date: on})
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = renderOn(&buf, in, b.take)
		return buf.Bytes(), err
	}
}

// formSentOn is the day the latest acknowledgement that carried the consent form was sent;
// zero when none was.
func formSentOn(f *data.File) data.Date {
	var on data.Date
	for _, l := range f.Letters {
		if l.Kind == data.LetterAcknowledgement && l.AsksConsent && l.SentOn.After(on) {
			on = l.SentOn
		}
	}
	return on
}

// withoutAcknowledgements leaves out the contact moments that record an acknowledgement
// letter, which the progress letter already mentions as the confirmation of receipt.
func withoutAcknowledgements(f *data.File) []data.Contact {
	skip := map[int64]bool{}
	for _, l := range f.Letters {
		if l.Kind == data.LetterAcknowledgement {
			skip[l.ContactID] = true
		}
	}
	var out []data.Contact
	for _, ct := range f.Contacts {
		if !skip[ct.ID] {
			out = append(out, ct)
		}
	}
	return out
}
