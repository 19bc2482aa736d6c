// Package e2e drives the built lianfang binary over a generated sample
// county, as the bureau would, and checks the database and every report.
package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"lianfang/checks"
	"lianfang/merge"
	"lianfang/samples"
)

// bin is the lianfang binary built once for the package's tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lianfang-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "lianfang")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, "lianfang/cmd/lianfang").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// county is a generated sample county in a temporary folder.
type county struct {
	dir, inbox, roster, db, out string
}

func newCounty(t *testing.T, opt samples.Options) *county {
	t.Helper()
	dir := t.TempDir()
	c := &county{dir: dir, inbox: filepath.Join(dir, "county", "inbox"), roster: filepath.Join(dir, "county", "roster.csv"),
		db: filepath.Join(dir, "lianfang.db"), out: filepath.Join(dir, "out")}
	if err := samples.Generate(filepath.Join(dir, "county"), opt); err != nil {
		t.Fatal(err)
	}
	return c
}

// lianfang runs the binary in the county's folder and returns its exit
// code and output.
func (c *county) lianfang(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = c.dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func (c *county) mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := c.lianfang(t, args...)
	if code != 0 {
		t.Fatalf("lianfang %v: exit %d\n%s\n%s", args, code, out, errs)
	}
	return out
}

// findings reads a run's findings.jsonl.
func readFindings(t *testing.T, path string) []checks.Finding {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fs []checks.Finding
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		var f checks.Finding
		if err := json.Unmarshal(line, &f); err != nil {
			t.Fatalf("bad line %s: %v", line, err)
		}
		fs = append(fs, f)
	}
	return fs
}

// dbCounts returns the row count of every table.
func dbCounts(t *testing.T, db string) map[string]int {
	t.Helper()
	s, err := merge.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	sort.Strings(names)
	return names
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}
