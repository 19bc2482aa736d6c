package reports

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// AnnotateByPatch and AnnotateByExcelize run one path of AnnotateUnit, for
// the differential tests of package reports_test.
func AnnotateByPatch(original []byte, findings []checks.Finding, opt AnnotateOptions) ([]byte, error) {
	var buf bytes.Buffer
	err := patchUnit(&buf, original, findings, opt)
	return buf.Bytes(), err
}

func AnnotateByExcelize(original []byte, findings []checks.Finding, opt AnnotateOptions) ([]byte, error) {
	var buf bytes.Buffer
	err := annotateExcelize(&buf, original, findings, opt)
	return buf.Bytes(), err
}

// IsDecline reports whether err is the patcher declining a workbook.
func IsDecline(err error) bool { return isDecline(err) }

// CompareAnnotated reads two annotated workbooks back with excelize and
// reports every difference a reader would see: sheet order, visibility and
// the active sheet, defined names, and per sheet the dimension, merged
// ranges, notes, and for every cell up to two rows and columns past the
// last used one its value, formula, link and style (fill, font, border,
// number format, alignment, protection). On the 校验结果 sheet it also
// compares row heights, column widths, panes, page layout and autofilter.
func CompareAnnotated(tb testing.TB, label string, got, want []byte) {
	tb.Helper()
	g, err := excelize.OpenReader(bytes.NewReader(got))
	if err != nil {
		tb.Fatalf("%s: open patched book: %v", label, err)
	}
	defer g.Close()
	w, err := excelize.OpenReader(bytes.NewReader(want))
	if err != nil {
		tb.Fatalf("%s: open excelize book: %v", label, err)
	}
	defer w.Close()
	diffs := 0
	diff := func(what string, a, b any) {
		tb.Helper()
		if !reflect.DeepEqual(a, b) {
			if diffs++; diffs > 12 {
				return
			}
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			tb.Errorf("%s: %s:\npatched:  %s\nexcelize: %s", label, what, ja, jb)
		}
	}
	diff("note boxes", noteAnchors(tb, got), noteAnchors(tb, want))
	diff("sheets", g.GetSheetList(), w.GetSheetList())
	diff("active sheet", g.GetActiveSheetIndex(), w.GetActiveSheetIndex())
	diff("defined names", definedNames(g), definedNames(w))
	for _, sheet := range w.GetSheetList() {
		gv, _ := g.GetSheetVisible(sheet)
		wv, _ := w.GetSheetVisible(sheet)
		diff(sheet+" visible", gv, wv)
		gd, _ := g.GetSheetDimension(sheet)
		wd, _ := w.GetSheetDimension(sheet)
		diff(sheet+" dimension", gd, wd)
		diff(sheet+" merges", mergeRefs(g, sheet), mergeRefs(w, sheet))
		gn, wn := noteMap(g, sheet), noteMap(w, sheet)
		diff(sheet+" notes", gn, wn)
		rows, err := w.GetRows(sheet)
		if err != nil {
			continue // a chart sheet
		}
		grows, _ := g.GetRows(sheet)
		maxRow, maxCol := max(len(rows), len(grows)), 0
		for _, r := range append(rows, grows...) {
			maxCol = max(maxCol, len(r))
		}
		cells := map[string]bool{}
		for cell := range wn {
			cells[cell] = true
			_, r, _ := excelize.CellNameToCoordinates(cell)
			maxRow = max(maxRow, r)
		}
		for r := 1; r <= maxRow+2; r++ {
			for c := 1; c <= maxCol+2; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				cells[cell] = true
			}
		}
		order := make([]string, 0, len(cells))
		for cell := range cells {
			order = append(order, cell)
		}
		sort.Strings(order)
		for _, cell := range order {
			gc, wc := cellLook(tb, g, sheet, cell), cellLook(tb, w, sheet, cell)
			sameDefaultFont(g, gc.Style, wc.Style)
			autoBorderColor(gc.Style)
			autoBorderColor(wc.Style)
			diff(sheet+"!"+cell, gc, wc)
		}
		if sheet != ResultSheet {
			continue
		}
		for r := 1; r <= maxRow; r++ {
			gh, _ := g.GetRowHeight(sheet, r)
			wh, _ := w.GetRowHeight(sheet, r)
			diff(fmt.Sprintf("%s row %d height", sheet, r), gh, wh)
		}
		for c := 1; c <= maxCol; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			gw, _ := g.GetColWidth(sheet, col)
			ww, _ := w.GetColWidth(sheet, col)
			diff(sheet+" column "+col+" width", gw, ww)
		}
		gp, _ := g.GetPanes(sheet)
		wp, _ := w.GetPanes(sheet)
		diff(sheet+" panes", gp, wp)
		gl, _ := g.GetPageLayout(sheet)
		wl, _ := w.GetPageLayout(sheet)
		diff(sheet+" page layout", gl, wl)
		gs, _ := g.GetSheetProps(sheet)
		ws, _ := w.GetSheetProps(sheet)
		diff(sheet+" fit to page", gs.FitToPage, ws.FitToPage)
	}
}

