package reports

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// rezip returns data with member name changed by edit (nil edit removes
// it) and the other members copied as they are.
func rezip(tb testing.TB, data []byte, name string, edit func([]byte) []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		found = true
		if edit == nil {
			continue
		}
		b := []byte(readPart(tb, data, name))
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(edit(b)); err != nil {
			tb.Fatal(err)
		}
	}
	if !found {
		tb.Fatalf("no member %s", name)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// replaceOnce returns an edit replacing old by new, failing when old is
// missing.
func replaceOnce(tb testing.TB, old, new string) func([]byte) []byte {
	return func(b []byte) []byte {
		tb.Helper()
		if !bytes.Contains(b, []byte(old)) {
			tb.Fatalf("%q not found", old)
		}
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}
}

// patchFindings are a few findings on benchUnitBook's catalogue: a cell,
// a merged one, one past the data, a whole row, the whole file.
func patchFindings() []checks.Finding {
	return []checks.Finding{
		{Rule: "C01", Severity: checks.Error, Message: "缺少出纳岗位职权"},
		{Sheet: unitSheet, Row: 5, Col: "E", Rule: "R03", Severity: checks.Error, Message: "风险点过于笼统"},
		{Sheet: unitSheet, Row: 7, Col: "D", Rule: "N03", Severity: checks.Warning, Message: "名称只用了“管理”"},
		{Sheet: unitSheet, Row: 30, Col: "C", Rule: "S08", Severity: checks.Info, Message: "空行"},
		{Sheet: unitSheet, Row: 9, Rule: "R01", Severity: checks.Warning, Message: "没有风险点"},
	}
}

// TestPatchCopiesUntouchedParts: on a plain workbook the patcher takes the
// fast path, copies every part it has no reason to change byte for byte,
// compressed data included, and changes only the parts it must.
func TestPatchCopiesUntouchedParts(t *testing.T) {
	original := benchUnitBook(t, 20)
	var buf bytes.Buffer
	if err := patchUnit(&buf, original, patchFindings(), AnnotateOptions{Unit: "实验小学"}); err != nil {
		t.Fatalf("patcher declined a plain workbook: %v", err)
	}
	out := buf.Bytes()
	before := zipMembers(t, original)
	after := zipMembers(t, out)
	changed := map[string]bool{}
	for name, f := range after {
		was, ok := before[name]
		switch {
		case !ok:
			changed[name+" (new)"] = true
		case was.CRC32 != f.CRC32 || !bytes.Equal(rawMember(t, was), rawMember(t, f)):
			changed[name] = true
		}
	}
	want := map[string]bool{
		"[Content_Types].xml": true, "xl/workbook.xml": true, "xl/_rels/workbook.xml.rels": true,
		"xl/styles.xml": true, "xl/worksheets/sheet1.xml": true,
		"xl/worksheets/sheet2.xml (new)": true, "xl/comments1.xml (new)": true,
		"xl/drawings/vmlDrawing1.vml (new)": true, "xl/worksheets/_rels/sheet1.xml.rels (new)": true,
	}
	if !equalSets(changed, want) {
		t.Errorf("changed parts = %v, want %v", keys(changed), keys(want))
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("part %s lost", name)
		}
	}
	f := openBook(t, out)
	if got := strings.Join(f.GetSheetList(), ","); got != ResultSheet+","+unitSheet {
		t.Errorf("sheets = %s", got)
	}
	for cell, want := range map[string]string{"E5": fillError, "D6": fillWarning, "C30": fillInfo, "A9": fillWarning, "E6": "", "D8": ""} {
		if got := cellFill(t, f, unitSheet, cell); got != want {
			t.Errorf("%s fill = %q, want %q", cell, got, want)
		}
	}
	assertWellFormed(t, out)
	assertNoFormula(t, f, out)
}

