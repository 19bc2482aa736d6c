package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"lianfang/importer"
)

// MatchUnit identifies the roster unit a submission comes from. The
// workbook's 填报单位 is matched first, in Normalize form, against each
// unit's name, code and aliases; then the file name (without folders and
// extension) is searched for a unit's name or alias, the longest match
// winning, or one of its words equal to a unit's code. It returns the unit
// the workbook names (else the one the file name names) and an S04 finding
// when nothing matches or when the two name different units. An empty
// roster means no roster is known: nil and no finding. A caller matching
// many files prepares the roster once with NewUnitIndex.
func MatchUnit(sub *importer.Submission, roster []importer.RosterUnit) (*importer.RosterUnit, []Finding) {
	return NewUnitIndex(roster).Match(sub)
}

// UnitIndex is a roster prepared for matching: every name, alias and code
// in Normalize form, looked up by value, so that matching one file costs
// the same whatever the roster's size.
type UnitIndex struct {
	roster  []importer.RosterUnit
	exact   map[string]int   // name, code or alias → the first unit, in roster order
	names   map[string][]int // name or alias → its units, distinct, in roster order
	codes   map[string]int   // code → the first unit
	longest int              // the longest name or alias, in bytes
}

// NewUnitIndex prepares roster for Match. The index refers to roster's
// units; roster must not change while it is used.
func NewUnitIndex(roster []importer.RosterUnit) *UnitIndex {
	x := &UnitIndex{roster: roster, exact: map[string]int{}, names: map[string][]int{}, codes: map[string]int{}}
	first := func(m map[string]int, k string, i int) {
		if _, ok := m[k]; !ok && k != "" {
			m[k] = i
		}
	}
	for i := range roster {
		u := &roster[i]
		name := importer.Normalize(u.Name)
		code := ""
		if u.Code != "" {
			code = importer.Normalize(u.Code)
		}
		first(x.exact, name, i)
		first(x.exact, code, i)
		first(x.codes, code, i)
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			n = importer.Normalize(n)
			first(x.exact, n, i)
			if n == "" {
				continue
			}
			if us := x.names[n]; len(us) == 0 || us[len(us)-1] != i {
				x.names[n] = append(us, i)
			}
			x.longest = max(x.longest, len(n))
		}
	}
	return x
}

// Match is MatchUnit against the index's roster.
func (x *UnitIndex) Match(sub *importer.Submission) (*importer.RosterUnit, []Finding) {
	if len(x.roster) == 0 {
		return nil, nil
	}
	byName := x.matchName(sub.Unit.Name)
	byFile := x.matchFile(sub.File)
	var body string
	unit := byName
	switch {
	case byName != nil && byFile != nil && byName != byFile:
		body = fmt.Sprintf("填报单位%s是名册中的%s,但文件名%s对应的是%s,两者不一致",
			q(sub.Unit.Name), q(byName.Name), q(baseName(sub.File)), q(byFile.Name))
	case byName != nil:
	case byFile != nil:
		unit = byFile
	case strings.TrimSpace(sub.Unit.Name) == "":
		body = fmt.Sprintf("没有填写填报单位,文件名%s也不含名册中的单位名称,无法确定报送单位", q(baseName(sub.File)))
	default:
		body = fmt.Sprintf("填报单位%s在全县单位名册中找不到,文件名%s也不含名册中的单位名称", q(sub.Unit.Name), q(baseName(sub.File)))
	}
	if body == "" {
		return unit, nil
	}
	ref := importer.Ref{}
	if sub.Unit.From != "" && sub.Unit.From != "filename" && sub.Unit.Ref.Row > 0 {
		ref = sub.Unit.Ref
	}
	f := mustRule("S04").Finding(ref, importer.LabelUnit, prefix(ref)+body)
	f.File, f.Unit = sub.File, sub.Unit.Name
	return unit, []Finding{f}
}

// matchName finds the first unit whose name, code or alias equals name.
func (x *UnitIndex) matchName(name string) *importer.RosterUnit {
	if i, ok := x.exact[importer.Normalize(name)]; ok {
		return &x.roster[i]
	}
	return nil
}

// matchFile finds the unit whose name or alias the file name contains (the
// longest; a tie between two units matches neither), or else the first
// unit whose code is one of the file name's words. It looks up every
// stretch of the file name no longer than the longest name.
func (x *UnitIndex) matchFile(file string) *importer.RosterUnit {
	base := importer.Normalize(baseName(file))
	if base == "" {
		return nil
	}
	best, bestLen, tie := -1, 0, false
	for i := range base {
		if !utf8.RuneStart(base[i]) {
			continue
		}
		for j := i + 1; j <= len(base) && j-i <= x.longest; j++ {
			if j < len(base) && !utf8.RuneStart(base[j]) {
				continue
			}
			us, ok := x.names[base[i:j]]
			switch n := j - i; {
			case !ok || n < bestLen:
			case n > bestLen:
				best, bestLen, tie = us[0], n, len(us) > 1
			default:
				for _, u := range us {
					tie = tie || u != best
				}
			}
		}
	}
	if best >= 0 && !tie {
		return &x.roster[best]
	}
	found := -1
	for _, w := range strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if i, ok := x.codes[w]; ok && (found < 0 || i < found) {
			found = i
		}
	}
	if found >= 0 {
		return &x.roster[found]
	}
	return nil
}

// baseName returns the file name without folders (either slash) and
// without its extension.
func baseName(file string) string {
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		file = file[i+1:]
	}
	if i := strings.LastIndexByte(file, '.'); i > 0 {
		file = file[:i]
	}
	return file
}
