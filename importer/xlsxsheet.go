package importer

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// This file reads the shared-string table and the rows of a worksheet
// with xscan, giving what excelize's Rows/Columns give with RawCellValue
// (see readRows). Each reader returns ok=false on anything it does not
// read exactly as excelize would, and the workbook is then read with
// excelize.

const spreadsheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// fastBook is the state of one workbook read on the fast path.
type fastBook struct {
	t     *excelizeTypes
	sst   []string
	cells []string // scratch row
	buf   []byte   // scratch text of string items
	run   []byte   // scratch text of rich-text runs
	vbuf  []byte   // scratch text of <v>
}

// readSST reads xl/sharedStrings.xml as excelize decodes it into its
// xlsxSST (a missing or empty part is an empty table) and keeps each
// item's text as xlsxSI.String() gives it.
func (fb *fastBook) readSST(data []byte) bool {
	fb.sst = nil
	if bytes.Contains(data, []byte("purl.oclc.org")) {
		return false // excelize rewrites the strict namespaces, wherever they are
	}
	s := newScan(data)
	for {
		switch s.next() {
		case tokBad:
			return false
		case tokEOF:
			return s.depth() == 0 // no root element: excelize decodes io.EOF, an empty table
		case tokStart:
			goto root
		}
	}
root:
	// The root must be sst in the spreadsheet namespace, declared on it.
	if !s.is("sst") {
		return false
	}
	prefix := ""
	if s.qname.from < s.local.from {
		prefix = string(s.b[s.qname.from : s.local.from-1])
	}
	ns, nsCount := "", 0
	for i := range s.attrs {
		a := &s.attrs[i]
		if q := string(s.bytes(a.qname)); prefix == "" && q == "xmlns" || prefix != "" && q == "xmlns:"+prefix {
			ns, nsCount = s.value(a), nsCount+1
		}
		// xlsxSST's count and uniqueCount are ints, matched by local name.
		if l := string(s.bytes(a.local)); (l == "count" || l == "uniqueCount") && !intAttr(s, a) {
			return false
		}
	}
	if nsCount != 1 || ns != spreadsheetNS || prefix == "xml" || prefix == "xmlns" {
		return false
	}
	// The text of all items, in one string (never longer than the part:
	// resolving entities only shortens text).
	var arena strings.Builder
	arena.Grow(len(data))
	var spans []int // start, end in arena; end < 0: the string is in special
	special := map[int]string{}
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return false
		case tokEnd:
			// The end of the root: encoding/xml reads no further.
			str := arena.String()
			fb.sst = make([]string, len(spans)/2)
			for i := range fb.sst {
				if spans[2*i+1] < 0 {
					fb.sst[i] = special[i]
				} else {
					fb.sst[i] = str[spans[2*i]:spans[2*i+1]]
				}
			}
			return true
		case tokStart:
			if !s.is("si") {
				if !s.skip() {
					return false
				}
				continue
			}
			text, ok := fb.readSI(s)
			if !ok {
				return false
			}
			if bytes.Contains(text, []byte("_x")) {
				special[len(spans)/2] = bstrUnmarshal(text)
				spans = append(spans, 0, -1)
				continue
			}
			spans = append(spans, arena.Len())
			arena.Write(text)
			spans = append(spans, arena.Len())
		}
	}
}

// readSI reads a string item (<si> or a cell's <is>) whose start tag is
// the current token, as encoding/xml fills excelize's xlsxSI: the text of
// its <t> then of each run's <t>; phonetic runs are left out. The result
// is only valid until the next call.
func (fb *fastBook) readSI(s *xscan) ([]byte, bool) {
	fb.buf, fb.run = fb.buf[:0], fb.run[:0]
	haveT := false
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return nil, false
		case tokEnd:
			if len(fb.run) > 0 {
				fb.buf = append(fb.buf, fb.run...)
			}
			return fb.buf, true
		case tokStart:
			var ok bool
			switch string(s.bytes(s.local)) {
			case "t":
				if haveT {
					return nil, false
				}
				haveT = true
				fb.buf, ok = collectText(s, fb.buf)
			case "r":
				fb.run, ok = fb.readRun(s, fb.run)
			case "rPh":
				ok = fb.t.valid(kindRPh, s)
			case "phoneticPr":
				ok = fb.t.valid(kindPhoneticPr, s)
			default:
				ok = s.skip()
			}
			if !ok {
				return nil, false
			}
		}
	}
}

// readRun appends the text of a rich-text run to dst.
func (fb *fastBook) readRun(s *xscan, dst []byte) ([]byte, bool) {
	haveT := false
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return nil, false
		case tokEnd:
			return dst, true
		case tokStart:
			var ok bool
			switch string(s.bytes(s.local)) {
			case "t":
				if haveT {
					return nil, false
				}
				haveT = true
				dst, ok = collectText(s, dst)
			case "rPr":
				ok = fb.t.valid(kindRPr, s)
			default:
				ok = s.skip()
			}
			if !ok {
				return nil, false
			}
		}
	}
}

