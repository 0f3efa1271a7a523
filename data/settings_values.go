package data

import (
	"fmt"
	"strconv"
	"strings"
)

// The setting keys, as the CLI (`settings set KEY=VALUE`), the settings screen and the
// database name them. Code reads values through the accessors below, so a misspelt key is a
// compile error rather than a silent default.
const (
	KeyPracticeName         = "practice_name"
	KeyPracticeAddress      = "practice_address"
	KeyPracticePostcode     = "practice_postcode"
	KeyPracticeCity         = "practice_city"
	KeyPracticeCountry      = "practice_country"
	KeyPracticePhone        = "practice_phone"
	KeyPracticeEmail        = "practice_email"
	KeyPracticeWebsite      = "practice_website"
	KeyPracticeRegistration = "practice_registration"
	KeyPractitionerName     = "practitioner_name"
	KeyPractitionerTitle    = "practitioner_title"
	KeyPractitionerTitleEn  = "practitioner_title_en"
	KeyStaffNames           = "staff_names"
	KeyAckDays              = "ack_days"
	KeyDeadlinePolicy       = "deadline_policy"
	KeyCustomDays           = "custom_days"
	KeyWarningDays          = "warning_days"
	KeyProgressInterval     = "progress_interval_days"
	KeyProgressLetterDays   = "progress_letter_days"
	KeyShiftToWorkday       = "shift_to_workday"
	KeyLanguage             = "language"
	KeyPracticeLogo         = "practice_logo"
	KeyWindowLeft           = "address_window_left_mm"
	KeyWindowTop            = "address_window_top_mm"
	KeyWindowWidth          = "address_window_width_mm"
	KeyWindowHeight         = "address_window_height_mm"
	KeyDisputesBody         = "disputes_body"
	KeyDisputesBodyEn       = "disputes_body_en"
	KeyComplaintsOfficer    = "complaints_officer"
	KeyComplaintsOfficerEn  = "complaints_officer_en"
	KeyProfession           = "profession"
	KeyAskConsentOnAck      = "ask_consent_on_ack"
	KeyBackupDir            = "backup_dir"
	KeyRetentionYears       = "retention_years"
)

// PracticeName is the practice's name, the first line of the letterhead.
func (s Settings) PracticeName() string { return s.text(KeyPracticeName) }

// PracticeAddress is the street and number of the practice.
func (s Settings) PracticeAddress() string { return s.text(KeyPracticeAddress) }

// PracticePostcode is the practice's postcode, normalised to "1234 AB" for a Dutch one.
func (s Settings) PracticePostcode() string { return s.text(KeyPracticePostcode) }

// PracticeCity is the practice's place, also the place above every letter.
func (s Settings) PracticeCity() string { return s.text(KeyPracticeCity) }

// PracticeCountry is the practice's country; an address in it gets no country line.
func (s Settings) PracticeCountry() string { return s.text(KeyPracticeCountry) }

// PracticePhone is the practice's telephone number.
func (s Settings) PracticePhone() string { return s.text(KeyPracticePhone) }

// PracticeEmail is the practice's e-mail address.
func (s Settings) PracticeEmail() string { return s.text(KeyPracticeEmail) }

// PractitionerName is who signs the letters and, by default, handles complaints.
func (s Settings) PractitionerName() string { return s.text(KeyPractitionerName) }

// PractitionerTitle is the practitioner's function under the signature.
func (s Settings) PractitionerTitle() string { return s.text(KeyPractitionerTitle) }

// AckDays is the short term: confirming receipt, and the outcome letter and measure after a decision.
func (s Settings) AckDays() int { return s.number(KeyAckDays) }

// Policy is the deadline regime for resolving a complaint (PolicyMonth, PolicyWkkgz, ...).
func (s Settings) Policy() string { return s.text(KeyDeadlinePolicy) }

// CustomDays is the resolution term in days under PolicyCustom.
func (s Settings) CustomDays() int { return s.number(KeyCustomDays) }

// WarningDays is how many days before a deadline an action item is due soon.
func (s Settings) WarningDays() int { return s.number(KeyWarningDays) }

// ProgressIntervalDays is how often an extended complaint's complainant hears how things stand.
func (s Settings) ProgressIntervalDays() int { return s.number(KeyProgressInterval) }

// ProgressLetterDays is within how many working days an extension's progress letter is due.
func (s Settings) ProgressLetterDays() int { return s.number(KeyProgressLetterDays) }

