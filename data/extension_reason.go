package data

import (
	"slices"
	"strings"
)

// ExtensionReason is a category of why a complaint's target date was extended, for the annual
// report. The reason itself is free text written to the complainant, so the category is read
// from it: no extra field to fill in, and it works for extensions recorded before it existed.
type ExtensionReason string

// The extension reason categories, in display order.
const (
	ReasonExpert      ExtensionReason = "expert"      // advice from an external expert
	ReasonAbsence     ExtensionReason = "absence"     // someone involved is ill or away
	ReasonInformation ExtensionReason = "information" // waiting for documents or information
	ReasonComplexity  ExtensionReason = "complexity"  // the investigation takes longer
	ReasonOther       ExtensionReason = "other"
)

// ExtensionReasons lists the categories in display order.
var ExtensionReasons = []ExtensionReason{ReasonExpert, ReasonAbsence, ReasonInformation, ReasonComplexity, ReasonOther}

// Label is the category in the practitioner's words.
func (r ExtensionReason) Label() string {
	return map[ExtensionReason]string{ReasonExpert: "advies externe deskundige", ReasonAbsence: "afwezigheid",
		ReasonInformation: "wachten op stukken of informatie", ReasonComplexity: "omvang van het onderzoek",
		ReasonOther: "overig"}[r]
}

// reasonWords are the words, Dutch and English, that put a reason in a category. A word
// matches a whole word of the reason: "ziek" matches "ziek" but not "ziekenhuis". A * stands
// for the rest of a compound ("afwezig*" matches "afwezigheid", "*verlof" "zwangerschapsverlof"),
// and words with a space match those words in a row. The categories are tried in this order,
// so "wij wachten op het advies van de deskundige" counts as expert advice, not as waiting.
var reasonWords = []struct {
	reason ExtensionReason
	words  []string
}{
	{ReasonExpert, []string{"deskundig*", "*deskundige", "*deskundigen", "expert*", "*advies*", "adviezen", "advice",
		"*adviseur*", "adviser*", "advisor*"}},
	{ReasonAbsence, []string{"ziek", "zieke", "ziekte", "ziektes", "ziekten", "ziekmeld*", "ziekgemeld", "ziekteverlof",
		"ziekteverzuim", "afwezig*", "vakantie*", "*verlof", "absen*", "illness", "ill", "sick*", "holiday*"}},
	{ReasonInformation, []string{"*stukken", "*informatie*", "*gegevens", "document*", "wacht", "wachten", "afwacht*",
		"reactie van", "kopie", "kopieën", "ontbreekt", "ontbreken", "information", "waiting", "await*", "copy", "copies"}},
	{ReasonComplexity, []string{"complex*", "ingewikkeld*", "omvang*", "*onderzoek*", "uitzoek*", "investigat*"}},
}

// ClassifyExtension puts an extension's reason in a category; ReasonOther when no word matches.
func ClassifyExtension(reason string) ExtensionReason {
	words := strings.FieldsFunc(strings.ToLower(reason), notWordRune)
	text := " " + strings.Join(words, " ") + " "
	for _, r := range reasonWords {
		for _, w := range r.words {
			if strings.Contains(w, " ") && strings.Contains(text, " "+w+" ") || slices.ContainsFunc(words, wordMatch(w)) {
				return r.reason
			}
		}
	}
	return ReasonOther
}

// wordMatch is the test of one word of a reason against a pattern of reasonWords.
func wordMatch(pattern string) func(word string) bool {
	core := strings.Trim(pattern, "*")
	prefix, suffix := strings.HasPrefix(pattern, "*"), strings.HasSuffix(pattern, "*")
	return func(word string) bool {
		switch {
		case prefix && suffix:
			return strings.Contains(word, core)
		case prefix:
			return strings.HasSuffix(word, core)
		case suffix:
			return strings.HasPrefix(word, core)
		}
		return word == core
	}
}
