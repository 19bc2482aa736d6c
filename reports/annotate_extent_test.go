package reports

import "testing"

func TestXMLExtent(t *testing.T) {
	for _, tc := range []struct {
		name     string
		xml      string
		col, row int
	}{
		{"empty", `<worksheet><sheetData/></worksheet>`, 0, 0},
		{"references", `<worksheet><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` +
			`<row r="12" spans="1:4"><c r="D12" t="s"><v>0</v></c></row></sheetData></worksheet>`, 4, 12},
		{"prefixed", `<x:worksheet><x:sheetData><x:row r="3"><x:c r="AA3"/></x:row></x:sheetData></x:worksheet>`, 27, 3},
		{"no references", `<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c/></row></sheetData>`, 2, 2},
		{"single quotes and spaces", `<sheetData><row r = '5'><c s='1' r='C5'/></row></sheetData>`, 3, 5},
		{"other r-like attributes", `<sheetData><row rr="9" r="2"><c rs="7" r="B2"/></row></sheetData>`, 2, 2},
		{"text with lt", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;row r="99"&gt;</t></is></c></row></sheetData>`, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			col, row := xmlExtent([]byte(tc.xml))
			if col != tc.col || row != tc.row {
				t.Errorf("xmlExtent = (%d, %d), want (%d, %d)", col, row, tc.col, tc.row)
			}
		})
	}
}
