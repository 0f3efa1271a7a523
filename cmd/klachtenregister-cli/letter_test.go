package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// letterRegister is a register with the practice filled in and one formal complaint.
func letterRegister(t *testing.T) (db, ref string) {
	t.Helper()
	db = newDB(t)
	ok(t, db, "settings", "set", "practice_name=Praktijk De Linde", "practice_city=Utrecht", "practitioner_name=Anne de Linde",
		"practice_address=Oudegracht 118", "practice_postcode=3511 AX", "practice_phone=030 231 45 67")
	ref = strings.TrimSpace(ok(t, db, "add", "--name", "Ĳsbrand de Vries", "--received", "2026-11-20", "--summary", "Factuur te hoog",
		"--channel", "letter", "--formal", "--address", "Kerkstraat 7", "--postcode", "3512jk", "--city", "Utrecht"))
	return db, ref
}

func TestLetterGenerateSendAndReprint(t *testing.T) {
	db, ref := letterRegister(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "ontvangst.pdf")
	if out := ok(t, db, "letter", ref, "acknowledgement", "-o", first); !strings.Contains(out, "versie 1") {
		t.Errorf("letter: %q", out)
	}
	pdf, err := os.ReadFile(first)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	ok(t, db, "letter", ref, "acknowledgement", "-o", filepath.Join(dir, "en.pdf"), "--lang", "en")

	// Marking the latest acknowledgement sent confirms receipt.
	if out := ok(t, db, "letter-sent", ref, "acknowledgement", "--via", "email", "--on", "2026-11-30"); !strings.Contains(out, "versie 2 per e-mail verstuurd;") || !strings.Contains(out, "ontvangst bevestigd") {
		t.Errorf("letter-sent: %q", out)
	}
	if out := ok(t, db, "letters", ref); !strings.Contains(out, "ontvangstbevestiging  2 ") || !strings.Contains(out, "2026-11-30 per e-mail") {
		t.Errorf("letters: %q", out)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "letters", ref, "--json")), &list); err != nil || len(list) != 2 {
		t.Fatalf("letters --json: %v %v", err, list)
	}
	if list[0]["sent_on"] != nil || list[1]["sent_on"] != "2026-11-30" || list[1]["sent_via"] != "email" || list[1]["version"] != 2.0 {
		t.Errorf("letters: %v", list)
	}

	// A copy of version 1 is the very file that was written then.
	again := filepath.Join(dir, "kopie.pdf")
	if out := ok(t, db, "letter-copy", ref, "acknowledgement", "--version", "1", "-o", again); !strings.Contains(out, "(ongewijzigd, zoals bewaard; nog niet als verstuurd gemarkeerd)") {
		t.Errorf("letter-copy of a version never sent: %q", out)
	}
	if copied, _ := os.ReadFile(again); !bytes.Equal(copied, pdf) {
		t.Error("letter-copy of version 1 differs from the file written when it was made")
	}
	if out := ok(t, db, "letter-copy", ref, "acknowledgement", "-o", again, "--force"); !strings.Contains(out, "versie 2 gekopieerd") ||
		!strings.Contains(out, "(ongewijzigd, zoals verstuurd op 2026-11-30)") {
		t.Errorf("letter-copy without --version should copy the newest: %q", out)
	}

	// The calibration sheet is in the setting language unless --lang says otherwise.
	sheets := map[string][]byte{}
	for _, lang := range []string{"", "nl", "en"} {
		cal := filepath.Join(dir, "proefvel-"+lang+".pdf")
		args := []string{"letter", "calibration", "-o", cal}
		if lang != "" {
			args = append(args, "--lang", lang)
		}
		ok(t, db, args...)
		b, _ := os.ReadFile(cal)
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("calibration sheet (%q) not written", lang)
		}
		sheets[lang] = b
	}
	if !bytes.Equal(sheets[""], sheets["nl"]) || bytes.Equal(sheets["nl"], sheets["en"]) {
		t.Error("letter calibration --lang en should make the English sheet, and no --lang the Dutch one")
	}
}

