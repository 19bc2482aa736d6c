package importer

import (
	"context"
	"errors"
	"fmt"

	"lianfang/importer/internal/xls"
)

// ErrOldFormat marks an Excel 4 or older workbook.
var ErrOldFormat = xls.ErrOldFormat

// oleKind sniffs an OLE compound file: "xls", "encrypted-ooxml",
// "ole-other" or "".
func oleKind(data []byte) string { return xls.Kind(data) }

// readXLS reads a legacy .xls with the guarded BIFF reader.
func readXLS(data []byte, opt Options) ([]grid, error) {
	wb, err := xls.Read(data, xls.Limits{MaxCells: opt.MaxCells, Timeout: opt.XLSTimeout})
	switch {
	case errors.Is(err, xls.ErrEncrypted):
		return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
	case errors.Is(err, xls.ErrTooLarge):
		return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
	case err != nil:
		return nil, err
	}
	grids := make([]grid, 0, len(wb.Sheets))
	for _, s := range wb.Sheets {
		g := grid{name: s.Name, hidden: s.Hidden, rows: s.Rows}
		for _, m := range s.Merges {
			g.merges = append(g.merges, cellRange{top: m.Top, left: m.Left, bottom: m.Bottom, right: m.Right})
		}
		grids = append(grids, g)
	}
	return grids, nil
}

// convertXLS converts an .xls the built-in reader could not read with
// LibreOffice, when it is installed.
func convertXLS(ctx context.Context, data []byte) ([]byte, error) {
	return xls.Convert(ctx, data)
}
