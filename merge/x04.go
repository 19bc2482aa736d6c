package merge

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"lianfang/checks"
	"lianfang/importer"
)

// x04Set is the outcome of X04 over a cycle in a compact form: where each
// compared statement was written and which rows resemble which, without
// any text; the findings are worded when asked (each).
type x04Set struct {
	sheets []x04Sheet
	refs   []x04Ref // the statements hits name, in the order first named
	hits   []x04Hit // one per row found, in statement order
	units  []int32  // unit i's hits are hits[units[i]:units[i+1]]

	where []x04Where // while comparing: per compared statement, where it was written
}

// x04Where is where a compared statement was written, in 8 bytes: a
// province compares more than half a million.
type x04Where struct {
	sheet int32  // index of x04Set.sheets
	row   uint32 // the row, times two, plus one for the one-column statement
}

// x04Sheet is a catalogue sheet of a current submission and the column
// letters of its statement and 风险点 columns.
type x04Sheet struct {
	name           string
	colStmt, colPt string
}

// x04Ref is where one compared risk point was written.
type x04Ref struct {
	unit  int32 // index of County.Units
	sheet int32 // index of x04Set.sheets
	row   int32
	stmt  bool // the one-column statement, else the three parts (风险点)
}

// x04Hit says that statement refs[ref] resembles statement refs[other] of
// another unit.
type x04Hit struct {
	ref, other int32
	sim        float32 // 1 for an identical comparison form
}

// key is the column X04 lands on: the statement column, else 风险点.
func (r x04Ref) key() importer.Key {
	if r.stmt {
		return importer.KeyStatement
	}
	return importer.KeyPoint
}

func (s x04Sheet) col(k importer.Key) string {
	if k == importer.KeyStatement {
		return s.colStmt
	}
	return s.colPt
}

// each calls fn with the X04 findings on unit i, worded for the bureau
// (naming the other unit and where it wrote the statement) or for the
// unit's own report (checks.MessageX04).
func (x *x04Set) each(c *County, i int, bureau bool, fn func(checks.Finding)) {
	if x == nil || i+1 >= len(x.units) {
		return
	}
	u := c.Units[i]
	for _, h := range x.hits[x.units[i]:x.units[i+1]] {
		r := x.refs[h.ref]
		rs := x.sheets[r.sheet]
		msg := checks.MessageX04
		if bureau {
			o := x.refs[h.other]
			other, os := c.Units[o.unit], x.sheets[o.sheet]
			where := importer.Ref{Sheet: os.name, Row: int(o.row), Col: os.col(o.key())}
			pct := int(math.Floor(float64(h.sim) * 100))
			msg = fmt.Sprintf("风险表述与%s(%s)%s高度雷同(相似度 %d%%),疑似照抄。", other.Name, other.Code, where, pct)
		}
		f := newX("X04", u.Current.Path, u.Name, msg)
		f.Sheet, f.Row, f.Col, f.Column = rs.name, int(r.row), rs.col(r.key()), importer.ColumnOf(r.key()).Header
		fn(f)
	}
}

// x04HeapUnits is how many current submissions X04 keeps the bigram sets
// of in the heap rather than in a spill: at 200 statements of about 100
// bigrams each, 300 units (a county) take 22 MB, 500 about 40 MB; a
// province's 600,000 statements would take 220 MB. A set then costs a
// slice to read, where the spill costs a cache lookup and often a read.
const x04HeapUnits = 500

