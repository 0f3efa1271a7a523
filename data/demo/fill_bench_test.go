package demo_test

import (
	"path/filepath"
	"testing"

	"klachtenregister/data"
	"klachtenregister/data/datatest"
	"klachtenregister/data/demo"
)

// BenchmarkFill makes a demo register of 10,000 complaints (no real letters), a tenth of the
// generation target's size, for profiling the generator in seconds.
func BenchmarkFill(b *testing.B) {
	for b.Loop() {
		s, err := data.Open(filepath.Join(b.TempDir(), "demo.db"))
		if err != nil {
			b.Fatal(err)
		}
		s.Now = datatest.BenchClock
		if err := demo.Fill(s, 10_000, 1, nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
