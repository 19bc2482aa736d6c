package reports

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// catalogue writes the 职权目录 sheet of the template.
type catalogue struct {
	f     *excelize.File
	st    *templateStyles
	cols  []importer.Column
	lists *dropLists
	opt   TemplateOptions
}

// catSheet is the catalogue sheet's name.
const catSheet = importer.CatalogueSheet

// Texts of the dropdown error alerts.
const (
	dropErrorTitle = "输入有误"
	dropErrorText  = "请从下拉列表中选择:"
)

// write writes the whole sheet: title, unit info, headers, validations,
// data rows and the print layout.
func (c *catalogue) write() error {
	for _, step := range []func() error{
		c.writeTitle, c.writeUnitInfo, c.writeHeaders, c.writeValidations,
		c.writeRows, c.writeLayout,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// lastCol is the number of the catalogue's last column.
func (c *catalogue) lastCol() int { return max(len(c.cols), 1) }

// lastValidatedRow is the last row the dropdowns and input messages reach.
func (c *catalogue) lastValidatedRow() int {
	return max(validatedRows, firstDataRow+len(c.opt.Rows)-1)
}

// writeTitle writes 职权目录表 in row 1, merged across the table.
func (c *catalogue) writeTitle() error {
	first, last := tplCell(1, titleRow), tplCell(c.lastCol(), titleRow)
	if err := c.f.SetCellStr(catSheet, first, importer.Title); err != nil {
		return err
	}
	if c.lastCol() > 1 {
		if err := c.f.MergeCell(catSheet, first, last); err != nil {
			return err
		}
	}
	if err := c.f.SetCellStyle(catSheet, first, last, c.st.title); err != nil {
		return err
	}
	return c.f.SetRowHeight(catSheet, titleRow, 36)
}

// writeHeaders writes the column headers of row 3, each with its hint as
// the input message of a data validation, and sets the column widths.
func (c *catalogue) writeHeaders() error {
	for i, col := range c.cols {
		cell := tplCell(i+1, headerRow)
		if err := c.f.SetCellStr(catSheet, cell, col.Header); err != nil {
			return err
		}
		if err := c.f.SetColWidth(catSheet, tplCol(i+1), tplCol(i+1), col.Width); err != nil {
			return err
		}
		if col.Hint == "" {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cell
		dv.SetInput(tplPromptTitle(col.Header), tplPromptText(col.Hint))
		if err := c.f.AddDataValidation(catSheet, dv); err != nil {
			return err
		}
	}
	last := tplCell(c.lastCol(), headerRow)
	if err := c.f.SetCellStyle(catSheet, tplCell(1, headerRow), last, c.st.header); err != nil {
		return err
	}
	return c.f.SetRowHeight(catSheet, headerRow, 30)
}

// writeValidations adds the dropdowns of the enumerated columns and the
// input message of 公开形式 over the data rows.
func (c *catalogue) writeValidations() error {
	last := c.lastValidatedRow()
	for i, col := range c.cols {
		letter := tplCol(i + 1)
		sqref := letter + strconv.Itoa(firstDataRow) + ":" + letter + strconv.Itoa(last)
		var dv *excelize.DataValidation
		switch {
		case col.Enum != nil && c.lists.byKey[col.Key] != "":
			dv = listValidation(c.lists.byKey[col.Key], col.Enum.Values)
		case col.Key == importer.KeyForm:
			dv = excelize.NewDataValidation(true)
			dv.SetInput(tplPromptTitle(col.Header), tplPromptText(importer.FormHint))
		default:
			continue
		}
		dv.Sqref = sqref
		if err := c.f.AddDataValidation(catSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// listValidation is a list validation over the values at ref, refusing anything
// else with a Chinese error message naming the values.
func listValidation(ref string, values []string) *excelize.DataValidation {
	dv := excelize.NewDataValidation(true)
	dv.SetSqrefDropList(ref)
	dv.SetError(excelize.DataValidationErrorStyleStop, dropErrorTitle,
		dropErrorText+strings.Join(values, "、"))
	return dv
}

// writeLayout freezes the header and sets up A4 landscape printing, fit to
// one page wide, repeating rows 1 to 3 on every page.
func (c *catalogue) writeLayout() error {
	top := tplCell(1, firstDataRow)
	if err := c.f.SetPanes(catSheet, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := c.f.SetPageLayout(catSheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	fit := true
	if err := c.f.SetSheetProps(catSheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, edge, hf := 0.4, 0.5, 0.3
	if err := c.f.SetPageMargins(catSheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	if err := c.f.SetHeaderFooter(catSheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C第 &P 页,共 &N 页",
	}); err != nil {
		return err
	}
	return c.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: catSheet + "!$" + strconv.Itoa(titleRow) + ":$" + strconv.Itoa(headerRow),
		Scope:    catSheet,
	})
}
