package merge

import (
	"context"
	"fmt"

	"lianfang/checks"
)

// xFinding is one county-rule finding in its two wordings: for the bureau
// (county) and for the unit's own report (unit), which never names or
// quotes another unit. code is the roster unit it is about, "" for a file
// of an unidentified unit.
type xFinding struct {
	code   string
	county checks.Finding
	unit   checks.Finding
}

// newX returns a finding of county rule id, with severity and suggestion
// from the checks registry.
func newX(id, file, unit, msg string) checks.Finding {
	r, _ := checks.RuleByID(id) // X01–X04 are registered; a test keeps it so
	return checks.Finding{File: file, Unit: unit, Rule: id, Severity: r.Severity, Message: msg, Suggestion: r.Suggestion}
}

// same returns an xFinding worded alike for the bureau and the unit.
func same(code string, f checks.Finding) xFinding { return xFinding{code: code, county: f, unit: f} }

// countyRules evaluates X01–X03 on a cycle, in rule order, each rule in
// roster order (X03 in order received). X04 follows them (copiedStatements).
func countyRules(ctx context.Context, q querier, st *cycleState) ([]xFinding, error) {
	var out []xFinding
	for _, u := range st.units {
		if u.Current == nil {
			msg := fmt.Sprintf("本周期(%s)未报送附件1职权目录表。", st.cycle)
			out = append(out, same(u.Code, newX("X01", "", u.Name, msg)))
		}
	}
	for _, u := range st.units {
		if u.Submissions > 1 && u.Current != nil {
			msg := fmt.Sprintf("本周期共收到该单位 %d 份不同的文件,以最后收到的“%s”(%s)为准,其余 %d 份保留在历史记录中。",
				u.Submissions, u.Current.Path, showTime(u.Current.Received), u.Submissions-1)
			out = append(out, same(u.Code, newX("X02", u.Current.Path, u.Name, msg)))
		}
	}
	x03, err := resubmissions(ctx, q, st)
	if err != nil {
		return nil, err
	}
	return append(out, x03...), nil
}

// resubmissions returns an X03 finding for every byte-identical copy of a
// file received again in the cycle under another path.
func resubmissions(ctx context.Context, q querier, st *cycleState) ([]xFinding, error) {
	var rows []struct {
		SubmissionID int64  `db:"submission_id"`
		Path         string `db:"path"`
		Received     string `db:"received"`
	}
	err := q.SelectContext(ctx, &rows, `SELECT r.submission_id, r.path, r.received FROM resubmissions r
		JOIN submissions s ON s.id = r.submission_id WHERE s.cycle = ? ORDER BY r.received, r.path`, st.cycle)
	if err != nil {
		return nil, fmt.Errorf("resubmissions: %w", err)
	}
	byID := make(map[int64]Submission, len(st.all))
	for _, sub := range st.all {
		byID[sub.ID] = sub
	}
	names := make(map[string]string, len(st.units))
	for _, u := range st.units {
		names[u.Code] = u.Name
	}
	var out []xFinding
	for _, r := range rows {
		first := byID[r.SubmissionID]
		unit := names[first.UnitCode]
		if first.UnitCode == "" {
			unit = first.UnitWritten
		}
		msg := fmt.Sprintf("该文件与 %s 收到的“%s”完全相同,已记录,未重复处理。", showTime(first.Received), first.Path)
		out = append(out, same(first.UnitCode, newX("X03", r.Path, unit, msg)))
	}
	return out, nil
}
