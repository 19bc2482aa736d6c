package importer

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a byte scanner for the XML parts of an .xlsx. It accepts a
// subset of what encoding/xml's Decoder (Strict, no Entity map) accepts and
// gives it the same meaning: the same tokens, the same text once entities,
// character references and line ends are resolved. Whatever it does not
// accept — malformed XML, a DOCTYPE, a non-UTF-8 encoding, a non-ASCII
// element name — stops it with tokBad, and the caller reads the workbook
// with excelize instead. It never decides that a document is wrong; it
// only declines to read it.

type tokKind uint8

const (
	tokNone    tokKind = iota // before the first token
	tokBad                    // not accepted: fall back
	tokEOF                    // end of input outside any markup
	tokStart                  // start tag (also the start of <a/>)
	tokEnd                    // end tag (also the end of <a/>)
	tokText                   // character data; text holds it raw
	tokCDATA                  // a CDATA section; text holds its content raw
	tokComment                // a comment
	tokPI                     // a processing instruction
)

// span is a part of the input, by offsets: the scanner keeps no pointers
// into it in its state, which would cost a write barrier each while the
// garbage collector runs.
type span struct{ from, to int }

// xattr is one attribute of the current start tag: its name, its local
// name (after any prefix) and its raw value between the quotes, checked.
type xattr struct {
	qname, local, val span
	plain             bool // the raw value is its own text: no entity, no CR
}

type xscan struct {
	b   []byte
	pos int

	kind      tokKind
	start     int  // offset of the current token
	qname     span // raw name of the start or end tag
	local     span // its local part
	attrs     []xattr
	text      span // raw text of tokText / tokCDATA
	plain     bool // for tokText: the raw text is its own value
	selfClose bool // the start tag was <a/>; a tokEnd follows

	stack     []span // raw names of the open elements
	needClose bool
}

// bytes returns the input of a span.
func (s *xscan) bytes(sp span) []byte { return s.b[sp.from:sp.to] }

// is reports whether the local name of the current tag is name.
func (s *xscan) is(name string) bool { return string(s.b[s.local.from:s.local.to]) == name }

func newScan(b []byte) *xscan { return &xscan{b: b, attrs: make([]xattr, 0, 8)} }

func (s *xscan) depth() int { return len(s.stack) }

func (s *xscan) bad() tokKind { s.kind = tokBad; return tokBad }

// next reads the next token.
func (s *xscan) next() tokKind {
	if s.kind == tokBad {
		return tokBad
	}
	if s.needClose {
		s.needClose = false
		s.kind = tokEnd
		s.stack = s.stack[:len(s.stack)-1]
		return tokEnd
	}
	s.start = s.pos
	if s.pos >= len(s.b) {
		s.kind = tokEOF
		return tokEOF
	}
	b := s.b
	if b[s.pos] != '<' {
		end := len(b)
		if i := bytes.IndexByte(b[s.pos:], '<'); i >= 0 {
			end = s.pos + i
		}
		s.text = span{s.pos, end}
		s.pos = end
		plain, ok := checkText(b[s.text.from:end], false)
		if !ok {
			return s.bad()
		}
		s.plain = plain
		s.kind = tokText
		return tokText
	}
	if s.pos+1 >= len(b) {
		return s.bad()
	}
	switch b[s.pos+1] {
	case '/':
		s.pos += 2
		qname, local, ok := s.name()
		if !ok {
			return s.bad()
		}
		s.space()
		if s.pos >= len(b) || b[s.pos] != '>' {
			return s.bad()
		}
		s.pos++
		n := len(s.stack)
		if n == 0 || !bytes.Equal(s.bytes(s.stack[n-1]), s.bytes(qname)) {
			return s.bad()
		}
		s.stack = s.stack[:n-1]
		s.qname, s.local = qname, local
		s.kind = tokEnd
		return tokEnd
	case '?':
		return s.procInst()
	case '!':
		rest := b[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			body := rest[4:]
			i := bytes.Index(body, []byte("--"))
			if i < 0 || i+2 >= len(body) || body[i+2] != '>' {
				return s.bad()
			}
			s.pos += 4 + i + 3
			s.kind = tokComment
			return tokComment
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			body := rest[9:]
			i := bytes.Index(body, []byte("]]>"))
			if i < 0 {
				return s.bad()
			}
			s.text = span{s.pos + 9, s.pos + 9 + i}
			if _, ok := checkCDATA(body[:i]); !ok {
				return s.bad()
			}
			s.pos += 9 + i + 3
			s.kind = tokCDATA
			return tokCDATA
		}
		return s.bad() // a DOCTYPE or other directive
	}
	return s.startTag()
}

