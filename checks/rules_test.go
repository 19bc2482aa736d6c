package checks

import (
	"fmt"
	"strings"
	"testing"

	"lianfang/importer"
)

// expect is one finding a case must produce: severity, cell and a piece of
// text the message must quote.
type expect struct {
	sev   Severity
	row   int
	col   string
	quote string
}

// ruleCase is one named case of a rule: the submission, the unit type given
// to Check, and the findings of that rule it must produce — exactly these,
// so an empty want is a near miss where the rule must not fire at all.
type ruleCase struct {
	name     string
	rule     string
	unitType string
	sub      func() *importer.Submission
	want     []expect
}

// at is shorthand for an expected finding.
func at(sev Severity, row int, col, quote string) expect {
	return expect{sev: sev, row: row, col: col, quote: quote}
}

// goodTail is a correct internal post-level power to append to the clean
// catalogue; cases change one thing in it.
func goodTail() pw {
	return pw{level: "岗位职权", kind: "内部职权", name: "教师请假审批", basis: "《中华人民共和国教师法》第七条",
		dept: "办公室", post: "办公室主任", scope: "单位内部", form: "教职工会议、文件",
		risks: []rk{risk3("因碍于情面或照顾关系", "对不符合条件的请假予以批准", "影响正常教学秩序", "中",
			"请假按程序逐级审批并登记,每月在教职工会议通报", "办公室主任")}}
}

// tail returns the clean catalogue with goodTail, changed by mod, appended
// on tailRow.
func tail(mod func(p *pw)) func() *importer.Submission {
	return func() *importer.Submission {
		p := goodTail()
		mod(&p)
		return newBuilder(threeColLayout).addAll(cleanPowers()...).addAll(p).sub
	}
}

// tailOne is tail in the one-column layout, the risk written as statement.
func tailOne(stmt string) func() *importer.Submission {
	return func() *importer.Submission {
		b := newBuilder(oneColLayout)
		for _, p := range cleanPowers() {
			for i := range p.risks {
				p.risks[i] = labelled(p.risks[i])
			}
			b.add(p)
		}
		p := goodTail()
		p.risks[0] = labelled(p.risks[0])
		p.risks[0].stmt = stmt
		b.add(p)
		return b.sub
	}
}

// ofRule returns the findings of one rule.
func ofRule(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// describe renders findings for a failure message.
func describe(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s %s%d %s", f.Rule, f.Severity, f.Col, f.Row, f.Message)
	}
	return b.String()
}

// runRuleCases runs each case and compares the findings of its rule.
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			sub := tc.sub()
			all := Check(sub, tc.unitType, nil)
			got := ofRule(all, tc.rule)
			if len(got) != len(tc.want) {
				t.Fatalf("%s: got %d findings, want %d:%s", tc.rule, len(got), len(tc.want), describe(got))
			}
			for _, w := range tc.want {
				checkExpect(t, sub, got, tc.rule, w)
			}
		})
	}
}

// checkExpect finds the finding at w's cell (the one quoting w.quote when
// several share the cell, as row-0 findings do) and checks it.
func checkExpect(t *testing.T, sub *importer.Submission, got []Finding, rule string, w expect) {
	t.Helper()
	var cands []Finding
	for _, f := range got {
		if f.Row == w.row && f.Col == w.col {
			if strings.Contains(f.Message, w.quote) {
				cands = append([]Finding{f}, cands...)
			} else {
				cands = append(cands, f)
			}
		}
	}
	for _, f := range cands {
		if f.Severity != w.sev {
			t.Errorf("%s at %s%d: severity %s, want %s", rule, w.col, w.row, f.Severity, w.sev)
		}
		if !strings.Contains(f.Message, w.quote) {
			t.Errorf("%s message %q does not quote %q", rule, f.Message, w.quote)
		}
		if w.row > 0 && w.col != "" && !strings.HasPrefix(f.Message, fmt.Sprintf("%s!%s%d:", f.Sheet, w.col, w.row)) {
			t.Errorf("%s message %q does not name its cell", rule, f.Message)
		}
		if w.col != "" && f.Column == "" {
			t.Errorf("%s at %s%d has no column header", rule, w.col, w.row)
		}
		if f.Suggestion == "" || f.File != sub.File || f.Unit != sub.Unit.Name {
			t.Errorf("%s finding lacks suggestion, file or unit: %+v", rule, f)
		}
		return
	}
	t.Errorf("%s: no finding at %s%d:%s", rule, w.col, w.row, describe(got))
}

// refAt builds a cell reference.
func refAt(sheet string, row int, col string) importer.Ref {
	return importer.Ref{Sheet: sheet, Row: row, Col: col}
}
