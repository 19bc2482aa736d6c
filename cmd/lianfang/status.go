package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"lianfang/merge"
)

func init() {
	commands["status"] = command{"在终端显示各单位本周期的提交和校验状态", runStatus}
}

// statusOptions are the flags of "lianfang status".
type statusOptions struct {
	Config string
	DB     string
	Cycle  string
}

func newStatusOptions() statusOptions { return statusOptions{DB: "lianfang.db"} }

func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newStatusOptions()
	fs := newFlags("status", "lianfang status [--cycle 2026-W48] [--db lianfang.db]", stderr)
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite)")
	fs.StringVar(&opt.Cycle, "cycle", opt.Cycle, "周期,默认为最近一次汇总的周期")
	fs.StringVar(&opt.Config, "config", opt.Config, "配置文件,默认为数据库所在文件夹中的 lianfang.toml")
	store, code, ok := openDB(fs, args, &opt.Config, &opt.DB, stderr)
	if !ok {
		return code
	}
	defer store.Close()
	units, err := store.Status(ctx, opt.Cycle)
	if err != nil {
		return readFailed(stderr, err, opt.DB, opt.Cycle, "状态")
	}
	mails, err := store.MailsByUnit(ctx, opt.Cycle)
	if err != nil {
		fmt.Fprintf(stderr, "读取邮件发送记录失败: %v\n", err)
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "单位代码\t单位名称\t单位类型\t状态\t收到时间\t错误\t警告\t提示\t邮件")
	counts := map[string]int{}
	for _, u := range units {
		received := "-"
		if u.Current != nil {
			received = u.Current.Received.Local().Format("01-02 15:04")
		}
		code := u.Code
		if code == "" {
			code = "(未识别)"
		}
		counts[u.Status]++
		m, mailed := mails[u.Code]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", code, u.Name, u.Type, u.Status, received, u.Errors, u.Warnings, u.Infos, mailState(m, mailed))
	}
	tw.Flush()
	fmt.Fprintf(stdout, "\n已通过 %d,退回修改 %d,无法读取 %d,未提交 %d\n", counts["已通过"], counts["退回修改"], counts["无法读取"], counts["未提交"])
	return exitOK
}

// openExisting opens a database that must already exist (status, export
// never create one by mistake).
func openExisting(path string) (*merge.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("数据库 %s 不存在。请在存放数据库的文件夹运行,或用 --db 指定;第一次使用请先 lianfang roster import 和 lianfang run", path)
	}
	store, err := merge.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开数据库 %s: %w", path, err)
	}
	return store, nil
}

// openDB is the common start of the commands that read the county
// database: parse the flags, apply the configuration, open the existing
// database. ok is false when the command should return code.
func openDB(fs *flag.FlagSet, args []string, config, db *string, stderr io.Writer) (store *merge.Store, code int, ok bool) {
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return nil, code, false
	}
	if err := applyConfig(fs, *config, db, nil, nil); err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitUsage, false
	}
	store, err := openExisting(*db)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, exitUsage, false
	}
	return store, 0, true
}

// readFailed reports a failed read of a cycle, naming a missing one.
func readFailed(stderr io.Writer, err error, db, cycle, what string) int {
	if errors.Is(err, merge.ErrNoCycle) {
		fmt.Fprintf(stderr, "数据库 %s 中没有周期 %q 的汇总,请先运行 lianfang run\n", db, cycle)
	} else {
		fmt.Fprintf(stderr, "读取%s失败: %v\n", what, err)
	}
	return exitUsage
}
