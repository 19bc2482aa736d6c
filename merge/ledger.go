package merge

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
	"lianfang/importer"
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

// GradeCount is the number of ledger risk points of one grade.
type GradeCount struct {
	Grade string // 高, 中, 低, or "" for an empty or unrecognised grade
	Count int
}

// Ledger is the 职权台账 of a cycle: every power and risk point of the
// units whose current submission passed, by unit code and catalogue order.
// It holds the counts; Each reads the rows, one unit at a time.
type Ledger struct {
	Cycle  string
	Units  int // units with at least one row
	Powers int
	Risks  int
	Rows   int          // one per risk point, and one per power without any
	Grades []GradeCount // risk points by grade: 高, 中, 低, then any other value

	rows  []LedgerRow  // a ledger held in memory (LedgerOf)
	store *Store       // else read from here,
	units []ledgerUnit // unit by unit
}

// ledgerUnit is a unit of the ledger: its passed current submission.
type ledgerUnit struct {
	sub             int64
	code, name, typ string
}

// LedgerOf returns a ledger held in memory, for tests and for callers that
// build one by hand: rows in order, counted as the database counts them.
func LedgerOf(cycle string, rows []LedgerRow) *Ledger {
	l := &Ledger{Cycle: cycle, rows: rows, Grades: newGrades()}
	units := map[string]bool{}
	for _, r := range rows {
		units[r.UnitCode+"\x00"+r.Unit] = true
		if r.Risk <= 1 {
			l.Powers++
		}
		if r.Risk >= 1 {
			l.Risks++
			l.Grades[gradeIndex(r.Grade)].Count++
		}
	}
	l.Units, l.Rows = len(units), len(rows)
	return l
}

func newGrades() []GradeCount {
	return []GradeCount{{Grade: importer.GradeHigh}, {Grade: importer.GradeMedium}, {Grade: importer.GradeLow}, {Grade: ""}}
}

func gradeIndex(g string) int {
	switch g {
	case importer.GradeHigh:
		return 0
	case importer.GradeMedium:
		return 1
	case importer.GradeLow:
		return 2
	}
	return 3
}

// ledgerRowsRead counts the ledger rows read from the database, for tests
// that check the ledger is streamed.
var ledgerRowsRead atomic.Int64

