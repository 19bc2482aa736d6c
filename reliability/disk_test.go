//go:build linux

package reliability

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// inMountNamespace runs script with sh in a new user and mount namespace
// (unshare -Urm), where it may mount a small tmpfs or a read-only bind
// mount that vanishes with it, whoever runs the tests; root ignores file
// modes, so a folder without write permission is no test for root. The
// test is skipped where unprivileged namespaces are not allowed.
func inMountNamespace(t *testing.T, script string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("needs unshare (util-linux)")
	}
	if out, err := exec.Command("unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt").CombinedOutput(); err != nil {
		t.Skipf("cannot mount in a user namespace here: %v %s", err, out)
	}
	cmd := exec.Command("unshare", "-Urm", "sh", "-c", script)
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}

// sh quotes s for the shell.
func sh(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// runLine is the shell command of `lianfang run` on the county.
func (c *county) runLine(db, out string) string {
	return fmt.Sprintf("%s run %s --db %s --out %s --cycle %s --quiet", sh(bin), sh(c.inbox), sh(db), sh(out), cycle)
}

// TestReadOnlyOutput runs with the output folder on a read-only mount:
// the run stops before merging anything, with a Chinese message naming
// the folder and the reason, and the database is as it was.
func TestReadOnlyOutput(t *testing.T) {
	c := newCounty(t)
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		t.Fatal(err)
	}
	before := dbCounts(t, c.db)
	script := fmt.Sprintf("mount --bind %[1]s %[1]s && mount -o remount,bind,ro %[1]s && %[2]s", sh(c.out), c.runLine(c.db, c.out))
	out, code := inMountNamespace(t, script)
	t.Logf("exit %d:\n%s", code, out)
	if code != 2 || !strings.Contains(out, c.cycleDir()) || !strings.Contains(out, "只读") || !strings.Contains(out, "数据库未改动") {
		t.Errorf("exit %d, output %q; want 2 and a message naming %s, 只读 and 数据库未改动", code, out, c.cycleDir())
	}
	if after := dbCounts(t, c.db); !maps.Equal(after, before) {
		t.Errorf("the database changed: %v, was %v", after, before)
	}
	if !canWrite(t) {
		return
	}
	// Without namespaces and not root: a folder without write permission.
	c2 := newCounty(t)
	os.MkdirAll(c2.out, 0o555)
	r := c2.run(t, nil)
	if r.code != 2 || !strings.Contains(r.stderr, "没有写入权限") {
		t.Errorf("read-only folder: exit %d, %q", r.code, r.stderr)
	}
}

// canWrite reports whether file modes bind this process (not root).
func canWrite(t *testing.T) bool { return os.Geteuid() != 0 }

// TestFullDiskOutput runs with the output folder on a 96 KiB tmpfs: the
// output check passes, every file is merged, and writing the reports fails
// with a message naming the file and 磁盘已满. No report is left half
// written under its final name, the database is whole, and a rerun with
// room writes every report as an uninterrupted run does.
func TestFullDiskOutput(t *testing.T) {
	ref := newCounty(t)
	ref.mustRun(t, nil, "run", ref.inbox, "--db", ref.db, "--out", ref.out, "--cycle", cycle, "--quiet")
	want := takeSnapshot(t, ref)

	c := newCounty(t)
	keep := filepath.Join(c.dir, "kept")
	script := fmt.Sprintf("mkdir -p %[1]s %[2]s && mount -t tmpfs -o size=96k tmpfs %[1]s && %[3]s; code=$?; cp -a %[1]s/. %[2]s/; exit $code",
		sh(c.out), sh(keep), c.runLine(c.db, c.out))
	out, code := inMountNamespace(t, script)
	t.Logf("exit %d:\n%s", code, out)
	if code != 2 || !strings.Contains(out, "磁盘已满") || !strings.Contains(out, c.out) {
		t.Errorf("exit %d, output %q; want 2 and a message naming a file under %s and 磁盘已满", code, out, c.out)
	}
	verifyDB(t, c.db)
	if got := dbCounts(t, c.db); !maps.Equal(got, want.counts) {
		t.Errorf("database after the failed reports: %v, want every file merged: %v", got, want.counts)
	}
	checkFinalNames(t, filepath.Join(keep, cycle))
	c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	if d := takeSnapshot(t, c).diff(want); d != "" {
		t.Errorf("after the rerun:\n%s", d)
	}
}

// TestFullDiskDatabase runs with the database on a tmpfs too small for
// the inbox: a merge fails, the run stops with a message naming the file,
// the database and 磁盘已满, and the database holds every file merged
// before it whole and nothing of the one that failed. Moved to a disk
// with room, a rerun ends as an uninterrupted run.
func TestFullDiskDatabase(t *testing.T) {
	ref := newCounty(t)
	ref.mustRun(t, nil, "run", ref.inbox, "--db", ref.db, "--out", ref.out, "--cycle", cycle, "--quiet")
	want := takeSnapshot(t, ref)

	c := newCounty(t)
	small := filepath.Join(c.dir, "small")
	keep := filepath.Join(c.dir, "kept")
	db := filepath.Join(small, "lianfang.db")
	script := fmt.Sprintf("mkdir -p %[1]s %[2]s && mount -t tmpfs -o size=400k tmpfs %[1]s && cp %[3]s %[1]s/ && %[4]s; code=$?; cp -a %[1]s/. %[2]s/; exit $code",
		sh(small), sh(keep), sh(c.db), c.runLine(db, c.out))
	out, code := inMountNamespace(t, script)
	t.Logf("exit %d:\n%s", code, out)
	if code != 2 || !strings.Contains(out, "入库失败,数据库未改动") || !strings.Contains(out, "磁盘已满") || !strings.Contains(out, db) {
		t.Fatalf("exit %d, output %q; want 2, 入库失败,数据库未改动, 磁盘已满 and %s", code, out, db)
	}
	failed, _, _ := strings.Cut(out, " 入库失败")
	failed = strings.TrimSpace(failed[strings.LastIndex(failed, "\n")+1:])
	kept := filepath.Join(keep, "lianfang.db")
	verifyDB(t, kept)
	n := dbCounts(t, kept)
	if n["submissions"] == 0 || n["submissions"] >= want.counts["submissions"] {
		t.Errorf("%d submissions stored; want some, fewer than %d", n["submissions"], want.counts["submissions"])
	}
	if stored(t, kept, failed) {
		t.Errorf("the file that failed, %q, is in the database", failed)
	}
	for _, name := range []string{"lianfang.db", "lianfang.db-wal", "lianfang.db-shm"} {
		os.Remove(filepath.Join(c.dir, name))
		if data, err := os.ReadFile(filepath.Join(keep, name)); err == nil {
			os.WriteFile(filepath.Join(c.dir, name), data, 0o600)
		}
	}
	c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	if d := takeSnapshot(t, c).diff(want); d != "" {
		t.Errorf("after the rerun:\n%s", d)
	}
}

// stored reports whether the database holds a submission of path.
func stored(t *testing.T, db, path string) bool {
	s := dbStore(t, db)
	defer s.Close()
	var n int
	if err := s.QueryRow(`SELECT COUNT(*) FROM submissions WHERE path = ?`, path).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}
