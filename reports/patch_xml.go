package reports

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// declineError says why the package patcher leaves a workbook to the
// excelize path: something in the package it does not handle.
type declineError struct{ reason string }

func (e *declineError) Error() string { return "annotate patch: " + e.reason }

// decline returns a declineError with a formatted reason.
func decline(format string, args ...any) error {
	return &declineError{reason: fmt.Sprintf(format, args...)}
}

// isDecline reports whether err is the patcher declining a workbook.
func isDecline(err error) bool {
	var d *declineError
	return errors.As(err, &d)
}

// xmlTag is one tag found by xmlScanner.
type xmlTag struct {
	start, end int    // offsets of its "<" and just past its ">"
	name       []byte // qualified name
	attrs      []byte // the bytes between the name and the closing "/>" or ">"
	attrsAt    int    // offset of attrs in the document
	close      bool   // an end tag </name>
	empty      bool   // an empty-element tag <name/>
	depth      int    // 1 for the root element, 2 for its children, …
}

// xmlScanner walks the tags of an XML document held in memory. It checks
// what the patcher relies on — tags and attributes well formed, end tags
// matching their start tags, one root element — and skips comments,
// processing instructions and CDATA sections. A document type declaration
// is refused (it could declare entities). Character data is not examined.
type xmlScanner struct {
	raw   []byte
	pos   int
	stack [][]byte
	roots int
	err   error
}

// newXMLScanner prepares to scan raw, which must be UTF-8.
func newXMLScanner(raw []byte) *xmlScanner {
	s := &xmlScanner{raw: raw}
	if len(raw) >= 2 && (raw[0] == 0xFE && raw[1] == 0xFF || raw[0] == 0xFF && raw[1] == 0xFE) || bytes.IndexByte(raw[:min(len(raw), 512)], 0) >= 0 {
		s.err = decline("XML part is not UTF-8")
	}
	return s
}

// fail records a scanning error at offset at.
func (s *xmlScanner) fail(at int, what string) bool {
	if s.err == nil {
		s.err = decline("XML at byte %d: %s", at, what)
	}
	return false
}

// next returns the next tag, or false at the end of the document or on an
// error (then s.err is set).
func (s *xmlScanner) next(t *xmlTag) bool {
	raw := s.raw
	for s.err == nil {
		i := bytes.IndexByte(raw[s.pos:], '<')
		if i < 0 {
			if len(s.stack) != 0 || s.roots != 1 {
				return s.fail(len(raw), "unexpected end of document")
			}
			return false
		}
		start := s.pos + i
		rest := raw[start+1:]
		switch {
		case len(rest) > 0 && rest[0] == '?':
			e := bytes.Index(rest, []byte("?>"))
			if e < 0 {
				return s.fail(start, "unterminated processing instruction")
			}
			if err := checkDeclaration(rest[:e]); err != nil {
				s.err = err
				return false
			}
			s.pos = start + 1 + e + 2
			continue
		case bytes.HasPrefix(rest, []byte("!--")):
			e := bytes.Index(rest[3:], []byte("-->"))
			if e < 0 {
				return s.fail(start, "unterminated comment")
			}
			s.pos = start + 4 + e + 3
			continue
		case bytes.HasPrefix(rest, []byte("![CDATA[")):
			if len(s.stack) == 0 {
				return s.fail(start, "CDATA outside the root")
			}
			e := bytes.Index(rest[8:], []byte("]]>"))
			if e < 0 {
				return s.fail(start, "unterminated CDATA")
			}
			s.pos = start + 9 + e + 3
			continue
		case len(rest) > 0 && rest[0] == '!':
			return s.fail(start, "document type declaration")
		}
		return s.tag(start, t)
	}
	return false
}

