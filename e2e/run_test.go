package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/samples"
)

const cycle = "2026-W48"

// Fill colours of the 退回 workbook, by severity (what the school sees).
var fills = map[checks.Severity]string{checks.Error: "FFC7CE", checks.Warning: "FFEB9C", checks.Info: "DDEBF7"}

func TestWeeklyRun(t *testing.T) {
	c := newCounty(t, samples.DefaultOptions())
	c.mustRun(t, "roster", "import", c.roster, "--db", c.db)
	out := c.mustRun(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle)
	if !strings.Contains(out, "汇总完成") || !strings.Contains(out, "全县汇总") {
		t.Errorf("run output:\n%s", out)
	}
	dir := filepath.Join(c.out, cycle)
	for _, name := range []string{"全县汇总_" + cycle + ".xlsx", "findings.jsonl", "summary.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing report %s", name)
		}
	}
	all := readFindings(t, filepath.Join(dir, "findings.jsonl"))
	roster := readRoster(t, c.roster)
	byUnit := map[string][]checks.Finding{}
	for _, f := range all {
		byUnit[f.Unit] = append(byUnit[f.Unit], f)
	}
	returns := listFiles(t, filepath.Join(dir, "退回"))
	if len(returns) == 0 {
		t.Fatal("no 退回 workbooks")
	}
	for _, u := range roster {
		fs := unitFindings(byUnit[u.Name])
		name := u.Name + "_校验结果.xlsx"
		has := contains(returns, name)
		if has != (len(fs) > 0) {
			t.Errorf("%s: 退回 workbook present=%v, own findings %d", u.Name, has, len(fs))
		}
		if !has {
			continue
		}
		t.Run(u.Name, func(t *testing.T) {
			checkReturn(t, filepath.Join(dir, "退回", name), findOriginal(t, c.inbox, u.Name), fs, otherNames(roster, u))
		})
	}

	// The same inbox again changes nothing: database, findings and reports.
	counts := dbCounts(t, c.db)
	jsonl, _ := os.ReadFile(filepath.Join(dir, "findings.jsonl"))
	before := renderDir(t, filepath.Join(dir, "退回"))
	out = c.mustRun(t, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle)
	if !strings.Contains(out, "新读入 0 个") {
		t.Errorf("rerun parsed files again:\n%s", out)
	}
	if got := dbCounts(t, c.db); !reflect.DeepEqual(got, counts) {
		t.Errorf("rerun changed the database:\n%v\n%v", counts, got)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "findings.jsonl")); !bytes.Equal(again, jsonl) {
		t.Error("rerun changed findings.jsonl")
	}
	if after := renderDir(t, filepath.Join(dir, "退回")); !reflect.DeepEqual(after, before) {
		t.Error("rerun changed the 退回 workbooks")
	}
}

// unitFindings are the findings a unit's 退回 workbook carries: all but the
// bureau's bookkeeping notes X01 (nothing submitted), X02 and X03.
func unitFindings(fs []checks.Finding) []checks.Finding {
	var out []checks.Finding
	for _, f := range fs {
		if f.Rule != "X01" && f.Rule != "X02" && f.Rule != "X03" {
			out = append(out, f)
		}
	}
	return out
}

