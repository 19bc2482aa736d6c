package reports

import (
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
)

// benchUnitBook makes a returned workbook of n data rows below a title,
// a unit-info row and the header, every template column filled, with a
// border style on the data and the power columns merged in pairs.
func benchUnitBook(tb testing.TB, n int) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	cols := templateKeysForBench()
	if err := f.SetSheetName("Sheet1", unitSheet); err != nil {
		tb.Fatal(err)
	}
	boxed, err := f.NewStyle(&excelize.Style{Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
		Alignment: &excelize.Alignment{WrapText: true}})
	if err != nil {
		tb.Fatal(err)
	}
	_ = f.SetCellStr(unitSheet, "A1", importer.Title)
	_ = f.SetCellStr(unitSheet, "A2", "填报单位")
	_ = f.SetCellStr(unitSheet, "B2", "实验小学")
	for j, k := range cols {
		cell, _ := excelize.CoordinatesToCellName(j+1, 3)
		_ = f.SetCellStr(unitSheet, cell, importer.ColumnOf(k).Header)
	}
	for i := 0; i < n; i++ {
		row := make([]any, len(cols))
		for j, k := range cols {
			row[j] = fmt.Sprintf("%s 第%d行 因把关不严导致学籍造假给单位造成损失", importer.ColumnOf(k).Header, i+4)
		}
		row[0] = i + 1
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		if err := f.SetSheetRow(unitSheet, cell, &row); err != nil {
			tb.Fatal(err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), n+3)
	if err := f.SetCellStyle(unitSheet, "A4", last, boxed); err != nil {
		tb.Fatal(err)
	}
	for i := 4; i+1 < n+4; i += 2 {
		_ = f.MergeCell(unitSheet, fmt.Sprintf("D%d", i), fmt.Sprintf("D%d", i+1))
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func templateKeysForBench() []importer.Key {
	var keys []importer.Key
	for _, c := range importer.Schema {
		if c.InTemplate {
			keys = append(keys, c.Key)
		}
	}
	return keys
}

// benchFindings spreads n findings over the data rows, some sharing a cell.
func benchFindings(n, rows int) []checks.Finding {
	sevs := []checks.Severity{checks.Error, checks.Warning, checks.Info}
	cols := []string{"D", "E", "K", "L", "N", "P"}
	out := []checks.Finding{{Rule: "C01", Severity: checks.Error, Message: "缺少出纳岗位职权"}}
	for i := 1; i < n; i++ {
		out = append(out, checks.Finding{Sheet: unitSheet, Row: 4 + (i*7)%rows, Col: cols[i%len(cols)],
			Column: "风险点", Rule: fmt.Sprintf("R0%d", i%9+1), Severity: sevs[i%3],
			Message: fmt.Sprintf("第 %d 条:风险点表述过于笼统,没有写明具体的行为", i), Suggestion: "请写明具体的风险行为"})
	}
	return out
}

// BenchmarkAnnotate is AnnotateUnit on a 200-row workbook with 50
// findings; it takes the package patcher's path.
func BenchmarkAnnotate(b *testing.B) {
	original := benchUnitBook(b, 200)
	findings := benchFindings(50, 200)
	if err := patchUnit(io.Discard, original, findings, AnnotateOptions{}); err != nil {
		b.Fatalf("the patcher declines the benchmark workbook: %v", err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(original)))
	for b.Loop() {
		if err := AnnotateUnit(io.Discard, original, findings, AnnotateOptions{Unit: "实验小学"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnotateExcelize is the same workbook through the excelize
// path that AnnotateUnit falls back to, for comparison with the patcher.
func BenchmarkAnnotateExcelize(b *testing.B) {
	original := benchUnitBook(b, 200)
	findings := benchFindings(50, 200)
	b.ReportAllocs()
	b.SetBytes(int64(len(original)))
	for b.Loop() {
		if err := annotateExcelize(io.Discard, original, findings, AnnotateOptions{Unit: "实验小学"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAnnotateManyFindingsFewStyles checks the style cache: a thousand
// findings over cells of one format add a handful of styles.
func TestAnnotateManyFindingsFewStyles(t *testing.T) {
	original := benchUnitBook(t, 200)
	before := countStyles(t, original)
	out := annotate(t, original, benchFindings(1000, 200), AnnotateOptions{})
	if added := countStyles(t, out) - before; added > 20 {
		t.Errorf("annotation added %d styles", added)
	}
}

// countStyles counts the cell formats (cellXfs) of a workbook.
func countStyles(tb testing.TB, data []byte) int {
	x := readPart(tb, data, "xl/styles.xml")
	var n int
	if _, err := fmt.Sscanf(x[indexAfter(x, `<cellXfs count="`):], "%d", &n); err != nil {
		tb.Fatalf("count styles: %v", err)
	}
	return n
}

func indexAfter(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i + len(sub)
		}
	}
	return len(s)
}
