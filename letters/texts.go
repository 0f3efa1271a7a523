package letters

import "klachtenregister/data"

// phrases are the fixed words of a letter in one language. The body of each letter is a
// template the practice may replace in settings; these frame it and are the same for all.
type phrases struct {
	months                   [12]string
	reference, subject, page string // labels; page is "pagina %d van %d"
	salutation, closing      string // salutation takes the recipient's name
	subjects                 map[data.LetterKind]string
	verdicts                 map[data.Verdict]string // {oordeel}: the verdict in a word or two
	conclusions              map[data.Verdict]string // {conclusie}: the verdict in a sentence
	// heardConclusions are the same after a recorded hearing of the complainant, naming its date;
	// without one the letter never claims a conversation or a settlement "in overleg met u".
	heardConclusions map[data.Verdict]string
	// measuresIntro and measureTerm list the measures and their terms (outcome letter, Wkkgz).
	measuresIntro               [2][2]string // [one measure or more][being taken or all taken already]
	measureTerm                 string
	measureDone                 string                  // a measure carried out by the letter's date
	evaluations                 map[data.Verdict]string // {evaluatie}: only where the practice learns from it
	contactKinds                map[data.ContactKind]string
	phoneAndEmail, phone, email string // ways to reach the practice
	noContact                   string
	acknowledged, contacted     string // parts of {stand_van_zaken}
	contactedAll                string // contacted, when one came on or before the acknowledgement's day (no "since then")
	expertAsked, and            string
	documents                   string // {stukken} when nothing names them; it follows "stukken:"
	formTitles, formStatements  map[data.LetterKind]string
	formFields                  []string
	formDocuments               string // the form's line that names the documents, unless it lists them to tick
	// The consent form's choices (see consentChoices), and the acknowledgement's paragraph
	// about the enclosed form.
	consentTick, consentAll, consentOnly, consentNone string
	consentNamed                                      string // only the documents the letter names, when the file holds none to tick
	letterNo, attachmentNo, letterOf                  string // a document of the file by its number (see numbered)
	ourLetter                                         string // a letter the complainant received, in a sentence of the letter
	theLetter, theLetterOf                            string // a letter of the file in a sentence of the statement to the expert
	allDocuments                                      string // a consent for every document, as the statement names it
	consentEnclosed                                   string
	complaintsOfficer, complaintsOfficerRep           string // the Wkkgz's free help, named by the acknowledgement
	consentEnclosedRep                                string // the same to a representative: %[1]s is the complainant, who signs
	formSentBefore                                    string // consent request: the form went out already on %s, with the acknowledgement
	phoneLabel, calibrationTitle                      string
	// chamberOfCommerce takes the place of the Dutch "KvK" before the practice's number in the
	// letterhead (see registration); "" keeps the practice's own words.
	chamberOfCommerce string
	// international writes a Dutch phone number as dialled from abroad, "+31 30 231 45 67"
	// (see phoneNumber): an English letter is as often read outside the Netherlands.
	international bool
	calibration   []string // the calibration page's instructions
	decimalComma  bool     // numbers are written 20,5 rather than 20.5
	euroSpace     string   // between the euro sign and the amount: Dutch "€ 475", English "€475"

	addressPrefix  map[data.Salutation]string // before the name in the address: "Mevrouw", "De heer"
	titleForPrefix bool                       // a title takes the prefix's place: English "Prof. dr. H. Öztürk", not "Ms prof. dr."
	byEmail        string                     // the address block of a letter sent by e-mail only
	mentionPrefix  map[data.Salutation]string // the same inside a sentence: "mevrouw", "de heer"
	salutationWord map[data.Salutation]string // in the salutation: "Geachte mevrouw ..."
	professor      string                     // "Geachte professor ..."
	doctor         string                     // "Dear Dr ..." in English; Dutch greets a doctor by title of address
	dearSirOrMadam string                     // "Geachte heer, mevrouw," to an organisation
	onBehalf       string                     // subject line of a letter to a representative: subject, complainant
	attention      string                     // the contact person under an organisation's name: "t.a.v. de heer W. Jansen"
	// The consent form of an organisation is signed by its contact person (signedFor: name,
	// organisation), and forOrganisation rewords its statement as the organisation's.
	signedFor       string
	forOrganisation [][2]string
	// description is the letters' default description of the complaint: received date and
	// what it concerns (aboutSubject), for the complainant or (onBehalfOf) for a representative.
	description, descriptionRep string
	aboutSubject                map[data.Subject]string
	earlier                     string      // second progress letter: the original date (the body names the one missed now)
	missing, missed             string      // the date before the extension: still to come when the letter is made, or passed (niet_gehaald)
	reasonsIntro                string      // several extensions: the list of reasons follows
	mine, theirs                [][2]string // the documents in the complainant's words ("mijn klachtbrief"), in the expert's ("de klachtbrief")
	// toRepresentative rewords a letter to a representative: the complaint and the consent are
	// the complainant's, named by %s ("uw klacht" becomes "de klacht"; the consent is asked of
	// the complainant). Longer phrases come first.
	toRepresentative [][2]string
	languageName     map[string]string
	// previews of texts typed for a letter, shown on screen before they are saved
	previewDescription, previewReason, previewText string
	// previewRequest stands in, in a preview of the request for information's text, for the
	// request of a complaint that has none open.
	previewRequest string
}

