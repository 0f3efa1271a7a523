package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"klachtenregister/data"
)

// listRow is one complaint in `list --json`. The field names are a published interface
// (README.md): practices' own scripts read them.
type listRow struct {
	Reference       string        `json:"reference"`
	ReceivedOn      data.Date     `json:"received_on"`
	Status          data.Status   `json:"status"`
	Formal          bool          `json:"formal"`
	ComplainantName string        `json:"complainant_name"`
	Organisation    string        `json:"organisation"` // the organisation the complainant speaks for; "" for a private person
	Channel         data.Channel  `json:"channel"`
	Subject         data.Subject  `json:"subject"`
	Summary         string        `json:"summary"`
	Handler         string        `json:"handler"`
	AckDueOn        data.Date     `json:"ack_due_on"`
	DueOn           data.Date     `json:"due_on"`
	Warning         *string       `json:"warning"`
	Verdict         *string       `json:"verdict"`
	ResolvedOn      data.Date     `json:"resolved_on"`
	ClosedOn        data.Date     `json:"closed_on"`
	Breaches        []data.Breach `json:"breaches"`
}

func newListRow(l data.Listed) listRow {
	return listRow{Reference: l.Reference, ReceivedOn: l.ReceivedOn, Status: l.Status, Formal: l.Formal,
		ComplainantName: l.Complainant.Name, Organisation: l.Complainant.Organisation, Channel: l.Channel, Subject: l.Subject, Summary: l.Summary,
		Handler: l.Handler, AckDueOn: l.AckDueOn, DueOn: l.DueOn, Warning: nullable(string(l.Warning)),
		Verdict: nullable(string(l.Verdict)), ResolvedOn: l.ResolvedOn, ClosedOn: l.ClosedOn, Breaches: empty(l.Breached)}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func printList(w io.Writer, rows []listRow) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "Geen klachten gevonden.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KENMERK\tONTVANGEN\tKLAGER\tSTATUS\tTERMIJN\tBEWAKING\tKLACHT")
	for _, r := range rows {
		warning := ""
		if r.Warning != nil {
			warning = data.Warning(*r.Warning).Label()
		}
		who := r.ComplainantName
		if r.Organisation != "" {
			who += " (" + r.Organisation + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Reference, r.ReceivedOn, who,
			r.Status.Label(), r.DueOn, warning, r.Summary)
	}
	tw.Flush()
}

// fileJSON is `show --json`: the complaint with everything recorded about it.
type fileJSON struct {
	listRow
	Complaint      data.Complaint    `json:"complaint"`
	ActionItems    []data.ActionItem `json:"action_items"`
	Measures       []data.Measure    `json:"measures"`
	Contacts       []data.Contact    `json:"contacts"`
	Extensions     []data.Extension  `json:"extensions"`
	ConsentState   data.ConsentState `json:"consent_state"` // "" (not asked), asked, given, refused, withdrawn
	ConsentStateOn data.Date         `json:"consent_state_on"`
	Consents       []consentJSON     `json:"consents"`
	Statements     []data.Statement  `json:"statements"`
	Shares         []data.Share      `json:"shares"`
	Attachments    []data.Attachment `json:"attachments"`
	Timeline       []timelineJSON    `json:"timeline"`
}

// consentJSON is one answer of the complainant with its state: given, refused or withdrawn.
type consentJSON struct {
	data.Consent
	State data.ConsentState `json:"state"`
}

type timelineJSON struct {
	data.Event
	Description string `json:"description"`
}

func newFileJSON(f *data.File) fileJSON {
	out := fileJSON{listRow: newListRow(f.Listed), Complaint: f.Complaint, ActionItems: empty(f.Items), Measures: empty(f.Measures),
		Contacts: empty(f.Contacts), Extensions: empty(f.Extensions), Consents: []consentJSON{}, Statements: empty(f.Statements),
		Shares: empty(f.Shares), Attachments: empty(f.Attachments), Timeline: []timelineJSON{}}
	out.ConsentState, out.ConsentStateOn = f.ConsentState()
	for _, c := range f.Consents {
		out.Consents = append(out.Consents, consentJSON{c, c.State()})
	}
	for _, e := range f.Events {
		out.Timeline = append(out.Timeline, timelineJSON{e, e.Describe().String()})
	}
	return out
}

