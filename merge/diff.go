package merge

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
)

// Diff is what changed between two cycles (本周变化). Findings and powers
// are compared only for units with a current submission in both cycles: a
// unit that did not submit has not fixed anything (its status change says
// 未提交).
type Diff struct {
	From, To     string
	Changes      []UnitChange // every roster unit whose status differs
	NewlyPassing []UnitChange // now 已通过, before anything else
	NewlyFailing []UnitChange // before 已通过, now 退回修改 or 无法读取
	// NewFindings are in To and not in From, FixedFindings in From and not
	// in To, a finding being the same when its unit, rule, sheet, row,
	// column and message are.
	NewFindings   []checks.Finding
	FixedFindings []checks.Finding
	// PowersAdded and PowersRemoved compare powers by unit, normalised name
	// and level.
	PowersAdded   []PowerChange
	PowersRemoved []PowerChange
}

// UnitChange is a unit whose status differs between two cycles.
type UnitChange struct {
	Code, Name string
	From, To   string // statuses
}

// PowerChange is a power added to or removed from a unit's catalogue.
type PowerChange struct {
	UnitCode, Unit string
	Level, Name    string // as written in the cycle that has it
}

// Diff compares cycle from with cycle to (both must exist).
func (s *Store) Diff(ctx context.Context, from, to string) (*Diff, error) {
	var d *Diff
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		var err error
		d, err = diff(ctx, tx, from, to)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("diff %s %s: %w", from, to, err)
	}
	return d, nil
}

func diff(ctx context.Context, q querier, from, to string) (*Diff, error) {
	if from == "" || to == "" {
		return nil, fmt.Errorf("two cycles needed: %w", ErrNoCycle)
	}
	var states [2]*cycleState
	for i, c := range []string{from, to} {
		name, err := resolveCycle(ctx, q, c)
		if err != nil {
			return nil, err
		}
		if states[i], err = loadCycle(ctx, q, name); err != nil {
			return nil, err
		}
	}
	d := &Diff{From: from, To: to}
	before := make(map[string]UnitStatus, len(states[0].units))
	for _, u := range states[0].units {
		before[u.Code] = u
	}
	for _, u := range states[1].units {
		b, ok := before[u.Code]
		if !ok {
			b = UnitStatus{Status: StatusMissing} // joined the roster since
		}
		if b.Status != u.Status {
			ch := UnitChange{Code: u.Code, Name: u.Name, From: b.Status, To: u.Status}
			d.Changes = append(d.Changes, ch)
			if u.Status == StatusPassed {
				d.NewlyPassing = append(d.NewlyPassing, ch)
			} else if b.Status == StatusPassed && u.Status != StatusMissing {
				d.NewlyFailing = append(d.NewlyFailing, ch)
			}
		}
		if b.Current != nil && u.Current != nil {
			if err := d.compare(ctx, q, u, b.Current.ID, u.Current.ID); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

// compare adds the findings and powers that differ between a unit's two
// submissions.
func (d *Diff) compare(ctx context.Context, q querier, u UnitStatus, oldID, newID int64) error {
	fs, err := loadFindings(ctx, q, []int64{oldID, newID})
	if err != nil {
		return err
	}
	d.FixedFindings = append(d.FixedFindings, minus(fs[oldID], fs[newID], findingKey)...)
	d.NewFindings = append(d.NewFindings, minus(fs[newID], fs[oldID], findingKey)...)
	var ps [2][]storedPower
	for i, id := range []int64{oldID, newID} {
		err := q.SelectContext(ctx, &ps[i], `SELECT level, name, name_norm FROM powers WHERE submission_id = ? ORDER BY ord`, id)
		if err != nil {
			return fmt.Errorf("powers: %w", err)
		}
	}
	change := func(p storedPower) PowerChange {
		return PowerChange{UnitCode: u.Code, Unit: u.Name, Level: p.Level, Name: p.Name}
	}
	for _, p := range setMinus(ps[1], ps[0]) {
		d.PowersAdded = append(d.PowersAdded, change(p))
	}
	for _, p := range setMinus(ps[0], ps[1]) {
		d.PowersRemoved = append(d.PowersRemoved, change(p))
	}
	return nil
}

// storedPower is a power's identity for the diff.
type storedPower struct {
	Level string `db:"level"`
	Name  string `db:"name"`
	Norm  string `db:"name_norm"`
}

// setMinus returns the powers of a, once each, whose normalised name and
// level are not among b's.
func setMinus(a, b []storedPower) []storedPower {
	type key struct{ level, norm string }
	seen := make(map[key]bool, len(a)+len(b))
	for _, p := range b {
		seen[key{p.Level, p.Norm}] = true
	}
	var out []storedPower
	for _, p := range a {
		if k := (key{p.Level, p.Norm}); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// findingKey is a finding's identity within one unit across cycles.
func findingKey(f checks.Finding) string {
	return f.Rule + "\x00" + f.Sheet + "\x00" + strconv.Itoa(f.Row) + "\x00" + f.Col + "\x00" + f.Message
}

// minus returns the items of a whose key is not among b's, as a multiset:
// an item twice in a and once in b is returned once.
func minus[T any](a, b []T, key func(T) string) []T {
	n := make(map[string]int, len(b))
	for _, x := range b {
		n[key(x)]++
	}
	var out []T
	for _, x := range a {
		if k := key(x); n[k] > 0 {
			n[k]--
		} else {
			out = append(out, x)
		}
	}
	return out
}
