package reports

import (
	"strings"
	"testing"
)

func TestInstructionsSheet(t *testing.T) {
	f := openTemplate(t, TemplateOptions{})
	rows, err := f.GetRows("填表说明")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "") + "\n")
	}
	all := text.String()
	for _, tc := range []struct{ name, want string }{
		{"naming four points", "一是主要根据权力依据的表述,如法律法规、政策文件规定规范名称。二是要反映出权力的核心内容。三是名称要尽量简练概括。四是要体现权力的性质。如审核、审定、审批、决定等。"},
		{"one power several offices", "同一职权由两个以上处科室承担的,只列一项权力,可以在承办科室栏将相关处、科、室都填写上"},
		{"education basis", "教育机关主要依据宪法、教育法、义务教育法、教师法、机关“三定”方案"},
		{"party basis", "党的机关主要依据党章"},
		{"basis title and article", "用书名号《》)和具体条款"},
		{"external public", "外部权力要全部面向社会公开,面向社会公开的形式,主要以网站、公告为主"},
		{"internal forms", "内部公开的采取内部网络、文件等形式"},
		{"no secrecy excuse", "以保密为由,将应该公开的权力不公开"},
		{"reasons", "国家秘密、工作秘密、商业秘密或个人隐私"},
		{"levels", "“单位职权”、“内设部门职权”、“岗位职权”"},
		{"直属学校 posts", "直属学校:校长、副校长、书记、中层干部(含年级主任)、管理会计、出纳、食堂负责人。"},
		{"教管中心 posts", "教管中心:主任、教研员、成教专干、管理会计。"},
		{"school posts", "初中、小学、幼儿园:校长(园长)、副校长(副园长)、书记、中层干部、食堂负责人、管理会计、出纳。"},
		{"三重一大 after external", "清理后填在职权目录表外部职权的后面"},
		{"three parts", "每个风险点的表述由风险源、风险点、危害性三个要素组成"},
		{"specific", "风险点表述必须准确、具体,不能太简单、太笼统"},
		{"three avoids", "一要避免虚拟化,二要避免扩大化,三要避免形式化"},
		{"grade high", "特别是“三重一大”事项"},
		{"grade medium", "中:一般的审批、确认、检查、考核、评优等职权"},
		{"grade low", "低:对人、财、物支配权力较小的岗位职权"},
		{"merge or blank", "可以向下合并单元格,也可以在后面各行留空"},
		{"numbered items", "要用“1.”“2.”“3.”编号分开"},
		{"因果关系法 例1", "例1:因放松政治理论学习和党性锻炼(风险源),导致理想信念动摇、思想道德滑坡(风险点),工作中出现以权谋私、侵害企业利益现象(危害性)。"},
		{"因果关系法 例3", "例3:由于财经制度不完善和法规意识淡薄(风险源)"},
		{"行为表现法 例2", "例2:自我要求不严(风险源),违反廉洁自律规定,在公务活动中接受礼品、馈赠(风险点),做出有损企业利益的事情(危害性)。"},
		{"行为表现法 例3", "例3:某某制度制定时间较长,不符合当前变化了的实际情况(风险源)"},
		{"column hint", "职权名称:根据依据的表述"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(all, tc.want) {
				t.Errorf("填表说明 lacks %q", tc.want)
			}
		})
	}
	if got := rows[0][0]; got != "职权目录表填表说明" {
		t.Errorf("A1 = %q", got)
	}
	if w, _ := f.GetColWidth("填表说明", "A"); w < 60 {
		t.Errorf("column A width %v is too narrow", w)
	}
	for i, r := range rows {
		if len(r) == 0 || !strings.HasSuffix(r[0], "规范") && !strings.HasPrefix(r[0], "一、") {
			continue
		}
		id, _ := f.GetCellStyle("填表说明", tplCell(1, i+1))
		if s, _ := f.GetStyle(id); !s.Font.Bold {
			t.Errorf("heading %q is not bold", r[0])
		}
	}
}

func TestSeedExamplesAreThreePart(t *testing.T) {
	for i, e := range seedExamples {
		for _, label := range []string{"(风险源)", "(风险点)", "(危害性)"} {
			if strings.Count(e, label) != 1 {
				t.Errorf("example %d: %q appears %d times", i+1, label, strings.Count(e, label))
			}
		}
	}
}

func TestPromptLimits(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short", "序号", 32, "序号"},
		{"cut", "一二三四五", 3, "一二三"},
		{"astral counts two", "𠀀一二", 2, "𠀀"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cutRunes(tc.in, tc.n); got != tc.want {
				t.Errorf("cutRunes(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}
