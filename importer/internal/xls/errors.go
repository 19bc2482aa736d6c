package xls

import "errors"

// Sentinel errors returned (wrapped, with context) by Read and Convert.
// Callers branch on them with errors.Is.
var (
	// ErrNotXLS means the data is not an Excel 97–2003 workbook: not an OLE
	// compound file, or one without a Workbook or Book stream.
	ErrNotXLS = errors.New("xls: not an xls workbook")
	// ErrEncrypted means the workbook is password-protected: an .xls
	// encrypted with a password of the user's (one encrypted with Excel's
	// default password is decrypted), XOR-obfuscated or encrypted with an
	// unknown method, or an encrypted .xlsx in an OLE wrapper.
	ErrEncrypted = errors.New("xls: workbook is encrypted")
	// ErrCorrupt means the file is damaged: a record runs past the end of
	// its stream, a structure contradicts itself, or the reader failed.
	ErrCorrupt = errors.New("xls: corrupt workbook")
	// ErrTooLarge means the workbook exceeds Limits: too many cells, or
	// reading it took longer than the deadline.
	ErrTooLarge = errors.New("xls: workbook too large")
	// ErrOldFormat means the workbook was written in a format older than
	// the reader supports (BIFF2–BIFF4).
	ErrOldFormat = errors.New("xls: workbook format too old")
	// ErrNoConverter means Convert found neither soffice nor libreoffice
	// on PATH.
	ErrNoConverter = errors.New("xls: no converter installed (soffice or libreoffice)")
)
