package xls

import (
	"errors"
	"testing"
)

// richStr encodes an XLUnicodeRichExtendedString whole (no split).
func richStr(s string, runs int, ext []byte) []byte {
	chars, flags := strChars(s)
	head := cat(le16(units(s)))
	var opt []byte
	if runs > 0 {
		flags |= strRichSt
		opt = append(opt, le16(runs)...)
	}
	if ext != nil {
		flags |= strExtSt
		opt = append(opt, le32(uint32(len(ext)))...)
	}
	return cat(head, []byte{flags}, opt, chars, make([]byte, 4*runs), ext)
}

// one wraps rows as the single visible sheet "S" of a want list.
func one(rows ...[]string) []Sheet { return []Sheet{{Name: "S", Rows: rows}} }

// sheetS is a visible worksheet named "S" with the given records.
func sheetS(records ...[]byte) testSheet { return testSheet{name: "S", body: cat(records...)} }

// negRK encodes a negative integer RK value.
func negRK(v int32) uint32 { return uint32(v<<2) | 2 }

func rk(row, col int, v uint32) []byte { return rec(recRK, cellHead(row, col), le32(v)) }

// syntheticCase is a hand-built Workbook stream and what reading it gives.
type syntheticCase struct {
	name    string
	stream  []byte
	lim     Limits
	want    []Sheet
	wantErr error
}

