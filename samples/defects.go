package samples

import (
	"math/rand/v2"
	"strings"

	"lianfang/importer"
)

// bundles are the typical mistakes, grouped as a unit makes them. Their
// order matters: with two defective units the first carries bundles 0 and
// 2, the second 1 and 3, and no two mistakes of one unit hide each other.
var bundles = []bundle{
	{name: "名称和依据不规范", apply: namingMistakes},
	{name: "公开和格式不规范", apply: disclosureMistakes, post: formatMistakes},
	{name: "职权清理不全面", pre: removeMistakes, post: orderMistakes},
	{name: "风险点查找不实", apply: riskMistakes},
}

// namingMistakes: N01–N07 and B01–B06.
func namingMistakes(c *county, bk *book, _ *book, rng *rand.Rand) {
	modest := c.modest
	renames := []struct{ rule, name, note string }{
		{"N02", "校园文化建设", "职权名称“校园文化建设”看不出权力性质"},
		{"N03", "学籍管理", "职权名称只写“学籍管理”,性质不明"},
		{"N04", "关于学校各年级学生综合素质评价结果的审核确认及公示办理", "职权名称过长,不够简练"},
		{"N05", "其他事项", "职权名称“其他事项”太笼统(同时缺少权力性质,可能另报N02)"},
	}
	if p := c.target(bk, rng, modest); p != nil {
		c.rename(p, "")
		bk.mark("N01", p, -1, importer.KeyName, "职权名称为空")
	}
	for _, r := range renames {
		if p := c.target(bk, rng, modest); p != nil {
			c.rename(p, r.name)
			bk.mark(r.rule, p, -1, importer.KeyName, r.note)
		}
	}
	if base := c.target(bk, rng, anyPower); base != nil {
		dup := c.newPower(bk, base.spec, 1, rng)
		dup.depts = "总务处、办公室"
		bk.insert(dup)
		bk.reserve(base)
		bk.markRef("N06", dup, base, importer.KeyName, "同一职权“"+base.name+"”列了两次")
	}
	if base := c.target(bk, rng, func(s *powerSpec) bool { return twinName(s.Name) != "" }); base != nil {
		twin := c.newPower(bk, base.spec, 1, rng)
		c.rename(twin, twinName(base.name))
		bk.insert(twin)
		bk.reserve(base)
		bk.markRef("N07", twin, base, importer.KeyName, "“"+twin.name+"”与“"+base.name+"”几乎相同")
	}
	bases := []struct{ rule, basis, note string }{
		{"B01", "", "职权依据为空"},
		{"B02", "校长办公会研究决定", "职权依据没有可识别的法规或文件"},
		{"B03", "上级要求", "职权依据写“上级要求”"},
		{"B04", "《中华人民共和国教育法》", "引用法律未写明条款"},
		{"B05", "《学校后勤工作》", "书名号内不是文件名称"},
	}
	for _, b := range bases {
		if p := c.target(bk, rng, anyPower); p != nil {
			p.basis = b.basis
			bk.mark(b.rule, p, -1, importer.KeyBasis, b.note)
		}
	}
	if p := c.partyPower(bk, rng); p != nil {
		p.basis = c.bank.bases["jyf29"]
		bk.mark("B06", p, -1, importer.KeyBasis, "党务职权“"+p.name+"”未引用党章或党内法规")
	}
}

// twinName returns a name that differs from name only in its nature word
// (学校物资采购审核 → 学校物资采购审批), or "" when name does not end in one.
func twinName(name string) string {
	if len([]rune(name)) < 6 {
		return ""
	}
	for _, sw := range [][2]string{{"审核", "审批"}, {"审批", "审核"}, {"审定", "审核"}} {
		if stem, ok := strings.CutSuffix(name, sw[0]); ok {
			return stem + sw[1]
		}
	}
	return ""
}

// partyPower returns a party-affairs power of bk (a 书记 power), adding one
// when the unit lists none.
func (c *county) partyPower(bk *book, rng *rand.Rand) *power {
	for _, p := range bk.powers {
		if p.spec.Theme == "party" && !bk.touched(p) {
			return p
		}
	}
	for i := range c.bank.powers {
		if s := &c.bank.powers[i]; s.Theme == "party" && !bk.has(s) {
			p := c.newPower(bk, s, 1, rng)
			bk.insert(p)
			return p
		}
	}
	return nil
}

// disclosureMistakes: D01–D07, S08 and statements copied from another
// unit (X04).
func disclosureMistakes(c *county, bk *book, donor *book, rng *rand.Rand) {
	type change struct {
		rule        string
		keep        func(*powerSpec) bool
		scope, form string
		col         importer.Key
		note        string
	}
	for _, ch := range []change{
		{"D01", internal, "", "-", importer.KeyScope, "公开范围为空"},
		{"D02", external, importer.ScopeInternal, "校务公开栏、文件", importer.KeyScope, "外部职权只在单位内部公开"},
		{"D03", external, importer.ScopePublic, "文件、会议", importer.KeyForm, "外部职权没有面向社会的公开渠道"},
		{"D04", internal, importer.ScopeInternal, "", importer.KeyForm, "单位内部公开但未填公开形式"},
		{"D05", internal, importer.ScopeNone, "", importer.KeyScope, "不公开但备注未写理由"},
		{"D06", external, importer.ScopePublic, "黑板报、网站", importer.KeyForm, "公开形式“黑板报”不在规定的公开形式内"},
	} {
		if p := c.target(bk, rng, ch.keep); p != nil {
			if ch.scope != "" || ch.rule == "D01" {
				p.scope = ch.scope
			}
			if ch.form != "-" {
				p.form = ch.form
			}
			bk.mark(ch.rule, p, -1, ch.col, ch.note)
		}
	}
	for _, p := range bk.powers {
		if p.spec.SZ == "资金" {
			p.scope, p.form, p.note = importer.ScopeNone, "", "涉及工作秘密"
			bk.mark("D07", p, -1, importer.KeyScope, "“三重一大”职权“"+p.name+"”不公开")
		}
	}
	if p := c.target(bk, rng, anyPower); p != nil && len(p.risks) > 0 {
		p.risks[0].grade = "较高"
		bk.mark("S08", p, 0, importer.KeyGrade, "风险等级填“较高”,不在下拉列表内")
	}
	copyStatements(bk, donor, rng)
}

// copyStatements puts three risk statements of another unit, word for
// word, on three powers of bk (X04 on both units).
func copyStatements(bk, donor *book, rng *rand.Rand) {
	if donor == nil || donor == bk {
		return
	}
	var from, to []*power
	for _, p := range donor.powers {
		if len(p.risks) > 0 && !donor.touched(p) {
			from = append(from, p)
		}
	}
	for _, p := range bk.powers {
		if len(p.risks) > 0 && !bk.touched(p) {
			to = append(to, p)
		}
	}
	rng.Shuffle(len(to), func(i, j int) { to[i], to[j] = to[j], to[i] })
	for i := 0; i < 3 && i < len(from) && i < len(to); i++ {
		src, dst := &from[i].risks[0], &to[i].risks[0]
		dst.source, dst.point, dst.harm = src.source, src.point, src.harm
		bk.mark("X04", to[i], 0, importer.KeyPoint, "风险点照抄"+donor.unit.Name+"的表述")
		donor.mark("X04", from[i], 0, importer.KeyPoint, "风险点被"+bk.unit.Name+"照抄")
	}
}
