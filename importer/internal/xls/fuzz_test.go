package xls

import (
	"context"
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

var fixtureFiles = []string{
	"small-libreoffice.xls", "small-gnumeric.xls", "encrypted-default.xls", "encrypted-password.xls",
	"libreoffice.xls", "gnumeric.xls", "gnumeric95.xls",
}

// fuzzLimits keeps fuzz inputs small in work; a small input that hits the
// deadline is a bug.
var fuzzLimits = Limits{MaxCells: 200_000, Timeout: 5 * time.Second}

// FuzzRead feeds mutated .xls files to the unguarded reader: it must not
// panic, must return a sentinel error or a well-formed workbook, and must
// never need the deadline.
func FuzzRead(f *testing.F) {
	for _, name := range fixtureFiles {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := read(data, fuzzLimits)
		checkResult(t, wb, err)
	})
}

// FuzzParseWorkbook feeds mutated Workbook streams straight to the BIFF
// parser, past the compound-file layer that guards FuzzRead's inputs.
func FuzzParseWorkbook(f *testing.F) {
	for _, tc := range syntheticCases() {
		f.Add(tc.stream, false)
	}
	for _, name := range fixtureFiles {
		stream, name, err := workbookStream(readFixture(f, name), newBudget(fuzzLimits))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(stream, name == "Book")
	}
	f.Fuzz(func(t *testing.T, stream []byte, biff5 bool) {
		name := "Workbook"
		if biff5 {
			name = "Book"
		}
		wb, err := parseWorkbook(stream, name, newBudget(fuzzLimits))
		checkResult(t, wb, err)
	})
}

// checkResult checks the invariants of any read: a sentinel error, or a
// workbook within BIFF8 bounds and the cell budget, trimmed, with valid
// UTF-8 text and well-formed merges.
func checkResult(t *testing.T, wb *Workbook, err error) {
	t.Helper()
	if err != nil {
		if !isSentinel(err) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("small input hit the deadline: %v", err)
		}
		return
	}
	slots := 0
	for _, sh := range wb.Sheets {
		if !utf8.ValidString(sh.Name) {
			t.Fatalf("sheet name %q is not UTF-8", sh.Name)
		}
		if len(sh.Rows) > maxRows || (len(sh.Rows) > 0 && len(sh.Rows[len(sh.Rows)-1]) == 0) {
			t.Fatalf("sheet %q: %d rows, last empty or past the limit", sh.Name, len(sh.Rows))
		}
		for i, row := range sh.Rows {
			slots += len(row)
			if len(row) > maxCols || (len(row) > 0 && row[len(row)-1] == "") {
				t.Fatalf("sheet %q row %d: %d cells, last empty or past the limit", sh.Name, i+1, len(row))
			}
			for _, c := range row {
				if !utf8.ValidString(c) {
					t.Fatalf("sheet %q row %d: cell %q is not UTF-8", sh.Name, i+1, c)
				}
			}
		}
		for _, m := range sh.Merges {
			if m.Top < 1 || m.Left < 1 || m.Top > m.Bottom || m.Left > m.Right || m.Bottom > maxRows || m.Right > maxCols {
				t.Fatalf("sheet %q: bad merge %+v", sh.Name, m)
			}
		}
	}
	if slots > fuzzLimits.MaxCells {
		t.Fatalf("%d cells, past MaxCells %d", slots, fuzzLimits.MaxCells)
	}
}

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"small-libreoffice.xls", "encrypted-default.xls", "libreoffice.xls", "gnumeric.xls", "gnumeric95.xls"} {
		data := readFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(data, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
