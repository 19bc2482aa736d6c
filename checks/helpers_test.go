package checks

import "lianfang/importer"

// refAt builds a cell reference.
func refAt(sheet string, row int, col string) importer.Ref {
	return importer.Ref{Sheet: sheet, Row: row, Col: col}
}
