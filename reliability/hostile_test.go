//go:build linux

package reliability

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"lianfang/checks"
	"lianfang/importer"
)

// Bounds every hostile file must be answered within, through the binary:
// wall time and peak RSS of one `lianfang check`. The heavy cases inflate,
// stream or refuse hundreds of megabytes; the others are small files.
const (
	maxSeconds      = 10
	maxRSSKB        = 128 << 10
	heavyMaxSeconds = 120
	heavyMaxRSSKB   = 640 << 10
)

// figure is one hostile case's measurement, for docs/RELIABILITY.md.
type figure struct {
	name    string
	size    int
	seconds float64
	rssMB   float64
	answer  string
}

var figures struct {
	sync.Mutex
	list []figure
}

// TestHostileInputs gives each hostile file to the importer in-process
// (the problem's code, the sentinel it wraps, its Chinese reason, or what
// was read) and to `lianfang check` as a process, whose wall time and peak
// RSS are bounded. Set RELIABILITY_FIGURES=FILE to write the measurements
// as a Markdown table.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	for _, h := range hostileCases() {
		t.Run(h.name, func(t *testing.T) {
			data := h.data(t)
			path := filepath.Join(dir, h.file)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if !h.heavy {
				parseInProcess(t, h, data)
			}
			checkAsProcess(t, h, path, len(data))
		})
	}
	writeFigures(t)
}

// parseInProcess checks what importer.Parse makes of a hostile file.
func parseInProcess(t *testing.T, h hostile, data []byte) {
	t.Helper()
	start := time.Now()
	s, err := importer.Parse(h.file, data, importer.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > maxSeconds*time.Second {
		t.Errorf("Parse took %v", d)
	}
	if h.read != nil {
		if len(s.Problems) > 0 {
			t.Fatalf("problems = %v, want the file read", s.Problems)
		}
		h.read(t, s)
		return
	}
	if len(s.Problems) != 1 {
		t.Fatalf("problems = %v, want one %s", s.Problems, h.code)
	}
	p := s.Problems[0]
	if p.Code != h.code || !errors.Is(p, h.err) || !strings.Contains(p.Message, h.reason) {
		t.Errorf("problem %s %q (%v), want %s %v with %q", p.Code, p.Message, p.Err, h.code, h.err, h.reason)
	}
	if errors.Is(p, importer.ErrInternal) {
		t.Errorf("an internal error: %v", p.Err)
	}
}

// checkAsProcess runs `lianfang check --format jsonl` on the file and
// checks its findings, time and memory.
func checkAsProcess(t *testing.T, h hostile, path string, size int) {
	t.Helper()
	c := &county{dir: filepath.Dir(path)}
	r := c.lianfang(t, nil, "check", "--format", "jsonl", path)
	if r.code == 2 || r.signal != 0 {
		t.Fatalf("check could not run: exit %d, signal %v\n%s", r.code, r.signal, r.stderr)
	}
	fs := parseFindings(t, r.stdout)
	answer := "读入"
	if h.read == nil {
		if len(fs) != 1 || fs[0].Rule != h.code || !strings.Contains(fs[0].Message, h.reason) {
			t.Fatalf("findings %v, want one %s with %q", ruleList(fs), h.code, h.reason)
		}
		answer = fs[0].Rule + " " + fs[0].Message
	} else if bad := slices.IndexFunc(fs, func(f checks.Finding) bool { return f.Rule == "S01" || f.Rule == "S02" || f.Rule == "S06" }); bad >= 0 {
		t.Fatalf("a readable file got %s: %s", fs[bad].Rule, fs[bad].Message)
	}
	secs, rss := float64(maxSeconds), int64(maxRSSKB)
	if h.heavy {
		secs, rss = heavyMaxSeconds, heavyMaxRSSKB
	}
	if r.elapsed.Seconds() > secs {
		t.Errorf("took %v, bound %vs", r.elapsed, secs)
	}
	if r.rssKB > rss {
		t.Errorf("peak RSS %d MB, bound %d MB", r.rssKB>>10, rss>>10)
	}
	t.Logf("%.2fs, peak RSS %.0f MB: %s", r.elapsed.Seconds(), float64(r.rssKB)/1024, answer)
	figures.Lock()
	figures.list = append(figures.list, figure{h.name, size, r.elapsed.Seconds(), float64(r.rssKB) / 1024, answer})
	figures.Unlock()
}

func parseFindings(t testing.TB, jsonl string) []checks.Finding {
	t.Helper()
	var fs []checks.Finding
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var f checks.Finding
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("bad finding %q: %v", sc.Text(), err)
		}
		fs = append(fs, f)
	}
	return fs
}

func ruleList(fs []checks.Finding) []string {
	var r []string
	for _, f := range fs {
		r = append(r, f.Rule)
	}
	return r
}

