package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// sameRead reads data with the fast reader and with excelize and fails the
// test on any difference when the fast reader accepts the workbook. It
// reports whether the fast reader accepted it.
func sameRead(t testing.TB, name string, data []byte, opt Options) bool {
	t.Helper()
	fast, ferr, why := readFast(data, opt)
	if why != "" {
		if testing.Verbose() {
			t.Logf("%s: declined: %s", name, why)
		}
		return false
	}
	slow, serr := readXLSXExcelize(data, opt)
	if fmt.Sprint(ferr) != fmt.Sprint(serr) {
		t.Errorf("%s: fast reader error %v, excelize %v", name, ferr, serr)
		return true
	}
	if d := gridsDiff(fast, slow); d != "" {
		t.Errorf("%s: fast reader and excelize differ: %s", name, d)
	}
	return true
}

// gridsDiff describes the first difference between two readings, "" when
// they are the same.
func gridsDiff(got, want []grid) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d sheets, want %d (%v / %v)", len(got), len(want), gridNames(got), gridNames(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		switch {
		case g.name != w.name:
			return fmt.Sprintf("sheet %d is %q, want %q", i+1, g.name, w.name)
		case g.hidden != w.hidden:
			return fmt.Sprintf("sheet %q hidden %v, want %v", w.name, g.hidden, w.hidden)
		case !reflect.DeepEqual(g.merges, w.merges):
			return fmt.Sprintf("sheet %q merges %v, want %v", w.name, g.merges, w.merges)
		case len(g.rows) != len(w.rows):
			return fmt.Sprintf("sheet %q has %d rows, want %d", w.name, len(g.rows), len(w.rows))
		}
		for r := range w.rows {
			if !reflect.DeepEqual(g.rows[r], w.rows[r]) {
				return fmt.Sprintf("sheet %q row %d is %q, want %q", w.name, r+1, g.rows[r], w.rows[r])
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		return "the grids differ (nil and empty?)"
	}
	return ""
}

func gridNames(gs []grid) []string {
	var n []string
	for _, g := range gs {
		n = append(n, g.name)
	}
	return n
}

// fuzzSeedData decodes a file of Go's fuzz corpus holding one []byte.
func fuzzSeedData(t testing.TB, path string) []byte {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(raw), "\n")
	body = strings.TrimSpace(body)
	if !strings.HasPrefix(body, "[]byte(") {
		return nil
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(body, "[]byte("), ")"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}

