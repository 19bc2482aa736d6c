package importer

import (
	"reflect"
	"strings"
	"testing"
)

const (
	srcA   = "因受人情干扰或收受贿赂"
	pointA = "在物资采购中把关不严,采购物资价格偏高、质量低劣"
	harmA  = "给学校造成经济损失、带来安全隐患"
)

var (
	titleRow = []any{"职权目录表"}
	infoRow  = []any{"填报单位", "城关第一小学", "单位类型", "小学", "填报人", "李明", "联系电话", "023-46712345", "填报日期", 46346}
)

func mustParse(t *testing.T, name string, data []byte) *Submission {
	t.Helper()
	sub, err := Parse(name, data, DefaultOptions())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return sub
}

func TestParseTemplateLayout(t *testing.T) {
	data := book{sheets: []bookSheet{{name: "职权目录", rows: [][]any{
		titleRow, infoRow, header16,
		row16(1, "单位职权", "外部职权", "物资采购审批", "《中小学财务制度》第十八条", "总务处、财务室", "", "面向社会", "网站、公告", srcA, pointA, harmA, "高", "采购实行三人以上询价并公示结果", "校长", ""),
		row16(2, "岗位职权", "内部职权", "学生学籍变动审核", "《中小学生学籍管理办法》第十条", "教导处", "教导主任", "单位内部", "内部网络", "因工作责任心不强", "审核学籍材料把关不严", "造成学籍信息失真", "中", "学籍变动经两人复核后签字", "教导主任", ""),
	}}}}.build(t)
	sub := mustParse(t, "城关第一小学.xlsx", data)
	if len(sub.Problems) != 0 {
		t.Fatalf("problems: %v", sub.Problems)
	}
	wantUnit := UnitInfo{Name: "城关第一小学", Type: "小学", Reporter: "李明", Phone: "023-46712345", Date: "2026-11-20",
		From: "label", Ref: Ref{Sheet: "职权目录", Row: 2, Col: "B"}}
	if sub.Unit != wantUnit {
		t.Errorf("unit = %+v, want %+v", sub.Unit, wantUnit)
	}
	if sub.Format != "xlsx" || len(sub.SHA256) != 64 || sub.Size != len(data) {
		t.Errorf("format/sha/size = %q %q %d", sub.Format, sub.SHA256, sub.Size)
	}
	if len(sub.Powers) != 2 {
		t.Fatalf("powers = %d, want 2", len(sub.Powers))
	}
	p := sub.Powers[0]
	want := Power{Seq: "1", Level: LevelUnit, Kind: KindExternal, Name: "物资采购审批", Basis: "《中小学财务制度》第十八条",
		Dept: "总务处、财务室", Depts: []string{"总务处", "财务室"}, Scope: ScopePublic, Form: "网站、公告", Forms: []string{"网站", "公告"},
		Ref: Ref{Sheet: "职权目录", Row: 4}, Rows: []int{4},
		Raw: map[Key]string{KeyLevel: "单位职权", KeyKind: "外部职权", KeyScope: "面向社会"},
		Risks: []Risk{{Source: srcA, Point: pointA, Harm: harmA, Grade: "高", RawGrade: "高", Measures: "采购实行三人以上询价并公示结果", Owner: "校长",
			Ref: Ref{Sheet: "职权目录", Row: 4}}}}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("power 1 =\n%+v\nwant\n%+v", p, want)
	}
	sh := sub.SheetByName("职权目录")
	if !sh.Catalogue || sh.HeaderRow != 3 || sh.Columns[KeyName] != "D" || sh.Columns[KeyOwner] != "O" || sh.DataRows != 2 {
		t.Errorf("sheet = %+v", sh)
	}
	if got := sh.Cell(5, KeyPoint); got != (Ref{Sheet: "职权目录", Row: 5, Col: "K"}) {
		t.Errorf("Cell = %v", got)
	}
	if sub.Powers[1].Post != "教导主任" || sub.Powers[1].Risks[0].Grade != "中" {
		t.Errorf("power 2 = %+v", sub.Powers[1])
	}
}

