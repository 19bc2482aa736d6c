package merge_test

import (
	"context"
	"testing"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
)

func TestLedger(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	ctx := context.Background()
	if _, err := s.Ledger(ctx, ""); err == nil {
		t.Error("Ledger of an empty database succeeded")
	}
	// A one-column statement in the seed's labelled form: the ledger shows
	// its three parts.
	const stmt = "因放松政治理论学习和党性锻炼(风险源),导致理想信念动摇、思想道德滑坡(风险点),工作中出现以权谋私、侵害企业利益现象(危害性)。"
	sub := makeSub("实验小学", standardPowers("实验小学", 2)...)
	sub.Powers[1].Risks[1] = importer.Risk{Statement: stmt, Grade: "中", Measures: "定期开展党性教育", Owner: "书记",
		Ref: sub.Powers[1].Risks[1].Ref}
	sub.Powers = append(sub.Powers, importer.Power{Seq: "3", Level: importer.LevelPost, Name: "出纳现金支付", Ref: importer.Ref{Sheet: "职权目录", Row: 10}})
	mustAccept(t, s, input("2026-W48", "实验小学.xlsx", "A01", "a", t0, sub))
	mustAccept(t, s, input("2026-W48", "城关中学.xlsx", "A02", "b", t0, makeSub("城关中学", standardPowers("城关中学", 1)...),
		finding("城关中学.xlsx", "城关中学", "N02", checks.Error, 4, "D", "职权名称未体现权力性质")))
	l, err := s.Ledger(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	rows := ledgerRows(t, l)
	if len(rows) != 5 || l.Rows != 5 || l.Units != 1 || l.Powers != 3 || l.Risks != 4 || l.Cycle != "2026-W48" {
		t.Fatalf("ledger has %d rows, want 4 risk points and 1 power without any of 实验小学", len(rows))
	}
	r := rows[3]
	parts, err := checks.Split(stmt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Statement != stmt || r.Source != parts.Source || r.Point != parts.Point || r.Harm != parts.Harm || r.Source == "" {
		t.Errorf("statement row = %+v, want the parts %+v", r, parts)
	}
	if r.Unit != "实验小学" || r.UnitType != "小学" || r.Cycle != "2026-W48" || r.Risk != 2 || r.Row != 7 || r.Grade != "中" {
		t.Errorf("statement row = %+v", r)
	}
	if last := rows[4]; last.Risk != 0 || last.Name != "出纳现金支付" || last.Row != 10 || last.Grade != "" {
		t.Errorf("power without risk points = %+v", last)
	}
	c, err := s.County(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []merge.GradeCount{{"高", 3}, {"中", 1}, {"低", 0}, {"", 0}}
	for i, g := range want {
		if c.Ledger.Grades[i] != g || l.Grades[i] != g {
			t.Errorf("grades = %+v and %+v, want %+v", c.Ledger.Grades, l.Grades, want)
			break
		}
	}
}
