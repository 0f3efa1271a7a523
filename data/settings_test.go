package data

import (
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCheckSetting(t *testing.T) {
	tests := []struct {
		key, value string
		want       string // normalised value; ignored when bad
		bad        bool
	}{
		{"colour", "blauw", "", true},
		{"", "x", "", true},
		{"ack_days", "1", "1", false},
		{"ack_days", "60", "60", false},
		{"ack_days", " 07 ", "7", false},
		{"ack_days", "0", "", true},
		{"ack_days", "61", "", true},
		{"ack_days", "-5", "", true},
		{"ack_days", "7.5", "", true},
		{"ack_days", "zeven", "", true},
		{"ack_days", "", "", true},
		{"custom_days", "365", "365", false},
		{"custom_days", "366", "", true},
		{"custom_days", "0", "", true},
		{"warning_days", "0", "0", false},
		{"warning_days", "-1", "", true},
		{"warning_days", "61", "", true},
		{"progress_interval_days", "90", "90", false},
		{"progress_interval_days", "91", "", true},
		{"deadline_policy", "month", "month", false},
		{"deadline_policy", "wkkgz", "wkkgz", false},
		{"deadline_policy", "4weeks", "4weeks", false},
		{"deadline_policy", "8weeks", "8weeks", false},
		{"deadline_policy", "custom", "custom", false},
		{"deadline_policy", " wkkgz ", "wkkgz", false},
		{"deadline_policy", "Month", "", true},
		{"deadline_policy", "6weeks", "", true},
		{"deadline_policy", "", "", true},
		{"shift_to_workday", "false", "false", false},
		{"shift_to_workday", "yes", "", true},
		{"language", "en", "en", false},
		{"language", "de", "", true},
		{"practice_postcode", "1234ab", "1234 AB", false},
		{"practice_postcode", "1234 ab", "1234 AB", false},
		{"practice_postcode", " 9999Zz ", "9999 ZZ", false},
		{"practice_postcode", "0123 AB", "0123 AB", false}, // no Dutch postcode starts with 0: kept as typed
		{"practice_postcode", "B-1000", "B-1000", false},   // Belgian
		{"practice_postcode", "", "", false},
		{"practice_postcode", strings.Repeat("1", 21), "", true},
		{"practice_email", "info@praktijk-zon.nl", "info@praktijk-zon.nl", false},
		{"practice_email", "", "", false},
		{"practice_email", "info@", "", true},
		{"practice_email", "info@delinde", "", true}, // ".nl" forgotten
		{"practice_email", "info@delinde.", "", true},
		{"practice_email", "info praktijk.nl", "", true},
		{"practice_email", "Praktijk <info@praktijk.nl>", "", true},
		{"practice_name", strings.Repeat("é", 120), strings.Repeat("é", 120), false}, // counted in characters
		{"practice_name", strings.Repeat("é", 121), "", true},
		{"practice_city", "  Utrecht  ", "Utrecht", false},
	}
	for _, tt := range tests {
		got, err := CheckSetting(tt.key, tt.value)
		if !tt.bad {
			if err != nil || got != tt.want {
				t.Errorf("CheckSetting(%q, %q) = %q, %v; want %q", tt.key, tt.value, got, err, tt.want)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeInvalid || e.Field != tt.key || got != "" {
			t.Errorf("CheckSetting(%q, %q) = %q, %v; want ErrInvalid for field %q", tt.key, tt.value, got, err, tt.key)
			continue
		}
		if tt.key != "" && !strings.Contains(e.Error(), tt.key) {
			t.Errorf("message %q does not name the setting", e.Error())
		}
	}
}

func TestDefaultSettingsPassTheirOwnChecks(t *testing.T) {
	defs := DefaultSettings()
	if len(defs) != len(SettingKeys()) {
		t.Fatalf("%d defaults for %d settings", len(defs), len(SettingKeys()))
	}
	for _, d := range SettingKeys() {
		if got, err := CheckSetting(d.Key, d.Default); err != nil || got != d.Default {
			t.Errorf("default of %s (%q) fails its check: %q, %v", d.Key, d.Default, got, err)
		}
		if d.Label == "" {
			t.Errorf("setting %s has no label", d.Key)
		}
	}
	if defs.Policy() != PolicyMonth || !defs.ShiftToWorkday() || defs.AckDays() != 7 || defs.WarningDays() != 7 ||
		defs.ProgressIntervalDays() != 14 || defs.CustomDays() != 30 || defs.Language() != "nl" {
		t.Errorf("defaults: %v", defs)
	}
	if l, tp, w, h := defs.AddressWindow(); l != 20 || tp != 45 || w != 85 || h != 45 {
		t.Errorf("address window defaults: %v %v %v %v", l, tp, w, h)
	}
}

// TestMultiLineIsWhatTheCheckKeeps: the settings MultiLine names are exactly the texts whose
// check keeps a line break, so the screen's field and the letters follow the check. (A folder
// is taken as the system names it.)
func TestMultiLineIsWhatTheCheckKeeps(t *testing.T) {
	for _, d := range SettingKeys() {
		if d.Key == KeyBackupDir {
			continue
		}
		v, err := CheckSetting(d.Key, "Eerste regel\nTweede regel")
		if kept := err == nil && strings.Contains(v, "\n"); kept != MultiLine(d.Key) {
			t.Errorf("%s: MultiLine %v, but its check gives %q, %v", d.Key, MultiLine(d.Key), v, err)
		}
	}
}

// TestUnknownSettingKey: reading a setting that does not exist is a programming error that
// fails loudly, never a silent zero that would put a deadline on the filing day.
func TestUnknownSettingKey(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("reading an unknown setting did not fail")
		}
	}()
	DefaultSettings().number("ack_dayz")
}

func TestSetSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "register.db")
	s := openAt(t, path, "2026-03-02")
	must(t, s.SetSettings(map[string]string{"practice_postcode": "1234ab", "ack_days": "14", "deadline_policy": "wkkgz"}))
	set, err := s.Settings()
	must(t, err)
	want := DefaultSettings()
	want["practice_postcode"], want["ack_days"], want["deadline_policy"] = "1234 AB", "14", "wkkgz"
	if !maps.Equal(set, want) {
		t.Fatalf("Settings = %v, want %v", set, want)
	}

	before := dumpTables(t, s)
	err = s.SetSettings(map[string]string{"practice_name": "Praktijk Zon", "ack_days": "3", "warning_days": "99", "language": "en"})
	wantErr(t, err, ErrInvalid)
	if e := err.(*Error); e.Field != "warning_days" {
		t.Errorf("error names field %q, want warning_days", e.Field)
	}
	wantErr(t, s.SetSettings(map[string]string{"ack_days": "3", "kleur": "blauw"}), ErrInvalid)
	if dumpTables(t, s) != before {
		t.Fatal("a batch with a bad value changed the register")
	}

	// A hand-edited, invalid stored value falls back to the default rather than zero.
	must(t, s.Close())
	execRaw(t, path, `UPDATE settings SET value = 'veertien' WHERE key = 'ack_days'`)
	s = openAt(t, path, "2026-03-02")
	set, err = s.Settings()
	must(t, err)
	if set.AckDays() != 7 {
		t.Errorf("AckDays() of a bad stored value = %d, want the default 7", set.AckDays())
	}
}

