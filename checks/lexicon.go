package checks

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"lianfang/importer"
)

//go:embed lexicon/*.txt
var defaultFiles embed.FS

// Lexicon holds the word lists the rules match against. Every entry is
// stored in importer.Normalize form. The lists ship embedded as
// checks/lexicon/*.txt and a bureau can replace any of them with a file of
// the same name (see LoadLexicon).
type Lexicon struct {
	Nature        []string // nature_words.txt: words that show a power's nature (N02)
	Weak          []string // weak_words.txt: 管理 and the like (N03)
	VagueNames    []string // vague_names.txt: whole names that are too vague (N05)
	VagueSuffixes []string // vague_suffixes.txt: endings that make a name vague (N05)

	BasisSources []string // basis_sources.txt: source names known without 《》 (B02)
	Issuers      []string // issuers.txt: issuing bodies, a source with a document kind or number (B02)
	PartySources []string // party_sources.txt: party sources (B06)
	NonSources   []string // non_sources.txt: phrases that are not a basis (B03)
	DocKinds     []string // doc_kinds.txt: kinds a 《》 title ends with (B05)
	PartyNames   []string // party_names.txt: name words of party-affairs powers (B06)

	PublicChannels   []string // public_channels.txt: public disclosure forms (D03, D06)
	InternalChannels []string // internal_channels.txt: internal disclosure forms (D06)
	SecrecyReasons   []string // secrecy_reasons.txt: reasons for 不公开 (D05)
	SanZhongYiDa     []Group  // sanzhong_yida.txt: the four 三重一大 categories (D07, C03, R06)

	RiskStock    []string // risk_stock.txt: stock phrases of risk parts (R03)
	MeasureStock []string // measure_stock.txt: stock phrases of measures (R08)
	HighRisk     []string // high_risk.txt: powers over 人、财、物 (R06)
	MediumRisk   []string // medium_risk.txt: approval and inspection powers (R06)

	UnitPosts    []Group // unit_posts.txt: required posts by unit type (C01)
	PostSynonyms []Group // post_synonyms.txt: other names of each post (C01)
}

// Group is one line of a grouped list: a name and its words, such as a
// unit type and its required posts.
type Group struct {
	Name  string
	Words []string
}

// lexFile binds one file name to the list it fills.
type lexFile struct {
	name   string
	list   func(*Lexicon) *[]string
	groups func(*Lexicon) *[]Group
}

var lexFiles = []lexFile{
	{name: "nature_words.txt", list: func(l *Lexicon) *[]string { return &l.Nature }},
	{name: "weak_words.txt", list: func(l *Lexicon) *[]string { return &l.Weak }},
	{name: "vague_names.txt", list: func(l *Lexicon) *[]string { return &l.VagueNames }},
	{name: "vague_suffixes.txt", list: func(l *Lexicon) *[]string { return &l.VagueSuffixes }},
	{name: "basis_sources.txt", list: func(l *Lexicon) *[]string { return &l.BasisSources }},
	{name: "issuers.txt", list: func(l *Lexicon) *[]string { return &l.Issuers }},
	{name: "party_sources.txt", list: func(l *Lexicon) *[]string { return &l.PartySources }},
	{name: "non_sources.txt", list: func(l *Lexicon) *[]string { return &l.NonSources }},
	{name: "doc_kinds.txt", list: func(l *Lexicon) *[]string { return &l.DocKinds }},
	{name: "party_names.txt", list: func(l *Lexicon) *[]string { return &l.PartyNames }},
	{name: "public_channels.txt", list: func(l *Lexicon) *[]string { return &l.PublicChannels }},
	{name: "internal_channels.txt", list: func(l *Lexicon) *[]string { return &l.InternalChannels }},
	{name: "secrecy_reasons.txt", list: func(l *Lexicon) *[]string { return &l.SecrecyReasons }},
	{name: "sanzhong_yida.txt", groups: func(l *Lexicon) *[]Group { return &l.SanZhongYiDa }},
	{name: "risk_stock.txt", list: func(l *Lexicon) *[]string { return &l.RiskStock }},
	{name: "measure_stock.txt", list: func(l *Lexicon) *[]string { return &l.MeasureStock }},
	{name: "high_risk.txt", list: func(l *Lexicon) *[]string { return &l.HighRisk }},
	{name: "medium_risk.txt", list: func(l *Lexicon) *[]string { return &l.MediumRisk }},
	{name: "unit_posts.txt", groups: func(l *Lexicon) *[]Group { return &l.UnitPosts }},
	{name: "post_synonyms.txt", groups: func(l *Lexicon) *[]Group { return &l.PostSynonyms }},
}