func TestLetterBadInputChangesNothing(t *testing.T) {
	db, ref := letterRegister(t)
	informal := strings.TrimSpace(ok(t, db, "add", "--name", "Zoë van 't Hoff", "--summary", "Wachttijd", "--channel", "phone"))
	described := strings.TrimSpace(ok(t, db, "add", "--name", "Sam de Vries", "--summary", "Wachttijd", "--channel", "letter",
		"--formal", "--letter-description", "uw klacht over de wachttijd", "--language", "nl"))
	out := filepath.Join(t.TempDir(), "brief.pdf")
	cases := []struct {
		name string
		args []string
		says string
	}{
		{"unknown kind", []string{"letter", ref, "apology", "-o", out}, "apology"},
		{"no output file", []string{"letter", ref, "acknowledgement"}, "-o"},
		{"missing folder", []string{"letter", ref, "acknowledgement", "-o", "/nonexistent/brief.pdf"}, "bestaat niet"},
		{"unknown language", []string{"letter", ref, "acknowledgement", "-o", out, "--lang", "de"}, "onbekende taal"},
		{"unknown calibration language", []string{"letter", "calibration", "-o", out, "--lang", "de"}, "onbekende taal"},
		{"unknown complaint", []string{"letter", "K-2026-9999", "acknowledgement", "-o", out}, "bestaat niet"},
		{"no extension", []string{"letter", ref, "progress", "-o", out}, "niet verlengd"},
		{"not resolved", []string{"letter", ref, "outcome", "-o", out}, "oordeel"},
		{"informal acknowledgement", []string{"letter", informal, "acknowledgement", "-o", out}, "informeel"},
		{"no expert", []string{"letter", ref, "confidentiality", "-o", out}, "deskundige"},
		{"sent without letter", []string{"letter-sent", ref, "outcome", "--via", "post"}, "nog geen uitkomstbrief"},
		{"sent without via", []string{"letter-sent", ref, "acknowledgement"}, "--via"},
		{"sent by fax", []string{"letter-sent", ref, "acknowledgement", "--via", "fax"}, "fax"},
		{"copy of a missing version", []string{"letter-copy", ref, "acknowledgement", "--version", "3", "-o", out}, "versie 3"},
		{"bad template", []string{"settings", "set", "letter_outcome_nl=Aan {naam}:\n\nUw {oordel}"}, "regel 3"},
		{"bad window", []string{"settings", "set", "address_window_left_mm=300"}, "address_window_left_mm"},
		{"dated too far ahead", []string{"letter", ref, "acknowledgement", "-o", out, "--date", "2099-01-01"}, "14 dagen"},
		{"dated in the past", []string{"letter", ref, "acknowledgement", "-o", out, "--date", "2020-01-01"}, "verleden"},
		{"withdrawal of an open complaint", []string{"letter", ref, "withdrawal", "-o", out}, "niet ingetrokken"},
		{"other language", []string{"letter", described, "acknowledgement", "-o", out, "--lang", "en"}, "omschrijving voor de brieven"},
		{"representative without address", []string{"add", "--name", "A", "--summary", "x", "--channel", "letter", "--on-behalf-of", "mr. B"}, "adres"},
		{"unknown salutation", []string{"add", "--name", "A", "--summary", "x", "--channel", "letter", "--salutation", "dhr"}, "aanhef"},
		{"samples without folder", []string{"letter", "samples"}, "-o"},
		{"samples into a missing folder", []string{"letter", "samples", "-o", "/nonexistent/voorbeelden"}, "bestaat niet"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := fileHash(t, db)
			stdout, stderr, code := cli(t, db, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q, stderr %q)", code, stdout, stderr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 || !strings.Contains(stderr, tc.says) {
				t.Errorf("stderr %q: want one line mentioning %q", stderr, tc.says)
			}
			if fileHash(t, db) != before {
				t.Error("database changed")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Error("a PDF was written despite the refusal")
			}
		})
	}

	// A practice without its details gets no letters.
	bare := newDB(t)
	ref = strings.TrimSpace(ok(t, bare, "add", "--name", "A", "--summary", "B", "--channel", "letter", "--formal"))
	_, stderr, code := cli(t, bare, "letter", ref, "acknowledgement", "-o", out)
	if code != 2 || !strings.Contains(stderr, "practice_name") || !strings.Contains(stderr, "practice_address") || !strings.Contains(stderr, "practitioner_name") {
		t.Errorf("letter without practice details: exit %d, %q", code, stderr)
	}

	// A complainant without a postal or e-mail address gets no letter, and none is kept.
	db, _ = letterRegister(t)
	ref = strings.TrimSpace(ok(t, db, "add", "--name", "Karel Adresloos", "--summary", "B", "--channel", "letter", "--formal"))
	refusedUnchanged(t, db, "van de klager is geen postadres en geen e-mailadres bekend", "letter", ref, "acknowledgement", "-o", out)
}