// ShiftToWorkday says whether a deadline on a weekend or holiday moves to the next working day.
func (s Settings) ShiftToWorkday() bool { return s.text(KeyShiftToWorkday) == "true" }

// Language is the practice's language for the screens and, by default, the letters.
func (s Settings) Language() string { return s.text(KeyLanguage) }

// PracticeLogo is the path of the letterhead logo, or "".
func (s Settings) PracticeLogo() string { return s.text(KeyPracticeLogo) }

// DisputesBody is where the complainant can go after the outcome.
func (s Settings) DisputesBody() string { return s.text(KeyDisputesBody) }

// DisputesBodyEn is the practice's own English text of disputes_body, for English letters;
// "" when it has none (see DisputesBodyIn).
func (s Settings) DisputesBodyEn() string { return s.text(KeyDisputesBodyEn) }

// ComplaintsOfficer is the independent complaints officer (klachtenfunctionaris) a care
// provider must offer free of charge under the Wkkgz, with how to reach them; "" when none is
// filled in. The acknowledgement of a complaint under the Wkkgz names them.
func (s Settings) ComplaintsOfficer() string { return s.text(KeyComplaintsOfficer) }

// ComplaintsOfficerIn is the complaints officer in a letter's language: for English letters
// complaints_officer_en, "" when that is empty while the Dutch text is filled in (the letter
// is then refused rather than print Dutch words).
func (s Settings) ComplaintsOfficerIn(lang string) string {
	if lang == "en" {
		return s.text(KeyComplaintsOfficerEn)
	}
	return s.ComplaintsOfficer()
}

// Profession is the practice's sector (ProfessionCare, ...), which picks the default next body.
func (s Settings) Profession() string { return s.text(KeyProfession) }

// AskConsentOnAck says whether the acknowledgement of a formal complaint asks the complainant's
// consent to involve an expert and encloses the consent form.
func (s Settings) AskConsentOnAck() bool { return s.text(KeyAskConsentOnAck) == "true" }

// AddressWindow is the envelope window in millimetres from the page's top left corner.
func (s Settings) AddressWindow() (left, top, width, height float64) {
	return s.mm(KeyWindowLeft), s.mm(KeyWindowTop), s.mm(KeyWindowWidth), s.mm(KeyWindowHeight)
}

// LetterText is the practice's own text for a letter kind and language, or "" for the built-in one.
func (s Settings) LetterText(kind LetterKind, lang string) string {
	return s.text(LetterTextKey(kind, lang))
}

// PractitionerTitleEn is the practitioner's title under the signature of English letters.
func (s Settings) PractitionerTitleEn() string { return s.text(KeyPractitionerTitleEn) }

// StaffNames are the staff the annual report and measure descriptions may not name.
func (s Settings) StaffNames() []string {
	var out []string
	for _, n := range strings.Split(s.text(KeyStaffNames), "\n") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// BackupDir is the folder chosen for backups; "" means the default beside the register.
func (s Settings) BackupDir() string { return s.text(KeyBackupDir) }

// RetentionYears is how many years after a complaint was closed or withdrawn its personal data
// is kept; the practice chooses it under its own sector's rules.
func (s Settings) RetentionYears() int { return s.number(KeyRetentionYears) }

// text returns a setting's value. An unknown key is a programming error, never a silent "".
func (s Settings) text(key string) string {
	if _, known := settingDef(key); !known {
		panic(fmt.Sprintf("data: unknown setting %q", key))
	}
	return s[key]
}

// number returns an integer setting; stored values are validated, so a parse error cannot
// occur short of a hand-edited database, where the default is the safe answer.
func (s Settings) number(key string) int {
	if n, err := strconv.Atoi(s.text(key)); err == nil {
		return n
	}
	d, _ := settingDef(key)
	n, _ := strconv.Atoi(d.Default)
	return n
}

// mm returns a length setting in millimetres, or its default for a hand-edited value.
func (s Settings) mm(key string) float64 {
	if f, err := strconv.ParseFloat(s.text(key), 64); err == nil {
		return f
	}
	d, _ := settingDef(key)
	f, _ := strconv.ParseFloat(d.Default, 64)
	return f
}

// settingDef finds the definition of a key.
func settingDef(key string) (Setting, bool) {
	for _, d := range settingDefs {
		if d.Key == key {
			return d, true
		}
	}
	return Setting{}, false
}
