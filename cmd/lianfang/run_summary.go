package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"lianfang/checks"
	"lianfang/merge"
)

// runSummary is summary.json: counts per unit and rule, files read and the
// time taken.
type runSummary struct {
	Cycle    string         `json:"cycle"`
	Seconds  float64        `json:"seconds"`
	Files    runStats       `json:"files"`
	Statuses map[string]int `json:"statuses"` // 已通过 / 退回修改 / 无法读取 / 未提交 → units
	Rules    map[string]int `json:"rules"`    // rule ID → findings
	Units    []unitSummary  `json:"units"`
	Unknown  int            `json:"unknown_files"` // files whose unit is not on the roster (S04)
}

type unitSummary struct {
	Code     string         `json:"code"`
	Name     string         `json:"name"`
	Status   string         `json:"status"`
	File     string         `json:"file,omitempty"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
	Rules    map[string]int `json:"rules,omitempty"`
}

func (j *runJob) summary(ctx context.Context, c *merge.County, elapsed time.Duration) (runSummary, error) {
	s := runSummary{Cycle: c.Cycle, Seconds: math.Round(elapsed.Seconds()*1000) / 1000, Files: j.stats,
		Statuses: map[string]int{}, Rules: map[string]int{}, Unknown: len(c.Unknown)}
	// Rules counts every finding of findings.jsonl: the units' own, the
	// unknown files', the county rules; a unit's Rules its own and the
	// county rules about it.
	for i, u := range c.Units {
		own, county, err := c.UnitFindings(ctx, i)
		if err != nil {
			return s, err
		}
		us := unitSummary{Code: u.Code, Name: u.Name, Status: u.Status, Errors: u.Errors, Warnings: u.Warnings, Infos: u.Infos}
		if u.Current != nil {
			us.File = u.Current.Path
		}
		for _, f := range own {
			s.Rules[f.Rule]++
		}
		for _, f := range append(append([]checks.Finding{}, own...), county...) {
			if us.Rules == nil {
				us.Rules = map[string]int{}
			}
			us.Rules[f.Rule]++
		}
		s.Statuses[u.Status]++
		s.Units = append(s.Units, us)
	}
	for i := range c.Unknown {
		fs, err := c.UnknownFindings(ctx, i)
		if err != nil {
			return s, err
		}
		for _, f := range fs {
			s.Rules[f.Rule]++
		}
	}
	err := c.Findings(ctx, func(f checks.Finding) error {
		s.Rules[f.Rule]++
		return nil
	})
	return s, err
}

// printSummary tells the officer, in Chinese, what was done and where the
// reports are.
func (j *runJob) printSummary(w io.Writer, wr *written, elapsed time.Duration) {
	fmt.Fprintf(w, "周期 %s 汇总完成,用时 %.1f 秒。\n", j.opt.Cycle, elapsed.Seconds())
	fmt.Fprintf(w, "收件 %d 个文件:新读入 %d 个,与已入库文件完全相同 %d 个(未重复处理)", j.stats.Files, j.stats.Parsed, j.stats.Duplicates)
	if j.stats.Failed > 0 {
		fmt.Fprintf(w, ",无法读取 %d 个", j.stats.Failed)
	}
	fmt.Fprintln(w, "。")
	fmt.Fprintf(w, "全县汇总: %s\n", wr.county)
	fmt.Fprintf(w, "退回表 %d 份: %s\n", len(wr.returns), filepathJoin(wr.dir, returnDir))
	fmt.Fprintf(w, "问题清单: %s\n汇总数据: %s\n", wr.jsonl, wr.summary)
	fmt.Fprintf(w, "数据库: %s\n", j.opt.DB)
}

func filepathJoin(a, b string) string { return a + string(os.PathSeparator) + b }
