package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
)

// unitSheet is the catalogue sheet of the test workbook.
const unitSheet = "职权目录"

// buildUnitBook makes a small returned workbook with some formatting: a
// merged title, a bold name (C4), a bordered risk cell (E5), a custom number
// format on a 序号 (A5 shows 002), a 职权层级 merged down B4:B5, a unit's
// own comment on D4, print titles scoped to the catalogue sheet, and a
// second sheet 填报信息.
func buildUnitBook(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", unitSheet))
	_, err := f.NewSheet("填报信息")
	must(err)
	rows := [][]any{
		{"职权目录表"},
		{"填报单位", "实验小学"},
		{"序号", "职权层级", "职权名称", "职权依据", "风险点", "风险等级"},
		{1, "单位职权", "学籍管理", "《中华人民共和国教育法》", "因把关不严,导致学籍造假", "中"},
		{2, "", "招生", "上级要求", "有风险", "低"},
		{3, "岗位职权", "食堂物资采购验收", "《学校食品安全与营养健康管理规定》第二十条", "因收受好处,采购价格偏高", "高"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(unitSheet, cell, &r))
	}
	must(f.MergeCell(unitSheet, "A1", "F1"))
	must(f.MergeCell(unitSheet, "B4", "B5"))
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "宋体", Size: 11}})
	must(err)
	must(f.SetCellStyle(unitSheet, "C4", "C4", bold))
	boxed, err := f.NewStyle(&excelize.Style{Border: []excelize.Border{
		{Type: "left", Color: "000000", Style: 2}, {Type: "right", Color: "000000", Style: 2},
		{Type: "top", Color: "000000", Style: 2}, {Type: "bottom", Color: "000000", Style: 2}}})
	must(err)
	must(f.SetCellStyle(unitSheet, "E5", "E5", boxed))
	zeros, err := f.NewStyle(&excelize.Style{CustomNumFmt: reportPtr("000")})
	must(err)
	must(f.SetCellStyle(unitSheet, "A5", "A5", zeros))
	must(f.AddComment(unitSheet, excelize.Comment{Cell: "D4", Author: "张老师", Text: "依据待补充条款"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'职权目录'!$3:$3", Scope: unitSheet}))
	must(f.SetCellStr("填报信息", "A1", "填报人"))
	must(f.SetCellStr("填报信息", "B1", "李明"))
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

// unitFindings are hand-written findings on buildUnitBook. Several
// messages start with characters a spreadsheet would take for a formula.
func unitFindings() []checks.Finding {
	fd := func(row int, col, column, rule string, sev checks.Severity, msg, sug string) checks.Finding {
		return checks.Finding{File: "收件/实验小学.xlsx", Unit: "实验小学", Sheet: unitSheet, Row: row, Col: col,
			Column: column, Rule: rule, Severity: sev, Message: msg, Suggestion: sug}
	}
	return []checks.Finding{
		fd(0, "", "", "C01", checks.Error, "缺少必查岗位“出纳”的岗位职权", "请补充出纳岗位的职权"),
		fd(4, "C", "职权名称", "N03", checks.Warning, "=SUM(A1) 职权名称“学籍管理”只用了“管理”", "请写明具体的权力,如“学籍变动审核”"),
		fd(4, "D", "职权依据", "B04", checks.Warning, "依据未写条款", "请写明条款"),
		fd(4, "D", "职权依据", "X04", checks.Info, "与其他单位填报内容高度雷同", ""),
		fd(5, "E", "风险点", "R03", checks.Error, "+“有风险”过于笼统", "请写明具体的风险行为"),
		fd(5, "E", "风险点", "R04", checks.Warning, "@同一表述用于 3 项职权", "请逐项查找风险点"),
		fd(5, "A", "序号", "S05", checks.Error, "-序号“002”与上一项不连续", "请按顺序编号"),
		fd(5, "B", "职权层级", "S08", checks.Error, "职权层级为空", "请从下拉列表选择"),
		fd(6, "", "", "R01", checks.Warning, "该职权没有风险点", "请查找风险点"),
		// On a sheet the workbook does not have: listed, not linked.
		{File: "收件/实验小学.xlsx", Unit: "实验小学", Sheet: "旧表", Row: 3, Col: "A", Column: "序号",
			Rule: "S02", Severity: checks.Error, Message: "工作表“旧表”不是职权目录表"},
	}
}

func annotate(tb testing.TB, original []byte, findings []checks.Finding, opt AnnotateOptions) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := AnnotateUnit(&buf, original, findings, opt); err != nil {
		tb.Fatalf("AnnotateUnit: %v", err)
	}
	return buf.Bytes()
}

func openBook(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("reopen: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func TestAnnotateUnitGolden(t *testing.T) {
	findings := unitFindings()
	out := annotate(t, buildUnitBook(t), findings, AnnotateOptions{Unit: "实验小学", File: "实验小学.xlsx"})
	checkGolden(t, "annotate/unit.golden", renderBook(t, out))
}

func TestAnnotateUnitMarksOnlyFlaggedCells(t *testing.T) {
	original := buildUnitBook(t)
	findings := unitFindings()
	out := annotate(t, original, findings, AnnotateOptions{Unit: "实验小学"})
	f, orig := openBook(t, out), openBook(t, original)

	if got := f.GetSheetList(); strings.Join(got, ",") != "校验结果,职权目录,填报信息" {
		t.Fatalf("sheets = %v", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0", f.GetActiveSheetIndex())
	}
	wantFill := map[string]string{ // B5 lies in the merge B4:B5; R01 has no column
		"C4": fillWarning, "D4": fillWarning, "E5": fillError, "A5": fillError, "B4": fillError, "A6": fillWarning,
	}
	for _, sheet := range []string{unitSheet, "填报信息"} {
		notes := map[string]excelize.Comment{}
		cs, _ := f.GetComments(sheet)
		for _, c := range cs {
			notes[c.Cell] = c
		}
		for r := 1; r <= 8; r++ {
			for c := 1; c <= 8; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				want := ""
				if sheet == unitSheet {
					want = wantFill[cell]
				}
				if got := cellFill(t, f, sheet, cell); got != want {
					t.Errorf("%s!%s fill = %q, want %q", sheet, cell, got, want)
				}
				if _, ok := notes[cell]; ok != (want != "") {
					t.Errorf("%s!%s has note = %v, want %v", sheet, cell, ok, want != "")
				}
				got, _ := f.GetCellValue(sheet, cell)
				was, _ := orig.GetCellValue(sheet, cell)
				if got != was {
					t.Errorf("%s!%s value = %q, was %q", sheet, cell, got, was)
				}
			}
		}
		for cell, c := range notes {
			if c.Author != annotationAuthor {
				t.Errorf("%s!%s note author = %q", sheet, cell, c.Author)
			}
		}
	}
	assertFormatKept(t, f)
	assertResultSheet(t, f, findings)
	assertNoFormula(t, f, out)
}

// assertFormatKept checks that fills were laid over the cells' own formats.
func assertFormatKept(t *testing.T, f *excelize.File) {
	t.Helper()
	style := func(cell string) *excelize.Style {
		id, err := f.GetCellStyle(unitSheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := style("C4"); st.Font == nil || !st.Font.Bold || st.Font.Family != "宋体" {
		t.Errorf("C4 font = %+v, want bold 宋体", st.Font)
	}
	if st := style("E5"); len(st.Border) != 4 || st.Border[0].Style != 2 {
		t.Errorf("E5 border = %+v, want 4 medium sides", st.Border)
	}
	if st := style("A5"); st.CustomNumFmt == nil || *st.CustomNumFmt != "000" {
		t.Errorf("A5 number format lost: %+v", st)
	}
	if v, _ := f.GetCellValue(unitSheet, "A5"); v != "002" {
		t.Errorf("A5 shows %q, want 002", v)
	}
	names := f.GetDefinedName()
	if len(names) == 0 || names[0].Name != "_xlnm.Print_Titles" || names[0].Scope != unitSheet {
		t.Errorf("print titles = %+v, want scoped to %s", names, unitSheet)
	}
	c := map[string]string{}
	cs, _ := f.GetComments(unitSheet)
	for _, n := range cs {
		c[n.Cell] = commentText(n)
	}
	d4 := c["D4"]
	for _, want := range []string{"B04 警告:依据未写条款", "X04 提示:与其他单位填报内容高度雷同", "原批注(张老师):依据待补充条款"} {
		if !strings.Contains(d4, want) {
			t.Errorf("D4 note lacks %q:\n%s", want, d4)
		}
	}
}

// assertResultSheet checks the verdict and that each listed cell links to
// its own cell.
func assertResultSheet(t *testing.T, f *excelize.File, findings []checks.Finding) {
	t.Helper()
	if v, _ := f.GetCellValue(ResultSheet, "A1"); v != "结论:退回修改(错误 5 条,警告 4 条)" {
		t.Errorf("verdict = %q", v)
	}
	wantLinks := []string{"", "'职权目录'!C4", "'职权目录'!D4", "'职权目录'!D4", "'职权目录'!E5",
		"'职权目录'!E5", "'职权目录'!A5", "'职权目录'!B5", "'职权目录'!A6", ""}
	for i, fd := range findings {
		row := resultFirstRow + i
		cell, _ := excelize.CoordinatesToCellName(3, row)
		ok, link, _ := f.GetCellHyperLink(ResultSheet, cell)
		if link != wantLinks[i] || ok != (wantLinks[i] != "") {
			t.Errorf("row %d (%s) link = %v %q, want %q", row, fd.Rule, ok, link, wantLinks[i])
		}
		msg, _ := f.GetCellValue(ResultSheet, fmt.Sprintf("G%d", row))
		if msg != fd.Message {
			t.Errorf("row %d message = %q, want %q", row, msg, fd.Message)
		}
	}
}

// assertNoFormula checks every cell of every sheet, and the sheet XML
// itself, for formulas.
func assertNoFormula(t *testing.T, f *excelize.File, data []byte) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("%s!%s holds formula %q", sheet, cell, fm)
				}
			}
		}
	}
	for _, part := range zipParts(t, data, "xl/worksheets/sheet") {
		if x := readPart(t, data, part); strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
			t.Errorf("%s holds a formula element", part)
		}
	}
}

