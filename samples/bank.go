package samples

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"

	"lianfang/importer"
)

//go:embed bank/*.tsv bank/*.txt
var bankFiles embed.FS

// powerSpec is one power of bank/powers.tsv.
type powerSpec struct {
	Level  string // canonical 职权层级
	Kind   string // canonical 职权类别
	Types  string // unit-type letters, see typeLetters
	Depts  string // 承办科室 as written
	Post   string // 行使岗位 as listed, "" for unit and department powers
	Theme  string // the risks.tsv theme of its risk points
	Name   string
	Bases  []string // ids of bank/bases.tsv
	SZ     string   // 三重一大 category (决策, 任免, 项目, 资金) or ""
	Secret bool     // 不公开 for 个人隐私

	stmtBase uint64 // where its statement numbers start (statements.go)
}

// typeLetters maps the letters of powers.tsv to unit types.
var typeLetters = map[rune]string{'Z': "直属学校", 'G': "教管中心", 'C': "初中", 'X': "小学", 'Y': "幼儿园"}

// For reports whether the power applies to a unit of type t.
func (p *powerSpec) For(t string) bool {
	for _, r := range p.Types {
		if typeLetters[r] == t {
			return true
		}
	}
	return false
}

// phraseKey selects one list of risks.tsv.
type phraseKey struct{ theme, part string }

// bank is the parsed phrase bank.
type bank struct {
	powers  []powerSpec
	bases   map[string]string
	phrases map[phraseKey][]string
	county  map[string][][]string // county.txt and grades.txt section → lines split on tabs
	lists   map[string][]string   // section → the first field of each line
}

// loadedBank parses the embedded bank once; the files are part of the
// program, so a malformed line is a bug and panics (bank_test.go checks).
var loadedBank = sync.OnceValue(func() *bank {
	b, err := parseBank()
	if err != nil {
		panic(err)
	}
	return b
})

// parseBank reads every bank file.
func parseBank() (*bank, error) {
	b := &bank{bases: map[string]string{}, phrases: map[phraseKey][]string{}, county: map[string][][]string{}}
	err := eachLine("bank/bases.tsv", func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want id and citation")
		}
		b.bases[f[0]] = f[1]
		return nil
	})
	if err == nil {
		err = eachLine("bank/risks.tsv", func(f []string) error {
			if len(f) != 3 {
				return fmt.Errorf("want theme, part and text")
			}
			k := phraseKey{f[0], f[1]}
			b.phrases[k] = append(b.phrases[k], f[2])
			return nil
		})
	}
	if err == nil {
		err = eachLine("bank/powers.tsv", func(f []string) error {
			p, err := parsePower(f)
			b.powers = append(b.powers, p)
			return err
		})
	}
	for _, name := range []string{"bank/county.txt", "bank/grades.txt"} {
		section := ""
		if err == nil {
			err = eachLine(name, func(f []string) error {
				if s, ok := strings.CutPrefix(f[0], "["); ok {
					section = strings.TrimSuffix(s, "]")
					return nil
				}
				b.county[section] = append(b.county[section], f)
				return nil
			})
		}
	}
	if err != nil {
		return nil, err
	}
	b.lists = make(map[string][]string)
	for section, lines := range b.county {
		for _, f := range lines {
			b.lists[section] = append(b.lists[section], f[0])
		}
	}
	themes, parts := map[string]bool{}, map[string]bool{}
	for k := range b.phrases {
		themes[k.theme], parts[k.part] = true, true
	}
	combined := make(map[phraseKey][]string)
	for theme := range themes {
		for part := range parts {
			own := b.phrases[phraseKey{theme, part}]
			if theme != "*" {
				own = append(own[:len(own):len(own)], b.phrases[phraseKey{"*", part}]...)
			}
			if len(own) > 0 {
				combined[phraseKey{theme, part}] = own
			}
		}
	}
	b.phrases = combined
	b.spaceStatements()
	return b, nil
}

// spaceStatements starts the statement numbers of each theme's powers
// spacing apart, in bank order.
func (b *bank) spaceStatements() {
	count := map[string]int{}
	for _, p := range b.powers {
		count[p.Theme]++
	}
	step, k := map[string]uint64{}, map[string]uint64{}
	for theme, n := range count {
		step[theme], _ = spacing(n)
	}
	for i := range b.powers {
		p := &b.powers[i]
		p.stmtBase = k[p.Theme] * step[p.Theme]
		k[p.Theme]++
	}
}

// parsePower reads one line of powers.tsv.
func parsePower(f []string) (powerSpec, error) {
	if len(f) < 8 || len(f) > 9 {
		return powerSpec{}, fmt.Errorf("want 8 or 9 fields, got %d", len(f))
	}
	levels := map[string]string{"单": importer.LevelUnit, "部": importer.LevelDept, "岗": importer.LevelPost}
	kinds := map[string]string{"外": importer.KindExternal, "内": importer.KindInternal}
	p := powerSpec{Level: levels[f[0]], Kind: kinds[f[1]], Types: f[2], Depts: f[3], Post: f[4],
		Theme: f[5], Name: f[6], Bases: strings.Fields(f[7])}
	if p.Level == "" || p.Kind == "" {
		return p, fmt.Errorf("bad level %q or kind %q", f[0], f[1])
	}
	if p.Post == "-" {
		p.Post = ""
	}
	if len(f) == 9 {
		switch flag := f[8]; {
		case flag == "secret":
			p.Secret = true
		case strings.HasPrefix(flag, "sz:"):
			p.SZ = strings.TrimPrefix(flag, "sz:")
		default:
			return p, fmt.Errorf("bad flag %q", flag)
		}
	}
	return p, nil
}

// eachLine calls fn with the tab-separated fields of every line of an
// embedded file that is neither blank nor a # comment.
func eachLine(name string, fn func([]string) error) error {
	data, err := bankFiles.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

// list returns the first field of every line of a county.txt or
// grades.txt section.
func (b *bank) list(section string) []string { return b.lists[section] }

// phrase returns the texts of one theme and part: the theme's own first,
// then those listed for every theme (*).
func (b *bank) phrase(theme, part string) []string {
	return b.phrases[phraseKey{theme, part}]
}