// writeFigures writes the measurements to RELIABILITY_FIGURES, if set.
func writeFigures(t *testing.T) {
	path := os.Getenv("RELIABILITY_FIGURES")
	if path == "" {
		return
	}
	var b bytes.Buffer
	b.WriteString("| case | file size | time | peak RSS | answer |\n|---|---:|---:|---:|---|\n")
	for _, f := range figures.list {
		answer := f.answer
		if r := []rune(answer); len(r) > 40 {
			answer = string(r[:40]) + "…"
		}
		fmt.Fprintf(&b, "| %s | %s | %.2f s | %.0f MB | %s |\n", f.name, humanSize(f.size), f.seconds, f.rssMB, answer)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Error(err)
	}
}

func humanSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// TestHostileBatch puts every hostile file but the two slowest into the
// sample county's inbox and runs the weekly consolidation: it completes,
// every file is stored byte for byte, every report is whole and
// well-formed XML without formulas (the control characters, the odd sheet
// name and the 32,767-character cell reach the 退回 workbooks), and the
// links of each 校验结果 sheet point at sheets that exist.
func TestHostileBatch(t *testing.T) {
	c := newCounty(t)
	dir := filepath.Join(c.inbox, "hostile")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, h := range hostileCases() {
		if h.heavy && (strings.Contains(h.name, "250 MiB") || strings.Contains(h.name, "1,048,576 rows")) {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, h.file), h.data(t), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	// An archive whose members climb out of it, or start at the root.
	climb := buildZip(t, []part{{name: "../../逃逸.xlsx", body: goodBook(t)}, {name: "/绝对路径.xlsx", body: goodBook(t)}})
	if err := os.WriteFile(filepath.Join(dir, "打包.zip"), climb, 0o644); err != nil {
		t.Fatal(err)
	}
	n += 2
	before := listFiles(t, filepath.Dir(c.dir))
	r := c.mustRun(t, nil, "run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet")
	for _, f := range listFiles(t, filepath.Dir(c.dir)) {
		if !slices.Contains(before, f) && !strings.Contains(f, "/out/"+cycle+"/") && !strings.Contains(f, "/lianfang.db") {
			t.Errorf("a file written outside the output folder: %s", f)
		}
	}
	if !strings.Contains(r.stdout, "汇总完成") {
		t.Errorf("run output:\n%s", r.stdout)
	}
	verifyDB(t, c.db)
	for _, f := range listFiles(t, c.inbox) {
		if !strings.HasSuffix(f, ".zip") {
			checkStored(t, c, filepath.Join(c.inbox, f))
		}
	}
	fs := parseFindings(t, readFile(t, filepath.Join(c.cycleDir(), "findings.jsonl")))
	files := map[string]bool{}
	for _, f := range fs {
		if strings.HasPrefix(f.File, "hostile/") {
			files[f.File] = true
		}
	}
	if len(files) != n {
		t.Errorf("findings for %d of the %d hostile files", len(files), n)
	}
	checkFinalNames(t, c.cycleDir())
	unknown := listFiles(t, filepath.Join(c.cycleDir(), "退回", "未识别单位"))
	for _, name := range unknown {
		checkLinks(t, filepath.Join(c.cycleDir(), "退回", "未识别单位", name))
	}
	long := filepath.Join(c.cycleDir(), "退回", "未识别单位", "长文本_校验结果.xlsx")
	if !cellValues(t, long)[longText()] {
		t.Error("the 32,767-character cell did not reach its 退回 workbook whole")
	}
	odd := filepath.Join(c.cycleDir(), "退回", "未识别单位", "表名_校验结果.xlsx")
	if b := renderBook(t, odd); !strings.Contains(b, fmt.Sprintf("%q", oddName)) && !strings.Contains(b, oddName) {
		t.Errorf("the odd sheet name is not in its 退回 workbook:\n%s", clip(b))
	}
}

// checkLinks checks that every link of the 校验结果 sheet points at a
// sheet of the workbook.
func checkLinks(t testing.TB, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	rows, _ := f.GetRows("校验结果")
	for r := range rows {
		cell := fmt.Sprintf("C%d", r+1)
		ok, link, _ := f.GetCellHyperLink("校验结果", cell)
		if !ok {
			continue
		}
		link = strings.TrimPrefix(link, "#")
		i := strings.LastIndex(link, "!")
		if i < 0 {
			t.Errorf("%s %s: link %q names no cell", filepath.Base(path), cell, link)
			continue
		}
		sheet := link[:i]
		if strings.HasPrefix(sheet, "'") {
			sheet = strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(sheet, "'"), "'"), "''", "'")
		}
		if !sheets[sheet] {
			t.Errorf("%s %s: link %q points at no sheet", filepath.Base(path), cell, link)
		}
	}
}
