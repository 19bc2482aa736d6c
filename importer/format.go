package importer

import (
	"archive/zip"
	"bytes"
	"strings"
	"unicode/utf8"
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// What a school is told to do about a file that cannot be read.
const (
	adviceResave   = "请用 Excel 或 WPS 打开后另存为 .xlsx 格式,再重新提交"
	adviceReexport = "请使用下发的附件1模板(.xlsx)填写后重新提交"
)

// unreadable builds the S01 problem for a file that cannot be read.
func unreadable(err error, msg string) Problem {
	return Problem{Code: "S01", Message: msg, Err: err}
}

// sniff decides a file's format from its bytes (never from its name) and
// returns "xlsx", "xlsm" or "xls", or an S01 problem saying why the file is
// not a workbook lianfang can read.
func sniff(data []byte) (string, *Problem) {
	switch {
	case len(data) == 0:
		p := unreadable(ErrEmpty, "文件是空文件(0 字节),没有任何内容。"+adviceReexport)
		return "", &p
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffZip(data)
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data)
	}
	p := unreadable(ErrNotSpreadsheet, "不是 Excel 文件("+describeText(data)+")。"+adviceReexport)
	return "", &p
}

func sniffZip(data []byte) (string, *Problem) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		p := unreadable(ErrCorrupt, "文件已损坏(压缩包不完整或被截断),无法打开。请确认文件能在 Excel 或 WPS 中正常打开,另存后重新提交")
		return "", &p
	}
	var hasWorkbook, hasWord, hasPPT, macro bool
	for _, f := range zr.File {
		switch {
		case f.Name == "xl/workbook.xml" || f.Name == "xl/workbook.bin":
			hasWorkbook = true
		case strings.HasPrefix(f.Name, "word/"):
			hasWord = true
		case strings.HasPrefix(f.Name, "ppt/"):
			hasPPT = true
		case f.Name == "xl/vbaProject.bin":
			macro = true
		}
	}
	switch {
	case hasWorkbook && macro:
		return "xlsm", nil
	case hasWorkbook:
		return "xlsx", nil
	case hasWord:
		p := unreadable(ErrNotSpreadsheet, "这是 Word 文档,不是 Excel 文件。"+adviceReexport)
		return "", &p
	case hasPPT:
		p := unreadable(ErrNotSpreadsheet, "这是 PowerPoint 演示文稿,不是 Excel 文件。"+adviceReexport)
		return "", &p
	}
	p := unreadable(ErrNotSpreadsheet, "这是一个压缩包,不是 Excel 文件。请解压后提交其中的职权目录表")
	return "", &p
}

func sniffOLE(data []byte) (string, *Problem) {
	switch oleKind(data) {
	case "xls":
		return "xls", nil
	case "encrypted-ooxml":
		p := unreadable(ErrEncrypted, "文件设置了密码,无法读取。请取消密码后重新提交(Excel:文件→信息→保护工作簿→用密码进行加密,清空密码;WPS:文件→文档加密)")
		return "", &p
	case "ole-other":
		p := unreadable(ErrNotSpreadsheet, "这是 Word 或其他 Office 文档,不是 Excel 文件。"+adviceReexport)
		return "", &p
	}
	p := unreadable(ErrCorrupt, "文件已损坏(Office 文件结构不完整),无法打开。"+adviceResave)
	return "", &p
}

// describeText names what a non-spreadsheet file looks like.
func describeText(data []byte) string {
	head := data[:min(len(data), 512)]
	lower := strings.ToLower(string(head))
	switch {
	case strings.Contains(lower, "<html") || strings.Contains(lower, "<table"):
		return "网页格式,常见于从系统导出的“假 xls”"
	case strings.HasPrefix(lower, "<?xml"):
		return "XML 文本"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF 文件"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}) || bytes.HasPrefix(data, []byte("\x89PNG")):
		return "图片"
	case bytes.HasPrefix(data, []byte("Rar!")) || bytes.HasPrefix(data, []byte("7z\xBC\xAF")):
		return "压缩包"
	case utf8.Valid(head) && bytes.ContainsAny(head, ",\t"):
		return "文本或 CSV 文件"
	case utf8.Valid(head):
		return "文本文件"
	}
	return "无法识别的文件格式"
}
