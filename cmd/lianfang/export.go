package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"lianfang/merge"
	"lianfang/reports"
)

func init() {
	commands["export"] = command{"导出当前的全县职权台账工作簿", runExport}
}

// exportOptions are the flags of "lianfang export".
type exportOptions struct {
	Config string
	DB     string
	Out    string
	Cycle  string
}

func newExportOptions() exportOptions {
	return exportOptions{DB: "lianfang.db", Out: "职权台账.xlsx"}
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newExportOptions()
	fs := newFlags("export", "lianfang export [-o 职权台账.xlsx] [--cycle 2026-W48] [--db lianfang.db]", stderr)
	fs.StringVar(&opt.Out, "o", opt.Out, "输出的台账文件")
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite)")
	fs.StringVar(&opt.Cycle, "cycle", opt.Cycle, "周期,默认为最近一次汇总的周期")
	fs.StringVar(&opt.Config, "config", opt.Config, "配置文件,默认为数据库所在文件夹中的 lianfang.toml")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if err := applyConfig(fs, opt.Config, &opt.DB, nil, nil); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	store, err := openExisting(opt.DB)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	defer store.Close()
	rows, err := store.Ledger(ctx, opt.Cycle)
	if errors.Is(err, merge.ErrNoCycle) {
		fmt.Fprintf(stderr, "数据库 %s 中没有周期 %q 的汇总,请先运行 lianfang run\n", opt.DB, opt.Cycle)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "读取台账失败: %v\n", err)
		return exitUsage
	}
	cycle := opt.Cycle
	if cycle == "" && len(rows) > 0 {
		cycle = rows[0].Cycle
	}
	if err := writeFileAtomic(opt.Out, func(w io.Writer) error { return reports.WriteLedger(w, cycle, rows) }); err != nil {
		fmt.Fprintf(stderr, "写台账失败: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "已导出职权台账 %s(%d 行)\n", opt.Out, len(rows))
	return exitOK
}
