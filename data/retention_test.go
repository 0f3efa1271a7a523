package data

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The complainant of the retention tests; the name is rare, so finding it in the file's bytes
// can only mean it was left behind.
const (
	privName  = "Wilhelmina Zwaanswijk"
	privEmail = "w.zwaanswijk@voorbeeld.example"
)

// fullFile registers a formal complaint that touches every table with personal data: address,
// representative, contacts, an extension, consent, an expert's statement, a share, an
// attachment and letters, then decides and closes it. It returns the reference.
func fullFile(t *testing.T, s *Store) string {
	t.Helper()
	setToday(s, "2024-03-01")
	c := complaint(privName, "2024-03-01", true)
	c.Complainant.AddressLine1, c.Complainant.Postcode, c.Complainant.City = "Zwaluwstraat 17", "3512 JK", "Utrecht"
	c.Complainant.Email, c.Complainant.Phone = privEmail, "06-87654321"
	c.Complainant.Organisation = "Kwekerij Zwaluwhof"
	c.Representative = Complainant{Name: "Piet Pleiter", NameParts: NameParts{Salutation: SalutationMr, Initials: "P.", Surname: "Pleiter"},
		Organisation: "Pleiter Advocaten", AddressLine1: "Vismarkt 3", Postcode: "3511 BA", City: "Utrecht"}
	c.Description = "Mevrouw Zwaanswijk schrijft dat de factuur niet klopt."
	c.Desired = "Excuses aan Zwaanswijk"
	c.PersonNamed = "Kees Medewerker"
	ref := mustCreate(t, s, c)
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst bevestigd aan Zwaanswijk."))
	setToday(s, "2024-03-05")
	_, err := s.AddContact(ref, Contact{Kind: ContactMeeting, Party: PartyComplainant, Hearing: true, Note: "Gesproken met mevrouw Zwaanswijk."})
	must(t, err)
	_, err = s.AddContact(ref, Contact{Kind: ContactPhone, Party: PartyConcerned, PartyName: "Kees Medewerker", Hearing: true, Note: "Kees gehoord."})
	must(t, err)
	must(t, s.Extend(ref, day("2024-04-15"), "Wij wachten op het advies van de deskundige over het dossier Zwaanswijk."))
	att, err := s.AddAttachment(ref, "zwaanswijk-factuur.txt", []byte("Factuur voor "+privName))
	must(t, err)
	must(t, s.GiveConsent(ref, Consent{How: "per e-mail van Zwaanswijk", Documents: Documents{All: true}}))
	expert, err := s.SaveExpert(Expert{Name: "Dr. Smit"})
	must(t, err)
	_, err = s.SaveLetter(ref, LetterConfidentiality, "nl", []byte("%PDF-1.4 verklaring over "+privName), expert)
	must(t, err)
	must(t, s.RecordStatement(ref, expert, day("2024-03-05")))
	_, err = s.ShareDocuments(ref, Share{ExpertID: expert, Attachments: []int64{att}})
	must(t, err)
	setToday(s, "2024-03-20")
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictPartlyWellFounded, Outcome: "Zwaanswijk krijgt een creditnota."}))
	must(t, s.RecordNoMeasure(ref, "Eenmalige fout bij Zwaanswijk."))
	l, err := s.SaveLetter(ref, LetterOutcome, "nl", []byte("%PDF-1.4 uitkomst voor "+privName), 0)
	must(t, err)
	must(t, s.MarkLetterSent(l.ID, Date{}, DeliveryPost))
	must(t, s.CloseComplaint(ref))
	return ref
}

// fileBytes is the database file and its write-ahead log, as one would grep them.
func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	var all []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	return all
}

func mustVerify(t *testing.T, s *Store) {
	t.Helper()
	v, err := s.Verify()
	must(t, err)
	if !v.OK() {
		t.Fatalf("Verify: %v", v.Problems)
	}
}

