package samples

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"lianfang/importer"
)

// county is a planned sample county: the roster, every file of the inbox
// and the manifest, before anything is written.
type county struct {
	opt    Options
	bank   *bank
	stmts  *stmtPool
	roster []importer.RosterUnit
	plans  []UnitPlan
	books  []*book     // workbooks to write
	texts  []inboxFile // files that are not spreadsheets (S01)
	copies []inboxFile // byte-identical copies of a workbook (X03)
	stubs  []uint64    // statement numbers of the R02 and R03 rows planted so far
}

// inboxFile is a file of the inbox that is not rendered from a book: body
// is the text of an S01 file, or the name of the workbook copied (X03).
type inboxFile struct {
	name, body string
	received   time.Time
}

// cycleStart is the Monday of the sample cycle (2026-W48), in the
// county's time zone; every file is received within that week.
var cycleStart = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

// inbox is the folder, under the output directory, holding the returned files.
const inbox = "inbox"

// plan lays out the whole county for opt, deterministically.
func plan(opt Options) *county {
	opt = opt.withDefaults()
	c := &county{opt: opt, bank: loadedBank(), stmts: newStmtPool(opt.Seed)}
	rng := rand.New(rand.NewPCG(opt.Seed, 1))
	c.roster = rosterUnits(c.bank, opt.Units, rng)
	roles := assignRoles(len(c.roster), opt.DefectRate, rng)
	k := 0
	for _, r := range roles {
		if r == RoleDefective {
			k++
		}
	}
	fresh, defective, donor := 0, 0, (*book)(nil)
	for i, u := range c.roster {
		urng := rand.New(rand.NewPCG(opt.Seed, uint64(i)+100))
		c.plans = append(c.plans, UnitPlan{Unit: u, InRoster: true, Role: roles[i]})
		received := receivedTime(urng)
		switch roles[i] {
		case RoleClean:
			bk := c.cleanBook(u, opt.Rows, urng)
			c.layout(bk, urng, true)
			c.addBook(i, bk, received, "本单位填报的职权目录表")
			switch fresh++; fresh {
			case 1:
				c.resubmission(i, bk, urng)
			case 2:
				c.duplicateCopy(i, bk)
			}
		case RoleDefective:
			bk := c.cleanBook(u, opt.Rows, urng)
			c.layout(bk, urng, false)
			donor = c.applyBundles(bk, bundlesFor(defective, k), donor, urng)
			defective++
			c.addBook(i, bk, received, "本单位填报的职权目录表(含典型错误)")
		default:
			c.special(i, received, urng)
		}
	}
	c.outsiderPlan(rand.New(rand.NewPCG(opt.Seed, 2)))
	c.finish()
	return c
}

// bundlesFor returns the defect bundles of the j-th of k defective units:
// with fewer units than bundles a unit carries several, with more the
// bundles repeat.
func bundlesFor(j, k int) []int {
	if k >= len(bundles) {
		return []int{j % len(bundles)}
	}
	var out []int
	for b := j; b < len(bundles); b += k {
		out = append(out, b)
	}
	return out
}

// assignRoles gives each of n units a role: round(rate·n) carry mistakes,
// up to four more stand for the missing and unreadable submissions (X01,
// S01, S02, S06) while at least one unit stays clean, the rest are clean.
func assignRoles(n int, rate float64, rng *rand.Rand) []Role {
	k := min(int(math.Round(rate*float64(n))), n)
	specials := []Role{RoleMissing, RoleUnreadable, RoleNoCatalogue, RoleEmpty}
	specials = specials[:max(0, min(len(specials), n-k-1))]
	roles := make([]Role, 0, n)
	for range k {
		roles = append(roles, RoleDefective)
	}
	roles = append(roles, specials...)
	for len(roles) < n {
		roles = append(roles, RoleClean)
	}
	perm := rng.Perm(n)
	out := make([]Role, n)
	for i, p := range perm {
		out[p] = roles[i]
	}
	return out
}

// receivedTime draws when a unit's file arrived: a working hour of the
// cycle week, on the minute.
func receivedTime(rng *rand.Rand) time.Time {
	day := rng.IntN(5)
	minute := 8*60 + 30 + rng.IntN(9*60)
	return cycleStart.Add(time.Duration(day*24*60+minute) * time.Minute)
}

// layout picks how a unit fills the table: merged power cells or blank
// continuation rows, full-width or half-width punctuation, and for some
// clean units the one-column 廉政风险点 layout.
func (c *county) layout(bk *book, rng *rand.Rand, clean bool) {
	bk.merge = rng.IntN(2) == 0
	bk.halfWidth = rng.IntN(5) == 0
	bk.oneColumn = clean && rng.IntN(4) == 0
}

// addBook records bk as a file of plan i, received at t.
func (c *county) addBook(i int, bk *book, t time.Time, note string) {
	if bk.file == "" {
		bk.file = inbox + "/" + bk.unit.Name + ".xlsx"
	}
	bk.plan, bk.received = i, t
	c.books = append(c.books, bk)
	c.plans[i].Files = append(c.plans[i].Files, PlannedFile{Name: bk.file, Received: t, Note: note})
}

// finish renders every book once to record its defects, row count and
// layout in its unit's plan, and orders each plan's files by arrival.
func (c *county) finish() {
	for i := range c.plans {
		slices.SortStableFunc(c.plans[i].Files, func(a, b PlannedFile) int { return a.Received.Compare(b.Received) })
	}
	for _, bk := range c.books {
		up := &c.plans[bk.plan]
		opt, defects := bk.render()
		up.Defects = append(up.Defects, defects...)
		if !bk.old {
			up.Rows, up.Layout = len(opt.Rows), bk.layoutName()
		}
	}
}
