package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// resultFont is the font of the sheets this package writes from scratch.
const resultFont = "宋体"

// resultHeaders are the columns of the 校验结果 table, with their widths.
var resultHeaders = []struct {
	title string
	width float64
}{
	{"序号", 6}, {"工作表", 12}, {"单元格", 10}, {"列", 12},
	{"规则", 7}, {"严重程度", 9}, {"问题", 60}, {"建议", 45},
}

// The 校验结果 layout: the verdict in row 1, a legend in row 2, the table
// header in row 3 and one finding a row from row 4.
const (
	resultHeaderRow = 3
	resultFirstRow  = 4
)

// sevCounts counts findings by severity.
type sevCounts struct{ errors, warnings, infos int }

// countSeverities counts findings by severity; anything but error and
// warning counts as info.
func countSeverities(findings []checks.Finding) sevCounts {
	var n sevCounts
	for _, fd := range findings {
		switch fd.Severity {
		case checks.Error:
			n.errors++
		case checks.Warning:
			n.warnings++
		default:
			n.infos++
		}
	}
	return n
}

// Verdict returns the one-line conclusion for a unit's findings:
// "结论:退回修改(错误 N 条,警告 M 条)" when any finding is an error, else
// "结论:通过", followed by the number of warnings when there are some.
func Verdict(findings []checks.Finding) string {
	n := countSeverities(findings)
	switch {
	case n.errors > 0:
		return fmt.Sprintf("结论:退回修改(错误 %d 条,警告 %d 条)", n.errors, n.warnings)
	case n.warnings > 0:
		return fmt.Sprintf("结论:通过(警告 %d 条,请核实)", n.warnings)
	}
	return "结论:通过"
}

// resultLegend is the second line of the 校验结果 sheet.
func resultLegend(findings []checks.Finding, opt AnnotateOptions) string {
	n := countSeverities(findings)
	var b strings.Builder
	if opt.Unit != "" {
		b.WriteString("单位:" + opt.Unit + "  ")
	}
	if opt.File != "" {
		b.WriteString("文件:" + opt.File + "  ")
	}
	fmt.Fprintf(&b, "共 %d 条:错误 %d 条、警告 %d 条、提示 %d 条。", len(findings), n.errors, n.warnings, n.infos)
	b.WriteString("红色单元格为错误,必须修改;黄色为警告,请核实;浅蓝色为提示。点击“单元格”一栏可跳到该处,批注中有具体意见。")
	b.WriteString("请在本文件中逐条修改后重新报送,本表不必删除。")
	return b.String()
}

// writeResultSheet writes the 校验结果 sheet, places it first and makes it
// the active sheet. sheets are the workbook's own worksheets: a finding on
// one of them gets a link to its cell.
func writeResultSheet(f *excelize.File, findings []checks.Finding, opt AnnotateOptions, sheets map[string]bool) error {
	if err := ensureFirstSheet(f, ResultSheet); err != nil {
		return err
	}
	st, err := newResultStyles(f)
	if err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(resultHeaders))
	if err := writeResultTop(f, st, Verdict(findings), resultLegend(findings, opt), lastCol); err != nil {
		return err
	}
	for i, fd := range findings {
		if err := writeResultRow(f, st, resultFirstRow+i, i+1, fd, sheets); err != nil {
			return err
		}
	}
	return finishResultSheet(f, lastCol, resultFirstRow+len(findings)-1)
}

