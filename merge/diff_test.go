package merge_test

import (
	"context"
	"reflect"
	"testing"

	"lianfang/checks"
	"lianfang/merge"
)

func TestDiff(t *testing.T) {
	s := MustOpen(t)
	mustRoster(t, s)
	const w47, w48 = "2026-W47", "2026-W48"
	f1 := finding("实验小学.xlsx", "实验小学", "R03", checks.Error, 5, "K", "风险点太笼统")
	f2 := finding("实验小学.xlsx", "实验小学", "N02", checks.Error, 4, "D", "职权名称未体现权力性质")
	f3 := finding("实验小学.xlsx", "实验小学", "R08", checks.Warning, 6, "N", "防控措施过于简单")
	f4 := finding("实验小学.xlsx", "实验小学", "B04", checks.Warning, 7, "E", "未写明条款")
	g1 := finding("幼儿园.xlsx", "第一幼儿园", "R09", checks.Error, 4, "O", "责任人为空")
	h1 := finding("城关中学.xlsx", "城关中学", "D02", checks.Error, 4, "H", "外部职权未面向社会公开")
	powers := standardPowers("实验小学", 4)
	p := func(is ...int) []testPower {
		var out []testPower
		for _, i := range is {
			out = append(out, powers[i])
		}
		return out
	}
	// W47: 实验小学 returned (f1 f2 f3), 城关中学 and 教管中心 pass, 第一幼儿园 returned (g1).
	mustAccept(t, s, input(w47, "实验小学.xlsx", "A01", "a47", t0, makeSub("实验小学", p(0, 1, 2)...), f1, f2, f3))
	mustAccept(t, s, input(w47, "城关中学.xlsx", "A02", "b47", t0, makeSub("城关中学", standardPowers("城关中学", 1)...)))
	mustAccept(t, s, input(w47, "幼儿园.xlsx", "A03", "c47", t0, makeSub("第一幼儿园", standardPowers("第一幼儿园", 1)...), g1))
	mustAccept(t, s, input(w47, "教管中心.xlsx", "A04", "d47", t0, makeSub("教管中心", standardPowers("教管中心", 1)...)))
	// W48: 实验小学 fixed f1 and f3 but still has f2, and a new f4; its power
	// 3 is replaced by power 4. 城关中学 now fails, 第一幼儿园 passes,
	// 教管中心 sends nothing.
	week := t0.AddDate(0, 0, 7)
	mustAccept(t, s, input(w48, "实验小学.xlsx", "A01", "a48", week, makeSub("实验小学", p(0, 1, 3)...), f2, f4))
	mustAccept(t, s, input(w48, "城关中学.xlsx", "A02", "b48", week, makeSub("城关中学", standardPowers("城关中学", 1)...), h1))
	mustAccept(t, s, input(w48, "幼儿园.xlsx", "A03", "c48", week, makeSub("第一幼儿园", standardPowers("第一幼儿园", 1)...)))

	d, err := s.Diff(context.Background(), w47, w48)
	if err != nil {
		t.Fatal(err)
	}
	if want := []checks.Finding{f1, f3, g1}; !reflect.DeepEqual(d.FixedFindings, want) {
		t.Errorf("fixed = %+v\nwant    %+v", d.FixedFindings, want)
	}
	if want := []checks.Finding{f4, h1}; !reflect.DeepEqual(d.NewFindings, want) {
		t.Errorf("new = %+v\nwant  %+v", d.NewFindings, want)
	}
	wantChanges := []merge.UnitChange{
		{Code: "A02", Name: "城关中学", From: merge.StatusPassed, To: merge.StatusReturned},
		{Code: "A03", Name: "第一幼儿园", From: merge.StatusReturned, To: merge.StatusPassed},
		{Code: "A04", Name: "教管中心", From: merge.StatusPassed, To: merge.StatusMissing},
	}
	if !reflect.DeepEqual(d.Changes, wantChanges) {
		t.Errorf("changes = %+v\nwant      %+v", d.Changes, wantChanges)
	}
	if !reflect.DeepEqual(d.NewlyPassing, wantChanges[1:2]) || !reflect.DeepEqual(d.NewlyFailing, wantChanges[:1]) {
		t.Errorf("newly passing %+v, newly failing %+v", d.NewlyPassing, d.NewlyFailing)
	}
	added := []merge.PowerChange{{UnitCode: "A01", Unit: "实验小学", Level: "单位职权", Name: powers[3].Name}}
	removed := []merge.PowerChange{{UnitCode: "A01", Unit: "实验小学", Level: "单位职权", Name: powers[2].Name}}
	if !reflect.DeepEqual(d.PowersAdded, added) || !reflect.DeepEqual(d.PowersRemoved, removed) {
		t.Errorf("powers added %+v removed %+v; want %+v and %+v", d.PowersAdded, d.PowersRemoved, added, removed)
	}
	c, err := s.County(context.Background(), w48)
	if err != nil {
		t.Fatal(err)
	}
	if c.Previous != w47 {
		t.Errorf("previous of %s = %q, want %s", w48, c.Previous, w47)
	}
	if cs, _ := s.Cycles(context.Background()); !reflect.DeepEqual(cs, []string{w47, w48}) {
		t.Errorf("cycles = %v", cs)
	}
}
