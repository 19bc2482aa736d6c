package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// goodBook is a small valid catalogue that broken variants are made from.
func goodBook(t testing.TB) []byte {
	return book{sheets: []bookSheet{{name: "职权目录", rows: [][]any{titleRow, infoRow, header16,
		row16(1, "单位职权", "外部职权", "招生入学审核", "《中华人民共和国义务教育法》第十二条", "教导处", "", "面向社会", "网站", srcA, pointA, harmA, "高", "招生结果网上公示", "校长", "")}}}}.build(t)
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

func encrypted(t testing.TB) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(goodBook(t)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseBadInput(t *testing.T) {
	good := goodBook(t)
	rnd := make([]byte, 4096)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rnd {
		rnd[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name    string
		data    []byte
		code    string
		err     error
		message string // a part of the Chinese reason
	}{
		{"zero bytes", nil, "S01", ErrEmpty, "空文件"},
		{"truncated zip", good[:len(good)/2], "S01", ErrCorrupt, "损坏"},
		{"random bytes named .xlsx", rnd, "S01", ErrNotSpreadsheet, "不是 Excel 文件"},
		{"csv renamed .xlsx", []byte("序号,职权名称,职权依据\n1,招生入学审核,义务教育法\n"), "S01", ErrNotSpreadsheet, "CSV"},
		{"html saved as .xls", []byte("<html><body><table><tr><td>序号</td></tr></table></body></html>"), "S01", ErrNotSpreadsheet, "网页"},
		{"docx renamed .xlsx", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), "S01", ErrNotSpreadsheet, "Word"},
		{"plain zip", zipOf(t, map[string]string{"a.txt": "x"}), "S01", ErrNotSpreadsheet, "压缩包"},
		{"password protected xlsx", encrypted(t), "S01", ErrEncrypted, "密码"},
		{"zip with a broken workbook part", zipOf(t, map[string]string{"[Content_Types].xml": "<Types", "xl/workbook.xml": "<workbook"}), "S01", ErrCorrupt, "损坏"},
		{"no catalogue header", book{sheets: []bookSheet{{name: "Sheet1", rows: [][]any{{"学校工作计划"}, {"一、指导思想"}}}}}.build(t), "S02", ErrNoCatalogue, "没有找到职权目录表"},
		{"header only", book{sheets: []bookSheet{{name: "职权目录", rows: [][]any{titleRow, infoRow, header16}}}}.build(t), "S06", ErrNoData, "没有填写任何职权"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := mustParse(t, "x.xlsx", tc.data)
			if len(s.Problems) != 1 {
				t.Fatalf("problems = %v", s.Problems)
			}
			p := s.Problems[0]
			if p.Code != tc.code || !errors.Is(p, tc.err) || !strings.Contains(p.Message, tc.message) {
				t.Errorf("problem = %s (%v), want %s %v containing %q", p.Message, p.Err, tc.code, tc.err, tc.message)
			}
			if s.Readable() {
				t.Error("Readable() = true")
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	opt := DefaultOptions()
	opt.MaxCells = 10
	s, _ := Parse("big.xlsx", goodBook(t), opt)
	if len(s.Problems) != 1 || !errors.Is(s.Problems[0], ErrTooLarge) {
		t.Fatalf("problems = %v", s.Problems)
	}
}
