package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/merge"
)

// testCounty is a small county: one unit of each status, one file no
// roster unit matches, county findings, a ledger and grades.
func testCounty() *merge.County {
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, time.Local) }
	fd := func(unit, rule string, sev checks.Severity, row int, col, msg string) checks.Finding {
		return checks.Finding{File: "收件/" + unit + ".xlsx", Unit: unit, Sheet: "职权目录", Row: row, Col: col,
			Rule: rule, Severity: sev, Message: msg}
	}
	sub := func(path string, received time.Time, status string, e, w, i int) *merge.Submission {
		return &merge.Submission{Cycle: "2026-W48", Path: path, FileName: path[strings.LastIndex(path, "/")+1:],
			Received: received, Status: status, Errors: e, Warnings: w, Infos: i, Current: true}
	}
	unknown := sub("收件/其他/某某学校.xlsx", at(24, 8, 5), merge.StatusReturned, 1, 0, 0)
	unknown.UnitWritten = "某某学校"
	ledger := merge.LedgerOf("2026-W48", testLedger())
	// The grades are given apart from the rows, to show an unrecognised one.
	ledger.Grades = []merge.GradeCount{{Grade: "高", Count: 2}, {Grade: "中", Count: 1}, {Grade: "低", Count: 0}, {Grade: "", Count: 1}}
	return merge.NewCounty(merge.County{
		Cycle:    "2026-W48",
		Previous: "2026-W47",
		Units: []merge.UnitStatus{
			{Code: "U001", Name: "实验小学", Type: "小学", Status: merge.StatusPassed,
				Current: sub("收件/实验小学.xlsx", at(23, 9, 30), merge.StatusPassed, 0, 2, 1), Submissions: 1, Warnings: 2, Infos: 1},
			{Code: "U002", Name: "城关中学", Type: "初中", Status: merge.StatusReturned,
				Current: sub("收件/城关中学.xlsx", at(24, 16, 45), merge.StatusReturned, 2, 1, 0), Submissions: 2, Errors: 2, Warnings: 1},
			{Code: "U003", Name: "阳光幼儿园", Type: "幼儿园", Status: merge.StatusMissing},
			{Code: "U004", Name: "第二小学", Type: "小学", Status: merge.StatusUnreadable,
				Current: sub("收件/第二小学.xls", at(22, 7, 0), merge.StatusUnreadable, 1, 0, 0), Submissions: 1, Errors: 1},
		},
		Unknown: []merge.Submission{*unknown},
		Ledger:  ledger,
	}, merge.CountyContent{
		Findings: [][]checks.Finding{
			{
				fd("实验小学", "N03", checks.Warning, 5, "D", "职权名称“学籍管理”只有“管理”"),
				fd("实验小学", "B04", checks.Warning, 5, "E", "=未写条款"),
				fd("实验小学", "R06", checks.Info, 6, "M", "风险等级可能偏高"),
			},
			{
				fd("城关中学", "R03", checks.Error, 4, "K", "风险点过于笼统"),
				fd("城关中学", "R03", checks.Error, 7, "K", "风险点过于笼统"),
				fd("城关中学", "N07", checks.Warning, 9, "D", "与第 8 行名称相近"),
			},
			nil,
			{fd("第二小学", "S01", checks.Error, 0, "", "文件已损坏")},
		},
		UnknownFindings: [][]checks.Finding{{fd("某某学校", "S04", checks.Error, 2, "B", "填报单位“某某学校”不在名册中")}},
		County: []checks.Finding{
			{Unit: "阳光幼儿园", Rule: "X01", Severity: checks.Error, Message: "阳光幼儿园本周期未提交"},
			{Unit: "城关中学", Rule: "X04", Severity: checks.Warning, Message: "与实验小学第 6 行高度雷同"},
		},
	})
}

