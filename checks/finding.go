package checks

// Severity of a finding.
type Severity string

// The three severities of SPEC §4.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Finding is one rule result about one cell (or, with Row 0, about the whole
// file or unit). Its JSON form is the findings.jsonl line of SPEC §5.
type Finding struct {
	File       string   `json:"file"`
	Unit       string   `json:"unit"`
	Sheet      string   `json:"sheet"`
	Row        int      `json:"row"`
	Col        string   `json:"col"`
	Column     string   `json:"column"` // canonical header of the column, "" for the file
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion"`
}
