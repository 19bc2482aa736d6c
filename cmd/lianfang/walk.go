package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"lianfang/checks"
	"lianfang/importer"
)

func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

// isWorkbookName reports whether a file in a folder is read as a workbook:
// .xlsx, .xlsm or .xls, not an Office lock file (~$…).
func isWorkbookName(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
		return false
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".xlsx", ".xlsm", ".xls":
		return true
	}
	return false
}

// collectFiles expands the paths: a folder contributes its workbooks
// (recursively, sorted), a file is taken whatever its name.
func collectFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("找不到 %s: %w", p, err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && isWorkbookName(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("读取文件夹 %s 失败: %w", p, err)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

// fileResult is one checked file.
type fileResult struct {
	path     string
	sub      *importer.Submission
	findings []checks.Finding
}

// checkFiles reads and checks files in parallel, at most workers at once,
// and returns the results in the order of files.
func checkFiles(ctx context.Context, files []string, env *checkEnv, workers int) ([]fileResult, error) {
	results := make([]fileResult, len(files))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(max(workers, 1))
	for i, path := range files {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("读取 %s 失败: %w", path, err)
			}
			sub, findings := env.checkOne(path, data)
			results[i] = fileResult{path: path, sub: sub, findings: findings}
			return nil
		})
	}
	return results, g.Wait()
}
