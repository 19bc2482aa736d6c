package checks

import (
	"fmt"
	"strings"
)

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
