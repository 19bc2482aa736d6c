package xls

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The expectations below restate what testdata/make.sh writes into the
// source workbook; they are not copied from the reader's output.

// catalogueRows is sheet 职权目录: a merged title, unit info with a date
// (serial 45366 = 2024-03-15) and a boolean, headers, then six risk rows
// whose 序号 is =ROW()-3 and whose 说明 is ="第"&A4&"项".
var catalogueRows = [][]string{
	{"职权目录表"},
	{"填报单位", "城关小学", "填报日期", "45366", "已审核", "TRUE"},
	{"序号", "职权名称", "风险点", "风险等级", "分值", "说明"},
	{"1", "招生管理", "第一行\n第二行", "高", "1", "第1项"},
	{"2", "", "招生计划未公开", "中", "3.5", "第2项"},
	{"3", "", "擅自扩大招生范围", "", "100", "第3项"},
	{"4", "财务报销", "虚报冒领", "高", "0.25", "第4项"},
	{"5", "", "白条入账", "低", "98.6", "第5项"},
	{"6", "物资采购", "未按规定招标", "高", "-12", "第6项"},
}

// catalogueMerges are the title merge and the vertical merges.
var catalogueMerges = []Range{
	{Top: 1, Left: 1, Bottom: 1, Right: 6},
	{Top: 4, Left: 2, Bottom: 6, Right: 2},
	{Top: 5, Left: 4, Bottom: 6, Right: 4},
	{Top: 7, Left: 2, Bottom: 8, Right: 2},
}

// longTextRows is sheet 长文本: 300 distinct 40-character strings.
func longTextRows() [][]string {
	base := []rune("廉政风险防控工作领导小组办公室负责对职权目录进行初审并提出修改意见")
	thrice := []rune(strings.Repeat(string(base), 3))
	rows := make([][]string, 300)
	for i := 1; i <= 300; i++ {
		rows[i-1] = []string{fmt.Sprintf("第%03d条", i) + string(thrice[i%len(base):][:35])}
	}
	return rows
}

// notesRows is sheet Notes: numbers, formula errors and booleans, a false
// boolean, long ASCII and Chinese strings, and a lone cell at C12.
var notesRows = [][]string{
	{"1234567890"},
	{"0.1"},
	{"3.14159"},
	{"#DIV/0!"},
	{"#N/A"},
	{"TRUE"},
	{"FALSE"},
	{"plain ascii"},
	{strings.Repeat("abcdefghij", 1000)},
	{strings.Repeat("廉政风险防控", 1000)},
	nil,
	{"", "", "last"},
}

// smallSheets is testdata/small-*.xls: formulas, a boolean, a vertical
// merge and a hidden sheet.
var smallSheets = []Sheet{
	{
		Name:   "目录",
		Rows:   [][]string{{"序号", "名称", "备注"}, {"1", "招生管理", "第1项"}, {"2", "", "TRUE", "2.5"}},
		Merges: []Range{{Top: 2, Left: 2, Bottom: 3, Right: 2}},
	},
	{Name: "v", Hidden: true, Rows: [][]string{{"1"}}},
}

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestReadFixtures(t *testing.T) {
	want := []Sheet{
		{Name: "职权目录", Rows: catalogueRows, Merges: catalogueMerges},
		{Name: "长文本", Rows: longTextRows()},
		{Name: "隐藏", Hidden: true, Rows: [][]string{{"模板版本", "v2"}}},
		{Name: "Notes", Rows: notesRows},
	}
	for _, tc := range []struct {
		name, file string
		want       []Sheet
	}{
		{"libreoffice biff8", "libreoffice.xls", want},
		{"gnumeric biff8", "gnumeric.xls", want},
		{"gnumeric biff7 gbk", "gnumeric95.xls", want},
		{"small libreoffice", "small-libreoffice.xls", smallSheets},
		{"small gnumeric", "small-gnumeric.xls", smallSheets},
		{"rc4 with the default password", "encrypted-default.xls", smallSheets},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb, err := Read(readFixture(t, tc.file), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if len(wb.Sheets) != len(tc.want) {
				t.Fatalf("got %d sheets, want %d", len(wb.Sheets), len(tc.want))
			}
			for i, w := range tc.want {
				compareSheet(t, wb.Sheets[i], w)
			}
		})
	}
}

// compareSheet reports every difference between got and want; merges are
// compared as sets (producers write them in different orders).
func compareSheet(t *testing.T, got, want Sheet) {
	t.Helper()
	if got.Name != want.Name || got.Hidden != want.Hidden {
		t.Errorf("sheet %q hidden=%v, want %q hidden=%v", got.Name, got.Hidden, want.Name, want.Hidden)
	}
	if len(got.Rows) != len(want.Rows) {
		t.Errorf("sheet %q: %d rows, want %d", want.Name, len(got.Rows), len(want.Rows))
	}
	for i := range min(len(got.Rows), len(want.Rows)) {
		if !slices.Equal(got.Rows[i], want.Rows[i]) {
			t.Errorf("sheet %q row %d:\n got %q\nwant %q", want.Name, i+1, shorten(got.Rows[i]), shorten(want.Rows[i]))
		}
	}
	gm, wm := slices.Clone(got.Merges), slices.Clone(want.Merges)
	cmp := func(a, b Range) int {
		return cmpInts(a.Top-b.Top, a.Left-b.Left, a.Bottom-b.Bottom, a.Right-b.Right)
	}
	slices.SortFunc(gm, cmp)
	slices.SortFunc(wm, cmp)
	if !slices.Equal(gm, wm) {
		t.Errorf("sheet %q merges %v, want %v", want.Name, gm, wm)
	}
}

// shorten keeps failure messages readable for the 10,000-character cells.
func shorten(row []string) []string {
	out := make([]string, len(row))
	for i, s := range row {
		if r := []rune(s); len(r) > 30 {
			s = fmt.Sprintf("%s…(%d runes)", string(r[:30]), len(r))
		}
		out[i] = s
	}
	return out
}

// cmpInts returns the first non-zero difference.
func cmpInts(diffs ...int) int {
	for _, d := range diffs {
		if d != 0 {
			return d
		}
	}
	return 0
}
