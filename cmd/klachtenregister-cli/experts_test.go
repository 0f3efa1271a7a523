package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refusedUnchanged runs a command that must be refused: exit 2, one line on stderr that says
// why (containing says), and the database byte for byte as it was.
func refusedUnchanged(t *testing.T, db, says string, args ...string) {
	t.Helper()
	before := fileHash(t, db)
	_, stderr, code := cli(t, db, args...)
	if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, says) || fileHash(t, db) != before {
		t.Errorf("%v: exit %d, stderr %q (want one line with %q), database changed %v", args, code, stderr, says, fileHash(t, db) != before)
	}
}

// TestExpertsConsentAndSharing walks consent and the expert as a practitioner would: the
// acknowledgement asks consent, the complainant ticks one attachment, the expert signs the
// statement for this complaint, and only what the consent names is shared.
func TestExpertsConsentAndSharing(t *testing.T) {
	db, ref := letterRegister(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "jaarrekening.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 stukje"), 0o600); err != nil {
		t.Fatal(err)
	}
	ok(t, db, "attach", ref, doc)                                                          // attachment 1
	ok(t, db, "letter", ref, "acknowledgement", "-o", filepath.Join(dir, "ontvangst.pdf")) // letter 1, with the consent form
	ok(t, db, "letter-sent", ref, "acknowledgement", "--via", "post", "--on", "2026-11-30")
	ok(t, db, "expert", "--name", "drs. H. Verhoef", "--organisation", "Verhoef Advies", "--email", "h.verhoef@example.nl")
	ok(t, db, "expert", "--name", "dr. A. Smit")

	var file struct {
		ConsentState string           `json:"consent_state"`
		Consents     []map[string]any `json:"consents"`
		Statements   []map[string]any `json:"statements"`
		Shares       []map[string]any `json:"shares"`
	}
	show := func() {
		t.Helper()
		file.Consents, file.Statements, file.Shares = nil, nil, nil
		if err := json.Unmarshal([]byte(ok(t, db, "show", ref, "--json")), &file); err != nil {
			t.Fatal(err)
		}
	}
	show()
	if file.ConsentState != "asked" {
		t.Errorf("after the acknowledgement with the form was sent: consent_state %q, want asked", file.ConsentState)
	}

	refusedUnchanged(t, db, "voor welke stukken", "consent", ref, "--how", "schriftelijk")
	refusedUnchanged(t, db, "hoort niet bij", "consent", ref, "--how", "schriftelijk", "--letter", "9")
	refusedUnchanged(t, db, "geheimhoudingsverklaring", "share", ref, "--expert", "1", "--attachment", "1")
	ok(t, db, "consent", ref, "--how", "schriftelijk (formulier)", "--attachment", "1", "--on", "2026-11-30")

	refusedUnchanged(t, db, "geheimhoudingsverklaring", "share", ref, "--expert", "1", "--attachment", "1")
	refusedUnchanged(t, db, "nog geen geheimhoudingsverklaring", "expert-statement", ref, "--expert", "1", "--signed", "2026-11-30")
	ok(t, db, "letter", ref, "confidentiality", "--expert", "1", "-o", filepath.Join(dir, "verklaring.pdf")) // letter 2
	refusedUnchanged(t, db, "vóór de datum van de geheimhoudingsverklaring", "expert-statement", ref, "--expert", "1", "--signed", "2026-11-29")
	refusedUnchanged(t, db, "toekomst", "expert-statement", ref, "--expert", "1", "--signed", "2026-12-01")
	refusedUnchanged(t, db, "nog geen geheimhoudingsverklaring", "expert-statement", ref, "--expert", "2", "--signed", "2026-11-30")
	refusedUnchanged(t, db, "bestaat niet", "expert-statement", ref, "--expert", "9", "--signed", "2026-11-30")
	refusedUnchanged(t, db, "--signed", "expert-statement", ref, "--expert", "1")
	ok(t, db, "expert-statement", ref, "--expert", "1", "--signed", "2026-11-30")

	refusedUnchanged(t, db, "alleen voor bijlage 1", "share", ref, "--expert", "1", "--attachment", "1", "--letter", "1")
	refusedUnchanged(t, db, "hoort niet bij", "share", ref, "--expert", "1", "--attachment", "7")
	refusedUnchanged(t, db, "kies de stukken", "share", ref, "--expert", "1")
	refusedUnchanged(t, db, "geheimhoudingsverklaring", "share", ref, "--expert", "2", "--attachment", "1")
	refusedUnchanged(t, db, "--expert ID", "share", ref, "--expert", "Verhoef", "--attachment", "1")
	refusedUnchanged(t, db, "geen nummer", "share", ref, "--expert", "1", "--attachment", "een")
	ok(t, db, "share", ref, "--expert", "1", "--attachment", "1")

	show()
	if file.ConsentState != "given" || len(file.Consents) != 1 || file.Consents[0]["state"] != "given" ||
		file.Consents[0]["all_documents"] != false || len(file.Consents[0]["attachments"].([]any)) != 1 {
		t.Errorf("consents: %q %v", file.ConsentState, file.Consents)
	}
	if len(file.Statements) != 1 || file.Statements[0]["expert_id"] != 1.0 || file.Statements[0]["signed_on"] != "2026-11-30" || file.Statements[0]["letter_id"] != 2.0 {
		t.Errorf("statements: %v", file.Statements)
	}
	if len(file.Shares) != 1 || file.Shares[0]["expert"] != "drs. H. Verhoef" || file.Shares[0]["attachments"].([]any)[0] != 1.0 ||
		len(file.Shares[0]["letters"].([]any)) != 0 {
		t.Errorf("shares: %v", file.Shares)
	}

	// A refusal after sharing ends consent: the output names the expert who holds copies,
	// 'deadlines' asks for them back until copies-returned records it.
	if out := ok(t, db, "consent", ref, "--refused", "--how", "telefonisch"); !strings.Contains(out, "gedeeld met:\n  drs. H. Verhoef (deskundige 1, laatst gedeeld op 2026-11-30)") ||
		!strings.Contains(out, "copies-returned "+ref+" --expert ID") {
		t.Errorf("the refusal after sharing says %q", out)
	}
	if out := ok(t, db, "deadlines"); !strings.Contains(out, "Vraag drs. H. Verhoef de kopieën terug te geven of te vernietigen") {
		t.Errorf("deadlines after the refusal: %q", out)
	}
	refusedUnchanged(t, db, "geen kopieën die terug moeten", "copies-returned", ref, "--expert", "2")
	ok(t, db, "copies-returned", ref, "--expert", "1", "--destroyed")
	if out := ok(t, db, "deadlines"); strings.Contains(out, "kopieën") {
		t.Errorf("deadlines after copies-returned: %q", out)
	}
	refusedUnchanged(t, db, "toestemming", "share", ref, "--expert", "1", "--attachment", "1")
	show()
	if file.ConsentState != "refused" {
		t.Errorf("after the refusal: consent_state %q", file.ConsentState)
	}
	refusedUnchanged(t, db, "--withdraw gaat alleen samen met --on", "consent", ref, "--withdraw", "--all")
	refusedUnchanged(t, db, "geen toestemming vastgelegd die kan worden ingetrokken", "consent", ref, "--withdraw")
	ok(t, db, "consent", ref, "--how", "per e-mail", "--all")
	ok(t, db, "share", ref, "--expert", "1", "--attachment", "1", "--letter", "1")
	if out := ok(t, db, "consent", ref, "--withdraw"); !strings.Contains(out, "drs. H. Verhoef (deskundige 1") {
		t.Errorf("the withdrawal after sharing says %q", out)
	}
	refusedUnchanged(t, db, "toestemming", "share", ref, "--expert", "1", "--attachment", "1")

	ok(t, db, "withdraw", ref, "--on", "2026-11-30", "--note", "klager ziet ervan af")
	refusedUnchanged(t, db, "ingetrokken", "share", ref, "--expert", "1", "--attachment", "1")
	refusedUnchanged(t, db, "ingetrokken", "consent", ref, "--how", "per e-mail", "--all")

	// The anonymising review names the expert who still holds copies (none of the rest do).
	if out := ok(t, db, "anonymise", "--closed-before", "2026-12-01", "--dry-run"); !strings.Contains(out,
		"Er liggen nog kopieën van stukken bij een deskundige:\n  "+ref+": drs. H. Verhoef\n") {
		t.Errorf("anonymise --dry-run says %q", out)
	}

	// Erased at the complainant's request: the copies are still out, the output says to tell
	// the expert of the erasure too, and 'deadlines' keeps asking until copies-returned.
	if out := ok(t, db, "erase", ref, "--reason", "verzoek van de klager"); !strings.Contains(out, "drs. H. Verhoef (deskundige 1") ||
		!strings.Contains(out, "meld daarbij dat de gegevens van de klager zijn gewist") {
		t.Errorf("the erasure says %q", out)
	}
	if out := ok(t, db, "deadlines"); !strings.Contains(out, "Vraag drs. H. Verhoef de kopieën terug te geven of te vernietigen") {
		t.Errorf("deadlines after the erasure: %q", out)
	}
	if out := ok(t, db, "show", ref); !strings.Contains(out, "\n  1  (samen met de persoonsgegevens gewist)\n") {
		t.Errorf("show after the erasure lists the attachments as %q", out)
	}
	ok(t, db, "copies-returned", ref, "--expert", "1")
	if out := ok(t, db, "deadlines"); strings.Contains(out, "kopieën") {
		t.Errorf("deadlines after copies-returned on the erased file: %q", out)
	}
}

