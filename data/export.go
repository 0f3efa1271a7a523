package data

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// csvColumns are the columns of the register export, anonymous ones first. The anonymised
// export stops after them: no name, address, contact details or free text. Its first column
// is a row number instead of the reference, which is on every letter to the complainant.
var csvColumns = []string{"Kenmerk", "Ontvangen", "Ontvangen via", "Procedure", "Formeel sinds", "Onderwerp", "Status",
	"Ontvangstbevestiging uiterlijk", "Ontvangst bevestigd", "Oorspronkelijke streefdatum", "Streefdatum", "Verlengingen",
	"Afgehandeld", "Doorlooptijd (dagen)", "Oordeel", "Gesloten", "Ingetrokken", "Verbetermaatregelen", "Oorzaken",
	"Reden geen maatregel vastgelegd"}

// csvPersonal are the columns only the full export has.
var csvPersonal = []string{"Klager", "Adres", "Adresregel 2", "Postcode", "Plaats", "Land", "E-mail", "Telefoon",
	"Betrokken medewerker", "Behandelaar", "Klacht", "Omschrijving", "Gewenste uitkomst", "Uitkomst", "Reden geen maatregel",
	"Namens organisatie"} // last, so the columns before it stay where earlier exports had them

// ExportCSV writes the complaints received in year as Dutch Excel opens a file by double-click:
// UTF-8 with a byte-order mark (or Excel guesses a legacy code page and mangles "Çelik"),
// semicolons between fields (the list separator of the Dutch locale), dates as dd-mm-jjjj and
// lines ending in CRLF. The anonymised export numbers the rows instead of giving the
// reference, and leaves out the complainant's name, address and contact details, the people
// named and every free text. A text that starts with = + - or @ gets a leading apostrophe,
// so Excel shows it instead of running it as a formula; a phone number is written so that
// Excel keeps it as text (see phoneCell).
func (s *Store) ExportCSV(w io.Writer, year int, anonymised bool) error {
	if err := s.CheckReportYear(year); err != nil {
		return err
	}
	return exportCSV(s.reads(), w, year, anonymised)
}

func exportCSV(q querier, w io.Writer, year int, anonymised bool) error {
	rows, err := q.Query(`SELECT `+complaintColumns+`,
			(SELECT count(*) FROM extensions e WHERE e.complaint_id = c.id), `+originalDueSQL+`,
			coalesce((SELECT group_concat(m.code, char(31)) FROM complaint_measures cm JOIN measures m ON m.id = cm.measure_id
				WHERE cm.complaint_id = c.id), ''),
			coalesce((SELECT group_concat(label, char(31)) FROM (SELECT DISTINCT r.label FROM complaint_measures cm
				JOIN measures m ON m.id = cm.measure_id JOIN root_causes r ON r.code = m.root_cause WHERE cm.complaint_id = c.id)), '')
		FROM complaints c WHERE c.received_on >= ? AND c.received_on < ? ORDER BY c.received_on, c.id`,
		NewDate(year, time.January, 1), NewDate(year+1, time.January, 1))
	if err != nil {
		return err
	}
	defer rows.Close()
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	out := csv.NewWriter(w)
	out.Comma, out.UseCRLF = ';', true
	header := slices.Clone(csvColumns)
	if anonymised {
		header[0] = "Nr."
	} else {
		header = append(header, csvPersonal...)
	}
	if err := out.Write(header); err != nil {
		return err
	}
	for n := 1; rows.Next(); n++ {
		var c Complaint
		var extensions int
		var original Date
		var codes, causes string
		if err := rows.Scan(append(complaintDest(&c), &extensions, &original, &codes, &causes)...); err != nil {
			return err
		}
		rec := csvRecord(&c, extensions, original, codes, causes, anonymised)
		if anonymised {
			rec[0] = strconv.Itoa(n)
		}
		if err := out.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	out.Flush()
	return out.Error()
}

// csvRecord is one complaint's line of the export.
func csvRecord(c *Complaint, extensions int, original Date, codes, causes string, anonymised bool) []string {
	procedure, days := "informeel", ""
	if c.Formal {
		procedure = "formeel"
	}
	if !c.ResolvedOn.IsZero() {
		days = strconv.Itoa(c.ReceivedOn.DaysUntil(c.ResolvedOn))
	}
	if !c.Formal {
		original = Date{}
	}
	reason := "" // the rule applies only to a complaint found (partly) well-founded
	if c.Verdict.NeedsMeasure() {
		reason = map[bool]string{true: "ja", false: "nee"}[c.NoMeasureReason != ""]
	}
	rec := []string{c.Reference, c.ReceivedOn.Dutch(), c.Channel.Label(), procedure, c.FiledOn.Dutch(),
		c.Subject.Label(), c.Status.Label(), c.AckDueOn.Dutch(), c.AcknowledgedOn.Dutch(), original.Dutch(),
		c.DueOn.Dutch(), strconv.Itoa(extensions), c.ResolvedOn.Dutch(), days, c.Verdict.Label(),
		c.ClosedOn.Dutch(), c.WithdrawnOn.Dutch(), sortedList(codes), cell(sortedList(causes)), reason}
	if anonymised {
		return rec
	}
	p := c.Complainant
	for _, v := range []string{p.Name, p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country, p.Email} {
		rec = append(rec, cell(v))
	}
	rec = append(rec, phoneCell(p.Phone))
	for _, v := range []string{c.PersonNamed, c.Handler, c.Summary, c.Description, c.Desired, c.Outcome, c.NoMeasureReason, p.Organisation} {
		rec = append(rec, cell(v))
	}
	return rec
}

// sortedList turns a group_concat result, separated by the ASCII unit separator that no label
// contains, into a sorted list separated by ", ".
func sortedList(s string) string {
	if s == "" {
		return ""
	}
	xs := strings.Split(s, "\x1f")
	slices.Sort(xs)
	return strings.Join(xs, ", ")
}

// cell guards a text against being run as a formula by a spreadsheet (CSV injection).
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// phoneCell writes a phone number so that Excel keeps it as text: as the formula
// ="0612345678", whose result is the number as written. Excel would otherwise drop the
// leading 0 of 0612345678 and read "+31 6 1234 5678" as a sum; an apostrophe in front would
// show in the cell. The formula is only made of a number of digits, spaces and + - ( ) . /,
// so it can do nothing else; any other text is guarded by cell like every field.
func phoneCell(s string) string {
	if strings.Trim(s, "0123456789 +-()./") != "" || strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return cell(s)
	}
	return `="` + s + `"`
}
