package importer

import (
	"errors"
	"fmt"
)

// Ref points at one cell of the original workbook: the sheet name, the
// 1-based row and the column letter. Row 0 and Col "" mean the whole file.
type Ref struct {
	Sheet string
	Row   int
	Col   string
}

// String renders the reference as 工作表!单元格, or the sheet alone.
func (r Ref) String() string {
	switch {
	case r.Sheet == "" && r.Row == 0:
		return ""
	case r.Row == 0:
		return r.Sheet
	case r.Col == "":
		return fmt.Sprintf("%s!%d", r.Sheet, r.Row)
	}
	return fmt.Sprintf("%s!%s%d", r.Sheet, r.Col, r.Row)
}

// UnitInfo is what the workbook says about the unit that filled it.
type UnitInfo struct {
	Name     string // 填报单位
	Type     string // 单位类型
	Reporter string // 填报人
	Phone    string // 联系电话
	Date     string // 填报日期, as yyyy-mm-dd where it could be read as a date
	// From says where the unit name was found: "label" (label/value pair
	// above the header), "cell" (填报单位:XX in one cell), "sheet" (a
	// 填报信息 sheet), "filename" or "" when not found.
	From string
	Ref  Ref // the cell holding the unit name, when From is not "filename"
}

// Submission is one returned workbook, parsed.
type Submission struct {
	File            string // the name given to Parse
	SHA256          string // hex digest of the bytes
	Size            int
	Format          string // "xlsx", "xlsm", "xls" or "" when unreadable
	TemplateVersion string // the hidden marker, "" when absent
	Unit            UnitInfo
	Sheets          []Sheet   // every sheet, with all its cells as text
	Powers          []Power   // the catalogue, in sheet and row order
	Problems        []Problem // structural problems found while reading
}

// Sheet is one worksheet as read: every cell as text, and for a catalogue
// sheet where its header is and which column holds which key.
type Sheet struct {
	Name      string
	Hidden    bool
	Rows      [][]string     // Rows[i][j] is the cell at row i+1, column j+1, as text
	Catalogue bool           // a header row matching the template was found
	HeaderRow int            // 1-based, 0 when not a catalogue sheet
	Columns   map[Key]string // key → column letter, for the recognised columns
	Headers   map[Key]string // key → the header text the unit wrote
	Extra     []ExtraColumn  // columns that are not in the template
	DataRows  int            // rows below the header that hold any text
}

// ExtraColumn is a column the template does not have; its values are kept
// in Power.Extra.
type ExtraColumn struct {
	Col    string
	Header string
}

// Cell returns a reference to the cell of key on row in this sheet; Col is
// "" when the sheet has no such column.
func (s *Sheet) Cell(row int, k Key) Ref {
	return Ref{Sheet: s.Name, Row: row, Col: s.Columns[k]}
}

// Power is one power (职权) of the catalogue with its risk points.
type Power struct {
	Seq   string // 序号 as written, digits folded to ASCII ("1", "1.5", "一")
	Level string // canonical level when recognised, else as written
	Kind  string
	Name  string
	Basis string
	Depts []string // 承办科室 split on 、,,;;/ and line breaks
	Dept  string   // 承办科室 as written
	Post  string
	Scope string
	Forms []string // 公开形式 split like Depts
	Form  string   // 公开形式 as written
	Note  string
	Risks []Risk
	Extra map[string]string // header → value of columns not in the template
	Ref   Ref               // the power's first row; Col is ""
	Rows  []int             // every sheet row the power spans
	// Raw holds the enumerated cells as written, before alias folding, so
	// S08 can quote what the unit wrote.
	Raw map[Key]string
}

// Risk is one risk point: its three parts (three-column layout) or its
// statement (one-column layout), with grade, measures and owner.
type Risk struct {
	Source    string
	Point     string
	Harm      string
	Statement string
	Grade     string // canonical grade when recognised, else as written
	RawGrade  string
	Measures  string
	Owner     string
	Ref       Ref // the row this risk point was read from; Col is ""
	Item      int // 1-based item number when split from a numbered cell, else 0
}

// Problem is a structural problem found while reading a workbook. Code is
// the rule ID it stands for (S01, S02, S06).
type Problem struct {
	Ref     Ref
	Code    string
	Message string
	Err     error // a sentinel such as ErrEncrypted, for errors.Is
}

func (p Problem) Error() string { return p.Code + " " + p.Ref.String() + " " + p.Message }

// Unwrap returns the sentinel error, if any.
func (p Problem) Unwrap() error { return p.Err }

// Sentinel errors carried by problems, for callers that branch on the cause.
var (
	ErrEmpty          = errors.New("empty file")
	ErrNotSpreadsheet = errors.New("not a spreadsheet")
	ErrEncrypted      = errors.New("password protected")
	ErrCorrupt        = errors.New("corrupt workbook")
	ErrTooLarge       = errors.New("workbook too large")
	ErrNoCatalogue    = errors.New("no catalogue sheet")
	ErrNoData         = errors.New("catalogue has no data rows")
	ErrInternal       = errors.New("internal error")
)

// Readable reports whether the workbook could be read and holds a
// catalogue with data: no S01, S02 or S06 problem.
func (s *Submission) Readable() bool {
	for _, p := range s.Problems {
		switch p.Code {
		case "S01", "S02", "S06":
			return false
		}
	}
	return true
}

// SheetByName returns the sheet called name, or nil.
func (s *Submission) SheetByName(name string) *Sheet {
	for i := range s.Sheets {
		if s.Sheets[i].Name == name {
			return &s.Sheets[i]
		}
	}
	return nil
}