// TestWhoComplains: a formal phone complaint needs who took the call and the explicit request,
// an anonymous complaint is informal only and gets no letters, and a withdrawal takes its date.
func TestWhoComplains(t *testing.T) {
	db, _ := letterRegister(t)
	phone := []string{"add", "--name", "Sanne Bakker", "--summary", "Niet teruggebeld", "--channel", "phone", "--received", "2026-11-25"}
	refusedUnchanged(t, db, "wie het gesprek aannam", append(phone, "--formal", "--explicit-request")...)
	refusedUnchanged(t, db, "uitdrukkelijk", append(phone, "--formal", "--taken-by", "Anne de Linde")...)
	formal := strings.TrimSpace(ok(t, db, append(phone, "--formal", "--taken-by", "Anne de Linde", "--explicit-request")...))
	var file struct {
		Complaint map[string]any `json:"complaint"`
	}
	if err := json.Unmarshal([]byte(ok(t, db, "show", formal, "--json")), &file); err != nil {
		t.Fatal(err)
	}
	if file.Complaint["taken_by"] != "Anne de Linde" || file.Complaint["explicit_request"] != true {
		t.Errorf("phone intake in the JSON: %v", file.Complaint)
	}

	informal := strings.TrimSpace(ok(t, db, phone...))
	refusedUnchanged(t, db, "wie het gesprek aannam", "escalate", informal)
	refusedUnchanged(t, db, "uitdrukkelijk", "escalate", informal, "--taken-by", "Anne de Linde")
	ok(t, db, "escalate", informal, "--taken-by", "Anne de Linde", "--explicit-request", "--on", "2026-11-26")
	written := strings.TrimSpace(ok(t, db, phone...)) // filed in writing after the call
	refusedUnchanged(t, db, "kies één van de twee", "escalate", written, "--in-writing", "--explicit-request")
	ok(t, db, "escalate", written, "--in-writing", "--on", "2026-11-26")

	anon := []string{"add", "--anonymous", "--summary", "Onvriendelijk te woord gestaan", "--channel", "conversation", "--received", "2026-11-25"}
	refusedUnchanged(t, db, "anonieme klacht heeft geen naam", append(anon, "--name", "Jansen")...)
	refusedUnchanged(t, db, "alleen informeel", append(anon, "--formal")...)
	refusedUnchanged(t, db, "naam van de klager", "add", "--summary", "x", "--channel", "conversation")
	ref := strings.TrimSpace(ok(t, db, anon...))
	refusedUnchanged(t, db, "anoniem", "escalate", ref)
	refusedUnchanged(t, db, "anoniem", "letter", ref, "consent", "-o", filepath.Join(t.TempDir(), "x.pdf"))
	refusedUnchanged(t, db, "anoniem", "consent", ref, "--how", "x", "--all")

	refusedUnchanged(t, db, "toekomst", "withdraw", ref, "--on", "2026-12-01")
	refusedUnchanged(t, db, "vóór de ontvangst", "withdraw", ref, "--on", "2026-11-24")
	ok(t, db, "withdraw", ref, "--on", "2026-11-27", "--note", "toch niet")
	if err := json.Unmarshal([]byte(ok(t, db, "show", ref, "--json")), &file); err != nil {
		t.Fatal(err)
	}
	if file.Complaint["withdrawn_on"] != "2026-11-27" || file.Complaint["anonymous"] != true {
		t.Errorf("withdrawn anonymous complaint: %v", file.Complaint)
	}
}

