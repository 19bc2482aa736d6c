package reports

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"

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

// sortContentTypes puts the default content types of f in order of
// extension. excelize adds the image types (with its first chart) from a
// map, in a different order on every run; sorted, equal data give equal
// bytes.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

// writeZipped writes f to w as it zips it. excelize's Write builds the
// whole workbook in a buffer first — 50 MB for a province's 职权台账 —
// unless its zip writer is given: then the buffer it returns stays empty.
// The bytes are those Write gives (the same archive/zip writer, over w),
// but for the order of the parts: streamed names the sheets written with
// a StreamWriter, which excelize writes from a map, and they are written
// in this order, so equal data give equal bytes.
func writeZipped(f *excelize.File, w io.Writer, streamed ...string) error {
	ids := make(map[string]int)
	for id, name := range f.GetSheetMap() {
		ids[name] = id
	}
	var order []string
	for _, name := range streamed {
		if id, ok := ids[name]; ok {
			order = append(order, fmt.Sprintf("xl/worksheets/sheet%d.xml", id))
		}
	}
	var oz *orderedZip
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		// The fastest deflate: the 职权台账 sheet dominates the file and
		// compresses almost as well; the county run spends a third of the
		// workbook's time deflating at the default level.
		zw.RegisterCompressor(zip.Deflate, newFastDeflater)
		oz = &orderedZip{Writer: zw, order: order, early: make(map[string]*earlyPart)}
		return oz
	})
	sortContentTypes(f)
	buf, err := f.WriteToBuffer()
	if oz != nil {
		oz.discard() // after a failure, early parts not written
	}
	if err == nil && buf.Len() > 0 {
		_, err = buf.WriteTo(w) // an excelize that ignored the zip writer
	}
	return err
}

// orderedZip is the zip writer given to excelize: it writes the parts
// named in order in that order, keeping one that comes before its turn in
// an unlinked temporary file (in memory when none can be made) until then.
type orderedZip struct {
	*zip.Writer
	order []string // parts to write in this order
	next  int      // order[:next] are written, or being written
	early map[string]*earlyPart
}

// earlyPart holds a part that came before its turn.
type earlyPart struct {
	file *os.File      // the unlinked temporary file, or
	mem  *bytes.Buffer // memory
}

func (p *earlyPart) Write(b []byte) (int, error) {
	if p.file != nil {
		return p.file.Write(b)
	}
	return p.mem.Write(b)
}

// copyTo writes the part to w.
func (p *earlyPart) copyTo(w io.Writer) error {
	if p.file == nil {
		_, err := p.mem.WriteTo(w)
		return err
	}
	if _, err := p.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, p.file)
	return err
}

// drop releases what holds the part.
func (p *earlyPart) drop() {
	if p.file != nil {
		p.file.Close()
		os.Remove(p.file.Name())
	}
}

func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.catchUp(false); err != nil {
		return nil, err
	}
	i := slices.Index(z.order, name)
	if i < 0 || i == z.next {
		if i == z.next {
			z.next++
		}
		return z.Writer.Create(name)
	}
	p := &earlyPart{}
	if tmp, err := os.CreateTemp("", ".lianfang-part-*"); err == nil {
		os.Remove(tmp.Name()) // where the system allows it: gone even if killed
		p.file = tmp
	} else {
		p.mem = new(bytes.Buffer)
	}
	z.early[name] = p
	return p, nil
}

// catchUp writes the early parts whose turn has come; all of them, in
// order, when all is set (at Close).
func (z *orderedZip) catchUp(all bool) error {
	for z.next < len(z.order) {
		name := z.order[z.next]
		p, ok := z.early[name]
		if !ok {
			if !all {
				return nil
			}
			z.next++
			continue
		}
		w, err := z.Writer.Create(name)
		if err == nil {
			err = p.copyTo(w)
		}
		p.drop()
		delete(z.early, name)
		if err != nil {
			return fmt.Errorf("zip %s: %w", name, err)
		}
		z.next++
	}
	return nil
}

func (z *orderedZip) Close() error {
	if err := z.catchUp(true); err != nil {
		return err
	}
	return z.Writer.Close()
}

// discard removes the early parts left after a failure.
func (z *orderedZip) discard() {
	for name, p := range z.early {
		p.drop()
		delete(z.early, name)
	}
}
