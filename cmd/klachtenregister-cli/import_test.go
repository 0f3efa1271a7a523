package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(name string) string {
	return filepath.Join("..", "..", "data", "importer", "testdata", name)
}

// TestImportDryRun: --dry-run prints the mapping, the counts and every refused row with its
// line, and leaves the register byte for byte as it was; without --skip-refused a refused
// row refuses the whole file (exit 2), with it the rest is imported once.
func TestImportDryRun(t *testing.T) {
	db := newDB(t)
	ok(t, db, "add", "--name", "Eva Bakker", "--received", "2026-03-02", "--summary", "Rekening te laat", "--channel", "email", "--formal")
	before := fileHash(t, db)
	out, errOut, code := cli(t, db, "import", fixture("register.xlsx"), "--dry-run")
	if code != 2 || fileHash(t, db) != before {
		t.Fatalf("dry run with refused rows: exit %d (want 2), changed %v; %s", code, fileHash(t, db) != before, errOut)
	}
	for _, want := range []string{"Datum ontvangst                  -> received_on (datum ontvangst)",
		"Opmerkingen                      -> ignore", "Regels: 200; te importeren 198, waarvan al in het register 0, nieuw 198; geweigerd 2",
		"regel 38: datum ontvangst 31-02-2023 bestaat niet", "regel 117: vul de naam van de klager in", "Proefrun: er is niets gewijzigd."} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	ok(t, db, "import", fixture("register.xlsx"), "--dry-run", "--skip-refused")
	if fileHash(t, db) != before {
		t.Fatal("a dry run changed the register")
	}
	if _, _, code := cli(t, db, "import", fixture("register.xlsx")); code != 2 || fileHash(t, db) != before {
		t.Fatalf("refused rows without --skip-refused: exit %d, changed %v", code, fileHash(t, db) != before)
	}
	var rep struct {
		Imported   []string `json:"imported"`
		Duplicates []int    `json:"duplicates"`
		Refused    []struct {
			Line    int    `json:"line"`
			Column  string `json:"column"`
			Message string `json:"message"`
		} `json:"refused"`
		SHA256 string `json:"sha256"`
	}
	if err := json.Unmarshal([]byte(ok(t, db, "import", fixture("register.xlsx"), "--skip-refused", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 198 || len(rep.Refused) != 2 || rep.Refused[0].Column != "Datum ontvangst" || len(rep.SHA256) != 64 {
		t.Errorf("import: %d imported, refused %+v", len(rep.Imported), rep.Refused)
	}
	again := ok(t, db, "import", fixture("register.xlsx"), "--skip-refused")
	if !strings.Contains(again, "waarvan al in het register 198, nieuw 0") || !strings.Contains(again, "niets nieuws") {
		t.Errorf("second import:\n%s", again)
	}
	if out := ok(t, db, "verify"); !strings.Contains(out, "2 vastleggingen") {
		t.Errorf("verify after the imports: %s", out)
	}
}

// TestImportMap: --map moves a column to another field; a wrong --map is refused (exit 2).
func TestImportMap(t *testing.T) {
	db := newDB(t)
	_, errOut, code := cli(t, db, "import", fixture("tab_iso_lf.csv"), "--map", "onderwerp=description")
	if code != 2 || !strings.Contains(errOut, "geen kolom voor klacht") {
		t.Errorf("a mapping without the complaint: exit %d, %q", code, errOut)
	}
	for _, bad := range []string{"onderwerp", "nergens=summary", "onderwerp=wat"} {
		if _, _, code := cli(t, db, "import", fixture("tab_iso_lf.csv"), "--dry-run", "--map", bad); code != 2 {
			t.Errorf("--map %s: exit %d", bad, code)
		}
	}
	out := ok(t, db, "import", fixture("short_years.csv"), "--map", "Stand=ignore", "--map", "Afgehandeld=ignore", "--map", "Gegrond=ignore")
	if !strings.Contains(out, "Stand                            -> ignore") || !strings.Contains(out, "Geïmporteerd: 3 klachten (K-2024-0001 t/m K-2024-0003)") {
		t.Errorf("import with --map:\n%s", out)
	}
	// Without status, date of handling and verdict the complaints are open.
	if list := ok(t, db, "list", "--status", "received"); strings.Count(list, "K-2024-") != 3 {
		t.Errorf("list:\n%s", list)
	}
}

// TestImportOfOneSaysOne: the summary of an import of one complaint, with one refused row
// skipped, is in the singular and names the one reference once.
func TestImportOfOneSaysOne(t *testing.T) {
	db := newDB(t)
	sheet := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(sheet, []byte("Datum;Klager;Omschrijving\n3-1-2025;Fatima El Amrani;Advies sluit niet aan\n31-02-2025;Bo Li;Niet teruggebeld\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := ok(t, db, "import", sheet, "--skip-refused")
	if want := "Geïmporteerd: 1 klacht (K-2025-0001); 1 geweigerde regel overgeslagen.\n"; !strings.HasSuffix(out, want) {
		t.Errorf("import of one:\n%s\nwant it to end in %q", out, want)
	}
}

// TestImportDryRunBeforeThereIsARegister: on a new computer, a dry run first was refused
// (exit 3, no register) while the import itself would make one; it now checks the file
// against an empty register and leaves no file. "duplicates" is a list when there are none
// (it was null, where "refused" and "imported" were []).
func TestImportDryRunBeforeThereIsARegister(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nieuw", "klachtenregister.db")
	out, errOut, code := cli(t, db, "import", fixture("register.xlsx"), "--dry-run", "--skip-refused", "--json")
	if code != 0 || !strings.Contains(errOut, "Er is nog geen register op "+db+"; het bestand is gecontroleerd tegen een leeg register") {
		t.Fatalf("dry run without a register: exit %d: %s", code, errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if d, ok := rep["duplicates"].([]any); !ok || len(d) != 0 || rep["new"] != float64(198) {
		t.Errorf("dry run: duplicates %#v, new %v", rep["duplicates"], rep["new"])
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("the dry run left %s behind (%v)", filepath.Dir(db), err)
	}
}
