package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// runLock is what one run holds on its database from before it opens it
// until it has written its reports: an exclusive lock on a file beside the
// database (lianfang.db.lock; flock on Unix, LockFileEx on Windows). The
// operating system drops the lock when the process ends, however it ends,
// so a killed run never leaves a stale lock behind; the file itself stays.
type runLock struct {
	f    *os.File
	path string
}

// lockPath returns the lock file of a database.
func lockPath(db string) string { return db + ".lock" }

// lockPoll is how often a waiting run tries the lock again.
const lockPoll = 200 * time.Millisecond

// acquireRunLock locks the database db for this run. While another run
// holds it, it waits up to wait (telling stderr once) and then fails with a
// message naming the other process; nothing has been changed by then.
func acquireRunLock(ctx context.Context, db string, wait time.Duration, stderr io.Writer) (*runLock, error) {
	path := lockPath(db)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法创建锁文件 %s:%s", path, explainFS(err))
	}
	deadline := time.Now().Add(wait)
	for told := false; ; {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("无法锁定 %s:%s", path, explainFS(err))
		}
		if ok {
			break
		}
		holder := lockHolder(path)
		if wait <= 0 || time.Now().After(deadline) {
			f.Close()
			hint := "请等它完成后再运行,或加 --wait 30m 排队等候"
			if wait > 0 {
				hint = fmt.Sprintf("已等候 %s,请稍后再运行", chineseDuration(wait))
			}
			return nil, fmt.Errorf("另一个 lianfang run%s正在使用数据库 %s(锁文件 %s),本次没有做任何改动。%s", holder, db, path, hint)
		}
		if !told {
			fmt.Fprintf(stderr, "另一个 lianfang run%s正在使用数据库 %s,等它完成后继续(最多等 %s)……\n", holder, db, chineseDuration(wait))
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, errInterrupted
		case <-time.After(lockPoll):
		}
	}
	// Say who holds the lock, for the message another run shows. The lock
	// is on a byte far past this text, so others can read it on Windows too.
	f.Truncate(0)
	f.WriteAt([]byte(fmt.Sprintf("pid %d\nstarted %s\n", os.Getpid(), time.Now().Format("2006-01-02 15:04:05"))), 0)
	return &runLock{f: f, path: path}, nil
}

// chineseDuration writes a waiting time as 30 分钟 or 45 秒.
func chineseDuration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d 分钟", d/time.Minute)
	}
	return fmt.Sprintf("%.0f 秒", d.Seconds())
}

// release drops the lock.
func (l *runLock) release() {
	unlockFile(l.f)
	l.f.Close()
}

// lockHolder describes the process named in the lock file, as
// "(进程 1234,2026-11-26 09:30:00 开始)", or "" when the file says nothing.
func lockHolder(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var pid, started string
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "pid "); ok {
			pid = v
		} else if v, ok := strings.CutPrefix(line, "started "); ok {
			started = v
		}
	}
	switch {
	case pid != "" && started != "":
		return fmt.Sprintf("(进程 %s,%s 开始)", pid, started)
	case pid != "":
		return fmt.Sprintf("(进程 %s)", pid)
	}
	return ""
}

// checkOutDir makes sure the run can write its reports before it changes
// the database: it creates OUT/<cycle> and a temporary file in it. A
// read-only or full output folder stops the run with the folder's name and
// the reason, the database untouched.
func checkOutDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("无法创建输出文件夹 %s:%s。本次没有读入任何文件,数据库未改动;请换一个可写的文件夹(--out)或腾出磁盘空间后再运行", dir, explainFS(err))
	}
	f, err := os.CreateTemp(dir, ".lianfang-*.tmp")
	if err == nil {
		_, err = f.Write(make([]byte, 4096))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		os.Remove(f.Name())
	}
	if err != nil {
		return fmt.Errorf("无法写入输出文件夹 %s:%s。本次没有读入任何文件,数据库未改动;请换一个可写的文件夹(--out)或腾出磁盘空间后再运行", dir, explainFS(err))
	}
	return nil
}

// removeStale deletes what a killed run left in OUT/<cycle>: temporary
// report files and 退回 folders being built, and an old 退回 folder moved
// aside. Only a run that holds the lock calls it, so none of them belongs
// to a run in progress. Finished reports are never touched.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		switch {
		case !e.IsDir() && strings.HasPrefix(n, ".lianfang-") && strings.HasSuffix(n, ".tmp"),
			e.IsDir() && strings.HasPrefix(n, "."+returnDir+"-"),
			e.IsDir() && n == returnDir+".old":
			os.RemoveAll(filepath.Join(dir, n))
		}
	}
}

// explainFS says in Chinese why a file operation failed, for the failures
// an office PC meets, and gives the system's text otherwise.
func explainFS(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限(文件夹只读或属于其他用户)"
	case isReadOnlyFS(err):
		return "所在磁盘是只读的"
	case isDiskFull(err):
		return "磁盘已满"
	}
	return err.Error()
}

// explainRunError adds the reason, in Chinese, to a run's error when it is
// a full disk, a read-only disk or a missing permission.
func explainRunError(err error) string {
	if !errors.Is(err, fs.ErrPermission) && !isReadOnlyFS(err) && !isDiskFull(err) {
		return err.Error()
	}
	return fmt.Sprintf("%v\n原因:%s。已入库的文件完整保留;腾出磁盘空间或换一个可写的输出文件夹(--out)后再运行即可补写报表,不会重复入库", err, explainFS(err))
}
