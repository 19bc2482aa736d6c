package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to the file named by the environment
// variable LIANFANG_CPUPROFILE, for performance work (docs/PERFORMANCE.md).
// It returns the function that stops it.
func startProfile() func() {
	path := os.Getenv("LIANFANG_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