// collectText appends the character data directly inside the current
// element (text and CDATA; comments and instructions dropped) to dst. An
// element inside it is not read here.
func collectText(s *xscan, dst []byte) ([]byte, bool) {
	for {
		switch s.next() {
		case tokEnd:
			return dst, true
		case tokText:
			if s.plain {
				dst = append(dst, s.bytes(s.text)...)
			} else {
				dst = appendText(dst, s.bytes(s.text), false)
			}
		case tokCDATA:
			dst = appendText(dst, s.bytes(s.text), true)
		case tokComment, tokPI:
		default:
			return nil, false
		}
	}
}

// intAttr checks an attribute encoding/xml decodes into an int field.
func intAttr(s *xscan, a *xattr) bool {
	if a.val.from == a.val.to {
		return true
	}
	_, err := strconv.ParseInt(strings.TrimSpace(s.value(a)), 10, 64)
	return err == nil
}

// bstrUnmarshal is excelize's: _xHHHH_ escapes become the character they
// name (_x005F_ an underscore); an escape of a surrogate is dropped.
func bstrUnmarshal(s []byte) string {
	if !bytes.Contains(s, []byte("_x")) {
		return string(s)
	}
	var out []byte
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if s[i] == '_' && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_' {
			out = append(out, s[cursor:i]...)
			if string(s[i:i+7]) == "_x005F_" {
				out = append(out, '_')
			} else {
				v, _ := strconv.Unquote(`"\u` + string(s[i+2:i+6]) + `"`)
				out = append(out, v...)
			}
			i += 7
			cursor = i
			continue
		}
		i++
	}
	return string(append(out, s[cursor:]...))
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// readSheet reads the rows of a worksheet part as readRows does with
// excelize's Rows: the rows of the first <sheetData>, charged against b
// as they come. ok=false: excelize must read the sheet; err: the budget
// ran out, at the row excelize would stop at.
func (fb *fastBook) readSheet(data []byte, b *budget) (out [][]string, err error, ok bool) {
	s := newScan(data)
	for {
		switch s.next() {
		case tokBad:
			return nil, nil, false
		case tokEOF:
			return [][]string{}, nil, true // no sheetData: no row (a row element would have been seen)
		case tokStart:
			switch string(s.bytes(s.local)) {
			case "row":
				return nil, nil, false
			case "sheetData":
				goto rows
			}
		}
	}
rows:
	out = make([][]string, 0, 64)
	last, cur := 0, 0
	var pending []string // the cells of row cur, charged once the next row starts
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := b.charge(cur-last, pending); err != nil {
			return err
		}
		if empty := cur - last - 1; empty > 0 {
			out = append(out, make([][]string, empty)...) // in one step, as readRows
		}
		out = append(out, pending)
		last, pending = cur, nil
		return nil
	}
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return nil, nil, false
		case tokEnd: // </sheetData>
			if err := flush(); err != nil {
				return nil, err, true
			}
			if rowTagIn(s.b[s.pos:]) {
				return nil, nil, false // excelize's Rows would go on reading rows
			}
			return out[:last], nil, true
		case tokStart:
			if !s.is("row") {
				return nil, nil, false
			}
			n := cur + 1
			if a, dup := s.attr("r"); dup {
				return nil, nil, false
			} else if a != nil {
				if n, ok = rowNumber(s.bytes(a.val)); !ok || n <= cur {
					return nil, nil, false
				}
			}
			if n > excelize.TotalRows {
				return nil, nil, false
			}
			if err := flush(); err != nil {
				return nil, err, true
			}
			cur = n
			if pending, ok = fb.readRow(s); !ok {
				return nil, nil, false
			}
		}
	}
}

// rowNumber parses the r attribute of a row: plain decimal digits.
func rowNumber(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 7 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n > 0
}

// rowTagIn reports whether rest may hold a start tag named row (with any
// prefix): after </sheetData>, excelize's Rows reads on and would take it
// for a row.
func rowTagIn(rest []byte) bool {
	for {
		i := bytes.Index(rest, []byte("row"))
		if i < 0 {
			return false
		}
		if i > 0 && (rest[i-1] == '<' || rest[i-1] == ':') {
			if i+3 >= len(rest) {
				return true
			}
			switch rest[i+3] {
			case ' ', '\t', '\r', '\n', '>', '/':
				return true
			}
		}
		rest = rest[i+3:]
	}
}

