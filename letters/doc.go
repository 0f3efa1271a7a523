// Package letters makes the procedure's letters as print-ready A4 PDFs: the acknowledgement,
// progress letter, outcome letter, the consent form for an external expert and the expert's
// confidentiality statement, plus a test sheet for the window envelope and the annual complaints
// report (klachtenjaarverslag) on the same letterhead. It works from domain values of package
// data and writes to an io.Writer; it knows no windows and no SQL, so the desktop app and the
// CLI make identical letters. The same input always gives the same bytes.
//
// Where each part lives:
//
//   - Making a letter from a request, the checks before it (required settings, verdict):
//     letters.go; reading its facts from the register and archiving it: source.go.
//   - The built-in Dutch and English texts: texts.go; the values placeholders take: values.go;
//     cleaning inserted text and checking every character has a glyph: clean.go, glyphs.go.
//   - Page layout (letterhead, address window, fold marks): layout.go; the recipient's address
//     block: address.go; paragraphs, page breaks and the signature: flow.go.
//   - The envelope calibration sheet: calibration.go.
//   - The annual report: report.go, report_texts.go, its charts: chart.go.
package letters
