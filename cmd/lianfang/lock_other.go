//go:build !unix && !windows

package main

import "os"

// tryLock cannot lock here; SQLite's own locking still keeps two runs from
// merging at once.
func tryLock(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) {}

func isReadOnlyFS(error) bool { return false }

func isDiskFull(error) bool { return false }

func diskAlmostFull(string) bool { return false }
