package data

import (
	"errors"
	"strings"
	"testing"
)

// refusedIn checks that err is an input refusal in field whose Dutch message holds each of want.
func refusedIn(t *testing.T, what string, err error, field string, want ...string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeInvalid || e.Field != field {
		t.Errorf("%s: %v, want a refusal in %s", what, err, field)
		return
	}
	for _, w := range want {
		if !strings.Contains(e.Error(), w) {
			t.Errorf("%s: %q does not say %q", what, e.Error(), w)
		}
	}
}

// TestPostcodeCheckedWhereTyped: a Dutch address's postcode is refused where it is typed (a
// new complaint, its representative, an expert), saying what to type, and no longer only when
// a letter is made; a Dutch one is written as 1234 AB, one abroad kept as typed.
func TestPostcodeCheckedWhereTyped(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c := complaint("Jansen", "2026-03-01", true)
	c.Complainant.AddressLine1, c.Complainant.City, c.Complainant.Postcode = "Oudegracht 1", "Utrecht", "12345"
	_, err := s.Create(c)
	refusedIn(t, "new complaint", err, "postcode", `de postcode van de klager, "12345", is geen Nederlandse postcode`, "1234 AB", "vul het land in")
	c.Complainant.Country = "Nederland"
	_, err = s.Create(c)
	refusedIn(t, "Dutch address", err, "postcode", "1234 AB")
	if err != nil && strings.Contains(err.Error(), "vul het land in") {
		t.Errorf("an address that says it is in the Netherlands is told to fill in its country: %v", err)
	}
	c.Complainant.Country, c.Complainant.Postcode = "", "3511ax"
	if got := complaintOf(t, s, mustCreate(t, s, c)).Complainant.Postcode; got != "3511 AX" {
		t.Errorf("postcode stored as %q", got)
	}
	c.Complainant.Country, c.Complainant.Postcode = "België", "1050"
	if got := complaintOf(t, s, mustCreate(t, s, c)).Complainant.Postcode; got != "1050" {
		t.Errorf("Belgian postcode stored as %q", got)
	}
	c.Complainant.Country, c.Complainant.Postcode = "", "3511 AX"
	c.Representative = representative("1017", "")
	_, err = s.Create(c)
	refusedIn(t, "representative", err, "rep_postcode", `de postcode van de gemachtigde, "1017"`, "1234 AB")

	_, err = s.SaveExpert(Expert{Name: "Hélène Öztürk", AddressLine1: "Maliebaan 12", Postcode: "3581", City: "Utrecht"})
	refusedIn(t, "expert", err, "expert_postcode", `de postcode van de deskundige, "3581"`, "1234 AB")
	id, err := s.SaveExpert(Expert{Name: "Hélène Öztürk", AddressLine1: "Maliebaan 12", Postcode: "3581cn", City: "Utrecht"})
	must(t, err)
	if experts, _ := s.Experts(); len(experts) != 1 || experts[0].ID != id || experts[0].Postcode != "3581 CN" {
		t.Errorf("experts %+v", experts)
	}

	// A practice across the border: an address without a country lies there.
	must(t, s.SetSettings(Settings{KeyPracticeCountry: "België", KeyPracticePostcode: "1000"}))
	c.Representative, c.Complainant.Postcode = Complainant{}, "1050"
	mustCreate(t, s, c)
}

