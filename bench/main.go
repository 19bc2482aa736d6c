// Command bench is make bench's whole-run benchmark: it generates a county
// corpus and a province corpus with package samples, runs `lianfang run`
// on each into a fresh database, and on the same files in the same run
// times a bare single-goroutine excelize streaming read of every cell and,
// when Debian's python3-openpyxl is installed, an openpyxl read-only pass.
// Each figure is the median of several runs.
//
//	go run ./bench [-dir /tmp/lianfang-bench] [-runs 3] [-county 300] [-province 3000] [-rows 200]
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/width"

	"lianfang/samples"
)

// measure is one timed process: wall and CPU time, peak RSS, and what it
// printed.
type measure struct {
	wall, cpu time.Duration
	rssKB     int64
	out       string
	runs      int           // how many runs the median was taken of
	low, high time.Duration // their fastest and slowest wall time
}

func main() {
	dir := flag.String("dir", filepath.Join(os.TempDir(), "lianfang-bench"), "工作目录")
	runs := flag.Int("runs", 3, "县级语料每项计时的次数(取中位数)")
	provinceRuns := flag.Int("province-runs", 3, "省级语料每项计时的次数(取中位数)")
	county := flag.Int("county", 300, "县级语料的单位数")
	province := flag.Int("province", 3000, "省级语料的单位数(0 跳过)")
	rows := flag.Int("rows", 200, "每个单位的风险点行数")
	read := flag.String("excelize-read", "", "(内部)单协程 excelize 读取该目录下全部单元格")
	generate := flag.String("generate", "", "(内部)在该目录生成 -county 个单位的语料")
	flag.Parse()
	if *generate != "" {
		opt := corpusOptions(*county, *rows)
		must(os.RemoveAll(*generate))
		must(samples.Generate(*generate, opt))
		must(os.WriteFile(filepath.Join(*generate, corpusKeyFile), []byte(corpusKey(opt)), 0o644))
		return
	}
	if *read != "" {
		n, err := excelizeRead(*read)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(n)
		return
	}
	bin := filepath.Join(*dir, "lianfang")
	must(os.MkdirAll(*dir, 0o755))
	must(run("go", "build", "-o", bin, "./cmd/lianfang"))
	self := filepath.Join(*dir, "bench")
	must(run("go", "build", "-o", self, "./bench"))
	var results []result
	for _, c := range []struct {
		name        string
		units, runs int
	}{{"county", *county, *runs}, {"province", *province, *provinceRuns}} {
		if c.units == 0 {
			continue
		}
		results = append(results, benchCorpus(*dir, bin, self, c.name, c.units, *rows, c.runs))
	}
	fmt.Println()
	verdict(results)
	fmt.Println()
	for _, r := range results {
		fmt.Println(r.line)
	}
}

// result is what the bench measured on one corpus.
type result struct {
	name                   string
	first, rerun, bare, py measure
	check                  measure // lianfang check on one workbook
	hasPy                  bool
	line                   string // the summary line
}

// verdict prints the targets, each with what was measured and
// whether it is met (达标) or not (未达标).
func verdict(rs []result) {
	fmt.Println("== 目标")
	target := func(what string, got string, ok bool) {
		mark := "达标"
		if !ok {
			mark = "未达标"
		}
		fmt.Printf("%s %s %s\n", pad(what, 44), pad(got, 22), mark)
	}
	var county, province *result
	for i := range rs {
		switch rs[i].name {
		case "county":
			county = &rs[i]
		case "province":
			province = &rs[i]
		}
	}
	if county != nil {
		c := county
		if c.hasPy {
			r := c.first.wall.Seconds() / c.py.wall.Seconds()
			target("县级 run ≤ 1.0 × openpyxl 读取(争取 0.5 ×)", fmt.Sprintf("%.2f ×", r), r <= 1.0)
		} else {
			fmt.Println("县级 run ≤ 1.0 × openpyxl 读取: 未测(未安装 python3-openpyxl)")
		}
		r := c.first.wall.Seconds() / c.bare.wall.Seconds()
		target("县级 run ≤ 1.5 × excelize 读取", fmt.Sprintf("%.2f ×", r), r <= 1.5)
		ms := c.check.wall.Seconds() * 1000
		target("check 一个 200 行工作簿 < 100 ms", fmt.Sprintf("%.0f ms", ms), ms < 100)
	}
	if county != nil && province != nil {
		r := province.first.wall.Seconds() / county.first.wall.Seconds()
		target("省级 run ≤ 11 × 县级 run", fmt.Sprintf("%.1f ×(CPU %.1f ×)", r, province.first.cpu.Seconds()/county.first.cpu.Seconds()), r <= 11)
	}
	if province != nil {
		mb := province.first.rssKB / 1024
		target("省级峰值内存 ≤ 150 MB", fmt.Sprintf("%d MB", mb), mb <= 150)
	}
	for _, c := range rs {
		p := 100 * c.rerun.wall.Seconds() / c.first.wall.Seconds()
		target(c.name+" 重跑 ≤ 5 % 首次", fmt.Sprintf("%.1f %%", p), p <= 5)
	}
}

