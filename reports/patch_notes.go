package reports

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// noteHead is the bold first line of every note.
const noteHead = "lianfang 校验意见:\n"

// noteBody is the text of a note below its head: the findings on the cell.
func noteBody(m *cellMark) string {
	return strings.Join(m.notes, "\n\n")
}

// commentsPart writes the comments part of one sheet's notes, in the
// order they were made, each a bold head and the findings, as AddComment
// writes them.
func commentsPart(marks []*cellMark) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<comments xmlns="` + nsMain + `"><authors><author>` + annotationAuthor + `</author></authors><commentList>`)
	for _, m := range marks {
		head, body := truncateNote(noteHead, noteBody(m))
		b.WriteString(`<comment ref="` + m.cell + `" authorId="0"><text>`)
		b.WriteString(`<r><rPr><b val="1"/><sz val="9"/><family val="2"/></rPr><t xml:space="preserve">`)
		writeXMLText(&b, head)
		b.WriteString(`</t></r>`)
		b.WriteString(`<r><rPr><sz val="9"/><family val="2"/></rPr><t xml:space="preserve">`)
		writeXMLText(&b, body)
		b.WriteString(`</t></r>`)
		b.WriteString(`</text></comment>`)
	}
	b.WriteString(`</commentList></comments>`)
	return b.Bytes()
}

// truncateNote cuts a note to the 32,767 UTF-16 units a cell comment
// holds, as excelize does.
func truncateNote(head, body string) (string, string) {
	n := len(utf16.Encode([]rune(head)))
	if n+len(body) <= excelize.TotalCellChars { // a byte count bounds the UTF-16 count
		return head, body
	}
	left := excelize.TotalCellChars - n
	out := []rune{}
	for _, r := range body {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if left < w {
			break
		}
		left -= w
		out = append(out, r)
	}
	return head, string(out)
}

// vmlPart writes the VML drawing that shows one sheet's notes: a hidden
// note box per comment, placed and sized as excelize places a 320-pixel
// wide note of noteHeight.
func vmlPart(sc *sheetScan, sheetID int, marks []*cellMark) []byte {
	var b bytes.Buffer
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:mv="http://macVmlSchemaUri">`)
	fmt.Fprintf(&b, `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="%d"/></o:shapelayout>`, sheetID)
	b.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m0,0l0,21600,21600,21600,21600,0xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	for i, m := range marks {
		col, row, _ := excelize.CellNameToCoordinates(m.cell)
		c1, r1, c2, r2, x2, y2 := sc.noteAnchor(col, row, 320, int(noteHeight(noteHead+noteBody(m))))
		fmt.Fprintf(&b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;73.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#FBF6D6" strokecolor="#EDEAA1">`, sheetID*1024+i+1)
		b.WriteString(`<v:fill angle="-180" color2="#FBFE82" type="gradient"><o:fill v:ext="view" type="gradientUnscaled"/></v:fill><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`)
		fmt.Fprintf(&b, `<x:ClientData ObjectType="Note"><x:MoveWithCells></x:MoveWithCells><x:SizeWithCells></x:SizeWithCells><x:Anchor>%d, 23, %d, 0, %d, %d, %d, %d</x:Anchor><x:AutoFill>True</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			c1, r1, c2, x2, r2, y2, row-1, col-1)
	}
	b.WriteString(`</xml>`)
	return b.Bytes()
}

// noteAnchor places a note box of width × height pixels at (col, row) as
// excelize's positionObjectPixels does: the 0-based start column and row,
// the end column and row, and the offsets into the end cell.
func (sc *sheetScan) noteAnchor(col, row, width, height int) (c1, r1, c2, r2, x2, y2 int) {
	c1, r1 = col-1, row-1
	c2, r2 = c1, r1
	x2, y2 = width, height
	for c2 < excelize.MaxColumns && x2 >= sc.colPixels(c2+1) {
		c2++
		x2 -= sc.colPixels(c2)
	}
	for r2 < excelize.TotalRows && y2 >= sc.rowPixels(r2+1) {
		r2++
		y2 -= sc.rowPixels(r2)
	}
	return
}

// sheetRelsPart returns a sheet's relationships part with the VML drawing
// and comments of its notes added, and the id of the drawing.
func sheetRelsPart(existing []byte, name string, vml, comments string) ([]byte, string, error) {
	rels, err := parseRels(name, existing)
	if err != nil {
		return nil, "", err
	}
	for _, r := range rels.rels {
		if r.typ == relComments || r.typ == relVMLDrawing {
			return nil, "", decline("sheet already has notes or a VML drawing")
		}
	}
	id := rels.add(relVMLDrawing, vml)
	rels.add(relComments, comments)
	b, err := rels.bytes()
	return b, id, err
}

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }
