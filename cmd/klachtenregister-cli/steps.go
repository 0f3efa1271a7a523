package main

import (
	"flag"
	"fmt"
	"strings"

	"klachtenregister/data"
	"klachtenregister/letters"
)

func init() {
	register("escalate", command{usage: "KENMERK [--on JJJJ-MM-DD] [--taken-by NAAM --explicit-request | --in-writing (telefonische klacht)]", setup: escalateCommand})
	register("acknowledge", command{usage: "KENMERK --via email|post|hand --note TEKST [--on JJJJ-MM-DD]", setup: acknowledgeCommand})
	register("extend", command{usage: "KENMERK --until JJJJ-MM-DD --reason TEKST", setup: extendCommand})
	register("resolve", command{usage: "KENMERK --verdict well_founded|partly_well_founded|unfounded|settled --outcome TEKST [--justified yes|no] [--no-hearing-reason TEKST] [--on JJJJ-MM-DD]", setup: resolveCommand})
	register("close", command{usage: "KENMERK", setup: closeCommand})
	register("withdraw", command{usage: "KENMERK [--on JJJJ-MM-DD] [--note TEKST]", setup: withdrawCommand})
	register("reopen", command{usage: "KENMERK --reason TEKST", setup: reopenCommand})
	register("contact", command{
		usage: "KENMERK --kind phone|meeting|letter|email --note TEKST [--party complainant|concerned|other [--party-name NAAM]] [--hearing] [--on JJJJ-MM-DD] [--request TEKST --expect JJJJ-MM-DD] | KENMERK --info-received [--on JJJJ-MM-DD] [--note TEKST]",
		setup: contactCommand})
}

// stepDone runs a step on the complaint named by the single argument and reports it.
func stepDone(c *call, done string, step func(s *data.Store, ref string) error) error {
	ref, s, err := c.openRef()
	if err != nil {
		return err
	}
	if err := step(s, ref); err != nil {
		return err
	}
	got, err := s.Complaint(ref)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s: %s; status nu %q\n", ref, done, got.Status.Label())
	return nil
}

func acknowledgeCommand(fs *flag.FlagSet) func(c *call) error {
	on := fs.String("on", "", "datum, standaard vandaag")
	via := fs.String("via", "", "hoe de ontvangst schriftelijk is bevestigd: email, post of hand")
	note := fs.String("note", "", "wat u schreef")
	return func(c *call) error {
		d, err := date(*on)
		if err != nil {
			return err
		}
		return stepDone(c, "ontvangst bevestigd", func(s *data.Store, ref string) error {
			return s.Acknowledge(ref, d, data.Delivery(*via), *note)
		})
	}
}

func extendCommand(fs *flag.FlagSet) func(c *call) error {
	until := fs.String("until", "", "nieuwe datum")
	reason := fs.String("reason", "", "reden van de verlenging")
	return func(c *call) error {
		if *until == "" {
			return usagef("geef de nieuwe datum op met --until JJJJ-MM-DD")
		}
		d, err := date(*until)
		if err != nil {
			return err
		}
		if err := stepDone(c, "termijn verlengd tot "+d.String(), func(s *data.Store, ref string) error {
			return s.Extend(ref, d, *reason)
		}); err != nil {
			return err
		}
		// The reason as stored, as the complainant will read it, as the app shows it while it is
		// typed: a reason typed as half a sentence reads wrongly after the letter's own.
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		f, err := s.File(ref)
		if err != nil || f.Anonymous || len(f.Extensions) == 0 { // an anonymous complaint gets no letters
			return err
		}
		reason := f.Extensions[len(f.Extensions)-1].Reason
		fmt.Fprintf(c.stdout, "In het voortgangsbericht: %s\n", letters.TextPreview(data.LetterProgress, reason, f.Language))
		return nil
	}
}

func resolveCommand(fs *flag.FlagSet) func(c *call) error {
	verdict := fs.String("verdict", "", "oordeel")
	outcome := fs.String("outcome", "", "uitkomst")
	on := fs.String("on", "", "datum, standaard vandaag")
	justified := fs.String("justified", "", "bij settled: was de klacht (deels) terecht? yes of no")
	noHearing := fs.String("no-hearing-reason", "", "waarom niet beide partijen zijn gehoord")
	return func(c *call) error {
		v, err := data.ParseVerdict(*verdict)
		if err != nil {
			return err
		}
		d, err := date(*on)
		if err != nil {
			return err
		}
		if *justified != "" && *justified != "yes" && *justified != "no" {
			return usagef("--justified is yes of no")
		}
		r := data.Resolution{Verdict: v, Outcome: *outcome, On: d, Justified: data.Justified(*justified), NoHearingReason: *noHearing}
		return stepDone(c, "afgehandeld", func(s *data.Store, ref string) error { return s.Resolve(ref, r) })
	}
}

