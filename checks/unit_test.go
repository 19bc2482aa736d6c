package checks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"lianfang/importer"
)

var testRoster = []importer.RosterUnit{
	{Code: "500226001", Name: "城关小学", Type: "小学", Aliases: []string{"城关镇中心小学"}},
	{Code: "500226002", Name: "实验小学", Type: "小学", Aliases: []string{"县实小"}},
	{Code: "500226003", Name: "城南实验小学", Type: "小学"},
	{Code: "500226010", Name: "昌州中学", Type: "初中"},
}

func TestMatchUnit(t *testing.T) {
	tests := []struct {
		name     string
		unit     string
		file     string
		want     string // roster name, "" for none
		s04      bool
		s04Quote string
		s04Row   int
	}{
		{name: "名称", unit: "城关小学", file: "收件/城关小学.xlsx", want: "城关小学"},
		{name: "全角空格", unit: " 城关　小学 ", file: "x.xlsx", want: "城关小学"},
		{name: "别名", unit: "城关镇中心小学", file: "a.xls", want: "城关小学"},
		{name: "代码", unit: "500226010", file: "b.xlsx", want: "昌州中学"},
		{name: "文件名", unit: "", file: `收件\2026-W48\实验小学职权目录表.xlsx`, want: "实验小学"},
		{name: "文件名最长匹配", unit: "", file: "城南实验小学-附件1.xlsx", want: "城南实验小学"},
		{name: "文件名中的代码", unit: "", file: "500226010_附件1.xlsx", want: "昌州中学"},
		{name: "文件名中的别名", unit: "", file: "县实小.xlsx", want: "实验小学"},
		{name: "与文件名不一致", unit: "城关小学", file: "实验小学.xlsx", want: "城关小学", s04: true, s04Quote: `文件名"实验小学"`, s04Row: 2},
		{name: "找不到", unit: "河包小学", file: "附件1.xlsx", s04: true, s04Quote: `"河包小学"`, s04Row: 2},
		{name: "都没有", unit: "", file: "附件1.xlsx", s04: true, s04Quote: "没有填写填报单位"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sub := &importer.Submission{File: tc.file, Unit: importer.UnitInfo{Name: tc.unit}}
			if tc.unit != "" {
				sub.Unit.From, sub.Unit.Ref = "label", importer.Ref{Sheet: sheetName, Row: 2, Col: "B"}
			}
			u, fs := MatchUnit(sub, testRoster)
			got := ""
			if u != nil {
				got = u.Name
			}
			if got != tc.want {
				t.Errorf("unit = %q, want %q", got, tc.want)
			}
			if !tc.s04 {
				if len(fs) != 0 {
					t.Errorf("unexpected findings:%s", describe(fs))
				}
				return
			}
			if len(fs) != 1 || fs[0].Rule != "S04" || fs[0].Severity != Error {
				t.Fatalf("findings:%s, want one S04", describe(fs))
			}
			f := fs[0]
			if f.Row != tc.s04Row || !strings.Contains(f.Message, tc.s04Quote) || f.File != tc.file || f.Suggestion == "" {
				t.Errorf("S04 = %+v, want row %d quoting %q", f, tc.s04Row, tc.s04Quote)
			}
		})
	}
}

func TestMatchUnitNoRoster(t *testing.T) {
	u, fs := MatchUnit(&importer.Submission{File: "a.xlsx"}, nil)
	if u != nil || fs != nil {
		t.Errorf("MatchUnit without roster = %v, %v", u, fs)
	}
}

func TestMatchUnitTie(t *testing.T) {
	roster := []importer.RosterUnit{{Name: "一小", Aliases: []string{"城关"}}, {Name: "二小", Aliases: []string{"河包"}}}
	if u, fs := MatchUnit(&importer.Submission{File: "城关河包.xlsx"}, roster); u != nil || len(fs) != 1 {
		t.Errorf("a tie matched %v, findings %s", u, describe(fs))
	}
}

