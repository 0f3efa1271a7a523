package data

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Text is something data/ says to a practitioner: a refusal, a timeline entry. Key is the
// Dutch text as a fmt template, and it is also the key under which the desktop app finds the
// text in another language (assets/translations/data.en.json), so the Dutch lives in one
// place: here, where the text is made. Args keep their type (a Date, a Status, a field
// name, another Text) so that each language can put them in its own words and date format;
// the Dutch rendering, which the CLI prints, uses their Label.
type Text struct {
	Key  string
	Args []any
}

// Msg makes a Text. key must be a string literal, never a formatted string: the
// translations are found by it (ui/i18n_test.go checks every key has its English text).
func Msg(key string, args ...any) Text { return Text{Key: key, Args: args} }

// String is the text in Dutch, as the CLI prints it.
func (t Text) String() string { return t.dutch(false) }

// Prose is the text in Dutch as a complainant reads it (the overview of an access request):
// dates in words, "16 september 2026", and without the parts only the CLI shows.
func (t Text) Prose() string { return t.dutch(true) }

func (t Text) dutch(prose bool) string {
	if len(t.Args) == 0 {
		return t.Key
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = dutchArg(a, prose)
	}
	return fmt.Sprintf(t.Key, args...)
}

// labeled is a domain value with a name in the practitioner's words: a status, a verdict, ...
type labeled interface{ Label() string }

// dutchArg is an argument as Dutch text shows it; in prose, a date in words and no CLI part.
func dutchArg(a any, prose bool) any {
	each := func(xs []any) []string {
		parts := make([]string, len(xs))
		for i, x := range xs {
			parts[i] = fmt.Sprint(dutchArg(x, prose))
		}
		return parts
	}
	switch v := a.(type) {
	case Text:
		return v.dutch(prose)
	case List:
		return strings.Join(each(v), ", ")
	case Capital:
		return capitalise(fmt.Sprint(dutchArg(v.Value, prose)))
	case And:
		return JoinAnd(each(v), "en")
	case ForCLI:
		if prose {
			return ""
		}
		return v.Label()
	case Date:
		if prose && !v.IsZero() {
			return longDay(v)
		}
		return v.String()
	case labeled:
		return v.Label()
	}
	return a
}

// ForCLI is a part of a text that only the CLI shows: a status or a step by the name its
// commands use, " (resolved)". The desktop app, where these names are never typed, leaves it out.
type ForCLI string

// Label is the part as the CLI shows it.
func (c ForCLI) Label() string { return string(c) }

// List is an argument of several values, shown one after the other: "a, b, c".
type List []any

// Capital is an argument that starts a sentence, with a capital letter.
type Capital struct{ Value any }

// And is an argument of several values, the last after "en": "a, b en c".
type And []any

// JoinAnd lists xs with and before the last: "a, b en c".
func JoinAnd(xs []string, and string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + and + " " + xs[len(xs)-1]
}

// FieldName names a stored field (name, address_line1, due_on), as an audit event records it.
type FieldName string

// Label is the field in the practitioner's words; a field without one shows its name.
func (f FieldName) Label() string {
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return string(f)
}

// FieldNames is a list of fields, as a timeline entry of an edit names them.
type FieldNames []FieldName

// Label lists the fields in the practitioner's words.
func (fs FieldNames) Label() string {
	labels := make([]string, len(fs))
	for i, f := range fs {
		labels[i] = f.Label()
	}
	return strings.Join(labels, ", ")
}

// fieldLabels are the names of the fields an edit records: a complaint's details and a
// measure's. The desktop app has them in English as "field.<name>".
var fieldLabels = map[FieldName]string{
	"received_on": "datum van ontvangst", "channel": "ontvangen via", "subject": "onderwerp",
	"person_named": "betrokken medewerker", "handler": "behandelaar", "summary": "korte omschrijving",
	"description": "omschrijving", "desired_outcome": "gewenste uitkomst", "name": "naam klager",
	"address_line1": "adres", "address_line2": "adresregel 2", "postcode": "postcode", "city": "plaats",
	"country": "land", "email": "e-mailadres", "phone": "telefoonnummer", "salutation": "aanhef",
	"initials": "voorletters", "surname": "achternaam", "letter_description": "omschrijving in de brieven",
	"language": "taal van de brieven", "rep_name": "naam gemachtigde", "rep_salutation": "aanhef gemachtigde",
	"rep_initials": "voorletters gemachtigde", "rep_surname": "achternaam gemachtigde",
	"rep_address_line1": "adres gemachtigde", "rep_address_line2": "adresregel 2 gemachtigde",
	"rep_postcode": "postcode gemachtigde", "rep_city": "plaats gemachtigde", "rep_country": "land gemachtigde",
	"rep_email": "e-mailadres gemachtigde", "rep_phone": "telefoonnummer gemachtigde",
	"root_cause": "oorzaak", "owner": "verantwoordelijke", "due_on": "streefdatum",
}

