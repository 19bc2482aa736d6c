package merge_test

import (
	"context"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
)

// acceptCounty merges a cycle of the test roster: 实验小学 passes, 城关中学
// is returned, 第一幼儿园's file is unreadable, 教管中心 sends nothing and an
// unidentified unit sends one file.
func acceptCounty(t *testing.T, s *merge.Store, cycle string) {
	t.Helper()
	mustAccept(t, s, input(cycle, "实验小学.xlsx", "A01", cycle+"a", t0, makeSub("实验小学", standardPowers("实验小学", 3)...),
		finding("实验小学.xlsx", "实验小学", "R08", checks.Warning, 4, "N", "防控措施过于简单")))
	mustAccept(t, s, input(cycle, "城关中学.xlsx", "A02", cycle+"b", t0, makeSub("城关中学", standardPowers("城关中学", 2)...),
		finding("城关中学.xlsx", "城关中学", "N02", checks.Error, 4, "D", "职权名称未体现权力性质")))
	broken := &importer.Submission{Problems: []importer.Problem{{Code: "S01", Message: "文件已损坏", Err: importer.ErrCorrupt}}}
	mustAccept(t, s, input(cycle, "幼儿园.xlsx", "A03", cycle+"c", t0, broken,
		finding("幼儿园.xlsx", "", "S01", checks.Error, 0, "", "文件已损坏,无法读取")))
	mustAccept(t, s, input(cycle, "其他/无名小学.xlsx", "", cycle+"d", t0, makeSub("无名小学", standardPowers("无名小学", 1)...),
		finding("其他/无名小学.xlsx", "无名小学", "S04", checks.Error, 0, "", "名册中没有该单位")))
}

