package importer

import (
	"strconv"
	"strings"
)

// table is one catalogue sheet being read: the grid, its header, and the
// values vertical merges spread over the rows they cover.
type table struct {
	g      *grid
	h      *header
	merged map[[2]int]string // (row, col) covered by a merge → the merge's value
}

func newTable(g *grid, h *header) *table {
	t := &table{g: g, h: h, merged: map[[2]int]string{}}
	for _, m := range g.merges {
		if m.bottom < h.dataStart {
			continue
		}
		top := g.cell(m.top, m.left)
		for r := max(m.top, h.dataStart); r <= m.bottom; r++ {
			for c := m.left; c <= m.right; c++ {
				if r == m.top && c == m.left {
					continue
				}
				v := ""
				if c == m.left {
					v = top
				}
				t.merged[[2]int{r, c}] = v
			}
		}
	}
	return t
}

// own returns the text written in the cell of key on row itself.
func (t *table) own(row int, k Key) string {
	c := t.h.cols[k]
	if c == 0 {
		return ""
	}
	if _, ok := t.merged[[2]int{row, c}]; ok {
		return ""
	}
	return t.g.cell(row, c)
}

// value returns the cell's text, or the value of the merge covering it.
func (t *table) value(row int, k Key) string {
	c := t.h.cols[k]
	if c == 0 {
		return ""
	}
	if v, ok := t.merged[[2]int{row, c}]; ok {
		return v
	}
	return t.g.cell(row, c)
}

// covered reports whether the cell of key on row lies under a merge that
// starts above it.
func (t *table) covered(row int, k Key) bool {
	c := t.h.cols[k]
	if c == 0 {
		return false
	}
	_, ok := t.merged[[2]int{row, c}]
	return ok
}

func (t *table) ownAny(row int, keys []Key) bool {
	for _, k := range keys {
		if strings.TrimSpace(t.own(row, k)) != "" {
			return true
		}
	}
	return false
}

func (t *table) valueAny(row int, keys []Key) bool {
	for _, k := range keys {
		if strings.TrimSpace(t.value(row, k)) != "" {
			return true
		}
	}
	return false
}

// riskTextKeys are the cells that carry a risk point's statement.
var riskTextKeys = []Key{KeySource, KeyPoint, KeyHarm, KeyStatement}

// powers reads every data row into powers, continuation rows and merged
// rows adding risk points to the power above.
func (t *table) powers() (powers []Power, dataRows int) {
	var cur *Power
	for r := t.h.dataStart; r <= len(t.g.rows); r++ {
		if !t.valueAny(r, PowerKeys) && !t.valueAny(r, RiskKeys) && !t.valueAny(r, []Key{KeyNote}) {
			continue
		}
		if t.isNoteRow(r) {
			continue
		}
		dataRows++
		// A row under the power's merged name belongs to that power even
		// when it repeats other power cells.
		newPower := cur == nil || (!t.covered(r, KeyName) && t.ownAny(r, PowerKeys))
		if newPower {
			powers = append(powers, t.power(r))
			cur = &powers[len(powers)-1]
		} else {
			cur.Rows = append(cur.Rows, r)
			if n := CleanLine(t.own(r, KeyNote)); n != "" && cur.Note == "" {
				cur.Note = n
			}
		}
		if t.ownAny(r, riskTextKeys) || t.ownAny(r, []Key{KeyGrade, KeyMeasures, KeyOwner}) ||
			(newPower && t.valueAny(r, RiskKeys)) {
			cur.Risks = append(cur.Risks, t.risks(r)...)
		}
	}
	return powers, dataRows
}

// isNoteRow recognises a remark under the table ("注:…", "填表说明…")
// written in the first columns, which is not a power.
func (t *table) isNoteRow(r int) bool {
	var texts []string
	for _, k := range append(append([]Key{}, PowerKeys...), RiskKeys...) {
		if v := strings.TrimSpace(t.own(r, k)); v != "" {
			texts = append(texts, v)
		}
	}
	if len(texts) != 1 {
		return false
	}
	n := Normalize(texts[0])
	for _, p := range []string{"注:", "注1", "说明:", "填表说明", "备注:", "合计", "审核人", "单位负责人", "负责人:"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return t.own(r, KeySeq) != "" && len([]rune(n)) > 8
}

// power reads the power columns of row r.
func (t *table) power(r int) Power {
	p := Power{
		Seq:   normalizeSeq(t.value(r, KeySeq)),
		Name:  CleanLine(t.value(r, KeyName)),
		Basis: CleanLine(t.value(r, KeyBasis)),
		Dept:  CleanLine(t.value(r, KeyDept)),
		Post:  CleanLine(t.value(r, KeyPost)),
		Form:  CleanLine(t.value(r, KeyForm)),
		Note:  CleanLine(t.value(r, KeyNote)),
		Ref:   Ref{Sheet: t.g.name, Row: r},
		Rows:  []int{r},
		Raw:   map[Key]string{},
	}
	p.Level = t.enum(r, KeyLevel, LevelEnum, p.Raw)
	p.Kind = t.enum(r, KeyKind, KindEnum, p.Raw)
	p.Scope = t.enum(r, KeyScope, ScopeEnum, p.Raw)
	p.Depts = SplitList(p.Dept)
	p.Forms = SplitList(p.Form)
	for _, c := range t.h.extra {
		if v := Clean(t.g.cell(r, c)); v != "" {
			if p.Extra == nil {
				p.Extra = map[string]string{}
			}
			p.Extra[extraHeader(t.g, t.h, c)] = v
		}
	}
	return p
}

func (t *table) enum(r int, k Key, e *Enum, raw map[Key]string) string {
	v := CleanLine(t.value(r, k))
	if v == "" {
		return ""
	}
	raw[k] = v
	if c, ok := e.Canonical(v); ok {
		return c
	}
	return v
}

func extraHeader(g *grid, h *header, c int) string {
	if s := CleanLine(g.cell(h.row, c)); s != "" {
		return s
	}
	if s := CleanLine(g.cell(h.row-1, c)); s != "" {
		return s
	}
	return colName(c)
}

// normalizeSeq folds full-width digits and "3.0" to "3"; other text is kept.
func normalizeSeq(s string) string {
	n := Normalize(s)
	n = strings.TrimPrefix(n, "'")
	if f, err := strconv.ParseFloat(n, 64); err == nil && f == float64(int64(f)) && f > -1e9 && f < 1e9 {
		return strconv.FormatInt(int64(f), 10)
	}
	return n
}

// SplitList splits a multi-value cell (承办科室, 公开形式) on 、,,;;/ and
// line breaks.
func SplitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '/', '／', '\n', ' ', '\u3000', '|':
			return true
		}
		return false
	})
	out := f[:0]
	for _, v := range f {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
