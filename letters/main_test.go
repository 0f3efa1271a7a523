package letters

import (
	"os"
	"testing"

	"klachtenregister/data/datatest"
)

// TestMain removes this run's copies of the benchmark registers when the run ends.
func TestMain(m *testing.M) {
	code := m.Run()
	datatest.RemoveBenchCopies()
	os.Exit(code)
}