// empty makes a nil slice encode as [] rather than null, which is kinder to scripts.
func empty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func printFile(w io.Writer, f *data.File) {
	c := f.Complaint
	p := c.Complainant
	procedure := "informeel"
	if c.Formal {
		procedure = "formele klachtenprocedure sinds " + c.FiledOn.String()
	}
	if c.TakenBy != "" {
		procedure += "; telefonisch uitdrukkelijk gevraagd, aangenomen door " + c.TakenBy
	}
	if c.Anonymous {
		p.Name = "anoniem"
	}
	consent, consentOn := f.ConsentState()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, row := range [][2]string{
		{"Kenmerk", c.Reference}, {"Status", c.Status.Label()}, {"Procedure", procedure},
		{"Ontvangen", fmt.Sprintf("%s via %s", c.ReceivedOn, c.Channel.Label())}, {"Klager", p.Name}, {"Namens organisatie", p.Organisation},
		{"Aanhef in brieven", salutationRow(p.NameParts)},
		{"Gemachtigde", joinNonEmpty(", ", c.Representative.Name, c.Representative.Organisation, c.Representative.AddressLine1, c.Representative.City)},
		{"Taal brieven", c.Language}, {"Omschrijving in brieven", c.LetterDescription},
		{"Adres", joinNonEmpty(", ", p.AddressLine1, p.AddressLine2, joinNonEmpty(" ", p.Postcode, p.City), p.Country)},
		{"Contact", joinNonEmpty(", ", p.Email, p.Phone)}, {"Betreft", joinNonEmpty(": ", c.Subject.Label(), c.PersonNamed)},
		{"Behandelaar", c.Handler}, {"Klacht", c.Summary}, {"Omschrijving", c.Description}, {"Gewenste uitkomst", c.Desired},
		{"Ontvangst bevestigen vóór", c.AckDueOn.String()}, {"Ontvangst bevestigd", c.AcknowledgedOn.String()},
		{"Afhandelen vóór", c.DueOn.String()}, {"Afgehandeld", c.ResolvedOn.String()}, {"Oordeel", c.Verdict.Label()},
		{"Uitkomst", c.Outcome}, {"Geen verbetermaatregel nodig", c.NoMeasureReason}, {"Gesloten", c.ClosedOn.String()},
		{"Ingetrokken", c.WithdrawnOn.String()}, {"Herkomst", c.ImportNote().String()},
		{"Toestemming deskundige", joinNonEmpty(" op ", consent.Label(), consentOn.String())},
		{"Juridische bewaarplicht", c.HoldReason}, {"Geanonimiseerd", c.AnonymisedOn.String()},
	} {
		if row[1] != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", row[0], row[1])
		}
	}
	tw.Flush()
	if len(f.Items) > 0 {
		fmt.Fprintln(w, "\nTe doen:")
		for _, it := range f.Items {
			fmt.Fprintf(w, "  %s  %s - %s (%s)\n", it.DueOn, it.Label, it.When(), it.Warning.Label())
		}
	}
	if len(f.Breached) > 0 {
		fmt.Fprintln(w, "\nTermijnschendingen:")
		for _, b := range f.Breached {
			fmt.Fprintf(w, "  verlenging van %s: %s\n", b.ExtendedOn, b.Kind.Label())
		}
	}
	if len(f.Measures) > 0 {
		fmt.Fprintln(w, "\nVerbetermaatregelen:")
		for _, m := range f.Measures {
			state := "lopend"
			if !m.Open() {
				state = "uitgevoerd " + m.DoneOn.String()
			}
			fmt.Fprintf(w, "  %s  %s (%s, %s)\n", m.Code, oneLine(m.Description), m.RootCauseLabel, state)
		}
	}
	if len(f.Contacts) > 0 {
		fmt.Fprintln(w, "\nContactmomenten:")
		for _, ct := range f.Contacts {
			who := ""
			if ct.Party != data.PartyComplainant && ct.Party != "" {
				who = " met " + joinNonEmpty(" ", ct.PartyName, "("+ct.Party.Label()+")")
			}
			if ct.Hearing {
				who += " [gehoord]"
			}
			// After an erasure the note is gone: no colon without a text after it.
			fmt.Fprintf(w, "  %s  %s\n", ct.On, joinNonEmpty(": ", ct.Kind.Label()+who, joinNonEmpty(" | gevraagd: ", ct.Note, ct.InfoRequested)))
		}
	}
	if len(f.Attachments) > 0 {
		fmt.Fprintln(w, "\nBijlagen:")
		for _, a := range f.Attachments {
			name := a.Name
			if a.Erased() {
				name = "(samen met de persoonsgegevens gewist)"
			}
			fmt.Fprintf(w, "  %d  %s\n", a.ID, name)
		}
	}
	fmt.Fprintln(w, "\nTijdlijn:")
	for _, e := range f.Events {
		fmt.Fprintf(w, "  %s  %-10s %s\n", e.At.Local().Format("2006-01-02 15:04"), e.Actor, e.Describe())
	}
}

// salutationRow is how the letters address someone, as `show` prints it: "mevrouw: A.S. van den Broek".
func salutationRow(n data.NameParts) string {
	if n.Surname == "" {
		return ""
	}
	return n.Salutation.Label() + ": " + joinNonEmpty(" ", n.Initials, n.Surname)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
