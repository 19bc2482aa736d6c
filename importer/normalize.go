package importer

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize is the one comparison form of text in lianfang: Unicode NFKC
// (so full-width characters and （） fold to their ASCII forms), with all
// spaces, line breaks and invisible format characters removed. It is used
// for headers, names, enumerations and every other text comparison. It is
// safe for concurrent use and idempotent.
//
// The definition is slowNormalize; Normalize reaches the same result in one
// pass, without allocating for text already in comparison form, whenever
// every character is one whose treatment does not depend on its neighbours
// (see charClass), which is nearly all text of a catalogue.
func Normalize(s string) string {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c > ' ' && c < 0x7f || classOf(rune(c)) == classKeep {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || classOf(r) != classKeep { // size 1: not UTF-8
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if r, size = utf8.DecodeRuneInString(s[i:]); size == 1 {
				return slowNormalize(s)
			}
		}
		switch classOf(r) {
		case classKeep:
			b.WriteString(s[i : i+size])
		case classDrop:
		case classFold:
			b.WriteByte(byte(r - fullWidthOffset))
		default:
			return slowNormalize(s)
		}
		i += size
	}
	return b.String()
}

// slowNormalize is the definition of Normalize: drop white space and format
// characters, apply NFKC, and repeat, since removing a character can let
// NFKC compose its neighbours and NFKC can produce spaces, until the text
// is stable.
func slowNormalize(s string) string {
	for i := 0; i < 4; i++ {
		n := norm.NFKC.String(strings.Map(dropped, s))
		if n == s {
			break
		}
		s = n
	}
	return s
}

// dropped reports the characters Normalize removes: white space (after
// NFKC the ideographic space is a plain space) and invisible format
// characters such as the zero-width space.
func dropped(r rune) rune {
	if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
		return -1
	}
	return r
}

// What Normalize's one pass does with a character.
const (
	classSlow uint8 = iota // anything else: the whole text takes slowNormalize
	classKeep              // NFKC leaves it, and it never composes with what precedes it
	classDrop              // white space or a format character: removed
	classFold              // a full-width ASCII form (！ to ～): its ASCII character
)

// fullWidthOffset maps U+FF01–U+FF5E to U+0021–U+007E, as NFKC does.
const fullWidthOffset = 0xff01 - 0x21

// charClass classifies r. Text made only of kept, dropped and folded
// characters normalises in one pass: without the dropped ones, NFKC changes
// only the folded ones, into ASCII, and nothing composes, since no kept
// character or ASCII character composes with a character before it
// (BoundaryBefore); the result is then stable.
func charClass(r rune) uint8 {
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		return classDrop
	case r >= 0xff01 && r <= 0xff5e:
		return classFold
	case r >= 0xd800 && r <= 0xdfff || r > unicode.MaxRune:
		return classSlow
	}
	var buf [utf8.UTFMax]byte
	b := buf[:utf8.EncodeRune(buf[:], r)]
	if p := norm.NFKC.Properties(b); p.CCC() == 0 && p.BoundaryBefore() && len(p.Decomposition()) == 0 && norm.NFKC.IsNormal(b) {
		return classKeep
	}
	return classSlow
}

// classBlocks caches charClass by blocks of 256 characters, filled on first
// use; two goroutines filling the same block store equal tables.
var classBlocks [(unicode.MaxRune + 1) >> 8]atomic.Pointer[[256]uint8]

// classOf returns charClass(r) from the cache.
func classOf(r rune) uint8 {
	blk := classBlocks[r>>8].Load()
	if blk == nil {
		blk = new([256]uint8)
		for i := range blk {
			blk[i] = charClass(r&^0xff | rune(i))
		}
		classBlocks[r>>8].Store(blk)
	}
	return blk[r&0xff]
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
