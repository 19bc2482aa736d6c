package reports

import (
	"bytes"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetScan is what the patcher knows of one worksheet part: where its
// rows, cells and other elements lie, read in one pass over its bytes.
type sheetScan struct {
	raw        []byte
	root       xmlTag
	rootClose  int     // offset of </worksheet>
	dimension  *xmlTag // nil when the sheet has none
	afterPr    int     // where a missing <dimension> goes: after <sheetPr>, or after the root tag
	views      []xmlTag
	fmtPr      sheetFormat
	cols       []colSpec
	sheetData  xmlTag
	dataClose  int // offset of </sheetData>, or the end of an empty <sheetData/>
	rows       []sheetRow
	cells      []sheetCell // every cell, row by row
	merges     []mergedRange
	legacyAt   int // where <legacyDrawing> goes
	hasLegacy  bool
	maxCol     int // extent of the rows and cells, as xmlExtent counts it
	maxRow     int
	relPrefix  string // the root's prefix for the relationships namespace
	rPrefixTak bool   // the prefix r is bound to another namespace
}

// sheetFormat holds the <sheetFormatPr> values the note anchors use.
type sheetFormat struct {
	defaultColWidth, defaultRowHeight float64
	baseColWidth                      int
}

// colSpec is one <col> element.
type colSpec struct {
	min, max int
	width    float64
	hasWidth bool
	style    int
}

// sheetRow is one <row> element and its cells, cells[first:first+n].
type sheetRow struct {
	r, s     int
	ht       float64
	hasHt    bool
	tag      xmlTag
	closeAt  int // offset of </row>
	first, n int
}

// sheetCell is one <c> element: its column, style and where its start
// tag and attributes lie.
type sheetCell struct {
	col, s                   int32
	start, attrsAt, attrsEnd int32
}

// tag returns the cell's start tag, for editing.
func (sc *sheetScan) cellTag(c *sheetCell) xmlTag {
	return xmlTag{start: int(c.start), attrsAt: int(c.attrsAt), attrs: sc.raw[c.attrsAt:c.attrsEnd]}
}

// Worksheet elements that follow <sheetData>: those before <legacyDrawing>
// in the schema's order, and those after it.
var (
	beforeLegacy = map[string]bool{
		"sheetCalcPr": true, "sheetProtection": true, "protectedRanges": true, "scenarios": true,
		"autoFilter": true, "sortState": true, "dataConsolidate": true, "customSheetViews": true,
		"mergeCells": true, "phoneticPr": true, "conditionalFormatting": true, "dataValidations": true,
		"hyperlinks": true, "printOptions": true, "pageMargins": true, "pageSetup": true,
		"headerFooter": true, "rowBreaks": true, "colBreaks": true, "customProperties": true,
		"cellWatches": true, "ignoredErrors": true, "smartTags": true, "drawing": true,
	}
	afterLegacy = map[string]bool{
		"legacyDrawingHF": true, "drawingHF": true, "picture": true, "oleObjects": true,
		"controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
		"mc:AlternateContent": true,
	}
	beforeData = map[string]bool{
		"sheetPr": true, "dimension": true, "sheetViews": true, "sheetFormatPr": true, "cols": true,
	}
)

// scanSheet reads a worksheet part. It declines a sheet written in a way
// the patcher does not edit: a prefixed or strict-namespace root, rows or
// cells without references or out of order, overlapping merged ranges, an
// existing <legacyDrawing>, an element it does not know.
func scanSheet(raw []byte) (*sheetScan, error) {
	if len(raw) > math.MaxInt32/2 {
		return nil, decline("worksheet too large")
	}
	sc := &sheetScan{raw: raw, legacyAt: -1, rootClose: -1, dataClose: -1}
	sc.cells = make([]sheetCell, 0, bytes.Count(raw, []byte("<c "))+1)
	s := newXMLScanner(raw)
	var t xmlTag
	var (
		section   string // the current child of the root
		row       *sheetRow
		seenData  bool
		lastRow   int
		lastCol   int
		mergeRefs []string
	)
	for s.next(&t) {
		switch t.depth {
		case 1:
			if t.close {
				sc.rootClose = t.start
				if sc.legacyAt < 0 {
					sc.legacyAt = t.start
				}
				continue
			}
			if string(t.name) != "worksheet" {
				return nil, decline("worksheet root <%s>", t.name)
			}
			if ns, _ := attrOf(t.attrs, "xmlns"); ns != nsMain {
				return nil, decline("worksheet namespace %q", ns)
			}
			sc.root = t
			sc.afterPr = t.end
			sc.relPrefix = nsPrefix(t.attrs, nsRel)
			_, sc.rPrefixTak = attrOf(t.attrs, "xmlns:r")
			if t.empty {
				return nil, decline("empty worksheet")
			}
		case 2:
			name := string(t.name)
			if t.close {
				switch name {
				case "sheetPr":
					sc.afterPr = t.end
				case "sheetData":
					sc.dataClose = t.start
				}
				section = ""
				continue
			}
			section = name
			switch {
			case !seenData && beforeData[name]:
				switch name {
				case "sheetPr":
					if t.empty {
						sc.afterPr = t.end
					}
				case "dimension":
					d := t
					sc.dimension = &d
				case "sheetFormatPr":
					if err := sc.readFormat(t.attrs); err != nil {
						return nil, err
					}
				}
			case name == "sheetData" && !seenData:
				seenData = true
				sc.sheetData = t
				if t.empty {
					sc.dataClose = t.end
				}
			case seenData && beforeLegacy[name]:
				if sc.legacyAt >= 0 {
					return nil, decline("<%s> after the drawing parts", name)
				}
			case seenData && afterLegacy[name]:
				if sc.legacyAt < 0 {
					sc.legacyAt = t.start
				}
			case name == "legacyDrawing":
				sc.hasLegacy = true
				return nil, decline("sheet has a legacy drawing")
			default:
				return nil, decline("worksheet element <%s>", name)
			}
		case 3:
			if t.close {
				if section == "sheetData" && row != nil {
					row.closeAt = t.start
					row = nil
				}
				continue
			}
			switch section {
			case "sheetViews":
				if string(t.name) == "sheetView" {
					sc.views = append(sc.views, t)
				}
			case "cols":
				if string(t.name) == "col" {
					if err := sc.readCol(t.attrs); err != nil {
						return nil, err
					}
				}
			case "sheetData":
				if string(t.name) != "row" {
					return nil, decline("<%s> in sheetData", t.name)
				}
				r, ok, err := attrInt(t.attrs, "r")
				if err != nil || !ok || r <= lastRow || r > excelize.TotalRows {
					return nil, decline("row without a reference or out of order")
				}
				st, _, err := attrInt(t.attrs, "s")
				if err != nil {
					return nil, err
				}
				sc.rows = append(sc.rows, sheetRow{r: r, s: st, tag: t, first: len(sc.cells)})
				row = &sc.rows[len(sc.rows)-1]
				if v, ok := attrOf(t.attrs, "ht"); ok {
					if row.ht, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
						return nil, decline("row height %q", v)
					}
					row.hasHt = true
				}
				if t.empty {
					row = nil
				}
				lastRow, lastCol = r, 0
				sc.maxRow = max(sc.maxRow, r)
			case "mergeCells":
				if string(t.name) == "mergeCell" {
					ref, _ := attrOf(t.attrs, "ref")
					mergeRefs = append(mergeRefs, ref)
				}
			}
		case 4:
			if section != "sheetData" || t.close {
				continue
			}
			if string(t.name) != "c" {
				return nil, decline("<%s> in a row", t.name)
			}
			if row == nil {
				return nil, decline("cell outside a row")
			}
			ref, ok := attrBytes(t.attrs, "r")
			if !ok {
				return nil, decline("cell without a reference")
			}
			c, r, ok := cellRef(ref)
			if !ok || r != row.r || c <= lastCol {
				return nil, decline("cell %q out of place", ref)
			}
			st := 0
			if v, ok := attrBytes(t.attrs, "s"); ok {
				if st, ok = digits(v); !ok {
					return nil, decline("cell style %q", v)
				}
			}
			sc.cells = append(sc.cells, sheetCell{col: int32(c), s: int32(st), start: int32(t.start),
				attrsAt: int32(t.attrsAt), attrsEnd: int32(t.attrsAt + len(t.attrs))})
			row.n++
			lastCol = c
			sc.maxCol = max(sc.maxCol, c)
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	if !seenData || sc.rootClose < 0 || sc.dataClose < 0 {
		return nil, decline("worksheet without sheetData")
	}
	for i := range sc.rows {
		if !sc.rows[i].tag.empty && sc.rows[i].closeAt == 0 {
			return nil, decline("row not closed")
		}
	}
	return sc, sc.readMerges(mergeRefs)
}

// readFormat reads <sheetFormatPr>.
func (sc *sheetScan) readFormat(attrs []byte) error {
	var err error
	if v, ok := attrOf(attrs, "defaultColWidth"); ok {
		if sc.fmtPr.defaultColWidth, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return decline("defaultColWidth %q", v)
		}
	}
	if v, ok := attrOf(attrs, "defaultRowHeight"); ok {
		if sc.fmtPr.defaultRowHeight, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return decline("defaultRowHeight %q", v)
		}
	}
	if sc.fmtPr.baseColWidth, _, err = attrInt(attrs, "baseColWidth"); err != nil {
		return err
	}
	return nil
}

