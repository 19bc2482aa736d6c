package checks

import "testing"

func name(n string) func(*pw) { return func(p *pw) { p.name = n } }

func TestNamingRules(t *testing.T) {
	row := tailRow
	runRuleCases(t, []ruleCase{
		{name: "名称为空", rule: "N01", sub: tail(name("")),
			want: []expect{at(Error, row, "D", "职权名称未填写")}},
		{name: "只有空格", rule: "N01", sub: tail(name("  ")),
			want: []expect{at(Error, row, "D", "职权名称")}},
		{name: "近似:短名称不算空", rule: "N01", sub: tail(name("招生"))},

		{name: "没有性质词", rule: "N02", sub: tail(name("教师请假")),
			want: []expect{at(Error, row, "D", `"教师请假"`)}},
		{name: "只有工作内容", rule: "N02", sub: tail(name("学校安全")),
			want: []expect{at(Error, row, "D", `"学校安全"`)}},
		{name: "近似:学籍管理是N03不是N02", rule: "N02", sub: tail(name("学籍管理"))},
		{name: "近似:学籍变动审核", rule: "N02", sub: tail(name("学籍变动审核"))},

		{name: "学籍管理", rule: "N03", sub: tail(name("学籍管理")),
			want: []expect{at(Warning, row, "D", `"学籍管理"`)}},
		{name: "财务管理", rule: "N03", sub: tail(name("财务管理")),
			want: []expect{at(Warning, row, "D", "管理")}},
		{name: "近似:学籍变动审核", rule: "N03", sub: tail(name("学籍变动审核"))},
		{name: "近似:管理加性质词", rule: "N03", sub: tail(name("学籍管理审核"))},

		{name: "超过25字", rule: "N04", sub: tail(name("学校对外开展的涉及学生家长和社会各界人士参与的各类校园开放活动审批")),
			want: []expect{at(Warning, row, "D", "超过 25 个字")}},
		{name: "含逗号", rule: "N04", sub: tail(name("教师请假审批,销假登记")),
			want: []expect{at(Warning, row, "D", `"教师请假审批,销假登记"`)}},
		{name: "含全角句号", rule: "N04", sub: tail(name("教师请假审批。")),
			want: []expect{at(Warning, row, "D", "句子标点")}},
		{name: "近似:顿号可以", rule: "N04", sub: tail(name("教师请假、销假审批"))},
		{name: "近似:正好25字", rule: "N04", sub: tail(name("学校对外开展涉及学生家长参与的各类校园开放活动审批"))},

		{name: "其他事项", rule: "N05", sub: tail(name("其他事项")),
			want: []expect{at(Error, row, "D", `"其他事项"`)}},
		{name: "日常工作", rule: "N05", sub: tail(name("日常工作")),
			want: []expect{at(Error, row, "D", "笼统")}},
		{name: "以等结尾", rule: "N05", sub: tail(name("评优评先等")),
			want: []expect{at(Error, row, "D", "以“等”结尾")}},
		{name: "近似:其他开头的具体职权", rule: "N05", sub: tail(name("其他学校学生转入审核"))},
		{name: "近似:等字开头", rule: "N05", sub: tail(name("等级评定审核"))},
	})
}

func TestNamingSuppression(t *testing.T) {
	// A vague name is N05 only, not N02 as well: one clear reason.
	fs := Check(tail(name("其他事项"))(), "", nil)
	if got := ofRule(fs, "N02"); len(got) != 0 {
		t.Errorf("N02 alongside N05:%s", describe(got))
	}
}

func TestDuplicateRules(t *testing.T) {
	row := tailRow
	level := func(n, l string) func(*pw) { return func(p *pw) { p.name, p.level = n, l } }
	runRuleCases(t, []ruleCase{
		{name: "同层级同名", rule: "N06", sub: tail(level("学生转学审核", "单位职权")),
			want: []expect{at(Error, row, "D", "第 5 行")}},
		{name: "全角空格仍算同名", rule: "N06", sub: tail(level("学生转学　审核", "单位")),
			want: []expect{at(Error, row, "D", `"学生转学 审核"`)}},
		{name: "近似:不同层级同名不是N06", rule: "N06", sub: tail(level("学生转学审核", "岗位职权"))},
		{name: "近似:不同名称", rule: "N06", sub: tail(name("学生转学手续审核"))},

		{name: "不同层级同名", rule: "N07", sub: tail(level("学生转学审核", "岗位职权")),
			want: []expect{at(Warning, row, "D", "第 5 行")}},
		{name: "一字之差", rule: "N07", sub: tail(name("新生入学招生审查")),
			want: []expect{at(Warning, row, "D", `"新生入学招生审核"`)}},
		{name: "近似:相似度不足0.8", rule: "N07", sub: tail(name("学生转学手续审核"))},
		{name: "近似:同层级同名是N06不是N07", rule: "N07", sub: tail(level("学生转学审核", "单位职权"))},
	})
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"学生转学审核", "学生转学审核", 1},
		{"学生转学审核", "学生转学审核 ", 1},
		{"新生入学招生审核", "新生入学招生审查", 12.0 / 14},
		{"学生转学审核", "学生转学手续审核", 8.0 / 12},
		{"", "", 0},
		{"招", "招", 1},
		{"招生", "收费", 0},
	}
	for _, tc := range tests {
		if got := Similarity(tc.a, tc.b); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
