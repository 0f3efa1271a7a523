//go:build !unix

package data_test

import "time"

// cpuTime is not measured here: the benchmarks report wall-clock times only.
func cpuTime() time.Duration { return 0 }
