//go:build linux

package reliability

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"lianfang/merge"
)

// snapshot is what a run leaves behind that must not depend on how it got
// there: the row counts of every table, findings.jsonl, summary.json
// without its timings, every workbook under OUT/<cycle> rendered as text,
// and the names of every file there.
type snapshot struct {
	counts   map[string]int
	findings string
	summary  string
	books    map[string]string
	files    []string
}

func takeSnapshot(t testing.TB, c *county) snapshot {
	t.Helper()
	s := snapshot{counts: dbCounts(t, c.db), books: map[string]string{}}
	dir := c.cycleDir()
	data, _ := os.ReadFile(filepath.Join(dir, "findings.jsonl"))
	s.findings = string(data)
	s.summary = summaryWithoutTimes(t, filepath.Join(dir, "summary.json"))
	s.files = listFiles(t, dir)
	for _, name := range s.files {
		if strings.HasSuffix(name, ".xlsx") {
			s.books[name] = renderBook(t, filepath.Join(dir, name))
		}
	}
	return s
}

// diff describes how two snapshots differ, "" when they are equal.
func (s snapshot) diff(o snapshot) string {
	var d []string
	if !maps.Equal(s.counts, o.counts) {
		d = append(d, fmt.Sprintf("database rows %v, want %v", s.counts, o.counts))
	}
	if s.findings != o.findings {
		d = append(d, "findings.jsonl differs")
	}
	if s.summary != o.summary {
		d = append(d, fmt.Sprintf("summary.json differs:\n%s\nwant\n%s", s.summary, o.summary))
	}
	if !reflect.DeepEqual(s.files, o.files) {
		d = append(d, fmt.Sprintf("files %q, want %q", s.files, o.files))
	}
	for name, text := range o.books {
		if s.books[name] != text {
			d = append(d, fmt.Sprintf("workbook %s differs", name))
		}
	}
	return strings.Join(d, "\n")
}

// summaryWithoutTimes is summary.json without what depends on the run
// rather than on the cycle: the seconds taken and the file counters (a rerun
// after a crash reads fewer files than an uninterrupted run).
func summaryWithoutTimes(t testing.TB, path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	delete(m, "seconds")
	delete(m, "files")
	out, _ := json.MarshalIndent(m, "", " ")
	return string(out)
}

func dbCounts(t testing.TB, path string) map[string]int {
	t.Helper()
	s, err := merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Counts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// verifyDB runs PRAGMA integrity_check, the foreign-key check and the
// current-submission checks of merge.Verify.
func verifyDB(t testing.TB, path string) {
	t.Helper()
	s, err := merge.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Verify(t.Context()); err != nil {
		t.Fatal(err)
	}
}

// listFiles lists every file under dir, relative, sorted; "" when dir is
// missing.
func listFiles(t testing.TB, dir string) []string {
	var names []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// renderBook renders a workbook as text: every cell value and every note,
// sheet by sheet.
func renderBook(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for i, r := range rows {
			fmt.Fprintf(&b, "%s!%d=%q\n", sh, i+1, r)
		}
		cms, _ := f.GetComments(sh)
		sort.Slice(cms, func(i, j int) bool { return cms[i].Cell < cms[j].Cell })
		for _, cm := range cms {
			fmt.Fprintf(&b, "%s!%s note %q", sh, cm.Cell, cm.Text)
			for _, p := range cm.Paragraph {
				fmt.Fprintf(&b, "%q", p.Text)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// checkFinalNames checks that every file under dir with a final name (not
// a hidden temporary) is whole: workbooks open and every part of them is
// well-formed XML, JSON files parse.
func checkFinalNames(t testing.TB, dir string) {
	t.Helper()
	for _, name := range listFiles(t, dir) {
		if strings.HasPrefix(filepath.Base(name), ".") || strings.Contains(name, "/.") {
			continue
		}
		path := filepath.Join(dir, name)
		switch {
		case strings.HasSuffix(name, ".xlsx"):
			checkBookXML(t, path)
		case strings.HasSuffix(name, ".json"):
			data, _ := os.ReadFile(path)
			if !json.Valid(data) {
				t.Errorf("%s is not whole JSON", name)
			}
		case strings.HasSuffix(name, ".jsonl"):
			data, _ := os.ReadFile(path)
			for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
				if len(data) > 0 && !json.Valid(line) {
					t.Errorf("%s line %d is not whole JSON", name, i+1)
				}
			}
			if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
				t.Errorf("%s does not end its last line", name)
			}
		}
	}
}

// checkBookXML opens a workbook as a zip and parses every XML part
// strictly (encoding/xml rejects characters XML 1.0 does not allow, such
// as control characters), and fails on a cell formula (<f>) in any sheet.
func checkBookXML(t testing.TB, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Errorf("%s %s: %v", path, f.Name, err)
			continue
		}
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s %s: not well-formed: %v", filepath.Base(path), f.Name, err)
				break
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "f" && strings.HasPrefix(f.Name, "xl/worksheets/") {
				t.Errorf("%s %s: holds a formula", filepath.Base(path), f.Name)
			}
		}
		rc.Close()
	}
}

// dbStore opens a database read-only with database/sql, for queries the
// merge package does not offer.
func dbStore(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	return db
}
