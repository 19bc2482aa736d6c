package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"lianfang/checks"
	"lianfang/merge"
)

func init() {
	commands["run"] = command{"每周汇总:读入收件文件夹,校验、入库,写出各单位退回表和全县汇总", runRun}
}

// runOptions are the flags of "lianfang run".
type runOptions struct {
	Config  string
	DB      string
	Out     string
	Cycle   string
	Lexicon string
	Workers int
	Quiet   bool
	Wait    time.Duration // how long to wait for another run on the same database
}

func newRunOptions() runOptions {
	return runOptions{DB: "lianfang.db", Out: "out", Cycle: merge.CycleOf(time.Now()), Workers: defaultWorkers()}
}

const runSynopsis = "lianfang run 收件文件夹 [--db lianfang.db] [--out out] [--cycle 2026-W48] [--lexicon 词表目录] [--wait 0]"

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newRunOptions()
	fs := newFlags("run", runSynopsis, stderr)
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite)")
	fs.StringVar(&opt.Out, "out", opt.Out, "报表输出文件夹,报表写在其中的 <周期>/ 下")
	fs.StringVar(&opt.Cycle, "cycle", opt.Cycle, "汇总周期(ISO 周,如 2026-W48),默认为本周")
	fs.StringVar(&opt.Lexicon, "lexicon", opt.Lexicon, "词表目录:其中的同名 .txt 文件替换内置词表")
	fs.IntVar(&opt.Workers, "workers", opt.Workers, "并行读取的文件数")
	fs.BoolVar(&opt.Quiet, "quiet", opt.Quiet, "不显示进度条")
	fs.DurationVar(&opt.Wait, "wait", opt.Wait, "另一个 run 正在使用同一数据库时最多等候多久(如 30m);0 为不等候,立即退出")
	fs.StringVar(&opt.Config, "config", opt.Config, "配置文件,默认为数据库所在文件夹中的 lianfang.toml(其中的 db、out、lexicon 在未给出对应参数时生效)")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if err := applyConfig(fs, opt.Config, &opt.DB, &opt.Out, &opt.Lexicon); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	inbox := fs.Arg(0)
	if st, err := os.Stat(inbox); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "收件文件夹 %s 不存在或不是文件夹\n", inbox)
		return exitUsage
	}
	start := time.Now()
	tuneGC()
	job, err := newRunJob(ctx, opt, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	defer job.close()
	if err := checkOutDir(filepath.Join(opt.Out, opt.Cycle)); err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if err := job.consolidate(ctx, inbox); err != nil {
		fmt.Fprintln(stderr, explainRunError(err))
		return exitUsage
	}
	written, err := job.reports(ctx, start)
	if err != nil {
		fmt.Fprintln(stderr, explainRunError(err))
		return exitUsage
	}
	job.printSummary(stdout, written, time.Since(start))
	return exitOK
}

// cyclePattern is an ISO week such as 2026-W48.
var cyclePattern = regexp.MustCompile(`^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$`)

// runJob is one weekly consolidation in progress.
type runJob struct {
	opt    runOptions
	lock   *runLock
	store  *merge.Store
	env    *checkEnv
	stderr io.Writer
	stats  runStats
}

// runStats counts what the run did with the inbox.
type runStats struct {
	Files      int      `json:"files"`      // workbooks found in the inbox
	Parsed     int      `json:"parsed"`     // read and checked
	Duplicates int      `json:"duplicates"` // byte-identical to a file already merged (X03)
	Failed     int      `json:"failed"`     // could not be read from the inbox at all
	Warnings   []string `json:"warnings,omitempty"`
}

func newRunJob(ctx context.Context, opt runOptions, stderr io.Writer) (*runJob, error) {
	if !cyclePattern.MatchString(opt.Cycle) {
		return nil, fmt.Errorf("--cycle %q 不是有效的周期,应为 ISO 周,如 2026-W48", opt.Cycle)
	}
	env, err := loadCheckEnv(checkOptions{Lexicon: opt.Lexicon})
	if err != nil {
		return nil, err
	}
	if dir := filepath.Dir(opt.DB); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("无法创建数据库目录 %s: %w", dir, err)
		}
	}
	lock, err := acquireRunLock(ctx, opt.DB, opt.Wait, stderr)
	if err != nil {
		return nil, err
	}
	crashLocked()
	store, err := merge.Open(opt.DB)
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("无法打开数据库 %s: %w", opt.DB, err)
	}
	job := &runJob{opt: opt, lock: lock, store: store, env: env, stderr: stderr}
	roster, err := store.Roster(ctx)
	if err != nil {
		job.close()
		return nil, fmt.Errorf("读取名册失败: %w", err)
	}
	if len(roster) == 0 {
		job.close()
		return nil, fmt.Errorf("数据库 %s 中还没有名册。请先导入名册:lianfang roster import 名册.xlsx --db %s", opt.DB, opt.DB)
	}
	env.setRoster(roster)
	return job, nil
}

// close closes the database, then lets another run have it.
func (j *runJob) close() {
	j.store.Close()
	j.lock.release()
}

// errInterrupted is returned when the run is stopped by a signal; what was
// merged so far is complete and the next run goes on from there.
var errInterrupted = errors.New("已中断:已入库的文件保持完整,再次运行将继续处理其余文件")

// needsReturn reports whether a unit gets a 退回 workbook: it has findings
// of its own, or a county finding about its content (X04). The bureau's
// bookkeeping notes X02 and X03 alone send nothing back.
func needsReturn(own, county []checks.Finding) bool {
	if len(own) > 0 {
		return true
	}
	for _, f := range county {
		if f.Rule != "X02" && f.Rule != "X03" {
			return true
		}
	}
	return false
}
