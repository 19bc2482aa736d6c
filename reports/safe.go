package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of SafeFileName. A Chinese rune takes three bytes in UTF-8; the
// byte cap keeps a name plus a suffix such as "_校验结果.xlsx" under the
// 255-byte file-name limit of common file systems.
const (
	maxNameRunes = 80
	maxNameBytes = 200
	// UnnamedUnit is the file name used when a unit name sanitises to nothing.
	UnnamedUnit = "未命名单位"
)

// windowsReserved lists the device names Windows refuses as file names,
// with or without an extension.
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true,
	"COM0": true, "COM1": true, "COM2": true, "COM3": true, "COM4": true,
	"COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT0": true, "LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true,
	"LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
	"COM¹": true, "COM²": true, "COM³": true, "LPT¹": true, "LPT²": true, "LPT³": true,
}

// SafeFileName turns a unit name into a file-name stem that is safe on
// Windows, macOS and Linux: path separators (also the full-width and
// look-alike slashes) and the characters Windows forbids become "_", line
// breaks and tabs become spaces, control and invisible format characters
// (bidi overrides, zero-width marks) are dropped, a run of dots and
// underscores shrinks to one character so no ".." remains, leading and
// trailing dots, spaces and underscores are trimmed, a Windows device name
// (CON, NUL, COM1 …, also with an extension) gets a leading "_", and the
// result is cut to 80 runes and 200 bytes. It is never empty: a name with
// nothing usable left becomes UnnamedUnit.
func SafeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError:
			// invalid UTF-8: drop
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// invisible: drop
		case strings.ContainsRune(unsafeRunes, r):
			b.WriteByte('_')
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s := truncateName(squeeze(b.String()))
	if s == "" {
		return UnnamedUnit
	}
	stem, _, _ := strings.Cut(s, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(stem))] {
		s = "_" + s
	}
	return s
}

// unsafeRunes are replaced by "_": the characters Windows forbids in file
// names, and slashes that look like path separators.
const unsafeRunes = `/\:*?"<>|` + "\uff0f\uff3c\u2215\u29f8\u2044"

// squeeze collapses every run of dots and underscores to one character ("."
// when the run is all dots, else "_") and every run of spaces to one space,
// then trims dots, spaces and underscores from both ends, so the name holds
// no "..", is not a hidden file and does not end in a dot or space (which
// Windows silently drops).
func squeeze(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		j := i + 1
		switch r {
		case '.', '_':
			allDots := r == '.'
			for j < len(rs) && (rs[j] == '.' || rs[j] == '_') {
				allDots = allDots && rs[j] == '.'
				j++
			}
			if allDots {
				r = '.'
			} else {
				r = '_'
			}
		case ' ':
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		}
		b.WriteRune(r)
		i = j
	}
	return strings.Trim(b.String(), " ._")
}

// truncateName cuts s to maxNameRunes runes and maxNameBytes bytes on a
// rune boundary and trims what the cut leaves at the end.
func truncateName(s string) string {
	runes := 0
	for i, r := range s {
		if runes == maxNameRunes || i+utf8.RuneLen(r) > maxNameBytes {
			s = s[:i]
			break
		}
		runes++
	}
	return strings.TrimRight(s, " ._")
}
