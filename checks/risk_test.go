package checks

import (
	"testing"

	"lianfang/importer"
)

// riskOf changes the tail power's first risk point.
func riskOf(mod func(r *rk)) func(*pw) {
	return func(p *pw) { mod(&p.risks[0]) }
}

// repeated appends n powers that all carry the same risk point.
func repeated(n int) func() *importer.Submission {
	return func() *importer.Submission {
		b := newBuilder(threeColLayout).addAll(cleanPowers()...)
		names := []string{"教师请假审批", "教师外出学习审批", "教室借用审批", "校车使用审批"}
		for i := 0; i < n; i++ {
			p := goodTail()
			p.name = names[i]
			p.risks[0] = risk3("因制度不健全", "审批把关不严,存在优亲厚友现象", "影响学校正常秩序", "中", "按程序逐级审批并登记,结果在教职工会议通报", "办公室主任")
			b.add(p)
		}
		return b.sub
	}
}

// allGrades sets every risk point of the clean catalogue to grade g.
func allGrades(g string) func() *importer.Submission {
	return func() *importer.Submission {
		ps := cleanPowers()
		for i := range ps {
			for j := range ps[i].risks {
				ps[i].risks[j].grade = g
			}
		}
		return newBuilder(threeColLayout).addAll(ps...).sub
	}
}

// numberedItems gives the tail power two numbered items on one row sharing
// an empty grade and owner.
func numberedItems() *importer.Submission {
	p := goodTail()
	p.risks = []rk{
		{source: "因碍于情面", point: "对不符合条件的请假予以批准", harm: "影响正常教学秩序", measures: "请假按程序逐级审批并登记备案", item: 1},
		{source: "因监督缺失", point: "请假期满不按时销假", harm: "影响正常教学秩序", measures: "请假按程序逐级审批并登记备案", item: 2, sameRow: true},
	}
	return newBuilder(threeColLayout).addAll(cleanPowers()...).addAll(p).sub
}

