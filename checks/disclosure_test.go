package checks

import (
	"testing"

	"lianfang/importer"
)

// disclose sets kind, scope, form and note of the tail power.
func disclose(kind, scope, form, note string) func(*pw) {
	return func(p *pw) { p.kind, p.scope, p.form, p.note = kind, scope, form, note }
}

func TestDisclosureRules(t *testing.T) {
	row := tailRow
	sanZhong := func(level, scope, note string) func(*pw) {
		return func(p *pw) {
			p.name, p.level, p.scope, p.note = "大额经费支出审批", level, scope, note
			p.risks[0].grade = "高"
		}
	}
	noForm := func() *importer.Submission {
		b := newBuilder(threeColLayout).without(importer.KeyForm)
		return b.addAll(cleanPowers()...).sub
	}
	noNote := func() *importer.Submission {
		p := goodTail()
		p.scope = "不公开"
		return newBuilder(threeColLayout).without(importer.KeyNote).addAll(cleanPowers()...).addAll(p).sub
	}
	runRuleCases(t, []ruleCase{
		{name: "公开范围为空", rule: "D01", sub: tail(disclose("内部职权", "", "文件", "")),
			want: []expect{at(Error, row, "H", "公开范围未填写")}},
		{name: "近似:别名内部公开", rule: "D01", sub: tail(disclose("内部职权", "内部公开", "文件", ""))},

		{name: "外部职权单位内部公开", rule: "D02", sub: tail(disclose("外部职权", "单位内部", "学校网站", "")),
			want: []expect{at(Error, row, "H", `"单位内部"`)}},
		{name: "外部职权不公开", rule: "D02", sub: tail(disclose("外部职权", "不公开", "", "涉及个人隐私")),
			want: []expect{at(Error, row, "H", `"不公开"`)}},
		{name: "近似:外部职权面向社会", rule: "D02", sub: tail(disclose("外部职权", "面向社会", "学校网站", ""))},
		{name: "近似:内部职权单位内部", rule: "D02", sub: tail(disclose("内部职权", "单位内部", "文件", ""))},

		{name: "外部职权只有内部渠道", rule: "D03", sub: tail(disclose("外部职权", "面向社会", "教职工会议、文件", "")),
			want: []expect{at(Error, row, "I", `"教职工会议、文件"`)}},
		{name: "校内公示栏不是社会渠道", rule: "D03", sub: tail(disclose("外部职权", "面向社会", "校内公示栏", "")),
			want: []expect{at(Error, row, "I", "校内公示栏")}},
		{name: "近似:网站加教代会", rule: "D03", sub: tail(disclose("外部职权", "面向社会", "学校网站、教代会", ""))},
		{name: "近似:微信公众号", rule: "D03", sub: tail(disclose("外部职权", "面向社会", "微信公众号", ""))},

		{name: "单位内部无公开形式", rule: "D04", sub: tail(disclose("内部职权", "单位内部", "", "")),
			want: []expect{at(Error, row, "I", `"单位内部"`)}},
		{name: "缺公开形式列报一次", rule: "D04", sub: noForm,
			want: []expect{at(Error, 0, "", "公开形式")}},
		{name: "近似:不公开无需形式", rule: "D04", sub: tail(disclose("内部职权", "不公开", "", "涉及学生个人隐私"))},

		{name: "不公开无理由", rule: "D05", sub: tail(disclose("内部职权", "不公开", "", "")),
			want: []expect{at(Error, row, "P", "没有写明")}},
		{name: "以保密为由", rule: "D05", sub: tail(disclose("内部职权", "不公开", "", "需要保密")),
			want: []expect{at(Error, row, "P", `"需要保密"`)}},
		{name: "无备注列落在公开范围", rule: "D05", sub: noNote,
			want: []expect{at(Error, row, "H", "不公开")}},
		{name: "近似:个人隐私", rule: "D05", sub: tail(disclose("内部职权", "不公开", "", "涉及学生个人隐私"))},
		{name: "近似:涉密别名加工作秘密", rule: "D05", sub: tail(disclose("内部职权", "涉密", "", "属于工作秘密"))},

		{name: "QQ空间", rule: "D06", sub: tail(disclose("内部职权", "单位内部", "文件、QQ空间", "")),
			want: []expect{at(Warning, row, "I", `"QQ空间"`)}},
		{name: "口头通知", rule: "D06", sub: tail(disclose("内部职权", "单位内部", "口头告知", "")),
			want: []expect{at(Warning, row, "I", "口头告知")}},
		{name: "近似:小写oa", rule: "D06", sub: tail(disclose("内部职权", "单位内部", "oa系统、校内公示栏", ""))},

		{name: "三重一大不公开", rule: "D07", sub: tail(sanZhong("单位职权", "不公开", "属于工作秘密")),
			want: []expect{at(Error, row, "H", "大额资金使用")}},
		{name: "三重一大不在单位层级", rule: "D07", sub: tail(sanZhong("内设部门职权", "单位内部", "")),
			want: []expect{at(Warning, row, "B", `"内设部门职权"`)}},
		{name: "两者都有", rule: "D07", sub: tail(sanZhong("岗位职权", "不公开", "工作秘密")),
			want: []expect{at(Error, row, "H", "不公开"), at(Warning, row, "B", "单位职权")}},
		{name: "近似:单位职权内部公开", rule: "D07", sub: tail(sanZhong("单位职权", "单位内部", ""))},
	})
}