// testLedger is 实验小学's ledger: a power with two risk points, one
// without risk points and one whose statement could not be split.
func testLedger() []merge.LedgerRow {
	base := merge.LedgerRow{Cycle: "2026-W48", UnitCode: "U001", Unit: "实验小学", UnitType: "小学", Sheet: "职权目录"}
	row := func(seq, level, kind, name string, risk int, source, point, harm, statement, grade string) merge.LedgerRow {
		r := base
		r.Seq, r.Level, r.Kind, r.Name, r.Risk = seq, level, kind, name, risk
		r.Basis, r.Dept, r.Scope, r.Form = "《中华人民共和国教育法》第二十九条", "教导处", "面向社会", "校务公开栏"
		r.Source, r.Point, r.Harm, r.Statement, r.Grade = source, point, harm, statement, grade
		if risk > 0 {
			r.Measures, r.Owner = "招生结果在校务公开栏公示", "校长"
		}
		return r
	}
	return []merge.LedgerRow{
		row("1", "单位职权", "外部职权", "新生入学资格审核", 1, "因受人情干扰", "放宽入学条件", "损害教育公平", "", "高"),
		row("1", "单位职权", "外部职权", "新生入学资格审核", 2, "因把关不严", "=接收不符合条件的学生", "造成学位紧张", "", "中"),
		row("2", "内设部门职权", "内部职权", "教师评优推荐", 0, "", "", "", "", ""),
		row("三", "岗位职权", "内部职权", "食堂物资采购验收", 1, "", "", "", "采购把关不严", "高"),
	}
}

// testDiff is the change from 2026-W47 to 2026-W48 of testCounty.
func testDiff() *merge.Diff {
	passing := merge.UnitChange{Code: "U001", Name: "实验小学", From: merge.StatusReturned, To: merge.StatusPassed}
	joined := merge.UnitChange{Code: "U002", Name: "城关中学", From: merge.StatusMissing, To: merge.StatusReturned}
	return &merge.Diff{
		From: "2026-W47", To: "2026-W48",
		Changes:      []merge.UnitChange{passing, joined},
		NewlyPassing: []merge.UnitChange{passing},
		FixedFindings: []checks.Finding{{Unit: "实验小学", Sheet: "职权目录", Row: 6, Col: "K", Rule: "R03",
			Severity: checks.Error, Message: "风险点“有风险”过于笼统"}},
		PowersAdded: []merge.PowerChange{{UnitCode: "U001", Unit: "实验小学", Level: "岗位职权", Name: "食堂物资采购验收"}},
	}
}

func writeCounty(tb testing.TB, c *merge.County, d *merge.Diff) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteCounty(context.Background(), &buf, c, d); err != nil {
		tb.Fatalf("WriteCounty: %v", err)
	}
	return buf.Bytes()
}

func TestWriteCountyGolden(t *testing.T) {
	out := writeCounty(t, testCounty(), testDiff())
	checkGolden(t, "county/county.golden", renderBook(t, out)+renderCharts(t, out))
}

// TestWriteCountyBytes: the same county gives the same bytes, write after
// write (excelize lists the image content types from a map).
func TestWriteCountyBytes(t *testing.T) {
	want := writeCounty(t, testCounty(), testDiff())
	for i := 0; i < 5; i++ {
		if got := writeCounty(t, testCounty(), testDiff()); !bytes.Equal(got, want) {
			t.Fatalf("write %d differs from the first", i+2)
		}
	}
}

