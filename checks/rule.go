package checks

import (
	"strings"

	"lianfang/importer"
)

// Rule is one entry of the rule registry: a stable ID (S01 … X04), a short
// title, the category it belongs to, its severity, the rule in one sentence
// and the suggestion (建议) given with every finding. Reports, the
// database, `lianfang rules` and docs/RULES.md all read rules from here.
type Rule struct {
	ID         string
	Title      string
	Category   string
	Severity   Severity
	Text       string // the rule in one sentence
	Suggestion string
}

// Category describes one group of rules: the ID letter, its Chinese name
// and the line of the seed it rests on.
type Category struct {
	Letter string
	Name   string
	Intro  string
}

// Categories returns the rule categories in report order.
func Categories() []Category {
	return append([]Category(nil), categories...)
}

var categories = []Category{
	{"S", catStructure, "文件能否读取、表头和必填列是否齐全、序号和选项值是否规范。"},
	{"N", catName, "“一是根据权力依据的表述……二是反映出权力的核心内容……三是名称要尽量简练概括……四是要体现权力的性质。如审核、审定、审批、决定等。”"},
	{"B", catBasis, "实施依据要“准确、充分”:教育机关主要依据宪法、教育法、义务教育法、教师法、机关“三定”方案;党的机关依据党章、党纪和党内法规。"},
	{"D", catDisclosure, "“外部权力要全部面向社会公开……主要以网站、公告为主。内部公开的采取内部网络、文件等形式……不能……以保密为由,将应该公开的权力不公开。”"},
	{"R", catRisk, "“每个风险点的表述由风险源、风险点、危害性三个要素组成。风险点表述必须准确、具体,不能太简单、太笼统。”查找风险点要避免虚拟化、扩大化、形式化。"},
	{"C", catComplete, "“把该清理的权力都清理出来,无一遗漏”:三个层次、必查岗位和“三重一大”事项都要清理。"},
	{"X", catCounty, "全县汇总时按名册和各单位报送情况判断,只出现在县局汇总表中(由 merge 包计算)。"},
}

// The category names used in Rule.Category.
const (
	catStructure  = "表格结构"
	catName       = "职权名称"
	catBasis      = "职权依据"
	catDisclosure = "职权公开"
	catRisk       = "廉政风险点"
	catComplete   = "清理完整性"
	catCounty     = "全县汇总"
)

// Rules returns every rule of the registry, in ID order within category
// order. The slice is a copy.
func Rules() []Rule {
	return append([]Rule(nil), registry...)
}

var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(registry))
	for i, r := range registry {
		m[r.ID] = i
	}
	return m
}()

// RuleByID returns the rule with the given ID, such as "B03".
func RuleByID(id string) (Rule, bool) {
	i, ok := ruleIndex[strings.ToUpper(strings.TrimSpace(id))]
	if !ok {
		return Rule{}, false
	}
	return registry[i], true
}

// mustRule returns the rule with the given ID; an unknown ID is a
// programming error.
func mustRule(id string) Rule {
	r, ok := RuleByID(id)
	if !ok {
		panic("checks: unknown rule " + id)
	}
	return r
}

// Finding returns a finding of this rule at ref, with the rule's severity
// and suggestion. column is the canonical header of the cell's column ("" for
// the whole file). File and Unit are left for the caller.
func (r Rule) Finding(ref importer.Ref, column, message string) Finding {
	return Finding{
		Sheet:      ref.Sheet,
		Row:        ref.Row,
		Col:        ref.Col,
		Column:     column,
		Rule:       r.ID,
		Severity:   r.Severity,
		Message:    message,
		Suggestion: r.Suggestion,
	}
}

// SeverityName returns the Chinese name of a severity: 错误, 警告 or 提示.
func SeverityName(s Severity) string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	case Info:
		return "提示"
	}
	return string(s)
}