// benchCorpus generates one corpus and times every reader over it.
func benchCorpus(dir, bin, self, name string, units, rows, runs int) result {
	corpus := filepath.Join(dir, name)
	fmt.Printf("== %s: %d 个单位 × %d 行\n", name, units, rows)
	key := corpusKey(corpusOptions(units, rows))
	if old, err := os.ReadFile(filepath.Join(corpus, corpusKeyFile)); err != nil || string(old) != key {
		// In a process of its own: on Linux a child started by this one
		// reports at least this process's peak RSS as its own (exec keeps
		// the parent's high-water mark), so the bench must stay small.
		start := time.Now()
		must(run(self, "-generate", corpus, "-county", fmt.Sprint(units), "-rows", fmt.Sprint(rows)))
		fmt.Printf("生成语料 %.1f 秒\n", time.Since(start).Seconds())
	}
	inbox := filepath.Join(corpus, "inbox")
	files, bytes := corpusSize(inbox)
	fmt.Printf("%d 个文件,%.1f MB\n", files, float64(bytes)/1e6)

	first := median(runs, func() measure {
		work := filepath.Join(dir, name+"-run")
		os.RemoveAll(work)
		must(os.MkdirAll(work, 0o755))
		must(runIn(work, bin, "roster", "import", filepath.Join(corpus, "roster.csv"), "--db", "lianfang.db"))
		return timed(work, bin, "run", inbox, "--db", "lianfang.db", "--out", "out", "--cycle", "2026-W48", "--quiet")
	})
	rerun := median(runs, func() measure {
		return timed(filepath.Join(dir, name+"-run"), bin, "run", inbox, "--db", "lianfang.db", "--out", "out", "--cycle", "2026-W48", "--quiet")
	})
	bare := median(runs, func() measure { return timed(dir, self, "-excelize-read", inbox) })
	book := firstWorkbook(inbox)
	check := median(max(runs, 5), func() measure {
		return timed(dir, bin, "check", book, "--roster", filepath.Join(corpus, "roster.csv"))
	})
	units, flagged, returned := findingsOf(filepath.Join(dir, name+"-run", "out", "2026-W48", "summary.json"))
	fmt.Printf("有问题的单位 %d / %d(其中退回修改 %d)\n", flagged, units, returned)
	report("lianfang run", first, rows*files)
	report("lianfang run(重跑)", rerun, rows*files)
	report("excelize 单协程读取", bare, rows*files)
	report("lianfang check(一个工作簿)", check, rows)
	line := fmt.Sprintf("%s: run %.2fs (CPU %.2fs, RSS %d MB), 重跑 %.1f%%, run÷excelize %.2f", name,
		first.wall.Seconds(), first.cpu.Seconds(), first.rssKB/1024, 100*rerun.wall.Seconds()/first.wall.Seconds(),
		first.wall.Seconds()/bare.wall.Seconds())
	res := result{name: name, first: first, rerun: rerun, bare: bare, check: check}
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil {
		res.hasPy = true
		script, _ := filepath.Abs(filepath.Join("bench", "openpyxl_read.py"))
		py := median(runs, func() measure { return timed(dir, "/usr/bin/python3", script, inbox) })
		res.py = py
		report("openpyxl 只读", py, rows*files)
		// Both baselines must have read the same cells, or one of them
		// skipped part of the corpus and its time means nothing.
		if py.out != bare.out {
			fmt.Printf("注意: openpyxl 读到 %s 个非空单元格,excelize 读到 %s 个,两者不一致\n", py.out, bare.out)
		} else {
			fmt.Printf("两种读取都读到 %s 个非空单元格\n", bare.out)
		}
		line += fmt.Sprintf(", run÷openpyxl %.2f", first.wall.Seconds()/py.wall.Seconds())
	} else {
		fmt.Println("openpyxl 只读: 跳过(未安装 python3-openpyxl:apt-get install python3-openpyxl)")
		line += ", run÷openpyxl -(未安装)"
	}
	res.line = line
	return res
}

