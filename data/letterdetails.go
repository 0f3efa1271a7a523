package data

import "strings"

// letterDetails are the practice details no letter goes out without, in the settings
// screen's order: the letterhead's name and address (the letters ask the complainant to
// reply "via het adres bovenaan deze brief"), the place in the date line, a way to reach the
// practice and the signatory.
var letterDetails = []string{KeyPracticeName, KeyPracticeAddress, KeyPracticePostcode, KeyPracticeCity,
	KeyPracticePhone, KeyPractitionerName}

// MissingLetterDetails lists the keys of the practice details a letter needs that are still
// empty. A phone number or an e-mail address will do; while both are empty, KeyPracticePhone
// stands for the pair.
func (s Settings) MissingLetterDetails() []string {
	var missing []string
	for _, k := range letterDetails {
		if strings.TrimSpace(s[k]) != "" || k == KeyPracticePhone && strings.TrimSpace(s[KeyPracticeEmail]) != "" {
			continue
		}
		missing = append(missing, k)
	}
	return missing
}

// CheckLetterDetails refuses a letter while a practice detail it needs is missing, naming
// each one. Field is the first missing setting, so the app can open it.
func (s Settings) CheckLetterDetails() error {
	missing := s.MissingLetterDetails()
	if len(missing) == 0 {
		return nil
	}
	var names List
	for _, k := range missing {
		names = append(names, letterDetailName(k))
	}
	return NewError(CodeConflict, missing[0],
		"de praktijkgegevens voor de brieven zijn niet compleet; vul eerst in bij Instellingen › Praktijk: %s", names)
}

// letterDetailName names a missing detail with its key, as the CLI's `settings set` takes it.
func letterDetailName(key string) Text {
	if key == KeyPracticePhone {
		return Msg("Telefoon of e-mail praktijk (%s of %s)", KeyPracticePhone, KeyPracticeEmail)
	}
	return Msg("%s (%s)", SettingName(key), key)
}