// closeCommand closes a file and then names the experts who still hold copies of its documents
// and the letters made for it but never marked sent, as the app's confirmation does: a closed
// file takes no changes until it is reopened.
func closeCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		var unsent []data.Letter
		var copies []data.CopiesOut
		var ref string
		if err := stepDone(c, "dossier gesloten", func(s *data.Store, r string) error {
			f, err := s.File(r)
			if err != nil {
				return err
			}
			unsent, ref = f.UnsentLetters(), r
			if err := s.CloseComplaint(r); err != nil {
				return err
			}
			copies, err = s.CopiesOut(r)
			return err
		}); err != nil {
			return err
		}
		printCopiesOut(c.stdout, ref, copies, "")
		if len(unsent) > 0 {
			names := make([]string, len(unsent))
			for i, l := range unsent {
				names[i] = fmt.Sprintf("%s (versie %d)", l.Kind.Label(), l.Version)
			}
			fmt.Fprintf(c.stdout, "Let op: niet als verstuurd gemarkeerd: %s. Is zo'n brief wel verstuurd, heropen het dossier (reopen) en markeer hem als verstuurd (letter-sent).\n", strings.Join(names, ", "))
		}
		return nil
	}
}

func withdrawCommand(fs *flag.FlagSet) func(c *call) error {
	note := fs.String("note", "", "toelichting")
	on := fs.String("on", "", "datum waarop de klager de klacht introk, standaard vandaag")
	return func(c *call) error {
		d, err := date(*on)
		if err != nil {
			return err
		}
		var copies []data.CopiesOut
		var ref string
		if err := stepDone(c, "ingetrokken", func(s *data.Store, r string) error {
			if err := s.Withdraw(r, d, *note); err != nil {
				return err
			}
			ref = r
			copies, err = s.CopiesOut(r) // the file has ended: the expert's copies are due back
			return err
		}); err != nil {
			return err
		}
		printCopiesOut(c.stdout, ref, copies, "")
		return nil
	}
}

func escalateCommand(fs *flag.FlagSet) func(c *call) error {
	on := fs.String("on", "", "datum waarop de klager om de formele procedure vroeg, standaard vandaag")
	var p data.PhoneIntake
	fs.StringVar(&p.TakenBy, "taken-by", "", "telefonische klacht: wie het gesprek aannam")
	fs.BoolVar(&p.ExplicitRequest, "explicit-request", false, "telefonische klacht: de klager vroeg uitdrukkelijk om de formele procedure")
	fs.BoolVar(&p.InWriting, "in-writing", false, "telefonische klacht: de klager diende de klacht daarna schriftelijk in (brief of e-mail)")
	return func(c *call) error {
		d, err := date(*on)
		if err != nil {
			return err
		}
		return stepDone(c, "formele klachtenprocedure gestart", func(s *data.Store, ref string) error { return s.Escalate(ref, d, p) })
	}
}

func reopenCommand(fs *flag.FlagSet) func(c *call) error {
	reason := fs.String("reason", "", "waarom het gesloten dossier wordt heropend")
	return func(c *call) error {
		return stepDone(c, "dossier heropend", func(s *data.Store, ref string) error { return s.Reopen(ref, *reason) })
	}
}

func contactCommand(fs *flag.FlagSet) func(c *call) error {
	var ct data.Contact
	kind := fs.String("kind", "", "soort contact")
	on := fs.String("on", "", "datum, standaard vandaag")
	expect := fs.String("expect", "", "datum waarop de gevraagde informatie verwacht wordt")
	received := fs.Bool("info-received", false, "de gevraagde informatie is ontvangen")
	fs.StringVar(&ct.Note, "note", "", "wat er is besproken of geschreven")
	fs.StringVar(&ct.InfoRequested, "request", "", "informatie die u de klager vraagt")
	party := fs.String("party", "", "met wie: complainant (standaard), concerned of other")
	fs.StringVar(&ct.PartyName, "party-name", "", "naam van de betrokkene")
	fs.BoolVar(&ct.Hearing, "hearing", false, "de zienswijze van deze partij op de klacht is gehoord")
	return func(c *call) error {
		var err error
		if ct.On, err = date(*on); err != nil {
			return err
		}
		if *received {
			if *kind != "" || ct.InfoRequested != "" || *party != "" || ct.PartyName != "" || ct.Hearing || *expect != "" {
				return usagef("--info-received gaat alleen samen met --on en --note")
			}
			return stepDone(c, "gevraagde informatie ontvangen", func(s *data.Store, ref string) error {
				return s.InformationReceived(ref, ct.On, ct.Note)
			})
		}
		if ct.Kind, err = data.ParseContactKind(*kind); err != nil {
			return err
		}
		if ct.Party, err = data.ParseParty(*party); err != nil {
			return err
		}
		if ct.InfoDueOn, err = date(*expect); err != nil {
			return err
		}
		return stepDone(c, "contactmoment vastgelegd", func(s *data.Store, ref string) error {
			_, err := s.AddContact(ref, ct)
			return err
		})
	}
}
