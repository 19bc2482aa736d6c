package merge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
	"lianfang/importer"
)

// severityCounts counts findings by severity.
type severityCounts struct {
	Errors, Warnings, Infos int
}

func (c *severityCounts) add(sev checks.Severity) {
	switch sev {
	case checks.Error:
		c.Errors++
	case checks.Warning:
		c.Warnings++
	case checks.Info:
		c.Infos++
	}
}

// unreadableRules are the findings that mean the file could not be read.
var unreadableRules = map[string]bool{"S01": true, "S02": true, "S06": true}

// statusOf derives a submission's county status from its findings (SPEC
// §5): 无法读取 for S01/S02/S06, else 退回修改 with any error, else 已通过.
func statusOf(sub *importer.Submission, findings []checks.Finding) (string, severityCounts, error) {
	var c severityCounts
	unreadable := !sub.Readable()
	for i, f := range findings {
		switch f.Severity {
		case checks.Error, checks.Warning, checks.Info:
		default:
			return "", c, fmt.Errorf("finding %d (%s): unknown severity %q", i, f.Rule, f.Severity)
		}
		c.add(f.Severity)
		if unreadableRules[f.Rule] {
			unreadable = true
		}
	}
	switch {
	case unreadable:
		return StatusUnreadable, c, nil
	case c.Errors > 0:
		return StatusReturned, c, nil
	}
	return StatusPassed, c, nil
}

// insertContent stores everything read from the workbook: sheets and their
// rows, powers and risks, and the findings.
func insertContent(ctx context.Context, tx *sqlx.Tx, id int64, in Input) error {
	if err := insertSheets(ctx, tx, id, in.Sub.Sheets); err != nil {
		return fmt.Errorf("insert sheets: %w", err)
	}
	if err := hook(ctx, "rows"); err != nil {
		return err
	}
	if err := insertPowers(ctx, tx, id, in.Sub.Powers); err != nil {
		return fmt.Errorf("insert powers: %w", err)
	}
	if err := hook(ctx, "powers"); err != nil {
		return err
	}
	if err := insertFindings(ctx, tx, id, in.Findings); err != nil {
		return fmt.Errorf("insert findings: %w", err)
	}
	return hook(ctx, "findings")
}

func insertSheets(ctx context.Context, tx *sqlx.Tx, id int64, sheets []importer.Sheet) error {
	rowStmt, err := tx.PreparexContext(ctx, `INSERT INTO sheet_rows (submission_id, sheet_idx, row, cells) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer rowStmt.Close()
	for i, sh := range sheets {
		js, err := jsonAll(sh.Columns, sh.Headers, sh.Extra)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sheets (submission_id, idx, name, hidden, catalogue, header_row,
			columns, headers, extra, data_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, sh.Name, sh.Hidden, sh.Catalogue, sh.HeaderRow, js[0], js[1], js[2], sh.DataRows)
		if err != nil {
			return err
		}
		for r, cells := range sh.Rows {
			js, err := toJSON(cells)
			if err != nil {
				return err
			}
			if _, err := rowStmt.ExecContext(ctx, id, i, r+1, js); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertPowers(ctx context.Context, tx *sqlx.Tx, id int64, powers []importer.Power) error {
	pStmt, err := tx.PreparexContext(ctx, `INSERT INTO powers (submission_id, ord, seq, level, kind, name, name_norm,
		basis, dept, depts, post, scope, form, forms, note, extra, raw, sheet, row, col, rows)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer pStmt.Close()
	rStmt, err := tx.PreparexContext(ctx, `INSERT INTO risks (power_id, ord, source, point, harm, statement,
		grade, raw_grade, measures, owner, sheet, row, col, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer rStmt.Close()
	for i, p := range powers {
		js, err := jsonAll(p.Depts, p.Forms, p.Extra, p.Raw, p.Rows)
		if err != nil {
			return err
		}
		res, err := pStmt.ExecContext(ctx, id, i, p.Seq, p.Level, p.Kind, p.Name, importer.Normalize(p.Name),
			p.Basis, p.Dept, js[0], p.Post, p.Scope, p.Form, js[1], p.Note, js[2], js[3],
			p.Ref.Sheet, p.Ref.Row, p.Ref.Col, js[4])
		if err != nil {
			return err
		}
		pid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for j, r := range p.Risks {
			_, err := rStmt.ExecContext(ctx, pid, j, r.Source, r.Point, r.Harm, r.Statement, r.Grade, r.RawGrade,
				r.Measures, r.Owner, r.Ref.Sheet, r.Ref.Row, r.Ref.Col, r.Item)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func insertFindings(ctx context.Context, tx *sqlx.Tx, id int64, findings []checks.Finding) error {
	stmt, err := tx.PreparexContext(ctx, `INSERT INTO findings (submission_id, ord, file, unit, sheet, row, col,
		column_name, rule, severity, message, suggestion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, f := range findings {
		_, err := stmt.ExecContext(ctx, id, i, f.File, f.Unit, f.Sheet, f.Row, f.Col, f.Column,
			f.Rule, string(f.Severity), f.Message, f.Suggestion)
		if err != nil {
			return err
		}
	}
	return nil
}

// storedProblem is the stored form of an importer.Problem: its sentinel
// error is kept as text.
type storedProblem struct {
	Ref     importer.Ref
	Code    string
	Message string
	Err     string `json:",omitempty"`
}

func problemsJSON(ps []importer.Problem) (string, error) {
	out := make([]storedProblem, len(ps))
	for i, p := range ps {
		out[i] = storedProblem{Ref: p.Ref, Code: p.Code, Message: p.Message}
		if p.Err != nil {
			out[i].Err = p.Err.Error()
		}
	}
	return toJSON(out)
}

// toJSON encodes v as compact JSON text without HTML escaping, so Chinese
// text and <> stay readable in the database.
func toJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encode json: %w", err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

func jsonAll(vs ...any) ([]string, error) {
	out := make([]string, len(vs))
	for i, v := range vs {
		var err error
		if out[i], err = toJSON(v); err != nil {
			return nil, err
		}
	}
	return out, nil
}
