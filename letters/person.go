package letters

import (
	"fmt"
	"strings"

	"klachtenregister/data"
)

// person is who a letter goes to, as the letter addresses them.
type person struct {
	name                   string // as typed in the register
	parts                  data.NameParts
	title, titleAfter      string // an expert's titles, printed in the address only
	organisation           string
	forOrganisation        bool // the person speaks for the organisation, whose name heads the address
	line1, line2, pc, city string
	country                string
	email                  string
	postal                 bool // any part of a postal address is known (data.Complainant.HasPostalAddress)
}

// addressee is the letter's recipient (data.Addressee): the expert for the confidentiality
// statement, with the titles the address adds, the representative (gemachtigde) when one files
// for the complainant, else the complainant. An organisation's name heads the address only for
// the complainant: a representative's or an expert's firm goes under their name.
func addressee(in *Input) person {
	p := data.Addressee(&in.Complaint, in.Kind, in.Expert)
	to := person{name: p.Name, parts: p.NameParts, organisation: p.Organisation,
		forOrganisation: p.Organisation != "" && data.ToComplainant(&in.Complaint, in.Kind),
		line1:           p.AddressLine1, line2: p.AddressLine2, pc: p.Postcode, city: p.City, country: p.Country, email: p.Email,
		postal: p.HasPostalAddress()}
	if in.Kind == data.LetterConfidentiality {
		to.title, to.titleAfter = in.Expert.Title, in.Expert.TitleAfter
	}
	return to
}

// complainantPerson is the complainant, also when the letter goes to a representative: the
// organisation, when the complaint is an organisation's.
func complainantPerson(in *Input) person { return complainantOf(&in.Complaint) }

// complainantOf is the complainant of c as a sentence names them: the organisation they speak
// for, or the person.
func complainantOf(c *data.Complaint) person {
	p := c.Complainant
	if p.Organisation != "" {
		return person{name: p.Organisation}
	}
	return person{name: p.Name, parts: p.NameParts}
}

// nameLine is the person's name as the address writes it: "Mevrouw A. van den Broek",
// "De heer prof. dr. H. Öztürk RA" (in English "Prof. dr. H. Öztürk RA"), or for the neutral
// salutation the name without a title of address: "Sam de Vries". Without name parts (a letter filled in by hand) the name as typed.
func (p person) nameLine(t *phrases) string {
	n := p.parts
	if n.Surname == "" {
		return p.name
	}
	title, initials := p.titles()
	core := data.CapitalSurname(n.Surname) // without initials before it, the tussenvoegsel takes a capital
	if n.Salutation == data.SalutationNeutral && initials != "" {
		core = initials + " " + n.Surname
	} else if ini := data.Abbreviated(initials); ini != "" {
		core = ini + nbsp + n.Surname
	}
	prefix := t.addressPrefix[n.Salutation]
	if t.titleForPrefix && strings.EqualFold(title, "mr.") && prefix != "" {
		title = "" // the Dutch lawyer's title reads as "Mr." in English: "Ms P. de Wit", as the salutation greets her
	}
	switch {
	case title != "" && t.titleForPrefix:
		core, prefix = data.CapitalSurname(title)+" "+core, ""
	case title != "":
		core = title + " " + core
	}
	if p.titleAfter != "" {
		core += " " + p.titleAfter
	}
	if prefix != "" {
		return prefix + " " + core
	}
	return core
}

// mentioned is the person's name after a word before it, as in "t.a.v. de heer W. Jansen":
// "mevrouw A. van den Broek", "de heer A. de Vries".
func (p person) mentioned(t *phrases) string {
	line := p.nameLine(t)
	if prefix := t.addressPrefix[p.parts.Salutation]; prefix != "" && strings.HasPrefix(line, prefix) {
		return t.mentionPrefix[p.parts.Salutation] + line[len(prefix):]
	}
	return line
}

// inSentence is the name as mentioned inside a sentence or a subject line, kept on one line:
// a name broken after its "van" or its title of address reads as two. A name as typed (an
// organisation's, which may fill a line) may break.
func (p person) inSentence(t *phrases) string {
	if p.parts.Surname == "" {
		return p.mentioned(t)
	}
	return strings.ReplaceAll(p.mentioned(t), " ", nbsp)
}

// short is how a letter names the person again after naming them in full: the title of
// address with the surname, "mevrouw Van den Broek", "Ms Van den Broek"; the name as the
// salutation writes it for the neutral one ("Sam de Vries"), and as typed without name parts.
func (p person) short(t *phrases) string {
	n := p.parts
	switch {
	case n.Surname == "":
		return p.name
	case n.Salutation == data.SalutationNeutral:
		return p.inSentence(t)
	}
	return t.mentionPrefix[n.Salutation] + nbsp + data.CapitalSurname(n.Surname)
}

// onceInFull names who in full where the text first names them, and in short after that, as
// one writes about a third person: the representative's letter names the complainant so.
func onceInFull(s, full, short string) string {
	i := strings.Index(s, full)
	if i < 0 || full == short {
		return s
	}
	i += len(full)
	return s[:i] + strings.ReplaceAll(s[i:], full, short)
}

// salutation is the opening of the letter: "Geachte mevrouw Van den Broek,", "Geachte heer De
// Vries,", "Geachte professor Öztürk-Vermeulen," or "Geachte Sam de Vries,"; to an
// organisation, or without a first name, "Geachte heer, mevrouw,". Titles stay in the address,
// but for a professor's and, in English, a doctor's ("Dear Dr Jones,").
func (p person) salutation(t *phrases) string {
	n := p.parts
	title, initials := p.titles()
	switch {
	case n.Surname == "":
		return fmt.Sprintf(t.salutation, p.name)
	case data.Professor(title):
		return fmt.Sprintf(t.salutation, t.professor+" "+data.CapitalSurname(n.Surname))
	case t.doctor != "" && data.Doctor(title):
		return fmt.Sprintf(t.salutation, t.doctor+" "+data.CapitalSurname(n.Surname))
	case n.Salutation == data.SalutationNeutral:
		if initials == "" { // an organisation, or someone whose first name is not known
			return fmt.Sprintf(t.salutation, t.dearSirOrMadam)
		}
		return fmt.Sprintf(t.salutation, initials+" "+n.Surname)
	}
	return fmt.Sprintf(t.salutation, t.salutationWord[n.Salutation]+" "+data.CapitalSurname(n.Surname))
}

// titles are the person's titles and the initials or first name without them: an expert's
// from the title fields, anyone else's as typed before the initials ("mr. P.": a complainant
// and a representative have no title fields).
func (p person) titles() (title, initials string) {
	if p.title != "" {
		return p.title, p.parts.Initials
	}
	return data.InitialsTitles(p.parts.Initials)
}