// TestAnonymiseLeavesNoTrace anonymises a complete file and finds the name and the e-mail
// address nowhere in the database file or its log, while verify stays green.
func TestAnonymiseLeavesNoTrace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2024-03-01")
	ref := fullFile(t, s)
	other := mustCreate(t, s, complaint("Anton Ander", "2024-03-20", false))
	for _, secret := range []string{"zwaanswijk", privEmail} {
		if !bytes.Contains(bytes.ToLower(fileBytes(t, path)), []byte(secret)) {
			t.Fatalf("the fixture does not hold %q: the test would prove nothing", secret)
		}
	}
	mustVerify(t, s)

	setToday(s, "2026-03-21")
	due, err := s.RetentionDue(s.today(), Date{})
	must(t, err)
	if len(due) != 1 || due[0].Reference != ref || due[0].ClosedOn != day("2024-03-20") || due[0].DueOn != day("2026-03-20") {
		t.Fatalf("RetentionDue = %+v", due)
	}
	n, err := s.Anonymise([]string{ref}, "bewaartermijn verstreken (Zwaanswijk)")
	must(t, err)
	if n != 1 {
		t.Fatalf("Anonymise = %d", n)
	}
	mustVerify(t, s)
	for _, secret := range []string{"zwaanswijk", privEmail, "87654321", "zwaluwstraat", "kees medewerker", "zwaluwhof", "pleiter"} {
		if i := bytes.Index(bytes.ToLower(fileBytes(t, path)), []byte(secret)); i >= 0 {
			t.Errorf("%q is still in the file (offset %d)", secret, i)
		}
	}
	if !bytes.Contains(fileBytes(t, path), []byte("Anton Ander")) {
		t.Error("another complaint's name is gone too")
	}

	f, err := s.File(ref)
	must(t, err)
	c := f.Complaint
	if c.Complainant != (Complainant{}) || c.Representative != (Complainant{}) || c.Summary != "" || c.Description != "" || c.Outcome != "" || c.PersonNamed != "" ||
		c.AnonymisedOn != day("2026-03-21") || c.NoMeasureReason != anonymisedMark {
		t.Errorf("anonymised complaint: %+v", c)
	}
	if c.Verdict != VerdictPartlyWellFounded || c.ClosedOn != day("2024-03-20") || c.Channel != ChannelEmail || !c.Formal {
		t.Errorf("what the report needs is gone: %+v", c)
	}
	if len(f.Extensions) != 1 || ClassifyExtension(f.Extensions[0].Reason) != ReasonExpert {
		t.Errorf("extensions %+v: the reason's category must stay", f.Extensions)
	}
	if len(f.Contacts) != 3 || f.Contacts[0].Note != "" || !f.Contacts[1].Hearing || f.Contacts[1].Party != PartyConcerned {
		t.Errorf("contacts %+v", f.Contacts)
	}
	if _, err := s.AttachmentContent(f.Attachments[0].ID); !isInputError(err) {
		t.Errorf("attachment of an anonymised complaint: %v", err)
	}
	if _, err := s.LetterPDF(f.Letters[0].ID); !isInputError(err) {
		t.Errorf("letter of an anonymised complaint: %v", err)
	}
	for _, e := range f.Events[:len(f.Events)-2] {
		if e.Payload != nil {
			t.Errorf("event %d (%s) kept its payload %s", e.ID, e.Kind, e.Payload)
		}
	}
	last := f.Events[len(f.Events)-2]
	if last.Kind != "complaint_anonymised" || strings.Contains(string(last.Payload), "Zwaanswijk") {
		t.Errorf("anonymisation event %s %s", last.Kind, last.Payload)
	}
	if hits, err := s.List(Filter{Search: "Zwaanswijk"}); err != nil || len(hits) != 0 {
		t.Errorf("search still finds the name: %d, %v", len(hits), err)
	}
	if err := s.Reopen(ref, "correctie"); !isInputError(err) {
		t.Errorf("Reopen of an anonymised file: %v", err)
	}
	if _, err := s.Anonymise([]string{ref}, "nogmaals"); !isInputError(err) {
		t.Errorf("second Anonymise: %v", err)
	}
	_ = other
}

