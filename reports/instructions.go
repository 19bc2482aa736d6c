package reports

import (
	"math"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// Layout of the 填表说明 sheet: one wide wrapped column.
const (
	instrWidth      = 72 // column A, in characters: fits A4 portrait
	instrLineHeight = 15 // points per wrapped line
)

// writeInstructions writes the 填表说明 sheet, one paragraph a row.
func writeInstructions(f *excelize.File, st *templateStyles) error {
	sheet := importer.InstructionSheet
	if err := f.SetColWidth(sheet, "A", "A", instrWidth); err != nil {
		return err
	}
	styles := map[paraKind]int{
		paraTitle: st.docTitle, paraHead: st.docHead, paraBody: st.docBody, paraExample: st.docExample,
	}
	for i, p := range instructions() {
		cell := tplCell(1, i+1)
		if err := f.SetCellStr(sheet, cell, p.text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell, cell, styles[p.kind]); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, i+1, paraHeight(p)); err != nil {
			return err
		}
	}
	portrait, a4, one, zero, fit := "portrait", 9, 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &portrait, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	margin := 0.5
	return f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin,
	})
}

// paraHeight estimates the row height a paragraph needs when wrapped in
// column A: CJK characters are two columns wide, examples are indented.
func paraHeight(p para) float64 {
	switch p.kind {
	case paraTitle:
		return 30
	case paraHead:
		return 22
	}
	width := float64(instrWidth - 2)
	if p.kind == paraExample {
		width -= 6
	}
	lines := math.Ceil(displayWidth(p.text) / width)
	return max(lines, 1)*instrLineHeight + 4
}

// displayWidth is the width of s in character columns: wide (CJK and
// full-width) characters count two.
func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
