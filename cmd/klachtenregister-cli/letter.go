package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"klachtenregister/data"
	"klachtenregister/letters"
)

func init() {
	register("letter", command{output: true, usage: "KENMERK acknowledgement|information|progress|outcome|consent|confidentiality|withdrawal -o BESTAND.pdf [--force] [--lang nl|en] [--date JJJJ-MM-DD] [--expert ID] [--documents TEKST] | letter calibration -o BESTAND.pdf [--force] [--lang nl|en] | letter samples -o MAP [--force]",
		setup: letterCommand})
	register("letter-sent", command{usage: "KENMERK SOORT --via post|email|hand [--on JJJJ-MM-DD]", setup: letterSentCommand})
	register("letters", command{usage: "KENMERK [--json]", setup: lettersCommand})
	register("letter-copy", command{output: true, usage: "KENMERK SOORT -o BESTAND.pdf [--force] [--version N]", setup: letterCopyCommand})
}

// letterArgs reads KENMERK SOORT.
func (c *call) letterArgs() (string, data.LetterKind, error) {
	if len(c.args) != 2 {
		return "", "", usagef("geef een kenmerk en een soort brief; gebruik: klachtenregister-cli %s %s", c.name, c.usage)
	}
	kind, err := data.ParseLetterKind(c.args[1])
	return strings.ToUpper(strings.TrimSpace(c.args[0])), kind, err
}

// outputPath checks -o before the register is touched, so a typo or a refused file changes nothing.
func (c *call) outputPath(path string) (string, error) {
	if path == "" {
		return "", usagef("geef met -o het PDF-bestand op waarin de brief komt, bijvoorbeeld -o brief.pdf")
	}
	return path, c.output(path, "brief.pdf")
}

func letterCommand(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("o", "", "PDF-bestand")
	lang := fs.String("lang", "", "taal van de brief (standaard de instelling language)")
	expert := fs.Int64("expert", 0, "deskundige die de geheimhoudingsverklaring tekent")
	documents := fs.String("documents", "", "stukken voor de deskundige (toestemmingsformulier, geheimhoudingsverklaring)")
	on := fs.String("date", "", "datum van de brief: vandaag (standaard) of tot 14 dagen vooruit")
	return func(c *call) error {
		if len(c.args) == 1 && c.args[0] == "samples" {
			return samples(c, *out)
		}
		path, err := c.outputPath(*out)
		if err != nil {
			return err
		}
		if *lang != "" {
			if _, err := data.ParseLanguage(*lang); err != nil {
				return err
			}
		}
		if len(c.args) == 1 && c.args[0] == "calibration" {
			return calibration(c, path, *lang)
		}
		ref, kind, err := c.letterArgs()
		if err != nil {
			return err
		}
		day, err := date(*on)
		if err != nil {
			return err
		}
		today := data.Today(c.now())
		if day.IsZero() {
			day = today
		}
		if err := data.CheckLetterDate(day, today); err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := c.output(path, "brief.pdf"); err != nil { // again, now with the register's own backup folder
			return err
		}
		l, pdf, err := letters.Generate(s, letters.Request{Reference: ref, Kind: kind, Language: *lang,
			Date: day, ExpertID: *expert, Documents: *documents})
		if err != nil {
			return err
		}
		if err := c.writeOutput(path, pdf); err != nil {
			return fmt.Errorf("de brief is bewaard (versie %d), maar: %w; maak een kopie met letter-copy", l.Version, err)
		}
		fmt.Fprintf(c.stdout, "%s: %s versie %d (%s) bewaard en geschreven naar %s\n", ref, l.Kind.Label(), l.Version, l.Language, path)
		return nil
	}
}