// matchNameReference and matchFileReference are the definitions UnitIndex
// follows, a scan of the whole roster per file.
func matchNameReference(name string, roster []importer.RosterUnit) *importer.RosterUnit {
	n := importer.Normalize(name)
	if n == "" {
		return nil
	}
	for i := range roster {
		u := &roster[i]
		if importer.Normalize(u.Name) == n || (u.Code != "" && importer.Normalize(u.Code) == n) {
			return u
		}
		for _, a := range u.Aliases {
			if importer.Normalize(a) == n {
				return u
			}
		}
	}
	return nil
}

func matchFileReference(file string, roster []importer.RosterUnit) *importer.RosterUnit {
	base := importer.Normalize(baseName(file))
	if base == "" {
		return nil
	}
	var best *importer.RosterUnit
	bestLen, tie := 0, false
	for i := range roster {
		u := &roster[i]
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			n = importer.Normalize(n)
			switch {
			case n == "" || !strings.Contains(base, n) || len(n) < bestLen:
			case len(n) > bestLen:
				best, bestLen, tie = u, len(n), false
			case best != u:
				tie = true
			}
		}
	}
	if best != nil && !tie {
		return best
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := range roster {
		for _, w := range words {
			if roster[i].Code != "" && w == importer.Normalize(roster[i].Code) {
				return &roster[i]
			}
		}
	}
	return nil
}

// TestUnitIndex compares the index with the roster scans on random rosters
// over a few characters, so that names contain one another, units share
// names and file names contain several, with ties.
func TestUnitIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	word := func(n int) string {
		const letters = "城关实验小学中一二A1 _"
		rs := []rune(letters)
		var b strings.Builder
		for range n {
			b.WriteRune(rs[r.IntN(len(rs))])
		}
		return b.String()
	}
	byName, byFile := 0, 0
	for n := 0; n < 3000; n++ {
		roster := make([]importer.RosterUnit, 1+r.IntN(12))
		for i := range roster {
			roster[i] = importer.RosterUnit{Name: word(1 + r.IntN(4))}
			if r.IntN(2) == 0 {
				roster[i].Code = word(1 + r.IntN(2))
			}
			for range r.IntN(3) {
				roster[i].Aliases = append(roster[i].Aliases, word(1+r.IntN(4)))
			}
		}
		x := NewUnitIndex(roster)
		for range 10 {
			name, file := word(r.IntN(4)), "收件/"+word(r.IntN(9))+".xlsx"
			if got, want := x.matchName(name), matchNameReference(name, roster); got != want {
				t.Fatalf("matchName(%q) = %v, want %v; roster %+v", name, got, want, roster)
			} else if got != nil {
				byName++
			}
			if got, want := x.matchFile(file), matchFileReference(file, roster); got != want {
				t.Fatalf("matchFile(%q) = %v, want %v; roster %+v", file, got, want, roster)
			} else if got != nil {
				byFile++
			}
		}
	}
	if byName < 1000 || byFile < 1000 {
		t.Errorf("only %d names and %d file names matched: the data does not exercise the index", byName, byFile)
	}
}

// BenchmarkMatchUnit matches one file against a province's roster of 3,000
// units: by index, and by scanning the roster (the reference).
func BenchmarkMatchUnit(b *testing.B) {
	roster := make([]importer.RosterUnit, 3000)
	for i := range roster {
		roster[i] = importer.RosterUnit{Code: fmt.Sprintf("5002%05d", i), Name: fmt.Sprintf("第%d区第%d中心小学", i/30, i%30),
			Aliases: []string{fmt.Sprintf("%d区%d小", i/30, i%30)}}
	}
	sub := &importer.Submission{File: "收件/第57区第12中心小学-附件1.xlsx", Unit: importer.UnitInfo{Name: "第57区第12中心小学"}}
	b.Run("index", func(b *testing.B) {
		x := NewUnitIndex(roster)
		for i := 0; i < b.N; i++ {
			if u, _ := x.Match(sub); u == nil {
				b.Fatal("no match")
			}
		}
	})
	b.Run("scan", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if matchNameReference(sub.Unit.Name, roster) == nil || matchFileReference(sub.File, roster) == nil {
				b.Fatal("no match")
			}
		}
	})
}