// writeResultTop writes the verdict, the legend and the table header.
func writeResultTop(f *excelize.File, st resultStyles, verdict, note, lastCol string) error {
	s := ResultSheet
	for i, h := range resultHeaders {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, h.width); err != nil {
			return err
		}
		if err := setText(f, s, fmt.Sprintf("%s%d", col, resultHeaderRow), h.title); err != nil {
			return err
		}
	}
	steps := []error{
		setText(f, s, "A1", verdict),
		f.MergeCell(s, "A1", lastCol+"1"),
		f.SetCellStyle(s, "A1", "A1", st.title),
		f.SetRowHeight(s, 1, 24),
		setText(f, s, "A2", note),
		f.MergeCell(s, "A2", lastCol+"2"),
		f.SetCellStyle(s, "A2", "A2", st.legend),
		f.SetRowHeight(s, 2, 44),
		f.SetCellStyle(s, "A3", fmt.Sprintf("%s%d", lastCol, resultHeaderRow), st.header),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeResultRow writes finding number n on row r.
func writeResultRow(f *excelize.File, st resultStyles, r, n int, fd checks.Finding, sheets map[string]bool) error {
	s := ResultSheet
	ref, link := findingRef(fd)
	values := []string{"", fd.Sheet, ref, fd.Column, fd.Rule, checks.SeverityName(fd.Severity), fd.Message, fd.Suggestion}
	for i, v := range values[1:] {
		col, _ := excelize.ColumnNumberToName(i + 2)
		if err := setText(f, s, fmt.Sprintf("%s%d", col, r), v); err != nil {
			return err
		}
	}
	a, h := fmt.Sprintf("A%d", r), fmt.Sprintf("H%d", r)
	steps := []error{
		f.SetCellInt(s, a, int64(n)),
		f.SetCellStyle(s, a, h, st.body),
		f.SetCellStyle(s, fmt.Sprintf("F%d", r), fmt.Sprintf("F%d", r), st.severity[fd.Severity]),
		f.SetRowHeight(s, r, resultRowHeight(fd)),
	}
	if link != "" && sheets[fd.Sheet] {
		c := fmt.Sprintf("C%d", r)
		steps = append(steps,
			f.SetCellHyperLink(s, c, link, "Location", excelize.HyperlinkOpts{Tooltip: reportPtr("跳到 " + fd.Sheet + "!" + ref)}),
			f.SetCellStyle(s, c, c, st.link))
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// setText writes s into a cell as text. Text that does not read as a
// number goes in as an inline string (SetCellDefault), which leaves the
// unit's shared-string table alone: reading and rewriting that table was
// a third of AnnotateUnit's time. Text that would read as a number goes
// through SetCellStr, so it stays text. Neither is ever a formula. Empty
// text writes nothing: the sheet is new.
func setText(f *excelize.File, sheet, cell, s string) error {
	if s == "" {
		return nil
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return f.SetCellStr(sheet, cell, s)
	}
	return f.SetCellDefault(sheet, cell, s)
}

// findingRef returns how the table shows a finding's place and the
// internal link to it ('工作表'!D12), "" for a finding on the whole file.
func findingRef(fd checks.Finding) (ref, link string) {
	if fd.Row <= 0 {
		return "整个文件", ""
	}
	col := fd.Col
	ref = fmt.Sprintf("%s%d", col, fd.Row)
	if col == "" {
		col, ref = "A", fmt.Sprintf("第%d行", fd.Row)
	}
	return ref, fmt.Sprintf("'%s'!%s%d", strings.ReplaceAll(fd.Sheet, "'", "''"), col, fd.Row)
}

// resultRowHeight estimates the height of a table row whose message and
// suggestion wrap in their columns.
func resultRowHeight(fd checks.Finding) float64 {
	lines := max(resultWrapLines(fd.Message, resultHeaders[6].width), resultWrapLines(fd.Suggestion, resultHeaders[7].width), 1)
	return float64(min(lines, 12)) * 14.5
}

// resultWrapLines estimates how many lines s takes in a column of the given
// width, counting a wide (CJK) character as two units.
func resultWrapLines(s string, width float64) int {
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		units := 0.0
		for _, r := range para {
			if r < 0x1100 {
				units++
			} else {
				units += 2
			}
		}
		lines += 1 + int(units/(width-1))
	}
	return lines
}

// finishResultSheet freezes the header, adds the autofilter, sets the print
// layout and makes the sheet active. It runs after the sheet is moved to
// the front, since the autofilter's defined name records the sheet index.
func finishResultSheet(f *excelize.File, lastCol string, lastRow int) error {
	s := ResultSheet
	lastRow = max(lastRow, resultHeaderRow)
	steps := []error{
		f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: resultHeaderRow, TopLeftCell: fmt.Sprintf("A%d", resultFirstRow),
			ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: "A4", ActiveCell: "A4", Pane: "bottomLeft"}}}),
		f.AutoFilter(s, fmt.Sprintf("A%d:%s%d", resultHeaderRow, lastCol, lastRow), nil),
		// Printed, the list fits the page width: every column on one page.
		f.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: reportPtr("landscape"), Size: reportPtr(9),
			FitToWidth: reportPtr(1), FitToHeight: reportPtr(0)}),
		f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: reportPtr(true)}),
		f.SetSheetDimension(s, fmt.Sprintf("A1:%s%d", lastCol, lastRow)),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}