// TestVerifyCatchesErasureWithoutRecord: after an anonymisation, a row image or payload
// removed by hand, or an image changed in an event that lost others to the erasure, is still
// found. The "mixed" event records rows of both complaints, as a schema upgrade does.
func TestVerifyCatchesErasureWithoutRecord(t *testing.T) {
	for name, stmts := range map[string][]string{
		"nothing": nil,
		"image of another complaint": {`DROP TRIGGER event_rows_append_only_delete`,
			`DELETE FROM event_rows WHERE tbl = 'complaints' AND row_key = 2 AND event_id = (SELECT id FROM events WHERE kind = 'complaint_created' AND complaint_id = 2)`},
		"kept image of a mixed event": {`DROP TRIGGER event_rows_append_only_update`,
			`UPDATE event_rows SET before = x'00' WHERE event_id = (SELECT id FROM events WHERE kind = 'mixed')`},
		"kept image removed": {`DROP TRIGGER event_rows_append_only_delete`,
			`DELETE FROM event_rows WHERE event_id = (SELECT id FROM events WHERE kind = 'mixed')`},
		"payload of another complaint": {`DELETE FROM event_payloads WHERE event_id = (SELECT min(id) FROM events WHERE complaint_id = 2)`},
		"payload of the anonymisation": {`DELETE FROM event_payloads WHERE event_id = (SELECT id FROM events WHERE kind = 'complaint_anonymised')`},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "register.db")
			s := openAt(t, path, "2024-03-01")
			ref := fullFile(t, s)
			mustCreate(t, s, complaint("Anton Ander", "2024-03-20", true))
			must(t, s.update(func(tx *Tx) error {
				if _, err := tx.Exec(`UPDATE complaints SET handler = handler`); err != nil {
					return err
				}
				return tx.event(0, "mixed", map[string]int{})
			}))
			setToday(s, "2026-04-01")
			_, err := s.Anonymise([]string{ref}, "bewaartermijn verstreken")
			must(t, err)
			mustVerify(t, s)
			var mixed, left int64
			must(t, s.r.QueryRow(`SELECT id, (SELECT count(*) FROM event_rows WHERE event_id = e.id) FROM events e WHERE kind = 'mixed'`).Scan(&mixed, &left))
			if left != 1 {
				t.Fatalf("the mixed event keeps %d row images, want 1 (the other complaint's)", left)
			}
			must(t, s.Close())
			if stmts == nil {
				return
			}
			execRaw(t, path, stmts...)
			s = openAt(t, path, "2026-04-01")
			v, err := s.Verify()
			must(t, err)
			if v.OK() {
				t.Fatal("verify found nothing")
			}
			if strings.HasPrefix(name, "kept") && v.EventID != mixed {
				t.Errorf("verify: %v at event %d, want the mixed event %d", v.Problems, v.EventID, mixed)
			}
		})
	}
}

