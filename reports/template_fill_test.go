package reports

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// fillRows is a two-power catalogue: the first power has three risk
// points, the second one, and one cell starts with "=".
func fillRows() []CatalogueRow {
	return []CatalogueRow{
		{importer.KeySeq: "1", importer.KeyLevel: "单位职权", importer.KeyKind: "外部职权",
			importer.KeyName: "新生招生入学审核", importer.KeyBasis: "《中华人民共和国义务教育法》第十二条",
			importer.KeyDept: "教导处、办公室", importer.KeyScope: "面向社会", importer.KeyForm: "网站、公告",
			importer.KeySource: "因受人情干扰或收受贿赂", importer.KeyPoint: "在招生入学审核中放宽条件",
			importer.KeyHarm: "损害教育公平和学校声誉", importer.KeyGrade: "高",
			importer.KeyMeasures: "招生结果在学校网站公示七日", importer.KeyOwner: "校长"},
		{importer.KeySource: "由于审核制度不完善", importer.KeyPoint: "入学材料审查不严",
			importer.KeyHarm: "造成违规入学", importer.KeyGrade: "高", importer.KeyMeasures: "两人交叉审核材料并签字", importer.KeyOwner: "教导主任"},
		{importer.KeySource: "=自我要求不严", importer.KeyPoint: "接受家长宴请", importer.KeyHarm: "损害学校形象",
			importer.KeyGrade: "中", importer.KeyMeasures: "签订廉洁从教承诺书", importer.KeyOwner: "校长"},
		{importer.KeySeq: "2", importer.KeyLevel: "岗位职权", importer.KeyKind: "内部职权",
			importer.KeyName: "现金收支登记", importer.KeyPost: "出纳", importer.KeySeq + "x": "ignored",
			importer.KeyScope: "单位内部", importer.KeyForm: "文件", importer.KeySource: "因财经纪律意识淡薄",
			importer.KeyPoint: "坐支现金、公款私存", importer.KeyHarm: "造成资金损失", importer.KeyGrade: "高",
			importer.KeyMeasures: "现金日清月结,会计每月盘点", importer.KeyOwner: "出纳"},
	}
}

func TestWriteTemplateFilled(t *testing.T) {
	for _, tc := range []struct {
		name   string
		merge  bool
		merges []string // merges of the data rows
	}{
		{"continuation rows blank", false, nil},
		{"powers merged", true, []string{"A4:A6", "B4:B6", "C4:C6", "D4:D6", "E4:E6", "F4:F6", "G4:G6", "H4:H6", "I4:I6"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := fillRows()
			f := openTemplate(t, TemplateOptions{Rows: rows, MergePowers: tc.merge})
			power := rows[0]
			for r, row := range rows {
				if !IsContinuation(row) {
					power = row
				}
				for i, c := range templateColumns(nil) {
					want := row[c.Key]
					if tc.merge && isPowerKey(c.Key) {
						want = power[c.Key] // a merged cell reads as its range's value
					}
					cell := tplCell(i+1, 4+r)
					if got := cellValue(t, f, "职权目录", cell); got != want {
						t.Errorf("%s = %q, want %q", cell, got, want)
					}
				}
			}
			if typ, _ := f.GetCellType("职权目录", "A4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				t.Errorf("序号 A4 type = %v, want a number", typ)
			}
			if formula, _ := f.GetCellFormula("职权目录", "J6"); formula != "" {
				t.Errorf("J6 holds formula %q; text must stay text", formula)
			}
			all, _ := f.GetMergeCells("职权目录")
			var got []string
			for _, m := range all {
				if _, row, _ := excelize.CellNameToCoordinates(m.GetStartAxis()); row >= 4 {
					got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.merges) {
				t.Errorf("data merges = %v, want %v", got, tc.merges)
			}
		})
	}
}

func TestWriteTemplateColumns(t *testing.T) {
	f := openTemplate(t, TemplateOptions{
		Columns: []importer.Key{importer.KeySeq, importer.KeyName, "完成时限", importer.KeyStatement},
		Rows:    []CatalogueRow{{importer.KeySeq: "1", importer.KeyName: "经费报销审核", "完成时限": "每月", importer.KeyStatement: "因…(风险源)"}},
	})
	rows, _ := f.GetRows("职权目录")
	if want := []string{"序号", "职权名称", "完成时限", "廉政风险点"}; !slices.Equal(rows[2], want) {
		t.Errorf("headers = %v, want %v", rows[2], want)
	}
	if want := []string{"1", "经费报销审核", "每月", "因…(风险源)"}; !slices.Equal(rows[3], want) {
		t.Errorf("row 4 = %v, want %v", rows[3], want)
	}
	if got := cellValue(t, f, "职权目录", "A1"); got != "职权目录表" {
		t.Errorf("title = %q", got)
	}
}

func TestWriteTemplateDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  TemplateOptions
	}{
		{"blank", TemplateOptions{}},
		{"filled", TemplateOptions{Rows: fillRows(), MergePowers: true, Created: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := WriteTemplate(&a, tc.opt); err != nil {
				t.Fatal(err)
			}
			if err := WriteTemplate(&b, tc.opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("two writes with the same options differ")
			}
			f, err := excelize.OpenReader(&a)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			props, _ := f.GetDocProps()
			want := TemplateEpoch
			if !tc.opt.Created.IsZero() {
				want = tc.opt.Created
			}
			if props.Created != want.Format(time.RFC3339) || props.Modified != props.Created {
				t.Errorf("doc times = %s / %s, want %s", props.Created, props.Modified, want.Format(time.RFC3339))
			}
		})
	}
}
