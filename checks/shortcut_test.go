package checks

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/go-playground/validator/v10"

	"lianfang/importer"
)

// referenceOnlyStock is onlyStock as first written, the definition the
// shortcut must keep: s in Normalize form without punctuation and symbols,
// every phrase (longest first) removed, fewer than keep Chinese characters
// left, and at least one phrase found.
func referenceOnlyStock(s string, phrases []string, keep int) bool {
	b := strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, importer.Normalize(s))
	if b == "" {
		return false
	}
	found := false
	for _, p := range sortedByLength(phrases) {
		if p != "" && strings.Contains(b, p) {
			b = strings.ReplaceAll(b, p, "")
			found = true
		}
	}
	return found && hanCount(b) < keep
}

// stockCases mix stock phrases with the characters they share, radicals
// (Han symbols), compatibility ideographs, punctuation and real parts.
var stockCases = []string{
	"", "存在廉政风险", "存在风险。", "有风险", "风险", "违规违纪", "违规违纪问题", "出现问题、发生问题",
	"存在廉政风险⺀⺁⺂", "存在廉政风险⼀⼁", "存在廉政风险豈", "存在廉政风险㊀", "廉政 风险", "（违规违纪）",
	"存在廉政风险及腐败", "存在风险问题", "失职渎职不作为", "以权谋私乱作为", "不廉洁行为", "风险风险风险",
	"给学校造成经济损失", "在物资采购中把关不严", "因受人情干扰或收受贿赂", "加强管理", "严格执行制度",
	"加强管理、严格执行制度", "实行三人以上询价比价,采购结果在校务公开栏公示", "ab存在风险cd", "风 险 源",
}

func TestOnlyStockMatchesReference(t *testing.T) {
	lx := DefaultLexicon()
	for _, list := range [][]string{lx.RiskStock, lx.MeasureStock, {"风险"}, nil} {
		st := newStockList(list)
		for _, s := range stockCases {
			for keep := 0; keep <= 5; keep++ {
				if got, want := onlyStock(importer.Normalize(s), st, keep), referenceOnlyStock(s, list, keep); got != want {
					t.Errorf("onlyStock(%q, keep %d) = %v, reference %v", s, keep, got, want)
				}
			}
		}
	}
}

// FuzzOnlyStock compares onlyStock with referenceOnlyStock on any text
// against the default stock phrases.
func FuzzOnlyStock(f *testing.F) {
	for _, s := range stockCases {
		f.Add(s, 3)
	}
	lx := DefaultLexicon()
	risk, measure := newStockList(lx.RiskStock), newStockList(lx.MeasureStock)
	f.Fuzz(func(t *testing.T, s string, keep int) {
		keep = keep%8 + 1
		if got, want := onlyStock(importer.Normalize(s), risk, keep), referenceOnlyStock(s, lx.RiskStock, keep); got != want {
			t.Fatalf("risk onlyStock(%q, %d) = %v, reference %v", s, keep, got, want)
		}
		if got, want := onlyStock(importer.Normalize(s), measure, keep), referenceOnlyStock(s, lx.MeasureStock, keep); got != want {
			t.Fatalf("measure onlyStock(%q, %d) = %v, reference %v", s, keep, got, want)
		}
	})
}

