package reports

import "github.com/xuri/excelize/v2"

// templateStyles holds the style IDs the template uses.
type templateStyles struct {
	title      int // 职权目录表: large, bold, centred
	label      int // unit-info labels in row 2
	value      int // unit-info values: bottom border
	header     int // column headers: bold, filled, bordered, wrapped
	data       int // data cells: bordered, wrapped, top-left
	dataCenter int // short data cells (序号, enumerations): centred
	docTitle   int // 填表说明 title
	docHead    int // 填表说明 section headings
	docBody    int // 填表说明 paragraphs
	docExample int // 填表说明 examples: indented, italic grey
	listHead   int // 下拉列表 list names
}

// templateFont is the font every template cell uses.
const templateFont = "宋体"

// newTemplateStyles registers the template's styles with f.
func newTemplateStyles(f *excelize.File) (*templateStyles, error) {
	thin := func(sides ...string) []excelize.Border {
		b := make([]excelize.Border, len(sides))
		for i, s := range sides {
			b[i] = excelize.Border{Type: s, Color: "000000", Style: 1}
		}
		return b
	}
	box := thin("left", "top", "right", "bottom")
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: templateFont, Size: size, Bold: bold}
	}
	st := new(templateStyles)
	specs := []struct {
		id    *int
		style excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(18, true),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.label, excelize.Style{Font: font(11, true),
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&st.value, excelize.Style{Font: font(11, false), Border: thin("bottom"),
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
		{&st.header, excelize.Style{Font: font(11, true), Border: box,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.data, excelize.Style{Font: font(10, false), Border: box,
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&st.dataCenter, excelize.Style{Font: font(10, false), Border: box,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.docTitle, excelize.Style{Font: font(16, true),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.docHead, excelize.Style{Font: font(12, true),
			Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.docBody, excelize.Style{Font: font(11, false),
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.docExample, excelize.Style{Font: &excelize.Font{Family: templateFont, Size: 11, Color: "404040"},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 2}}},
		{&st.listHead, excelize.Style{Font: font(11, true)}},
	}
	for _, s := range specs {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	return st, nil
}
