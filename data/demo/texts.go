package demo

import "klachtenregister/data"

// The demo register's material: fictional people, places and complaints as a small Dutch
// practice meets them. Names carry diacritics on purpose, so letters and search are tried on them.

var practice = map[string]string{
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
	"practitioner_title_en": "Practice owner",
}

// organisations are the clients that complain as a company or association.
var organisations = []string{"Bakkerij Jansen B.V.", "Stichting De Regenboog", "Van Dijk Installatietechniek B.V.",
	"Vereniging Het Buitenhof", "Kwekerij De Zonnehoek", "Autobedrijf Visser & Zn."}

var names = []string{
	"Mehmet Çelik", "Ĳsbrand de Vries", "Zoë van 't Hoff", "Łukasz Wiśniewski", "Anouk Bakker",
	"José Gonçalves", "Renée Smit", "Thijs Jansen", "Fatima El Amrani", "Sanne de Jong",
	"Noëlle Peeters", "Björn Visser", "Eline van Dijk", "Daan Mulder", "Ayşe Yılmaz",
	"Gerrit-Jan Bos", "Marieke Hendriks", "Chloé Dubois", "Kees van der Meer", "Ingrid Vermeulen",
	"Pieter-Bas Kuipers", "Hüseyin Aydın", "Mirjam Brouwer", "Sjoerd Hoekstra", "Lotte Dekker",
}

var streets = []string{
	"Biltstraat 44", "Amsterdamsestraatweg 212", "Kerkstraat 7", "Laan van Nieuw-Guinea 19", "Lange Nieuwstraat 3 bis",
	"Prins Hendriklaan 88", "Vinkenburgstraat 12", "Twijnstraat 55", "Burgemeester Reigerstraat 101", "Nachtegaalstraat 9",
}

var places = [][2]string{
	{"3512 JK", "Utrecht"}, {"3811 AB", "Amersfoort"}, {"3701 BC", "Zeist"}, {"3991 AA", "Houten"},
	{"3431 HA", "Nieuwegein"}, {"3721 GD", "Bilthoven"}, {"3601 CS", "Maarssen"}, {"3411 AE", "Lopik"},
}

// topic is one kind of complaint the demo register holds.
type topic struct {
	subject     data.Subject
	person      string
	summary     string
	description string
	desired     string
	measure     string // the measure against recurrence when it is found well-founded
	cause       string // the root cause that measure addresses
}

var topics = []topic{
	{data.SubjectService, "", "Factuur hoger dan de offerte",
		"De factuur voor de jaarrekening is ruim 30% hoger dan in de offerte stond. Vooraf is niet gemeld dat er meer uren nodig waren.",
		"Een factuur volgens de offerte, of een uitleg van de extra uren.",
		"Bij meerwerk vooraf een aanvullende offerte sturen en pas na akkoord beginnen.", "fees"},
	{data.SubjectService, "", "Aangifte inkomstenbelasting te laat ingediend",
		"De aangifte is na de uitsteltermijn ingediend, waardoor ik een aanmaning en een boete van de Belastingdienst kreeg.",
		"Vergoeding van de boete en de zekerheid dat dit niet nog eens gebeurt.",
		"Deadlines van aangiften in de gedeelde agenda, met een herinnering twee weken vooraf.", "administration"},
	{data.SubjectEmployee, "Mark Peters", "Onvriendelijk telefoongesprek",
		"Tijdens een telefoongesprek over mijn dossier werd ik onderbroken en kortaf te woord gestaan.",
		"Excuses en een gesprek met de praktijkhouder.",
		"Training klantgericht telefoneren voor alle medewerkers.", "conduct"},
	{data.SubjectOrganisation, "", "Geen reactie op e-mails",
		"Ik heb in drie weken vier e-mails gestuurd over mijn dossier en geen antwoord gekregen.",
		"Binnen een week een inhoudelijke reactie en een vaste contactpersoon.",
		"E-mails binnen twee werkdagen beantwoorden; een gedeelde inbox met vervanging bij afwezigheid.", "communication"},
	{data.SubjectService, "", "Fout in de jaarrekening",
		"In de jaarrekening staat de afschrijving op de bedrijfsauto verkeerd, waardoor de winst te hoog is.",
		"Een gecorrigeerde jaarrekening zonder extra kosten.",
		"Vier-ogenprincipe: elke jaarrekening wordt vóór verzending door een tweede medewerker gecontroleerd.", "expertise"},
	{data.SubjectOrganisation, "", "Vertrouwelijke stukken naar verkeerd adres",
		"Een brief met mijn loonstroken is naar mijn vorige adres gestuurd, terwijl ik mijn verhuizing had doorgegeven.",
		"Uitleg over hoe dit kon gebeuren en wat u doet om het te voorkomen.",
		"Adreswijzigingen dezelfde dag in het klantsysteem verwerken en schriftelijk aan de klant bevestigen.", "administration"},
	{data.SubjectEmployee, "Sandra Koster", "Afspraak zonder bericht verzet",
		"Mijn afspraak is twee keer op de dag zelf verzet, zonder dat ik daar tijdig bericht over kreeg.",
		"Voortaan minstens een dag van tevoren bericht.",
		"Verzette afspraken uiterlijk een werkdag vooraf melden per sms en e-mail.", "communication"},
	{data.SubjectService, "", "Onduidelijke uitleg over de werkzaamheden",
		"Het is mij na het adviesgesprek niet duidelijk welke werkzaamheden u voor mij uitvoert en wat dat kost.",
		"Een schriftelijk overzicht van de afspraken.",
		"Na elk adviesgesprek een schriftelijk overzicht van de afspraken en de kosten sturen.", "communication"},
	{data.SubjectOrganisation, "", "Praktijk telefonisch slecht bereikbaar",
		"De praktijk is 's ochtends vaak niet bereikbaar en er wordt niet teruggebeld.",
		"Betere bereikbaarheid of een terugbelverzoek dat wordt nagekomen.",
		"De telefoon 's ochtends vast bemensen; terugbelverzoeken dezelfde dag afhandelen.", "accessibility"},
	{data.SubjectService, "", "Declaratie niet gespecificeerd",
		"Op de declaratie staat alleen een totaalbedrag, zonder specificatie van uren en tarief.",
		"Een gespecificeerde declaratie.",
		"Declaraties voortaan gespecificeerd naar uren en tarief.", "fees"},
	{data.SubjectEmployee, "Mark Peters", "Advies sluit niet aan op mijn vraag",
		"Het advies gaat over de verkoop van mijn onderneming, terwijl ik had gevraagd naar de overdracht aan mijn zoon.",
		"Een nieuw advies op mijn eigenlijke vraag, zonder extra kosten.",
		"De adviesvraag bij de start schriftelijk vastleggen en door de klant laten bevestigen.", "expertise"},
	{data.SubjectOther, "", "Parkeren bij de praktijk",
		"Bij de praktijk is nergens te parkeren en dat werd bij het maken van de afspraak niet gemeld.",
		"Informatie over parkeren bij de uitnodiging.",
		"Parkeerinformatie en een routebeschrijving opnemen in elke uitnodiging.", "other"},
}

