package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// dropped reports the characters Normalize removes: white space (after
// NFKC the ideographic space is a plain space) and invisible format
// characters such as the zero-width space.
func dropped(r rune) rune {
	if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
		return -1
	}
	return r
}

// Normalize is the one comparison form of text in lianfang: Unicode NFKC
// (so full-width characters and （） fold to their ASCII forms), with all
// spaces, line breaks and invisible format characters removed. It is used
// for headers, names, enumerations and every other text comparison. It is
// safe for concurrent use and idempotent.
func Normalize(s string) string {
	if isPlainASCIINoSpace(s) {
		return s
	}
	// Removing a character can let NFKC compose its neighbours, and NFKC
	// can produce spaces: repeat until the text is stable.
	for i := 0; i < 4; i++ {
		n := norm.NFKC.String(strings.Map(dropped, s))
		if n == s {
			break
		}
		s = n
	}
	return s
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
