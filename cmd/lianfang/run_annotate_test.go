package main

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
	"lianfang/reports"
)

// withoutStyles rewrites an .xlsx without its styles part (which the
// annotator cannot fill cells without) and with extra rows appended to its
// first sheet.
func withoutStyles(t *testing.T, data []byte, rows string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			body = []byte(strings.Replace(string(body), "</sheetData>", rows+"</sheetData>", 1))
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

// TestReturnBook checks the fallbacks of returnBook: what sheets the 退回
// workbook has, and that it is built in bounded time.
func TestReturnBook(t *testing.T) {
	var tpl bytes.Buffer
	if err := reports.WriteTemplate(&tpl, reports.TemplateOptions{Unit: importer.UnitInfo{Name: "实验小学"}}); err != nil {
		t.Fatal(err)
	}
	good := tpl.Bytes()
	farRow := `<row r="1048576"><c r="P1048576" t="inlineStr"><is><t>表格结束</t></is></c></row>`
	s01 := []checks.Finding{{Rule: "S01", Severity: checks.Error, Message: "文件已损坏,无法读取"}}
	tests := []struct {
		name     string
		original []byte
		s01      bool
		sheets   []string // the sheets the workbook must have, in order
		notice   string   // what stderr says, "" for nothing
	}{
		{"annotated on its own bytes", good, false, []string{reports.ResultSheet, importer.CatalogueSheet}, ""},
		{"an S01 file is not opened", good, true, []string{reports.ResultSheet}, ""},
		{"no styles: rebuilt from the cells", withoutStyles(t, good, ""), false, []string{reports.ResultSheet, importer.CatalogueSheet}, "按读取到的内容重建"},
		{"no styles and a cell in row 1,048,576: listed alone", withoutStyles(t, good, farRow), false, []string{reports.ResultSheet}, "只列出校验结果"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sub, _ := importer.Parse("实验小学.xlsx", tc.original, importer.DefaultOptions())
			fs := checks.Check(sub, "", nil)
			if tc.s01 {
				fs = s01
			}
			var stderr bytes.Buffer
			j := &runJob{stderr: &stderr}
			start := time.Now()
			book, err := j.returnBook(t.Context(), &merge.Submission{}, tc.original, fs,
				reports.AnnotateOptions{Unit: "实验小学", Sheets: sub.Sheets})
			if err != nil {
				t.Fatal(err)
			}
			if tc.notice == "" && stderr.Len() > 0 || !strings.Contains(stderr.String(), tc.notice) {
				t.Errorf("stderr %q, want %q", stderr.String(), tc.notice)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			f, err := excelize.OpenReader(bytes.NewReader(book))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got := f.GetSheetList()
			for _, s := range tc.sheets {
				if !strings.Contains(strings.Join(got, "|"), s) {
					t.Errorf("sheets %q, want %q (stderr %q)", got, tc.sheets, stderr.String())
				}
			}
			if len(got) < len(tc.sheets) || (len(tc.sheets) == 1 && len(got) != 1) {
				t.Errorf("sheets %q, want %q", got, tc.sheets)
			}
		})
	}
}
