package importer

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetParts maps each sheet name to its worksheet part (xl/worksheets/…)
// from the workbook and its relationships, as excelize holds them.
func sheetParts(f *excelize.File) map[string]string {
	wbXML, ok1 := pkgPart(f, "xl/workbook.xml")
	relsXML, ok2 := pkgPart(f, "xl/_rels/workbook.xml.rels")
	if !ok1 || !ok2 {
		return nil
	}
	return sheetPartsOf(wbXML, relsXML)
}

// sheetPartsOf maps each sheet name to its worksheet part from the bytes
// of xl/workbook.xml and its relationships.
func sheetPartsOf(wbXML, relsXML []byte) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(wbXML, &wb) != nil || xml.Unmarshal(relsXML, &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			parts[s.Name] = t
		}
	}
	return parts
}

func pkgPart(f *excelize.File, name string) ([]byte, bool) {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	b, ok := v.([]byte)
	return b, ok
}

// scanMerges reads the merged ranges of a worksheet part by scanning its
// bytes for <mergeCell ref="…"/>, with or without a namespace prefix,
// instead of decoding the whole worksheet a second time. Only a real tag
// counts: a literal < never occurs in XML text, so cell text that spells
// mergeCell ref="…" is not taken for one.
func scanMerges(sheetXML []byte) []cellRange {
	var out []cellRange
	rest := sheetXML
	for {
		i := bytes.Index(rest, []byte("mergeCell "))
		if i < 0 {
			return out
		}
		isTag := opensTag(rest, i)
		rest = rest[i+len("mergeCell "):]
		if !isTag {
			continue
		}
		end := bytes.IndexByte(rest, '>')
		if end < 0 {
			return out
		}
		ref := attr(rest[:end], "ref")
		if a, b, ok := strings.Cut(ref, ":"); ok {
			if r, ok := parseRange(a, b); ok {
				out = append(out, r)
			}
		}
		rest = rest[end:]
	}
}

// opensTag reports whether the element name at b[i:] directly follows a
// "<", allowing a namespace prefix such as "<x:".
func opensTag(b []byte, i int) bool {
	j := i
	for j > 0 {
		c := b[j-1]
		if c == ':' || c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			j--
			continue
		}
		break
	}
	if j == 0 || b[j-1] != '<' {
		return false
	}
	// The name itself must start at j (no prefix) or after a prefix's colon.
	return j == i || b[i-1] == ':'
}

// attr returns the value of attribute name in a tag's attribute text.
func attr(tag []byte, name string) string {
	for _, q := range []string{`"`, `'`} {
		key := []byte(" " + name + "=" + q)
		i := bytes.Index(append([]byte(" "), tag...), key)
		if i < 0 {
			continue
		}
		v := tag[i+len(key)-1:]
		if j := bytes.IndexByte(v, q[0]); j >= 0 {
			return string(v[:j])
		}
	}
	return ""
}
