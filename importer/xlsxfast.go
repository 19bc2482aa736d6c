package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// readXLSXFast reads an .xlsx/.xlsm without excelize and gives the grids
// readXLSXExcelize gives, about ten times faster: one pass over the zip
// (which also does checkZip's work), a byte scanner over the worksheets
// and the shared-string table, and encoding/xml itself for the small
// parts excelize decodes when it opens a workbook (styles, theme,
// workbook, relationships), remembered by content since most workbooks
// share them.
//
// ok=false means it met something it does not read exactly as excelize
// does — a malformed part, a limit passed, an odd sheet name, anything
// outside the subset it knows — and the caller must read the workbook
// with excelize; this never depends on the content being wrong, only on
// it being unusual. With ok=true, err is a cell budget that ran out (the
// error readXLSXExcelize returns) or nil.
func readXLSXFast(data []byte, opt Options) (grids []grid, err error, ok bool) {
	grids, err, why := readFast(data, opt)
	return grids, err, why == ""
}

// readFast is readXLSXFast, saying why it declines ("" when it does not).
func readFast(data []byte, opt Options) (grids []grid, err error, why string) {
	t := xlsxTypes()
	if t == nil {
		return nil, nil, "excelize's types have changed"
	}
	pkg, ok := openPkg(data, opt)
	if !ok {
		return nil, nil, "package"
	}
	defer releaseParts(pkg)
	// What excelize's OpenReader decodes: xl/calcChain.xml, the workbook
	// and its relationships, xl/styles.xml, xl/theme/theme1.xml when there
	// is one. A missing part decodes to nothing, without error. The first
	// row read also decodes [Content_Types].xml and the shared strings.
	for _, p := range []struct {
		kind int
		name string
	}{{kindCalcChain, "xl/calcChain.xml"}, {kindStyles, "xl/styles.xml"}, {kindContentTypes, "[Content_Types].xml"}} {
		if !t.validPart(p.kind, pkg[p.name]) {
			return nil, nil, p.name
		}
	}
	if theme, ok := pkg["xl/theme/theme1.xml"]; ok && !t.validPart(kindTheme, theme) {
		return nil, nil, "theme"
	}
	// The workbook is the officeDocument of _rels/.rels; anything but
	// xl/workbook.xml is left to excelize.
	rootRels, ok := pkg["_rels/.rels"]
	if !ok {
		return nil, nil, "no _rels/.rels"
	}
	rels, ok := t.rels(rootRels)
	if !ok {
		return nil, nil, "_rels/.rels"
	}
	wbPath := ""
	for _, r := range rels {
		if r.Type == excelize.SourceRelationshipOfficeDocument {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	const wbRelsPath = "xl/_rels/workbook.xml.rels"
	wbXML, ok1 := pkg[wbPath]
	wbRelsXML, ok2 := pkg[wbRelsPath]
	if wbPath != "xl/workbook.xml" || !ok1 || !ok2 {
		return nil, nil, "workbook part " + wbPath
	}
	sheets, ok := t.workbook(wbXML)
	if !ok {
		return nil, nil, "workbook"
	}
	if rels, ok = t.rels(wbRelsXML); !ok {
		return nil, nil, "workbook relationships"
	}
	// excelize's sheet map (getSheetMap) and the parts merges are read
	// from (sheetParts).
	sheetMap := map[string]string{}
	for _, s := range sheets {
		for _, r := range rels {
			if r.ID == s.id {
				p := worksheetPath(wbPath, r.Target)
				if _, ok := pkg[p]; ok {
					sheetMap[s.name] = p
				}
			}
		}
	}
	mergeParts, ok := t.sheetParts(wbXML, wbRelsXML)
	if !ok {
		return nil, nil, "sheet parts"
	}
	for i, s := range sheets {
		if checkSheetName(s.name) != nil {
			return nil, nil, "sheet name"
		}
		for _, o := range sheets[:i] {
			if strings.EqualFold(o.name, s.name) {
				return nil, nil, "sheet names differing in case" // excelize would pick one at random
			}
		}
	}
	fb := &fastBook{t: t}
	if sst, ok := pkg["xl/sharedStrings.xml"]; ok && !fb.readSST(sst) {
		return nil, nil, "shared strings"
	}
	b := newBudget(opt)
	for _, s := range sheets {
		part, ok := sheetMap[s.name]
		if !ok {
			return nil, nil, "no part for sheet " + s.name
		}
		rows, err, ok := fb.readSheet(pkg[part], b)
		if !ok {
			return nil, nil, "sheet " + s.name
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err), ""
		}
		raw, ok := pkg[mergeParts[s.name]]
		if !ok {
			return nil, nil, "no merge part for sheet " + s.name
		}
		g := grid{name: s.name, hidden: s.state != "" && s.state != "visible", rows: rows, merges: scanMerges(raw)}
		grids = append(grids, g)
	}
	return grids, nil, ""
}

// checkSheetName is excelize's test of a sheet name it will read.
func checkSheetName(name string) error {
	units := 0
	for _, r := range name {
		units += utf16.RuneLen(r)
	}
	if name == "" || units > excelize.MaxSheetNameLength ||
		strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") || strings.ContainsAny(name, ":\\/?*[]") {
		return ErrCorrupt
	}
	return nil
}

