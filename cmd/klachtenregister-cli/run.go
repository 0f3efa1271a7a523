package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"klachtenregister"
	"klachtenregister/data"
)

// Exit codes, documented in README.md.
const (
	exitOK          = 0
	exitProblem     = 1 // verify found a problem, or something failed unexpectedly
	exitRefused     = 2 // bad input or a refused step; the database is unchanged
	exitUnavailable = 3 // the register cannot be used now: in use, disk full, read-only, missing or damaged
)

// env is what a command may touch: its output streams and the clock.
type env struct {
	stdout, stderr io.Writer
	now            func() time.Time
}

// command is one sub-command. setup declares its flags and returns the runner, which checks
// every input before it opens the database, so a typo never touches the file.
type command struct {
	usage  string
	create bool // creates the register when it does not exist yet
	output bool // writes files (-o, --csv); takes --force to replace an existing one
	setup  func(fs *flag.FlagSet) func(c *call) error
}

// call is one parsed invocation of a command.
type call struct {
	env
	name, usage string
	args        []string
	json        bool
	db          string
	dbSet       bool // --db was given, perhaps empty, which is refused
	create      bool
	force       bool // -o and --csv may replace an existing file
	store       *data.Store
}

var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

// errUsage marks a malformed command line; the message says what to type instead.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

func usagef(format string, a ...any) error { return errUsage{fmt.Sprintf(format, a...)} }

func run(e env, args []string) int {
	args = dbAfterCommand(args)
	if len(args) == 0 {
		// A scheduled task with its command left out must not pass as done.
		printHelp(e.stderr)
		fmt.Fprintln(e.stderr, "\nklachtenregister-cli: geef een opdracht op, zoals 'klachtenregister-cli verify'")
		return exitRefused
	}
	if isHelp(args[0]) {
		topic := withoutDB(args[1:])
		switch {
		case len(topic) == 0 || isHelp(topic[0]):
			printHelp(e.stdout)
			return exitOK
		case isVersion(topic[0]):
			fmt.Fprintln(e.stdout, "gebruik: klachtenregister-cli --version (of version): de versie en build van het programma")
			return exitOK
		}
		args = []string{topic[0], "--help"} // "help add": that command's usage, as "add --help" prints it
	}
	if isVersion(args[0]) {
		fmt.Fprintln(e.stdout, versionLine())
		return exitOK
	}
	cmd, ok := commands[args[0]]
	switch {
	case !ok && (args[0] == "--db" || args[0] == "-db"): // its path left out
		fmt.Fprintln(e.stderr, "klachtenregister-cli: na --db hoort een pad: klachtenregister-cli --db PAD OPDRACHT, of klachtenregister-cli OPDRACHT --db PAD")
		return exitRefused
	case !ok && strings.HasPrefix(args[0], "-"):
		fmt.Fprintf(e.stderr, "klachtenregister-cli: %q is geen opdracht; zet de opdracht voor de andere opties, zoals 'klachtenregister-cli list --json'\n", args[0])
		return exitRefused
	}
	if !ok {
		fmt.Fprintf(e.stderr, "klachtenregister-cli: onbekende opdracht %q; 'klachtenregister-cli help' toont alle opdrachten\n", args[0])
		return exitRefused
	}
	err := cmd.invoke(e, args[0], args[1:])
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(e.stderr, "klachtenregister-cli %s: %s\n", args[0], oneLine(err.Error()))
	return exitCode(err)
}

func isHelp(arg string) bool    { return arg == "help" || arg == "-h" || arg == "--help" }
func isVersion(arg string) bool { return arg == "version" || arg == "--version" }

// withoutDB is args without --db and its path, which help takes anywhere and ignores.
func withoutDB(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--db" || a == "-db":
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
		default:
			out = append(out, a)
		}
	}
	return out
}

// dbAfterCommand moves a --db given before the command to after it, where the command's flags
// are read: "klachtenregister-cli --db PAD verify" is how many scheduled tasks are written.
func dbAfterCommand(args []string) []string {
	var db []string
	for len(args) > 0 {
		switch a := args[0]; {
		case (a == "--db" || a == "-db") && len(args) > 1:
			db, args = append(db, args[:2]...), args[2:]
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			db, args = append(db, a), args[1:]
		default:
			if len(db) == 0 || len(args) == 0 {
				return args
			}
			return append(append([]string{args[0]}, db...), args[1:]...)
		}
	}
	return args
}

func exitCode(err error) int {
	var de *data.Error
	var ue errUsage
	var ve verifyFailed
	switch {
	case errors.As(err, &ve):
		return exitProblem
	case errors.Is(err, data.ErrUnavailable):
		return exitUnavailable
	case errors.As(err, &de), errors.As(err, &ue):
		return exitRefused
	}
	return exitProblem
}

// invoke parses flags, which may come before or after positional arguments, and runs the command.
func (cmd command) invoke(e env, name string, args []string) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &call{env: e, name: name, usage: cmd.usage, create: cmd.create}
	fs.StringVar(&c.db, "db", "", "pad van de database")
	if cmd.output {
		fs.BoolVar(&c.force, "force", false, "vervang een bestaand uitvoerbestand")
	}
	if strings.Contains(cmd.usage, "--json") { // elsewhere refused, not silently ignored
		fs.BoolVar(&c.json, "json", false, "uitvoer als JSON")
	}
	runner := cmd.setup(fs)
	for rest := args; ; {
		if err := fs.Parse(rest); errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(e.stdout, "gebruik: klachtenregister-cli %s %s\n", name, cmd.usage)
			return nil
		} else if err != nil {
			return usagef("%s; gebruik: klachtenregister-cli %s %s", flagRefusal(fs, cmd.usage+" --db PAD", err), name, cmd.usage)
		}
		if fs.NArg() == 0 {
			break
		}
		c.args = append(c.args, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	c.dbSet = given(fs, "db")
	defer func() {
		if c.store != nil {
			c.store.Close()
		}
	}()
	err := runner(c)
	if c.store != nil {
		err = data.Classify(c.store.Path(), err)
	}
	return err
}

