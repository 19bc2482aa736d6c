package samples

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lianfang/checks"
	"lianfang/importer"
)

func TestBankParses(t *testing.T) {
	b, err := parseBank()
	if err != nil {
		t.Fatal(err)
	}
	if len(b.powers) < 100 || len(b.bases) < 30 {
		t.Errorf("bank has %d powers and %d bases", len(b.powers), len(b.bases))
	}
	themes := map[string]bool{}
	for _, p := range b.powers {
		themes[p.Theme] = true
		for _, id := range p.Bases {
			if b.bases[id] == "" {
				t.Errorf("%s: unknown basis %q", p.Name, id)
			}
		}
		for _, r := range p.Types {
			if typeLetters[r] == "" {
				t.Errorf("%s: unknown unit type %q", p.Name, r)
			}
		}
	}
	for theme := range themes {
		for _, part := range []string{"frame", "measure"} {
			if n := len(b.phrase(theme, part)); n < 3 {
				t.Errorf("theme %s has %d %s phrases, want at least 3", theme, n, part)
			}
		}
		for _, s := range slots {
			if n := len(b.phrase(theme, s.part)); n < int(s.size) {
				t.Errorf("theme %s has %d %s phrases, want %d", theme, n, s.part, s.size)
			}
		}
	}
	if n := len(b.phrase("*", "act")); n > 0 {
		t.Errorf("%d act phrases for every theme: acts are a theme's own (themes never share one)", n)
	}
	for _, section := range []string{"towns", "villages", "direct", "surnames", "given", "outsider", "high", "medium"} {
		if len(b.list(section)) == 0 {
			t.Errorf("county list %s is empty", section)
		}
	}
}

// TestBankStatementParts keeps the entries of each statement slot, as a
// theme uses them, far apart, so that statements differing in a slot differ
// in its words; and acts of different themes apart, as themes never share
// one. The spacing of every theme's powers must exist.
func TestBankStatementParts(t *testing.T) {
	b := loadedBank()
	themes := map[string]int{}
	for _, p := range b.powers {
		themes[p.Theme]++
	}
	var acts []string
	for theme, n := range themes {
		if _, ok := spacing(n); !ok {
			t.Errorf("theme %s: no spacing for %d powers", theme, n)
		}
		for _, s := range slots {
			list := b.phrase(theme, s.part)[:s.size]
			for i, x := range list {
				if strings.TrimLeft(x, ",") == "" || strings.Contains(x, "{n}") {
					t.Errorf("theme %s %s: bad entry %q", theme, s.part, x)
				}
				for _, y := range list[i+1:] {
					if sim := checks.Similarity(x, y); sim >= 0.45 {
						t.Errorf("theme %s %s: %q and %q are %.2f similar", theme, s.part, x, y, sim)
					}
				}
			}
		}
		for _, f := range b.phrase(theme, "frame") {
			if strings.Count(f, "{n}") != 1 {
				t.Errorf("frame %q does not name the power once", f)
			}
		}
		acts = append(acts, b.phrase(theme, "act")...)
	}
	for i, x := range acts {
		for _, y := range acts[i+1:] {
			if sim := checks.Similarity(x, y); sim >= 0.6 {
				t.Errorf("acts %q and %q are %.2f similar", x, y, sim)
			}
		}
	}
}

// TestSpacing checks spacing against its definition: for every pair of
// powers, no two statements within stmtWindow share six of the eight slots.
func TestSpacing(t *testing.T) {
	for _, n := range []int{2, 5, 27} {
		r, ok := spacing(n)
		if !ok || r == 0 || r*uint64(n-1) >= codeSpace {
			t.Fatalf("spacing(%d) = %d, %v", n, r, ok)
		}
		shared := func(i, j uint64) int {
			k := 0
			for _, s := range slots {
				if i%s.size == j%s.size {
					k++
				}
			}
			return k
		}
		// Sample statement numbers of powers 0 and m; an exhaustive scan of
		// stmtWindow² pairs per m is too slow for a test.
		rng := rand.New(rand.NewPCG(uint64(n), 1))
		for m := uint64(1); m < uint64(n); m++ {
			for range 20000 {
				a, b := rng.Uint64N(stmtWindow), m*r+rng.Uint64N(stmtWindow)
				if k := shared(a, b); k >= 6 {
					t.Fatalf("n=%d: statements %d and %d share %d slots", n, a, b, k)
				}
			}
		}
		// The same power: numbers less than 27,720 apart share at most four.
		for range 20000 {
			a := rng.Uint64N(codeSpace)
			if k := shared(a, a+1+rng.Uint64N(27719)); k > 4 {
				t.Fatalf("statements of one power share %d slots", k)
			}
		}
	}
}

