package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"runtime/debug"

	"golang.org/x/sync/errgroup"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
)

// parsed is one inbox item read and checked, ready for the single writer.
type parsed struct {
	item     inboxItem
	data     []byte
	sub      *importer.Submission // nil for a file already merged (X03) or unreadable from disk
	findings []checks.Finding
	unitCode string
	err      error // the file could not be read from the inbox
}

// consolidate reads, checks and merges every inbox file. Files are parsed
// in parallel (at most opt.Workers at once, and at most a window of files
// ahead of the writer, so memory stays bounded), and merged one by one in
// inbox order — received time, then path — each in its own transaction.
func (j *runJob) consolidate(ctx context.Context, inbox string) error {
	installCrashHook()
	items, warnings, err := scanInbox(inbox)
	if err != nil {
		return fmt.Errorf("读取收件文件夹 %s 失败: %w", inbox, err)
	}
	j.stats.Files = len(items)
	j.stats.Warnings = append(j.stats.Warnings, warnings...)
	for _, w := range warnings {
		fmt.Fprintln(j.stderr, "注意:", w)
	}
	bar := newProgress(j.stderr, len(items), "读取与入库", j.opt.Quiet)
	defer bar.Finish()

	workers := max(j.opt.Workers, 1)
	slots := make([]chan parsed, len(items))
	for i := range slots {
		slots[i] = make(chan parsed, 1)
	}
	window := make(chan struct{}, 2*workers)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers + 1)
	g.Go(func() error {
		for i, it := range items {
			select {
			case window <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			g.Go(func() error {
				slots[i] <- j.prepare(gctx, it)
				return nil
			})
		}
		return nil
	})
	var mergeErr error
	for i := range items {
		var p parsed
		select {
		case p = <-slots[i]:
		case <-ctx.Done():
			mergeErr = ctx.Err()
		}
		if mergeErr != nil {
			break
		}
		<-window
		if err := j.merge(ctx, p); err != nil {
			mergeErr = err
			break
		}
		bar.Add(1)
	}
	if mergeErr != nil {
		// Unblock the producers: the window no longer drains.
		go func() {
			for range window {
			}
		}()
	}
	werr := g.Wait()
	close(window)
	switch {
	case ctx.Err() != nil:
		return errInterrupted
	case mergeErr != nil:
		return mergeErr
	case werr != nil:
		return werr
	}
	return nil
}

// prepare reads one inbox item and, unless the cycle already holds the same
// bytes, parses and checks it.
func (j *runJob) prepare(ctx context.Context, it inboxItem) parsed {
	p := parsed{item: it}
	if p.data, p.err = it.Read(); p.err != nil {
		return p
	}
	sum := sha256.Sum256(p.data)
	seen, err := j.store.Seen(ctx, j.opt.Cycle, hex.EncodeToString(sum[:]))
	if err != nil {
		p.err = err
		return p
	}
	if seen {
		return p
	}
	p.sub, p.findings, p.unitCode = j.check(it.Rel, p.data)
	return p
}

// check parses and checks one file. A panic in either stage — a bug, never
// the file's fault — is recovered here, at the per-file boundary: the file
// gets one S01 finding (内部错误) and is stored like any unreadable file,
// its bytes kept for analysis, and the batch goes on.
func (j *runJob) check(rel string, data []byte) (sub *importer.Submission, findings []checks.Finding, unitCode string) {
	defer func() {
		if r := recover(); r != nil {
			sub = internalError(rel, data, r)
			findings, unitCode = j.checkParsed(sub)
		}
	}()
	sub, _ = importer.Parse(rel, data, importer.DefaultOptions())
	crashPanic(rel)
	findings, unitCode = j.checkParsed(sub)
	return sub, findings, unitCode
}

// checkParsed matches a parsed file to its roster unit and checks it.
func (j *runJob) checkParsed(sub *importer.Submission) ([]checks.Finding, string) {
	u, findings := j.env.units.Match(sub)
	unitType, unitCode := "", ""
	if u != nil {
		unitCode, unitType = u.Code, u.Type
	}
	findings = append(findings, checks.Check(sub, unitType, j.env.lexicon)...)
	if u != nil {
		// Reports name the unit as the roster does, whatever it wrote.
		for i := range findings {
			findings[i].Unit = u.Name
		}
	}
	checks.SortFindings(findings)
	return findings, unitCode
}

// internalError is the submission of a file whose reading or checking
// panicked: what the file name says, and one S01 problem wrapping
// importer.ErrInternal with the panic and its stack.
func internalError(rel string, data []byte, r any) *importer.Submission {
	sub, _ := importer.Parse(rel, nil, importer.DefaultOptions()) // the unit from the file name
	sum := sha256.Sum256(data)
	sub.SHA256, sub.Size, sub.Format = hex.EncodeToString(sum[:]), len(data), ""
	sub.Problems = []importer.Problem{{Code: "S01", Err: fmt.Errorf("%w: %v\n%s", importer.ErrInternal, r, debug.Stack()),
		Message: "读取文件时发生内部错误,文件已原样保留供分析。请将此文件报送县局信息管理员"}}
	return sub
}

// merge stores one prepared file: the single writer.
func (j *runJob) merge(ctx context.Context, p parsed) error {
	if p.err != nil {
		j.stats.Failed++
		msg := fmt.Sprintf("无法读取 %s,已跳过(原文件保留在收件文件夹): %v", p.item.Rel, p.err)
		j.stats.Warnings = append(j.stats.Warnings, msg)
		fmt.Fprintln(j.stderr, "注意:", msg)
		return nil
	}
	out, err := j.store.Accept(ctx, merge.Input{
		Cycle: j.opt.Cycle, Path: p.item.Rel, Received: p.item.Received, Data: p.data,
		Sub: p.sub, Findings: p.findings, UnitCode: p.unitCode,
	})
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		if dir := filepath.Dir(j.opt.DB); diskAlmostFull(dir) {
			return fmt.Errorf("%s 入库失败,数据库未改动:数据库 %s 所在磁盘已满。请腾出磁盘空间后再运行,已入库的文件不会重复处理(%w)", p.item.Rel, j.opt.DB, err)
		}
		return fmt.Errorf("%s 入库失败,数据库未改动: %w", p.item.Rel, err)
	}
	if out.Duplicate {
		j.stats.Duplicates++
	} else {
		j.stats.Parsed++
	}
	crashMerged()
	return nil
}
