package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lianfang/importer"
)

// quoteRunes is how much of a cell a message quotes.
const quoteRunes = 30

// q quotes cell text for a message: its lines joined, cut to about 30
// characters with …, in double quotes.
func q(s string) string {
	return `"` + truncate(s, quoteRunes) + `"`
}

// truncate shortens s to at most n runes, ending with … when cut, and joins
// its lines with spaces.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return string(rs[:n]) + "…"
}

// hanCount counts the Chinese characters of s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// bare returns s in Normalize form without punctuation and symbols, for
// comparing statements and phrases whatever their punctuation.
func bare(s string) string {
	s = importer.Normalize(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

// onlyStock reports whether s says nothing beyond the stock phrases: once
// every phrase is removed, fewer than keep Chinese characters remain. The
// phrases must be in Normalize form, longest first.
func onlyStock(s string, phrases []string, keep int) bool {
	b := bare(s)
	if b == "" {
		return false
	}
	found := false
	for _, p := range phrases {
		if p != "" && strings.Contains(b, p) {
			b = strings.ReplaceAll(b, p, "")
			found = true
		}
	}
	return found && hanCount(b) < keep
}

// joinQuoted quotes each item and joins them with 、.
func joinQuoted(items []string) string {
	qs := make([]string, len(items))
	for i, s := range items {
		qs[i] = q(s)
	}
	return strings.Join(qs, "、")
}
