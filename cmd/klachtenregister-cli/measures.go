package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"klachtenregister/data"
)

func init() {
	register("measures", command{usage: "[--json] [--open | --done] [--ref KENMERK]", setup: measuresCommand})
	register("measure-add", command{usage: "--description TEKST --cause OORZAAK [--owner NAAM] [--due JJJJ-MM-DD] [--ref KENMERK ...]",
		setup: measureAddCommand})
	register("measure-edit", command{usage: "CODE [--description TEKST] [--cause OORZAAK] [--owner NAAM] [--due JJJJ-MM-DD]",
		setup: measureEditCommand})
	register("measure-link", command{usage: "CODE KENMERK", setup: measureLinkCommand((*data.Store).LinkMeasure, "gekoppeld aan")})
	register("measure-unlink", command{usage: "CODE KENMERK", setup: measureLinkCommand((*data.Store).UnlinkMeasure, "ontkoppeld van")})
	register("measure-done", command{usage: "CODE [--on JJJJ-MM-DD]", setup: measureDoneCommand})
	register("measure-evaluate", command{usage: "CODE --effective yes|no --note TEKST [--on JJJJ-MM-DD]", setup: measureEvaluateCommand})
	register("no-measure", command{usage: "KENMERK --reason TEKST", setup: noMeasureCommand})
	register("root-causes", command{usage: "[--json] | root-causes add NAAM", setup: rootCausesCommand})
}

// measureJSON is one measure in `measures --json`, with where it stands today.
type measureJSON struct {
	data.Measure
	State data.MeasureState `json:"state"`
}

func measuresCommand(fs *flag.FlagSet) func(c *call) error {
	var f data.MeasureFilter
	fs.BoolVar(&f.Open, "open", false, "alleen maatregelen die nog moeten worden uitgevoerd")
	fs.BoolVar(&f.Done, "done", false, "alleen uitgevoerde maatregelen")
	fs.StringVar(&f.Reference, "ref", "", "alleen maatregelen bij deze klacht")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if f.Open && f.Done {
			return usagef("kies --open of --done, niet allebei")
		}
		f.Reference = strings.ToUpper(strings.TrimSpace(f.Reference))
		s, err := c.open()
		if err != nil {
			return err
		}
		list, err := s.Measures(f)
		if err != nil {
			return err
		}
		today := data.Today(c.now())
		if c.json {
			out := make([]measureJSON, len(list))
			for i, m := range list {
				m.Complaints = empty(m.Complaints)
				out[i] = measureJSON{m, m.State(today)}
			}
			return writeJSON(c.stdout, out)
		}
		if len(list) == 0 {
			fmt.Fprintln(c.stdout, "Geen verbetermaatregelen gevonden.")
			return nil
		}
		tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CODE\tOORZAAK\tSTREEFDATUM\tUITGEVOERD\tSTAND\tKLACHTEN\tMAATREGEL")
		for _, m := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Code, m.RootCauseLabel, m.DueOn, m.DoneOn,
				m.State(today).Label(), strings.Join(m.Complaints, " "), oneLine(m.Description))
		}
		return tw.Flush()
	}
}

// refList collects a flag that may be given more than once, such as --ref.
type refList []string

func (r *refList) String() string { return strings.Join(*r, ",") }
func (r *refList) Set(v string) error {
	*r = append(*r, strings.ToUpper(strings.TrimSpace(v)))
	return nil
}

func measureAddCommand(fs *flag.FlagSet) func(c *call) error {
	var m data.Measure
	var refs refList
	fs.StringVar(&m.Description, "description", "", "wat de maatregel inhoudt")
	fs.StringVar(&m.RootCause, "cause", "", "de oorzaak die de maatregel aanpakt (zie root-causes)")
	fs.StringVar(&m.Owner, "owner", "", "wie de maatregel uitvoert")
	due := fs.String("due", "", "datum waarop de maatregel klaar moet zijn")
	fs.Var(&refs, "ref", "kenmerk van een klacht die de maatregel beantwoordt (mag vaker)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if strings.TrimSpace(m.Description) == "" || strings.TrimSpace(m.RootCause) == "" {
			return usagef("geef --description en --cause; 'root-causes' toont de oorzaken")
		}
		var err error
		if m.DueOn, err = date(*due); err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		added, err := s.AddMeasure(m, refs...)
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, added.Code)
		return nil
	}
}

