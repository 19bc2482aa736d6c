package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"
)

// stateFile is kept in OUT/<cycle>/ beside the reports: the digest of what
// they were made from (this build, the cycle, the database's Stamp) and the
// size of every report file. A rerun that finds the same digest and every
// file in place keeps the reports instead of rebuilding them.
const stateFile = ".lianfang-state.json"

// reportState is the content of stateFile.
type reportState struct {
	Key     string           `json:"key"`
	County  string           `json:"county"`
	JSONL   string           `json:"jsonl"`
	Summary string           `json:"summary"`
	Returns []string         `json:"returns"`
	Sizes   map[string]int64 `json:"sizes"` // every file above → its size in bytes
}

// reportKey is the digest of everything the cycle's reports are made from.
func (j *runJob) reportKey(ctx context.Context) (string, error) {
	stamp, err := j.store.Stamp(ctx)
	if err != nil {
		return "", err
	}
	h := sha256.Sum256([]byte(buildID + "\x00" + j.opt.Cycle + "\x00" + stamp))
	return hex.EncodeToString(h[:]), nil
}

// reports writes the cycle's reports, or keeps the ones already in place
// when nothing they are made from has changed since they were written.
func (j *runJob) reports(ctx context.Context, start time.Time) (*written, error) {
	dir := filepath.Join(j.opt.Out, j.opt.Cycle)
	key, err := j.reportKey(ctx)
	if err != nil {
		return nil, fmt.Errorf("读取数据库状态失败: %w", err)
	}
	if w, ok := j.keepReports(dir, key, time.Since(start)); ok {
		return w, nil
	}
	// The folder is about to change: until it is whole again, no state
	// vouches for it.
	if err := os.Remove(filepath.Join(dir, stateFile)); err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("无法更新 %s: %w", dir, err)
	}
	w, err := j.writeReports(ctx, time.Since(start))
	if err != nil {
		return nil, err
	}
	st := reportState{Key: key, County: w.county, JSONL: w.jsonl, Summary: w.summary, Returns: w.returns, Sizes: map[string]int64{}}
	for _, p := range st.files() {
		fi, err := os.Stat(p)
		if err != nil {
			return w, nil // not vouched for: the next run rebuilds
		}
		st.Sizes[p] = fi.Size()
	}
	if err := writeFileAtomic(filepath.Join(dir, stateFile), func(out io.Writer) error { return json.NewEncoder(out).Encode(st) }); err != nil {
		return nil, fmt.Errorf("写报表状态失败: %w", err)
	}
	return w, nil
}

// files lists every report file the state vouches for.
func (st *reportState) files() []string {
	return append([]string{st.County, st.JSONL, st.Summary}, st.Returns...)
}

// keepReports reports whether the folder's reports were made from key and
// are all in place. If so, only summary.json is rewritten, with this run's
// file counts and time, and the reports are returned as written.
func (j *runJob) keepReports(dir, key string, elapsed time.Duration) (*written, bool) {
	data, err := os.ReadFile(filepath.Join(dir, stateFile))
	if err != nil {
		return nil, false
	}
	var st reportState
	if json.Unmarshal(data, &st) != nil || st.Key != key || len(st.Sizes) != len(st.files()) {
		return nil, false
	}
	for _, p := range st.files() {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != st.Sizes[p] {
			return nil, false
		}
	}
	var sum runSummary
	if data, err = os.ReadFile(st.Summary); err != nil || json.Unmarshal(data, &sum) != nil {
		return nil, false
	}
	sum.Seconds, sum.Files = math.Round(elapsed.Seconds()*1000)/1000, j.stats
	if err := writeSummaryFile(st.Summary, sum); err != nil {
		return nil, false
	}
	// summary.json changed size, maybe: vouch for it again.
	if fi, err := os.Stat(st.Summary); err == nil {
		st.Sizes[st.Summary] = fi.Size()
		writeFileAtomic(filepath.Join(dir, stateFile), func(out io.Writer) error { return json.NewEncoder(out).Encode(st) })
	}
	return &written{dir: dir, county: st.County, returns: st.Returns, jsonl: st.JSONL, summary: st.Summary}, true
}

// writeSummaryFile writes summary.json.
func writeSummaryFile(path string, sum runSummary) error {
	return writeFileAtomic(path, crashWrite("summary", func(out io.Writer) error {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}))
}