// worksheetPath is excelize's getWorksheetPath.
func worksheetPath(wbPath, relTarget string) string {
	path := filepath.ToSlash(strings.TrimPrefix(
		strings.ReplaceAll(filepath.Clean(fmt.Sprintf("%s/%s", filepath.Dir(wbPath), relTarget)), "\\", "/"), "/"))
	if strings.HasPrefix(relTarget, "/") {
		path = filepath.ToSlash(strings.TrimPrefix(strings.ReplaceAll(filepath.Clean(relTarget), "\\", "/"), "/"))
	}
	return path
}

// docParts are the part names excelize reads whatever their case.
var docParts = map[string]string{
	"[content_types].xml":  "[Content_Types].xml",
	"xl/sharedstrings.xml": "xl/sharedStrings.xml",
}

// openPkg unpacks the XML parts of an .xlsx under the names excelize gives
// them, checking what checkZip checks (declared sizes within MaxUnzip,
// every member inflating to exactly its size and checksum). Other members
// are inflated and dropped. A part excelize would spill to a temporary
// file, or two members of one name, are left to excelize.
func openPkg(data []byte, opt Options) (map[string][]byte, bool) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, false
	}
	zr.RegisterDecompressor(zip.Deflate, newInflater)
	// Sizes first, before anything is inflated.
	xmlLimit := min(opt.MaxUnzipXML, opt.MaxUnzip)
	names := make([]string, len(zr.File))
	seen := make(map[string]bool, len(zr.File))
	var total uint64
	for i, f := range zr.File {
		if f.UncompressedSize64 > uint64(opt.MaxUnzip)-total {
			return nil, false
		}
		total += f.UncompressedSize64
		name := strings.ReplaceAll(f.Name, "\\", "/")
		lower := strings.ToLower(name)
		if p, ok := docParts[lower]; ok {
			name = p
		}
		if seen[name] {
			return nil, false
		}
		seen[name] = true
		if int64(f.UncompressedSize64) > xmlLimit && (strings.EqualFold(name, "xl/sharedStrings.xml") || strings.HasPrefix(lower, "xl/worksheets/sheet")) {
			return nil, false
		}
		names[i] = name
	}
	parts := make(map[string][]byte, len(zr.File))
	for i, f := range zr.File {
		name, size := names[i], int64(f.UncompressedSize64)
		lower := strings.ToLower(name)
		rc, err := f.Open()
		if err != nil {
			return nil, false
		}
		if strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, ".rels") {
			buf := partBuf(size)
			if _, err = io.ReadFull(rc, buf); err == nil {
				var n int64
				if n, err = io.Copy(io.Discard, rc); n != 0 && err == nil {
					err = zip.ErrFormat
				}
			}
			parts[name] = buf
		} else {
			_, err = io.Copy(io.Discard, rc)
		}
		rc.Close()
		if err != nil {
			return nil, false
		}
	}
	return parts, true
}

// inflaters are klauspost/compress's deflate readers, reused: they
// inflate about a third faster than the standard library's. archive/zip
// still checks every member's size and checksum.
var inflaters sync.Pool

// pooledInflater returns its reader to inflaters when closed.
type pooledInflater struct{ r io.ReadCloser }

func newInflater(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok {
		if fr.(flate.Resetter).Reset(r, nil) == nil {
			return &pooledInflater{fr}
		}
	}
	return &pooledInflater{flate.NewReader(r)}
}