// TestOrganisationsComplaint: a complaint of an organisation, entered with --organisation, is
// listed with it, and its letter goes to the organisation for the attention of the contact
// person, who is greeted by name.
func TestOrganisationsComplaint(t *testing.T) {
	db, _ := letterRegister(t)
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Wim Jansen", "--organisation", "Bakkerij Jansen B.V.", "--salutation", "heer",
		"--initials", "W.", "--surname", "Jansen", "--summary", "Factuur", "--channel", "letter", "--formal", "--address", "Dorpsstraat 1",
		"--postcode", "6711 AA", "--city", "Ede"))
	if out := ok(t, db, "list"); !strings.Contains(out, "Wim Jansen (Bakkerij Jansen B.V.)") {
		t.Errorf("list:\n%s", out)
	}
	if out := ok(t, db, "list", "--json"); !strings.Contains(out, `"organisation": "Bakkerij Jansen B.V."`) {
		t.Errorf("list --json:\n%s", out)
	}
	ack := filepath.Join(t.TempDir(), "ack.pdf")
	ok(t, db, "letter", ref, "acknowledgement", "-o", ack)
	text := strings.Join(strings.Fields(pdfToText(t, ack)), " ")
	for _, w := range []string{"Bakkerij Jansen B.V. t.a.v. de heer W. Jansen Dorpsstraat 1 6711 AA EDE", "Geachte heer Jansen,"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter lacks %q:\n%s", w, text)
		}
	}
}

