package main

import (
	"context"
	"fmt"
	"io"

	"lianfang/checks"
)

func init() {
	commands["rules"] = command{"列出全部校验规则(编号、严重程度、说明)", runRules}
}

// rulesOptions are the flags of "lianfang rules".
type rulesOptions struct {
	Format string
}

func newRulesOptions() rulesOptions { return rulesOptions{Format: "text"} }

func runRules(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newRulesOptions()
	fs := newFlags("rules", "lianfang rules [--format text|markdown]", stderr)
	fs.StringVar(&opt.Format, "format", opt.Format, "输出格式:text 或 markdown(即 docs/RULES.md)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	switch opt.Format {
	case "markdown":
		fmt.Fprint(stdout, checks.RulesMarkdown())
		return exitOK
	case "text":
	default:
		fmt.Fprintf(stderr, "--format 只能是 text 或 markdown,而不是 %q\n", opt.Format)
		return exitUsage
	}
	for _, cat := range checks.Categories() {
		fmt.Fprintf(stdout, "%s %s\n", cat.Letter, cat.Name)
		for _, r := range checks.Rules() {
			if r.Category == cat.Name {
				fmt.Fprintf(stdout, "  %s  %s  %s:%s\n", r.ID, checks.SeverityName(r.Severity), r.Title, r.Text)
			}
		}
		fmt.Fprintln(stdout)
	}
	return exitOK
}