// TestDisputesBodyPlaceholder: choosing the care sector offers the Wkkgz text with a
// placeholder, and the outcome letter waits until the practice fills in the name.
func TestDisputesBodyPlaceholder(t *testing.T) {
	db, ref := letterRegister(t)
	if out := ok(t, db, "settings", "set", "profession=care"); !strings.Contains(out, "deadline_policy is nu: wkkgz") {
		t.Errorf("choosing care did not say the term followed:\n%s", out)
	}
	var set map[string]string
	if err := json.Unmarshal([]byte(ok(t, db, "settings", "--json")), &set); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(set["disputes_body"], "[naam geschilleninstantie]") || set["ask_consent_on_ack"] != "true" || set["deadline_policy"] != "wkkgz" {
		t.Fatalf("settings after choosing care: %v", set)
	}
	refusedUnchanged(t, db, "kies uit care, legal, accountancy, other", "settings", "set", "profession=bakkerij")
	if out := ok(t, db, "settings", "set", "deadline_policy=8weeks"); !strings.Contains(out, "Let op: de Wkkgz vraagt een zorgaanbieder binnen zes weken") {
		t.Errorf("eight weeks for a care practice:\n%s", out)
	}
	if out := ok(t, db, "settings", "set", "practice_city=Utrecht"); strings.Contains(out, "Let op") { // said once, with the term
		t.Errorf("an unrelated setting repeats the warning:\n%s", out)
	}
	ok(t, db, "settings", "set", "deadline_policy=wkkgz")
	ok(t, db, "acknowledge", ref, "--via", "post", "--note", "Ontvangst per brief bevestigd", "--on", "2026-11-21")
	ok(t, db, "resolve", ref, "--verdict", "unfounded", "--outcome", "De factuur klopt.", "--no-hearing-reason", "geen reactie op twee uitnodigingen", "--on", "2026-11-28")
	out := filepath.Join(t.TempDir(), "uitkomst.pdf")
	refusedUnchanged(t, db, "disputes_body", "letter", ref, "outcome", "-o", out)
	ok(t, db, "settings", "set", "disputes_body="+strings.ReplaceAll(set["disputes_body"], "[naam geschilleninstantie]", "de Geschilleninstantie Zorg"))
	ok(t, db, "letter", ref, "outcome", "-o", out)
}

