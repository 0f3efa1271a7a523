package data

import (
	"fmt"
	"iter"
	"math"
	"net/http"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Settings holds the practice's settings by key, every value as text. The keys are the
// ones the CLI and the settings screen use; SettingKeys lists them in display order.
type Settings map[string]string

// Setting describes one setting: its key, a Dutch label, a default and its check.
type Setting struct {
	Key     string
	Label   string
	Default string
	// check returns the normalised value, or an error that says what is wrong.
	check func(v string) (string, error)
}

// Deadline policies (setting deadline_policy).
const (
	PolicyMonth  = "month"  // one calendar month, as the published procedure promises
	PolicyWkkgz  = "wkkgz"  // six weeks, one extension of at most four weeks
	Policy4Weeks = "4weeks" // four weeks
	Policy8Weeks = "8weeks" // eight weeks
	PolicyCustom = "custom" // custom_days days
)

// Policies lists the deadline policies in display order.
var Policies = []string{PolicyMonth, PolicyWkkgz, Policy4Weeks, Policy8Weeks, PolicyCustom}

var settingDefs = append([]Setting{
	{KeyPracticeName, "Naam praktijk", "", text(120)},
	{KeyPracticeAddress, "Adres praktijk", "", text(200)},
	{KeyPracticePostcode, "Postcode praktijk", "", postcode},
	{KeyPracticeCity, "Plaats praktijk", "", text(80)},
	{KeyPracticeCountry, "Land praktijk", "Nederland", text(80)},
	{KeyPracticePhone, "Telefoon praktijk", "", text(40)},
	{KeyPracticeEmail, "E-mail praktijk", "", email},
	{KeyPracticeWebsite, "Website praktijk", "", text(200)},
	{KeyPracticeRegistration, "Registratienummer (KvK, beroepsregister)", "", text(80)},
	{KeyPractitionerName, "Naam praktijkhouder", "", text(120)},
	{KeyPractitionerTitle, "Functie praktijkhouder", "", text(120)},
	{KeyPractitionerTitleEn, "Functie praktijkhouder in het Engels (voor Engelse brieven)", "", text(120)},
	{KeyStaffNames, "Medewerkers (één naam per regel; het jaarverslag noemt hen niet)", "", staffNames},
	{KeyAckDays, "Termijn ontvangstbevestiging (dagen)", "7", intRange(1, 60)},
	{KeyDeadlinePolicy, "Afhandeltermijn", PolicyMonth, oneOf(Policies...)},
	{KeyCustomDays, "Eigen afhandeltermijn (dagen)", "30", intRange(1, 365)},
	{KeyWarningDays, "Waarschuwen vanaf (dagen voor de termijn)", "7", intRange(0, 60)},
	{KeyProgressInterval, "Tijdens een verlenging: voortgangsbericht elke (dagen)", "14", intRange(1, 90)},
	{KeyProgressLetterDays, "Voortgangsbericht na een verlenging binnen (werkdagen)", "3", intRange(1, 20)},
	{KeyShiftToWorkday, "Termijn op zaterdag, zondag of feestdag: eerstvolgende werkdag", "true", oneOf("true", "false")},
	{KeyLanguage, "Taal", "nl", oneOf("nl", "en")},
	{KeyPracticeLogo, "Logo op het briefpapier (pad van een PNG- of JPEG-bestand)", "", logoFile},
	{KeyWindowLeft, "Adresvenster: afstand van de linkerkant (mm)", "20", mmRange(5, 100)},
	{KeyWindowTop, "Adresvenster: afstand van de bovenkant (mm)", "45", mmRange(20, 100)},
	{KeyWindowWidth, "Adresvenster: breedte (mm)", "85", mmRange(60, 110)},
	{KeyWindowHeight, "Adresvenster: hoogte (mm)", "45", mmRange(30, 60)},
	{KeyProfession, "Sector van de praktijk", ProfessionOther, oneOf(Professions...)},
	{KeyDisputesBody, "Vervolgstap na de uitkomst (geschilleninstantie of rechter)", DefaultDisputesBody, lines(1000)},
	{KeyDisputesBodyEn, "Vervolgstap na de uitkomst in het Engels (voor Engelse brieven)", "", lines(1000)},
	{KeyComplaintsOfficer, "Klachtenfunctionaris (zorg, Wkkgz): naam en bereikbaarheid", "", text(300)},
	{KeyComplaintsOfficerEn, "Klachtenfunctionaris in het Engels (voor Engelse brieven)", "", text(300)},
	{KeyAskConsentOnAck, "Toestemmingsformulier bij de ontvangstbevestiging", "true", oneOf("true", "false")},
	{KeyBackupDir, "Map voor reservekopieën (leeg: map Reservekopieën naast het register)", "", folder},
	{KeyRetentionYears, "Bewaartermijn na sluiting (jaren)", "2", intRange(1, 30)},
}, letterTextSettings()...)

// The sectors a practice works in (setting profession); each has its own default next body.
const (
	ProfessionCare        = "care"        // zorg: the Wkkgz requires a geschilleninstantie
	ProfessionLegal       = "legal"       // advocatuur, juridisch advies
	ProfessionAccountancy = "accountancy" // accountancy, administratie
	ProfessionOther       = "other"
)

// Professions lists the sectors in display order.
var Professions = []string{ProfessionCare, ProfessionLegal, ProfessionAccountancy, ProfessionOther}

// DefaultDisputesBody is the next step a new register names in the outcome letter: the
// competent court is always open, so every letter can be made before a practice fills in
// its own disputes body.
const DefaultDisputesBody = "Bent u het niet eens met de uitkomst, dan kunt u het geschil voorleggen aan de bevoegde rechter."

// disputesBodies are the default next bodies per sector, in Dutch and in English. Where the
// practice must name the body it is affiliated with, the text holds a placeholder in square
// brackets, and the outcome letter is refused until it is filled in (see
// DisputesBodyPlaceholder); the name filled in goes into the English text too (DisputesBodyIn).
var disputesBodies = map[string][2]string{
	ProfessionCare: {"Bent u het niet eens met de uitkomst, dan kunt u uw klacht voorleggen aan de onafhankelijke " +
		"geschilleninstantie waarbij wij zijn aangesloten, zoals de Wet kwaliteit, klachten en geschillen zorg (Wkkgz) " +
		"voorschrijft: [naam geschilleninstantie]. Daar kunt u ook een schadevergoeding vragen. Hoe u dat doet, leest u op " +
		"de website van de geschilleninstantie.",
		"If you do not agree with the outcome, you may submit your complaint to the independent disputes body we are " +
			"affiliated with, as the Dutch Healthcare Quality, Complaints and Disputes Act (Wkkgz) requires: " +
			"[name of the disputes body]. You can also claim compensation there. The disputes body's website explains how."},
	ProfessionLegal: {"Bent u het niet eens met de uitkomst, dan kunt u het geschil voorleggen aan de geschilleninstantie " +
		"waarbij ons kantoor is aangesloten: [naam geschilleninstantie]. Bent u van mening dat wij in strijd met onze " +
		"beroepsregels hebben gehandeld, dan kunt u ook een klacht indienen bij de deken van de Orde van Advocaten in " +
		"het arrondissement waar ons kantoor is gevestigd.",
		"If you do not agree with the outcome, you may submit the dispute to the disputes body our firm is affiliated " +
			"with: [name of the disputes body]. If you believe that we have acted in breach of our professional rules, you " +
			"may also file a complaint with the dean (deken) of the local Bar Association (Orde van Advocaten) in the " +
			"district where our firm is established."},
	ProfessionAccountancy: {"Bent u het niet eens met de uitkomst, dan kunt u het geschil voorleggen aan de " +
		"geschilleninstantie waarbij wij zijn aangesloten: [naam geschilleninstantie]. Gaat uw klacht over de " +
		"beroepsuitoefening van een accountant, dan kunt u zich ook wenden tot de Accountantskamer.",
		"If you do not agree with the outcome, you may submit the dispute to the disputes body we are affiliated with: " +
			"[name of the disputes body]. If your complaint concerns the professional conduct of an accountant, you may " +
			"also turn to the Accountantskamer, the Dutch disciplinary court for accountants."},
	ProfessionOther: {DefaultDisputesBody, "If you do not agree with the outcome, you may submit the dispute to the competent court."},
}

// unaffiliatedBodies are the next steps of a law firm or an accountancy practice that is not
// affiliated with a disputes body: the law asks it of neither, so the competent court takes
// its place. A care practice must be affiliated (Wkkgz); it has none.
var unaffiliatedBodies = map[string][2]string{
	ProfessionLegal: {DefaultDisputesBody + " Bent u van mening dat wij in strijd met onze beroepsregels hebben " +
		"gehandeld, dan kunt u ook een klacht indienen bij de deken van de Orde van Advocaten in het arrondissement waar " +
		"ons kantoor is gevestigd.",
		"If you do not agree with the outcome, you may submit the dispute to the competent court. If you believe that we " +
			"have acted in breach of our professional rules, you may also file a complaint with the dean (deken) of the " +
			"local Bar Association (Orde van Advocaten) in the district where our firm is established."},
	ProfessionAccountancy: {DefaultDisputesBody + " Gaat uw klacht over de beroepsuitoefening van een accountant, dan " +
		"kunt u zich ook wenden tot de Accountantskamer.",
		"If you do not agree with the outcome, you may submit the dispute to the competent court. If your complaint " +
			"concerns the professional conduct of an accountant, you may also turn to the Accountantskamer, the Dutch " +
			"disciplinary court for accountants."},
}

// builtInBodies are every built-in next step, in Dutch and in English.
func builtInBodies() iter.Seq[[2]string] {
	return func(yield func([2]string) bool) {
		for _, m := range []map[string][2]string{disputesBodies, unaffiliatedBodies} {
			for _, t := range m {
				if !yield(t) {
					return
				}
			}
		}
	}
}

// AffiliationRequired reports whether a practice of the sector must name the disputes body it
// is affiliated with: only care (Wkkgz); a law firm or an accountancy practice may have none.
func AffiliationRequired(profession string) bool {
	_, optional := unaffiliatedBodies[profession]
	return profession != ProfessionOther && !optional
}

// DisputesBodyFor is the default next body for a sector.
func DisputesBodyFor(profession string) string {
	if t, ok := disputesBodies[profession]; ok {
		return t[0]
	}
	return DefaultDisputesBody
}

// DisputesBodyNaming is the sector's default next body with the name of the body the practice
// is affiliated with filled in. With name empty: the next step without one where the sector
// allows it (unaffiliatedBodies); for care the placeholder stays, to be filled in later.
func DisputesBodyNaming(profession, name string) string {
	t := DisputesBodyFor(profession)
	if name = strings.TrimSpace(name); name != "" {
		t = bracketed.ReplaceAllLiteralString(t, name)
	} else if none, ok := unaffiliatedBodies[profession]; ok {
		t = none[0]
	}
	return t
}

// IsDefaultDisputesBody reports whether text is one of the built-in next bodies, as it is or
// with the name of the body filled in (DisputesBodyNaming), which a change of sector replaces:
// a care practice's filled-in text named the Wkkgz in a lawyer's outcome letters. A practice's
// own text is never replaced.
func IsDefaultDisputesBody(text string) bool {
	for t := range builtInBodies() {
		if _, ok := filledIn(t[0], text); ok {
			return true
		}
	}
	return false
}

var bracketed = regexp.MustCompile(`\[[^\]]*\]`)

// DisputesBodyPlaceholder is the first text in square brackets in disputes_body, such as
// "[naam geschilleninstantie]", that the practice still has to replace; "" when none is left.
func (s Settings) DisputesBodyPlaceholder() string { return BracketedName(s.DisputesBody()) }

// BracketedName is the first text in square brackets in a next step after the outcome, which
// the practice still has to replace by the name of its body; "" when none is left.
func BracketedName(text string) string { return bracketed.FindString(text) }

// DisputesBodyIn is the next step after the outcome as a letter in lang prints it, and the
// setting that holds it, where the practitioner corrects it. An English letter takes
// disputes_body_en; while that is empty, the English version of a built-in disputes_body,
// with the name of the body the practice filled in there. For the practice's own Dutch text
// there is no English one until it fills in disputes_body_en: text is "" then, never the Dutch.
func (s Settings) DisputesBodyIn(lang string) (text, key string) {
	nl := s.DisputesBody()
	if lang != "en" {
		return nl, KeyDisputesBody
	}
	if own := s.DisputesBodyEn(); strings.TrimSpace(own) != "" {
		return own, KeyDisputesBodyEn
	}
	for t := range builtInBodies() {
		if name, ok := filledIn(t[0], nl); ok && name != "" {
			return bracketed.ReplaceAllLiteralString(t[1], name), KeyDisputesBody
		} else if ok {
			return t[1], KeyDisputesBody // its placeholder, if any, still to be filled in disputes_body
		}
	}
	return "", KeyDisputesBodyEn
}

// filledIn reports whether text is the built-in tmpl, either as it is or with the name of a
// body in place of its placeholder, and returns that name ("" for the built-in text as it is).
func filledIn(tmpl, text string) (name string, ok bool) {
	if text == tmpl {
		return "", true
	}
	at := bracketed.FindStringIndex(tmpl)
	if at == nil {
		return "", false
	}
	before, after := tmpl[:at[0]], tmpl[at[1]:]
	if len(text) <= len(before)+len(after) || !strings.HasPrefix(text, before) || !strings.HasSuffix(text, after) {
		return "", false
	}
	name = text[len(before) : len(text)-len(after)]
	return name, !strings.ContainsAny(name, "[]\n")
}

var languageNames = map[string]string{"nl": "Nederlands", "en": "Engels"}

// letterTextSettings are the practice's own texts for each letter and language; empty means
// the built-in text of package letters.
func letterTextSettings() []Setting {
	var out []Setting
	for _, k := range LetterKinds {
		for _, lang := range Languages {
			kind := k
			out = append(out, Setting{LetterTextKey(k, lang), fmt.Sprintf("Tekst %s (%s)", k.Label(), languageNames[lang]), "",
				func(v string) (string, error) {
					v, err := lines(10000)(v)
					if err != nil {
						return "", err
					}
					return v, CheckTemplate(kind, v)
				}})
		}
	}
	return out
}

// SettingKeys returns every setting in display order.
func SettingKeys() []Setting { return slices.Clone(settingDefs) }

// MultiLine reports whether setting key holds several lines, as its check lets it: the next
// step after the outcome and the practice's letter texts hold paragraphs, staff_names a name
// a line. The settings screen gives these a field of several lines and the letters keep their
// line breaks; every other setting is one line.
func MultiLine(key string) bool {
	return key == KeyDisputesBody || key == KeyDisputesBodyEn || key == KeyStaffNames || strings.HasPrefix(key, "letter_")
}

// DefaultSettings returns a register's settings before the practice changes any.
func DefaultSettings() Settings {
	s := Settings{}
	for _, d := range settingDefs {
		s[d.Key] = d.Default
	}
	return s
}

// SettingName is a setting's key, which a message names by its label.
type SettingName string

// Label is the setting in the practitioner's words.
func (n SettingName) Label() string {
	if d, ok := settingDef(string(n)); ok {
		return d.Label
	}
	return string(n)
}

// CheckSetting validates one key and value the way the settings screen and the CLI both do,
// and returns the value as it will be stored.
func CheckSetting(key, value string) (string, error) {
	if d, known := settingDef(key); known {
		v, err := d.check(strings.TrimSpace(value))
		if err != nil {
			return "", invalid(key, "%s%s: %v", SettingName(key), ForCLI(" ("+key+")"), err) // the key only where it is typed
		}
		return v, nil
	}
	keys := make([]string, len(settingDefs))
	for i, d := range settingDefs {
		keys[i] = d.Key
	}
	return "", invalid(key, "onbekende instelling %q; bestaande instellingen: %s", key, strings.Join(keys, ", "))
}

// CheckSettings checks what depends on more than one setting, in set as it would be saved:
// the practice's postcode, which in the Netherlands (practice_country, empty being the
// Netherlands) is four digits and two letters, as for every address in the register (see
// checkPostcode). SetSettings asks it of every save, the settings screen and first start as
// the practitioner types; a postcode stored before this check is refused until it is corrected.
func CheckSettings(set Settings) error {
	if pc := set[KeyPracticePostcode]; PostcodeRefused(pc, set[KeyPracticeCountry], set[KeyPracticeCountry]) {
		return invalid(KeyPracticePostcode, "%s%s: %q is geen Nederlandse postcode; vul vier cijfers en twee letters in, zoals 1234 AB, "+
			"of vul bij %s het land in als de praktijk in het buitenland ligt", SettingName(KeyPracticePostcode),
			ForCLI(" ("+KeyPracticePostcode+")"), pc, SettingName(KeyPracticeCountry))
	}
	return nil
}

// SettingProblem is what is wrong with value for the setting key, as CheckSetting finds it
// but without the setting's name: for the line under the setting's own field, which shows
// the name already. nil when the value may be stored.
func SettingProblem(key, value string) error {
	d, known := settingDef(key)
	if !known {
		_, err := CheckSetting(key, value)
		return err
	}
	_, err := d.check(strings.TrimSpace(value))
	return err
}

// text is a one-line setting of at most max characters (see cleanText).
func text(max int) func(string) (string, error) {
	return func(v string) (string, error) { return cleanText("value", v, textRule{max: max}) }
}

// lines is a setting of several lines of at most max characters.
func lines(max int) func(string) (string, error) {
	return func(v string) (string, error) { return cleanText("value", v, textRule{max: max, multiLine: true}) }
}

// staffNames takes one name per line, without empty lines or spaces around them.
func staffNames(v string) (string, error) {
	var names []string
	for _, l := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	if out := strings.Join(names, "\n"); len([]rune(out)) <= 5000 {
		return out, nil
	}
	return "", NewError(CodeInvalid, "", "maximaal 5000 tekens")
}

func intRange(lo, hi int) func(string) (string, error) {
	return func(v string) (string, error) {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return "", NewError(CodeInvalid, "", "vul een heel getal van %d tot en met %d in", lo, hi)
		}
		return strconv.Itoa(n), nil
	}
}

