package merge

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
)

// LedgerRow is one row of the consolidated 职权台账: one risk point of one
// power of a unit whose current submission passed, with the power's fields.
type LedgerRow struct {
	Cycle    string
	UnitCode string
	Unit     string
	UnitType string
	Seq      string
	Level    string
	Kind     string
	Name     string
	Basis    string
	Dept     string
	Post     string
	Scope    string
	Form     string
	Note     string
	// Risk is the risk point's 1-based number within the power; 0 for a
	// power listed without risk points (its risk fields are empty).
	Risk int
	// Source, Point and Harm are the three parts, split from Statement
	// (checks.Split) when the unit wrote them in one column.
	Source    string
	Point     string
	Harm      string
	Statement string
	Grade     string
	Measures  string
	Owner     string
	Sheet     string // where the risk point (or the power) was written
	Row       int
}

// Ledger returns the 职权台账 of a cycle ("" for the latest): every power
// and risk point of the units whose current submission passed, by unit
// code and catalogue order.
func (s *Store) Ledger(ctx context.Context, cycle string) ([]LedgerRow, error) {
	var out []LedgerRow
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		name, err := resolveCycle(ctx, tx, cycle)
		if err != nil {
			return err
		}
		out, err = loadLedger(ctx, tx, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", cycle, err)
	}
	return out, nil
}

func loadLedger(ctx context.Context, q querier, cycle string) ([]LedgerRow, error) {
	var rows []LedgerRow
	err := q.SelectContext(ctx, &rows, `SELECT c.cycle AS cycle, u.code AS unitcode, u.name AS unit, u.type AS unittype,
		p.seq, p.level, p.kind, p.name, p.basis, p.dept, p.post, p.scope, p.form, p.note,
		COALESCE(r.ord + 1, 0) AS risk, COALESCE(r.source, '') AS source, COALESCE(r.point, '') AS point,
		COALESCE(r.harm, '') AS harm, COALESCE(r.statement, '') AS statement, COALESCE(r.grade, '') AS grade,
		COALESCE(r.measures, '') AS measures, COALESCE(r.owner, '') AS owner,
		COALESCE(r.sheet, p.sheet) AS sheet, COALESCE(r.row, p.row) AS row
		FROM current c JOIN units u ON u.id = c.unit_id JOIN submissions s ON s.id = c.submission_id
		JOIN powers p ON p.submission_id = s.id LEFT JOIN risks r ON r.power_id = p.id
		WHERE c.cycle = ? AND s.status = ? ORDER BY u.code, p.ord, r.ord`, cycle, StatusPassed)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	for i := range rows {
		r := &rows[i]
		if r.Statement != "" && r.Source == "" && r.Point == "" && r.Harm == "" {
			// A part that cannot be found stays empty; the others are kept.
			ps, _ := checks.Split(r.Statement)
			r.Source, r.Point, r.Harm = ps.Source, ps.Point, ps.Harm
		}
	}
	return rows, nil
}
