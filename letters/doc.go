// Package letters makes the procedure's letters as print-ready A4 PDFs: the acknowledgement,
// progress letter, outcome letter, the consent form for an external expert, the expert's
// confidentiality statement and the confirmation of a withdrawal, plus a test sheet for the window envelope and the annual complaints
// report (klachtenjaarverslag) on the same letterhead. It works from domain values of package
// data and writes to an io.Writer; it knows no windows and no SQL, so the desktop app and the
// CLI make identical letters. The same input always gives the same bytes.
//
// Where each part lives:
//
//   - Making a letter from a request, the checks before it (required settings, verdict):
//     letters.go; reading its facts from the register and archiving it: source.go.
//   - The built-in Dutch and English texts: texts.go; the values placeholders take: values.go;
//     cleaning inserted text and checking every character has a glyph: clean.go, glyphs.go;
//     making typed text read as the letter does (capitals, final stop, quotes, non-breaking
//     spaces) and wrapping at ordinary spaces only: normalise.go.
//   - Who a letter goes to and how it greets them (complainant, representative, expert):
//     person.go; the one language of a complaint's letters: sameLanguage in letters.go.
//   - Page layout (letterhead, address window, fold marks): layout.go; the recipient's address
//     block, wrapped to the window and in the destination's format: address.go; paragraphs,
//     page breaks and the signature: flow.go.
//   - The practitioner's sample set of every letter (letter samples -o DIR): samples.go.
//   - The envelope calibration sheet: calibration.go.
//   - The annual report: report.go, report_texts.go, its charts: chart.go.
package letters
