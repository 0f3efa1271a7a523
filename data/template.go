package data

import (
	"slices"
	"strings"
)

// Placeholder is a word between braces in a letter text, such as {naam}, that is replaced by a
// fact of the complaint when the letter is made. The list lives here, beside the settings that
// hold the texts, so a text is checked when it is saved; package letters supplies the values.
type Placeholder struct {
	Name        string
	Description string       // for the settings screen
	Kinds       []LetterKind // the letters it can be used in; nil means every letter
}

var (
	toComplainant = []LetterKind{LetterAcknowledgement, LetterInformation, LetterProgress, LetterOutcome, LetterConsent, LetterWithdrawal}
	aboutTarget   = []LetterKind{LetterAcknowledgement, LetterInformation, LetterProgress, LetterConsent}
)

var placeholders = []Placeholder{
	{"naam", "naam van de klager (of van de gemachtigde, als die de brieven krijgt)", toComplainant},
	{"kenmerk", "kenmerk van de klacht, zoals K-2026-0007", nil},
	{"datum_ontvangst", "datum waarop de klacht is ontvangen", toComplainant},
	{"klacht", "hoe de brieven de klacht noemen, zoals ‘uw klacht van 3 december 2026 over onze dienstverlening’", toComplainant},
	{"behandelaar", "wie de klacht behandelt", toComplainant},
	{"termijn", "datum waarop de klacht naar verwachting is afgehandeld", aboutTarget},
	{"gevraagde_informatie", "de informatie waar u de klager om vraagt, zoals u die bij het verzoek hebt vastgelegd", []LetterKind{LetterInformation}},
	{"informatie_uiterlijk", "datum waarop u de gevraagde informatie verwacht", []LetterKind{LetterInformation}},
	{"oude_termijn", "de streefdatum die de klager het laatst hoorde: de oorspronkelijke, of die uit het vorige voortgangsbericht", []LetterKind{LetterProgress}},
	{"niet_gehaald", "dat de oude termijn niet wordt gehaald; ligt die datum vóór de datum van de brief: dat dat niet is gelukt, met excuses dat de klager het nu pas hoort", []LetterKind{LetterProgress}},
	{"nieuwe_termijn", "de nieuwe termijn na de verlenging", []LetterKind{LetterProgress}},
	{"reden_verlenging", "de reden van de verlenging; zijn er sinds het vorige voortgangsbericht meer verlengingen, al hun redenen", []LetterKind{LetterProgress}},
	{"eerder_uitgesteld", "na een eerder voortgangsbericht: dat de oorspronkelijke datum al eerder is verschoven; anders leeg", []LetterKind{LetterProgress}},
	{"stand_van_zaken", "wat er sinds de ontvangst is gedaan (bevestiging, contactmomenten, advies)", []LetterKind{LetterProgress}},
	{"datum_intrekking", "datum waarop de klager de klacht heeft ingetrokken", []LetterKind{LetterWithdrawal}},
	{"datum_afhandeling", "datum waarop de klacht is afgehandeld", []LetterKind{LetterOutcome}},
	{"oordeel", "het oordeel: gegrond, deels gegrond, ongegrond of in overleg opgelost", []LetterKind{LetterOutcome}},
	{"conclusie", "het oordeel in een hele zin, zoals ‘Na zorgvuldig onderzoek vinden wij uw klacht gegrond.’", []LetterKind{LetterOutcome}},
	{"evaluatie", "bij een (deels) gegronde klacht: dat de praktijk de klacht meeneemt in de evaluatie; anders leeg", []LetterKind{LetterOutcome}},
	{"uitkomst", "de uitkomst en de motivering, zoals vastgelegd bij het afhandelen", []LetterKind{LetterOutcome}},
	{"geschilleninstantie", "waar de klager terechtkan als hij het niet eens is (instelling disputes_body; in Engelse brieven disputes_body_en)", []LetterKind{LetterOutcome}},
	{"stukken", "de stukken die met de externe deskundige worden gedeeld, als opsomming na ‘de volgende stukken:’", []LetterKind{LetterConsent, LetterConfidentiality}},
	{"deskundige", "naam van de externe deskundige", []LetterKind{LetterConfidentiality}},
	{"organisatie_deskundige", "organisatie van de externe deskundige", []LetterKind{LetterConfidentiality}},
	{"praktijk", "naam van de praktijk", nil},
	{"praktijkhouder", "naam van de praktijkhouder", nil},
	{"contactgegevens", "hoe de praktijk bereikbaar is: telefoonnummer en e-mailadres uit de instellingen", nil},
}

