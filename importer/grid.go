package importer

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// grid is one worksheet as plain text, whatever format it came from.
type grid struct {
	name   string
	hidden bool
	rows   [][]string // rows[i][j]: row i+1, column j+1
	merges []cellRange
}

// cellRange is a merged area, 1-based and inclusive.
type cellRange struct{ top, left, bottom, right int }

// cell returns the text at 1-based row and column, "" outside the grid.
func (g *grid) cell(row, col int) string {
	if row < 1 || row > len(g.rows) || col < 1 || col > len(g.rows[row-1]) {
		return ""
	}
	return g.rows[row-1][col-1]
}

// Limits applied to every workbook before and while it is unpacked.
const (
	defaultMaxUnzip    = 256 << 20 // total unpacked size of an .xlsx
	defaultMaxUnzipXML = 64 << 20  // one XML part kept in memory
	defaultMaxCells    = 5_000_000
)

// readXLSX reads every worksheet of an .xlsx/.xlsm, raw cell values (no
// number formatting; formulas give their cached value): with the fast
// reader of xlsxfast.go, or with excelize when that one declines.
func readXLSX(data []byte, opt Options) ([]grid, error) {
	if grids, err, ok := readXLSXFast(data, opt); ok {
		return grids, err
	}
	return readXLSXExcelize(data, opt)
}

// readXLSXExcelize reads every worksheet of an .xlsx/.xlsm with excelize.
func readXLSXExcelize(data []byte, opt Options) ([]grid, error) {
	if err := checkZip(data, opt.MaxUnzip); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    opt.MaxUnzip,
		UnzipXMLSizeLimit: min(opt.MaxUnzipXML, opt.MaxUnzip),
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var grids []grid
	b := newBudget(opt)
	parts := sheetParts(f)
	for _, name := range f.GetSheetList() {
		rows, err := readRows(f, name, b)
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
		visible, _ := f.GetSheetVisible(name)
		g := grid{name: name, hidden: !visible, rows: rows}
		if raw, ok := pkgPart(f, parts[name]); ok {
			g.merges = scanMerges(raw)
		} else if merged, err := f.GetMergeCells(name, true); err == nil {
			// The part was too large to keep in memory: let excelize read it.
			for _, m := range merged {
				if r, ok := parseRange(m.GetStartAxis(), m.GetEndAxis()); ok {
					g.merges = append(g.merges, r)
				}
			}
		}
		grids = append(grids, g)
	}
	return grids, nil
}

func parseRange(start, end string) (cellRange, bool) {
	c1, r1, err1 := excelize.CellNameToCoordinates(start)
	c2, r2, err2 := excelize.CellNameToCoordinates(end)
	if err1 != nil || err2 != nil {
		return cellRange{}, false
	}
	return cellRange{top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)}, true
}

// colName returns the column letter of a 1-based column number.
func colName(col int) string {
	s, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return ""
	}
	return s
}
