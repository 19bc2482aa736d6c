package checks

import (
	"fmt"

	"lianfang/importer"
)

// minGradedForR07 is how many graded risk points a unit needs before R07
// judges that they all have the same grade.
const minGradedForR07 = 3

// gradeRank orders the canonical grades: 低 < 中 < 高; 0 for anything else.
func gradeRank(g string) int {
	switch g {
	case importer.GradeLow:
		return 1
	case importer.GradeMedium:
		return 2
	case importer.GradeHigh:
		return 3
	}
	return 0
}

// grades runs R06 on every power and R07 on the unit.
func (c *checker) grades() {
	counts := map[string]int{}
	total := 0
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if !c.has(p, importer.KeyGrade) || !c.hasLayout(p) {
			continue
		}
		var top *importer.Risk // the first risk point with the highest grade
		for j := range p.Risks {
			r := &p.Risks[j]
			if !c.hasRiskText(p, r) || gradeRank(r.Grade) == 0 {
				continue
			}
			counts[r.Grade]++
			total++
			if top == nil || gradeRank(r.Grade) > gradeRank(top.Grade) {
				top = r
			}
		}
		if top != nil && c.has(p, importer.KeyName) && importer.Normalize(p.Name) != "" {
			c.gradeFits(p, top)
		}
	}
	if total < minGradedForR07 || len(counts) != 1 {
		return
	}
	for g := range counts {
		why := "没有区分高低"
		switch g {
		case importer.GradeHigh:
			why = "是扩大化"
		case importer.GradeLow:
			why = "是查风险走过场"
		}
		c.add("R07", importer.Ref{}, importer.KeyGrade, fmt.Sprintf("本单位 %d 个风险点的风险等级全部为%s,%s", total, q(g), why))
	}
}

// gradeFits compares the highest grade of p (that of top) with what the
// power deals with (R06): a power over 人、财、物 or a 三重一大 item below
// 高, or an approval or inspection power at 低, is a warning; any other
// power at 高 is an info (扩大化).
func (c *checker) gradeFits(p *importer.Power, top *importer.Risk) {
	n := importer.Normalize(p.Name)
	ref := c.at(p, top.Ref.Row, importer.KeyGrade)
	high := longestIn(n, c.lx.HighRisk)
	if high == "" {
		_, high = c.sanZhong(p.Name)
	}
	medium := longestIn(n, c.lx.MediumRisk)
	switch {
	case high != "" && top.Grade != importer.GradeHigh:
		c.add("R06", ref, importer.KeyGrade, fmt.Sprintf("职权%s涉及人、财、物或“三重一大”(“%s”),风险等级评为%s偏低,一般应为高", q(p.Name), high, q(writtenGrade(top))))
	case high == "" && medium != "" && top.Grade == importer.GradeLow:
		c.add("R06", ref, importer.KeyGrade, fmt.Sprintf("%s类职权%s的风险等级评为%s偏低,一般应为中", medium, q(p.Name), q(writtenGrade(top))))
	case high == "" && medium == "" && top.Grade == importer.GradeHigh:
		c.addSev("R06", Info, ref, importer.KeyGrade, fmt.Sprintf("职权%s不涉及人、财、物,风险等级评为%s,请确认是否扩大化", q(p.Name), q(writtenGrade(top))))
	}
}

// writtenGrade is the grade as the unit wrote it.
func writtenGrade(r *importer.Risk) string {
	if r.RawGrade != "" {
		return r.RawGrade
	}
	return r.Grade
}
