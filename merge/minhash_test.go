package merge

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// minhashReference is the definition of the signature: for every hash
// function j, the least (lshA[j]·v + lshB[j]) >> 32 over the set.
func minhashReference(set []uint32) (sig [lshHashes]uint32) {
	for j := range sig {
		sig[j] = ^uint32(0)
		for _, v := range set {
			sig[j] = min(sig[j], uint32((lshA[j]*uint64(v)+lshB[j])>>32))
		}
	}
	return sig
}

func randomSet(r *rand.Rand, n int) []uint32 {
	set := make([]uint32, n)
	for i := range set {
		set[i] = r.Uint32()
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// TestMinhash checks the fast signature against its definition.
func TestMinhash(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		set := randomSet(r, n)
		var got [lshHashes]uint32
		minhash(&got, set)
		if want := minhashReference(set); got != want {
			t.Fatalf("minhash of %d values differs from its definition", len(set))
		}
	}
}

func BenchmarkMinhash(b *testing.B) {
	set := randomSet(rand.New(rand.NewPCG(1, 2)), 96)
	var sig [lshHashes]uint32
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		minhash(&sig, set)
	}
}