// TestFastReaderFiles compares the two readers on every workbook of the
// test data: the producers' fixtures (which must take the fast path) and
// the fuzz seeds, among them the hostile inputs of the reliability work.
func TestFastReaderFiles(t *testing.T) {
	producers, _ := filepath.Glob("../testdata/producers/*/*.xlsx")
	if len(producers) < 12 {
		t.Fatalf("producer fixtures: %v", producers)
	}
	for _, file := range producers {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !sameRead(t, file, data, DefaultOptions()) {
			t.Errorf("%s: the fast reader declined a producer's workbook", file)
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	accepted := 0
	for _, file := range seeds {
		if data := fuzzSeedData(t, file); data != nil {
			if sameRead(t, file, data, DefaultOptions()) {
				accepted++
			}
		}
	}
	t.Logf("fuzz seeds: %d of %d on the fast path", accepted, len(seeds))
}

// TestFastReaderBuilt compares the two readers on workbooks excelize
// writes: merged, hidden, formulas, hidden rows and columns.
func TestFastReaderBuilt(t *testing.T) {
	books := map[string][]byte{
		"good": goodBook(t),
		"big":  bigBook(t),
		"features": book{sheets: []bookSheet{
			{name: "职权目录", rows: [][]any{titleRow, infoRow, header16,
				row16(1, "单位职权", "外部职权", "采购审批", "《条例》", "总务处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "询价", "校长", ""),
				{formula("ROW()-3"), 2.5, true, nil, "x"}},
				merges: [][2]string{{"A1", "P1"}, {"B4", "B5"}}, hideRows: []int{2}, hideCols: []string{"C"}},
			{name: "隐藏", rows: [][]any{{"a", nil, "c"}}, hidden: true},
			{name: "Sheet 3", rows: nil},
		}}.build(t),
	}
	for name, data := range books {
		if !sameRead(t, name, data, DefaultOptions()) {
			t.Errorf("%s: the fast reader declined an excelize workbook", name)
		}
	}
	// A budget that runs out: the same error, from the same row.
	small := DefaultOptions()
	small.MaxCells = 1000
	if _, err, ok := readXLSXFast(books["big"], small); !ok || !errors.Is(err, ErrTooLarge) {
		t.Errorf("200 rows against 1,000 cells: %v %v", ok, err)
	}
	sameRead(t, "big, 1,000 cells", books["big"], small)
}

// TestFastReaderCorpus compares the two readers on every workbook of the
// folder LIANFANG_XLSX_CORPUS names (a county inbox), and reports how many
// take the fast path.
func TestFastReaderCorpus(t *testing.T) {
	dir := os.Getenv("LIANFANG_XLSX_CORPUS")
	if dir == "" {
		t.Skip("LIANFANG_XLSX_CORPUS is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xls[xm]"))
	accepted := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if sameRead(t, file, data, DefaultOptions()) {
			accepted++
		} else {
			t.Logf("%s: not on the fast path", file)
		}
	}
	t.Logf("%d of %d workbooks on the fast path", accepted, len(files))
}

// xpkg builds an .xlsx from hand-written parts.
type xpkg struct {
	sheets  []xsheet
	sst     string // "" leaves out xl/sharedStrings.xml
	extra   map[string]string
	replace map[string]string // whole parts written instead of the generated ones
	store   bool              // members stored, not deflated
}

type xsheet struct {
	name, state, target string // target: relationship target, worksheets/sheetN.xml by default
	xml                 string // the whole part; rows holds <sheetData> content otherwise
	rows, tail          string
}

const (
	xMainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xDecl   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

func (p xpkg) parts() map[string]string {
	parts := map[string]string{
		"[Content_Types].xml": xDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         xDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	}
	var sheets, rels strings.Builder
	for i, s := range p.sheets {
		state := ""
		if s.state != "" {
			state = fmt.Sprintf(` state="%s"`, s.state)
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		target := s.target
		if target == "" {
			target = fmt.Sprintf("worksheets/sheet%d.xml", i+1)
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>`, i+1, target)
		body := s.xml
		if body == "" {
			body = xDecl + `<worksheet ` + xMainNS + `><sheetData>` + s.rows + `</sheetData>` + s.tail + `</worksheet>`
		}
		parts[worksheetPath("xl/workbook.xml", target)] = body
	}
	parts["xl/workbook.xml"] = xDecl + `<workbook ` + xMainNS + `><sheets>` + sheets.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = xDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	if p.sst != "" {
		parts["xl/sharedStrings.xml"] = p.sst
	}
	for k, v := range p.extra {
		parts[k] = v
	}
	for k, v := range p.replace {
		parts[k] = v
	}
	return parts
}

func (p xpkg) build(t testing.TB) []byte {
	return zipParts(t, p.parts(), p.store)
}

func zipParts(t testing.TB, parts map[string]string, store bool) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sortStrings(names)
	method := zip.Deflate
	if store {
		method = zip.Store
	}
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func sstOf(items ...string) string {
	return xDecl + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="` + strconv.Itoa(len(items)) + `" uniqueCount="` + strconv.Itoa(len(items)) + `"><si>` + strings.Join(items, `</si><si>`) + `</si></sst>`
}

// TestFastReaderFeatures builds small packages by hand, one feature each,
// and checks the grids both readers give against grids written by hand.
func TestFastReaderFeatures(t *testing.T) {
	one := func(rows, tail string) []xsheet { return []xsheet{{name: "表", rows: rows, tail: tail}} }
	tests := []struct {
		name string
		pkg  xpkg
		want []grid
		slow bool // the fast reader must decline it
	}{
		{name: "shared strings: plain, rich text runs, phonetic runs left out",
			pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`, ""),
				sst: sstOf(`<t>职权名称</t>`,
					`<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>风险</t></r><r><rPr><i val="1"/></rPr><t xml:space="preserve"> 等级 </t></r>`,
					`<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`)},
			want: []grid{{name: "表", rows: [][]string{{"职权名称", "风险 等级 ", "漢字"}}}}},
		{name: "text of <t> before the runs whatever the order",
			pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""),
				sst: sstOf(`<r><t>乙</t></r><t>甲</t><r><t>丙</t></r>`)},
			want: []grid{{name: "表", rows: [][]string{{"甲乙丙"}}}}},
		{name: "inline strings, also rich",
			pkg:  xpkg{sheets: one(`<row r="1"><c r="A1" t="inlineStr"><is><t>行内</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c><c r="C1" t="inlineStr"><v>无is</v></c></row>`, "")},
			want: []grid{{name: "表", rows: [][]string{{"行内", "富文本", "无is"}}}}},
		{name: "cell types n b e d str and formulas with cached values",
			pkg: xpkg{sheets: one(`<row r="1"><c r="A1"><v>3.50</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="d"><v>2026-01-02T00:00:00Z</v></c>`+
				`<c r="E1" t="str"><f>A1&amp;"元"</f><v>3.5元</v></c><c r="F1" s="3"><f>1+1</f></c><c r="G1"><f t="shared" ref="G1:G2" si="0">ROW()</f><v>1</v></c></row>`, "")},
			want: []grid{{name: "表", rows: [][]string{{"3.50", "1", "#DIV/0!", "2026-01-02T00:00:00Z", "3.5元", "", "1"}}}}},
		{name: "rows and cells without r, empty <v/>, self-closing rows and gaps",
			pkg: xpkg{sheets: one(`<row><c><v>1</v></c><c/><c><v>3</v></c></row><row r="3"/><row r="4"><c r="C4"><v/></c></row><row><c r="B5"><v>b5</v></c><c><v>c5</v></c></row><row r="7"><c r="A7"></c></row>`, ""),
				sst: sstOf()},
			want: []grid{{name: "表", rows: [][]string{{"1", "", "3"}, nil, nil, nil, {"", "b5", "c5"}}}}},
		{name: "namespace prefixes on every element",
			pkg: xpkg{
				sheets: []xsheet{{name: "前缀", xml: xDecl + `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>内</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`}},
				sst:    xDecl + `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><x:si><x:r><x:t>共</x:t></x:r><x:t>享</x:t></x:si></x:sst>`},
			want: []grid{{name: "前缀", rows: [][]string{{"享共", "内"}}, merges: []cellRange{{1, 1, 1, 2}}}}},
		{name: "hidden and very hidden sheets, absolute and odd targets",
			pkg: xpkg{sheets: []xsheet{
				{name: "甲", rows: `<row r="1"><c r="A1"><v>1</v></c></row>`, target: "/xl/worksheets/sheet1.xml"},
				{name: "乙", state: "hidden", rows: `<row r="1"><c r="A1"><v>2</v></c></row>`, target: "worksheets/../worksheets/sheet2.xml"},
				{name: "丙", state: "veryHidden", rows: `<row r="2"><c r="B2"><v>3</v></c></row>`},
				{name: "丁", state: "visible"},
			}},
			want: []grid{{name: "甲", rows: [][]string{{"1"}}}, {name: "乙", hidden: true, rows: [][]string{{"2"}}},
				{name: "丙", hidden: true, rows: [][]string{nil, {"", "3"}}}, {name: "丁", rows: [][]string{}}}},
		{name: "entities, character references, CDATA, comments, instructions, line ends",
			pkg: xpkg{sheets: one("<!-- 注释 --><row r=\"1\"><?pi x?><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v> 1 </v></c><c r=\"C1\" t=\"str\"><v>a\r\nb\rc</v></c></row>", ""),
				sst: sstOf(`<t>&lt;&amp;&gt;&quot;&apos;&#x4E2D;&#25991;&#13;&#10;</t>`, `<t>前<!-- 不算 -->后<![CDATA[<原样>&amp;]]></t>`)},
			want: []grid{{name: "表", rows: [][]string{{"<&>\"'中文\r\n", "前后<原样>&amp;", "a\nb\nc"}}}}},
		{name: "_xHHHH_ escapes in shared and inline strings, not in values",
			pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x_x0009_y</t></is></c><c r="C1" t="str"><v>v_x000D_</v></c></row>`, ""),
				sst: sstOf("<t>第一行_x000D_\n第二行_x005F_x000D__xD800_</t>")},
			want: []grid{{name: "表", rows: [][]string{{"第一行\r\n第二行_x000D_", "x\ty", "v_x000D_"}}}}},
		{name: "shared-string index out of the table, negative, not a number",
			pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>-1</v></c><c r="C1" t="s"><v>x</v></c><c r="D1" t="s"><v/></c><c r="E1" t="s"><f>A1</f><v>9</v></c></row>`, ""),
				sst: sstOf(`<t>零</t>`)},
			want: []grid{{name: "表", rows: [][]string{{"", "", "零", "", ""}}}}},
		{name: "a UTF-8 byte order mark before each part",
			pkg: xpkg{sheets: []xsheet{{name: "表", xml: "\ufeff" + xDecl + `<worksheet ` + xMainNS + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`}},
				sst: "\ufeff" + sstOf(`<t>有BOM</t>`)},
			want: []grid{{name: "表", rows: [][]string{{"有BOM"}}}}},
		{name: "a very long row",
			pkg:  xpkg{sheets: one(`<row r="1"><c r="A1"><v>1</v></c><c r="ALL1"><v>1000</v></c></row>`, "")},
			want: []grid{{name: "表", rows: [][]string{append(append([]string{"1"}, make([]string, 998)...), "1000")}}}},
		{name: "merged ranges, after the data and nowhere else",
			pkg:  xpkg{sheets: one(`<row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell ref="C3:D4"</t></is></c></row>`, `<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D5:C4"/></mergeCells>`)},
			want: []grid{{name: "表", rows: [][]string{{`mergeCell ref="C3:D4"`}}, merges: []cellRange{{1, 1, 2, 2}, {4, 3, 5, 4}}}}},
		{name: "no sheetData at all", pkg: xpkg{sheets: []xsheet{{name: "空", xml: `<worksheet ` + xMainNS + `/>`}}},
			want: []grid{{name: "空", rows: [][]string{}}}},
		// What the fast reader leaves to excelize.
		{name: "a DTD", slow: true, pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""),
			sst: `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "甲">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&a;</t></si></sst>`}},
		{name: "another encoding", slow: true, pkg: xpkg{sheets: []xsheet{{name: "表", xml: `<?xml version="1.0" encoding="GBK"?><worksheet ` + xMainNS + `><sheetData/></worksheet>`}}}},
		{name: "rows out of order", slow: true, pkg: xpkg{sheets: one(`<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>`, "")}},
		{name: "a row element after sheetData", slow: true, pkg: xpkg{sheets: one(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<extLst><row r="3"><c r="A3"><v>3</v></c></row></extLst>`)}},
		{name: "a cell that is not XML", slow: true, pkg: xpkg{sheets: one(`<row r="1"><c r="A1"><v>1 < 2</v></c></row>`, "")}},
		{name: "a rich-text size that is no number", slow: true, pkg: xpkg{sheets: one(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, ""),
			sst: sstOf(`<r><rPr><sz val="大"/></rPr><t>x</t></r>`)}},
		{name: "a sheet part in the strict namespace", slow: true, pkg: xpkg{sheets: one("", ""),
			sst: `<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><si><t>x</t></si></sst>`}},
		{name: "two sheets whose names differ in case", slow: true, pkg: xpkg{sheets: []xsheet{{name: "Data"}, {name: "DATA"}}}},
		{name: "a styles part excelize cannot decode", slow: true, pkg: xpkg{sheets: one("", ""),
			extra: map[string]string{"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="x"/></styleSheet>`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.pkg.build(t)
			opt := DefaultOptions()
			fast, ferr, why := readFast(data, opt)
			ok := why == ""
			if tc.slow {
				if ok {
					t.Fatalf("the fast reader accepted it: %v %v", fast, ferr)
				}
				return
			}
			if !ok || ferr != nil {
				t.Fatalf("the fast reader declined it: %s %v", why, ferr)
			}
			if d := gridsDiff(fast, tc.want); d != "" {
				t.Errorf("fast reader: %s", d)
			}
			slow, serr := readXLSXExcelize(data, opt)
			if serr != nil {
				t.Fatal(serr)
			}
			if d := gridsDiff(slow, tc.want); d != "" {
				t.Errorf("excelize: %s", d)
			}
		})
	}
}

// FuzzFastReader builds a package from a worksheet, a shared-string table
// and a workbook the fuzzer mutates, and checks that whenever the fast
// reader accepts it, it reads what excelize reads.
func FuzzFastReader(f *testing.F) {
	sheet := xDecl + `<worksheet ` + xMainNS + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>b</t></is></c><c r="C1"><f>1</f><v>2</v></c></row><row><c><v>x</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	sst := sstOf(`<t>甲&amp;</t>`, `<r><rPr><b/></rPr><t>乙</t></r><rPh sb="0" eb="1"><t>y</t></rPh>`)
	wb := xDecl + `<workbook ` + xMainNS + `><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`
	f.Add([]byte(sheet), []byte(sst), []byte(wb))
	files, _ := filepath.Glob("../testdata/producers/*/*.xlsx")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		part := func(name string) []byte {
			for _, m := range zr.File {
				if m.Name == name {
					rc, _ := m.Open()
					b, _ := io.ReadAll(rc)
					rc.Close()
					return b
				}
			}
			return nil
		}
		if s, w := part("xl/worksheets/sheet1.xml"), part("xl/workbook.xml"); s != nil && w != nil && len(s) < 64<<10 {
			f.Add(s, part("xl/sharedStrings.xml"), w)
		}
	}
	opt := DefaultOptions()
	opt.MaxCells = 100_000
	f.Fuzz(func(t *testing.T, sheet, sst, wb []byte) {
		parts := map[string]string{
			"[Content_Types].xml":        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
			"_rels/.rels":                `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
			"xl/workbook.xml":            string(wb),
			"xl/worksheets/sheet1.xml":   string(sheet),
			"xl/worksheets/sheet2.xml":   string(sheet),
		}
		if sst != nil {
			parts["xl/sharedStrings.xml"] = string(sst)
		}
		sameRead(t, "fuzz", zipParts(t, parts, true), opt)
	})
}

// BenchmarkReadXLSX reads the 200-row catalogue with each reader.
func BenchmarkReadXLSX(b *testing.B) {
	data := bigBook(b)
	for _, r := range []struct {
		name string
		read func([]byte, Options) ([]grid, error)
	}{{"fast", func(d []byte, o Options) ([]grid, error) {
		g, err, ok := readXLSXFast(d, o)
		if !ok {
			b.Fatal("declined")
		}
		return g, err
	}}, {"excelize", readXLSXExcelize}} {
		b.Run(r.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.read(data, DefaultOptions()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzXMLScan checks the scanner against encoding/xml token by token:
// every token it accepts, encoding/xml's Decoder reads too, with the same
// local names, attribute values and text.
func FuzzXMLScan(f *testing.F) {
	for _, s := range []string{
		xDecl + `<a x="1" y='&lt;&#x41;'><b/>t&amp;x<![CDATA[<c>]]><!-- c --><?p i?></a>`,
		"\ufeff<x:a xmlns:x=\"u\"><x:b x:r=\"A1\">\r\n</x:b></x:a>",
		`<a>]]></a>`, `<a b="]]>"/>`, `<a>&#0;</a>`, `<a>&#xD800;</a>`, "<a>\xef\xbf\xbe</a>", `<a><!-- -- --></a>`,
		`<?xml version="1.1"?><a/>`, `<?xml encoding="latin1"?><a/>`, `<a b="1"c="2"/>`, `</a>`, `<a></b>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newScan(data)
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			k := s.next()
			if k == tokBad {
				return
			}
			tok, err := d.Token()
			if k == tokEOF {
				if s.depth() == 0 && err != io.EOF || s.depth() > 0 && err == nil {
					t.Fatalf("scanner at the end (depth %d), encoding/xml: %v %v", s.depth(), tok, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("scanner read %v at %d, encoding/xml failed: %v", k, s.start, err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				if k != tokStart || tok.Name.Local != string(s.bytes(s.local)) || len(tok.Attr) != len(s.attrs) {
					t.Fatalf("start %v, scanner %v %q %d attrs", tok, k, s.bytes(s.local), len(s.attrs))
				}
				for i, a := range tok.Attr {
					sa := &s.attrs[i]
					if a.Name.Local != string(s.bytes(sa.local)) || a.Value != s.value(sa) {
						t.Fatalf("attribute %v=%q, scanner %q=%q", a.Name, a.Value, s.bytes(sa.local), s.value(sa))
					}
				}
			case xml.EndElement:
				if k != tokEnd || tok.Name.Local != string(s.bytes(s.local)) && !s.selfClose {
					t.Fatalf("end %v, scanner %v %q", tok, k, s.bytes(s.local))
				}
			case xml.CharData:
				var text []byte
				switch k {
				case tokText:
					text = appendText(nil, s.bytes(s.text), false)
				case tokCDATA:
					text = appendText(nil, s.bytes(s.text), true)
				default:
					t.Fatalf("text %q, scanner %v", tok, k)
				}
				if string(text) != string(tok) {
					t.Fatalf("text %q, scanner %q", tok, text)
				}
			case xml.Comment:
				if k != tokComment {
					t.Fatalf("comment, scanner %v", k)
				}
			case xml.ProcInst:
				if k != tokPI {
					t.Fatalf("instruction, scanner %v", k)
				}
			default:
				t.Fatalf("%T, scanner %v", tok, k)
			}
		}
	})
}

// genBook builds a one- or two-sheet package from fuzz bytes, each byte
// choosing the next piece of XML from pieces that exercise what the fast
// reader handles. One input in four may also use pieces it must decline
// (or that excelize fails on); the others are workbooks both read.
func genBook(t testing.TB, data []byte) []byte {
	i := 0
	pick := func(n int) int {
		if i >= len(data) {
			return 0
		}
		i++
		return int(data[i-1]) % n
	}
	bad := pick(4) == 0
	// choose picks from the first good items, or from all when bad.
	choose := func(good int, items ...string) string {
		if bad {
			return items[pick(len(items))]
		}
		return items[pick(good)]
	}
	text := func() string {
		return choose(17, "", "1", " 2 ", "abc", "&amp;&lt;x&gt;", "&#x41;&#20013;", "a\r\nb", "_x000D__x005F_x0041_", "<![CDATA[x<y]]>", "中文", "-1", "99", "0",
			"a<!--c-->b", "\t", "1.5E3", "_xD800_", "&#1;", "a<b/>c", "]]>")
	}
	var sst strings.Builder
	items := pick(6)
	for range items {
		switch pick(8) {
		case 0:
			sst.WriteString("<si><t>" + text() + "</t></si>")
		case 1:
			sst.WriteString(`<si><r><rPr><b/><sz val="` + choose(3, "11", " 9 ", "", "x") + `"/><color theme="1"/></rPr><t>` + text() + `</t></r><r><t xml:space="preserve">` + text() + `</t></r></si>`)
		case 2:
			sst.WriteString(`<si><t>` + text() + `</t><rPh sb="` + choose(1, "0", "-1", "a") + `" eb="1"><t>` + text() + `</t></rPh><phoneticPr fontId="` + choose(1, "1", "x") + `" type="noConversion"/></si>`)
		case 3:
			sst.WriteString(`<si/>`)
		case 4:
			sst.WriteString(`<x:si><x:t>` + text() + `</x:t></x:si>`)
		case 5:
			sst.WriteString(`<si><r><t>` + text() + `</t></r><t>` + text() + `</t></si>`)
		case 6:
			sst.WriteString(`<!-- c --><foo><si><t>x</t></si></foo>`)
		case 7:
			sst.WriteString(choose(1, `<si><t>y</t></si>`, `<si><t>a</t><t>b</t></si>`))
		}
	}
	var rows strings.Builder
	row := 0
	for n := pick(8); n > 0; n-- {
		next := row + 1 + pick(3)
		if bad {
			next += pick(3) - 1
		}
		row = next
		closeRow := "</row>"
		switch pick(6) {
		case 0:
			rows.WriteString("<row>")
			row = next - 1 // positional: one past the last
		case 1:
			fmt.Fprintf(&rows, `<row r="%d" spans="1:3" x14ac:dyDescent="0.25">`, row)
		case 2:
			fmt.Fprintf(&rows, `<x:row r="%d">`, row)
			closeRow = "</x:row>"
		case 3:
			fmt.Fprintf(&rows, `<row r="%d"/>`, row)
			continue
		case 4:
			fmt.Fprintf(&rows, `<row r="%s">`, choose(1, strconv.Itoa(row), "", "0", "+1", "x", "1048577"))
		case 5:
			rows.WriteString("<!-- r --><row>")
			row = next - 1
		}
		col := 0
		for m := pick(6); m > 0; m-- {
			rows.WriteString("<c")
			if pick(3) > 0 {
				col += 1 + pick(3)
				if bad {
					col += pick(3) - 1
				}
				name := choose(2, colName(col), strings.ToLower(colName(col)), "$"+colName(col), "XFE")
				fmt.Fprintf(&rows, ` r="%s%s"`, name, choose(1, strconv.Itoa(max(row, 1)), "0", ""))
			} else {
				col++ // positional: one past the last
			}
			if pick(3) == 0 {
				rows.WriteString(` s="` + choose(1, "1", "x", "", "-0") + `"`)
			}
			if ty := choose(10, "", "s", "str", "inlineStr", "b", "e", "n", "d", "foo", " s"); ty != "" {
				rows.WriteString(` t="` + ty + `"`)
			}
			switch pick(9) {
			case 0:
				rows.WriteString("/>")
				continue
			case 1:
				rows.WriteString("><v>" + text() + "</v>")
			case 2:
				rows.WriteString("><v/>")
			case 3:
				rows.WriteString("><f>1+1</f><v>" + text() + "</v>")
			case 4:
				rows.WriteString(`><f t="shared" si="` + choose(1, "0", "x") + `"/>`)
			case 5:
				rows.WriteString("><is><t>" + text() + "</t></is>")
			case 6:
				rows.WriteString("><is><r><t>" + text() + "</t></r></is><v>" + text() + "</v>")
			case 7:
				rows.WriteString("> <!-- x --><v>" + text() + "</v>")
			case 8:
				rows.WriteString("><x:v>" + text() + "</x:v>")
			}
			rows.WriteString("</c>")
		}
		rows.WriteString(closeRow)
	}
	tail := choose(4, "", `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`, `<rowBreaks count="1"/>`, `<phoneticPr fontId="1"/>`, `<extLst><row/></extLst>`)
	sheet := xDecl + `<worksheet ` + xMainNS + ` xmlns:x14ac="urn:x" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows.String() + `</sheetData>` + tail + `</worksheet>`
	p := xpkg{sheets: []xsheet{{name: "表", xml: sheet}}, store: true}
	if items > 0 {
		p.sst = xDecl + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst.String() + `</sst>`
	}
	if pick(4) == 0 {
		p.sheets = append(p.sheets, xsheet{name: choose(2, "二", "Sheet 2", "表", "a'", "", "x:y"), state: choose(3, "", "hidden", "veryHidden"), xml: sheet})
	}
	return p.build(t)
}

// FuzzFastReaderGen checks the fast reader against excelize on workbooks
// genBook builds from the fuzzer's bytes.
func FuzzFastReaderGen(f *testing.F) {
	for _, s := range []string{"", "\x05\x01\x02\x03\x04\x05\x06\x07\x08\x09", "\x07\x01\x02\x03\x01\x05\x03\x05\x01\x01\x01\x05\x02\x03\x00", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3\xf2\xf1\xf0"} {
		f.Add([]byte(s))
	}
	opt := DefaultOptions()
	f.Fuzz(func(t *testing.T, data []byte) {
		sameRead(t, "gen", genBook(t, data), opt)
	})
}
