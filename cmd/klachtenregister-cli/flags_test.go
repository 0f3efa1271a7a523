package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"klachtenregister"
)

// TestFlagWithoutItsValue: the last flag on the line lacks its value (in the other tests
// --db comes last).
func TestFlagWithoutItsValue(t *testing.T) {
	db := newDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "--db", db, "--name", "A", "--summary", "B", "--channel", "letter", "--received"}, "na --received hoort een waarde: --received JJJJ-MM-DD;"},
		{[]string{"letter", "--db", db, "K-2026-0001", "progress", "-o"}, "na -o hoort een waarde: -o BESTAND.pdf;"},
	} {
		var out, errOut bytes.Buffer
		code := run(env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}, tc.args)
		if code != 2 || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut.String(), tc.want)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the refused add made a register")
	}
}

func TestSignalIsNamedInDutch(t *testing.T) {
	for sig, want := range map[os.Signal]string{os.Interrupt: "Ctrl+C", syscall.SIGTERM: "taakplanner"} {
		if got := signalName(sig); !strings.Contains(got, want) {
			t.Errorf("signalName(%v) = %q, want it to mention %q", sig, got, want)
		}
	}
}

// TestNoCommandIsRefused: a scheduled task with its command left out must not pass as done;
// help asked for is no refusal.
func TestNoCommandIsRefused(t *testing.T) {
	var out, errOut bytes.Buffer
	e := env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}
	if code := run(e, nil); code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), "geef een opdracht op") ||
		!strings.Contains(errOut.String(), "verify [--json]") {
		t.Errorf("no arguments: exit %d, stdout %q, stderr %q; want 2 and the usage on stderr", code, out.String(), errOut.String())
	}
	for _, help := range []string{"help", "--help", "-h"} {
		out.Reset()
		errOut.Reset()
		if code := run(e, []string{help}); code != 0 || !strings.Contains(out.String(), "verify [--json]") || errOut.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", help, code, out.String(), errOut.String())
		}
	}
}

// TestUsageListsEveryFlag: every flag a command takes is in its usage line (--db and --json
// apart, which every command takes), so --help never hides one.
func TestUsageListsEveryFlag(t *testing.T) {
	for name, cmd := range commands {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		if cmd.output {
			fs.Bool("force", false, "")
		}
		cmd.setup(fs)
		fs.VisitAll(func(f *flag.Flag) {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			hidden := f.Name == "db" || f.Name == "json" || name == "report" && f.Name == "anonymised" // the default, kept for old scripts
			if !hidden && !strings.Contains(cmd.usage, dash+f.Name) {
				t.Errorf("%s: usage %q lacks %s%s", name, cmd.usage, dash, f.Name)
			}
		})
	}
}

// TestUsageShowsWhatIsOptional: the representative's postcode is optional (README, and add
// takes a representative without one), and letter samples takes --force, which its refusal
// of existing files names.
func TestUsageShowsWhatIsOptional(t *testing.T) {
	for _, tc := range []struct{ command, want string }{
		{"add", "--on-behalf-of NAAM --rep-address REGEL --rep-city PLAATS [--rep-postcode PC]"},
		{"letter", "letter samples -o MAP [--force]"},
	} {
		out, _, code := cli(t, newDB(t), tc.command, "--help")
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%s --help: exit %d, %q; want %q", tc.command, code, out, tc.want)
		}
	}
}

// TestDBBeforeTheCommand: --db may come before the command, as scheduled tasks often put it;
// it then works as it does after the command.
func TestDBBeforeTheCommand(t *testing.T) {
	db := newDB(t)
	ok(t, db, "add", "--name", "A. de Vries", "--summary", "Factuur te hoog", "--channel", "letter", "--formal")
	for _, args := range [][]string{{"--db", db, "list"}, {"--db=" + db, "list"}, {"-db", db, "list", "--json"}} {
		var out, errOut bytes.Buffer
		if code := run(env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}, args); code != 0 ||
			!strings.Contains(out.String(), "A. de Vries") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and the complaint", args, code, out.String(), errOut.String())
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", db}, "geef een opdracht op"},
		{[]string{"--db"}, "na --db hoort een pad"},
		{[]string{"--db", db, "--json", "list"}, `"--json" is geen opdracht; zet de opdracht voor de andere opties`},
	} {
		var out, errOut bytes.Buffer
		if code := run(env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}, tc.args); code != 2 ||
			!strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut.String(), tc.want)
		}
	}
}

// TestHelpForOneCommand: "help add" prints add's usage alone (it printed every command), an
// unknown one is refused, and --version says FyneApp.toml's version, as the app's About does.
func TestHelpForOneCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	e := env{stdout: &out, stderr: &errOut, now: func() time.Time { return today }}
	if code := run(e, []string{"help", "add"}); code != 0 || !strings.Contains(out.String(), "add --name NAAM") ||
		strings.Contains(out.String(), "verify [--json]") || errOut.Len() != 0 {
		t.Errorf("help add: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	for _, asked := range [][]string{{"--help", "add"}, {"-h", "add"}, {"--db", "x.db", "help", "add"}, {"help", "add", "--db", "x.db"}} {
		out.Reset()
		if code := run(e, asked); code != 0 || !strings.Contains(out.String(), "add --name NAAM") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", asked, code, out.String(), errOut.String())
		}
	}
	for _, asked := range []string{"help", "version"} {
		out.Reset()
		if code := run(e, []string{"help", asked}); code != 0 || out.Len() == 0 {
			t.Errorf("help %s: exit %d, stdout %q, stderr %q", asked, code, out.String(), errOut.String())
		}
	}
	out.Reset()
	if code := run(e, []string{"help", "toevoegen"}); code != 2 || out.Len() != 0 || !strings.Contains(errOut.String(), `onbekende opdracht "toevoegen"`) {
		t.Errorf("help of an unknown command: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	app, err := klachtenregister.ParseApp(klachtenregister.FyneApp)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"--version", "version"} {
		out.Reset()
		want := "klachtenregister-cli " + app.Details.Version + " (build "
		if code := run(e, []string{v}); code != 0 || app.Details.Version == "" || !strings.HasPrefix(out.String(), want) {
			t.Errorf("%s: exit %d, stdout %q; want %q…", v, code, out.String(), want)
		}
	}
}