// TestLetterDetails: a letter needs the practice's name, address, postcode, place, a phone
// number or an e-mail address, and the signatory; the refusal names each missing one and
// points at the first, so the app can open that setting.
// TestSectorBringsItsTerm: a save that changes the sector and not the term follows the sector
// (care: the Wkkgz's six weeks, and back to the month on leaving it), as the settings screen
// does visibly; a term the save sets, or one of the practice's own choosing, stays.
func TestSectorBringsItsTerm(t *testing.T) {
	s := openStore(t, "2026-03-02")
	steps := []struct {
		set  map[string]string
		want string
	}{
		{map[string]string{KeyProfession: ProfessionCare}, PolicyWkkgz},
		{map[string]string{KeyProfession: ProfessionLegal}, PolicyMonth},
		{map[string]string{KeyProfession: ProfessionCare, KeyDeadlinePolicy: PolicyMonth}, PolicyMonth},
		{map[string]string{KeyProfession: ProfessionAccountancy}, PolicyMonth},
		{map[string]string{KeyDeadlinePolicy: Policy8Weeks}, Policy8Weeks},
		{map[string]string{KeyProfession: ProfessionCare}, Policy8Weeks},
		{map[string]string{KeyProfession: ProfessionOther}, Policy8Weeks},
	}
	for i, step := range steps {
		must(t, s.SetSettings(step.set))
		set, err := s.Settings()
		must(t, err)
		if set.Policy() != step.want {
			t.Errorf("step %d, %v: term %q, want %q", i+1, step.set, set.Policy(), step.want)
		}
	}
}

