package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpertsConsentAndSharing(t *testing.T) {
	db := newDB(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Łukasz Wiśniewski", "--received", "2026-11-02",
		"--summary", "Fout in de jaarrekening", "--channel", "email", "--formal"))
	doc := filepath.Join(t.TempDir(), "jaarrekening.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 stukje"), 0o600); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "attach", ref, doc)
	ok(t, db, "expert", "--name", "drs. H. Verhoef", "--organisation", "Verhoef Advies")

	refused := []struct {
		name string
		args []string
		says string
	}{
		{"no consent, no statement", []string{"share", ref, "--expert", "1", "--documents", "jaarrekening"}, "geheimhoudingsverklaring"},
		{"unknown expert", []string{"share", ref, "--expert", "9", "--documents", "jaarrekening"}, "bestaat niet"},
		{"expert not a number", []string{"share", ref, "--expert", "Verhoef", "--documents", "x"}, "--expert ID"},
		{"missing file", []string{"attach", ref, filepath.Join(t.TempDir(), "weg.pdf")}, "kan niet worden gelezen"},
	}
	for _, tc := range refused {
		before := fileHash(t, db)
		_, stderr, code := cli(t, db, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.says) || fileHash(t, db) != before {
			t.Errorf("%s: exit %d, %q, changed %v", tc.name, code, stderr, fileHash(t, db) != before)
		}
	}

	ok(t, db, "expert", "--id", "1", "--name", "drs. H. Verhoef", "--signed", "2026-11-20")
	_, stderr, code := cli(t, db, "share", ref, "--expert", "1", "--documents", "jaarrekening")
	if code != 2 || !strings.Contains(stderr, "toestemming") {
		t.Fatalf("share without consent: exit %d, %q", code, stderr)
	}
	ok(t, db, "consent", ref, "--how", "schriftelijk", "--scope", "jaarrekening en klachtbrief")
	ok(t, db, "share", ref, "--expert", "1", "--documents", "jaarrekening")

	var file struct {
		Shares      []map[string]any `json:"shares"`
		Attachments []map[string]any `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", ref, "--json")), &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Shares) != 1 || file.Shares[0]["expert"] != "drs. H. Verhoef" {
		t.Errorf("shares %v", file.Shares)
	}
	if len(file.Attachments) != 1 || file.Attachments[0]["name"] != "jaarrekening.pdf" {
		t.Errorf("attachments %v", file.Attachments)
	}
	ok(t, db, "consent", ref, "--withdraw")
	if _, stderr, code := cli(t, db, "share", ref, "--expert", "1", "--documents", "klachtbrief"); code != 2 || !strings.Contains(stderr, "toestemming") {
		t.Errorf("share after withdrawal: exit %d, %q", code, stderr)
	}
}