// Placeholders lists the placeholders a letter of the given kind may use, in display order.
func Placeholders(kind LetterKind) []Placeholder {
	var out []Placeholder
	for _, p := range placeholders {
		if p.Kinds == nil || slices.Contains(p.Kinds, kind) {
			out = append(out, p)
		}
	}
	return out
}

// LetterTextKey is the setting that holds a practice's own text for a letter, such as
// letter_acknowledgement_nl. Empty means the built-in text.
func LetterTextKey(kind LetterKind, lang string) string { return "letter_" + string(kind) + "_" + lang }

// CheckTemplate reports the first problem in a letter text: a brace without its partner or a
// placeholder the letter does not know, naming the line, so a practitioner finds it.
// A literal brace is written twice: {{ or }}.
func CheckTemplate(kind LetterKind, text string) error {
	_, err := ExpandTemplate(kind, text, nil)
	return err
}

// ExpandTemplate replaces every placeholder by its value. With values nil it only checks the
// text. A placeholder that the letter knows but values lacks is an error too, so nothing is
// ever left out silently.
func ExpandTemplate(kind LetterKind, text string, values map[string]string) (string, error) {
	if err := ownGreeting(text); err != nil {
		return "", err
	}
	known := Placeholders(kind)
	var b strings.Builder
	for n, line := range strings.Split(text, "\n") {
		refuse := func(format string, a ...any) error {
			return invalid("text", "regel %d: %s", n+1, Msg(format, a...))
		}
		for i := 0; i < len(line); i++ {
			switch ch := line[i]; {
			case strings.HasPrefix(line[i:], "{{") || strings.HasPrefix(line[i:], "}}"):
				b.WriteByte(ch)
				i++
			case ch == '}':
				return "", refuse("} zonder { ervoor; schrijf }} voor een losse accolade")
			case ch == '{':
				end := strings.IndexAny(line[i+1:], "{}")
				if end < 0 || line[i+1+end] == '{' {
					return "", refuse("{ zonder } erna; sluit het invulveld af, zoals {naam}, of schrijf {{ voor een losse accolade")
				}
				name := strings.ToLower(strings.TrimSpace(line[i+1 : i+1+end]))
				if !slices.ContainsFunc(known, func(p Placeholder) bool { return p.Name == name }) {
					return "", refuse("onbekend invulveld {%s} in de %s; mogelijk zijn: %s", name, kind.Label(), placeholderNames(known))
				}
				if values != nil {
					v, ok := values[name]
					if !ok {
						return "", refuse("voor {%s} is bij deze brief geen waarde", name)
					}
					b.WriteString(v)
				}
				i += end + 1
			default:
				b.WriteByte(ch)
			}
		}
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// salutations and closings are how a letter text would open or end by itself; the letter
// prints its own salutation (with the addressee's name) above the text and its own closing
// and signature below it, so such a line would come twice.
var (
	salutations = []string{"geachte", "beste", "dear"}
	closings    = []string{"met vriendelijke groet", "met vriendelijke groeten", "hoogachtend", "yours sincerely",
		"yours faithfully", "kind regards", "best regards"}
)

// ownGreeting refuses a letter text whose first line is a salutation ("Geachte {naam},") or
// whose last line is a closing ("Met vriendelijke groet,"), naming the line: the practitioner
// removes it, rather than the program silently dropping words typed on purpose.
func ownGreeting(text string) error {
	lines := strings.Split(text, "\n")
	first, last := -1, -1
	for n, line := range lines {
		if strings.TrimSpace(line) != "" {
			if first < 0 {
				first = n
			}
			last = n
		}
	}
	if first < 0 {
		return nil
	}
	words := func(n int) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.Trim(lines[n], " \t,.!"))), " ")
	}
	if w := words(first); slices.ContainsFunc(salutations, func(s string) bool { return w == s || strings.HasPrefix(w, s+" ") }) {
		return invalid("text", "regel %d: %s", first+1, Msg("de tekst begint met een aanhef (‘%s’); de brief zet de aanhef er zelf boven, met de naam van de geadresseerde. Haal deze regel weg", strings.TrimSpace(lines[first])))
	}
	if last > first && slices.Contains(closings, words(last)) {
		return invalid("text", "regel %d: %s", last+1, Msg("de tekst eindigt met een groet (‘%s’); de brief zet de groet en de ondertekening er zelf onder. Haal deze regel weg", strings.TrimSpace(lines[last])))
	}
	return nil
}

func placeholderNames(ps []Placeholder) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = "{" + p.Name + "}"
	}
	return strings.Join(names, ", ")
}
