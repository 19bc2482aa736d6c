package reports

import (
	"strconv"

	"lianfang/importer"
)

// writeRows styles the data rows (at least styledRows of them, bordered and
// wrapped) and writes opt.Rows from row 4, merging each power's cells over
// its continuation rows when opt.MergePowers is set.
func (c *catalogue) writeRows() error {
	rows := c.opt.Rows
	last := firstDataRow + max(len(rows), styledRows) - 1
	for i, col := range c.cols {
		style := c.st.data
		if centredColumn(col) {
			style = c.st.dataCenter
		}
		if err := c.f.SetCellStyle(catSheet, tplCell(i+1, firstDataRow), tplCell(i+1, last), style); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for i, col := range c.cols {
			if err := c.writeCell(tplCell(i+1, firstDataRow+r), col.Key, row[col.Key]); err != nil {
				return err
			}
		}
	}
	if c.opt.MergePowers {
		if err := c.mergePowers(); err != nil {
			return err
		}
	}
	return c.setRowHeights()
}

// writeCell writes one value as text, or 序号 as a number when it is a
// plain integer. Text is never taken for a formula, even when it starts
// with "=".
func (c *catalogue) writeCell(cell string, k importer.Key, v string) error {
	if v == "" {
		return nil
	}
	if k == importer.KeySeq {
		if n, err := strconv.Atoi(v); err == nil && strconv.Itoa(n) == v {
			return c.f.SetCellInt(catSheet, cell, int64(n))
		}
	}
	return c.f.SetCellStr(catSheet, cell, v)
}

// mergePowers merges the power columns of each power row down over the
// continuation rows that follow it.
func (c *catalogue) mergePowers() error {
	rows := c.opt.Rows
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && IsContinuation(rows[end]) {
			end++
		}
		if end-start > 1 && !IsContinuation(rows[start]) {
			if err := c.mergePower(firstDataRow+start, firstDataRow+end-1); err != nil {
				return err
			}
		}
		start = end
	}
	return nil
}

// mergePower merges every power column from row top to row bottom.
func (c *catalogue) mergePower(top, bottom int) error {
	for i, col := range c.cols {
		if !isPowerKey(col.Key) {
			continue
		}
		if err := c.f.MergeCell(catSheet, tplCell(i+1, top), tplCell(i+1, bottom)); err != nil {
			return err
		}
	}
	return nil
}

// IsContinuation reports whether row is a continuation row: every power
// column (importer.PowerKeys) is empty, so the row is another risk point
// of the power above.
func IsContinuation(row CatalogueRow) bool {
	for _, k := range importer.PowerKeys {
		if row[k] != "" {
			return false
		}
	}
	return true
}

// isPowerKey reports whether k is one of importer.PowerKeys.
func isPowerKey(k importer.Key) bool {
	for _, p := range importer.PowerKeys {
		if p == k {
			return true
		}
	}
	return false
}

// centredColumn reports whether a column holds short values shown centred:
// 序号 and the enumerated columns.
func centredColumn(col importer.Column) bool {
	return col.Key == importer.KeySeq || col.Enum != nil
}
