//go:build linux

package reliability

import (
	"bytes"
	"encoding/csv"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
	"lianfang/reports"
)

// unsafeUnits are roster units whose names are no safe file names. Some
// make the same file name as another: a/b, a_b and A:B (a_b and A_B are
// one file on Windows), .. and " . " (both 未命名单位).
var unsafeUnits = []struct{ code, name string }{
	{"U01", "../../etc/x"},
	{"U02", "CON"},
	{"U03", "a/b"},
	{"U04", "a_b"},
	{"U05", "A:B"},
	{"U06", "第一行\n第二行"},
	{"U07", "NUL.txt"},
	{"U08", "\u202e反向名称"},
	{"U09", ".."},
	{"U10", " . "},
	{"U11", "com1"},
	{"U12", strings.Repeat("很长的单位名称", 15)},
	{"U13", `C:\Windows\system32`},
}

// TestUnsafeUnitNames runs a county whose roster holds unit names that
// are paths, device names, line breaks and bidi controls, and whose safe
// forms collide: every 退回 workbook lands in the 退回 folder under a safe
// name of its own, the unit with a name nobody shares under exactly
// SafeFileName(name), nothing is written anywhere else, and no workbook
// names another unit.
func TestUnsafeUnitNames(t *testing.T) {
	c := emptyCounty(t)
	var roster bytes.Buffer
	w := csv.NewWriter(&roster)
	w.Write(importer.RosterHeaders)
	for _, u := range unsafeUnits {
		w.Write([]string{u.code, u.name, "小学", "", "", "", ""})
		var book bytes.Buffer
		if err := reports.WriteTemplate(&book, reports.TemplateOptions{Unit: importer.UnitInfo{Name: u.name, Type: "小学"}}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(c.inbox, u.code+".xlsx"), book.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	if err := os.WriteFile(c.roster, roster.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	before := listFiles(t, c.dir)
	c.mustRun(t, nil, "roster", "import", c.roster, "--db", c.db)
	c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")

	// Nothing outside the database files and OUT/<cycle>.
	for _, f := range listFiles(t, c.dir) {
		if !slices.Contains(before, f) && !strings.HasPrefix(f, "lianfang.db") && !strings.HasPrefix(f, "out/"+cycle+"/") {
			t.Errorf("a file written outside the output folder: %s", f)
		}
	}
	// The names as the roster stores them (line breaks folded).
	units, err := importer.ReadRoster(c.roster, roster.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var stored []struct{ code, name string }
	for _, u := range units {
		stored = append(stored, struct{ code, name string }{u.Code, u.Name})
	}
	returns := listFiles(t, filepath.Join(c.cycleDir(), "退回"))
	if len(returns) != len(unsafeUnits) {
		t.Fatalf("%d 退回 workbooks for %d units: %q", len(returns), len(unsafeUnits), returns)
	}
	seen := map[string]string{}
	for _, u := range stored {
		safe := reports.SafeFileName(u.name) + "_校验结果.xlsx"
		shared := 0
		for _, o := range stored {
			if strings.EqualFold(reports.SafeFileName(o.name), reports.SafeFileName(u.name)) {
				shared++
			}
		}
		want := safe
		if shared > 1 {
			want = reports.SafeFileName(u.name) + "_" + u.code + "_校验结果.xlsx"
		}
		if !slices.Contains(returns, want) {
			t.Errorf("%q: no 退回 workbook %q in %q", u.name, want, returns)
			continue
		}
		if other, ok := seen[strings.ToLower(want)]; ok {
			t.Errorf("%q and %q share %q", u.name, other, want)
		}
		seen[strings.ToLower(want)] = u.name
		text := strings.Join(slices.Collect(maps.Keys(cellValues(t, filepath.Join(c.cycleDir(), "退回", want)))), "\n")
		if !strings.Contains(text, "单位:"+u.name) {
			t.Errorf("%s does not name its unit %q", want, u.name)
		}
		for _, o := range stored {
			if o.code != u.code && len([]rune(o.name)) > 4 && !strings.Contains(u.name, o.name) && strings.Contains(text, o.name) {
				t.Errorf("%s names another unit, %q", want, o.name)
			}
		}
	}
	checkFinalNames(t, c.cycleDir())
}

// injected are cell texts that a spreadsheet would run as formulas if a
// report wrote them as formulas rather than text.
var injected = []string{
	`=HYPERLINK("http://example.com/x","点此查看")`,
	`+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	"=1+1",
}

// TestFormulaText puts text beginning with =, +, - and @ into two units'
// workbooks — one that passes, so its rows reach the county ledger, and
// one sent back — and checks every report: the county summary, the 退回
// workbooks and the exported ledger hold the text as text, and no cell of
// any of them holds a formula.
func TestFormulaText(t *testing.T) {
	c := newCounty(t)
	passing, returned := unitOfRole(t, "合格"), unitOfRole(t, "有错误")
	for _, file := range []string{passing, returned} {
		injectText(t, filepath.Join(c.dir, file))
	}
	c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	ledger := filepath.Join(c.dir, "ledger.xlsx")
	c.mustRun(t, nil, "export", "--db", c.db, "-o", ledger)
	county := filepath.Join(c.cycleDir(), reports.CountyFileName(cycle))
	back := filepath.Join(c.cycleDir(), "退回", strings.TrimSuffix(filepath.Base(returned), ".xlsx")+"_校验结果.xlsx")
	for _, path := range []string{county, back, ledger} {
		checkBookXML(t, path)
		values := cellValues(t, path)
		for _, s := range injected {
			if !values[s] {
				t.Errorf("%s: no cell holds the text %q", filepath.Base(path), s)
			}
		}
	}
	checkFinalNames(t, c.cycleDir())
}

// unitOfRole returns the inbox file (relative to the county folder) of the
// first sample unit of role.
func unitOfRole(t testing.TB, role string) string {
	for _, u := range sampleManifest() {
		if string(u.Role) == role && u.InRoster && len(u.Files) == 1 {
			return u.Files[0].Name
		}
	}
	t.Fatalf("no sample unit of role %s", role)
	return ""
}

// injectText writes the injected texts into the 防控措施 (measures) column
// of the first data rows, where the county ledger shows them, keeping the
// file's time.
func injectText(t testing.TB, path string) {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, _ := f.GetRows(sheet)
	header, col := -1, -1
	for r := 0; r < min(len(rows), 20) && header < 0; r++ {
		for c, v := range rows[r] {
			if strings.TrimSpace(v) == "防控措施" {
				header, col = r, c
			}
		}
	}
	if header < 0 {
		t.Fatalf("%s: no 防控措施 header", path)
	}
	n := 0
	for r := header + 1; r < len(rows) && n < len(injected); r++ {
		if col < len(rows[r]) && strings.TrimSpace(rows[r][col]) != "" {
			cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
			if err := f.SetCellStr(sheet, cell, injected[n]); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n < len(injected) {
		t.Fatalf("%s: only %d data rows", path, n)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(path, info.ModTime(), info.ModTime())
}

// cellValues returns the set of every cell value of a workbook.
func cellValues(t testing.TB, path string) map[string]bool {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			for _, v := range r {
				out[v] = true
			}
		}
	}
	return out
}