// TestPatchDeclines gives the patcher each kind of package it leaves to
// excelize and checks that it declines with the reason, and that
// AnnotateUnit then writes exactly what the excelize path writes.
func TestPatchDeclines(t *testing.T) {
	plain := benchUnitBook(t, 12)
	sheet := "xl/worksheets/sheet1.xml"
	withResultSheet := func() []byte {
		f := openBook(t, plain)
		if _, err := f.NewSheet(ResultSheet); err != nil {
			t.Fatal(err)
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name     string
		data     []byte
		findings []checks.Finding
		reason   string
	}{
		{"not a zip", []byte("\xd0\xcf\x11\xe0 an old .xls"), nil, "not a zip"},
		{"unit's own note", buildUnitBook(t), nil, "notes or VML"},
		{"resubmitted", annotate(t, plain, patchFindings(), AnnotateOptions{}), nil, "notes or VML"},
		{"result sheet without notes", withResultSheet(), nil, "校验结果 sheet"},
		{"xlsm", rezip(t, plain, "[Content_Types].xml", replaceOnce(t, "sheet.main+xml", "sheet.macroEnabled.main+xml")), nil, "workbook part"},
		{"row without r", rezip(t, plain, sheet, replaceOnce(t, `<row r="5"`, `<row`)), nil, "row without a reference"},
		{"rows out of order", rezip(t, plain, sheet, replaceOnce(t, `<row r="5"`, `<row r="4"`)), nil, "row without a reference or out of order"},
		{"cell without r", rezip(t, plain, sheet, replaceOnce(t, `<c r="B5"`, `<c`)), nil, "cell without a reference"},
		{"cell in the wrong row", rezip(t, plain, sheet, replaceOnce(t, `<c r="B5"`, `<c r="B6"`)), nil, "out of place"},
		{"prefixed root", rezip(t, plain, sheet, func(b []byte) []byte {
			s := strings.Replace(string(b), "<worksheet xmlns=", "<x:worksheet xmlns:x=", 1)
			return []byte(strings.Replace(s, "</worksheet>", "</x:worksheet>", 1))
		}), nil, "worksheet root"},
		{"document type", rezip(t, plain, sheet, replaceOnce(t, "<worksheet", "<!DOCTYPE worksheet><worksheet")), nil, "document type"},
		{"encoding", rezip(t, plain, sheet, replaceOnce(t, `encoding="UTF-8"`, `encoding="GBK"`)), nil, "XML encoding"},
		{"unknown element", rezip(t, plain, sheet, replaceOnce(t, "</sheetData>", "</sheetData><foo/>")), nil, "worksheet element <foo>"},
		{"legacy drawing", rezip(t, plain, sheet, replaceOnce(t, "</worksheet>", `<legacyDrawing r:id="rId9"/></worksheet>`)), nil, "legacy drawing"},
		{"overlapping merges", rezip(t, plain, sheet, replaceOnce(t, `<mergeCell ref="D4:D5"></mergeCell>`, `<mergeCell ref="D4:D5"/><mergeCell ref="C5:E6"/>`)), nil, "overlapping"},
		{"bad merge", rezip(t, plain, sheet, replaceOnce(t, `<mergeCell ref="D4:D5"></mergeCell>`, `<mergeCell ref="D4"/>`)), nil, "merged range"},
		{"not well formed", rezip(t, plain, sheet, replaceOnce(t, "</sheetData>", "</sheetDat>")), nil, "does not match"},
		{"style out of range", rezip(t, plain, sheet, replaceOnce(t, `<c r="E5" s="`, `<c r="E5" s="999`)), patchFindings(), "out of range"},
		{"damaged member", damageMember(t, plain, "xl/sharedStrings.xml"), nil, "member"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := patchUnit(&buf, tc.data, tc.findings, AnnotateOptions{})
			if !isDecline(err) || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("patcher: %v, want a decline for %q", err, tc.reason)
			}
			if buf.Len() != 0 {
				t.Errorf("the patcher wrote %d bytes before declining", buf.Len())
			}
			var got, want bytes.Buffer
			errGot := AnnotateUnit(&got, tc.data, tc.findings, AnnotateOptions{})
			errWant := annotateExcelize(&want, tc.data, tc.findings, AnnotateOptions{})
			if (errGot == nil) != (errWant == nil) || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("AnnotateUnit (%v, %d bytes) differs from the excelize path (%v, %d bytes)", errGot, got.Len(), errWant, want.Len())
			}
		})
	}
}

