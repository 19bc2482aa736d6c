package xls

import (
	"bytes"
	"encoding/binary"
	"math"
	"unicode/utf16"
)

// This file builds BIFF streams by hand for tests, record by record, so
// that every layout the reader handles can be checked without a producer.

// rec encodes one record.
func rec(typ uint16, parts ...[]byte) []byte {
	data := bytes.Join(parts, nil)
	return cat(le16(int(typ)), le16(len(data)), data)
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func le16(v int) []byte { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }

func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func f64(v float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v)) }

// utf16le encodes s as UTF-16LE code units.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// units is the length of s in UTF-16 code units, as BIFF counts it.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

// xlString encodes an XLUnicodeString (2-byte length): compressed when s
// is Latin-1, UTF-16 otherwise.
func xlString(s string) []byte {
	chars, flags := strChars(s)
	return cat(le16(units(s)), []byte{flags}, chars)
}

// strChars returns the stored characters of s and the fHighByte flag.
func strChars(s string) ([]byte, byte) {
	var compressed []byte
	for _, r := range s {
		if r > 0xFF {
			return utf16le(s), 1
		}
		compressed = append(compressed, byte(r))
	}
	return compressed, 0
}

// cellHead is the row, column and XF index that start every cell record.
func cellHead(row, col int) []byte { return cat(le16(row), le16(col), le16(15)) }

func number(row, col int, v float64) []byte { return rec(recNumber, cellHead(row, col), f64(v)) }

func label(row, col int, s string) []byte { return rec(recLabel, cellHead(row, col), xlString(s)) }

func labelSST(row, col int, i uint32) []byte { return rec(recLabelSST, cellHead(row, col), le32(i)) }

// formulaRec encodes a FORMULA record with an 8-byte cached result and a
// one-token formula.
func formulaRec(row, col int, result []byte) []byte {
	return rec(recFormula, cellHead(row, col), result, le16(0), le32(0), le16(1), []byte{0x03})
}

// special builds a non-numeric formula result: type, value byte.
func special(typ, val byte) []byte { return []byte{typ, 0, val, 0, 0, 0, 0xFF, 0xFF} }

// sst encodes an SST record from pre-encoded segments: the first holds the
// header and the start of the strings, each further one is a CONTINUE.
func sst(count int, segs ...[]byte) []byte {
	out := rec(recSST, le32(uint32(count)), le32(uint32(count)), segs[0])
	for _, s := range segs[1:] {
		out = append(out, rec(recContinue, s)...)
	}
	return out
}

// testSheet describes one sheet of a hand-built workbook.
type testSheet struct {
	name    string
	state   byte   // 0 visible, 1 hidden, 2 very hidden
	kind    byte   // BOUNDSHEET dt: 0 worksheet, 1 macro, 2 chart
	bofType int    // BOF dt of the substream; 0 means worksheet
	body    []byte // records between BOF and EOF
	noEOF   bool
}

// bof encodes a BOF record.
func bof(biff8 bool, dt int) []byte {
	if biff8 {
		return rec(recBOF, le16(0x0600), le16(dt), le16(0x0DBB), le16(0x07CC), le32(0), le32(0x0206))
	}
	return rec(recBOF, le16(0x0500), le16(dt), le16(0x0DBB), le16(0x07CC))
}

// boundSheetRec encodes a BOUNDSHEET record.
func boundSheetRec(biff8 bool, pos int, s testSheet) []byte {
	if biff8 {
		chars, flags := strChars(s.name)
		return rec(recBoundSheet, le32(uint32(pos)), []byte{s.state, s.kind, byte(units(s.name)), flags}, chars)
	}
	return rec(recBoundSheet, le32(uint32(pos)), []byte{s.state, s.kind, byte(len(s.name))}, []byte(s.name))
}

// workbookStream builds a Workbook stream: globals (BOF, extra records,
// BOUNDSHEETs, EOF), then each sheet's substream.
func buildStream(biff8 bool, globalRecs []byte, sheets ...testSheet) []byte {
	subs := make([][]byte, len(sheets))
	for i, s := range sheets {
		dt := s.bofType
		if dt == 0 {
			dt = bofWorksheet
		}
		subs[i] = cat(bof(biff8, dt), s.body)
		if !s.noEOF {
			subs[i] = append(subs[i], rec(recEOF)...)
		}
	}
	bounds := func(pos int) []byte {
		var out []byte
		for i, s := range sheets {
			out = append(out, boundSheetRec(biff8, pos, s)...)
			pos += len(subs[i])
		}
		return out
	}
	head := cat(bof(biff8, bofGlobals), globalRecs)
	size := len(head) + len(bounds(0)) + 4
	return cat(head, bounds(size), rec(recEOF), bytes.Join(subs, nil))
}