func oneOf(allowed ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		if slices.Contains(allowed, v) {
			return v, nil
		}
		return "", NewError(CodeInvalid, "", "kies uit %s", strings.Join(allowed, ", "))
	}
}

// postcode accepts a Dutch postcode in any spacing or case and writes it as "1234 AB";
// other forms are kept as typed, for a practice across the border. Whether the practice
// lies there is its country's to say: CheckSettings.
func postcode(v string) (string, error) {
	if pc, ok := DutchPostcode(v); ok {
		return pc, nil
	}
	return text(20)(v)
}

// email is the check of the practice's e-mail address (see emailFault); the settings name
// the setting before the refusal.
func email(v string) (string, error) {
	switch emailFault(v) {
	case emailInvalid:
		return "", NewError(CodeInvalid, "", "%q is geen geldig e-mailadres", v)
	case emailIncomplete:
		return "", NewError(CodeInvalid, "", "%q is geen volledig e-mailadres; vul het hele adres in, zoals info@praktijk.nl", v)
	}
	return v, nil
}

// CheckEmail checks the e-mail address of the person whose fields start with prefix ("",
// "rep_", "expert_": see owners) as the store takes it, for a form to mark the field as it is
// typed; empty is allowed.
func CheckEmail(prefix, v string) error { return checkEmail(prefix, strings.TrimSpace(v)) }

