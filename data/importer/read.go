// Package importer reads a practice's earlier complaints register, a CSV file as Dutch or
// English Excel writes it or an .xlsx workbook, and maps its columns and values to complaints
// for data.Store.Import. It only reads and maps; the store decides and writes, so the desktop
// wizard and the CLI share every rule.
package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"io"
	"klachtenregister/data"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Sheet is a table as read from the file: the header row and the rows below it, each with
// the line (CSV) or row number (xlsx) where it starts, as the practitioner finds it again.
type Sheet struct {
	Name   string // the file's base name
	SHA256 string // of the file's bytes, for the audit trail
	Header []string
	Rows   []Row
	XLSX   bool // numbers in date columns are Excel serial dates
}

// Row is one row of a sheet below the header.
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the row's cell in column i, or "" when the row is shorter.
func (r Row) Cell(i int) string {
	if i < len(r.Cells) {
		return strings.TrimSpace(r.Cells[i])
	}
	return ""
}

// Read reads the first worksheet of an .xlsx file, or a CSV file otherwise. Empty rows are
// skipped; the first non-empty row is the header.
func Read(name string, content []byte) (*Sheet, error) {
	var rows [][]string
	var lines []int
	var err error
	sum := sha256.Sum256(content)
	s := &Sheet{Name: filepath.Base(name), SHA256: hex.EncodeToString(sum[:])}
	if strings.EqualFold(filepath.Ext(name), ".xlsx") || bytes.HasPrefix(content, []byte("PK\x03\x04")) {
		s.XLSX = true
		rows, err = readXLSX(content)
		for i := range rows {
			lines = append(lines, i+1)
		}
	} else {
		rows, lines, err = ReadCSV(content)
	}
	if err != nil {
		return nil, data.NewError(data.CodeInvalid, "file", "het bestand %s kan niet worden gelezen (%v); sla het op als .xlsx of als CSV en probeer het opnieuw", s.Name, err)
	}
	for i, r := range rows {
		if blank(r) {
			continue
		}
		if s.Header == nil {
			s.Header = r
			continue
		}
		s.Rows = append(s.Rows, Row{Line: lines[i], Cells: r})
	}
	if s.Header == nil {
		return nil, data.NewError(data.CodeInvalid, "file", "het bestand %s is leeg", s.Name)
	}
	return s, nil
}

func blank(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readXLSX reads the first worksheet with the cells' raw values: a date is then the serial
// number Excel stores, never a text formatted by a locale we cannot know (3-4-25 or 4/3/25).
func readXLSX(content []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(content))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, data.NewError(data.CodeInvalid, "file", "het werkboek heeft geen werkblad")
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		for j, v := range r {
			if serialDate.MatchString(v) && isDateCell(f, sheets[0], j+1, i+1) {
				if d, err := serial(v); err == nil {
					r[j] = d.String() // shown in the wizard as the date it is, not as 43477
				}
			}
		}
	}
	return rows, nil
}

// isDateCell reports whether the cell is formatted as a date: a built-in date format, or a
// format of its own with a day, month or year in it (and no hours-only time).
func isDateCell(f *excelize.File, sheet string, col, row int) bool {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return false
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil {
		return false
	}
	if st.NumFmt >= 14 && st.NumFmt <= 17 || st.NumFmt == 22 || st.NumFmt >= 27 && st.NumFmt <= 36 || st.NumFmt >= 50 && st.NumFmt <= 58 {
		return true
	}
	if st.CustomNumFmt == nil {
		return false
	}
	format := strings.ToLower(*st.CustomNumFmt)
	return strings.ContainsAny(format, "dy") || strings.Contains(format, "mmm") || strings.Contains(format, "jj")
}

// ReadCSV reads a CSV file as Excel writes it: UTF-8 with or without byte-order mark, or
// Windows-1252 when the bytes are no valid UTF-8; the separator (; , or tab) that the header
// line uses most; quoted fields with line breaks; CRLF or LF line ends. lines gives the line
// on which each record starts.
func ReadCSV(content []byte) (records [][]string, lines []int, err error) {
	text := decode(content)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = separator(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return records, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := r.FieldPos(0)
		records = append(records, rec)
		lines = append(lines, line)
	}
}

// decode turns the file into text: UTF-8 as it is (without its byte-order mark), anything
// else as Windows-1252, the code page of Excel on a Western European Windows.
func decode(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(b) {
		return string(b)
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(s)
}

// separator picks the separator the header line (the first that is not blank) uses most,
// outside quotes; Dutch Excel writes semicolons, English Excel commas.
func separator(text string) rune {
	for { // blank lines above the header: a comma-separated file began with one was read as ';'
		line, rest, found := strings.Cut(text, "\n")
		if !found || strings.TrimSpace(line) != "" {
			break
		}
		text = rest
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
		}
		if !quoted && c == '\n' {
			break
		}
		if !quoted && (c == ';' || c == ',' || c == '\t') {
			counts[c]++
		}
	}
	best := ';'
	for _, c := range []rune{',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}
