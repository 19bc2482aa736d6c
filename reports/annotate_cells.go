package reports

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
)

// annotator marks findings on the cells of one open workbook. It caches the
// derived fill styles per (base style, severity), so a thousand findings
// add at most a few styles per distinct cell format.
type annotator struct {
	f       *excelize.File
	sheets  map[string]bool                        // worksheets of the unit's workbook
	filled  map[fillKey]int                        // derived style with a severity fill
	cleared map[int]int                            // derived style with our fill removed
	merges  map[string][]mergedRange               // merged ranges per sheet, loaded lazily
	own     map[string]map[string]excelize.Comment // the unit's comments per sheet and cell, loaded lazily
	extent  map[string][2]int                      // per sheet, the largest marked column and row
}

// fillKey identifies a derived fill style: the cell's own style and the
// severity whose colour is laid over it.
type fillKey struct {
	base int
	sev  checks.Severity
}

// cellMark collects every finding on one cell.
type cellMark struct {
	sheet, cell string
	sev         checks.Severity // the most severe
	notes       []string
}

// cellMarks gathers findings by the cell they mark: one mark per cell, in
// the order cells are first met, with the most severe finding's severity
// and every finding's note.
type cellMarks struct {
	order  []*cellMark
	byCell map[[2]string]*cellMark
}

// add records finding fd on cell of sheet.
func (ms *cellMarks) add(sheet, cell string, fd checks.Finding) {
	k := [2]string{sheet, cell}
	m := ms.byCell[k]
	if m == nil {
		if ms.byCell == nil {
			ms.byCell = map[[2]string]*cellMark{}
		}
		m = &cellMark{sheet: sheet, cell: cell, sev: fd.Severity}
		ms.byCell[k] = m
		ms.order = append(ms.order, m)
	}
	if severityRank(fd.Severity) > severityRank(m.sev) {
		m.sev = fd.Severity
	}
	m.notes = append(m.notes, noteText(fd))
}

// newAnnotator prepares to annotate f, noting its worksheets.
func newAnnotator(f *excelize.File) *annotator {
	a := &annotator{
		f:       f,
		sheets:  map[string]bool{},
		filled:  map[fillKey]int{},
		cleared: map[int]int{},
		merges:  map[string][]mergedRange{},
		own:     map[string]map[string]excelize.Comment{},
		extent:  map[string][2]int{},
	}
	for _, name := range f.GetSheetList() {
		if name != ResultSheet {
			a.sheets[name] = true
		}
	}
	return a
}

// mark fills and annotates every cell that a finding with Row > 0 points
// at. Findings on one cell share one note and take the most severe fill.
// Findings on a sheet the workbook does not have are left to the list.
func (a *annotator) mark(findings []checks.Finding) error {
	var marks cellMarks
	for _, fd := range findings {
		if fd.Row <= 0 || !a.sheets[fd.Sheet] {
			continue
		}
		cell, err := a.target(fd)
		if err != nil {
			continue // a column letter excelize cannot address: list only
		}
		marks.add(fd.Sheet, cell, fd)
	}
	for _, m := range marks.order {
		if err := a.fill(m.sheet, m.cell, m.sev); err != nil {
			return fmt.Errorf("fill %s!%s: %w", m.sheet, m.cell, err)
		}
		if err := a.note(m); err != nil {
			return fmt.Errorf("note %s!%s: %w", m.sheet, m.cell, err)
		}
	}
	return nil
}

// target returns the cell a finding is shown on: its own cell (column A when
// the finding names a row but no column), or the top-left cell of the
// merged range that holds it, since only that cell shows a fill and a note.
func (a *annotator) target(fd checks.Finding) (string, error) {
	col := fd.Col
	if col == "" {
		col = "A"
	}
	c, err := excelize.ColumnNameToNumber(col)
	if err != nil {
		return "", err
	}
	c, r, err := a.mergedTopLeft(fd.Sheet, c, fd.Row)
	if err != nil {
		return "", err
	}
	a.grow(fd.Sheet, c, r)
	return excelize.CoordinatesToCellName(c, r)
}

// fill lays the severity colour over the cell's own style.
func (a *annotator) fill(sheet, cell string, sev checks.Severity) error {
	base, err := a.f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	k := fillKey{base, sev}
	id, ok := a.filled[k]
	if !ok {
		st, err := a.f.GetStyle(base)
		if err != nil {
			return err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{severityColor(sev)}}
		if id, err = a.f.NewStyle(st); err != nil {
			return err
		}
		a.filled[k] = id
	}
	return a.f.SetCellStyle(sheet, cell, cell, id)
}

// note adds the cell's comment. A comment the unit wrote on that cell is
// kept below the findings, since a cell holds only one comment.
func (a *annotator) note(m *cellMark) error {
	body := strings.Join(m.notes, "\n\n")
	if own, ok, err := a.existingComment(m.sheet, m.cell); err != nil {
		return err
	} else if ok {
		if err := a.f.DeleteComment(m.sheet, m.cell); err != nil {
			return err
		}
		body += ownNoteMark + own.Author + "):" + commentText(own)
	}
	head := "lianfang 校验意见:\n"
	return a.f.AddComment(m.sheet, excelize.Comment{
		Cell:   m.cell,
		Author: annotationAuthor,
		Paragraph: []excelize.RichTextRun{
			{Text: head, Font: &excelize.Font{Bold: true, Size: 9}},
			{Text: body, Font: &excelize.Font{Size: 9}},
		},
		Width:  320,
		Height: noteHeight(head + body),
	})
}

// existingComment returns the unit's own comment on a cell, if any. The
// sheet's comments are read once, before the first note is added to it.
func (a *annotator) existingComment(sheet, cell string) (excelize.Comment, bool, error) {
	byCell, ok := a.own[sheet]
	if !ok {
		cs, err := a.f.GetComments(sheet)
		if err != nil {
			return excelize.Comment{}, false, err
		}
		byCell = make(map[string]excelize.Comment, len(cs))
		for _, c := range cs {
			byCell[c.Cell] = c
		}
		a.own[sheet] = byCell
	}
	c, ok := byCell[cell]
	return c, ok, nil
}

// ownNoteMark starts the unit's own comment kept inside a note, so a later
// run can give it back to the cell when it removes the note.
const ownNoteMark = "\n\n原批注("

// restoreOwn puts back the unit's comment that an earlier note kept.
func (a *annotator) restoreOwn(sheet string, note excelize.Comment) error {
	text := commentText(note)
	i := strings.LastIndex(text, ownNoteMark)
	if i < 0 {
		return nil
	}
	author, body, ok := strings.Cut(text[i+len(ownNoteMark):], "):")
	if !ok {
		return nil
	}
	return a.f.AddComment(sheet, excelize.Comment{Cell: note.Cell, Author: author, Text: body})
}

// noteText renders one finding for a cell comment.
func noteText(fd checks.Finding) string {
	s := fmt.Sprintf("%s %s:%s", fd.Rule, checks.SeverityName(fd.Severity), fd.Message)
	if fd.Suggestion != "" {
		s += "\n建议:" + fd.Suggestion
	}
	return s
}

// commentText joins a comment's plain text and rich-text runs.
func commentText(c excelize.Comment) string {
	var b strings.Builder
	b.WriteString(c.Text)
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

// noteHeight sizes a comment box, in pixels, for its text at about 22
// Chinese characters a line.
func noteHeight(s string) uint {
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines += 1 + len([]rune(para))/22
	}
	return uint(min(max(lines*15+10, 60), 480))
}
