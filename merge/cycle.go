package merge

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// The submission statuses of the county sheet (SPEC §5).
const (
	StatusPassed     = "已通过"  // no error finding
	StatusReturned   = "退回修改" // error findings: sent back to the unit
	StatusUnreadable = "无法读取" // S01, S02 or S06: the file could not be read
	StatusMissing    = "未提交"  // derived: a roster unit with no submission (X01)
)

// ErrNoCycle is returned when a cycle is asked for that the database does
// not hold, or for the latest cycle of an empty database.
var ErrNoCycle = errors.New("no such cycle")

// CycleOf returns the ISO-week cycle name of t, such as 2026-W48: the
// default cycle of a run. ISO week names sort in time order.
func CycleOf(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// checkCycle rejects cycle names that would not make a sane identifier:
// empty, over 32 bytes, or holding spaces, control characters or path
// separators. Cycle names sort as text, so use ISO weeks (CycleOf).
func checkCycle(cycle string) error {
	if cycle == "" || len(cycle) > 32 {
		return fmt.Errorf("invalid cycle %q", cycle)
	}
	if strings.IndexFunc(cycle, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '/' || r == '\\'
	}) >= 0 {
		return fmt.Errorf("invalid cycle %q", cycle)
	}
	return nil
}

// Cycles returns every cycle the database holds, oldest first.
func (s *Store) Cycles(ctx context.Context) ([]string, error) {
	var out []string
	if err := s.rdb.SelectContext(ctx, &out, `SELECT name FROM cycles ORDER BY name`); err != nil {
		return nil, fmt.Errorf("list cycles: %w", err)
	}
	return out, nil
}

// resolveCycle returns cycle if the database holds it, the latest cycle
// when cycle is "", or ErrNoCycle.
func resolveCycle(ctx context.Context, q querier, cycle string) (string, error) {
	var name string
	var err error
	if cycle == "" {
		err = q.GetContext(ctx, &name, `SELECT name FROM cycles ORDER BY name DESC LIMIT 1`)
	} else {
		err = q.GetContext(ctx, &name, `SELECT name FROM cycles WHERE name = ?`, cycle)
	}
	if errors.Is(err, sql.ErrNoRows) {
		if cycle == "" {
			return "", fmt.Errorf("latest cycle: %w", ErrNoCycle)
		}
		return "", fmt.Errorf("cycle %s: %w", cycle, ErrNoCycle)
	}
	return name, err
}

// previousCycle returns the cycle before cycle, or "" when it is the first.
func previousCycle(ctx context.Context, q querier, cycle string) (string, error) {
	var name string
	err := q.GetContext(ctx, &name, `SELECT name FROM cycles WHERE name < ? ORDER BY name DESC LIMIT 1`, cycle)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return name, err
}

// timeLayout is the stored form of times: UTC, fixed width, so that text
// order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, err
	}
	return t.Local(), nil
}

// showTime formats a time for a Chinese message, to the minute.
func showTime(t time.Time) string { return t.Format("2006-01-02 15:04") }