// readCol reads one <col>.
func (sc *sheetScan) readCol(attrs []byte) error {
	var c colSpec
	var err error
	if c.min, _, err = attrInt(attrs, "min"); err != nil {
		return err
	}
	if c.max, _, err = attrInt(attrs, "max"); err != nil {
		return err
	}
	if c.style, _, err = attrInt(attrs, "style"); err != nil {
		return err
	}
	if v, ok := attrOf(attrs, "width"); ok {
		if c.width, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return decline("column width %q", v)
		}
		c.hasWidth = true
	}
	sc.cols = append(sc.cols, c)
	return nil
}

// readMerges parses the merged ranges, declining unreadable or
// overlapping ones (excelize joins overlapping ranges).
func (sc *sheetScan) readMerges(refs []string) error {
	for _, ref := range refs {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			return decline("merged range %q", ref)
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		c2, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil {
			return decline("merged range %q", ref)
		}
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		if r1 > r2 {
			r1, r2 = r2, r1
		}
		sc.merges = append(sc.merges, mergedRange{c1, r1, c2, r2})
	}
	byRow := make([]mergedRange, len(sc.merges))
	copy(byRow, sc.merges)
	sort.Slice(byRow, func(i, j int) bool { return byRow[i].r1 < byRow[j].r1 })
	for i, m := range byRow {
		for _, n := range byRow[i+1:] {
			if n.r1 > m.r2 {
				break
			}
			if n.c1 <= m.c2 && m.c1 <= n.c2 {
				return decline("overlapping merged ranges")
			}
		}
	}
	return nil
}

