package letters

import (
	"io"
	"runtime"
	"testing"

	"klachtenregister/data"
)

// BenchmarkLetter renders one outcome letter; the target is well under 30 ms.
func BenchmarkLetter(b *testing.B) {
	in := sample(data.LetterOutcome, "nl")
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBatch renders 1,000 letters of every kind in a row, as a practice printing a
// year's letters again would, and reports the live heap after the first and the last hundred:
// the two must stay level, or something is kept from letter to letter.
func BenchmarkBatch(b *testing.B) {
	inputs := make([]Input, 0, len(data.LetterKinds))
	for _, k := range data.LetterKinds {
		inputs = append(inputs, sample(k, "nl"))
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	b.ReportAllocs()
	var early, late float64
	for b.Loop() {
		for i := range 1000 {
			if err := Render(io.Discard, inputs[i%len(inputs)]); err != nil {
				b.Fatal(err)
			}
			switch i {
			case 99:
				early = heap()
			case 999:
				late = heap()
			}
		}
	}
	b.ReportMetric(early, "MiB-heap@100")
	b.ReportMetric(late, "MiB-heap@1000")
	if late > early*1.5+1 {
		b.Errorf("heap grew from %.1f MiB after 100 letters to %.1f MiB after 1,000", early, late)
	}
}
