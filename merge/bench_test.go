package merge_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/merge"
)

// BenchmarkMerge accepts one 200-row submission (100 powers of two risk
// points, 10 findings) per iteration, each a new file of the same unit.
func BenchmarkMerge(b *testing.B) {
	s := MustOpen(b)
	mustRoster(b, s)
	sub := makeSub("实验小学", standardPowers("实验小学", 100)...)
	var fs []checks.Finding
	for i := range 10 {
		fs = append(fs, finding("实验小学.xlsx", "实验小学", "R03", checks.Error, 4+i, "K", "风险点太笼统"))
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := merge.Input{Cycle: "2026-W48", Path: "实验小学.xlsx", Received: t0.Add(time.Duration(i) * time.Second),
			Data: []byte("workbook " + strconv.Itoa(i)), Sub: sub, Findings: fs, UnitCode: "A01"}
		if _, err := s.Accept(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkX04 runs the county copy detection over generated statements of
// 200 units. LIANFANG_X04_N sets another size (600000 for a province).
func BenchmarkX04(b *testing.B) {
	sizes := []int{20000}
	if n, err := strconv.Atoi(os.Getenv("LIANFANG_X04_N")); err == nil {
		sizes = []int{n}
	}
	for _, n := range sizes {
		stmts := genStatements(n, 200, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var found int
			for i := 0; i < b.N; i++ {
				found = len(merge.Similar(stmts))
			}
			b.ReportMetric(float64(found), "matches")
		})
	}
}

// BenchmarkCounty reads the county view, X04 included, of the cycle
// LIANFANG_BENCH_CYCLE (2026-W48 unless set) of the database
// LIANFANG_BENCH_DB, a copy of one a run wrote; skipped without it.
func BenchmarkCounty(b *testing.B) {
	path := os.Getenv("LIANFANG_BENCH_DB")
	if path == "" {
		b.Skip("LIANFANG_BENCH_DB not set")
	}
	cycle := os.Getenv("LIANFANG_BENCH_CYCLE")
	if cycle == "" {
		cycle = "2026-W48"
	}
	s, err := merge.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	var found int
	for i := 0; i < b.N; i++ {
		c, err := s.County(ctx, cycle)
		if err != nil {
			b.Fatal(err)
		}
		found = 0
		err = c.Findings(ctx, func(f checks.Finding) error {
			if f.Rule == "X04" {
				found++
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(found), "X04")
}
