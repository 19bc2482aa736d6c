package notify_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/notify"
)

// f is a finding of rule id with the rule's own severity.
func f(id string) checks.Finding {
	r, _ := checks.RuleByID(id)
	return checks.Finding{Rule: id, Severity: r.Severity, Message: r.Text, Suggestion: r.Suggestion}
}

// findings repeats each rule as often as given: "R03", 3 gives three R03.
func findings(counts ...any) []checks.Finding {
	var out []checks.Finding
	for i := 0; i < len(counts); i += 2 {
		for n := 0; n < counts[i+1].(int); n++ {
			out = append(out, f(counts[i].(string)))
		}
	}
	return out
}

func TestCategoryCounts(t *testing.T) {
	tests := []struct {
		name string
		fs   []checks.Finding
		want string
	}{
		{"none", nil, "  无"},
		{"categories in report order, severities in order", findings("R04", 1, "R03", 2, "S03", 1, "X04", 1, "R07", 1),
			"  表格结构:错误 1 条\n  廉政风险点:错误 2 条,警告 2 条\n  全县汇总:警告 1 条"},
		{"unknown rule", []checks.Finding{{Rule: "Z01", Severity: checks.Info}}, "  其他:提示 1 条"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := notify.CategoryCounts(tc.fs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestCommonProblems(t *testing.T) {
	r03, _ := checks.RuleByID("R03")
	tests := []struct {
		name  string
		fs    []checks.Finding
		lines []string // each line's start
	}{
		{"none", nil, []string{"  无"}},
		{"most frequent first", findings("N04", 1, "R03", 4, "B04", 2, "S03", 1),
			[]string{"  1. " + r03.Title + "(错误,4 处):", "  2. 依据未写条款(警告,2 处):", "  3. 缺少必填列(错误,1 处):"}},
		{"a tie goes to errors, then rule order", findings("N04", 1, "N01", 1, "R09", 1, "C04", 1),
			[]string{"  1. 职权名称为空(错误,1 处):", "  2. 责任人为空(错误,1 处):", "  3. 名称不够简练(警告,1 处):"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Split(notify.CommonProblems(tc.fs, 3), "\n")
			if len(got) != len(tc.lines) {
				t.Fatalf("got %q", got)
			}
			for i, want := range tc.lines {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("line %d = %q, want it to start with %q", i+1, got[i], want)
				}
			}
		})
	}
	if got := notify.CommonProblems(findings("R03", 1), 3); !strings.HasSuffix(got, strings.TrimRight(r03.Suggestion, "。")+"。") {
		t.Errorf("no suggestion in %q", got)
	}
}

func TestAddresses(t *testing.T) {
	tests := []struct {
		cell string
		want []string
		bad  bool
	}{
		{"a01@example.edu.cn", []string{"a01@example.edu.cn"}, false},
		{" a@x.cn; b@x.cn、c@x.cn\uFF0Cd@x.cn ", []string{"a@x.cn", "b@x.cn", "c@x.cn", "d@x.cn"}, false},
		{"", nil, true},
		{"张老师", nil, true},
		{"a@x.cn;<b@x.cn>", nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.cell, func(t *testing.T) {
			got, err := notify.Addresses(tc.cell)
			if (err != nil) != tc.bad || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Addresses(%q) = %q, %v", tc.cell, got, err)
			}
		})
	}
}

// report is a returned unit with findings and its workbook.
func report() notify.Report {
	return notify.Report{Unit: "实验小学", Code: "A01", Contact: "张老师", Address: "a01@example.edu.cn", Cycle: "2026-W48",
		Status: notify.StatusReturned, File: "实验小学职权目录.xlsx", Findings: findings("R03", 3, "B01", 1, "D06", 2),
		Attachment: &notify.Attachment{Name: "实验小学_校验结果.xlsx", Data: []byte("PK\x03\x04")}}
}

func TestCompose(t *testing.T) {
	cfg := notify.Default()
	cfg.Sender.Address, cfg.Deadline = "jcs@example.edu.cn", "12月4日(星期五)"
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	with := func(f func(r *notify.Report)) notify.Report { r := report(); f(&r); return r }
	tests := []struct {
		name    string
		report  notify.Report
		kind    notify.Kind
		subject string
		body    []string // parts of the body
		err     string
	}{
		{"returned", report(), notify.KindReturn, "【职权目录初审】实验小学 2026-W48 退回修改",
			[]string{"实验小学:", "文件“实验小学职权目录.xlsx”", "结论:退回修改", "  职权依据:错误 1 条\n  职权公开:警告 2 条\n  廉政风险点:错误 3 条",
				"  1. 风险表述太简单、太笼统(错误,3 处)", "附件“实验小学_校验结果.xlsx”", "于12月4日(星期五)前重新报送", "县教育局监察室"}, ""},
		{"unreadable", with(func(r *notify.Report) { r.Status, r.Findings = notify.StatusUnreadable, findings("S01", 1) }),
			notify.KindReturn, "【职权目录初审】实验小学 2026-W48 无法读取", []string{"结论:无法读取", "文件无法读取(错误,1 处)"}, ""},
		{"receipt without findings", with(func(r *notify.Report) { r.Status, r.Findings, r.Attachment = notify.StatusPassed, nil, nil }),
			notify.KindReceipt, "【职权目录初审】实验小学 2026-W48 通过", []string{"结论:通过", "供核实参考:\n  无"}, ""},
		{"returned without workbook", with(func(r *notify.Report) { r.Attachment = nil }), "", "", nil, "没有附件"},
		{"not a mail status", with(func(r *notify.Report) { r.Status = "未提交" }), "", "", nil, "不发邮件"},
		{"bad address", with(func(r *notify.Report) { r.Address = "张老师" }), "", "", nil, "不是有效的邮箱地址"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := cfg.Compose(tc.report, now)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.Kind != tc.kind || m.Subject != tc.subject || !reflect.DeepEqual(m.To, []string{"a01@example.edu.cn"}) || !m.Date.Equal(now) {
				t.Errorf("mail %v %q to %v at %v", m.Kind, m.Subject, m.To, m.Date)
			}
			for _, part := range tc.body {
				if !strings.Contains(m.Body, part) {
					t.Errorf("body lacks %q:\n%s", part, m.Body)
				}
			}
			if !strings.HasPrefix(m.MessageID, "lianfang.2026-W48.") || !strings.HasSuffix(m.MessageID, "@example.edu.cn") {
				t.Errorf("message id %q", m.MessageID)
			}
		})
	}
	a, _ := cfg.Compose(report(), now)
	b, _ := cfg.Compose(report(), now)
	if a.MessageID == b.MessageID {
		t.Error("two mails share a Message-ID")
	}
}
