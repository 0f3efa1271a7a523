package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Field is what a column holds, by the names the CLI, JSON and README use.
type Field string

// The fields a column can be mapped to; Ignore leaves a column out.
const (
	Ignore          Field = "ignore"
	Reference       Field = "reference"
	ReceivedOn      Field = "received_on"
	Name            Field = "name"
	Summary         Field = "summary"
	Description     Field = "description"
	Status          Field = "status"
	Verdict         Field = "verdict"
	WellFounded     Field = "well_founded" // a yes/no/partly column
	ResolvedOn      Field = "resolved_on"
	ClosedOn        Field = "closed_on"
	WithdrawnOn     Field = "withdrawn_on"
	AcknowledgedOn  Field = "acknowledged_on"
	AckDueOn        Field = "ack_due_on"
	FiledOn         Field = "filed_on"
	DueOn           Field = "due_on"
	OriginalDueOn   Field = "original_due_on"
	Procedure       Field = "formal"
	Channel         Field = "channel"
	Subject         Field = "subject"
	Handler         Field = "handler"
	PersonNamed     Field = "person_named"
	Outcome         Field = "outcome"
	Desired         Field = "desired_outcome"
	NoMeasureReason Field = "no_measure_reason"
	Organisation    Field = "organisation"
	AddressLine1    Field = "address_line1"
	AddressLine2    Field = "address_line2"
	Postcode        Field = "postcode"
	City            Field = "city"
	Country         Field = "country"
	Email           Field = "email"
	Phone           Field = "phone"
)

// Fields lists every field in the order the mapping shows them.
var Fields = []Field{Reference, ReceivedOn, Name, Summary, Description, Status, Verdict, WellFounded, ResolvedOn,
	ClosedOn, WithdrawnOn, AcknowledgedOn, AckDueOn, FiledOn, DueOn, OriginalDueOn, Procedure, Channel, Subject,
	Handler, PersonNamed, Outcome, Desired, NoMeasureReason, Organisation, AddressLine1, AddressLine2, Postcode, City, Country,
	Email, Phone, Ignore}

// Label is the field in the practitioner's words, as refusals and the wizard name it.
func (f Field) Label() string {
	return map[Field]string{Ignore: "niet importeren", Reference: "kenmerk", ReceivedOn: "datum ontvangst",
		Name: "naam klager", Summary: "klacht (korte omschrijving)", Description: "omschrijving", Status: "status",
		Verdict: "oordeel", WellFounded: "gegrond (ja/nee/deels)", ResolvedOn: "afgehandeld op", ClosedOn: "gesloten op",
		WithdrawnOn: "ingetrokken op", AcknowledgedOn: "ontvangst bevestigd op", AckDueOn: "ontvangstbevestiging uiterlijk",
		FiledOn: "formeel sinds", DueOn: "streefdatum", OriginalDueOn: "oorspronkelijke streefdatum",
		Procedure: "procedure (formeel/informeel)", Channel: "ontvangen via", Subject: "onderwerp", Handler: "behandelaar",
		PersonNamed: "betrokken medewerker", Outcome: "uitkomst", Desired: "gewenste uitkomst",
		NoMeasureReason: "reden geen maatregel", Organisation: "namens organisatie", AddressLine1: "adres", AddressLine2: "adresregel 2", Postcode: "postcode",
		City: "plaats", Country: "land", Email: "e-mail", Phone: "telefoon"}[f]
}

// isDate reports whether the field holds a date.
func (f Field) isDate() bool {
	return slices.Contains([]Field{ReceivedOn, ResolvedOn, ClosedOn, WithdrawnOn, AcknowledgedOn, AckDueOn, FiledOn,
		DueOn, OriginalDueOn}, f)
}

