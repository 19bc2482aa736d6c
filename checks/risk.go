package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"lianfang/importer"
)

// Thresholds of the risk rules.
const (
	minPartHan      = 4 // R03: a part needs at least this many Chinese characters
	stockKeepHan    = 3 // R03: fewer left once stock phrases are removed is "only a stock phrase"
	minMeasureRunes = 8 // R08: shorter measures get a warning
	measureKeepHan  = 4 // R08: fewer left once stock phrases are removed is "only a stock phrase"
	repeatThreshold = 3 // R04: a statement on this many powers is 形式化
)

// threeColumns reports whether p's risk points are read from the three
// columns 风险源, 风险点, 危害性 (else from the one 廉政风险点 column).
func (c *checker) threeColumns(p *importer.Power, r *importer.Risk) bool {
	three := c.has(p, importer.KeySource) && c.has(p, importer.KeyPoint) && c.has(p, importer.KeyHarm)
	if !three || !c.has(p, importer.KeyStatement) {
		return three
	}
	// Both layouts possible (a sheet of unknown layout): use what is filled.
	return r.Statement == "" || r.Source+r.Point+r.Harm != ""
}

// hasLayout reports whether p's sheet has either risk layout (else S03).
func (c *checker) hasLayout(p *importer.Power) bool {
	return c.has(p, importer.KeyStatement) ||
		c.has(p, importer.KeySource) && c.has(p, importer.KeyPoint) && c.has(p, importer.KeyHarm)
}

// hasRiskText reports whether r states anything in its risk columns.
func (c *checker) hasRiskText(p *importer.Power, r *importer.Risk) bool {
	if c.threeColumns(p, r) {
		// A valid first part with text makes the joined parts non-blank
		// (its runes decode alike there); else join them, as defined.
		if strings.TrimSpace(r.Source) != "" && utf8.ValidString(r.Source) {
			return true
		}
		return strings.TrimSpace(r.Source+r.Point+r.Harm) != ""
	}
	return strings.TrimSpace(r.Statement) != ""
}

// statementKey returns the text R04 compares: the statement or the three
// parts, trimmed and normalised.
func (c *checker) statementKey(p *importer.Power, r *importer.Risk) string {
	if c.threeColumns(p, r) {
		return importer.Normalize(trimPart(r.Source)) + "\x00" + importer.Normalize(trimPart(r.Point)) + "\x00" + importer.Normalize(trimPart(r.Harm))
	}
	return importer.Normalize(trimPart(r.Statement))
}

// itemName is "第2项" for a numbered item, else "".
func itemName(r *importer.Risk) string {
	if r.Item > 0 {
		return fmt.Sprintf("第%d项", r.Item)
	}
	return ""
}

// risks checks the risk points of p: R01, R02, R03 and the R08 warning.
func (c *checker) risks(p *importer.Power) {
	if !c.hasLayout(p) {
		return
	}
	found := false
	for i := range p.Risks {
		r := &p.Risks[i]
		if !c.hasRiskText(p, r) {
			continue
		}
		found = true
		c.riskParts(p, r)
		c.measures(p, r)
	}
	if !found {
		k := importer.KeyStatement
		if c.threeColumns(p, &importer.Risk{}) {
			k = importer.KeyPoint
		}
		c.add("R01", c.cell(p, k), k, fmt.Sprintf("职权%s没有填写廉政风险点,“查不到风险是最现实的危险”", q(p.Name)))
	}
}

