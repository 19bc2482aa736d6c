// Package reports writes every workbook and file the tool produces: the blank
// 附件1 template, the unit's annotated copy, the county summary, the 职权台账
// export and the findings JSONL. It takes plain structs, never a database.
package reports
