package xls

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
)

// BOF substream types (BOF.dt).
const (
	bofGlobals   = 0x0005
	bofWorksheet = 0x0010
)

// BOUNDSHEET sheet types (BoundSheet8.dt).
const sheetKindWorksheet = 0

// boundSheet is one BOUNDSHEET record: where a sheet's substream starts.
type boundSheet struct {
	name   string
	pos    int
	hidden bool
	kind   byte
}

// globals is what the workbook globals substream says about the workbook.
type globals struct {
	stream    []byte // the Workbook stream, decrypted if it was encrypted
	decrypted bool
	biff8     bool              // BIFF8 (Excel 97+); false for BIFF5/BIFF7
	dec       *encoding.Decoder // code page decoder for BIFF5 byte strings
	sheets    []boundSheet
	sst       []string
}

// parseGlobals reads the workbook globals substream at the start of the
// stream, up to its EOF record.
func parseGlobals(stream []byte, streamName string, bud *budget) (*globals, error) {
	r := newRecordReader(stream, 0)
	bof, err := r.next()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: empty workbook stream", ErrCorrupt)
	}
	if err != nil {
		return nil, fmt.Errorf("workbook globals: %w", err)
	}
	g := &globals{stream: stream, dec: codepageDecoder(0)}
	if g.biff8, err = bofVersion(bof, streamName); err != nil {
		return nil, err
	}
	for {
		if err := bud.tick(); err != nil {
			return nil, err
		}
		rec, err := r.next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: workbook globals have no EOF record", ErrCorrupt)
		}
		if err != nil {
			return nil, fmt.Errorf("workbook globals: %w", err)
		}
		if rec.typ == recEOF {
			return g, nil
		}
		if err := g.record(r, rec, bud); err != nil {
			return nil, err
		}
	}
}

// record handles one record of the globals substream.
func (g *globals) record(r *recordReader, rec record, bud *budget) error {
	switch rec.typ {
	case recFilePass:
		return g.decrypt(r, rec, bud)
	case recCodePage:
		if len(rec.data) >= 2 {
			g.dec = codepageDecoder(u16(rec.data))
		}
	case recBoundSheet:
		bs, err := g.boundSheet(rec)
		if err != nil {
			return err
		}
		g.sheets = append(g.sheets, bs)
	case recSST:
		c, err := r.continued(rec, bud)
		if err != nil {
			return err
		}
		if g.sst, err = parseSST(c, bud); err != nil {
			return err
		}
	}
	return nil
}

// decrypt handles a FILEPASS record: when the workbook is encrypted with
// the default password, the rest of the stream is decrypted and r reads on
// in the decrypted copy; otherwise it is ErrEncrypted.
func (g *globals) decrypt(r *recordReader, rec record, bud *budget) error {
	if g.decrypted {
		return fmt.Errorf("%w: second FILEPASS record at offset %d", ErrCorrupt, rec.off)
	}
	if !g.biff8 {
		return fmt.Errorf("%w: Excel 95 workbook is password-protected", ErrEncrypted)
	}
	key, err := filePassKey(rec.data)
	if err != nil {
		return err
	}
	if g.stream, err = decryptStream(g.stream, r.pos, key, bud); err != nil {
		return err
	}
	r.b, g.decrypted = g.stream, true
	return nil
}

// bofVersion checks the first record of the stream and tells BIFF8 from
// BIFF5/BIFF7.
func bofVersion(bof record, streamName string) (biff8 bool, err error) {
	switch bof.typ {
	case 0x0009, 0x0209, 0x0409:
		return false, fmt.Errorf("%w: BIFF2-BIFF4 BOF record 0x%04x", ErrOldFormat, bof.typ)
	case recBOF:
	default:
		return false, fmt.Errorf("%w: stream starts with record 0x%04x, not BOF", ErrCorrupt, bof.typ)
	}
	if err := need(bof, 4); err != nil {
		return false, err
	}
	if dt := u16(bof.data[2:]); dt != bofGlobals {
		return false, fmt.Errorf("%w: first substream has type 0x%04x, not workbook globals", ErrCorrupt, dt)
	}
	switch u16(bof.data) {
	case 0x0600:
		return true, nil
	case 0x0500:
		return false, nil
	}
	return !strings.EqualFold(streamName, "Book"), nil
}

// boundSheet decodes a BOUNDSHEET record.
func (g *globals) boundSheet(rec record) (boundSheet, error) {
	if err := need(rec, 8); err != nil {
		return boundSheet{}, err
	}
	bs := boundSheet{
		pos:    int(u32(rec.data) & 0x7fffffff),
		hidden: rec.data[4]&0x03 != 0,
		kind:   rec.data[5],
	}
	cch := int(rec.data[6])
	if g.biff8 {
		name, err := unicodeString(&contData{segs: [][]byte{rec.data[7:]}}, cch)
		if err != nil {
			return boundSheet{}, fmt.Errorf("sheet name at offset %d: %w", rec.off, err)
		}
		bs.name = name
		return bs, nil
	}
	if 7+cch > len(rec.data) {
		return boundSheet{}, fmt.Errorf("%w: sheet name at offset %d runs past its record", ErrCorrupt, rec.off)
	}
	bs.name = decodeBytes(g.dec, rec.data[7:7+cch])
	return bs, nil
}
