package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"klachtenregister/data"
	"klachtenregister/data/importer"
)

func init() {
	register("import", command{usage: "BESTAND [--dry-run] [--map KOLOM=veld ...] [--skip-refused] [--json]", create: true,
		setup: importCommand})
}

// mapList collects repeated --map KOLOM=veld flags.
type mapList []string

func (m *mapList) String() string     { return strings.Join(*m, ",") }
func (m *mapList) Set(v string) error { *m = append(*m, v); return nil }

// importReport is what import prints, as text or with --json.
type importReport struct {
	File       string             `json:"file"`
	SHA256     string             `json:"sha256"`
	DryRun     bool               `json:"dry_run"`
	Mapping    []mappedColumn     `json:"mapping"`
	Rows       int                `json:"rows"`
	Importable int                `json:"importable"`
	Refused    []importer.Refusal `json:"refused"`
	Duplicates []int              `json:"duplicates"`
	New        int                `json:"new"`
	Imported   []string           `json:"imported"`
	plan       *importer.Preview  // for the text output
	skip       bool               // refused rows are skipped
	result     *data.ImportResult // nil on a dry run
}

type mappedColumn struct {
	Column string `json:"column"`
	Field  string `json:"field"`
}

// importCommand imports a practice's earlier register. Every row is checked first; while a
// row is refused nothing is imported, unless --skip-refused. --dry-run shows the mapping, the
// counts and every refused row, and changes nothing.
func importCommand(fs *flag.FlagSet) func(c *call) error {
	dryRun := fs.Bool("dry-run", false, "toon wat er geïmporteerd zou worden, zonder iets te wijzigen")
	skip := fs.Bool("skip-refused", false, "importeer de goede regels en sla geweigerde regels over")
	var maps mapList
	fs.Var(&maps, "map", "koppel een kolom aan een veld: KOLOM=veld (mag vaker)")
	return func(c *call) error {
		if len(c.args) != 1 {
			return usagef("geef precies één bestand op; gebruik: klachtenregister-cli %s %s", c.name, c.usage)
		}
		content, err := os.ReadFile(c.args[0])
		if err != nil {
			return data.Unreadable(c.args[0], err)
		}
		sheet, err := importer.Read(c.args[0], content)
		if err != nil {
			return err // a data.Error: input refused
		}
		mapping := importer.Guess(sheet.Header)
		for _, m := range maps {
			i := strings.LastIndex(m, "=")
			if i < 0 {
				return usagef("--map %q: schrijf KOLOM=veld, bijvoorbeeld --map \"Datum binnen=received_on\"", m)
			}
			if err := mapping.Set(sheet.Header, m[:i], m[i+1:]); err != nil {
				return usagef("--map: %v", err)
			}
		}
		c.create = !*dryRun // a dry run never makes a register
		s, err := c.open()
		if *dryRun && data.Cause(err) == data.CauseMissing {
			// No register yet, as on a new computer: the file is checked against an empty one,
			// as the import itself would make it, and nothing is left behind.
			dir, tmpErr := os.MkdirTemp("", "klachtenregister-proefimport-*")
			if tmpErr != nil {
				return err
			}
			defer os.RemoveAll(dir)
			if s, err = data.Open(filepath.Join(dir, "leeg.db")); err == nil {
				defer s.Close()
				s.Now = c.now
				path, _ := c.path()
				fmt.Fprintf(c.stderr, "Er is nog geen register op %s; het bestand is gecontroleerd tegen een leeg register.\n", path)
			}
		}
		if err != nil {
			return err
		}
		preview, err := importer.Build(sheet, mapping, s.Prepare)
		if err != nil {
			return data.NewError(data.CodeInvalid, "", err.Error())
		}
		rep := newImportReport(preview, *dryRun, *skip)
		if len(preview.Rows) > 0 {
			plan, err := s.PlanImport(preview.File())
			if err != nil {
				return err
			}
			rep.Duplicates, rep.New = empty(plan.Duplicates), plan.New
		}
		refused := len(preview.Refused) > 0 && !*skip
		if !*dryRun && !refused && rep.New > 0 {
			res, err := s.Import(preview.File(), nil)
			if err != nil {
				return err
			}
			rep.result, rep.Imported, rep.Duplicates, rep.New = &res, res.References, empty(res.Duplicates), res.New
		}
		if c.json {
			if err := writeJSON(c.stdout, rep); err != nil {
				return err
			}
		} else {
			rep.print(c.stdout)
		}
		if refused {
			return data.NewError(data.CodeInvalid, "", "%s geweigerd; er is niets geïmporteerd. Verbeter het bestand of de koppeling, of gebruik --skip-refused",
				counted(len(preview.Refused), "regel", "regels"))
		}
		return nil
	}
}

func newImportReport(p *importer.Preview, dryRun, skip bool) *importReport {
	rep := &importReport{File: p.Sheet.Name, SHA256: p.Sheet.SHA256, DryRun: dryRun, Rows: len(p.Sheet.Rows),
		Importable: len(p.Rows), Refused: empty(p.Refused), Duplicates: []int{}, Imported: []string{}, plan: p, skip: skip}
	for i, h := range p.Sheet.Header {
		rep.Mapping = append(rep.Mapping, mappedColumn{h, string(p.Mapping[i])})
	}
	return rep
}

func (r *importReport) print(w io.Writer) {
	fmt.Fprintf(w, "Bestand: %s (SHA-256 %s)\nKoppeling van de kolommen:\n", r.File, r.SHA256)
	for i, m := range r.Mapping {
		fmt.Fprintf(w, "  %-32s -> %s (%s)\n", m.Column, m.Field, r.plan.Mapping[i].Label())
	}
	fmt.Fprintf(w, "Regels: %d; te importeren %d, waarvan al in het register %d, nieuw %d; geweigerd %d\n",
		r.Rows, r.Importable, len(r.Duplicates), r.New, len(r.Refused))
	if len(r.Refused) > 0 {
		fmt.Fprintln(w, "Geweigerde regels:")
		for _, x := range r.Refused {
			fmt.Fprintf(w, "  %s\n", x)
		}
	}
	if len(r.Duplicates) > 0 {
		fmt.Fprintf(w, "Al in het register (regels): %s\n", strings.Trim(fmt.Sprint(r.Duplicates), "[]"))
	}
	switch {
	case r.DryRun:
		fmt.Fprintln(w, "Proefrun: er is niets gewijzigd.")
	case len(r.Refused) > 0 && !r.skip:
	case r.result == nil:
		fmt.Fprintln(w, "Er is niets nieuws om te importeren; het register is niet gewijzigd.")
	default:
		refs := r.result.References
		span := refs[0]
		if len(refs) > 1 {
			span += " t/m " + refs[len(refs)-1]
		}
		fmt.Fprintf(w, "Geïmporteerd: %s (%s)", counted(len(refs), "klacht", "klachten"), span)
		if r.skip && len(r.Refused) > 0 {
			fmt.Fprintf(w, "; %s overgeslagen", counted(len(r.Refused), "geweigerde regel", "geweigerde regels"))
		}
		fmt.Fprintln(w, ".")
	}
}
