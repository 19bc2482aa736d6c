//go:build linux

package reliability

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"lianfang/importer"
)

// hostile is one hostile or broken input: a file built in code, and what
// the importer must make of it.
type hostile struct {
	name string
	file string // the inbox file name
	data func(t testing.TB) []byte
	// An unreadable file: the problem code (S01, S02, S06), the sentinel it
	// wraps and a part of its Chinese reason.
	code   string
	err    error
	reason string
	// A readable file: checks what was read. Set instead of code.
	read func(t testing.TB, s *importer.Submission)
	// heavy cases also have their peak RSS measured through the binary.
	heavy bool
}

// GiB of sheet XML is what the zip bombs inflate to.
const bombSize = 2 << 30

// bombSheet is a sheet part of a catalogue row then, until it inflates to
// size bytes, a row with one cell followed by a mebibyte of blanks (which
// XML allows between rows, and deflate shrinks a thousandfold).
func bombSheet(t testing.TB, size int) *rawPart {
	r := `<row><c t="inlineStr"><is><t>炸</t></is></c></row>`
	chunk := []byte(r + strings.Repeat(" ", 1<<20-len(r)))
	return repeatDeflate(t, []byte(sheetHead+catalogueRows(1)), chunk, []byte(sheetTail(nil)), size/len(chunk))
}

// cellBomb is a sheet part of size bytes of small numeric cells, five to a
// row: sixteen million cells in 250 MiB.
func cellBomb(t testing.TB, size int) *rawPart {
	r := []byte(`<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c><c><v>5</v></c></row>`)
	chunk := bytes.Repeat(r, (1<<20)/len(r))
	return repeatDeflate(t, []byte(sheetHead+catalogueRows(1)), chunk, []byte(sheetTail(nil)), size/len(chunk))
}

