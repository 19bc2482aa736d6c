package importer

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// book describes a workbook to build in a test: sheets of rows of text,
// merged ranges and hidden sheets.
type book struct {
	sheets []bookSheet
}

type bookSheet struct {
	name     string
	rows     [][]any
	merges   [][2]string
	hidden   bool
	hideRows []int
	hideCols []string
}

// build writes b with excelize and returns the .xlsx bytes.
func (b book) build(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				var err error
				if fv, ok := v.(formula); ok {
					err = f.SetCellFormula(s.name, cell, string(fv))
				} else {
					err = f.SetCellValue(s.name, cell, v)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range s.hideRows {
			_ = f.SetRowVisible(s.name, r, false)
		}
		for _, c := range s.hideCols {
			_ = f.SetColVisible(s.name, c, false)
		}
	}
	for _, s := range b.sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type formula string

// header16 is the template's header row.
var header16 = []any{"序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "行使岗位", "公开范围", "公开形式", "风险源", "风险点", "危害性", "风险等级", "防控措施", "责任人", "备注"}

// row16 builds a data row in template column order.
func row16(seq any, level, kind, name, basis, dept, post, scope, form, src, point, harm, grade, measures, owner, note string) []any {
	return []any{seq, level, kind, name, basis, dept, post, scope, form, src, point, harm, grade, measures, owner, note}
}
