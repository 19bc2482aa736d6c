package checks

import (
	"strconv"
	"testing"

	"lianfang/importer"
)

// withProblem is the clean catalogue with one importer problem.
func withProblem(code string, err error, msg string) func() *importer.Submission {
	return func() *importer.Submission {
		sub := cleanSubmission()
		sub.Problems = append(sub.Problems, importer.Problem{Code: code, Err: err, Message: msg})
		return sub
	}
}

// missing is the clean catalogue in layout without the given columns.
func missing(layout map[importer.Key]string, keys ...importer.Key) func() *importer.Submission {
	return func() *importer.Submission {
		return newBuilder(layout).without(keys...).addAll(cleanPowers()...).sub
	}
}

// seqs is the clean catalogue with the first powers numbered as given and
// the rest going on from the last number given ("-" leaves a 序号 empty).
func seqs(ss ...string) func() *importer.Submission {
	return func() *importer.Submission {
		ps := cleanPowers()
		next := 1
		for i := range ps {
			if i < len(ss) {
				ps[i].seq = ss[i]
				if n, err := strconv.Atoi(importer.Normalize(ss[i])); err == nil {
					next = n + 1
				} else {
					next = i + 2
				}
				continue
			}
			ps[i].seq = strconv.Itoa(next)
			next++
		}
		return newBuilder(threeColLayout).addAll(ps...).sub
	}
}

// twoSheets splits the clean catalogue over two sheets, the second
// numbered from first (1 or going on from the first sheet).
func twoSheets(restart bool) func() *importer.Submission {
	return func() *importer.Submission {
		ps := cleanPowers()
		b := newBuilder(threeColLayout).addAll(ps[:10]...).newSheet("内部职权")
		if restart {
			b.seq = 0
		}
		return b.addAll(ps[10:]...).sub
	}
}

func TestStructureRules(t *testing.T) {
	first := firstDataRow
	extra := func() *importer.Submission {
		sub := cleanSubmission()
		sub.Sheets[0].Extra = []importer.ExtraColumn{{Col: "Q", Header: "联系人"}}
		return sub
	}
	runRuleCases(t, []ruleCase{
		{name: "密码保护", rule: "S01", sub: withProblem("S01", importer.ErrEncrypted, ""),
			want: []expect{at(Error, 0, "", "密码保护")}},
		{name: "不是Excel", rule: "S01", sub: withProblem("S01", importer.ErrNotSpreadsheet, ""),
			want: []expect{at(Error, 0, "", "不是 Excel 文件")}},
		{name: "近似:可以读取", rule: "S01", sub: cleanSubmission},

		{name: "没有职权目录表", rule: "S02", sub: withProblem("S02", importer.ErrNoCatalogue, "没有找到职权目录表"),
			want: []expect{at(Error, 0, "", "没有找到职权目录表")}},
		{name: "近似:有职权目录表", rule: "S02", sub: cleanSubmission},

		{name: "缺风险等级列", rule: "S03", sub: missing(threeColLayout, importer.KeyGrade),
			want: []expect{at(Error, 0, "", `"风险等级"`)}},
		{name: "缺风险源列", rule: "S03", sub: missing(threeColLayout, importer.KeySource),
			want: []expect{at(Error, 0, "", `"风险源"`)}},
		{name: "风险列全无", rule: "S03", sub: missing(threeColLayout, importer.KeySource, importer.KeyPoint, importer.KeyHarm),
			want: []expect{at(Error, 0, "", "廉政风险点")}},
		{name: "近似:一列版式", rule: "S03", sub: cleanOneColumn},
		{name: "近似:缺非必填的行使岗位列", rule: "S03", sub: missing(threeColLayout, importer.KeyNote)},

		{name: "序号为空", rule: "S05", sub: seqs("-"),
			want: []expect{at(Error, first, "A", "序号未填写")}},
		{name: "序号不是正整数", rule: "S05", sub: seqs("1", "2.1"),
			want: []expect{at(Error, first+1, "A", `"2.1"`)}},
		{name: "序号重复", rule: "S05", sub: seqs("1", "2", "2", "3"),
			want: []expect{at(Error, first+2, "A", "重复")}},
		{name: "序号不连续", rule: "S05", sub: seqs("1", "3"),
			want: []expect{at(Error, first+1, "A", "应为 2")}},
		{name: "序号为零", rule: "S05", sub: seqs("0", "2"),
			want: []expect{at(Error, first, "A", `"0"`)}},
		{name: "不从1起", rule: "S05", sub: seqs("2"),
			want: []expect{at(Error, first, "A", "应为 1")}},
		{name: "近似:全角数字", rule: "S05", sub: seqs("１", "２")},
		{name: "近似:第二张表接着编号", rule: "S05", sub: twoSheets(false)},
		{name: "近似:第二张表从1编号", rule: "S05", sub: twoSheets(true)},

		{name: "没有数据行", rule: "S06", sub: withProblem("S06", importer.ErrNoData, ""),
			want: []expect{at(Error, 0, "", "没有填写任何职权")}},
		{name: "近似:有数据", rule: "S06", sub: cleanSubmission},

		{name: "多余列", rule: "S07", sub: extra,
			want: []expect{at(Warning, 3, "Q", `"联系人"`)}},
		{name: "近似:只有模板列", rule: "S07", sub: cleanSubmission},

		{name: "层级不在列表", rule: "S08", sub: tail(func(p *pw) { p.level = "学校" }),
			want: []expect{at(Error, tailRow, "B", `"学校"`)}},
		{name: "类别为空", rule: "S08", sub: tail(func(p *pw) { p.kind = "" }),
			want: []expect{at(Error, tailRow, "C", "职权类别未填写")}},
		{name: "公开范围不在列表", rule: "S08", sub: tail(func(p *pw) { p.scope = "公开" }),
			want: []expect{at(Error, tailRow, "H", "面向社会、单位内部、不公开")}},
		{name: "风险等级不在列表", rule: "S08", sub: tail(riskOf(func(r *rk) { r.grade = "很高" })),
			want: []expect{at(Error, tailRow, "M", `"很高"`)}},
		{name: "近似:别名", rule: "S08", sub: tail(func(p *pw) { p.level, p.scope, p.risks[0].grade = "个人岗位职权", "校内公开", "B" })},
	})
}

func TestUnreadableRunsNothingElse(t *testing.T) {
	for _, code := range []string{"S01", "S02", "S06"} {
		sub := withProblem(code, nil, "")()
		sub.Powers[0].Name = "" // would be N01
		fs := Check(sub, "小学", nil)
		if len(fs) != 1 || fs[0].Rule != code {
			t.Errorf("%s: findings %s, want only %s", code, describe(fs), code)
		}
	}
}

func TestMissingColumnSkipsItsRules(t *testing.T) {
	sub := newBuilder(threeColLayout).without(importer.KeyGrade, importer.KeyBasis).addAll(cleanPowers()...).sub
	sub.Powers[0].Basis = "上级要求"
	sub.Powers[1].Risks[0].Grade = ""
	fs := Check(sub, "", nil)
	for _, id := range []string{"B01", "B02", "B03", "R05", "R06", "R07"} {
		if got := ofRule(fs, id); len(got) > 0 {
			t.Errorf("%s ran on a missing column:%s", id, describe(got))
		}
	}
	if got := ofRule(fs, "S03"); len(got) != 2 {
		t.Errorf("S03: %s, want 2", describe(got))
	}
}
