//go:build linux

package reliability

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/samples"
)

// killPoints are the places TestKillPoints stops `lianfang run` with
// SIGKILL (LIANFANG_CRASH_AT, see cmd/lianfang/crash.go). The sample
// county has 14 inbox files (13 new, one byte-identical copy) and 9 退回
// workbooks. second marks a point in a run over an inbox that a complete
// run has already consolidated and reported, with one file added.
var killPoints = []struct {
	at     string
	second bool
	merged int // submissions stored when killed, -1 when not checked
}{
	{at: "merged:1", merged: 1},
	{at: "merged:3", merged: 3},
	{at: "merged:6", merged: -1},
	{at: "merged:9", merged: -1},
	{at: "merged:12", merged: -1},
	{at: "merged:14", merged: 13}, // every file merged, no report written yet
	{at: "accept:1:submission", merged: 0},
	{at: "accept:2:rows", merged: 1},
	{at: "accept:3:powers", merged: 2},
	{at: "accept:5:findings", merged: 4},
	{at: "accept:8:current", merged: 7},
	{at: "accept:11:submission", merged: 10},
	{at: "accept:13:current", merged: 12},
	{at: "report:1", merged: 13},
	{at: "report:5", merged: 13},
	{at: "report:county", merged: 13},
	{at: "report:findings", merged: 13},
	{at: "report:summary", merged: 13},
	{at: "swap", merged: 13},
	{at: "accept:1:findings", second: true, merged: 13},
	{at: "report:1", second: true, merged: 14}, // the only workbook rebuilt; the others are copied
	{at: "report:county", second: true, merged: 14},
	{at: "swap", second: true, merged: 14},
}

// TestKillPoints kills `lianfang run` at each kill point, then checks the
// database (integrity_check, foreign keys, current submissions), that the
// killed submission left nothing behind, that every report under its final
// name is whole, and that a rerun ends exactly where an uninterrupted run
// does: database rows, findings.jsonl, summary.json, every workbook, and
// no file more or less in the output folder.
func TestKillPoints(t *testing.T) {
	want := map[bool]snapshot{}
	for _, second := range []bool{false, true} {
		c := newCounty(t)
		c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
		if second {
			addResubmission(t, c)
			c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
		}
		want[second] = takeSnapshot(t, c)
	}
	for _, kp := range killPoints {
		name := kp.at
		if kp.second {
			name = "second run " + name
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := newCounty(t)
			if kp.second {
				c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
				addResubmission(t, c)
			}
			r := c.run(t, []string{"LIANFANG_CRASH_AT=" + kp.at})
			if r.signal != syscall.SIGKILL {
				t.Fatalf("the run was not killed at %s: exit %d\n%s", kp.at, r.code, r.stderr)
			}
			verifyDB(t, c.db)
			if n := dbCounts(t, c.db)["submissions"]; kp.merged >= 0 && n != kp.merged {
				t.Errorf("%d submissions stored after the kill, want %d", n, kp.merged)
			}
			checkFinalNames(t, c.cycleDir())
			c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
			verifyDB(t, c.db)
			if d := takeSnapshot(t, c).diff(want[kp.second]); d != "" {
				t.Errorf("after the rerun:\n%s", d)
			}
		})
	}
}

// addResubmission adds to the inbox a corrected file of a unit that was
// sent back, received an hour after the last file.
func addResubmission(t testing.TB, c *county) {
	t.Helper()
	var from string
	for _, u := range samples.Manifest(samples.DefaultOptions()) {
		if u.Role == samples.RoleDefective && u.InRoster {
			from = filepath.Join(c.dir, u.Files[len(u.Files)-1].Name)
			break
		}
	}
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	if err := f.SetCellStr(sheet, "P4", "已按退回意见修改"); err != nil {
		t.Fatal(err)
	}
	to := strings.TrimSuffix(from, ".xlsx") + "_修改.xlsx"
	if err := f.SaveAs(to); err != nil {
		t.Fatal(err)
	}
	latest := time.Time{}
	entries, _ := os.ReadDir(c.inbox)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.ModTime().After(latest) {
			latest = info.ModTime()
		}
	}
	if err := os.Chtimes(to, latest.Add(time.Hour), latest.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
}
