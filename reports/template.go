package reports

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// CatalogueRow is one data row of the 职权目录 sheet: the text of each
// column, by key. A row whose power keys (importer.PowerKeys) are all empty
// is a continuation row: another risk point of the power above.
type CatalogueRow map[importer.Key]string

// TemplateOptions says what WriteTemplate puts into the workbook. The zero
// value writes the blank 附件1 template.
type TemplateOptions struct {
	// Unit is written into the unit-info pairs of row 2.
	Unit importer.UnitInfo
	// Rows are written from row 4 on, one risk point per row.
	Rows []CatalogueRow
	// MergePowers merges each power's cells vertically over its
	// continuation rows, as many units fill the table.
	MergePowers bool
	// Columns lists the catalogue's columns in order; nil means every
	// column of importer.Schema with InTemplate. A key that is not in the
	// schema becomes an extra column whose header is the key's text; the
	// samples use this for old or altered forms.
	Columns []importer.Key
	// Created is stored as the workbook's created and modified time; the
	// zero value stores TemplateEpoch so that equal options give equal
	// bytes.
	Created time.Time
}

// TemplateEpoch is the document time of a template written without
// TemplateOptions.Created.
var TemplateEpoch = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Layout of the 职权目录 sheet.
const (
	titleRow      = 1
	unitRow       = 2
	headerRow     = 3
	firstDataRow  = 4
	validatedRows = 1000 // dropdowns and input messages reach this row
	styledRows    = 50   // a blank template has this many bordered rows
)

// WriteTemplate writes the 附件1 职权目录表 workbook to w: the 职权目录
// catalogue sheet, the 填表说明 instructions and the hidden 下拉列表 sheet
// with the dropdown lists and the template-version marker. With opt.Rows
// it writes a filled catalogue instead of a blank one. Every cell value is
// written as text (序号 as a number when it is one), never as a formula.
func WriteTemplate(w io.Writer, opt TemplateOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildTemplate(f, opt); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

// buildTemplate fills a new workbook with the three sheets, in order.
func buildTemplate(f *excelize.File, opt TemplateOptions) error {
	if err := f.SetSheetName("Sheet1", importer.CatalogueSheet); err != nil {
		return err
	}
	for _, name := range []string{importer.InstructionSheet, importer.ListSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	st, err := newTemplateStyles(f)
	if err != nil {
		return err
	}
	cols := templateColumns(opt.Columns)
	lists, err := writeListSheet(f, st)
	if err != nil {
		return err
	}
	c := &catalogue{f: f, st: st, cols: cols, lists: lists, opt: opt}
	if err := c.write(); err != nil {
		return err
	}
	if err := writeInstructions(f, st); err != nil {
		return err
	}
	if err := f.SetSheetVisible(importer.ListSheet, false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return setDocProps(f, opt.Created)
}

// templateColumns resolves the column list: the given keys, or every
// template column of the schema.
func templateColumns(keys []importer.Key) []importer.Column {
	if keys == nil {
		cols := make([]importer.Column, 0, len(importer.Schema))
		for _, c := range importer.Schema {
			if c.InTemplate {
				cols = append(cols, c)
			}
		}
		return cols
	}
	cols := make([]importer.Column, 0, len(keys))
	for _, k := range keys {
		c := importer.ColumnOf(k)
		if c.Width == 0 {
			c.Width = 14
		}
		cols = append(cols, c)
	}
	return cols
}

// setDocProps stamps the document properties with a fixed time, so that the
// same options always give the same bytes.
func setDocProps(f *excelize.File, created time.Time) error {
	if created.IsZero() {
		created = TemplateEpoch
	}
	stamp := created.UTC().Format(time.RFC3339)
	return f.SetDocProps(&excelize.DocProperties{
		Title:          importer.Title,
		Subject:        "廉政风险防控 附件1 职权目录表",
		Creator:        "lianfang",
		LastModifiedBy: "lianfang",
		Description:    importer.TemplateVersion,
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	})
}

// tplCell returns the A1 name of a 1-based column and row.
func tplCell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// tplCol returns the letters of a 1-based column.
func tplCol(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// Excel's limits on a data validation's input message.
const (
	maxPromptTitle = 32
	maxPromptText  = 255
)

// tplPromptTitle cuts a prompt title to Excel's limit.
func tplPromptTitle(s string) string { return cutRunes(s, maxPromptTitle) }

// tplPromptText cuts a prompt text to Excel's limit.
func tplPromptText(s string) string { return cutRunes(s, maxPromptText) }

// cutRunes returns s cut to at most n UTF-16 units, the unit Excel counts.
func cutRunes(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}
