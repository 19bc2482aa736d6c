package reports

import (
	"fmt"
	"io"
	"testing"

	"lianfang/importer"
)

// benchRows is a filled catalogue of n risk rows, two per power.
func benchRows(n int) []CatalogueRow {
	rows := make([]CatalogueRow, n)
	for i := range rows {
		row := CatalogueRow{
			importer.KeySource: fmt.Sprintf("因受人情干扰或收受贿赂%d", i), importer.KeyPoint: "在物资采购中把关不严,造成采购物资价格偏高",
			importer.KeyHarm: "给学校造成经济损失", importer.KeyGrade: "高",
			importer.KeyMeasures: "实行三人以上询价比价,结果公示", importer.KeyOwner: "总务主任",
		}
		if i%2 == 0 {
			row[importer.KeySeq] = fmt.Sprint(i/2 + 1)
			row[importer.KeyLevel] = importer.LevelDept
			row[importer.KeyKind] = importer.KindInternal
			row[importer.KeyName] = fmt.Sprintf("物资采购审核%d", i)
			row[importer.KeyBasis] = "《中小学校财务制度》第二十条"
			row[importer.KeyDept] = "总务处"
			row[importer.KeyScope] = importer.ScopeInternal
			row[importer.KeyForm] = "校内公示栏"
		}
		rows[i] = row
	}
	return rows
}

func BenchmarkWriteTemplate(b *testing.B) {
	for _, bc := range []struct {
		name string
		opt  TemplateOptions
	}{
		{"blank", TemplateOptions{}},
		{"rows=200", TemplateOptions{Rows: benchRows(200)}},
		{"rows=200/merged", TemplateOptions{Rows: benchRows(200), MergePowers: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteTemplate(io.Discard, bc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