func hostileCases() []hostile {
	return []hostile{
		{name: "zero bytes", file: "空文件.xlsx", data: func(testing.TB) []byte { return nil },
			code: "S01", err: importer.ErrEmpty, reason: "空文件"},
		{name: "truncated zip", file: "截断.xlsx", data: func(t testing.TB) []byte { b := goodBook(t); return b[:len(b)/2] },
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "random bytes named .xlsx", file: "乱码.xlsx", data: func(testing.TB) []byte { return randomBytes(64<<10, 0) },
			code: "S01", err: importer.ErrNotSpreadsheet, reason: "不是 Excel 文件"},
		{name: "random bytes after a zip signature", file: "乱码压缩.xlsx", data: func(testing.TB) []byte { return append([]byte("PK\x03\x04"), randomBytes(64<<10, 1)...) },
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "docx renamed .xlsx", file: "工作总结.xlsx", data: docx,
			code: "S01", err: importer.ErrNotSpreadsheet, reason: "Word"},
		{name: "csv renamed .xlsx", file: "名单.xlsx", data: func(testing.TB) []byte {
			return []byte("序号,职权名称,职权依据\n1,学籍变动审核,《中小学生学籍管理办法》\n")
		},
			code: "S01", err: importer.ErrNotSpreadsheet, reason: "CSV"},
		{name: "password-protected xlsx", file: "加密.xlsx", data: encrypted,
			code: "S01", err: importer.ErrEncrypted, reason: "密码"},
		{name: "web page saved as .xls", file: "导出.xls", data: func(testing.TB) []byte {
			return []byte(`<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>序号</td><td>职权名称</td></tr></table></body></html>`)
		}, code: "S01", err: importer.ErrNotSpreadsheet, reason: "网页"},
		// excelize reads a sheet that is not XML as an empty sheet.
		{name: "a sheet part that is not XML", file: "乱码表.xlsx", data: func(t testing.TB) []byte {
			b := rawBook{sheets: []rawSheet{{name: "职权目录", rows: catalogueRows(2)}}}
			b.sheets[0].raw = randomBytes(8<<10, 3)
			return b.build(t)
		}, code: "S02", err: importer.ErrNoCatalogue, reason: "没有找到职权目录表"},
		{name: "a cell nested 100,000 elements deep", file: "嵌套.xlsx", data: func(t testing.TB) []byte {
			deep := `<row r="4"><c r="A4" t="inlineStr"><is>` + strings.Repeat("<r>", 100000) + strings.Repeat("</r>", 100000) + `</is></c></row>`
			return rawBook{sheets: []rawSheet{{name: "职权目录", rows: catalogueRows(2) + deep}}}.build(t)
		}, read: func(t testing.TB, s *importer.Submission) {
			if len(s.Powers) != 2 {
				t.Errorf("%d powers, want 2", len(s.Powers))
			}
		}},
		{name: "zip bomb: 2 GiB sheet, size declared", file: "炸弹.xlsx", heavy: true,
			data: func(t testing.TB) []byte {
				return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: bombSheet(t, bombSize)}}}.build(t)
			},
			code: "S01", err: importer.ErrTooLarge, reason: "超过 256 MB"},
		{name: "zip bomb: 2 GiB sheet, size hidden", file: "炸弹2.xlsx", heavy: true,
			data: func(t testing.TB) []byte {
				p := bombSheet(t, bombSize)
				p.size = 1 << 20 // the central directory lies
				return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: p}}}.build(t)
			},
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "zip bomb: 250 MiB of cells, under the size limit", file: "炸弹3.xlsx", heavy: true,
			data: func(t testing.TB) []byte {
				return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: cellBomb(t, 250<<20)}}}.build(t)
			},
			code: "S01", err: importer.ErrTooLarge, reason: "超过"},
		{name: "billion laughs in sharedStrings", file: "实体.xlsx", data: billionLaughs,
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "external entity in sharedStrings", file: "外部实体.xlsx", data: externalEntity,
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "one shared string repeated in a million cells", file: "共享串.xlsx", data: sharedStringBomb, heavy: true,
			code: "S01", err: importer.ErrTooLarge, reason: "超过"},
		{name: "1,048,576 rows", file: "百万行.xlsx", data: millionRows, heavy: true,
			code: "S02", err: importer.ErrNoCatalogue, reason: "没有找到职权目录表"},
		{name: "a cell in row 1,048,576", file: "末行.xlsx", data: lastRow, heavy: true, read: readLastRow},
		{name: "a 32,767-character cell", file: "长文本.xlsx", data: longCell, read: readLongCell},
		{name: "16,384 columns", file: "宽表.xlsx", data: wideSheet, heavy: true, read: readWide},
		{name: "a cell in column XFD on every row", file: "宽表2.xlsx", data: wideRows, heavy: true,
			code: "S01", err: importer.ErrTooLarge, reason: "超过"},
		{name: "a merge over the whole sheet", file: "合并.xlsx", data: mergeBomb, heavy: true, read: readMergeBomb},
		{name: "cell text spelling a mergeCell tag", file: "假合并.xlsx", data: fakeMerge, read: readThree},
		{name: "sheet name of 31 odd characters", file: "表名.xlsx", data: oddSheetName, read: readOddSheetName},
		{name: "sheet name with characters Excel forbids", file: "表名2.xlsx", data: forbiddenSheetName,
			code: "S01", err: importer.ErrCorrupt, reason: "损坏"},
		{name: "a workbook without a styles part", file: "无样式.xlsx", read: readThree,
			data: func(t testing.TB) []byte {
				return rawBook{sheets: []rawSheet{{name: "职权目录", rows: catalogueRows(3)}}, noStyles: true}.build(t)
			}},
		{name: "control characters and emoji in cells", file: "控制符.xlsx", data: controlChars, read: readControlChars},
		// A compound file too damaged to list its streams cannot be told
		// from a Word document: the reason says it is not an Excel file.
		{name: "xls with a corrupt OLE header", file: "旧表.xls", data: corruptOLE,
			code: "S01", err: importer.ErrNotSpreadsheet, reason: "不是 Excel 文件"},
		{name: "xls with a FAT chain that loops", file: "旧表2.xls", data: loopingFAT,
			code: "S01", err: importer.ErrNotSpreadsheet, reason: "不是 Excel 文件"},
	}
}

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 6))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

// goodBook is a correct three-power catalogue.
func goodBook(t testing.TB) []byte {
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: catalogueRows(3)}}}.build(t)
}

func docx(t testing.TB) []byte {
	return buildZip(t, []part{
		{name: "[Content_Types].xml", body: []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)},
		{name: "word/document.xml", body: []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>职权目录</w:t></w:r></w:p></w:body></w:document>`)},
	})
}

// encrypted is goodBook saved by excelize with a password (ECMA-376 agile
// encryption in an OLE container, as Excel writes it).
func encrypted(t testing.TB) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(goodBook(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "123456"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// billionLaughs puts the classic nested-entity DTD into the shared-string
// table and a cell that uses it.
func billionLaughs(t testing.TB) []byte {
	var dtd strings.Builder
	dtd.WriteString(`<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY lol "lol">`)
	for i := 1; i <= 9; i++ {
		prev := "lol"
		if i > 1 {
			prev = fmt.Sprintf("lol%d", i-1)
		}
		fmt.Fprintf(&dtd, `<!ENTITY lol%d "%s">`, i, strings.Repeat("&"+prev+";", 10))
	}
	dtd.WriteString(`]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`)
	rows := catalogueRows(2) + `<row r="4"><c r="A4" t="s"><v>0</v></c></row>`
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}, sst: dtd.String()}.build(t)
}

// externalEntity asks the XML parser to read /etc/passwd into a cell.
func externalEntity(t testing.TB) []byte {
	sst := `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>`
	rows := catalogueRows(2) + `<row r="4"><c r="A4" t="s"><v>0</v></c></row>`
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}, sst: sst}.build(t)
}

// sharedStringBomb is a 32,767-character shared string referenced by a
// million cells: a small file whose text is 96 GB.
func sharedStringBomb(t testing.TB) []byte {
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>` +
		strings.Repeat("廉", 32767) + `</t></si></sst>`
	chunk := bytes.Repeat([]byte(`<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>`), 1024)
	sheet := repeatDeflate(t, []byte(sheetHead+catalogueRows(1)), chunk, []byte(sheetTail(nil)), 256)
	return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: sheet}}, sst: sst}.build(t)
}

