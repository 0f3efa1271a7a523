package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"klachtenregister/data"
	"klachtenregister/letters"
)

func init() {
	register("report", command{usage: "--year JJJJ -o BESTAND.pdf [--lang nl|en] [--csv BESTAND.csv [--anonymised]] (of alleen --csv)",
		setup: reportCommand})
}

// reportCommand writes the annual complaints report as a PDF and, with --csv, the year's
// register for Excel. Both are made in memory first, so a refusal leaves no half-written file.
func reportCommand(fs *flag.FlagSet) func(c *call) error {
	year := fs.Int("year", 0, "jaar van het verslag")
	out := fs.String("o", "", "PDF-bestand voor het jaarverslag")
	csvOut := fs.String("csv", "", "CSV-bestand voor het register van het jaar")
	anonymised := fs.Bool("anonymised", false, "CSV zonder naam, adres, contactgegevens en vrije tekst")
	lang := fs.String("lang", "", "taal van het jaarverslag (standaard de instelling language)")
	return func(c *call) error {
		if err := c.noArgs(); err != nil {
			return err
		}
		if this := data.Today(c.now()).Year(); *year < 1900 || *year > this {
			return usagef("geef met --year het jaar van het verslag, van 1900 tot en met %d, bijvoorbeeld --year %d", this, this-1)
		}
		if *out == "" && *csvOut == "" {
			return usagef("geef met -o het PDF-bestand voor het jaarverslag, bijvoorbeeld -o jaarverslag-%d.pdf, en/of met --csv een CSV-bestand", *year)
		}
		if *anonymised && *csvOut == "" {
			return usagef("--anonymised geldt voor de CSV-export; geef ook --csv BESTAND.csv (het jaarverslag zelf is altijd geanonimiseerd)")
		}
		if *lang != "" {
			if _, err := data.ParseLanguage(*lang); err != nil {
				return err
			}
		}
		for _, p := range []string{*out, *csvOut} {
			if p != "" {
				if _, err := outputPath(p); err != nil {
					return err
				}
			}
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		var pdf, csv bytes.Buffer
		if *out != "" {
			if err := letters.AnnualReport(&pdf, s, *year, *lang); err != nil {
				return err
			}
		}
		if *csvOut != "" {
			if err := s.ExportCSV(&csv, *year, *anonymised); err != nil {
				return err
			}
		}
		return writeReportFiles(c, *year, *out, pdf.Bytes(), *csvOut, csv.Bytes(), *anonymised)
	}
}

func writeReportFiles(c *call, year int, pdfPath string, pdf []byte, csvPath string, csv []byte, anonymised bool) error {
	if pdfPath != "" {
		if err := os.WriteFile(pdfPath, pdf, 0o600); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Klachtenjaarverslag %d geschreven naar %s\n", year, pdfPath)
	}
	if csvPath != "" {
		if err := os.WriteFile(csvPath, csv, 0o600); err != nil {
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
