package letters

import (
	"io"
	"runtime"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
)

// BenchmarkLetter renders one outcome letter from a prepared input (target < 15 ms).
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

// benchStore opens this run's copy of the 100,000-complaint benchmark register (see
// data/bench_test.go and BENCHMARKS.md); it is not made under -short.
func benchStore(b *testing.B) *data.Store {
	if testing.Short() {
		b.Skip("the benchmark register is not made under -short")
	}
	s := datatest.OpenBench(b, datatest.BenchCount())
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkLetterFromRegister makes the outcome letter of a resolved complaint in the
// 100,000-complaint register, its complaint file read and the PDF rendered, as the letters
// tab does (target < 15 ms).
func BenchmarkLetterFromRegister(b *testing.B) {
	s := benchStore(b)
	resolved, err := s.List(data.Filter{Status: data.StatusResolved, Limit: 1})
	if err != nil || len(resolved) == 0 {
		b.Fatalf("no resolved complaint: %v", err)
	}
	r := Request{Reference: resolved[0].Reference, Kind: data.LetterOutcome, Date: datatest.BenchToday}
	b.ReportAllocs()
	for b.Loop() {
		in, err := Prepare(s, r)
		if err != nil {
			b.Fatal(err)
		}
		if err := Render(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnualReport makes the annual report of 2026 from the 100,000-complaint register:
// the figures and the PDF (target < 1 s).
func BenchmarkAnnualReport(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if err := AnnualReport(io.Discard, s, 2026, "nl"); err != nil {
			b.Fatal(err)
		}
	}
}
