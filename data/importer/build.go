package importer

import (
	"errors"
	"fmt"
	"slices"

	"klachtenregister/data"
)

// Refusal is a row that cannot be imported as it is: its line, the column at fault and why,
// in Dutch (Message) and as a Text the desktop app says in its own language.
type Refusal struct {
	Line    int       `json:"line"`
	Column  string    `json:"column"`
	Message string    `json:"message"`
	Text    data.Text `json:"-"`
}

// String is the refusal as the preview and the CLI list it.
func (r Refusal) String() string { return fmt.Sprintf("regel %d: %s", r.Line, r.Message) }

// Preview is a sheet mapped to complaints: the rows that can be imported and those refused.
type Preview struct {
	Sheet   *Sheet
	Mapping Mapping
	Rows    []data.ImportRow
	Refused []Refusal
}

// Build maps every row of the sheet with m. prepare (Store.Prepare) completes and checks each
// row with the register's own rules, so the preview refuses exactly what the import would.
// A mapping without a column for the date of receipt, the name or the complaint is refused.
func Build(s *Sheet, m Mapping, prepare func(*data.ImportRow) error) (*Preview, error) {
	if missing := m.Missing(); len(missing) > 0 {
		fields := make(data.List, len(missing))
		for i, f := range missing {
			fields[i] = f
		}
		return nil, data.NewError(data.CodeInvalid, "mapping", "geen kolom voor %s; wijs in de koppeling een kolom toe%s", fields, data.ForCLI(" (met --map KOLOM=veld)"))
	}
	styles := make([]DateStyle, len(m))
	for col, f := range m {
		if f.isDate() {
			values := make([]string, len(s.Rows))
			for i, r := range s.Rows {
				values[i] = r.Cell(col)
			}
			styles[col] = GuessStyle(values, s.XLSX)
		}
	}
	p := &Preview{Sheet: s, Mapping: m}
	for _, r := range s.Rows {
		row, err := mapRow(r, m, styles)
		if err == nil {
			err = prepare(&row)
		}
		if err != nil {
			p.Refused = append(p.Refused, refusal(s, m, r.Line, err))
			continue
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// File is what the store imports: the rows that can be imported and how many were skipped.
func (p *Preview) File() data.ImportFile {
	return data.ImportFile{Name: p.Sheet.Name, SHA256: p.Sheet.SHA256, Rows: p.Rows, Skipped: len(p.Refused)}
}

// refusal names the column the problem is in: the one mapped to the field the error names.
func refusal(s *Sheet, m Mapping, line int, err error) Refusal {
	out := Refusal{Line: line, Text: data.Msg("%s", err.Error())}
	var de *data.Error
	var ce *cellError
	field := Field("")
	switch {
	case errors.As(err, &ce):
		out.Text, field = ce.text(), ce.field
	case errors.As(err, &de):
		out.Text, field = de.Text, Field(de.Field)
	}
	out.Message = out.Text.String()
	if i := slices.Index(m, field); i >= 0 && i < len(s.Header) {
		out.Column = s.Header[i]
	}
	return out
}

// cellError is a value that cannot be read as what its column holds, and why.
type cellError struct {
	field Field
	value string
	why   data.Text
}

func (e *cellError) text() data.Text { return data.Msg("%s %s %s", e.field, e.value, e.why) }

func (e *cellError) Error() string { return e.text().String() }

// dateWhy says why a cell is not a date.
func dateWhy(err error) data.Text {
	if errors.Is(err, errNoSuchDay) {
		return data.Msg("bestaat niet")
	}
	return data.Msg("is geen datum; schrijf die als dd-mm-jjjj, bijvoorbeeld 06-01-2025")
}

// mapRow reads one row into a complaint as the sheet has it.
func mapRow(r Row, m Mapping, styles []DateStyle) (data.ImportRow, error) {
	row := data.ImportRow{Line: r.Line}
	c := &row.Complaint
	c.Channel, c.Subject = data.ChannelOther, data.SubjectOther
	var formal *bool
	for col, f := range m {
		v := text(r.Cell(col))
		if v == "" || f == Ignore {
			continue
		}
		if f.isDate() {
			d, err := ParseDate(v, styles[col])
			if err != nil {
				return row, &cellError{f, v, dateWhy(err)}
			}
			*dateField(&row, f) = d
			continue
		}
		if p := textField(c, f); p != nil {
			*p = v
			continue
		}
		if why := setWord(&row, f, v, m, &formal); why.Key != "" {
			return row, &cellError{f, fmt.Sprintf("%q", v), why}
		}
	}
	if formal != nil {
		c.Formal = *formal
	} else {
		c.Formal = c.Status != data.StatusInformal
	}
	return row, nil
}

// setWord reads a column of words: status, verdict, procedure, channel or subject, or says
// why the word is not one it knows.
func setWord(row *data.ImportRow, f Field, v string, m Mapping, formal **bool) (why data.Text) {
	c := &row.Complaint
	var ok bool
	switch f {
	case Status:
		if c.Status, ok = lookup(statusWords, v); ok {
			if c.Status == data.StatusResolved && !m.Has(ClosedOn) {
				c.Status = data.StatusClosed // "afgehandeld" in a sheet without a date of closing: done
			}
			return data.Text{}
		}
		var verdict data.Verdict
		if verdict, ok = lookup(verdictWords, v); ok && key(v) != "ja" && key(v) != "nee" {
			c.Status = data.StatusClosed
			if c.Verdict == "" {
				c.Verdict = verdict
			}
			return data.Text{}
		}
		return data.Msg("is onbekend; gebruik bijvoorbeeld in behandeling, afgehandeld, gegrond, ongegrond of ingetrokken")
	case Verdict, WellFounded:
		if c.Verdict, ok = lookup(verdictWords, v); ok {
			return data.Text{}
		}
		return data.Msg("is onbekend; gebruik gegrond, deels gegrond, ongegrond of in overleg opgelost")
	case Procedure:
		b, ok := lookup(procedureWords, v)
		if ok {
			*formal = &b
			return data.Text{}
		}
		return data.Msg("is onbekend; gebruik formeel of informeel")
	case Channel:
		if c.Channel, ok = lookup(channelWords, v); ok {
			return data.Text{}
		}
		return data.Msg("is onbekend; gebruik gesprek, telefoon, brief, e-mail of anders")
	case Subject:
		if c.Subject, ok = lookup(subjectWords, v); ok {
			return data.Text{}
		}
		return data.Msg("is onbekend; gebruik medewerker, dienstverlening, organisatie of anders, of koppel de kolom aan omschrijving")
	}
	return data.Text{}
}

func dateField(row *data.ImportRow, f Field) *data.Date {
	c := &row.Complaint
	return map[Field]*data.Date{ReceivedOn: &c.ReceivedOn, ResolvedOn: &c.ResolvedOn, ClosedOn: &c.ClosedOn,
		WithdrawnOn: &c.WithdrawnOn, AcknowledgedOn: &c.AcknowledgedOn, AckDueOn: &c.AckDueOn, FiledOn: &c.FiledOn,
		DueOn: &c.DueOn, OriginalDueOn: &row.OriginalDueOn}[f]
}

func textField(c *data.Complaint, f Field) *string {
	p := &c.Complainant
	return map[Field]*string{Reference: &c.OriginalReference, Name: &p.Name, Summary: &c.Summary,
		Description: &c.Description, Handler: &c.Handler, PersonNamed: &c.PersonNamed, Outcome: &c.Outcome,
		Desired: &c.Desired, NoMeasureReason: &c.NoMeasureReason, Organisation: &p.Organisation, AddressLine1: &p.AddressLine1,
		AddressLine2: &p.AddressLine2, Postcode: &p.Postcode, City: &p.City, Country: &p.Country, Email: &p.Email,
		Phone: &p.Phone}[f]
}