// TestObviouslyValid keeps the validator shortcut in step with validator:
// both structs are read, and whenever the shortcut passes a struct,
// validator finds nothing either; a struct the shortcut refuses is left to
// validator, which must then find something for the values below.
func TestObviouslyValid(t *testing.T) {
	for _, v := range []any{powerFields{}, riskFields{}} {
		if _, ok := tagChecks()[reflect.TypeOf(v)]; !ok {
			t.Errorf("%T: validate tags not read, the shortcut never applies", v)
		}
	}
	fv := fieldCheck()
	values := map[string][]string{
		"Name": {"", "学生转学申请审批", " "}, "Level": {"", importer.LevelUnit, importer.LevelDept, importer.LevelPost, "学校", "单位职权 "},
		"Kind": {"", importer.KindExternal, importer.KindInternal, "外部"}, "Basis": {"", "《教育法》第二十九条"},
		"Scope": {"", importer.ScopePublic, importer.ScopeInternal, importer.ScopeNone, "公开"},
		"Grade": {"", importer.GradeHigh, importer.GradeMedium, importer.GradeLow, "较高"}, "Measures": {"", "加强管理"}, "Owner": {"", "校长"},
	}
	check := func(s any) {
		t.Helper()
		err := fv.v.Struct(s)
		var errs validator.ValidationErrors
		failed := errors.As(err, &errs) && len(errs) > 0
		if obviouslyValid(s) == failed {
			t.Errorf("%+v: shortcut %v, validator errors %v", s, obviouslyValid(s), err)
		}
	}
	for _, name := range values["Name"] {
		for _, level := range values["Level"] {
			for _, kind := range values["Kind"] {
				for _, basis := range values["Basis"] {
					for _, scope := range values["Scope"] {
						check(&powerFields{Name: name, Level: level, Kind: kind, Basis: basis, Scope: scope})
					}
				}
			}
		}
	}
	for _, grade := range values["Grade"] {
		for _, m := range values["Measures"] {
			for _, owner := range values["Owner"] {
				check(&riskFields{Grade: grade, Measures: m, Owner: owner})
			}
		}
	}
}

// TestHasRiskTextJoined keeps hasRiskText's shortcut equal to its
// definition, the joined parts not blank, even when a part is not UTF-8
// and the joint makes a white-space character.
func TestHasRiskTextJoined(t *testing.T) {
	c := newChecker(&importer.Submission{}, DefaultLexicon())
	p := &importer.Power{}
	texts := []string{"", " ", "\u3000", "因受人情干扰", "\xe3\x80", "\x80", "a\xe3\x80", "\x80 ", "\xff", "x"}
	for _, a := range texts {
		for _, b := range texts {
			for _, h := range texts {
				r := &importer.Risk{Source: a, Point: b, Harm: h}
				if got, want := c.hasRiskText(p, r), strings.TrimSpace(a+b+h) != ""; got != want {
					t.Errorf("hasRiskText(%q, %q, %q) = %v, want %v", a, b, h, got, want)
				}
			}
		}
	}
}

// TestDiceCanReach: whenever two name bigram sets reach NearDuplicate,
// their sizes allow it, so N07 skips no pair it would report.
func TestDiceCanReach(t *testing.T) {
	names := []string{"学生转学申请审批", "学生转学申请审核", "学生转学审批", "学生转学", "转学", "学生", "学", "新生招生入学审核",
		"教职工请假审批", "教职工请假", "abc", "abcd", "abcde", "abcdef", "ab", "a", "学生转学申请审批表", "学生转学申请审批事项办理"}
	for _, x := range names {
		for _, y := range names {
			a, b := newBigrams(importer.Normalize(x)), newBigrams(importer.Normalize(y))
			if dice(a, b) >= NearDuplicate && !diceCanReach(len(a), len(b)) {
				t.Errorf("%q and %q: dice %.3f but sizes %d, %d said unreachable", x, y, dice(a, b), len(a), len(b))
			}
		}
	}
}

// TestR02Message: the three-column R02 message quotes the first part
// written, 风险点 before 风险源 (context is built only when R02 is found).
func TestR02Message(t *testing.T) {
	for _, tc := range []struct {
		mod  func(r *rk)
		want string
	}{
		{func(r *rk) { r.harm = "" }, `:风险点("对不符合条件的请假予以批准")缺少“危害性”,应由风险源、风险点、危害性三个要素组成`},
		{func(r *rk) { r.point = " " }, `:风险点("因碍于情面或照顾关系")缺少“风险点”,应由风险源、风险点、危害性三个要素组成`},
	} {
		got := ofRule(Check(tail(riskOf(tc.mod))(), "", nil), "R02")
		if len(got) != 1 || !strings.HasSuffix(got[0].Message, tc.want) {
			t.Errorf("R02:%s\nwant a message ending %s", describe(got), tc.want)
		}
	}
}
