package reports

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSetTextStaysText writes values that a spreadsheet could take for a
// number or a formula and reads them back as the same text. (Text of the
// form _xHHHH_ is not round-tripped by excelize whichever setter is used,
// so it is not tested here.)
func TestSetTextStaysText(t *testing.T) {
	values := []string{"2024", "002", " 12 ", "1e5", "inf", "NaN", "0x1p-2", "1_000", "=SUM(A1:A3)", "+1", "-1",
		"@cmd", "  前后空格  ", "a<b>&c", "第 3 行\n换行", ""}
	f := excelize.NewFile()
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := setText(f, "Sheet1", cell, v); err != nil {
			t.Fatalf("setText(%q): %v", v, err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	g := openBook(t, buf.Bytes())
	for i, v := range values {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		got, _ := g.GetCellValue("Sheet1", cell)
		typ, _ := g.GetCellType("Sheet1", cell)
		fm, _ := g.GetCellFormula("Sheet1", cell)
		if got != v || fm != "" || (v != "" && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%q read back as %q (type %v, formula %q)", v, got, typ, fm)
		}
	}
	assertNoFormula(t, g, buf.Bytes())
}