// TestLegalHold keeps a held complaint out of anonymisation and erasure, and lists it.
func TestLegalHold(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2024-03-01")
	ref := fullFile(t, s)
	must(t, s.Hold(ref, "tuchtzaak loopt"))
	c := complaintOf(t, s, ref)
	if !c.Held || c.HoldReason != "tuchtzaak loopt" {
		t.Fatalf("held: %+v", c)
	}
	setToday(s, "2026-06-01")
	due, err := s.RetentionDue(s.today(), Date{})
	must(t, err)
	if len(due) != 1 || !due[0].Held || due[0].HoldReason != "tuchtzaak loopt" {
		t.Fatalf("RetentionDue = %+v", due)
	}
	if items := RetentionItems(due, s.today(), DefaultSettings()); len(items) != 0 {
		t.Errorf("a held file is counted on Vandaag: %+v", items)
	}
	must(t, s.Close())
	before := fileSum(t, path)
	s = openAt(t, path, "2026-06-01")
	if _, err := s.Anonymise([]string{ref}, "bewaartermijn verstreken"); !isInputError(err) || !strings.Contains(err.Error(), "bewaarplicht") {
		t.Errorf("Anonymise under hold: %v", err)
	}
	if err := s.Erase(ref, "verzoek klager", false); !isInputError(err) {
		t.Errorf("Erase under hold: %v", err)
	}
	must(t, s.Close())
	if fileSum(t, path) != before {
		t.Fatal("a refused anonymisation changed the file")
	}
	s = openAt(t, path, "2026-06-01")
	if err := s.Hold(ref, " "); !isInputError(err) {
		t.Errorf("hold without reason: %v", err)
	}
	must(t, s.ReleaseHold(ref))
	if err := s.ReleaseHold(ref); !isInputError(err) {
		t.Errorf("second release: %v", err)
	}
	_, items, err := s.Overview()
	must(t, err)
	i := slices.IndexFunc(items, func(it ActionItem) bool { return it.Kind == ItemRetention })
	if i < 0 || items[i].Detail != "1 dossier over de bewaartermijn" || items[i].Count != 1 || items[i].Reference != "" || items[i].DueOn != day("2026-03-20") || items[i].Warning != WarningOverdue {
		t.Fatalf("Vandaag has no retention item: %+v", items)
	}
	n, err := s.Anonymise([]string{ref}, "bewaartermijn verstreken")
	must(t, err)
	if n != 1 {
		t.Fatal(n)
	}
	if err := s.Hold(ref, "te laat"); !isInputError(err) {
		t.Errorf("hold on an anonymised complaint: %v", err)
	}
	mustVerify(t, s)
}

// TestEraseOpenComplaint refuses to erase a complaint in progress unless the withdrawal is
// recorded with it.
func TestEraseOpenComplaint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	ref := mustCreate(t, s, complaint(privName, "2026-03-02", true))
	must(t, s.Close())
	before := fileSum(t, path)
	s = openAt(t, path, "2026-03-04")
	err := s.Erase(ref, "verzoek van de klager", false)
	if !isInputError(err) || !strings.Contains(err.Error(), "--withdraw") {
		t.Fatalf("Erase of an open complaint: %v", err)
	}
	if err := s.Erase(ref, "", true); !isInputError(err) {
		t.Fatalf("Erase without reason: %v", err)
	}
	must(t, s.Close())
	if fileSum(t, path) != before {
		t.Fatal("a refused erasure changed the file")
	}
	s = openAt(t, path, "2026-03-04")
	must(t, s.Erase(ref, "verzoek van de klager", true))
	c := complaintOf(t, s, ref)
	if c.Status != StatusWithdrawn || c.WithdrawnOn != day("2026-03-04") || c.AnonymisedOn != day("2026-03-04") || c.Complainant.Name != "" {
		t.Fatalf("erased: %+v", c)
	}
	evs, err := s.Timeline(ref)
	must(t, err)
	kinds := []string{}
	for _, e := range evs {
		kinds = append(kinds, e.Kind)
	}
	if want := []string{"complaint_created", "status_changed", "complaint_anonymised", "payload_erased"}; !slices.Equal(kinds, want) {
		t.Errorf("timeline %v, want %v", kinds, want)
	}
	if !strings.Contains(evs[2].Describe().String(), "op verzoek") {
		t.Errorf("describe: %q", evs[2].Describe())
	}
	mustVerify(t, s)
	if bytes.Contains(bytes.ToLower(fileBytes(t, path)), []byte("zwaanswijk")) {
		t.Error("the name is still in the file")
	}
}

// TestExportPerson checks the answer to an access request: the files in the ZIP, the JSON
// and the explanation.
// zipFiles reads a ZIP: each file's content by name, and the names in order.
func zipFiles(t *testing.T, b []byte) (map[string]string, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	files := map[string]string{}
	var names []string
	for _, f := range zr.File {
		r, err := f.Open()
		must(t, err)
		content, err := io.ReadAll(r)
		must(t, err)
		files[f.Name], names = string(content), append(names, f.Name)
	}
	return files, names
}

