package checks

import (
	"slices"
	"sync"
	"testing"

	"lianfang/importer"
)

func TestColumnIndex(t *testing.T) {
	for col, want := range map[string]int{"": 0, "A": 1, "Z": 26, "AA": 27, "ab": 28, "A1": 0} {
		if got := ColumnIndex(col); got != want {
			t.Errorf("ColumnIndex(%q) = %d, want %d", col, got, want)
		}
	}
}

func TestFindingsSorted(t *testing.T) {
	sub := cleanSubmission()
	sub.Sheets[0].Extra = []importer.ExtraColumn{{Col: "AA", Header: "联系人"}, {Col: "Z", Header: "备用"}}
	sub.Powers[0].Name = "学籍管理"
	sub.Powers[0].Basis = "上级要求"
	sub.Powers[1].Seq = ""
	sub.Unit.Type = "教管中心"
	fs := Check(sub, "", nil)
	if !slices.IsSortedFunc(fs, func(a, b Finding) int {
		switch {
		case a.Sheet != b.Sheet:
			return cmpStr(a.Sheet, b.Sheet)
		case a.Row != b.Row:
			return a.Row - b.Row
		case a.Col != b.Col:
			return ColumnIndex(a.Col) - ColumnIndex(b.Col)
		}
		return cmpStr(a.Rule, b.Rule)
	}) {
		t.Errorf("findings not sorted:%s", describe(fs))
	}
	if len(fs) < 6 || fs[0].Row != 0 || fs[len(fs)-1].Row == 0 {
		t.Errorf("unexpected findings:%s", describe(fs))
	}
	for i := range fs {
		if fs[i].Sheet == sheetName && fs[i].Row == 3 && fs[i].Col == "Z" && (i+1 >= len(fs) || fs[i+1].Col != "AA") {
			t.Errorf("column Z should come right before AA:%s", describe(fs))
		}
	}
	again := Check(sub, "", nil)
	if !slices.Equal(fs, again) {
		t.Error("Check is not deterministic")
	}
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestCheckNilLexiconAndFileUnit(t *testing.T) {
	sub := cleanSubmission()
	sub.Powers[0].Name = ""
	fs := Check(sub, "", nil)
	if len(fs) != 1 || fs[0].File != "收件/城关小学.xlsx" || fs[0].Unit != "城关小学" || fs[0].Column != "职权名称" {
		t.Errorf("findings:%s", describe(fs))
	}
}

// TestCheckConcurrent runs Check from several goroutines, as the batch
// does, sharing the default lexicon and validator (go test -race).
func TestCheckConcurrent(t *testing.T) {
	want := Check(cleanWithout(post("出纳"), nil)(), "", nil)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := Check(cleanWithout(post("出纳"), nil)(), "", nil); !slices.Equal(got, want) {
				t.Error("concurrent Check differs")
			}
		}()
	}
	wg.Wait()
}
