package samples

import (
	"testing"
)

func BenchmarkGenerate(b *testing.B) {
	for _, bc := range []struct {
		name string
		opt  Options
	}{
		{"default", DefaultOptions()},
		{"units=300,rows=200", Options{Units: 300, Rows: 200, DefectRate: 0.35, Seed: 1}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Generate(b.TempDir(), bc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPlan(b *testing.B) {
	b.ReportAllocs()
	opt := Options{Units: 300, Rows: 200, DefectRate: 0.35, Seed: 1}
	for b.Loop() {
		plan(opt)
	}
}
