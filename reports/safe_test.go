package reports

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeFileName(t *testing.T) {
	long := strings.Repeat("实验", 60) // 120 runes
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "实验小学", "实验小学"},
		{"parent dirs", "../../etc/x", "etc_x"},
		{"dots only", "..", UnnamedUnit},
		{"dot run inside", "城关..中学", "城关.中学"},
		{"dot and separator", "a/./b", "a_b"},
		{"slash", "a/b", "a_b"},
		{"backslash", `a\b`, "a_b"},
		{"full-width slash", "一中/二中", "一中_二中"},
		{"windows chars", `a:b*c?"d"<e>|f`, "a_b_c_d_e_f"},
		{"newline", "实验小学\n(东校区)", "实验小学 (东校区)"},
		{"crlf and tab", "实验\r\n\t小学", "实验 小学"},
		{"control chars", "实验\x00\x07小学\x7f", "实验小学"},
		{"bidi override", "实验\u202egpj.exe", "实验gpj.exe"},
		{"zero width", "实\u200b验", "实验"},
		{"CON", "CON", "_CON"},
		{"con lower", "con", "_con"},
		{"NUL with extension", "NUL.txt", "_NUL.txt"},
		{"COM1", "COM1", "_COM1"},
		{"LPT9", "lpt9", "_lpt9"},
		{"CONSOLE is fine", "CONSOLE", "CONSOLE"},
		{"trailing dots and spaces", "实验小学. . ", "实验小学"},
		{"leading dot", ".hidden", "hidden"},
		{"emoji", "阳光幼儿园🌞", "阳光幼儿园🌞"},
		{"empty", "", UnnamedUnit},
		{"spaces only", "   ", UnnamedUnit},
		{"separators only", "///", UnnamedUnit},
		{"invalid utf-8", "实验\xff小学", "实验小学"},
		{"long", long, strings.Repeat("实验", 33)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SafeFileName(tc.in)
			if got != tc.want {
				t.Errorf("SafeFileName(%q) = %q, want %q", tc.in, got, tc.want)
			}
			assertSafeName(t, got)
		})
	}
}

// assertSafeName checks the properties every result must have.
func assertSafeName(t *testing.T, s string) {
	t.Helper()
	switch {
	case s == "":
		t.Error("empty name")
	case strings.ContainsAny(s, `/\`) || strings.Contains(s, ".."):
		t.Errorf("%q holds a path step", s)
	case strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		t.Errorf("%q holds a control character", s)
	case strings.HasSuffix(s, ".") || strings.HasSuffix(s, " "):
		t.Errorf("%q ends in a dot or space", s)
	case utf8.RuneCountInString(s) > maxNameRunes || len(s) > maxNameBytes:
		t.Errorf("%q is too long", s)
	case !utf8.ValidString(s):
		t.Errorf("%q is not valid UTF-8", s)
	}
}

func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"../../etc/x", "CON", "实验小学\n", "a\\b", "🌞"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSafeName(t, SafeFileName(s))
	})
}

func ExampleSafeFileName() {
	fmt.Println(SafeFileName("../../城关镇/中心小学\n"))
	fmt.Println(SafeFileName("CON"))
	fmt.Println(SafeFileName(" .. "))
	// Output:
	// 城关镇_中心小学
	// _CON
	// 未命名单位
}
