package samples

import (
	"math/rand/v2"
	"slices"
	"strings"

	"lianfang/importer"
)

// cleanBook plans a correct catalogue for unit u with about rows risk
// rows: the four 三重一大 powers, a power of every required post, powers of
// all three levels, external powers before internal ones.
func (c *county) cleanBook(u importer.RosterUnit, rows int, rng *rand.Rand) *book {
	var avail []*powerSpec
	for i := range c.bank.powers {
		if p := &c.bank.powers[i]; p.For(u.Type) {
			avail = append(avail, p)
		}
	}
	chosen := map[*powerSpec]bool{}
	free := func(keep func(*powerSpec) bool) []*powerSpec {
		var out []*powerSpec
		for _, p := range avail {
			if !chosen[p] && keep(p) {
				out = append(out, p)
			}
		}
		return out
	}
	pick := func(keep func(*powerSpec) bool) {
		if cands := free(keep); len(cands) > 0 {
			chosen[cands[rng.IntN(len(cands))]] = true
		}
	}
	for _, p := range avail {
		chosen[p] = p.SZ != ""
	}
	for _, post := range requiredPosts[u.Type] {
		pick(func(p *powerSpec) bool { return p.Post != "" && postCanon(p.Post) == post })
	}
	pick(func(p *powerSpec) bool { return p.Level == importer.LevelUnit && p.Kind == importer.KindExternal })
	pick(func(p *powerSpec) bool { return p.Level == importer.LevelDept })
	pick(func(p *powerSpec) bool { return p.Level == importer.LevelDept })
	rest := free(func(*powerSpec) bool { return true })
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	n := countTrue(chosen)
	for _, p := range rest {
		if n >= (rows+1)/2 {
			break
		}
		chosen[p] = true
		n++
	}
	var specs []*powerSpec
	for _, p := range avail {
		if chosen[p] {
			specs = append(specs, p)
		}
	}
	slices.SortStableFunc(specs, func(a, b *powerSpec) int { return orderRank(a) - orderRank(b) })
	bk := &book{unit: u, names: postNames(u.Type, rng)}
	for i, k := range riskCounts(len(specs), rows, rng) {
		bk.powers = append(bk.powers, c.newPower(bk, specs[i], k, rng))
	}
	return bk
}

// orderRank sorts external powers before internal ones ("内部职权…填在职权
// 目录表外部事项的后面") and, within each, unit, department and post powers.
func orderRank(p *powerSpec) int {
	r := map[string]int{importer.LevelUnit: 0, importer.LevelDept: 1, importer.LevelPost: 2}[p.Level]
	if p.Kind == importer.KindInternal {
		r += 3
	}
	return r
}

// riskCounts spreads rows risk points over n powers, at least one each.
func riskCounts(n, rows int, rng *rand.Rand) []int {
	counts := make([]int, n)
	for i := range counts {
		counts[i] = 1
	}
	limit := max(3, (rows+n-1)/max(n, 1)+1)
	for extra := rows - n; extra > 0; {
		if i := rng.IntN(n); counts[i] < limit {
			counts[i]++
			extra--
		}
	}
	return counts
}

// newPower fills a power of spec s for the unit of bk with k risk points.
func (c *county) newPower(bk *book, s *powerSpec, k int, rng *rand.Rand) *power {
	p := &power{spec: s, level: s.Level, kind: s.Kind, name: s.Name, depts: s.Depts,
		basis: c.basisOf(s, bk.unit.Name)}
	if s.Post != "" {
		p.post = writtenPost(bk.names, s.Post)
	}
	switch {
	case s.Secret:
		p.scope, p.note = importer.ScopeNone, secretNote
	case s.Kind == importer.KindExternal:
		p.scope, p.form = importer.ScopePublic, publicForms[rng.IntN(len(publicForms))]
	default:
		p.scope, p.form = importer.ScopeInternal, internalForms[rng.IntN(len(internalForms))]
	}
	p.risks = c.newRisks(bk, s, s.Name, k, rng)
	return p
}

// newRisks draws k risk points for a power of spec s called name.
func (c *county) newRisks(bk *book, s *powerSpec, name string, k int, rng *rand.Rand) []risk {
	measures := c.bank.phrase(s.Theme, "measure")
	m0 := rng.IntN(len(measures))
	owner := ownerOf(s, bk.unit.Type, bk.names)
	grade := c.gradeOf(name, s.Theme)
	risks := make([]risk, k)
	for i := range risks {
		src, pt, harm, num := c.stmts.draw(c.bank, s, name, rng)
		risks[i] = risk{source: src, point: pt, harm: harm, grade: grade,
			measures: measures[(m0+i)%len(measures)], owner: owner, num: num}
	}
	return risks
}

// basisOf writes the 职权依据 of a power: its citations joined by ;.
func (c *county) basisOf(s *powerSpec, unitName string) string {
	cites := make([]string, len(s.Bases))
	for i, id := range s.Bases {
		cites[i] = strings.ReplaceAll(c.bank.bases[id], "{unit}", unitName)
	}
	return strings.Join(cites, ";")
}

// gradeOf rates a power by the grading reference (bank/grades.txt): 高
// over 人、财、物, 中 for approvals and inspections, 低 for a low-power post
// (theme low), 中 otherwise.
func (c *county) gradeOf(name, theme string) string {
	switch c.riskWord(name) {
	case "high":
		return importer.GradeHigh
	case "medium":
		return importer.GradeMedium
	}
	if theme == "low" {
		return importer.GradeLow
	}
	return importer.GradeMedium
}

// riskWord returns which list of bank/grades.txt has a word in name:
// "high", "medium" or "".
func (c *county) riskWord(name string) string {
	for _, list := range []string{"high", "medium"} {
		for _, w := range c.bank.list(list) {
			if strings.Contains(name, w) {
				return list
			}
		}
	}
	return ""
}

func countTrue(m map[*powerSpec]bool) int {
	n := 0
	for _, v := range m {
		if v {
			n++
		}
	}
	return n
}
