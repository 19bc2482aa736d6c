package merge

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
)

// County is the county's view of one cycle, for the summary workbook, the
// units' returned workbooks, findings.jsonl and the mails. It holds what
// stays small whatever the units wrote — every unit's status and counts,
// the county rules (X04 in a compact form), the ledger's counts — and reads
// the rest when asked, one unit at a time: a unit's own findings
// (UnitFindings), the ledger rows (Ledger.Each). Those reads go by
// submission, whose content never changes once merged, so they agree with
// the snapshot County was read in. No database handle leaves the package.
type County struct {
	Cycle    string
	Previous string       // the cycle before, "" for the first; Diff(Previous, Cycle) is 本周变化
	Units    []UnitStatus // every roster unit, by code
	// Unknown lists the files whose unit is not on the roster (S04): they
	// are never merged into a roster unit.
	Unknown []Submission
	Ledger  *Ledger // the 职权台账 of the units that passed

	src countySource
}

// countySource gives a County what it reads on demand.
type countySource interface {
	unitFindings(ctx context.Context, c *County, i int) (own, county []checks.Finding, err error)
	unknownFindings(ctx context.Context, c *County, i int) ([]checks.Finding, error)
	countyFindings(ctx context.Context, c *County, fn func(checks.Finding) error) error
}

// UnitFindings returns what was found about roster unit i (an index of
// Units): its current submission's own findings (rules S to C), in the
// order given to Accept, none when it has no current submission; and the
// county rules about it (X01–X04) worded for the unit's own report, in rule
// order: X04 never names or quotes the other unit.
func (c *County) UnitFindings(ctx context.Context, i int) (own, county []checks.Finding, err error) {
	if i < 0 || i >= len(c.Units) {
		return nil, nil, fmt.Errorf("county %s: no unit %d", c.Cycle, i)
	}
	if c.src == nil {
		return nil, nil, nil
	}
	return c.src.unitFindings(ctx, c, i)
}

// UnknownFindings returns the findings of file i of Unknown.
func (c *County) UnknownFindings(ctx context.Context, i int) ([]checks.Finding, error) {
	if i < 0 || i >= len(c.Unknown) {
		return nil, fmt.Errorf("county %s: no unknown file %d", c.Cycle, i)
	}
	if c.src == nil {
		return nil, nil
	}
	return c.src.unknownFindings(ctx, c, i)
}

// Findings calls fn with every county rule finding (X01–X04) worded for the
// bureau — X04 names both units — in rule order, each rule in roster order
// (X03 in order received, X04 by unit code and catalogue order). It stops
// at fn's first error and returns it.
func (c *County) Findings(ctx context.Context, fn func(checks.Finding) error) error {
	if c.src == nil {
		return nil
	}
	return c.src.countyFindings(ctx, c, fn)
}

// CountyContent is what a County built by hand (NewCounty) gives on
// demand, held in memory.
type CountyContent struct {
	Findings        [][]checks.Finding // by index of Units: the current submission's own findings
	CountyFindings  [][]checks.Finding // by index of Units: the county rules about the unit, worded for it
	UnknownFindings [][]checks.Finding // by index of Unknown
	County          []checks.Finding   // the county rules worded for the bureau, in order
}

// NewCounty returns a county view held wholly in memory, for tests and
// for callers that build one by hand: c's plain fields, and content for
// what a County read from the database reads on demand. A nil Ledger
// becomes an empty one.
func NewCounty(c County, content CountyContent) *County {
	c.src = memCounty(content)
	if c.Ledger == nil {
		c.Ledger = LedgerOf(c.Cycle, nil)
	}
	return &c
}

// memCounty is a countySource in memory.
type memCounty CountyContent

func (m memCounty) unitFindings(_ context.Context, _ *County, i int) (own, county []checks.Finding, err error) {
	return at(m.Findings, i), at(m.CountyFindings, i), nil
}

func (m memCounty) unknownFindings(_ context.Context, _ *County, i int) ([]checks.Finding, error) {
	return at(m.UnknownFindings, i), nil
}

func (m memCounty) countyFindings(_ context.Context, _ *County, fn func(checks.Finding) error) error {
	for _, f := range m.County {
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

func at(fs [][]checks.Finding, i int) []checks.Finding {
	if i < len(fs) {
		return fs[i]
	}
	return nil
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
	c := &County{Cycle: name, Units: st.units, Unknown: st.unknown}
	if c.Previous, err = previousCycle(ctx, tx, name); err != nil {
		return nil, fmt.Errorf("previous cycle: %w", err)
	}
	if c.Ledger, err = s.ledger(ctx, tx, st); err != nil {
		return nil, err
	}
	src := &dbCounty{store: s, byUnit: make([][]int, len(c.Units))}
	if src.rules, err = countyRules(ctx, tx, st); err != nil {
		return nil, err
	}
	byCode := make(map[string]int, len(c.Units))
	for i, u := range c.Units {
		byCode[u.Code] = i
	}
	for k, x := range src.rules {
		if i, ok := byCode[x.code]; ok && x.code != "" {
			src.byUnit[i] = append(src.byUnit[i], k)
		}
	}
	if src.x04, err = s.copiedStatements(ctx, tx, st.units); err != nil {
		return nil, err
	}
	c.src = src
	return c, nil
}

// dbCounty is the countySource of a County read from the database.
type dbCounty struct {
	store  *Store
	rules  []xFinding // X01–X03, in rule order
	byUnit [][]int    // by unit: its entries of rules
	x04    *x04Set
}

func (d *dbCounty) unitFindings(ctx context.Context, c *County, i int) (own, county []checks.Finding, err error) {
	if cur := c.Units[i].Current; cur != nil {
		if own, err = d.store.findings(ctx, cur.ID); err != nil {
			return nil, nil, fmt.Errorf("county %s: %w", c.Cycle, err)
		}
	}
	for _, k := range d.byUnit[i] {
		county = append(county, d.rules[k].unit)
	}
	d.x04.each(c, i, false, func(f checks.Finding) { county = append(county, f) })
	return own, county, nil
}

func (d *dbCounty) unknownFindings(ctx context.Context, c *County, i int) ([]checks.Finding, error) {
	fs, err := d.store.findings(ctx, c.Unknown[i].ID)
	if err != nil {
		return nil, fmt.Errorf("county %s: %w", c.Cycle, err)
	}
	return fs, nil
}

func (d *dbCounty) countyFindings(_ context.Context, c *County, fn func(checks.Finding) error) error {
	for _, x := range d.rules {
		if err := fn(x.county); err != nil {
			return err
		}
	}
	var err error
	for i := range c.Units {
		d.x04.each(c, i, true, func(f checks.Finding) {
			if err == nil {
				err = fn(f)
			}
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// findingsRead counts the findings read back from the database, for tests
// that check what a county view holds.
var findingsRead atomic.Int64

// findings returns the findings of one submission, in the order they were
// given to Accept.
func (s *Store) findings(ctx context.Context, id int64) ([]checks.Finding, error) {
	var rows []findingRow
	err := s.rdb.SelectContext(ctx, &rows, `SELECT submission_id, file, unit, sheet, row, col, column_name, rule, severity,
		message, suggestion FROM findings WHERE submission_id = ? ORDER BY ord`, id)
	if err != nil {
		return nil, fmt.Errorf("findings of submission %d: %w", id, err)
	}
	findingsRead.Add(int64(len(rows)))
	if len(rows) == 0 {
		return nil, nil
	}
	out := make([]checks.Finding, len(rows))
	for i, r := range rows {
		out[i] = r.finding()
	}
	return out, nil
}
