package main

import (
	"context"
	"fmt"
	"io"

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
	store, code, ok := openDB(fs, args, &opt.Config, &opt.DB, stderr)
	if !ok {
		return code
	}
	defer store.Close()
	ledger, err := store.Ledger(ctx, opt.Cycle)
	if err != nil {
		return readFailed(stderr, err, opt.DB, opt.Cycle, "台账")
	}
	cycle := opt.Cycle
	if cycle == "" && ledger.Rows > 0 {
		cycle = ledger.Cycle
	}
	if err := writeFileAtomic(opt.Out, func(w io.Writer) error { return reports.WriteLedger(ctx, w, cycle, ledger) }); err != nil {
		fmt.Fprintf(stderr, "写台账失败: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "已导出职权台账 %s(%d 行)\n", opt.Out, ledger.Rows)
	return exitOK
}
