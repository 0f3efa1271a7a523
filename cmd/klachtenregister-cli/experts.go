package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"klachtenregister/data"
)

func init() {
	register("attach", command{usage: "KENMERK BESTAND", setup: attachCommand})
	register("detach", command{usage: "KENMERK --attachment ID --reason TEKST", setup: detachCommand})
	register("experts", command{usage: "[--json]", setup: expertsCommand})
	register("expert", command{create: true, usage: "--name NAAM [--salutation mevrouw|heer|neutral] [--initials VOORLETTERS] [--surname ACHTERNAAM] [--title TITEL] [--title-after TITEL] [--organisation ORG] [--address REGEL] [--address2 REGEL] [--postcode PC] [--city PLAATS] [--country LAND] [--email ADRES] [--signed JJJJ-MM-DD] [--id ID (bijwerken)]", setup: expertCommand})
	register("consent", command{
		usage: "KENMERK --how HOE (--all | --letter ID ... --attachment ID ...) [--on JJJJ-MM-DD] | KENMERK --refused [--how HOE] [--on JJJJ-MM-DD] | KENMERK --withdraw [--on JJJJ-MM-DD]",
		setup: consentCommand})
	register("expert-statement", command{usage: "KENMERK --expert ID --signed JJJJ-MM-DD", setup: statementCommand})
	register("share", command{usage: "KENMERK --expert ID (--letter ID | --attachment ID) ... [--on JJJJ-MM-DD]", setup: shareCommand})
	register("copies-returned", command{usage: "KENMERK --expert ID [--destroyed] [--on JJJJ-MM-DD]", setup: copiesReturnedCommand})
}

func attachCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if len(c.args) != 2 {
			return usagef("gebruik: klachtenregister-cli attach %s", c.usage)
		}
		name := c.args[1]
		content, err := data.ReadAttachmentFile(name)
		if err != nil {
			return err
		}
		c.args = c.args[:1]
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		id, err := s.AddAttachment(ref, name, content)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: bijlage %d (%s) toegevoegd\n", ref, id, filepath.Base(name))
		return nil
	}
}

// detachCommand takes a document that does not belong with a complaint off it (data.RemoveAttachment).
func detachCommand(fs *flag.FlagSet) func(c *call) error {
	attachment := fs.String("attachment", "", "ID van de bijlage (zie 'show KENMERK')")
	reason := fs.String("reason", "", "waarom de bijlage weg moet; komt in het dossier")
	return func(c *call) error {
		id, err := strconv.ParseInt(*attachment, 10, 64)
		switch {
		case *attachment == "":
			return usagef("geef de bijlage op met --attachment ID; 'klachtenregister-cli show KENMERK' toont de nummers")
		case err != nil:
			return usagef("--attachment %q is geen nummer van een bijlage; 'klachtenregister-cli show KENMERK' toont de nummers", *attachment)
		}
		return stepDone(c, fmt.Sprintf("bijlage %d verwijderd", id), func(s *data.Store, ref string) error {
			return s.RemoveAttachment(ref, id, *reason)
		})
	}
}

func expertsCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		experts, err := s.Experts()
		if err != nil {
			return err
		}
		return c.table(empty(experts), func(w io.Writer) {
			fmt.Fprintln(w, "ID\tNAAM\tORGANISATIE\tGEHEIMHOUDING GETEKEND")
			for _, e := range experts {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", e.ID, e.Name, e.Organisation, e.SignedOn)
			}
		})
	}
}