func TestRiskRules(t *testing.T) {
	row := tailRow
	runRuleCases(t, []ruleCase{
		{name: "没有风险点", rule: "R01", sub: tail(func(p *pw) { p.risks = nil }),
			want: []expect{at(Error, row, "K", `"教师请假审批"`)}},
		{name: "风险列全空", rule: "R01", sub: tail(riskOf(func(r *rk) { *r = rk{grade: "中"} })),
			want: []expect{at(Error, row, "K", "查不到风险")}},
		{name: "一列版式", rule: "R01", sub: tailOne(""),
			want: []expect{at(Error, row, "J", "没有填写廉政风险点")}},
		{name: "近似:有一个风险点", rule: "R01", sub: tail(func(*pw) {})},

		{name: "缺风险源", rule: "R02", sub: tail(riskOf(func(r *rk) { r.source = "" })),
			want: []expect{at(Error, row, "J", "“风险源”")}},
		{name: "缺危害性", rule: "R02", sub: tail(riskOf(func(r *rk) { r.harm = "" })),
			want: []expect{at(Error, row, "L", `"对不符合条件的请假予以批准"`)}},
		{name: "一列缺风险源", rule: "R02", sub: tailOne("审核把关不严,造成资金损失"),
			want: []expect{at(Error, row, "J", `"审核把关不严,造成资金损失"缺少“风险源”`)}},
		{name: "一列只有一句", rule: "R02", sub: tailOne("存在廉政风险"),
			want: []expect{at(Error, row, "J", "“风险源”、“危害性”")}},
		{name: "近似:种子例句", rule: "R02", sub: tailOne(seedCause2)},
		{name: "近似:因果关系无标签", rule: "R02", sub: tailOne("因碍于情面,对不符合条件的请假予以批准,影响正常教学秩序。")},

		{name: "风险点太简单", rule: "R03", sub: tail(riskOf(func(r *rk) { r.point = "违规" })),
			want: []expect{at(Error, row, "K", `"违规"`)}},
		{name: "风险点只是套话", rule: "R03", sub: tail(riskOf(func(r *rk) { r.point = "可能存在廉政风险" })),
			want: []expect{at(Error, row, "K", "套话")}},
		{name: "一列中的套话", rule: "R03", sub: tailOne("因制度不健全(风险源),出现问题(风险点),造成经济损失(危害性)。"),
			want: []expect{at(Error, row, "J", `"出现问题"`)}},
		{name: "近似:种子例3含违规违纪", rule: "R03", sub: tailOne(seedAct3)},
		{name: "近似:四个字", rule: "R03", sub: tail(riskOf(func(r *rk) { r.source = "制度缺失" }))},

		{name: "三项职权同一表述", rule: "R04", sub: repeated(3),
			want: []expect{at(Warning, row, "K", "3 项职权"), at(Warning, row+1, "K", "审批把关不严"), at(Warning, row+2, "K", "形式化")}},
		{name: "近似:两项职权", rule: "R04", sub: repeated(2)},

		{name: "等级为空", rule: "R05", sub: tail(riskOf(func(r *rk) { r.grade = "" })),
			want: []expect{at(Error, row, "M", "风险等级未填写")}},
		{name: "编号项共用一行只报一次", rule: "R05", sub: numberedItems,
			want: []expect{at(Error, row, "M", "风险等级")}},
		{name: "近似:别名中风险", rule: "R05", sub: tail(riskOf(func(r *rk) { r.grade = "中风险" }))},

		{name: "财务职权评为中", rule: "R06", sub: tail(func(p *pw) { p.name = "食堂经费报销审核" }),
			want: []expect{at(Warning, row, "M", `"食堂经费报销审核"`)}},
		{name: "审批职权评为低", rule: "R06", sub: tail(riskOf(func(r *rk) { r.grade = "低" })),
			want: []expect{at(Warning, row, "M", "偏低")}},
		{name: "一般职权评为高是提示", rule: "R06", sub: tail(func(p *pw) { p.name = "教师请假登记"; p.risks[0].grade = "高" }),
			want: []expect{at(Info, row, "M", "扩大化")}},
		{name: "近似:财务职权评为高", rule: "R06", sub: tail(func(p *pw) { p.name = "食堂经费报销审核"; p.risks[0].grade = "高" })},
		{name: "近似:审批职权评为中", rule: "R06", sub: tail(func(*pw) {})},

		{name: "全部为高", rule: "R07", sub: allGrades("高"),
			want: []expect{at(Warning, 0, "", "扩大化")}},
		{name: "全部为低", rule: "R07", sub: allGrades("低"),
			want: []expect{at(Warning, 0, "", "走过场")}},
		{name: "近似:高中都有", rule: "R07", sub: cleanSubmission},

		{name: "措施为空", rule: "R08", sub: tail(riskOf(func(r *rk) { r.measures = "" })),
			want: []expect{at(Error, row, "N", "防控措施未填写")}},
		{name: "措施只是套话", rule: "R08", sub: tail(riskOf(func(r *rk) { r.measures = "加强管理,严格执行制度" })),
			want: []expect{at(Warning, row, "N", `"加强管理,严格执行制度"`)}},
		{name: "措施太短", rule: "R08", sub: tail(riskOf(func(r *rk) { r.measures = "严格审核" })),
			want: []expect{at(Warning, row, "N", "不足 8 个字")}},
		{name: "近似:具体措施", rule: "R08", sub: tail(riskOf(func(r *rk) { r.measures = "加强管理,请假三天以上由校长审批并登记" }))},

		{name: "责任人为空", rule: "R09", sub: tail(riskOf(func(r *rk) { r.owner = "" })),
			want: []expect{at(Error, row, "O", "责任人未填写")}},
		{name: "近似:有责任人", rule: "R09", sub: tail(riskOf(func(r *rk) { r.owner = "教导主任" }))},
	})
}