// TestOrderedZip: parts named in order are written in that order whatever
// order they come in, one that comes early waiting in a temporary file, or
// in memory when there is no usable temporary folder.
func TestOrderedZip(t *testing.T) {
	for _, tmpdir := range []string{"", filepath.Join(t.TempDir(), "missing")} {
		if tmpdir != "" {
			t.Setenv("TMPDIR", tmpdir)
		}
		var buf bytes.Buffer
		z := &orderedZip{Writer: zip.NewWriter(&buf), order: []string{"a.xml", "b.xml"}, early: map[string]*earlyPart{}}
		for _, part := range []struct{ name, text string }{{"b.xml", "second"}, {"c.xml", "x"}, {"a.xml", "first"}, {"d.xml", "y"}} {
			w, err := z.Create(part.name)
			if err != nil {
				t.Fatalf("TMPDIR %q: Create(%s): %v", tmpdir, part.name, err)
			}
			io.WriteString(w, part.text)
			if part.name == "b.xml" && len(z.early) != 1 {
				t.Fatalf("TMPDIR %q: b.xml came early but is not held back", tmpdir)
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			got = append(got, f.Name+"="+string(data))
		}
		if want := "c.xml=x a.xml=first b.xml=second d.xml=y"; strings.Join(got, " ") != want {
			t.Errorf("TMPDIR %q: parts %v, want %s", tmpdir, got, want)
		}
	}
}

func TestWriteCountySheets(t *testing.T) {
	c := testCounty()
	out := writeCounty(t, c, nil)
	f := openBook(t, out)
	if got := strings.Join(f.GetSheetList(), ","); got != "提交情况,问题统计,风险等级分布,职权台账,本周变化" {
		t.Fatalf("sheets = %s", got)
	}
	rows, err := f.GetRows(SheetStatus)
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range c.Units {
		r := rows[statusFirstRow-1+i]
		if r[0] != u.Code || r[1] != u.Name || r[2] != u.Type || r[3] != u.Status {
			t.Errorf("提交情况 row %d = %q, want %s %s %s %s", statusFirstRow+i, r, u.Code, u.Name, u.Type, u.Status)
		}
	}
	if last := rows[len(rows)-1]; last[1] != "某某学校" || last[8] != "收件/其他/某某学校.xlsx" {
		t.Errorf("unknown file row = %q", last)
	}
	charts := zipParts(t, out, "xl/charts/chart")
	if len(charts) != 3 {
		t.Errorf("chart parts = %v, want 3 (by rule, by unit, grades)", charts)
	}
	for _, sheet := range []string{SheetStats, SheetGrades} {
		if !sheetHasDrawing(t, f, out, sheet) {
			t.Errorf("%s has no drawing", sheet)
		}
	}
	if v, _ := f.GetCellValue(SheetChanges, "A2"); v != "没有上一周期的数据" {
		t.Errorf("本周变化 A2 = %q", v)
	}
	for sheet, want := range map[string]string{SheetLedger: fmt.Sprintf("A1:P%d", 2+len(testLedger())), SheetChanges: "A1:F2"} {
		if dim, _ := f.GetSheetDimension(sheet); dim != want {
			t.Errorf("%s dimension = %q, want %q", sheet, dim, want)
		}
	}
	assertNoFormula(t, f, out)
}

func TestWriteCountyEmpty(t *testing.T) {
	f := openBook(t, writeCounty(t, &merge.County{Cycle: "2026-W01"}, nil))
	if n := len(f.GetSheetList()); n != 5 {
		t.Errorf("%d sheets", n)
	}
	if err := WriteCounty(context.Background(), &bytes.Buffer{}, nil, nil); err == nil {
		t.Error("WriteCounty(nil) returned nil")
	}
}

func TestWriteLedger(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteLedger(context.Background(), &buf, "2026-W48", merge.LedgerOf("2026-W48", testLedger())); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	checkGolden(t, "county/ledger.golden", renderBook(t, out))
	if tables := zipParts(t, out, "xl/tables/"); len(tables) != 1 {
		t.Errorf("tables = %v, want one with filter buttons", tables)
	}
}

// sheetHasDrawing reports whether a sheet refers to a drawing part.
func sheetHasDrawing(tb testing.TB, f interface{ GetSheetIndex(string) (int, error) }, data []byte, sheet string) bool {
	tb.Helper()
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		tb.Fatalf("no sheet %s", sheet)
	}
	return strings.Contains(readPart(tb, data, fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)), "<drawing ")
}