// aliases are the headers practices write, Dutch and English, in the form key makes of them.
// The app's own export is among them, so its CSV imports back as it is.
var aliases = map[Field][]string{
	Reference:       {"kenmerk", "referentie", "ref", "nummer", "nr", "klachtnummer", "dossiernummer", "reference", "id", "number"},
	ReceivedOn:      {"datumontvangst", "ontvangen", "ontvangenop", "datum", "ontvangstdatum", "datumklacht", "datumbinnenkomst", "received", "receivedon", "date", "datereceived"},
	Name:            {"naamklager", "klager", "naam", "indiener", "cliënt", "client", "klant", "complainant", "name"},
	Summary:         {"klacht", "onderwerpklacht", "korteomschrijving", "samenvatting", "kortomschrijving", "summary", "complaint", "subjectofcomplaint"},
	Description:     {"omschrijving", "toelichting", "beschrijving", "omschrijvingklacht", "description", "details"},
	Status:          {"status", "stand", "state"},
	Verdict:         {"oordeel", "beoordeling", "uitslag", "verdict", "decision"},
	WellFounded:     {"gegrond", "gegrondheid", "wellfounded", "founded", "upheld"},
	ResolvedOn:      {"afgehandeld", "afgehandeldop", "datumafhandeling", "afhandeldatum", "datumafgehandeld", "resolved", "resolvedon", "dateresolved"},
	ClosedOn:        {"gesloten", "geslotenop", "datumgesloten", "afgesloten", "afgeslotenop", "closed", "closedon"},
	WithdrawnOn:     {"ingetrokken", "ingetrokkenop", "datumintrekking", "withdrawn", "withdrawnon"},
	AcknowledgedOn:  {"ontvangstbevestigd", "ontvangstbevestiging", "datumontvangstbevestiging", "bevestigd", "acknowledged", "acknowledgedon"},
	AckDueOn:        {"ontvangstbevestiginguiterlijk", "acknowledgementdue", "ackdue"},
	FiledOn:         {"formeelsinds", "formeelingediend", "filed", "filedon"},
	DueOn:           {"streefdatum", "termijn", "uiterlijkeafhandeldatum", "deadline", "due", "dueon", "targetdate"},
	OriginalDueOn:   {"oorspronkelijkestreefdatum", "originalduedate", "originaldue"},
	Procedure:       {"procedure", "formeel", "formeelofinformeel", "formal"},
	Channel:         {"ontvangenvia", "kanaal", "via", "wijzevanontvangst", "channel", "receivedby", "receivedvia"},
	Subject:         {"onderwerp", "categorie", "soort", "subject", "category"},
	Handler:         {"behandelaar", "behandeldoor", "handler", "handledby"},
	PersonNamed:     {"betrokkenmedewerker", "medewerker", "betreft", "personconcerned", "employee"},
	Outcome:         {"uitkomst", "afhandeling", "oplossing", "resultaat", "outcome", "resolution"},
	Desired:         {"gewensteuitkomst", "wens", "desiredoutcome"},
	NoMeasureReason: {"redengeenmaatregel", "reasonnomeasure"},
	Organisation:    {"organisatie", "namensorganisatie", "bedrijf", "bedrijfsnaam", "firma", "organisation", "organization", "company"},
	AddressLine1:    {"adres", "straat", "address", "street"},
	AddressLine2:    {"adresregel2", "address2", "addressline2"},
	Postcode:        {"postcode", "zip", "postalcode"},
	City:            {"plaats", "woonplaats", "stad", "city", "town"},
	Country:         {"land", "country"},
	Email:           {"email", "emailadres", "mail"},
	Phone:           {"telefoon", "telefoonnummer", "tel", "phone", "telephone"},
}

// key folds a header to lower-case letters and digits without accents, so "Datum ontvangst",
// "datum_ontvangst" and "DATUM ONTVANGST:" match alike.
func key(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	folded, _, err := transform.String(t, s)
	if err != nil {
		folded = s
	}
	var b strings.Builder
	for _, r := range strings.ToLower(folded) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Mapping gives the field of each column of the sheet, by position.
type Mapping []Field

// Guess maps each header to a field by its name; a field goes to the first column that names
// it, and a column nobody recognises is ignored.
func Guess(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[Field]bool{}
	for i, h := range header {
		m[i] = Ignore
		k := key(h)
		for _, f := range Fields {
			if !taken[f] && slices.ContainsFunc(aliases[f], func(a string) bool { return key(a) == k }) {
				m[i], taken[f] = f, true
				break
			}
		}
	}
	// Without a column "Klacht", "Onderwerp" or else "Omschrijving" is what the complaint is about.
	for _, f := range []Field{Subject, Description} {
		if i := slices.Index(m, f); i >= 0 && !m.Has(Summary) {
			m[i] = Summary
		}
	}
	return m
}

// Set maps the column named column (as in the header, compared like headers are) to the
// field named field, as --map COLUMN=field and the wizard's choice do. A field another column
// had moves to this one.
func (m Mapping) Set(header []string, column, field string) error {
	f := Field(strings.TrimSpace(field))
	if !slices.Contains(Fields, f) {
		names := make([]string, len(Fields))
		for i, x := range Fields {
			names[i] = string(x)
		}
		return fmt.Errorf("onbekend veld %q voor kolom %q; kies uit %s", field, column, strings.Join(names, ", "))
	}
	col := slices.IndexFunc(header, func(h string) bool { return key(h) == key(column) })
	if col < 0 {
		return fmt.Errorf("kolom %q staat niet in de kopregel; de kolommen zijn: %s", column, strings.Join(header, ", "))
	}
	for i := range m {
		if m[i] == f && f != Ignore {
			m[i] = Ignore
		}
	}
	m[col] = f
	return nil
}

// Missing lists the fields every complaint needs that no column gives.
func (m Mapping) Missing() []Field {
	var out []Field
	for _, f := range []Field{ReceivedOn, Name, Summary} {
		if !slices.Contains(m, f) {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether a column is mapped to f.
func (m Mapping) Has(f Field) bool { return slices.Contains(m, f) }
