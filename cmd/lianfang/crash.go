package main

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"lianfang/merge"
)

// Crash points exist for the crash-safety tests only (reliability/). The
// environment variable LIANFANG_CRASH_AT names one point where "lianfang
// run" ends itself as a power cut would (SIGKILL: no deferred function, no
// flush), or with LIANFANG_CRASH_SIGNAL=STOP freezes itself (SIGSTOP) while
// holding everything it holds, for the concurrent-run tests:
//
//	merged:N          after the Nth file is merged (LIANFANG_CRASH_AFTER=N is the same)
//	accept:N:STAGE    inside the transaction of the Nth new submission, after STAGE
//	                  (submission, rows, powers, findings or current)
//	report:N          writing the Nth 退回 workbook, its temporary file partly written
//	report:county     writing 全县汇总, likewise (also report:findings, report:summary)
//	swap              between moving the old 退回 folder aside and the new one in
//	locked            right after taking the database's lock, before opening it
//
// LIANFANG_PANIC_FILE=TEXT makes checking every inbox file whose path
// contains TEXT panic, to test the recovery at the per-file boundary.
type crashPlan struct {
	point string // merged, accept, report, swap or locked
	n     int
	what  string // the accept stage or the report name
	stop  bool   // SIGSTOP instead of SIGKILL
}

var crashAt = parseCrashAt(os.Getenv("LIANFANG_CRASH_AT"), os.Getenv("LIANFANG_CRASH_AFTER"), os.Getenv("LIANFANG_CRASH_SIGNAL"))

func parseCrashAt(at, after, signal string) crashPlan {
	var c crashPlan
	if n, err := strconv.Atoi(after); err == nil && n > 0 {
		c = crashPlan{point: "merged", n: n}
	}
	f := strings.Split(at, ":")
	switch {
	case len(f) == 2 && f[0] == "merged", len(f) == 3 && f[0] == "accept":
		c.point = f[0]
		c.n, _ = strconv.Atoi(f[1])
		if len(f) == 3 {
			c.what = f[2]
		}
	case len(f) == 2 && f[0] == "report":
		c.point, c.what = "report", f[1]
	case at == "swap", at == "locked":
		c.point = at
	}
	c.stop = signal == "STOP"
	return c
}

// crashCounts counts the passes through each numbered point.
var crashCounts struct {
	sync.Mutex
	merged, accepts, reports int
}

// crashHere ends the process at the planned point, or freezes it until
// it is continued.
func (c crashPlan) crashHere() {
	if c.stop {
		stopSelf()
		return
	}
	killSelf()
}

// crashMerged is called after each merged file.
func crashMerged() {
	if crashAt.point != "merged" {
		return
	}
	crashCounts.Lock()
	crashCounts.merged++
	n := crashCounts.merged
	crashCounts.Unlock()
	if n == crashAt.n {
		crashAt.crashHere()
	}
}

// installCrashHook sets merge's stage hook when the plan is an accept point.
func installCrashHook() {
	if crashAt.point != "accept" {
		return
	}
	merge.SetStageHook(func(_ context.Context, stage string) error {
		crashCounts.Lock()
		if stage == "submission" {
			crashCounts.accepts++
		}
		n := crashCounts.accepts
		crashCounts.Unlock()
		if n == crashAt.n && stage == crashAt.what {
			crashAt.crashHere()
		}
		return nil
	})
}

// crashLocked is called once the run holds the database's lock.
func crashLocked() {
	if crashAt.point == "locked" {
		crashAt.crashHere()
	}
}

// crashSwap is called between the two renames that swap the 退回 folder.
func crashSwap() {
	if crashAt.point == "swap" {
		crashAt.crashHere()
	}
}

// crashWrite wraps the writer of report name ("returns" for a 退回
// workbook) so that the planned report ends the process once its content
// is written but before the temporary file is complete and renamed.
func crashWrite(name string, write func(w io.Writer) error) func(w io.Writer) error {
	if crashAt.point != "report" {
		return write
	}
	return func(w io.Writer) error {
		if err := write(w); err != nil {
			return err
		}
		hit := name == crashAt.what
		if name == "returns" {
			crashCounts.Lock()
			crashCounts.reports++
			hit = strconv.Itoa(crashCounts.reports) == crashAt.what
			crashCounts.Unlock()
		}
		if hit {
			crashAt.crashHere()
		}
		return nil
	}
}

// panicFile is LIANFANG_PANIC_FILE.
var panicFile = os.Getenv("LIANFANG_PANIC_FILE")

// crashPanic panics while the file at rel is being checked, when planned.
func crashPanic(rel string) {
	if panicFile != "" && strings.Contains(rel, panicFile) {
		panic("LIANFANG_PANIC_FILE: " + rel)
	}
}
