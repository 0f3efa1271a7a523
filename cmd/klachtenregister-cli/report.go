package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"

	"klachtenregister/data"
	"klachtenregister/letters"
)

func init() {
	register("report", command{output: true, usage: "--year JJJJ -o BESTAND.pdf [--lang nl|en] [--csv BESTAND.csv [--with-names]] (of alleen --csv) [--force]",
		setup: reportCommand})
}

// reportCommand writes the annual complaints report as a PDF and, with --csv, the year's
// register for Excel, both from one reading of the register. Both are made in memory first
// and each file is replaced only once it is complete, so a refusal or a failure leaves no
// half-written file.
func reportCommand(fs *flag.FlagSet) func(c *call) error {
	year := fs.Int("year", 0, "jaar van het verslag")
	out := fs.String("o", "", "PDF-bestand voor het jaarverslag")
	csvOut := fs.String("csv", "", "CSV-bestand voor het register van het jaar")
	withNames := fs.Bool("with-names", false, "CSV met namen, adressen, contactgegevens en vrije tekst (standaard geanonimiseerd)")
	anonymisedFlag := fs.Bool("anonymised", true, "CSV zonder namen (de standaard; blijft werken voor bestaande scripts)")
	lang := fs.String("lang", "", "taal van het jaarverslag (standaard de instelling language)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if *year == 0 {
			return usagef("geef met --year het jaar van het verslag, bijvoorbeeld --year 2025")
		}
		if *out == "" && *csvOut == "" {
			return usagef("geef met -o het PDF-bestand voor het jaarverslag, bijvoorbeeld -o jaarverslag-%d.pdf, en/of met --csv een CSV-bestand", *year)
		}
		if *withNames && *csvOut == "" {
			return usagef("--with-names geldt voor de CSV-export; geef ook --csv BESTAND.csv (het jaarverslag zelf noemt nooit namen)")
		}
		if *withNames && *anonymisedFlag && given(fs, "anonymised") {
			return usagef("--anonymised en --with-names spreken elkaar tegen; kies één: --with-names voor een CSV met namen, of alleen --anonymised (de standaard)")
		}
		anonymised := !*withNames
		if *lang != "" {
			if _, err := data.ParseLanguage(*lang); err != nil {
				return err
			}
		}
		for _, o := range [][2]string{{*out, fmt.Sprintf("jaarverslag-%d.pdf", *year)}, {*csvOut, fmt.Sprintf("register-%d.csv", *year)}} {
			if o[0] != "" {
				if err := c.output(o[0], o[1]); err != nil {
					return err
				}
			}
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := s.CheckReportYear(*year); err != nil {
			var de *data.Error
			if errors.As(err, &de) && de.Field == "year" {
				return usagef("--year %d: %s", *year, de.Error())
			}
			return err
		}
		pdf, csv, err := makeReport(s, *year, *out != "", *csvOut != "", anonymised, *lang)
		if err != nil {
			return err
		}
		return writeReportFiles(c, *year, *out, pdf, *csvOut, csv, anonymised)
	}
}

// makeReport makes the PDF and the CSV that are asked for. Together they come from one
// reading of the register, so the spreadsheet holds the complaints the report counts.
func makeReport(s *data.Store, year int, wantPDF, wantCSV, anonymised bool, lang string) (pdf, csv []byte, err error) {
	var pdfBuf, csvBuf bytes.Buffer
	if !wantPDF {
		err := s.ExportCSV(&csvBuf, year, anonymised)
		return nil, csvBuf.Bytes(), err
	}
	var w io.Writer
	if wantCSV {
		w = &csvBuf
	}
	r, err := s.YearReportAndCSV(year, w, anonymised)
	if err != nil {
		return nil, nil, err
	}
	if err := letters.AnnualReport(&pdfBuf, madeReport{s, r}, year, lang); err != nil {
		return nil, nil, err
	}
	return pdfBuf.Bytes(), csvBuf.Bytes(), nil
}

// madeReport hands letters.AnnualReport a report already computed, with the register's settings.
type madeReport struct {
	*data.Store
	report data.Report
}

func (m madeReport) YearReport(int) (data.Report, error) { return m.report, nil }

func writeReportFiles(c *call, year int, pdfPath string, pdf []byte, csvPath string, csv []byte, anonymised bool) error {
	if pdfPath != "" {
		if err := c.writeOutput(pdfPath, pdf); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Klachtenjaarverslag %d geschreven naar %s\n", year, pdfPath)
	}
	if csvPath != "" {
		if err := c.writeOutput(csvPath, csv); err != nil {
			return err
		}
		kind := "met persoonsgegevens: bewaar en deel het vertrouwelijk"
		if anonymised {
			kind = "geanonimiseerd"
		}
		fmt.Fprintf(c.stdout, "Register %d (%s) geschreven naar %s\n", year, kind, csvPath)
	}
	return nil
}