// TestDetachAWrongDocument: a document attached to the wrong complaint comes off with a
// reason; without one, or for an ID the complaint lacks, nothing changes; verify passes after.
func TestDetachAWrongDocument(t *testing.T) {
	db, ref := letterRegister(t)
	doc := filepath.Join(t.TempDir(), "aangifte-Pietersen.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 van een ander"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := ok(t, db, "attach", ref, doc); !strings.Contains(out, "bijlage 1 (aangifte-Pietersen.pdf) toegevoegd") {
		t.Errorf("attach said %q; detach needs the number", out)
	}
	refusedUnchanged(t, db, "--attachment ID", "detach", ref, "--reason", "verkeerd dossier")
	refusedUnchanged(t, db, `--attachment "een" is geen nummer`, "detach", ref, "--attachment", "een", "--reason", "verkeerd dossier")
	refusedUnchanged(t, db, "geef op waarom de bijlage wordt verwijderd", "detach", ref, "--attachment", "1")
	refusedUnchanged(t, db, "heeft geen bijlage 2", "detach", ref, "--attachment", "2", "--reason", "verkeerd dossier")
	if out := ok(t, db, "detach", ref, "--attachment", "1", "--reason", "Hoort bij een ander dossier."); !strings.Contains(out, "bijlage 1 verwijderd") {
		t.Errorf("detach said %q", out)
	}
	if out := ok(t, db, "show", ref); strings.Contains(out, "Pietersen") || !strings.Contains(out, "Hoort bij een ander dossier.") {
		t.Errorf("the file after detach:\n%s", out)
	}
	ok(t, db, "verify")
}
