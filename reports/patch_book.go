package reports

import (
	"path"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// patchBook is a unit's workbook opened for patching.
type patchBook struct {
	p        *opcPackage
	ct       *contentTypes
	wb       *workbookDoc
	wbRels   *relsDoc
	styles   string                // the styles part
	scans    map[string]*sheetScan // worksheets by sheet name
	extent   map[string][2]int     // per worksheet, the largest column and row to show
	bySheet  map[string]*bookSheet
	wbPart   string
	wbRelsNm string
}

// newPatchBook reads the package's workbook, relationships, content types
// and every worksheet, declining a package the patcher does not handle:
// not a plain .xlsx workbook (an .xlsm, a template), one that carries notes
// or VML drawings already (a resubmitted 退回 workbook among them) or a
// 校验结果 sheet, sheets other than worksheets and chart sheets.
func newPatchBook(p *opcPackage) (*patchBook, error) {
	ctRaw, ok := p.data[partContentType]
	if !ok {
		return nil, decline("no content types")
	}
	ct, err := parseContentTypes(ctRaw)
	if err != nil {
		return nil, err
	}
	for name := range p.data {
		lower := strings.ToLower(name)
		if strings.HasSuffix(lower, ".vml") || strings.Contains(lower, "comments") || ct.typeOf(name) == ctComments {
			return nil, decline("package has notes or VML drawings (%s)", name)
		}
	}
	pkgRels, err := parseRels("_rels/.rels", p.data["_rels/.rels"])
	if err != nil || pkgRels.raw == nil {
		return nil, decline("no package relationships")
	}
	b := &patchBook{p: p, ct: ct, scans: map[string]*sheetScan{}, extent: map[string][2]int{}, bySheet: map[string]*bookSheet{}}
	for _, r := range pkgRels.rels {
		if r.typ == relOfficeDoc {
			if b.wbPart, err = resolveTarget("_rels/.rels", r.target); err != nil {
				return nil, err
			}
		}
	}
	if b.wbPart != "xl/workbook.xml" || ct.typeOf(b.wbPart) != ctWorkbook {
		return nil, decline("workbook part %q of type %q", b.wbPart, ct.typeOf(b.wbPart))
	}
	if b.wb, err = parseWorkbook(p.data[b.wbPart]); err != nil {
		return nil, err
	}
	b.wbRelsNm = relsPath(b.wbPart)
	raw, ok := p.data[b.wbRelsNm]
	if !ok {
		return nil, decline("no workbook relationships")
	}
	if b.wbRels, err = parseRels(b.wbRelsNm, raw); err != nil {
		return nil, err
	}
	for _, r := range b.wbRels.rels {
		if r.typ == relStyles && !r.external {
			if b.styles, err = resolveTarget(b.wbRelsNm, r.target); err != nil {
				return nil, err
			}
		}
	}
	if _, ok := p.data[b.styles]; !ok {
		return nil, decline("no styles part")
	}
	return b, b.readSheets()
}

// readSheets resolves each sheet's part and scans the worksheets.
func (b *patchBook) readSheets() error {
	folded := map[string]bool{}
	for i := range b.wb.sheets {
		s := &b.wb.sheets[i]
		if s.name == ResultSheet {
			return decline("workbook has a %s sheet", ResultSheet)
		}
		if k := strings.ToLower(s.name); folded[k] {
			return decline("sheet name %q twice", s.name)
		} else {
			folded[k] = true
		}
		rel, ok := b.wbRels.byID(s.rid)
		if !ok || rel.external || (rel.typ != relWorksheet && rel.typ != relChartsheet) {
			return decline("sheet %q of type %q", s.name, rel.typ)
		}
		part, err := resolveTarget(b.wbRelsNm, rel.target)
		if err != nil {
			return err
		}
		raw, ok := b.p.data[part]
		if !ok {
			return decline("sheet %q has no part", s.name)
		}
		s.part, s.kind = part, rel.typ
		b.bySheet[s.name] = s
		if s.kind != relWorksheet {
			continue
		}
		if path.Dir(part) != "xl/worksheets" {
			return decline("worksheet part %q", part)
		}
		sc, err := scanSheet(raw)
		if err != nil {
			return err
		}
		b.scans[s.name] = sc
		b.extent[s.name] = [2]int{sc.maxCol, sc.maxRow}
	}
	return nil
}

// marks collects the cells findings point at, as annotator.mark does:
// the top-left cell of a merged range, column A for a finding without a
// column, one mark per cell with the most severe finding's colour.
func (b *patchBook) marks(findings []checks.Finding) ([]*cellMark, error) {
	var marks cellMarks
	for _, fd := range findings {
		s := b.bySheet[fd.Sheet]
		if fd.Row <= 0 || s == nil {
			continue
		}
		sc := b.scans[fd.Sheet]
		if sc == nil {
			continue // a chart sheet has no cells: the finding is listed only
		}
		col := fd.Col
		if col == "" {
			col = "A"
		}
		c, err := excelize.ColumnNameToNumber(col)
		if err != nil {
			continue
		}
		c, r := sc.topLeft(c, fd.Row)
		ext := b.extent[fd.Sheet]
		b.extent[fd.Sheet] = [2]int{max(ext[0], c), max(ext[1], r)}
		cell, err := excelize.CoordinatesToCellName(c, r)
		if err != nil {
			continue
		}
		marks.add(fd.Sheet, cell, fd)
	}
	return marks.order, nil
}

// annotate makes every part of the 退回 workbook.
func (b *patchBook) annotate(findings []checks.Finding, opt AnnotateOptions) error {
	marks, err := b.marks(findings)
	if err != nil {
		return err
	}
	ss, err := scanStyles(b.p.data[b.styles])
	if err != nil {
		return err
	}
	// Marks by sheet, and the sheets in the order of their first note:
	// excelize numbers the comments parts so.
	bySheet := map[string][]*cellMark{}
	var noted []string
	for _, m := range marks {
		if bySheet[m.sheet] == nil {
			noted = append(noted, m.sheet)
		}
		bySheet[m.sheet] = append(bySheet[m.sheet], m)
	}
	styled := map[string][]styledCell{}
	for _, m := range marks {
		sc := b.scans[m.sheet]
		col, row, _ := excelize.CellNameToCoordinates(m.cell)
		id, err := ss.derive(sc.baseStyle(col, row), m.sev)
		if err != nil {
			return err
		}
		styled[m.sheet] = append(styled[m.sheet], styledCell{col: col, row: row, style: id})
	}
	rs, err := ss.resultStyleSet()
	if err != nil {
		return err
	}
	drawingRel := map[string]string{}
	for i, name := range noted {
		if drawingRel[name], err = b.addNotes(name, i+1, bySheet[name]); err != nil {
			return err
		}
	}
	for i := range b.wb.sheets {
		if err := b.patchSheet(&b.wb.sheets[i], styled[b.wb.sheets[i].name], drawingRel[b.wb.sheets[i].name]); err != nil {
			return err
		}
	}
	sheetNames := make(map[string]bool, len(b.bySheet))
	for name := range b.bySheet {
		sheetNames[name] = true
	}
	resultXML, filter := resultSheetPart(findings, opt, sheetNames, rs)
	n := len(b.wb.sheets) + 1
	for b.p.has("xl/worksheets/sheet" + itoa(n) + ".xml") {
		n++
	}
	resultPart := "xl/worksheets/sheet" + itoa(n) + ".xml"
	b.p.set(resultPart, resultXML)
	b.ct.override(resultPart, ctWorksheet)
	rid := b.wbRels.add(relWorksheet, "worksheets/sheet"+itoa(n)+".xml")
	sheetID := 0
	for _, s := range b.wb.sheets {
		sheetID = max(sheetID, s.sheetID)
	}
	parts := []struct {
		name string
		make func() ([]byte, error)
	}{
		{b.styles, ss.bytes},
		{b.wbRelsNm, b.wbRels.bytes},
		{b.wbPart, func() ([]byte, error) { return b.wb.bytes(sheetID+1, rid, filter) }},
		{partContentType, b.ct.bytes},
	}
	for _, part := range parts {
		data, err := part.make()
		if err != nil {
			return err
		}
		b.p.set(part.name, data)
	}
	return nil
}

// addNotes adds the comments part, the VML drawing and the relationships
// of one sheet's notes, numbered n, and returns the drawing's
// relationship id.
func (b *patchBook) addNotes(sheet string, n int, marks []*cellMark) (string, error) {
	s := b.bySheet[sheet]
	comments := "xl/comments" + itoa(n) + ".xml"
	vml := "xl/drawings/vmlDrawing" + itoa(n) + ".vml"
	if b.p.has(comments) || b.p.has(vml) {
		return "", decline("part %s or %s exists", comments, vml)
	}
	relsName := relsPath(s.part)
	rels, rid, err := sheetRelsPart(b.p.data[relsName], relsName, "../drawings/vmlDrawing"+itoa(n)+".vml", "../comments"+itoa(n)+".xml")
	if err != nil {
		return "", err
	}
	b.p.set(relsName, rels)
	b.p.set(comments, commentsPart(marks))
	b.p.set(vml, vmlPart(b.scans[sheet], s.sheetID, marks))
	b.ct.override(comments, ctComments)
	b.ct.ensureDefault("vml", ctVML)
	b.ct.ensureDefault("rels", ctRels)
	return rid, nil
}

// patchSheet edits one sheet: its flagged cells' styles, its dimension as
// fixDimensions sets it, its tab no longer selected, and the drawing of its
// notes. A sheet with nothing to change keeps its bytes.
func (b *patchBook) patchSheet(s *bookSheet, cells []styledCell, drawingRel string) error {
	var e editor
	sc := b.scans[s.name]
	if sc == nil { // a chart sheet: only its tab selection
		views, err := scanViews(b.p.data[s.part])
		if err != nil {
			return err
		}
		unselectViews(&e, views)
	} else {
		sort.Slice(cells, func(i, j int) bool {
			if cells[i].row != cells[j].row {
				return cells[i].row < cells[j].row
			}
			return cells[i].col < cells[j].col
		})
		sc.restyle(&e, cells)
		if err := b.fixDimension(&e, s.name, sc); err != nil {
			return err
		}
		unselectViews(&e, sc.views)
		if drawingRel != "" {
			prefix := sc.relPrefix
			if prefix == "" {
				if sc.rPrefixTak {
					return decline("sheet %q binds r to another namespace", s.name)
				}
				prefix = "r"
				e.insert(sc.root.attrsAt+len(sc.root.attrs), ` xmlns:r="`+nsRel+`"`)
			}
			e.insert(sc.legacyAt, `<legacyDrawing `+prefix+`:id="`+drawingRel+`"/>`)
		}
	}
	if len(e.edits) == 0 {
		return nil
	}
	out, err := e.apply(b.p.data[s.part])
	if err != nil {
		return err
	}
	b.p.set(s.part, out)
	return nil
}

// fixDimension sets the sheet's dimension as fixDimensions does: A1 to
// the largest column and row holding a value or a mark, or the existing
// dimension's last cell when that is larger.
func (b *patchBook) fixDimension(e *editor, sheet string, sc *sheetScan) error {
	maxCol, maxRow := b.extent[sheet][0], b.extent[sheet][1]
	if dim := sc.dimensionRef(); dim != "" {
		_, last, _ := strings.Cut(dim, ":")
		if last == "" {
			last = dim
		}
		if c, r, err := excelize.CellNameToCoordinates(last); err == nil {
			maxCol, maxRow = max(maxCol, c), max(maxRow, r)
		}
	}
	if maxCol == 0 || maxRow == 0 {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(maxCol, maxRow)
	if err != nil {
		return decline("dimension: %v", err)
	}
	sc.setDimension(e, "A1:"+last)
	return nil
}

// scanViews returns the <sheetView> tags of a chart sheet.
func scanViews(raw []byte) ([]xmlTag, error) {
	s := newXMLScanner(raw)
	var t xmlTag
	var views []xmlTag
	in := false
	for s.next(&t) {
		switch {
		case t.depth == 2:
			in = !t.close && !t.empty && string(t.name) == "sheetViews"
		case t.depth == 3 && in && !t.close && string(t.name) == "sheetView":
			views = append(views, t)
		}
	}
	return views, s.err
}
