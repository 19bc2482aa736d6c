package importer

import (
	"sort"
	"strings"
)

// headerScanRows is how far down a sheet the header row is looked for.
const headerScanRows = 20

// MinHeaderColumns is how many canonical columns a row must match to be a
// catalogue header (SPEC S02).
const MinHeaderColumns = 5

// headerIndex maps a normalised header or alias to its key.
var headerIndex = func() map[string]Key {
	m := map[string]Key{}
	for _, c := range Schema {
		m[Normalize(c.Header)] = c.Key
		for _, a := range c.Aliases {
			m[Normalize(a)] = c.Key
		}
	}
	return m
}()

// headerNames lists the normalised headers and aliases, longest first, for
// the containment fallback.
var headerNames = func() []string {
	var names []string
	for n := range headerIndex {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	return names
}()

// cleanHeader normalises a header cell: width folded, spaces and line
// breaks removed, required-field stars, a trailing colon and a trailing
// parenthetical remark such as (必填) dropped.
func cleanHeader(s string) string {
	n := Normalize(s)
	n = strings.Trim(n, "*:")
	if i := strings.LastIndex(n, "("); i > 0 && strings.HasSuffix(n, ")") {
		if _, ok := headerIndex[n]; !ok {
			n = strings.Trim(n[:i], "*:")
		}
	}
	return n
}

// MatchHeader returns the column key a header cell stands for.
func MatchHeader(s string) (Key, bool) {
	n := cleanHeader(s)
	if n == "" {
		return "", false
	}
	if k, ok := headerIndex[n]; ok {
		return k, true
	}
	if len([]rune(n)) > 12 {
		return "", false
	}
	for _, name := range headerNames {
		if len([]rune(name)) >= 2 && strings.Contains(n, name) {
			return headerIndex[name], true
		}
	}
	return "", false
}

// header is a recognised header: which column holds which key.
type header struct {
	row       int         // 1-based row of the (last) header row
	cols      map[Key]int // key → 1-based column
	texts     map[Key]string
	extra     []int // 1-based columns with a header that is not a key
	dataStart int
}

// matchRow maps the header cells of one row to keys; the first column for
// a key wins, and later duplicates and unknown headers are extras.
func matchRow(cells []string) (map[Key]int, []int) {
	keys := map[Key]int{}
	var extra []int
	for j, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		k, ok := MatchHeader(c)
		if !ok || keys[k] != 0 {
			extra = append(extra, j+1)
			continue
		}
		keys[k] = j + 1
	}
	return keys, extra
}

// findHeader finds the best header row in the first rows of g, or nil when
// no row matches at least MinHeaderColumns keys.
func findHeader(g *grid) *header {
	best, bestScore := 0, 0
	var bestKeys map[Key]int
	var bestExtra []int
	for r := 1; r <= min(headerScanRows, len(g.rows)); r++ {
		keys, extra := matchRow(g.rows[r-1])
		if len(keys) > bestScore {
			best, bestScore, bestKeys, bestExtra = r, len(keys), keys, extra
		}
	}
	if bestScore < MinHeaderColumns {
		return nil
	}
	h := &header{row: best, cols: bestKeys, extra: bestExtra, dataStart: best + 1}
	h.mergeSubHeader(g)
	h.texts = map[Key]string{}
	for k, c := range h.cols {
		h.texts[k] = CleanLine(g.cell(h.row, c))
		if h.texts[k] == "" && h.row > 1 {
			h.texts[k] = CleanLine(g.cell(h.row-1, c))
		}
	}
	h.skipNumberRow(g)
	return h
}

// mergeSubHeader handles a two-row header: 廉政风险点 merged over three
// columns with 风险源 / 风险点 / 危害性 written in the row below it.
func (h *header) mergeSubHeader(g *grid) {
	if h.row >= len(g.rows) {
		return
	}
	sub, _ := matchRow(g.rows[h.row])
	parts := 0
	for _, k := range []Key{KeySource, KeyPoint, KeyHarm} {
		if sub[k] != 0 {
			parts++
		}
	}
	if parts < 2 {
		return
	}
	taken := map[int]bool{}
	for k, c := range sub {
		if h.cols[k] == 0 || h.cols[k] == c {
			if old, ok := h.colKey(c); ok && old != k {
				delete(h.cols, old)
			}
			h.cols[k] = c
			taken[c] = true
		}
	}
	if h.cols[KeyStatement] != 0 && parts == 3 {
		delete(h.cols, KeyStatement)
	}
	var extra []int
	for _, c := range h.extra {
		if !taken[c] {
			extra = append(extra, c)
		}
	}
	h.extra = extra
	h.row++
	h.dataStart = h.row + 1
}

func (h *header) colKey(col int) (Key, bool) {
	for k, c := range h.cols {
		if c == col {
			return k, true
		}
	}
	return "", false
}

// skipNumberRow skips the "1 2 3 4 …" column-number row that many Chinese
// forms put under the header.
func (h *header) skipNumberRow(g *grid) {
	if h.dataStart > len(g.rows) {
		return
	}
	n, prev := 0, 0
	for _, c := range g.rows[h.dataStart-1] {
		c = Normalize(c)
		if c == "" {
			continue
		}
		v, ok := smallInt(c)
		if !ok || v <= prev {
			return
		}
		prev = v
		n++
	}
	if n >= MinHeaderColumns {
		h.dataStart++
	}
}

func smallInt(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	v := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		v = v*10 + int(r-'0')
	}
	return v, true
}
