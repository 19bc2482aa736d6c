package checks

import (
	"fmt"
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

// RulesMarkdown renders the rule registry as docs/RULES.md: a short
// introduction, then one Chinese table per category with each rule's ID,
// severity, rule text and suggestion. The file is generated; a test keeps
// the committed copy in step (go test ./checks -update rewrites it).
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# 校验规则\n\n")
	b.WriteString("<!-- 本文件由 checks.RulesMarkdown 生成,请勿手改;修改规则后运行 go test ./checks -update。 -->\n\n")
	b.WriteString("lianfang 按以下规则对各单位报送的附件1职权目录表进行初审" +
		"(“权力清理是否全面完整,有无遗漏、重复、交叉;权力名称是否规范,实施依据是否准确、充分;公开形式、范围是否适当”)," +
		"并按“风险源、风险点、危害性”三要素检查廉政风险点。\n\n")
	b.WriteString("- **错误(error)**:必须修改,有错误的单位退回修改;\n")
	b.WriteString("- **警告(warning)**:请核实,必要时修改;\n")
	b.WriteString("- **提示(info)**:供参考。\n\n")
	b.WriteString("每条校验结果写明所在单元格(如 `职权目录!E12`)、问题和修改建议。" +
		"没有任何错误的单位为“通过”。规则编号固定不变,报表、数据库和测试都使用这些编号。" +
		"词表(性质词、依据名称、公开形式、套话等)可以用 `lianfang check --lexicon 目录` 替换," +
		"文件名见 `checks/lexicon/`。\n")
	for _, cat := range categories {
		fmt.Fprintf(&b, "\n## %s %s\n\n%s\n\n", cat.Letter, cat.Name, cat.Intro)
		b.WriteString("| 编号 | 严重程度 | 规则 | 建议 |\n")
		b.WriteString("|---|---|---|---|\n")
		for _, r := range registry {
			if r.Category != cat.Name {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | **%s**:%s | %s |\n", r.ID, SeverityName(r.Severity),
				cellText(r.Title), cellText(r.Text), cellText(r.Suggestion))
		}
	}
	return b.String()
}

// cellText escapes text for a Markdown table cell.
func cellText(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
