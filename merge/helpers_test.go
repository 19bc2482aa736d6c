package merge_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
)

// MustOpen opens a store on a fresh file in a temporary directory and closes
// it when the test ends.
func MustOpen(tb testing.TB) *merge.Store {
	tb.Helper()
	s, err := merge.Open(filepath.Join(tb.TempDir(), "county.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// testRoster is the roster most tests load: four units.
var testRoster = []importer.RosterUnit{
	{Code: "A01", Name: "实验小学", Type: "小学", Aliases: []string{"县实验小学"}, Contact: "张老师", Phone: "0710-1234567"},
	{Code: "A02", Name: "城关中学", Type: "初中"},
	{Code: "A03", Name: "第一幼儿园", Type: "幼儿园"},
	{Code: "A04", Name: "教管中心", Type: "教管中心", Email: "jgzx@example.cn"},
}

func mustRoster(tb testing.TB, s *merge.Store) {
	tb.Helper()
	if _, _, err := s.ImportRoster(context.Background(), testRoster); err != nil {
		tb.Fatal(err)
	}
}

// testPower describes one power of a hand-built workbook: each risk is
// 风险源, 风险点, 危害性.
type testPower struct {
	Name  string
	Level string
	Grade string
	Risks [][3]string
}

var headerRow = []string{"序号", "职权层级", "职权类别", "职权名称", "职权依据", "承办科室", "行使岗位", "公开范围",
	"公开形式", "风险源", "风险点", "危害性", "风险等级", "防控措施", "责任人", "备注"}

// makeSub builds a parsed workbook the way the importer would: a catalogue
// sheet (title, unit info, header, one row per risk point), an
// instructions sheet of 3 rows and a hidden list sheet of 2 rows.
func makeSub(unit string, powers ...testPower) *importer.Submission {
	cat := importer.Sheet{Name: "职权目录", Catalogue: true, HeaderRow: 3,
		Columns: map[importer.Key]string{}, Headers: map[importer.Key]string{}}
	for i, h := range headerRow {
		col := string(rune('A' + i))
		for _, c := range importer.Schema {
			if c.Header == h {
				cat.Columns[c.Key] = col
				cat.Headers[c.Key] = h
			}
		}
	}
	cat.Rows = [][]string{{"职权目录表"}, {"填报单位", unit, "单位类型", "小学"}, headerRow}
	sub := &importer.Submission{File: unit + ".xlsx", Format: "xlsx", TemplateVersion: importer.TemplateVersion,
		Unit: importer.UnitInfo{Name: unit, Type: "小学", From: "label", Ref: importer.Ref{Sheet: "职权目录", Row: 2, Col: "B"}}}
	for i, tp := range powers {
		level := tp.Level
		if level == "" {
			level = importer.LevelUnit
		}
		grade := tp.Grade
		if grade == "" {
			grade = importer.GradeHigh
		}
		p := importer.Power{Seq: strconv.Itoa(i + 1), Level: level, Kind: importer.KindExternal, Name: tp.Name,
			Basis: "《中华人民共和国教育法》第二十九条", Dept: "办公室", Depts: []string{"办公室"},
			Scope: importer.ScopePublic, Form: "网站、公告", Forms: []string{"网站", "公告"},
			Raw: map[importer.Key]string{importer.KeyLevel: level}}
		for j, r := range tp.Risks {
			row := len(cat.Rows) + 1
			cells := []string{"", "", "", "", "", "", "", "", "", r[0], r[1], r[2], grade, "采购实行三人以上询价并公示结果", "校长", ""}
			if j == 0 {
				copy(cells, []string{p.Seq, level, p.Kind, p.Name, p.Basis, p.Dept, "", p.Scope, p.Form})
				p.Ref = importer.Ref{Sheet: cat.Name, Row: row}
			}
			cat.Rows = append(cat.Rows, cells)
			p.Rows = append(p.Rows, row)
			p.Risks = append(p.Risks, importer.Risk{Source: r[0], Point: r[1], Harm: r[2], Grade: grade, RawGrade: grade,
				Measures: cells[13], Owner: "校长", Ref: importer.Ref{Sheet: cat.Name, Row: row}})
		}
		sub.Powers = append(sub.Powers, p)
	}
	cat.DataRows = len(cat.Rows) - 3
	help := importer.Sheet{Name: "填表说明", Rows: [][]string{{"填表说明"}, {"一、职权名称"}, {"二、职权依据"}}}
	list := importer.Sheet{Name: "下拉列表", Hidden: true, Rows: [][]string{{"模板版本", importer.TemplateVersion}, {"单位职权", "内设部门职权", "岗位职权"}}}
	sub.Sheets = []importer.Sheet{cat, help, list}
	return sub
}

// standardPowers returns n powers of two risk points each, worded for unit
// so that different units' statements are unrelated.
func standardPowers(unit string, n int) []testPower {
	out := make([]testPower, n)
	for i := range out {
		out[i] = testPower{Name: fmt.Sprintf("%s第%d项物资采购审批", unit, i+1), Risks: [][3]string{
			{fmt.Sprintf("%s编号%03d因受人情干扰", unit, i), fmt.Sprintf("审批把关不严第%d类", i), fmt.Sprintf("造成%s损失%d", unit, i)},
			{fmt.Sprintf("%s事项%03d由于制度不健全", unit, i), fmt.Sprintf("擅自改变用途%d", i), fmt.Sprintf("带来%s隐患%d", unit, i)},
		}}
	}
	return out
}

func finding(file, unit, rule string, sev checks.Severity, row int, col, msg string) checks.Finding {
	f := checks.Finding{File: file, Unit: unit, Rule: rule, Severity: sev, Row: row, Col: col,
		Message: msg, Suggestion: "请按填表说明修改"}
	if row > 0 {
		f.Sheet = "职权目录"
		f.Column = "风险点"
	}
	return f
}

// input builds an Input whose bytes are derived from content.
func input(cycle, path, unitCode, content string, received time.Time, sub *importer.Submission, fs ...checks.Finding) merge.Input {
	data := []byte("PK\x03\x04 workbook " + content)
	sum := sha256.Sum256(data)
	if sub != nil {
		sub.SHA256 = hex.EncodeToString(sum[:])
		sub.Size = len(data)
		sub.File = path
	}
	return merge.Input{Cycle: cycle, Path: path, Received: received, Data: data, Sub: sub, Findings: fs, UnitCode: unitCode}
}

func sha(in merge.Input) string {
	sum := sha256.Sum256(in.Data)
	return hex.EncodeToString(sum[:])
}

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func mustAccept(tb testing.TB, s *merge.Store, in merge.Input) merge.Outcome {
	tb.Helper()
	out, err := s.Accept(context.Background(), in)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func mustCounts(tb testing.TB, s *merge.Store) map[string]int {
	tb.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// rules returns the findings of rule id.
func rules(fs []checks.Finding, id string) []checks.Finding {
	var out []checks.Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// countyFindings collects a county's X01–X04 findings, worded for the bureau.
func countyFindings(tb testing.TB, c *merge.County) []checks.Finding {
	tb.Helper()
	var out []checks.Finding
	if err := c.Findings(context.Background(), func(f checks.Finding) error {
		out = append(out, f)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}

// unitFindings returns unit i's own findings and the county rules about it.
func unitFindings(tb testing.TB, c *merge.County, i int) (own, county []checks.Finding) {
	tb.Helper()
	own, county, err := c.UnitFindings(context.Background(), i)
	if err != nil {
		tb.Fatal(err)
	}
	return own, county
}

// ledgerRows collects a ledger's rows.
func ledgerRows(tb testing.TB, l *merge.Ledger) []merge.LedgerRow {
	tb.Helper()
	var out []merge.LedgerRow
	if err := l.Each(context.Background(), func(r merge.LedgerRow) error {
		out = append(out, r)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}
