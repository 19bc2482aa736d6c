package reports

import (
	"math"
	"strings"
)

// Row-height estimate of the filled catalogue: Excel and LibreOffice keep
// the height a file stores, so a row of wrapped text needs one set.
const (
	dataLineHeight = 13.5 // points per line of the 10-point data font
	minDataHeight  = 18   // points, the height of a one-line row
)

// setRowHeights gives every data row the height its wrapped text needs.
// With merged powers, a power's cells span its rows: when they need more
// lines than the rows give, the last row of the power grows.
func (c *catalogue) setRowHeights() error {
	rows := c.opt.Rows
	heights := make([]float64, len(rows))
	for r, row := range rows {
		lines := 1.0
		for _, col := range c.cols {
			if c.opt.MergePowers && isPowerKey(col.Key) {
				continue
			}
			lines = max(lines, wrappedLines(row[col.Key], col.Width))
		}
		heights[r] = max(lines*dataLineHeight+4, minDataHeight)
	}
	if c.opt.MergePowers {
		c.fitMergedPowers(heights)
	}
	for r, h := range heights {
		if err := c.f.SetRowHeight(catSheet, firstDataRow+r, h); err != nil {
			return err
		}
	}
	return nil
}

// fitMergedPowers grows the last row of each power until the rows together
// hold the power's own cells.
func (c *catalogue) fitMergedPowers(heights []float64) {
	rows := c.opt.Rows
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && IsContinuation(rows[end]) {
			end++
		}
		need := 1.0
		for _, col := range c.cols {
			if isPowerKey(col.Key) {
				need = max(need, wrappedLines(rows[start][col.Key], col.Width))
			}
		}
		have := 0.0
		for _, h := range heights[start:end] {
			have += h
		}
		if want := need*dataLineHeight + 4; want > have {
			heights[end-1] += want - have
		}
		start = end
	}
}

// wrappedLines estimates how many lines text takes in a column width
// characters wide: wide characters count two, line breaks start a line.
func wrappedLines(text string, width float64) float64 {
	if text == "" {
		return 1
	}
	usable := max(width-1, 1)
	lines := 0.0
	for _, part := range strings.Split(text, "\n") {
		lines += max(math.Ceil(displayWidth(part)/usable), 1)
	}
	return lines
}