// TestSectorReplacesItsFilledInText: a sector's next body with the practice's disputes body
// filled in is still the sector's text: a care practice that became a law firm kept the
// Wkkgz in its outcome letters. A text of the practice's own stays.
func TestSectorReplacesItsFilledInText(t *testing.T) {
	s := openStore(t, "2026-03-02")
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionCare}))
	must(t, s.SetSettings(map[string]string{KeyDisputesBody: DisputesBodyNaming(ProfessionCare, "de Geschilleninstantie Zorg")}))
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionLegal}))
	set, err := s.Settings()
	must(t, err)
	if set.DisputesBody() != DisputesBodyNaming(ProfessionLegal, "") { // no body named: the court
		t.Errorf("after leaving care the next body is %q", set.DisputesBody())
	}
	own := "Bent u het niet eens met de uitkomst, dan kunt u naar de rechter."
	must(t, s.SetSettings(map[string]string{KeyDisputesBody: own}))
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionAccountancy}))
	if set, err = s.Settings(); err != nil || set.DisputesBody() != own {
		t.Errorf("the practice's own text became %q (%v)", set.DisputesBody(), err)
	}
	// The next step of an unaffiliated accountant is built in too: a change of sector
	// replaces it, as it replaces the one naming a body.
	must(t, s.SetSettings(map[string]string{KeyDisputesBody: DisputesBodyNaming(ProfessionAccountancy, "")}))
	must(t, s.SetSettings(map[string]string{KeyProfession: ProfessionCare}))
	if set, err = s.Settings(); err != nil || set.DisputesBody() != DisputesBodyFor(ProfessionCare) {
		t.Errorf("after an unaffiliated accountant became a care practice the next body is %q (%v)", set.DisputesBody(), err)
	}
}

// TestTermWarning: a care practice whose resolution term is longer than the Wkkgz's six
// weeks is told so; the same term elsewhere, or six weeks in care, says nothing.
func TestTermWarning(t *testing.T) {
	for _, tc := range []struct {
		profession, policy, days string
		warn                     bool
	}{
		{ProfessionCare, Policy8Weeks, "", true},
		{ProfessionCare, PolicyCustom, "45", true},
		{ProfessionCare, PolicyCustom, "42", false},
		{ProfessionCare, PolicyWkkgz, "", false},
		{ProfessionCare, PolicyMonth, "", false},
		{ProfessionLegal, Policy8Weeks, "", false},
	} {
		set := DefaultSettings()
		set[KeyProfession], set[KeyDeadlinePolicy] = tc.profession, tc.policy
		if tc.days != "" {
			set[KeyCustomDays] = tc.days
		}
		if w := TermWarning(set); (w.Key != "") != tc.warn {
			t.Errorf("%s, %s %s: warning %q", tc.profession, tc.policy, tc.days, w)
		}
	}
	set := DefaultSettings()
	set[KeyProfession], set[KeyDeadlinePolicy], set[KeyCustomDays] = ProfessionCare, PolicyCustom, "45"
	if w := TermWarning(set).String(); !strings.Contains(w, "van 45 dagen is langer") {
		t.Errorf("the warning says %q", w)
	}
}

func TestLetterDetails(t *testing.T) {
	set := DefaultSettings()
	err := set.CheckLetterDetails()
	var de *Error
	if !errors.As(err, &de) || de.Code != CodeConflict || de.Field != KeyPracticeName {
		t.Fatalf("empty practice: %#v, want a conflict on practice_name", err)
	}
	for _, w := range []string{"practice_name", "practice_address", "practice_postcode", "practice_city",
		"practice_phone of practice_email", "practitioner_name"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("message %q does not name %s", err, w)
		}
	}
	for k, v := range map[string]string{KeyPracticeName: "Praktijk De Linde", KeyPracticeAddress: "Oudegracht 118",
		KeyPracticeCity: "Utrecht", KeyPractitionerName: "Anne de Linde", KeyPracticePostcode: " "} {
		set[k] = v
	}
	if got := set.MissingLetterDetails(); !slices.Equal(got, []string{KeyPracticePostcode, KeyPracticePhone}) {
		t.Errorf("missing %v, want postcode and phone-or-e-mail", got)
	}
	set[KeyPracticePostcode], set[KeyPracticeEmail] = "3511 AX", "info@praktijkdelinde.example"
	if err := set.CheckLetterDetails(); err != nil {
		t.Errorf("an e-mail address without a phone number is refused: %v", err)
	}
	set[KeyPracticeEmail], set[KeyPracticePhone] = "", "030 231 45 67"
	if err := set.CheckLetterDetails(); err != nil {
		t.Errorf("a phone number without an e-mail address is refused: %v", err)
	}
}

// TestDutchPostcodeInAnySpacing: a Dutch postcode typed with two spaces, a non-breaking space
// pasted from a web page, or a hyphen is written as PostNL prints it; the letters refused
// such an address as "geen Nederlandse postcode". Another country's postcode stays as typed.
func TestDutchPostcodeInAnySpacing(t *testing.T) {
	for _, typed := range []string{"3511AX", "3511 ax", "3511  AX", "3511\u00a0AX", "3511-AX", "3511 - ax"} {
		if pc, ok := DutchPostcode(typed); !ok || pc != "3511 AX" {
			t.Errorf("%q: %q (%v), want 3511 AX", typed, pc, ok)
		}
	}
	for _, typed := range []string{"12345", "1050", "SW1A 2AA", "0123 AB", "3511 AXE"} {
		if pc, ok := DutchPostcode(typed); ok || pc != typed {
			t.Errorf("%q: %q (%v), want it kept as typed", typed, pc, ok)
		}
	}
}
