package checks

import (
	"fmt"
	"strings"

	"lianfang/importer"
)

// completeness runs the C rules on the whole unit.
func (c *checker) completeness(unitType string) {
	c.requiredPosts(unitType)
	c.levels()
	c.sanZhongPowers()
	c.order()
}

// anyHas reports whether any power's sheet has the column of key.
func (c *checker) anyHas(k importer.Key) bool {
	for i := range c.sub.Powers {
		if c.has(&c.sub.Powers[i], k) {
			return true
		}
	}
	return false
}

// postNames splits a 行使岗位 cell into the post names it holds, so that
// "校长、书记" and "中层干部(教导主任)" name each of their posts.
func postNames(cell string) []string {
	n := importer.Normalize(cell)
	return strings.FieldsFunc(n, func(r rune) bool {
		return strings.ContainsRune("、,;/()|", r) || r == '。'
	})
}

// KnownUnitType reports whether t (in any width) is a unit type with
// required posts in lx.
func (lx *Lexicon) KnownUnitType(t string) bool {
	_, ok := group(lx.UnitPosts, importer.Normalize(t))
	return ok
}

// requiredPosts reports each post the unit type requires that no 岗位职权
// row names, directly or by a synonym (C01). An unknown type skips it.
func (c *checker) requiredPosts(unitType string) {
	g, ok := group(c.lx.UnitPosts, importer.Normalize(unitType))
	if !ok || !c.anyHas(importer.KeyLevel) {
		return
	}
	have := map[string]bool{}
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if p.Level == importer.LevelPost {
			for _, name := range postNames(p.Post) {
				have[name] = true
			}
		}
	}
	for _, post := range g.Words {
		names := []string{post}
		if syn, ok := group(c.lx.PostSynonyms, post); ok {
			names = append(names, syn.Words...)
		}
		found := false
		for _, n := range names {
			found = found || have[n]
		}
		if !found {
			c.add("C01", importer.Ref{}, importer.KeyPost, fmt.Sprintf("单位类型为%s,缺少%s岗位的岗位职权", q(g.Name), q(post)))
		}
	}
}

// levels reports a level with no powers (C02).
func (c *checker) levels() {
	if !c.anyHas(importer.KeyLevel) {
		return
	}
	have := map[string]bool{}
	for _, p := range c.sub.Powers {
		have[p.Level] = true
	}
	for _, l := range importer.LevelEnum.Values {
		if !have[l] {
			c.add("C02", importer.Ref{}, importer.KeyLevel, fmt.Sprintf("没有%s:单位职权、内设部门职权、岗位职权三个层次都要清理", q(l)))
		}
	}
}

// sanZhongPowers reports a 三重一大 category with no unit-level internal
// power (C03).
func (c *checker) sanZhongPowers() {
	if !c.anyHas(importer.KeyLevel) || !c.anyHas(importer.KeyKind) {
		return
	}
	have := map[string]bool{}
	for _, p := range c.sub.Powers {
		if p.Level == importer.LevelUnit && p.Kind == importer.KindInternal {
			if cat, _ := c.sanZhong(p.Name); cat != "" {
				have[cat] = true
			}
		}
	}
	for _, g := range c.lx.SanZhongYiDa {
		if !have[g.Name] {
			c.add("C03", importer.Ref{}, importer.KeyName, fmt.Sprintf("单位职权中没有“三重一大”的%s内部职权", q(g.Name)))
		}
	}
}

// order reports each external power listed after an internal one (C04), on
// its 职权类别 cell, naming the first internal power's row.
func (c *checker) order() {
	var first *importer.Power
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if !c.has(p, importer.KeyKind) {
			continue
		}
		switch {
		case p.Kind == importer.KindInternal && first == nil:
			first = p
		case p.Kind == importer.KindExternal && first != nil:
			c.add("C04", c.cell(p, importer.KeyKind), importer.KeyKind,
				fmt.Sprintf("外部职权%s排在内部职权%s(%s)之后,内部职权应填在外部职权的后面", q(p.Name), q(first.Name), c.rowName(first)))
		}
	}
}
