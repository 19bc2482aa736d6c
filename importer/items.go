package importer

import (
	"regexp"
	"strings"
)

// itemMarker finds a list marker at the start of the text or after a
// separator: 1. 1、 1) (1) ① and their full-width forms.
var itemMarker = regexp.MustCompile(`(?:^|[\n;；。,，\s])\s*(?:[(（]\s*([0-9０-９]{1,2})\s*[)）]|([0-9０-９]{1,2})\s*[.．、:：)）]|([①-⑳]))`)

// itemTrim is what is trimmed from both ends of an item.
const itemTrim = " \t\n\u3000;；,，、"

// SplitItems splits a cell holding numbered items ("1.…;2.…", "1、…",
// "(1)…", "①…") into the item texts, markers and separators removed. A
// text is numbered only when its markers run 1, 2, 3 … from its start; any
// other text comes back as one item.
func SplitItems(text string) []string {
	text = strings.Trim(text, itemTrim)
	locs := itemMarker.FindAllStringSubmatchIndex(text, -1)
	type mark struct{ start, end int }
	var marks []mark
	want := 1
	for _, loc := range locs {
		n := markerNumber(text, loc)
		if n != want {
			continue
		}
		// "1.5" is a number, not an item.
		if loc[1] < len(text) && text[loc[1]-1] == '.' && isDigit(text[loc[1]]) {
			continue
		}
		start := loc[0]
		if want == 1 && strings.TrimSpace(text[:start]) != "" {
			return []string{text}
		}
		marks = append(marks, mark{start, loc[1]})
		want++
	}
	if len(marks) < 2 {
		return []string{text}
	}
	items := make([]string, 0, len(marks))
	for i, m := range marks {
		end := len(text)
		if i+1 < len(marks) {
			end = marks[i+1].start
		}
		items = append(items, strings.Trim(text[m.end:end], itemTrim))
	}
	return items
}

func markerNumber(text string, loc []int) int {
	for g := 1; g <= 3; g++ {
		a, b := loc[2*g], loc[2*g+1]
		if a < 0 {
			continue
		}
		s := text[a:b]
		if g == 3 {
			r := []rune(s)[0]
			return int(r-'①') + 1
		}
		n, ok := smallInt(Normalize(s))
		if ok {
			return n
		}
	}
	return 0
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

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
