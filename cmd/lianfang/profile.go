package main

import (
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// startProfile writes a CPU profile to the file named by the environment
// variable LIANFANG_CPUPROFILE, and heap profiles to the file named by
// LIANFANG_MEMPROFILE, for performance work (docs/PERFORMANCE.md). The heap
// profile is written when the command ends, and to the same name with
// ".peak" added whenever the live heap grows a tenth past its highest so
// far, so that file shows what was held at the peak. It returns the
// function that stops both.
func startProfile() func() {
	stopCPU := startCPUProfile(os.Getenv("LIANFANG_CPUPROFILE"))
	stopMem := startMemProfile(os.Getenv("LIANFANG_MEMPROFILE"))
	return func() {
		stopMem()
		stopCPU()
	}
}

func startCPUProfile(path string) func() {
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

// startMemProfile watches the live heap every 50 ms and writes a heap
// profile at each new peak; the returned function writes the last one.
func startMemProfile(path string) func() {
	if path == "" {
		return func() {}
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak+peak/10 && v > 8<<20 {
				peak = v
				writeHeapProfile(path + ".peak")
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		writeHeapProfile(path)
	}
}

func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	pprof.Lookup("heap").WriteTo(f, 0)
}
