package xls

import (
	"fmt"
	"time"
)

// Default limits used when a field of Limits is zero.
const (
	DefaultMaxCells = 5_000_000
	DefaultTimeout  = 30 * time.Second
)

// BIFF8 sheet bounds: 65,536 rows by 256 columns.
const (
	maxRows = 1 << 16
	maxCols = 1 << 8
)

// Range is a merged area, 1-based inclusive.
type Range struct{ Top, Left, Bottom, Right int }

// Sheet is one worksheet of a workbook.
type Sheet struct {
	Name   string
	Hidden bool       // hidden or very hidden
	Rows   [][]string // Rows[i][j] = text of cell at row i+1, column j+1; trailing empty cells/rows trimmed
	Merges []Range
}

// Workbook holds the worksheets of an .xls file, in workbook order. Chart,
// macro and dialog sheets are skipped.
type Workbook struct{ Sheets []Sheet }

// Limits bounds the work Read does on one file.
type Limits struct {
	MaxCells int           // 0 = default 5,000,000
	Timeout  time.Duration // 0 = default 30s; checked inside loops via a deadline
}

func (l Limits) withDefaults() Limits {
	if l.MaxCells <= 0 {
		l.MaxCells = DefaultMaxCells
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	return l
}

// Read parses an .xls workbook held in data. It returns an error wrapping
// ErrNotXLS, ErrEncrypted, ErrCorrupt, ErrTooLarge or ErrOldFormat when the
// workbook cannot be read; it never panics.
func Read(data []byte, lim Limits) (wb *Workbook, err error) {
	defer func() {
		if r := recover(); r != nil {
			wb = nil
			err = fmt.Errorf("%w: reader failed: %v", ErrCorrupt, r)
		}
	}()
	return read(data, lim)
}

// read is Read without the panic guard, so that tests and the fuzzer see
// any panic as the bug it is.
func read(data []byte, lim Limits) (*Workbook, error) {
	bud := newBudget(lim.withDefaults())
	stream, name, err := workbookStream(data, bud)
	if err != nil {
		return nil, err
	}
	return parseWorkbook(stream, name, bud)
}

// parseWorkbook reads the records of a Workbook (or Book) stream: the
// globals first, then the substream of every worksheet they list.
func parseWorkbook(stream []byte, streamName string, bud *budget) (*Workbook, error) {
	g, err := parseGlobals(stream, streamName, bud)
	if err != nil {
		return nil, err
	}
	wb := &Workbook{Sheets: make([]Sheet, 0, len(g.sheets))}
	seen := make(map[int]bool, len(g.sheets))
	for _, bs := range g.sheets {
		if bs.kind != sheetKindWorksheet {
			continue
		}
		if seen[bs.pos] {
			return nil, fmt.Errorf("%w: sheet %q: substream at offset %d already read", ErrCorrupt, bs.name, bs.pos)
		}
		seen[bs.pos] = true
		sh, ok, err := parseSheet(g.stream, bs, g, bud)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", bs.name, err)
		}
		if ok {
			wb.Sheets = append(wb.Sheets, sh)
		}
	}
	return wb, nil
}