// TestPatchChartSheet: a workbook with a chart sheet is patched (the
// excelize path panics moving sheets past a chart sheet, and the run then
// rebuilds the workbook from its cells); a finding on the chart sheet is
// listed, the chart kept, its tab no longer selected.
func TestPatchChartSheet(t *testing.T) {
	f := openBook(t, benchUnitBook(t, 12))
	if err := f.AddChartSheet("图表", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Values: "'" + unitSheet + "'!$A$4:$A$8"}}}); err != nil {
		t.Fatal(err)
	}
	f.SetActiveSheet(1)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	original := buf.Bytes()
	findings := append(patchFindings(), checks.Finding{Sheet: "图表", Row: 2, Col: "B", Rule: "S02", Severity: checks.Error, Message: "图表"})
	var out bytes.Buffer
	if err := patchUnit(&out, original, findings, AnnotateOptions{}); err != nil {
		t.Fatalf("patcher: %v", err)
	}
	assertWellFormed(t, out.Bytes())
	g := openBook(t, out.Bytes())
	if got := strings.Join(g.GetSheetList(), ","); got != ResultSheet+","+unitSheet+",图表" || g.GetActiveSheetIndex() != 0 {
		t.Errorf("sheets = %s, active %d", got, g.GetActiveSheetIndex())
	}
	if n := len(zipParts(t, out.Bytes(), "xl/charts/chart")); n != 1 {
		t.Errorf("%d charts", n)
	}
	if x := readPart(t, out.Bytes(), "xl/chartsheets/sheet2.xml"); strings.Contains(x, "tabSelected") {
		t.Errorf("chart sheet still selected: %s", x)
	}
	if v, _ := g.GetCellValue(ResultSheet, "G"+itoa(resultFirstRow+len(findings)-1)); v != "图表" {
		t.Errorf("chart sheet finding not listed: %q", v)
	}
	if fill := cellFill(t, g, unitSheet, "E5"); fill != fillError {
		t.Errorf("E5 fill = %q", fill)
	}
}

// damageMember flips bytes in the middle of a member's compressed data.
func damageMember(tb testing.TB, data []byte, name string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			tb.Fatal(err)
		}
		out := bytes.Clone(data)
		mid := off + int64(f.CompressedSize64)/2
		for i := mid; i < mid+8; i++ {
			out[i] ^= 0xA5
		}
		return out
	}
	tb.Fatalf("no member %s", name)
	return nil
}

