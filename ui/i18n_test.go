package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"klachtenregister/assets"
	"klachtenregister/data"
)

// fyneKeys are the strings Fyne's own dialogs show (fyne/lang/translations/base.en.json).
var fyneKeys = []string{"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
	"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save", "Select all",
	"Show Hidden Files", "Undo", "Yes", "file.name", "file.parent", "monday", "monday.short", "tuesday",
	"tuesday.short", "wednesday", "wednesday.short", "thursday", "thursday.short", "friday", "friday.short",
	"saturday", "saturday.short", "sunday", "sunday.short"}

// sourceKeys finds every screen text in ui/*.go: lang.L("...") and lang.N("..."), form items item("...") and
// register column titles.
func sourceKeys(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`(?:lang\.[LN]\(|item\()"((?:[^"\\]|\\.)+)"[,)]|\{"([^"]+)", (?:data\.Sort|\[\]string)`)
	seen := map[string]bool{}
	var keys []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			k, err := strconv.Unquote(`"` + m[1] + m[2] + `"`)
			if err != nil {
				t.Fatalf("%s: %v", m[0], err)
			}
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

func translations(t *testing.T, code string) map[string]any {
	t.Helper()
	raw, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

func TestEveryScreenTextIsTranslated(t *testing.T) {
	nl, en := translations(t, "nl"), translations(t, "en")
	keys := append(sourceKeys(t), fyneKeys...)
	for n := -2; n <= 2; n++ { // data names when an action item is due by these keys
		k, _ := data.ActionItem{DaysLeft: n}.WhenKey()
		keys = append(keys, k)
	}
	if len(keys) < 150 {
		t.Fatalf("found only %d texts in the source; the scan is broken", len(keys))
	}
	for _, k := range keys {
		if _, ok := nl[k]; !ok {
			t.Errorf("nl.json lacks %q", k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
	used := map[string]bool{"(Parent)": true} // Fyne's file dialog
	for _, k := range keys {
		used[k] = true
	}
	keyed := regexp.MustCompile(`^(import|event|field|action|breach|party|month|status|warning|channel|subject|verdict|item|contact|choice|setting|letter|delivery|measure|effect|salutation)\.`)
	for k := range nl {
		if !used[k] && !keyed.MatchString(k) {
			t.Errorf("nl.json has %q, which no screen uses any more", k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q, which nl.json has: switching language would leave Dutch behind", k)
		}
	}
}

// TestCountsAgreeWithTheirNumber guards against "1 klachten" and "1 year(s)": a screen text
// with a count is said with lang.N, whose translation has a form for one and for more, in both
// languages.
func TestCountsAgreeWithTheirNumber(t *testing.T) {
	nl, en := translations(t, "nl"), translations(t, "en")
	for code, m := range map[string]map[string]any{"nl": nl, "en": en} {
		for _, v := range m {
			if s, ok := v.(string); ok && (strings.Contains(s, "(s)") || strings.Contains(s, "(en)")) {
				t.Errorf("%s.json: %q hedges its plural; use lang.N with one and other", code, s)
			}
		}
	}
	files, _ := filepath.Glob("*.go")
	counted := regexp.MustCompile(`lang\.([LN])\("((?:[^"\\]|\\.)*\{\{\.N\}\}(?:[^"\\]|\\.)*)"`)
	// A number before a plural noun: "{{.Rows}} rows", "{{.Dup}} were".
	countedNoun := regexp.MustCompile(`lang\.L\("(?:[^"\\]|\\.)*\{\{\.\w+\}\} (?:\w+ )?(?:rows|complaints|files|events|days|years|were|items|letters|measures)\b`)
	notACount := map[string]bool{"Step {{.N}} of 5: {{.Title}}": true}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range countedNoun.FindAllString(string(src), -1) {
			t.Errorf("%s: %s… counts with lang.L; say the count with lang.N", f, m)
		}
		for _, m := range counted.FindAllStringSubmatch(string(src), -1) {
			key := m[2]
			if m[1] == "L" && !notACount[key] {
				t.Errorf("%s: %q counts with lang.L; use lang.N so that 1 reads as one", f, key)
			}
			if m[1] != "N" {
				continue
			}
			for code, tr := range map[string]map[string]any{"nl": nl, "en": en} {
				forms, _ := tr[key].(map[string]any)
				if forms["one"] == nil || forms["other"] == nil {
					t.Errorf("%s.json: %q lacks its forms for one and other", code, key)
				}
			}
		}
	}
	inLanguage(t, "en")
	if got := countEvents(1); got != "1 event" {
		t.Errorf("countEvents(1) = %q", got)
	}
	if got := countEvents(1204); got != "1,204 events" {
		t.Errorf("countEvents(1204) = %q", got)
	}
	inLanguage(t, "nl")
	if got := countEvents(1); got != "1 vastlegging" {
		t.Errorf("countEvents(1) = %q", got)
	}
	if got := countEvents(1204); got != "1.204 vastleggingen" {
		t.Errorf("countEvents(1204) = %q", got)
	}
}

// A letter's language is named in the screens' language (languageName: "Dutch"); only the
// language setting names each language in itself ("Nederlands", "English"), through its choices.
func TestLetterLanguagesNamedInTheScreensLanguage(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		if !strings.HasSuffix(f, "_test.go") && strings.Contains(string(src), `choiceLabel("language"`) {
			t.Errorf("%s names a letter's language by the setting's choice; use languageName", f)
		}
	}
	inLanguage(t, "en")
	if languageName("nl") != "Dutch" || languageName("en") != "English" {
		t.Errorf("English names: %q, %q", languageName("nl"), languageName("en"))
	}
	inLanguage(t, "nl")
	if languageName("nl") != "Nederlands" || languageName("en") != "Engels" {
		t.Errorf("Dutch names: %q, %q", languageName("nl"), languageName("en"))
	}
}
