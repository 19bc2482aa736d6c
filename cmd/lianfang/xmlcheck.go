package main

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// surelyWellFormed reports whether b is certainly a well-formed XML
// document that encoding/xml reads to the end without error. It is a fast,
// conservative byte scan: false means only "not sure" — a DOCTYPE, a
// non-ASCII name, an encoding other than UTF-8 or anything unusual — and
// the caller must then ask encoding/xml. FuzzSurelyWellFormed holds it to
// never say true where encoding/xml fails.
func surelyWellFormed(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	var stack [][]byte
	root := false // the root element has been opened
	i, n := 0, len(b)
	for i < n {
		c := b[i]
		if c != '<' {
			// Character data: only whitespace outside the root.
			j := i
			for j < n && b[j] != '<' {
				j++
			}
			text := b[i:j]
			if len(stack) == 0 {
				if len(bytes.Trim(text, " \t\r\n")) != 0 {
					return false
				}
			} else if !textOK(text) {
				return false
			}
			i = j
			continue
		}
		if i+1 >= n {
			return false
		}
		switch b[i+1] {
		case '?': // processing instruction, the declaration among them
			end := bytes.Index(b[i+2:], []byte("?>"))
			if end < 0 {
				return false
			}
			if !procInstOK(b[i+2:i+2+end], i == 0) {
				return false
			}
			i += 2 + end + 2
		case '!':
			rest := b[i+2:]
			switch {
			case bytes.HasPrefix(rest, []byte("--")):
				body := rest[2:]
				end := bytes.Index(body, []byte("--"))
				if end < 0 || end+2 >= len(body) || body[end+2] != '>' || !charsOK(body[:end]) {
					return false
				}
				i += 2 + 2 + end + 3
			case bytes.HasPrefix(rest, []byte("[CDATA[")) && len(stack) > 0:
				body := rest[7:]
				end := bytes.Index(body, []byte("]]>"))
				if end < 0 || !charsOK(body[:end]) {
					return false
				}
				i += 2 + 7 + end + 3
			default:
				return false // DOCTYPE and the like
			}
		case '/':
			j := i + 2
			name, k := scanName(b, j)
			if name == nil || len(stack) == 0 || !bytes.Equal(name, stack[len(stack)-1]) {
				return false
			}
			k = skipSpace(b, k)
			if k >= n || b[k] != '>' {
				return false
			}
			stack = stack[:len(stack)-1]
			i = k + 1
		default:
			if len(stack) == 0 && root {
				return false // a second root
			}
			name, k := scanName(b, i+1)
			if name == nil {
				return false
			}
			closed := false
			for {
				s := skipSpace(b, k)
				if s >= n {
					return false
				}
				if b[s] == '>' {
					k = s + 1
					break
				}
				if b[s] == '/' {
					if s+1 >= n || b[s+1] != '>' {
						return false
					}
					closed, k = true, s+2
					break
				}
				if s == k {
					return false // attributes need space before them
				}
				attr, t := scanName(b, s)
				if attr == nil {
					return false
				}
				t = skipSpace(b, t)
				if t >= n || b[t] != '=' {
					return false
				}
				t = skipSpace(b, t+1)
				if t >= n || (b[t] != '"' && b[t] != '\'') {
					return false
				}
				q := b[t]
				end := bytes.IndexByte(b[t+1:], q)
				if end < 0 {
					return false
				}
				val := b[t+1 : t+1+end]
				if bytes.IndexByte(val, '<') >= 0 || !textOK(val) {
					return false
				}
				k = t + 1 + end + 1
			}
			root = true
			if !closed {
				stack = append(stack, name)
			}
			i = k
		}
	}
	return root && len(stack) == 0
}

// scanName reads a conservative XML name at b[i:]: an ASCII letter or _
// first, then ASCII letters, digits, _, -, . and at most one inner colon.
// It returns nil when there is none.
func scanName(b []byte, i int) ([]byte, int) {
	start := i
	colons := 0
	for i < len(b) {
		c := b[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case i > start && (c >= '0' && c <= '9' || c == '-' || c == '.'):
		case i > start && c == ':':
			colons++
		default:
			goto done
		}
		i++
	}
done:
	if i == start || colons > 1 || b[i-1] == ':' {
		return nil, i
	}
	return b[start:i], i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// textOK checks character data or an attribute value: allowed characters,
// and every & starting one of the five predefined entities or a character
// reference to an allowed character. "]]>" is refused.
func textOK(t []byte) bool {
	if !charsOK(t) || bytes.Contains(t, []byte("]]>")) {
		return false
	}
	for {
		a := bytes.IndexByte(t, '&')
		if a < 0 {
			return true
		}
		t = t[a+1:]
		semi := bytes.IndexByte(t, ';')
		if semi < 0 {
			return false
		}
		ref := t[:semi]
		t = t[semi+1:]
		switch string(ref) {
		case "lt", "gt", "amp", "apos", "quot":
			continue
		}
		if len(ref) < 2 || ref[0] != '#' {
			return false
		}
		v, ok := charRef(ref[1:])
		if !ok || !allowedRune(v) {
			return false
		}
	}
}

// charRef parses the digits of a character reference: decimal, or hex
// after an x.
func charRef(d []byte) (rune, bool) {
	base := rune(10)
	if d[0] == 'x' {
		base, d = 16, d[1:]
	}
	if len(d) == 0 || len(d) > 8 {
		return 0, false
	}
	var v rune
	for _, c := range d {
		var x rune
		switch {
		case c >= '0' && c <= '9':
			x = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			x = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			x = rune(c-'A') + 10
		default:
			return 0, false
		}
		v = v*base + x
	}
	return v, true
}

// charsOK refuses the characters XML does not allow: controls other than
// tab, line feed and carriage return, and U+FFFE/U+FFFF. The text is
// already valid UTF-8.
func charsOK(t []byte) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
		if c == 0xEF && i+2 < len(t) && t[i+1] == 0xBF && (t[i+2] == 0xBE || t[i+2] == 0xBF) {
			return false
		}
	}
	return true
}

func allowedRune(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// procInstOK checks a processing instruction's body: a plain target, and
// for the XML declaration (only at the very start) version 1.0 and the
// UTF-8 encoding, read as encoding/xml reads them.
func procInstOK(body []byte, first bool) bool {
	target, k := scanName(body, 0)
	if target == nil || !charsOK(body) {
		return false
	}
	if k < len(body) && body[k] != ' ' && body[k] != '\t' && body[k] != '\r' && body[k] != '\n' {
		return false
	}
	if !bytes.EqualFold(target, []byte("xml")) {
		return true
	}
	if !first || string(target) != "xml" {
		return false
	}
	content := string(body[k:])
	ver, verOK := procInstParam("version", content)
	enc, encOK := procInstParam("encoding", content)
	return verOK && encOK && (ver == "" || ver == "1.0") && (enc == "" || strings.EqualFold(enc, "utf-8"))
}

// procInstParam finds param="value" in a declaration the way encoding/xml
// does; ok is false when the text is too odd to be sure of that reading
// (the name written twice).
func procInstParam(param, s string) (value string, ok bool) {
	if strings.Count(s, param) > 1 {
		return "", false
	}
	i := strings.Index(s, param+"=")
	if i < 0 {
		return "", !strings.Contains(s, param)
	}
	rest := s[i+len(param)+1:]
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return "", false
	}
	j := strings.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return "", false
	}
	return rest[1 : 1+j], true
}
