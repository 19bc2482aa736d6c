package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// itemTrim is what is trimmed from both ends of an item: white space and
// the separators between items (a final 。 stays, it is the item's own).
const itemTrim = " \t\r\n\u3000;；,，、"

// SplitItems splits a cell holding numbered items ("1.…;2.…", "1、…",
// "(1)…", "①…") into its items, trimmed. Markers count only when they are
// numbered 1, 2, 3 … in order and stand at the start of the text or after a
// separator (line break, space, comma, semicolon or full stop), so "第1、2条"
// and "1.5万元" do not split (circled numbers split anywhere). Text without
// numbering is one item; empty text has none. Text before the first marker
// is kept in front of the first item, so "风险点:1.…" stays labelled.
func SplitItems(text string) []string {
	var starts, ends []int // marker start and end offsets, in order
	want := 1
	prevSep := true
	for i, r := range text {
		if prevSep || (r >= '①' && r <= '⑳') {
			if n, end, ok := itemMarker(text, i); ok && n == want {
				starts, ends = append(starts, i), append(ends, end)
				want++
			}
		}
		prevSep = isItemSep(r)
	}
	if len(starts) == 0 {
		if t := strings.Trim(text, itemTrim); t != "" {
			return []string{t}
		}
		return nil
	}
	var out []string
	for k := range starts {
		end := len(text)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		item := text[ends[k]:end]
		if k == 0 {
			item = strings.TrimSpace(text[:starts[0]]) + item
		}
		if t := strings.Trim(item, itemTrim); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// isItemSep reports whether r may stand before an item marker.
func isItemSep(r rune) bool {
	switch r {
	case ',', '，', ';', '；', '。', ':', '：':
		return true
	}
	return unicode.IsSpace(r)
}

// itemMarker parses an item marker at text[i:]: 1. 1、 1) (1) or ①. It
// returns the item number and the offset after the marker.
func itemMarker(text string, i int) (n, end int, ok bool) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if r >= '①' && r <= '⑳' {
		return int(r-'①') + 1, i + size, true
	}
	open := r == '(' || r == '（'
	j := i
	if open {
		j += size
	}
	n, j = readDigits(text, j)
	if n == 0 {
		return 0, 0, false
	}
	r, size = utf8.DecodeRuneInString(text[j:])
	switch {
	case open && (r == ')' || r == '）'):
		return n, j + size, true
	case open:
		return 0, 0, false
	case r == '、' || r == '．' || r == ')' || r == '）':
		return n, j + size, true
	case r == '.':
		// 1.5 is a number, not an item.
		next, _ := utf8.DecodeRuneInString(text[j+size:])
		if digitValue(next) >= 0 {
			return 0, 0, false
		}
		return n, j + size, true
	}
	return 0, 0, false
}

// readDigits reads up to three ASCII or full-width digits at text[j:].
func readDigits(text string, j int) (n, end int) {
	for k := 0; k < 3; k++ {
		r, size := utf8.DecodeRuneInString(text[j:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		n = n*10 + d
		j += size
	}
	return n, j
}

// digitValue returns the value of an ASCII or full-width digit, else -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// splitLines splits text on line breaks, dropping blank lines.
func splitLines(text string) []string {
	var out []string
	for _, l := range strings.Split(Clean(text), "\n") {
		if l = strings.Trim(l, itemTrim); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// endsSentence reports whether a line ends like a complete statement.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "。") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "；") ||
		strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")
}