func readRoster(t *testing.T, path string) []importer.RosterUnit {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	units, err := importer.ReadRoster(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return units
}

// findOriginal returns the bytes of the unit's latest inbox file.
func findOriginal(t *testing.T, inbox, unit string) []byte {
	data, err := os.ReadFile(filepath.Join(inbox, unit+".xlsx"))
	if err != nil {
		return nil
	}
	return data
}

// otherNames lists the names of the other roster units that this unit's
// workbook must not contain.
func otherNames(roster []importer.RosterUnit, u importer.RosterUnit) []string {
	var names []string
	for _, o := range roster {
		if o.Code != u.Code && !strings.Contains(u.Name, o.Name) {
			names = append(names, o.Name)
		}
	}
	return names
}

// checkReturn opens a 退回 workbook and checks it against the unit's
// findings and its original workbook.
func checkReturn(t *testing.T, path string, original []byte, fs []checks.Finding, others []string) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheets[0] != "校验结果" {
		t.Fatalf("first sheet %q", sheets[0])
	}
	listed, _ := f.GetRows("校验结果")
	if len(listed) < len(fs) {
		t.Errorf("校验结果 lists %d rows for %d findings", len(listed), len(fs))
	}
	var orig *excelize.File
	if original != nil {
		if orig, err = excelize.OpenReader(bytes.NewReader(original)); err != nil {
			orig = nil
		} else {
			defer orig.Close()
		}
	}
	want := expectedMarks(t, orig, fs)
	for _, sh := range sheets[1:] {
		comments, err := f.GetComments(sh)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, cm := range comments {
			got[cm.Cell] = commentText(cm)
		}
		for cell, m := range want[sh] {
			text, ok := got[cell]
			if !ok {
				t.Errorf("%s!%s: no note for %v", sh, cell, m.rules)
				continue
			}
			for _, r := range m.rules {
				if !strings.Contains(text, r) {
					t.Errorf("%s!%s: note lacks %s: %s", sh, cell, r, text)
				}
			}
			if fill := cellFill(t, f, sh, cell); fill != fills[m.sev] {
				t.Errorf("%s!%s: fill %s, want %s", sh, cell, fill, fills[m.sev])
			}
		}
		for cell := range got {
			if _, ok := want[sh][cell]; !ok {
				t.Errorf("%s!%s: a note on a cell no finding points at", sh, cell)
			}
		}
		if orig != nil {
			a, _ := orig.GetRows(sh)
			b, _ := f.GetRows(sh)
			if !reflect.DeepEqual(trimRows(a), trimRows(b)) {
				t.Errorf("%s: the unit's cell values changed", sh)
			}
		}
	}
	text := renderWorkbook(t, f)
	for _, n := range others {
		if strings.Contains(text, n) {
			t.Errorf("the workbook mentions another unit: %s", n)
		}
	}
}

type mark struct {
	rules []string
	sev   checks.Severity
}

// expectedMarks maps each finding with a row to the cell that shows it: its
// own cell (column A when it names no column), or the top-left cell of the
// merged range holding it; the most severe finding gives the fill.
func expectedMarks(t *testing.T, orig *excelize.File, fs []checks.Finding) map[string]map[string]*mark {
	rank := map[checks.Severity]int{checks.Info: 1, checks.Warning: 2, checks.Error: 3}
	out := map[string]map[string]*mark{}
	for _, fd := range fs {
		if fd.Row == 0 {
			continue
		}
		col := fd.Col
		if col == "" {
			col = "A"
		}
		cell := fmt.Sprintf("%s%d", col, fd.Row)
		if orig != nil {
			merges, _ := orig.GetMergeCells(fd.Sheet)
			for _, m := range merges {
				if inRange(cell, m.GetStartAxis(), m.GetEndAxis()) {
					cell = m.GetStartAxis()
				}
			}
		}
		if out[fd.Sheet] == nil {
			out[fd.Sheet] = map[string]*mark{}
		}
		m := out[fd.Sheet][cell]
		if m == nil {
			m = &mark{}
			out[fd.Sheet][cell] = m
		}
		m.rules = append(m.rules, fd.Rule)
		if rank[fd.Severity] > rank[m.sev] {
			m.sev = fd.Severity
		}
	}
	return out
}

func inRange(cell, from, to string) bool {
	c, r, _ := excelize.CellNameToCoordinates(cell)
	c1, r1, _ := excelize.CellNameToCoordinates(from)
	c2, r2, _ := excelize.CellNameToCoordinates(to)
	return c >= c1 && c <= c2 && r >= r1 && r <= r2
}

func commentText(cm excelize.Comment) string {
	var b strings.Builder
	b.WriteString(cm.Text)
	for _, p := range cm.Paragraph {
		b.WriteString(p.Text)
	}
	return b.String()
}

func cellFill(t *testing.T, f *excelize.File, sheet, cell string) string {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil || len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

func trimRows(rows [][]string) [][]string {
	for i := range rows {
		for len(rows[i]) > 0 && rows[i][len(rows[i])-1] == "" {
			rows[i] = rows[i][:len(rows[i])-1]
		}
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// renderWorkbook renders every cell value and note of a workbook as text.
func renderWorkbook(t *testing.T, f *excelize.File) string {
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i, r := range rows {
			fmt.Fprintf(&b, "%s!%d=%q\n", sh, i+1, r)
		}
		cms, _ := f.GetComments(sh)
		sort.Slice(cms, func(i, j int) bool { return cms[i].Cell < cms[j].Cell })
		for _, cm := range cms {
			fmt.Fprintf(&b, "%s!%s note %q\n", sh, cm.Cell, commentText(cm))
		}
	}
	return b.String()
}

// renderDir renders every workbook under dir.
func renderDir(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	for _, name := range listFiles(t, dir) {
		f, err := excelize.OpenFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = renderWorkbook(t, f)
		f.Close()
	}
	return out
}
