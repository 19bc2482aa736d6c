package samples

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"lianfang/importer"
	"lianfang/reports"
)

// Rows of the template's catalogue sheet the defects point at.
const (
	headerRow    = 3
	firstDataRow = 4
)

// fullWidth turns the punctuation of the bank into what a Chinese input
// method types.
var fullWidth = strings.NewReplacer(",", "，", ";", "；", ":", "：", "(", "（", ")", "）")

// extraValues fill the column a unit added to the template (S07).
var extraValues = []string{"长期", "每学期", "即时办理", "每学年"}

// render turns the book into the options of reports.WriteTemplate and
// resolves its defect marks to cells.
func (bk *book) render() (reports.TemplateOptions, []Defect) {
	opt := reports.TemplateOptions{
		Unit: importer.UnitInfo{Name: bk.unit.Name, Type: bk.unit.Type, Reporter: bk.unit.Contact,
			Phone: bk.unit.Phone, Date: bk.received.Format(time.DateOnly)},
		MergePowers: bk.merge,
		Columns:     bk.columnKeys(),
		Created:     bk.received.Add(-2 * time.Hour),
	}
	text := func(s string) string { return s }
	if !bk.halfWidth {
		text = fullWidth.Replace
	}
	rowOf := make(map[*power]int, len(bk.powers))
	skip := 0
	for i, p := range bk.powers {
		if p == bk.seqGap {
			skip = 1
		}
		seq := i + 1 + skip
		rowOf[p] = firstDataRow + len(opt.Rows)
		for r := range max(len(p.risks), 1) {
			row := reports.CatalogueRow{}
			if r == 0 {
				p.fill(row, strconv.Itoa(seq), text)
				if bk.extra != "" {
					row[importer.Key(bk.extra)] = extraValues[i%len(extraValues)]
				}
			}
			if r < len(p.risks) {
				p.risks[r].fill(row, bk.oneColumn, text)
			}
			opt.Rows = append(opt.Rows, row)
		}
	}
	defects := make([]Defect, 0, len(bk.marks))
	for _, m := range bk.marks {
		if m.rule == "" {
			continue
		}
		d := Defect{Rule: m.rule, File: bk.file, Column: m.col, Note: m.note}
		if bk.oneColumn && (m.col == importer.KeySource || m.col == importer.KeyPoint || m.col == importer.KeyHarm) {
			d.Column = importer.KeyStatement
		}
		if m.ref != nil {
			d.Note += fmt.Sprintf("(首次出现在第%d行)", rowOf[m.ref])
		}
		switch {
		case m.rule == "S07":
			d.Row = headerRow
		case m.p != nil:
			d.Row = rowOf[m.p] + max(m.risk, 0)
		}
		defects = append(defects, d)
	}
	return opt, defects
}

// fill writes the power's own cells into its first row.
func (p *power) fill(row reports.CatalogueRow, seq string, text func(string) string) {
	row[importer.KeySeq] = seq
	for k, v := range map[importer.Key]string{
		importer.KeyLevel: p.level, importer.KeyKind: p.kind, importer.KeyName: p.name,
		importer.KeyBasis: p.basis, importer.KeyDept: p.depts, importer.KeyPost: p.post,
		importer.KeyScope: p.scope, importer.KeyForm: p.form, importer.KeyNote: p.note,
	} {
		if v != "" {
			row[k] = text(v)
		}
	}
}

// fill writes the risk point's cells: its three parts, or one labelled
// statement in the one-column layout.
func (r risk) fill(row reports.CatalogueRow, oneColumn bool, text func(string) string) {
	if oneColumn {
		row[importer.KeyStatement] = text(r.source + "(风险源)," + r.point + "(风险点)," + r.harm + "(危害性)。")
	} else {
		row[importer.KeySource], row[importer.KeyPoint], row[importer.KeyHarm] = text(r.source), text(r.point), text(r.harm)
	}
	row[importer.KeyGrade], row[importer.KeyMeasures], row[importer.KeyOwner] = r.grade, text(r.measures), r.owner
	for k, v := range row {
		if v == "" {
			delete(row, k)
		}
	}
}

// columnKeys returns the catalogue's columns, or nil for the template's.
func (bk *book) columnKeys() []importer.Key {
	if bk.columns != nil {
		return bk.columns
	}
	if !bk.oneColumn && len(bk.drop) == 0 && bk.extra == "" {
		return nil
	}
	var keys []importer.Key
	for _, c := range importer.Schema {
		switch {
		case !c.InTemplate || slices.Contains(bk.drop, c.Key):
		case bk.oneColumn && c.Key == importer.KeySource:
			keys = append(keys, importer.KeyStatement)
		case bk.oneColumn && (c.Key == importer.KeyPoint || c.Key == importer.KeyHarm):
		default:
			keys = append(keys, c.Key)
		}
	}
	if bk.extra != "" {
		keys = append(keys, importer.Key(bk.extra))
	}
	return keys
}

// layoutName describes the book's layout in Chinese.
func (bk *book) layoutName() string {
	switch {
	case len(bk.powers) == 0:
		return "空白模板"
	case bk.columns != nil:
		return fmt.Sprintf("简化表格(%d栏)", len(bk.columns))
	}
	parts := []string{"三栏风险点"}
	if bk.oneColumn {
		parts[0] = "单栏廉政风险点"
	}
	if bk.merge {
		parts = append(parts, "职权单元格合并")
	} else {
		parts = append(parts, "续行留空")
	}
	if bk.halfWidth {
		parts = append(parts, "半角标点")
	}
	return strings.Join(parts, "、")
}
