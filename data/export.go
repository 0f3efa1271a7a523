package data

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// csvColumns are the columns of the register export, anonymous ones first. The anonymised
// export stops after them: no name, address, contact details or free text.
var csvColumns = []string{"Kenmerk", "Ontvangen", "Ontvangen via", "Procedure", "Formeel sinds", "Onderwerp", "Status",
	"Ontvangst bevestigen vóór", "Ontvangst bevestigd", "Oorspronkelijke termijn", "Afhandelen vóór", "Verlengingen",
	"Afgehandeld", "Doorlooptijd (dagen)", "Oordeel", "Gesloten", "Ingetrokken", "Verbetermaatregelen", "Oorzaken",
	"Reden geen maatregel vastgelegd"}

// csvPersonal are the columns only the full export has.
var csvPersonal = []string{"Klager", "Adres", "Adresregel 2", "Postcode", "Plaats", "Land", "E-mail", "Telefoon",
	"Betrokken medewerker", "Behandelaar", "Klacht", "Omschrijving", "Gewenste uitkomst", "Uitkomst", "Reden geen maatregel"}

// ExportCSV writes the complaints received in year as Dutch Excel opens a file by double-click:
// UTF-8 with a byte-order mark (or Excel guesses a legacy code page and mangles "Çelik"),
// semicolons between fields (the list separator of the Dutch locale), dates as dd-mm-jjjj and
// lines ending in CRLF. The anonymised export leaves out the complainant's name, address and
// contact details, the people named and every free text. A text that starts with = + - or @
// gets a leading apostrophe, so Excel shows it instead of running it as a formula.
func (s *Store) ExportCSV(w io.Writer, year int, anonymised bool) error {
	if today := s.today(); year < 1900 || year > today.Year() {
		return invalid("year", fmt.Sprintf("kies een jaar van 1900 tot en met %d", today.Year()))
	}
	rows, err := s.r.Query(`SELECT `+complaintColumns+`,
			(SELECT count(*) FROM extensions e WHERE e.complaint_id = c.id),
			coalesce((SELECT min(previous_due_on) FROM extensions e WHERE e.complaint_id = c.id), c.due_on),
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
	header := csvColumns
	if !anonymised {
		header = append(slices.Clone(csvColumns), csvPersonal...)
	}
	if err := out.Write(header); err != nil {
		return err
	}
	for rows.Next() {
		var c Complaint
		var extensions int
		var original Date
		var codes, causes string
		if err := rows.Scan(append(complaintDest(&c), &extensions, &original, &codes, &causes)...); err != nil {
			return err
		}
		if err := out.Write(csvRecord(&c, extensions, original, codes, causes, anonymised)); err != nil {
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
	reason := "nee"
	if c.NoMeasureReason != "" {
		reason = "ja"
	}
	rec := []string{c.Reference, dutchDate(c.ReceivedOn), c.Channel.Label(), procedure, dutchDate(c.FiledOn),
		c.Subject.Label(), c.Status.Label(), dutchDate(c.AckDueOn), dutchDate(c.AcknowledgedOn), dutchDate(original),
		dutchDate(c.DueOn), strconv.Itoa(extensions), dutchDate(c.ResolvedOn), days, c.Verdict.Label(),
		dutchDate(c.ClosedOn), dutchDate(c.WithdrawnOn), sortedList(codes), cell(sortedList(causes)), reason}
	if anonymised {
		return rec
	}
	p := c.Complainant
	for _, v := range []string{p.Name, p.AddressLine1, p.AddressLine2, p.Postcode, p.City, p.Country, p.Email, p.Phone,
		c.PersonNamed, c.Handler, c.Summary, c.Description, c.Desired, c.Outcome, c.NoMeasureReason} {
		rec = append(rec, cell(v))
	}
	return rec
}

// dutchDate writes a date as dd-mm-jjjj, or nothing for the zero date.
func dutchDate(d Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("02-01-2006")
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
