package merge_test

import (
	"context"
	"os"
	"runtime"
	"testing"

	"lianfang/checks"
	"lianfang/merge"
)

// TestCountyReadsOnDemand pins what keeps a county view's memory flat
// however many units report: County itself reads no ledger row and no
// unit's finding; the ledger is read unit by unit while it is walked, and a
// unit's findings only when asked for. A County that loads everything up
// front — the 2.4 GB province run — fails here.
func TestCountyReadsOnDemand(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	ctx := context.Background()
	// 实验小学 passes with 3 powers (6 ledger rows), 城关中学 is returned
	// with 3 findings, 第一幼儿园 passes with 2 powers (4 rows) and a warning.
	mustAccept(t, s, input("2026-W48", "a.xlsx", "A01", "a", t0, makeSub("实验小学", standardPowers("实验小学", 3)...)))
	mustAccept(t, s, input("2026-W48", "b.xlsx", "A02", "b", t0, makeSub("城关中学", standardPowers("城关中学", 2)...),
		finding("b.xlsx", "城关中学", "N02", checks.Error, 4, "D", "职权名称未体现权力性质"),
		finding("b.xlsx", "城关中学", "R03", checks.Error, 5, "K", "风险点过于笼统"),
		finding("b.xlsx", "城关中学", "R08", checks.Warning, 6, "N", "防控措施过于简单")))
	mustAccept(t, s, input("2026-W48", "c.xlsx", "A03", "c", t0, makeSub("第一幼儿园", standardPowers("第一幼儿园", 2)...),
		finding("c.xlsx", "第一幼儿园", "R08", checks.Warning, 4, "N", "防控措施过于简单")))

	rows0, fs0 := merge.ReadCounts()
	c, err := s.County(ctx, "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	if rows, fs := merge.ReadCounts(); rows != rows0 || fs != fs0 {
		t.Fatalf("County read %d ledger rows and %d findings; want none until asked", rows-rows0, fs-fs0)
	}
	if c.Ledger.Rows != 10 || c.Ledger.Units != 2 || c.Ledger.Powers != 5 || c.Ledger.Risks != 10 {
		t.Errorf("ledger counts = %+v, want 10 rows of 2 units, 5 powers, 10 risk points", *c.Ledger)
	}

	// Walking the ledger: when 实验小学's rows arrive, 第一幼儿园's are not
	// read yet.
	units := map[string]int{}
	var readAtA01 int64 // the most rows read while 实验小学's were given
	err = c.Ledger.Each(ctx, func(r merge.LedgerRow) error {
		units[r.UnitCode]++
		if rows, _ := merge.ReadCounts(); r.UnitCode == "A01" {
			readAtA01 = max(readAtA01, rows-rows0)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if readAtA01 > 6 {
		t.Errorf("while 实验小学's rows were given, %d ledger rows were read; want at most its 6", readAtA01)
	}
	if units["A01"] != 6 || units["A03"] != 4 || len(units) != 2 {
		t.Errorf("ledger rows by unit = %v, want A01 6 and A03 4", units)
	}
	if rows, _ := merge.ReadCounts(); rows-rows0 != 10 {
		t.Errorf("walking the ledger read %d rows, want 10", rows-rows0)
	}

	// A unit's findings, and only its own, when asked for.
	_, fs1 := merge.ReadCounts()
	own, _ := unitFindings(t, c, 1)
	if _, fs := merge.ReadCounts(); len(own) != 3 || fs-fs1 != 3 {
		t.Errorf("城关中学: %d findings given, %d read; want 3 and 3", len(own), fs-fs1)
	}
	// A walk that stops early stops reading.
	stop := context.Canceled
	n := 0
	if err := c.Ledger.Each(ctx, func(merge.LedgerRow) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each after an error: %d rows, err %v; want 1 and the callback's error", n, err)
	}
}

// TestSimilarSpilled checks that X04's index gives the same matches with
// its bigram sets and band keys in a temporary file as in memory, over
// more statements than one chunk, and that the file is gone from the
// folder while it is in use (Linux and macOS remove it at once).
func TestSimilarSpilled(t *testing.T) {
	stmts := genStatements(24000, 300, 5)
	want := merge.Similar(stmts)
	dir := t.TempDir()
	got, err := merge.SimilarSpilled(stmts, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 1000 {
		t.Fatalf("%d matches spilled, %d in memory; want the same, over 1000", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("match %d spilled = %+v, in memory %+v", i, got[i], want[i])
		}
	}
	if runtime.GOOS == "linux" || runtime.GOOS == "darwin" {
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("spill files left in the folder: %v", left)
		}
	}
}