// cellShown is what a reader sees of one cell.
type cellShown struct {
	Value, Formula, Link string
	Style                *excelize.Style
}

func cellLook(tb testing.TB, f *excelize.File, sheet, cell string) cellShown {
	tb.Helper()
	var c cellShown
	c.Value, _ = f.GetCellValue(sheet, cell)
	c.Formula, _ = f.GetCellFormula(sheet, cell)
	if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok {
		c.Link = link
	}
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		tb.Fatalf("style of %s!%s: %v", sheet, cell, err)
	}
	if c.Style, err = f.GetStyle(id); err != nil {
		tb.Fatalf("style %d of %s!%s: %v", id, sheet, cell, err)
	}
	return c
}

func definedNames(f *excelize.File) []string {
	var out []string
	for _, dn := range f.GetDefinedName() {
		out = append(out, dn.Name+"|"+dn.Scope+"|"+dn.RefersTo)
	}
	sort.Strings(out)
	return out
}

func mergeRefs(f *excelize.File, sheet string) []string {
	ms, _ := f.GetMergeCells(sheet)
	var out []string
	for _, m := range ms {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(out)
	return out
}

func noteMap(f *excelize.File, sheet string) map[string]string {
	cs, _ := f.GetComments(sheet)
	out := map[string]string{}
	for _, c := range cs {
		out[c.Cell] = c.Author + ":" + commentText(c)
	}
	return out
}

// PatchDeclineReason returns why the patcher declines original, "" when
// it does not.
func PatchDeclineReason(original []byte, findings []checks.Finding) string {
	_, err := AnnotateByPatch(original, findings, AnnotateOptions{})
	if err == nil {
		return ""
	}
	return strings.TrimPrefix(err.Error(), "annotate patch: ")
}

// sameDefaultFont lets a format that does not apply its font (excelize
// reads no font for it) match one that applies the workbook's default
// font: the patcher keeps a cell's format as the unit wrote it, fill
// aside, where excelize writes the font it reads. Both show the default
// font.
func sameDefaultFont(f *excelize.File, a, b *excelize.Style) {
	def, _ := f.GetDefaultFont()
	switch {
	case a.Font == nil && b.Font != nil && b.Font.Family == def:
		a.Font = b.Font
	case b.Font == nil && a.Font != nil && a.Font.Family == def:
		b.Font = a.Font
	}
}

// autoBorderColor reads a border colour written as transparent black
// (excelize writes the automatic colour it read as "" so) as automatic.
func autoBorderColor(st *excelize.Style) {
	for i := range st.Border {
		if st.Border[i].Color == "00000000" {
			st.Border[i].Color = ""
		}
	}
}

var vmlAnchor = regexp.MustCompile(`<x:Anchor>([^<]*)</x:Anchor>.*?<x:Row>(\d+)</x:Row><x:Column>(\d+)</x:Column>`)

// noteAnchors lists where each note box of every VML part sits, sorted.
func noteAnchors(tb testing.TB, data []byte) []string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".vml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range vmlAnchor.FindAllStringSubmatch(string(b), -1) {
			out = append(out, f.Name+" "+m[2]+","+m[3]+": "+m[1])
		}
	}
	sort.Strings(out)
	return out
}
