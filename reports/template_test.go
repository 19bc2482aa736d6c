package reports

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// openTemplate writes a template with opt and opens it again.
func openTemplate(tb testing.TB, opt TemplateOptions) *excelize.File {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteTemplate(&buf, opt); err != nil {
		tb.Fatalf("WriteTemplate: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		tb.Fatalf("open written template: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// cellValue reads one cell or fails the test.
func cellValue(tb testing.TB, f *excelize.File, sheet, cell string) string {
	tb.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		tb.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

func TestWriteTemplateSheets(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	want := []string{"职权目录", "填表说明", "下拉列表"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		sheet   string
		visible bool
	}{
		{"职权目录", true},
		{"填表说明", true},
		{"下拉列表", false},
	} {
		t.Run(tc.sheet, func(t *testing.T) {
			got, err := f.GetSheetVisible(tc.sheet)
			if err != nil || got != tc.visible {
				t.Errorf("visible = %v (%v), want %v", got, err, tc.visible)
			}
		})
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0", got)
	}
}

func TestWriteTemplateTitleAndHeaders(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	if got := cellValue(t, f, "职权目录", "A1"); got != "职权目录表" {
		t.Errorf("A1 = %q", got)
	}
	merges, err := f.GetMergeCells("职权目录")
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merges {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if !slices.Contains(refs, "A1:P1") {
		t.Errorf("merges %v lack the title merge A1:P1", refs)
	}
	want := []string{"序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "行使岗位",
		"公开范围", "公开形式", "风险源", "风险点", "危害性", "风险等级", "防控措施", "责任人", "备注"}
	rows, err := f.GetRows("职权目录")
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[2]; !slices.Equal(got, want) {
		t.Errorf("row 3 = %v\nwant    %v", got, want)
	}
	i := 0
	for _, c := range importer.Schema {
		if !c.InTemplate {
			continue
		}
		if want[i] != c.Header {
			t.Errorf("column %d: schema header %q, want %q", i+1, c.Header, want[i])
		}
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if w, _ := f.GetColWidth("职权目录", letter); w != c.Width {
			t.Errorf("column %s width = %v, want %v", letter, w, c.Width)
		}
		i++
	}
	style, _ := f.GetCellStyle("职权目录", "D3")
	s, _ := f.GetStyle(style)
	if !s.Font.Bold || !s.Alignment.WrapText || s.Alignment.Horizontal != "center" || len(s.Border) != 4 || len(s.Fill.Color) == 0 {
		t.Errorf("header style = font %+v align %+v border %d fill %v", s.Font, s.Alignment, len(s.Border), s.Fill.Color)
	}
}

func TestWriteTemplateUnitRow(t *testing.T) {
	unit := importer.UnitInfo{Name: "城关第一小学", Type: "小学", Reporter: "张丽", Phone: "023-46731234", Date: "2026-11-24"}
	for _, tc := range []struct {
		name string
		unit importer.UnitInfo
		want map[string]string
	}{
		{"blank", importer.UnitInfo{}, map[string]string{
			"A2": "填报单位", "C2": "", "E2": "单位类型", "F2": "", "G2": "填报人", "J2": "联系电话", "L2": "填报日期"}},
		{"filled", unit, map[string]string{
			"A2": "填报单位", "C2": "城关第一小学", "E2": "单位类型", "F2": "小学", "G2": "填报人", "H2": "张丽",
			"J2": "联系电话", "K2": "023-46731234", "L2": "填报日期", "M2": "2026-11-24"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := openTemplate(t, TemplateOptions{Unit: tc.unit})
			for cell, want := range tc.want {
				if got := cellValue(t, f, "职权目录", cell); got != want {
					t.Errorf("%s = %q, want %q", cell, got, want)
				}
			}
			style, _ := f.GetCellStyle("职权目录", "A2")
			if s, _ := f.GetStyle(style); !s.Font.Bold {
				t.Errorf("label A2 is not bold")
			}
			style, _ = f.GetCellStyle("职权目录", "C2")
			if s, _ := f.GetStyle(style); len(s.Border) != 1 || s.Border[0].Type != "bottom" {
				t.Errorf("value C2 border = %+v, want bottom only", s.Border)
			}
		})
	}
}

func TestWriteTemplateListSheet(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	want := map[string]string{
		"A1": "模板版本", "B1": importer.TemplateVersion,
		"A2": "职权层级", "A3": "单位职权", "A4": "内设部门职权", "A5": "岗位职权", "A6": "",
		"B2": "职权类别", "B3": "外部职权", "B4": "内部职权", "B5": "",
		"C2": "公开范围", "C3": "面向社会", "C4": "单位内部", "C5": "不公开",
		"D2": "风险等级", "D3": "高", "D4": "中", "D5": "低",
		"E2": "单位类型", "E3": "直属学校", "E4": "教管中心", "E5": "初中", "E6": "小学", "E7": "幼儿园", "E8": "",
	}
	for cell, w := range want {
		if got := cellValue(t, f, "下拉列表", cell); got != w {
			t.Errorf("下拉列表!%s = %q, want %q", cell, got, w)
		}
	}
}
