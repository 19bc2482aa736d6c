package checks

import (
	"strings"
	"unicode/utf8"
)

// span is one clause of a statement: byte offsets into the statement.
type span struct{ start, end int }

// causeLeads start a clause that gives the cause (风险源).
var causeLeads = []string{"由于", "因为", "因", "受"}

// notCause are words that start with a cause lead but are no cause.
var notCause = []string{"因此", "因而", "因素", "受理", "受贿", "受益"}

// harmMarkers lead or appear in the clause that gives the harm (危害性);
// "给…造成" is covered by 造成.
var harmMarkers = []string{"造成", "导致", "致使", "损害", "带来", "引发", "影响"}

// innerMarkers split a cause clause that runs on into its effect:
// "因受人情干扰导致把关不严".
var innerMarkers = []string{"导致", "造成", "致使"}

// isClauseSep reports whether r separates clauses.
func isClauseSep(r rune) bool {
	switch r {
	case ',', '，', ';', '；', '。', '\n', '\r':
		return true
	}
	return false
}

// clauses splits s into non-empty clauses.
func clauses(s string) []span {
	var out []span
	start := 0
	for i, r := range s {
		if isClauseSep(r) {
			out = appendClause(out, s, start, i)
			start = i + utf8.RuneLen(r)
		}
	}
	return appendClause(out, s, start, len(s))
}

func appendClause(out []span, s string, start, end int) []span {
	for start < end && strings.ContainsRune(" \t\u3000", rune(s[start])) {
		start++
	}
	if trimPart(s[start:end]) == "" {
		return out
	}
	return append(out, span{start, end})
}

// isCause reports whether a clause is led by a cause word.
func isCause(c string) bool {
	c = strings.TrimLeft(c, partCutset)
	for _, w := range notCause {
		if strings.HasPrefix(c, w) {
			return false
		}
	}
	for _, w := range causeLeads {
		if strings.HasPrefix(c, w) {
			return true
		}
	}
	return false
}

// isHarm reports whether a clause is led by or contains a harm marker.
func isHarm(c string) bool {
	for _, w := range harmMarkers {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// splitCauseEffect reads an unlabelled statement by cause and effect
// (因果关系法).
func splitCauseEffect(s string) Parts {
	cs := clauses(s)
	src := -1
	for i, c := range cs {
		if isCause(s[c.start:c.end]) {
			src = i
			break
		}
	}
	if src >= 0 {
		cs = splitRunOn(s, cs, src)
	}
	harm := -1
	for i := len(cs) - 1; i > src; i-- {
		if isHarm(s[cs[i].start:cs[i].end]) {
			harm = i
			break
		}
	}
	var ps Parts
	if src >= 0 {
		ps.set(PartSource, s[cs[0].start:cs[src].end])
	}
	pointEnd := len(cs) - 1
	if harm >= 0 {
		ps.set(PartHarm, s[cs[harm].start:cs[len(cs)-1].end])
		pointEnd = harm - 1
	}
	if src+1 <= pointEnd {
		ps.set(PartPoint, s[cs[src+1].start:cs[pointEnd].end])
	}
	return ps
}

// splitRunOn splits the cause clause at an effect word inside it, so that
// "因受人情干扰导致把关不严" gives the cause "因受人情干扰" and a clause
// "导致把关不严".
func splitRunOn(s string, cs []span, src int) []span {
	c := cs[src]
	text := s[c.start:c.end]
	at := -1
	for _, w := range innerMarkers {
		if i := strings.Index(text, w); i > 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return cs
	}
	out := make([]span, 0, len(cs)+1)
	out = append(out, cs[:src]...)
	out = append(out, span{c.start, c.start + at}, span{c.start + at, c.end})
	return append(out, cs[src+1:]...)
}
