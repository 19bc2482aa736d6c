package merge

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
)

// findingRow is the stored form of a finding.
type findingRow struct {
	SubmissionID int64  `db:"submission_id"`
	File         string `db:"file"`
	Unit         string `db:"unit"`
	Sheet        string `db:"sheet"`
	Row          int    `db:"row"`
	Col          string `db:"col"`
	Column       string `db:"column_name"`
	Rule         string `db:"rule"`
	Severity     string `db:"severity"`
	Message      string `db:"message"`
	Suggestion   string `db:"suggestion"`
}

func (r findingRow) finding() checks.Finding {
	return checks.Finding{File: r.File, Unit: r.Unit, Sheet: r.Sheet, Row: r.Row, Col: r.Col, Column: r.Column,
		Rule: r.Rule, Severity: checks.Severity(r.Severity), Message: r.Message, Suggestion: r.Suggestion}
}

// inChunk bounds the number of ids bound in one IN (…) list.
const inChunk = 500

// loadFindings returns the findings of the given submissions, in the order
// they were given to Accept, keyed by submission.
func loadFindings(ctx context.Context, q querier, ids []int64) (map[int64][]checks.Finding, error) {
	out := make(map[int64][]checks.Finding, len(ids))
	for start := 0; start < len(ids); start += inChunk {
		end := min(start+inChunk, len(ids))
		query, args, err := sqlx.In(`SELECT submission_id, file, unit, sheet, row, col, column_name, rule, severity,
			message, suggestion FROM findings WHERE submission_id IN (?) ORDER BY submission_id, ord`, ids[start:end])
		if err != nil {
			return nil, fmt.Errorf("findings: %w", err)
		}
		var rows []findingRow
		if err := q.SelectContext(ctx, &rows, query, args...); err != nil {
			return nil, fmt.Errorf("findings: %w", err)
		}
		for _, r := range rows {
			out[r.SubmissionID] = append(out[r.SubmissionID], r.finding())
		}
	}
	return out, nil
}

// severityRank orders findings error first.
func severityRank(s checks.Severity) int {
	switch s {
	case checks.Error:
		return 0
	case checks.Warning:
		return 1
	}
	return 2
}
