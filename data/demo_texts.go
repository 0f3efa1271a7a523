package data

// The demo register's material: fictional people, places and complaints as a small Dutch
// practice meets them. Names carry diacritics on purpose, so letters and search are tried on them.

var demoPractice = map[string]string{
	"practice_name":         "Praktijk De Linde",
	"practice_address":      "Oudegracht 118",
	"practice_postcode":     "3511 AX",
	"practice_city":         "Utrecht",
	"practice_phone":        "030 231 45 67",
	"practice_email":        "info@praktijkdelinde.example",
	"practice_website":      "www.praktijkdelinde.example",
	"practice_registration": "KvK 12345678",
	"practitioner_name":     "Anne de Linde",
	"practitioner_title":    "Praktijkhouder",
}

var demoNames = []string{
	"Mehmet Çelik", "Ĳsbrand de Vries", "Zoë van 't Hoff", "Łukasz Wiśniewski", "Anouk Bakker",
	"José Gonçalves", "Renée Smit", "Thijs Jansen", "Fatima El Amrani", "Sanne de Jong",
	"Noëlle Peeters", "Björn Visser", "Eline van Dijk", "Daan Mulder", "Ayşe Yılmaz",
	"Gerrit-Jan Bos", "Marieke Hendriks", "Chloé Dubois", "Kees van der Meer", "Ingrid Vermeulen",
	"Pieter-Bas Kuipers", "Hüseyin Aydın", "Mirjam Brouwer", "Sjoerd Hoekstra", "Lotte Dekker",
}

var demoStreets = []string{
	"Biltstraat 44", "Amsterdamsestraatweg 212", "Kerkstraat 7", "Laan van Nieuw-Guinea 19", "Lange Nieuwstraat 3 bis",
	"Prins Hendriklaan 88", "Vinkenburgstraat 12", "Twijnstraat 55", "Burgemeester Reigerstraat 101", "Nachtegaalstraat 9",
}

var demoPlaces = [][2]string{
	{"3512 JK", "Utrecht"}, {"3811 AB", "Amersfoort"}, {"3701 BC", "Zeist"}, {"3991 AA", "Houten"},
	{"3431 HA", "Nieuwegein"}, {"3721 GD", "Bilthoven"}, {"3601 CS", "Maarssen"}, {"3411 AE", "Lopik"},
}

// demoTopic is one kind of complaint the demo register holds.
type demoTopic struct {
	subject     Subject
	person      string
	summary     string
	description string
	desired     string
}

var demoTopics = []demoTopic{
	{SubjectService, "", "Factuur hoger dan de offerte",
		"De factuur voor de jaarrekening is ruim 30% hoger dan in de offerte stond. Vooraf is niet gemeld dat er meer uren nodig waren.",
		"Een factuur volgens de offerte, of een uitleg van de extra uren."},
	{SubjectService, "", "Aangifte inkomstenbelasting te laat ingediend",
		"De aangifte is na de uitsteltermijn ingediend, waardoor ik een aanmaning en een boete van de Belastingdienst kreeg.",
		"Vergoeding van de boete en de zekerheid dat dit niet nog eens gebeurt."},
	{SubjectEmployee, "Mark Peters", "Onvriendelijk telefoongesprek",
		"Tijdens een telefoongesprek over mijn dossier werd ik onderbroken en kortaf te woord gestaan.",
		"Excuses en een gesprek met de praktijkhouder."},
	{SubjectOrganisation, "", "Geen reactie op e-mails",
		"Ik heb in drie weken vier e-mails gestuurd over mijn dossier en geen antwoord gekregen.",
		"Binnen een week een inhoudelijke reactie en een vaste contactpersoon."},
	{SubjectService, "", "Fout in de jaarrekening",
		"In de jaarrekening staat de afschrijving op de bedrijfsauto verkeerd, waardoor de winst te hoog is.",
		"Een gecorrigeerde jaarrekening zonder extra kosten."},
	{SubjectOrganisation, "", "Vertrouwelijke stukken naar verkeerd adres",
		"Een brief met mijn loonstroken is naar mijn vorige adres gestuurd, terwijl ik mijn verhuizing had doorgegeven.",
		"Uitleg over hoe dit kon gebeuren en wat u doet om het te voorkomen."},
	{SubjectEmployee, "Sandra Koster", "Afspraak zonder bericht verzet",
		"Mijn afspraak is twee keer op de dag zelf verzet, zonder dat ik daar tijdig bericht over kreeg.",
		"Voortaan minstens een dag van tevoren bericht."},
	{SubjectService, "", "Onduidelijke uitleg over de werkzaamheden",
		"Het is mij na het adviesgesprek niet duidelijk welke werkzaamheden u voor mij uitvoert en wat dat kost.",
		"Een schriftelijk overzicht van de afspraken."},
	{SubjectOrganisation, "", "Praktijk telefonisch slecht bereikbaar",
		"De praktijk is 's ochtends vaak niet bereikbaar en er wordt niet teruggebeld.",
		"Betere bereikbaarheid of een terugbelverzoek dat wordt nagekomen."},
	{SubjectService, "", "Declaratie niet gespecificeerd",
		"Op de declaratie staat alleen een totaalbedrag, zonder specificatie van uren en tarief.",
		"Een gespecificeerde declaratie."},
	{SubjectEmployee, "Mark Peters", "Advies sluit niet aan op mijn vraag",
		"Het advies gaat over de verkoop van mijn onderneming, terwijl ik had gevraagd naar de overdracht aan mijn zoon.",
		"Een nieuw advies op mijn eigenlijke vraag, zonder extra kosten."},
	{SubjectOther, "", "Parkeren bij de praktijk",
		"Bij de praktijk is nergens te parkeren en dat werd bij het maken van de afspraak niet gemeld.",
		"Informatie over parkeren bij de uitnodiging."},
}

var demoContactNotes = []string{
	"Telefonisch de klacht doorgesproken; klager wil graag een schriftelijke reactie.",
	"Gesprek op de praktijk gehad over de klacht en mogelijke oplossingen.",
	"Klager gebeld om de verdere stappen af te stemmen.",
	"Per e-mail gereageerd op aanvullende vragen van de klager.",
}

var demoInfoRequests = []string{
	"Kopie van de factuur en de offerte",
	"Brief van de Belastingdienst met de boete",
	"Data en tijdstippen van de verzonden e-mails",
}

var demoExtensionReasons = []string{
	"Wij hebben advies gevraagd aan een onafhankelijke deskundige en wachten op diens reactie.",
	"De betrokken medewerker was enkele weken afwezig door ziekte.",
	"Wij wachten op stukken van de Belastingdienst die nodig zijn om de klacht te beoordelen.",
}

var demoOutcomes = map[Verdict]string{
	VerdictWellFounded:       "Wij hebben onze excuses aangeboden en de kosten gecrediteerd. De werkwijze is aangepast.",
	VerdictPartlyWellFounded: "De klacht is op één punt terecht; daarvoor bieden wij excuses aan en passen wij de factuur aan.",
	VerdictUnfounded:         "Na onderzoek blijkt dat de werkzaamheden volgens de afspraken zijn uitgevoerd. Wij hebben dit toegelicht.",
	VerdictSettled:           "In een gesprek is samen een oplossing gevonden waar de klager tevreden mee is.",
}
