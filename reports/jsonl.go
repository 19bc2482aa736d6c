package reports

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"lianfang/checks"
)

// WriteJSONL writes findings to w as JSON Lines, one object per finding in
// the order given: the findings.jsonl format of SPEC §5, with the fields
// file, unit, sheet, row, col, column, rule, severity, message and
// suggestion in that order. Text is written as UTF-8 without HTML escaping,
// so "<", ">" and "&" in a message stay readable. No findings write nothing.
func WriteJSONL(w io.Writer, findings []checks.Finding) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range findings {
		if err := enc.Encode(&findings[i]); err != nil {
			return fmt.Errorf("write finding %d: %w", i+1, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write findings: %w", err)
	}
	return nil
}