// riskParts checks that r has its three parts (R02), each specific (R03).
func (c *checker) riskParts(p *importer.Power, r *importer.Risk) {
	item := itemName(r)
	if c.threeColumns(p, r) {
		texts := [3]string{r.Source, r.Point, r.Harm}
		// context quotes the first part written, for R02's message only.
		context := func() string {
			for _, t := range [3]string{r.Point, r.Source, r.Harm} {
				if t = trimPart(t); t != "" {
					return "(" + q(t) + ")"
				}
			}
			return ""
		}
		for i, k := range partKeys {
			ref := c.at(p, r.Ref.Row, k)
			if t := trimPart(texts[i]); t == "" {
				c.add("R02", ref, k, fmt.Sprintf("风险点%s%s缺少“%s”,应由风险源、风险点、危害性三个要素组成", item, context(), Part(i)))
			} else {
				c.partDetail(ref, k, item, Part(i), t)
			}
		}
		return
	}
	ref := c.at(p, r.Ref.Row, importer.KeyStatement)
	parts, err := Split(r.Statement)
	if se, ok := err.(*SplitError); ok {
		names := make([]string, len(se.Missing))
		for i, m := range se.Missing {
			names[i] = "“" + m.String() + "”"
		}
		c.add("R02", ref, importer.KeyStatement, fmt.Sprintf("廉政风险点%s%s缺少%s,应由风险源、风险点、危害性三个要素组成",
			item, q(r.Statement), strings.Join(names, "、")))
	}
	for pt := PartSource; pt <= PartHarm; pt++ {
		if t := parts.Get(pt); t != "" {
			c.partDetail(ref, importer.KeyStatement, item, pt, t)
		}
	}
}

// partDetail reports a part that is too simple or only a stock phrase (R03).
func (c *checker) partDetail(ref importer.Ref, k importer.Key, item string, pt Part, text string) {
	switch {
	case hanCount(text) < minPartHan:
		c.add("R03", ref, k, fmt.Sprintf("%s“%s”%s太简单,不足 %d 个字", item, pt, q(text), minPartHan))
	case onlyStock(importer.Normalize(text), c.riskStock, stockKeepHan):
		c.add("R03", ref, k, fmt.Sprintf("%s“%s”%s只是套话,太笼统,没有写明具体内容", item, pt, q(text)))
	}
}

// measures gives the R08 warning: measures too short or only stock phrases.
// Empty measures are the R08 error of the field rules.
func (c *checker) measures(p *importer.Power, r *importer.Risk) {
	m := strings.TrimSpace(r.Measures)
	if m == "" || !c.has(p, importer.KeyMeasures) {
		return
	}
	ref := c.at(p, r.Ref.Row, importer.KeyMeasures)
	n := importer.Normalize(m)
	switch {
	case onlyStock(n, c.measureStock, measureKeepHan):
		c.addSev("R08", Warning, ref, importer.KeyMeasures, fmt.Sprintf("防控措施%s只是套话,没有针对风险点的具体措施", q(m)))
	case utf8.RuneCountInString(n) < minMeasureRunes:
		c.addSev("R08", Warning, ref, importer.KeyMeasures, fmt.Sprintf("防控措施%s太简单,不足 %d 个字", q(m), minMeasureRunes))
	}
}

// repeatedStatements reports a statement used for three or more powers of
// the unit (R04) on every row that carries it.
func (c *checker) repeatedStatements() {
	type use struct {
		p *importer.Power
		r *importer.Risk
	}
	uses := map[string][]use{}
	var order []string
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if !c.hasLayout(p) {
			continue
		}
		for j := range p.Risks {
			r := &p.Risks[j]
			if !c.hasRiskText(p, r) {
				continue
			}
			k := c.statementKey(p, r)
			if _, ok := uses[k]; !ok {
				order = append(order, k)
			}
			uses[k] = append(uses[k], use{p, r})
		}
	}
	for _, k := range order {
		us := uses[k]
		powers := map[*importer.Power]bool{}
		for _, u := range us {
			powers[u.p] = true
		}
		if len(powers) < repeatThreshold {
			continue
		}
		for _, u := range us {
			col := importer.KeyStatement
			text := u.r.Statement
			if c.threeColumns(u.p, u.r) {
				col, text = importer.KeyPoint, u.r.Point
			}
			c.add("R04", c.at(u.p, u.r.Ref.Row, col), col,
				fmt.Sprintf("风险点%s在本单位 %d 项职权中重复使用,查找风险流于形式化", q(text), len(powers)))
		}
	}
}
