package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refused runs a command that must be refused as input (exit 2) with a message holding want,
// and leaves the register (or its absence) exactly as it was.
func refused(t *testing.T, db string, want string, args ...string) {
	t.Helper()
	_, existed := os.Stat(db)
	before := fileHash(t, db)
	_, stderr, code := cli(t, db, args...)
	if code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("%v: exit %d, %q; want 2 and %q", args, code, stderr, want)
	}
	if _, err := os.Stat(db); os.IsNotExist(existed) && !os.IsNotExist(err) {
		t.Errorf("%v: a refused input made a register", args)
	}
	if fileHash(t, db) != before {
		t.Errorf("%v: the register changed", args)
	}
}

// TestAddChecksThePostcode: `add` took "12345" for an address in the Netherlands, which only
// the letter refused, weeks later. It is refused now, saying what to type, before a register
// is made; a postcode abroad is taken with its country, and an address without a country
// lies in the practice's.
func TestAddChecksThePostcode(t *testing.T) {
	db := newDB(t)
	add := []string{"add", "--name", "Daan Mulder", "--summary", "Te laat", "--channel", "letter", "--address", "Kerkstraat 7", "--city", "Utrecht"}
	refused(t, db, `de postcode van de klager, "12345", is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB`,
		append(add, "--postcode", "12345")...)
	refused(t, db, `de postcode van de gemachtigde, "1017"`, append(add, "--postcode", "3512jk", "--on-behalf-of", "Pieter Smit",
		"--rep-address", "Herengracht 1", "--rep-city", "Amsterdam", "--rep-postcode", "1017")...)
	ok(t, db, append(add, "--postcode", "1050", "--country", "België")...)
	ref := strings.TrimSpace(ok(t, db, append(add, "--postcode", "3512jk")...))
	if out := ok(t, db, "show", ref); !strings.Contains(out, "3512 JK") {
		t.Errorf("the postcode is not shown as 3512 JK:\n%s", out)
	}
	refused(t, db, `"1050"`, append(add, "--postcode", "1050")...)
	ok(t, db, "settings", "set", "practice_country=België", "practice_postcode=1000")
	ok(t, db, append(add, "--postcode", "1050")...)
}

// TestSettingsSetChecksThePracticePostcodeAndBackupFolder: `settings set` took any practice
// postcode, and a backup folder that cannot be written; both are refused (exit 2) before a
// register is made, the folder in the words of a failed backup.
func TestSettingsSetChecksThePracticePostcodeAndBackupFolder(t *testing.T) {
	db := newDB(t)
	refused(t, db, `Postcode praktijk (practice_postcode): "12345" is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB, of vul bij Land praktijk het land in`,
		"settings", "set", "practice_postcode=12345")
	notAFolder := filepath.Join(t.TempDir(), "bestand")
	if err := os.WriteFile(notAFolder, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused(t, db, "de map voor reservekopieën "+filepath.Join(notAFolder, "kopieën")+" kan niet worden gemaakt",
		"settings", "set", "backup_dir="+filepath.Join(notAFolder, "kopieën"))
	ok(t, db, "settings", "set", "practice_postcode=3511ax")
	refused(t, db, `"3511"`, "settings", "set", "practice_postcode=3511")
	refused(t, db, "Postcode praktijk", "settings", "set", "practice_country=Nederland", "practice_postcode=1000")
	ok(t, db, "settings", "set", "practice_country=België", "practice_postcode=1000")
	refused(t, db, `"1000"`, "settings", "set", "practice_country=Nederland")
}

// TestImportSaysWhichAddressToCorrect: a sheet from an earlier register with an e-mail
// address without a dot after the @ was refused without saying whose address it was.
func TestImportSaysWhichAddressToCorrect(t *testing.T) {
	db := newDB(t)
	ok(t, db, "settings", "set", "practice_city=Utrecht")
	sheet := filepath.Join(t.TempDir(), "oud.csv")
	if err := os.WriteFile(sheet, []byte("Datum ontvangst;Naam klager;Klacht;E-mail;Postcode\n"+
		"08-01-2024;Mehmet Çelik;Factuur te hoog;celik@kpn;3512 JK\n"+
		"09-01-2024;Zoë van 't Hoff;Te laat teruggebeld;zoe@example.nl;35121\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code := cli(t, db, "import", sheet, "--dry-run")
	for _, want := range []string{`regel 2: het e-mailadres van de klager, "celik@kpn", is niet volledig; vul het hele adres in, zoals info@praktijk.nl`,
		`regel 3: de postcode van de klager, "35121", is geen Nederlandse postcode`} {
		if code != 2 || !strings.Contains(out, want) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
		}
	}
}

// TestExpertRefusedMakesNoRegister: `expert` with input it refuses made an empty register
// before it said so; like `add`, it now checks first, against the register's settings or the
// defaults where there is none.
func TestExpertRefusedMakesNoRegister(t *testing.T) {
	db := newDB(t)
	refused(t, db, "e-mailadres", "expert", "--name", "Hanneke Verhoef", "--email", "hanneke@verhoef")
	refused(t, db, "postcode", "expert", "--name", "Hanneke Verhoef", "--address", "Laan 1", "--city", "Zeist", "--postcode", "12345")
	refused(t, db, "toekomst", "expert", "--name", "Hanneke Verhoef", "--signed", "2099-01-01")
	ok(t, db, "expert", "--name", "Hanneke Verhoef", "--email", "hanneke@verhoef.nl")
}
