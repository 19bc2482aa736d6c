package checks

import (
	"maps"
	"strconv"
	"strings"

	"lianfang/importer"
)

// sheetName is the catalogue sheet of the hand-built submissions.
const sheetName = "职权目录"

// firstDataRow is where the built catalogue's data starts (header on row 3).
const firstDataRow = 4

// threeColLayout and oneColLayout are the column letters of the two risk
// layouts, as the template (three columns) and older forms (one) place them.
var (
	threeColLayout = map[importer.Key]string{
		importer.KeySeq: "A", importer.KeyLevel: "B", importer.KeyKind: "C", importer.KeyName: "D",
		importer.KeyBasis: "E", importer.KeyDept: "F", importer.KeyPost: "G", importer.KeyScope: "H",
		importer.KeyForm: "I", importer.KeySource: "J", importer.KeyPoint: "K", importer.KeyHarm: "L",
		importer.KeyGrade: "M", importer.KeyMeasures: "N", importer.KeyOwner: "O", importer.KeyNote: "P",
	}
	oneColLayout = map[importer.Key]string{
		importer.KeySeq: "A", importer.KeyLevel: "B", importer.KeyKind: "C", importer.KeyName: "D",
		importer.KeyBasis: "E", importer.KeyDept: "F", importer.KeyPost: "G", importer.KeyScope: "H",
		importer.KeyForm: "I", importer.KeyStatement: "J", importer.KeyGrade: "K", importer.KeyMeasures: "L",
		importer.KeyOwner: "M", importer.KeyNote: "N",
	}
)

// pw is a power as a unit writes it; rk one of its risk points.
type pw struct {
	seq                                                     string // "" = next number; "-" = leave empty
	level, kind, name, basis, dept, post, scope, form, note string
	risks                                                   []rk
}

type rk struct {
	source, point, harm, stmt, grade, measures, owner string
	item                                              int  // numbered item of a cell
	sameRow                                           bool // on the previous risk's row (a numbered item)
}

// builder assembles an importer.Submission by hand, as the importer would
// deliver it: canonical enumerations, split lists, refs on every row.
type builder struct {
	sub    *importer.Submission
	sheet  int
	row    int
	seq    int
	layout map[importer.Key]string
}

// newBuilder starts a submission with one catalogue sheet in layout.
func newBuilder(layout map[importer.Key]string) *builder {
	cols := map[importer.Key]string{}
	headers := map[importer.Key]string{}
	for k, v := range layout {
		cols[k] = v
		headers[k] = importer.ColumnOf(k).Header
	}
	sub := &importer.Submission{
		File:   "收件/城关小学.xlsx",
		Format: "xlsx",
		Unit:   importer.UnitInfo{Name: "城关小学", Type: "小学", From: "label", Ref: importer.Ref{Sheet: sheetName, Row: 2, Col: "B"}},
		Sheets: []importer.Sheet{{Name: sheetName, Catalogue: true, HeaderRow: 3, Columns: cols, Headers: headers}},
	}
	return &builder{sub: sub, row: firstDataRow - 1, layout: layout}
}

// without removes columns from the sheet, as if the unit deleted them.
func (b *builder) without(keys ...importer.Key) *builder {
	for _, k := range keys {
		delete(b.sub.Sheets[b.sheet].Columns, k)
		delete(b.sub.Sheets[b.sheet].Headers, k)
	}
	return b
}

// canonical folds an enumerated value the way the importer does.
func canonical(e *importer.Enum, s string) string {
	if v, ok := e.Canonical(s); ok {
		return v
	}
	return s
}

// splitList splits 承办科室 and 公开形式 on 、 and commas like the importer.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,,;;/\n", r) })
}

// add appends one power with its risk points, each on its own row unless
// sameRow, and returns the power's first row.
func (b *builder) add(p pw) int {
	b.row++
	seq := p.seq
	switch seq {
	case "":
		b.seq++
		seq = strconv.Itoa(b.seq)
	case "-":
		seq = ""
	}
	sh := b.sub.Sheets[b.sheet].Name
	power := importer.Power{
		Seq: seq, Level: canonical(importer.LevelEnum, p.level), Kind: canonical(importer.KindEnum, p.kind),
		Name: p.name, Basis: p.basis, Dept: p.dept, Depts: splitList(p.dept), Post: p.post,
		Scope: canonical(importer.ScopeEnum, p.scope), Form: p.form, Forms: splitList(p.form), Note: p.note,
		Ref:  importer.Ref{Sheet: sh, Row: b.row},
		Rows: []int{b.row},
		Raw:  map[importer.Key]string{importer.KeyLevel: p.level, importer.KeyKind: p.kind, importer.KeyScope: p.scope},
	}
	first := b.row
	for i, r := range p.risks {
		if i > 0 && !r.sameRow {
			b.row++
			power.Rows = append(power.Rows, b.row)
		}
		power.Risks = append(power.Risks, importer.Risk{
			Source: r.source, Point: r.point, Harm: r.harm, Statement: r.stmt,
			Grade: canonical(importer.GradeEnum, r.grade), RawGrade: r.grade,
			Measures: r.measures, Owner: r.owner, Item: r.item,
			Ref: importer.Ref{Sheet: sh, Row: b.row},
		})
	}
	b.sub.Powers = append(b.sub.Powers, power)
	b.sub.Sheets[b.sheet].DataRows = b.row - firstDataRow + 1
	return first
}

// addAll appends powers in order.
func (b *builder) addAll(ps ...pw) *builder {
	for _, p := range ps {
		b.add(p)
	}
	return b
}

// newSheet starts a second catalogue sheet with the same layout.
func (b *builder) newSheet(name string) *builder {
	s := b.sub.Sheets[b.sheet]
	s.Name = name
	s.Columns, s.Headers = maps.Clone(s.Columns), maps.Clone(s.Headers)
	b.sub.Sheets = append(b.sub.Sheets, s)
	b.sheet = len(b.sub.Sheets) - 1
	b.row = firstDataRow - 1
	return b
}
