package checks

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// The six examples of the seed, verbatim (因果关系法 例1–3, 行为表现法 例1–3).
const (
	seedCause1 = "因放松政治理论学习和党性锻炼(风险源),导致理想信念动摇、思想道德滑坡(风险点),工作中出现以权谋私、侵害企业利益现象(危害性)。"
	seedCause2 = "因受人情干扰或收受贿赂(风险源),在物资采购中把关不严,造成采购物资价格偏高、质量低劣(风险点),给企业造成经济损失、带来安全隐患(危害性)"
	seedCause3 = "由于财经制度不完善和法规意识淡薄(风险源),财务管理不规范,尤其大额度资金使用审批不能科学民主决策(风险点),造成决策失误,资金使用不正确、不合理,给企业造成经济损失(危害性)。"
	seedAct1   = "放松政治理论学习和主观世界改造(风险源),工作不思进取、得过且过,甚至以权谋私(风险点),损害学校利益(危害性)。"
	seedAct2   = "自我要求不严(风险源),违反廉洁自律规定,在公务活动中接受礼品、馈赠(风险点),做出有损企业利益的事情(危害性)。"
	seedAct3   = "某某制度制定时间较长,不符合当前变化了的实际情况(风险源),可操作性不强,贯彻执行难度大,可能带来管理上的漏洞(风险点),导致违规违纪现象发生(危害性)。"
)

