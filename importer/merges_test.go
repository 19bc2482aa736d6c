package importer

import (
	"reflect"
	"testing"
)

func TestScanMerges(t *testing.T) {
	tests := []struct {
		name string
		xml  string
		want []cellRange
	}{
		{"excel", `<worksheet><sheetData/><mergeCells count="2"><mergeCell ref="A1:P1"/><mergeCell ref="D4:D5"/></mergeCells></worksheet>`,
			[]cellRange{{1, 1, 1, 16}, {4, 4, 5, 4}}},
		{"prefixed and single quotes", `<x:worksheet><x:mergeCells><x:mergeCell ref='J3:L3'/></x:mergeCells></x:worksheet>`,
			[]cellRange{{3, 10, 3, 12}}},
		{"reversed corners", `<mergeCell ref="B5:A4"/>`, []cellRange{{4, 1, 5, 2}}},
		{"mergeCells without cells", `<mergeCells count="0"></mergeCells>`, nil},
		{"broken ref", `<mergeCell ref="A1"/><mergeCell ref="ZZZZ1:A2"/>`, nil},
		{"unterminated", `<mergeCell ref="A1:B2"`, nil},
		{"cell text that spells a merge", `<c r="A5" t="inlineStr"><is><t>mergeCell ref="B2:P9"></t></is></c><mergeCells><mergeCell ref="A1:B1"/></mergeCells>`,
			[]cellRange{{1, 1, 1, 2}}},
		{"shared string that spells a prefixed merge", `<t>x:mergeCell ref="B2:P9"/></t>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := scanMerges([]byte(tc.xml)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
