package letters

import (
	"fmt"
	"slices"
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
		"naam":                   addressee(in).name, // the representative's, when they get the letters
		"kenmerk":                c.Reference,
		"datum_ontvangst":        formatDate(c.ReceivedOn, in.Language),
		"klacht":                 Description(c, in.Language),
		"behandelaar":            c.Handler,
		"termijn":                formatDate(c.DueOn, in.Language),
		"oude_termijn":           formatDate(knownDate(in), in.Language),
		"nieuwe_termijn":         formatDate(in.Extension.Until, in.Language),
		"reden_verlenging":       reasons(in),
		"niet_gehaald":           missed(in, t),
		"eerder_uitgesteld":      earlier(in),
		"datum_intrekking":       formatDate(c.WithdrawnOn, in.Language),
		"gevraagde_informatie":   sentences(in.Request.InfoRequested),
		"informatie_uiterlijk":   formatDate(in.Request.InfoDueOn, in.Language),
		"stand_van_zaken":        progressSoFar(in),
		"datum_afhandeling":      formatDate(c.ResolvedOn, in.Language),
		"oordeel":                t.verdicts[c.Verdict],
		"conclusie":              conclusion(in, t),
		"evaluatie":              t.evaluations[c.Verdict],
		"uitkomst":               sentences(c.Outcome) + measuresTaken(in, t),
		"geschilleninstantie":    disputesBody(set, in.Language),
		"stukken":                phrase(in.Documents),
		"deskundige":             in.Expert.Name,
		"organisatie_deskundige": in.Expert.Organisation,
		"praktijk":               set.PracticeName(),
		"praktijkhouder":         set.PractitionerName(),
		"contactgegevens":        reachable(in),
	}
	if v["behandelaar"] == "" {
		v["behandelaar"] = set.PractitionerName()
	}
	if v["stukken"] == "" {
		v["stukken"] = t.documents
	}
	if in.Kind == data.LetterConfidentiality {
		v["stukken"] = reword(v["stukken"], t.theirs) // the expert is not the complainant
	}
	return v
}

// Description is how the letters name the complaint: the practitioner's own description,
// or one built from the date and subject, "uw klacht van 3 december 2026 over onze
// dienstverlening". To a representative it names the complainant on whose behalf they wrote
// (the organisation, when the complainant speaks for one, as the subject line does).
func Description(c *data.Complaint, lang string) string {
	if c.LetterDescription != "" {
		return phrase(c.LetterDescription)
	}
	t := phrasebook[lang]
	about, on := t.aboutSubject[c.Subject], formatDate(c.ReceivedOn, lang)
	if c.Representative.Name != "" {
		return fmt.Sprintf(t.descriptionRep, on, about, complainantOf(c).inSentence(t))
	}
	return fmt.Sprintf(t.description, on, about)
}

// DescriptionPreview is the sentence the acknowledgement makes of the letters' description of
// the complaint, quoted, in the letter's language, for the intake form to show beside the
// field (which says in the screens' language where it appears): "‘Hartelijk dank voor uw klacht
// van 3 december 2026 over onze dienstverlening.’"
func DescriptionPreview(c *data.Complaint, lang string) string {
	if _, err := data.ParseLanguage(lang); err != nil {
		lang = "nl"
	}
	// To a representative the letters reword the description typed as to the complainant
	// ("uw klacht over ..." becomes "de klacht over ..."), and so does the preview.
	to := &Input{Kind: data.LetterAcknowledgement, Language: lang, Complaint: *c}
	return fmt.Sprintf(phrasebook[lang].previewDescription, forRepresentative(to, Description(c, lang)))
}

// TextPreview is a text typed for a letter as the letter prints it, quoted, in the letter's
// language: the reason for an extension after the sentence it follows in the progress letter,
// or the outcome, for the dialogs to show before the text is saved.
func TextPreview(kind data.LetterKind, text, lang string) string {
	if _, err := data.ParseLanguage(lang); err != nil {
		lang = "nl"
	}
	t := phrasebook[lang]
	if kind == data.LetterProgress {
		return fmt.Sprintf(t.previewReason, sentences(text))
	}
	return fmt.Sprintf(t.previewText, sentences(text))
}

