package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strconv"
	"strings"
	"testing"
)

// rezip rewrites the members of an .xlsx through edit; lie, when set, gives
// the size the central directory declares for a member (the real size when
// it returns 0).
func rezip(t *testing.T, data []byte, edit func(name string, body []byte) []byte, lie func(name string) uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if edit != nil {
			body = edit(f.Name, body)
		}
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(body)
		fw.Close()
		size := uint64(len(body))
		if lie != nil && lie(f.Name) != 0 {
			size = lie(f.Name)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// inSheet edits the first worksheet part of goodBook.
func inSheet(edit func(string) string) func(string, []byte) []byte {
	return func(name string, body []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return body
		}
		return []byte(edit(string(body)))
	}
}

// beforeSheetDataEnd inserts rows before </sheetData>.
func beforeSheetDataEnd(rows string) func(string, []byte) []byte {
	return inSheet(func(s string) string { return strings.Replace(s, "</sheetData>", rows+"</sheetData>", 1) })
}

// TestParseHostileLimits checks each limit of limits.go on a small
// workbook with small limits: the file is refused with ErrTooLarge or
// ErrCorrupt, or read with the limit doing no harm.
func TestParseHostileLimits(t *testing.T) {
	good := goodBook(t)
	small := DefaultOptions()
	small.MaxUnzip, small.MaxUnzipXML, small.MaxCells = 1<<20, 1<<20, 2000
	tests := []struct {
		name   string
		data   []byte
		err    error // nil: readable, with powers powers
		powers int
	}{
		{"parts declared larger than MaxUnzip",
			rezip(t, good, nil, func(n string) uint64 {
				if n == "xl/worksheets/sheet1.xml" {
					return 2 << 20
				}
				return 0
			}), ErrTooLarge, 0},
		{"a part inflating past its declared size",
			rezip(t, good, beforeSheetDataEnd(strings.Repeat(" ", 100<<10)), func(n string) uint64 {
				if n == "xl/worksheets/sheet1.xml" {
					return 1000
				}
				return 0
			}), ErrCorrupt, 0},
		{"a cell in column XFD on many rows",
			rezip(t, good, beforeSheetDataEnd(strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 50)), nil), ErrTooLarge, 0},
		{"one shared string in many cells",
			rezip(t, good, func(name string, body []byte) []byte {
				if name == "xl/sharedStrings.xml" {
					return []byte(strings.Replace(string(body), "</sst>", "<si><t>"+strings.Repeat("廉", 30000)+"</t></si></sst>", 1))
				}
				return beforeSheetDataEnd(strings.Repeat(`<row><c t="s"><v>`+sstCount(t, good)+`</v></c></row>`, 20))(name, body)
			}, nil), ErrTooLarge, 0},
		{"a shared-string table with a DTD",
			rezip(t, good, func(name string, body []byte) []byte {
				if name == "xl/sharedStrings.xml" {
					return []byte(`<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` +
						`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>`)
				}
				return body
			}, nil), ErrCorrupt, 0},
		{"a merge over the rest of the sheet",
			rezip(t, good, inSheet(func(s string) string {
				return strings.Replace(s, "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>`, 1)
			}), nil), nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse("x.xlsx", tc.data, small)
			if err != nil {
				t.Fatal(err)
			}
			if tc.err == nil {
				if len(s.Problems) != 0 || len(s.Powers) != tc.powers {
					t.Fatalf("problems %v, %d powers; want none and %d", s.Problems, len(s.Powers), tc.powers)
				}
				return
			}
			if len(s.Problems) != 1 || s.Problems[0].Code != "S01" || !errors.Is(s.Problems[0], tc.err) {
				t.Fatalf("problems = %v, want S01 %v", s.Problems, tc.err)
			}
		})
	}
}

// sstCount returns the number of shared strings of an .xlsx, as text: the
// index a string appended to the table gets.
func sstCount(t *testing.T, data []byte) string {
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return strconv.Itoa(strings.Count(string(b), "<si>"))
		}
	}
	t.Fatal("no shared strings")
	return ""
}