// path is the register's path: --db when given (an empty one is refused when opened), or
// else the default.
func (c *call) path() (string, error) {
	if c.dbSet {
		return c.db, nil
	}
	return data.DefaultPath()
}

// open opens the register. Only commands that create (add, demo, expert, settings set) make
// a new one; the others refuse a path where no register exists, rather than leaving an
// empty one behind.
func (c *call) open() (*data.Store, error) {
	if c.store != nil {
		return c.store, nil
	}
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	openRegister := data.OpenExisting
	if c.create {
		openRegister = data.Open
	}
	_, statErr := os.Stat(path)
	store, err := openRegister(path)
	if err != nil {
		return nil, err
	}
	if errors.Is(statErr, fs.ErrNotExist) { // a mistyped --db in a script would go unnoticed
		fmt.Fprintf(c.stderr, "Nieuw register gemaakt: %s\n", path)
	}
	store.Now = c.now
	c.store = store
	return store, nil
}

// settings are the register's settings, for a command that checks its input before it
// creates a register: the defaults while there is none, so a refused input leaves no file.
// A register that is there is opened, and open returns it.
func (c *call) settings() (data.Settings, error) {
	path, err := c.path()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return data.DefaultSettings(), nil
	}
	s, err := c.open()
	if err != nil {
		return nil, err
	}
	return s.Settings()
}

// output checks an output path (-o, --csv) before the register changes, so a refused file
// changes nothing. With no register open yet it protects the one --db names. example is the
// kind of file asked for, as a name the refusal of a folder suggests in it ("brief.pdf").
func (c *call) output(path, example string) error {
	opt := c.outputOptions()
	opt.Example = example
	return data.CheckOutput(path, opt)
}

// writeOutput writes an output file through data.WriteOutput, never onto the register.
func (c *call) writeOutput(path string, content []byte) error {
	return data.WriteOutput(path, c.outputOptions(), func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}

func (c *call) outputOptions() data.OutputOptions {
	if c.store != nil {
		return c.store.OutputOptions(c.force)
	}
	path, _ := c.path()
	return data.OutputOptions{Registers: []string{path}, BackupDir: data.DefaultBackupDir(path), Force: c.force}
}

// date reads an optional YYYY-MM-DD flag value; empty means unset.
func date(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(s)
}

// ref returns the single REF argument.
func (c *call) ref() (string, error) {
	if len(c.args) != 1 {
		return "", usagef("geef precies één kenmerk op; gebruik: klachtenregister-cli %s %s", c.name, c.usage)
	}
	return strings.ToUpper(strings.TrimSpace(c.args[0])), nil
}

// openRef checks the single REF argument, then opens the register.
func (c *call) openRef() (string, *data.Store, error) {
	ref, err := c.ref()
	if err != nil {
		return "", nil, err
	}
	s, err := c.open()
	return ref, s, err
}

// openNoArgs refuses positional arguments, then opens the register.
func (c *call) openNoArgs() (*data.Store, error) {
	if err := c.noArgs(); err != nil {
		return nil, err
	}
	return c.open()
}

// noArgs refuses stray positional arguments.
func (c *call) noArgs() error {
	if len(c.args) > 0 {
		return usagef("onverwacht argument %q; gebruik: klachtenregister-cli %s %s", c.args[0], c.name, c.usage)
	}
	return nil
}

// table prints v as JSON with --json, and otherwise the rows that rows writes, as columns
// separated by tabs, aligned.
func (c *call) table(v any, rows func(w io.Writer)) error {
	if c.json {
		return writeJSON(c.stdout, v)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	rows(tw)
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// counted is n with the word for one or for more: "1 dossier", "3 dossiers".
func counted(n int, one, more string) string {
	if n == 1 {
		return "1 " + one
	}
	return data.Thousands(n) + " " + more // 1.352 dossiers, as a Dutch reader writes it
}

// versionLine is what --version prints: the version and build of FyneApp.toml, which the
// app's Help › Over Klachtenregister shows too, so a practice can tell support both.
func versionLine() string {
	a, err := klachtenregister.ParseApp(klachtenregister.FyneApp)
	if err != nil { // the file is embedded at build time; a build from a broken one says so
		return "klachtenregister-cli: versie onbekend (" + err.Error() + ")"
	}
	return fmt.Sprintf("klachtenregister-cli %s (build %d)", a.Details.Version, a.Details.Build)
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "klachtenregister-cli: het klachtenregister zonder venster, voor scripts en geplande taken.")
	fmt.Fprintln(w, "Elke opdracht kent --db PAD, voor of na de opdracht (standaard: KLACHTENREGISTER_DB of de programmagegevensmap).")
	fmt.Fprintln(w)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %s %s\n", n, commands[n].usage)
	}
	fmt.Fprintln(w, "\n'klachtenregister-cli help OPDRACHT' toont één opdracht; --version de versie van het programma.")
	fmt.Fprintln(w, "\nAfsluitcodes: 0 gelukt, 1 probleem gevonden (verify) of storing, 2 onjuiste invoer of geweigerde stap (database ongewijzigd),\n3 register niet beschikbaar (in gebruik, schijf vol, alleen lezen, niet gevonden of beschadigd).")
}
