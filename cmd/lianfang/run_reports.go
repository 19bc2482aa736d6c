package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

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
	removeStale(w.dir)
	// The 退回 workbooks, the county summary and findings.jsonl are
	// independent: they are written at the same time, each file whole or
	// not at all.
	w.county = filepath.Join(w.dir, reports.CountyFileName(county.Cycle))
	w.jsonl = filepath.Join(w.dir, "findings.jsonl")
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		var err error
		w.returns, err = j.writeReturns(gctx, w.dir, county)
		return err
	})
	g.Go(func() error {
		if err := writeFileAtomic(w.county, crashWrite("county", func(out io.Writer) error { return reports.WriteCounty(gctx, out, county, diff) })); err != nil {
			return fmt.Errorf("写全县汇总失败: %w", err)
		}
		return nil
	})
	g.Go(func() error {
		if err := writeFileAtomic(w.jsonl, crashWrite("findings", func(out io.Writer) error { return writeFindings(gctx, out, county) })); err != nil {
			return fmt.Errorf("写 findings.jsonl 失败: %w", err)
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	w.summary = filepath.Join(w.dir, "summary.json")
	sum, err := j.summary(ctx, county, elapsed)
	if err != nil {
		return nil, fmt.Errorf("读取本周期汇总失败: %w", err)
	}
	if err := writeSummaryFile(w.summary, sum); err != nil {
		return nil, fmt.Errorf("写 summary.json 失败: %w", err)
	}
	return w, nil
}

// returnJob is one 退回 workbook to write.
type returnJob struct {
	name     string // relative to the 退回 folder
	sub      *merge.Submission
	unit     string
	findings []checks.Finding // only while its key is computed: load reads them again
	load     func(context.Context) ([]checks.Finding, error)
}

// unitReturnFindings reads what roster unit i's 退回 workbook lists: its
// own findings, then the county rules about it.
func unitReturnFindings(ctx context.Context, c *merge.County, i int) (fs []checks.Finding, needed bool, err error) {
	own, county, err := c.UnitFindings(ctx, i)
	if err != nil {
		return nil, false, err
	}
	return append(append([]checks.Finding{}, own...), county...), needsReturn(own, county), nil
}

// writeReturns writes the 退回 workbook of every unit with findings, and
// of every file whose unit is not on the roster (under 未识别单位/), in
// parallel. A workbook whose inputs (the original file, its findings, this
// build) are those of the previous run is copied from it, not rebuilt.
// The findings are read unit by unit: once to decide and key each
// workbook, and again by the worker that builds it.
func (j *runJob) writeReturns(ctx context.Context, dir string, c *merge.County) ([]string, error) {
	var jobs []returnJob
	var alts []string // each job's name when its own is shared
	var keys []string
	for i, u := range c.Units {
		if u.Current == nil {
			continue
		}
		fs, needed, err := unitReturnFindings(ctx, c, i)
		if err != nil {
			return nil, fmt.Errorf("读取 %s 的问题失败: %w", u.Name, err)
		}
		if !needed {
			continue
		}
		load := func(ctx context.Context) ([]checks.Finding, error) {
			fs, _, err := unitReturnFindings(ctx, c, i)
			return fs, err
		}
		jobs = append(jobs, returnJob{reports.SafeFileName(u.Name) + "_校验结果.xlsx", u.Current, u.Name, fs, load})
		alts = append(alts, reports.SafeFileName(u.Name)+"_"+reports.SafeFileName(u.Code)+"_校验结果.xlsx")
		keys = append(keys, returnKey(jobs[len(jobs)-1]))
		jobs[len(jobs)-1].findings = nil
	}
	for i := range c.Unknown {
		s := &c.Unknown[i]
		load := func(ctx context.Context) ([]checks.Finding, error) { return c.UnknownFindings(ctx, i) }
		fs, err := load(ctx)
		if err != nil {
			return nil, fmt.Errorf("读取 %s 的问题失败: %w", s.Path, err)
		}
		name := filepath.Join("未识别单位", reports.SafeFileName(trimExt(s.FileName))+"_校验结果.xlsx")
		jobs = append(jobs, returnJob{name, s, s.UnitWritten, fs, load})
		alts = append(alts, filepath.Join("未识别单位", fmt.Sprintf("%s_%d_校验结果.xlsx", reports.SafeFileName(trimExt(s.FileName)), s.ID)))
		keys = append(keys, returnKey(jobs[len(jobs)-1]))
		jobs[len(jobs)-1].findings = nil
	}
	uniqueNames(jobs, alts)
	final := filepath.Join(dir, returnDir)
	tmp, err := os.MkdirTemp(dir, ".退回-*")
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 写文件: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	cachePath := filepath.Join(dir, ".退回-inputs.json")
	prev := readReturnCache(cachePath)
	next := make(map[string]string, len(jobs))
	for i, jb := range jobs {
		next[jb.name] = keys[i]
	}
	g, gctx := errgroup.WithContext(ctx)
	// The county workbook is written at the same time, on one goroutine,
	// and takes longest: leave it a core of its own.
	g.SetLimit(max(j.opt.Workers-1, 1))
	for i, jb := range jobs {
		g.Go(func() error {
			dst := filepath.Join(tmp, jb.name)
			if prev[jb.name] == keys[i] && copyFile(filepath.Join(final, jb.name), dst) == nil {
				return nil
			}
			fs, err := jb.load(gctx)
			if err != nil {
				return fmt.Errorf("读取 %s 的问题失败: %w", jb.unit, err)
			}
			return j.annotate(gctx, dst, jb.sub, jb.unit, fs)
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	// The digests describe the folder in place: drop them while it changes,
	// so a run killed in between rebuilds rather than trusts them.
	os.Remove(cachePath)
	if err := swapDir(tmp, final); err != nil {
		return nil, err
	}
	if err := writeReturnCache(cachePath, next); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(jobs))
	for _, jb := range jobs {
		names = append(names, filepath.Join(final, jb.name))
	}
	sort.Strings(names)
	return names, nil
}

// uniqueNames gives each 退回 workbook a file of its own. Units whose names
// make the same file name (a/b and a_b, or names that differ only in case,
// which Windows does not tell apart) would otherwise share one workbook,
// and one unit would be sent the other's. A name only one job makes stays
// that job's; the jobs of a shared name take their alternative names (with
// the unit code, or the submission number), numbered further if needed, so
// no unit ever finds another unit's workbook under its own name.
func uniqueNames(jobs []returnJob, alts []string) {
	key := strings.ToLower
	count := map[string]int{}
	for _, jb := range jobs {
		count[key(jb.name)]++
	}
	taken := map[string]bool{}
	for _, jb := range jobs {
		if count[key(jb.name)] == 1 {
			taken[key(jb.name)] = true
		}
	}
	for i := range jobs {
		if count[key(jobs[i].name)] == 1 {
			continue
		}
		name, ext := alts[i], filepath.Ext(alts[i])
		for n := 2; taken[key(name)]; n++ {
			name = fmt.Sprintf("%s(%d)%s", strings.TrimSuffix(alts[i], ext), n, ext)
		}
		taken[key(name)] = true
		jobs[i].name = name
	}
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
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("写 %s 的退回表失败: %w", unit, err)
	}
	book, err := j.returnBook(ctx, s, original, fs, opt)
	if err != nil {
		return fmt.Errorf("写 %s 的退回表失败: %w", unit, err)
	}
	if err := writeFileAtomic(path, crashWrite("returns", writeBook(book))); err != nil {
		return fmt.Errorf("写 %s 的退回表失败: %w", unit, err)
	}
	return nil
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

// writeFindings writes findings.jsonl: every finding of the cycle, read
// unit by unit — each unit's current submission (in roster order), the
// unknown-unit files, then the county rules.
func writeFindings(ctx context.Context, out io.Writer, c *merge.County) error {
	bw := bufio.NewWriter(out)
	for i := range c.Units {
		own, _, err := c.UnitFindings(ctx, i)
		if err == nil {
			err = reports.WriteJSONL(bw, own)
		}
		if err != nil {
			return err
		}
	}
	for i := range c.Unknown {
		fs, err := c.UnknownFindings(ctx, i)
		if err == nil {
			err = reports.WriteJSONL(bw, fs)
		}
		if err != nil {
			return err
		}
	}
	var batch []checks.Finding
	err := c.Findings(ctx, func(f checks.Finding) error {
		if batch = append(batch, f); len(batch) < 1024 {
			return nil
		}
		err := reports.WriteJSONL(bw, batch)
		batch = batch[:0]
		return err
	})
	if err == nil {
		err = reports.WriteJSONL(bw, batch)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}
