package checks

import (
	"slices"
	"unicode/utf8"

	"lianfang/importer"
)

// NearDuplicate is the similarity from which two names are near duplicates
// (N07) and two statements near-identical (X04): SPEC §4's 0.8.
const NearDuplicate = 0.8

// bigrams is the set of character bigrams of a text, each bigram packed as
// two runes in one uint64, sorted and without repeats.
type bigrams []uint64

// newBigrams returns the bigram set of s, which should already be in
// importer.Normalize form. A one-character text has the single "bigram" of
// that character, so equal short texts still compare equal.
func newBigrams(s string) bigrams {
	rs := []rune(s)
	if len(rs) == 1 {
		return bigrams{uint64(rs[0])}
	}
	out := make(bigrams, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dice is the Sørensen–Dice coefficient of two bigram sets:
// 2·|a∩b| / (|a|+|b|), from 0 (nothing shared) to 1 (same set). Two empty
// sets are 0: there is nothing to compare.
func dice(a, b bigrams) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// diceCanReach reports whether sets of sizes m and n can have a dice of
// NearDuplicate: all of the smaller one shared is the most they can have.
func diceCanReach(m, n int) bool {
	return m+n > 0 && 2*float64(min(m, n))/float64(m+n) >= NearDuplicate
}

// Similarity is the one text-similarity measure of lianfang: the Dice
// coefficient of the character-bigram sets of the two texts after
// importer.Normalize. It is 1 for equal texts and ≥ NearDuplicate for near
// duplicates. N07 uses it on names; package merge may use it for X04.
func Similarity(a, b string) float64 {
	na, nb := importer.Normalize(a), importer.Normalize(b)
	if na == nb && utf8.RuneCountInString(na) > 0 {
		return 1
	}
	return dice(newBigrams(na), newBigrams(nb))
}
