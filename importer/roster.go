package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// RosterUnit is one unit of the county roster (名册).
type RosterUnit struct {
	Code    string   // 单位代码
	Name    string   // 单位名称
	Type    string   // 单位类型: one of UnitTypes
	Aliases []string // 别名, other names the unit goes by
	Contact string   // 联系人
	Phone   string   // 联系电话
	Email   string   // 邮箱
}

// RosterHeaders are the roster file's columns, in order.
var RosterHeaders = []string{"单位代码", "单位名称", "单位类型", "别名", "联系人", "联系电话", "邮箱"}

// rosterAliases maps a normalised roster header to its field index in
// RosterHeaders.
var rosterAliases = map[string]int{
	"单位代码": 0, "代码": 0, "单位编码": 0, "编码": 0, "学校代码": 0,
	"单位名称": 1, "名称": 1, "学校名称": 1, "单位": 1,
	"单位类型": 2, "类型": 2, "学校类型": 2,
	"别名": 3, "简称": 3, "曾用名": 3,
	"联系人": 4, "联系电话": 5, "电话": 5, "手机": 5,
	"邮箱": 6, "电子邮箱": 6, "email": 6, "e-mail": 6, "邮件地址": 6,
}

// ReadRoster reads the roster (名册) from a .csv (UTF-8, with or without
// BOM, or GBK as saved by Chinese Excel) or an .xlsx file's first sheet
// that has a 单位名称 column. Rows without a name are skipped; a unit
// without a code gets its name as code.
func ReadRoster(name string, data []byte) ([]RosterUnit, error) {
	var rows [][]string
	if bytes.HasPrefix(data, zipMagic) {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: defaultMaxUnzip})
		if err != nil {
			return nil, fmt.Errorf("名册 %s 无法打开: %w", name, err)
		}
		defer f.Close()
		for _, sh := range f.GetSheetList() {
			if rows, err = f.GetRows(sh); err == nil && rosterHeaderRow(rows) >= 0 {
				break
			}
		}
	} else {
		text := data
		if !utf8.Valid(text) {
			if dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(text); err == nil {
				text = dec
			}
		}
		text = bytes.TrimPrefix(text, []byte("\xEF\xBB\xBF"))
		r := csv.NewReader(bytes.NewReader(text))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		var err error
		if rows, err = r.ReadAll(); err != nil {
			return nil, fmt.Errorf("名册 %s 不是有效的 CSV: %w", name, err)
		}
	}
	h := rosterHeaderRow(rows)
	if h < 0 {
		return nil, fmt.Errorf("名册 %s 中没有找到“单位名称”列(应有列:%s)", name, strings.Join(RosterHeaders, "、"))
	}
	idx := make([]int, len(RosterHeaders))
	for i := range idx {
		idx[i] = -1
	}
	for j, c := range rows[h] {
		if f, ok := rosterAliases[strings.ToLower(cleanHeader(c))]; ok && idx[f] < 0 {
			idx[f] = j
		}
	}
	var units []RosterUnit
	for _, row := range rows[h+1:] {
		get := func(f int) string {
			if idx[f] < 0 || idx[f] >= len(row) {
				return ""
			}
			return CleanLine(row[idx[f]])
		}
		u := RosterUnit{Code: get(0), Name: get(1), Aliases: SplitList(get(3)), Contact: get(4), Phone: get(5), Email: get(6)}
		if u.Name == "" {
			continue
		}
		if t := get(2); t != "" {
			u.Type = canonicalUnitType(t)
		}
		if u.Code == "" {
			u.Code = u.Name
		}
		units = append(units, u)
	}
	return units, nil
}

func rosterHeaderRow(rows [][]string) int {
	for i := 0; i < min(len(rows), headerScanRows); i++ {
		for _, c := range rows[i] {
			if f, ok := rosterAliases[cleanHeader(c)]; ok && f == 1 {
				return i
			}
		}
	}
	return -1
}
