package letters

import "klachtenregister/data"

// reportPhrases are the fixed words of the annual complaints report in one language. The
// Dutch names of categories come from package data (Count.Label); labels translates them.
type reportPhrases struct {
	title, madeOn, intro, underWay, imported              string
	chain                                                 string // the footer with the audit trail's head
	keyFigures, breakdown, perMonth, measures, notesTitle string
	figure                                                string
	figures                                               []string // the key figure rows, in the order of reportRows
	channel, subject, procedure, outcome, rootCause       string
	extension, measureState, received, resolved           string
	noMeasures, none, of, total                           string
	openOn, monthTotals, incomplete                       string // "Open op %s"; the month chart's n; the running month
	measureColumns                                        []string
	months                                                [12]string
	notes                                                 []string // the explanation of the figures; ackNote marks where that goes
	ackNote, ackNoteWorkday                               string   // the note on acknowledgements; %d is ack_days
	labels                                                map[string]string
}

// ackNote marks the place of the note on acknowledgements among the notes: which one of
// ackNote and ackNoteWorkday it is depends on the settings.
const ackNote = "{ack}"

var reportBook = map[string]*reportPhrases{"nl": &dutchReport, "en": &englishReport}

var dutchReport = reportPhrases{
	title:  "Klachtenjaarverslag %d",
	madeOn: "opgesteld op %s",
	chain:  "Logboek bij het opstellen: %s vastleggingen, controlecode van de laatste: %s",
	intro: "Dit jaarverslag geeft een overzicht van de klachten die %s in %d heeft ontvangen en afgehandeld, en van de " +
		"verbetermaatregelen die zijn genomen om herhaling te voorkomen. Zo leggen wij verantwoording af over de " +
		"klachtenprocedure en over wat wij van klachten leren. Het verslag is geanonimiseerd: er staan geen namen, " +
		"adressen of omschrijvingen van klachten in.",
	underWay: "Het jaar %d is nog niet voorbij: de cijfers lopen tot en met %s.",
	imported: "%s van de %s klachten van %d zijn overgenomen uit het register dat de praktijk eerder bijhield; " +
		"hun datums, status en oordeel komen uit dat register. Of hun ontvangst tijdig is bevestigd, telt alleen mee " +
		"als dat register de datum van bevestiging noemt.",
	keyFigures: "Kerncijfers", breakdown: "Verdeling", perMonth: "Per maand", measures: "Verbetermaatregelen",
	notesTitle: "Toelichting bij de cijfers", figure: "Kerncijfer",
	figures: []string{"Ontvangen klachten", "waarvan formeel", "waarvan informeel", "Afgehandeld",
		"waarvan (deels) gegrond", "Ingetrokken", "Open aan het eind van het jaar", "Doorlooptijd: de helft afgehandeld binnen (dagen)",
		"Doorlooptijd: negen van de tien afgehandeld binnen (dagen)", "Ontvangst tijdig bevestigd", "Afgehandeld binnen de termijn",
		"Afgehandeld binnen de verlengde termijn", "Verlengingen", "Klachten met een verlenging",
		"Pas verlengd na het verstrijken van de termijn", "Voortgangsbericht te laat of niet verstuurd",
		"Gesloten dossiers heropend", "Afgehandeld zonder hoor en wederhoor (met reden)", "Nieuwe verbetermaatregelen", "Verbetermaatregelen uitgevoerd"},
	channel: "Ontvangen via", subject: "Onderwerp", procedure: "Informeel of formeel", outcome: "Afloop",
	rootCause: "Oorzaak van (deels) gegronde klachten", extension: "Reden van verlenging",
	measureState: "Stand van de verbetermaatregelen", received: "ontvangen", resolved: "afgehandeld",
	noMeasures: "In %d liepen er geen verbetermaatregelen.", none: "–", of: "%s%% (%s van %s)", total: "totaal %s",
	openOn: "Open op %s (%d: op 31 december)", monthTotals: "%s ontvangen, %s afgehandeld", incomplete: "lopend, onvolledig",
	measureColumns: []string{"Code", "Oorzaak", "Maatregel", "Streefdatum", "Uitgevoerd", "Stand"},
	months:         [12]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	notes: []string{
		"Ontvangen: klachten met een ontvangstdatum in het jaar, informeel en formeel. Formeel: ook klachten die " +
			"informeel begonnen en later formeel zijn gemaakt.",
		"Afgehandeld: klachten waarover in het jaar een oordeel is gegeven, ook als ze eerder zijn ontvangen. " +
			"Open aan het eind van het jaar: ontvangen, maar op 31 december (in een lopend jaar: op de dag van " +
			"opstellen) nog niet afgehandeld of ingetrokken.",
		"Doorlooptijd: dagen van ontvangst tot afhandeling, van de klachten die in het jaar zijn afgehandeld. De " +
			"helft daarvan was binnen het eerste aantal dagen afgehandeld (de mediaan), negen van de tien binnen het " +
			"tweede (het 90e percentiel).",
		ackNote,
		"Binnen de termijn: formele klachten die in het jaar zijn afgehandeld, op of vóór de oorspronkelijke " +
			"streefdatum; binnen de verlengde termijn: op of vóór de streefdatum na een eventuele verlenging.",
		"Percentages zijn naar beneden afgerond: 100% betekent dat het voor alle klachten gold.",
		"Redenen van verlenging zijn ingedeeld naar de woorden in de reden die de klager te lezen kreeg.",
		"Oorzaak: (deels) gegronde klachten die in het jaar zijn afgehandeld, naar de oorzaken van de " +
			"verbetermaatregelen die eraan zijn gekoppeld; een klacht met maatregelen voor twee oorzaken telt bij beide.",
		"Verbetermaatregelen: de maatregelen die in het jaar liepen (vóór het einde ervan vastgelegd of uitgevoerd, " +
			"en niet vóór het begin uitgevoerd), met hun stand op de dag van opstellen. Een maatregel telt als nieuw in " +
			"het jaar waarin hij is vastgelegd, of in het jaar waarin hij is uitgevoerd als dat eerder was; zijn code " +
			"draagt het jaar van vastleggen.",
	},
	ackNote: "Ontvangst tijdig bevestigd: formele klachten die in het jaar formeel zijn ingediend (een informele " +
		"klacht die formeel werd, telt in het jaar waarin dat gebeurde), waarvan de ontvangst uiterlijk %d dagen na " +
		"het indienen schriftelijk is bevestigd. Een bevestiging die nog uitstaat terwijl die termijn verstreken is, " +
		"telt als te laat; een klacht die binnen de termijn is ingetrokken, telt niet mee.",
	ackNoteWorkday: "Ontvangst tijdig bevestigd: formele klachten die in het jaar formeel zijn ingediend (een " +
		"informele klacht die formeel werd, telt in het jaar waarin dat gebeurde), waarvan de ontvangst uiterlijk %d " +
		"dagen na het indienen schriftelijk is bevestigd, of op de eerstvolgende werkdag als die dag in een weekend " +
		"of op een feestdag valt. Een bevestiging die nog uitstaat terwijl die termijn verstreken is, telt als te " +
		"laat; een klacht die binnen de termijn is ingetrokken, telt niet mee.",
}

