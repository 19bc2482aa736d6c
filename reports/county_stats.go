package reports

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/merge"
)

// ruleCount is one row of 问题统计 by rule.
type ruleCount struct {
	rule     checks.Rule
	findings int
	bySev    map[checks.Severity]int
	units    map[string]bool
}

// countByRule counts every finding of the cycle by rule, in registry
// order: the units' current submissions, the unknown files and the county
// rules (X01–X04). Units are told apart by roster code, an unknown file by
// its path. The findings are read one unit at a time and only counted.
func countByRule(ctx context.Context, c *merge.County) ([]ruleCount, error) {
	byID := map[string]*ruleCount{}
	codeOf := map[string]string{}
	add := func(fd checks.Finding, unit string) {
		rc := byID[fd.Rule]
		if rc == nil {
			r, ok := checks.RuleByID(fd.Rule)
			if !ok {
				r = checks.Rule{ID: fd.Rule, Title: fd.Rule, Severity: fd.Severity}
			}
			rc = &ruleCount{rule: r, bySev: map[checks.Severity]int{}, units: map[string]bool{}}
			byID[fd.Rule] = rc
		}
		rc.findings++
		rc.bySev[fd.Severity]++
		rc.units[unit] = true
	}
	for i, u := range c.Units {
		codeOf[u.Name] = u.Code
		own, _, err := c.UnitFindings(ctx, i)
		if err != nil {
			return nil, err
		}
		for _, fd := range own {
			add(fd, "code:"+u.Code)
		}
	}
	for i, x := range c.Unknown {
		fs, err := c.UnknownFindings(ctx, i)
		if err != nil {
			return nil, err
		}
		for _, fd := range fs {
			add(fd, "file:"+x.Path)
		}
	}
	err := c.Findings(ctx, func(fd checks.Finding) error {
		if code, ok := codeOf[fd.Unit]; ok {
			add(fd, "code:"+code)
		} else {
			add(fd, "name:"+fd.Unit)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, r := range checks.Rules() {
		order[r.ID] = i
	}
	out := make([]ruleCount, 0, len(byID))
	for _, rc := range byID {
		out = append(out, *rc)
	}
	slices.SortFunc(out, func(a, b ruleCount) int {
		ia, oka := order[a.rule.ID]
		ib, okb := order[b.rule.ID]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a.rule.ID, b.rule.ID))
	})
	return out, nil
}

// unitsByFindings returns the units that submitted, most errors first, then
// most warnings, then by code.
func unitsByFindings(c *merge.County) []merge.UnitStatus {
	var out []merge.UnitStatus
	for _, u := range c.Units {
		if u.Current != nil {
			out = append(out, u)
		}
	}
	slices.SortStableFunc(out, func(a, b merge.UnitStatus) int {
		return cmp.Or(cmp.Compare(b.Errors, a.Errors), cmp.Compare(b.Warnings, a.Warnings),
			cmp.Compare(b.Infos, a.Infos), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// topUnits is how many units the by-unit chart shows.
const topUnits = 20

// writeStatsSheet writes 问题统计: a table by rule and a table by unit, each
// with a bar chart beside it (the by-unit chart shows the 20 units with
// most findings).
func writeStatsSheet(ctx context.Context, f *excelize.File, st countyStyles, c *merge.County) error {
	s := SheetStats
	if err := setWidths(f, s, 12, 26, 12, 8, 8, 8, 8, 10); err != nil {
		return err
	}
	rules, err := countByRule(ctx, c)
	if err != nil {
		return err
	}
	total := 0
	for _, rc := range rules {
		total += rc.findings
	}
	steps := []error{
		putRow(f, s, 1, st.section, fmt.Sprintf("一、按规则统计(共 %d 条问题)", total)),
		putRow(f, s, 2, st.header, "规则", "名称", "类别", "错误", "警告", "提示", "合计", "涉及单位数"),
	}
	for i, rc := range rules {
		steps = append(steps, putRow(f, s, 3+i, st.body, rc.rule.ID, rc.rule.Title, rc.rule.Category,
			rc.bySev[checks.Error], rc.bySev[checks.Warning], rc.bySev[checks.Info], rc.findings, len(rc.units)))
	}
	if len(rules) == 0 {
		steps = append(steps, putRow(f, s, 3, st.note, "(本周期没有问题)"))
	} else {
		steps = append(steps, addBarChart(f, "J2", "各规则问题条数", len(rules), []chartSeries{
			{name: cellRange(s, 7, 2, 7, 2), cats: cellRange(s, 2, 3, 2, 2+len(rules)), vals: cellRange(s, 7, 3, 7, 2+len(rules)), color: "4472C4"},
		}))
	}
	// The unit table starts below the rule table and its chart.
	start := 2 + max(len(rules), 1, chartRows(len(rules))) + 3
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return writeUnitStats(f, st, start, unitsByFindings(c))
}

// writeUnitStats writes the by-unit table of 问题统计 from row start.
func writeUnitStats(f *excelize.File, st countyStyles, start int, units []merge.UnitStatus) error {
	s := SheetStats
	steps := []error{
		putRow(f, s, start, st.section, fmt.Sprintf("二、按单位统计(已报送 %d 个单位,问题多的在前)", len(units))),
		putRow(f, s, start+1, st.header, "单位代码", "单位名称", "状态", "错误数", "警告数", "提示数", "合计"),
	}
	first := start + 2
	for i, u := range units {
		steps = append(steps, putRow(f, s, first+i, st.body, u.Code, u.Name, u.Status, u.Errors, u.Warnings, u.Infos,
			u.Errors+u.Warnings+u.Infos))
	}
	if n := min(len(units), topUnits); n > 0 {
		cats := cellRange(s, 2, first, 2, first+n-1)
		series := []chartSeries{
			{name: cellRange(s, 4, start+1, 4, start+1), cats: cats, vals: cellRange(s, 4, first, 4, first+n-1), color: "C00000"},
			{name: cellRange(s, 5, start+1, 5, start+1), cats: cats, vals: cellRange(s, 5, first, 5, first+n-1), color: "FFC000"},
			{name: cellRange(s, 6, start+1, 6, start+1), cats: cats, vals: cellRange(s, 6, first, 6, first+n-1), color: "5B9BD5"},
		}
		steps = append(steps, addBarChart(f, fmt.Sprintf("J%d", start+1), fmt.Sprintf("问题最多的 %d 个单位", n), n, series))
	} else {
		steps = append(steps, putRow(f, s, first, st.note, "(本周期没有单位报送)"))
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// chartSeries is one series of a bar chart. name, cats and vals are cell
// references: excelize writes a series name as a reference, never as text.
type chartSeries struct{ name, cats, vals, color string }

// barHeight is the chart height, in pixels, for n categories.
func barHeight(n int) uint { return uint(max(260, 22*n+90)) }

// chartRows is how many default-height rows (20 px) a bar chart of n
// categories covers.
func chartRows(n int) int { return int(barHeight(n))/20 + 1 }

// addBarChart adds a horizontal bar chart at cell of the 问题统计 sheet,
// stacked when it has several series, first category on top.
func addBarChart(f *excelize.File, cell, title string, n int, series []chartSeries) error {
	typ := excelize.Bar
	if len(series) > 1 {
		typ = excelize.BarStacked
	}
	cs := make([]excelize.ChartSeries, len(series))
	for i, s := range series {
		cs[i] = excelize.ChartSeries{Name: s.name, Categories: s.cats, Values: s.vals,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.color}}}
	}
	legend := excelize.ChartLegend{Position: "none"}
	if len(series) > 1 {
		legend.Position = "top"
	}
	return f.AddChart(SheetStats, cell, &excelize.Chart{
		Type:       typ,
		Series:     cs,
		VaryColors: reportPtr(false),
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: resultFont, Size: 12, Bold: true}}}},
		Legend:     legend,
		Dimension:  excelize.ChartDimension{Width: 560, Height: barHeight(n)},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Family: resultFont, Size: 9}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Family: resultFont, Size: 9}},
		PlotArea:   excelize.ChartPlotArea{ShowVal: len(series) == 1},
	})
}
