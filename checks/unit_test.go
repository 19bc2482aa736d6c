package checks

import (
	"strings"
	"testing"

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
