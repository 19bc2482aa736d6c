package samples

import (
	"math/rand/v2"
	"strings"
)

// A risk statement is composed of parts drawn from the lists of
// bank/risks.tsv: 风险源 = actor motive system, 风险点 = frame means act
// extra, 危害性 = harm tail. X04 flags two units whose statements share 80 %
// of their character bigrams, so statements of different units must stay
// far apart however many units a county (or a province) has; a random draw
// from a bank of a few dozen phrases cannot do that.
//
// The eight slots below are therefore drawn by number, not at random:
// statement number i takes entry i mod size of each slot's list. The sizes
// are pairwise coprime, so two numbers i ≠ j pick the same entry in every
// slot of a set S only when i ≡ j modulo the product of S's sizes (Chinese
// remainder theorem). Every power has its own run of numbers: the same
// power in different units (its name shared) gets consecutive numbers, less
// than 27,720 apart in any corpus below about ten thousand units, so two of
// its statements share at most four of the eight slots (any five sizes
// multiply to 27,720 or more), and at most three when they are less than
// 2,520 apart (any four multiply to that or more), as in a county. The runs
// of a theme's powers are spaced (spacing) so that statements of two powers
// share at most five slots besides differing in the power's name, while act
// — the deed itself — is a theme's own, so themes never share it. The frame
// only varies the wording and is drawn at random.
var slots = [...]struct {
	part string
	size uint64
}{
	{"act", 5}, {"harm", 7}, {"actor", 8}, {"motive", 9}, {"system", 11}, {"extra", 13}, {"tail", 17}, {"means", 19},
}

// Indices into slots.
const (
	slotAct = iota
	slotHarm
	slotActor
	slotMotive
	slotSystem
	slotExtra
	slotTail
	slotMeans
)

// codeSpace is the product of the slot sizes: numbers this far apart give
// the same statement.
const codeSpace = 5 * 7 * 8 * 9 * 11 * 13 * 17 * 19

// stmtWindow is how many statements of one power spacing keeps apart from
// those of the theme's other powers: enough for every unit of a province
// corpus of 3,000 units (the most frequent power has about 8,100 there).
const stmtWindow = 8192

// closeModuli are the differences of statement numbers, modulo which two
// statements share six or more of the eight slots: codeSpace divided by
// the sizes of at most two slots.
var closeModuli = func() []uint64 {
	out := []uint64{codeSpace}
	for a, sa := range slots {
		out = append(out, codeSpace/sa.size)
		for _, sb := range slots[a+1:] {
			out = append(out, codeSpace/sa.size/sb.size)
		}
	}
	return out
}()

// spacing returns how far apart the runs of statement numbers of a theme's
// n powers start: the largest step r ≤ codeSpace/n such that for any two
// powers, whose runs start m·r apart (0 < m < n), no statement of one is
// within stmtWindow of a number sharing six slots with a statement of the
// other. ok is false when no such step exists (the bank test keeps it true).
func spacing(n int) (r uint64, ok bool) {
	if n < 2 {
		return 0, true
	}
	for r = codeSpace / uint64(n); r > 0; r-- {
		if spaced(r, n) {
			return r, true
		}
	}
	return codeSpace / uint64(n), false
}

// spaced reports whether runs r apart keep n powers' statements from
// sharing six slots.
func spaced(r uint64, n int) bool {
	for m := uint64(1); m < uint64(n); m++ {
		for _, mod := range closeModuli {
			if x := m * r % mod; x < stmtWindow || mod-x < stmtWindow {
				return false
			}
		}
	}
	return true
}

// stmtPool numbers the statements of every power of one county.
type stmtPool struct {
	seed  uint64
	drawn map[*powerSpec]uint64 // statements drawn so far, per power
}

func newStmtPool(seed uint64) *stmtPool {
	return &stmtPool{seed: seed, drawn: map[*powerSpec]uint64{}}
}

// themeOffset shifts a theme's numbers by the seed, the same for all its
// powers so that their spacing holds.
func (sp *stmtPool) themeOffset(theme string) uint64 {
	h := sp.seed ^ 0x9e3779b97f4a7c15
	for i := 0; i < len(theme); i++ {
		h = (h ^ uint64(theme[i])) * 0x100000001b3
	}
	return h % codeSpace
}

// draw returns the source, point and harm of the next risk point of a
// power of spec s called name, and its statement number.
func (sp *stmtPool) draw(b *bank, s *powerSpec, name string, rng *rand.Rand) (src, pt, harm string, num uint64) {
	n := sp.drawn[s]
	sp.drawn[s] = n + 1
	i := sp.themeOffset(s.Theme) + s.stmtBase + n
	part := func(k int) string {
		return b.phrase(s.Theme, slots[k].part)[i%slots[k].size]
	}
	frames := b.phrase(s.Theme, "frame")
	frame := strings.ReplaceAll(frames[rng.IntN(len(frames))], "{n}", name)
	return part(slotActor) + part(slotMotive) + part(slotSystem),
		frame + part(slotMeans) + part(slotAct) + part(slotExtra),
		part(slotHarm) + part(slotTail), i
}

// stubClose is how many of the six slots outside 危害性 two statements
// whose 危害性 is removed or a stock phrase (R02, R03) may share at most:
// with five, two powers' statements came to 0.82 in a province.
const stubClose = 3

// sharedBeforeHarm counts the slots outside 危害性 (harm, tail) in which
// statement numbers a and b take the same entry.
func sharedBeforeHarm(a, b uint64) int {
	k := 0
	for j, s := range slots {
		if j != slotHarm && j != slotTail && a%s.size == b%s.size {
			k++
		}
	}
	return k
}
