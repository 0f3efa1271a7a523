package data

import (
	"strings"
	"testing"
)

// TestEveryTextFieldRefusesBadText: the one rule of cleanText holds wherever text enters the
// register, and a refused change leaves the register as it was.
func TestEveryTextFieldRefusesBadText(t *testing.T) {
	s := openStore(t, "2026-11-30")
	ref := mustCreate(t, s, complaint("Mehmet Çelik", "2026-11-02", true))
	must(t, s.Acknowledge(ref, Date{}, DeliveryEmail, "Ontvangst per e-mail bevestigd."))
	before := dumpTables(t, s)
	bidi := "gegrond \u202Ednorgegno"
	for name, change := range map[string]func() error{
		"contact note with NUL": func() error { _, err := s.AddContact(ref, Contact{Kind: ContactPhone, Note: "gebeld\x00"}); return err },
		"outcome with bidi": func() error {
			return s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: bidi, On: Date{}, NoHearingReason: "niet van toepassing in deze test"})
		},
		"outcome too long": func() error {
			return s.Resolve(ref, Resolution{Verdict: VerdictWellFounded, Outcome: strings.Repeat("a", MaxTextLength+1), On: Date{}, NoHearingReason: "niet van toepassing in deze test"})
		},
		"extension reason": func() error { return s.Extend(ref, day("2026-12-20"), "advies\x1b[2J") },
		"withdrawal note":  func() error { return s.Withdraw(ref, Date{}, "\u2066ingetrokken") },
		"expert name on two lines": func() error {
			_, err := s.SaveExpert(Expert{Name: "mr. A. de Vries\nK-2026-0002"})
			return err
		},
		"consent how":          func() error { return s.GiveConsent(ref, Consent{How: "per\te-mail", Documents: Documents{All: true}}) },
		"root cause":           func() error { _, err := s.AddRootCause("Privacy\nAVG"); return err },
		"setting on two lines": func() error { return s.SetSettings(map[string]string{"practice_name": "Praktijk\nDe Linde"}) },
		"attachment name":      func() error { _, err := s.AddAttachment(ref, "brief\u202Efdp.exe", []byte("x")); return err },
		"measure description": func() error {
			_, err := s.AddMeasure(Measure{Description: "x\x07", RootCause: "communicatie"})
			return err
		},
	} {
		if err := change(); !isInputError(err) || !strings.Contains(err.Error(), "teken") && !strings.Contains(err.Error(), "regel") && !strings.Contains(err.Error(), "te lang") {
			t.Errorf("%s: %v, want a refusal", name, err)
		}
	}
	if dumpTables(t, s) != before {
		t.Error("a refused change changed the register")
	}
	// What the rule allows: lines and tabs where a field has lines, written with \n.
	must(t, s.Resolve(ref, Resolution{Verdict: VerdictUnfounded, Outcome: "Punt 1:\tte laat\r\nPunt 2:\tte duur", On: Date{}, NoHearingReason: "niet van toepassing in deze test"}))
	if c := complaintOf(t, s, ref); c.Outcome != "Punt 1:\tte laat\nPunt 2:\tte duur" {
		t.Errorf("outcome stored as %q", c.Outcome)
	}
}
