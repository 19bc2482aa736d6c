package reports

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// measure records how far each worksheet's cells reach, before any cell is
// changed. It scans the stored sheet XML for row and cell references, which
// is several times faster than decoding the sheet; a sheet whose XML is not
// held in memory (excelize keeps very large parts in temporary files) is
// read through GetRows instead.
func (a *annotator) measure() {
	parts := sheetParts(a.f)
	for sheet := range a.sheets {
		if raw, ok := loadPart(a.f, parts[sheet]); ok {
			col, row := xmlExtent(raw)
			a.grow(sheet, col, row)
			continue
		}
		rows, err := a.f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			continue // a chart sheet
		}
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		a.grow(sheet, maxCol, len(rows))
	}
}

// grow widens the recorded extent of a sheet to (col, row).
func (a *annotator) grow(sheet string, col, row int) {
	ext := a.extent[sheet]
	a.extent[sheet] = [2]int{max(ext[0], col), max(ext[1], row)}
}

// loadPart returns a package part excelize holds in memory.
func loadPart(f *excelize.File, name string) ([]byte, bool) {
	if name == "" {
		return nil, false
	}
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	b, ok := v.([]byte)
	return b, ok
}

// sheetParts maps sheet names to their part names (xl/worksheets/…),
// read from the workbook and its relationships.
func sheetParts(f *excelize.File) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	w, ok1 := loadPart(f, "xl/workbook.xml")
	r, ok2 := loadPart(f, "xl/_rels/workbook.xml.rels")
	if !ok1 || !ok2 || xml.Unmarshal(w, &wb) != nil || xml.Unmarshal(r, &rels) != nil {
		return out
	}
	targets := map[string]string{}
	for _, rel := range rels.Rel {
		t := rel.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[rel.ID] = t
	}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.RID]
	}
	return out
}

// xmlExtent returns the largest column and row referenced by the <row> and
// <c> elements of a worksheet's XML, with or without a namespace prefix.
// Rows and cells without an r attribute follow the one before, as in
// SpreadsheetML.
func xmlExtent(raw []byte) (maxCol, maxRow int) {
	row, col := 0, 0
	for i := 0; ; {
		j := bytes.IndexByte(raw[i:], '<')
		if j < 0 {
			return maxCol, maxRow
		}
		i += j + 1
		name, attrs := elementHead(raw[i:])
		switch string(name) {
		case "row":
			row, col = row+1, 0
			if r := attrValue(attrs, "r"); r != "" {
				row = atoiSafe(r, row)
			}
			maxRow = max(maxRow, row)
		case "c":
			col++
			if r := attrValue(attrs, "r"); r != "" {
				if c, rr, err := excelize.CellNameToCoordinates(r); err == nil {
					col, row = c, max(row, rr)
				}
			}
			maxCol, maxRow = max(maxCol, col), max(maxRow, row)
		}
	}
}

// elementHead returns the local name of the element starting at b (just
// past its "<") and the bytes of its attributes up to the closing ">".
// Anything but a start tag gives a nil name.
func elementHead(b []byte) ([]byte, []byte) {
	end := bytes.IndexByte(b, '>')
	if end < 0 || len(b) == 0 || b[0] == '/' || b[0] == '?' || b[0] == '!' {
		return nil, nil
	}
	head := b[:end]
	n := bytes.IndexAny(head, " \t\r\n/")
	if n < 0 {
		n = len(head)
	}
	name := head[:n]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return name, head[n:]
}

// attrValue returns the value of the unprefixed attribute key in attrs,
// quoted either way.
func attrValue(attrs []byte, key string) string {
	for k := 0; k+len(key)+2 < len(attrs); k++ {
		c := attrs[k]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			continue
		}
		rest := attrs[k+1:]
		if !bytes.HasPrefix(rest, []byte(key)) {
			continue
		}
		rest = bytes.TrimLeft(rest[len(key):], " \t\r\n")
		if len(rest) < 2 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			continue
		}
		if e := bytes.IndexByte(rest[1:], rest[0]); e >= 0 {
			return string(rest[1 : 1+e])
		}
	}
	return ""
}

// atoiSafe parses a positive row number, or returns def.
func atoiSafe(s string, def int) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > excelize.TotalRows {
			return def
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		return def
	}
	return n
}