// FieldLabels lists every field with a name of its own, for the translations' completeness test.
func FieldLabels() []FieldName {
	out := make([]FieldName, 0, len(fieldLabels))
	for f := range fieldLabels {
		out = append(out, f)
	}
	return out
}

// textJSON is how a Text is stored in an audit event: each argument under the name of its
// type, so that reading it back gives the same types (see argKinds).
type textJSON struct {
	Key  string                       `json:"key"`
	Args []map[string]json.RawMessage `json:"args,omitempty"`
}

// argKinds are the argument types a stored Text keeps that are words, by their name in the JSON.
var argKinds = map[string]func(string) any{
	"date":     func(s string) any { d, _ := ParseDate(s); return d },
	"verdict":  func(s string) any { return Verdict(s) },
	"status":   func(s string) any { return Status(s) },
	"delivery": func(s string) any { return Delivery(s) },
	"letter":   func(s string) any { return LetterKind(s) },
	"field":    func(s string) any { return FieldName(s) },
	"s":        func(s string) any { return s },
}

// MarshalJSON stores the Text with the types of its arguments.
func (t Text) MarshalJSON() ([]byte, error) {
	out := textJSON{Key: t.Key}
	for _, a := range t.Args {
		arg, err := encodeArg(a)
		if err != nil {
			return nil, err
		}
		out.Args = append(out.Args, arg)
	}
	return json.Marshal(out)
}

// encodeArg is one argument as stored: {"date": "2027-01-04"}, {"n": 3}, {"text": {...}},
// {"list": [{...}, ...]}.
func encodeArg(a any) (map[string]json.RawMessage, error) {
	kind, v := "s", any(nil)
	switch x := a.(type) {
	case Text:
		kind, v = "text", x
	case Capital:
		inner, err := encodeArg(x.Value)
		if err != nil {
			return nil, err
		}
		kind, v = "capital", inner
	case List:
		items := make([]map[string]json.RawMessage, len(x))
		for i, a := range x {
			item, err := encodeArg(a)
			if err != nil {
				return nil, err
			}
			items[i] = item
		}
		kind, v = "list", items
	case int:
		kind, v = "n", x
	case Date:
		kind, v = "date", x.String()
	case Verdict:
		kind, v = "verdict", string(x)
	case Status:
		kind, v = "status", string(x)
	case Delivery:
		kind, v = "delivery", string(x)
	case LetterKind:
		kind, v = "letter", string(x)
	case FieldName:
		kind, v = "field", string(x)
	case string:
		v = x
	default:
		v = fmt.Sprint(dutchArg(x, false))
	}
	raw, err := json.Marshal(v)
	return map[string]json.RawMessage{kind: raw}, err
}

// UnmarshalJSON reads a stored Text back, its arguments with their types.
func (t *Text) UnmarshalJSON(b []byte) error {
	var in textJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*t = Text{Key: in.Key}
	for _, arg := range in.Args {
		a, err := decodeArg(arg)
		if err != nil {
			return err
		}
		t.Args = append(t.Args, a)
	}
	return nil
}

// decodeArg reads one stored argument back with its type.
func decodeArg(arg map[string]json.RawMessage) (any, error) {
	for kind, raw := range arg {
		switch kind {
		case "text":
			var sub Text
			err := json.Unmarshal(raw, &sub)
			return sub, err
		case "capital":
			var inner map[string]json.RawMessage
			if err := json.Unmarshal(raw, &inner); err != nil {
				return nil, err
			}
			v, err := decodeArg(inner)
			return Capital{v}, err
		case "list":
			var items []map[string]json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, err
			}
			list := make(List, len(items))
			for i, item := range items {
				v, err := decodeArg(item)
				if err != nil {
					return nil, err
				}
				list[i] = v
			}
			return list, nil
		case "n":
			var n int
			err := json.Unmarshal(raw, &n)
			return n, err
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		if f, ok := argKinds[kind]; ok {
			return f(s), nil
		}
		return s, nil
	}
	return "", nil
}