// TestRepresentativeWithdrawalAndSamples: a representative gets the letters, a withdrawal is
// confirmed by letter, a letter can be dated ahead, and the sample set is written in one go.
func TestRepresentativeWithdrawalAndSamples(t *testing.T) {
	db, _ := letterRegister(t)
	dir := t.TempDir()
	ref := strings.TrimSpace(ok(t, db, "add", "--name", "Anne-Sophie van den Broek", "--salutation", "mevrouw", "--summary", "Factuur",
		"--channel", "letter", "--formal", "--address", "Kerkstraat 7", "--postcode", "3512jk", "--city", "Utrecht",
		"--on-behalf-of", "Jeroen de Wit", "--rep-salutation", "heer", "--rep-address", "Herengracht 500", "--rep-postcode", "1017 CB",
		"--rep-city", "Amsterdam"))
	ack := filepath.Join(dir, "ack.pdf")
	ok(t, db, "letter", ref, "acknowledgement", "-o", ack, "--date", "2026-12-10")
	text := strings.Join(strings.Fields(pdfToText(t, ack)), " ")
	for _, w := range []string{"De heer J. de Wit Herengracht 500 1017 CB AMSTERDAM", "Geachte heer De Wit,",
		"(namens mevrouw A.S. van den Broek)", "Utrecht, 10 december 2026"} {
		if !strings.Contains(text, w) {
			t.Errorf("letter to the representative lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Kerkstraat") {
		t.Errorf("the letter to the representative shows the complainant's address:\n%s", text)
	}
	ok(t, db, "withdraw", ref)
	wd := filepath.Join(dir, "intrekking.pdf")
	ok(t, db, "letter", ref, "withdrawal", "-o", wd)
	if text := pdfToText(t, wd); !strings.Contains(text, "Intrekking van de klacht (namens") { // the complainant's complaint, to the representative
		t.Errorf("withdrawal letter:\n%s", text)
	}
	samples := filepath.Join(dir, "voorbeelden")
	if err := os.Mkdir(samples, 0o700); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, db)
	if out := ok(t, db, "letter", "samples", "-o", samples); !strings.Contains(out, "28 voorbeeldbrieven") {
		t.Errorf("letter samples: %q", out)
	}
	if files, _ := filepath.Glob(filepath.Join(samples, "*.pdf")); len(files) != 28 {
		t.Errorf("%d sample PDFs, want 28", len(files))
	}
	if fileHash(t, db) != before {
		t.Error("making the samples changed the register")
	}
}

// TestInformationLetter: `letter REF information` is refused until `contact --request` records
// what is asked, then asks it by its date; `letter-sent` records no second contact moment;
// `contact --info-received --note` records what came in.
func TestInformationLetter(t *testing.T) {
	db, ref := letterRegister(t)
	out := filepath.Join(t.TempDir(), "verzoek.pdf")
	refusedUnchanged(t, db, "(contact "+ref+" --kind letter --request TEKST --expect DATUM)", "letter", ref, "information", "-o", out)
	ok(t, db, "contact", ref, "--kind", "letter", "--request", "de offerte die u van ons kreeg", "--expect", "2026-12-14")
	ok(t, db, "letter", ref, "information", "-o", out)
	text := strings.Join(strings.Fields(pdfToText(t, out)), " ")
	for _, w := range []string{"De offerte die u van ons kreeg.", "uiterlijk 14 december 2026 toesturen"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letter lacks %q:\n%s", w, text)
		}
	}
	ok(t, db, "letter-sent", ref, "information", "--via", "post")
	if shown := ok(t, db, "show", ref); strings.Count(shown, "gevraagd: de offerte") != 1 || strings.Contains(shown, "per post verstuurd") {
		t.Errorf("after sending the request for information, show lists:\n%s", shown)
	}
	refusedUnchanged(t, db, "--info-received gaat alleen samen met --on en --note", "contact", ref, "--info-received", "--expect", "2026-12-20")
	ok(t, db, "contact", ref, "--info-received", "--note", "offerte per e-mail ontvangen")
	if shown := ok(t, db, "show", ref); !strings.Contains(shown, "Gevraagde informatie ontvangen: offerte per e-mail ontvangen") {
		t.Errorf("the note of what came in is not in the timeline:\n%s", shown)
	}
}

// TestLetterDatedAheadIsMarkedSentOnItsDate: `letters` shows the date a letter carries, and
// `letter-sent` refuses a day before it (exit 2, nothing changed), naming that date.
func TestLetterDatedAheadIsMarkedSentOnItsDate(t *testing.T) {
	db, ref := letterRegister(t)
	ok(t, db, "letter", ref, "acknowledgement", "-o", filepath.Join(t.TempDir(), "ontvangst.pdf"), "--date", "2026-12-02")
	if out := ok(t, db, "letters", ref); !strings.Contains(out, "GEDATEERD") || !strings.Contains(out, "2026-12-02  nog niet") {
		t.Errorf("letters: %q", out)
	}
	refusedUnchanged(t, db, "is gedateerd 2026-12-02 en kan niet eerder zijn verstuurd", "letter-sent", ref, "acknowledgement", "--via", "post")
}
