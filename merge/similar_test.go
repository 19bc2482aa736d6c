package merge_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"lianfang/importer"

	"lianfang/merge"
)

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", "因受人情干扰,审批把关不严", "因受人情干扰,审批把关不严", 1, 1},
		{"punctuation and width only", "因受人情干扰,审批把关不严。", "因受人情干扰 审批把关不严", 1, 1},
		{"one word inserted", "因受人情干扰或收受贿赂,在物资采购中把关不严,造成采购物资价格偏高", "因受人情干扰或收受贿赂,在物资采购过程中把关不严,造成采购物资价格偏高", 0.85, 0.99},
		{"unrelated", "因受人情干扰,审批把关不严", "食堂负责人虚报冒领伙食费用", 0, 0.1},
		{"empty", "", "", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := merge.Similarity(tc.a, tc.b); got < tc.min || got > tc.max {
				t.Errorf("Similarity = %.3f, want in [%.2f, %.2f]", got, tc.min, tc.max)
			}
		})
	}
}

func TestSimilar(t *testing.T) {
	const (
		long   = "因受人情干扰或收受贿赂,在物资采购中把关不严,造成采购物资价格偏高、质量低劣"
		edited = "因受人情干扰或收受贿赂,在物资采购过程中把关不严,造成采购物资价格偏高、质量低劣"
		other  = "由于食堂账目公开不及时,食堂负责人虚报冒领伙食费用,损害师生利益"
		short  = "违规操作造成损失"
	)
	for _, tc := range []struct {
		name  string
		stmts []merge.Statement
		want  []merge.Match // Similarity checked separately
	}{
		{"identical across units", []merge.Statement{{"A", long}, {"B", long}},
			[]merge.Match{{0, 1, 1}, {1, 0, 1}}},
		{"edited across units", []merge.Statement{{"A", long}, {"B", edited}, {"C", other}},
			[]merge.Match{{0, 1, 0}, {1, 0, 0}}},
		{"same unit only", []merge.Statement{{"A", long}, {"A", edited}, {"A", long}}, nil},
		{"short statements ignored", []merge.Statement{{"A", short}, {"B", short}}, nil},
		{"unrelated", []merge.Statement{{"A", long}, {"B", other}}, nil},
		{"copy of a unit repeating itself", []merge.Statement{{"A", long}, {"A", long}, {"B", other}, {"B", edited}},
			[]merge.Match{{0, 3, 0}, {1, 3, 0}, {3, 0, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := merge.Similar(tc.stmts)
			for i := range got {
				if got[i].Similarity < merge.SimilarityThreshold {
					t.Errorf("match %+v below the threshold", got[i])
				}
				if tc.stmts[got[i].Index].Unit == tc.stmts[got[i].Other].Unit {
					t.Errorf("match %+v within one unit", got[i])
				}
				got[i].Similarity = 0
			}
			want := tc.want
			for i := range want {
				want[i].Similarity = 0
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Similar = %+v, want %+v", got, want)
			}
		})
	}
}

// TestSimilarRecall compares Similar with the all-pairs answer on a
// generated county: every statement it flags must be right, and it must
// flag nearly every statement all pairs would.
func TestSimilarRecall(t *testing.T) {
	stmts := genStatements(1500, 40, 7)
	flagged := make(map[int]bool)
	for _, m := range merge.Similar(stmts) {
		if stmts[m.Index].Unit == stmts[m.Other].Unit || merge.Similarity(stmts[m.Index].Text, stmts[m.Other].Text) < merge.SimilarityThreshold {
			t.Fatalf("wrong match %+v", m)
		}
		flagged[m.Index] = true
	}
	sets := make([][]string, len(stmts))
	for i, st := range stmts {
		sets[i] = bigrams(st.Text)
	}
	truth := 0
	for i := range stmts {
		for j := range stmts {
			if stmts[i].Unit != stmts[j].Unit && len(sets[i]) >= merge.MinStatementRunes-1 &&
				dice(sets[i], sets[j]) >= merge.SimilarityThreshold {
				truth++
				if !flagged[i] {
					t.Logf("missed %d: %s ~ %s (%.2f)", i, stmts[i].Text, stmts[j].Text, dice(sets[i], sets[j]))
				}
				break
			}
		}
	}
	recall := float64(len(flagged)) / float64(truth)
	t.Logf("%d statements, %d with a near-identical one in another unit, %d flagged (recall %.3f)", len(stmts), truth, len(flagged), recall)
	if truth < 100 || recall < 0.97 {
		t.Errorf("recall %.3f over %d, want ≥ 0.97 over at least 100", recall, truth)
	}
}

// bigrams is the test's own oracle for the comparison form: the sorted,
// distinct character bigrams of the letters and digits of the normalised
// text.
func bigrams(s string) []string {
	var rs []rune
	for _, r := range importer.Normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func dice(a, b []string) float64 {
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common, i, j = common+1, i+1, j+1
		}
	}
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// genStatements generates n risk statements of units units the way a
// county writes them: a cause and a harm from small shared phrase lists,
// a behaviour of the unit's own words, and one statement in ten copied from
// another unit with a few characters changed.
func genStatements(n, units int, seed uint64) []merge.Statement {
	r := rand.New(rand.NewPCG(seed, 1))
	causes := []string{"因受人情干扰或收受贿赂", "由于制度不健全、监督缺位", "因放松政治理论学习", "受利益驱动", "由于信息不公开、程序不透明",
		"因个人权力过于集中", "由于把关不严、审核流于形式", "因财务管理制度执行不严"}
	harms := []string{"造成学校经济损失", "导致国有资产流失", "损害师生合法权益", "引发群众不满、影响学校声誉", "带来安全隐患",
		"致使教育公平受到损害", "造成不良社会影响"}
	chars := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信")
	var out []merge.Statement
	for len(out) < n {
		unit := r.IntN(units)
		if len(out) > 0 && r.IntN(10) == 0 {
			src := []rune(out[r.IntN(len(out))].Text)
			for range 1 + r.IntN(5) {
				i := r.IntN(len(src))
				src[i] = chars[r.IntN(len(chars))]
			}
			out = append(out, merge.Statement{Unit: fmt.Sprint(unit), Text: string(src)})
			continue
		}
		var b strings.Builder
		b.WriteString(causes[r.IntN(len(causes))])
		b.WriteString(",")
		for range 8 + r.IntN(12) {
			b.WriteRune(chars[r.IntN(len(chars))])
		}
		b.WriteString(",")
		b.WriteString(harms[r.IntN(len(harms))])
		out = append(out, merge.Statement{Unit: fmt.Sprint(unit), Text: b.String()})
	}
	return out
}

// TestSimilarWorkers: checking a band's buckets on several workers gives
// exactly the matches of one worker, in the heap and spilled.
func TestSimilarWorkers(t *testing.T) {
	stmts := genStatements(12000, 200, 3)
	for _, dir := range []string{"", t.TempDir()} {
		want, err := merge.SimilarWorkers(stmts, 1, dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < 500 {
			t.Fatalf("only %d matches: the data does not exercise the buckets", len(want))
		}
		for _, n := range []int{2, 3, 7} {
			got, err := merge.SimilarWorkers(stmts, n, dir)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("spilled %v, %d workers: %d matches differ from one worker's %d", dir != "", n, len(got), len(want))
			}
		}
	}
}