// LexiconFiles returns the names of the word-list files, in a fixed order.
func LexiconFiles() []string {
	names := make([]string, len(lexFiles))
	for i, f := range lexFiles {
		names[i] = f.name
	}
	return names
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// DefaultLexicon returns the embedded word lists. The value is shared:
// callers must not modify it.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() {
		lx, err := buildLexicon(nil)
		if err != nil {
			panic("checks: embedded lexicon: " + err.Error())
		}
		defaultLex = lx
	})
	return defaultLex
}

// LoadLexicon returns the embedded word lists with every file of dir that
// has a list's name (such as nature_words.txt) replacing that list. A .txt
// file with any other name is an error, so a misspelt file is not silently
// ignored; other files are skipped.
func LoadLexicon(dir string) (*Lexicon, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read lexicon dir: %w", err)
	}
	known := map[string]bool{}
	for _, f := range lexFiles {
		known[f.name] = true
	}
	over := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		if !known[e.Name()] {
			return nil, fmt.Errorf("lexicon file %s: unknown list (known: %s)", e.Name(), strings.Join(LexiconFiles(), ", "))
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read lexicon file: %w", err)
		}
		over[e.Name()] = data
	}
	return buildLexicon(over)
}

// buildLexicon parses every list from over when present, else from the
// embedded default.
func buildLexicon(over map[string][]byte) (*Lexicon, error) {
	lx := &Lexicon{}
	for _, f := range lexFiles {
		data, ok := over[f.name]
		if !ok {
			var err error
			if data, err = defaultFiles.ReadFile("lexicon/" + f.name); err != nil {
				return nil, fmt.Errorf("embedded lexicon %s: %w", f.name, err)
			}
		}
		lines := parseLines(data)
		if f.list != nil {
			*f.list(lx) = parseList(lines)
			continue
		}
		groups, err := parseGroups(lines)
		if err != nil {
			return nil, fmt.Errorf("lexicon file %s: %w", f.name, err)
		}
		*f.groups(lx) = groups
	}
	return lx, nil
}

// numberedLine is one meaningful line of a list file.
type numberedLine struct {
	n    int
	text string
}

// parseLines drops comments (from #) and blank lines.
func parseLines(data []byte) []numberedLine {
	var out []numberedLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if line != "" {
			out = append(out, numberedLine{n, line})
		}
	}
	return out
}

// parseList normalises one entry a line, dropping duplicates.
func parseList(lines []numberedLine) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lines {
		w := importer.Normalize(l.text)
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// parseGroups reads "name: word word …" lines; the colon may be full-width.
func parseGroups(lines []numberedLine) ([]Group, error) {
	var out []Group
	for _, l := range lines {
		i := strings.IndexAny(l.text, ":\uff1a")
		if i < 0 {
			return nil, fmt.Errorf("line %d: want \"名称: 词 词 …\", got %q", l.n, l.text)
		}
		name := importer.Normalize(l.text[:i])
		_, size := utf8.DecodeRuneInString(l.text[i:])
		rest := l.text[i+size:]
		if name == "" {
			return nil, fmt.Errorf("line %d: want \"名称: 词 词 …\", got %q", l.n, l.text)
		}
		g := Group{Name: name}
		for _, w := range strings.Fields(rest) {
			if w = importer.Normalize(w); w != "" {
				g.Words = append(g.Words, w)
			}
		}
		out = append(out, g)
	}
	return out, nil
}

// longestIn returns the longest entry of words contained in s (both in
// Normalize form), or "" when none is.
func longestIn(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.Contains(s, w) {
			best = w
		}
	}
	return best
}

// group returns the group called name.
func group(groups []Group, name string) (Group, bool) {
	for _, g := range groups {
		if g.Name == name {
			return g, true
		}
	}
	return Group{}, false
}

// sortedByLength returns words longest first, for removing phrases.
func sortedByLength(words []string) []string {
	out := append([]string(nil), words...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
