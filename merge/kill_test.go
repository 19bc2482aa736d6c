package merge_test

import (
	"bufio"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lianfang/merge"
)

// killInbox is the inbox of the kill test: 30 files of the four roster
// units, two cycles, several files per unit and cycle.
func killInbox() []merge.Input {
	var out []merge.Input
	for i := range 30 {
		code := testRoster[i%4].Code
		name := testRoster[i%4].Name
		cycle := "2026-W47"
		if i >= 15 {
			cycle = "2026-W48"
		}
		path := fmt.Sprintf("%s/%02d_%s.xlsx", cycle, i, name)
		out = append(out, input(cycle, path, code, path, t0.Add(time.Duration(i)*time.Minute),
			makeSub(name, standardPowers(name, 40)...)))
	}
	return out
}

// TestKillMidway kills a process merging an inbox with SIGKILL, then checks
// the database is consistent and that merging the inbox again ends in the
// same state as an uninterrupted run.
func TestKillMidway(t *testing.T) {
	if path := os.Getenv("LIANFANG_MERGE_KILL_DB"); path != "" {
		killChild(path) // runs until killed
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "county.db")
	s, err := merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustRoster(t, s)
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidway$")
	cmd.Env = append(os.Environ(), "LIANFANG_MERGE_KILL_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	merged := 0
	for sc := bufio.NewScanner(out); sc.Scan() && merged < 5; {
		if n, ok := strings.CutPrefix(sc.Text(), "merged "); ok {
			fmt.Sscan(n, &merged)
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if merged < 5 {
		t.Fatalf("child merged %d files before it ended", merged)
	}

	s, err = merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	c := mustCounts(t, s)
	n := c["submissions"]
	t.Logf("killed after %d merged files (%d reported)", n, merged)
	// Every submission is whole: 40 powers × 2 risk points, 3 sheets of 83 + 3 + 2 rows.
	if c["powers"] != 40*n || c["risks"] != 80*n || c["sheets"] != 3*n || c["sheet_rows"] != 88*n || c["blobs"] != n {
		t.Errorf("partial submission after kill: %v", c)
	}
	for _, in := range killInbox() {
		mustAccept(t, s, in)
	}
	fresh := MustOpen(t)
	mustRoster(t, fresh)
	for _, in := range killInbox() {
		mustAccept(t, fresh, in)
	}
	if got, want := mustCounts(t, s), mustCounts(t, fresh); !maps.Equal(got, want) {
		t.Errorf("after the rerun counts = %v\nuninterrupted run    %v", got, want)
	}
	for _, cycle := range []string{"2026-W47", "2026-W48"} {
		a, _ := s.Status(ctx, cycle)
		b, _ := fresh.Status(ctx, cycle)
		if len(a) != 4 || len(b) != 4 {
			t.Fatalf("%s: %d and %d units", cycle, len(a), len(b))
		}
		for i := range a {
			if a[i].Status != b[i].Status || a[i].Current.Path != b[i].Current.Path || a[i].Submissions != b[i].Submissions {
				t.Errorf("%s %s: %s %s vs uninterrupted %s %s", cycle, a[i].Code, a[i].Status, a[i].Current.Path, b[i].Status, b[i].Current.Path)
			}
		}
	}
}

// killChild merges the kill inbox, reporting each file, then waits to be
// killed.
func killChild(path string) {
	s, err := merge.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for i, in := range killInbox() {
		if _, err := s.Accept(context.Background(), in); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Printf("merged %d\n", i+1)
	}
	time.Sleep(time.Hour)
}
