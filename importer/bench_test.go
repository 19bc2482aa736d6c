package importer

import (
	"fmt"
	"testing"
)

// bigBook is a 200-row catalogue: 100 powers of two risk rows each.
func bigBook(tb testing.TB) []byte {
	rows := [][]any{titleRow, infoRow, header16}
	for i := 1; i <= 100; i++ {
		rows = append(rows,
			row16(i, "单位职权", "外部职权", fmt.Sprintf("第%d项物资采购审批", i), "《中小学财务制度》第十八条", "总务处、财务室", "", "面向社会", "网站、公告", srcA, pointA, harmA, "高", "采购实行三人以上询价并公示结果", "校长", ""),
			row16(nil, "", "", "", "", "", "", "", "", "因验收人员责任心不强", fmt.Sprintf("第%d批物资入库验收走过场", i), "造成国有资产流失", "中", "两人以上共同验收签字", "总务主任", ""))
	}
	return book{sheets: []bookSheet{{name: "职权目录", rows: rows}}}.build(tb)
}

func BenchmarkParse(b *testing.B) {
	data := bigBook(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, _ := Parse("bench.xlsx", data, DefaultOptions())
		if len(s.Powers) != 100 {
			b.Fatalf("powers = %d", len(s.Powers))
		}
	}
}
