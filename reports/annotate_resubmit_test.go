package reports

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
)

// TestAnnotateResubmitted annotates a workbook that already went through
// AnnotateUnit, as when a unit fixes the returned file and sends it back:
// the old list and notes go, the unit's own note comes back, and only the
// new findings are marked.
func TestAnnotateResubmitted(t *testing.T) {
	first := annotate(t, buildUnitBook(t), unitFindings(), AnnotateOptions{})
	again := []checks.Finding{unitFindings()[4]} // R03 on E5 only
	out := annotate(t, first, again, AnnotateOptions{})
	f := openBook(t, out)
	if got := strings.Join(f.GetSheetList(), ","); got != "校验结果,职权目录,填报信息" {
		t.Fatalf("sheets = %s", got)
	}
	cs, _ := f.GetComments(unitSheet)
	got := map[string]string{}
	for _, c := range cs {
		got[c.Cell] = c.Author + ":" + commentText(c)
	}
	if len(got) != 2 || got["D4"] != "张老师:依据待补充条款" || !strings.HasPrefix(got["E5"], "lianfang:") {
		t.Errorf("notes after resubmission = %q", got)
	}
	for _, cell := range []string{"A5", "A6", "B4", "C4", "D4"} {
		if fill := cellFill(t, f, unitSheet, cell); fill != "" {
			t.Errorf("%s keeps the old fill %s", cell, fill)
		}
	}
	if fill := cellFill(t, f, unitSheet, "E5"); fill != fillError {
		t.Errorf("E5 fill = %q, want %s", fill, fillError)
	}
	if st := styleOf(t, f, unitSheet, "C4"); st.Font == nil || !st.Font.Bold {
		t.Errorf("C4 lost its bold font when the old fill was removed")
	}
	if v, _ := f.GetCellValue(ResultSheet, "A1"); v != "结论:退回修改(错误 1 条,警告 0 条)" {
		t.Errorf("verdict = %q", v)
	}
}

// TestAnnotatePlainCopy covers an .xls original: no .xlsx bytes, the
// importer's rows instead.
func TestAnnotatePlainCopy(t *testing.T) {
	sheets := []importer.Sheet{
		{Name: unitSheet, Rows: [][]string{{"序号", "职权名称"}, {"1", "=HYPERLINK(\"http://x\")"}, {"2", "+1"}}},
		{Name: "下拉列表", Hidden: true, Rows: [][]string{{"高"}}},
	}
	findings := []checks.Finding{
		{Sheet: unitSheet, Row: 2, Col: "B", Rule: "N02", Severity: checks.Error, Message: "名称未体现权力性质"},
		{Rule: "S04", Severity: checks.Error, Message: "单位与名册不符"},
	}
	for _, tc := range []struct {
		name     string
		original []byte
	}{
		{"nil", nil},
		{"not a zip", []byte("\xd0\xcf\x11\xe0 an old .xls")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := annotate(t, tc.original, findings, AnnotateOptions{Sheets: sheets})
			f := openBook(t, out)
			if got := strings.Join(f.GetSheetList(), ","); got != "校验结果,职权目录,下拉列表" {
				t.Fatalf("sheets = %s", got)
			}
			if v, _ := f.GetSheetVisible("下拉列表"); v {
				t.Error("hidden sheet became visible")
			}
			if v, _ := f.GetCellValue(unitSheet, "B2"); v != sheets[0].Rows[1][1] {
				t.Errorf("B2 = %q", v)
			}
			if fill := cellFill(t, f, unitSheet, "B2"); fill != fillError {
				t.Errorf("B2 fill = %q", fill)
			}
			if ok, link, _ := f.GetCellHyperLink(ResultSheet, "C4"); !ok || link != "'职权目录'!B2" {
				t.Errorf("link = %v %q", ok, link)
			}
			assertNoFormula(t, f, out)
		})
	}
	t.Run("nothing readable", func(t *testing.T) {
		f := openBook(t, annotate(t, nil, findings[1:], AnnotateOptions{}))
		if got := strings.Join(f.GetSheetList(), ","); got != ResultSheet {
			t.Fatalf("sheets = %s", got)
		}
	})
}

// TestAnnotateFixesDimension gives the original a <dimension> of A1 only,
// as some producers write, and a finding on a blank cell below the data.
func TestAnnotateFixesDimension(t *testing.T) {
	f := openBook(t, buildUnitBook(t))
	if err := f.SetSheetDimension(unitSheet, "A1"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	findings := []checks.Finding{{Sheet: unitSheet, Row: 9, Col: "H", Rule: "R05", Severity: checks.Error, Message: "风险等级为空"}}
	g := openBook(t, annotate(t, buf.Bytes(), findings, AnnotateOptions{}))
	for sheet, want := range map[string]string{unitSheet: "A1:H9", "填报信息": "A1:B1"} {
		if dim, _ := g.GetSheetDimension(sheet); dim != want {
			t.Errorf("%s dimension = %q, want %q", sheet, dim, want)
		}
	}
	if rows, _ := g.GetRows(unitSheet); len(rows) != 6 {
		t.Errorf("rows read back = %d, want 6", len(rows))
	}
}

func TestVerdict(t *testing.T) {
	e := checks.Finding{Severity: checks.Error}
	w := checks.Finding{Severity: checks.Warning}
	i := checks.Finding{Severity: checks.Info}
	for _, tc := range []struct {
		name     string
		findings []checks.Finding
		want     string
	}{
		{"none", nil, "结论:通过"},
		{"info only", []checks.Finding{i}, "结论:通过"},
		{"warnings", []checks.Finding{w, i, w}, "结论:通过(警告 2 条,请核实)"},
		{"errors", []checks.Finding{e, w, e, i, e}, "结论:退回修改(错误 3 条,警告 1 条)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Verdict(tc.findings); got != tc.want {
				t.Errorf("Verdict = %q, want %q", got, tc.want)
			}
		})
	}
}

func styleOf(tb testing.TB, f *excelize.File, sheet, cell string) *excelize.Style {
	tb.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}
