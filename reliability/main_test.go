//go:build linux

package reliability

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"lianfang/samples"
)

// cycle is the consolidation cycle of every run here.
const cycle = "2026-W48"

var (
	// bin is the lianfang binary, built once for the package.
	bin string
	// sampleDir holds the sample county (roster.csv, inbox/), generated
	// once; each test copies it.
	sampleDir string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lianfang-reliability-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	bin = filepath.Join(dir, "lianfang")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if out, err := exec.Command("go", "build", "-o", bin, "lianfang/cmd/lianfang").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(2)
	}
	sampleDir = filepath.Join(dir, "county")
	if err := samples.Generate(sampleDir, samples.DefaultOptions()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// county is a copy of the sample county in a test's folder, with its
// database and output folder beside it.
type county struct {
	dir, inbox, roster, db, out string
}

// newCounty copies the sample county (file times too: they are the
// received times) and imports its roster.
func newCounty(t testing.TB) *county {
	t.Helper()
	dir := t.TempDir()
	c := &county{dir: dir, inbox: filepath.Join(dir, "inbox"), roster: filepath.Join(dir, "roster.csv"),
		db: filepath.Join(dir, "lianfang.db"), out: filepath.Join(dir, "out")}
	if err := copyTree(sampleDir, dir); err != nil {
		t.Fatal(err)
	}
	c.mustRun(t, nil, "roster", "import", c.roster, "--db", c.db)
	return c
}

// emptyCounty is a county folder with an empty inbox and no roster yet.
func emptyCounty(t testing.TB) *county {
	dir := t.TempDir()
	c := &county{dir: dir, inbox: filepath.Join(dir, "inbox"), roster: filepath.Join(dir, "roster.csv"),
		db: filepath.Join(dir, "lianfang.db"), out: filepath.Join(dir, "out")}
	if err := os.MkdirAll(c.inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	return c
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	})
}

// result is how one lianfang process ended.
type result struct {
	code           int // exit code; -1 when killed by a signal
	signal         syscall.Signal
	stdout, stderr string
	rssKB          int64 // peak resident set size
	elapsed        time.Duration
}

// lianfang runs the binary in the county's folder with extra environment
// variables and waits for it.
func (c *county) lianfang(t testing.TB, env []string, args ...string) result {
	t.Helper()
	cmd := c.command(env, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	r.code, r.signal, r.rssKB = exitOf(cmd.ProcessState)
	return r
}

func (c *county) command(env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// exitOf reads the exit code, the killing signal and the peak RSS of an
// ended process.
func exitOf(ps *os.ProcessState) (int, syscall.Signal, int64) {
	var sig syscall.Signal
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		sig = ws.Signal()
	}
	var rss int64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) // kilobytes on Linux
	}
	return ps.ExitCode(), sig, rss
}

func (c *county) mustRun(t testing.TB, env []string, args ...string) result {
	t.Helper()
	r := c.lianfang(t, env, args...)
	if r.code != 0 {
		t.Fatalf("lianfang %s: exit %d (signal %v)\n%s\n%s", strings.Join(args, " "), r.code, r.signal, r.stdout, r.stderr)
	}
	return r
}

// run is "lianfang run" on the county's inbox.
func (c *county) run(t testing.TB, env []string, extra ...string) result {
	t.Helper()
	return c.lianfang(t, env, append([]string{"run", c.inbox, "--db", c.db, "--out", c.out, "--cycle", cycle, "--quiet"}, extra...)...)
}

// cycleDir is OUT/<cycle>.
func (c *county) cycleDir() string { return filepath.Join(c.out, cycle) }

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu  chan struct{}
	buf bytes.Buffer
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{mu: make(chan struct{}, 1)} }

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu <- struct{}{}
	defer func() { <-b.mu }()
	return b.buf.String()
}

var _ io.Writer = (*syncBuffer)(nil)

// sampleManifest is the plan of the sample county.
func sampleManifest() []samples.UnitPlan { return samples.Manifest(samples.DefaultOptions()) }

func itoa(n int) string { return strconv.Itoa(n) }
