package reports

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"lianfang/merge"
)

// ledgerHeaders are the columns of the 职权台账.
var ledgerHeaders = []any{"单位", "序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "行使岗位",
	"公开范围", "公开形式", "风险源", "风险点", "危害性", "风险等级", "防控措施", "责任人"}

// ledgerWidths are the widths of the 职权台账 columns.
var ledgerWidths = []float64{18, 6, 12, 10, 22, 30, 14, 12, 10, 16, 24, 28, 24, 8, 30, 10}

// LedgerFileName returns the file name of the 职权台账 export of a cycle.
func LedgerFileName(cycle string) string {
	return "职权台账_" + SafeFileName(cycle) + ".xlsx"
}

// WriteLedger writes the `lianfang export` workbook to w: the 职权台账
// sheet alone, a title row with the cycle and counts, the header row and
// one row per risk point (a power without risk points takes one row with
// the risk columns empty), as a filterable table. It streams the rows from
// the ledger into the sheet, so no more than one unit's rows are in memory.
func WriteLedger(ctx context.Context, w io.Writer, cycle string, l *merge.Ledger) error {
	f := excelize.NewFile()
	defer f.Close()
	err := f.SetSheetName("Sheet1", SheetLedger)
	if err == nil {
		err = printSetup(f, SheetLedger)
	}
	var st countyStyles
	if err == nil {
		st, err = newCountyStyles(f)
	}
	if err == nil {
		err = writeLedgerSheet(ctx, f, st, SheetLedger, ledgerTitle(cycle, l), l)
	}
	if err == nil {
		err = f.SetDocProps(&excelize.DocProperties{Creator: "lianfang", Title: "职权台账 " + cycle,
			Created: countyEpoch, Modified: countyEpoch})
	}
	if err == nil {
		err = writeZipped(f, w, SheetLedger)
	}
	if err != nil {
		return fmt.Errorf("write ledger %s: %w", cycle, err)
	}
	return nil
}

// ledgerTitle is the title row of the ledger: the cycle and how many units,
// powers and risk points it holds.
func ledgerTitle(cycle string, l *merge.Ledger) string {
	return fmt.Sprintf("全县职权台账(%s):已通过单位 %d 个,职权 %d 项,风险点 %d 个", cycle, l.Units, l.Powers, l.Risks)
}

// writeLedgerSheet streams the ledger into sheet: the title (row 1, merged
// across), the header (row 2, frozen) and the rows, as a table with filter
// buttons. The ledger's count of rows sizes the sheet; the stream fails if
// Each gives another number.
func writeLedgerSheet(ctx context.Context, f *excelize.File, st countyStyles, sheet, title string, l *merge.Ledger) error {
	cols := len(ledgerHeaders)
	ss, err := newStreamSheet(f, sheet, cols, 2+max(l.Rows, 1), ledgerWidths, 2)
	if err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(cols)
	if err := ss.sw.MergeCell("A1", lastCol+"1"); err != nil {
		return err
	}
	if err := ss.add(st.title, title); err != nil {
		return err
	}
	if err := ss.add(st.header, ledgerHeaders...); err != nil {
		return err
	}
	values := make([]any, 0, cols)
	if err := l.Each(ctx, func(r merge.LedgerRow) error {
		values = appendLedgerValues(values[:0], &r)
		return ss.add(st.body, values...)
	}); err != nil {
		return err
	}
	if l.Rows == 0 {
		if err := ss.add(st.note, "(本周期还没有已通过的单位)"); err != nil {
			return err
		}
	} else {
		err := ss.sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A2:%s%d", lastCol, 2+l.Rows),
			Name: "职权台账", StyleName: "TableStyleLight1"})
		if err != nil {
			return err
		}
	}
	return ss.flush()
}

// appendLedgerValues appends one ledger row's cells. 序号 is a number when
// it is a positive integer; a statement that could not be split is shown
// whole under 风险点.
func appendLedgerValues(dst []any, r *merge.LedgerRow) []any {
	var seq any = r.Seq
	if n, err := strconv.Atoi(r.Seq); err == nil && n > 0 {
		seq = n
	}
	point := r.Point
	if r.Source == "" && r.Point == "" && r.Harm == "" {
		point = r.Statement
	}
	return append(dst, r.Unit, seq, r.Level, r.Kind, r.Name, r.Basis, r.Dept, r.Post, r.Scope, r.Form,
		r.Source, point, r.Harm, r.Grade, r.Measures, r.Owner)
}