func TestExportPerson(t *testing.T) {
	s := openStore(t, "2024-03-01")
	must(t, s.SetSettings(map[string]string{"practice_name": "Praktijk Zon", "practice_email": "info@zon.example"}))
	ref := fullFile(t, s)
	b, err := s.ExportPerson(ref)
	must(t, err)
	files, names := zipFiles(t, b)
	want := []string{"LEESMIJ.txt", "overzicht.txt", "klacht.json", "brieven/geheimhoudingsverklaring-versie-1.pdf",
		"brieven/uitkomstbrief-versie-1.pdf", "bijlagen/1-zwaanswijk-factuur.txt"}
	if !slices.Equal(names, want) {
		t.Fatalf("ZIP holds %v, want %v", names, want)
	}
	if files["bijlagen/1-zwaanswijk-factuur.txt"] != "Factuur voor "+privName || !strings.Contains(files["brieven/uitkomstbrief-versie-1.pdf"], privName) {
		t.Error("the documents are not the stored bytes")
	}
	var j map[string]any
	must(t, json.Unmarshal([]byte(files["klacht.json"]), &j))
	for _, k := range []string{"reference", "complaint", "contacts", "extensions", "consents", "shares", "letters", "attachments", "timeline"} {
		if _, ok := j[k]; !ok {
			t.Errorf("klacht.json has no %q", k)
		}
	}
	stored := j["complaint"].(map[string]any)
	if stored["complainant"].(map[string]any)["email"] != privEmail || len(j["contacts"].([]any)) != 3 ||
		len(j["timeline"].([]any)) < 10 || j["letters"].([]any)[1].(map[string]any)["file"] != "brieven/uitkomstbrief-versie-1.pdf" {
		t.Errorf("klacht.json: %s", files["klacht.json"])
	}
	// The overview says it all in plain Dutch: no codes or field names of the JSON.
	plain := files["overzicht.txt"]
	// A share names the documents as the complainant knows them, not by the register's numbers.
	if !strings.Contains(plain, "met Dr. Smit: ‘zwaanswijk-factuur.txt’") {
		t.Errorf("overzicht.txt names the shared documents by number:\n%s", plain)
	}
	for _, want := range []string{"Overzicht van uw gegevens bij klacht " + ref, "Praktijk Zon", "Naam: " + privName,
		"E-mailadres: " + privEmail, "Contactmomenten", "Brieven", "Uitkomstbrief (versie 1)", "Bijlagen", "Verloop van de behandeling",
		"Toestemming voor een externe deskundige", "Stukken gedeeld met een externe deskundige",
		"Klacht geregistreerd"} {
		if !strings.Contains(plain, want) {
			t.Errorf("overzicht.txt lacks %q:\n%s", want, plain)
		}
	}
	if iso := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).FindString(plain); iso != "" { // dates in words, as the rest
		t.Errorf("overzicht.txt shows the date %s as the CLI does:\n%s", iso, plain)
	}
	for _, code := range []string{"received_on", "\"status\"", "formal", "{", "payload"} {
		if strings.Contains(plain, code) {
			t.Errorf("overzicht.txt shows the code %q:\n%s", code, plain)
		}
	}
	readme := files["LEESMIJ.txt"]
	got, _ := s.Complaint(ref)
	if got.ClosedOn.IsZero() {
		t.Fatal("the full file is not closed")
	}
	until := longDay(got.ClosedOn.AddMonths(24)) // retention_years 2, the default
	for _, want := range []string{"Uw gegevens bij klacht " + ref, "Praktijk Zon", "artikel 15", "overzicht.txt", "klacht.json", "brieven", "bijlagen", "info@zon.example",
		// art. 15 also asks why the data are kept, how long, and where to complain
		"om uw klacht te behandelen", "Wij bewaren ze tot " + until + " (2 jaar na de afsluiting van uw klacht)", "Autoriteit Persoonsgegevens"} {
		if !strings.Contains(readme, want) {
			t.Errorf("LEESMIJ.txt lacks %q:\n%s", want, readme)
		}
	}
	setToday(s, got.ClosedOn.AddMonths(24).String()) // the period over, the file not yet anonymised
	b, err = s.ExportPerson(ref)
	must(t, err)
	files, _ = zipFiles(t, b)
	if want := "De bewaartermijn van 2 jaar na de afsluiting van uw klacht is op " + until + " verstreken"; !strings.Contains(files["LEESMIJ.txt"], want) {
		t.Errorf("LEESMIJ.txt after the retention period lacks %q:\n%s", want, files["LEESMIJ.txt"])
	}
	if _, err := s.ExportPerson("K-2099-0001"); !isInputError(err) {
		t.Errorf("unknown reference: %v", err)
	}

	// Once anonymised, the ZIP holds no letters or attachments: the explanation names no such
	// folders, and the overview lists the attachment without its erased name.
	must(t, s.Erase(ref, "Verzoek van de klager.", false))
	b, err = s.ExportPerson(ref)
	must(t, err)
	erasedFiles, _ := zipFiles(t, b)
	if readme := erasedFiles["LEESMIJ.txt"]; strings.Contains(readme, "- brieven:") || strings.Contains(readme, "- bijlagen:") {
		t.Errorf("LEESMIJ.txt of an anonymised complaint names folders the ZIP lacks:\n%s", readme)
	}
	if plain := erasedFiles["overzicht.txt"]; !strings.Contains(plain, "Een bijlage (gewist met de persoonsgegevens), toegevoegd op") || strings.Contains(plain, "\r\n, toegevoegd op") {
		t.Errorf("overzicht.txt of an anonymised complaint:\n%s", plain)
	}

	// A complainant who gets English letters gets the explanation in English.
	c := complaint("Jane Smith", "2024-03-01", false)
	c.Language = "en"
	english := mustCreate(t, s, c)
	b, err = s.ExportPerson(english)
	must(t, err)
	files, names = zipFiles(t, b)
	if names[0] != "README.txt" {
		t.Fatalf("the English export starts with %s", names[0])
	}
	for _, want := range []string{"Your data for complaint " + english, "article 15", "klacht.json", "Yours sincerely", "Praktijk Zon",
		"We keep them until 2 years after your complaint was concluded", "Autoriteit Persoonsgegevens"} {
		if !strings.Contains(files["README.txt"], want) {
			t.Errorf("README.txt lacks %q:\n%s", want, files["README.txt"])
		}
	}
}

