package data

import "strings"

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

// reasonWords are the word stems, Dutch and English, that put a reason in a category. They are
// tried in this order, so "wij wachten op het advies van de deskundige" counts as expert advice,
// not as waiting for information.
var reasonWords = []struct {
	reason ExtensionReason
	stems  []string
}{
	{ReasonExpert, []string{"deskundig", "expert", "advies", "advice", "adviseur", "adviser", "advisor"}},
	{ReasonAbsence, []string{"ziek", "afwezig", "vakantie", "verlof", "absen", "illness", "sick", "holiday"}},
	{ReasonInformation, []string{"stukken", "informatie", "gegevens", "document", "wachten op", "reactie van",
		"information", "waiting for"}},
	{ReasonComplexity, []string{"complex", "ingewikkeld", "omvang", "onderzoek", "uitzoek", "investigat"}},
}

// ClassifyExtension puts an extension's reason in a category; ReasonOther when no word matches.
func ClassifyExtension(reason string) ExtensionReason {
	text := strings.ToLower(reason)
	for _, r := range reasonWords {
		for _, stem := range r.stems {
			if strings.Contains(text, stem) {
				return r.reason
			}
		}
	}
	return ReasonOther
}
