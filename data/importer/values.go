package importer

import (
	"strings"

	"klachtenregister/data"
)

// statusWords are the words practices write in a status column, keyed as key folds them. A
// verdict in the status column means the complaint was dealt with; "afgehandeld" is the app's
// own word for resolved, which the app's export pairs with a column "Gesloten" (see status).
var statusWords = map[string]data.Status{
	"informeel": data.StatusInformal, "informal": data.StatusInformal,
	"ontvangen": data.StatusReceived, "nieuw": data.StatusReceived, "open": data.StatusReceived, "received": data.StatusReceived,
	"inbehandeling": data.StatusReceived, "lopend": data.StatusReceived, "loopt": data.StatusReceived, "new": data.StatusReceived,
	"inprogress": data.StatusReceived, "pending": data.StatusReceived,
	"ontvangstbevestigd": data.StatusAcknowledged, "bevestigd": data.StatusAcknowledged, "acknowledged": data.StatusAcknowledged,
	"verlengd": data.StatusExtended, "extended": data.StatusExtended,
	"afgehandeld": data.StatusResolved, "resolved": data.StatusResolved,
	"gesloten": data.StatusClosed, "afgesloten": data.StatusClosed, "klaar": data.StatusClosed, "gereed": data.StatusClosed,
	"closed": data.StatusClosed, "done": data.StatusClosed,
	"ingetrokken": data.StatusWithdrawn, "withdrawn": data.StatusWithdrawn,
}

// verdictWords are the words for a verdict, in a verdict, status or "gegrond" column.
var verdictWords = map[string]data.Verdict{
	"gegrond": data.VerdictWellFounded, "welfounded": data.VerdictWellFounded, "upheld": data.VerdictWellFounded,
	"ja": data.VerdictWellFounded, "yes": data.VerdictWellFounded, "j": data.VerdictWellFounded, "y": data.VerdictWellFounded,
	"deelsgegrond": data.VerdictPartlyWellFounded, "gedeeltelijkgegrond": data.VerdictPartlyWellFounded,
	"deels": data.VerdictPartlyWellFounded, "gedeeltelijk": data.VerdictPartlyWellFounded,
	"partlywellfounded": data.VerdictPartlyWellFounded, "partly": data.VerdictPartlyWellFounded, "partial": data.VerdictPartlyWellFounded,
	"ongegrond": data.VerdictUnfounded, "nee": data.VerdictUnfounded, "n": data.VerdictUnfounded, "no": data.VerdictUnfounded,
	"unfounded": data.VerdictUnfounded, "notupheld": data.VerdictUnfounded,
	"inoverlegopgelost": data.VerdictSettled, "opgelost": data.VerdictSettled, "inoverleg": data.VerdictSettled,
	"geschikt": data.VerdictSettled, "settled": data.VerdictSettled, "settledbyagreement": data.VerdictSettled,
}

var channelWords = map[string]data.Channel{
	"gesprek": data.ChannelConversation, "mondeling": data.ChannelConversation, "persoonlijk": data.ChannelConversation,
	"balie": data.ChannelConversation, "conversation": data.ChannelConversation, "inperson": data.ChannelConversation,
	"telefoon": data.ChannelPhone, "telefonisch": data.ChannelPhone, "tel": data.ChannelPhone, "phone": data.ChannelPhone,
	"brief": data.ChannelLetter, "post": data.ChannelLetter, "schriftelijk": data.ChannelLetter, "letter": data.ChannelLetter,
	"email": data.ChannelEmail, "mail": data.ChannelEmail, "webformulier": data.ChannelEmail, "website": data.ChannelEmail,
	"anders": data.ChannelOther, "overig": data.ChannelOther, "other": data.ChannelOther,
}

var subjectWords = map[string]data.Subject{
	"medewerker": data.SubjectEmployee, "bejegening": data.SubjectEmployee, "employee": data.SubjectEmployee,
	"dienstverlening": data.SubjectService, "service": data.SubjectService, "advies": data.SubjectService,
	"organisatie": data.SubjectOrganisation, "bereikbaarheid": data.SubjectOrganisation, "organisation": data.SubjectOrganisation,
	"organization": data.SubjectOrganisation,
	"anders":       data.SubjectOther, "overig": data.SubjectOther, "other": data.SubjectOther,
}

var procedureWords = map[string]bool{"formeel": true, "formal": true, "ja": true, "yes": true,
	"informeel": false, "informal": false, "nee": false, "no": false}

// lookup finds a word in one of the tables above.
func lookup[T any](table map[string]T, s string) (T, bool) {
	v, ok := table[key(s)]
	return v, ok
}

// text undoes what a spreadsheet export does to keep a text from being run as a formula: the
// app's own export writes a phone number as ="0612345678" and puts an apostrophe before a
// text that starts with = + - or @.
func text(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) && len(s) >= 3 {
		return s[2 : len(s)-1]
	}
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
