package data

import (
	"regexp"
	"strings"
)

// Postal addresses: which country an address lies in, and the postcode a letter to it can
// carry. The complaint form, the representative, the expert, the import, the CLI and the
// practice's own address in the settings take a postcode by this one rule, and the letters
// refuse by it too.

var postcodeNL = regexp.MustCompile(`^([1-9][0-9]{3})[\s\x{00a0}-]*([A-Za-z]{2})$`) // spaces, a pasted non-breaking one, or a hyphen between

// DutchPostcode writes a Dutch postcode typed in any spacing or case as PostNL prints it,
// "1234 AB"; ok is false for any other text, which is returned as it is (an address across
// the border, or a mistake that checkPostcode refuses for an address in the Netherlands).
func DutchPostcode(s string) (pc string, ok bool) {
	if m := postcodeNL.FindStringSubmatch(s); m != nil {
		return m[1] + " " + strings.ToUpper(m[2]), true
	}
	return s, false
}

// countryNames are the ways of writing a country that mean the same one, by its ISO code.
var countryNames = map[string]string{
	"nederland": "NL", "netherlands": "NL", "the netherlands": "NL", "nl": "NL", "holland": "NL",
	"belgië": "BE", "belgie": "BE", "belgium": "BE", "belgique": "BE", "belgien": "BE", "be": "BE",
	"duitsland": "DE", "germany": "DE", "deutschland": "DE", "de": "DE",
	"luxemburg": "LU", "luxembourg": "LU", "lu": "LU", "frankrijk": "FR", "france": "FR", "fr": "FR",
	"verenigd koninkrijk": "GB", "united kingdom": "GB", "the united kingdom": "GB", "uk": "GB", "gb": "GB",
	"groot-brittannië": "GB", "groot-brittannie": "GB", "great britain": "GB", "engeland": "GB", "england": "GB",
	"schotland": "GB", "scotland": "GB", "wales": "GB", "noord-ierland": "GB", "northern ireland": "GB",
}

// CountryCode is the ISO code of a country as typed, or the text folded when it is not known.
func CountryCode(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(strings.Trim(s, " .")), " "))
	if c, ok := countryNames[s]; ok {
		return c
	}
	return s
}

// SameCountry reports whether two spellings name the same country. An empty practice
// country is the Netherlands, the register's home.
func SameCountry(a, practice string) bool {
	if strings.TrimSpace(practice) == "" {
		practice = "Nederland"
	}
	return CountryCode(a) == CountryCode(practice)
}

// InNetherlands reports whether an address lies in the Netherlands: its country says so, or
// it names none and the practice lies there (a practice without a country does).
func InNetherlands(country, practiceCountry string) bool {
	return CountryCode(country) == "NL" || strings.TrimSpace(country) == "" && SameCountry("NL", practiceCountry)
}

// PostcodeRefused reports whether a letter to an address in country may not carry postcode
// pc: in the Netherlands PostNL sorts by four digits and two letters, so any other text is
// a typing mistake ("12345", "1234"). Abroad, and without a postcode, nothing is refused here.
func PostcodeRefused(pc, country, practiceCountry string) bool {
	_, dutch := DutchPostcode(pc)
	return pc != "" && !dutch && InNetherlands(country, practiceCountry)
}

// owners name whose address a form's fields hold, by the prefix of the fields' names (see
// Complainant.clean): the complainant's, the representative's or an expert's.
var owners = map[string]Text{"": Msg("van de klager"), "rep_": Msg("van de gemachtigde"), "expert_": Msg("van de deskundige")}

// CheckPostcode checks the postcode of the address whose fields start with prefix ("",
// "rep_", "expert_") as the store takes it, for a form to mark the field as it is typed.
func CheckPostcode(prefix, pc, country string, set Settings) error {
	_, err := checkPostcode(prefix, strings.TrimSpace(pc), strings.TrimSpace(country), set.PracticeCountry())
	return err
}

// checkPostcode takes the postcode of an address where it is typed: a Dutch one written as
// "1234 AB", any other abroad as typed, and for an address in the Netherlands nothing else.
// The refusal names whose address it is (owners) and the field, prefix+"postcode". Only an
// address without a country is told that a country abroad would take the postcode.
func checkPostcode(prefix, pc, country, practiceCountry string) (string, error) {
	field, whose := prefix+"postcode", owners[prefix]
	switch {
	case !PostcodeRefused(pc, country, practiceCountry):
	case country == "":
		return "", invalid(field, "de postcode %s, %q, is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB, of vul het land in als het adres in het buitenland ligt", whose, pc)
	default:
		return "", invalid(field, "de postcode %s, %q, is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB", whose, pc)
	}
	pc, _ = DutchPostcode(pc)
	return pc, nil
}
