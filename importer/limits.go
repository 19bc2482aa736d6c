package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// This file bounds the work of reading one workbook, whatever its parts
// claim: the unpacked size of an .xlsx is checked against what its members
// really inflate to, rows are read one at a time and charged as they come,
// and merged ranges are clipped to the cells a sheet has. Each limit is
// one of Options; passing it is ErrTooLarge (S01), a part that lies about
// itself is ErrCorrupt (S01).

// checkZip inflates every member of an .xlsx once, before excelize opens
// it: the sizes the members declare must together stay within maxUnzip,
// and each member must inflate to exactly its declared size and checksum.
// excelize trusts the declared sizes and reads a member that inflates past
// its size silently truncated; a zip bomb that hides its size is corrupt.
func checkZip(data []byte, maxUnzip int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	var total uint64
	for _, f := range zr.File {
		if f.UncompressedSize64 > uint64(maxUnzip)-total {
			return fmt.Errorf("%w: the parts unpack to more than %d bytes", ErrTooLarge, maxUnzip)
		}
		total += f.UncompressedSize64
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, f.Name, err)
		}
	}
	return nil
}

// budget is what reading one workbook may still produce: grid slots (each
// row and each cell the grid will hold, empty or not) against MaxCells, and
// cell text against MaxUnzip — a workbook's text is no larger than its
// unpacked parts unless one shared string is repeated in many cells.
type budget struct {
	slots, maxSlots int
	text, maxText   int64
}

func newBudget(opt Options) *budget {
	return &budget{maxSlots: opt.MaxCells, maxText: opt.MaxUnzip}
}

// charge adds rows grid rows holding cells, and fails past a limit.
func (b *budget) charge(rows int, cells []string) error {
	b.slots += rows + len(cells)
	for _, c := range cells {
		b.text += int64(len(c))
	}
	switch {
	case b.slots > b.maxSlots:
		return fmt.Errorf("%w: more than %d cells", ErrTooLarge, b.maxSlots)
	case b.text > b.maxText:
		return fmt.Errorf("%w: more than %d bytes of cell text", ErrTooLarge, b.maxText)
	}
	return nil
}

// readRows returns the rows of a sheet as excelize's GetRows does (raw
// values; rows missing between filled ones as empty rows; trailing empty
// rows dropped), but row by row against the budget, so a sheet that passes
// a limit stops being read at once; GetRows builds the whole sheet first
// and fills every row out to its last cell, XFD on a million rows. Unlike
// GetRows it returns the error that ends a sheet early (a shared-string
// table that is not well-formed XML, a row past 1,048,576) as ErrCorrupt
// instead of returning the rows read so far as the whole sheet.
func readRows(f *excelize.File, sheet string, b *budget) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out, cur, last := make([][]string, 0, 64), 0, 0
	for rows.Next() {
		cur++
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%w: row %d: %v", ErrCorrupt, cur, err)
		}
		if len(row) == 0 {
			continue
		}
		if err := b.charge(cur-last, row); err != nil {
			return nil, err
		}
		if empty := cur - last - 1; empty > 0 {
			out = append(out, make([][]string, empty)...)
		}
		out = append(out, row)
		last = cur
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return out[:last], nil
}

// limitMerges clips every merged range to the cells its sheet has (the rows
// read, the widest row) and drops ranges wholly outside them; the catalogue
// reader visits every cell a range covers, so A5:XFD1048576 over a small
// sheet would be seventeen billion visits. The clipped ranges of the
// workbook may cover at most maxCells cells together. Clipping changes no
// value read: cells outside the grid read as empty either way.
func limitMerges(grids []grid, maxCells int) error {
	area := 0
	for i := range grids {
		g := &grids[i]
		width := 0
		for _, r := range g.rows {
			width = max(width, len(r))
		}
		kept := g.merges[:0]
		for _, m := range g.merges {
			m.bottom, m.right = min(m.bottom, len(g.rows)), min(m.right, width)
			if m.top > m.bottom || m.left > m.right {
				continue
			}
			if area += (m.bottom - m.top + 1) * (m.right - m.left + 1); area > maxCells {
				return fmt.Errorf("%w: merged ranges cover more than %d cells", ErrTooLarge, maxCells)
			}
			kept = append(kept, m)
		}
		g.merges = kept
	}
	return nil
}