// extensions are the complaint's extensions, oldest first; a hand-filled Input may give only
// the latest.
func extensions(in *Input) []data.Extension {
	if len(in.Extensions) > 0 {
		return in.Extensions
	}
	if in.Extension.Until.IsZero() {
		return nil
	}
	return []data.Extension{in.Extension}
}

// told is how many of the extensions, oldest first, the complainant was told of: those up to
// the last one a progress letter was made after (it tells what stood when it was made) and
// sent by the day of this letter. Extensions made one after the other without a letter are
// news to the complainant together.
func told(in *Input) int {
	all, n := extensions(in), 0
	for i, e := range all {
		for _, sent := range in.ProgressSent {
			if !sent.Made.Before(e.On) && !sent.On.After(in.Date) {
				n = i + 1
			}
		}
	}
	return max(0, min(n, len(all)-1)) // the letter being made tells at least the latest
}

// knownDate is the target date the complainant was last told: the original one, or the date
// of the last extension a progress letter told them of. The letter says that this date is
// moved ({oude_termijn}).
func knownDate(in *Input) data.Date {
	all := extensions(in)
	if n := told(in); n > 0 {
		return all[n-1].Until
	}
	if len(all) > 0 {
		return all[0].PreviousDueOn
	}
	return in.Extension.PreviousDueOn
}

// reasons is the reason for the extension; when more than one was made since the complainant
// was last told, every one of them, as a list. Reasons told before are not repeated.
func reasons(in *Input) string {
	news := extensions(in)[told(in):]
	if len(news) < 2 {
		return sentences(in.Extension.Reason)
	}
	out := phrasebook[in.Language].reasonsIntro
	for _, e := range news {
		out += "\n- " + sentences(e.Reason)
	}
	return out
}

// missed says that the date the complainant knows will not be met, or, when the letter is
// dated after it, that it was not met, with an apology for telling only now: the procedure
// promises to tell in good time.
func missed(in *Input, t *phrases) string {
	if in.Date.After(knownDate(in)) {
		return t.missed
	}
	return t.missing
}

// earlier tells, in a letter after an earlier progress letter, that the date was moved
// before: the original date; the letter's opening names the date moved now. Empty when the
// complainant was told of no extension yet.
func earlier(in *Input) string {
	if told(in) == 0 {
		return ""
	}
	return fmt.Sprintf(phrasebook[in.Language].earlier, formatDate(extensions(in)[0].PreviousDueOn, in.Language))
}

// firstPerson turns the documents as the practice wrote them to the complainant ("uw
// klachtbrief") into the complainant's own words for the statement they sign ("mijn klachtbrief").
func firstPerson(s string, t *phrases) string { return reword(s, t.mine) }

// reword replaces words where a word starts (at the start, or after a space or a line break),
// such as "uw " by "mijn ", each pair in turn.
func reword(s string, pairs [][2]string) string {
	for _, m := range pairs {
		var b strings.Builder
		for i := 0; i < len(s); {
			if strings.HasPrefix(s[i:], m[0]) && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n') {
				b.WriteString(m[1])
				i += len(m[0])
				continue
			}
			b.WriteByte(s[i])
			i++
		}
		s = b.String()
	}
	return s
}

// toRepresentative says whether the letter goes to a representative (gemachtigde) on the
// complainant's behalf.
func toRepresentative(in *Input) bool { return data.ToRepresentative(&in.Complaint, in.Kind) }

// forRepresentative rewords the letter's text for a representative: they filed the complaint
// on the complainant's behalf, and the complainant gives or refuses consent (see
// phrases.toRepresentative). A letter to the complainant is left as it is.
func forRepresentative(in *Input, s string) string {
	if !toRepresentative(in) {
		return s
	}
	t := phrasebook[in.Language]
	return reword(s, withName(t.toRepresentative, complainantPerson(in).inSentence(t)))
}

