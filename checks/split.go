package checks

import (
	"regexp"
	"strings"
)

// Part names one of the three elements of a risk statement.
type Part int

// The three elements, in the order a statement gives them.
const (
	PartSource Part = iota // 风险源
	PartPoint              // 风险点
	PartHarm               // 危害性
)

var partNames = [...]string{"风险源", "风险点", "危害性"}

// String returns the Chinese name of the part.
func (p Part) String() string {
	if p < PartSource || p > PartHarm {
		return "?"
	}
	return partNames[p]
}

// Parts are the three elements of one risk point: 风险源 (the cause), 风险点
// (the behaviour) and 危害性 (the harm).
type Parts struct {
	Source, Point, Harm string
}

// Get returns the text of part p.
func (ps Parts) Get(p Part) string {
	switch p {
	case PartSource:
		return ps.Source
	case PartPoint:
		return ps.Point
	}
	return ps.Harm
}

// set appends text to part p, joining with a comma when the part already
// has text.
func (ps *Parts) set(p Part, text string) {
	text = trimPart(text)
	if text == "" {
		return
	}
	dst := &ps.Harm
	switch p {
	case PartSource:
		dst = &ps.Source
	case PartPoint:
		dst = &ps.Point
	}
	if *dst != "" {
		*dst += ","
	}
	*dst += text
}

// missing lists the empty parts, in order.
func (ps Parts) missing() []Part {
	var out []Part
	for p := PartSource; p <= PartHarm; p++ {
		if ps.Get(p) == "" {
			out = append(out, p)
		}
	}
	return out
}

// SplitError is returned by Split when a statement lacks one or more of its
// three parts; Missing names them in order.
type SplitError struct {
	Missing []Part
}

func (e *SplitError) Error() string {
	names := make([]string, len(e.Missing))
	for i, p := range e.Missing {
		names[i] = p.String()
	}
	return "廉政风险点缺少" + strings.Join(names, "、")
}

var (
	// closeLabel is a part label in brackets, either width: (风险源).
	closeLabel = regexp.MustCompile(`[(（【\[]\s*(风险源|风险点|危害性)\s*[)）】\]]`)
	// leadLabel is a part label leading its text: 风险源:….
	leadLabel = regexp.MustCompile(`(风险源|风险点|危害性)\s*[:：]`)
)

// Split divides one risk statement (one numbered item, not a whole cell) into
// its three parts, as SPEC §4 describes. A labelled statement splits at its
// labels: a bracketed label (风险源) closes the text before it, unless the
// statement starts with a label, in which case labels lead their text, as
// do labels with a colon (风险源:…). An unlabelled statement is read by
// cause and effect: its clauses are split on commas and semicolons, the
// source is the clause led by 因, 由于, 因为 or 受, the harm is the last
// clause led by or containing 造成, 导致, 致使, 损害, 带来, 引发 or 影响,
// and the point is what lies between. Parts are trimmed of surrounding
// punctuation. When a part cannot be found Split returns the parts it found
// and a *SplitError naming the missing ones.
func Split(statement string) (Parts, error) {
	s := strings.TrimSpace(statement)
	var ps Parts
	switch {
	case closeLabel.MatchString(s):
		ps = splitLabelled(s, closeLabel)
	case leadLabel.MatchString(s):
		ps = splitLeading(s, leadLabel.FindAllStringSubmatchIndex(s, -1))
	default:
		ps = splitCauseEffect(s)
	}
	if m := ps.missing(); len(m) > 0 {
		return ps, &SplitError{Missing: m}
	}
	return ps, nil
}

// labelPart maps a label's text to its part.
func labelPart(label string) Part {
	switch label {
	case "风险源":
		return PartSource
	case "风险点":
		return PartPoint
	}
	return PartHarm
}

// splitLabelled splits on bracketed labels: closing ones, or leading ones
// when the statement starts with a label.
func splitLabelled(s string, re *regexp.Regexp) Parts {
	ms := re.FindAllStringSubmatchIndex(s, -1)
	if trimPart(s[:ms[0][0]]) == "" {
		return splitLeading(s, ms)
	}
	var ps Parts
	prev, last := 0, PartSource
	for _, m := range ms {
		last = labelPart(s[m[2]:m[3]])
		ps.set(last, s[prev:m[0]])
		prev = m[1]
	}
	if rest := trimPart(s[prev:]); rest != "" {
		// Text after the last label belongs to the next part still empty,
		// or else to the last label's part.
		target := last
		for p := last + 1; p <= PartHarm; p++ {
			if ps.Get(p) == "" {
				target = p
				break
			}
		}
		ps.set(target, rest)
	}
	return ps
}

// splitLeading assigns the text after each label, up to the next label, to
// that label's part; text before the first label joins the first part.
func splitLeading(s string, ms [][]int) Parts {
	var ps Parts
	for i, m := range ms {
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		text := s[m[1]:end]
		if i == 0 {
			text = joinNonEmpty(trimPart(s[:m[0]]), trimPart(text))
		}
		ps.set(labelPart(s[m[2]:m[3]]), text)
	}
	return ps
}

// joinNonEmpty joins a and b with a comma, skipping empty ones.
func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "," + b
}

// partCutset is what Split trims from both ends of a part.
const partCutset = " \t\r\n\u3000,，。;；、.:："

// trimPart trims white space and clause punctuation from both ends.
func trimPart(s string) string {
	return strings.Trim(s, partCutset)
}
