package samples

import (
	"math/rand/v2"
	"slices"

	"lianfang/importer"
)

// extraHeader is the column a unit adds to the template (S07).
const extraHeader = "完成时限"

// removeMistakes: a required post left out (C01), no department powers
// (C02), a 三重一大 power missing (C03).
func removeMistakes(c *county, bk *book, _ *rand.Rand) {
	req := requiredPosts[bk.unit.Type]
	post := req[len(req)-1]
	bk.powers = slices.DeleteFunc(bk.powers, func(p *power) bool {
		return p.spec.Post != "" && postCanon(p.spec.Post) == post
	})
	bk.noPost = post
	bk.mark("C01", nil, -1, importer.KeyPost, "没有"+post+"岗位的岗位职权")
	bk.powers = slices.DeleteFunc(bk.powers, func(p *power) bool { return p.level == importer.LevelDept })
	bk.noDept = true
	bk.mark("C02", nil, -1, importer.KeyLevel, "没有内设部门职权")
	bk.powers = slices.DeleteFunc(bk.powers, func(p *power) bool { return p.spec.SZ == "项目" })
	bk.mark("C03", nil, -1, importer.KeyName, "单位职权缺少“三重一大”中的重大项目安排")
}

// orderMistakes: an external power listed after the internal ones (C04),
// every risk point rated 高 (R07), the 责任人 column left out (S03).
func orderMistakes(c *county, bk *book, rng *rand.Rand) {
	move := -1
	for i, p := range bk.powers {
		if p.kind == importer.KindExternal && !bk.pinned(p) && (move < 0 || !bk.touched(p)) {
			move = i // the last external power, preferably one no defect touched
		}
	}
	var p *power
	if move >= 0 {
		p = bk.powers[move]
		bk.powers = slices.Delete(bk.powers, move, move+1)
	} else if s := c.freshSpec(bk, rng, external); s != nil {
		p = c.newPower(bk, s, 1, rng)
	}
	if p != nil {
		bk.powers = append(bk.powers, p)
		bk.mark("C04", p, -1, importer.KeyKind, "外部职权“"+p.name+"”排在内部职权之后")
	}
	graded := map[*power]bool{}
	for _, m := range bk.marks {
		if m.col == importer.KeyGrade {
			graded[m.p] = true
		}
	}
	if allHigh(bk, graded) {
		bk.mark("R07", nil, -1, importer.KeyGrade, "全部风险点都定为“高”(扩大化)")
		for _, p := range bk.powers {
			if len(p.risks) > 0 && p.name != "" && !graded[p] && c.riskWord(p.name) == "" {
				bk.mark("R06", p, 0, importer.KeyGrade, "(提示)不涉及人财物的职权“"+p.name+"”定为高风险")
			}
		}
	}
	col, header := importer.KeyOwner, "责任人"
	for _, m := range bk.marks {
		if m.col == importer.KeyOwner { // R09 needs the column: leave out another
			col, header = importer.KeyDept, "承办科室"
		}
	}
	bk.drop = append(bk.drop, col)
	bk.mark("S03", nil, -1, col, "表格缺少“"+header+"”栏")
}

// allHigh rates every risk point of bk 高 (R07) but those whose grade is a
// defect of its own; it does nothing and reports false when one of those
// holds another valid grade, as R07 would then not apply.
func allHigh(bk *book, graded map[*power]bool) bool {
	for p := range graded {
		if p == nil {
			continue
		}
		for _, r := range p.risks {
			if r.grade == importer.GradeMedium || r.grade == importer.GradeLow {
				return false
			}
		}
	}
	n := 0
	for _, p := range bk.powers {
		for i := range p.risks {
			if !graded[p] {
				p.risks[i].grade = importer.GradeHigh
				n++
			}
		}
	}
	return n >= 3
}

// formatMistakes: a gap in 序号 (S05) and a column the template does not
// have (S07).
func formatMistakes(c *county, bk *book, _ *rand.Rand) {
	if n := len(bk.powers); n >= 4 {
		bk.seqGap = bk.powers[n/2]
		bk.mark("S05", bk.seqGap, -1, importer.KeySeq, "序号不连续(跳过一个号)")
	}
	bk.extra = extraHeader
	bk.mark("S07", nil, -1, importer.Key(extraHeader), "增加了模板没有的“"+extraHeader+"”栏")
}

// stubTarget returns a power and the index of its risk point whose 危害性
// R02 or R03 may empty or replace with a stock phrase. Without its 危害性 a
// statement has six slots left, so two such rows of different units could
// come close to X04: the risk point is one whose number shares at most
// stubClose of them with every stub planted before, when one is found.
func (c *county) stubTarget(bk *book, rng *rand.Rand) (*power, int) {
	var first *power
	for range 8 {
		p := c.target(bk, rng, anyPower)
		if p == nil {
			return nil, 0
		}
		if first == nil {
			first = p
		}
	risks:
		for i, r := range p.risks {
			for _, s := range c.stubs {
				if sharedBeforeHarm(r.num, s) > stubClose {
					continue risks
				}
			}
			c.stubs = append(c.stubs, r.num)
			return p, i
		}
	}
	return first, 0
}

// riskMistakes: R01–R06, R08 and R09.
func riskMistakes(c *county, bk *book, _ *book, rng *rand.Rand) {
	if p := c.target(bk, rng, anyPower); p != nil {
		p.risks = nil
		bk.mark("R01", p, -1, importer.KeyPoint, "职权“"+p.name+"”没有查找风险点")
	}
	parts := []struct {
		rule string
		col  importer.Key
		set  func(*risk)
		note string
		stub bool // 危害性 removed or a stock phrase
	}{
		{"R02", importer.KeyHarm, func(r *risk) { r.harm = "" }, "风险点缺少危害性", true},
		{"R03", importer.KeyHarm, func(r *risk) { r.harm = "违规违纪" }, "危害性只写“违规违纪”", true},
		{"R05", importer.KeyGrade, func(r *risk) { r.grade = "" }, "风险等级为空", false},
		{"R08", importer.KeyMeasures, func(r *risk) { r.measures = "加强管理" }, "防控措施只写“加强管理”", false},
		{"R09", importer.KeyOwner, func(r *risk) { r.owner = "" }, "责任人为空", false},
	}
	for _, pt := range parts {
		p, i := c.target(bk, rng, anyPower), 0
		if pt.stub {
			p, i = c.stubTarget(bk, rng)
		}
		if p != nil && len(p.risks) > 0 {
			pt.set(&p.risks[i])
			bk.mark(pt.rule, p, i, pt.col, pt.note)
		}
	}
	// R04: the statement of one power copied onto two more, so the unit's
	// own statement (unlike a fixed sentence) stays its own in the county.
	var stock *risk
	for i := 0; i < 3; i++ {
		if p := c.target(bk, rng, anyPower); p != nil && len(p.risks) > 0 {
			if stock == nil {
				stock = &risk{source: p.risks[0].source, point: p.risks[0].point, harm: p.risks[0].harm}
			}
			p.risks[0].source, p.risks[0].point, p.risks[0].harm = stock.source, stock.point, stock.harm
			bk.mark("R04", p, 0, importer.KeyPoint, "三项职权套用同一句风险点表述")
		}
	}
	money := func(s *powerSpec) bool { return s.Theme == "money" }
	if p := c.target(bk, rng, money); p != nil {
		for i := range p.risks {
			p.risks[i].grade = importer.GradeLow
		}
		bk.mark("R06", p, 0, importer.KeyGrade, "涉及财务的职权“"+p.name+"”定为低风险")
	}
}
