package checks

import (
	"testing"

	"lianfang/importer"
)

// cleanWithout is the clean catalogue without the powers drop selects,
// changed by mod.
func cleanWithout(drop func(p pw) bool, mod func(sub *importer.Submission)) func() *importer.Submission {
	return func() *importer.Submission {
		b := newBuilder(threeColLayout)
		for _, p := range cleanPowers() {
			if !drop(p) {
				b.add(p)
			}
		}
		if mod != nil {
			mod(b.sub)
		}
		return b.sub
	}
}

func post(name string) func(p pw) bool  { return func(p pw) bool { return p.post == name } }
func named(name string) func(p pw) bool { return func(p pw) bool { return p.name == name } }
func keep(pw) bool                      { return false }

// renamePost changes the post written on the power for post from to to.
func renamePost(from, to string) func(sub *importer.Submission) {
	return func(sub *importer.Submission) {
		for i := range sub.Powers {
			if sub.Powers[i].Post == from {
				sub.Powers[i].Post = to
			}
		}
	}
}

func TestCompletenessRules(t *testing.T) {
	noType := func(sub *importer.Submission) { sub.Unit.Type = "" }
	runRuleCases(t, []ruleCase{
		{name: "缺出纳", rule: "C01", sub: cleanWithout(post("出纳"), nil),
			want: []expect{at(Error, 0, "", `"出纳"`)}},
		{name: "缺食堂负责人和书记", rule: "C01", sub: cleanWithout(func(p pw) bool { return p.post == "食堂管理员" || p.post == "党支部书记" }, nil),
			want: []expect{at(Error, 0, "", `"食堂负责人"`), at(Error, 0, "", `"书记"`)}},
		{name: "参数指定的单位类型优先", rule: "C01", unitType: "教管中心", sub: cleanSubmission,
			want: []expect{at(Error, 0, "", `"主任"`), at(Error, 0, "", `"教研员"`), at(Error, 0, "", `"成教专干"`)}},
		{name: "表中单位类型", rule: "C01", sub: cleanWithout(post("出纳"), renamePost("会计", "报账员")),
			want: []expect{at(Error, 0, "", `"小学"`)}},
		{name: "近似:同义岗位", rule: "C01", sub: cleanWithout(keep, renamePost("出纳", "出纳员"))},
		{name: "近似:幼儿园园长", rule: "C01", unitType: "幼儿园", sub: cleanWithout(keep, renamePost("校长", "园长"))},
		{name: "近似:一格多个岗位", rule: "C01", sub: cleanWithout(post("出纳"), renamePost("会计", "会计、出纳"))},
		{name: "近似:单位类型未知不猜", rule: "C01", sub: cleanWithout(post("出纳"), noType)},

		{name: "缺内设部门职权", rule: "C02", sub: cleanWithout(func(p pw) bool { return p.level == "内设部门职权" }, nil),
			want: []expect{at(Error, 0, "", `"内设部门职权"`)}},
		{name: "缺岗位职权", rule: "C02", sub: cleanWithout(func(p pw) bool { return p.level == "岗位职权" }, noType),
			want: []expect{at(Error, 0, "", `"岗位职权"`)}},
		{name: "近似:三个层次都有", rule: "C02", sub: cleanSubmission},

		{name: "缺干部任免", rule: "C03", sub: cleanWithout(named("中层干部任免决定"), nil),
			want: []expect{at(Warning, 0, "", `"重要干部任免"`)}},
		{name: "三重一大列为外部职权不算", rule: "C03", sub: cleanWithout(keep, func(sub *importer.Submission) {
			for i := range sub.Powers {
				if sub.Powers[i].Name == "大额资金使用审批" {
					sub.Powers[i].Level = importer.LevelDept
				}
			}
		}), want: []expect{at(Warning, 0, "", "大额资金使用")}},
		{name: "近似:四类都有", rule: "C03", sub: cleanSubmission},

		{name: "外部职权在内部职权之后", rule: "C04", sub: tail(func(p *pw) { p.kind, p.scope, p.form = "外部职权", "面向社会", "学校网站" }),
			want: []expect{at(Warning, tailRow, "C", `"重大事项集体决策"`)}},
		{name: "近似:外部在前", rule: "C04", sub: cleanSubmission},
	})
}
