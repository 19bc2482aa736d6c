package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// Layout of the hidden 下拉列表 sheet: A1 holds importer.VersionLabel and
// B1 importer.TemplateVersion; from column A on, row 2 names each list and
// its values follow from row 3 down.
const (
	listNameRow  = 2
	listFirstRow = 3
)

// dropLists maps each dropdown to the absolute range of its values on the
// list sheet, such as 下拉列表!$A$3:$A$5.
type dropLists struct {
	byKey    map[importer.Key]string
	unitType string
}

// writeListSheet writes the version marker and one column per dropdown
// list: every enumerated column of the schema, then the unit types.
func writeListSheet(f *excelize.File, st *templateStyles) (*dropLists, error) {
	sheet := importer.ListSheet
	if err := f.SetCellStr(sheet, "A1", importer.VersionLabel); err != nil {
		return nil, err
	}
	if err := f.SetCellStr(sheet, "B1", importer.TemplateVersion); err != nil {
		return nil, err
	}
	lists := &dropLists{byKey: make(map[importer.Key]string)}
	col := 0
	add := func(name string, values []string) (string, error) {
		col++
		if err := f.SetCellStr(sheet, tplCell(col, listNameRow), name); err != nil {
			return "", err
		}
		for i, v := range values {
			if err := f.SetCellStr(sheet, tplCell(col, listFirstRow+i), v); err != nil {
				return "", err
			}
		}
		letter := tplCol(col)
		return fmt.Sprintf("%s!$%s$%d:$%s$%d", sheet, letter, listFirstRow,
			letter, listFirstRow+len(values)-1), nil
	}
	for _, c := range importer.Schema {
		if c.Enum == nil {
			continue
		}
		ref, err := add(c.Header, c.Enum.Values)
		if err != nil {
			return nil, err
		}
		lists.byKey[c.Key] = ref
	}
	ref, err := add(importer.LabelUnitType, importer.UnitTypes)
	if err != nil {
		return nil, err
	}
	lists.unitType = ref
	if err := f.SetCellStyle(sheet, tplCell(1, listNameRow), tplCell(col, listNameRow), st.listHead); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(sheet, "A", tplCol(col), 16); err != nil {
		return nil, err
	}
	return lists, nil
}