// checkEmail is the check of a person's e-mail address in the register (the complainant's,
// the representative's, an expert's), in the field prefix+"email". The refusal names whose
// address it is, so a practitioner who edits an old file, or imports a sheet, with an
// address the rule now refuses knows which field to correct.
func checkEmail(prefix, v string) error {
	field, whose := prefix+"email", owners[prefix]
	switch emailFault(v) {
	case emailInvalid:
		return invalid(field, "het e-mailadres %s, %q, is geen geldig e-mailadres; verbeter het of laat het leeg", whose, v)
	case emailIncomplete:
		return invalid(field, "het e-mailadres %s, %q, is niet volledig; vul het hele adres in, zoals info@praktijk.nl", whose, v)
	}
	return nil
}

// What can be wrong with an e-mail address.
const (
	emailOK = iota
	emailInvalid
	emailIncomplete
)

// emailFault says whether an e-mail address is one that a letter or a mail program can use:
// one that mail accepts and whose domain has a dot, so "info@praktijk" (".nl" forgotten) is
// not printed on every letter. Empty is allowed.
func emailFault(v string) int {
	if v == "" {
		return emailOK
	}
	if a, err := mail.ParseAddress(v); err != nil || a.Address != v {
		return emailInvalid
	}
	if domain := v[strings.LastIndex(v, "@")+1:]; !strings.Contains(strings.Trim(domain, "."), ".") {
		return emailIncomplete
	}
	return emailOK
}

