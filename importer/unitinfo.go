package importer

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// unitLabels maps each unit-info field to the labels schools write for it,
// the template's own label first.
var unitLabels = []struct {
	field  string
	labels []string
}{
	{"name", []string{LabelUnit, "填报单位名称", "单位名称", "学校名称", "单位"}},
	{"type", []string{LabelUnitType, "学校类型", "单位类别"}},
	{"reporter", []string{LabelReporter, "填表人", "经办人"}},
	{"phone", []string{LabelPhone, "联系方式", "电话"}},
	{"date", []string{LabelDate, "填表日期", "填报时间", "日期"}},
}

// labelField returns the field a whole label cell names ("" when none).
func labelField(cell string) string {
	n := cleanHeader(cell)
	for _, f := range unitLabels {
		for _, l := range f.labels {
			if n == l {
				return f.field
			}
		}
	}
	return ""
}

// inlineLabel matches "填报单位(盖章):XX小学" style label-and-value text.
var inlineLabel = func() *regexp.Regexp {
	var alts []string
	for _, f := range unitLabels {
		alts = append(alts, f.labels...)
	}
	return regexp.MustCompile(`(` + strings.Join(alts, "|") + `)\s*(?:[(（][^)）]*[)）])?\s*[:：]`)
}()

// unitFields collects unit-info values and where the name was found.
type unitFields struct {
	values   map[string]string
	nameAt   Ref
	nameFrom string // "label" or "cell"
	inline   bool   // the value being set comes from an inline label
}

func (u *unitFields) set(field, value string, at Ref) {
	value = strings.Trim(CleanLine(value), " \u3000_:：")
	if value == "" || u.values[field] != "" {
		return
	}
	u.values[field] = value
	if field == "name" {
		u.nameAt, u.nameFrom = at, "label"
		if u.inline {
			u.nameFrom = "cell"
		}
	}
}

// scanRows reads label/value pairs and inline labels in rows [1, last].
func (u *unitFields) scanRows(g *grid, last int) {
	for r := 1; r <= min(last, len(g.rows)); r++ {
		row := g.rows[r-1]
		for c := 0; c < len(row); c++ {
			cell := row[c]
			if strings.TrimSpace(cell) == "" {
				continue
			}
			at := Ref{Sheet: g.name, Row: r, Col: colName(c + 1)}
			if f := labelField(cell); f != "" {
				for v := c + 1; v < len(row); v++ {
					if strings.TrimSpace(row[v]) == "" {
						continue
					}
					if labelField(row[v]) == "" {
						u.set(f, row[v], Ref{Sheet: g.name, Row: r, Col: colName(v + 1)})
					}
					break
				}
				continue
			}
			u.scanInline(cell, at)
		}
	}
}

// scanInline reads one cell holding one or more "label:value" pairs.
func (u *unitFields) scanInline(cell string, at Ref) {
	u.inline = true
	defer func() { u.inline = false }()
	locs := inlineLabel.FindAllStringSubmatchIndex(cell, -1)
	for i, loc := range locs {
		end := len(cell)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if f := labelField(cell[loc[2]:loc[3]]); f != "" {
			u.set(f, cell[loc[1]:end], at)
		}
	}
}

// scanColumns reads a 填报信息 sheet laid out as a header row of labels with
// the values in the row below.
func (u *unitFields) scanColumns(g *grid) {
	for r := 1; r < len(g.rows); r++ {
		for c, cell := range g.rows[r-1] {
			if f := labelField(cell); f != "" {
				u.set(f, g.cell(r+1, c+1), Ref{Sheet: g.name, Row: r + 1, Col: colName(c + 1)})
			}
		}
	}
}

// titleUnit reads "城关第一小学职权目录表" from a title row.
func (u *unitFields) scanTitle(g *grid, last int) {
	for r := 1; r <= min(last, len(g.rows)); r++ {
		for c, cell := range g.rows[r-1] {
			n := CleanLine(cell)
			if i := strings.Index(n, Title); i > 0 {
				name := strings.TrimRight(strings.TrimSpace(n[:i]), "“”\"《》:：")
				if !strings.Contains(name, "附件") && len([]rune(name)) >= 2 {
					u.set("name", name, Ref{Sheet: g.name, Row: r, Col: colName(c + 1)})
				}
			}
		}
	}
}

// fileNameNoise is stripped from a file name to leave the unit's name.
var fileNameNoise = regexp.MustCompile(`(?i)(附件\s*[0-9一二三]*[:：、._\-\s]*)|(廉政风险防控)|(职权目录表?)|(职权清理)|(校验结果)|[(（【\[][^)）】\]]*[)）】\]]|(修改稿|修订版|最终版|终稿|定稿|新版|旧版?)|[0-9]{4,}|[_\-\s.]+$|^[_\-\s.]+`)

// nameFromFile guesses the unit from a file name such as
// "附件1:城关第一小学职权目录表(修改稿).xlsx".
func nameFromFile(name string) string {
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, filepath.Ext(base))
	for i := 0; i < 3; i++ {
		base = strings.Trim(fileNameNoise.ReplaceAllString(base, ""), "_-. ")
	}
	return base
}

// canonicalUnitType folds a written unit type onto UnitTypes.
func canonicalUnitType(s string) string {
	n := Normalize(s)
	for _, t := range UnitTypes {
		if n == t {
			return t
		}
	}
	switch {
	case strings.Contains(n, "幼儿园"):
		return "幼儿园"
	case strings.Contains(n, "教管中心") || strings.Contains(n, "教育管理中心"):
		return "教管中心"
	case strings.Contains(n, "直属"):
		return "直属学校"
	case strings.Contains(n, "初中") || strings.Contains(n, "初级中学"):
		return "初中"
	case strings.Contains(n, "小学"):
		return "小学"
	}
	return CleanLine(s)
}

var dateText = regexp.MustCompile(`^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?`)

// normalizeDate turns an Excel serial or a written date into yyyy-mm-dd; a
// value it cannot read is returned as written.
func normalizeDate(s string) string {
	n := Normalize(s)
	if v, err := strconv.ParseFloat(n, 64); err == nil && v > 20000 && v < 80000 {
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).Add(time.Duration(v*86400) * time.Second)
		return t.Format("2006-01-02")
	}
	if m := dateText.FindStringSubmatch(n); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
	}
	return CleanLine(s)
}
