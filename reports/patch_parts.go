package reports

import (
	"strconv"
	"strings"
)

const (
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsTypes   = "http://schemas.openxmlformats.org/package/2006/content-types"
	ctRels    = "application/vnd.openxmlformats-package.relationships+xml"
)

// relation is one relationship of a .rels part.
type relation struct {
	id, typ, target string
	external        bool
}

// relsDoc is a relationships part and the relationships added to it.
type relsDoc struct {
	raw     []byte // nil for a new part
	root    xmlTag
	closeAt int
	rels    []relation
	ids     map[string]bool
	added   strings.Builder
}

// parseRels reads a relationships part; raw nil starts a new one.
func parseRels(name string, raw []byte) (*relsDoc, error) {
	r := &relsDoc{raw: raw, ids: map[string]bool{}}
	if raw == nil {
		return r, nil
	}
	s := newXMLScanner(raw)
	var t xmlTag
	for s.next(&t) {
		switch {
		case t.depth == 1 && !t.close:
			if string(t.name) != "Relationships" {
				return nil, decline("%s: root <%s>", name, t.name)
			}
			if ns, _ := attrOf(t.attrs, "xmlns"); ns != nsPkgRels {
				return nil, decline("%s: namespace %q", name, ns)
			}
			r.root = t
			if t.empty {
				r.closeAt = t.end - 2
			}
		case t.depth == 1:
			r.closeAt = t.start
		case t.depth == 2 && !t.close:
			if string(t.name) != "Relationship" {
				return nil, decline("%s: <%s>", name, t.name)
			}
			id, _ := attrOf(t.attrs, "Id")
			typ, _ := attrOf(t.attrs, "Type")
			target, _ := attrOf(t.attrs, "Target")
			mode, _ := attrOf(t.attrs, "TargetMode")
			if id == "" || r.ids[id] {
				return nil, decline("%s: relationship id %q", name, id)
			}
			r.ids[id] = true
			r.rels = append(r.rels, relation{id: id, typ: typ, target: target, external: mode == "External"})
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	return r, nil
}

// byID returns the relationship with that id.
func (r *relsDoc) byID(id string) (relation, bool) {
	for _, rel := range r.rels {
		if rel.id == id {
			return rel, true
		}
	}
	return relation{}, false
}

// add adds a relationship and returns its id: rId and the first free
// number from one past the count, as excelize numbers them.
func (r *relsDoc) add(typ, target string) string {
	n := len(r.rels) + 1
	for r.ids["rId"+strconv.Itoa(n)] {
		n++
	}
	id := "rId" + strconv.Itoa(n)
	r.ids[id] = true
	r.rels = append(r.rels, relation{id: id, typ: typ, target: target})
	r.added.WriteString(`<Relationship Id="` + id + `" Type="` + xmlText(typ) + `" Target="` + xmlText(target) + `"/>`)
	return id
}

// bytes returns the part with the added relationships.
func (r *relsDoc) bytes() ([]byte, error) {
	if r.raw == nil {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="` + nsPkgRels + `">` + r.added.String() + `</Relationships>`), nil
	}
	var e editor
	if r.root.empty {
		e.replace(r.closeAt, 2, ">"+r.added.String()+"</Relationships>")
	} else {
		e.insert(r.closeAt, r.added.String())
	}
	return e.apply(r.raw)
}

// contentTypes is [Content_Types].xml and the entries added to it.
type contentTypes struct {
	raw       []byte
	closeAt   int
	defaults  map[string]string // by lower-case extension
	overrides map[string]string // by lower-case part name, with its "/"
	add       strings.Builder
}

// parseContentTypes reads [Content_Types].xml.
func parseContentTypes(raw []byte) (*contentTypes, error) {
	ct := &contentTypes{raw: raw, defaults: map[string]string{}, overrides: map[string]string{}, closeAt: -1}
	s := newXMLScanner(raw)
	var t xmlTag
	for s.next(&t) {
		switch {
		case t.depth == 1 && !t.close:
			if string(t.name) != "Types" || t.empty {
				return nil, decline("content types root <%s>", t.name)
			}
			if ns, _ := attrOf(t.attrs, "xmlns"); ns != nsTypes {
				return nil, decline("content types namespace %q", ns)
			}
		case t.depth == 1:
			ct.closeAt = t.start
		case t.depth == 2 && !t.close:
			typ, _ := attrOf(t.attrs, "ContentType")
			switch string(t.name) {
			case "Default":
				ext, _ := attrOf(t.attrs, "Extension")
				ct.defaults[strings.ToLower(ext)] = typ
			case "Override":
				part, _ := attrOf(t.attrs, "PartName")
				ct.overrides[strings.ToLower(part)] = typ
			}
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	return ct, nil
}

// typeOf returns the content type of a part (a zip member name).
func (ct *contentTypes) typeOf(part string) string {
	if t, ok := ct.overrides["/"+strings.ToLower(part)]; ok {
		return t
	}
	ext := part[strings.LastIndexByte(part, '.')+1:]
	return ct.defaults[strings.ToLower(ext)]
}

// override adds an Override for a part (a zip member name).
func (ct *contentTypes) override(part, typ string) {
	ct.overrides["/"+strings.ToLower(part)] = typ
	ct.add.WriteString(`<Override PartName="/` + xmlText(part) + `" ContentType="` + typ + `"/>`)
}

// ensureDefault adds a Default for an extension that has none.
func (ct *contentTypes) ensureDefault(ext, typ string) {
	if _, ok := ct.defaults[ext]; ok {
		return
	}
	ct.defaults[ext] = typ
	ct.add.WriteString(`<Default Extension="` + ext + `" ContentType="` + typ + `"/>`)
}

// bytes returns the part with the added entries. Defaults are written
// after existing overrides, which the schema allows (any order).
func (ct *contentTypes) bytes() ([]byte, error) {
	var e editor
	e.insert(ct.closeAt, ct.add.String())
	return e.apply(ct.raw)
}

// bookSheet is one <sheet> of the workbook.
type bookSheet struct {
	name    string
	sheetID int
	rid     string
	part    string
	kind    string // relWorksheet or relChartsheet
}

// workbookDoc is xl/workbook.xml as the patcher reads and edits it.
type workbookDoc struct {
	raw        []byte
	relPrefix  string
	sheetsOpen xmlTag
	sheets     []bookSheet
	views      []xmlTag // <workbookView>
	names      []xmlTag // <definedName>
	namesOpen  *xmlTag  // <definedNames>
	namesClose int      // offset of </definedNames>
	namesAt    int      // where a new <definedNames> goes
}

// parseWorkbook reads the workbook's sheets, views and defined names.
func parseWorkbook(raw []byte) (*workbookDoc, error) {
	wb := &workbookDoc{raw: raw, namesClose: -1, namesAt: -1}
	s := newXMLScanner(raw)
	var t xmlTag
	section := ""
	for s.next(&t) {
		switch t.depth {
		case 1:
			if t.close {
				continue
			}
			if string(t.name) != "workbook" || t.empty {
				return nil, decline("workbook root <%s>", t.name)
			}
			if ns, _ := attrOf(t.attrs, "xmlns"); ns != nsMain {
				return nil, decline("workbook namespace %q", ns)
			}
			wb.relPrefix = nsPrefix(t.attrs, nsRel) // "" when each <sheet> declares it
		case 2:
			name := string(t.name)
			if t.close {
				switch name {
				case "sheets", "functionGroups", "externalReferences":
					wb.namesAt = t.end
				case "definedNames":
					wb.namesClose = t.start
				}
				section = ""
				continue
			}
			section = name
			switch name {
			case "sheets":
				if t.empty {
					return nil, decline("workbook without sheets")
				}
				wb.sheetsOpen = t
			case "functionGroups", "externalReferences":
				if t.empty {
					wb.namesAt = t.end
				}
			case "definedNames":
				d := t
				wb.namesOpen = &d
			}
		case 3:
			if t.close {
				continue
			}
			switch {
			case section == "sheets" && string(t.name) == "sheet":
				name, _ := attrOf(t.attrs, "name")
				id, ok, err := attrInt(t.attrs, "sheetId")
				if err != nil || !ok {
					return nil, decline("sheet %q without a sheetId", name)
				}
				prefix := wb.relPrefix
				if p := nsPrefix(t.attrs, nsRel); p != "" {
					prefix = p
				}
				if prefix == "" {
					return nil, decline("sheet %q without the relationships namespace", name)
				}
				rid, _ := attrOf(t.attrs, prefix+":id")
				wb.sheets = append(wb.sheets, bookSheet{name: name, sheetID: id, rid: rid})
			case section == "bookViews" && string(t.name) == "workbookView":
				wb.views = append(wb.views, t)
			case section == "definedNames" && string(t.name) == "definedName":
				wb.names = append(wb.names, t)
			}
		}
	}
	if s.err != nil {
		return nil, s.err
	}
	if len(wb.sheets) == 0 || wb.namesAt < 0 {
		return nil, decline("workbook without sheets")
	}
	return wb, nil
}

// bytes returns the workbook with the 校验结果 sheet first and active:
// its <sheet> inserted before the others, every sheet-scoped defined name
// moved one index on, its autofilter's _xlnm._FilterDatabase added, and the
// views showing the first tab.
func (wb *workbookDoc) bytes(sheetID int, rid, filterRef string) ([]byte, error) {
	var e editor
	prefix, decl := wb.relPrefix, ""
	if prefix == "" {
		prefix, decl = "r", ` xmlns:r="`+nsRel+`"`
	}
	e.insert(wb.sheetsOpen.end, `<sheet`+decl+` name="`+xmlText(ResultSheet)+`" sheetId="`+itoa(sheetID)+`" `+
		prefix+`:id="`+rid+`"/>`)
	for i := range wb.views {
		e.dropAttr(&wb.views[i], "activeTab")
		e.dropAttr(&wb.views[i], "firstSheet")
	}
	for i := range wb.names {
		n, ok, err := attrInt(wb.names[i].attrs, "localSheetId")
		if err != nil {
			return nil, err
		}
		if ok {
			e.setAttr(&wb.names[i], "localSheetId", itoa(n+1))
		}
	}
	filter := `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">` + xmlText(filterRef) + `</definedName>`
	switch {
	case wb.namesOpen != nil && wb.namesOpen.empty:
		e.replace(wb.namesOpen.start, wb.namesOpen.end-wb.namesOpen.start, "<definedNames>"+filter+"</definedNames>")
	case wb.namesOpen != nil:
		if wb.namesClose < 0 {
			return nil, decline("definedNames not closed")
		}
		e.insert(wb.namesClose, filter)
	default:
		e.insert(wb.namesAt, "<definedNames>"+filter+"</definedNames>")
	}
	return e.apply(wb.raw)
}