var phrasebook = map[string]*phrases{"nl": &dutch, "en": &english}

var dutch = phrases{
	months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
		"oktober", "november", "december"},
	reference: "Ons kenmerk", subject: "Betreft", page: "pagina %d van %d",
	salutation: "Geachte %s,", closing: "Met vriendelijke groet,",
	subjects: map[data.LetterKind]string{
		data.LetterAcknowledgement: "Ontvangstbevestiging van uw klacht",
		data.LetterProgress:        "Voortgang van de behandeling van uw klacht",
		data.LetterOutcome:         "Uitkomst van de behandeling van uw klacht",
		data.LetterConsent:         "Verzoek om toestemming voor advies van een externe deskundige",
		data.LetterConfidentiality: "Geheimhoudingsverklaring",
		data.LetterWithdrawal:      "Intrekking van uw klacht",
		data.LetterInformation:     "Verzoek om aanvullende informatie over uw klacht",
	},
	verdicts: map[data.Verdict]string{data.VerdictWellFounded: "gegrond", data.VerdictPartlyWellFounded: "deels gegrond",
		data.VerdictUnfounded: "ongegrond", data.VerdictSettled: "in overleg opgelost"},
	conclusions: map[data.Verdict]string{
		data.VerdictWellFounded:       "Na zorgvuldig onderzoek vinden wij uw klacht gegrond.",
		data.VerdictPartlyWellFounded: "Na zorgvuldig onderzoek vinden wij uw klacht deels gegrond.",
		data.VerdictUnfounded:         "Na zorgvuldig onderzoek vinden wij uw klacht ongegrond.",
		data.VerdictSettled:           "Uw klacht is opgelost.",
	},
	heardConclusions: map[data.Verdict]string{
		data.VerdictWellFounded:       "Na ons gesprek van %s en zorgvuldig onderzoek vinden wij uw klacht gegrond.",
		data.VerdictPartlyWellFounded: "Na ons gesprek van %s en zorgvuldig onderzoek vinden wij uw klacht deels gegrond.",
		data.VerdictUnfounded:         "Na ons gesprek van %s en zorgvuldig onderzoek vinden wij uw klacht ongegrond.",
		data.VerdictSettled:           "Na ons gesprek van %s hebben wij uw klacht in overleg met u opgelost.",
	},
	measuresIntro: [2][2]string{
		{"Naar aanleiding van uw klacht nemen wij de volgende maatregel:", "Naar aanleiding van uw klacht hebben wij de volgende maatregel genomen:"},
		{"Naar aanleiding van uw klacht nemen wij de volgende maatregelen:", "Naar aanleiding van uw klacht hebben wij de volgende maatregelen genomen:"}},
	measureTerm: "%s; dit voeren wij uiterlijk %s in.",
	measureDone: "%s; dit hebben wij op %s ingevoerd.",
	evaluations: map[data.Verdict]string{
		data.VerdictWellFounded: "Wij nemen uw klacht mee in de evaluatie van onze praktijk, zodat wij herhaling zoveel mogelijk voorkomen.",
		data.VerdictPartlyWellFounded: "Het deel van uw klacht dat gegrond is, nemen wij mee in de evaluatie van onze praktijk, " +
			"zodat wij herhaling zoveel mogelijk voorkomen.",
	},
	contactKinds: map[data.ContactKind]string{data.ContactPhone: "telefonisch", data.ContactMeeting: "in een gesprek",
		data.ContactLetter: "per brief", data.ContactEmail: "per e-mail"},
	phoneAndEmail: "telefonisch via %s of per e-mail via %s", phone: "telefonisch via %s", email: "per e-mail via %s",
	noContact:    "via het adres bovenaan deze brief",
	acknowledged: "Op %s hebben wij de ontvangst van uw klacht bevestigd.",
	contacted:    "Daarna hebben wij contact met u gehad: %s.",
	contactedAll: "Wij hebben contact met u gehad: %s.",
	expertAsked:  "Wij hebben advies gevraagd aan een onafhankelijke externe deskundige.",
	and:          "en",
	documents:    "de beschrijving van de klacht en de brieven, e-mails en verslagen uit het dossier die daarover gaan",
	formTitles: map[data.LetterKind]string{data.LetterConsent: "Verklaring van toestemming",
		data.LetterConfidentiality: "Geheimhoudingsverklaring"},
	formStatements: map[data.LetterKind]string{
		data.LetterConsent: "Ik, {naam}, geef hieronder aan of {praktijk} kopieën van stukken uit het dossier van mijn " +
			"klacht met kenmerk {kenmerk} ter beschikking mag stellen aan een onafhankelijke externe deskundige die een " +
			"geheimhoudingsverklaring heeft ondertekend. Ik weet dat ik mijn toestemming op elk moment kan intrekken.",
		data.LetterConfidentiality: "Ik, {deskundige}, adviseer {praktijk} over de klacht met kenmerk {kenmerk}. " +
			"Ik verklaar dat ik:\n" +
			"- alle informatie die ik over deze klacht ontvang, geheimhoud;\n" +
			"- de stukken alleen gebruik voor mijn advies over deze klacht;\n" +
			"- de stukken en hun inhoud met niemand anders deel dan met {praktijk};\n" +
			"- de stukken teruggeef of vernietig zodra mijn advies klaar is.",
	},
	formFields:    []string{"Plaats", "Datum", "Handtekening"},
	formDocuments: "Het gaat om de volgende stukken: {stukken}.",
	consentTick:   "Kruis één mogelijkheid aan:",
	consentAll:    "Ik geef toestemming voor kopieën van alle stukken uit het klachtdossier, ook van stukken die later worden toegevoegd.",
	consentOnly:   "Ik geef alleen toestemming voor kopieën van de stukken die ik hieronder aankruis:",
	consentNone:   "Ik geef geen toestemming.",
	consentNamed:  "Ik geef alleen toestemming voor kopieën van de hierboven genoemde stukken.",
	letterNo:      "brief %d", attachmentNo: "bijlage %d", letterOf: "%s, verstuurd op %s",
	ourLetter: "onze brief ‘%s’ van %s",
	theLetter: "de brief ‘%s’", theLetterOf: "de brief ‘%s’ van %s",
	allDocuments: "alle stukken uit het klachtdossier",
	complaintsOfficer: "Wilt u hulp of advies bij uw klacht? Dan kunt u kosteloos terecht bij een onafhankelijke " +
		"klachtenfunctionaris: %s.",
	complaintsOfficerRep: "Voor hulp of advies bij de klacht kan %s kosteloos terecht bij een onafhankelijke " +
		"klachtenfunctionaris: %s.",
	consentEnclosed: "Soms vragen wij advies aan een onafhankelijke externe deskundige. Deze deskundige krijgt stukken uit " +
		"uw dossier alleen met uw toestemming te zien, en pas nadat hij of zij een geheimhoudingsverklaring heeft ondertekend. Wilt u de " +
		"verklaring van toestemming op de volgende pagina invullen, ondertekenen en aan ons terugsturen, ook als u geen " +
		"toestemming geeft?",
	consentEnclosedRep: "Soms vragen wij advies aan een onafhankelijke externe deskundige. Deze deskundige krijgt stukken uit " +
		"het dossier alleen met toestemming van %[1]s te zien, en pas nadat hij of zij een geheimhoudingsverklaring heeft " +
		"ondertekend. Wilt u de verklaring van toestemming op de volgende pagina door %[1]s laten invullen en ondertekenen, " +
		"en de verklaring aan ons terugsturen, ook als %[1]s geen toestemming geeft?",
	formSentBefore: "Op %s hebben wij u al een verklaring van toestemming gestuurd. Die hebben wij nog niet van u " +
		"terugontvangen; daarom sturen wij haar opnieuw mee.", // it may offer more documents than the first

	phoneLabel: "Telefoon", calibrationTitle: "Proefvel adresvenster",
	calibration: []string{
		"Druk deze pagina af op ware grootte (100 %, niet ‘passend maken’) en vouw hem zoals u uw brieven vouwt.",
		"Steek hem in een vensterenvelop van de praktijk: het gestippelde kader moet helemaal in het venster vallen.",
		"Valt het kader er (deels) buiten, meet dan met de linialen langs de rand hoeveel het moet verschuiven en pas de instellingen aan:",
		"‘Adresvenster: afstand van de linkerkant (mm)’ (nu %s mm), ‘Adresvenster: afstand van de bovenkant (mm)’ (nu %s mm), ‘Adresvenster: breedte (mm)’ (nu %s mm) en ‘Adresvenster: hoogte (mm)’ (nu %s mm), bij Instellingen.",
	},
	decimalComma:   true,
	euroSpace:      nbsp,
	addressPrefix:  map[data.Salutation]string{data.SalutationMrs: "Mevrouw", data.SalutationMr: "De heer"},
	byEmail:        "Per e-mail: %s",
	mentionPrefix:  map[data.Salutation]string{data.SalutationMrs: "mevrouw", data.SalutationMr: "de heer"},
	salutationWord: map[data.Salutation]string{data.SalutationMrs: "mevrouw", data.SalutationMr: "heer"},
	professor:      "professor",
	onBehalf:       "%s (namens %s)",
	attention:      "t.a.v. %s",
	signedFor:      "%s, namens %s",
	forOrganisation: [][2]string{
		{"Ik weet dat ik mijn toestemming op elk moment kan intrekken.", "Ik weet dat de toestemming op elk moment kan worden ingetrokken."},
		{"mijn klacht met", "de klacht met"}, {"mijn ", "onze "}, {"Mijn ", "Onze "},
	},
	dearSirOrMadam: "heer, mevrouw",
	description:    "uw klacht van %s%s",
	descriptionRep: "de klacht%[2]s die u op %[1]s namens %[3]s hebt ingediend",
	aboutSubject: map[data.Subject]string{data.SubjectEmployee: " over een van onze medewerkers",
		data.SubjectService: " over onze dienstverlening", data.SubjectOrganisation: " over onze organisatie"},
	missing: "Helaas lukt het ons niet om die datum te halen.",
	missed:  "Dat is ons helaas niet gelukt. Het spijt ons dat u dit nu pas van ons hoort.",
	earlier: "Eerder hebben wij u laten weten dat de oorspronkelijke datum van %s niet haalbaar was. Het spijt ons dat " +
		"wij de datum nu opnieuw moeten verschuiven.", // "Helaas" is the paragraph before's
	reasonsIntro: "De redenen daarvoor zijn:",
	mine:         [][2]string{{"uw ", "mijn "}, {"Uw ", "Mijn "}},
	toRepresentative: [][2]string{
		{"U kunt uw toestemming op elk moment intrekken.", "De toestemming kan op elk moment worden ingetrokken."},
		{"Wilt u de verklaring op de volgende pagina invullen, ondertekenen en aan ons terugsturen, ook als u geen toestemming geeft?",
			"Wilt u de verklaring op de volgende pagina door %s laten invullen en ondertekenen, en die aan ons terugsturen, ook als %s geen toestemming geeft?"},
		{"met uw toestemming", "met toestemming van %s"},
		{"uw klachtdossier", "het klachtdossier"}, {"Uw klachtdossier", "Het klachtdossier"}, {"uw dossier", "het dossier"},
		{"uw klacht", "de klacht"}, {"Uw klacht", "De klacht"}, {"u uw ongenoegen", "u het ongenoegen van %s"},
		{"Mocht u in de toekomst opnieuw ergens ontevreden over zijn, dan kunt u altijd een nieuwe klacht indienen.",
			"Mocht %s in de toekomst opnieuw ergens ontevreden over zijn, dan kan altijd een nieuwe klacht worden ingediend."},
		{"Bent u in de toekomst opnieuw ergens ontevreden over, dan kunt u altijd een nieuwe klacht indienen.", // a practice's text from before
			"Is %s in de toekomst opnieuw ergens ontevreden over, dan kan altijd een nieuwe klacht worden ingediend."},
		{"hebt ingediend intrekt", "hebt ingediend, intrekt"}, // the complaint "die u namens … hebt ingediend" before the verb
		{"hebt ingediend willen wij", "hebt ingediend, willen wij"},
	},
	theirs:             [][2]string{{"uw ", "de "}, {"Uw ", "De "}},
	languageName:       map[string]string{"nl": "Nederlands", "en": "Engels"},
	previewDescription: "‘Hartelijk dank voor %s.’",
	previewReason:      "‘Wij hebben meer tijd nodig dan wij hadden verwacht. %s’",
	previewText:        "‘%s’",
	previewRequest:     "een kopie van de factuur waarover u klaagt",
}

