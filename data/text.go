package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits, in characters, of the texts a practitioner types.
const (
	MaxNameLength    = 200   // a person's name, and other one-line fields
	MaxSummaryLength = 500   // a complaint's short summary
	MaxTextLength    = 20000 // notes, outcome, description: texts of several lines
)

// textRule is how a field's text is checked: its label in a message, its limit, and whether
// it may span lines.
type textRule struct {
	label     Text
	max       int
	multiLine bool
}

var (
	lineRule    = textRule{max: MaxNameLength}
	summaryRule = textRule{max: MaxSummaryLength}.as("de korte omschrijving")
	textRule20k = textRule{max: MaxTextLength, multiLine: true}
)

// CheckSummary checks a complaint's short summary by the rule the store takes it by (its
// length above all), for the form to mark the field as it is typed; empty is Validate's.
func CheckSummary(s string) error {
	_, err := cleanText("summary", s, summaryRule)
	return err
}

// as names the field in messages: "de naam van de klager"; label is a Dutch key (see Msg).
func (r textRule) as(label string, args ...any) textRule { r.label = Msg(label, args...); return r }

// cleanText is the one rule for text typed into the register, in the app and on the command
// line alike. It trims the text and, in a multi-line field, writes line breaks as \n. It
// refuses what is not valid text, control characters (a line break or tab only where the
// field has lines: elsewhere they would fake extra rows in a list), the characters that turn
// the reading direction around (they can make a text look other than it is), and text beyond
// the field's limit.
func cleanText(field string, text string, r textRule) (string, error) {
	label := r.label
	if label.Key == "" {
		label = Msg("deze tekst")
	}
	if !utf8.ValidString(text) {
		return "", invalid(field, "%s bevat tekens die geen geldige tekst zijn; typ de tekst opnieuw of plak hem als platte tekst", label)
	}
	text = strings.TrimSpace(text)
	if r.multiLine {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	n := 0
	for _, c := range text {
		n++
		switch {
		case (c == '\n' || c == '\t') && r.multiLine:
		case c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029':
			return "", invalid(field, "%s moet op één regel staan; haal de regelovergang of tab weg", label)
		case unicode.IsControl(c):
			return "", invalid(field, "%s bevat een onzichtbaar stuurteken (U+%04X); haal het weg", label, c)
		case c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069':
			return "", invalid(field, "%s bevat een onzichtbaar teken dat de leesrichting omkeert (U+%04X); "+
				"daardoor kan de tekst er anders uitzien dan hij is. Haal het weg", label, c)
		}
	}
	if n > r.max {
		return "", invalid(field, "%s is te lang: %d tekens, ten hoogste %d", label, n, r.max)
	}
	return text, nil
}

// cleanTexts applies cleanText to each field in turn and stops at the first problem.
func cleanTexts(fields ...textField) error {
	for _, f := range fields {
		v, err := cleanText(f.field, *f.text, f.rule)
		if err != nil {
			return err
		}
		*f.text = v
	}
	return nil
}

// textField is one field for cleanTexts.
type textField struct {
	field string
	text  *string
	rule  textRule
}
