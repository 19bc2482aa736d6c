package samples

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"lianfang/importer"
)

// Manifest returns the plan of the county Generate writes for opt: every
// roster unit in roster order, then the unit missing from the roster, each
// with its files and the findings they are built to produce. Tests of the
// checks compare their findings against it.
func Manifest(opt Options) []UnitPlan {
	return plan(opt).plans
}

// writeManifest writes MANIFEST.md: the options, one table of the units
// and their files, one of the planned findings and one of rule coverage.
func (c *county) writeManifest(w io.Writer) error {
	var b strings.Builder
	o := c.opt
	fmt.Fprintf(&b, "# 样例县清单\n\n由 `samples.Generate` 生成:名册单位 %d 个,每个合格单位约 %d 个风险点行,有错误单位比例 %.2f,随机种子 %d。\n",
		len(c.roster), o.Rows, o.DefectRate, o.Seed)
	fmt.Fprintf(&b, "收件周期 2026-W48(%s 至 %s),文件修改时间即收件时间。\n\n",
		cycleStart.Format("2006-01-02"), cycleStart.AddDate(0, 0, 6).Format("2006-01-02"))
	b.WriteString("## 单位与文件\n\n| 单位代码 | 单位名称 | 单位类型 | 情形 | 文件 | 收件时间 | 数据行 | 版式 |\n|---|---|---|---|---|---|---|---|\n")
	for _, up := range c.plans {
		code := up.Unit.Code
		if !up.InRoster {
			code = "(不在名册)"
		}
		var files, times []string
		for _, f := range up.Files {
			files = append(files, "`"+f.Name+"`")
			times = append(times, f.Received.Format("01-02 15:04"))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %d | %s |\n", code, up.Unit.Name, up.Unit.Type, up.Role,
			orDash(strings.Join(files, "<br>")), orDash(strings.Join(times, "<br>")), up.Rows, orDash(up.Layout))
	}
	b.WriteString("\n## 预期问题\n\n位置“第0行”指整个文件或整个单位;第3行是表头。\n\n| 单位名称 | 文件 | 规则 | 位置 | 说明 |\n|---|---|---|---|---|\n")
	for _, up := range c.plans {
		for _, d := range up.Defects {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", up.Unit.Name, orDash(d.File), d.Rule, d.where(), d.Note)
		}
	}
	b.WriteString("\n## 规则覆盖\n\n| 规则 | 单位 |\n|---|---|\n")
	for _, r := range c.coverage() {
		fmt.Fprintf(&b, "| %s | %s |\n", r[0], r[1])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// where describes the defect's cell in Chinese.
func (d Defect) where() string {
	if d.Row == 0 {
		return "第0行(整个文件)"
	}
	if d.Column == "" {
		return fmt.Sprintf("第%d行", d.Row)
	}
	return fmt.Sprintf("第%d行 %s", d.Row, importer.ColumnOf(d.Column).Header)
}

// coverage lists each planned rule with the units that carry it.
func (c *county) coverage() [][2]string {
	units := map[string][]string{}
	for _, up := range c.plans {
		for _, d := range up.Defects {
			if !slices.Contains(units[d.Rule], up.Unit.Name) {
				units[d.Rule] = append(units[d.Rule], up.Unit.Name)
			}
		}
	}
	var out [][2]string
	for rule, names := range units {
		out = append(out, [2]string{rule, strings.Join(names, "、")})
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