// mmRange accepts a length in millimetres with at most one decimal, written with a point or a
// comma as a Dutch practitioner would.
func mmRange(lo, hi float64) func(string) (string, error) {
	return func(v string) (string, error) {
		f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
		if err != nil || f < lo || f > hi || math.Abs(math.Round(f*10)-f*10) > 1e-9 {
			return "", NewError(CodeInvalid, "", "vul een aantal millimeters van %g tot en met %g in, met hoogstens één decimaal", lo, hi)
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	}
}

// maxLogoSize keeps the letterhead image small enough to go into every letter.
const maxLogoSize = 2 << 20

// logoFile accepts the path of a PNG or JPEG file and stores it absolute, so letters made from
// another working folder find it too. Empty means no logo.
// folder is an absolute folder path; it need not exist yet, but must not be a file.
func folder(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	abs, err := filepath.Abs(v)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return "", NewError(CodeInvalid, "", "%s is een bestand, geen map; kies een map", abs)
	}
	return abs, nil
}

func logoFile(v string) (string, error) {
	if v == "" {
		return "", nil
	}
	abs, err := filepath.Abs(v)
	if err != nil {
		return "", err
	}
	if _, err := ReadLogo(abs); err != nil {
		return "", err
	}
	return abs, nil
}

// ReadLogo reads the letterhead logo at path and checks that it is a PNG or JPEG of at most 2 MB.
func ReadLogo(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, NewError(CodeInvalid, "", "het logo %s is niet te openen; kies het bestand opnieuw", path)
	}
	if info.Size() > maxLogoSize {
		return nil, NewError(CodeInvalid, "", "het logo %s is groter dan 2 MB; kies een kleinere afbeelding", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, Unreadable(path, err)
	}
	if t := http.DetectContentType(b); t != "image/png" && t != "image/jpeg" {
		return nil, NewError(CodeInvalid, "", "het logo %s is geen PNG- of JPEG-afbeelding", path)
	}
	return b, nil
}