// withName fills who in for %s in each pair's replacement.
func withName(pairs [][2]string, who string) [][2]string {
	out := make([][2]string, len(pairs))
	for i, m := range pairs {
		out[i] = [2]string{m[0], strings.ReplaceAll(m[1], "%s", who)}
	}
	return out
}

// disputesBody is the next step after the outcome in the letter's language (see
// data.Settings.DisputesBodyIn); check refuses an English letter that has none.
func disputesBody(set data.Settings, lang string) string {
	text, _ := set.DisputesBodyIn(lang)
	return text
}

// reachable says how the complainant can reach the practice, from what settings hold. The
// phone number stays on one line: "030 231" at a line's end reads as a number of its own.
func reachable(in *Input) string {
	t, set := phrasebook[in.Language], in.Settings
	phone, email := strings.ReplaceAll(phoneFor(in), " ", nbsp), set.PracticeEmail()
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

// phoneFor is the practice's phone number as the letter's reader dials it: from abroad when
// the letter is in English (read abroad as often as not) or goes to another country.
func phoneFor(in *Input) string {
	return phoneNumber(in.Settings, phrasebook[in.Language].international || abroad(in))
}

// phoneNumber is the practice's phone number, for a practice in the Netherlands written the
// Dutch way ("030 231 45 67") and dialled from abroad ("+31 30 231 45 67") when
// international; any other number stays as typed.
func phoneNumber(set data.Settings, international bool) string {
	p := strings.TrimSpace(set.PracticePhone())
	if !international || !data.InNetherlands(set.PracticeCountry(), "") || !strings.HasPrefix(p, "0") || strings.HasPrefix(p, "00") {
		return p
	}
	return "+31 " + strings.TrimLeft(p[1:], " -")
}

// abroad says whether the letter goes to another country than the practice's: its reader
// then dials the practice from abroad, and its letterhead and return address name the
// practice's country.
func abroad(in *Input) bool {
	c := addressee(in).country
	return strings.TrimSpace(c) != "" && !data.SameCountry(c, in.Settings.PracticeCountry())
}

// countryNames are the practice's country as a letter names it, by ISO code and language.
var countryNames = map[string]map[string]string{
	"NL": {"nl": "Nederland", "en": "The Netherlands"}, "BE": {"nl": "België", "en": "Belgium"},
	"DE": {"nl": "Duitsland", "en": "Germany"}, "LU": {"nl": "Luxemburg", "en": "Luxembourg"},
	"FR": {"nl": "Frankrijk", "en": "France"}, "GB": {"nl": "Verenigd Koninkrijk", "en": "United Kingdom"},
}

// practiceCountry is the practice's country as a letter abroad names it under the practice's
// address, in the letter's language ("Nederland", "The Netherlands"); "" for a letter within
// the country, where it goes without saying.
func practiceCountry(in *Input) string {
	if !abroad(in) {
		return ""
	}
	typed := strings.TrimSpace(in.Settings.PracticeCountry())
	if typed == "" {
		typed = "Nederland"
	}
	if name := countryNames[data.CountryCode(typed)][in.Language]; name != "" {
		return name
	}
	return typed
}

// withComplainant says whether a contact was with the complainant's side: the complainant, or
// their representative, whom the register records as the complainant's party. Contacts with
// the person concerned or a third party are never told to the complainant.
func withComplainant(ct data.Contact) bool {
	return ct.Party == data.PartyComplainant || ct.Party == ""
}

// progressSoFar tells the complainant what has happened since receipt, from the facts in the
// file: the acknowledgement, the dates and kinds of contact with them (our letters to them
// too), and an expert's advice. Internal notes are never quoted.
func progressSoFar(in *Input) string {
	t := phrasebook[in.Language]
	var parts []string
	if d := in.Complaint.AcknowledgedOn; !d.IsZero() {
		parts = append(parts, fmt.Sprintf(t.acknowledged, formatDate(d, in.Language)))
	}
	var contacts []string
	// "Daarna" only when every contact came on a later day than the acknowledgement: a call on
	// its day may have come before it (the call that asked for the formal procedure).
	since := !in.Complaint.AcknowledgedOn.IsZero()
	toldBefore := toldLetters(in)
	for _, ct := range in.Contacts {
		if ct.On.After(in.Date) || !withComplainant(ct) || toldBefore[ct.ID] {
			continue
		}
		since = since && ct.On.After(in.Complaint.AcknowledgedOn)
		contacts = append(contacts, fmt.Sprintf("%s %s", t.contactKinds[ct.Kind], onDate(ct.On, in.Language)))
	}
	if len(contacts) > 0 && since {
		parts = append(parts, fmt.Sprintf(t.contacted, data.JoinAnd(contacts, t.and)))
	} else if len(contacts) > 0 {
		parts = append(parts, fmt.Sprintf(t.contactedAll, data.JoinAnd(contacts, t.and)))
	}
	if in.ExpertConsulted {
		parts = append(parts, t.expertAsked)
	}
	return strings.Join(parts, " ")
}

// toldLetters are the contact moments of the progress letters that told an earlier extension,
// which the letter's "Eerder hebben wij u laten weten …" (earlier) already tells: listed as
// contact too, a second progress letter said "Wij hebben contact met u gehad: per brief op …"
// of the first. A progress letter about the latest extension stays a contact.
func toldLetters(in *Input) map[int64]bool {
	all := extensions(in)
	if earlier(in) == "" || len(all) == 0 {
		return nil
	}
	out := map[int64]bool{}
	for _, sent := range in.ProgressSent {
		if sent.ContactID != 0 && !sent.Made.Before(all[0].On) && sent.Made.Before(all[len(all)-1].On) {
			out[sent.ContactID] = true
		}
	}
	return out
}

func onDate(d data.Date, lang string) string {
	if lang == "en" {
		return "on " + formatDate(d, lang)
	}
	return "op " + formatDate(d, lang)
}

// conclusion is the verdict in a sentence that says only what happened: it names the
// conversation with the complainant when a hearing of theirs is on record, the latest one.
func conclusion(in *Input, t *phrases) string {
	var heard data.Date
	for _, ct := range in.Contacts {
		if ct.Hearing && withComplainant(ct) && ct.On.After(heard) {
			heard = ct.On
		}
	}
	if heard.IsZero() {
		return t.conclusions[in.Complaint.Verdict]
	}
	return fmt.Sprintf(t.heardConclusions[in.Complaint.Verdict], formatDate(heard, in.Language))
}

// measuresTaken lists, for a complaint under the Wkkgz, the measures decided on and the term
// within which each will be realised, as the act requires the outcome letter to say; or the
// day one was carried out, when that is before the letter's.
func measuresTaken(in *Input, t *phrases) string {
	if in.Complaint.DeadlinePolicy != data.PolicyWkkgz || len(in.Measures) == 0 {
		return ""
	}
	several, done := 0, 1
	if len(in.Measures) > 1 {
		several = 1
	}
	if slices.ContainsFunc(in.Measures, func(m data.Measure) bool { return !doneBy(m, in.Date) }) {
		done = 0
	}
	out := "\n\n" + t.measuresIntro[several][done]
	for _, m := range in.Measures {
		text, day := t.measureTerm, m.DueOn
		if doneBy(m, in.Date) {
			text, day = t.measureDone, m.DoneOn
		}
		out += "\n- " + fmt.Sprintf(text, strings.TrimRight(strings.TrimSpace(m.Description), "."), formatDate(day, in.Language))
	}
	return out
}

// doneBy reports whether the measure was carried out by the letter's date: its term is then
// the day it was, and it needs no due date.
func doneBy(m data.Measure, letter data.Date) bool {
	return !m.Open() && !m.DoneOn.After(letter)
}