// syntheticCases are the hand-built streams of TestParseSynthetic, also
// used as fuzz seeds.
func syntheticCases() []syntheticCase {
	gbk := []byte{0xD6, 0xD0, 0xCE, 0xC4} // 中文 in GBK
	sameSub := func() []byte {
		a, b := testSheet{name: "A"}, testSheet{name: "B"}
		head := cat(bof(true, bofGlobals))
		size := len(head) + len(boundSheetRec(true, 0, a)) + len(boundSheetRec(true, 0, b)) + 4
		return cat(head, boundSheetRec(true, size, a), boundSheetRec(true, size, b), rec(recEOF),
			bof(true, bofWorksheet), rec(recEOF))
	}
	return []syntheticCase{
		{
			name: "rk mulrk and number",
			stream: buildStream(true, nil, sheetS(
				rec(recMulRK, le16(0), le16(1),
					le16(15), le32(5<<2|2), // integer 5
					le16(15), le32(1234<<2|3), // integer 1234 / 100
					le16(15), le32(0x40040000), // float 2.5
					le16(3)),
				rk(1, 0, negRK(-7)),
				rk(1, 1, 0x405EC000|1), // float 123 / 100
				number(2, 0, 1e-7),
				number(2, 1, 123456789012),
			)),
			want: one([]string{"", "5", "12.34", "2.5"}, []string{"-7", "1.23"}, []string{"0.0000001", "123456789012"}),
		},
		{
			name: "label and rstring",
			stream: buildStream(true, nil, sheetS(
				label(0, 0, "abc"), label(0, 1, "中文"), label(0, 2, "café"), label(0, 3, "😀"),
				rec(recRString, cellHead(1, 0), xlString("富文本"), le16(1), le32(0)),
				label(1, 1, ""),
			)),
			want: one([]string{"abc", "中文", "café", "😀"}, []string{"富文本"}),
		},
		{
			name: "sst rich phonetic and continue splits",
			stream: buildStream(true, sst(9,
				cat(richStr("plain", 0, nil), richStr("红色", 2, nil), richStr("ふりがな", 0, make([]byte, 12)),
					le16(5), []byte{0}, []byte("abc")), // "abc中文" split after abc
				cat([]byte{1}, utf16le("中文"), // re-sent flags: the rest is UTF-16
					le16(2), []byte{strRichSt}, le16(2), []byte("XY"), make([]byte, 4)), // runs split
				cat(make([]byte, 4), richStr("Z", 0, nil), le16(3), []byte{0}), // header ends the record
				cat([]byte{0}, []byte("end")),
				cat(richStr("next", 0, nil), le16(3), []byte{1}, utf16le("中")),
				cat([]byte{0}, []byte("ab")), // UTF-16 string resumed compressed
			), sheetS(
				labelSST(0, 0, 0), labelSST(0, 1, 1), labelSST(0, 2, 2), labelSST(0, 3, 3), labelSST(0, 4, 4),
				labelSST(0, 5, 5), labelSST(0, 6, 6), labelSST(0, 7, 7), labelSST(0, 8, 8),
			)),
			want: one([]string{"plain", "红色", "ふりがな", "abc中文", "XY", "Z", "end", "next", "中ab"}),
		},
		{
			name: "sst count too small, then trailing bytes",
			stream: buildStream(true, cat(
				rec(recSST, le32(1), le32(1), richStr("a", 0, nil), richStr("b", 0, nil), le16(50), []byte{0}, []byte("xy")),
			), sheetS(labelSST(0, 0, 0), labelSST(0, 1, 1))),
			want: one([]string{"a", "b"}),
		},
		{
			name: "formula cached results",
			stream: buildStream(true, nil, sheetS(
				formulaRec(0, 0, f64(3)),
				formulaRec(0, 1, special(0, 0)),
				rec(0x04BC, make([]byte, 10)), // SHRFMLA between FORMULA and STRING
				rec(recString, le16(3), []byte{1}, utf16le("第1")),
				rec(recContinue, []byte{1}, utf16le("项")),
				formulaRec(0, 2, special(1, 1)),
				formulaRec(0, 3, special(2, 0x07)),
				formulaRec(0, 4, special(3, 0)),
				formulaRec(0, 5, f64(-0.5)),
				formulaRec(1, 0, special(0, 0)), // string result whose STRING record is missing
			)),
			want: one([]string{"3", "第1项", "TRUE", "#DIV/0!", "", "-0.5"}),
		},
		{
			name: "boolerr",
			stream: buildStream(true, nil, sheetS(
				rec(recBoolErr, cellHead(0, 0), []byte{1, 0}),
				rec(recBoolErr, cellHead(0, 1), []byte{0, 0}),
				rec(recBoolErr, cellHead(0, 2), []byte{0x2A, 1}),
				rec(recBoolErr, cellHead(0, 3), []byte{0x17, 1}),
				rec(recBoolErr, cellHead(0, 4), []byte{0x1D, 1}),
			)),
			want: one([]string{"TRUE", "FALSE", "#N/A", "#REF!", "#NAME?"}),
		},
		{
			name: "merges, invalid ranges dropped",
			stream: buildStream(true, nil, sheetS(
				rec(recMergedCells, le16(4),
					le16(0), le16(2), le16(0), le16(0), // A1:A3
					le16(5), le16(4), le16(0), le16(0), // top after bottom
					le16(0), le16(1), le16(0), le16(300), // past column IV
					le16(5), le16(5), le16(1), le16(3)), // B6:D6
				rec(recMergedCells, le16(1), le16(9), le16(10), le16(0), le16(0)),
			)),
			want: []Sheet{{Name: "S", Merges: []Range{{1, 1, 3, 1}, {6, 2, 6, 4}, {10, 1, 11, 1}}}},
		},
		{
			name: "hidden sheets kept, chart macro and dialog sheets skipped",
			stream: buildStream(true, nil,
				testSheet{name: "Visible", body: number(0, 0, 1)},
				testSheet{name: "隐藏", state: 1},
				testSheet{name: "VeryHidden", state: 2},
				testSheet{name: "Chart1", kind: 2, bofType: 0x0020},
				testSheet{name: "Macro1", kind: 1, bofType: 0x0040},
				testSheet{name: "Dialog", bofType: 0x0020},
			),
			want: []Sheet{{Name: "Visible", Rows: [][]string{{"1"}}}, {Name: "隐藏", Hidden: true}, {Name: "VeryHidden", Hidden: true}},
		},
		{
			name: "embedded chart substream skipped",
			stream: buildStream(true, nil, sheetS(
				number(0, 0, 1), bof(true, 0x0020), number(5, 5, 9), rec(recEOF), number(1, 0, 2),
			)),
			want: one([]string{"1"}, []string{"2"}),
		},
		{
			name: "biff5 gbk strings",
			stream: buildStream(false, rec(recCodePage, le16(936)), testSheet{name: string(gbk), body: cat(
				rec(recLabel, cellHead(0, 0), le16(4), gbk),
				formulaRec(0, 1, special(0, 0)),
				rec(recString, le16(2), gbk[2:]),
			)}),
			want: []Sheet{{Name: "中文", Rows: [][]string{{"中文", "文"}}}},
		},
		{
			name: "out of order cells, overwrites and blanks",
			stream: buildStream(true, nil, sheetS(
				label(2, 0, "c"), label(0, 1, "a"),
				rec(0x0201, cellHead(0, 5)),                                 // BLANK
				rec(0x00BE, le16(1), le16(0), make([]byte, 2*11), le16(10)), // MULBLANK
				number(0, 1, 7), label(4, 3, ""),
			)),
			want: one([]string{"", "7"}, nil, []string{"c"}),
		},
		{name: "filepass", stream: buildStream(true, rec(recFilePass, le16(1), make([]byte, 52)), sheetS()), wantErr: ErrEncrypted},
		{name: "biff5 filepass", stream: buildStream(false, rec(recFilePass, le16(1), le16(0x1234)), sheetS()), wantErr: ErrEncrypted},
		{name: "biff4", stream: rec(0x0409, le16(0), le16(0x10)), wantErr: ErrOldFormat},
		{name: "no bof", stream: number(0, 0, 1), wantErr: ErrCorrupt},
		{name: "labelsst past sst", stream: buildStream(true, sst(1, richStr("x", 0, nil)), sheetS(labelSST(0, 0, 1))), wantErr: ErrCorrupt},
		{name: "labelsst short", stream: buildStream(true, nil, sheetS(rec(recLabelSST, cellHead(0, 0)))), wantErr: ErrCorrupt},
		{name: "sst string cut short", stream: buildStream(true, sst(1, cat(le16(10), []byte{0}, []byte("abc"))), sheetS()), wantErr: ErrCorrupt},
		{name: "column past 256", stream: buildStream(true, nil, sheetS(number(0, 256, 1))), wantErr: ErrCorrupt},
		{name: "mulrk past 256", stream: buildStream(true, nil, sheetS(rec(recMulRK, le16(0), le16(255), le16(15), le32(2), le16(15), le32(2), le16(256)))), wantErr: ErrCorrupt},
		{name: "record past end", stream: buildStream(true, nil, testSheet{name: "S", noEOF: true, body: cat(le16(recNumber), le16(100), make([]byte, 10))}), wantErr: ErrCorrupt},
		{name: "sheet without eof", stream: buildStream(true, nil, testSheet{name: "S", noEOF: true}), wantErr: ErrCorrupt},
		{name: "globals without eof", stream: cat(bof(true, bofGlobals), rec(recCodePage, le16(1200))), wantErr: ErrCorrupt},
		{name: "substream outside stream", stream: cat(bof(true, bofGlobals), boundSheetRec(true, 1<<20, testSheet{name: "S"}), rec(recEOF)), wantErr: ErrCorrupt},
		{name: "two sheets one substream", stream: sameSub(), wantErr: ErrCorrupt},
		{name: "too many cells", stream: buildStream(true, nil, sheetS(number(0, 0, 1), number(0, 1, 1), number(0, 2, 1))), lim: Limits{MaxCells: 2}, wantErr: ErrTooLarge},
		{name: "grid too wide", stream: buildStream(true, nil, sheetS(number(0, 200, 1), number(1, 200, 1), number(2, 200, 1))), lim: Limits{MaxCells: 500}, wantErr: ErrTooLarge},
	}
}

func TestParseSynthetic(t *testing.T) {
	for _, tc := range syntheticCases() {
		t.Run(tc.name, func(t *testing.T) {
			wb, err := parseWorkbook(tc.stream, "Workbook", newBudget(tc.lim.withDefaults()))
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("error %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(wb.Sheets) != len(tc.want) {
				t.Fatalf("got %d sheets %+v, want %d", len(wb.Sheets), wb.Sheets, len(tc.want))
			}
			for i, w := range tc.want {
				compareSheet(t, wb.Sheets[i], w)
			}
		})
	}
}
