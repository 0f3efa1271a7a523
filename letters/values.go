package letters

import (
	"fmt"
	"strings"

	"klachtenregister/data"
)

// formatDate writes a date the way a letter does: "29 november 2026", "29 November 2026".
func formatDate(d data.Date, lang string) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day(), phrasebook[lang].months[d.Month()-1], d.Year())
}

// values gives every placeholder of data.Placeholders its value for this letter.
func values(in *Input) map[string]string {
	t, c, set := phrasebook[in.Language], &in.Complaint, in.Settings
	v := map[string]string{
		"naam":                   c.Complainant.Name,
		"kenmerk":                c.Reference,
		"datum_ontvangst":        formatDate(c.ReceivedOn, in.Language),
		"klacht":                 c.Summary,
		"omschrijving":           c.Description,
		"behandelaar":            c.Handler,
		"termijn":                formatDate(c.DueOn, in.Language),
		"oude_termijn":           formatDate(in.Extension.PreviousDueOn, in.Language),
		"nieuwe_termijn":         formatDate(in.Extension.Until, in.Language),
		"reden_verlenging":       in.Extension.Reason,
		"stand_van_zaken":        progressSoFar(in),
		"datum_afhandeling":      formatDate(c.ResolvedOn, in.Language),
		"oordeel":                t.verdicts[c.Verdict],
		"conclusie":              t.conclusions[c.Verdict],
		"evaluatie":              t.evaluations[c.Verdict],
		"uitkomst":               c.Outcome,
		"geschilleninstantie":    disputesBody(set, in.Language),
		"stukken":                in.Documents,
		"deskundige":             in.Expert.Name,
		"organisatie_deskundige": in.Expert.Organisation,
		"praktijk":               set.PracticeName(),
		"praktijkhouder":         set.PractitionerName(),
		"contactgegevens":        reachable(set, t),
	}
	if v["behandelaar"] == "" {
		v["behandelaar"] = set.PractitionerName()
	}
	if v["stukken"] == "" {
		v["stukken"] = t.documents
	}
	return v
}

// disputesBody is the setting disputes_body; the built-in Dutch default is replaced by its
// English version in an English letter, a practice's own text is used as written.
func disputesBody(set data.Settings, lang string) string {
	if lang == "en" && set.DisputesBody() == data.DefaultDisputesBody {
		return englishDisputesBody
	}
	return set.DisputesBody()
}

// reachable says how the complainant can reach the practice, from what settings hold.
func reachable(set data.Settings, t *phrases) string {
	phone, email := set.PracticePhone(), set.PracticeEmail()
	switch {
	case phone != "" && email != "":
		return fmt.Sprintf(t.phoneAndEmail, phone, email)
	case phone != "":
		return fmt.Sprintf(t.phone, phone)
	case email != "":
		return fmt.Sprintf(t.email, email)
	}
	return t.noContact
}

// progressSoFar tells the complainant what has happened since receipt, from the facts in the
// file: the acknowledgement, the dates and kinds of contact, and an expert's advice. Internal
// notes are never quoted.
func progressSoFar(in *Input) string {
	t := phrasebook[in.Language]
	var parts []string
	if d := in.Complaint.AcknowledgedOn; !d.IsZero() {
		parts = append(parts, fmt.Sprintf(t.acknowledged, formatDate(d, in.Language)))
	}
	var contacts []string
	for _, ct := range in.Contacts {
		if ct.On.After(in.Date) {
			continue
		}
		contacts = append(contacts, fmt.Sprintf("%s %s", t.contactKinds[ct.Kind], onDate(ct.On, in.Language)))
	}
	if len(contacts) > 0 {
		parts = append(parts, fmt.Sprintf(t.contacted, joinAnd(contacts, t.and)))
	}
	if in.ExpertConsulted {
		parts = append(parts, t.expertAsked)
	}
	return strings.Join(parts, " ")
}

func onDate(d data.Date, lang string) string {
	if lang == "en" {
		return "on " + formatDate(d, lang)
	}
	return "op " + formatDate(d, lang)
}

// joinAnd writes "a, b en c".
func joinAnd(xs []string, and string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + and + " " + xs[len(xs)-1]
}
