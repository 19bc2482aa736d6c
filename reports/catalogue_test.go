package reports

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// str dereferences an optional string of a data validation.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestWriteTemplateValidations(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	dvs, err := f.GetDataValidations("职权目录")
	if err != nil {
		t.Fatal(err)
	}
	bySqref := make(map[string]*excelize.DataValidation)
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	type want struct {
		typ, formula, promptTitle, prompt, errorText string
	}
	drop := func(ref, values string) want {
		return want{typ: "list", formula: ref, errorText: "请从下拉列表中选择:" + values}
	}
	hint := func(k importer.Key) want {
		c := importer.ColumnOf(k)
		return want{promptTitle: c.Header, prompt: c.Hint}
	}
	cases := []struct {
		name  string
		sqref string
		want  want
	}{
		{"单位类型", "F2", drop("下拉列表!$E$3:$E$7", "直属学校、教管中心、初中、小学、幼儿园")},
		{"职权层级", "B4:B1000", drop("下拉列表!$A$3:$A$5", "单位职权、内设部门职权、岗位职权")},
		{"职权类别", "C4:C1000", drop("下拉列表!$B$3:$B$4", "外部职权、内部职权")},
		{"公开范围", "H4:H1000", drop("下拉列表!$C$3:$C$5", "面向社会、单位内部、不公开")},
		{"风险等级", "M4:M1000", drop("下拉列表!$D$3:$D$5", "高、中、低")},
		{"公开形式", "I4:I1000", want{promptTitle: "公开形式", prompt: importer.FormHint}},
		{"序号 header", "A3", hint(importer.KeySeq)},
		{"职权名称 header", "D3", hint(importer.KeyName)},
		{"职权依据 header", "E3", hint(importer.KeyBasis)},
		{"风险源 header", "J3", hint(importer.KeySource)},
		{"危害性 header", "L3", hint(importer.KeyHarm)},
		{"备注 header", "P3", hint(importer.KeyNote)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dv := bySqref[tc.sqref]
			if dv == nil {
				t.Fatalf("no validation on %s", tc.sqref)
			}
			if dv.Type != tc.want.typ && !(tc.want.typ == "" && dv.Type == "none") {
				t.Errorf("type = %q, want %q", dv.Type, tc.want.typ)
			}
			if dv.Formula1 != tc.want.formula {
				t.Errorf("formula = %q, want %q", dv.Formula1, tc.want.formula)
			}
			if got := str(dv.PromptTitle); got != tc.want.promptTitle {
				t.Errorf("prompt title = %q, want %q", got, tc.want.promptTitle)
			}
			if got := str(dv.Prompt); got != tc.want.prompt {
				t.Errorf("prompt = %q, want %q", got, tc.want.prompt)
			}
			if got := str(dv.Error); got != tc.want.errorText {
				t.Errorf("error = %q, want %q", got, tc.want.errorText)
			}
			if tc.want.errorText != "" && (str(dv.ErrorTitle) != "输入有误" || str(dv.ErrorStyle) != "stop") {
				t.Errorf("error title/style = %q/%q", str(dv.ErrorTitle), str(dv.ErrorStyle))
			}
		})
	}
	// One input message per header cell, five dropdowns and 公开形式.
	if got, want := len(dvs), 16+5+1; got != want {
		t.Errorf("%d validations, want %d", got, want)
	}
}

func TestWriteTemplateLayout(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	panes, err := f.GetPanes("职权目录")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 0 || panes.TopLeftCell != "A4" {
		t.Errorf("panes = %+v, want frozen below row 3", panes)
	}
	pl, err := f.GetPageLayout("职权目录")
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout = orientation %s size %d fit %dx%d", *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
	}
	props, err := f.GetSheetProps("职权目录")
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet props fit to page not set (%v)", err)
	}
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == "职权目录" {
			titles = dn.RefersTo
		}
	}
	if titles != "职权目录!$1:$3" {
		t.Errorf("print titles = %q, want 职权目录!$1:$3", titles)
	}
	for _, tc := range []struct {
		name, cell string
		border     int
	}{
		{"first data row", "E4", 4},
		{"last styled row", "E53", 4},
		{"below styled rows", "E54", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, _ := f.GetCellStyle("职权目录", tc.cell)
			s, _ := f.GetStyle(id)
			if len(s.Border) != tc.border {
				t.Errorf("%s borders = %d, want %d", tc.cell, len(s.Border), tc.border)
			}
			if tc.border > 0 && !s.Alignment.WrapText {
				t.Errorf("%s does not wrap", tc.cell)
			}
		})
	}
}

func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		want  float64
	}{
		{"empty", "", 10, 1},
		{"fits", "高", 8, 1},
		{"wide characters count two", "一二三四五", 9, 2},
		{"ascii counts one", "abcdefghij", 11, 1},
		{"line breaks", "一\n二\n三", 20, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wrappedLines(tc.text, tc.width); got != tc.want {
				t.Errorf("wrappedLines(%q, %v) = %v, want %v", tc.text, tc.width, got, tc.want)
			}
		})
	}
}

func TestWriteTemplateRowHeights(t *testing.T) {
	for _, tc := range []struct {
		name  string
		merge bool
	}{
		{"blank continuation rows", false},
		{"merged powers", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := openTemplate(t, TemplateOptions{Rows: fillRows(), MergePowers: tc.merge})
			total := 0.0
			for row := 4; row <= 6; row++ {
				h, err := f.GetRowHeight("职权目录", row)
				if err != nil || h < minDataHeight {
					t.Errorf("row %d height %v (%v)", row, h, err)
				}
				total += h
			}
			// The basis of power 1 needs two lines of column E.
			if need := 2*dataLineHeight + 4; total < need {
				t.Errorf("rows 4-6 are %v points high, the merged basis needs %v", total, need)
			}
		})
	}
}
