// Package datatest builds registers for tests, through the store's own methods, so the tests
// of data, letters and the CLI share one hand-computed fixture instead of three lookalikes.
// Only tests import it.
package datatest

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"klachtenregister/data"
)

// Today is the day the annual register's clock stops on, and the day its report is made.
var Today = data.NewDate(2026, 11, 30)

// Practice is the practice the annual register belongs to.
var Practice = map[string]string{"practice_name": "Praktijk De Linde", "practice_address": "Oudegracht 118",
	"practice_postcode": "3511 AX", "practice_city": "Utrecht", "practice_email": "info@praktijkdelinde.example",
	"practitioner_name": "Anne de Linde", "practitioner_title": "Praktijkhouder", "shift_to_workday": "false"}

// Names are the complainants' names in the annual register.
var Names []string

// NameWords are the words of the names that an anonymised text may not contain as a word:
// those of two letters or more, without the particles "de", "van", "'t" and "El".
var NameWords []string

// Private is every complainant's name, address, e-mail, phone number and free text in the
// annual register: an anonymised report or export may contain none of them.
var Private []string

// person is one complainant of the annual register.
type person struct{ name, street, email, phone, summary, description string }

// The people are chosen to try the anonymising: names of two letters (Bo Li), accents and
// letters outside Latin-1, particles, phone numbers in Dutch and international form, and a
// description of two lines.
var people = map[string]person{
	"A": {"Mehmet Çelik", "Kerkstraat 7", "celik@voorbeeld.example", "", "Factuur hoger dan de offerte", "De factuur is ruim dertig procent hoger uitgevallen."},
	"B": {"Ĳsbrand de Vries", "Biltstraat 44", "vries@voorbeeld.example", "", "Onvriendelijk telefoongesprek", "Ik werd onderbroken\nen kortaf te woord gestaan."},
	"C": {"Zoë van 't Hoff", "Twijnstraat 55", "hoff@voorbeeld.example", "+31 30 234 5678", "Geen reactie op e-mails", "Vier e-mails in drie weken bleven onbeantwoord."},
	"D": {"Łukasz Wiśniewski", "Nachtegaalstraat 9", "", "", "Parkeren bij de praktijk", "Nergens te parkeren en dat werd niet gemeld."},
	"E": {"Bo Li", "Vinkenburgstraat 12", "li@voorbeeld.example", "06-12345678", "Declaratie niet gespecificeerd", "Alleen een totaalbedrag zonder uren."},
	"F": {"José Gonçalves", "Lange Nieuwstraat 3 bis", "goncalves@voorbeeld.example", "", "Niet teruggebeld", "Drie keer om terugbellen gevraagd, nooit gebeld."},
	"G": {"Renée Smit", "Prins Hendriklaan 88", "smit@voorbeeld.example", "", "Afspraak zonder bericht verzet", "Twee keer op de dag zelf verzet."},
	"H": {"Thijs Jansen", "Laan van Nieuw-Guinea 19", "jansen@voorbeeld.example", "", "Stukken naar verkeerd adres", "Loonstroken naar mijn oude adres gestuurd."},
	"I": {"Fatima El Amrani", "Burgemeester Reigerstraat 101", "amrani@voorbeeld.example", "", "Advies sluit niet aan", "Het advies ging over verkoop in plaats van overdracht."},
	"J": {"Sanne de Jong", "Amsterdamsestraatweg 212", "jong@voorbeeld.example", "", "Fout in de jaarrekening", "De afschrijving op de auto klopt niet."},
}

func init() {
	particles := map[string]bool{"de": true, "van": true, "'t": true, "el": true}
	for _, k := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"} {
		p := people[k]
		Names = append(Names, p.name)
		for _, w := range strings.Fields(p.name) {
			if !particles[strings.ToLower(w)] {
				NameWords = append(NameWords, w)
			}
		}
		Private = append(Private, p.name, p.street, p.summary, p.description)
		for _, v := range []string{p.email, p.phone} {
			if v != "" {
				Private = append(Private, v)
			}
		}
	}
}

// builder runs the annual register's steps, each on its own day by the store's clock.
type builder struct {
	t    testing.TB
	s    *data.Store
	refs map[string]string
}

func (b *builder) on(day string) *builder {
	d, err := data.ParseDate(day)
	if err != nil {
		b.t.Fatal(err)
	}
	at := time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, time.Local)
	b.s.Now = func() time.Time { return at }
	return b
}

func (b *builder) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

// create registers complaint key (A..J) received today.
func (b *builder) create(key string, ch data.Channel, formal bool, subj data.Subject) {
	b.t.Helper()
	p := people[key]
	c := data.Complaint{ReceivedOn: data.Today(b.s.Now()), Channel: ch, Formal: formal, Subject: subj,
		Summary: p.summary, Description: p.description, Complainant: data.Complainant{Name: p.name,
			AddressLine1: p.street, Postcode: "3512 JK", City: "Utrecht", Email: p.email, Phone: p.phone}}
	if formal && ch == data.ChannelPhone {
		c.PhoneIntake = data.PhoneIntake{TakenBy: "Sanne Bakker", ExplicitRequest: true}
	}
	ref, err := b.s.Create(c)
	b.must(err)
	b.refs[key] = ref
}

func (b *builder) ack(key string) {
	b.t.Helper()
	b.must(b.s.Acknowledge(b.refs[key], data.Date{}, data.DeliveryEmail, "Ontvangst per e-mail bevestigd."))
}

func (b *builder) resolve(key string, v data.Verdict) {
	b.t.Helper()
	c, err := b.s.Complaint(b.refs[key])
	b.must(err)
	if c.Formal { // both sides are heard before a formal complaint is decided
		_, err := b.s.AddContact(c.Reference, data.Contact{Kind: data.ContactMeeting, Hearing: true, Note: "Klager gehoord."})
		b.must(err)
	}
	r := data.Resolution{Verdict: v, Outcome: "Besproken en vastgelegd."}
	if v == data.VerdictSettled {
		r.Justified = data.JustifiedNo
	}
	b.must(b.s.Resolve(b.refs[key], r))
}

// close sends the outcome letter of a formal complaint and closes the file.
func (b *builder) close(key string) {
	b.t.Helper()
	if c, err := b.s.Complaint(b.refs[key]); err == nil && c.Formal {
		l, err := b.s.SaveLetter(b.refs[key], data.LetterOutcome, "nl", []byte("%PDF-1.4\n% datatest\n"), 0)
		b.must(err)
		b.must(b.s.MarkLetterSent(l.ID, data.Date{}, data.DeliveryPost))
	}
	b.must(b.s.CloseComplaint(b.refs[key]))
}

func (b *builder) measure(desc, cause, due string, keys ...string) string {
	b.t.Helper()
	d, err := data.ParseDate(due)
	b.must(err)
	var refs []string
	for _, k := range keys {
		refs = append(refs, b.refs[k])
	}
	m, err := b.s.AddMeasure(data.Measure{Description: desc, RootCause: cause, DueOn: d}, refs...)
	b.must(err)
	return m.Code
}

// CheckAnonymous fails when text holds a complainant's name, address, e-mail, phone number or
// complaint text from the annual register (line breaks aside), or any word of a name as a word.
func CheckAnonymous(t *testing.T, text string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	for _, p := range Private {
		if strings.Contains(flat, strings.Join(strings.Fields(p), " ")) {
			t.Errorf("the report contains %q", p)
		}
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words[w] = true
	}
	for _, w := range NameWords {
		if words[strings.ToLower(w)] {
			t.Errorf("the report contains %q, part of a complainant's name", w)
		}
	}
}