// tag reads the start, end or empty-element tag at start.
func (s *xmlScanner) tag(start int, t *xmlTag) bool {
	raw := s.raw
	p := start + 1
	*t = xmlTag{start: start}
	if p < len(raw) && raw[p] == '/' {
		t.close = true
		p++
	}
	n := p
	for n < len(raw) && !isXMLSpace(raw[n]) && raw[n] != '/' && raw[n] != '>' && raw[n] != '<' {
		n++
	}
	if n == p {
		return s.fail(start, "tag without a name")
	}
	t.name = raw[p:n]
	q := n
	for {
		for q < len(raw) && isXMLSpace(raw[q]) {
			q++
		}
		if q >= len(raw) {
			return s.fail(start, "unterminated tag")
		}
		c := raw[q]
		if c == '>' {
			t.end = q + 1
			break
		}
		if c == '/' && !t.close {
			if q+1 < len(raw) && raw[q+1] == '>' {
				t.empty = true
				t.end = q + 2
				break
			}
			return s.fail(q, "stray / in tag")
		}
		if t.close || q == n || !isXMLSpace(raw[q-1]) {
			return s.fail(q, "malformed attribute")
		}
		a := q
		for q < len(raw) && !isXMLSpace(raw[q]) && raw[q] != '=' && raw[q] != '/' && raw[q] != '>' && raw[q] != '<' {
			q++
		}
		if q == a {
			return s.fail(q, "attribute without a name")
		}
		for q < len(raw) && isXMLSpace(raw[q]) {
			q++
		}
		if q >= len(raw) || raw[q] != '=' {
			return s.fail(q, "attribute without a value")
		}
		q++
		for q < len(raw) && isXMLSpace(raw[q]) {
			q++
		}
		if q >= len(raw) || (raw[q] != '"' && raw[q] != '\'') {
			return s.fail(q, "unquoted attribute value")
		}
		e := bytes.IndexByte(raw[q+1:], raw[q])
		if e < 0 || bytes.IndexByte(raw[q+1:q+1+e], '<') >= 0 {
			return s.fail(q, "unterminated attribute value")
		}
		q += e + 2
	}
	t.attrsAt = n
	if t.empty {
		t.attrs = raw[n : t.end-2]
	} else {
		t.attrs = raw[n : t.end-1]
	}
	switch {
	case t.close:
		if len(s.stack) == 0 || !bytes.Equal(s.stack[len(s.stack)-1], t.name) {
			return s.fail(start, "end tag "+string(t.name)+" does not match")
		}
		t.depth = len(s.stack)
		s.stack = s.stack[:len(s.stack)-1]
	default:
		if len(s.stack) == 0 {
			s.roots++
			if s.roots > 1 {
				return s.fail(start, "second root element")
			}
		}
		t.depth = len(s.stack) + 1
		if !t.empty {
			s.stack = append(s.stack, t.name)
		}
	}
	s.pos = t.end
	return true
}

// checkDeclaration refuses an XML declaration naming an encoding other than
// UTF-8 (body is the text after "<?" up to "?>").
func checkDeclaration(body []byte) error {
	if !bytes.HasPrefix(body, []byte("?xml")) || len(body) > 4 && !isXMLSpace(body[4]) {
		return nil
	}
	if v, ok := attrOf(body[4:], "encoding"); ok && !strings.EqualFold(v, "utf-8") {
		return decline("XML encoding %q", v)
	}
	return nil
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// eachAttr calls fn with each attribute of attrs (the attribute bytes of a
// tag xmlScanner accepted): its name and where its value lies, between the
// quotes, until fn returns false.
func eachAttr(attrs []byte, fn func(key []byte, i, j int) bool) {
	q := 0
	for q < len(attrs) {
		for q < len(attrs) && isXMLSpace(attrs[q]) {
			q++
		}
		a := q
		for q < len(attrs) && !isXMLSpace(attrs[q]) && attrs[q] != '=' {
			q++
		}
		key := attrs[a:q]
		for q < len(attrs) && attrs[q] != '"' && attrs[q] != '\'' {
			q++
		}
		if q >= len(attrs) {
			return
		}
		e := bytes.IndexByte(attrs[q+1:], attrs[q])
		if e < 0 || !fn(key, q+1, q+1+e) {
			return
		}
		q += e + 2
	}
}

// attrSpan returns where the value of attribute name lies in attrs,
// between the quotes.
func attrSpan(attrs []byte, name string) (i, j int, ok bool) {
	eachAttr(attrs, func(key []byte, vi, vj int) bool {
		if string(key) == name {
			i, j, ok = vi, vj, true
		}
		return !ok
	})
	return i, j, ok
}

// attrOf returns the unescaped value of attribute name in attrs.
func attrOf(attrs []byte, name string) (string, bool) {
	i, j, ok := attrSpan(attrs, name)
	if !ok {
		return "", false
	}
	v, err := xmlUnescape(attrs[i:j])
	if err != nil {
		return "", false
	}
	return v, true
}

// attrInt returns attribute name as a non-negative integer: (0, false, nil)
// when it is absent, an error when it is not a number.
func attrInt(attrs []byte, name string) (int, bool, error) {
	v, ok := attrOf(attrs, name)
	if !ok {
		return 0, false, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, false, decline("attribute %s=%q", name, v)
	}
	return n, true, nil
}

// attrBool reads an xsd:boolean attribute.
func attrBool(attrs []byte, name string) bool {
	v, _ := attrOf(attrs, name)
	v = strings.TrimSpace(v)
	return v == "1" || v == "true"
}

// xmlUnescape resolves the predefined and numeric character references of
// an attribute value or text.
func xmlUnescape(b []byte) (string, error) {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b), nil
	}
	var out strings.Builder
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out.Write(b)
			break
		}
		out.Write(b[:i])
		b = b[i:]
		e := bytes.IndexByte(b, ';')
		if e < 0 {
			return "", decline("unterminated character reference")
		}
		ref := string(b[1:e])
		b = b[e+1:]
		switch ref {
		case "lt":
			out.WriteByte('<')
		case "gt":
			out.WriteByte('>')
		case "amp":
			out.WriteByte('&')
		case "apos":
			out.WriteByte('\'')
		case "quot":
			out.WriteByte('"')
		default:
			var n uint64
			var err error
			switch {
			case strings.HasPrefix(ref, "#x"):
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			case strings.HasPrefix(ref, "#"):
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			default:
				err = errors.New("entity")
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return "", decline("character reference &%s;", ref)
			}
			out.WriteRune(rune(n))
		}
	}
	return out.String(), nil
}

