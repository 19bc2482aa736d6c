package main

import (
	"os"
	"runtime/debug"
)

// runMemoryLimit is the soft limit on the Go heap of a run. The run reads,
// merges and reports one submission at a time and streams the county
// views from the database, so its live heap stays a few tens of megabytes
// at any size (docs/PERFORMANCE.md); the limit keeps the garbage around it
// bounded as well.
const runMemoryLimit = 100 << 20

// tuneGC lets a run's heap grow to five times what is live before a
// collection (Go's default is two), so the many small collections of a
// small live heap do not cost CPU and page faults, while the memory limit
// caps the heap at runMemoryLimit: near it the collector runs as often as
// needed (Go bounds its share of the CPU). It is a complement to holding
// little, not a substitute. GOGC or GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(runMemoryLimit)
}
