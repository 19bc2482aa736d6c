package checks

import "testing"

func basisOf(b string) func(*pw) { return func(p *pw) { p.basis = b } }

func TestBasisRules(t *testing.T) {
	row := tailRow
	party := func(n, b string) func(*pw) { return func(p *pw) { p.name, p.basis = n, b } }
	runRuleCases(t, []ruleCase{
		{name: "依据为空", rule: "B01", sub: tail(basisOf("")),
			want: []expect{at(Error, row, "E", "职权依据未填写")}},
		{name: "近似:有依据", rule: "B01", sub: tail(basisOf("《中华人民共和国教师法》第七条"))},

		{name: "无法识别", rule: "B02", sub: tail(basisOf("根据学校实际情况")),
			want: []expect{at(Error, row, "E", `"根据学校实际情况"`)}},
		{name: "只有机关没有文件", rule: "B02", sub: tail(basisOf("县教委")),
			want: []expect{at(Error, row, "E", `"县教委"`)}},
		{name: "近似:机关加文种", rule: "B02", sub: tail(basisOf("县教委关于做好秋季招生工作的通知"))},
		{name: "近似:机关加文号", rule: "B02", sub: tail(basisOf("荣教发〔2012〕56号第三条"))},
		{name: "近似:无书名号的法律", rule: "B02", sub: tail(basisOf("教师法第七条"))},
		{name: "近似:三定方案", rule: "B02", sub: tail(basisOf("县教委机关“三定”方案"))},

		{name: "上级要求", rule: "B03", sub: tail(basisOf("上级要求")),
			want: []expect{at(Error, row, "E", `职权依据"上级要求"不是依据`)}},
		{name: "按照有关规定", rule: "B03", sub: tail(basisOf("按照有关规定执行")),
			want: []expect{at(Error, row, "E", "有关规定")}},
		{name: "领导安排", rule: "B03", sub: tail(basisOf("校长办公会领导安排")),
			want: []expect{at(Error, row, "E", "领导安排")}},
		{name: "近似:同时写明文件", rule: "B03", sub: tail(basisOf("上级要求;《中华人民共和国教育法》第二十九条"))},

		{name: "法律无条款", rule: "B04", sub: tail(basisOf("《中华人民共和国教育法》")),
			want: []expect{at(Warning, row, "E", "《中华人民共和国教育法》")}},
		{name: "第二部法律无条款", rule: "B04", sub: tail(basisOf("《中华人民共和国教育法》第二十九条、《中华人民共和国教师法》")),
			want: []expect{at(Warning, row, "E", "《中华人民共和国教师法》")}},
		{name: "条例无条款", rule: "B04", sub: tail(basisOf("《事业单位人事管理条例》")),
			want: []expect{at(Warning, row, "E", "条例》")}},
		{name: "无书名号的法律无条款", rule: "B04", sub: tail(basisOf("教师法")),
			want: []expect{at(Warning, row, "E", "教师法")}},
		{name: "近似:写明条款", rule: "B04", sub: tail(basisOf("《中华人民共和国教育法》第二十九条"))},
		{name: "近似:阿拉伯数字条款", rule: "B04", sub: tail(basisOf("《中华人民共和国教育法》第29条"))},
		{name: "近似:办法不要求条款", rule: "B04", sub: tail(basisOf("《中小学幼儿园安全管理办法》"))},

		{name: "不是文件名称", rule: "B05", sub: tail(basisOf("《学校安全工作》第三条")),
			want: []expect{at(Warning, row, "E", "《学校安全工作》")}},
		{name: "书名号不成对", rule: "B05", sub: tail(basisOf("《中小学幼儿园安全管理办法")),
			want: []expect{at(Warning, row, "E", "不成对")}},
		{name: "近似:试行", rule: "B05", sub: tail(basisOf("《中小学幼儿园安全管理办法(试行)》"))},
		{name: "近似:全角括号修订", rule: "B05", sub: tail(basisOf("《中华人民共和国教师法（2009年修正）》第七条"))},

		{name: "党务职权无党内依据", rule: "B06", sub: tail(party("党员组织关系转接审核", "《中华人民共和国教育法》第三十条")),
			want: []expect{at(Warning, row, "E", `"党员组织关系转接审核"`)}},
		{name: "行政职权只有党内依据", rule: "B06", sub: tail(basisOf("《中国共产党章程》第三条")),
			want: []expect{at(Warning, row, "E", "只以党内法规")}},
		{name: "近似:党务职权依据党章", rule: "B06", sub: tail(party("党员组织关系转接审核", "《中国共产党章程》第八条"))},
		{name: "近似:行政职权兼引法律", rule: "B06", sub: tail(basisOf("《中国共产党章程》第三条;《中华人民共和国教师法》第七条"))},
	})
}

func TestTitles(t *testing.T) {
	ts, ok := titles("《中华人民共和国教育法》第二十九条、《中华人民共和国教师法》;《学校卫生工作条例》第5条")
	if !ok || len(ts) != 3 {
		t.Fatalf("titles = %+v, %v", ts, ok)
	}
	wantAfter := []string{"第二十九条、", ";", "第5条"}
	for i, w := range wantAfter {
		if ts[i].after != w {
			t.Errorf("title %d after = %q, want %q", i, ts[i].after, w)
		}
	}
	for _, bad := range []string{"《a", "a》", "《a《b》》"} {
		if _, ok := titles(bad); ok {
			t.Errorf("titles(%q) balanced", bad)
		}
	}
}