func (p *pooledInflater) Read(b []byte) (int, error) {
	if p.r == nil {
		return 0, errors.New("read after close")
	}
	return p.r.Read(b)
}

func (p *pooledInflater) Close() error {
	if p.r == nil {
		return errors.New("close after close")
	}
	err := p.r.Close()
	inflaters.Put(p.r)
	p.r = nil
	return err
}

// partBufs recycles the buffers parts are unpacked into: nothing read on
// the fast path keeps a reference into a part (cell text, names and
// remembered parts are copies).
var partBufs sync.Pool // of *[]byte

const (
	minPooledPart = 16 << 10 // smaller parts get buffers of their own
	minPartBuf    = 128 << 10
	maxPartBuf    = 1 << 20
)

func partBuf(size int64) []byte {
	if size < minPooledPart || size > maxPartBuf {
		return make([]byte, size)
	}
	if p, _ := partBufs.Get().(*[]byte); p != nil && int64(cap(*p)) >= size {
		return (*p)[:size]
	}
	return make([]byte, size, max(size, minPartBuf))
}

func releaseParts(pkg map[string][]byte) {
	for _, b := range pkg {
		if c := cap(b); c >= minPartBuf && c <= maxPartBuf {
			partBufs.Put(&b)
		}
	}
}

// excelizeTypes are the types excelize decodes parts into, found by
// reflection so that encoding/xml decides exactly as it does inside
// excelize which part fails.
type excelizeTypes struct {
	types [numKinds]reflect.Type
	memo  partMemo
}

// xlsxTypes returns the types, or nil (no fast path) when this excelize
// does not have the shape the fast path was written against.
var xlsxTypes = sync.OnceValue(func() *excelizeTypes {
	t := &excelizeTypes{}
	file := reflect.TypeFor[excelize.File]()
	// structOf is the struct type behind a field (through pointers and
	// slices), nil if there is none.
	structOf := func(t reflect.Type, field string) reflect.Type {
		if t == nil {
			return nil
		}
		f, ok := t.FieldByName(field)
		if !ok {
			return nil
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() != reflect.Struct {
			return nil
		}
		return ft
	}
	// fields lists the exported fields of a struct type.
	fields := func(t reflect.Type) string {
		if t == nil {
			return ""
		}
		var names []string
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				names = append(names, f.Name)
			}
		}
		return strings.Join(names, ",")
	}
	wb := structOf(file, "WorkBook")
	sheet := structOf(structOf(wb, "Sheets"), "Sheet")
	sst := structOf(file, "SharedStrings")
	si := structOf(sst, "SI")
	run := structOf(si, "R")
	f := excelize.NewFile()
	ws, _ := f.Sheet.Load("xl/worksheets/sheet1.xml")
	f.Close()
	if ws == nil {
		return nil
	}
	wsType := reflect.TypeOf(ws)
	for wsType.Kind() == reflect.Pointer {
		wsType = wsType.Elem()
	}
	cell := structOf(structOf(structOf(wsType, "SheetData"), "Row"), "C")
	t.types = [numKinds]reflect.Type{
		kindRPr:          structOf(run, "RPr"),
		kindRPh:          structOf(si, "RPh"),
		kindPhoneticPr:   structOf(si, "PhoneticPr"),
		kindFormula:      structOf(cell, "F"),
		kindWorkbook:     wb,
		kindStyles:       structOf(file, "Styles"),
		kindTheme:        structOf(file, "Theme"),
		kindCalcChain:    structOf(file, "CalcChain"),
		kindContentTypes: structOf(file, "ContentTypes"),
		kindRels:         reflect.TypeFor[pkgRels](),
		kindParts:        reflect.TypeFor[struct{}](),
	}
	for _, ty := range t.types {
		if ty == nil {
			return nil
		}
	}
	// The readers of xlsxscan.go and xlsxsheet.go follow these types; a
	// change in them must be looked at before the fast path is used again.
	for _, c := range []struct {
		t    reflect.Type
		want string
	}{
		{sheet, "Name,SheetID,ID,State"},
		{sst, "XMLName,Count,UniqueCount,SI"},
		{si, "T,R,RPh,PhoneticPr"},
		{run, "XMLName,RPr,T"},
		{structOf(si, "T"), "XMLName,Space,Val"},
		{cell, "XMLName,XMLSpace,R,S,T,Cm,Vm,Ph,F,V,IS"},
	} {
		if got := fields(c.t); got != c.want {
			return nil
		}
	}
	return t
})