// TestPatchSheetEdits patches a hand-written worksheet that exercises the
// edits: a row written as <row/>, rows and cells missing before, between
// and after the written ones, a row's spans, no <dimension>, no
// relationships namespace, table parts after which the drawing must not
// go, a selected tab. The patched sheet must be well formed, read back
// with the fills in place and the values unchanged.
func TestPatchSheetEdits(t *testing.T) {
	sheetXML := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
		`<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
		`<sheetData><row r="2" spans="2:3"><c r="B2" t="inlineStr"><is><t>甲 &lt;b&gt;</t></is></c><c r="D2"><v>4</v></c></row>` +
		`<row r="4"/><row r="6" s="0"><c r="C6" s="0"><v>1</v></c></row></sheetData>` +
		`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><extLst><ext uri="{X}"/></extLst></worksheet>`
	original := rezip(t, benchUnitBook(t, 3), "xl/worksheets/sheet1.xml", func([]byte) []byte { return []byte(sheetXML) })
	at := func(row int, col string, sev checks.Severity) checks.Finding {
		return checks.Finding{Sheet: unitSheet, Row: row, Col: col, Rule: "T01", Severity: sev, Message: col}
	}
	findings := []checks.Finding{
		at(1, "A", checks.Info),    // a row before the first
		at(2, "A", checks.Error),   // a cell before the first of its row
		at(2, "C", checks.Warning), // between two cells
		at(2, "F", checks.Info),    // after the last cell
		at(4, "B", checks.Error),   // in an empty <row/>
		at(5, "B", checks.Warning), // a row between two
		at(6, "C", checks.Info),    // an existing cell with s="0"
		at(9, "E", checks.Error),   // after the last row
		at(9, "A", checks.Error),   // the same new row
	}
	var buf bytes.Buffer
	if err := patchUnit(&buf, original, findings, AnnotateOptions{}); err != nil {
		t.Fatalf("patcher: %v", err)
	}
	out := buf.Bytes()
	assertWellFormed(t, out)
	x := readPart(t, out, "xl/worksheets/sheet1.xml")
	for _, want := range []string{`<dimension ref="A1:F9"/><sheetViews><sheetView workbookViewId="0"/>`,
		`xmlns:r="` + nsRel + `"`, `<legacyDrawing r:id="rId1"/><extLst>`, `<row r="2">`} {
		if !strings.Contains(x, want) {
			t.Errorf("patched sheet lacks %s:\n%s", want, x)
		}
	}
	f := openBook(t, out)
	want := map[string]string{"A1": fillInfo, "A2": fillError, "C2": fillWarning, "F2": fillInfo, "B4": fillError,
		"B5": fillWarning, "C6": fillInfo, "E9": fillError, "A9": fillError, "B2": "", "D2": "", "C5": ""}
	for cell, fill := range want {
		if got := cellFill(t, f, unitSheet, cell); got != fill {
			t.Errorf("%s fill = %q, want %q", cell, got, fill)
		}
	}
	for cell, v := range map[string]string{"B2": "甲 <b>", "D2": "4", "C6": "1"} {
		if got, _ := f.GetCellValue(unitSheet, cell); got != v {
			t.Errorf("%s = %q, want %q", cell, got, v)
		}
	}
	var slow bytes.Buffer
	if err := annotateExcelize(&slow, original, findings, AnnotateOptions{}); err != nil {
		t.Fatal(err)
	}
	CompareAnnotated(t, "hand-written sheet", out, slow.Bytes())
}

// TestXMLScanner checks what the scanner refuses and that attribute values
// may hold ">" and "/".
func TestXMLScanner(t *testing.T) {
	ok := `<?xml version="1.0"?><!-- c --><a x="1>2" y='/'><b/><c><![CDATA[<d>]]></c></a>`
	s := newXMLScanner([]byte(ok))
	var names []string
	var tg xmlTag
	for s.next(&tg) {
		if !tg.close {
			names = append(names, string(tg.name))
		}
	}
	if s.err != nil || strings.Join(names, ",") != "a,b,c" {
		t.Errorf("scan of %s: %v %v", ok, names, s.err)
	}
	if v, _ := attrOf(tg.attrs, "x"); v != "" {
		t.Errorf("end tag has attributes")
	}
	for _, bad := range []string{`<a><b></a>`, `<a x=1/>`, `<a x="1"y="2"/>`, `<a/><b/>`, `<a>`, `<a x="<"/>`,
		`<!DOCTYPE a><a/>`, `<a></a x="1">`, `<?xml version="1.0" encoding="UTF-16"?><a/>`, "\xff\xfe<\x00a\x00/\x00>\x00", `<a x="1" / >`} {
		s := newXMLScanner([]byte(bad))
		for s.next(&tg) {
		}
		if !isDecline(s.err) {
			t.Errorf("scanner accepted %q", bad)
		}
	}
}

func TestXMLTextEscapes(t *testing.T) {
	in := "a<b>&\"'\t\n\r\x01\xffz"
	var want bytes.Buffer
	if err := xml.EscapeText(&want, []byte(in)); err != nil {
		t.Fatal(err)
	}
	if got := xmlText(in); got != want.String() {
		t.Errorf("xmlText = %q, encoding/xml = %q", got, want.String())
	}
}

// assertWellFormed decodes every XML part of a package.
func assertWellFormed(tb testing.TB, data []byte) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") && !strings.HasSuffix(f.Name, ".vml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for err == nil {
			_, err = dec.Token()
		}
		rc.Close()
		if err != io.EOF {
			tb.Errorf("%s is not well formed: %v", f.Name, err)
		}
	}
}

func zipMembers(tb testing.TB, data []byte) map[string]*zip.File {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]*zip.File{}
	for _, f := range zr.File {
		out[f.Name] = f
	}
	return out
}

func rawMember(tb testing.TB, f *zip.File) []byte {
	tb.Helper()
	r, err := f.OpenRaw()
	if err != nil {
		tb.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func equalSets(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