// TestBankNames keeps every power name of the bank clean under the default
// lexicon of the checks: nature shown (N02), not weak (N03), concise (N04),
// not vague (N05), pairwise far apart (N07), party words only on party
// powers (B06) and 三重一大 words only on the four unit powers (D07).
func TestBankNames(t *testing.T) {
	b, lx := loadedBank(), checks.DefaultLexicon()
	has := func(name string, words []string) string {
		n := importer.Normalize(name)
		for _, w := range words {
			if strings.Contains(n, w) {
				return w
			}
		}
		return ""
	}
	var sz []string
	for _, g := range lx.SanZhongYiDa {
		sz = append(sz, g.Words...)
	}
	names := map[string]bool{}
	for _, p := range b.powers {
		t.Run(p.Name, func(t *testing.T) {
			switch {
			case names[p.Name]:
				t.Error("listed twice")
			case has(p.Name, lx.Nature) == "":
				t.Error("shows no nature of the power (N02)")
			case utf8.RuneCountInString(p.Name) > 25 || strings.ContainsAny(p.Name, ",。;:!?,;:!?"):
				t.Error("not concise (N04)")
			case slices.Contains(lx.VagueNames, importer.Normalize(p.Name)):
				t.Error("vague (N05)")
			case (has(p.Name, lx.PartyNames) != "") != (p.Theme == "party"):
				t.Error("party word and party theme disagree (B06)")
			case (has(p.Name, sz) != "") != (p.SZ != ""):
				t.Errorf("三重一大 word %q and flag %q disagree (D07)", has(p.Name, sz), p.SZ)
			}
			names[p.Name] = true
		})
	}
	for i, p := range b.powers {
		if twin := twinName(p.Name); names[twin] {
			t.Errorf("twin %q of %q is a bank name", twin, p.Name)
		}
		for _, q := range b.powers[i+1:] {
			if s := checks.Similarity(p.Name, q.Name); s >= 0.75 {
				t.Errorf("%q and %q are %.2f similar (N07 at 0.8)", p.Name, q.Name, s)
			}
		}
	}
}

// TestBankGrades keeps bank/grades.txt in step with the lexicon and the
// themes consistent with the grades they give.
func TestBankGrades(t *testing.T) {
	b, lx := loadedBank(), checks.DefaultLexicon()
	want := slices.Clone(lx.HighRisk)
	for _, g := range lx.SanZhongYiDa {
		want = append(want, g.Words...)
	}
	for _, tc := range []struct {
		name      string
		got, want []string
	}{
		{"high", b.list("high"), want},
		{"medium", b.list("medium"), lx.MediumRisk},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range tc.want {
				if !slices.Contains(tc.got, w) {
					t.Errorf("grades.txt [%s] lacks %q", tc.name, w)
				}
			}
		})
	}
	c := &county{bank: b}
	for _, p := range b.powers {
		g := c.gradeOf(p.Name, p.Theme)
		switch {
		case (p.Theme == "money" || p.Theme == "procure" || p.Theme == "build" || p.Theme == "decision" && p.SZ != "") && g != importer.GradeHigh:
			t.Errorf("%s (%s) is rated %s, want 高", p.Name, p.Theme, g)
		case p.Theme == "low" && c.riskWord(p.Name) == "medium":
			t.Errorf("%s (low) holds an approval word", p.Name)
		}
	}
}

func TestBankCoversRequiredPosts(t *testing.T) {
	b := loadedBank()
	for typ, posts := range requiredPosts {
		for _, post := range posts {
			found := false
			for _, p := range b.powers {
				found = found || p.For(typ) && p.Post != "" && postCanon(p.Post) == post
			}
			if !found {
				t.Errorf("%s: no bank power for the required post %s", typ, post)
			}
		}
		if !slices.Contains(importer.UnitTypes, typ) {
			t.Errorf("unit type %s is not in importer.UnitTypes", typ)
		}
	}
}