// Each calls fn with every row of the ledger, in order, reading them from
// the database one unit at a time: the rows are never all in memory. It
// stops at fn's first error and returns it.
func (l *Ledger) Each(ctx context.Context, fn func(LedgerRow) error) error {
	if l.store == nil {
		for _, r := range l.rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	for _, u := range l.units {
		if err := l.store.ledgerUnit(ctx, l.Cycle, u, fn); err != nil {
			return err
		}
	}
	return nil
}

// ledgerCols is one ledger row of a submission: the power and, when it has
// any, one of its risk points.
const ledgerCols = `p.seq, p.level, p.kind, p.name, p.basis, p.dept, p.post, p.scope, p.form, p.note,
	COALESCE(r.ord + 1, 0) AS risk, COALESCE(r.source, '') AS source, COALESCE(r.point, '') AS point,
	COALESCE(r.harm, '') AS harm, COALESCE(r.statement, '') AS statement, COALESCE(r.grade, '') AS grade,
	COALESCE(r.measures, '') AS measures, COALESCE(r.owner, '') AS owner,
	COALESCE(r.sheet, p.sheet) AS sheet, COALESCE(r.row, p.row) AS row`

// ledgerUnit streams one unit's rows.
func (s *Store) ledgerUnit(ctx context.Context, cycle string, u ledgerUnit, fn func(LedgerRow) error) error {
	rows, err := s.rdb.QueryxContext(ctx, `SELECT `+ledgerCols+` FROM powers p LEFT JOIN risks r ON r.power_id = p.id
		WHERE p.submission_id = ? ORDER BY p.ord, r.ord`, u.sub)
	if err != nil {
		return fmt.Errorf("ledger %s: %w", cycle, err)
	}
	defer rows.Close()
	for rows.Next() {
		r := LedgerRow{Cycle: cycle, UnitCode: u.code, Unit: u.name, UnitType: u.typ}
		err := rows.Scan(&r.Seq, &r.Level, &r.Kind, &r.Name, &r.Basis, &r.Dept, &r.Post, &r.Scope, &r.Form, &r.Note,
			&r.Risk, &r.Source, &r.Point, &r.Harm, &r.Statement, &r.Grade, &r.Measures, &r.Owner, &r.Sheet, &r.Row)
		if err != nil {
			return fmt.Errorf("ledger %s: %w", cycle, err)
		}
		ledgerRowsRead.Add(1)
		if r.Statement != "" && r.Source == "" && r.Point == "" && r.Harm == "" {
			// A part that cannot be found stays empty; the others are kept.
			ps, _ := checks.Split(r.Statement)
			r.Source, r.Point, r.Harm = ps.Source, ps.Point, ps.Harm
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("ledger %s: %w", cycle, err)
	}
	return nil
}

// Ledger returns the 职权台账 of a cycle ("" for the latest): its counts,
// and Each for the rows.
func (s *Store) Ledger(ctx context.Context, cycle string) (*Ledger, error) {
	var l *Ledger
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		name, err := resolveCycle(ctx, tx, cycle)
		if err != nil {
			return err
		}
		st, err := loadCycle(ctx, tx, name)
		if err != nil {
			return err
		}
		l, err = s.ledger(ctx, tx, st)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ledger %s: %w", cycle, err)
	}
	return l, nil
}

// ledger counts the ledger of a cycle in SQL: its units are the roster
// units whose current submission passed, by code.
func (s *Store) ledger(ctx context.Context, q querier, st *cycleState) (*Ledger, error) {
	l := &Ledger{Cycle: st.cycle, store: s, Grades: newGrades()}
	for _, u := range st.units {
		if u.Current != nil && u.Current.Status == StatusPassed {
			l.units = append(l.units, ledgerUnit{sub: u.Current.ID, code: u.Code, name: u.Name, typ: u.Type})
		}
	}
	var n struct {
		Units  int `db:"units"`
		Powers int `db:"powers"`
		Risks  int `db:"risks"`
		Rows   int `db:"nrows"`
		High   int `db:"high"`
		Medium int `db:"medium"`
		Low    int `db:"low"`
		Other  int `db:"other"`
	}
	// Risk ≤ 1 is a power's first row; Risk ≥ 1 a risk point (see LedgerRow).
	err := q.GetContext(ctx, &n, `SELECT COUNT(DISTINCT p.submission_id) AS units,
		COALESCE(SUM(r.ord IS NULL OR r.ord <= 0), 0) AS powers, COALESCE(SUM(r.ord >= 0), 0) AS risks, COUNT(*) AS nrows,
		COALESCE(SUM(r.grade = ?), 0) AS high, COALESCE(SUM(r.grade = ?), 0) AS medium, COALESCE(SUM(r.grade = ?), 0) AS low,
		COALESCE(SUM(r.ord >= 0 AND r.grade NOT IN (?, ?, ?)), 0) AS other
		FROM current c JOIN submissions s ON s.id = c.submission_id
		JOIN powers p ON p.submission_id = s.id LEFT JOIN risks r ON r.power_id = p.id
		WHERE c.cycle = ? AND s.status = ?`,
		importer.GradeHigh, importer.GradeMedium, importer.GradeLow,
		importer.GradeHigh, importer.GradeMedium, importer.GradeLow, st.cycle, StatusPassed)
	if err != nil {
		return nil, fmt.Errorf("ledger counts: %w", err)
	}
	l.Units, l.Powers, l.Risks, l.Rows = n.Units, n.Powers, n.Risks, n.Rows
	for i, c := range []int{n.High, n.Medium, n.Low, n.Other} {
		l.Grades[i].Count = c
	}
	return l, nil
}
