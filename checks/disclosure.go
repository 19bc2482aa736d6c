package checks

import (
	"fmt"
	"strings"

	"lianfang/importer"
)

// channel is how a disclosure form was classified.
type channel int

const (
	channelUnknown channel = iota
	channelPublic
	channelInternal
)

// classify finds the longest public or internal channel a form contains,
// so that 校内公示栏 (internal) wins over 公示栏 (public).
func (c *checker) classify(form string) channel {
	n := strings.ToUpper(importer.Normalize(form))
	pub, in := longestIn(n, c.lx.PublicChannels), longestIn(n, c.lx.InternalChannels)
	switch {
	case pub == "" && in == "":
		return channelUnknown
	case len(in) >= len(pub):
		return channelInternal
	}
	return channelPublic
}

// forms returns the disclosure forms of p, split by the importer.
func forms(p *importer.Power) []string {
	var out []string
	for _, f := range p.Forms {
		if strings.TrimSpace(f) != "" {
			out = append(out, f)
		}
	}
	if len(out) == 0 && strings.TrimSpace(p.Form) != "" {
		out = []string{p.Form}
	}
	return out
}

// disclosure checks the 公开 cells of p: D02–D07. D01 (scope empty) is a
// field rule; an unrecognised scope is S08 and stops these rules.
func (c *checker) disclosure(p *importer.Power) {
	if !c.has(p, importer.KeyScope) {
		return
	}
	scope := p.Scope
	if !isCanonical(importer.ScopeEnum, scope) {
		return
	}
	external := c.has(p, importer.KeyKind) && p.Kind == importer.KindExternal
	scopeRef := c.cell(p, importer.KeyScope)
	if external && scope != importer.ScopePublic {
		c.add("D02", scopeRef, importer.KeyScope, fmt.Sprintf("外部职权%s的公开范围是%s,外部职权要全部面向社会公开", q(p.Name), q(scope)))
	}
	c.formChecks(p, scope, external)
	if scope == importer.ScopeNone && !external && longestIn(importer.Normalize(p.Note), c.lx.SecrecyReasons) == "" {
		ref, k := c.cell(p, importer.KeyNote), importer.KeyNote
		if !c.has(p, importer.KeyNote) {
			ref, k = scopeRef, importer.KeyScope
		}
		c.add("D05", ref, k, fmt.Sprintf("职权%s不公开,备注%s没有写明国家秘密、工作秘密、商业秘密或个人隐私等理由", q(p.Name), q(p.Note)))
	}
	c.sanZhongYiDa(p, scope, scopeRef)
}

// formChecks runs D03, D04 and D06 on the 公开形式 of p.
func (c *checker) formChecks(p *importer.Power, scope string, external bool) {
	if !c.has(p, importer.KeyForm) {
		c.missingForms(p, scope)
		return
	}
	ref := c.cell(p, importer.KeyForm)
	fs := forms(p)
	if len(fs) == 0 {
		if scope == importer.ScopePublic || scope == importer.ScopeInternal {
			c.add("D04", ref, importer.KeyForm, fmt.Sprintf("公开范围为%s,公开形式未填写", q(scope)))
		}
		return
	}
	var unknown []string
	public := false
	for _, f := range fs {
		switch c.classify(f) {
		case channelPublic:
			public = true
		case channelUnknown:
			unknown = append(unknown, f)
		}
	}
	if external && !public {
		c.add("D03", ref, importer.KeyForm, fmt.Sprintf("外部职权的公开形式%s没有面向社会的渠道(网站、公告等)", q(p.Form)))
	}
	if len(unknown) > 0 {
		c.add("D06", ref, importer.KeyForm, fmt.Sprintf("公开形式%s不是规定的公开形式", joinQuoted(unknown)))
	}
}

// missingForms reports, once per sheet and on the sheet as a whole, that a
// sheet without a 公开形式 column has powers that must give their forms
// (D04), instead of one finding per row.
func (c *checker) missingForms(p *importer.Power, scope string) {
	if scope != importer.ScopePublic && scope != importer.ScopeInternal {
		return
	}
	if c.formsReported == nil {
		c.formsReported = map[string]bool{}
	}
	if c.formsReported[p.Ref.Sheet] {
		return
	}
	c.formsReported[p.Ref.Sheet] = true
	c.add("D04", importer.Ref{Sheet: p.Ref.Sheet}, importer.KeyForm, "表中没有“公开形式”列,面向社会和单位内部公开的职权都要填写公开形式")
}

// sanZhong returns the 三重一大 category whose keyword the name holds.
func (c *checker) sanZhong(name string) (string, string) {
	n := importer.Normalize(name)
	for _, g := range c.lx.SanZhongYiDa {
		if w := longestIn(n, g.Words); w != "" {
			return g.Name, w
		}
	}
	return "", ""
}

// sanZhongYiDa checks a 三重一大 power (D07): not 不公开 (error), and at the
// 单位职权 level (warning).
func (c *checker) sanZhongYiDa(p *importer.Power, scope string, scopeRef importer.Ref) {
	cat, _ := c.sanZhong(p.Name)
	if cat == "" {
		return
	}
	if scope == importer.ScopeNone {
		c.add("D07", scopeRef, importer.KeyScope, fmt.Sprintf("“三重一大”事项(%s)%s不公开,至少要在单位内部公开", cat, q(p.Name)))
	}
	if c.has(p, importer.KeyLevel) && p.Level != importer.LevelUnit && isCanonical(importer.LevelEnum, p.Level) {
		c.addSev("D07", Warning, c.cell(p, importer.KeyLevel), importer.KeyLevel,
			fmt.Sprintf("“三重一大”事项(%s)%s列为%s,应作为单位职权由领导班子集体行使", cat, q(p.Name), q(p.Level)))
	}
}

// isCanonical reports whether v is one of e's canonical values.
func isCanonical(e *importer.Enum, v string) bool {
	for _, x := range e.Values {
		if v == x {
			return true
		}
	}
	return false
}