// topLeft returns the top-left cell of the merged range holding (col, row),
// or (col, row) itself.
func (sc *sheetScan) topLeft(col, row int) (int, int) {
	for _, m := range sc.merges {
		if col >= m.c1 && col <= m.c2 && row >= m.r1 && row <= m.r2 {
			return m.c1, m.r1
		}
	}
	return col, row
}

// findRow returns the index of row r in sc.rows, or where it would go.
func (sc *sheetScan) findRow(r int) (int, bool) {
	i := sort.Search(len(sc.rows), func(i int) bool { return sc.rows[i].r >= r })
	return i, i < len(sc.rows) && sc.rows[i].r == r
}

// findCell returns the index in sc.cells of column col of a row, or where
// it would go.
func (sc *sheetScan) findCell(row *sheetRow, col int) (int, bool) {
	cells := sc.cells[row.first : row.first+row.n]
	i := sort.Search(len(cells), func(i int) bool { return int(cells[i].col) >= col })
	return row.first + i, i < len(cells) && int(cells[i].col) == col
}

// baseStyle returns the style a cell shows, as excelize's GetCellStyle
// does: the cell's own, else its row's, else its column's.
func (sc *sheetScan) baseStyle(col, row int) int {
	if i, ok := sc.findRow(row); ok {
		r := &sc.rows[i]
		if j, ok := sc.findCell(r, col); ok && sc.cells[j].s != 0 {
			return int(sc.cells[j].s)
		}
		if r.s != 0 {
			return r.s
		}
	}
	for _, c := range sc.cols {
		if c.min <= col && col <= c.max && c.style != 0 {
			return c.style
		}
	}
	return 0
}

// colPixels and rowPixels give a column's width and a row's height in
// pixels, as excelize computes them to place a note.
func (sc *sheetScan) colPixels(col int) int {
	for _, c := range sc.cols {
		if c.min <= col && col <= c.max && c.hasWidth {
			return int(colWidthPixels(c.width))
		}
	}
	if sc.fmtPr.defaultColWidth > 0 {
		return int(colWidthPixels(sc.fmtPr.defaultColWidth))
	}
	if sc.fmtPr.baseColWidth > 0 {
		return int(colWidthPixels(float64(sc.fmtPr.baseColWidth))) + 5
	}
	return 64
}

func (sc *sheetScan) rowPixels(row int) int {
	if i, ok := sc.findRow(row); ok && sc.rows[i].hasHt {
		return int(rowHeightPixels(sc.rows[i].ht))
	}
	if sc.fmtPr.defaultRowHeight > 0 {
		return int(rowHeightPixels(sc.fmtPr.defaultRowHeight))
	}
	return 20
}

