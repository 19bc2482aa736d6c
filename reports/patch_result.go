package reports

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// resultSheetPart writes the 校验结果 worksheet directly: the same cells,
// styles, merged ranges, links, frozen header, autofilter and print layout
// that writeResultSheet makes through excelize. Every text is an inline
// string, never a formula. It returns the part and the autofilter range
// for the workbook's _xlnm._FilterDatabase name.
func resultSheetPart(findings []checks.Finding, opt AnnotateOptions, sheets map[string]bool, st resultStyles) ([]byte, string) {
	lastCol, _ := excelize.ColumnNumberToName(len(resultHeaders))
	lastRow := max(resultFirstRow+len(findings)-1, resultHeaderRow)
	var b bytes.Buffer
	b.Grow(600 + 700*len(findings))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<sheetPr filterMode="1"><pageSetUpPr fitToPage="1"/></sheetPr>`)
	fmt.Fprintf(&b, `<dimension ref="A1:%s%d"/>`, lastCol, lastRow)
	fmt.Fprintf(&b, `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="%d" topLeftCell="A%d" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A%d" sqref="A%d"/></sheetView></sheetViews>`, resultHeaderRow, resultFirstRow, resultFirstRow, resultFirstRow)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, h := range resultHeaders {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(h.width, 'f', -1, 64))
	}
	b.WriteString(`</cols><sheetData>`)
	b.WriteString(`<row r="1" ht="24" customHeight="1">`)
	inlineCell(&b, "A1", st.title, Verdict(findings))
	b.WriteString(`</row><row r="2" ht="44" customHeight="1">`)
	inlineCell(&b, "A2", st.legend, resultLegend(findings, opt))
	fmt.Fprintf(&b, `</row><row r="%d">`, resultHeaderRow)
	for i, h := range resultHeaders {
		col, _ := excelize.ColumnNumberToName(i + 1)
		inlineCell(&b, col+strconv.Itoa(resultHeaderRow), st.header, h.title)
	}
	b.WriteString(`</row>`)
	var links strings.Builder
	for i, fd := range findings {
		r := resultFirstRow + i
		rs := strconv.Itoa(r)
		ref, link := findingRef(fd)
		linked := link != "" && sheets[fd.Sheet]
		fmt.Fprintf(&b, `<row r="%d" ht="%s" customHeight="1">`, r, strconv.FormatFloat(resultRowHeight(fd), 'f', -1, 64))
		fmt.Fprintf(&b, `<c r="A%d" s="%d"><v>%d</v></c>`, r, st.body, i+1)
		cStyle := st.body
		if linked {
			cStyle = st.link
		}
		inlineCell(&b, "B"+rs, st.body, fd.Sheet)
		inlineCell(&b, "C"+rs, cStyle, ref)
		inlineCell(&b, "D"+rs, st.body, fd.Column)
		inlineCell(&b, "E"+rs, st.body, fd.Rule)
		inlineCell(&b, "F"+rs, st.severity[fd.Severity], checks.SeverityName(fd.Severity))
		inlineCell(&b, "G"+rs, st.body, fd.Message)
		inlineCell(&b, "H"+rs, st.body, fd.Suggestion)
		b.WriteString(`</row>`)
		if linked {
			links.WriteString(`<hyperlink ref="C` + rs + `" location="` + xmlText(link) + `" tooltip="` +
				xmlText("跳到 "+fd.Sheet+"!"+ref) + `"/>`)
		}
	}
	b.WriteString(`</sheetData>`)
	fmt.Fprintf(&b, `<autoFilter ref="A%d:%s%d"/>`, resultHeaderRow, lastCol, lastRow)
	fmt.Fprintf(&b, `<mergeCells count="2"><mergeCell ref="A1:%s1"/><mergeCell ref="A2:%s2"/></mergeCells>`, lastCol, lastCol)
	if links.Len() > 0 {
		b.WriteString(`<hyperlinks>` + links.String() + `</hyperlinks>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`)
	filter := fmt.Sprintf("'%s'!$A$%d:$%s$%d", strings.ReplaceAll(ResultSheet, "'", "''"), resultHeaderRow, lastCol, lastRow)
	return b.Bytes(), filter
}

// inlineCell writes a cell holding text as an inline string, or only its
// style when the text is empty.
func inlineCell(b *bytes.Buffer, ref string, style int, text string) {
	fmt.Fprintf(b, `<c r="%s" s="%d"`, ref, style)
	if text == "" {
		b.WriteString(`/>`)
		return
	}
	b.WriteString(` t="inlineStr"><is><t`)
	if strings.TrimLeft(text, "\t\n\r ") != text || strings.TrimRight(text, "\t\n\r ") != text {
		b.WriteString(` xml:space="preserve"`)
	}
	b.WriteString(`>`)
	writeXMLText(b, text)
	b.WriteString(`</t></is></c>`)
}