func expertCommand(fs *flag.FlagSet) func(c *call) error {
	var e data.Expert
	fs.Int64Var(&e.ID, "id", 0, "bestaande deskundige bijwerken")
	fs.StringVar(&e.Name, "name", "", "naam")
	fs.StringVar(&e.Organisation, "organisation", "", "organisatie")
	fs.StringVar(&e.Email, "email", "", "e-mailadres")
	for _, f := range []struct {
		name string
		dst  *string
	}{{"initials", &e.Initials}, {"surname", &e.Surname}, {"title", &e.Title}, {"title-after", &e.TitleAfter},
		{"address", &e.AddressLine1}, {"address2", &e.AddressLine2}, {"postcode", &e.Postcode}, {"city", &e.City},
		{"country", &e.Country}} {
		fs.StringVar(f.dst, f.name, "", "")
	}
	salutation := fs.String("salutation", "", "aanhef: mevrouw, heer of neutral")
	signed := fs.String("signed", "", "datum waarop de geheimhoudingsverklaring is getekend")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		var err error
		if e.SignedOn, err = date(*signed); err != nil {
			return err
		}
		if *salutation != "" {
			if e.Salutation, err = data.ParseSalutation(*salutation); err != nil {
				return err
			}
		}
		set, err := c.settings()
		if err != nil {
			return err
		}
		if err := e.Validate(data.Today(c.now()), set); err != nil { // before a register is made
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		id, err := s.SaveExpert(e)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "deskundige %d opgeslagen\n", id)
		return nil
	}
}

// ids collects a repeatable flag of numbers, such as --letter 4 --letter 7.
type ids []int64

func (v *ids) String() string { return fmt.Sprint(*v) }

func (v *ids) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%q is geen nummer van een brief of bijlage", s)
	}
	*v = append(*v, n)
	return nil
}

func consentCommand(fs *flag.FlagSet) func(c *call) error {
	var ct data.Consent
	var letters, attachments ids
	fs.StringVar(&ct.How, "how", "", "hoe de klager heeft geantwoord (schriftelijk, per e-mail, ...)")
	fs.BoolVar(&ct.All, "all", false, "toestemming voor alle stukken uit het dossier")
	fs.Var(&letters, "letter", "ID van een brief waarvoor de toestemming geldt (herhaalbaar)")
	fs.Var(&attachments, "attachment", "ID van een bijlage waarvoor de toestemming geldt (herhaalbaar)")
	fs.BoolVar(&ct.Refused, "refused", false, "de klager weigert toestemming")
	on := fs.String("on", "", "datum, standaard vandaag")
	withdraw := fs.Bool("withdraw", false, "de klager trekt de toestemming in")
	return func(c *call) error {
		d, err := date(*on)
		if err != nil {
			return err
		}
		if *withdraw {
			if ct.Refused || !ct.Documents.None() || ct.How != "" {
				return usagef("--withdraw gaat alleen samen met --on")
			}
			return endedConsent(c, "toestemming ingetrokken", func(s *data.Store, ref string) error { return s.WithdrawConsent(ref, d) })
		}
		ct.GivenOn, ct.Letters, ct.Attachments = d, letters, attachments
		done := "toestemming vastgelegd"
		if ct.Refused {
			done = "weigering van toestemming vastgelegd"
			if ct.How == "" {
				ct.How = "niet vermeld"
			}
		}
		if ct.Refused { // a refusal after consent ends it as a withdrawal does
			return endedConsent(c, done, func(s *data.Store, ref string) error { return s.GiveConsent(ref, ct) })
		}
		return stepDone(c, done, func(s *data.Store, ref string) error { return s.GiveConsent(ref, ct) })
	}
}

// endedConsent is stepDone for an answer that ends consent (withdrawn, or refused later): it
// then names the experts who hold copies shared under it, which they may not keep.
func endedConsent(c *call, done string, step func(s *data.Store, ref string) error) error {
	var out []data.CopiesOut
	var ref string
	err := stepDone(c, done, func(s *data.Store, r string) error {
		if err := step(s, r); err != nil {
			return err
		}
		var err error
		ref = r
		out, err = s.CopiesOut(r)
		return err
	})
	if err == nil {
		printCopiesOut(c.stdout, ref, out, "")
	}
	return err
}

