package checks

import (
	"errors"
	"fmt"
	"strconv"

	"lianfang/importer"
)

// requiredKeys are the columns S03 requires besides the risk columns.
var requiredKeys = []importer.Key{
	importer.KeySeq, importer.KeyLevel, importer.KeyKind, importer.KeyName, importer.KeyBasis,
	importer.KeyDept, importer.KeyScope, importer.KeyGrade, importer.KeyMeasures, importer.KeyOwner,
}

// partKeys are the three risk columns of the template's layout.
var partKeys = [...]importer.Key{importer.KeySource, importer.KeyPoint, importer.KeyHarm}

// s01Reasons says, for each sentinel error, why a file cannot be read and
// what to do, in plain words.
var s01Reasons = []struct {
	err       error
	why, todo string
}{
	{importer.ErrEncrypted, "文件有密码保护,无法打开", "请取消密码保护(文件→信息→保护工作簿)后重新报送"},
	{importer.ErrNotSpreadsheet, "不是 Excel 文件", "请用附件1模板填写,另存为 .xlsx 文件后重新报送"},
	{importer.ErrEmpty, "空文件(0 字节)", "请重新保存并报送填好的职权目录表"},
	{importer.ErrCorrupt, "文件已损坏,无法读取", "请用 Excel 或 WPS 打开确认后另存为 .xlsx 文件重新报送"},
	{importer.ErrTooLarge, "文件过大,无法读取", "请删除无关的工作表和图片后另存为 .xlsx 文件重新报送"},
}

// problems turns the importer's structural problems into findings.
func (c *checker) problems() {
	for _, p := range c.sub.Problems {
		if _, ok := RuleByID(p.Code); !ok {
			continue
		}
		ref := p.Ref
		if p.Code == "S01" || p.Code == "S02" || p.Code == "S06" {
			ref.Row, ref.Col = 0, ""
		}
		body, todo := p.Message, ""
		if p.Code == "S01" {
			for _, r := range s01Reasons {
				if errors.Is(p.Err, r.err) {
					body, todo = r.why, r.todo
					if p.Message != "" && p.Message != r.why {
						body += "(" + p.Message + ")"
					}
					break
				}
			}
		}
		if body == "" {
			body = mustRule(p.Code).Text
		}
		f := c.put(p.Code, "", ref, "", body)
		if todo != "" {
			f.Suggestion = todo
		}
	}
}

// structure runs S03, S05 and S07 on every catalogue sheet.
func (c *checker) structure() {
	for i := range c.sub.Sheets {
		s := &c.sub.Sheets[i]
		if !s.Catalogue {
			continue
		}
		c.requiredColumns(s)
		for _, x := range s.Extra {
			ref := importer.Ref{Sheet: s.Name, Row: s.HeaderRow, Col: x.Col}
			c.put("S07", "", ref, x.Header, fmt.Sprintf("列%s不是附件1模板的列,其内容已保留但不参加校验", q(x.Header)))
		}
	}
	c.sequence()
}

// requiredColumns reports each missing required column of s (S03).
func (c *checker) requiredColumns(s *importer.Sheet) {
	ref := importer.Ref{Sheet: s.Name}
	for _, k := range requiredKeys {
		if s.Columns[k] == "" {
			c.add("S03", ref, k, fmt.Sprintf("缺少必填列%s", q(header(k))))
		}
	}
	n := 0
	for _, k := range partKeys {
		if s.Columns[k] != "" {
			n++
		}
	}
	switch {
	case n == 3 || s.Columns[importer.KeyStatement] != "":
	case n == 0:
		c.add("S03", ref, importer.KeyStatement, "缺少廉政风险点列:应有“风险源”“风险点”“危害性”三列,或一列“廉政风险点”")
	default:
		for _, k := range partKeys {
			if s.Columns[k] == "" {
				c.add("S03", ref, k, fmt.Sprintf("缺少必填列%s(风险源、风险点、危害性三列要齐全)", q(header(k))))
			}
		}
	}
}

// sequence checks 序号 (S05) sheet by sheet: a positive integer, not
// repeated, consecutive from 1. A later sheet may go on from where the
// previous one stopped.
func (c *checker) sequence() {
	want, last, sheet := 1, 0, "\x00"
	seen := map[int]int{} // seq → first row
	for i := range c.sub.Powers {
		p := &c.sub.Powers[i]
		if !c.has(p, importer.KeySeq) {
			continue
		}
		if p.Ref.Sheet != sheet {
			sheet, seen = p.Ref.Sheet, map[int]int{}
			want = 1
			if n, err := strconv.Atoi(importer.Normalize(p.Seq)); err == nil && last > 0 && n == last+1 {
				want = n
			}
		}
		ref := c.cell(p, importer.KeySeq)
		raw := importer.Normalize(p.Seq)
		n, err := strconv.Atoi(raw)
		switch {
		case raw == "":
			c.add("S05", ref, importer.KeySeq, fmt.Sprintf("序号未填写,应为 %d", want))
			want++
		case err != nil || n <= 0:
			c.add("S05", ref, importer.KeySeq, fmt.Sprintf("序号%s不是正整数,应为 %d", q(p.Seq), want))
			want++
		case seen[n] != 0:
			c.add("S05", ref, importer.KeySeq, fmt.Sprintf("序号 %d 与第 %d 行重复,应为 %d", n, seen[n], want))
			want = max(want, n+1)
		case n != want:
			c.add("S05", ref, importer.KeySeq, fmt.Sprintf("序号 %d 不连续,应为 %d", n, want))
			seen[n], want, last = p.Ref.Row, n+1, n
		default:
			seen[n], want, last = p.Ref.Row, n+1, n
		}
	}
}
