package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"klachtenregister/assets"
	"klachtenregister/data"
	"klachtenregister/data/importer"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// keyArg is where the message key sits in the calls that make a data text.
var keyArg = map[string]int{"Msg": 0, "NewError": 2, "invalid": 1, "notFound": 0, "conflict": 0, "as": 0, "refuse": 0, "damagedBackup": 0, "refuseOutput": 0, "unusable": 1, "fault": 1}

// dataKeys finds every text data/ and letters/ say to a practitioner: the literal keys of
// Msg, NewError, invalid, notFound, conflict, textRule.as and the forwarders (refuse, ...). A
// key made at run time (by fmt.Sprintf or + or held in a variable) has no translation, and is
// reported as a problem; so is a forwarder that passes its arguments on as one slice.
func dataKeys(t *testing.T) (keys []string, problems []string) {
	t.Helper()
	var files []string
	for _, dir := range []string{"../data", "../data/demo", "../data/importer", "../letters"} {
		fs, _ := filepath.Glob(dir + "/*.go")
		files = append(files, fs...)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			i, ok := keyArg[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			switch a := call.Args[i].(type) {
			case *ast.BasicLit, *ast.BinaryExpr:
				k, ok := literal(a)
				if !ok {
					problems = append(problems, fset.Position(a.Pos()).String())
				} else if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			case *ast.CallExpr:
				problems = append(problems, fset.Position(a.Pos()).String())
			case *ast.Ident:
				// A forwarder (damagedBackup, refuse) passes its own key parameter on, with
				// its arguments spread; any other variable holds a text formatted at run time.
				_, param := a.Obj.Decl.(*ast.Field)
				if !param || len(call.Args) > i+1 && !call.Ellipsis.IsValid() {
					problems = append(problems, fset.Position(a.Pos()).String())
				}
			}
			return true
		})
	}
	return keys, problems
}

func TestDataTextsAreLiteral(t *testing.T) {
	keys, problems := dataKeys(t)
	for _, p := range problems {
		t.Errorf("%s: a data text's key is made at run time; pass a string literal and the values as arguments", p)
	}
	if len(keys) < 150 {
		t.Fatalf("found only %d data texts; the scan is broken", len(keys))
	}
}

// literal is the string a literal, or a sum of literals, stands for.
func literal(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(x.Value)
		return s, x.Kind == token.STRING && err == nil
	case *ast.BinaryExpr:
		l, ok1 := literal(x.X)
		r, ok2 := literal(x.Y)
		return l + r, ok1 && ok2 && x.Op == token.ADD
	}
	return "", false
}

// verbs are the fmt verbs of a template, in order: a translation must take the same
// arguments in the same order.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func TestEveryDataTextIsTranslated(t *testing.T) {
	keys, _ := dataKeys(t)
	raw, err := assets.Translations.ReadFile("translations/data.en.json")
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(raw, &en); err != nil {
		t.Fatalf("data.en.json: %v", err)
	}
	nl := translations(t, "nl")
	used := map[string]bool{}
	for _, k := range keys {
		used[k] = true
		e, ok := en[k]
		switch {
		case !ok:
			t.Errorf("data.en.json lacks %q", k) // the Dutch is the key itself
		case strings.Join(verbs.FindAllString(k, -1), " ") != strings.Join(verbs.FindAllString(e, -1), " "):
			t.Errorf("data.en.json: %q takes other arguments than %q", e, k)
		}
		if _, ok := nl[k]; ok {
			t.Errorf("nl.json has data text %q: its Dutch is the key in data/, kept in one place", k)
		}
	}
	for k := range en {
		if !used[k] {
			t.Errorf("data.en.json has %q, which data/ no longer says", k)
		}
	}
	enScreen := translations(t, "en")
	for _, f := range data.FieldLabels() {
		if _, ok := enScreen["field."+string(f)]; !ok {
			t.Errorf("en.json lacks field.%s", f)
		}
	}
	for _, k := range data.EventKinds() {
		if _, ok := enScreen["event."+string(k)]; !ok {
			t.Errorf("en.json lacks event.%s", k)
		}
	}
	for _, a := range []data.Action{data.ActionEscalate, data.ActionAcknowledge, data.ActionExtend, data.ActionResolve,
		data.ActionClose, data.ActionWithdraw, data.ActionReopen} {
		if _, ok := enScreen["action."+string(a)]; !ok {
			t.Errorf("en.json lacks action.%s", a)
		}
	}
}

func TestEveryImportFieldIsTranslated(t *testing.T) {
	en := translations(t, "en")
	for _, f := range importer.Fields {
		if _, ok := en["import."+string(f)]; !ok {
			t.Errorf("en.json lacks import.%s", f)
		}
	}
}

// cliOnly are data texts that only the CLI can give: the desktop app never makes these calls.
var cliOnly = map[string]bool{
	"geef het pad van het register op (--db PAD)": true,
	"de database %s bevat al %d klachten; een demoregister kan alleen in een lege database. Kies een nieuw bestand met --db":               true,
	"op %s staat al een register; met --force wordt het opzijgezet (niet verwijderd) en de reservekopie teruggezet":                        true, // the app restores with force
	"op %s staat al een register. %s Met --force wordt het huidige register opzijgezet (niet verwijderd) en de reservekopie teruggezet":    true,
	"op %s staat al een register. %s %s Met --force wordt het huidige register opzijgezet (niet verwijderd) en de reservekopie teruggezet": true,
}

// TestDataTextsLeaveCLIFlagsToTheCLI: a hint at a command-line flag ("--withdraw") is an
// argument of type data.ForCLI, which the screens leave out; it is never part of the key.
func TestDataTextsLeaveCLIFlagsToTheCLI(t *testing.T) {
	keys, _ := dataKeys(t)
	for _, k := range keys {
		if strings.Contains(k, "--") && !cliOnly[k] {
			t.Errorf("%q names a CLI flag in the text the screens show too; pass it as data.ForCLI", k)
		}
	}
}