// readRow reads the cells of the row whose start tag is the current token:
// cell values where excelize keeps them (a value, or a formula), "" in the
// gaps, nothing after the last.
func (fb *fastBook) readRow(s *xscan) ([]string, bool) {
	cells := fb.cells[:0]
	col := 0
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return nil, false
		case tokEnd:
			if len(cells) == 0 {
				return nil, true
			}
			row := make([]string, len(cells))
			copy(row, cells)
			fb.cells = cells[:0]
			return row, true
		case tokStart:
			if !s.is("c") {
				return nil, false
			}
			ref, dup1 := s.attr("r")
			style, dup2 := s.attr("s")
			typ, dup3 := s.attr("t")
			if dup1 || dup2 || dup3 {
				return nil, false
			}
			if ref != nil && ref.val.from < ref.val.to {
				c, ok := cellColumn(s.bytes(ref.val))
				if !ok || c <= col {
					return nil, false
				}
				col = c
			} else {
				col++
			}
			if style != nil {
				if !styleIndex(s.bytes(style.val)) {
					return nil, false
				}
			}
			t := cellOther
			if typ != nil {
				v := s.bytes(typ.val)
				if !typ.plain {
					v = []byte(s.value(typ))
				}
				switch string(v) {
				case "s":
					t = cellShared
				case "inlineStr":
					t = cellInline
				}
			}
			val, ok := fb.readCell(s, t)
			if !ok {
				return nil, false
			}
			if val.keep {
				for len(cells) < col-1 {
					cells = append(cells, "")
				}
				cells = append(cells, val.text)
			}
		}
	}
}

// The cell types that matter for raw values: every other type (n, b, e,
// d, str, anything) gives the text of <v>.
const (
	cellOther = iota
	cellShared
	cellInline
)

type cellValue struct {
	text string
	keep bool // excelize keeps the cell: a value or a formula
}

// readCell reads the children of a <c> of type t and returns its raw value
// as xlsxC.getValueFrom gives it with RawCellValue.
func (fb *fastBook) readCell(s *xscan, t int) (cellValue, bool) {
	var v []byte
	haveV, haveF, haveIS := false, false, false
	var is string
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return cellValue{}, false
		case tokEnd:
			var text string
			switch t {
			case cellShared:
				if len(v) > 0 {
					if i := sstIndex(v); i >= 0 && i < len(fb.sst) {
						text = fb.sst[i]
					}
				}
			case cellInline:
				if haveIS {
					text = is
				} else {
					text = string(v)
				}
			default:
				text = string(v)
			}
			return cellValue{text: text, keep: text != "" || haveF}, true
		case tokStart:
			switch string(s.bytes(s.local)) {
			case "v":
				if haveV {
					return cellValue{}, false
				}
				haveV = true
				var ok bool
				if v, ok = collectText(s, fb.vbuf[:0]); !ok {
					return cellValue{}, false
				}
				fb.vbuf = v[:0]
			case "f":
				haveF = true
				if !fb.t.valid(kindFormula, s) {
					return cellValue{}, false
				}
			case "is":
				if haveIS {
					return cellValue{}, false
				}
				haveIS = true
				text, ok := fb.readSI(s)
				if !ok {
					return cellValue{}, false
				}
				is = bstrUnmarshal(text)
			default:
				return cellValue{}, false
			}
		}
	}
}

// sstIndex is the index excelize reads from the value of a shared-string
// cell: strconv.Atoi of the trimmed text, 0 when that fails.
func sstIndex(v []byte) int {
	if len(v) <= 9 {
		n := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				goto slow
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
slow:
	i, err := strconv.Atoi(strings.TrimSpace(string(v)))
	if err != nil {
		return 0
	}
	return i
}

// styleIndex reports whether the s attribute of a cell is what excelize
// parses (strconv.ParseInt of the raw value): here, plain digits.
func styleIndex(v []byte) bool {
	if len(v) == 0 || len(v) > 18 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cellColumn returns the column of a cell reference such as B7: one to
// three ASCII letters and a row number that excelize accepts.
func cellColumn(ref []byte) (int, bool) {
	i, col := 0, 0
	for i < len(ref) && i < 4 {
		c := ref[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			goto digits
		}
		i++
	}
digits:
	if i == 0 || i > 3 || col > excelize.MaxColumns {
		return 0, false
	}
	if row, ok := rowNumber(ref[i:]); !ok || row > excelize.TotalRows {
		return 0, false
	}
	return col, true
}

// Kinds of element whose decoding into excelize's types is checked by
// encoding/xml itself (their typed attributes: integers, booleans).
const (
	kindRPr = iota
	kindRPh
	kindPhoneticPr
	kindFormula
	kindWorkbook
	kindStyles
	kindTheme
	kindCalcChain
	kindContentTypes
	kindRels
	kindParts
	numKinds
)

// valid checks the element whose start tag is the current token (reading
// to its end) by decoding it alone with encoding/xml into the excelize
// type it is decoded into in context. A formula is checked by its start
// tag alone: its text is a string, and the scanner checked the rest.
func (t *excelizeTypes) valid(kind int, s *xscan) bool {
	from := s.start
	var part []byte
	if kind == kindFormula {
		tag := s.b[from:s.pos]
		if !s.selfClose {
			part = append(append(make([]byte, 0, len(tag)+1), tag[:len(tag)-1]...), '/', '>')
		} else {
			part = tag
		}
		if !s.skip() {
			return false
		}
	} else {
		if !s.skip() {
			return false
		}
		part = s.b[from:s.pos]
	}
	_, ok := t.decodeMemo(kind, part, nil)
	return ok
}
