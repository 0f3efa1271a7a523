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
	register("experts", command{usage: "[--json]", setup: expertsCommand})
	register("expert", command{create: true, usage: "--name NAAM [--salutation mevrouw|heer|neutral] [--initials VOORLETTERS] [--surname ACHTERNAAM] [--title TITEL] [--title-after TITEL] [--organisation ORG] [--address REGEL] [--address2 REGEL] [--postcode PC] [--city PLAATS] [--country LAND] [--email ADRES] [--signed JJJJ-MM-DD] [--id ID (bijwerken)]", setup: expertCommand})
	register("consent", command{usage: "KENMERK --how HOE --scope STUKKEN [--on JJJJ-MM-DD] | KENMERK --withdraw [--on JJJJ-MM-DD]", setup: consentCommand})
	register("share", command{usage: "KENMERK --expert ID --documents TEKST [--on JJJJ-MM-DD]", setup: shareCommand})
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
		return stepDone(c, "bijlage "+filepath.Base(name)+" toegevoegd", func(s *data.Store, ref string) error {
			_, err := s.AddAttachment(ref, name, content)
			return err
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

func consentCommand(fs *flag.FlagSet) func(c *call) error {
	var ct data.Consent
	fs.StringVar(&ct.How, "how", "", "hoe de toestemming is gegeven")
	fs.StringVar(&ct.Scope, "scope", "", "voor welke stukken")
	on := fs.String("on", "", "datum, standaard vandaag")
	withdraw := fs.Bool("withdraw", false, "de klager trekt de toestemming in")
	return func(c *call) error {
		d, err := date(*on)
		if err != nil {
			return err
		}
		if *withdraw {
			return stepDone(c, "toestemming ingetrokken", func(s *data.Store, ref string) error { return s.WithdrawConsent(ref, d) })
		}
		ct.GivenOn = d
		return stepDone(c, "toestemming vastgelegd", func(s *data.Store, ref string) error { return s.GiveConsent(ref, ct) })
	}
}

func shareCommand(fs *flag.FlagSet) func(c *call) error {
	var sh data.Share
	expert := fs.String("expert", "", "ID van de deskundige (zie 'experts')")
	fs.StringVar(&sh.Documents, "documents", "", "welke stukken")
	on := fs.String("on", "", "datum, standaard vandaag")
	return func(c *call) error {
		var err error
		if sh.ExpertID, err = strconv.ParseInt(*expert, 10, 64); err != nil {
			return usagef("geef de deskundige op met --expert ID; 'klachtenregister-cli experts' toont de nummers")
		}
		if sh.SharedOn, err = date(*on); err != nil {
			return err
		}
		return stepDone(c, "stukken gedeeld", func(s *data.Store, ref string) error {
			_, err := s.ShareDocuments(ref, sh)
			return err
		})
	}
}
