package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"lianfang/merge"
)

func init() {
	commands["send"] = command{"把退回表发到各单位名册中的邮箱(--dry-run 只写出邮件草稿)", runSend}
}

// sendOptions are the flags of "lianfang send".
type sendOptions struct {
	Config   string
	DB       string
	Out      string
	Cycle    string
	Only     listFlag // unit names or codes; empty for every unit
	DryRun   bool
	Resend   bool
	Receipts bool
}

func newSendOptions() sendOptions { return sendOptions{DB: "lianfang.db", Out: "out"} }

const sendSynopsis = `lianfang send [--cycle 2026-W48] [--dry-run] [--only 单位]… [--resend] [--receipts] [--config lianfang.toml] [--db lianfang.db] [--out out] [单位…]

给本周期有退回表的单位(退回修改、无法读取)各发一封邮件,收件人是名册中的邮箱,
附件是 out/<周期>/退回/ 中该单位的校验结果工作簿。每封邮件都记入数据库:
同一周期已经发送成功的单位不再重发(除非 --resend);一个单位发送失败不影响其他单位。
名册中没有邮箱的单位在最后列出,附上退回表的位置,请另行送达。
邮件服务器、发件人、期限和邮件模板在 lianfang.toml 中设置(lianfang init 写出样例)。

退出码: 0 全部完成;1 有邮件发送失败或退回表缺失;2 无法运行(参数、配置、数据库或连不上邮件服务器)`

func runSend(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newSendOptions()
	fs := newFlags("send", sendSynopsis, stderr)
	fs.StringVar(&opt.Config, "config", opt.Config, "配置文件,默认为数据库所在文件夹中的 lianfang.toml")
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite);默认取配置文件中的 db")
	fs.StringVar(&opt.Out, "out", opt.Out, "报表输出文件夹;默认取配置文件中的 out")
	fs.StringVar(&opt.Cycle, "cycle", opt.Cycle, "周期,默认为最近一次汇总的周期")
	fs.Var(&opt.Only, "only", "只发给这个`单位`(名称或代码;可重复,或用逗号分隔;也可以直接写在命令后面)")
	fs.BoolVar(&opt.DryRun, "dry-run", opt.DryRun, "不发送:把邮件写成 .eml 文件放在 out/<周期>/邮件/,并列出将发送的邮件")
	fs.BoolVar(&opt.Resend, "resend", opt.Resend, "本周期已发送成功的单位也再发一次")
	fs.BoolVar(&opt.Receipts, "receipts", opt.Receipts, "同时给已通过的单位发“通过”回执")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	for _, a := range fs.Args() {
		opt.Only.Set(a)
	}
	cfg, err := loadConfig(opt.Config, opt.DB)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if !flagSet(fs, "db") {
		opt.DB = cfg.DB
	}
	if !flagSet(fs, "out") {
		opt.Out = cfg.Out
	}
	store, err := openExisting(opt.DB)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	defer store.Close()
	plan, err := planSend(ctx, store, opt)
	if errors.Is(err, merge.ErrNoCycle) {
		fmt.Fprintf(stderr, "数据库 %s 中没有周期 %q 的汇总,请先运行 lianfang run\n", opt.DB, opt.Cycle)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	job := &sendJob{opt: opt, cfg: cfg, store: store, plan: plan, stdout: stdout}
	if err := job.deliver(ctx); err != nil {
		job.report()
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	job.report()
	if job.failed > 0 {
		return exitFindings
	}
	return exitOK
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// listFlag is a flag that may be repeated, each value a list separated
// by commas (half or full width) or 、.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\uFF0C' || r == '、' }) {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}
