package datatest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"klachtenregister/data"
	"klachtenregister/data/demo"
)

// BenchToday is the day the benchmark registers are made on and read on, so their figures
// do not drift with the calendar.
var BenchToday = data.NewDate(2026, time.November, 30)

// BenchSeed is the seed of the benchmark registers.
const BenchSeed = 1

// BenchCount is how many complaints the benchmark register holds: 100,000, the largest
// office the targets of BENCHMARKS.md are set for, or the number in the environment variable
// KLACHTENREGISTER_BENCH_COUNT, so a profile can be taken on a smaller register in seconds.
func BenchCount() int {
	if n, err := strconv.Atoi(os.Getenv("KLACHTENREGISTER_BENCH_COUNT")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// benchCopies are this run's copies of the cached registers, by count; RemoveBenchCopies
// removes them when the run ends.
var benchCopies sync.Map // count: string (path)

// BenchRegister returns the path of this run's copy of the demo register of count complaints
// (seed BenchSeed, made on BenchToday, without a renderer, so every letter is the
// placeholder). The register is made once per machine, count, schema (data.MigrationsSum)
// and demo.Revision and kept in the user's cache folder, since 100,000 complaints take
// minutes; each run copies it so a benchmark that writes never changes the cached one.
func BenchRegister(tb testing.TB, count int) string {
	tb.Helper()
	if p, ok := benchCopies.Load(count); ok {
		return p.(string)
	}
	cached, err := cachedRegister(count)
	if err != nil {
		tb.Fatal(err)
	}
	path, err := CopyRegister(cached)
	if err != nil {
		tb.Fatal(err)
	}
	benchCopies.Store(count, path)
	return path
}

// OpenBench opens this run's copy of the benchmark register of count complaints, with its
// clock on BenchToday.
func OpenBench(tb testing.TB, count int) *data.Store {
	tb.Helper()
	s, err := data.Open(BenchRegister(tb, count))
	if err != nil {
		tb.Fatal(err)
	}
	s.Now = BenchClock
	return s
}

// BenchClock reads noon on BenchToday.
func BenchClock() time.Time { return BenchToday.Time().Add(12 * time.Hour).Local() }

// CopyRegister copies a closed register into a new temporary folder and returns the copy's path.
func CopyRegister(path string) (string, error) {
	dir, err := os.MkdirTemp("", "klachtenregister-bench-")
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "register.db")
	return dst, copyFile(path, dst)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	// On disk before it is used: a benchmark of durable writes would otherwise wait for the
	// copy's gigabyte to be written back.
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// RemoveBenchCopies removes this run's copies; TestMain calls it after the run.
func RemoveBenchCopies() {
	benchCopies.Range(func(_, p any) bool {
		os.RemoveAll(filepath.Dir(p.(string)))
		return true
	})
}

// cachedRegister returns the cached register of count complaints, making it first when the
// cache has none for these migrations and this revision. It is made in a folder of its own and
// moved into the cache when complete, so a failed run leaves no half register under the cached
// name, and the anchors and backup folder the store writes beside it go with that folder.
// Registers made for other migrations or revisions stay: another checkout on the same machine
// may be reading them.
func cachedRegister(count int) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "klachtenregister-bench")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("register-%d-seed%d-schema%s-demo%d-%s.db", count, BenchSeed, data.MigrationsSum(), demo.Revision, BenchToday))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	making, err := os.MkdirTemp(dir, "making-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(making)
	tmp := filepath.Join(making, filepath.Base(path))
	s, err := data.Open(tmp)
	if err != nil {
		return "", err
	}
	s.Now = BenchClock
	err = demo.Fill(s, count, BenchSeed, nil)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if _, werr := os.Stat(tmp + "-wal"); err == nil && werr == nil {
		err = fmt.Errorf("%s-wal is still there after closing: the copy would miss its changes", tmp)
	}
	if err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}
