package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
	"lianfang/reports"
)

// plainCopyMaxRows bounds the rows (empty ones too) of the workbooks
// rebuilt from the cells as read: excelize spends some kilobytes on every
// row up to the last one, and a sheet whose one cell sits in row 1,048,576
// would cost gigabytes. A catalogue has a few thousand rows.
const plainCopyMaxRows = 50_000

// returnBook builds one 退回 workbook in memory, so that a failure halfway
// leaves nothing behind, and never lets one unit's workbook stop the run or
// exhaust memory:
//
//   - a file the importer could not read (S01: damaged, encrypted, not a
//     workbook, past a size limit — a zip bomb among them) is never opened
//     again; its workbook is the 校验结果 sheet alone;
//   - an .xlsx the importer read is annotated on its own bytes; when that
//     fails or panics (a bug a strange file triggers), or gives a workbook
//     whose XML is not well-formed (the unit's own parts are copied as they
//     are, and a damaged part would make Excel offer to repair the file), it
//     is rebuilt from the cells as read, as an .xls is, unless that is past
//     plainCopyMaxRows;
//   - failing all that, the workbook is the 校验结果 sheet alone, and stderr
//     says so.
func (j *runJob) returnBook(ctx context.Context, s *merge.Submission, original []byte, fs []checks.Finding, opt reports.AnnotateOptions) ([]byte, error) {
	if hasRule(fs, "S01") {
		original, opt.Sheets = nil, nil
	}
	var attempts []func() ([]byte, error)
	if original != nil {
		attempts = append(attempts, func() ([]byte, error) {
			book, err := annotateRecovered(original, fs, opt)
			if err == nil {
				err = wellFormed(book)
			}
			return book, err
		})
	}
	if original != nil || opt.Sheets != nil {
		attempts = append(attempts, func() ([]byte, error) {
			o := opt
			if o.Sheets == nil {
				sub, _, err := j.store.Load(ctx, s.ID)
				if err != nil {
					return nil, err
				}
				o.Sheets = sub.Sheets
			}
			if n := sheetRows(o.Sheets); n > plainCopyMaxRows {
				return nil, fmt.Errorf("%d rows, more than %d", n, plainCopyMaxRows)
			}
			return annotateRecovered(nil, fs, o)
		})
	}
	attempts = append(attempts, func() ([]byte, error) {
		o := opt
		o.Sheets = nil
		return annotateRecovered(nil, fs, o)
	})
	var first error
	for i, try := range attempts {
		book, err := try()
		if err == nil {
			if first != nil {
				what := "按读取到的内容重建"
				if i == len(attempts)-1 {
					what = "只列出校验结果"
				}
				fmt.Fprintf(j.stderr, "注意: %s 的退回表无法按原文件标注(%v),已改为%s\n", opt.Unit, firstLine(first), what)
			}
			return book, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// sheetRows counts the rows of sheets, empty ones included.
func sheetRows(sheets []importer.Sheet) int {
	n := 0
	for _, s := range sheets {
		n += len(s.Rows)
	}
	return n
}

// firstLine is an error's first line (a recovered panic carries its stack).
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// annotateRecovered runs reports.AnnotateUnit into memory and turns a
// panic into an error.
func annotateRecovered(original []byte, fs []checks.Finding, opt reports.AnnotateOptions) (book []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			book, err = nil, fmt.Errorf("internal error: %v\n%s", r, debug.Stack())
		}
	}()
	var buf bytes.Buffer
	if err := reports.AnnotateUnit(&buf, original, fs, opt); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// wellFormed checks that every XML part of an .xlsx parses.
func wellFormed(book []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		var r io.Reader = rc
		if f.UncompressedSize64 <= maxScannedPart {
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
			if surelyWellFormed(data) {
				continue
			}
			r = bytes.NewReader(data)
		}
		err = decodeAll(r)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return nil
}

// maxScannedPart is the largest part wellFormed reads into memory for the
// fast scan; larger ones are streamed through encoding/xml.
const maxScannedPart = 64 << 20

// decodeAll returns nil when r holds an XML document encoding/xml reads to
// the end.
func decodeAll(r io.Reader) error {
	dec := xml.NewDecoder(r)
	var err error
	for err == nil {
		_, err = dec.Token()
	}
	if err != io.EOF {
		return err
	}
	return nil
}

// writeBook returns a write function for writeFileAtomic that writes book.
func writeBook(book []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(book)
		return err
	}
}

func hasRule(fs []checks.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
