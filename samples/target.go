package samples

import (
	"math/rand/v2"
	"slices"

	"lianfang/importer"
)

// bundle is one set of the typical mistakes a defective unit makes. pre
// runs before any bundle's apply (it removes powers), post after all of
// them (it reorders or changes the layout).
type bundle struct {
	name  string
	pre   func(c *county, bk *book, rng *rand.Rand)
	apply func(c *county, bk *book, donor *book, rng *rand.Rand)
	post  func(c *county, bk *book, rng *rand.Rand)
}

// applyBundles applies the bundles listed to bk and returns the unit whose
// statements later units copy (X04): bk when it carries bundle 0, else
// donor.
func (c *county) applyBundles(bk *book, list []int, donor *book, rng *rand.Rand) *book {
	for _, i := range list {
		if bundles[i].pre != nil {
			bundles[i].pre(c, bk, rng)
		}
	}
	for _, i := range list {
		if bundles[i].apply != nil {
			bundles[i].apply(c, bk, donor, rng)
		}
	}
	for _, i := range list {
		if bundles[i].post != nil {
			bundles[i].post(c, bk, rng)
		}
	}
	if slices.Contains(list, 0) {
		return bk
	}
	return donor
}

// touched reports whether a defect has already changed p.
func (bk *book) touched(p *power) bool {
	for _, m := range bk.marks {
		if m.p == p {
			return true
		}
	}
	return false
}

// pinned reports whether p takes part in a duplicate pair (N06, N07),
// whose order must stay as planned.
func (bk *book) pinned(p *power) bool {
	for _, m := range bk.marks {
		if m.ref == p || m.ref != nil && m.p == p || m.rule == "" && m.p == p {
			return true
		}
	}
	return false
}

// has reports whether bk lists a power of spec s.
func (bk *book) has(s *powerSpec) bool {
	for _, p := range bk.powers {
		if p.spec == s {
			return true
		}
	}
	return false
}

// target returns a power for a defect to change: one the unit lists that
// no defect has touched and that is not a 三重一大 power, else a new power
// of a spec the unit does not list, inserted among its kind; nil when
// there is none.
func (c *county) target(bk *book, rng *rand.Rand, keep func(*powerSpec) bool) *power {
	var cands []*power
	for _, p := range bk.powers {
		if eligible(p.spec) && !bk.touched(p) && keep(p.spec) {
			cands = append(cands, p)
		}
	}
	if len(cands) > 0 {
		return cands[rng.IntN(len(cands))]
	}
	s := c.freshSpec(bk, rng, keep)
	if s == nil {
		return nil
	}
	p := c.newPower(bk, s, 1+rng.IntN(2), rng)
	bk.insert(p)
	return p
}

// freshSpec draws a spec of the unit's type that bk does not list yet and
// a defect may use; nil when there is none.
func (c *county) freshSpec(bk *book, rng *rand.Rand, keep func(*powerSpec) bool) *powerSpec {
	var specs []*powerSpec
	for i := range c.bank.powers {
		s := &c.bank.powers[i]
		if s.For(bk.unit.Type) && eligible(s) && !bk.has(s) && keep(s) && bk.allows(s) {
			specs = append(specs, s)
		}
	}
	if len(specs) == 0 {
		return nil
	}
	return specs[rng.IntN(len(specs))]
}

// eligible reports whether a defect may change a power of spec s: not a
// 三重一大 power (C03, D07 count on them), not the 不公开 one and not a
// party-affairs one (B06 has its own).
func eligible(s *powerSpec) bool { return s.SZ == "" && !s.Secret && s.Theme != "party" }

// allows reports whether a new power of spec s keeps what a completeness
// defect took away: no department powers after C02, no power of the post
// removed for C01.
func (bk *book) allows(s *powerSpec) bool {
	if bk.noDept && s.Level == importer.LevelDept {
		return false
	}
	return bk.noPost == "" || s.Post == "" || postCanon(s.Post) != bk.noPost
}

// insert places p after the last power of its kind, so external powers
// stay before internal ones.
func (bk *book) insert(p *power) {
	at := len(bk.powers)
	if p.kind == importer.KindExternal {
		at = 0
		for i, q := range bk.powers {
			if q.kind == importer.KindExternal {
				at = i + 1
			}
		}
	}
	bk.powers = slices.Insert(bk.powers, at, p)
}

// mark records a defect on the power's first row (risk -1) or a risk row.
func (bk *book) mark(rule string, p *power, risk int, col importer.Key, note string) {
	bk.marks = append(bk.marks, mark{rule: rule, p: p, risk: risk, col: col, note: note})
}

// markRef records a defect on p's first row that refers to the row of an
// earlier power (N06, N07).
func (bk *book) markRef(rule string, p, ref *power, col importer.Key, note string) {
	bk.marks = append(bk.marks, mark{rule: rule, p: p, risk: -1, ref: ref, col: col, note: note})
}

// reserve keeps p from other defects without recording one on it.
func (bk *book) reserve(p *power) {
	bk.marks = append(bk.marks, mark{p: p, risk: -1})
}

// Predicates for target.
var (
	anyPower = func(*powerSpec) bool { return true }
	external = func(s *powerSpec) bool { return s.Kind == importer.KindExternal }
	internal = func(s *powerSpec) bool { return s.Kind == importer.KindInternal }
)

// modest selects powers rated below 高, so renaming them leaves the grade
// consistent.
func (c *county) modest(s *powerSpec) bool { return c.gradeOf(s.Name, s.Theme) != importer.GradeHigh }

// rename gives p a new name and re-grades its risk points for it.
func (c *county) rename(p *power, name string) {
	p.name = name
	for i := range p.risks {
		p.risks[i].grade = c.gradeOf(name, p.spec.Theme)
	}
}
