package reports

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// streamSheet writes one large sheet row by row with excelize's
// StreamWriter. Rows go strictly downwards; column widths and frozen panes
// are set before the first row; the normal API must not touch the sheet
// afterwards. The stream writer copies the sheet's <dimension> when it is
// created, so the caller declares the final size up front and flush checks
// that exactly that many rows were written.
type streamSheet struct {
	sw    *excelize.StreamWriter
	row   int
	rows  int   // declared number of rows
	cells []any // reused for each row
}

// newStreamSheet starts streaming sheet, which will hold rows rows of cols
// columns, with the given column widths and the top freeze rows frozen.
func newStreamSheet(f *excelize.File, sheet string, cols, rows int, widths []float64, freeze int) (*streamSheet, error) {
	if cols > 0 && rows > 0 {
		last, err := excelize.CoordinatesToCellName(cols, rows)
		if err != nil {
			return nil, err
		}
		if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if freeze > 0 {
		top := fmt.Sprintf("A%d", freeze+1)
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: freeze, TopLeftCell: top, ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return &streamSheet{sw: sw, rows: rows}, nil
}

// add writes the next row from column A, every cell with style. A nil
// value leaves its cell empty; strings are written as inline text.
func (s *streamSheet) add(style int, values ...any) error {
	s.row++
	s.cells = s.cells[:0]
	for _, v := range values {
		if v == nil {
			s.cells = append(s.cells, nil)
			continue
		}
		s.cells = append(s.cells, excelize.Cell{StyleID: style, Value: v})
	}
	return s.sw.SetRow(fmt.Sprintf("A%d", s.row), s.cells)
}

// skip leaves the next row empty.
func (s *streamSheet) skip() { s.row++ }

// flush ends the stream. Writing a different number of rows than declared
// is a programming error: the dimension would be wrong.
func (s *streamSheet) flush() error {
	if s.row != s.rows {
		return fmt.Errorf("stream wrote %d rows, declared %d", s.row, s.rows)
	}
	return s.sw.Flush()
}

// writeZipped writes f to w as it zips it. excelize's Write builds the
// whole workbook in a buffer first — 50 MB for a province's 职权台账 —
// unless its zip writer is given: then the buffer it returns stays empty.
// The bytes are those Write gives (the same archive/zip writer, over w).
func writeZipped(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		// The fastest deflate: the 职权台账 sheet dominates the file and
		// compresses almost as well; the county run spends a third of the
		// workbook's time deflating at the default level.
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		return zw
	})
	buf, err := f.WriteToBuffer()
	if err == nil && buf.Len() > 0 {
		_, err = buf.WriteTo(w) // an excelize that ignored the zip writer
	}
	return err
}
