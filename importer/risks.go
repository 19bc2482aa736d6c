package importer

import "strings"

// risks reads the risk points of row r: one per row, or one per item when
// the risk cells hold numbered items (or, in the three-column layout, the
// same number of lines in each part).
func (t *table) risks(r int) []Risk {
	texts := make([][]string, len(riskTextKeys))
	n := 1
	for i, k := range riskTextKeys {
		texts[i] = SplitItems(Clean(t.value(r, k)))
		n = max(n, len(texts[i]))
	}
	if n == 1 {
		if lines := t.lineItems(r); lines != nil {
			texts, n = lines, len(lines[0])
			for _, l := range lines {
				n = max(n, len(l))
			}
		}
	}
	grade := perItem(Clean(t.value(r, KeyGrade)), n)
	measures := perItem(Clean(t.value(r, KeyMeasures)), n)
	owner := perItem(Clean(t.value(r, KeyOwner)), n)
	out := make([]Risk, 0, n)
	for i := 0; i < n; i++ {
		rk := Risk{
			Source:    itemAt(texts[0], i, n),
			Point:     itemAt(texts[1], i, n),
			Harm:      itemAt(texts[2], i, n),
			Statement: itemAt(texts[3], i, n),
			RawGrade:  CleanLine(grade[i]),
			Measures:  CleanLine(measures[i]),
			Owner:     CleanLine(owner[i]),
			Ref:       Ref{Sheet: t.g.name, Row: r},
		}
		rk.Grade = rk.RawGrade
		if c, ok := GradeEnum.Canonical(rk.RawGrade); ok {
			rk.Grade = c
		}
		if n > 1 {
			rk.Item = i + 1
		}
		out = append(out, rk)
	}
	return out
}

// lineItems splits the risk cells on line breaks when that is clearly how
// the unit listed several risk points: in the three-column layout, every
// filled part has the same number (≥ 2) of lines; in the statement layout,
// every line ends like a complete statement. Otherwise it returns nil and
// line breaks are taken as stray.
func (t *table) lineItems(r int) [][]string {
	out := make([][]string, len(riskTextKeys))
	count := 0
	for i, k := range riskTextKeys {
		raw := Clean(t.value(r, k))
		if raw == "" {
			continue
		}
		lines := splitLines(raw)
		if k == KeyStatement {
			for _, l := range strings.Split(raw, "\n") {
				if strings.TrimSpace(l) != "" && !endsSentence(l) {
					return nil
				}
			}
		}
		if count != 0 && len(lines) != count {
			return nil
		}
		count = len(lines)
		out[i] = lines
	}
	if count < 2 {
		return nil
	}
	for i := range out {
		if out[i] == nil {
			out[i] = []string{""}
		}
	}
	return out
}

// perItem gives each of n items its grade, measures or owner: numbered the
// same way, one value per item; otherwise the whole cell for every item.
func perItem(text string, n int) []string {
	out := make([]string, n)
	if n > 1 {
		if items := SplitItems(text); len(items) == n {
			return items
		}
		if lines := splitLines(text); len(lines) == n {
			return lines
		}
	}
	for i := range out {
		out[i] = text
	}
	return out
}

// itemAt returns item i of a split cell: a single item is shared by every
// risk point, a shorter list leaves the rest empty.
func itemAt(items []string, i, n int) string {
	switch {
	case len(items) == 1 && n > 1:
		return CleanLine(items[0])
	case i < len(items):
		return CleanLine(items[i])
	}
	return ""
}
