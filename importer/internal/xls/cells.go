package xls

import (
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
)

// formatNumber renders a stored number as its shortest exact decimal text.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// rkNumber decodes an RK value ([MS-XLS] 2.5.217).
func rkNumber(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xfffffffc) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// errorText maps a BErr code to the text Excel shows.
func errorText(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	case 0x2B:
		return "#GETTING_DATA"
	}
	return "#ERR" + strconv.Itoa(int(code)) + "!"
}

func boolText(b byte) string {
	if b != 0 {
		return "TRUE"
	}
	return "FALSE"
}

func (sr *sheetReader) number(rec record) error {
	if err := need(rec, 14); err != nil {
		return err
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(rec.data[6:]))
	return sr.add(rec, u16(rec.data), u16(rec.data[2:]), formatNumber(v))
}

func (sr *sheetReader) rk(rec record) error {
	if err := need(rec, 10); err != nil {
		return err
	}
	return sr.add(rec, u16(rec.data), u16(rec.data[2:]), formatNumber(rkNumber(u32(rec.data[6:]))))
}

// mulRK reads a run of RK cells in one row: row, first column, then
// (ixfe, rk) pairs, then the last column.
func (sr *sheetReader) mulRK(rec record) error {
	if err := need(rec, 6); err != nil {
		return err
	}
	row, first := u16(rec.data), u16(rec.data[2:])
	n := (len(rec.data) - 6) / 6
	for i := 0; i < n; i++ {
		rk := u32(rec.data[4+6*i+2:])
		if err := sr.add(rec, row, first+i, formatNumber(rkNumber(rk))); err != nil {
			return err
		}
	}
	return nil
}

func (sr *sheetReader) labelSST(rec record) error {
	if err := need(rec, 10); err != nil {
		return err
	}
	i := u32(rec.data[6:])
	if uint64(i) >= uint64(len(sr.g.sst)) {
		return fmt.Errorf("%w: LABELSST at offset %d: string %d of %d", ErrCorrupt, rec.off, i, len(sr.g.sst))
	}
	return sr.add(rec, u16(rec.data), u16(rec.data[2:]), sr.g.sst[i])
}

// label reads a LABEL or RSTRING record: a string stored in the cell.
func (sr *sheetReader) label(rec record) error {
	if err := need(rec, 8); err != nil {
		return err
	}
	s, err := sr.cellString(rec, 6)
	if err != nil {
		return err
	}
	return sr.add(rec, u16(rec.data), u16(rec.data[2:]), s)
}

func (sr *sheetReader) boolErr(rec record) error {
	if err := need(rec, 8); err != nil {
		return err
	}
	text := boolText(rec.data[6])
	if rec.data[7] != 0 {
		text = errorText(rec.data[6])
	}
	return sr.add(rec, u16(rec.data), u16(rec.data[2:]), text)
}

// formula reads the cached result of a FORMULA record. A string result
// lives in the STRING record that follows.
func (sr *sheetReader) formula(rec record) error {
	if err := need(rec, 14); err != nil {
		return err
	}
	row, col, v := u16(rec.data), u16(rec.data[2:]), rec.data[6:14]
	if v[6] != 0xFF || v[7] != 0xFF {
		return sr.add(rec, row, col, formatNumber(math.Float64frombits(binary.LittleEndian.Uint64(v))))
	}
	switch v[0] {
	case 0x00: // string, in the next STRING record
		if err := checkCol(rec, col); err != nil {
			return err
		}
		sr.cells = append(sr.cells, cell{row: row, col: col})
		sr.pending = len(sr.cells) - 1
		return nil
	case 0x01:
		return sr.add(rec, row, col, boolText(v[2]))
	case 0x02:
		return sr.add(rec, row, col, errorText(v[2]))
	}
	return checkCol(rec, col) // 0x03: empty string
}

// formulaString reads the STRING record holding a formula's string result.
func (sr *sheetReader) formulaString(rec record) error {
	s, err := sr.cellString(rec, 0)
	if err != nil {
		return err
	}
	if sr.pending < 0 {
		return nil
	}
	c := &sr.cells[sr.pending]
	sr.pending = -1
	if s == "" {
		return nil
	}
	c.text = s
	sr.charged++
	return sr.bud.charge(1)
}

// cellString reads the string at offset off of rec: a BIFF8
// XLUnicodeString, or a BIFF5 byte string in the workbook's code page. Both
// may go on in CONTINUE records.
func (sr *sheetReader) cellString(rec record, off int) (string, error) {
	if err := need(rec, off+2); err != nil {
		return "", err
	}
	cch := u16(rec.data[off:])
	c, err := sr.r.continued(record{typ: rec.typ, off: rec.off, data: rec.data[off+2:]}, sr.bud)
	if err != nil {
		return "", err
	}
	var s string
	if sr.g.biff8 {
		s, err = unicodeString(c, cch)
	} else {
		var b []byte
		if b, err = c.read(cch); err == nil {
			s = decodeBytes(sr.g.dec, b)
		}
	}
	if err != nil {
		return "", fmt.Errorf("record 0x%04x at offset %d: %w", rec.typ, rec.off, err)
	}
	return s, nil
}

// unicodeString reads the flags byte and cch characters of an
// XLUnicodeString whose length was already read.
func unicodeString(c *contData, cch int) (string, error) {
	flags, err := c.read(1)
	if err != nil {
		return "", err
	}
	return c.chars(cch, flags[0]&strHighByte != 0)
}
