package checks

import (
	"fmt"
	"strings"
	"unicode"

	"lianfang/importer"
)

// MatchUnit identifies the roster unit a submission comes from. The
// workbook's 填报单位 is matched first, in Normalize form, against each
// unit's name, code and aliases; then the file name (without folders and
// extension) is searched for a unit's name or alias, the longest match
// winning, or one of its words equal to a unit's code. It returns the unit
// the workbook names (else the one the file name names) and an S04 finding
// when nothing matches or when the two name different units. An empty
// roster means no roster is known: nil and no finding.
func MatchUnit(sub *importer.Submission, roster []importer.RosterUnit) (*importer.RosterUnit, []Finding) {
	if len(roster) == 0 {
		return nil, nil
	}
	byName := matchName(sub.Unit.Name, roster)
	byFile := matchFile(sub.File, roster)
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

// matchName finds the unit whose name, code or alias equals name.
func matchName(name string, roster []importer.RosterUnit) *importer.RosterUnit {
	n := importer.Normalize(name)
	if n == "" {
		return nil
	}
	for i := range roster {
		u := &roster[i]
		if importer.Normalize(u.Name) == n || (u.Code != "" && importer.Normalize(u.Code) == n) {
			return u
		}
		for _, a := range u.Aliases {
			if importer.Normalize(a) == n {
				return u
			}
		}
	}
	return nil
}

// matchFile finds the unit whose name or alias the file name contains (the
// longest; a tie between two units matches neither), or whose code is one
// of the file name's words.
func matchFile(file string, roster []importer.RosterUnit) *importer.RosterUnit {
	base := importer.Normalize(baseName(file))
	if base == "" {
		return nil
	}
	var best *importer.RosterUnit
	bestLen, tie := 0, false
	for i := range roster {
		u := &roster[i]
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			n = importer.Normalize(n)
			switch {
			case n == "" || !strings.Contains(base, n) || len(n) < bestLen:
			case len(n) > bestLen:
				best, bestLen, tie = u, len(n), false
			case best != u:
				tie = true
			}
		}
	}
	if best != nil && !tie {
		return best
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := range roster {
		for _, w := range words {
			if roster[i].Code != "" && w == importer.Normalize(roster[i].Code) {
				return &roster[i]
			}
		}
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