// printCopiesOut names the experts who hold copies of complaint ref's documents that are due
// back (consent ended, or the file ended), and what to do, with also added to the request
// (after an erasure: to tell them of it). Nothing when there are none.
func printCopiesOut(w io.Writer, ref string, out []data.CopiesOut, also string) {
	if len(out) == 0 {
		return
	}
	fmt.Fprintln(w, "Kopieën van stukken van deze klacht zijn gedeeld met:")
	why := "Nu het dossier is afgesloten, horen zij die terug te geven of te vernietigen, zoals hun geheimhoudingsverklaring belooft"
	for _, o := range out {
		fmt.Fprintf(w, "  %s (deskundige %d, laatst gedeeld op %s)\n", o.Expert, o.ExpertID, o.SharedOn)
		if !o.WithdrawnOn.IsZero() {
			why = "Zonder toestemming mogen zij die niet houden"
		}
	}
	fmt.Fprintf(w, "%s: vraag hen de kopieën terug te geven of te vernietigen%s. Leg de teruggave of vernietiging vast met 'klachtenregister-cli copies-returned %s --expert ID' (met --destroyed als ze zijn vernietigd); tot dan vraagt het dossier erom ('show').\n", why, also, ref)
}

// copiesReturnedCommand records that an expert returned, or destroyed, the copies shared under
// a consent that was withdrawn.
func copiesReturnedCommand(fs *flag.FlagSet) func(c *call) error {
	expert := fs.String("expert", "", "ID van de deskundige (zie 'experts')")
	destroyed := fs.Bool("destroyed", false, "de deskundige heeft bevestigd dat de kopieën zijn vernietigd (anders: teruggegeven)")
	on := fs.String("on", "", "datum, standaard vandaag")
	return func(c *call) error {
		id, d, err := expertOn(*expert, *on)
		if err != nil {
			return err
		}
		done := "teruggave van de kopieën vastgelegd"
		if *destroyed {
			done = "vernietiging van de kopieën vastgelegd"
		}
		return stepDone(c, done, func(s *data.Store, ref string) error {
			return s.RecordCopiesReturned(ref, data.CopiesReturned{ExpertID: id, On: d, Destroyed: *destroyed})
		})
	}
}

func expertID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, usagef("geef de deskundige op met --expert ID; 'klachtenregister-cli experts' toont de nummers")
	}
	return id, nil
}

// expertOn reads the --expert and --on flags of a step with an expert on a day.
func expertOn(expert, on string) (int64, data.Date, error) {
	id, err := expertID(expert)
	if err != nil {
		return 0, data.Date{}, err
	}
	d, err := date(on)
	return id, d, err
}

func statementCommand(fs *flag.FlagSet) func(c *call) error {
	expert := fs.String("expert", "", "ID van de deskundige (zie 'experts')")
	signed := fs.String("signed", "", "datum waarop de deskundige de geheimhoudingsverklaring voor deze klacht ondertekende")
	return func(c *call) error {
		id, err := expertID(*expert)
		if err != nil {
			return err
		}
		if *signed == "" {
			return usagef("geef de datum van ondertekening op met --signed JJJJ-MM-DD")
		}
		d, err := date(*signed)
		if err != nil {
			return err
		}
		return stepDone(c, "geheimhoudingsverklaring vastgelegd", func(s *data.Store, ref string) error { return s.RecordStatement(ref, id, d) })
	}
}

func shareCommand(fs *flag.FlagSet) func(c *call) error {
	var letters, attachments ids
	expert := fs.String("expert", "", "ID van de deskundige (zie 'experts')")
	fs.Var(&letters, "letter", "ID van een brief die u deelt (herhaalbaar; zie 'letters KENMERK')")
	fs.Var(&attachments, "attachment", "ID van een bijlage die u deelt (herhaalbaar; zie 'show KENMERK')")
	on := fs.String("on", "", "datum, standaard vandaag")
	return func(c *call) error {
		id, d, err := expertOn(*expert, *on)
		if err != nil {
			return err
		}
		sh := data.Share{ExpertID: id, SharedOn: d, Letters: letters, Attachments: attachments}
		return stepDone(c, "stukken gedeeld", func(s *data.Store, ref string) error {
			_, err := s.ShareDocuments(ref, sh)
			return err
		})
	}
}
