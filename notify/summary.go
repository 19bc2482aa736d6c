package notify

import (
	"fmt"
	"sort"
	"strings"

	"lianfang/checks"
)

// otherCategory holds findings of a rule the registry does not know.
const otherCategory = "其他"

// CategoryCounts lists, one indented line per rule category in report
// order, how many errors, warnings and notes the findings hold, such as
// "  职权名称:错误 2 条,警告 1 条". It returns "  无" for no findings.
func CategoryCounts(fs []checks.Finding) string {
	counts := map[string]map[checks.Severity]int{}
	for _, f := range fs {
		cat := otherCategory
		if r, ok := checks.RuleByID(f.Rule); ok {
			cat = r.Category
		}
		if counts[cat] == nil {
			counts[cat] = map[checks.Severity]int{}
		}
		counts[cat][f.Severity]++
	}
	if len(counts) == 0 {
		return "  无"
	}
	var names []string
	for _, c := range checks.Categories() {
		names = append(names, c.Name)
	}
	names = append(names, otherCategory)
	var lines []string
	for _, name := range names {
		n := counts[name]
		if n == nil {
			continue
		}
		var parts []string
		for _, sev := range []checks.Severity{checks.Error, checks.Warning, checks.Info} {
			if n[sev] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d 条", checks.SeverityName(sev), n[sev]))
			}
		}
		lines = append(lines, "  "+name+":"+strings.Join(parts, ","))
	}
	return strings.Join(lines, "\n")
}

// ruleCount is how often one rule was found.
type ruleCount struct {
	rule  checks.Rule
	count int
}

// CommonProblems lists the n rules found most often, most frequent first
// (errors before warnings before notes on a tie, then in registry order), one
// numbered line each in plain words: the rule's title, how many places,
// and its suggestion. It returns "  无" for no findings.
func CommonProblems(fs []checks.Finding, n int) string {
	byRule := map[string]*ruleCount{}
	for _, f := range fs {
		rc := byRule[f.Rule]
		if rc == nil {
			r, ok := checks.RuleByID(f.Rule)
			if !ok {
				r = checks.Rule{ID: f.Rule, Title: f.Message, Severity: f.Severity, Suggestion: f.Suggestion}
			}
			rc = &ruleCount{rule: r}
			byRule[f.Rule] = rc
		}
		rc.count++
	}
	if len(byRule) == 0 {
		return "  无"
	}
	list := make([]*ruleCount, 0, len(byRule))
	for _, rc := range byRule {
		list = append(list, rc)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if sa, sb := severityRank(a.rule.Severity), severityRank(b.rule.Severity); sa != sb {
			return sa < sb
		}
		if oa, ob := ruleOrder(a.rule.ID), ruleOrder(b.rule.ID); oa != ob {
			return oa < ob
		}
		return a.rule.ID < b.rule.ID
	})
	if len(list) > n {
		list = list[:n]
	}
	lines := make([]string, len(list))
	for i, rc := range list {
		line := fmt.Sprintf("  %d. %s(%s,%d 处)", i+1, rc.rule.Title, checks.SeverityName(rc.rule.Severity), rc.count)
		if s := strings.TrimSpace(rc.rule.Suggestion); s != "" {
			line += ":" + strings.TrimRight(s, "。") + "。"
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// ruleIndex is each rule's position in the registry (category order).
var ruleIndex = func() map[string]int {
	m := map[string]int{}
	for i, r := range checks.Rules() {
		m[r.ID] = i
	}
	return m
}()

// ruleOrder ranks a rule by the registry; unknown rules come last.
func ruleOrder(id string) int {
	if i, ok := ruleIndex[id]; ok {
		return i
	}
	return len(ruleIndex)
}

func severityRank(s checks.Severity) int {
	switch s {
	case checks.Error:
		return 0
	case checks.Warning:
		return 1
	}
	return 2
}
