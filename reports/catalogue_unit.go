package reports

import "lianfang/importer"

// Minimum widths, in characters, of a unit-info label and its value; a pair
// takes as many columns as it needs to reach them.
const (
	unitLabelWidth = 8
	unitValueWidth = 12
	// tplDefaultColWidth is Excel's width of a column with no width set.
	tplDefaultColWidth = 9.140625
)

// writeUnitInfo writes row 2: the unit-info labels (bold) each followed by
// its value cell (bottom border), the 单位类型 value with a dropdown of the
// unit types.
func (c *catalogue) writeUnitInfo() error {
	u := c.opt.Unit
	pairs := [][2]string{
		{importer.LabelUnit, u.Name},
		{importer.LabelUnitType, u.Type},
		{importer.LabelReporter, u.Reporter},
		{importer.LabelPhone, u.Phone},
		{importer.LabelDate, u.Date},
	}
	col := 1
	for _, p := range pairs {
		labelEnd := c.span(col, unitLabelWidth)
		if err := c.unitCell(col, labelEnd, p[0], c.st.label); err != nil {
			return err
		}
		valueEnd := c.span(labelEnd+1, unitValueWidth)
		if err := c.unitCell(labelEnd+1, valueEnd, p[1], c.st.value); err != nil {
			return err
		}
		if p[0] == importer.LabelUnitType {
			dv := listValidation(c.lists.unitType, importer.UnitTypes)
			dv.Sqref = tplCell(labelEnd+1, unitRow)
			if err := c.f.AddDataValidation(catSheet, dv); err != nil {
				return err
			}
		}
		col = valueEnd + 1
	}
	return c.f.SetRowHeight(catSheet, unitRow, 24)
}

// unitCell writes text into row 2 across columns from..to, merged when it
// spans more than one column.
func (c *catalogue) unitCell(from, to int, text string, style int) error {
	first, last := tplCell(from, unitRow), tplCell(to, unitRow)
	if text != "" {
		if err := c.f.SetCellStr(catSheet, first, text); err != nil {
			return err
		}
	}
	if to > from {
		if err := c.f.MergeCell(catSheet, first, last); err != nil {
			return err
		}
	}
	return c.f.SetCellStyle(catSheet, first, last, style)
}

// span returns the last column of a run starting at start that is at least
// width characters wide.
func (c *catalogue) span(start int, width float64) int {
	end, w := start, c.colWidth(start)
	for w < width {
		end++
		w += c.colWidth(end)
	}
	return end
}

// colWidth is the width of a 1-based column: its schema width inside the
// table, Excel's default outside it.
func (c *catalogue) colWidth(col int) float64 {
	if col <= len(c.cols) && c.cols[col-1].Width > 0 {
		return c.cols[col-1].Width
	}
	return tplDefaultColWidth
}