// startTag reads <name attr="value" ...> or <name .../>.
func (s *xscan) startTag() tokKind {
	s.pos++
	qname, local, ok := s.name()
	if !ok {
		return s.bad()
	}
	s.qname, s.local = qname, local
	s.attrs = s.attrs[:0]
	s.selfClose = false
	b := s.b
	for {
		s.space()
		if s.pos >= len(b) {
			return s.bad()
		}
		switch b[s.pos] {
		case '/':
			if s.pos+1 >= len(b) || b[s.pos+1] != '>' {
				return s.bad()
			}
			s.pos += 2
			s.selfClose = true
			s.needClose = true
			s.stack = append(s.stack, qname)
			s.kind = tokStart
			return tokStart
		case '>':
			s.pos++
			s.stack = append(s.stack, qname)
			s.kind = tokStart
			return tokStart
		}
		aq, al, ok := s.name()
		if !ok {
			return s.bad()
		}
		s.space()
		if s.pos >= len(b) || b[s.pos] != '=' {
			return s.bad()
		}
		s.pos++
		s.space()
		if s.pos >= len(b) || b[s.pos] != '"' && b[s.pos] != '\'' {
			return s.bad()
		}
		q := b[s.pos]
		s.pos++
		i := bytes.IndexByte(b[s.pos:], q)
		if i < 0 {
			return s.bad()
		}
		val := span{s.pos, s.pos + i}
		s.pos += i + 1
		plain, ok := checkText(b[val.from:val.to], true)
		if !ok {
			return s.bad()
		}
		s.attrs = append(s.attrs, xattr{qname: aq, local: al, val: val, plain: plain})
	}
}

// procInst reads <?target ...?>. The XML declaration must declare version
// 1.0 (or none) and UTF-8 (or nothing): another encoding would make
// encoding/xml switch to a charset reader.
func (s *xscan) procInst() tokKind {
	s.pos += 2
	target, _, ok := s.name()
	if !ok {
		return s.bad()
	}
	s.space()
	i := bytes.Index(s.b[s.pos:], []byte("?>"))
	if i < 0 {
		return s.bad()
	}
	content := s.b[s.pos : s.pos+i]
	s.pos += i + 2
	if string(s.bytes(target)) == "xml" {
		c := string(content)
		if ver := procInstParam("version", c); ver != "" && ver != "1.0" {
			return s.bad()
		}
		if enc := procInstParam("encoding", c); enc != "" && !strings.EqualFold(enc, "utf-8") {
			return s.bad()
		}
	}
	s.kind = tokPI
	return tokPI
}

// procInstParam is encoding/xml's procInst: the value of param in the
// content of a processing instruction.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// space skips XML white space.
func (s *xscan) space() {
	for s.pos < len(s.b) {
		switch s.b[s.pos] {
		case ' ', '\n', '\t', '\r':
			s.pos++
		default:
			return
		}
	}
}

// nameByte marks the bytes encoding/xml reads as part of a name.
var nameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == ':' || c == '.' || c == '-'
	}
	return
}()

// name reads an ASCII XML name with at most one colon, neither first nor
// last, and returns it whole and its local part.
func (s *xscan) name() (qname, local span, ok bool) {
	b := s.b
	i := s.pos
	colon := -1
	for i < len(b) && nameByte[b[i]] {
		if b[i] == ':' {
			if colon >= 0 {
				return span{}, span{}, false
			}
			colon = i
		}
		i++
	}
	if i == s.pos || i < len(b) && b[i] >= utf8.RuneSelf {
		return span{}, span{}, false
	}
	if c := b[s.pos]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_') || colon == i-1 {
		return span{}, span{}, false
	}
	qname, local = span{s.pos, i}, span{s.pos, i}
	if colon >= 0 {
		local.from = colon + 1
	}
	s.pos = i
	return qname, local, true
}

