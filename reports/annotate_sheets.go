package reports

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// The fill colours of flagged cells, as RRGGBB.
const (
	fillError   = "FFC7CE" // light red
	fillWarning = "FFEB9C" // yellow
	fillInfo    = "DDEBF7" // light blue
)

// severityColor returns the fill colour for a severity.
func severityColor(s checks.Severity) string {
	switch s {
	case checks.Error:
		return fillError
	case checks.Warning:
		return fillWarning
	}
	return fillInfo
}

// severityRank orders severities: error above warning above info.
func severityRank(s checks.Severity) int {
	switch s {
	case checks.Error:
		return 3
	case checks.Warning:
		return 2
	case checks.Info:
		return 1
	}
	return 0
}

// isAnnotationFill reports whether a style's fill is one this package lays
// over flagged cells.
func isAnnotationFill(fl excelize.Fill) bool {
	if fl.Type != "pattern" || fl.Pattern != 1 || len(fl.Color) == 0 {
		return false
	}
	c := strings.ToUpper(strings.TrimPrefix(fl.Color[0], "#"))
	c = c[max(len(c)-6, 0):]
	return c == fillError || c == fillWarning || c == fillInfo
}

// clearPrevious removes what an earlier run left in a resubmitted
// workbook: the 校验结果 sheet, and every note by lianfang together with the
// fill it laid on its cell. The unit's own notes and fills stay; a note of
// the unit's that an earlier run folded into its own is given back.
func (a *annotator) clearPrevious() error {
	if idx, _ := a.f.GetSheetIndex(ResultSheet); idx >= 0 && len(a.sheets) > 0 {
		if err := a.f.DeleteSheet(ResultSheet); err != nil {
			return err
		}
	}
	for _, sheet := range a.f.GetSheetList() {
		cs, err := a.f.GetComments(sheet)
		if err != nil {
			continue // a chart sheet or a sheet without a comments part
		}
		for _, c := range cs {
			if c.Author != annotationAuthor {
				continue
			}
			if err := a.f.DeleteComment(sheet, c.Cell); err != nil {
				return err
			}
			if err := a.unfill(sheet, c.Cell); err != nil {
				return err
			}
			if err := a.restoreOwn(sheet, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// unfill removes an annotation fill from a cell, keeping the rest of its
// style.
func (a *annotator) unfill(sheet, cell string) error {
	base, err := a.f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	id, ok := a.cleared[base]
	if !ok {
		st, err := a.f.GetStyle(base)
		if err != nil {
			return err
		}
		if !isAnnotationFill(st.Fill) {
			a.cleared[base] = base
			return nil
		}
		st.Fill = excelize.Fill{}
		if id, err = a.f.NewStyle(st); err != nil {
			return err
		}
		a.cleared[base] = id
	}
	if id == base {
		return nil
	}
	return a.f.SetCellStyle(sheet, cell, cell, id)
}

// mergedRange is one merged area, as 1-based column and row bounds.
type mergedRange struct{ c1, r1, c2, r2 int }

// mergedTopLeft returns the top-left cell of the merged range holding
// (col, row), or (col, row) itself.
func (a *annotator) mergedTopLeft(sheet string, col, row int) (int, int, error) {
	ranges, ok := a.merges[sheet]
	if !ok {
		mcs, err := a.f.GetMergeCells(sheet, true)
		if err != nil {
			return 0, 0, err
		}
		for _, mc := range mcs {
			c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if err1 == nil && err2 == nil {
				ranges = append(ranges, mergedRange{c1, r1, c2, r2})
			}
		}
		a.merges[sheet] = ranges
	}
	for _, m := range ranges {
		if col >= m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return m.c1, m.r1, nil
		}
	}
	return col, row, nil
}

// fixDimensions sets each worksheet's <dimension> to cover every row and
// column that holds a value or a mark, so readers that trust the dimension
// (streaming readers, some converters) see all rows. A dimension already
// larger is kept.
func (a *annotator) fixDimensions() error {
	for sheet := range a.sheets {
		maxCol, maxRow := a.extent[sheet][0], a.extent[sheet][1]
		if dim, err := a.f.GetSheetDimension(sheet); err == nil && dim != "" {
			_, last, _ := strings.Cut(dim, ":")
			if last == "" {
				last = dim
			}
			if c, r, err := excelize.CellNameToCoordinates(last); err == nil {
				maxCol, maxRow = max(maxCol, c), max(maxRow, r)
			}
		}
		if maxCol == 0 || maxRow == 0 {
			continue
		}
		last, err := excelize.CoordinatesToCellName(maxCol, maxRow)
		if err != nil {
			return err
		}
		if err := a.f.SetSheetDimension(sheet, "A1:"+last); err != nil {
			return err
		}
	}
	return nil
}