// xmlText escapes s for character data or a double-quoted attribute value,
// as encoding/xml does (invalid characters become U+FFFD).
func xmlText(s string) string {
	var b bytes.Buffer
	writeXMLText(&b, s)
	return b.String()
}

// writeXMLText writes s escaped to b.
func writeXMLText(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !isXMLChar(r) || r == utf8.RuneError && width == 1 {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += width
		last = i
	}
	b.WriteString(s[last:])
}

// isXMLChar reports whether r may appear in an XML document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// edit replaces raw[at:at+del] with ins; edits are applied in order of at,
// those at one offset in the order they were made.
type edit struct {
	at, del int
	ins     string
	seq     int
}

// editor collects edits of one document.
type editor struct {
	edits []edit
}

func (e *editor) replace(at, del int, ins string) {
	e.edits = append(e.edits, edit{at: at, del: del, ins: ins, seq: len(e.edits)})
}

func (e *editor) insert(at int, ins string) { e.replace(at, 0, ins) }

// apply returns raw with the edits made, or an error when two overlap.
func (e *editor) apply(raw []byte) ([]byte, error) {
	sort.Slice(e.edits, func(i, j int) bool {
		a, b := e.edits[i], e.edits[j]
		if a.at != b.at {
			return a.at < b.at
		}
		return a.seq < b.seq
	})
	grow := 0
	for _, ed := range e.edits {
		grow += len(ed.ins)
	}
	out := make([]byte, 0, len(raw)+grow)
	pos := 0
	for _, ed := range e.edits {
		if ed.at < pos {
			return nil, decline("overlapping edits")
		}
		out = append(out, raw[pos:ed.at]...)
		out = append(out, ed.ins...)
		pos = ed.at + ed.del
	}
	return append(out, raw[pos:]...), nil
}

// setAttr edits the tag t of a document so that attribute name has value
// (already escaped), replacing its value or adding it.
func (e *editor) setAttr(t *xmlTag, name, value string) {
	if i, j, ok := attrSpan(t.attrs, name); ok {
		e.replace(t.attrsAt+i, j-i, value)
		return
	}
	e.insert(t.attrsAt+len(t.attrs), " "+name+`="`+value+`"`)
}

// dropAttr edits the tag t to remove attribute name, if it has it.
func (e *editor) dropAttr(t *xmlTag, name string) {
	i, j, ok := attrSpan(t.attrs, name)
	if !ok {
		return
	}
	// From the space before the name to the closing quote.
	k := i - 1
	for k > 0 && t.attrs[k-1] != ' ' && t.attrs[k-1] != '\t' && t.attrs[k-1] != '\r' && t.attrs[k-1] != '\n' {
		k--
	}
	for k > 0 && isXMLSpace(t.attrs[k-1]) {
		k--
	}
	e.replace(t.attrsAt+k, j+1-k, "")
}

// localName returns a qualified name without its prefix.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// nsPrefix returns the prefix the root tag's attributes bind to uri, or
// "" when none does.
func nsPrefix(attrs []byte, uri string) string {
	prefix := ""
	eachAttr(attrs, func(key []byte, i, j int) bool {
		if p, ok := strings.CutPrefix(string(key), "xmlns:"); ok && string(attrs[i:j]) == uri {
			prefix = p
			return false
		}
		return true
	})
	return prefix
}