func measureEditCommand(fs *flag.FlagSet) func(c *call) error {
	description := fs.String("description", "", "wat de maatregel inhoudt")
	cause := fs.String("cause", "", "de oorzaak die de maatregel aanpakt")
	owner := fs.String("owner", "", "wie de maatregel uitvoert")
	due := fs.String("due", "", "datum waarop de maatregel klaar moet zijn; leeg: geen datum")
	return func(c *call) error {
		code, err := c.code(1)
		if err != nil {
			return err
		}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		dueOn, err := date(*due)
		if err != nil {
			return err
		}
		if !set["description"] && !set["cause"] && !set["owner"] && !set["due"] {
			return usagef("geef wat verandert: --description, --cause, --owner en/of --due")
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		m, err := s.Measure(code)
		if err != nil {
			return err
		}
		for name, apply := range map[string]func(){"description": func() { m.Description = *description },
			"cause": func() { m.RootCause = *cause }, "owner": func() { m.Owner = *owner }, "due": func() { m.DueOn = dueOn }} {
			if set[name] {
				apply()
			}
		}
		if err := s.EditMeasure(*m); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: gewijzigd\n", m.Code)
		return nil
	}
}

// code checks that a measure command got n arguments, the first a measure's code, and returns it.
func (c *call) code(n int) (string, error) {
	if len(c.args) != n || !strings.HasPrefix(strings.ToUpper(c.args[0]), "M-") {
		return "", usagef("geef de code van de verbetermaatregel, zoals M-2026-003; gebruik: klachtenregister-cli %s %s", c.name, c.usage)
	}
	return strings.ToUpper(strings.TrimSpace(c.args[0])), nil
}

func measureLinkCommand(step func(s *data.Store, code, ref string) error, done string) func(fs *flag.FlagSet) func(c *call) error {
	return func(fs *flag.FlagSet) func(c *call) error {
		return func(c *call) error {
			code, err := c.code(2)
			if err != nil {
				return err
			}
			ref := strings.ToUpper(strings.TrimSpace(c.args[1]))
			s, err := c.open()
			if err != nil {
				return err
			}
			if err := step(s, code, ref); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s: %s %s\n", code, done, ref)
			return nil
		}
	}
}

func measureDoneCommand(fs *flag.FlagSet) func(c *call) error {
	on := fs.String("on", "", "datum van uitvoering, standaard vandaag")
	return func(c *call) error {
		code, err := c.code(1)
		if err != nil {
			return err
		}
		d, err := date(*on)
		if err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := s.MeasureDone(code, d); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: uitgevoerd\n", code)
		return nil
	}
}

func measureEvaluateCommand(fs *flag.FlagSet) func(c *call) error {
	on := fs.String("on", "", "datum van de evaluatie, standaard vandaag")
	effective := fs.String("effective", "", "yes of no")
	note := fs.String("note", "", "waarop het oordeel over het effect berust")
	return func(c *call) error {
		code, err := c.code(1)
		if err != nil {
			return err
		}
		yes, known := map[string]bool{"yes": true, "ja": true, "no": false, "nee": false}[strings.ToLower(*effective)]
		if !known {
			return usagef("geef met --effective yes of --effective no aan of de maatregel werkt")
		}
		d, err := date(*on)
		if err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := s.EvaluateMeasure(code, d, yes, *note); err != nil {
			return err
		}
		effect := data.EffectNotEffective
		if yes {
			effect = data.EffectEffective
		}
		fmt.Fprintf(c.stdout, "%s: effect beoordeeld als %s\n", code, effect.Label())
		return nil
	}
}

func noMeasureCommand(fs *flag.FlagSet) func(c *call) error {
	reason := fs.String("reason", "", "waarom er geen verbetermaatregel nodig is")
	return func(c *call) error {
		if strings.TrimSpace(*reason) == "" {
			return usagef("geef met --reason aan waarom er geen verbetermaatregel nodig is")
		}
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		if err := s.RecordNoMeasure(ref, *reason); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: vastgelegd waarom geen verbetermaatregel nodig is\n", ref)
		return nil
	}
}

func rootCausesCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if len(c.args) > 0 && c.args[0] == "add" {
			if len(c.args) != 2 || strings.TrimSpace(c.args[1]) == "" {
				return usagef("geef de naam van de nieuwe oorzaak, bijvoorbeeld: root-causes add \"Privacy\"")
			}
			s, err := c.open()
			if err != nil {
				return err
			}
			rc, err := s.AddRootCause(c.args[1])
			if err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "Oorzaak %q toegevoegd met code %s\n", rc.Label, rc.Code)
			return nil
		}
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		causes, err := s.RootCauses()
		if err != nil {
			return err
		}
		return c.table(causes, func(w io.Writer) {
			for _, rc := range causes {
				fmt.Fprintf(w, "%s\t%s\n", rc.Code, rc.Label)
			}
		})
	}
}
