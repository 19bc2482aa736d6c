package merge

import (
	"math"
	"math/bits"
	"slices"
	"unicode"

	"lianfang/checks"
	"lianfang/importer"
)

// SimilarityThreshold is the character-bigram similarity (Dice coefficient)
// from which two statements count as near-identical: checks.NearDuplicate,
// the 0.8 of rule N07.
const SimilarityThreshold = checks.NearDuplicate

// MinStatementRunes is the shortest statement, in letters and digits after
// normalisation, that X04 compares: shorter ones are stock phrases that
// units share without copying.
const MinStatementRunes = 12

// appendComparable appends to dst the comparison form of a statement:
// importer.Normalize, then letters and digits only, so punctuation and
// spacing never matter.
func appendComparable(dst []rune, s string) []rune {
	for _, r := range importer.Normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = append(dst, r)
		}
	}
	return dst
}

// bigramSet appends to dst the sorted, de-duplicated 32-bit hashes of the
// character bigrams of rs.
func bigramSet(dst []uint32, rs []rune) []uint32 {
	start := len(dst)
	for i := 0; i+1 < len(rs); i++ {
		x := uint64(uint32(rs[i]))<<32 | uint64(uint32(rs[i+1]))
		dst = append(dst, uint32(mix64(x)>>32))
	}
	set := dst[start:]
	slices.Sort(set)
	return dst[:start+len(slices.Compact(set))]
}

// dice returns 2|a∩b| / (|a|+|b|) for two sorted sets.
func dice(a, b []uint32) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common++
			i++
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// diceAtLeast returns dice(a, b) and true when it is at least
// SimilarityThreshold, else false as soon as that is out of reach: when
// the sizes alone rule it out (2·min/(|a|+|b|) is the most it can be), or
// when the values shared so far and those left cannot make the overlap
// the threshold needs. It decides exactly as dice(a, b) ≥ the threshold.
func diceAtLeast(a, b []uint32) (float64, bool) {
	la, lb := len(a), len(b)
	if la+lb == 0 || 2*float64(min(la, lb))/float64(la+lb) < SimilarityThreshold {
		return 0, false
	}
	// need is the least overlap whose Dice reaches the threshold; the float
	// test below stays the deciding one, need only stops the merge early and
	// is never above it.
	need := int(math.Ceil(SimilarityThreshold*float64(la+lb)/2 - 1e-9))
	common := 0
	i, j := 0, 0
	for i < la && j < lb {
		if common+min(la-i, lb-j) < need {
			return 0, false
		}
		x, y := a[i], b[j]
		if x == y {
			common++
		}
		if x <= y {
			i++
		}
		if y <= x {
			j++
		}
	}
	sim := 2 * float64(common) / float64(la+lb)
	return sim, sim >= SimilarityThreshold
}

// sketch is a 256-bit summary of a bigram set: bit v>>24 is set for every
// value v of the set (the values are well-spread hashes). It rules pairs
// out without their sets (ruledOut).
type sketch [4]uint64

// sketchWords is the size of a sketch in uint32s.
const sketchWords = 8

// put stores s in w[:sketchWords].
func (s *sketch) put(w []uint32) {
	for i, v := range s {
		w[2*i], w[2*i+1] = uint32(v), uint32(v>>32)
	}
}

// get loads s from w[:sketchWords].
func (s *sketch) get(w []uint32) {
	for i := range s {
		s[i] = uint64(w[2*i]) | uint64(w[2*i+1])<<32
	}
}

// sketchOf returns the sketch of a set.
func sketchOf(set []uint32) sketch {
	var s sketch
	for _, v := range set {
		b := v >> 24
		s[b>>6] |= 1 << (b & 63)
	}
	return s
}

// ruledOut reports whether two sets of la and lb values with sketches a
// and b surely fall short of SimilarityThreshold, so that diceAtLeast
// would say no. It never rules out a pair diceAtLeast would pass: every
// bit set in a and not in b comes from a value of a's set that is not in
// b's (any value of b's would have set it in b), so a has at least
// popcount(a &^ b) values outside the overlap, and the overlap is at most
// la minus that; likewise for b. The pair is ruled out when that bound is
// below the overlap the threshold needs (computed as in diceAtLeast).
func ruledOut(a, b *sketch, la, lb int) bool {
	if la+lb == 0 || 2*float64(min(la, lb))/float64(la+lb) < SimilarityThreshold {
		return true
	}
	need := int(math.Ceil(SimilarityThreshold*float64(la+lb)/2 - 1e-9))
	onlyA, onlyB := 0, 0
	for i := range a {
		onlyA += bits.OnesCount64(a[i] &^ b[i])
		onlyB += bits.OnesCount64(b[i] &^ a[i])
	}
	return la-onlyA < need || lb-onlyB < need
}

// Similarity returns the character-bigram similarity (Dice coefficient) of
// two statements in their comparison form: the measure of
// checks.Similarity, taken over letters and digits only, so it is 1 for
// statements that differ only in punctuation, spacing or character width.
func Similarity(a, b string) float64 {
	return dice(bigramSet(nil, appendComparable(nil, a)), bigramSet(nil, appendComparable(nil, b)))
}

// mix64 is the splitmix64 finaliser: a fast, well-spread 64-bit hash.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Statement is one risk statement given to Similar: the unit it belongs to
// and its text as written.
type Statement struct {
	Unit string
	Text string
}

// Match says that statement Index resembles statement Other, which belongs
// to a different unit, with the given similarity (≥ SimilarityThreshold).
type Match struct {
	Index, Other int
	Similarity   float64
}

// Similar finds, for every statement, one statement of a different unit
// whose text is near-identical (Similarity ≥ SimilarityThreshold), without
// comparing all pairs: identical comparison forms are grouped, and distinct
// forms are matched through a MinHash-LSH index over their character
// bigrams, each candidate verified exactly. Statements shorter than
// MinStatementRunes are ignored. Matches are ordered by Index.
func Similar(stmts []Statement) []Match {
	out, _ := similar(stmts, nil, &memSpill{}) // the heap and a spill in memory do not fail
	return out
}

// similar is Similar with the index's sets and band keys in the given
// spills (sets nil: in the heap).
func similar(stmts []Statement, sets, bands spill) ([]Match, error) {
	x := newSimIndex(sets, bands)
	units := make(map[string]int32)
	var orig []int // index in stmts of each statement the index took
	for i, st := range stmts {
		u, ok := units[st.Unit]
		if !ok {
			u = int32(len(units))
			units[st.Unit] = u
		}
		if x.add(u, st.Text) >= 0 {
			orig = append(orig, i)
		}
	}
	if err := x.run(); err != nil {
		return nil, err
	}
	var out []Match
	x.each(func(i, o int32, sim float64) {
		out = append(out, Match{Index: orig[i], Other: orig[o], Similarity: sim})
	})
	return out, nil
}