// copiedStatements evaluates X04 over the risk points of every unit's
// current submission: one finding on every row carrying a statement
// near-identical to one of another unit (see Similar). The statements are
// read unit by unit and only their comparison data is kept. For a county
// (at most x04HeapUnits submissions) the index keeps its bigram sets in the
// heap; for more it spills them, and always its band keys, to an unlinked
// temporary file beside the database (or in the system's temporary folder,
// or else memory).
func (s *Store) copiedStatements(ctx context.Context, q querier, units []UnitStatus) (*x04Set, error) {
	current := 0
	for _, u := range units {
		if u.Current != nil {
			current++
		}
	}
	var sets spill
	if current > x04HeapUnits {
		sets = newSpill(filepath.Dir(s.path), os.TempDir())
		defer sets.Close()
	}
	bands := newSpill(filepath.Dir(s.path), os.TempDir())
	defer bands.Close()
	idx := newSimIndex(sets, bands)
	x := &x04Set{}
	for ui, u := range units {
		if u.Current == nil {
			continue
		}
		if err := x.read(ctx, q, idx, int32(ui), u.Current.ID); err != nil {
			return nil, err
		}
	}
	if err := idx.run(); err != nil {
		return nil, err
	}
	type cell struct {
		sheet int32
		row   uint32
	}
	done := make(map[cell]bool)
	last := int32(-1)
	x.units = make([]int32, len(units)+1)
	ref := make(map[int32]int32) // statement → its index in refs
	refOf := func(i int32) int32 {
		k, ok := ref[i]
		if !ok {
			w := x.where[i]
			k = int32(len(x.refs))
			x.refs = append(x.refs, x04Ref{unit: idx.stmtUnit[i], sheet: w.sheet, row: int32(w.row >> 1), stmt: w.row&1 == 1})
			ref[i] = k
		}
		return k
	}
	idx.each(func(i, o int32, sim float64) {
		unit, w := idx.stmtUnit[i], x.where[i]
		if unit != last {
			clear(done) // a row belongs to one unit's submission
			last = unit
		}
		if done[cell{w.sheet, w.row >> 1}] {
			return // one finding per row, whatever the numbered items
		}
		done[cell{w.sheet, w.row >> 1}] = true
		x.hits = append(x.hits, x04Hit{ref: refOf(i), other: refOf(o), sim: float32(sim)})
		x.units[unit+1]++
	})
	x.where = nil
	for i := 1; i < len(x.units); i++ {
		x.units[i] += x.units[i-1]
	}
	return x, nil
}

// read adds the risk statements of one unit's current submission to the
// index, in catalogue order.
func (x *x04Set) read(ctx context.Context, q querier, idx *simIndex, unit int32, sub int64) error {
	var sheets []struct {
		Name    string `db:"name"`
		Columns string `db:"columns"`
	}
	err := q.SelectContext(ctx, &sheets, `SELECT name, columns FROM sheets WHERE submission_id = ? AND catalogue`, sub)
	if err != nil {
		return fmt.Errorf("x04 columns: %w", err)
	}
	byName := make(map[string]int32, len(sheets))
	intern := func(name string) int32 {
		if i, ok := byName[name]; ok {
			return i
		}
		// A risk point always lies on a catalogue sheet; any other keeps
		// empty column letters.
		i := int32(len(x.sheets))
		x.sheets = append(x.sheets, x04Sheet{name: name})
		byName[name] = i
		return i
	}
	for _, sh := range sheets {
		var m map[importer.Key]string
		if err := json.Unmarshal([]byte(sh.Columns), &m); err != nil {
			return fmt.Errorf("x04 columns of %s: %w", sh.Name, err)
		}
		i := intern(sh.Name)
		x.sheets[i].colStmt, x.sheets[i].colPt = m[importer.KeyStatement], m[importer.KeyPoint]
	}
	rows, err := q.QueryxContext(ctx, `SELECT r.sheet, r.row, r.source, r.point, r.harm, r.statement
		FROM powers p JOIN risks r ON r.power_id = p.id WHERE p.submission_id = ? ORDER BY p.ord, r.ord`, sub)
	if err != nil {
		return fmt.Errorf("x04 statements: %w", err)
	}
	defer rows.Close()
	var sheet, source, point, harm, statement string
	var row int32
	for rows.Next() {
		if err := rows.Scan(&sheet, &row, &source, &point, &harm, &statement); err != nil {
			return fmt.Errorf("x04 statements: %w", err)
		}
		text := statement
		if statement == "" {
			text = source + "," + point + "," + harm
		}
		if idx.add(unit, text) < 0 {
			continue
		}
		w := x04Where{sheet: intern(sheet), row: uint32(row) << 1}
		if statement != "" {
			w.row |= 1
		}
		x.where = append(x.where, w)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("x04 statements: %w", err)
	}
	return nil
}