var english = phrases{
	months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"},
	reference: "Our reference", subject: "Subject", page: "page %d of %d",
	salutation: "Dear %s,", closing: "Yours sincerely,",
	subjects: map[data.LetterKind]string{
		data.LetterAcknowledgement: "Acknowledgement of your complaint",
		data.LetterProgress:        "Update on your complaint",
		data.LetterOutcome:         "Outcome of your complaint",
		data.LetterConsent:         "Request for consent to consult an external expert",
		data.LetterConfidentiality: "Confidentiality statement",
		data.LetterWithdrawal:      "Withdrawal of your complaint",
		data.LetterInformation:     "Request for further information about your complaint",
	},
	verdicts: map[data.Verdict]string{data.VerdictWellFounded: "upheld", data.VerdictPartlyWellFounded: "partly upheld",
		data.VerdictUnfounded: "not upheld", data.VerdictSettled: "settled by mutual agreement"},
	conclusions: map[data.Verdict]string{
		data.VerdictWellFounded:       "Having looked into your complaint carefully, we have upheld it.",
		data.VerdictPartlyWellFounded: "Having looked into your complaint carefully, we have partly upheld it.",
		data.VerdictUnfounded:         "Having looked into your complaint carefully, we have not upheld it.",
		data.VerdictSettled:           "Your complaint has been resolved.",
	},
	heardConclusions: map[data.Verdict]string{
		data.VerdictWellFounded:       "After our conversation on %s and a careful look into your complaint, we have upheld it.",
		data.VerdictPartlyWellFounded: "After our conversation on %s and a careful look into your complaint, we have partly upheld it.",
		data.VerdictUnfounded:         "After our conversation on %s and a careful look into your complaint, we have not upheld it.",
		data.VerdictSettled:           "After our conversation on %s, your complaint has been settled by mutual agreement.",
	},
	measuresIntro: [2][2]string{
		{"As a result of your complaint, we are taking the following measure:", "As a result of your complaint, we have taken the following measure:"},
		{"As a result of your complaint, we are taking the following measures:", "As a result of your complaint, we have taken the following measures:"}},
	measureTerm: "%s; we will put this in place by %s.",
	measureDone: "%s; we put this in place on %s.",
	evaluations: map[data.Verdict]string{
		data.VerdictWellFounded: "We will take your complaint into account when we evaluate our practice, so that we can " +
			"prevent this from happening again as far as possible.",
		data.VerdictPartlyWellFounded: "We will take the part of your complaint that we have upheld into account when we " +
			"evaluate our practice, so that we can prevent this from happening again as far as possible.",
	},
	contactKinds: map[data.ContactKind]string{data.ContactPhone: "by phone", data.ContactMeeting: "in a meeting",
		data.ContactLetter: "by letter", data.ContactEmail: "by email"},
	phoneAndEmail: "by phone on %s or by email at %s", phone: "by phone on %s", email: "by email at %s",
	noContact:    "at the address at the top of this letter",
	acknowledged: "On %s we confirmed that we had received your complaint.",
	contacted:    "After that, we were in touch with you %s.",
	contactedAll: "We were in touch with you %s.",
	expertAsked:  "We have asked an independent external expert for advice.",
	and:          "and",
	documents:    "the description of the complaint and the letters, emails and notes in the file that relate to it",
	formTitles: map[data.LetterKind]string{data.LetterConsent: "Statement of consent",
		data.LetterConfidentiality: "Confidentiality statement"},
	formStatements: map[data.LetterKind]string{
		data.LetterConsent: "I, {naam}, indicate below whether {praktijk} may make copies of documents from the file of my " +
			"complaint with reference {kenmerk} available to an independent external expert who has signed a " +
			"confidentiality statement. I know that I may withdraw my consent at any time.",
		data.LetterConfidentiality: "I, {deskundige}, am advising {praktijk} on the complaint with reference {kenmerk}. " +
			"I declare that I will:\n" +
			"- keep all information I receive about this complaint confidential;\n" +
			"- use the documents only for my advice on this complaint;\n" +
			"- share the documents and their contents with no one other than {praktijk};\n" +
			"- return or destroy the documents as soon as my advice is complete.",
	},
	formFields:    []string{"Place", "Date", "Signature"},
	formDocuments: "The documents concerned are: {stukken}.",
	consentTick:   "Tick one box:",
	consentAll:    "I consent to copies of all documents in the complaint file being shared, including documents added later.",
	consentOnly:   "I consent only to copies of the documents I tick below being shared:",
	consentNone:   "I do not consent.",
	consentNamed:  "I consent only to copies of the documents named above being shared.",
	letterNo:      "letter %d", attachmentNo: "attachment %d", letterOf: "%s, sent on %s",
	ourLetter: "our letter ‘%s’ of %s",
	theLetter: "the letter ‘%s’", theLetterOf: "the letter ‘%s’ of %s",
	allDocuments: "all documents in the complaint file",
	complaintsOfficer: "Would you like help or advice with your complaint? An independent complaints officer can help " +
		"you free of charge: %s.",
	complaintsOfficerRep: "For help or advice with the complaint, %s can turn to an independent complaints officer free " +
		"of charge: %s.",
	consentEnclosed: "We sometimes ask an independent external expert for advice. The expert sees documents from your " +
		"file only with your consent and after signing a confidentiality statement. Please fill in and sign the consent " +
		"statement on the next page and return it to us, even if you do not consent.",
	consentEnclosedRep: "We sometimes ask an independent external expert for advice. The expert sees documents from the " +
		"file only with the consent of %[1]s and after signing a confidentiality statement. Please ask %[1]s to fill in " +
		"and sign the consent statement on the next page, and return it to us, even if the answer is" + nbsp + "no.",
	formSentBefore: "We already sent you a consent statement on %s. As we have not received it back yet, we enclose it again.",
	phoneLabel:     "Phone", calibrationTitle: "Address window test sheet",
	chamberOfCommerce: "Chamber of Commerce no.",
	international:     true,
	calibration: []string{
		"Print this page at actual size (100%, not ‘fit to page’) and fold it the way you fold your letters.",
		"Put it in one of the practice's window envelopes: the dotted frame must lie entirely inside the window.",
		"If the frame falls (partly) outside, measure with the rulers along the edges how far it must move and change the settings:",
		"‘Address window: from the left edge (mm)’ (now %s mm), ‘Address window: from the top edge (mm)’ (now %s mm), ‘Address window: width (mm)’ (now %s mm) and ‘Address window: height (mm)’ (now %s mm), under Settings.",
	},
	addressPrefix:  map[data.Salutation]string{data.SalutationMrs: "Ms", data.SalutationMr: "Mr"},
	titleForPrefix: true,
	byEmail:        "By email: %s",
	mentionPrefix:  map[data.Salutation]string{data.SalutationMrs: "Ms", data.SalutationMr: "Mr"},
	salutationWord: map[data.Salutation]string{data.SalutationMrs: "Ms", data.SalutationMr: "Mr"},
	professor:      "Professor",
	doctor:         "Dr",
	onBehalf:       "%s (on behalf of %s)",
	attention:      "Attn. %s",
	signedFor:      "%s, on behalf of %s",
	forOrganisation: [][2]string{
		{"I know that I may withdraw my consent at any time.", "I know that consent may be withdrawn at any time."},
		{"my complaint with", "the complaint with"}, {"my ", "our "}, {"My ", "Our "},
	},
	dearSirOrMadam: "Sir or Madam",
	description:    "your complaint of %s%s",
	descriptionRep: "the complaint%[2]s that you submitted on %[1]s on behalf of %[3]s",
	aboutSubject: map[data.Subject]string{data.SubjectEmployee: " about a member of our staff",
		data.SubjectService: " about our services", data.SubjectOrganisation: " about our organisation"},
	missing: "Unfortunately we will not be able to meet that date.",
	missed:  "Unfortunately we did not manage this, and we apologise for not letting you know sooner.",
	earlier: "We let you know earlier that the original date of %s could not be met, and we regret that we now have " +
		"to move the date once more.",
	reasonsIntro: "The reasons for this are:",
	mine:         [][2]string{{"your ", "my "}, {"Your ", "My "}},
	toRepresentative: [][2]string{
		{"You may withdraw your consent at any time.", "Consent may be withdrawn at any time."},
		{"Please fill in and sign the statement on the next page and return it to us, even if you do not consent.",
			"Please ask %s to fill in and sign the statement on the next page, and return it to us, even if the answer is" + nbsp + "no."},
		{"with your consent", "with the consent of %s"},
		{"your complaint", "the complaint"}, {"Your complaint", "The complaint"}, {"your file", "the file"},
		{"your concerns", "the concerns of %s"},
		{"Should you be dissatisfied with anything in the future, you are always welcome to submit a new complaint.",
			"Should %s be dissatisfied with anything in the future, a new complaint can always be submitted."},
	},
	theirs:             [][2]string{{"your ", "the "}, {"Your ", "The "}},
	languageName:       map[string]string{"nl": "Dutch", "en": "English"},
	previewDescription: "‘Thank you for %s.’",
	previewReason:      "‘We need more time than we expected. %s’",
	previewText:        "‘%s’",
	previewRequest:     "a copy of the invoice you are complaining about",
}

