package data

import (
	"fmt"
	"slices"
	"strings"
)

// overview is overzicht.txt in the answer to an access request: what klacht.json holds, in
// plain Dutch for the complainant to read. The JSON file, with field names and codes, is for a
// computer; the AVG asks for the information in a form a person understands.
func overview(e personExport, events []Event) string {
	var b strings.Builder
	line := func(label, value string) {
		if value = strings.TrimSpace(value); value != "" {
			fmt.Fprintf(&b, "%s: %s\r\n", label, strings.ReplaceAll(value, "\n", "\r\n  "))
		}
	}
	day := func(d Date) string {
		if d.IsZero() {
			return ""
		}
		return longDay(d)
	}
	section := func(title string) {
		fmt.Fprintf(&b, "\r\n%s\r\n%s\r\n", title, strings.Repeat("-", len([]rune(title))))
	}
	person := func(p Complainant) {
		line("Naam", p.Name)
		line("Organisatie", p.Organisation)
		line("Adres", strings.Join(NonEmpty(p.AddressLine1, p.AddressLine2,
			strings.TrimSpace(p.Postcode+" "+p.City), p.Country), ", "))
		line("E-mailadres", p.Email)
		line("Telefoonnummer", p.Phone)
	}
	c := e.Complaint
	fmt.Fprintf(&b, "Overzicht van uw gegevens bij klacht %s\r\n", e.Reference)
	fmt.Fprintf(&b, "%s, opgesteld op %s\r\n", e.Practice, longDay(e.ExportedOn))

	section("Uw gegevens")
	person(c.Complainant)
	if !c.AnonymisedOn.IsZero() {
		fmt.Fprintf(&b, "Uw persoonsgegevens bij deze klacht zijn op %s verwijderd.\r\n", longDay(c.AnonymisedOn))
	}
	if c.Representative.Name != "" {
		section("Uw gemachtigde")
		person(c.Representative)
	}

	section("De klacht")
	line("Ontvangen op", day(c.ReceivedOn))
	line("Ontvangen via", c.Channel.Label())
	line("Formele klachtenprocedure sinds", day(c.FiledOn))
	line("Onderwerp", c.Subject.Label())
	line("Over", c.PersonNamed)
	line("Behandeld door", c.Handler)
	line("Korte omschrijving", c.Summary)
	line("Omschrijving", c.Description)
	line("Gewenste uitkomst", c.Desired)
	line("Stand van zaken", c.Status.Label())
	line("Ontvangst bevestigd op", day(c.AcknowledgedOn))
	if c.Status.Open() {
		line("Streefdatum voor de afhandeling", day(c.DueOn))
	}
	line("Afgehandeld op", day(c.ResolvedOn))
	if c.Verdict != "" {
		line("Oordeel", c.Verdict.Label())
	}
	line("Uitkomst", c.Outcome)
	line("Afgehandeld zonder u of de betrokkene te horen, omdat", c.NoHearingReason)
	line("Ingetrokken op", day(c.WithdrawnOn))
	line("Dossier gesloten op", day(c.ClosedOn))

	if len(e.Contacts) > 0 {
		section("Contactmomenten")
		for _, ct := range e.Contacts {
			text := ct.Note
			if ct.InfoRequested != "" {
				text = strings.TrimSpace(text + " Gevraagde informatie: " + ct.InfoRequested + ", uiterlijk " + day(ct.InfoDueOn) + ".")
			}
			line(day(ct.On)+", "+ct.Kind.Label(), text)
			if text == "" {
				fmt.Fprintf(&b, "%s, %s\r\n", day(ct.On), ct.Kind.Label())
			}
		}
	}
	if len(e.Extensions) > 0 {
		section("Verlengingen van de termijn")
		for _, x := range e.Extensions {
			fmt.Fprintf(&b, "Op %s verlengd van %s tot %s\r\n", day(x.On), day(x.PreviousDueOn), day(x.Until))
			line("  Reden", x.Reason)
		}
	}
	if len(e.Consents) > 0 {
		section("Toestemming voor een externe deskundige")
		for _, ct := range e.Consents {
			switch ct.State() {
			case ConsentRefused:
				fmt.Fprintf(&b, "Op %s geweigerd\r\n", day(ct.GivenOn))
			default:
				fmt.Fprintf(&b, "Op %s gegeven\r\n", day(ct.GivenOn))
				line("  Voor", ct.Scope)
				if !ct.WithdrawnOn.IsZero() {
					fmt.Fprintf(&b, "  Ingetrokken op %s\r\n", day(ct.WithdrawnOn))
				}
			}
			line("  Hoe", ct.How)
		}
	}
	if len(e.Shares) > 0 {
		section("Stukken gedeeld met een externe deskundige")
		for _, sh := range e.Shares {
			line(fmt.Sprintf("Op %s met %s", day(sh.SharedOn), sh.ExpertName), sharedInWords(e, sh))
		}
	}
	if len(e.Letters) > 0 {
		section("Brieven")
		for _, l := range e.Letters {
			text := fmt.Sprintf("%s (versie %d), gemaakt op %s", capitalise(l.Kind.Label()), l.Version, longDay(DateOf(l.CreatedAt.Local())))
			if !l.SentOn.IsZero() {
				text += ", verstuurd op " + day(l.SentOn)
			}
			if l.File != "" {
				text += " (" + l.File + ")"
			}
			fmt.Fprintf(&b, "%s\r\n", text)
		}
	}
	if len(e.Attachments) > 0 {
		section("Bijlagen")
		for _, a := range e.Attachments {
			name := a.Name
			switch {
			case a.File != "":
				name = a.File
			case a.Erased(): // its name went with the personal data
				name = "Een bijlage (gewist met de persoonsgegevens)"
			}
			fmt.Fprintf(&b, "%s, toegevoegd op %s\r\n", name, longDay(DateOf(a.AddedAt.Local())))
		}
	}
	section("Verloop van de behandeling")
	for _, ev := range events {
		fmt.Fprintf(&b, "%s %s  %s\r\n", longDay(DateOf(ev.At.Local())), ev.At.Local().Format("15:04"), ev.Describe().Prose())
	}
	return b.String()
}

// sharedInWords names a share's documents as the complainant knows them: a letter by its kind
// and version, an attachment by its name; the register's own words ("brief 64 (…)") for a
// share of a document no longer in the file, or one recorded in words only.
func sharedInWords(e personExport, sh Share) string {
	var names []string
	for _, id := range sh.Letters {
		i := slices.IndexFunc(e.Letters, func(l exportedLetter) bool { return l.ID == id })
		if i < 0 {
			return sh.Documents
		}
		names = append(names, fmt.Sprintf("de %s (versie %d)", e.Letters[i].Kind.Label(), e.Letters[i].Version))
	}
	for _, id := range sh.Attachments {
		i := slices.IndexFunc(e.Attachments, func(a exportedFile) bool { return a.ID == id })
		if i < 0 || e.Attachments[i].Erased() {
			return sh.Documents
		}
		names = append(names, "‘"+e.Attachments[i].Name+"’")
	}
	if len(names) == 0 {
		return sh.Documents
	}
	return JoinAnd(names, "en")
}

// NonEmpty are the texts that are not blank, trimmed: an address's lines, a row's parts.
func NonEmpty(texts ...string) []string {
	var out []string
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
