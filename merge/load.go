package merge

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
	"lianfang/importer"
)

// Original returns the original bytes of a file by its SHA-256 (hex), for
// annotating the unit's own workbook.
func (s *Store) Original(ctx context.Context, sha string) ([]byte, error) {
	var data []byte
	if err := s.rdb.GetContext(ctx, &data, `SELECT data FROM blobs WHERE sha256 = ?`, sha); err != nil {
		return nil, fmt.Errorf("original %s: %w", sha, notFound(err, "not stored"))
	}
	return data, nil
}

// Load rebuilds a stored submission as it was merged: the parsed workbook
// (sheets with every row, powers with their risks) and its findings.
func (s *Store) Load(ctx context.Context, id int64) (*importer.Submission, []checks.Finding, error) {
	var sub *importer.Submission
	var fs map[int64][]checks.Finding
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		if sub, err = loadSubmission(ctx, tx, id); err != nil {
			return err
		}
		if sub.Sheets, err = loadSheets(ctx, tx, id); err != nil {
			return fmt.Errorf("sheets: %w", err)
		}
		if sub.Powers, err = loadPowers(ctx, tx, id); err != nil {
			return fmt.Errorf("powers: %w", err)
		}
		fs, err = loadFindings(ctx, tx, []int64{id})
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load submission %d: %w", id, err)
	}
	return sub, fs[id], nil
}

func loadSubmission(ctx context.Context, q querier, id int64) (*importer.Submission, error) {
	var r struct {
		Path, SHA256, Format, Template, Info, Problems string
		Size                                           int
	}
	err := q.QueryRowxContext(ctx, `SELECT path, sha256, format, template_version, unit_info, problems, size
		FROM submissions WHERE id = ?`, id).Scan(&r.Path, &r.SHA256, &r.Format, &r.Template, &r.Info, &r.Problems, &r.Size)
	if err != nil {
		return nil, notFound(err, "no such submission")
	}
	sub := &importer.Submission{File: r.Path, SHA256: r.SHA256, Size: r.Size, Format: r.Format, TemplateVersion: r.Template}
	if err := json.Unmarshal([]byte(r.Info), &sub.Unit); err != nil {
		return nil, fmt.Errorf("unit info: %w", err)
	}
	var ps []storedProblem
	if err := json.Unmarshal([]byte(r.Problems), &ps); err != nil {
		return nil, fmt.Errorf("problems: %w", err)
	}
	for _, p := range ps {
		// The sentinel error is not rebuilt: only its text was stored.
		sub.Problems = append(sub.Problems, importer.Problem{Ref: p.Ref, Code: p.Code, Message: p.Message})
	}
	return sub, nil
}

