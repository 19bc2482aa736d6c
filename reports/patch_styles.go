package reports

import (
	"strconv"
	"strings"

	"lianfang/checks"
)

// maxPatchStyles bounds the cell formats of a patched workbook, below
// Excel's limit of 64,000 (excelize refuses more than 65,430).
const maxPatchStyles = 64000

// styleSheet is styles.xml as the patcher edits it: fonts, fills, borders
// and cell formats appended at the end of their lists, nothing else
// touched, so every existing index keeps its meaning.
type styleSheet struct {
	raw     []byte
	lists   map[string]*styleList
	xfs     []xfSpan // the cellXfs entries
	fills   map[string]int
	derived map[fillKey]int
	result  *resultStyles
}

// styleList is one list of styles.xml and what the patcher appends to it.
type styleList struct {
	open    xmlTag
	closeAt int // offset of its end tag
	count   int // entries it has
	add     strings.Builder
	added   int
}

// xfSpan is one <xf> of cellXfs: its start tag and where it ends.
type xfSpan struct {
	tag xmlTag
	end int
}

// styleLists are the lists the patcher appends to.
var styleLists = []string{"fonts", "fills", "borders", "cellXfs"}

// scanStyles reads styles.xml, declining a part without the lists it
// appends to.
func scanStyles(raw []byte) (*styleSheet, error) {
	ss := &styleSheet{raw: raw, lists: map[string]*styleList{}, fills: map[string]int{}, derived: map[fillKey]int{}}
	s := newXMLScanner(raw)
	var t xmlTag
	var cur *styleList
	section := ""
	styleXfs := 0
	for s.next(&t) {
		switch t.depth {
		case 1:
			if t.close {
				continue
			}
			if string(t.name) != "styleSheet" {
				return nil, decline("styles root <%s>", t.name)
			}
			if ns, _ := attrOf(t.attrs, "xmlns"); ns != nsMain {
				return nil, decline("styles namespace %q", ns)
			}
		case 2:
			if t.close {
				if cur != nil {
					cur.closeAt = t.start
				}
				cur, section = nil, ""
				continue
			}
			section = string(t.name)
			for _, name := range styleLists {
				if section == name {
					if t.empty || ss.lists[name] != nil {
						return nil, decline("styles list <%s> empty or repeated", name)
					}
					cur = &styleList{open: t}
					ss.lists[name] = cur
				}
			}
		case 3:
			if t.close {
				if section == "cellXfs" && string(t.name) == "xf" && len(ss.xfs) > 0 {
					ss.xfs[len(ss.xfs)-1].end = t.end
				}
				continue
			}
			if section == "cellStyleXfs" {
				styleXfs++
			}
			if cur == nil {
				continue
			}
			cur.count++
			if section == "cellXfs" {
				if string(t.name) != "xf" {
					return nil, decline("<%s> in cellXfs", t.name)
				}
				x := xfSpan{tag: t}
				if t.empty {
					x.end = t.end
				}
				ss.xfs = append(ss.xfs, x)
			}
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	for _, name := range styleLists {
		if ss.lists[name] == nil || ss.lists[name].count == 0 {
			return nil, decline("styles without %s", name)
		}
	}
	if styleXfs == 0 {
		return nil, decline("styles without cellStyleXfs")
	}
	for _, x := range ss.xfs {
		if x.end == 0 {
			return nil, decline("cell format not closed")
		}
	}
	return ss, nil
}

// appendTo adds one entry to a list and returns its index.
func (ss *styleSheet) appendTo(list, xml string) (int, error) {
	l := ss.lists[list]
	id := l.count + l.added
	if list == "cellXfs" && id >= maxPatchStyles {
		return 0, decline("too many cell formats")
	}
	l.add.WriteString(xml)
	l.added++
	return id, nil
}

// fill returns the index of a solid fill of colour RRGGBB, appending it the
// first time.
func (ss *styleSheet) fill(color string) (int, error) {
	if id, ok := ss.fills[color]; ok {
		return id, nil
	}
	id, err := ss.appendTo("fills", `<fill><patternFill patternType="solid"><fgColor rgb="FF`+color+`"/></patternFill></fill>`)
	ss.fills[color] = id
	return id, err
}

// derive returns a cell format that is base with the severity's fill: its
// font, border, number format, alignment and protection kept. Formats
// are made once per (base, severity).
func (ss *styleSheet) derive(base int, sev checks.Severity) (int, error) {
	k := fillKey{base, sev}
	if id, ok := ss.derived[k]; ok {
		return id, nil
	}
	if base < 0 || base >= len(ss.xfs) {
		return 0, decline("cell format %d out of range", base)
	}
	fillID, err := ss.fill(severityColor(sev))
	if err != nil {
		return 0, err
	}
	x := ss.xfs[base]
	tag := x.tag
	tag.attrsAt -= tag.start
	var e editor
	e.setAttr(&tag, "fillId", strconv.Itoa(fillID))
	e.setAttr(&tag, "applyFill", "1")
	xf, err := e.apply(ss.raw[x.tag.start:x.end])
	if err != nil {
		return 0, err
	}
	id, err := ss.appendTo("cellXfs", string(xf))
	ss.derived[k] = id
	return id, err
}

// resultStyleSet returns the formats of the 校验结果 sheet, appending them
// the first time: the same fonts, border, fills and alignment as
// newResultStyles registers through excelize.
func (ss *styleSheet) resultStyleSet() (resultStyles, error) {
	if ss.result != nil {
		return *ss.result, nil
	}
	font := func(extra string, size int, color string) (int, error) {
		c := ""
		if color != "" {
			c = `<color rgb="FF` + color + `"/>`
		}
		return ss.appendTo("fonts", `<font>`+extra+`<sz val="`+strconv.Itoa(size)+`"/>`+c+
			`<name val="`+resultFont+`"/><family val="2"/></font>`)
	}
	var firstErr error
	check := func(id int, err error) int {
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return id
	}
	titleFont := check(font(`<b val="1"/>`, 14, ""))
	bodyFont := check(font("", 10, ""))
	headFont := check(font(`<b val="1"/>`, 10, ""))
	linkFont := check(font(`<u val="single"/>`, 10, "0563C1"))
	side := func(s string) string { return `<` + s + ` style="thin"><color rgb="FFA6A6A6"/></` + s + `>` }
	border := check(ss.appendTo("borders", "<border>"+side("left")+side("right")+side("top")+side("bottom")+"<diagonal/></border>"))
	grey := check(ss.fill("D9D9D9"))
	const wrapTop = `<alignment vertical="top" wrapText="1"/>`
	xf := func(font, fill, border int, align string) int {
		a := `<xf numFmtId="0" fontId="` + strconv.Itoa(font) + `" fillId="` + strconv.Itoa(fill) +
			`" borderId="` + strconv.Itoa(border) + `" xfId="0" applyFont="1"`
		if fill != 0 {
			a += ` applyFill="1"`
		}
		if border != 0 {
			a += ` applyBorder="1"`
		}
		return check(ss.appendTo("cellXfs", a+` applyAlignment="1">`+align+`</xf>`))
	}
	st := resultStyles{
		title:    xf(titleFont, 0, 0, `<alignment vertical="center"/>`),
		legend:   xf(bodyFont, 0, 0, wrapTop),
		header:   xf(headFont, grey, border, `<alignment horizontal="center" vertical="center" wrapText="1"/>`),
		body:     xf(bodyFont, 0, border, wrapTop),
		link:     xf(linkFont, 0, border, wrapTop),
		severity: map[checks.Severity]int{},
	}
	for _, sev := range []checks.Severity{checks.Error, checks.Warning, checks.Info} {
		st.severity[sev] = xf(bodyFont, check(ss.fill(severityColor(sev))), border, wrapTop)
	}
	if firstErr != nil {
		return resultStyles{}, firstErr
	}
	ss.result = &st
	return st, nil
}

// bytes returns styles.xml with the appended entries.
func (ss *styleSheet) bytes() ([]byte, error) {
	var e editor
	for _, name := range styleLists {
		l := ss.lists[name]
		if l.added == 0 {
			continue
		}
		if _, ok := attrOf(l.open.attrs, "count"); ok {
			e.setAttr(&l.open, "count", strconv.Itoa(l.count+l.added))
		}
		e.insert(l.closeAt, l.add.String())
	}
	return e.apply(ss.raw)
}
