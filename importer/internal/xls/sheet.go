package xls

import (
	"errors"
	"fmt"
	"io"
)

// cell is one non-empty cell as read, 0-based.
type cell struct {
	row, col int
	text     string
}

// sheetReader collects the cells and merges of one worksheet substream.
type sheetReader struct {
	r       *recordReader
	g       *globals
	bud     *budget
	cells   []cell
	merges  []Range
	pending int // index in cells of a formula waiting for its STRING record, or -1
	charged int // cells charged to the budget so far
}

// parseSheet reads the substream of one BOUNDSHEET. ok is false when the
// substream is not a worksheet (a chart, macro or dialog sheet).
func parseSheet(stream []byte, bs boundSheet, g *globals, bud *budget) (sh Sheet, ok bool, err error) {
	if bs.pos <= 0 || bs.pos >= len(stream) {
		return Sheet{}, false, fmt.Errorf("%w: substream offset %d outside stream of %d bytes", ErrCorrupt, bs.pos, len(stream))
	}
	r := newRecordReader(stream, bs.pos)
	bof, err := r.next()
	if err != nil {
		return Sheet{}, false, err
	}
	if bof.typ != recBOF {
		return Sheet{}, false, fmt.Errorf("%w: no BOF record at offset %d", ErrCorrupt, bs.pos)
	}
	if err := need(bof, 4); err != nil {
		return Sheet{}, false, err
	}
	if u16(bof.data[2:]) != bofWorksheet {
		return Sheet{}, false, nil
	}
	sr := &sheetReader{r: r, g: g, bud: bud, pending: -1}
	if err := sr.run(); err != nil {
		return Sheet{}, false, err
	}
	rows, err := sr.grid()
	if err != nil {
		return Sheet{}, false, err
	}
	return Sheet{Name: bs.name, Hidden: bs.hidden, Rows: rows, Merges: sr.merges}, true, nil
}

// maxDepth bounds the nesting of substreams: a worksheet holds embedded
// chart substreams, which hold nothing deeper. The bound also keeps the
// substreams of different sheets from overlapping more than a few times.
const maxDepth = 4

// run reads records up to the EOF that closes the worksheet, skipping the
// substreams of embedded charts nested inside it.
func (sr *sheetReader) run() error {
	depth := 1
	for {
		if err := sr.bud.tick(); err != nil {
			return err
		}
		rec, err := sr.r.next()
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: worksheet has no EOF record", ErrCorrupt)
		}
		if err != nil {
			return err
		}
		switch {
		case rec.typ == recBOF:
			depth++
			if depth > maxDepth {
				return fmt.Errorf("%w: substreams nested %d deep at offset %d", ErrCorrupt, depth, rec.off)
			}
		case rec.typ == recEOF:
			depth--
			if depth == 0 {
				return nil
			}
		case depth == 1:
			if err := sr.record(rec); err != nil {
				return err
			}
		}
	}
}

// record dispatches one worksheet record.
func (sr *sheetReader) record(rec record) error {
	switch rec.typ {
	case recNumber:
		return sr.number(rec)
	case recRK:
		return sr.rk(rec)
	case recMulRK:
		return sr.mulRK(rec)
	case recLabelSST:
		return sr.labelSST(rec)
	case recLabel, recRString:
		return sr.label(rec)
	case recBoolErr:
		return sr.boolErr(rec)
	case recFormula:
		return sr.formula(rec)
	case recString:
		return sr.formulaString(rec)
	case recMergedCells:
		return sr.mergedCells(rec)
	}
	return nil
}

// add stores a cell's text; empty text is not stored (it is the default).
func (sr *sheetReader) add(rec record, row, col int, text string) error {
	if err := checkCol(rec, col); err != nil || text == "" {
		return err
	}
	sr.cells = append(sr.cells, cell{row: row, col: col, text: text})
	sr.charged++
	return sr.bud.charge(1)
}

// checkCol fails on a column past the BIFF8 limit (rows cannot pass it:
// they are 16-bit).
func checkCol(rec record, col int) error {
	if col >= maxCols {
		return fmt.Errorf("%w: record 0x%04x at offset %d: column %d past BIFF8 limit", ErrCorrupt, rec.typ, rec.off, col+1)
	}
	return nil
}

// mergedCells reads a MERGEDCELLS record; ranges that are empty or outside
// the sheet are dropped.
func (sr *sheetReader) mergedCells(rec record) error {
	if err := need(rec, 2); err != nil {
		return err
	}
	n := u16(rec.data)
	if err := need(rec, 2+8*n); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		b := rec.data[2+8*i:]
		top, bottom, left, right := u16(b), u16(b[2:]), u16(b[4:]), u16(b[6:])
		if top > bottom || left > right || right >= maxCols {
			continue
		}
		sr.merges = append(sr.merges, Range{Top: top + 1, Left: left + 1, Bottom: bottom + 1, Right: right + 1})
	}
	return nil
}
