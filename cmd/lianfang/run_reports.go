package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"lianfang/checks"
	"lianfang/merge"
	"lianfang/reports"
)

// returnDir is the folder of the units' 退回 workbooks under OUT/<cycle>/.
const returnDir = "退回"

// written lists the reports a run wrote.
type written struct {
	dir     string
	county  string
	returns []string
	jsonl   string
	summary string
}

// writeReports writes everything under OUT/<cycle>/: each unit's 退回
// workbook, the county summary, findings.jsonl and summary.json. The 退回
// folder is built beside the old one and swapped in, so it never mixes two
// runs; every file is written to a temporary name and renamed.
func (j *runJob) writeReports(ctx context.Context, elapsed time.Duration) (*written, error) {
	county, err := j.store.County(ctx, j.opt.Cycle)
	if err != nil {
		return nil, fmt.Errorf("读取本周期汇总失败: %w", err)
	}
	var diff *merge.Diff
	if county.Previous != "" {
		if diff, err = j.store.Diff(ctx, county.Previous, county.Cycle); err != nil {
			return nil, fmt.Errorf("比较上一周期 %s 失败: %w", county.Previous, err)
		}
	}
	w := &written{dir: filepath.Join(j.opt.Out, j.opt.Cycle)}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹 %s: %w", w.dir, err)
	}
	if w.returns, err = j.writeReturns(ctx, w.dir, county); err != nil {
		return nil, err
	}
	w.county = filepath.Join(w.dir, reports.CountyFileName(county.Cycle))
	if err := writeFileAtomic(w.county, func(out io.Writer) error { return reports.WriteCounty(out, county, diff) }); err != nil {
		return nil, fmt.Errorf("写全县汇总失败: %w", err)
	}
	all := allFindings(county)
	w.jsonl = filepath.Join(w.dir, "findings.jsonl")
	if err := writeFileAtomic(w.jsonl, func(out io.Writer) error { return reports.WriteJSONL(out, all) }); err != nil {
		return nil, fmt.Errorf("写 findings.jsonl 失败: %w", err)
	}
	w.summary = filepath.Join(w.dir, "summary.json")
	sum := j.summary(county, all, elapsed)
	if err := writeFileAtomic(w.summary, func(out io.Writer) error {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}); err != nil {
		return nil, fmt.Errorf("写 summary.json 失败: %w", err)
	}
	return w, nil
}

// writeReturns writes the 退回 workbook of every unit with findings, and
// of every file whose unit is not on the roster (under 未识别单位/).
func (j *runJob) writeReturns(ctx context.Context, dir string, c *merge.County) ([]string, error) {
	final := filepath.Join(dir, returnDir)
	tmp, err := os.MkdirTemp(dir, ".退回-*")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 写文件: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	var names []string
	for _, u := range c.Units {
		if u.Current == nil || !needsReturn(u) {
			continue
		}
		fs := append(append([]checks.Finding{}, u.Findings...), u.CountyFindings...)
		name := reports.SafeFileName(u.Name) + "_校验结果.xlsx"
		if err := j.annotate(ctx, filepath.Join(tmp, name), u.Current, u.Name, fs); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	for _, s := range c.Unknown {
		name := filepath.Join("未识别单位", reports.SafeFileName(trimExt(s.FileName))+"_校验结果.xlsx")
		if err := j.annotate(ctx, filepath.Join(tmp, name), &s.Submission, s.UnitWritten, s.Findings); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	old := final + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(final); err == nil {
		if err := os.Rename(final, old); err != nil {
			return nil, fmt.Errorf("无法替换 %s: %w", final, err)
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		return nil, fmt.Errorf("无法写入 %s: %w", final, err)
	}
	os.RemoveAll(old)
	sort.Strings(names)
	for i := range names {
		names[i] = filepath.Join(final, names[i])
	}
	return names, nil
}

// annotate writes one 退回 workbook from the stored original.
func (j *runJob) annotate(ctx context.Context, path string, s *merge.Submission, unit string, fs []checks.Finding) error {
	original, err := j.store.Original(ctx, s.SHA256)
	if err != nil {
		return fmt.Errorf("读取 %s 的原文件失败: %w", unit, err)
	}
	opt := reports.AnnotateOptions{Unit: unit, File: s.FileName}
	if s.Format != "xlsx" && s.Format != "xlsm" {
		sub, _, err := j.store.Load(ctx, s.ID)
		if err != nil {
			return fmt.Errorf("读取 %s 的内容失败: %w", unit, err)
		}
		opt.Sheets, original = sub.Sheets, nil
	}
	if err := writeFileAtomic(path, func(w io.Writer) error { return reports.AnnotateUnit(w, original, fs, opt) }); err != nil {
		return fmt.Errorf("写 %s 的退回表失败: %w", unit, err)
	}
	return nil
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

// allFindings lists every finding of the cycle for findings.jsonl: each
// unit's current submission (in roster order), the unknown-unit files, then
// the county rules.
func allFindings(c *merge.County) []checks.Finding {
	var all []checks.Finding
	for _, u := range c.Units {
		all = append(all, u.Findings...)
	}
	for _, s := range c.Unknown {
		all = append(all, s.Findings...)
	}
	return append(all, c.Findings...)
}