func TestSplitSeedExamples(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Parts
	}{
		{"因果关系法例1", seedCause1, Parts{
			Source: "因放松政治理论学习和党性锻炼",
			Point:  "导致理想信念动摇、思想道德滑坡",
			Harm:   "工作中出现以权谋私、侵害企业利益现象"}},
		{"因果关系法例2", seedCause2, Parts{
			Source: "因受人情干扰或收受贿赂",
			Point:  "在物资采购中把关不严,造成采购物资价格偏高、质量低劣",
			Harm:   "给企业造成经济损失、带来安全隐患"}},
		{"因果关系法例3", seedCause3, Parts{
			Source: "由于财经制度不完善和法规意识淡薄",
			Point:  "财务管理不规范,尤其大额度资金使用审批不能科学民主决策",
			Harm:   "造成决策失误,资金使用不正确、不合理,给企业造成经济损失"}},
		{"行为表现法例1", seedAct1, Parts{
			Source: "放松政治理论学习和主观世界改造",
			Point:  "工作不思进取、得过且过,甚至以权谋私",
			Harm:   "损害学校利益"}},
		{"行为表现法例2", seedAct2, Parts{
			Source: "自我要求不严",
			Point:  "违反廉洁自律规定,在公务活动中接受礼品、馈赠",
			Harm:   "做出有损企业利益的事情"}},
		{"行为表现法例3", seedAct3, Parts{
			Source: "某某制度制定时间较长,不符合当前变化了的实际情况",
			Point:  "可操作性不强,贯彻执行难度大,可能带来管理上的漏洞",
			Harm:   "导致违规违纪现象发生"}},
		{"全角括号", "因受人情干扰（风险源），在招生中违规录取（风险点），损害教育公平（危害性）。", Parts{
			Source: "因受人情干扰", Point: "在招生中违规录取", Harm: "损害教育公平"}},
		{"括号内有空格", "因制度不健全( 风险源 ),报销审核把关不严(风险点),造成资金流失(危害性)", Parts{
			Source: "因制度不健全", Point: "报销审核把关不严", Harm: "造成资金流失"}},
		{"危害性未加标签", "因受人情干扰(风险源),评优评先暗箱操作(风险点),挫伤教师积极性", Parts{
			Source: "因受人情干扰", Point: "评优评先暗箱操作", Harm: "挫伤教师积极性"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Split(tc.in)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if got != tc.want {
				t.Errorf("Split =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestSplitLeadingLabels(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Parts
	}{
		{"冒号", "风险源:食堂采购制度不健全;风险点:采购员虚报价格、以次充好;危害性:损害师生利益,造成经费流失。", Parts{
			Source: "食堂采购制度不健全", Point: "采购员虚报价格、以次充好", Harm: "损害师生利益,造成经费流失"}},
		{"全角冒号换行", "风险源：监督机制不健全\n风险点：收取学生费用不开票据\n危害性：造成乱收费，损害学校形象", Parts{
			Source: "监督机制不健全", Point: "收取学生费用不开票据", Harm: "造成乱收费，损害学校形象"}},
		{"括号前置", "(风险源)因受利益驱动,(风险点)在教辅资料征订中收受回扣,(危害性)加重学生负担。", Parts{
			Source: "因受利益驱动", Point: "在教辅资料征订中收受回扣", Harm: "加重学生负担"}},
		{"顺序不同", "风险点:违规发放补助;风险源:审核不严;危害性:造成资金损失", Parts{
			Source: "审核不严", Point: "违规发放补助", Harm: "造成资金损失"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Split(tc.in)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if got != tc.want {
				t.Errorf("Split =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestSplitCauseEffect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Parts
	}{
		{"因果例2去标签", "因受人情干扰或收受贿赂,在物资采购中把关不严,给学校造成经济损失、带来安全隐患", Parts{
			Source: "因受人情干扰或收受贿赂", Point: "在物资采购中把关不严", Harm: "给学校造成经济损失、带来安全隐患"}},
		{"由于", "由于财务制度执行不严,报销审核流于形式,导致公款私用。", Parts{
			Source: "由于财务制度执行不严", Point: "报销审核流于形式", Harm: "导致公款私用"}},
		{"受", "受亲友请托;违规为不符合条件的学生办理转学;损害教育公平", Parts{
			Source: "受亲友请托", Point: "违规为不符合条件的学生办理转学", Harm: "损害教育公平"}},
		{"因为与全角逗号", "因为验收人员不懂专业，验收走过场，接收不合格工程，造成安全隐患和资金浪费。", Parts{
			Source: "因为验收人员不懂专业", Point: "验收走过场，接收不合格工程", Harm: "造成安全隐患和资金浪费"}},
		{"原因前有背景", "在职称评审中,因受人情干扰,不按条件量化打分,影响评审公正", Parts{
			Source: "在职称评审中,因受人情干扰", Point: "不按条件量化打分", Harm: "影响评审公正"}},
		{"原因连着结果", "因受人情干扰导致评优把关不严,挫伤教师积极性,影响学校声誉", Parts{
			Source: "因受人情干扰", Point: "导致评优把关不严,挫伤教师积极性", Harm: "影响学校声誉"}},
		{"危害后还有分句", "因监督缺失,食堂采购虚报价格,造成经费流失,群众反映强烈。", Parts{
			Source: "因监督缺失", Point: "食堂采购虚报价格", Harm: "造成经费流失,群众反映强烈"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Split(tc.in)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if got != tc.want {
				t.Errorf("Split =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestSplitMissing(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Part
	}{
		{"空", "", []Part{PartSource, PartPoint, PartHarm}},
		{"只有套话", "存在廉政风险", []Part{PartSource, PartHarm}},
		{"无原因", "审核把关不严,造成资金损失", []Part{PartSource}},
		{"无危害", "因人情干扰,违规招收学生", []Part{PartHarm}},
		{"无风险点", "因制度不健全,造成经济损失", []Part{PartPoint}},
		{"标签缺危害性", "因受人情干扰(风险源),违规减免学生费用(风险点)。", []Part{PartHarm}},
		{"冒号缺风险源", "风险点:违规发放补助;危害性:造成资金损失", []Part{PartSource}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Split(tc.in)
			var se *SplitError
			if !errors.As(err, &se) {
				t.Fatalf("Split(%q) error = %v, want *SplitError", tc.in, err)
			}
			if !reflect.DeepEqual(se.Missing, tc.want) {
				t.Errorf("Missing = %v, want %v", se.Missing, tc.want)
			}
			for _, p := range tc.want {
				if !strings.Contains(se.Error(), p.String()) {
					t.Errorf("error %q does not name %s", se.Error(), p)
				}
			}
		})
	}
}