// DefaultBody is the built-in text of a letter in a language, shown in settings as the starting
// point for a practice's own text. Placeholders such as {naam} are listed by data.Placeholders.
func DefaultBody(kind data.LetterKind, lang string) string { return bodies[lang][kind] }

var bodies = map[string]map[data.LetterKind]string{
	"nl": {
		data.LetterAcknowledgement: `Hartelijk dank voor {klacht}. Wij vinden het belangrijk om te horen wanneer iemand ontevreden is, en nemen uw klacht serieus.

Uw klacht wordt behandeld door {behandelaar}, volgens onze klachtenprocedure. Meestal nemen wij eerst contact met u op om de verdere stappen te bespreken. Ook kunnen wij u om een nadere toelichting of aanvullende informatie vragen. Wilt u zelf nog iets aanvullen, laat het ons dan gerust weten.

Wij streven ernaar uw klacht uiterlijk {termijn} af te handelen. Lukt dat niet, dan laten wij u tijdig weten waarom niet en wanneer u de uitkomst kunt verwachten. Na afronding ontvangt u van ons een schriftelijke bevestiging van de uitkomst.

Alle stappen in de behandeling van uw klacht worden vastgelegd. Wij gaan zorgvuldig en vertrouwelijk met deze gegevens om.

Hebt u in de tussentijd vragen, neem dan gerust contact met ons op: {contactgegevens}. Wilt u daarbij ons kenmerk {kenmerk} vermelden?`,

		data.LetterInformation: `Wij zijn bezig met de behandeling van {klacht}. Om uw klacht goed te kunnen beoordelen, hebben wij nog de volgende informatie van u nodig:

{gevraagde_informatie}

Wilt u ons deze informatie uiterlijk {informatie_uiterlijk} toesturen, met vermelding van ons kenmerk {kenmerk}? Ontvangen wij de informatie niet op tijd, dan beoordelen wij uw klacht op basis van de gegevens die wij al hebben.

Lukt het niet om de informatie op tijd te sturen, of hebt u vragen over dit verzoek, neem dan gerust contact met ons op: {contactgegevens}.`,

		data.LetterProgress: `Wij streefden ernaar {klacht} uiterlijk {oude_termijn} af te handelen. {niet_gehaald} Met deze brief laten wij u weten waarom niet en hoe het verder gaat.

{eerder_uitgesteld}

{stand_van_zaken}

Wij hebben meer tijd nodig dan wij hadden verwacht. {reden_verlenging}

Wij verwachten uw klacht uiterlijk {nieuwe_termijn} af te handelen. Wij houden u op de hoogte van de voortgang en laten het u direct weten als er iets verandert.

Wij begrijpen dat het wachten op de uitkomst vervelend voor u kan zijn, en danken u voor uw geduld. Hebt u in de tussentijd vragen, neem dan gerust contact met ons op: {contactgegevens}.`,

		data.LetterOutcome: `Met deze brief laten wij u de uitkomst weten van {klacht}.

{conclusie}

{uitkomst}

Wij danken u dat u de moeite hebt genomen uw klacht aan ons voor te leggen. {evaluatie}

{geschilleninstantie}

Hiermee is de behandeling van uw klacht afgerond. Hebt u nog vragen over deze brief, neem dan gerust contact met ons op: {contactgegevens}.`,

		data.LetterConsent: `Bij de behandeling van {klacht} willen wij advies vragen aan een onafhankelijke externe deskundige. Daarvoor moet deze deskundige kopieën van stukken uit uw klachtdossier kunnen inzien. Die kopieën geven wij de deskundige alleen met uw toestemming.

Het gaat om de volgende stukken: {stukken}.

Voordat de deskundige de stukken ontvangt, ondertekent hij of zij een geheimhoudingsverklaring. De deskundige gebruikt de stukken alleen voor het advies over uw klacht. U kunt uw toestemming op elk moment intrekken.

Wilt u de verklaring op de volgende pagina invullen, ondertekenen en aan ons terugsturen, ook als u geen toestemming geeft? Hebt u vragen, neem dan gerust contact met ons op: {contactgegevens}.`,

		data.LetterConfidentiality: `Hartelijk dank dat u bereid bent ons te adviseren over een klacht die wij behandelen (ons kenmerk {kenmerk}). Voordat wij u kopieën van stukken uit het klachtdossier toesturen, vragen wij u de geheimhoudingsverklaring op de volgende pagina te ondertekenen en aan ons terug te sturen.

Het gaat om de volgende stukken: {stukken}.

De stukken bevatten vertrouwelijke informatie en persoonsgegevens. Wij vragen u daar zorgvuldig mee om te gaan, zoals in de verklaring staat beschreven.`,

		data.LetterWithdrawal: `Op {datum_intrekking} hebt u ons laten weten dat u {klacht} intrekt. Met deze brief bevestigen wij dat.

Wij hebben de behandeling van uw klacht daarom beëindigd. Wij danken u dat u uw ongenoegen aan ons hebt voorgelegd. Mocht u in de toekomst opnieuw ergens ontevreden over zijn, dan kunt u altijd een nieuwe klacht indienen.

Hebt u nog vragen, neem dan gerust contact met ons op: {contactgegevens}.`,
	},
	"en": {
		data.LetterAcknowledgement: `Thank you for {klacht}. We want to hear when someone is not satisfied, and we take your complaint seriously.

Your complaint is being handled by {behandelaar}, in line with our complaints procedure. We will usually contact you first to discuss the next steps. We may also ask you for further explanation or additional information. If there is anything you would like to add, please let us know.

We aim to resolve your complaint by {termijn}. If we cannot, we will let you know in good time why, and when you can expect the outcome. When we have finished, we will confirm the outcome in writing.

We keep a record of every step in handling your complaint, and we treat this information with care and in confidence.

If you have any questions in the meantime, please contact us {contactgegevens}, quoting our reference {kenmerk}.`,

		data.LetterInformation: `We are currently handling {klacht}. To assess your complaint properly, we need the following information from you:

{gevraagde_informatie}

Could you please send us this information by {informatie_uiterlijk}, quoting our reference {kenmerk}? If we do not receive it in time, we will assess your complaint on the basis of the information we already have.

If you cannot send it in time, or if you have any questions about this request, please contact us {contactgegevens}.`,

		data.LetterProgress: `We aimed to resolve {klacht} by {oude_termijn}. {niet_gehaald} We are writing to explain why, and what happens next.

{eerder_uitgesteld}

{stand_van_zaken}

We need more time than we expected. {reden_verlenging}

We now expect to resolve your complaint by {nieuwe_termijn}. We will keep you informed and let you know straight away if anything changes.

We understand that waiting for the outcome may be frustrating, and we thank you for your patience. If you have any questions in the meantime, please contact us {contactgegevens}.`,

		data.LetterOutcome: `We are writing to let you know the outcome of {klacht}.

{conclusie}

{uitkomst}

Thank you for taking the trouble to bring your complaint to our attention. {evaluatie}

{geschilleninstantie}

This concludes the handling of your complaint. If you have any questions about this letter, please contact us {contactgegevens}.`,

		data.LetterConsent: `In handling {klacht}, we would like to ask an independent external expert for advice. To do so, the expert needs to see copies of documents from your complaint file. We will only share them with your consent.

The documents concerned are: {stukken}.

Before receiving the documents, the expert signs a confidentiality statement. The expert will use the documents only to advise on your complaint. You may withdraw your consent at any time.

Please fill in and sign the statement on the next page and return it to us, even if you do not consent. If you have any questions, please contact us {contactgegevens}.`,

		data.LetterConfidentiality: `Thank you for agreeing to advise us on a complaint we are handling (our reference {kenmerk}). Before we send you copies of documents from the complaint file, we ask you to sign the confidentiality statement on the next page and return it to us.

The documents concerned are: {stukken}.

The documents contain confidential information and personal data. We ask you to handle them with care, as described in the statement.`,

		data.LetterWithdrawal: `On {datum_intrekking} you told us that you wished to withdraw {klacht}. We are writing to confirm this.

We have therefore stopped handling your complaint. Thank you for bringing your concerns to our attention. Should you be dissatisfied with anything in the future, you are always welcome to submit a new complaint.

If you have any questions, please contact us {contactgegevens}.`,
	},
}
