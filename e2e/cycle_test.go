package e2e

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/merge"
	"lianfang/samples"
)

// TestSecondCycle corrects one finding of one unit and runs the next week:
// 本周变化 lists exactly that finding as fixed, and nothing new.
func TestSecondCycle(t *testing.T) {
	c := newCounty(t, samples.DefaultOptions())
	c.mustRun(t, "roster", "import", c.roster, "--db", c.db)
	c.mustRun(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", "2026-W48")
	var target checks.Finding
	for _, f := range readFindings(t, filepath.Join(c.out, "2026-W48", "findings.jsonl")) {
		if f.Rule == "B03" {
			target = f
			break
		}
	}
	if target.Rule == "" {
		t.Fatal("the sample county has no B03 finding to correct")
	}
	next := filepath.Join(c.dir, "inbox-w49")
	copyTree(t, c.inbox, next)
	fixed := filepath.Join(next, target.Unit+".xlsx")
	f, err := excelize.OpenFile(fixed)
	if err != nil {
		t.Fatal(err)
	}
	cell := target.Col + strconv.Itoa(target.Row)
	if err := f.SetCellStr(target.Sheet, cell, "《中华人民共和国教育法》第二十九条"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	c.mustRun(t, "run", next, "--db", c.db, "--out", c.out, "--cycle", "2026-W49")

	s, err := merge.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := s.Diff(t.Context(), "2026-W48", "2026-W49")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.FixedFindings) != 1 || d.FixedFindings[0].Rule != "B03" || d.FixedFindings[0].Row != target.Row || d.FixedFindings[0].Unit != target.Unit {
		t.Errorf("fixed findings = %+v, want the one B03 at %s", d.FixedFindings, cell)
	}
	if len(d.NewFindings) != 0 {
		t.Errorf("new findings = %+v", d.NewFindings)
	}
	// The county summary's 本周变化 sheet says so.
	cf, err := excelize.OpenFile(filepath.Join(c.out, "2026-W49", "全县汇总_2026-W49.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	rows, err := cf.GetRows("本周变化")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	if !strings.Contains(text.String(), "B03") || !strings.Contains(text.String(), target.Unit) {
		t.Errorf("本周变化 does not list the fixed B03 of %s:\n%s", target.Unit, text.String())
	}
}

// copyTree copies a folder, keeping modification times.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
}