// TestExtensionCategorySurvives: an anonymised extension's reason is its category's label,
// which reads back as the same category.
func TestExtensionCategorySurvives(t *testing.T) {
	for _, r := range ExtensionReasons {
		if got := ClassifyExtension(r.Label()); got != r {
			t.Errorf("ClassifyExtension(%q) = %s, want %s", r.Label(), got, r)
		}
	}
}

// TestAnonymiseKeepsReopenings: the annual report counts reopened files from the events whose
// payloads anonymising erases; the anonymisation event keeps those moments.
func TestAnonymiseKeepsReopenings(t *testing.T) {
	s := openStore(t, "2024-03-01")
	ref := fullFile(t, s)
	setToday(s, "2024-04-02")
	must(t, s.Reopen(ref, "verkeerde datum bij Zwaanswijk"))
	must(t, s.CloseComplaint(ref))
	before, err := s.YearReport(2024)
	must(t, err)
	if before.Current.Reopened != 1 {
		t.Fatalf("the fixture reopens %d files in 2024, want 1", before.Current.Reopened)
	}
	setToday(s, "2026-05-01")
	_, err = s.Anonymise([]string{ref}, "bewaartermijn verstreken")
	must(t, err)
	after, err := s.YearReport(2024)
	must(t, err)
	if after.Current != before.Current || !slices.Equal(after.ByExtensionReason, before.ByExtensionReason) {
		t.Errorf("figures changed:\nbefore %+v\nafter  %+v", before.Current, after.Current)
	}
	mustVerify(t, s)
}

