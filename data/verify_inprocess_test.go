package data

import "testing"

// TestVerifyBetweenWritesInOneProcess is a regression test: verifying, writing and verifying
// again in one running program once reported a false "fts5: checksum mismatch", from stale
// state in the pooled read connection.
func TestVerifyBetweenWritesInOneProcess(t *testing.T) {
	s := openStore(t, "2026-03-02")
	for i, name := range []string{"Jansen", "De Vries", "Çelik"} {
		mustCreate(t, s, complaint(name, "2026-03-02", i%2 == 0))
		if r, err := s.Verify(); err != nil || !r.OK() {
			t.Fatalf("verify after write %d: %+v, %v", i+1, r, err)
		}
	}
}