func ExampleAnnotateUnit() {
	sheets := []importer.Sheet{{Name: "职权目录", Rows: [][]string{{"序号", "职权名称"}, {"1", "学籍管理"}}}}
	findings := []checks.Finding{{Sheet: "职权目录", Row: 2, Col: "B", Column: "职权名称", Rule: "N03",
		Severity: checks.Warning, Message: "职权名称只用了“管理”", Suggestion: "请写明具体的权力"}}
	var buf bytes.Buffer
	if err := AnnotateUnit(&buf, nil, findings, AnnotateOptions{Sheets: sheets}); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&buf)
	defer f.Close()
	verdict, _ := f.GetCellValue(ResultSheet, "A1")
	_, link, _ := f.GetCellHyperLink(ResultSheet, "C4")
	fmt.Println(f.GetSheetList(), verdict, link)
	// Output: [校验结果 职权目录] 结论:通过(警告 1 条,请核实) '职权目录'!B2
}

// TestResultSheetPrintsOnePageWide: printed, the 校验结果 list fits the
// width of one A4 landscape page, so 问题 and 建议 are not cut off.
func TestResultSheetPrintsOnePageWide(t *testing.T) {
	f := openBook(t, annotate(t, buildUnitBook(t), unitFindings(), AnnotateOptions{Unit: "城关第一小学"}))
	pl, err := f.GetPageLayout(ResultSheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 || *pl.Orientation != "landscape" {
		t.Errorf("page layout = %+v", pl)
	}
	props, err := f.GetSheetProps(ResultSheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("fit to page not set: %+v %v", props, err)
	}
}
