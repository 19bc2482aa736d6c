package reports

import (
	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// resultStyles are the cell styles of the 校验结果 sheet.
type resultStyles struct {
	title, legend, header, body, link int
	severity                          map[checks.Severity]int
}

// newResultStyles registers the 校验结果 styles in f.
func newResultStyles(f *excelize.File) (resultStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: resultFont, Size: size, Bold: bold}
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := []*excelize.Style{
		{Font: font(14, true), Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: font(10, false), Alignment: wrapTop},
		{Font: font(10, true), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}},
		{Font: font(10, false), Border: border, Alignment: wrapTop},
		{Font: &excelize.Font{Family: resultFont, Size: 10, Color: "0563C1", Underline: "single"}, Border: border, Alignment: wrapTop},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return resultStyles{}, err
		}
		ids[i] = id
	}
	st := resultStyles{title: ids[0], legend: ids[1], header: ids[2], body: ids[3], link: ids[4],
		severity: map[checks.Severity]int{}}
	for _, sev := range []checks.Severity{checks.Error, checks.Warning, checks.Info} {
		id, err := f.NewStyle(&excelize.Style{Font: font(10, false), Border: border, Alignment: wrapTop,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityColor(sev)}}})
		if err != nil {
			return resultStyles{}, err
		}
		st.severity[sev] = id
	}
	return st, nil
}

// ensureFirstSheet makes name the first sheet of f, creating it when
// missing. excelize's MoveSheet reorders the sheets but not the sheet
// indexes that sheet-scoped defined names (print areas, print titles) refer
// to, so those names are taken out before the move and put back after it
// under the same sheet. Names excelize will not set again (such as a stale
// _xlnm._FilterDatabase, which Excel rebuilds) are dropped.
func ensureFirstSheet(f *excelize.File, name string) error {
	idx, err := f.GetSheetIndex(name)
	if err != nil {
		return err
	}
	if idx < 0 {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	list := f.GetSheetList()
	if list[0] == name {
		return nil
	}
	var scoped []excelize.DefinedName
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "Workbook" || dn.Scope == "" {
			continue
		}
		if err := f.DeleteDefinedName(&excelize.DefinedName{Name: dn.Name, Scope: dn.Scope}); err != nil {
			return err
		}
		scoped = append(scoped, dn)
	}
	if err := f.MoveSheet(name, list[0]); err != nil {
		return err
	}
	for i := range scoped {
		_ = f.SetDefinedName(&scoped[i])
	}
	return nil
}

// reportPtr returns a pointer to v, for excelize's optional fields.
func reportPtr[T any](v T) *T { return &v }
