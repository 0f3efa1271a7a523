package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"klachtenregister/data"
)

func init() {
	register("anonymise", command{usage: "[--closed-before JJJJ-MM-DD] [--dry-run] [--json]", setup: anonymiseCommand})
	register("erase", command{usage: "KENMERK --reason TEKST [--withdraw]", setup: eraseCommand})
	register("hold", command{usage: "KENMERK --reason TEKST | hold KENMERK --release", setup: holdCommand})
	register("export-person", command{output: true, usage: "KENMERK -o BESTAND.zip [--force]", setup: exportPersonCommand})
}

// anonymiseResult is what anonymise --json prints.
type anonymiseResult struct {
	DryRun     bool                 `json:"dry_run"`
	Due        []data.RetentionCase `json:"due"`        // the files past retention (or the cut-off), held ones included
	Anonymised []string             `json:"anonymised"` // references anonymised now; none with --dry-run
	Held       []string             `json:"held"`       // skipped: under legal hold
	Removes    []string             `json:"removes"`
	Keeps      []string             `json:"keeps"`
}

func anonymiseCommand(fs *flag.FlagSet) func(c *call) error {
	before := fs.String("closed-before", "", "alle dossiers gesloten of ingetrokken vóór deze datum, ook binnen de bewaartermijn")
	dryRun := fs.Bool("dry-run", false, "alleen tonen wat zou worden geanonimiseerd; niets wijzigen")
	return func(c *call) error {
		cut, err := date(*before)
		if err != nil {
			return err
		}
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		due, err := s.RetentionDue(data.Today(c.now()), cut)
		if err != nil {
			return err
		}
		res := anonymiseResult{DryRun: *dryRun, Due: due, Anonymised: []string{}, Held: []string{},
			Removes: dutch(data.AnonymiseRemoves), Keeps: dutch(data.AnonymiseKeeps)}
		if res.Due == nil {
			res.Due = []data.RetentionCase{}
		}
		var refs []string
		for _, rc := range due {
			if rc.Held {
				res.Held = append(res.Held, rc.Reference)
			} else {
				refs = append(refs, rc.Reference)
			}
		}
		if !*dryRun && len(refs) > 0 {
			reason := data.RetentionReason
			if !cut.IsZero() {
				reason = "dossier gesloten vóór " + cut.Dutch()
			}
			if _, err := s.Anonymise(refs, reason); err != nil {
				return err
			}
			res.Anonymised = refs
		}
		return c.table(res, func(w io.Writer) { printAnonymise(w, res, refs) })
	}
}

func printAnonymise(w io.Writer, res anonymiseResult, refs []string) {
	if len(res.Due) == 0 {
		fmt.Fprintln(w, "Er zijn geen dossiers over de bewaartermijn.")
		return
	}
	fmt.Fprintln(w, "KENMERK\tSTATUS\tAFGEROND\tBEWAREN TOT\tBEWAARPLICHT")
	var copies []string // the erasure must reach the experts too (art. 19 AVG)
	for _, rc := range res.Due {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", rc.Reference, rc.Status.Label(), rc.ClosedOn, rc.DueOn, rc.HoldReason)
		if len(rc.CopiesWith) > 0 && !rc.Held {
			copies = append(copies, fmt.Sprintf("  %s: %s", rc.Reference, strings.Join(rc.CopiesWith, ", ")))
		}
	}
	if len(copies) > 0 {
		fmt.Fprintf(w, "\nEr liggen nog kopieën van stukken bij een deskundige:\n%s\n", strings.Join(copies, "\n"))
		fmt.Fprintln(w, "Vraag de kopieën terug of laat ze vernietigen, en meld daarbij dat de gegevens van de klager zijn gewist; het dossier ('show') blijft ernaar vragen tot 'copies-returned' het vastlegt.")
	}
	switch {
	case res.DryRun:
		fmt.Fprintf(w, "\nAnonimiseren (zonder --dry-run) verwijdert bij %s:\n", counted(len(refs), "dossier", "dossiers"))
		for _, r := range res.Removes {
			fmt.Fprintf(w, "- %s\n", r)
		}
		fmt.Fprintln(w, "Blijft bewaard:")
		for _, k := range res.Keeps {
			fmt.Fprintf(w, "- %s\n", k)
		}
		fmt.Fprintln(w, "Er is niets gewijzigd (--dry-run).")
	case len(res.Anonymised) > 0:
		// The table above names them; on a large register a list here ran to thousands.
		fmt.Fprintf(w, "\n%s geanonimiseerd (in de tabel hierboven", counted(len(res.Anonymised), "dossier", "dossiers"))
		if len(res.Held) > 0 {
			fmt.Fprint(w, ", behalve die onder bewaarplicht")
		}
		fmt.Fprintln(w, ").")
		fmt.Fprintln(w, data.AnonymiseBackupNote)
	}
	if len(res.Held) > 0 {
		fmt.Fprintf(w, "Overgeslagen wegens juridische bewaarplicht: %s.\n", strings.Join(res.Held, ", "))
	}
}

func eraseCommand(fs *flag.FlagSet) func(c *call) error {
	reason := fs.String("reason", "", "waarom: bijvoorbeeld verzoek van de klager van 3 maart")
	withdraw := fs.Bool("withdraw", false, "leg bij een lopende klacht eerst de intrekking vast")
	return func(c *call) error {
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		if err := s.Erase(ref, *reason, *withdraw); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: persoonsgegevens gewist; kenmerk, datums en cijfers voor het jaarverslag blijven bewaard. %s\n",
			ref, data.AnonymiseBackupNote)
		// The erasure must reach the experts too (art. 19 AVG); should this read fail, the
		// erasure is done all the same and 'deadlines' still names them.
		if out, err := s.CopiesOut(ref); err == nil {
			printCopiesOut(c.stdout, ref, out, " en meld daarbij dat de gegevens van de klager zijn gewist")
		}
		return nil
	}
}

func holdCommand(fs *flag.FlagSet) func(c *call) error {
	reason := fs.String("reason", "", "waarom de klacht bewaard moet blijven, bijvoorbeeld een lopende tuchtzaak")
	release := fs.Bool("release", false, "hef de juridische bewaarplicht op")
	return func(c *call) error {
		if *release == (*reason != "") {
			return usagef("geef --reason TEKST om een juridische bewaarplicht vast te leggen, of --release om die op te heffen; gebruik: klachtenregister-cli hold %s", c.usage)
		}
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		if *release {
			if err := s.ReleaseHold(ref); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "%s: juridische bewaarplicht opgeheven; de bewaartermijn geldt weer\n", ref)
			return nil
		}
		if err := s.Hold(ref, *reason); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: juridische bewaarplicht vastgelegd; de klacht wordt niet geanonimiseerd of gewist tot die is opgeheven\n", ref)
		return nil
	}
}

func exportPersonCommand(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("o", "", "ZIP-bestand")
	return func(c *call) error {
		if *out == "" {
			return usagef("geef met -o het ZIP-bestand op, bijvoorbeeld -o inzage.zip")
		}
		if err := c.output(*out, "inzage.zip"); err != nil {
			return err
		}
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		zip, err := s.ExportPerson(ref)
		if err != nil {
			return err
		}
		if err := c.writeOutput(*out, zip); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: alle gegevens over de klager staan in %s (met LEESMIJ.txt)\n", ref, *out)
		return nil
	}
}

// dutch is each text as the CLI prints it.
func dutch(ts []data.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.String()
	}
	return out
}
