package xls_test

import (
	"fmt"
	"log"
	"os"

	"lianfang/importer/internal/xls"
)

func ExampleRead() {
	data, err := os.ReadFile("testdata/libreoffice.xls")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(xls.Kind(data))
	wb, err := xls.Read(data, xls.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	sh := wb.Sheets[0]
	fmt.Println(sh.Name, sh.Rows[2][:2], sh.Rows[3][:2], sh.Merges[0])
	// Output:
	// xls
	// 职权目录 [序号 职权名称] [1 招生管理] {1 1 1 6}
}
