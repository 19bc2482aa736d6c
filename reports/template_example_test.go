package reports_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
	"lianfang/reports"
)

func ExampleWriteTemplate() {
	var buf bytes.Buffer
	err := reports.WriteTemplate(&buf, reports.TemplateOptions{
		Unit: importer.UnitInfo{Name: "城关第一小学", Type: "小学"},
		Rows: []reports.CatalogueRow{{
			importer.KeySeq: "1", importer.KeyLevel: importer.LevelPost, importer.KeyKind: importer.KindInternal,
			importer.KeyName: "现金收支登记", importer.KeyPost: "出纳",
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenReader(&buf)
	defer f.Close()
	fmt.Println(f.GetSheetList())
	version, _ := f.GetCellValue(importer.ListSheet, "B1")
	unit, _ := f.GetCellValue(importer.CatalogueSheet, "C2")
	name, _ := f.GetCellValue(importer.CatalogueSheet, "D4")
	fmt.Println(version, unit, name)
	// Output:
	// [职权目录 填表说明 下拉列表]
	// lianfang-附件1-v1 城关第一小学 现金收支登记
}
