package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lianfang/samples"
)

// stateCounty is a generated county after one "lianfang run".
type stateCounty struct {
	inbox, roster, db, out, dir string
}

func newStateCounty(t *testing.T) *stateCounty {
	t.Helper()
	root := t.TempDir()
	c := &stateCounty{db: filepath.Join(root, "lianfang.db"), out: filepath.Join(root, "out")}
	county := filepath.Join(root, "county")
	if err := samples.Generate(county, samples.Options{Units: 6, Rows: 10, DefectRate: 0.5, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	c.inbox, c.roster, c.dir = filepath.Join(county, "inbox"), filepath.Join(county, "roster.csv"), filepath.Join(c.out, sendCycle)
	if code, out, errs := cli(t, "roster", "import", c.roster, "--db", c.db); code != exitOK {
		t.Fatalf("roster import: %d\n%s%s", code, out, errs)
	}
	c.run(t)
	return c
}

func (c *stateCounty) run(t *testing.T) string {
	t.Helper()
	code, out, errs := cli(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", sendCycle, "--quiet")
	if code != exitOK {
		t.Fatalf("run: exit %d\n%s%s", code, out, errs)
	}
	return out
}

// files returns the cycle's report files, each with its os.FileInfo.
func (c *stateCounty) files(t *testing.T) map[string]os.FileInfo {
	t.Helper()
	m := map[string]os.FileInfo{}
	err := filepath.Walk(c.dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.Mode().IsRegular() && !strings.HasPrefix(fi.Name(), ".") {
			m[p] = fi
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m) < 4 {
		t.Fatalf("only %d report files in %s", len(m), c.dir)
	}
	return m
}

// rewritten lists the files of before that are no longer the same file
// (writeFileAtomic always writes a new one) or are gone.
func rewritten(t *testing.T, before, after map[string]os.FileInfo) []string {
	t.Helper()
	var out []string
	for p, fi := range before {
		if a, ok := after[p]; !ok || !os.SameFile(fi, a) {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

func TestRerunKeepsReports(t *testing.T) {
	c := newStateCounty(t)
	before := c.files(t)
	out := c.run(t)
	after := c.files(t)
	got := rewritten(t, before, after)
	if len(got) != 1 || got[0] != "summary.json" {
		t.Fatalf("rerun over the same inbox rewrote %v; want only summary.json", got)
	}
	if len(after) != len(before) {
		t.Fatalf("rerun left %d report files, had %d", len(after), len(before))
	}
	// summary.json tells this run's story: nothing new was read.
	var sum runSummary
	data, err := os.ReadFile(filepath.Join(c.dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Files.Parsed != 0 || sum.Files.Duplicates != sum.Files.Files || sum.Files.Files == 0 {
		t.Fatalf("summary.json files after rerun = %+v; want all duplicates", sum.Files)
	}
	if len(sum.Units) != 6 {
		t.Fatalf("summary.json lost its units: %d", len(sum.Units))
	}
	if !strings.Contains(out, "退回表") || !strings.Contains(out, "新读入 0 个") {
		t.Fatalf("rerun summary:\n%s", out)
	}
}

func TestRerunRebuildsMissingReport(t *testing.T) {
	c := newStateCounty(t)
	jsonl := filepath.Join(c.dir, "findings.jsonl")
	want, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(jsonl); err != nil {
		t.Fatal(err)
	}
	before := c.files(t)
	c.run(t)
	got, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatalf("findings.jsonl not rebuilt: %v", err)
	}
	if string(got) != string(want) {
		t.Fatal("rebuilt findings.jsonl differs from the first run's")
	}
	if len(rewritten(t, before, c.files(t))) == 0 {
		t.Fatal("reports were not rebuilt")
	}
}

func TestRerunRebuildsAfterRosterEdit(t *testing.T) {
	c := newStateCounty(t)
	before := c.files(t)
	data, err := os.ReadFile(c.roster)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[1] = strings.Replace(lines[1], ",", ",新", 1) // the first unit gets a new name
	if err := os.WriteFile(c.roster, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := cli(t, "roster", "import", c.roster, "--db", c.db); code != exitOK {
		t.Fatalf("roster import: %d\n%s%s", code, out, errs)
	}
	c.run(t)
	after := c.files(t)
	for _, name := range []string{"findings.jsonl", "全县汇总_" + sendCycle + ".xlsx"} {
		p := filepath.Join(c.dir, name)
		if os.SameFile(before[p], after[p]) {
			t.Errorf("%s kept after the roster changed", name)
		}
	}
}
