package reports_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/reports"
	"lianfang/samples"
)

// diffCase is one workbook of the differential test.
type diffCase struct {
	name string
	data []byte
}

// producerCases are the real producers' fixtures under testdata/producers.
func producerCases(t *testing.T) []diffCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "producers", "*", "*.xlsx"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no producer fixtures: %v", err)
	}
	var out []diffCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, diffCase{strings.TrimPrefix(p, filepath.Join("..", "testdata", "producers")+string(filepath.Separator)), data})
	}
	return out
}

// templateCases are the template as this package writes it, empty and
// filled with and without merged powers.
func templateCases(t *testing.T) []diffCase {
	t.Helper()
	rows := []reports.CatalogueRow{
		{importer.KeySeq: "1", importer.KeyLevel: "单位职权", importer.KeyKind: "外部职权", importer.KeyName: "招生管理",
			importer.KeyBasis: "上级要求", importer.KeySource: "有风险", importer.KeyPoint: "=1+1", importer.KeyGrade: "高"},
		{importer.KeySource: "因把关不严", importer.KeyPoint: "学籍造假", importer.KeyGrade: "中"},
		{importer.KeySeq: "2", importer.KeyLevel: "岗位职权", importer.KeyKind: "内部职权", importer.KeyName: "现金收支登记",
			importer.KeyPost: "出纳", importer.KeySource: "财经纪律意识淡薄", importer.KeyPoint: "坐支现金", importer.KeyGrade: "高"},
	}
	var out []diffCase
	for _, tc := range []struct {
		name string
		opt  reports.TemplateOptions
	}{
		{"template/empty", reports.TemplateOptions{}},
		{"template/filled", reports.TemplateOptions{Rows: rows, Unit: importer.UnitInfo{Name: "实验小学"}}},
		{"template/merged", reports.TemplateOptions{Rows: rows, MergePowers: true}},
	} {
		var buf bytes.Buffer
		if err := reports.WriteTemplate(&buf, tc.opt); err != nil {
			t.Fatal(err)
		}
		out = append(out, diffCase{tc.name, buf.Bytes()})
	}
	return out
}

// sampleCases are a small generated county's workbooks.
func sampleCases(t *testing.T) []diffCase {
	t.Helper()
	dir := t.TempDir()
	if err := samples.Generate(dir, samples.Options{Units: 8, Rows: 12, DefectRate: 0.6, Seed: 7, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "inbox", "*", "*.xlsx"))
	more, _ := filepath.Glob(filepath.Join(dir, "inbox", "*.xlsx"))
	paths = append(paths, more...)
	sort.Strings(paths)
	var out []diffCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, diffCase{"samples/" + filepath.Base(p), data})
	}
	if len(out) < 4 {
		t.Fatalf("only %d sample workbooks", len(out))
	}
	return out
}

// caseFindings are the checks' findings on a workbook plus probes that
// reach what the checks rarely do: a cell past the last row and column, a
// blank cell inside a row, a merged cell's inner cell, a row without a
// column, a hidden sheet, a sheet the workbook lacks, the whole file.
func caseFindings(t *testing.T, c diffCase) []checks.Finding {
	t.Helper()
	sub, err := importer.Parse(c.name, c.data, importer.DefaultOptions())
	if err != nil {
		t.Fatalf("%s: parse: %v", c.name, err)
	}
	fs := checks.Check(sub, "", nil)
	sevs := []checks.Severity{checks.Error, checks.Warning, checks.Info}
	probe := func(sheet string, row int, col string) {
		n := len(fs)
		fs = append(fs, checks.Finding{Sheet: sheet, Row: row, Col: col, Column: "探针", Rule: fmt.Sprintf("P%02d", n%100),
			Severity: sevs[n%3], Message: fmt.Sprintf("探针 %d: <&\"'>\n第二行 ", n), Suggestion: " 前后空格 "})
	}
	for _, s := range sub.Sheets {
		last := len(s.Rows)
		probe(s.Name, last+3, "B")          // a new row
		probe(s.Name, last+3, "D")          // a second cell of it
		probe(s.Name, last+5, "")           // a new row, column A
		probe(s.Name, 1, "Z")               // past the first row's last cell
		probe(s.Name, max(last, 1), "AA")   // past the last row's last cell
		probe(s.Name, min(2, last+1), "C")  // inside the header rows
		probe(s.Name, min(5, last+1), "B")  // a data cell, merged in some layouts
		probe(s.Name, min(5, last+1), "B")  // the same cell again
		probe(s.Name, min(4, last+1), "")   // a row without a column
		probe(s.Name, min(6, last+1), "ZZ") // far right
	}
	probe("不存在的表", 3, "A")
	probe("", 0, "")
	return fs
}

// TestAnnotatePatchMatchesExcelize is the differential test of the package
// patcher: on real producers' files, the template filled by code and a
// generated county, with the checks' findings and probes, the patched
// workbook reads back with excelize exactly as the one written through
// excelize does — fills, notes, values, formulas, styles, merges, defined
// names and the 校验结果 sheet — and the patcher handles every one of them.
func TestAnnotatePatchMatchesExcelize(t *testing.T) {
	var cases []diffCase
	cases = append(cases, producerCases(t)...)
	cases = append(cases, templateCases(t)...)
	cases = append(cases, sampleCases(t)...)
	patched := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := caseFindings(t, c)
			opt := reports.AnnotateOptions{Unit: "实验小学", File: "实验小学.xlsx"}
			fast, err := reports.AnnotateByPatch(c.data, fs, opt)
			if reports.IsDecline(err) && !isZip(c.data) {
				return // the sample county's unreadable file
			}
			if err != nil {
				t.Fatalf("patcher: %v", err)
			}
			patched++
			slow, err := reports.AnnotateByExcelize(c.data, fs, opt)
			if err != nil {
				t.Fatalf("excelize path: %v", err)
			}
			reports.CompareAnnotated(t, c.name, fast, slow)
			again, err := reports.AnnotateByPatch(c.data, fs, opt)
			if err != nil || !bytes.Equal(again, fast) {
				t.Errorf("a second run gives other bytes (%v)", err)
			}
		})
	}
	if patched < len(cases)-1 {
		t.Errorf("the patcher handled %d of %d workbooks", patched, len(cases))
	}
}

// isZip reports whether data opens as a zip archive.
func isZip(data []byte) bool {
	_, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	return err == nil
}
