package checks

import (
	"errors"
	"testing"

	"lianfang/importer"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{seedCause1, seedCause2, seedCause3, seedAct1, seedAct2, seedAct3,
		"风险源:审核不严;风险点:违规发放;危害性:造成损失", "(风险源)因受利益驱动,(风险点)收受回扣,(危害性)加重负担",
		"因受人情干扰导致把关不严,造成损失", "", "(风险源)", "风险点:", "1.因…;2.由于…", "①②③", "《》(危害性)(风险点)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := Split(s)
		var se *SplitError
		if err != nil && !errors.As(err, &se) {
			t.Fatalf("Split(%q) error %v is not a *SplitError", s, err)
		}
		if err == nil && (ps.Source == "" || ps.Point == "" || ps.Harm == "") {
			t.Fatalf("Split(%q) = %+v without error", s, ps)
		}
		if se != nil && len(se.Missing) == 0 {
			t.Fatalf("Split(%q): SplitError names no part", s)
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"职权 名称", "（风险源）", "ＡＢＣ１２３", "\u3000学籍\n管理\r\n", "ﾊﾝｶｸ", "e\u0301", "\u200b\ufeff", "㍿", "ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := importer.Normalize(s)
		if nn := importer.Normalize(n); nn != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, nn)
		}
	})
}
