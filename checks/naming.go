package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"lianfang/importer"
)

// maxNameRunes is the longest concise name (N04).
const maxNameRunes = 25

// sentencePunct is the sentence punctuation a name must not hold (N04), in
// Normalize form (NFKC folds ,;:!? to ASCII; 。 stays).
const sentencePunct = ",。;:!?"

// naming checks the name of p: N05 vague, N02 no nature, N03 only 管理, N04
// not concise. N01 (empty) is a field rule.
func (c *checker) naming(p *importer.Power) {
	if !c.has(p, importer.KeyName) || strings.TrimSpace(p.Name) == "" {
		return
	}
	ref := c.cell(p, importer.KeyName)
	n := importer.Normalize(p.Name)
	if w, vague := c.vagueName(n); vague {
		c.add("N05", ref, importer.KeyName, fmt.Sprintf("职权名称%s%s,过于笼统", q(p.Name), w))
	} else if longestIn(n, c.lx.Nature) == "" {
		if weak := longestIn(n, c.lx.Weak); weak != "" {
			c.add("N03", ref, importer.KeyName, fmt.Sprintf("职权名称%s只有“%s”,权力性质不明确", q(p.Name), weak))
		} else {
			c.add("N02", ref, importer.KeyName, fmt.Sprintf("职权名称%s没有体现权力的性质(如审核、审定、审批、决定)", q(p.Name)))
		}
	}
	if l := utf8.RuneCountInString(n); l > maxNameRunes {
		c.add("N04", ref, importer.KeyName, fmt.Sprintf("职权名称%s有 %d 个字,超过 %d 个字,不够简练", q(p.Name), l, maxNameRunes))
	} else if strings.ContainsAny(n, sentencePunct) {
		c.add("N04", ref, importer.KeyName, fmt.Sprintf("职权名称%s含有句子标点,应是一个简练的短语", q(p.Name)))
	}
}

// vagueName reports whether the normalised name n is vague (N05) and how:
// "是笼统说法" or "以“等”结尾".
func (c *checker) vagueName(n string) (string, bool) {
	n = strings.TrimRight(n, sentencePunct+".、")
	for _, v := range c.lx.VagueNames {
		if n == v {
			return "是笼统说法", true
		}
	}
	for _, s := range c.lx.VagueSuffixes {
		if strings.HasSuffix(n, s) {
			return fmt.Sprintf("以“%s”结尾", s), true
		}
	}
	return "", false
}

// nameEntry is one power's name prepared for N06 and N07.
type nameEntry struct {
	p     *importer.Power
	norm  string
	grams bigrams
}

// duplicates finds powers listed twice (N06: same normalised name and
// level) and near duplicates (N07: bigram similarity ≥ NearDuplicate). Each
// finding lands on the later occurrence and names the row of the first.
// Bigram sets are built once, so the pairwise pass stays cheap at a few
// hundred powers.
func (c *checker) duplicates() {
	var es []nameEntry
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if !c.has(p, importer.KeyName) {
			continue
		}
		if n := importer.Normalize(p.Name); n != "" {
			es = append(es, nameEntry{p: p, norm: n, grams: newBigrams(n)})
		}
	}
	for j := range es {
		b := &es[j]
		if a := firstOf(es[:j], func(a *nameEntry) bool { return a.norm == b.norm && a.p.Level == b.p.Level }); a != nil {
			c.add("N06", c.cell(b.p, importer.KeyName), importer.KeyName,
				fmt.Sprintf("职权%s与%s重复(同一层级同名),同一职权只列一项", q(b.p.Name), c.rowName(a.p)))
			continue
		}
		var sim float64
		if a := firstOf(es[:j], func(a *nameEntry) bool {
			if !diceCanReach(len(a.grams), len(b.grams)) {
				return false
			}
			sim = dice(a.grams, b.grams)
			return sim >= NearDuplicate
		}); a != nil {
			c.add("N07", c.cell(b.p, importer.KeyName), importer.KeyName,
				fmt.Sprintf("职权名称%s与%s的%s几乎相同(相似度 %.2f),可能重复、交叉", q(b.p.Name), c.rowName(a.p), q(a.p.Name), sim))
		}
	}
}

// firstOf returns the first entry of es that ok accepts, or nil.
func firstOf(es []nameEntry, ok func(*nameEntry) bool) *nameEntry {
	for i := range es {
		if ok(&es[i]) {
			return &es[i]
		}
	}
	return nil
}

// rowName names the row of p for a message: "第 5 行", with the sheet when
// there are several catalogue sheets.
func (c *checker) rowName(p *importer.Power) string {
	if c.multiSheet {
		return fmt.Sprintf("%s第 %d 行", p.Ref.Sheet, p.Ref.Row)
	}
	return fmt.Sprintf("第 %d 行", p.Ref.Row)
}
