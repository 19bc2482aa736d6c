package checks

import (
	"fmt"
	"regexp"
	"strings"

	"lianfang/importer"
)

// article matches an article reference: 第二十九条, 第29条.
var article = regexp.MustCompile(`第[0-9一二三四五六七八九十百千零〇两]+条`)

// docNumber matches a document number: 〔2012〕5号, [2012]5号, 2012年5号.
var docNumber = regexp.MustCompile(`[0-9]+号`)

// title is one 《》 document title of a basis, in Normalize form, with the
// text that follows it up to the next title (where its article would be).
type title struct {
	name  string
	after string
}

// titles returns the 《》 titles of the normalised basis n and whether its
// 《 and 》 are balanced (paired and not nested).
func titles(n string) ([]title, bool) {
	var ts []title
	var opens, ends []int // where each title's 《 starts and 》 ends
	balanced, depth, open := true, 0, 0
	for i, r := range n {
		switch r {
		case '《':
			balanced = balanced && depth == 0
			depth, open = depth+1, i
		case '》':
			if depth == 0 {
				balanced = false
				continue
			}
			depth--
			ts = append(ts, title{name: n[open+len("《") : i]})
			opens, ends = append(opens, open), append(ends, i+len("》"))
		}
	}
	for k := range ts {
		next := len(n)
		if k+1 < len(ts) {
			next = max(opens[k+1], ends[k])
		}
		ts[k].after = n[ends[k]:next]
	}
	return ts, balanced && depth == 0
}

// kindOf returns a title without trailing parenthesised notes such as
// (试行) or (2015年修订), which do not change the document's kind.
func kindOf(name string) string {
	for strings.HasSuffix(name, ")") {
		i := strings.LastIndex(name, "(")
		if i <= 0 {
			break
		}
		name = name[:i]
	}
	return name
}

// notLaw are endings in 法 that are no law: 《…管理办法》 is a rule of a
// ministry, cited whole.
var notLaw = []string{"办法", "方法", "做法"}

// isLaw reports whether a title names a law or regulation (ends in 法 or
// 条例, but not 办法), which must be cited with its article.
func isLaw(name string) bool {
	k := kindOf(name)
	for _, s := range notLaw {
		if strings.HasSuffix(k, s) {
			return false
		}
	}
	return strings.HasSuffix(k, "法") || strings.HasSuffix(k, "条例")
}

// basis checks the 职权依据 of p: B02, B03, B04, B05 and B06. B01 (empty) is a
// field rule.
func (c *checker) basis(p *importer.Power) {
	if !c.has(p, importer.KeyBasis) || strings.TrimSpace(p.Basis) == "" {
		return
	}
	ref := c.cell(p, importer.KeyBasis)
	n := importer.Normalize(p.Basis)
	ts, balanced := titles(n)
	doc := longestIn(n, c.lx.BasisSources)
	if len(ts) == 0 && doc == "" {
		if non := longestIn(n, c.lx.NonSources); non != "" {
			c.add("B03", ref, importer.KeyBasis, fmt.Sprintf("职权依据%s不是依据:“%s”没有写明具体的法律法规或文件", q(p.Basis), non))
			return
		}
		if iss := longestIn(n, c.lx.Issuers); iss == "" || (longestIn(n, c.lx.DocKinds) == "" && !docNumber.MatchString(n)) {
			c.add("B02", ref, importer.KeyBasis, fmt.Sprintf("职权依据%s中没有可识别的法律法规或文件名称", q(p.Basis)))
			return
		}
	}
	c.articles(p, ref, n, ts, doc)
	c.titleKinds(ref, ts, balanced)
	c.partyBasis(p, ref, n, ts)
}

// articles reports laws and regulations cited without an article (B04).
func (c *checker) articles(p *importer.Power, ref importer.Ref, n string, ts []title, doc string) {
	var bad []string
	for _, t := range ts {
		if isLaw(t.name) && !article.MatchString(t.after) {
			bad = append(bad, "《"+t.name+"》")
		}
	}
	if len(ts) == 0 && isLaw(doc) && !article.MatchString(n) {
		bad = append(bad, doc)
	}
	if len(bad) > 0 {
		c.add("B04", ref, importer.KeyBasis, fmt.Sprintf("职权依据引用%s未写明条款(第几条),依据不充分", strings.Join(bad, "、")))
	}
}

// titleKinds reports unbalanced 《》 and titles that do not end in a
// document kind (B05).
func (c *checker) titleKinds(ref importer.Ref, ts []title, balanced bool) {
	if !balanced {
		c.add("B05", ref, importer.KeyBasis, "职权依据中的书名号《》不成对")
	}
	var bad []string
	for _, t := range ts {
		k := kindOf(t.name)
		ok := false
		for _, kind := range c.lx.DocKinds {
			if strings.HasSuffix(k, kind) {
				ok = true
				break
			}
		}
		if !ok {
			bad = append(bad, "《"+truncate(t.name, quoteRunes)+"》")
		}
	}
	if len(bad) > 0 {
		c.add("B05", ref, importer.KeyBasis, fmt.Sprintf("%s不是完整的文件名称,没有以法、条例、规定、办法、意见、通知等文种结尾", strings.Join(bad, "、")))
	}
}

// partyBasis reports a party-affairs power without a party source, and an
// administrative power whose only sources are party sources (B06).
func (c *checker) partyBasis(p *importer.Power, ref importer.Ref, n string, ts []title) {
	party := longestIn(n, c.lx.PartySources) != ""
	if w := longestIn(importer.Normalize(p.Name), c.lx.PartyNames); w != "" {
		if !party {
			c.add("B06", ref, importer.KeyBasis, fmt.Sprintf("党务职权%s的依据%s没有引用党章或党内法规", q(p.Name), q(p.Basis)))
		}
		return
	}
	if !party {
		return
	}
	outside := n
	for _, t := range ts {
		if longestIn(t.name, c.lx.PartySources) == "" {
			return // a non-party document is cited
		}
		outside = strings.Replace(outside, "《"+t.name+"》", "", 1)
	}
	for _, list := range [][]string{c.lx.BasisSources, c.lx.Issuers} {
		for _, s := range list {
			if strings.Contains(outside, s) && longestIn(s, c.lx.PartySources) == "" {
				return
			}
		}
	}
	c.add("B06", ref, importer.KeyBasis, fmt.Sprintf("行政职权%s只以党内法规%s为依据,应引用教育法律法规或政府文件", q(p.Name), q(p.Basis)))
}