// millionRows fills every row a sheet has, 1,048,576, with a number and
// nothing else: within the cell limit, but no catalogue.
func millionRows(t testing.TB) []byte {
	chunk := bytes.Repeat([]byte(`<row><c><v>1</v></c></row>`), 1024)
	sheet := repeatDeflate(t, []byte(sheetHead), chunk, []byte(sheetTail(nil)), 1024)
	return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: sheet}}}.build(t)
}

// lastRow is a correct catalogue with a note in the last row Excel has.
func lastRow(t testing.TB) []byte {
	rows := catalogueRows(3) + row(1048576, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "表格结束")
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}}.build(t)
}

func readLastRow(t testing.TB, s *importer.Submission) {
	if len(s.Powers) != 3 {
		t.Errorf("%d powers, want 3", len(s.Powers))
	}
	sh := s.SheetByName("职权目录")
	if sh == nil || len(sh.Rows) != 1048576 || sh.Rows[1048575][15] != "表格结束" {
		t.Errorf("the last row was not read")
	}
}

// longCell is a catalogue whose first risk point's 防控措施 holds the
// longest text a cell can: 32,767 characters.
func longCell(t testing.TB) []byte {
	r := powerRow(1, "")
	r[13] = longText()
	rows := row(1, headerCells()...) + row(2, r...) + row(3, powerRow(2, "学生转学审核")...)
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}}.build(t)
}

func longText() string {
	return strings.Repeat("采购实行三人以上询价,结果在校务公开栏公示。", 32767/22) + strings.Repeat("示", 32767%22)
}

func readLongCell(t testing.TB, s *importer.Submission) {
	if len(s.Powers) != 2 || len(s.Powers[0].Risks) == 0 {
		t.Fatalf("powers = %d", len(s.Powers))
	}
	if got := s.Powers[0].Risks[0].Measures; utf8.RuneCountInString(got) != 32767 || got != longText() {
		t.Errorf("the long cell came back with %d characters", utf8.RuneCountInString(got))
	}
}

// wideSheet is a catalogue with an extra column header in XFD, the last
// column, and a value under it.
func wideSheet(t testing.TB) []byte {
	rows := `<row r="1">` + strings.TrimSuffix(strings.TrimPrefix(row(1, headerCells()...), `<row r="1">`), `</row>`) + cell(16384, 1, "附加说明") + `</row>` +
		`<row r="2">` + strings.TrimSuffix(strings.TrimPrefix(row(2, powerRow(1, "")...), `<row r="2">`), `</row>`) + cell(16384, 2, "最后一列") + `</row>`
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}}.build(t)
}

func readWide(t testing.TB, s *importer.Submission) {
	sh := s.SheetByName("职权目录")
	if sh == nil || !sh.Catalogue || len(s.Powers) != 1 {
		t.Fatalf("catalogue not read")
	}
	if len(sh.Extra) != 1 || sh.Extra[0].Col != "XFD" || sh.Extra[0].Header != "附加说明" {
		t.Errorf("extra columns = %+v", sh.Extra)
	}
	if len(sh.Rows[1]) != 16384 || sh.Rows[1][16383] != "最后一列" {
		t.Errorf("column XFD not read")
	}
}

// wideRows puts one cell in column XFD on a hundred thousand rows: little
// XML, but 16,384 cells a row once the gaps are filled.
func wideRows(t testing.TB) []byte {
	chunk := bytes.Repeat([]byte(`<row><c r="XFD1"><v>1</v></c></row>`), 1000)
	sheet := repeatDeflate(t, []byte(sheetHead+catalogueRows(1)), chunk, []byte(sheetTail(nil)), 100)
	return rawBook{sheets: []rawSheet{{name: "职权目录", bomb: sheet}}}.build(t)
}

// mergeBomb merges everything below the header of a correct catalogue:
// A5:XFD1048576, seventeen billion cells.
func mergeBomb(t testing.TB) []byte {
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: catalogueRows(3), merges: []string{"A5:XFD1048576"}}}}.build(t)
}

