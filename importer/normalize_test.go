package importer

import (
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// referenceNormalize is Normalize written plainly, as the definition the
// fast implementation must match byte for byte: drop spaces and format
// characters, apply NFKC, and repeat until the text is stable (at most four
// rounds).
func referenceNormalize(s string) string {
	drop := func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}
	for i := 0; i < 4; i++ {
		n := norm.NFKC.String(strings.Map(drop, s))
		if n == s {
			break
		}
		s = n
	}
	return s
}

// normalizeCases are texts of the kinds Normalize meets, and the corners
// of its definition.
var normalizeCases = []string{
	"", "a", "ABC-123", "序号", "职权名称*", "（公开范围）", "序 号", "序\u3000号", "１２３", "ｆｕｌｌ　ｗｉｄｔｈ",
	"\u3000风险\n源", "\u200b零宽", "\ufeff序号", "a\u00a0b", "tab\there", "\r\n", " ", "\u3000",
	"因受人情干扰或收受贿赂（风险源），在物资采购中把关不严（风险点），给单位造成经济损失（危害性）。",
	"《中华人民共和国教育法》第二十九条；《中小学校财务制度》", "“三重一大”", "①甲②乙", "1.甲;2.乙",
	"e\u0301", "e\u200b\u0301", "e \u0301", "\u0301", "a\u0308\u0301", "Å", "\u212b", "ﬁ", "…", "￥100", "～",
	"ｶﾞ", "ｶ\u200bﾞ", "가", "\u1100\u1161", "\u1100 \u1161", "\uac00\u11a8", "\uac00\u200b\u11a8",
	"\u00a8", "\u00a8\u0301", " \u0301", "\u2002\u0301", "\u3000\u0301", "\ufe10", "\ufe50", "\u2474",
	"豈", "\uf900", "⼀", "㈱", "㍿", "\U00020000", "\U0002f800", "\U0001d400", "\U0001f600",
	"\x00\x01\x1f\x7f", "\xff", "a\xffb", "\xe4\xb8", "中\xe4\xb8文", "\u0085", "\u2028\u2029",
	"\u0958", "\u0915\u093c", "\u0b47\u0b3e", "\u0b47\u200b\u0b3e", "\u1026", "\u1025\u102e",
}

func TestNormalizeMatchesReference(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Normalize(s), referenceNormalize(s); got != want {
			t.Errorf("Normalize(%+q) = %+q, reference %+q", s, got, want)
		}
	}
	for _, s := range normalizeCases {
		check(s)
	}
	// Every BMP character alone, after a letter, before a combining mark,
	// and around a dropped character: the fast path must never decide on a
	// character that the definition treats otherwise in context.
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "a" + c, c + "\u0301", "e" + c + "\u0301", c + "\u200b\u0301", "中" + c + "，",
			"ｶ" + c, c + "\u3099", "\u1100" + c + "\u1161", c + c} {
			check(s)
		}
	}
}

// FuzzNormalizeReference compares Normalize with referenceNormalize on any
// text, and keeps Normalize idempotent.
func FuzzNormalizeReference(f *testing.F) {
	for _, s := range normalizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if want := referenceNormalize(s); n != want {
			t.Fatalf("Normalize(%+q) = %+q, reference %+q", s, n, want)
		}
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %+q → %+q → %+q", s, n, Normalize(n))
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%+q) = %+q is not UTF-8", s, n)
		}
	})
}

// TestNormalizeNoAlloc keeps text already in comparison form from being
// copied.
func TestNormalizeNoAlloc(t *testing.T) {
	for _, s := range []string{"职权名称", "学校物资采购审核", "ABC-123", "《中华人民共和国教育法》第二十九条;“三重一大”、。"} {
		if n := testing.AllocsPerRun(100, func() { Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %.0f times", s, n)
		}
	}
}

// normalizeBench are cell texts as a catalogue holds them: headers, names,
// enumerations, statements with full-width punctuation, bases.
var normalizeBench = []string{
	"序号", "职权层级", "职权名称*", "（公开范围）", "廉政风险点\n（风险源、风险点、危害性）",
	"单位职权", "外部职权", "新生招生入学审核", "教导处、办公室", "面向社会公开", "网站、公告", "高",
	"由于个别经办人员受人情干扰或收受贿赂，加之内部审核制度不健全",
	"在学校物资采购审核过程中利用职务便利，虚报数量、以次充好，且未留存书面记录",
	"给学校造成经济损失，败坏学校风气",
	"实行三人以上询价比价，采购结果在校务公开栏公示",
	"《中华人民共和国教育法》第二十九条；《中小学校财务制度》第十条",
	"总务主任", "ABC-123", "2026-11-23",
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range normalizeBench {
			Normalize(s)
		}
	}
}

// TestNormalizeConcurrent normalises from several goroutines at once, so
// that go test -race sees the character-class cache filled concurrently.
func TestNormalizeConcurrent(t *testing.T) {
	for i := range classBlocks {
		classBlocks[i].Store(nil) // filled again below, concurrently
	}
	want := make([]string, len(normalizeCases))
	for i, s := range normalizeCases {
		want[i] = referenceNormalize(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range normalizeCases {
				i := (k + g*7) % len(normalizeCases)
				if got := Normalize(normalizeCases[i]); got != want[i] {
					t.Errorf("Normalize(%+q) = %+q, want %+q", normalizeCases[i], got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