func TestCountyStatuses(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	acceptCounty(t, s, "2026-W48")
	ctx := context.Background()
	c, err := s.County(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Cycle != "2026-W48" || c.Previous != "" {
		t.Errorf("cycle %q previous %q, want 2026-W48 and none", c.Cycle, c.Previous)
	}
	want := []struct {
		code, status string
		errors       int
	}{{"A01", merge.StatusPassed, 0}, {"A02", merge.StatusReturned, 1}, {"A03", merge.StatusUnreadable, 1}, {"A04", merge.StatusMissing, 0}}
	if len(c.Units) != len(want) {
		t.Fatalf("%d units, want %d", len(c.Units), len(want))
	}
	for i, w := range want {
		u := c.Units[i]
		own, _ := unitFindings(t, c, i)
		if u.Code != w.code || u.Status != w.status || u.Errors != w.errors || len(own) != u.Errors+u.Warnings+u.Infos {
			t.Errorf("unit %d = %s %s errors %d findings %d; want %s %s errors %d", i, u.Code, u.Status, u.Errors, len(own),
				w.code, w.status, w.errors)
		}
	}
	if x01 := rules(countyFindings(t, c), "X01"); len(x01) != 1 || x01[0].Unit != "教管中心" || x01[0].Row != 0 || x01[0].Severity != checks.Error {
		t.Errorf("X01 = %+v, want one error on 教管中心", x01)
	}
	if _, got := unitFindings(t, c, 3); len(got) != 1 || got[0].Rule != "X01" {
		t.Errorf("教管中心 county findings = %+v, want X01", got)
	}
	if len(c.Unknown) != 1 || c.Unknown[0].UnitWritten != "无名小学" {
		t.Errorf("unknown = %+v, want 无名小学", c.Unknown)
	} else if fs, err := c.UnknownFindings(ctx, 0); err != nil || len(fs) != 1 || fs[0].Rule != "S04" {
		t.Errorf("unknown findings = %+v, %v; want its S04", fs, err)
	}
	ledger := ledgerRows(t, c.Ledger)
	if len(ledger) != 6 || ledger[0].UnitCode != "A01" || ledger[5].UnitCode != "A01" || c.Ledger.Rows != 6 {
		t.Errorf("ledger has %d rows (counted %d), want the 6 risk points of 实验小学 only", len(ledger), c.Ledger.Rows)
	}
	if c.Ledger.Grades[0] != (merge.GradeCount{Grade: "高", Count: 6}) {
		t.Errorf("grades = %+v, want 高 6", c.Ledger.Grades)
	}
	st, err := s.Status(ctx, "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 5 || st[4].Code != "" || st[4].Name != "无名小学" || st[3].Status != merge.StatusMissing {
		t.Errorf("status rows = %d, last %+v; want 4 roster units then 无名小学", len(st), st[len(st)-1])
	}
	for i := range 4 {
		if st[i].Status != c.Units[i].Status || st[i].Errors != c.Units[i].Errors {
			t.Errorf("Status and County disagree on %s", st[i].Code)
		}
	}
	if _, err := s.County(ctx, "2026-W01"); !errors.Is(err, merge.ErrNoCycle) {
		t.Errorf("County of a missing cycle: err = %v, want ErrNoCycle", err)
	}
}

// TestUnknownUnitNotMerged checks that a file naming a roster unit but not
// matched to it (UnitCode "") stays apart.
func TestUnknownUnitNotMerged(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	mustAccept(t, s, input("2026-W48", "实验小学.xlsx", "", "x", t0, makeSub("实验小学", standardPowers("实验小学", 1)...)))
	c, err := s.County(context.Background(), "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ledgerRows(t, c.Ledger)); c.Units[0].Status != merge.StatusMissing || len(c.Unknown) != 1 || n != 0 || c.Ledger.Rows != 0 {
		t.Errorf("实验小学 %s, %d unknown, %d ledger rows; want 未提交, 1, 0", c.Units[0].Status, len(c.Unknown), n)
	}
	if n := mustCounts(t, s)["current"]; n != 0 {
		t.Errorf("current rows = %d, want 0", n)
	}
}

func TestLatestReceivedCounts(t *testing.T) {
	early := func() merge.Input {
		return input("2026-W48", "第一次/实验小学.xlsx", "A01", "early", t0, makeSub("实验小学", standardPowers("实验小学", 2)...),
			finding("第一次/实验小学.xlsx", "实验小学", "R03", checks.Error, 5, "K", "太笼统"))
	}
	late := func() merge.Input {
		return input("2026-W48", "第二次/实验小学.xlsx", "A01", "late", t0.Add(time.Hour), makeSub("实验小学", standardPowers("实验小学", 3)...))
	}
	var counts []map[string]int
	for _, tc := range []struct {
		name   string
		inputs []merge.Input
	}{{"in order", []merge.Input{early(), late()}}, {"reversed", []merge.Input{late(), early()}}} {
		t.Run(tc.name, func(t *testing.T) {
			s := MustOpen(t)
			mustRoster(t, s)
			first := mustAccept(t, s, tc.inputs[0])
			second := mustAccept(t, s, tc.inputs[1])
			lateFirst := tc.inputs[0].Path == "第二次/实验小学.xlsx"
			if lateFirst && (second.Current || len(second.Superseded) != 0) {
				t.Errorf("an earlier file accepted later took over: %+v", second)
			}
			if !lateFirst && (!second.Current || len(second.Superseded) != 1 || second.Superseded[0] != first.SubmissionID) {
				t.Errorf("the later file did not supersede the earlier: %+v", second)
			}
			c, err := s.County(context.Background(), "2026-W48")
			if err != nil {
				t.Fatal(err)
			}
			u := c.Units[0]
			if u.Status != merge.StatusPassed || u.Current.Path != "第二次/实验小学.xlsx" || u.Submissions != 2 {
				t.Errorf("unit = %s, current %s, %d submissions; want 已通过 from 第二次, 2", u.Status, u.Current.Path, u.Submissions)
			}
			x02 := rules(countyFindings(t, c), "X02")
			if len(x02) != 1 || x02[0].Severity != checks.Info || x02[0].File != "第二次/实验小学.xlsx" {
				t.Errorf("X02 = %+v, want one info on the latest file", x02)
			}
			if _, cf := unitFindings(t, c, 0); len(rules(cf, "X02")) != 1 {
				t.Errorf("unit's county findings = %+v, want X02", cf)
			}
			if n := len(ledgerRows(t, c.Ledger)); n != 6 || c.Ledger.Rows != 6 {
				t.Errorf("ledger rows = %d (counted %d), want the 6 of the latest file", n, c.Ledger.Rows)
			}
			if err := s.Verify(context.Background()); err != nil {
				t.Error(err)
			}
			counts = append(counts, mustCounts(t, s))
		})
	}
	if len(counts) == 2 && !maps.Equal(counts[0], counts[1]) {
		t.Errorf("order of acceptance changed the database: %v vs %v", counts[0], counts[1])
	}
}

func TestX04(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	copied := [3]string{"因受人情干扰或收受贿赂", "在物资采购中把关不严,随意确定供应商", "造成采购物资价格偏高、质量低劣"}
	edited := [3]string{"因受人情干扰或收受贿赂", "在物资采购过程中把关不严,随意确定供应商", "造成采购物资价格偏高、质量低劣"}
	own := [3]string{"由于食堂账目公开不及时", "食堂负责人虚报冒领伙食费用", "损害师生利益,引发群众不满"}
	other := [3]string{"因招生政策宣传不到位", "择校生收费超出规定标准", "导致家长投诉,影响学校声誉"}
	if sim := merge.Similarity(strings.Join(copied[:], ""), strings.Join(edited[:], "")); sim < merge.SimilarityThreshold {
		t.Fatalf("test statements too different: %.2f", sim)
	}
	mustAccept(t, s, input("2026-W48", "a.xlsx", "A01", "a", t0, makeSub("实验小学",
		testPower{Name: "物资采购审批", Risks: [][3]string{copied, own}})))
	mustAccept(t, s, input("2026-W48", "b.xlsx", "A02", "b", t0, makeSub("城关中学",
		testPower{Name: "物资采购审批", Risks: [][3]string{other, edited}})))
	// 第一幼儿园 repeats its own statement: that is R04's business, not X04's.
	mustAccept(t, s, input("2026-W48", "c.xlsx", "A03", "c", t0, makeSub("第一幼儿园",
		testPower{Name: "食堂管理审核", Risks: [][3]string{own, own}})))
	c, err := s.County(context.Background(), "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	x04 := rules(countyFindings(t, c), "X04")
	got := make([]string, len(x04))
	for i, f := range x04 {
		got[i] = f.Unit + "!" + f.Sheet + "!" + f.Col + string(rune('0'+f.Row))
	}
	// 实验小学 row 4 (copied) ~ 城关中学 row 5 (edited); 实验小学 row 5 (own)
	// = 第一幼儿园 rows 4 and 5.
	want := []string{"实验小学!职权目录!K4", "实验小学!职权目录!K5", "城关中学!职权目录!K5", "第一幼儿园!职权目录!K4", "第一幼儿园!职权目录!K5"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("X04 on %v\nwant     %v", got, want)
	}
	if len(x04) > 0 && (!strings.Contains(x04[0].Message, "城关中学") || x04[0].Severity != checks.Warning || x04[0].Column != "风险点") {
		t.Errorf("county X04 = %+v, want a warning naming 城关中学 on 风险点", x04[0])
	}
	for i, u := range c.Units {
		_, cf := unitFindings(t, c, i)
		for _, f := range rules(cf, "X04") {
			if f.Message != checks.MessageX04 {
				t.Errorf("%s's own X04 message = %q, want %q", u.Name, f.Message, checks.MessageX04)
			}
			for _, o := range c.Units {
				if o.Code != u.Code && strings.Contains(f.Message+f.Suggestion+f.File, o.Name) {
					t.Errorf("%s's own X04 names %s: %+v", u.Name, o.Name, f)
				}
			}
		}
	}
}

func TestXRulesRegistered(t *testing.T) {
	for id, sev := range map[string]checks.Severity{"X01": checks.Error, "X02": checks.Info, "X03": checks.Info, "X04": checks.Warning} {
		if r, ok := checks.RuleByID(id); !ok || r.Severity != sev || r.Suggestion == "" {
			t.Errorf("rule %s = %+v, %v; want severity %s with a suggestion", id, r, ok, sev)
		}
	}
}