// fakeMerge is a correct catalogue whose 备注 on the first power reads
// mergeCell ref="B2:P9">, as Excel writes text (quotes unescaped): no
// merged range.
func fakeMerge(t testing.TB) []byte {
	r := row(2, powerRow(1, "")...)
	r = strings.TrimSuffix(r, "</row>") + `<c r="P2" t="inlineStr"><is><t>见 mergeCell ref="B2:P9"> 说明</t></is></c></row>`
	rows := row(1, headerCells()...) + r + row(3, powerRow(2, "学生转学审核")...) + row(4, powerRow(3, "学生休学审核")...)
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}}.build(t)
}

func readThree(t testing.TB, s *importer.Submission) {
	if len(s.Powers) != 3 {
		t.Errorf("%d powers, want 3", len(s.Powers))
	}
}

func readMergeBomb(t testing.TB, s *importer.Submission) {
	if len(s.Powers) != 3 {
		t.Errorf("%d powers, want 3: the merge covers no cell the sheet has", len(s.Powers))
	}
}

// oddName is a sheet name as long as Excel allows (31 UTF-16 units) of
// what it does allow: an apostrophe inside, an emoji, a right-to-left
// override, full-width and combining characters, XML's special characters
// and punctuation.
const oddName = "职权'目录🌞\u202e＜＞e\u0301\u3000<>&;!#$%^()=+-@\"~`"

func oddSheetName(t testing.TB) []byte {
	if n := len(utf16.Encode([]rune(oddName))); n != 31 {
		t.Fatalf("oddName is %d UTF-16 units", n)
	}
	return rawBook{sheets: []rawSheet{{name: oddName, rows: catalogueRows(2)}}}.build(t)
}

// forbiddenSheetName names the catalogue sheet with characters Excel
// refuses (: \ / ? * [ ]) and makes it longer than 31: only a hand-made
// file has it, and excelize refuses to read such a sheet.
func forbiddenSheetName(t testing.TB) []byte {
	return rawBook{sheets: []rawSheet{{name: "职权目录:[一]/二?*\\" + strings.Repeat("长", 30), rows: catalogueRows(2)}}}.build(t)
}

func readOddSheetName(t testing.TB, s *importer.Submission) {
	if len(s.Sheets) != 1 || s.Sheets[0].Name != oddName {
		t.Fatalf("sheets = %q", sheetNames(s))
	}
	if len(s.Powers) != 2 || s.Powers[0].Ref.Sheet != oddName {
		t.Errorf("powers = %d", len(s.Powers))
	}
}

func sheetNames(s *importer.Submission) []string {
	var n []string
	for _, sh := range s.Sheets {
		n = append(n, sh.Name)
	}
	return n
}

// controlText holds C0 controls (written as Excel's _xHHHH_ escapes, the
// only way XML carries them), bidi controls, zero-width characters and
// emoji.
const controlText = "学籍🎓变动\u200b审核\u202e👨‍👩‍👧"

func controlChars(t testing.TB) []byte {
	r := powerRow(1, controlText)
	r[10] = "在学籍变动_x0001_审核中_x001B_[31m违规办理转学_x0007_手续"
	rows := row(1, headerCells()...) + row(2, r...)
	return rawBook{sheets: []rawSheet{{name: "职权目录", rows: rows}}}.build(t)
}

func readControlChars(t testing.TB, s *importer.Submission) {
	if len(s.Powers) != 1 || len(s.Powers[0].Risks) != 1 {
		t.Fatalf("powers = %d", len(s.Powers))
	}
	if got := s.Sheets[0].Rows[1][3]; got != controlText {
		t.Errorf("name cell = %q, want %q", got, controlText)
	}
	if p := s.Powers[0].Risks[0].Point; !strings.Contains(p, "违规办理转学") {
		t.Errorf("point = %q", p)
	}
}

// xlsFixture is a real .xls written by LibreOffice.
func xlsFixture(t testing.TB) []byte {
	data, err := os.ReadFile(filepath.Join("..", "importer", "internal", "xls", "testdata", "small-libreoffice.xls"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corruptOLE keeps the compound-file signature and zeroes the rest of the
// 512-byte header.
func corruptOLE(t testing.TB) []byte {
	data := xlsFixture(t)
	for i := 8; i < 512; i++ {
		data[i] = 0
	}
	return data
}

// loopingFAT points the directory's first sector at a FAT chain that loops
// back on itself.
func loopingFAT(t testing.TB) []byte {
	data := xlsFixture(t)
	dirStart := binary.LittleEndian.Uint32(data[48:])
	fatSector := binary.LittleEndian.Uint32(data[76:]) // first DIFAT entry
	off := 512 + int(fatSector)*512 + int(dirStart)*4
	binary.LittleEndian.PutUint32(data[off:], dirStart)
	return data
}
