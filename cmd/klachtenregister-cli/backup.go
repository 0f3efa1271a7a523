package main

import (
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"golang.org/x/term"

	"klachtenregister/data"
)

func init() {
	register("backup", command{output: true, usage: "[-o BESTAND [--encrypt] [--force]]", setup: backupCommand})
	register("backups", command{usage: "[--json]", setup: backupsCommand})
	register("restore", command{usage: "BESTAND [--force]", setup: restoreCommand})
}

// passphraseEnv holds the passphrase for scheduled tasks, where no one can type it.
const passphraseEnv = "KLACHTENREGISTER_PASSPHRASE"

// readPassphrase takes the passphrase from KLACHTENREGISTER_PASSPHRASE or asks for it on the
// terminal without echo; a new one is asked twice. It is never stored.
func readPassphrase(c *call, confirm bool) (string, error) {
	if p := os.Getenv(passphraseEnv); p != "" {
		if confirm && len([]rune(p)) < 8 {
			return "", usagef("het wachtwoord in %s is te kort; gebruik minstens 8 tekens", passphraseEnv)
		}
		return p, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", usagef("geef het wachtwoord in de omgevingsvariabele %s, of start de opdracht in een terminal", passphraseEnv)
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(c.stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(c.stderr)
		return string(b), err
	}
	p, err := ask("Wachtwoord voor de reservekopie: ")
	if err != nil || !confirm {
		return p, err
	}
	if len([]rune(p)) < 8 {
		return "", usagef("kies een wachtwoord van minstens 8 tekens")
	}
	again, err := ask("Nogmaals: ")
	if err == nil && again != p {
		return "", usagef("de wachtwoorden verschillen; er is geen reservekopie gemaakt")
	}
	return p, err
}

func backupCommand(fs *flag.FlagSet) func(c *call) error {
	out := fs.String("o", "", "bestand voor de reservekopie")
	encrypt := fs.Bool("encrypt", false, "versleutel met een wachtwoord")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *out == "" {
			if c.force { // nothing to replace: the folder's backups each get a new name
				return usagef("--force hoort bij -o BESTAND: een reservekopie in de map voor reservekopieën vervangt geen bestand")
			}
			return folderBackup(c, *encrypt)
		}
		if err := c.output(*out, "klachtenregister.reservekopie"); err != nil { // before the passphrase is asked
			return err
		}
		passphrase := ""
		if *encrypt {
			var err error
			if passphrase, err = readPassphrase(c, true); err != nil {
				return err
			}
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		info, err := s.WriteBackup(*out, passphrase, c.force)
		if err != nil {
			return err
		}
		how := "niet versleuteld"
		if info.Encrypted {
			how = "versleuteld"
		}
		fmt.Fprintf(c.stdout, "Reservekopie gemaakt en gecontroleerd: %s (%s, %s)\n", info.File, data.CountEvents(info.Events), how)
		return nil
	}
}

// folderBackup makes the backup in the backup folder, as the app makes its own: for a
// scheduled task. It is listed by backups, verify compares the register with it, and the
// older ones are thinned out; none is made when the newest already holds the register as it is.
func folderBackup(c *call, encrypt bool) error {
	if encrypt {
		return usagef("reservekopieën in de vaste map worden niet versleuteld; geef voor een versleutelde reservekopie met -o een bestand op, bijvoorbeeld: backup -o klachtenregister.reservekopie --encrypt")
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	info, made, err := s.AutoBackup(false)
	if err != nil {
		return err
	}
	if !made {
		fmt.Fprintf(c.stdout, "Geen nieuwe reservekopie nodig: de nieuwste (%s) bevat het register zoals het nu is (%s)\n", info.File, data.CountEvents(info.Events))
		return nil
	}
	fmt.Fprintf(c.stdout, "Reservekopie gemaakt en gecontroleerd: %s (%s, niet versleuteld)\n", info.File, data.CountEvents(info.Events))
	return nil
}

func backupsCommand(fs *flag.FlagSet) func(c *call) error {
	return func(c *call) error {
		s, err := c.openNoArgs()
		if err != nil {
			return err
		}
		backups, err := s.Backups()
		if err != nil {
			return err
		}
		if c.json {
			if backups == nil {
				backups = []data.BackupInfo{}
			}
			return writeJSON(c.stdout, backups)
		}
		dir, _, err := s.BackupDir()
		if err != nil {
			return err
		}
		if len(backups) == 0 {
			fmt.Fprintf(c.stdout, "Nog geen reservekopieën in %s.\n", dir)
			return nil
		}
		fmt.Fprintf(c.stdout, "Reservekopieën in %s, nieuwste eerst:\n", dir)
		tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "GEMAAKT\tVASTLEGGINGEN\tVERSLEUTELD\tBESTAND")
		for _, b := range backups {
			enc := "nee"
			if b.Encrypted {
				enc = "ja"
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", b.Created.Local().Format("2006-01-02 15:04"), b.Events, enc, b.File)
		}
		return tw.Flush()
	}
}

func restoreCommand(fs *flag.FlagSet) func(c *call) error {
	force := fs.Bool("force", false, "zet een bestaand register opzij (het wordt niet verwijderd)")
	return func(c *call) error {
		if len(c.args) != 1 {
			return usagef("geef precies één reservekopie op; gebruik: klachtenregister-cli restore BESTAND [--force]")
		}
		path, err := c.path()
		if err != nil {
			return err
		}
		backup := c.args[0]
		passphrase := ""
		h, err := data.BackupFileHeader(backup) // refused before the register is claimed
		if err != nil {
			return err
		}
		if h.Encrypted() {
			if passphrase, err = readPassphrase(c, false); err != nil {
				return err
			}
		}
		lock, err := data.LockForRestore(path) // not while the app has the register open
		if err != nil {
			return err
		}
		defer lock.Release()
		res, err := data.Restore(backup, path, passphrase, *force, c.now(), "")
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Reservekopie %s teruggezet in %s; het register heeft nu %s.\n", backup, path, data.CountEvents(res.Events))
		if res.SetAside != "" {
			fmt.Fprintf(c.stdout, "Het register dat er stond, is bewaard als %s.\n", res.SetAside)
		}
		if w := res.Replaced.Warning(); w.Key != "" {
			fmt.Fprintln(c.stdout, w)
		}
		if note := res.Replaced.ErasedNote(); note.Key != "" {
			fmt.Fprintln(c.stdout, note)
		}
		return nil
	}
}
