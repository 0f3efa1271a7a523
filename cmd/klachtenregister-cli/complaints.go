package main

import (
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"

	"klachtenregister/data"
)

func init() {
	register("add", command{create: true,
		usage: "--name NAAM --summary TEKST --channel conversation|phone|letter|email|other [--formal] [--taken-by NAAM --explicit-request] [--anonymous] [--received JJJJ-MM-DD] [--subject employee|service|organisation|other] [--person NAAM] [--handler NAAM] [--description TEKST] [--desired TEKST] [--address REGEL] [--address2 REGEL] [--postcode PC] [--city PLAATS] [--country LAND] [--email ADRES] [--phone NUMMER] [--organisation NAAM] [--salutation mevrouw|heer|neutral] [--initials VOORLETTERS] [--surname ACHTERNAAM] [--letter-description TEKST] [--language nl|en] [--on-behalf-of NAAM --rep-address REGEL --rep-city PLAATS [--rep-postcode PC] [--rep-address2 REGEL] [--rep-organisation NAAM] [--rep-country LAND] [--rep-salutation mevrouw|heer|neutral] [--rep-initials VOORLETTERS] [--rep-surname ACHTERNAAM] [--rep-email ADRES]]",
		setup: addCommand})
	register("list", command{usage: "[--json] [--status S] [--overdue] [--search TEKST] [--year JJJJ]", setup: listCommand})
	register("show", command{usage: "KENMERK [--json]", setup: showCommand})
	register("deadlines", command{usage: "[--json]", setup: deadlinesCommand})
}

func addCommand(fs *flag.FlagSet) func(c *call) error {
	var c data.Complaint
	p, r := &c.Complainant, &c.Representative
	salutation := fs.String("salutation", "", "aanhef in de brieven: mevrouw, heer of neutral (standaard neutral)")
	repSalutation := fs.String("rep-salutation", "", "aanhef van de gemachtigde")
	received := fs.String("received", "", "datum van ontvangst, standaard vandaag")
	channel := fs.String("channel", "", "hoe de klacht binnenkwam")
	subject := fs.String("subject", string(data.SubjectOther), "waar de klacht over gaat")
	fs.BoolVar(&c.Formal, "formal", false, "formele klachtenprocedure")
	fs.BoolVar(&c.Anonymous, "anonymous", false, "anoniem, zonder naam: alleen informeel, voor de evaluatie")
	fs.StringVar(&c.TakenBy, "taken-by", "", "telefonische formele klacht: wie het gesprek aannam")
	fs.BoolVar(&c.ExplicitRequest, "explicit-request", false, "telefonische formele klacht: de klager vroeg uitdrukkelijk om de formele procedure")
	for _, f := range []struct {
		name string
		dst  *string
	}{{"name", &p.Name}, {"summary", &c.Summary}, {"person", &c.PersonNamed}, {"handler", &c.Handler},
		{"description", &c.Description}, {"desired", &c.Desired}, {"address", &p.AddressLine1},
		{"address2", &p.AddressLine2}, {"postcode", &p.Postcode}, {"city", &p.City}, {"country", &p.Country},
		{"email", &p.Email}, {"phone", &p.Phone}, {"initials", &p.Initials}, {"surname", &p.Surname},
		{"letter-description", &c.LetterDescription}, {"language", &c.Language}, {"on-behalf-of", &r.Name},
		{"rep-initials", &r.Initials}, {"rep-surname", &r.Surname}, {"rep-address", &r.AddressLine1},
		{"rep-address2", &r.AddressLine2}, {"rep-postcode", &r.Postcode}, {"rep-city", &r.City},
		{"rep-country", &r.Country}, {"rep-email", &r.Email}, {"organisation", &p.Organisation},
		{"rep-organisation", &r.Organisation}} {
		fs.StringVar(f.dst, f.name, "", "")
	}
	return func(cl *call) error {
		if err := cl.noArgs(); err != nil {
			return err
		}
		var err error
		if c.ReceivedOn, err = date(*received); err != nil {
			return err
		}
		if c.ReceivedOn.IsZero() {
			c.ReceivedOn = data.Today(cl.now())
		}
		if *channel == "" {
			return usagef("geef op hoe de klacht binnenkwam met --channel (%s)", strings.Join(names(data.Channels), ", "))
		}
		if c.Channel, err = data.ParseChannel(*channel); err != nil {
			return err
		}
		if c.Subject, err = data.ParseSubject(*subject); err != nil {
			return err
		}
		for _, s := range []struct {
			flag string
			dst  *data.Salutation
		}{{*salutation, &p.Salutation}, {*repSalutation, &r.Salutation}} {
			if s.flag != "" {
				if *s.dst, err = data.ParseSalutation(s.flag); err != nil {
					return err
				}
			}
		}
		set, err := cl.settings()
		if err != nil {
			return err
		}
		if err := c.Validate(data.Today(cl.now()), set); err != nil {
			return err
		}
		s, err := cl.open()
		if err != nil {
			return err
		}
		ref, err := s.Create(c)
		if err != nil {
			return err
		}
		fmt.Fprintln(cl.stdout, ref)
		return nil
	}
}

func listCommand(fs *flag.FlagSet) func(c *call) error {
	status := fs.String("status", "", "alleen klachten met deze status")
	overdue := fs.Bool("overdue", false, "alleen klachten met een verlopen termijn")
	search := fs.String("search", "", "zoeken in de tekst")
	year := fs.Int("year", 0, "jaar van ontvangst")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		f := data.Filter{Overdue: *overdue, Search: *search, Year: *year}
		if *status != "" {
			st, err := data.ParseStatus(*status)
			if err != nil {
				return err
			}
			f.Status = st
		}
		if *year != 0 && (*year < 1900 || *year > 9999) {
			return usagef("--year %d is geen geldig jaar; schrijf vier cijfers, zoals 2026", *year)
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		listed, err := s.List(f)
		if err != nil {
			return err
		}
		rows := make([]listRow, len(listed))
		for i, l := range listed {
			rows[i] = newListRow(l)
		}
		if c.json {
			return writeJSON(c.stdout, rows)
		}
		printList(c.stdout, rows)
		return nil
	}
}

func showCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		f, err := s.File(ref)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.stdout, newFileJSON(f))
		}
		printFile(c.stdout, f)
		return nil
	}
}

func deadlinesCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		items, err := s.Deadlines()
		if err != nil {
			return err
		}
		if c.json {
			if items == nil {
				items = []data.ActionItem{}
			}
			return writeJSON(c.stdout, items)
		}
		if len(items) == 0 {
			fmt.Fprintln(c.stdout, "Er staat niets te doen.")
		}
		warnWidth := 0 // the longest warning ("bijna verlopen"): the dates line up, in the same column every day
		for _, w := range []data.Warning{data.WarningOK, data.WarningDueSoon, data.WarningOverdue} {
			warnWidth = max(warnWidth, utf8.RuneCountInString(w.Label()))
		}
		for _, it := range items {
			who := it.Complainant
			if it.Organisation != "" { // as list names them: the contact person and the organisation
				who += ", " + it.Organisation
			}
			if it.MeasureID != 0 || it.Kind == data.ItemRetention {
				who = it.Detail // a measure's or the register's item concerns no complainant
			}
			if who != "" { // an anonymous complaint has no name
				who = " (" + who + ")"
			}
			fmt.Fprintf(c.stdout, "%-11s  %-*s  %s  %s - %s%s\n", it.Reference, warnWidth, it.Warning.Label(), it.DueOn,
				it.Label, it.When(), who)
		}
		return nil
	}
}

func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