var englishReport = reportPhrases{
	title:  "Annual complaints report %d",
	madeOn: "prepared on %s",
	chain:  "Audit trail when prepared: %s events, fingerprint of the last: %s",
	intro: "This annual report gives an overview of the complaints that %s received and handled in %d, and of the " +
		"improvement measures taken to prevent them from happening again. It is how we account for our complaints " +
		"procedure and for what we learn from complaints. The report is anonymised: it contains no names, addresses " +
		"or descriptions of complaints.",
	underWay: "The year %d is not over yet: the figures run up to and including %s.",
	imported: "%s of the %s complaints of %d were taken over from the register the practice kept before; their " +
		"dates, status and verdict come from that register. Whether their receipt was acknowledged on time counts " +
		"only where that register gives the date of acknowledgement.",
	keyFigures: "Key figures", breakdown: "Breakdown", perMonth: "Per month", measures: "Improvement measures",
	notesTitle: "Notes on the figures", figure: "Key figure",
	figures: []string{"Complaints received", "of which formal", "of which informal", "Resolved",
		"of which (partly) well-founded", "Withdrawn", "Open at the end of the year", "Handling time: half resolved within (days)",
		"Handling time: nine in ten resolved within (days)", "Receipt acknowledged on time", "Resolved within the deadline",
		"Resolved within the extended deadline", "Extensions", "Complaints extended",
		"Extended only after the deadline had passed", "Progress letter sent late or not at all",
		"Closed files reopened", "Resolved without hearing both sides (reason recorded)", "New improvement measures", "Improvement measures carried out"},
	channel: "Received by", subject: "Subject", procedure: "Informal or formal", outcome: "Outcome",
	rootCause: "Root cause of (partly) well-founded complaints", extension: "Reason for extension",
	measureState: "Status of the improvement measures", received: "received", resolved: "resolved",
	noMeasures: "No improvement measures were under way in %d.", none: "–", of: "%s%% (%s of %s)", total: "total %s",
	openOn: "Open on %s (%d: on 31 December)", monthTotals: "%s received, %s resolved", incomplete: "current, incomplete",
	measureColumns: []string{"Code", "Root cause", "Measure", "Target date", "Carried out", "Status"},
	months:         [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	notes: []string{
		"Received: complaints received in the year, informal and formal. Formal includes complaints that started " +
			"informally and were made formal later.",
		"Resolved: complaints on which a verdict was given in the year, including those received earlier. Open at " +
			"the end of the year: received, but on 31 December (in a year under way: on the day of preparation) " +
			"neither resolved nor withdrawn.",
		"Handling time: days from receipt to resolution, of the complaints resolved in the year. Half of them had " +
			"been resolved within the first number of days (the median), nine in ten within the second (the 90th percentile).",
		ackNote,
		"Within the deadline: formal complaints resolved in the year on or before the original target date; within " +
			"the extended deadline: on or before the target date after any extension.",
		"Percentages are rounded down: 100% means it held for all complaints.",
		"Reasons for extension are grouped by the words of the reason the complainant was given.",
		"Root cause: (partly) well-founded complaints resolved in the year, by the root causes of the improvement " +
			"measures linked to them; a complaint with measures for two causes counts for both.",
		"Improvement measures: the measures under way in the year (recorded or carried out before its end, " +
			"and not carried out before its start), with their status on the day of preparation. A measure counts as new in " +
			"the year it was recorded, or in the year it was carried out if that was earlier; its code bears the " +
			"year it was recorded.",
	},
	ackNote: "Receipt acknowledged on time: formal complaints filed in the year (an informal complaint made formal " +
		"counts in the year that happened), whose receipt was confirmed in writing at most %d days after filing. An " +
		"acknowledgement still outstanding after that period counts as late; a complaint withdrawn within it is " +
		"not counted.",
	ackNoteWorkday: "Receipt acknowledged on time: formal complaints filed in the year (an informal complaint made " +
		"formal counts in the year that happened), whose receipt was confirmed in writing at most %d days after " +
		"filing, or on the next working day when that day falls in a weekend or on a public holiday. An " +
		"acknowledgement still outstanding after that period counts as late; a complaint withdrawn within it is " +
		"not counted.",
	labels: map[string]string{
		"channel.conversation": "conversation", "channel.phone": "phone", "channel.letter": "letter",
		"channel.email": "e-mail", "channel.other": "other",
		"subject.employee": "employee", "subject.service": "service", "subject.organisation": "organisation",
		"subject.other":      "other",
		"procedure.informal": "informal", "procedure.formal": "formal",
		"outcome.well_founded": "well-founded", "outcome.partly_well_founded": "partly well-founded",
		"outcome.unfounded": "unfounded", "outcome.settled": "settled by agreement", "outcome.withdrawn": "withdrawn",
		"cause.communication": "communication", "cause.expertise": "expertise", "cause.accessibility": "accessibility",
		"cause.fees": "fees", "cause.administration": "administration", "cause.conduct": "conduct", "cause.other": "other",
		"cause.no_measure_needed": "no measure needed", "cause.no_measure_yet": "no measure yet",
		"reason.expert": "external expert's advice", "reason.absence": "absence",
		"reason.information": "awaiting documents or information", "reason.complexity": "extent of the investigation",
		"reason.other": "other",
		"state.open":   "under way", "state.overdue": "overdue", "state.done": "carried out",
		"state.effective": "carried out, effective", "state.not_effective": "carried out, not effective",
	},
}

// ReportLabel is a category of the annual report (chart "channel", "subject", "procedure",
// "outcome", "cause", "reason" or "state") in language, as the report names it: the desktop
// app's charts show the same names.
func ReportLabel(language, chart string, c data.Count) string {
	if t, ok := reportBook[language]; ok {
		return t.label(chart, c.Key, c.Label)
	}
	return c.Label
}

// label is a category's name in the report's language: the Dutch one from package data, or
// its translation, looked up as "chart.key" ("cause.fees"); a practice's own root cause keeps
// the name the practice gave it.
func (t *reportPhrases) label(chart, key, dutch string) string {
	if l, ok := t.labels[chart+"."+key]; ok {
		return l
	}
	return dutch
}
