package demo

import (
	"bytes"
	"fmt"
)

// Placeholder is the letter of a demo complaint older than the newest RealLetters: a one-page
// PDF that says it stands in for the letter. Every copy is stored and fingerprinted like a
// real letter, so reprinting and verifying treat it as one.
var Placeholder = placeholderPDF("Voorbeeldbrief uit het demoregister: de brief zelf is niet opgemaakt.")

// placeholderPDF writes a minimal, valid PDF of one A4 page with one line of text, with the
// byte offsets its cross-reference table needs.
func placeholderPDF(text string) []byte {
	content := fmt.Sprintf("BT /F1 11 Tf 72 770 Td (%s) Tj ET", text)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
