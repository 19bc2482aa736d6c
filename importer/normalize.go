package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// normalizer folds width and compatibility forms (NFKC: full-width letters,
// digits, brackets and spaces become their ASCII forms) and removes every
// white-space and invisible formatting character.
var normalizer = transform.Chain(
	norm.NFKC,
	runes.Remove(runes.Predicate(func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
	})),
)

// Normalize is the one comparison form of text in lianfang: Unicode NFKC
// (so full-width characters and （） fold to their ASCII forms), with all
// spaces, line breaks and invisible format characters removed. It is used
// for headers, names, enumerations and every other text comparison.
func Normalize(s string) string {
	if isPlainASCIINoSpace(s) {
		return s
	}
	out, _, err := transform.String(normalizer, s)
	if err != nil {
		return strings.Join(strings.Fields(s), "")
	}
	return out
}

func isPlainASCIINoSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

// Clean trims a cell value for keeping: surrounding spaces (including the
// ideographic space) and line breaks go, \r\n becomes \n, and inner line
// breaks stay.
func Clean(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
}

// CleanLine is Clean for single-line fields: stray line breaks inside the
// value are removed as well, joining the pieces.
func CleanLine(s string) string {
	s = Clean(s)
	if !strings.ContainsRune(s, '\n') {
		return s
	}
	parts := strings.Split(s, "\n")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, "")
}