// pkgRels is excelize's xlsxRelationships (all its fields are strings).
type pkgRels struct {
	XMLName       xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Relationships []pkgRel `xml:"Relationship"`
}

type pkgRel struct {
	ID         string `xml:"Id,attr"`
	Target     string `xml:",attr"`
	Type       string `xml:",attr"`
	TargetMode string `xml:",attr,omitempty"`
}

// wbSheet is a sheet of the workbook as excelize decodes it.
type wbSheet struct{ name, id, state string }

var errCharset = errors.New("a part in another encoding than UTF-8")

// decode decodes data into a new value of the type of kind as excelize
// does (encoding/xml, no document at all is no error). A part in the
// strict OOXML namespaces, which excelize rewrites first, or in another
// encoding than UTF-8, fails.
func (t *excelizeTypes) decode(kind int, data []byte) (reflect.Value, bool) {
	if bytes.Contains(data, []byte("purl.oclc.org")) {
		return reflect.Value{}, false
	}
	v := reflect.New(t.types[kind])
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return nil, errCharset }
	if err := d.Decode(v.Interface()); err != nil && err != io.EOF {
		return reflect.Value{}, false
	}
	return v.Elem(), true
}

// decodeMemo decodes data as kind and returns extract of the value (or
// an empty struct), remembering it for the same content.
func (t *excelizeTypes) decodeMemo(kind int, data []byte, extract func(reflect.Value) any) (any, bool) {
	if v, ok := t.memo.get(kind, data); ok {
		return v, true
	}
	v, ok := t.decode(kind, data)
	if !ok {
		return nil, false
	}
	var val any = struct{}{}
	if extract != nil {
		val = extract(v)
	}
	t.memo.put(kind, data, val)
	return val, true
}

func (t *excelizeTypes) validPart(kind int, data []byte) bool {
	_, ok := t.decodeMemo(kind, data, nil)
	return ok
}

func (t *excelizeTypes) rels(data []byte) ([]pkgRel, bool) {
	v, ok := t.decodeMemo(kindRels, data, func(v reflect.Value) any {
		return v.Interface().(pkgRels).Relationships
	})
	if !ok {
		return nil, false
	}
	return v.([]pkgRel), true
}

func (t *excelizeTypes) workbook(data []byte) ([]wbSheet, bool) {
	v, ok := t.decodeMemo(kindWorkbook, data, func(v reflect.Value) any {
		list := v.FieldByName("Sheets").FieldByName("Sheet")
		sheets := make([]wbSheet, list.Len())
		for i := range sheets {
			s := list.Index(i)
			sheets[i] = wbSheet{name: s.FieldByName("Name").String(), id: s.FieldByName("ID").String(), state: s.FieldByName("State").String()}
		}
		return sheets
	})
	if !ok {
		return nil, false
	}
	return v.([]wbSheet), true
}

// sheetParts is sheetPartsOf, remembered; nil parts (the workbook did not
// decode) make every merge come from excelize, so the fast path declines.
func (t *excelizeTypes) sheetParts(wbXML, relsXML []byte) (map[string]string, bool) {
	key := make([]byte, 0, len(wbXML)+len(relsXML)+1)
	key = append(append(append(key, wbXML...), 0), relsXML...)
	if v, ok := t.memo.get(kindParts, key); ok {
		return v.(map[string]string), true
	}
	parts := sheetPartsOf(wbXML, relsXML)
	if parts == nil {
		return nil, false
	}
	t.memo.put(kindParts, key, parts)
	return parts, true
}

// partMemo remembers decoded parts by kind and content, up to a total size.
type partMemo struct {
	mu   sync.Mutex
	m    [numKinds]map[string]any
	size int
}

const (
	memoMaxPart  = 1 << 20
	memoMaxTotal = 16 << 20
)

func (m *partMemo) get(kind int, data []byte) (any, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[kind][string(data)]
	return v, ok
}

func (m *partMemo) put(kind int, data []byte, v any) {
	if len(data) > memoMaxPart {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.size+len(data) > memoMaxTotal {
		m.m, m.size = [numKinds]map[string]any{}, 0
	}
	if m.m[kind] == nil {
		m.m[kind] = map[string]any{}
	}
	m.m[kind][string(data)] = v
	m.size += len(data)
}
