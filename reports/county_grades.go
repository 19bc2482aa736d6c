package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
	"lianfang/merge"
)

// gradeLabel names a grade in 风险等级分布; the empty grade stands for an
// empty or unrecognised one.
func gradeLabel(g string) string {
	if g == "" {
		return "未填或不规范"
	}
	return g
}

// gradeColors colours the pie slices: 高 red, 中 amber, 低 green, other grey.
var gradeColors = map[string]string{
	importer.GradeHigh: "C00000", importer.GradeMedium: "FFC000", importer.GradeLow: "70AD47",
}

// writeGradesSheet writes 风险等级分布: the number and share of the
// ledger's risk points by grade, with a pie chart. Grades with no risk
// point other than 高, 中 and 低 are left out.
func writeGradesSheet(f *excelize.File, st countyStyles, cycle string, counts []merge.GradeCount) error {
	s := SheetGrades
	if err := setWidths(f, s, 16, 12, 10); err != nil {
		return err
	}
	var grades []merge.GradeCount
	total := 0
	for _, g := range counts {
		total += g.Count
		switch g.Grade {
		case importer.GradeHigh, importer.GradeMedium, importer.GradeLow:
			grades = append(grades, g)
		default:
			if g.Count > 0 {
				grades = append(grades, g)
			}
		}
	}
	steps := []error{
		putRow(f, s, 1, st.title, cycle+" 风险等级分布"),
		putRow(f, s, 2, st.note, fmt.Sprintf("统计范围:已通过单位职权台账中的全部风险点,共 %d 个。", total)),
		putRow(f, s, 3, st.header, "风险等级", "风险点数", "占比"),
	}
	for i, g := range grades {
		share := 0.0
		if total > 0 {
			share = float64(g.Count) / float64(total)
		}
		r := 4 + i
		steps = append(steps,
			putRow(f, s, r, st.body, gradeLabel(g.Grade), g.Count, share),
			f.SetCellStyle(s, fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r), st.number),
			f.SetCellStyle(s, fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r), st.percent))
	}
	last := 3 + len(grades)
	steps = append(steps, putRow(f, s, last+1, st.body, "合计", total, 1.0),
		f.SetCellStyle(s, fmt.Sprintf("B%d", last+1), fmt.Sprintf("B%d", last+1), st.number),
		f.SetCellStyle(s, fmt.Sprintf("C%d", last+1), fmt.Sprintf("C%d", last+1), st.percent))
	if total == 0 {
		steps = append(steps, putRow(f, s, last+3, st.note, "(本周期还没有已通过单位的风险点)"))
	}
	steps = append(steps, addGradePie(f, grades, last))
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// addGradePie adds the pie chart over rows 4..last of 风险等级分布.
func addGradePie(f *excelize.File, grades []merge.GradeCount, last int) error {
	s := SheetGrades
	points := make([]excelize.ChartDataPoint, len(grades))
	for i, g := range grades {
		color, ok := gradeColors[g.Grade]
		if !ok {
			color = "A6A6A6"
		}
		points[i] = excelize.ChartDataPoint{Index: i, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}}
	}
	return f.AddChart(s, "E3", &excelize.Chart{
		Type: excelize.Pie,
		Series: []excelize.ChartSeries{{Name: cellRange(s, 2, 3, 2, 3), Categories: cellRange(s, 1, 4, 1, last),
			Values: cellRange(s, 2, 4, 2, last), DataPoint: points}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "风险等级分布", Font: &excelize.Font{Family: resultFont, Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "right"},
		Dimension: excelize.ChartDimension{Width: 420, Height: 300},
		PlotArea:  excelize.ChartPlotArea{ShowPercent: true, ShowCatName: true},
	})
}
