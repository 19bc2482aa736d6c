package merge

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"lianfang/checks"
	"lianfang/importer"
)

// riskRef is one risk point of a current submission, where it was written.
type riskRef struct {
	Code      string `db:"code"`
	SubID     int64  `db:"submission_id"`
	Sheet     string `db:"sheet"`
	Row       int    `db:"row"`
	Source    string `db:"source"`
	Point     string `db:"point"`
	Harm      string `db:"harm"`
	Statement string `db:"statement"`
}

// text is what X04 compares: the one-column statement, or the three parts.
func (r riskRef) text() string {
	if r.Statement != "" {
		return r.Statement
	}
	return r.Source + "," + r.Point + "," + r.Harm
}

// key is the column X04 lands on: the statement column, else 风险点.
func (r riskRef) key() importer.Key {
	if r.Statement != "" {
		return importer.KeyStatement
	}
	return importer.KeyPoint
}

// copiedStatements evaluates X04 over the risk points of every unit's
// current submission: one finding on every row carrying a statement
// near-identical to one of another unit (see Similar).
func copiedStatements(ctx context.Context, q querier, st *cycleState) ([]xFinding, error) {
	var refs []riskRef
	err := q.SelectContext(ctx, &refs, `SELECT u.code, s.id AS submission_id, r.sheet, r.row, r.source, r.point, r.harm, r.statement
		FROM current c JOIN units u ON u.id = c.unit_id JOIN submissions s ON s.id = c.submission_id
		JOIN powers p ON p.submission_id = s.id JOIN risks r ON r.power_id = p.id
		WHERE c.cycle = ? ORDER BY u.code, p.ord, r.ord`, st.cycle)
	if err != nil {
		return nil, fmt.Errorf("x04 statements: %w", err)
	}
	cols, err := catalogueColumns(ctx, q, st.cycle)
	if err != nil {
		return nil, err
	}
	stmts := make([]Statement, len(refs))
	for i, r := range refs {
		stmts[i] = Statement{Unit: r.Code, Text: r.text()}
	}
	units := make(map[string]UnitStatus, len(st.units))
	for _, u := range st.units {
		units[u.Code] = u
	}
	type cell struct {
		sub   int64
		sheet string
		row   int
	}
	done := make(map[cell]bool)
	var out []xFinding
	for _, m := range Similar(stmts) {
		r, o := refs[m.Index], refs[m.Other]
		if done[cell{r.SubID, r.Sheet, r.Row}] {
			continue // one finding per row, whatever the numbered items
		}
		done[cell{r.SubID, r.Sheet, r.Row}] = true
		u, other := units[r.Code], units[o.Code]
		col := cols[sheetKey{r.SubID, r.Sheet}][r.key()]
		where := importer.Ref{Sheet: o.Sheet, Row: o.Row, Col: cols[sheetKey{o.SubID, o.Sheet}][o.key()]}
		pct := int(math.Floor(m.Similarity * 100))
		msg := fmt.Sprintf("风险表述与%s(%s)%s高度雷同(相似度 %d%%),疑似照抄。", other.Name, other.Code, where, pct)
		f := newX("X04", u.Current.Path, u.Name, msg)
		f.Sheet, f.Row, f.Col, f.Column = r.Sheet, r.Row, col, importer.ColumnOf(r.key()).Header
		uf := f
		uf.Message = checks.MessageX04
		out = append(out, xFinding{code: r.Code, county: f, unit: uf})
	}
	return out, nil
}

type sheetKey struct {
	sub   int64
	sheet string
}

// catalogueColumns returns, for the catalogue sheets of the cycle's
// current submissions, which column letter holds which key.
func catalogueColumns(ctx context.Context, q querier, cycle string) (map[sheetKey]map[importer.Key]string, error) {
	var rows []struct {
		SubID   int64  `db:"submission_id"`
		Name    string `db:"name"`
		Columns string `db:"columns"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT sh.submission_id, sh.name, sh.columns FROM sheets sh
		JOIN current c ON c.submission_id = sh.submission_id WHERE c.cycle = ? AND sh.catalogue`, cycle)
	if err != nil {
		return nil, fmt.Errorf("x04 columns: %w", err)
	}
	out := make(map[sheetKey]map[importer.Key]string, len(rows))
	for _, r := range rows {
		var m map[importer.Key]string
		if err := json.Unmarshal([]byte(r.Columns), &m); err != nil {
			return nil, fmt.Errorf("x04 columns of %s: %w", r.Name, err)
		}
		out[sheetKey{r.SubID, r.Name}] = m
	}
	return out, nil
}
