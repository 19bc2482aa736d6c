//go:build linux

package reliability

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// The parts every .xlsx built here shares; sheets are added by rawBook.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	mainNS     = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsNS     = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relTypeDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	emptySST   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`
	// minimalStyles is the smallest stylesheet Excel writes: one font, the
	// two required fills, one border, one cell format.
	minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
)

// rawSheet is one worksheet of a rawBook: its name and the parts of its
// XML. sheetHead opens <sheetData>; the rows follow (as bytes, or as a
// bomb); sheetTail closes it and may hold <mergeCells>.
type rawSheet struct {
	name   string
	rows   string   // <row> elements
	bomb   *rawPart // instead of rows: the whole sheet part, pre-deflated
	raw    []byte   // instead of rows: the whole sheet part, as is
	merges []string // merged ranges such as A4:XFD1048576
}

// rawBook builds an .xlsx from hand-written XML, so a test controls every
// byte the importer sees: sheet names excelize would refuse, cells at
// XFD1048576, shared-string tables with a DTD, gigabyte parts.
type rawBook struct {
	sheets   []rawSheet
	sst      string // xl/sharedStrings.xml; empty means an empty table
	sstRaw   *rawPart
	noStyles bool // leave out xl/styles.xml (minimalStyles otherwise)
}

func (b rawBook) build(t testing.TB) []byte {
	t.Helper()
	var overrides, sheets, rels strings.Builder
	var parts []part
	for i, s := range b.sheets {
		n := i + 1
		fmt.Fprintf(&overrides, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlText(s.name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>`, n, relTypeDoc, n)
		p := part{name: fmt.Sprintf("xl/worksheets/sheet%d.xml", n), raw: s.bomb}
		switch {
		case s.raw != nil:
			p.body = s.raw
		case s.bomb == nil:
			p.body = []byte(sheetHead + s.rows + sheetTail(s.merges))
		}
		parts = append(parts, p)
	}
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%ssharedStrings" Target="sharedStrings.xml"/>`, len(b.sheets)+1, relTypeDoc)
	if !b.noStyles {
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sstyles" Target="styles.xml"/>`, len(b.sheets)+2, relTypeDoc)
		overrides.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
	}
	sst := part{name: "xl/sharedStrings.xml", body: []byte(b.sst), raw: b.sstRaw}
	if b.sst == "" && b.sstRaw == nil {
		sst.body = []byte(emptySST)
	}
	head := []part{
		{name: "[Content_Types].xml", body: []byte(fmt.Sprintf(contentTypes, overrides.String()))},
		{name: "_rels/.rels", body: []byte(rootRels)},
		{name: "xl/workbook.xml", body: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ` + mainNS + `><sheets>` + sheets.String() + `</sheets></workbook>`)},
		{name: "xl/_rels/workbook.xml.rels", body: []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships ` + relsNS + `>` + rels.String() + `</Relationships>`)},
		sst,
	}
	if !b.noStyles {
		head = append(head, part{name: "xl/styles.xml", body: []byte(minimalStyles)})
	}
	return buildZip(t, append(head, parts...))
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + mainNS + `><sheetData>`

func sheetTail(merges []string) string {
	var b strings.Builder
	b.WriteString(`</sheetData>`)
	if len(merges) > 0 {
		fmt.Fprintf(&b, `<mergeCells count="%d">`, len(merges))
		for _, m := range merges {
			fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
		}
		b.WriteString(`</mergeCells>`)
	}
	b.WriteString(`</worksheet>`)
	return b.String()
}

// xmlText escapes s for XML text and attribute values.
func xmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;").Replace(s)
}

// row renders one <row> of inline-string cells from column A; "" cells are
// left out.
func row(r int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, v := range cells {
		if v == "" {
			continue
		}
		b.WriteString(cell(i+1, r, v))
	}
	b.WriteString(`</row>`)
	return b.String()
}

// cell renders one inline-string cell.
func cell(col, r int, v string) string {
	name, _ := excelize.CoordinatesToCellName(col, r)
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, name, xmlText(v))
}

// headerCells are the template's column headers, in template order.
func headerCells() []string {
	var h []string
	for _, c := range importer.Schema {
		if c.InTemplate {
			h = append(h, c.Header)
		}
	}
	return h
}

// powerRow is a correct catalogue row (one power, one risk point) in
// template column order, numbered seq; name replaces the power name when
// not empty.
func powerRow(seq int, name string) []string {
	if name == "" {
		name = "学生学籍变动审核"
	}
	return []string{fmt.Sprint(seq), "内设部门职权", "外部职权", name,
		"《中小学生学籍管理办法》第十二条", "教导处", "", "面向社会", "网站、校务公开栏",
		"因受人情干扰或收受好处", "在学籍变动审核中违规办理转学、休学手续", "损害学生合法权益,影响学校公信力",
		"中", "学籍变动经教导处初审、校长审批,结果在校务公开栏公示", "教导主任", ""}
}

// catalogueRows is a small catalogue: the header in row 1 and n correct
// power rows below it.
func catalogueRows(n int) string {
	var b strings.Builder
	b.WriteString(row(1, headerCells()...))
	for i := 1; i <= n; i++ {
		b.WriteString(row(i+1, powerRow(i, fmt.Sprintf("学生学籍变动审核%d", i))...))
	}
	return b.String()
}
