package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"

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
	p.sub, _ = importer.Parse(it.Rel, p.data, importer.DefaultOptions())
	u, f := checks.MatchUnit(p.sub, j.env.roster)
	unitType := ""
	if u != nil {
		p.unitCode, unitType = u.Code, u.Type
	}
	p.findings = append(f, checks.Check(p.sub, unitType, j.env.lexicon)...)
	if u != nil {
		// Reports name the unit as the roster does, whatever it wrote.
		for i := range p.findings {
			p.findings[i].Unit = u.Name
		}
	}
	checks.SortFindings(p.findings)
	return p
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
		return fmt.Errorf("%s 入库失败,数据库未改动: %w", p.item.Rel, err)
	}
	if out.Duplicate {
		j.stats.Duplicates++
	} else {
		j.stats.Parsed++
	}
	crashPoint(j.stats.Parsed + j.stats.Duplicates)
	return nil
}

// crashAfter, from the environment variable LIANFANG_CRASH_AFTER, makes the
// process kill itself (SIGKILL: no cleanup runs) after that many files are
// merged. It exists for the crash-safety tests only.
var crashAfter = func() int {
	n, _ := strconv.Atoi(os.Getenv("LIANFANG_CRASH_AFTER"))
	return n
}()

func crashPoint(merged int) {
	if crashAfter > 0 && merged >= crashAfter {
		killSelf()
	}
}