func TestParseTolerances(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		book  book
		check func(t *testing.T, s *Submission)
	}{
		{
			name: "header below notes, aliases, messy text, columns reordered, extra and hidden column",
			file: "a.xlsx",
			book: book{sheets: []bookSheet{{name: "Sheet1", hideCols: []string{"C"}, hideRows: []int{9}, rows: [][]any{
				{"城关中学职权目录表"},
				{"填报单位:城关中学    填报人:王芳"},
				{"说明:本表按县纪委要求填写,每个风险点一行。"},
				{},
				{},
				{},
				{"权力名称*", "序 号", "实施\n依据", "职权层级", "职权类别", "承办处室", "行使岗位", "公开对象", "公开 形式", "风险源", "风险点", "危害", "风险等级＊", "防范措施", "防控责任人", "联系人"},
				{"学生学籍变动审核", "'1", "《中小学生学籍管理办法》第十条", "单位", "外部", "教导处", "", "社会公开", "网站", srcA, pointA, harmA, "高风险", "双人复核", "校长", "张三"},
				{" 教师职称评聘推荐\n", "２", "《中华人民共和国教师法》第二十二条", "部门", "内部", "办公室", "", "校内公开", "文件", srcA, pointA, harmA, "B", "公开评分", "书记", ""},
			}}}},
			check: func(t *testing.T, s *Submission) {
				sh := &s.Sheets[0]
				if sh.HeaderRow != 7 || sh.Columns[KeyName] != "A" || sh.Columns[KeySeq] != "B" || sh.Columns[KeyBasis] != "C" {
					t.Errorf("header %d %v", sh.HeaderRow, sh.Columns)
				}
				if len(sh.Extra) != 1 || sh.Extra[0] != (ExtraColumn{Col: "P", Header: "联系人"}) {
					t.Errorf("extra = %v", sh.Extra)
				}
				if s.Unit.Name != "城关中学" || s.Unit.Reporter != "王芳" || s.Unit.From != "cell" {
					t.Errorf("unit = %+v", s.Unit)
				}
				if len(s.Powers) != 2 {
					t.Fatalf("powers = %d", len(s.Powers))
				}
				p0, p1 := s.Powers[0], s.Powers[1]
				if p0.Seq != "1" || p1.Seq != "2" || p1.Name != "教师职称评聘推荐" {
					t.Errorf("seq/name = %q %q %q", p0.Seq, p1.Seq, p1.Name)
				}
				if p0.Level != LevelUnit || p0.Kind != KindExternal || p0.Scope != ScopePublic || p0.Risks[0].Grade != GradeHigh {
					t.Errorf("aliases p0 = %+v", p0)
				}
				if p1.Level != LevelDept || p1.Scope != ScopeInternal || p1.Risks[0].Grade != GradeMedium || p1.Risks[0].RawGrade != "B" {
					t.Errorf("aliases p1 = %+v", p1)
				}
				if p0.Extra["联系人"] != "张三" || p1.Extra != nil {
					t.Errorf("extra values = %v %v", p0.Extra, p1.Extra)
				}
			},
		},
		{
			name: "merged power cells over two risk rows and a continuation row",
			file: "b.xlsx",
			book: book{sheets: []bookSheet{{name: "职权目录", merges: [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}, {"E4", "E5"}, {"M4", "M5"}, {"N4", "N5"}}, rows: [][]any{
				titleRow, infoRow, header16,
				row16(1, "单位职权", "外部职权", "物资采购审批", "《中小学财务制度》第十八条", "总务处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "三人询价并公示", "校长", ""),
				row16(nil, "", "", "", "", "总务处", "", "面向社会", "网站", "因验收人员责任心不强", "物资入库验收走过场", "造成国有资产流失", "", "", "总务主任", ""),
				row16(2, "单位职权", "外部职权", "学生资助对象认定", "《学生资助资金管理办法》第八条", "德育处", "", "面向社会", "公示栏", "因优亲厚友", "资助对象认定不公", "损害学生合法权益", "中", "评定结果公示五天", "德育主任", ""),
				row16(nil, "", "", "", "", "", "", "", "", "因档案管理不规范", "资助资料缺失", "影响资助资金监管", "低", "资料专人归档", "德育主任", ""),
			}}}},
			check: func(t *testing.T, s *Submission) {
				if len(s.Powers) != 2 {
					t.Fatalf("powers = %d", len(s.Powers))
				}
				p := s.Powers[0]
				if !reflect.DeepEqual(p.Rows, []int{4, 5}) || len(p.Risks) != 2 {
					t.Fatalf("power 1 rows %v risks %d", p.Rows, len(p.Risks))
				}
				r2 := p.Risks[1]
				if r2.Grade != "高" || r2.Measures != "三人询价并公示" || r2.Owner != "总务主任" || r2.Ref.Row != 5 || r2.Source != "因验收人员责任心不强" {
					t.Errorf("merged risk = %+v", r2)
				}
				q := s.Powers[1]
				if !reflect.DeepEqual(q.Rows, []int{6, 7}) || len(q.Risks) != 2 || q.Risks[1].Grade != "低" || q.Risks[1].Ref.Row != 7 {
					t.Errorf("continuation = %+v", q)
				}
			},
		},
		{
			name: "numbered items in one cell, grade numbered the same way",
			file: "c.xlsx",
			book: book{sheets: []bookSheet{{name: "职权目录", rows: [][]any{
				titleRow, infoRow,
				{"序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "公开范围", "公开形式", "廉政风险点", "风险等级", "防控措施", "责任人"},
				{1, "单位职权", "外部职权", "物资采购审批", "《中小学财务制度》第十八条", "总务处", "面向社会", "网站",
					"1.因受人情干扰或收受贿赂(风险源),在物资采购中把关不严(风险点),给学校造成经济损失(危害性);\n2.因制度不完善(风险源),采购程序不规范(风险点),造成资金浪费(危害性)。",
					"1.高;2.中", "实行询价采购并公示结果", "校长"},
			}}}},
			check: func(t *testing.T, s *Submission) {
				rs := s.Powers[0].Risks
				if len(rs) != 2 {
					t.Fatalf("risks = %d", len(rs))
				}
				if rs[0].Statement != "因受人情干扰或收受贿赂(风险源),在物资采购中把关不严(风险点),给学校造成经济损失(危害性)" || rs[0].Item != 1 || rs[0].Grade != "高" {
					t.Errorf("item 1 = %+v", rs[0])
				}
				if rs[1].Statement != "因制度不完善(风险源),采购程序不规范(风险点),造成资金浪费(危害性)。" || rs[1].Item != 2 || rs[1].Grade != "中" || rs[1].Measures != "实行询价采购并公示结果" {
					t.Errorf("item 2 = %+v", rs[1])
				}
			},
		},
		{
			name: "two-row header with 廉政风险点 over three columns, column-number row, unit from file name",
			file: "收件/附件1:城关幼儿园职权目录表(修改稿).xlsx",
			book: book{sheets: []bookSheet{{name: "Sheet1", merges: [][2]string{{"J1", "L1"}, {"A1", "A2"}}, rows: [][]any{
				{"序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "行使岗位", "公开范围", "公开形式", "廉政风险点", nil, nil, "风险等级", "防控措施", "责任人"},
				{nil, nil, nil, nil, nil, nil, nil, nil, nil, "风险源", "风险点", "危害性"},
				{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
				row16("1", "单位职权", "外部职权", "幼儿入园审核", "《幼儿园工作规程》第十二条", "园务办", "", "面向社会", "公告", srcA, pointA, harmA, "中", "入园名单公示", "园长", "")[:15],
			}}}},
			check: func(t *testing.T, s *Submission) {
				sh := &s.Sheets[0]
				if sh.HeaderRow != 2 || sh.Columns[KeySource] != "J" || sh.Columns[KeyHarm] != "L" || sh.Columns[KeyStatement] != "" {
					t.Errorf("header %d %v", sh.HeaderRow, sh.Columns)
				}
				if len(s.Powers) != 1 || s.Powers[0].Ref.Row != 4 || s.Powers[0].Risks[0].Harm != harmA {
					t.Fatalf("powers = %+v", s.Powers)
				}
				if s.Unit.Name != "城关幼儿园" || s.Unit.From != "filename" {
					t.Errorf("unit = %+v", s.Unit)
				}
			},
		},
		{
			name: "填报信息 sheet and two catalogue sheets, formula 序号",
			file: "d.xlsx",
			book: book{sheets: []bookSheet{
				{name: "外部职权", rows: [][]any{header16,
					row16(formula("ROW()-1"), "单位职权", "外部职权", "招生入学审核", "《中华人民共和国义务教育法》第十二条", "教导处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "招生结果网上公示", "校长", "")}},
				{name: "内部职权", rows: [][]any{header16,
					row16(2, "单位职权", "内部职权", "学校重大决策事项审定", "《中国共产党章程》第三十三条", "校长办公室", "", "单位内部", "会议", srcA, pointA, harmA, "高", "重大事项集体研究决定", "书记", "")}},
				{name: "填报信息", rows: [][]any{{"填报单位", "单位类型", "填报人", "联系电话", "填报日期"}, {"城南小学", "完全小学", "赵六", "023-1", "2026年11月20日"}}},
			}},
			check: func(t *testing.T, s *Submission) {
				if len(s.Powers) != 2 || s.Powers[0].Ref.Sheet != "外部职权" || s.Powers[1].Ref.Sheet != "内部职权" {
					t.Fatalf("powers = %+v", s.Powers)
				}
				if s.Unit.Name != "城南小学" || s.Unit.Type != "小学" || s.Unit.Date != "2026-11-20" || s.Unit.From != "sheet" {
					t.Errorf("unit = %+v", s.Unit)
				}
			},
		},
		{
			name: "hidden list sheet carries the template version; notes under the table are not powers",
			file: "e.xlsx",
			book: book{sheets: []bookSheet{
				{name: "职权目录", rows: [][]any{titleRow, infoRow, header16,
					row16(1, "单位职权", "外部职权", "招生入学审核", "《中华人民共和国义务教育法》第十二条", "教导处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "招生结果网上公示", "校长", ""),
					{},
					{"注:本表一式两份,报县教委监察室。"}}},
				{name: ListSheet, hidden: true, rows: [][]any{{VersionLabel, TemplateVersion}}},
			}},
			check: func(t *testing.T, s *Submission) {
				if s.TemplateVersion != TemplateVersion {
					t.Errorf("version = %q", s.TemplateVersion)
				}
				if len(s.Powers) != 1 || s.Sheets[0].DataRows != 1 {
					t.Errorf("powers = %d rows = %d", len(s.Powers), s.Sheets[0].DataRows)
				}
				if s.Sheets[1].Hidden != true || s.Sheets[1].Catalogue {
					t.Errorf("list sheet = %+v", s.Sheets[1])
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := mustParse(t, tc.file, tc.book.build(t))
			if len(s.Problems) != 0 {
				t.Fatalf("problems: %v", s.Problems)
			}
			tc.check(t, s)
		})
	}
}

func TestParseKeepsEveryCell(t *testing.T) {
	data := book{sheets: []bookSheet{{name: "职权目录", rows: [][]any{titleRow, infoRow, header16,
		row16(1, "单位职权", "外部职权", "招生入学审核", "《中华人民共和国义务教育法》第十二条", "教导处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "招生结果网上公示", "校长", "=1+1 原样保留")}}}}.build(t)
	s := mustParse(t, "f.xlsx", data)
	rows := s.Sheets[0].Rows
	if len(rows) != 4 || rows[1][1] != "城关第一小学" || rows[3][15] != "=1+1 原样保留" || rows[1][9] != "46346" {
		t.Errorf("rows = %q", rows)
	}
	if strings.Join(rows[2], "|") != "序号|职权层级|职权类别|职权名称|职权依据|承办科室|行使岗位|公开范围|公开形式|风险源|风险点|危害性|风险等级|防控措施|责任人|备注" {
		t.Errorf("header row = %q", rows[2])
	}
}
