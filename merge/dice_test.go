package merge

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDiceAtLeast checks that the early-exit Dice decides every pair as
// the full merge does, and gives the same similarity when it passes, on
// random sets built to sit around the threshold (including exactly on it).
func TestDiceAtLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 9))
	passed, failed := 0, 0
	for n := 0; n < 20000; n++ {
		la, lb := r.IntN(60), r.IntN(60)
		a, b := setPair(r, la, lb, r.IntN(min(la, lb)+1))
		want := dice(a, b)
		got, ok := diceAtLeast(a, b)
		if ok != (want >= SimilarityThreshold) || ok && got != want {
			t.Fatalf("diceAtLeast(%d, %d sets) = %v, %v; dice = %v", len(a), len(b), got, ok, want)
		}
		if ok {
			passed++
		} else {
			failed++
		}
	}
	// exactly on the threshold: 4 of 5 shared (2·4/10 = 0.8)
	if sim, ok := diceAtLeast([]uint32{1, 2, 3, 4, 5}, []uint32{1, 2, 3, 4, 6}); !ok || sim != 0.8 {
		t.Errorf("4 of 5 shared: %v, %v; want 0.8, true", sim, ok)
	}
	if passed < 100 || failed < 100 {
		t.Errorf("%d pairs passed and %d failed: the sets do not straddle the threshold", passed, failed)
	}
}

// TestRuledOut checks that the sketch filter never rules out a pair that
// reaches the threshold, and that it does rule out most pairs of
// statement-sized sets that share half their values or less.
func TestRuledOut(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	far, farOut, near := 0, 0, 0
	for n := 0; n < 50000; n++ {
		la, lb := 1+r.IntN(140), 1+r.IntN(140)
		common := r.IntN(min(la, lb) + 1)
		if r.IntN(2) == 0 { // most pairs near the threshold
			common = min(la, lb) - r.IntN(1+min(la, lb)/4)
		}
		a, b := setPair(r, la, lb, common)
		sa, sb := sketchOf(a), sketchOf(b)
		out := ruledOut(&sa, &sb, len(a), len(b))
		_, pass := diceAtLeast(a, b)
		if pass {
			near++
			if out {
				t.Fatalf("ruled out a pair of %d and %d values at dice %.3f", len(a), len(b), dice(a, b))
			}
		}
		if d := dice(a, b); d <= 0.5 && len(a) >= 60 && len(b) >= 60 {
			far++
			if out {
				farOut++
			}
		}
	}
	if near < 1000 || far < 1000 {
		t.Fatalf("%d pairs at the threshold, %d far below: the sets do not exercise the filter", near, far)
	}
	if share := float64(farOut) / float64(far); share < 0.9 {
		t.Errorf("ruled out %.2f of %d pairs of 60+ values at dice ≤ 0.5, want ≥ 0.9", share, far)
	}
}

// setPair returns two sorted, de-duplicated sets of random values, of
// about la and lb values, sharing common of them.
func setPair(r *rand.Rand, la, lb, common int) (a, b []uint32) {
	for i := 0; i < common; i++ {
		v := r.Uint32()
		a, b = append(a, v), append(b, v)
	}
	for len(a) < la {
		a = append(a, r.Uint32())
	}
	for len(b) < lb {
		b = append(b, r.Uint32())
	}
	slices.Sort(a)
	slices.Sort(b)
	return slices.Compact(a), slices.Compact(b)
}
