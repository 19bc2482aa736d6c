//go:build linux

package reliability

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestConcurrentRuns starts a second `lianfang run` on the same database
// while a first one is stopped (SIGSTOP at a crash point,
// LIANFANG_CRASH_SIGNAL=STOP) holding the database's lock: the second
// either exits at once with a Chinese message naming the first, changing
// nothing, or with --wait waits for it; or the first, stopped in the middle
// of merging, is killed and the second goes ahead at once (the system
// dropped the lock). Whatever happens, the database and the reports end as
// after one uninterrupted run: nothing merged twice. (A run is stopped
// before it opens the database when the test reads the database meanwhile:
// a process frozen by SIGSTOP may hold SQLite's short-lived locks.)
func TestConcurrentRuns(t *testing.T) {
	ref := newCounty(t)
	ref.mustRun(t, nil, "run", ref.inbox, "--db", ref.db, "--out", ref.out, "--cycle", cycle, "--quiet")
	want := takeSnapshot(t, ref)

	tests := []struct {
		name  string
		wait  bool // the second run has --wait 1m
		short bool // the second run has --wait 1s, too short
		kill  bool // the first run is killed instead of continued
	}{
		{name: "second run refused"},
		{name: "second run waits too short", short: true},
		{name: "second run waits", wait: true},
		{name: "first run killed", kill: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := newCounty(t)
			at := "locked"
			if tc.kill {
				at = "merged:4"
			}
			first, firstErr := startStopped(t, c, at)
			var before map[string]int
			if !tc.kill {
				before = dbCounts(t, c.db)
			}
			var second result
			switch {
			case tc.wait:
				cmd := c.command(nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet", "--wait", "1m")
				errb := newSyncBuffer()
				var out strings.Builder
				cmd.Stdout, cmd.Stderr = &out, errb
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				waitFor(t, func() bool { return strings.Contains(errb.String(), "等它完成后继续") })
				if got := dbCounts(t, c.db); fmt.Sprint(got) != fmt.Sprint(before) {
					t.Errorf("the waiting run changed the database: %v, was %v", got, before)
				}
				first.Process.Signal(syscall.SIGCONT)
				cmd.Wait()
				second = result{stdout: out.String(), stderr: errb.String()}
				second.code, second.signal, _ = exitOf(cmd.ProcessState)
				if second.code != 0 || !strings.Contains(second.stdout, "新读入 0 个") {
					t.Errorf("the waiting run: exit %d\n%s\n%s", second.code, second.stdout, second.stderr)
				}
			case tc.kill:
				first.Process.Signal(syscall.SIGKILL)
				first.Wait()
				second = c.run(t, nil)
				if second.code != 0 {
					t.Errorf("the run after the kill: exit %d\n%s", second.code, second.stderr)
				}
			case tc.short:
				second = c.run(t, nil, "--wait", "1s")
				if second.code != 2 || !strings.Contains(second.stderr, "等它完成后继续(最多等 1 秒)") || !strings.Contains(second.stderr, "已等候 1 秒") {
					t.Errorf("second run: exit %d, stderr %q; want 2, a notice and 已等候 1 秒", second.code, second.stderr)
				}
				if got := dbCounts(t, c.db); fmt.Sprint(got) != fmt.Sprint(before) {
					t.Errorf("the run that gave up changed the database: %v, was %v", got, before)
				}
				first.Process.Signal(syscall.SIGCONT)
			default:
				second = c.run(t, nil)
				pid := fmt.Sprintf("进程 %d", first.Process.Pid)
				if second.code != 2 || !strings.Contains(second.stderr, "另一个 lianfang run") || !strings.Contains(second.stderr, pid) ||
					!strings.Contains(second.stderr, "没有做任何改动") || !strings.Contains(second.stderr, c.db) {
					t.Errorf("second run: exit %d, stderr %q; want 2 and a message naming %s and the database", second.code, second.stderr, pid)
				}
				if got := dbCounts(t, c.db); fmt.Sprint(got) != fmt.Sprint(before) {
					t.Errorf("the refused run changed the database: %v, was %v", got, before)
				}
				first.Process.Signal(syscall.SIGCONT)
			}
			if !tc.kill {
				first.Wait()
				if code, sig, _ := exitOf(first.ProcessState); code != 0 {
					t.Errorf("first run: exit %d (signal %v)\n%s", code, sig, firstErr.String())
				}
			}
			verifyDB(t, c.db)
			if d := takeSnapshot(t, c).diff(want); d != "" {
				t.Errorf("after both runs:\n%s", d)
			}
		})
	}
}

// TestSimultaneousRuns starts three runs on one database at the same
// instant, several times: each completes or is refused with the message,
// at least one completes, and the end state is that of one run.
func TestSimultaneousRuns(t *testing.T) {
	ref := newCounty(t)
	ref.mustRun(t, nil, "run", ref.inbox, "--db", ref.db, "--out", ref.out, "--cycle", cycle, "--quiet")
	want := takeSnapshot(t, ref)
	for round := range 3 {
		c := newCounty(t)
		var cmds []*exec.Cmd
		var errs []*syncBuffer
		for range 3 {
			cmd := c.command(nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
			b := newSyncBuffer()
			cmd.Stderr = b
			cmds, errs = append(cmds, cmd), append(errs, b)
		}
		for _, cmd := range cmds {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
		done := 0
		for i, cmd := range cmds {
			cmd.Wait()
			switch code, _, _ := exitOf(cmd.ProcessState); {
			case code == 0:
				done++
			case code == 2 && strings.Contains(errs[i].String(), "另一个 lianfang run"):
			default:
				t.Errorf("round %d run %d: exit %d\n%s", round, i, code, errs[i].String())
			}
		}
		if done == 0 {
			t.Errorf("round %d: no run completed", round)
		}
		verifyDB(t, c.db)
		if d := takeSnapshot(t, c).diff(want); d != "" {
			t.Errorf("round %d:\n%s", round, d)
		}
	}
}

// startStopped starts `lianfang run` on the county and returns once it has
// stopped itself (SIGSTOP) at the crash point, holding the lock.
func startStopped(t *testing.T, c *county, at string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := c.command([]string{"LIANFANG_CRASH_AT=" + at, "LIANFANG_CRASH_SIGNAL=STOP"},
		"run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	errb := newSyncBuffer()
	cmd.Stderr = errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	waitFor(t, func() bool { return processState(cmd.Process.Pid) == "T" })
	return cmd, errb
}

// processState is the state letter of /proc/PID/stat (T: stopped).
func processState(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	s := string(data)
	if i := strings.LastIndex(s, ") "); i >= 0 && i+3 <= len(s) {
		return s[i+2 : i+3]
	}
	return ""
}

// waitFor polls cond for up to 30 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}
