package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the program in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCLIExitCodes(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "附件1.xlsx")
	tests := []struct {
		name string
		args []string
		code int
		out  string // a part of stdout
		err  string // a part of stderr
	}{
		{"no command", nil, exitUsage, "", "用法"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "未知命令"},
		{"help lists exit codes", []string{"help"}, exitOK, "退出码", ""},
		{"template", []string{"template", "-o", tpl}, exitOK, "已写出空白模板", ""},
		{"blank template is S06 only", []string{"check", tpl}, exitFindings, "[S06] 错误", ""},
		{"clean LibreOffice .xls passes", []string{"check", "../../testdata/producers/libreoffice/clean.xls"}, exitOK, "结论:通过(错误 0,警告 0", ""},
		{"folder of fixtures", []string{"check", "../../testdata/producers/gnumeric"}, exitFindings, "共 6 个文件:通过 3,退回修改 3", ""},
		{"bad format flag", []string{"check", "--format", "xml", tpl}, exitUsage, "", "--format"},
		{"missing path", []string{"check", filepath.Join(dir, "无此文件.xlsx")}, exitUsage, "", "找不到"},
		{"unknown unit type", []string{"check", "--unit-type", "大学", tpl}, exitUsage, "", "单位类型"},
		{"check -h", []string{"check", "-h"}, exitOK, "", "--roster"},
		{"rules", []string{"rules"}, exitOK, "R02", ""},
		{"rules markdown", []string{"rules", "--format", "markdown"}, exitOK, "# 校验规则", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
		})
	}
	t.Run("blank template has no other error", func(t *testing.T) {
		_, out, _ := cli(t, "check", "--format", "jsonl", tpl)
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var f map[string]any
			if err := json.Unmarshal([]byte(line), &f); err != nil {
				t.Fatalf("bad JSON line %q: %v", line, err)
			}
			if f["severity"] == "error" && f["rule"] != "S06" {
				t.Errorf("unexpected error finding %v", f)
			}
		}
	})
}

func TestCheckJSONLFields(t *testing.T) {
	code, out, _ := cli(t, "check", "--format", "jsonl", "../../testdata/producers/openpyxl/messy_header.xlsx")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, `{"file":"../../testdata/producers/openpyxl/messy_header.xlsx","unit":"城关中学","sheet":`) {
			t.Errorf("field order or values: %s", line)
		}
		if strings.Contains(line, `"sheet":"Sheet1","row":7,"col":"P","column":"联系人","rule":"S07","severity":"warning"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no S07 on the extra column P7 in:\n%s", out)
	}
}

func TestCheckNotesTemplateVersion(t *testing.T) {
	tpl := filepath.Join(t.TempDir(), "附件1.xlsx")
	cli(t, "template", "-o", tpl)
	if _, out, _ := cli(t, "check", tpl); strings.Contains(out, "模板版本") {
		t.Errorf("the current template is noted:\n%s", out)
	}
	if _, out, _ := cli(t, "check", "../../testdata/producers/openpyxl/clean.xlsx"); !strings.Contains(out, "没有找到模板版本标记") {
		t.Errorf("a workbook without the marker is not noted:\n%s", out)
	}
}

// TestCheckSurvivesPanic: a panic while checking one file (a bug) gives
// that file an S01 内部错误 finding, and the other files are still checked.
func TestCheckSurvivesPanic(t *testing.T) {
	old := panicFile
	panicFile = "messy_header"
	t.Cleanup(func() { panicFile = old })
	code, out, errs := cli(t, "check", "--format", "jsonl",
		"../../testdata/producers/openpyxl/messy_header.xlsx", "../../testdata/producers/openpyxl/two_row_header.xlsx")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d (errors found)\n%s%s", code, exitFindings, out, errs)
	}
	var s01, clean bool
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, "messy_header.xlsx") && strings.Contains(line, `"rule":"S01"`) && strings.Contains(line, "内部错误") {
			s01 = true
		}
		if strings.Contains(line, "two_row_header.xlsx") {
			clean = true
		}
	}
	if !s01 {
		t.Errorf("no S01 内部错误 for the panicking file:\n%s", out)
	}
	if !clean {
		t.Errorf("the other file was not checked:\n%s", out)
	}
}
