package reports

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The -update flag rewrites golden files instead of comparing them. It is
// registered here unless another test file of the package already did.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata")
	}
	return true
}()

// updatingGolden reports whether the test runs with -update.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkGolden compares got with testdata/<name>, or writes it with -update.
// Golden files are read by a person before they are committed.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updatingGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, gl, wl)
		}
	}
}

// renderBook renders a workbook as text, one line per cell that holds a
// value, a fill, a note, a link or a formula:
//
//	sheet!cell = "value" [fill=RRGGBB] [link=…] [formula=…] [comment=author:"…"]
//
// preceded per sheet by a "== sheet ==" line with its dimension, merged
// ranges and whether it is active or hidden, and followed by the number of
// chart parts in the package. Cells under a merged range other than its
// top-left one are left out (excelize reports the top-left value for them).
func renderBook(tb testing.TB, data []byte) string {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	for i, sheet := range f.GetSheetList() {
		renderSheet(tb, &b, f, i, sheet)
	}
	fmt.Fprintf(&b, "charts: %d\n", len(zipParts(tb, data, "xl/charts/chart")))
	return b.String()
}

// renderSheet writes one sheet of renderBook.
func renderSheet(tb testing.TB, b *strings.Builder, f *excelize.File, idx int, sheet string) {
	dim, _ := f.GetSheetDimension(sheet)
	var flags []string
	if idx == f.GetActiveSheetIndex() {
		flags = append(flags, "active")
	}
	if v, _ := f.GetSheetVisible(sheet); !v {
		flags = append(flags, "hidden")
	}
	fmt.Fprintf(b, "== %s == dim=%s %s\n", sheet, dim, strings.Join(flags, " "))
	merges, _ := f.GetMergeCells(sheet)
	covered := map[string]bool{} // cells under a merge, except its top-left
	for _, m := range merges {
		fmt.Fprintf(b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					cell, _ := excelize.CoordinatesToCellName(c, r)
					covered[cell] = true
				}
			}
		}
	}
	comments := map[string]excelize.Comment{}
	cs, _ := f.GetComments(sheet)
	for _, c := range cs {
		comments[c.Cell] = c
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return // a chart sheet
	}
	maxCol, maxRow := len(rows), 0
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	maxRow = len(rows)
	for cell := range comments {
		c, r, _ := excelize.CellNameToCoordinates(cell)
		maxCol, maxRow = max(maxCol, c), max(maxRow, r)
	}
	for r := 1; r <= maxRow+2; r++ {
		for c := 1; c <= maxCol+2; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			if covered[cell] {
				continue
			}
			if line := renderCell(tb, f, sheet, cell, comments[cell]); line != "" {
				b.WriteString(line + "\n")
			}
		}
	}
}

// renderCell renders one cell, or "" when it holds nothing of interest.
func renderCell(tb testing.TB, f *excelize.File, sheet, cell string, note excelize.Comment) string {
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		tb.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	var parts []string
	if v != "" {
		parts = append(parts, fmt.Sprintf("= %q", v))
	}
	if fill := cellFill(tb, f, sheet, cell); fill != "" {
		parts = append(parts, "[fill="+fill+"]")
	}
	if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok {
		parts = append(parts, "[link="+link+"]")
	}
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		parts = append(parts, "[formula="+formula+"]")
	}
	if note.Cell != "" {
		parts = append(parts, fmt.Sprintf("[comment=%s:%q]", note.Author, commentText(note)))
	}
	if len(parts) == 0 {
		return ""
	}
	return sheet + "!" + cell + " " + strings.Join(parts, " ")
}

// cellFill returns the solid fill colour of a cell as RRGGBB, or "".
func cellFill(tb testing.TB, f *excelize.File, sheet, cell string) string {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		tb.Fatalf("style of %s!%s: %v", sheet, cell, err)
	}
	st, err := f.GetStyle(id)
	if err != nil || st.Fill.Type != "pattern" || st.Fill.Pattern != 1 || len(st.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToUpper(strings.TrimPrefix(st.Fill.Color[0], "#"))
	return c[max(len(c)-6, 0):]
}

// zipParts lists the package parts whose names start with prefix, sorted.
func zipParts(tb testing.TB, data []byte, prefix string) []string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("open zip: %v", err)
	}
	var names []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, prefix) {
			names = append(names, zf.Name)
		}
	}
	sort.Strings(names)
	return names
}

// readPart returns the text of one package part.
func readPart(tb testing.TB, data []byte, name string) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("open zip: %v", err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		tb.Fatalf("open %s: %v", name, err)
	}
	defer rc.Close()
	var b strings.Builder
	if _, err := io.Copy(&b, rc); err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return b.String()
}

// chartXML picks the parts of a chart part that the golden files show.
var (
	chartKind = regexp.MustCompile(`<(?:c:)?(\w+Chart)>`)
	chartAttr = regexp.MustCompile(`<(?:c:)?(barDir|grouping|varyColors) val="(\w+)"`)
	chartRef  = regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
)

// renderCharts renders each chart part as its kind, bar direction and
// grouping, and the cell references of its series.
func renderCharts(tb testing.TB, data []byte) string {
	tb.Helper()
	var b strings.Builder
	for _, part := range zipParts(tb, data, "xl/charts/chart") {
		x := readPart(tb, data, part)
		fmt.Fprintf(&b, "%s:", part)
		for _, m := range chartKind.FindAllStringSubmatch(x, -1) {
			b.WriteString(" " + m[1])
		}
		for _, m := range chartAttr.FindAllStringSubmatch(x, -1) {
			b.WriteString(" " + m[1] + "=" + m[2])
		}
		b.WriteString("\n")
		for _, m := range chartRef.FindAllStringSubmatch(x, -1) {
			b.WriteString("  " + html.UnescapeString(m[1]) + "\n")
		}
	}
	return b.String()
}
