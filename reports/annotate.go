package reports

import (
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
)

// ResultSheet is the name of the sheet AnnotateUnit puts first in the unit's
// workbook, listing every finding with a link to its cell.
const ResultSheet = "校验结果"

// annotationAuthor is the comment author of every note AnnotateUnit adds;
// notes by this author are recognised as the tool's own on a resubmitted
// workbook and replaced.
const annotationAuthor = "lianfang"

// AnnotateOptions tells AnnotateUnit what to show besides the findings.
type AnnotateOptions struct {
	// Unit and File name the unit and its returned file in the second line
	// of the 校验结果 sheet; either may be empty.
	Unit string
	File string
	// Sheets are the workbook's sheets as read by the importer. They are
	// used only when the original bytes are nil or cannot be opened as
	// .xlsx (a legacy .xls, a damaged file): the annotated workbook is then
	// a plain copy of these rows, every cell written as text.
	Sheets []importer.Sheet
}

// AnnotateUnit writes to w the unit's 退回 workbook: its own workbook
// (original, .xlsx or .xlsm bytes) with every cell a finding points at
// filled by severity (red error, yellow warning, light blue info; the cell's
// font, border and number format kept) and carrying a note with each
// finding's rule, severity, message and 建议, plus a first, active sheet
// 校验结果 with the verdict and a table of all findings linking to their
// cells. Findings with Row 0 appear only in that table. Annotations left by
// an earlier run on a resubmitted workbook (its 校验结果 sheet, the notes by
// lianfang and their fills) are removed first. Every text is written as a
// string, never a formula. The output is always an .xlsx workbook.
//
// The caller passes only this unit's findings; AnnotateUnit adds no other
// data.
//
// The workbook is patched: the changed parts are rewritten and every other
// part of the original is copied as it is. A package the patcher does not
// handle (a legacy .xls or a damaged file, an .xlsm, a resubmitted 退回
// workbook or any workbook that has notes already, XML written in a way it
// does not edit) goes through excelize instead, with the same outcome.
func AnnotateUnit(w io.Writer, original []byte, findings []checks.Finding, opt AnnotateOptions) error {
	if len(original) > 0 {
		err := patchUnit(w, original, findings, opt)
		if err == nil || !isDecline(err) {
			return err
		}
	}
	return annotateExcelize(w, original, findings, opt)
}

// annotateExcelize is AnnotateUnit through excelize: the workbook opened,
// changed and written whole.
func annotateExcelize(w io.Writer, original []byte, findings []checks.Finding, opt AnnotateOptions) error {
	f, err := openUnitBook(original, opt.Sheets)
	if err != nil {
		return err
	}
	defer f.Close()
	a := newAnnotator(f)
	a.measure()
	if err := a.clearPrevious(); err != nil {
		return fmt.Errorf("annotate: remove earlier notes: %w", err)
	}
	if err := a.mark(findings); err != nil {
		return fmt.Errorf("annotate: %w", err)
	}
	if err := a.fixDimensions(); err != nil {
		return fmt.Errorf("annotate: dimensions: %w", err)
	}
	if err := writeResultSheet(f, findings, opt, a.sheets); err != nil {
		return fmt.Errorf("annotate: %s sheet: %w", ResultSheet, err)
	}
	// An .xlsm original is written back with the .xlsx workbook content
	// type, matching the file name the caller gives it.
	f.Path = "annotated.xlsx"
	if err := f.Write(w); err != nil {
		return fmt.Errorf("annotate: write workbook: %w", err)
	}
	return nil
}

// openUnitBook opens the unit's workbook, or builds a plain copy of sheets
// when original is nil or not an .xlsx package excelize can open.
func openUnitBook(original []byte, sheets []importer.Sheet) (*excelize.File, error) {
	if len(original) > 0 {
		f, err := excelize.OpenReader(bytes.NewReader(original))
		if err == nil {
			return f, nil
		}
	}
	return plainCopy(sheets)
}

// plainCopy builds a workbook from the importer's sheets: the 校验结果
// sheet first (filled in later), then every sheet's rows as text, hidden
// sheets kept hidden. Sheets whose names excelize refuses are left out;
// their findings are still listed.
func plainCopy(sheets []importer.Sheet) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", ResultSheet); err != nil {
		return nil, fmt.Errorf("annotate: plain copy: %w", err)
	}
	for _, s := range sheets {
		if s.Name == ResultSheet {
			continue
		}
		if _, err := f.NewSheet(s.Name); err != nil {
			continue
		}
		if err := copyRows(f, s); err != nil {
			f.Close()
			return nil, fmt.Errorf("annotate: plain copy of %s: %w", s.Name, err)
		}
		if s.Hidden {
			if err := f.SetSheetVisible(s.Name, false); err != nil {
				f.Close()
				return nil, fmt.Errorf("annotate: plain copy of %s: %w", s.Name, err)
			}
		}
	}
	return f, nil
}

// copyRows writes a sheet's rows cell by cell with SetCellStr, so nothing a
// unit wrote turns into a formula or a number.
func copyRows(f *excelize.File, s importer.Sheet) error {
	for i, row := range s.Rows {
		for j, v := range row {
			if v == "" {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStr(s.Name, cell, v); err != nil {
				return err
			}
		}
	}
	return nil
}
