package importer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds mutated workbooks to Parse: it must return, with no
// internal error (a recovered panic) and consistent positions.
func FuzzParse(f *testing.F) {
	f.Add(goodBook(f))
	for _, pattern := range []string{"testdata/*.xlsx", "../testdata/producers/*/*.xlsx", "../testdata/producers/*/*.xls"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil && len(data) < 1<<20 {
				f.Add(data)
			}
		}
	}
	opt := DefaultOptions()
	opt.Convert = false
	opt.MaxCells = 200_000
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.xlsx", data, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Problems {
			if errors.Is(p, ErrInternal) {
				t.Fatalf("internal error: %v", p.Err)
			}
		}
		for _, p := range s.Powers {
			if p.Ref.Row < 1 || p.Ref.Sheet == "" {
				t.Fatalf("power without position: %+v", p)
			}
			for _, r := range p.Risks {
				if r.Ref.Row < p.Ref.Row {
					t.Fatalf("risk above its power: %+v", r)
				}
			}
		}
	})
}

// FuzzNormalize checks that Normalize never panics and is idempotent.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"职权名称*", "（公开范围）", "序 号", "１２３", "\u3000风险\n源", "ｆｕｌｌ　ｗｉｄｔｈ", "\u200b零宽"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, Normalize(n))
		}
	})
}

// FuzzSplitItems checks that splitting numbered items never panics and
// never invents text.
func FuzzSplitItems(f *testing.F) {
	for _, s := range []string{"1.甲;2.乙", "(1)甲(2)乙", "①甲②乙", "第1条", "1.5倍", "1、甲\n2、乙"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		total := 0
		for _, it := range SplitItems(s) {
			total += len(it)
		}
		if total > len(s) {
			t.Fatalf("items longer than the text: %q", s)
		}
	})
}

func FuzzReadRoster(f *testing.F) {
	f.Add([]byte("单位代码,单位名称,单位类型,别名\n1,城关一小,小学,一小\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadRoster("fuzz.csv", data)
	})
}
