package xls

import (
	"encoding/binary"
	"fmt"
	"io"
)

// Record types read by this package ([MS-XLS] 2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recCodePage    = 0x0042
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recRString     = 0x00D6
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recBOF         = 0x0809
)

// record is one BIFF record: its type, the stream offset of its header and
// its payload.
type record struct {
	typ  uint16
	off  int
	data []byte
}

// recordReader walks the records of a workbook stream. Every payload is a
// capacity-limited sub-slice of the stream, checked to lie inside it.
type recordReader struct {
	b   []byte
	pos int
}

func newRecordReader(stream []byte, pos int) *recordReader {
	return &recordReader{b: stream, pos: pos}
}

// next returns the next record, io.EOF at the exact end of the stream, or
// ErrCorrupt when a header or payload runs past the end.
func (r *recordReader) next() (record, error) {
	rest := len(r.b) - r.pos
	if rest <= 0 {
		return record{}, io.EOF
	}
	if rest < 4 {
		return record{}, fmt.Errorf("%w: record header at offset %d runs past end of stream", ErrCorrupt, r.pos)
	}
	typ := binary.LittleEndian.Uint16(r.b[r.pos:])
	n := int(binary.LittleEndian.Uint16(r.b[r.pos+2:]))
	start := r.pos + 4
	if n > len(r.b)-start {
		return record{}, fmt.Errorf("%w: record 0x%04x at offset %d: length %d runs past end of stream", ErrCorrupt, typ, r.pos, n)
	}
	rec := record{typ: typ, off: r.pos, data: r.b[start : start+n : start+n]}
	r.pos = start + n
	return rec, nil
}

// peekType returns the type of the next record, if a whole header is left.
func (r *recordReader) peekType() (uint16, bool) {
	if len(r.b)-r.pos < 4 {
		return 0, false
	}
	return binary.LittleEndian.Uint16(r.b[r.pos:]), true
}

// continued returns rec's payload followed by those of the CONTINUE records
// right after it, consuming them.
func (r *recordReader) continued(rec record, bud *budget) (*contData, error) {
	c := &contData{segs: [][]byte{rec.data}}
	for {
		if t, ok := r.peekType(); !ok || t != recContinue {
			return c, nil
		}
		if err := bud.tick(); err != nil {
			return nil, err
		}
		next, err := r.next()
		if err != nil {
			return nil, err
		}
		c.segs = append(c.segs, next.data)
	}
}

// u16 and u32 read little-endian integers; callers check the length first.
func u16(b []byte) int { return int(binary.LittleEndian.Uint16(b)) }
func u32(b []byte) uint32 {
	return binary.LittleEndian.Uint32(b)
}

// need fails with ErrCorrupt when a record payload is shorter than n bytes.
func need(rec record, n int) error {
	if len(rec.data) < n {
		return fmt.Errorf("%w: record 0x%04x at offset %d: %d bytes, want at least %d", ErrCorrupt, rec.typ, rec.off, len(rec.data), n)
	}
	return nil
}