// TestOldDataSaysWhatToCorrect: a complaint stored before the register checked its postcode
// and e-mail addresses as it does now stays readable; an edit of any other field is refused,
// naming the field to correct (also one the form does not show beside the others), and goes
// through once it is corrected. The rule is not relaxed for old data.
func TestOldDataSaysWhatToCorrect(t *testing.T) {
	s := openStore(t, "2026-03-02")
	c := complaint("Jansen", "2026-03-01", true)
	c.Complainant.AddressLine1, c.Complainant.City, c.Complainant.Postcode = "Oudegracht 1", "Utrecht", "3511 AX"
	c.Representative = representative("1017 AB", "smit@advocaten.nl")
	ref := mustCreate(t, s, c)
	for _, tc := range []struct {
		column, old, field string
		want               []string
		correct            func(c *Complaint)
	}{
		{"postcode", "12345", "postcode", []string{`de postcode van de klager, "12345"`, "1234 AB"},
			func(c *Complaint) { c.Complainant.Postcode = "3511 AX" }},
		{"email", "jansen@kpn", "email", []string{`het e-mailadres van de klager, "jansen@kpn", is niet volledig`, "info@praktijk.nl"},
			func(c *Complaint) { c.Complainant.Email = "jansen@kpn.nl" }},
		{"rep_email", "smit@advocaten", "rep_email", []string{`het e-mailadres van de gemachtigde, "smit@advocaten", is niet volledig`},
			func(c *Complaint) { c.Representative.Email = "smit@advocaten.nl" }},
		{"rep_postcode", "1017", "rep_postcode", []string{`de postcode van de gemachtigde, "1017"`},
			func(c *Complaint) { c.Representative.Postcode = "1017 AB" }},
	} {
		if _, err := s.w.Exec(`UPDATE complaints SET `+tc.column+` = ? WHERE reference = ?`, tc.old, ref); err != nil {
			t.Fatal(err)
		}
		f, err := s.File(ref)
		if err != nil {
			t.Fatalf("%s: the file with old data is not readable: %v", tc.column, err)
		}
		edit := f.Complaint
		edit.Handler = "Anne de Linde"
		refusedIn(t, tc.column, s.Update(edit), tc.field, tc.want...)
		tc.correct(&edit)
		if err := s.Update(edit); err != nil {
			t.Errorf("%s corrected: %v", tc.column, err)
		}
	}
}

// TestPracticePostcode: the practice's own postcode follows the same rule, by the practice's
// country, whenever the settings are saved (the settings screen and `settings set` alike).
func TestPracticePostcode(t *testing.T) {
	s := openStore(t, "2026-03-02")
	refusedIn(t, "five digits", s.SetSettings(Settings{KeyPracticePostcode: "12345"}), KeyPracticePostcode,
		`Postcode praktijk (practice_postcode): "12345" is geen Nederlandse postcode`, "1234 AB", "Land praktijk")
	if set, _ := s.Settings(); set.PracticePostcode() != "" {
		t.Errorf("a refused postcode was stored: %q", set.PracticePostcode())
	}
	must(t, s.SetSettings(Settings{KeyPracticePostcode: "3511ax"}))
	if set, _ := s.Settings(); set.PracticePostcode() != "3511 AX" {
		t.Errorf("stored %q", set.PracticePostcode())
	}
	// Abroad, in one save or first the country.
	must(t, s.SetSettings(Settings{KeyPracticePostcode: "1000", KeyPracticeCountry: "België"}))
	refusedIn(t, "back home", s.SetSettings(Settings{KeyPracticeCountry: "Nederland"}), KeyPracticePostcode, `"1000"`)
	refusedIn(t, "no country", s.SetSettings(Settings{KeyPracticeCountry: ""}), KeyPracticePostcode, `"1000"`)
	must(t, s.SetSettings(Settings{KeyPracticeCountry: "Nederland", KeyPracticePostcode: "3511 AX"}))

	// One stored before the check is refused on the next save, saying which setting to correct.
	if _, err := s.w.Exec(`UPDATE settings SET value = '3511' WHERE key = ?`, KeyPracticePostcode); err != nil {
		t.Fatal(err)
	}
	if set, err := s.Settings(); err != nil || set.PracticePostcode() != "3511" {
		t.Fatalf("old settings unreadable: %v", err)
	}
	refusedIn(t, "old postcode", s.SetSettings(Settings{KeyLanguage: "en"}), KeyPracticePostcode, `Postcode praktijk`, `"3511"`)
	must(t, s.SetSettings(Settings{KeyLanguage: "en", KeyPracticePostcode: "3511 AX"}))
}