func colWidthPixels(w float64) float64 {
	if w == 0 {
		return 0
	}
	return float64(int(w*8 + 0.5))
}

func rowHeightPixels(h float64) float64 {
	if h == 0 {
		return 0
	}
	return math.Ceil(4.0 / 3.4 * h)
}

// styledCell is a cell the patcher gives a new style index.
type styledCell struct{ col, row, style int }

// restyle edits the sheet so that each cell in cells (sorted by row, then
// column) has its style, adding the cells and rows the sheet lacks.
func (sc *sheetScan) restyle(e *editor, cells []styledCell) {
	var newRows strings.Builder // rows past the last one
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j].row == cells[i].row {
			j++
		}
		group := cells[i:j]
		i = j
		ri, ok := sc.findRow(group[0].row)
		if !ok {
			var b strings.Builder
			b.WriteString(`<row r="` + strconv.Itoa(group[0].row) + `">`)
			for _, c := range group {
				writeStyledCell(&b, c)
			}
			b.WriteString("</row>")
			if ri < len(sc.rows) {
				e.insert(sc.rows[ri].tag.start, b.String())
			} else {
				newRows.WriteString(b.String())
			}
			continue
		}
		row := &sc.rows[ri]
		var tail strings.Builder // cells past the row's last one
		added := false
		for _, c := range group {
			ci, ok := sc.findCell(row, c.col)
			if ok {
				tag := sc.cellTag(&sc.cells[ci])
				e.setAttr(&tag, "s", strconv.Itoa(c.style))
				continue
			}
			added = true
			if ci < row.first+row.n {
				var b strings.Builder
				writeStyledCell(&b, c)
				e.insert(int(sc.cells[ci].start), b.String())
			} else {
				writeStyledCell(&tail, c)
			}
		}
		if added {
			e.dropAttr(&row.tag, "spans")
		}
		if tail.Len() > 0 {
			if row.tag.empty {
				e.replace(row.tag.end-2, 2, ">"+tail.String()+"</row>")
			} else {
				e.insert(row.closeAt, tail.String())
			}
		}
	}
	if newRows.Len() > 0 {
		if sc.sheetData.empty {
			e.replace(sc.sheetData.end-2, 2, ">"+newRows.String()+"</sheetData>")
		} else {
			e.insert(sc.dataClose, newRows.String())
		}
	}
}

func writeStyledCell(b *strings.Builder, c styledCell) {
	name, _ := excelize.CoordinatesToCellName(c.col, c.row)
	b.WriteString(`<c r="` + name + `" s="` + strconv.Itoa(c.style) + `"/>`)
}

// setDimension edits the sheet's <dimension> to ref, adding it if missing.
func (sc *sheetScan) setDimension(e *editor, ref string) {
	if sc.dimension == nil {
		e.insert(sc.afterPr, `<dimension ref="`+ref+`"/>`)
		return
	}
	if v, _ := attrOf(sc.dimension.attrs, "ref"); v == ref {
		return
	}
	e.setAttr(sc.dimension, "ref", ref)
}

// dimensionRef returns the dimension's last cell, "" when there is none.
func (sc *sheetScan) dimensionRef() string {
	if sc.dimension == nil {
		return ""
	}
	v, _ := attrOf(sc.dimension.attrs, "ref")
	return v
}

// unselect edits the sheet's views so that its tab is not selected.
func unselectViews(e *editor, views []xmlTag) {
	for i := range views {
		if _, ok := attrOf(views[i].attrs, "tabSelected"); ok {
			e.dropAttr(&views[i], "tabSelected")
		}
	}
}

// attrBytes returns the raw value of attribute name in attrs.
func attrBytes(attrs []byte, name string) ([]byte, bool) {
	i, j, ok := attrSpan(attrs, name)
	if !ok {
		return nil, false
	}
	return attrs[i:j], true
}

// digits parses a non-negative decimal number of at most nine digits.
func digits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// cellRef parses a cell reference such as AB12 written plainly (capital
// letters, then digits); anything else goes through excelize.
func cellRef(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && i < 3 && b[i] >= 'A' && b[i] <= 'Z' {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	if i > 0 && col <= excelize.MaxColumns {
		if row, ok = digits(b[i:]); ok && row >= 1 && row <= excelize.TotalRows {
			return col, row, true
		}
	}
	c, r, err := excelize.CellNameToCoordinates(string(b))
	return c, r, err == nil
}
