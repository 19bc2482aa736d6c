package importer

import (
	"reflect"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadRoster(t *testing.T) {
	csvText := "单位代码,单位名称,单位类型,别名,联系人,联系电话,邮箱\n" +
		"500226001,城关第一小学,小学,城关一小、一小,李明,023-46712345,gc1x@example.edu.cn\n" +
		",县第一中学,直属学校,,,,\n" +
		",,,,,,\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(csvText)
	if err != nil {
		t.Fatal(err)
	}
	xlsx := book{sheets: []bookSheet{{name: "名册", rows: [][]any{{"县教委直属单位名册"}, {"学校名称", "类型", "代码", "简称", "邮箱"}, {"城关第一小学", "小学", "500226001", "城关一小、一小", "gc1x@example.edu.cn"}, {"县第一中学", "直属学校"}}}}}.build(t)
	want := []RosterUnit{
		{Code: "500226001", Name: "城关第一小学", Type: "小学", Aliases: []string{"城关一小", "一小"}, Contact: "李明", Phone: "023-46712345", Email: "gc1x@example.edu.cn"},
		{Code: "县第一中学", Name: "县第一中学", Type: "直属学校", Aliases: []string{}},
	}
	tests := []struct {
		name string
		file string
		data []byte
		want []RosterUnit
	}{
		{"utf-8 csv with BOM", "名册.csv", append([]byte("\xEF\xBB\xBF"), csvText...), want},
		{"gbk csv from Excel", "名册.csv", []byte(gbk), want},
		{"xlsx with a title row and other column names", "名册.xlsx", xlsx, []RosterUnit{
			{Code: "500226001", Name: "城关第一小学", Type: "小学", Aliases: []string{"城关一小", "一小"}, Email: "gc1x@example.edu.cn"},
			{Code: "县第一中学", Name: "县第一中学", Type: "直属学校", Aliases: []string{}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadRoster(tc.file, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
	if _, err := ReadRoster("x.csv", []byte("a,b\n1,2\n")); err == nil {
		t.Error("roster without 单位名称 accepted")
	}
}
