package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"lianfang/merge"
)

// statusHeaders are the columns of 提交情况.
var statusHeaders = []any{"单位代码", "单位名称", "单位类型", "状态", "收到时间", "错误数", "警告数", "提示数", "文件"}

// statusWidths are the widths of the 提交情况 columns.
var statusWidths = []float64{12, 26, 10, 10, 17, 8, 8, 8, 40}

// The 提交情况 layout: title, summary, header, then one roster unit a row.
const (
	statusHeaderRow = 3
	statusFirstRow  = 4
)

// writeStatusSheet writes 提交情况: every roster unit with its status,
// received time and finding counts, then the files whose unit is not on
// the roster (S04), which are never merged into a roster unit.
func writeStatusSheet(f *excelize.File, st countyStyles, c *merge.County) error {
	s := SheetStatus
	if err := setWidths(f, s, statusWidths...); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(statusHeaders))
	steps := []error{
		putRow(f, s, 1, st.title, c.Cycle+" 各单位提交情况"),
		putRow(f, s, 2, st.note, statusSummary(c)),
		putRow(f, s, statusHeaderRow, st.header, statusHeaders...),
	}
	row := statusFirstRow
	for _, u := range c.Units {
		steps = append(steps, statusRow(f, st, row, u.Code, u.Name, u.Type, u.Status, u.Current, u.Errors, u.Warnings, u.Infos))
		row++
	}
	lastUnitRow := max(row-1, statusHeaderRow)
	if len(c.Unknown) > 0 {
		row++
		steps = append(steps,
			putRow(f, s, row, st.section, "名册外的报送文件(S04:填报单位与名册对不上,未并入任何单位,请核实后让其按名册单位名称重新报送)"),
			putRow(f, s, row+1, st.header, statusHeaders...))
		row += 2
		for i := range c.Unknown {
			sub := c.Unknown[i]
			name := sub.UnitWritten
			if name == "" {
				name = "(未填写)"
			}
			steps = append(steps, statusRow(f, st, row, "", name, "", sub.Status, &sub, sub.Errors, sub.Warnings, sub.Infos))
			row++
		}
	}
	steps = append(steps,
		f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: statusHeaderRow, TopLeftCell: fmt.Sprintf("A%d", statusFirstRow), ActivePane: "bottomLeft"}),
		f.AutoFilter(s, fmt.Sprintf("A%d:%s%d", statusHeaderRow, lastCol, lastUnitRow), nil))
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

// statusRow writes one unit's or one unknown file's row.
func statusRow(f *excelize.File, st countyStyles, row int, code, name, typ, status string, sub *merge.Submission, e, w, i int) error {
	var received, file string
	counts := []any{e, w, i}
	if sub != nil {
		received, file = receivedText(sub.Received), sub.Path
		if file == "" {
			file = sub.FileName
		}
	} else {
		counts = []any{"", "", ""}
	}
	values := append([]any{code, name, typ, status, received}, counts...)
	values = append(values, file)
	if err := putRow(f, SheetStatus, row, st.body, values...); err != nil {
		return err
	}
	if id, ok := st.status[status]; ok {
		cell := fmt.Sprintf("D%d", row)
		if err := f.SetCellStyle(SheetStatus, cell, cell, id); err != nil {
			return err
		}
	}
	return f.SetCellStyle(SheetStatus, fmt.Sprintf("F%d", row), fmt.Sprintf("H%d", row), st.number)
}

// statusSummary counts the roster units by status, and the unknown files.
func statusSummary(c *merge.County) string {
	n := map[string]int{}
	for _, u := range c.Units {
		n[u.Status]++
	}
	s := fmt.Sprintf("名册单位 %d 个:已通过 %d 个,退回修改 %d 个,无法读取 %d 个,未提交 %d 个",
		len(c.Units), n[merge.StatusPassed], n[merge.StatusReturned], n[merge.StatusUnreadable], n[merge.StatusMissing])
	if len(c.Unknown) > 0 {
		s += fmt.Sprintf(";名册外报送文件 %d 个(见表末)", len(c.Unknown))
	}
	return s + "。"
}
