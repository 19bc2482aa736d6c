package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/merge"
)

// The sheets of the county summary, in order.
const (
	SheetStatus  = "提交情况"
	SheetStats   = "问题统计"
	SheetGrades  = "风险等级分布"
	SheetLedger  = "职权台账"
	SheetChanges = "本周变化"
)

// CountyFileName returns the file name of the county summary of a cycle.
func CountyFileName(cycle string) string {
	return "全县汇总_" + SafeFileName(cycle) + ".xlsx"
}

// WriteCounty writes the county summary workbook 全县汇总_<cycle>.xlsx to
// w: 提交情况 (every roster unit's status, then the files no roster unit
// matched), 问题统计 (findings by rule and by unit, with bar charts),
// 风险等级分布 (the ledger's grades, with a pie chart), 职权台账 (every risk
// point of the units that passed) and 本周变化 (what changed since the
// previous cycle; d is nil when there is none). The large sheets are
// written with excelize's StreamWriter, the ledger straight from
// c.Ledger.Each, and the findings are counted unit by unit, so the county's
// content is never all in memory. Every text is written as a string, never
// a formula.
func WriteCounty(ctx context.Context, w io.Writer, c *merge.County, d *merge.Diff) error {
	if c == nil {
		return errors.New("write county: no county data")
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := buildCounty(ctx, f, c, d); err != nil {
		return fmt.Errorf("write county %s: %w", c.Cycle, err)
	}
	if err := writeZipped(f, w, SheetLedger, SheetChanges); err != nil {
		return fmt.Errorf("write county %s: %w", c.Cycle, err)
	}
	return nil
}

// buildCounty creates the five sheets in order and fills them.
func buildCounty(ctx context.Context, f *excelize.File, c *merge.County, d *merge.Diff) error {
	if err := f.SetSheetName("Sheet1", SheetStatus); err != nil {
		return err
	}
	for _, name := range []string{SheetStats, SheetGrades, SheetLedger, SheetChanges} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	for _, name := range f.GetSheetList() {
		if err := printSetup(f, name); err != nil {
			return err
		}
	}
	st, err := newCountyStyles(f)
	if err != nil {
		return err
	}
	ledger := c.Ledger
	if ledger == nil {
		ledger = merge.LedgerOf(c.Cycle, nil)
	}
	steps := []struct {
		sheet string
		write func() error
	}{
		{SheetStatus, func() error { return writeStatusSheet(f, st, c) }},
		{SheetStats, func() error { return writeStatsSheet(ctx, f, st, c) }},
		{SheetGrades, func() error { return writeGradesSheet(f, st, c.Cycle, ledger.Grades) }},
		{SheetLedger, func() error {
			return writeLedgerSheet(ctx, f, st, SheetLedger, ledgerTitle(c.Cycle, ledger), ledger)
		}},
		{SheetChanges, func() error { return writeChangesSheet(f, st, d) }},
	}
	for _, s := range steps {
		if err := s.write(); err != nil {
			return fmt.Errorf("%s: %w", s.sheet, err)
		}
	}
	for _, sheet := range []string{SheetStatus, SheetStats, SheetGrades} {
		// again: AutoFilter replaces the sheet properties
		if err := printSetup(f, sheet); err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		if err := fitDimension(f, sheet); err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
	}
	// 提交情况 stays the active sheet, as Sheet1 of a new workbook is.
	// SetActiveSheet must not run here: it reads every sheet back,
	// including the streamed ones.
	return f.SetDocProps(&excelize.DocProperties{
		Creator: "lianfang", Title: "全县汇总 " + c.Cycle,
		Created: countyEpoch, Modified: countyEpoch,
	})
}

// countyEpoch is the document time stored in the summary, so that equal
// data give equal bytes.
const countyEpoch = "2026-01-01T00:00:00Z"

// receivedText shows a submission's received time in the local time zone,
// to the minute.
func receivedText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02 15:04")
}

// countyStyles are the cell styles of the county workbooks.
type countyStyles struct {
	title, note, section, header, body, number, percent int
	status                                              map[string]int
}

// statusFills colours the 状态 cells of 提交情况.
var statusFills = map[string]string{
	merge.StatusPassed:     "C6EFCE",
	merge.StatusReturned:   fillError,
	merge.StatusMissing:    "D9D9D9",
	merge.StatusUnreadable: "F8CBAD",
}

// newCountyStyles registers the county styles in f.
func newCountyStyles(f *excelize.File) (countyStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: resultFont, Size: size, Bold: bold}
	}
	top := &excelize.Alignment{Vertical: "top"}
	defs := []*excelize.Style{
		{Font: font(14, true), Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: font(10, false), Alignment: top},
		{Font: font(11, true), Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: font(10, true), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}},
		{Font: font(10, false), Border: border, Alignment: top},
		{Font: font(10, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}},
		{Font: font(10, false), Border: border, Alignment: top, NumFmt: 10},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return countyStyles{}, err
		}
		ids[i] = id
	}
	st := countyStyles{title: ids[0], note: ids[1], section: ids[2], header: ids[3], body: ids[4],
		number: ids[5], percent: ids[6], status: map[string]int{}}
	// In a fixed order, so that equal data give equal style numbers.
	for _, status := range []string{merge.StatusPassed, merge.StatusReturned, merge.StatusMissing, merge.StatusUnreadable} {
		color := statusFills[status]
		id, err := f.NewStyle(&excelize.Style{Font: font(10, false), Border: border, Alignment: top,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
		if err != nil {
			return countyStyles{}, err
		}
		st.status[status] = id
	}
	return st, nil
}

// putRow writes values on one row from column A with the normal API (text
// through SetCellStr, numbers as numbers) and styles the cells.
func putRow(f *excelize.File, sheet string, row int, style int, values ...any) error {
	cell, err := excelize.CoordinatesToCellName(1, row)
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, cell, &values); err != nil {
		return err
	}
	if style == 0 || len(values) == 0 {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(len(values), row)
	return f.SetCellStyle(sheet, cell, last, style)
}

// printSetup makes a sheet print on A4 landscape, one page wide. It runs
// before a sheet is streamed: the stream writer copies these settings when
// it starts.
func printSetup(f *excelize.File, sheet string) error {
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: reportPtr("landscape"), Size: reportPtr(9),
		FitToWidth: reportPtr(1), FitToHeight: reportPtr(0)})
	if err != nil {
		return err
	}
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: reportPtr(true)})
}

// fitDimension sets the <dimension> of a sheet written with the normal API
// to the cells it holds: excelize leaves it at A1, and readers that trust
// it would see one cell.
func fitDimension(f *excelize.File, sheet string) error {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(cols, len(rows))
	if err != nil {
		return err
	}
	return f.SetSheetDimension(sheet, "A1:"+last)
}

// setWidths sets the widths of columns A, B, … in order.
func setWidths(f *excelize.File, sheet string, widths ...float64) error {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// cellRange returns a sheet-qualified absolute range such as
// '问题统计'!$B$3:$B$9, for chart series.
func cellRange(sheet string, col1, row1, col2, row2 int) string {
	a, _ := excelize.CoordinatesToCellName(col1, row1, true)
	b, _ := excelize.CoordinatesToCellName(col2, row2, true)
	return "'" + sheet + "'!" + a + ":" + b
}