// skip reads to the end of the element whose start tag is the current
// token, checking everything in it.
func (s *xscan) skip() bool {
	d := s.depth()
	for {
		switch s.next() {
		case tokBad, tokEOF:
			return false
		case tokEnd:
			if s.depth() < d {
				return true
			}
		}
	}
}

// attr returns the raw value of the attribute whose local name is name;
// dup reports a second one.
func (s *xscan) attr(name string) (a *xattr, dup bool) {
	for i := range s.attrs {
		if l := s.attrs[i].local; string(s.b[l.from:l.to]) == name {
			if a != nil {
				return a, true
			}
			a = &s.attrs[i]
		}
	}
	return a, false
}

// textKind classifies the bytes of text: 0 for a byte that needs no look.
var textKind = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	t['&'], t[']'], t['<'], t[0xEF] = 1, 1, 1, 1
	return
}()

// checkText checks raw character data (attr: an attribute value) as
// encoding/xml's Decoder.text does: entities are the five predefined ones
// or character references, no "]]>" outside attribute values, no "<" in
// them, valid UTF-8 of characters XML allows. plain reports that the raw
// bytes are the text (no entity or carriage return to resolve).
func checkText(t []byte, attr bool) (plain, ok bool) {
	plain = true
	var high byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		high |= c
		if textKind[c] == 0 {
			continue
		}
		switch c {
		case '\t', '\n':
		case '\r':
			plain = false
		case '&':
			n, _, ok := entity(t[i:])
			if !ok {
				return false, false
			}
			plain = false
			i += n - 1
		case ']':
			if !attr && i+2 < len(t) && t[i+1] == ']' && t[i+2] == '>' {
				return false, false
			}
		case 0xEF: // U+FFFE and U+FFFF are not XML characters
			if i+2 < len(t) && t[i+1] == 0xBF && (t[i+2] == 0xBE || t[i+2] == 0xBF) {
				return false, false
			}
		default: // other C0 controls, and < in an attribute value
			return false, false
		}
	}
	if high >= utf8.RuneSelf && !utf8.Valid(t) {
		return false, false
	}
	return plain, true
}

// checkCDATA checks the content of a CDATA section (no entities).
func checkCDATA(t []byte) (plain, ok bool) {
	plain = true
	var high byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		high |= c
		switch {
		case c == '\r':
			plain = false
		case c < 0x20 && c != '\t' && c != '\n':
			return false, false
		case c == 0xEF && i+2 < len(t) && t[i+1] == 0xBF && (t[i+2] == 0xBE || t[i+2] == 0xBF):
			return false, false
		}
	}
	if high >= utf8.RuneSelf && !utf8.Valid(t) {
		return false, false
	}
	return plain, true
}

// entity reads the entity or character reference at the start of t (t[0]
// is '&'): its length and its text. A character reference must name a
// character XML allows.
func entity(t []byte) (n int, text string, ok bool) {
	end := bytes.IndexByte(t, ';')
	if end < 0 || end > 12 {
		return 0, "", false
	}
	name := t[1:end]
	switch string(name) {
	case "lt":
		return end + 1, "<", true
	case "gt":
		return end + 1, ">", true
	case "amp":
		return end + 1, "&", true
	case "apos":
		return end + 1, "'", true
	case "quot":
		return end + 1, `"`, true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, "", false
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, "", false
	}
	for _, c := range digits {
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, "", false
		}
	}
	v, err := strconv.ParseUint(string(digits), base, 64)
	if err != nil || v > utf8.MaxRune {
		return 0, "", false
	}
	r := rune(v)
	text = string(r) // a surrogate becomes U+FFFD, as in encoding/xml
	if r = []rune(text)[0]; !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, "", false
	}
	return end + 1, text, true
}

// appendText appends the value of checked raw text to dst: entities and
// character references resolved, CR LF and lone CR made LF. cdata: the
// raw text of a CDATA section (no entities).
func appendText(dst, t []byte, cdata bool) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '\r':
			dst = append(dst, '\n')
			if i+1 < len(t) && t[i+1] == '\n' {
				i++
			}
		case c == '&' && !cdata:
			n, text, _ := entity(t[i:])
			dst = append(dst, text...)
			i += n - 1
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// value returns the text of a checked attribute value.
func (s *xscan) value(a *xattr) string {
	if a.plain {
		return string(s.bytes(a.val))
	}
	return string(appendText(nil, s.bytes(a.val), false))
}
