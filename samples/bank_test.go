package samples

import (
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
		for _, part := range []string{"source", "point", "harm", "measure"} {
			if n := len(b.phrase(theme, part)); n < 3 {
				t.Errorf("theme %s has %d %s phrases, want at least 3", theme, n, part)
			}
		}
	}
	for _, section := range []string{"towns", "villages", "direct", "surnames", "given", "outsider", "high", "medium"} {
		if len(b.list(section)) == 0 {
			t.Errorf("county list %s is empty", section)
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