var contactNotes = []string{
	"Telefonisch de klacht doorgesproken; klager wil graag een schriftelijke reactie.",
	"Gesprek op de praktijk gehad over de klacht en mogelijke oplossingen.",
	"Klager gebeld om de verdere stappen af te stemmen.",
	"Per e-mail gereageerd op aanvullende vragen van de klager.",
}

var infoRequests = []string{
	"Kopie van de factuur en de offerte",
	"Brief van de Belastingdienst met de boete",
	"Data en tijdstippen van de verzonden e-mails",
}

var extensionReasons = []string{
	"Wij hebben advies gevraagd aan een onafhankelijke deskundige en wachten op diens reactie.",
	"De betrokken medewerker was enkele weken afwezig door ziekte.",
	"Wij wachten op stukken van de Belastingdienst die nodig zijn om de klacht te beoordelen.",
}

// outcomes are the outcomes as the outcome letter tells them to the complainant, after its
// sentence with the verdict.
var outcomes = map[data.Verdict]string{
	data.VerdictWellFounded:       "Wij bieden u daarvoor onze excuses aan en crediteren de kosten. Onze werkwijze hebben wij hierop aangepast.",
	data.VerdictPartlyWellFounded: "Uw klacht is op één punt terecht. Daarvoor bieden wij u onze excuses aan, en wij passen de factuur aan.",
	data.VerdictUnfounded:         "Uit ons onderzoek blijkt dat de werkzaamheden volgens de gemaakte afspraken zijn uitgevoerd, zoals wij u in ons gesprek hebben toegelicht.",
	data.VerdictSettled:           "Wij zijn blij dat wij samen een oplossing hebben gevonden waar u tevreden mee bent.",
}

var owners = []string{"Anne de Linde", "Anne de Linde", "Mark Peters", "Sandra Koster"}

var noMeasureReasons = []string{
	"Eenmalige vergissing bij een invalkracht; besproken in het teamoverleg, geen structurele oorzaak.",
	"De oorzaak lag bij een storing van de leverancier van het klantsysteem, die inmiddels is verholpen.",
}

var evaluations = map[bool]string{
	true:  "Sinds de invoering geen nieuwe klachten hierover; in het teamoverleg nagelopen en werkt zoals bedoeld.",
	false: "Er kwam daarna opnieuw een klacht over hetzelfde punt; de maatregel wordt aangescherpt.",
}

// surnames widen the names of a large register beyond the first complaints' names.
var surnames = []string{
	"de Boer", "Meijer", "van den Berg", "Kaya", "Nguyễn", "Öztürk", "Schäfer", "Willems", "Postma", "Groen",
	"Şahin", "Dijkstra", "Koç", "van Leeuwen", "Müller",
}

// name is the complainant of complaint i: the names above first, then first names and
// surnames mixed by r, so a large register has a thousand different people.
func name(i, r int) string {
	if i < len(names) {
		return names[i]
	}
	first, last := names[r%len(names)], names[(r/len(names))%len(names)]
	if r%3 == 0 {
		return firstName(first) + " " + surnames[(r/7)%len(surnames)]
	}
	return firstName(first) + last[len(firstName(last)):]
}

func firstName(full string) string {
	for i, r := range full {
		if r == ' ' {
			return full[:i]
		}
	}
	return full
}
