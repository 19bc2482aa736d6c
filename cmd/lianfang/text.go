package main

import (
	"fmt"
	"io"

	"lianfang/checks"
	"lianfang/importer"
)

// writeText prints findings grouped by file, one line each
// (工作表!单元格 [规则] 严重程度 消息 — 建议), then a verdict per file.
func writeText(w io.Writer, results []fileResult) error {
	pass, fail := 0, 0
	for _, r := range results {
		name := r.sub.Unit.Name
		if name == "" {
			name = "未识别单位"
		}
		fmt.Fprintf(w, "== %s(%s)\n", r.path, name)
		if note := templateNote(r.sub); note != "" {
			fmt.Fprintln(w, note)
		}
		counts := map[checks.Severity]int{}
		for _, f := range r.findings {
			counts[f.Severity]++
			where := f.Sheet
			if f.Row > 0 {
				where = fmt.Sprintf("%s!%s%d", f.Sheet, f.Col, f.Row)
			}
			if where == "" {
				where = "整个文件"
			}
			line := fmt.Sprintf("%s [%s] %s %s", where, f.Rule, checks.SeverityName(f.Severity), f.Message)
			if f.Suggestion != "" {
				line += " — " + f.Suggestion
			}
			fmt.Fprintln(w, line)
		}
		verdict := "通过"
		if counts[checks.Error] > 0 {
			verdict = "退回修改"
			fail++
		} else {
			pass++
		}
		_, err := fmt.Fprintf(w, "结论:%s(错误 %d,警告 %d,提示 %d;职权 %d 项)\n\n", verdict,
			counts[checks.Error], counts[checks.Warning], counts[checks.Info], len(r.sub.Powers))
		if err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "共 %d 个文件:通过 %d,退回修改 %d\n", len(results), pass, fail)
	return err
}

// templateNote notes an old or unknown template version: never a finding,
// never a refusal, only a line for the reader.
func templateNote(s *importer.Submission) string {
	switch {
	case s.Format == "" || !s.Readable():
		return ""
	case s.TemplateVersion == "":
		return "注:没有找到模板版本标记,可能不是用下发的附件1模板填写的(仍按列名读取)"
	case s.TemplateVersion != importer.TemplateVersion:
		return fmt.Sprintf("注:模板版本为 %s,当前下发的是 %s(仍按列名读取)", s.TemplateVersion, importer.TemplateVersion)
	}
	return ""
}
