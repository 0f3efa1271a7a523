package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"strings"
	"time"

	"klachtenregister/data"
	"klachtenregister/data/demo"
	"klachtenregister/letters"
)

func init() {
	register("demo", command{create: true, usage: "[--count N] [--seed S]", setup: demoCommand})
	register("verify", command{usage: "[--json] [--thorough]", setup: verifyCommand})
	register("settings", command{usage: "[--json] | settings set SLEUTEL=WAARDE ...", setup: settingsCommand})
}

func demoCommand(fs *flag.FlagSet) func(c *call) error {
	count := fs.Int("count", 40, "aantal klachten")
	seed := fs.Uint64("seed", 1, "startwaarde van het toeval, voor een herhaalbaar register")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *count < 1 || *count > demo.MaxCount {
			return usagef("--count moet tussen 1 en %d liggen", demo.MaxCount)
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := demo.Fill(s, *count, *seed, letters.Renderer()); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Demoregister met %d klachten gemaakt in %s\n", *count, s.Path())
		return nil
	}
}

// verifyFailed is verify's finding: the command ran fine, the register did not pass.
type verifyFailed struct{ msg string }

func (v verifyFailed) Error() string { return v.msg }

// verifyJSON is `verify --json`; the field names are a published interface (README.md).
type verifyJSON struct {
	OK       bool        `json:"ok"`
	Events   int         `json:"events"`
	Head     string      `json:"head"`
	Anchor   *anchorJSON `json:"anchor"`
	Problems []string    `json:"problems"`
}

type anchorJSON struct {
	Date   time.Time `json:"date"`
	Source string    `json:"source"`
	File   string    `json:"file"`
	Events int       `json:"events"`
	Head   string    `json:"head"`
}

// verifyAdvice says what to do when verify finds a problem: keep the evidence, then restore.
const verifyAdvice = "Werk niet verder in het register tot dit is uitgezocht: bewaar een kopie van het bestand zoals het nu is, " +
	"met het ankerbestand ernaast, en zet zo nodig de nieuwste reservekopie die wel in orde is terug (restore meldt eerst wat daarin " +
	"ontbreekt; het huidige register wordt opzijgezet, niet verwijderd)"

func verifyCommand(fs *flag.FlagSet) func(c *call) error {
	thorough := fs.Bool("thorough", false, "controleer ook elke index van het databasebestand; duurt bijna twee keer zo lang")
	return func(c *call) error {
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		verify := s.Verify
		if *thorough {
			verify = s.VerifyThorough
		}
		v, err := verify()
		if err != nil {
			return err
		}
		if c.json {
			out := verifyJSON{OK: v.OK(), Events: v.Events, Head: v.Head, Problems: v.Problems}
			if out.Problems == nil {
				out.Problems = []string{}
			}
			if a := v.Anchor; a != nil {
				out.Anchor = &anchorJSON{Date: a.At, Source: a.Source, File: a.File, Events: a.Events, Head: a.Head}
			}
			if err := writeJSON(c.stdout, out); err != nil {
				return err
			}
			if !v.OK() {
				return verifyFailed{v.Problem}
			}
			return nil
		}
		if !v.OK() {
			return verifyFailed{strings.Join(v.Problems, "; ") + ". " + verifyAdvice}
		}
		fmt.Fprintf(c.stdout, "In orde: databasebestand intact, %s in het logboek, keten klopt, elke rij klopt met het logboek.\n",
			data.CountEvents(v.Events))
		fmt.Fprintf(c.stdout, "Kop van de keten: %s, controlecode van de laatste %s\n", data.CountEvents(v.Events), v.Head)
		if a := v.Anchor; a != nil {
			fmt.Fprintf(c.stdout, "Vergeleken met %s van %s (%s).\n", a.Source, data.LongDate(a.At), data.CountEvents(a.Events))
		} else {
			fmt.Fprintln(c.stdout, "Nog geen anker buiten het register: dat komt er zodra het register na een wijziging wordt gesloten.")
		}
		return nil
	}
}

func settingsCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		if len(c.args) > 0 && c.args[0] == "set" {
			return setSettings(c, c.args[1:])
		}
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		set, err := s.Settings()
		if err != nil {
			return err
		}
		// The value comes last, so a long text (the next body, a letter template) does not
		// push every other line as wide as itself; its further lines stay in its column.
		return c.table(set, func(w io.Writer) {
			for _, d := range data.SettingKeys() {
				lines := strings.Split(set[d.Key], "\n")
				fmt.Fprintf(w, "%s\t%s\t%s\n", d.Key, d.Label, lines[0])
				for _, l := range lines[1:] {
					fmt.Fprintf(w, "\t\t%s\n", l)
				}
			}
		})
	}
}

// setSettings checks every KEY=VALUE before storing any, so one typo changes nothing.
func setSettings(c *call, pairs []string) error {
	c.create = true
	if len(pairs) == 0 {
		return usagef("geef een of meer instellingen als SLEUTEL=WAARDE, bijvoorbeeld: settings set practice_city=Utrecht")
	}
	values, checked := map[string]string{}, map[string]string{}
	for _, p := range pairs {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			return usagef("%q heeft geen =; schrijf SLEUTEL=WAARDE", p)
		}
		clean, err := data.CheckSetting(k, v)
		if err != nil {
			return err
		}
		values[k], checked[k] = v, clean
	}
	before, err := c.settings()
	if err != nil {
		return err
	}
	set := maps.Clone(before)
	maps.Copy(set, checked)
	if err := data.CheckSettings(set); err != nil { // before a new register is made
		return err
	}
	if dir := checked[data.KeyBackupDir]; dir != "" {
		if err := data.CheckBackupDir(dir); err != nil {
			return err
		}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	if err := s.SetSettings(values); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "%s opgeslagen\n", counted(len(values), "instelling", "instellingen"))
	after, err := s.Settings()
	if err != nil {
		return err
	}
	// A new sector brings its own term and next body (see data.SetSettings): said, not silent.
	for _, d := range data.SettingKeys() {
		if _, given := values[d.Key]; !given && after[d.Key] != before[d.Key] {
			fmt.Fprintf(c.stdout, "Aangepast aan de nieuwe sector: %s is nu: %s\n", d.Key, shortened(after[d.Key]))
		}
	}
	termSet := func(k string) bool { _, given := values[k]; return given || after[k] != before[k] }
	if w := data.TermWarning(after); w.Key != "" && (termSet(data.KeyProfession) || termSet(data.KeyDeadlinePolicy) || termSet(data.KeyCustomDays)) {
		fmt.Fprintf(c.stdout, "Let op: %s.\n", w)
	}
	if p := after.DisputesBodyPlaceholder(); p != "" && after[data.KeyDisputesBody] != before[data.KeyDisputesBody] {
		fmt.Fprintf(c.stdout, "Nog in te vullen: vervang %s in disputes_body door de naam van uw geschilleninstantie "+
			"(settings set disputes_body=…); tot dan kan er geen uitkomstbrief worden gemaakt.\n", p)
	}
	return nil
}

// shortened is a setting's value on one line: a long text's first words, with "…" when more follows.
func shortened(v string) string {
	words := strings.Fields(v)
	if len(words) <= 12 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:12], " ") + " …"
}
