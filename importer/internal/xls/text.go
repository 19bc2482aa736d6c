package xls

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// decodeUTF16 turns UTF-16LE bytes into a Go string; unpaired surrogates
// become U+FFFD. It allocates once.
func decodeUTF16(b []byte) string {
	var sb strings.Builder
	ascii := true
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] >= 0x80 || b[i+1] != 0 {
			ascii = false
			break
		}
	}
	if ascii {
		sb.Grow(len(b) / 2)
		for i := 0; i+1 < len(b); i += 2 {
			sb.WriteByte(b[i])
		}
		return sb.String()
	}
	sb.Grow(len(b) / 2 * 3)
	for i := 0; i+1 < len(b); i += 2 {
		r := rune(b[i]) | rune(b[i+1])<<8
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				if d := utf16.DecodeRune(r, rune(b[i+2])|rune(b[i+3])<<8); d != utf8.RuneError {
					sb.WriteRune(d)
					i += 2
					continue
				}
			}
			r = utf8.RuneError
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// codepageDecoder returns the decoder for a CODEPAGE record value, used for
// the byte strings of BIFF5/BIFF7 workbooks. An unknown or missing code page
// falls back to GBK (936), the code page of Chinese Windows.
func codepageDecoder(cp int) *encoding.Decoder {
	var enc encoding.Encoding
	switch cp {
	case 367, 20127, 65001:
		enc = encoding.Nop // ASCII is a subset of UTF-8; invalid bytes are replaced below
	case 437:
		enc = charmap.CodePage437
	case 850:
		enc = charmap.CodePage850
	case 866:
		enc = charmap.CodePage866
	case 874:
		enc = charmap.Windows874
	case 932:
		enc = japanese.ShiftJIS
	case 949:
		enc = korean.EUCKR
	case 950:
		enc = traditionalchinese.Big5
	case 1200:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case 1250:
		enc = charmap.Windows1250
	case 1251:
		enc = charmap.Windows1251
	case 1252, 0x8001:
		enc = charmap.Windows1252
	case 1253:
		enc = charmap.Windows1253
	case 1254:
		enc = charmap.Windows1254
	case 1255:
		enc = charmap.Windows1255
	case 1256:
		enc = charmap.Windows1256
	case 1257:
		enc = charmap.Windows1257
	case 1258:
		enc = charmap.Windows1258
	case 10000, 0x8000:
		enc = charmap.Macintosh
	default:
		enc = simplifiedchinese.GBK
	}
	return enc.NewDecoder()
}

// decodeBytes decodes a BIFF5 byte string; anything the decoder rejects is
// kept as valid UTF-8 with U+FFFD in place of bad bytes.
func decodeBytes(dec *encoding.Decoder, b []byte) string {
	if isASCII(b) {
		return string(b)
	}
	out, err := dec.Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return string([]rune(string(b)))
	}
	return string(out)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
