package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/merge"
)

// changeWidths are the widths of the 本周变化 columns; the sections share
// them.
var changeWidths = []float64{14, 24, 12, 30, 10, 60}

// changeRow is one row of 本周变化; a nil values slice is an empty row.
type changeRow struct {
	style  int
	values []any
}

// writeChangesSheet streams 本周变化: what changed since the previous cycle,
// section by section, or a line saying there is no previous cycle.
func writeChangesSheet(f *excelize.File, st countyStyles, d *merge.Diff) error {
	rows := changeRows(st, d)
	ss, err := newStreamSheet(f, SheetChanges, len(changeWidths), len(rows), changeWidths, 0)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.values == nil {
			ss.skip()
			continue
		}
		if err := ss.add(r.style, r.values...); err != nil {
			return err
		}
	}
	return ss.flush()
}

// changeRows lays out 本周变化.
func changeRows(st countyStyles, d *merge.Diff) []changeRow {
	if d == nil {
		return []changeRow{{st.title, []any{"本周变化"}}, {st.note, []any{"没有上一周期的数据"}}}
	}
	others := otherChanges(d)
	rows := []changeRow{
		{st.title, []any{fmt.Sprintf("本周变化(%s → %s)", d.From, d.To)}},
		{st.note, []any{fmt.Sprintf("新通过 %d 个单位,新退回 %d 个单位;已改正问题 %d 条,新增问题 %d 条;新增职权 %d 项,删除职权 %d 项。问题和职权只比较两个周期都有报送的单位。",
			len(d.NewlyPassing), len(d.NewlyFailing), len(d.FixedFindings), len(d.NewFindings), len(d.PowersAdded), len(d.PowersRemoved))}},
	}
	unitHeader := []any{"单位代码", "单位名称", "上期状态", "本期状态"}
	findingHeader := []any{"单位", "工作表", "单元格", "规则", "严重程度", "问题"}
	powerHeader := []any{"单位代码", "单位名称", "职权层级", "职权名称"}
	section := func(title string, n int, header []any, body func() []changeRow) {
		rows = append(rows, changeRow{}, changeRow{st.section, []any{fmt.Sprintf(title, n)}})
		if n == 0 {
			rows = append(rows, changeRow{st.note, []any{"(无)"}})
			return
		}
		rows = append(rows, changeRow{st.header, header})
		rows = append(rows, body()...)
	}
	section("一、新通过的单位(%d 个)", len(d.NewlyPassing), unitHeader, func() []changeRow { return unitChangeRows(st, d.NewlyPassing) })
	section("二、新退回的单位(%d 个)", len(d.NewlyFailing), unitHeader, func() []changeRow { return unitChangeRows(st, d.NewlyFailing) })
	section("三、其他状态变化(%d 个)", len(others), unitHeader, func() []changeRow { return unitChangeRows(st, others) })
	section("四、已改正的问题(%d 条)", len(d.FixedFindings), findingHeader, func() []changeRow { return findingChangeRows(st, d.FixedFindings) })
	section("五、新增的问题(%d 条)", len(d.NewFindings), findingHeader, func() []changeRow { return findingChangeRows(st, d.NewFindings) })
	section("六、新增的职权(%d 项)", len(d.PowersAdded), powerHeader, func() []changeRow { return powerChangeRows(st, d.PowersAdded) })
	section("七、删除的职权(%d 项)", len(d.PowersRemoved), powerHeader, func() []changeRow { return powerChangeRows(st, d.PowersRemoved) })
	return rows
}

// otherChanges are the status changes that are neither newly passing nor
// newly failing, such as 未提交 → 退回修改.
func otherChanges(d *merge.Diff) []merge.UnitChange {
	seen := map[string]bool{}
	for _, ch := range append(append([]merge.UnitChange(nil), d.NewlyPassing...), d.NewlyFailing...) {
		seen[ch.Code] = true
	}
	var out []merge.UnitChange
	for _, ch := range d.Changes {
		if !seen[ch.Code] {
			out = append(out, ch)
		}
	}
	return out
}

// unitChangeRows lists status changes: code, name, before, now.
func unitChangeRows(st countyStyles, chs []merge.UnitChange) []changeRow {
	out := make([]changeRow, len(chs))
	for i, ch := range chs {
		out[i] = changeRow{st.body, []any{ch.Code, ch.Name, ch.From, ch.To}}
	}
	return out
}

// findingChangeRows lists findings: unit, sheet, cell, rule with its
// title, severity and message.
func findingChangeRows(st countyStyles, fs []checks.Finding) []changeRow {
	out := make([]changeRow, len(fs))
	for i, fd := range fs {
		unit := fd.Unit
		if unit == "" {
			unit = fd.File
		}
		ref, _ := findingRef(fd)
		rule := fd.Rule
		if r, ok := checks.RuleByID(fd.Rule); ok {
			rule += " " + r.Title
		}
		out[i] = changeRow{st.body, []any{unit, fd.Sheet, ref, rule, checks.SeverityName(fd.Severity), fd.Message}}
	}
	return out
}

// powerChangeRows lists added or removed powers: unit code and name,
// level and power name.
func powerChangeRows(st countyStyles, ps []merge.PowerChange) []changeRow {
	out := make([]changeRow, len(ps))
	for i, p := range ps {
		out[i] = changeRow{st.body, []any{p.UnitCode, p.Unit, p.Level, p.Name}}
	}
	return out
}
