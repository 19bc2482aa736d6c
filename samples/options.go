package samples

import (
	"time"

	"lianfang/importer"
)

// Options says what sample county Generate writes.
type Options struct {
	// Units is the number of roster units; 0 means 12.
	Units int
	// Rows is the number of risk rows (data rows) of a clean unit's
	// catalogue; 0 means 30. A unit needs at least one row per required
	// power, so a small value is raised to that minimum.
	Rows int
	// DefectRate is the share of the roster units whose workbook carries
	// the typical mistakes (0 for none). Unreadable and missing
	// submissions come on top of it.
	DefectRate float64
	// Seed makes the county: the same options give byte-identical files.
	Seed uint64
	// Workers bounds the workbooks written at once; 0 means GOMAXPROCS.
	Workers int
}

// DefaultOptions returns the options of the demo county: 12 units, 30 risk
// rows each, about a third of them with mistakes.
func DefaultOptions() Options {
	return Options{Units: 12, Rows: 30, DefectRate: 0.35, Seed: 20121009}
}

// withDefaults fills the zero fields.
func (o Options) withDefaults() Options {
	if o.Units <= 0 {
		o.Units = 12
	}
	if o.Rows <= 0 {
		o.Rows = 30
	}
	o.DefectRate = min(max(o.DefectRate, 0), 1)
	return o
}

// Role is what a unit's submission is like in the sample county.
type Role string

// The roles of a sample unit.
const (
	RoleClean       Role = "合格"    // a correct workbook
	RoleDefective   Role = "有错误"   // a workbook with the typical mistakes
	RoleMissing     Role = "未提交"   // no file (X01)
	RoleUnreadable  Role = "无法读取"  // a file that is not a spreadsheet (S01)
	RoleNoCatalogue Role = "无职权目录" // a workbook without the catalogue header (S02)
	RoleEmpty       Role = "空表"    // the header and nothing below it (S06)
	RoleOutsider    Role = "不在名册"  // a unit missing from the roster (S04)
)

// UnitPlan is one unit of the sample county: its roster entry, what it
// sent, and the findings its files are built to produce.
type UnitPlan struct {
	Unit     importer.RosterUnit
	InRoster bool // false for the RoleOutsider unit
	Role     Role
	Files    []PlannedFile // in the order received; the last is current
	Rows     int           // data rows of the current workbook
	Layout   string        // how the catalogue is laid out (三栏 / 单栏 / 合并单元格)
	Defects  []Defect      // the findings the files are built to produce
}

// PlannedFile is one file of the inbox.
type PlannedFile struct {
	Name     string    // path relative to the output directory, with /
	Received time.Time // its modification time
	Note     string    // what the file is, in Chinese
}

// Defect is one finding a sample file is built to produce: the rule, the
// file, the cell (row 0 and Column "" for the whole file or unit) and what
// was done, in Chinese.
type Defect struct {
	Rule   string
	File   string       // path relative to the output directory
	Row    int          // 1-based sheet row, 0 for the file or unit
	Column importer.Key // the column the finding is about, "" for a row or file
	Note   string
}