func loadSheets(ctx context.Context, q querier, id int64) ([]importer.Sheet, error) {
	var rows []struct {
		Name      string `db:"name"`
		Hidden    bool   `db:"hidden"`
		Catalogue bool   `db:"catalogue"`
		HeaderRow int    `db:"header_row"`
		Columns   string `db:"columns"`
		Headers   string `db:"headers"`
		Extra     string `db:"extra"`
		DataRows  int    `db:"data_rows"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT name, hidden, catalogue, header_row, columns, headers, extra, data_rows
		FROM sheets WHERE submission_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, err
	}
	sheets := make([]importer.Sheet, len(rows))
	for i, r := range rows {
		sh := importer.Sheet{Name: r.Name, Hidden: r.Hidden, Catalogue: r.Catalogue, HeaderRow: r.HeaderRow, DataRows: r.DataRows}
		if err := unmarshalAll([]string{r.Columns, r.Headers, r.Extra}, &sh.Columns, &sh.Headers, &sh.Extra); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", r.Name, err)
		}
		sheets[i] = sh
	}
	cur, err := q.QueryxContext(ctx, `SELECT sheet_idx, cells FROM sheet_rows WHERE submission_id = ? ORDER BY sheet_idx, row`, id)
	if err != nil {
		return nil, err
	}
	defer cur.Close()
	for cur.Next() {
		var idx int
		var js string
		if err := cur.Scan(&idx, &js); err != nil {
			return nil, err
		}
		var cells []string
		if err := json.Unmarshal([]byte(js), &cells); err != nil {
			return nil, fmt.Errorf("row cells: %w", err)
		}
		sheets[idx].Rows = append(sheets[idx].Rows, cells)
	}
	return sheets, cur.Err()
}

// powerRow is the stored form of a power.
type powerRow struct {
	ID    int64  `db:"id"`
	Seq   string `db:"seq"`
	Level string `db:"level"`
	Kind  string `db:"kind"`
	Name  string `db:"name"`
	Basis string `db:"basis"`
	Dept  string `db:"dept"`
	Depts string `db:"depts"`
	Post  string `db:"post"`
	Scope string `db:"scope"`
	Form  string `db:"form"`
	Forms string `db:"forms"`
	Note  string `db:"note"`
	Extra string `db:"extra"`
	Raw   string `db:"raw"`
	Sheet string `db:"sheet"`
	Row   int    `db:"row"`
	Col   string `db:"col"`
	Rows  string `db:"rows"`
}

// riskRow is the stored form of a risk point.
type riskRow struct {
	PowerID   int64  `db:"power_id"`
	Source    string `db:"source"`
	Point     string `db:"point"`
	Harm      string `db:"harm"`
	Statement string `db:"statement"`
	Grade     string `db:"grade"`
	RawGrade  string `db:"raw_grade"`
	Measures  string `db:"measures"`
	Owner     string `db:"owner"`
	Sheet     string `db:"sheet"`
	Row       int    `db:"row"`
	Col       string `db:"col"`
	Item      int    `db:"item"`
}

func (r riskRow) risk() importer.Risk {
	return importer.Risk{Source: r.Source, Point: r.Point, Harm: r.Harm, Statement: r.Statement, Grade: r.Grade,
		RawGrade: r.RawGrade, Measures: r.Measures, Owner: r.Owner, Item: r.Item,
		Ref: importer.Ref{Sheet: r.Sheet, Row: r.Row, Col: r.Col}}
}

const powerCols = `id, seq, level, kind, name, basis, dept, depts, post, scope, form, forms, note, extra, raw, sheet, row, col, rows`
const riskCols = `power_id, source, point, harm, statement, grade, raw_grade, measures, owner, sheet, row, col, item`

func loadPowers(ctx context.Context, q querier, id int64) ([]importer.Power, error) {
	var prs []powerRow
	if err := q.SelectContext(ctx, &prs, `SELECT `+powerCols+` FROM powers WHERE submission_id = ? ORDER BY ord`, id); err != nil {
		return nil, err
	}
	var rrs []riskRow
	err := q.SelectContext(ctx, &rrs, `SELECT `+riskCols+` FROM risks
		WHERE power_id IN (SELECT id FROM powers WHERE submission_id = ?) ORDER BY power_id, ord`, id)
	if err != nil {
		return nil, err
	}
	byPower := make(map[int64][]importer.Risk)
	for _, r := range rrs {
		byPower[r.PowerID] = append(byPower[r.PowerID], r.risk())
	}
	out := make([]importer.Power, len(prs))
	for i, r := range prs {
		p := importer.Power{Seq: r.Seq, Level: r.Level, Kind: r.Kind, Name: r.Name, Basis: r.Basis, Dept: r.Dept,
			Post: r.Post, Scope: r.Scope, Form: r.Form, Note: r.Note, Risks: byPower[r.ID],
			Ref: importer.Ref{Sheet: r.Sheet, Row: r.Row, Col: r.Col}}
		err := unmarshalAll([]string{r.Depts, r.Forms, r.Extra, r.Raw, r.Rows}, &p.Depts, &p.Forms, &p.Extra, &p.Raw, &p.Rows)
		if err != nil {
			return nil, fmt.Errorf("power %s: %w", r.Name, err)
		}
		out[i] = p
	}
	return out, nil
}

func unmarshalAll(js []string, dst ...any) error {
	for i, s := range js {
		if err := json.Unmarshal([]byte(s), dst[i]); err != nil {
			return err
		}
	}
	return nil
}
