package datatest

import (
	"database/sql"
	"testing"
	"time"

	"klachtenregister/data"
)

// OwnMeasure is the description of M-2025-003, which names two complainants of the year
// without being linked to their complaints, as a practice might have written it in haste
// before descriptions were checked for names (see legacyDescription).
const OwnMeasure = "Vaste telefoondienst 's ochtends, na Li's klacht en die van de Jansens " +
	"(h.jansen@voorbeeld.example, 06-12345678, 3512 JK Utrecht)."

// AnnualRegister builds, in a new file at path, the register whose 2025 annual report the tests
// of data compute by hand (see data/report_test.go for the figures). Deadlines do not move to
// working days, so the dates can be checked with a calendar: acknowledgement within 7 days,
// resolution within one calendar month.
//
//	2024  J  letter, formal, well-founded, measure M-2024-001 (done 2024)
//	      H  e-mail, formal, received 20 Dec 2024, settled 10 Jan 2025 (spans the year boundary)
//	2025  A  letter, formal, well-founded, measure M-2025-001 (done, not effective)
//	      B  e-mail, formal, acknowledged late, extended (expert), partly well-founded, no measure needed
//	      C  phone, formal, extended (illness), resolved after the extended date, unfounded
//	      D  conversation, informal, settled
//	      E  other channel, formal, withdrawn
//	      F  conversation, escalated to formal, well-founded, measure M-2025-002 (effective)
//	      M-2025-003, the practice's own measure, overdue, whose description names the
//	         complainants of E and H ("Li's", "Jansens") with an e-mail address, a phone
//	         number and a postcode, for the report to mask
//	      I  phone, formal, receipt never confirmed, open at year end
//	      G  letter, formal, received 15 Dec 2025, unfounded 12 Jan 2026 (spans the year boundary)
//
// The store is returned with its clock at Today; it is closed when the test ends.
func AnnualRegister(t testing.TB, path string) *data.Store {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Actor = "tester"
	b := &builder{t: t, s: s, refs: map[string]string{}}
	b.on("2024-01-02").must(s.SetSettings(Practice))

	b.on("2024-05-06").create("J", data.ChannelLetter, true, data.SubjectService)
	b.on("2024-05-08").ack("J")
	b.on("2024-05-27").resolve("J", data.VerdictWellFounded)
	m0 := b.on("2024-05-28").measure("Vier-ogenprincipe bij elke jaarrekening.", "expertise", "2024-06-30", "J")
	b.close("J")
	b.on("2024-06-30").must(s.MeasureDone(m0, data.Date{}))
	b.on("2024-12-20").create("H", data.ChannelEmail, true, data.SubjectService)
	b.on("2024-12-23").ack("H")

	b.on("2025-01-06").create("A", data.ChannelLetter, true, data.SubjectService)
	b.on("2025-01-08").ack("A")
	b.on("2025-01-10").resolve("H", data.VerdictSettled)
	b.close("H")
	b.on("2025-01-27").resolve("A", data.VerdictWellFounded)
	m1 := b.on("2025-01-28").measure("Bij meerwerk vooraf een aanvullende offerte sturen.", "fees", "2025-03-01", "A")
	b.close("A")
	b.on("2025-02-03").create("B", data.ChannelEmail, true, data.SubjectEmployee)
	b.on("2025-02-12").ack("B")
	b.on("2025-02-20").must(s.MeasureDone(m1, data.Date{}))
	b.on("2025-02-28").must(s.Extend(b.refs["B"], data.NewDate(2025, time.March, 31), "Wij wachten op het advies van een externe deskundige."))
	b.on("2025-03-10").create("C", data.ChannelPhone, true, data.SubjectOrganisation)
	b.on("2025-03-11").ack("C")
	b.on("2025-03-20").resolve("B", data.VerdictPartlyWellFounded)
	b.must(s.RecordNoMeasure(b.refs["B"], "Eenmalige vergissing van een invalkracht; besproken in het teamoverleg."))
	b.close("B")
	b.on("2025-04-08").must(s.Extend(b.refs["C"], data.NewDate(2025, time.May, 9), "De behandelaar was enige tijd ziek."))
	b.on("2025-04-14").create("D", data.ChannelConversation, false, data.SubjectOther)
	b.on("2025-04-16").resolve("D", data.VerdictSettled)
	b.close("D")
	b.on("2025-05-01").must(s.EvaluateMeasure(m1, data.Date{}, false, "Opnieuw een klacht over meerwerk; aanscherpen."))
	b.on("2025-05-12").resolve("C", data.VerdictUnfounded)
	b.close("C")
	b.on("2025-06-02").create("E", data.ChannelOther, true, data.SubjectService)
	b.on("2025-06-05").ack("E")
	b.on("2025-06-20").must(s.Withdraw(b.refs["E"], data.Date{}, ""))
	b.on("2025-07-01").create("F", data.ChannelConversation, false, data.SubjectService)
	b.on("2025-07-07").must(s.Escalate(b.refs["F"], data.Date{}, data.PhoneIntake{}))
	b.on("2025-07-10").ack("F")
	b.on("2025-07-31").resolve("F", data.VerdictWellFounded)
	m2 := b.on("2025-08-01").measure("Terugbelverzoeken dezelfde dag afhandelen.", "communication", "2025-09-30", "F")
	b.close("F")
	b.on("2025-09-15").must(s.MeasureDone(m2, data.Date{}))
	own := b.on("2025-10-01").measure("Vaste telefoondienst 's ochtends.", "accessibility", "2025-12-01")
	legacyDescription(t, path, own, OwnMeasure)
	b.on("2025-10-20").must(s.EvaluateMeasure(m2, data.Date{}, true, "Geen klachten meer over terugbellen."))
	b.on("2025-11-03").create("I", data.ChannelPhone, true, data.SubjectOrganisation)
	b.on("2025-12-15").create("G", data.ChannelLetter, true, data.SubjectEmployee)
	b.on("2025-12-17").ack("G")
	b.on("2026-01-12").resolve("G", data.VerdictUnfounded)
	b.on(Today.String())
	return s
}

// legacyDescription gives a measure a description as an older version of the program stored
// it, before a description naming a person was refused: written straight into the file, so
// the report's masking is tried on it.
func legacyDescription(t testing.TB, path, code, desc string) {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE measures SET description = ? WHERE code = ?`, desc, code); err != nil {
		t.Fatal(err)
	}
}