// TestAnonymiseRefusesUnfinishedFiles: an open or merely resolved complaint is refused with
// what to do, and nothing of the other complaints named changes.
func TestAnonymiseRefusesUnfinishedFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2024-03-01")
	closed := fullFile(t, s)
	open := mustCreate(t, s, complaint("Anton Ander", "2024-03-20", true))
	resolved := mustCreate(t, s, complaint("Bea Beslist", "2024-03-20", false))
	must(t, s.Resolve(resolved, Resolution{Verdict: VerdictSettled, Outcome: "besproken", Justified: JustifiedNo}))
	must(t, s.Close())
	before := fileSum(t, path)
	s = openAt(t, path, "2026-06-01")
	for ref, want := range map[string]string{open: "in behandeling", resolved: "sluit het eerst", "K-2099-0001": "bestaat niet"} {
		if _, err := s.Anonymise([]string{closed, ref}, "bewaartermijn verstreken"); !isInputError(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("Anonymise(%s): %v, want %q", ref, err, want)
		}
	}
	if _, err := s.Anonymise([]string{closed}, " "); !isInputError(err) {
		t.Errorf("Anonymise without a reason: %v", err)
	}
	must(t, s.Close())
	if fileSum(t, path) != before {
		t.Fatal("a refused anonymisation changed the file")
	}
}

// TestAnonymiseAnUpgradedRegister: in a register upgraded from before row tracking, the
// complaint's rows are in the register-wide events of sealing and each schema upgrade, beside
// other complaints' rows. Anonymising erases its images there and verify stays green.
func TestAnonymiseAnUpgradedRegister(t *testing.T) {
	path := olderRegister(t)
	s := openAt(t, path, "2024-03-01")
	other := fullFile(t, s)
	setToday(s, "2025-03-04")
	must(t, s.Withdraw("K-2025-0001", Date{}, ""))
	setToday(s, "2027-04-01")
	due, err := s.RetentionDue(s.today(), Date{})
	must(t, err)
	if len(due) != 2 {
		t.Fatalf("RetentionDue = %+v", due)
	}
	_, err = s.Anonymise([]string{"K-2025-0001"}, "bewaartermijn verstreken")
	must(t, err)
	mustVerify(t, s)
	var erased erasure
	var payload string
	must(t, s.r.QueryRow(`SELECT payload FROM event_payloads WHERE event_id = (SELECT max(id) FROM events)`).Scan(&payload))
	must(t, json.Unmarshal([]byte(payload), &erased))
	kinds := map[string]bool{}
	for _, r := range erased.Rows {
		var kind string
		must(t, s.r.QueryRow(`SELECT kind FROM events WHERE id = ?`, r.Event).Scan(&kind))
		kinds[kind] = true
	}
	if !kinds["register_sealed"] || !kinds["schema_upgraded"] {
		t.Errorf("images erased from %v, want the sealing and the schema upgrades too", kinds)
	}
	_, err = s.Anonymise([]string{other}, "bewaartermijn verstreken")
	must(t, err)
	mustVerify(t, s)
	var upgrade int64
	must(t, s.r.QueryRow(`SELECT min(id) FROM events WHERE kind = 'schema_upgraded'`).Scan(&upgrade))
	must(t, s.Close())
	execRaw(t, path, fmt.Sprintf(`INSERT INTO event_rows (event_id, tbl, row_key, before, after) VALUES (%d, 'complaints', 1, NULL, x'00')`, upgrade))
	if v := verifyAt(t, path); v.OK() || v.EventID != upgrade {
		t.Errorf("verify of an image slipped into an event whose images were erased: %v at event %d, want event %d", v.Problems, v.EventID, upgrade)
	}
}