// firstWorkbook returns the first .xlsx file of dir, by name.
func firstWorkbook(dir string) string {
	names, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil || len(names) == 0 {
		fmt.Fprintln(os.Stderr, "语料中没有 .xlsx 文件:", dir)
		os.Exit(1)
	}
	sort.Strings(names)
	return names[0]
}

// corpusOptions are the generator options of a bench corpus: about a
// third of the units with defects.
func corpusOptions(units, rows int) samples.Options {
	opt := samples.DefaultOptions()
	opt.Units, opt.Rows, opt.DefectRate = units, rows, 0.33
	return opt
}

// corpusKeyFile, in a generated corpus, holds the key of the options and
// generator it was made with; a corpus with another key is made again.
const corpusKeyFile = "corpus.key"

// corpusKey is the digest of the generator options and of every file of
// package samples (the generator and its phrase bank), so a corpus kept
// between runs is never one an older generator made.
func corpusKey(opt samples.Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "%+v\n", opt)
	filepath.Walk("samples", func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() && !strings.HasSuffix(p, "_test.go") {
			data, _ := os.ReadFile(p)
			fmt.Fprintf(h, "%s %d\n", p, len(data))
			h.Write(data)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// findingsOf reads a run's summary.json: roster units, units with any
// finding, and units sent back (退回修改).
func findingsOf(path string) (units, flagged, returned int) {
	var sum struct {
		Units []struct {
			Status string         `json:"status"`
			Rules  map[string]int `json:"rules"`
		} `json:"units"`
	}
	data, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(data, &sum) != nil {
		return 0, 0, 0
	}
	for _, u := range sum.Units {
		units++
		if len(u.Rules) > 0 {
			flagged++
		}
		if u.Status == "退回修改" {
			returned++
		}
	}
	return units, flagged, returned
}

func report(what string, m measure, rows int) {
	spread := ""
	if m.runs > 1 {
		spread = fmt.Sprintf("  (%d 次中位数,%.2f–%.2f s)", m.runs, m.low.Seconds(), m.high.Seconds())
	}
	fmt.Printf("%s 墙钟 %7.2f s  CPU %7.2f s  峰值内存 %5d MB  %8.0f 行/秒%s\n",
		pad(what, 28), m.wall.Seconds(), m.cpu.Seconds(), m.rssKB/1024, float64(rows)/m.wall.Seconds(), spread)
}

// pad pads s with spaces to n columns of a terminal, a wide (Chinese)
// character taking two.
func pad(s string, n int) string {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return s + strings.Repeat(" ", max(n-w, 0))
}

// timed runs a command in dir and measures it.
func timed(dir, name string, args ...string) measure {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	var out strings.Builder
	cmd.Stdout = &out
	start := time.Now()
	if err := cmd.Run(); err != nil && !findingsExit(err, args) {
		fmt.Fprintf(os.Stderr, "%s %s: %v\n", name, strings.Join(args, " "), err)
		os.Exit(1)
	}
	m := measure{wall: time.Since(start), out: strings.TrimSpace(out.String())}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.rssKB = ru.Maxrss
	}
	return m
}

// findingsExit reports whether err is lianfang check's exit status 1: the
// check ran and found errors in the workbook.
func findingsExit(err error, args []string) bool {
	var ee *exec.ExitError
	return len(args) > 0 && args[0] == "check" && errors.As(err, &ee) && ee.ExitCode() == 1
}

// median runs f n times and returns the run with the median wall time,
// with the highest peak RSS of all the runs.
func median(n int, f func() measure) measure {
	ms := make([]measure, 0, n)
	for i := 0; i < max(n, 1); i++ {
		ms = append(ms, f())
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].wall < ms[j].wall })
	m := ms[len(ms)/2]
	m.runs, m.low, m.high = len(ms), ms[0].wall, ms[len(ms)-1].wall
	for _, o := range ms {
		m.rssKB = max(m.rssKB, o.rssKB) // a bound holds for every run
	}
	return m
}

func corpusSize(dir string) (files int, bytes int64) {
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files++
			bytes += info.Size()
		}
		return nil
	})
	return files, bytes
}

func run(name string, args ...string) error { return runIn("", name, args...) }

func runIn(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
