package checks

import (
	"fmt"
	"testing"

	"lianfang/importer"
)

// bigSubmission builds a 200-power catalogue: the clean powers repeated
// with numbered names, so the rules, the splitter and N07's pairwise pass
// all do real work.
func bigSubmission(n int) *importer.Submission {
	b := newBuilder(oneColLayout)
	base := cleanPowers()
	for i := 0; i < n; i++ {
		p := base[i%len(base)]
		p.name = fmt.Sprintf("%s第%d项", p.name, i)
		p.risks = append([]rk(nil), p.risks...)
		for j := range p.risks {
			p.risks[j] = labelled(p.risks[j])
		}
		b.add(p)
	}
	return b.sub
}

func BenchmarkCheck(b *testing.B) {
	sub := bigSubmission(200)
	lx := DefaultLexicon()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(sub, "小学", lx)
	}
}

func BenchmarkSplit(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Split(seedCause3)
	}
}
