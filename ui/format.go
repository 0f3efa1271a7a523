package ui

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"klachtenregister/data"
)

// shortDate is how lists show a date: 29-11-2026.
func shortDate(d data.Date) string { return d.Dutch() }

// longDate is how running text shows a date: "29 november 2026".
func longDate(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	month := lang.X("month."+strings.ToLower(d.Month().String()), strings.ToLower(d.Month().String()))
	return fmt.Sprintf("%d %s %d", d.Day(), month, d.Year())
}

// languageName is a letter's language named in the screens' language: "Dutch", "Engels".
// (The language setting names each language in itself, so either can be found.)
func languageName(code string) string {
	if code == "en" {
		return lang.L("English")
	}
	return lang.L("Dutch")
}

// longTime is the day of a moment, such as a backup's, as running text shows it.
func longTime(t time.Time) string { return longDate(data.DateOf(t.Local())) }

// countEvents is a number of audit events in words: "1 event", "1,204 events"; in Dutch
// "1.204 gebeurtenissen".
func countEvents(n int) string {
	return lang.N("{{.N}} events", n, map[string]any{"N": thousands(n)})
}

// thousands writes n with the screens' separator between thousands: 1.204, or 1,204 in English.
func thousands(n int) string { return data.ThousandsIn(uiLanguage(), n) }

// parseDate reads a date as a Dutch practitioner types it: 29-11-2026, 29-11-26 or 2026-11-29.
func parseDate(s string) (data.Date, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "/", "-"))
	for _, layout := range []string{"2-1-2006", "2-1-06", "2006-1-2"} {
		if t, err := time.Parse(layout, s); err == nil {
			return data.DateOf(t), nil
		}
	}
	if dateShape.MatchString(s) { // 31-02-2027: the form is right, the day is not
		return data.Date{}, fmt.Errorf("%s", lang.L("{{.Date}} does not exist; check the day and the month", map[string]any{"Date": s}))
	}
	return data.Date{}, fmt.Errorf("%s", lang.L("Type the date as dd-mm-yyyy, for example 29-11-2026"))
}

// dateShape is a date typed in one of parseDate's forms, whether or not the day exists.
var dateShape = regexp.MustCompile(`^(\d{1,2}-\d{1,2}-(\d{2}|\d{4})|\d{4}-\d{1,2}-\d{1,2})$`)

// dateValidator checks a date field; optional fields may stay empty. Dates the procedure
// records have happened already, so a future date is refused where notFuture is set.
func dateValidator(optional, notFuture bool, today func() data.Date) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			if optional {
				return nil
			}
			return fmt.Errorf("%s", lang.L("Required"))
		}
		d, err := parseDate(s)
		if err != nil {
			return err
		}
		if notFuture && d.After(today()) {
			return fmt.Errorf("%s", lang.L("This date lies in the future"))
		}
		return nil
	}
}

// checkAsTyped gives e its check, so that the mark beside it follows every key. Fyne keeps the
// last result while the cursor is in a field, which showed a green tick beside a date just
// typed into the future; now a wrong value shows no tick while typing and the error mark once
// the cursor leaves. An empty field still waits until it was used before it says "Verplicht".
func checkAsTyped(e *widget.Entry, check func(string) error) {
	e.Validator = func(s string) error {
		e.AlwaysShowValidationError = strings.TrimSpace(s) != ""
		return check(s)
	}
}

// checkPostcodeAsTyped marks a postcode field by the store's rule (data.CheckPostcode), for
// the country typed beside it. Under the field it says in a few words what to type: the
// store's sentence, which says whose postcode it is, stands above Save, as under the field it
// would widen the form beyond the window (a form's line under a field does not wrap).
func checkPostcodeAsTyped(pc, country *entry, prefix string, practice func() data.Settings) {
	checkAsTyped(&pc.Entry, func(s string) error {
		switch {
		case data.CheckPostcode(prefix, s, country.Text, practice()) == nil:
			return nil
		case strings.TrimSpace(country.Text) == "":
			return errorf(lang.L("Four digits and two letters, such as 1234 AB, or fill in the country"))
		}
		return errorf(lang.L("Four digits and two letters, such as 1234 AB"))
	})
}

// checkEmailAsTyped marks an e-mail address field by the store's rule (data.CheckEmail), in a
// few words as checkPostcodeAsTyped does.
func checkEmailAsTyped(e *entry, prefix string) {
	checkAsTyped(&e.Entry, func(s string) error {
		if data.CheckEmail(prefix, s) != nil {
			return errorf(lang.L("The whole e-mail address, such as info@practice.com"))
		}
		return nil
	})
}

// required is the validator of a field that may not stay empty.
func required(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("%s", lang.L("Required"))
	}
	return nil
}

// statusLabel, warningLabel, ... put domain names in the chosen language. The Dutch labels
// live in data/ (the CLI uses them too); en.json carries the English ones.
func statusLabel(s data.Status) string   { return tr("status."+string(s), s.Label()) }
func warningLabel(w data.Warning) string { return tr("warning."+string(w), w.Label()) }
func channelLabel(c data.Channel) string { return tr("channel."+string(c), c.Label()) }
func subjectLabel(s data.Subject) string { return tr("subject."+string(s), s.Label()) }
func salutationLabel(s data.Salutation) string {
	return tr("salutation."+string(s), s.Label())
}
func verdictLabel(v data.Verdict) string     { return tr("verdict."+string(v), v.Label()) }
func itemLabel(k data.ItemKind) string       { return tr("item."+string(k), k.Label()) }
func contactLabel(k data.ContactKind) string { return tr("contact."+string(k), k.Label()) }
func partyLabel(p data.Party) string         { return tr("party."+string(p), p.Label()) }

// itemText is what an action item asks, in the screens' language: its kind's label, or for
// copies to come back the expert it concerns.
func itemText(it data.ActionItem) string {
	if it.Kind == data.ItemReturnCopies {
		return lang.L("Ask {{.Expert}} to return or destroy the copies", map[string]any{"Expert": it.Detail})
	}
	return itemLabel(it.Kind)
}

// when says by when an item is due, in words.
func when(it data.ActionItem) string {
	key, n := it.WhenKey()
	return lang.L(key, map[string]any{"N": n})
}

// complainantName is who complains, as lists and titles show it: the person, and the
// organisation they speak for ("Wim Jansen (Bakkerij Jansen B.V.)"), so the register sorted by
// name reads in order; an anonymous or anonymised complaint says so.
func complainantName(c data.Complaint) string {
	if c.Anonymous {
		return lang.L("(anonymous)")
	}
	if !c.AnonymisedOn.IsZero() {
		return lang.L("(anonymised)")
	}
	if org := c.Complainant.Organisation; org != "" {
		return c.Complainant.Name + " (" + org + ")"
	}
	return c.Complainant.Name
}

// itemComplainant is the complainant of an action item of a complaint, named as
// complainantName names them in the register and the file's title.
func itemComplainant(it data.ActionItem) string {
	return complainantName(data.Complaint{Anonymous: it.Anonymous,
		Complainant: data.Complainant{Name: it.Complainant, Organisation: it.Organisation}})
}

// fileWords makes words into a file name: lower case, a hyphen between words, only letters
// and digits ("Ontvangstbevestiging" stays, "toestemming externe deskundige" becomes
// toestemming-externe-deskundige).
func fileWords(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(words, "-")
}
