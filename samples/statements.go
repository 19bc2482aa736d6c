package samples

import (
	"math/rand/v2"
	"strings"
)

// Limits of the statement draw.
const (
	stmtWindow = 32 // statements of the same power compared against
	stmtTries  = 16 // draws before the least similar one is taken
)

// shape is a statement as indices into the theme's sources, points and
// harms.
type shape [3]int

// shared counts the parts two shapes have in common.
func (a shape) shared(b shape) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// stmtPool hands out three-part risk statements so that statements of the
// same power in different units share at most one of their three parts and
// no two powers get the same parts around their names: none comes near the
// 0.8 bigram similarity of X04. The phrase bank is finite: with hundreds of
// units a power's statements are only kept apart from its most recent
// stmtWindow ones, and shapes start to repeat across powers.
type stmtPool struct {
	recent map[string][]shape        // power name → its recent statements
	used   map[string]map[shape]bool // theme → every shape drawn: a shape on two powers differs only in the name
}

func newStmtPool() *stmtPool {
	return &stmtPool{recent: map[string][]shape{}, used: map[string]map[shape]bool{}}
}

// draw returns a source, point and harm for a risk point of the power
// called name, preferring a point template the power has not used yet.
func (sp *stmtPool) draw(b *bank, theme, name string, rng *rand.Rand, usedPoints map[int]bool) (src, pt, harm string) {
	sources, points, harms := b.phrase(theme, "source"), b.phrase(theme, "point"), b.phrase(theme, "harm")
	recent, used := sp.recent[name], sp.used[theme]
	if used == nil {
		used = map[shape]bool{}
		sp.used[theme] = used
	}
	var best shape
	bestShared := 4
	for try := 0; try < stmtTries && bestShared > 1; try++ {
		cand := shape{rng.IntN(len(sources)), rng.IntN(len(points)), rng.IntN(len(harms))}
		if usedPoints[cand[1]] && len(usedPoints) < len(points) {
			continue
		}
		worst := 0
		if used[cand] {
			worst = 3
		}
		for _, r := range recent {
			worst = max(worst, cand.shared(r))
		}
		if worst < bestShared {
			best, bestShared = cand, worst
		}
	}
	if bestShared == 4 { // every draw hit a used point template
		best = shape{rng.IntN(len(sources)), rng.IntN(len(points)), rng.IntN(len(harms))}
	}
	if recent = append(recent, best); len(recent) > stmtWindow {
		recent = recent[1:]
	}
	sp.recent[name] = recent
	used[best] = true
	usedPoints[best[1]] = true
	return sources[best[0]], strings.ReplaceAll(points[best[1]], "{n}", name), harms[best[2]]
}