// calibration writes the test sheet for the window envelope, in lang or else the setting language.
func calibration(c *call, path, lang string) error {
	s, err := c.open()
	if err != nil {
		return err
	}
	set, err := s.Settings()
	if err != nil {
		return err
	}
	if lang != "" {
		set[data.KeyLanguage] = lang
	}
	var buf bytes.Buffer
	if err := letters.Calibration(&buf, set); err != nil {
		return err
	}
	if err := c.writeOutput(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Proefvel adresvenster geschreven naar %s; druk het af op 100%% en houd het tegen een vensterenvelop\n", path)
	return nil
}

// samples writes the sample set of letters (letters.Samples) into dir, on the register's
// letterhead, to read before sending letters. Nothing is stored in the register.
func samples(c *call, dir string) error {
	if dir == "" {
		return usagef("geef met -o de map waarin de voorbeeldbrieven komen, bijvoorbeeld -o voorbeeldbrieven")
	}
	switch info, err := os.Stat(dir); {
	case os.IsNotExist(err):
		return usagef("de map %s bestaat niet; maak hem eerst aan of kies een bestaande map", dir)
	case err != nil:
		return data.Unreadable(dir, err)
	case !info.IsDir():
		return usagef("%s is een bestand en geen map; geef met -o de map op waarin de voorbeeldbrieven komen, bijvoorbeeld -o voorbeeldbrieven", dir)
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	set, err := s.Settings()
	if err != nil {
		return err
	}
	list, err := letters.Samples(set)
	if err != nil {
		return err
	}
	for _, sm := range list {
		if err := c.writeOutput(filepath.Join(dir, sm.Name), sm.PDF); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.stdout, "%d voorbeeldbrieven geschreven naar %s\n", len(list), dir)
	return nil
}

func letterSentCommand(fs *flag.FlagSet) func(c *call) error {
	on := fs.String("on", "", "verzenddatum, standaard vandaag")
	via := fs.String("via", "", "post, email of hand")
	return func(c *call) error {
		ref, kind, err := c.letterArgs()
		if err != nil {
			return err
		}
		d, err := date(*on)
		if err != nil {
			return err
		}
		if *via == "" {
			return usagef("geef met --via op hoe de brief is verstuurd: post, email of hand")
		}
		v, err := data.ParseDelivery(*via)
		if err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		l, err := s.LatestLetter(ref, kind)
		if err != nil {
			return err
		}
		if err := s.MarkLetterSent(l.ID, d, v); err != nil {
			return err
		}
		got, err := s.Complaint(ref)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: %s versie %d %s; status nu %q\n", ref, l.Kind.Label(), l.Version, v.Sent(), got.Status.Label())
		return nil
	}
}

func lettersCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		ref, s, err := c.openRef()
		if err != nil {
			return err
		}
		list, err := s.Letters(ref)
		if err != nil {
			return err
		}
		if c.json {
			return writeJSON(c.stdout, empty(list))
		}
		if len(list) == 0 {
			fmt.Fprintf(c.stdout, "Bij %s zijn nog geen brieven gemaakt.\n", ref)
			return nil
		}
		tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSOORT\tVERSIE\tTAAL\tGEMAAKT\tGEDATEERD\tVERSTUURD")
		for _, l := range list {
			sent := "nog niet"
			if !l.SentOn.IsZero() {
				sent = l.SentOn.String() + " " + l.SentVia.Label()
			}
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\n", l.ID, l.Kind.Label(), l.Version, l.Language, l.CreatedAt.Local().Format("2006-01-02 15:04"), l.DatedOn, sent)
		}
		return tw.Flush()
	}
}

func letterCopyCommand(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("o", "", "PDF-bestand")
	version := fs.Int("version", 0, "versie, standaard de nieuwste")
	return func(c *call) error {
		path, err := c.outputPath(*out)
		if err != nil {
			return err
		}
		ref, kind, err := c.letterArgs()
		if err != nil {
			return err
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		found, err := findLetter(s, ref, kind, *version)
		if err != nil {
			return err
		}
		pdf, err := s.LetterPDF(found.ID)
		if err != nil {
			return err
		}
		if err := c.writeOutput(path, pdf); err != nil {
			return err
		}
		as := "zoals bewaard; nog niet als verstuurd gemarkeerd"
		if !found.SentOn.IsZero() {
			as = "zoals verstuurd op " + found.SentOn.String()
		}
		fmt.Fprintf(c.stdout, "%s: %s versie %d gekopieerd naar %s (ongewijzigd, %s)\n", ref, kind.Label(), found.Version, path, as)
		return nil
	}
}

// findLetter is the stored letter of a kind for a complaint: the given version, or the
// newest when version is 0.
func findLetter(s *data.Store, ref string, kind data.LetterKind, version int) (data.Letter, error) {
	if version == 0 {
		return s.LatestLetter(ref, kind)
	}
	list, err := s.Letters(ref)
	if err != nil {
		return data.Letter{}, err
	}
	for _, l := range list {
		if l.Kind == kind && l.Version == version {
			return l, nil
		}
	}
	return data.Letter{}, data.NewError(data.CodeNotFound, "", "bij %s is geen %s versie %d bewaard", ref, kind, version)
}
