package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lianfang/samples"
)

// TestRunUsesConfig: lianfang.toml beside the database sets the output
// folder of run, and a flag still wins over it.
func TestRunUsesConfig(t *testing.T) {
	dir := t.TempDir()
	if err := samples.Generate(filepath.Join(dir, "county"), samples.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "data", "lianfang.db")
	os.MkdirAll(filepath.Dir(db), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "data", "lianfang.toml"), []byte("out = \"报表\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := cli(t, "roster", "import", filepath.Join(dir, "county", "roster.csv"), "--db", db); code != exitOK {
		t.Fatalf("roster import: %d %s %s", code, out, errs)
	}
	if code, out, errs := cli(t, "run", filepath.Join(dir, "county", "inbox"), "--db", db, "--cycle", "2026-W48", "--quiet"); code != exitOK {
		t.Fatalf("run: %d %s %s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "报表", "2026-W48", "summary.json")); err != nil {
		t.Errorf("reports not under the configured folder: %v", err)
	}
	other := filepath.Join(dir, "flag-out")
	if code, _, errs := cli(t, "run", filepath.Join(dir, "county", "inbox"), "--db", db, "--out", other, "--cycle", "2026-W48", "--quiet"); code != exitOK {
		t.Fatalf("run --out: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(other, "2026-W48", "summary.json")); err != nil {
		t.Errorf("--out did not win over the configuration: %v", err)
	}
	if code, out, _ := cli(t, "status", "--db", db); code != exitOK || len(out) == 0 {
		t.Errorf("status: %d %s", code, out)
	}
	for _, cmd := range []string{"status", "export"} {
		if code, _, errs := cli(t, cmd, "--db", db, "--cycle", "2026-W01"); code != exitUsage || !strings.Contains(errs, "没有周期") {
			t.Errorf("%s of a missing cycle: %d %s", cmd, code, errs)
		}
		if code, _, errs := cli(t, cmd, "--db", filepath.Join(dir, "无此库.db")); code != exitUsage || !strings.Contains(errs, "不存在") {
			t.Errorf("%s of a missing database: %d %s", cmd, code, errs)
		}
	}
}