// TestRetentionQueriesUseIndexes: the files past retention (read for Vandaag at every refresh)
// and the reopenings of anonymised files (read for every annual report) come from their own
// small indexes, not from reading every complaint or event (see TestHotQueriesUseIndexes):
// scanning the partial index of the anonymisations with reopenings is what it is for.
func TestRetentionQueriesUseIndexes(t *testing.T) {
	s := openStore(t, "2026-11-30")
	for name, q := range map[string]struct {
		sql  string
		args []any
	}{
		"files past retention":   {retentionDueSQL, []any{day("2024-11-30")}},
		"reopenings, anonymised": {reopenedAnonymisedSQL, []any{"2025", "2027"}},
	} {
		var lines []string
		for _, n := range explain(t, s, q.sql, q.args...) {
			lines = append(lines, n.detail)
			if fullScan.MatchString(n.detail) || strings.Contains(n.detail, "TEMP B-TREE") || n.detail == "SCAN p" || n.detail == "SCAN e" {
				t.Errorf("%s reads more than it needs: %q", name, n.detail)
			}
		}
		t.Logf("%s:\n%s", name, strings.Join(lines, "\n"))
	}
}

// The Vandaag line for files past their retention period writes a large count as a Dutch
// reader does: 1.352, not 1352.
func TestRetentionDetailCarriesTheThousandsSeparator(t *testing.T) {
	for n, want := range map[int]string{1: "1 dossier over de bewaartermijn", 999: "999 dossiers over de bewaartermijn",
		1352: "1.352 dossiers over de bewaartermijn", 100000: "100.000 dossiers over de bewaartermijn"} {
		if got := RetentionDetail(n); got != want {
			t.Errorf("RetentionDetail(%d) = %q, want %q", n, got, want)
		}
	}
}

// ThousandsIn writes counts as a reader of the language does, for the screens and the report.
func TestThousandsIn(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{{"nl", 999, "999"}, {"nl", 47707, "47.707"}, {"en", 47707, "47,707"}, {"en", 1199296, "1,199,296"}, {"nl", -1352, "-1.352"}} {
		if got := ThousandsIn(c.lang, c.n); got != c.want {
			t.Errorf("ThousandsIn(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

// TestDecimalIn: a median of 20.5 days reads 20,5 on the screen and in the annual report alike
// (the screen rounded it to 20 while the report said 20,5).
func TestDecimalIn(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		want string
	}{{"nl", 20.5, "20,5"}, {"en", 20.5, "20.5"}, {"nl", 21, "21"}, {"nl", 2.25, "2,3"}, {"nl", 0, "0"}} {
		if got := DecimalIn(c.lang, c.v); got != c.want {
			t.Errorf("DecimalIn(%s, %v) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
}

// TestRetentionEndsAsTheReviewCountsIt: the day the Privacy tab and the access request name as
// the end of the retention period is the day the review list counts from. An imported closed
// file without a day of closing was said to be kept "until 2 years after closing" while it
// was on the list already; a reopened file was given the end of its earlier closing.
func TestRetentionEndsAsTheReviewCountsIt(t *testing.T) {
	set := Settings{KeyRetentionYears: "2"}
	for _, c := range []struct {
		name string
		c    Complaint
		want Date
	}{
		{"closed", Complaint{Status: StatusClosed, ReceivedOn: day("2024-01-05"), ResolvedOn: day("2024-02-01"), ClosedOn: day("2024-02-10")}, day("2026-02-10")},
		{"withdrawn", Complaint{Status: StatusWithdrawn, ReceivedOn: day("2024-01-05"), WithdrawnOn: day("2024-01-20")}, day("2026-01-20")},
		{"imported, resolved", Complaint{Status: StatusClosed, ReceivedOn: day("2020-01-05"), ResolvedOn: day("2020-03-01")}, day("2022-03-01")},
		{"imported, received only", Complaint{Status: StatusClosed, ReceivedOn: day("2020-01-05")}, day("2022-01-05")},
		{"reopened", Complaint{Status: StatusReceived, ReceivedOn: day("2024-01-05"), ClosedOn: day("2024-02-10")}, Date{}},
	} {
		if got := RetentionEnds(c.c, set); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
