package merge

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
	"lianfang/importer"
)

// County is the county's view of one cycle, for the summary workbook and the
// units' returned workbooks. It holds plain values only: no database handle.
type County struct {
	Cycle    string
	Previous string       // the cycle before, "" for the first; Diff(Previous, Cycle) is 本周变化
	Units    []UnitStatus // every roster unit, by code, with findings
	// Unknown lists the files whose unit is not on the roster (S04): they
	// are never merged into a roster unit.
	Unknown []UnknownSubmission
	Ledger  []LedgerRow  // the 职权台账 of the units that passed
	Grades  []GradeCount // risk grades over the ledger: 高, 中, 低, then any other value
	// Findings are the county rules X01–X04, worded for the bureau: X04
	// names both units.
	Findings []checks.Finding
}

// UnknownSubmission is a file whose unit could not be identified, with its
// findings.
type UnknownSubmission struct {
	Submission
	Findings []checks.Finding
}

// GradeCount is the number of ledger risk points of one grade.
type GradeCount struct {
	Grade string // 高, 中, 低, or "" for an empty or unrecognised grade
	Count int
}

// County returns the county view of a cycle ("" for the latest), read in one
// consistent snapshot. ErrNoCycle when the database has no such cycle.
func (s *Store) County(ctx context.Context, cycle string) (*County, error) {
	var c *County
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		c, err = s.county(ctx, tx, cycle)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("county %s: %w", cycle, err)
	}
	return c, nil
}

func (s *Store) county(ctx context.Context, tx *sqlx.Tx, cycle string) (*County, error) {
	name, err := resolveCycle(ctx, tx, cycle)
	if err != nil {
		return nil, err
	}
	st, err := loadCycle(ctx, tx, name)
	if err != nil {
		return nil, err
	}
	c := &County{Cycle: name, Units: st.units}
	if c.Previous, err = previousCycle(ctx, tx, name); err != nil {
		return nil, fmt.Errorf("previous cycle: %w", err)
	}
	var ids []int64
	for _, u := range st.units {
		if u.Current != nil {
			ids = append(ids, u.Current.ID)
		}
	}
	for _, sub := range st.unknown {
		ids = append(ids, sub.ID)
	}
	fs, err := loadFindings(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	for i := range c.Units {
		if cur := c.Units[i].Current; cur != nil {
			c.Units[i].Findings = fs[cur.ID]
		}
	}
	for _, sub := range st.unknown {
		c.Unknown = append(c.Unknown, UnknownSubmission{Submission: sub, Findings: fs[sub.ID]})
	}
	if c.Ledger, err = loadLedger(ctx, tx, name); err != nil {
		return nil, err
	}
	c.Grades = countGrades(c.Ledger)
	xs, err := countyRules(ctx, tx, st)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]int, len(c.Units))
	for i, u := range c.Units {
		byCode[u.Code] = i
	}
	for _, x := range xs {
		c.Findings = append(c.Findings, x.county)
		if i, ok := byCode[x.code]; ok && x.code != "" {
			c.Units[i].CountyFindings = append(c.Units[i].CountyFindings, x.unit)
		}
	}
	return c, nil
}

// countGrades counts the ledger's risk points by grade.
func countGrades(rows []LedgerRow) []GradeCount {
	out := []GradeCount{{Grade: importer.GradeHigh}, {Grade: importer.GradeMedium}, {Grade: importer.GradeLow}, {Grade: ""}}
	for _, r := range rows {
		if r.Risk == 0 {
			continue // a power without risk points has no grade to count
		}
		switch r.Grade {
		case importer.GradeHigh:
			out[0].Count++
		case importer.GradeMedium:
			out[1].Count++
		case importer.GradeLow:
			out[2].Count++
		default:
			out[3].Count++
		}
	}
	return out
}
