// Package xls reads legacy Excel .xls workbooks (BIFF8, and BIFF5/BIFF7 from
// Excel 95) into plain text grids, in pure Go and with guards against hostile
// or broken input.
//
// The reader opens the OLE compound file with github.com/richardlehane/mscfb,
// walks the Workbook stream record by record, and returns every worksheet as
// rows of cell text, with its merged areas and hidden state. Cell text is the
// stored value, never a formatted one: numbers (dates included) come back as
// their shortest decimal text, formulas as their cached result, booleans as
// TRUE or FALSE and error cells as their Excel error text.
//
// A workbook RC4-encrypted with Excel's default password "VelvetSweatshop"
// (what Excel does for a protected workbook structure; it opens without a
// prompt) is decrypted; any other password is ErrEncrypted.
//
// Read never panics and never runs unbounded: every length read from the file
// is checked against the data that is actually there, the work is bounded by
// Limits (a cell budget and a deadline), and an unexpected failure is
// reported as ErrCorrupt. Kind sniffs what an OLE file is, and Convert hands a
// workbook to LibreOffice when one is installed.
package xls
